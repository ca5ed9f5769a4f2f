"""The vocabulary of the date phrases (``data/date_words.json``), as lookup tables.

Read once a process; :mod:`.date_phrases` builds its pattern from it and
:mod:`.phrase_readers` reads the words a phrase matched.
"""

from __future__ import annotations

import functools
from typing import Any

from newsassert.readers.dates_common import k
from newsassert.text.data import read_data

__all__: list[str] = []


@functools.cache
def _words() -> dict[str, Any]:
    data: dict[str, Any] = read_data("date_words.json")
    return data


@functools.cache
def _tables() -> dict[str, Any]:
    words = _words()
    periods = words["periods"]
    units: dict[str, tuple[str, int | None]] = {}
    for lang in ("ar", "en"):
        for unit, counts in periods[lang].items():
            for count, forms in counts.items():
                for form in forms:
                    units[k(form)] = (unit, None if count == "n" else int(count))
    hijri_months = {
        k(form): int(n)
        for n, forms in words["hijri_months"].items()
        if n != "about"
        for form in forms
    }
    months = read_data("months.json")
    # Before a day number an Arabic weekday is one (الأحد 14); English abbreviations stay out.
    weekdays = {
        row["key"]: row["weekday"]
        for row in months["weekdays"]
        if row["lang"] == "ar" or not row["needs_context"]
    }
    rel_kind = {
        k(w): kind for kind, langs in words["relative"].items() for ws in langs.values() for w in ws
    }
    decades = {k(w): n for w, n in words["decades"]["ar"].items()}
    decades.update({"ال" + w: n for w, n in list(decades.items())})
    quarters = {k(w): n for lang in ("en", "ar") for w, n in words["quarters"][lang].items()}
    en_months = {row["key"]: row["month"] for row in months["months"] if row["lang"] == "en"}
    en_weekdays = {
        row["key"]: row["weekday"]
        for row in months["weekdays"]
        if row["lang"] == "en" and not row["needs_context"]
    }
    holidays = {k(w): (md[0], md[1]) for w, md in words["holidays"]["en"].items()}
    return {
        "en_months": en_months,
        "en_weekdays": en_weekdays,
        "holidays": holidays,
        "holiday_cues": {k(w) for w in words["holidays"]["cues"]},
        "nth": {k(w): n for w, n in words["nth_weekday"]["en"].items()},
        "decades": decades,
        "quarters": quarters,
        "this_century": [k(w) for w in words["decades"]["this_century_ar"]],
        "last_century": [k(w) for w in words["decades"]["last_century_ar"]],
        "fiscal": {k(w) for w in words["quarters"]["fiscal"]},
        "between": [k(w) for w in words["year_ranges"]["before"]],
        "years_word": [k(w) for w in words["year_ranges"]["years_word"]],
        "units": units,
        "hijri_months": hijri_months,
        "weekdays": weekdays,
        "rel_kind": rel_kind,
        "not_after": {
            k(w) for ws in (periods["not_after"]["ar"], periods["not_after"]["en"]) for w in ws
        },
        "cues": {k(w) for ws in words["numeric_cues"].values() if isinstance(ws, list) for w in ws},
    }
