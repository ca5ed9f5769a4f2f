"""Generate ``src/newsassert/data/months.json``: month and weekday names from CLDR.

Run with the ``data`` extra installed (``pip install -e .[data]``)::

    python scripts/gen_cldr_dates.py

The names come from the Unicode CLDR through Babel, for English and for every
Arabic locale Babel ships, in both the *format* and *stand-alone* contexts and
the *wide* and *abbreviated* widths (narrow forms are single letters and are
left out). Arabic news uses three month systems and CLDR has all of them:

* Egypt and the Gulf (``ar``): يناير فبراير مارس …
* the Levant and Iraq (``ar_IQ``, ``ar_SY``, ``ar_LB``, ``ar_JO``, ``ar_PS``):
  كانون الثاني شباط آذار …
* the Maghreb (``ar_DZ``, ``ar_TN``: جانفي فيفري …; ``ar_MA``: ماي يوليوز غشت
  شتنبر نونبر دجنبر; ``ar_MR``: إبريل أغشت شتمبر دجمبر).

Each name records the locales and contexts it came from. Spellings that differ
only in what :func:`newsassert.normalize.key` folds (hamza and alef forms,
``ة``/``ه``, ``ى``/``ي``, diacritics, non-breaking spaces) are one entry: the
extractor matches through the key, so أيار finds ايار and إبريل finds ابريل.

A few spellings common in the press are missing from CLDR; they are added in
:data:`ADDITIONS`, each with its reason, and marked ``"source": "addition"``.

Some names are also ordinary words (``مارس`` "he practised", ``آب`` folds to
``اب`` "father", ``نيسان`` the car maker, English ``May`` the modal verb); they
are marked ``"needs_context": true`` and the extractor takes them only next to
a day number, a year or the word شهر / "month". The same flag marks weekday
names that are common words (``الأحد`` "the One", ``الاثنين`` "the two").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.core import get_cldr_version
from babel.localedata import locale_identifiers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsassert.normalize import key, normalize_text  # noqa: E402

OUT = ROOT / "src" / "newsassert" / "data" / "months.json"

CONTEXTS = ("format", "stand-alone")
WIDTHS = ("wide", "abbreviated")

# Month systems by region, for the record only (the extractor does not need it).
SYSTEM_OF_REGION = {
    **dict.fromkeys(("IQ", "SY", "LB", "JO", "PS"), "levantine"),
    **dict.fromkeys(("DZ", "TN", "MA", "MR", "EH", "LY"), "maghreb"),
}

# Press spellings CLDR lacks: (name, month number, system, reason). All Arabic.
ADDITIONS: tuple[tuple[str, int, str, str], ...] = (
    ("يونيه", 6, "standard", "Egyptian press spelling of يونيو (e.g. 30 يونيه)"),
    ("يوليه", 7, "standard", "Egyptian press spelling of يوليو"),
    ("مايس", 5, "levantine", "Iraqi name of May, still found in Iraqi press"),
    ("كانون ثاني", 1, "levantine", "Levantine press often drops the article"),
    ("كانون أول", 12, "levantine", "Levantine press often drops the article"),
    ("تشرين أول", 10, "levantine", "Levantine press often drops the article"),
    ("تشرين ثاني", 11, "levantine", "Levantine press often drops the article"),
)

# Names that are also common words or names: taken only in a date context.
NEEDS_CONTEXT_MONTHS = frozenset(
    key(w)
    for w in (
        "مارس",  # the verb مارس "he practised / exercised"
        "آب",  # key اب is also أب "father"
        "نيسان",  # the car maker Nissan
        "ماي",  # English "my" in brand names, dialect "water"
        "مايس",  # rare; keep it strict
        "جوان",  # the given names Joan / Juan
        "أوت",  # short and rare: keep it strict
        "May",  # the modal verb, Theresa May
        "March",  # the verb and noun "march"
    )
)
NEEDS_CONTEXT_WEEKDAYS = frozenset(
    key(w)
    for w in (
        "الأحد",  # "the One" (الواحد الأحد), الأحد عشر "the eleven"
        "الاثنين",  # "the two" (كلا الاثنين)
    )
)


def _name_key(name: str) -> str:
    return " ".join(key(name).split())


def _add(
    table: dict[tuple[str, int, str], dict[str, Any]],
    name: str,
    lang: str,
    number: int,
    locale: str,
    form: str,
    flags: frozenset[str],
) -> None:
    written = " ".join(normalize_text(name).split())
    entry_key = _name_key(written)
    entry = table.setdefault(
        (lang, number, entry_key),
        {
            "name": written,
            "key": entry_key,
            "lang": lang,
            "locales": set(),
            "forms": set(),
            "needs_context": entry_key in flags,
        },
    )
    entry["locales"].add(locale)
    entry["forms"].add(form)


def _finish(table: dict[tuple[str, int, str], dict[str, Any]], field: str) -> list[dict[str, Any]]:
    rows = []
    for (lang, number, _), entry in sorted(table.items()):
        locales = sorted(entry["locales"])
        system = "standard"
        if lang == "ar" and field == "month" and "ar" not in locales and locales != ["addition"]:
            regions = {loc.partition("_")[2] for loc in locales}
            system = "/".join(sorted({SYSTEM_OF_REGION.get(r, "standard") for r in regions}))
        rows.append(
            {
                field: number,
                "name": entry["name"],
                "key": entry["key"],
                "lang": lang,
                "system": system if lang == "ar" and field == "month" else None,
                "source": "addition" if locales == ["addition"] else "cldr",
                "locales": locales,
                "forms": sorted(entry["forms"]),
                # Abbreviations ("Jan", "Sat") are never taken alone either.
                "needs_context": entry["needs_context"]
                or all(f.endswith("abbreviated") for f in entry["forms"]),
            }
        )
        if rows[-1]["system"] is None:
            del rows[-1]["system"]
    return rows


def build() -> dict[str, Any]:
    months: dict[tuple[str, int, str], dict[str, Any]] = {}
    weekdays: dict[tuple[str, int, str], dict[str, Any]] = {}
    locales = sorted(
        loc
        for loc in locale_identifiers()
        if loc == "en" or loc == "ar" or loc.startswith(("ar_", "en_"))
    )
    for loc in locales:
        locale = Locale.parse(loc)
        lang = locale.language
        if locale.script or (lang == "en" and loc not in {"en", "en_GB", "en_US", "en_AU"}):
            continue  # the other English locales repeat these three
        for context in CONTEXTS:
            for width in WIDTHS:
                form = f"{context}-{width}"
                for number, name in locale.months[context][width].items():
                    _add(months, name, lang, number, loc, form, NEEDS_CONTEXT_MONTHS)
                for babel_day, name in locale.days[context][width].items():
                    # Babel numbers days Monday=0 … Sunday=6, as datetime.date.weekday().
                    _add(weekdays, name, lang, babel_day, loc, form, NEEDS_CONTEXT_WEEKDAYS)
    for name, number, system, reason in ADDITIONS:
        _add(months, name, "ar", number, "addition", "addition", NEEDS_CONTEXT_MONTHS)
        months[("ar", number, _name_key(name))].update(system=system, reason=reason)
    month_rows = _finish(months, "month")
    for row in month_rows:
        entry = months[(row["lang"], row["month"], row["key"])]
        if "reason" in entry:
            row["system"] = entry["system"]
            row["reason"] = entry["reason"]
    return {
        "generated_by": "scripts/gen_cldr_dates.py",
        "babel_version": babel.__version__,
        "cldr_version": str(get_cldr_version()),
        "licence": "Unicode License v3 (CLDR); see NOTICE",
        "note": "weekday numbers follow datetime.date.weekday(): Monday=0 ... Sunday=6",
        "months": month_rows,
        "weekdays": _finish(weekdays, "weekday"),
    }


def render(data: dict[str, Any]) -> str:
    """The file's text (tests/test_cldr_data.py compares it with the shipped file)."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    data = build()
    OUT.write_text(render(data), encoding="utf-8")
    print(f"{OUT.name}: {len(data['months'])} month names, {len(data['weekdays'])} weekday names")


if __name__ == "__main__":
    main()
