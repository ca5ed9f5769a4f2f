"""The words the strategies write with: digits of three scripts, number words in Arabic and English, month names (CLDR), units and hedges (``data/strategies.toml``), and the checks of the options."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from newsassert.text.data import read_data

SCRIPTS = ("ascii", "arabic", "persian")


_DIGITS = {"ascii": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}


_THOUSANDS = {"ascii": (",",), "arabic": ("٬", ","), "persian": ("٬",)}


_DECIMAL = {"ascii": ".", "arabic": "٫", "persian": "٫"}


@functools.cache
def _vocabulary() -> dict[str, Any]:
    data: dict[str, Any] = read_data("strategies.toml")
    return data


@functools.cache
def _months() -> dict[str, tuple[tuple[int, str], ...]]:
    """Month names by language and system, from CLDR (``data/months.json``)."""
    table: dict[str, list[tuple[int, str]]] = {}
    for entry in read_data("months.json")["months"]:
        if entry["lang"] == "en":
            if "format-wide" not in entry["forms"]:
                continue
            system = "en"
        else:
            # Names that need context alone ("مارس" is also a verb) have it
            # here: a day or a year always stands beside them.
            system = entry.get("system", "standard")
        table.setdefault(system, []).append((int(entry["month"]), str(entry["name"])))
    return {system: tuple(sorted(table.get(system, ()))) for system in ("en", *_AR_SYSTEMS)}


def _check_choice(name: str, value: object, choices: Sequence[object]) -> None:
    if value not in choices:
        shown = ", ".join(repr(c) for c in choices)
        raise InvalidArgument(f"{name}={value!r} must be one of {shown}")


def _check_lang(lang: object, allowed: Sequence[str | None] = ("ar", "en", None)) -> None:
    _check_choice("lang", lang, allowed)


@functools.cache
def _langs(lang: str | None) -> SearchStrategy[str]:
    return st.just(lang) if lang is not None else st.sampled_from(("ar", "en"))


_EN_ONES = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip


_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


# Arabic 3-10 take the opposite gender of the counted noun's singular:
# "ثلاثة جنود" (masculine noun), "ثلاث غارات" (feminine noun).
_AR_WITH_MASCULINE = {
    3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة",
}  # fmt: skip


_AR_WITH_FEMININE = {
    3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر",
}  # fmt: skip


# Tens in the accusative/genitive (usual after verbs and prepositions) and nominative.
_AR_TENS = {
    20: ("عشرين", "عشرون"), 30: ("ثلاثين", "ثلاثون"), 40: ("أربعين", "أربعون"),
    50: ("خمسين", "خمسون"), 60: ("ستين", "ستون"), 70: ("سبعين", "سبعون"),
    80: ("ثمانين", "ثمانون"), 90: ("تسعين", "تسعون"),
}  # fmt: skip


_AR_HUNDREDS = {
    1: ("مئة", "مائة"), 3: ("ثلاثمئة", "ثلاثمائة"), 4: ("أربعمئة", "أربعمائة"),
    5: ("خمسمئة", "خمسمائة"), 6: ("ستمئة", "ستمائة"), 7: ("سبعمئة", "سبعمائة"),
    8: ("ثمانمئة", "ثمانمائة"), 9: ("تسعمئة", "تسعمائة"),
}  # fmt: skip


def _en_below_100(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    tens, ones = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")


def _en_below_1000(n: int, draw: DrawFn, leading: bool = True) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _en_below_100(rest)
    # "a hundred" only opens a number: "one thousand one hundred", not "… a hundred".
    a_hundred = hundreds == 1 and leading and draw(st.booleans())
    head = "a hundred" if a_hundred else f"{_EN_ONES[hundreds]} hundred"
    if not rest:
        return head
    joiner = draw(st.sampled_from((" and ", " ")))
    return f"{head}{joiner}{_en_below_100(rest)}"


def _en_words(n: int, draw: DrawFn) -> str:
    """``n`` (2-999,999) in English words: "two thousand five hundred"."""
    if n == 12 and draw(st.booleans()):
        return "a dozen"
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _en_below_1000(rest, draw)
    head = f"{_en_below_1000(thousands, draw)} thousand"
    if thousands == 1 and draw(st.booleans()):
        head = "a thousand"
    if not rest:
        return head
    # No comma after "thousand": in running text it would read as a list.
    joiner = " and " if rest < 100 else " "
    return f"{head}{joiner}{_en_below_1000(rest, draw, leading=False)}"


def _ar_below_100(n: int, gender: str, nominative: bool) -> str:
    """3-99 in Arabic words, agreeing with a counted noun of ``gender``."""
    three_to_ten = _AR_WITH_MASCULINE if gender == "m" else _AR_WITH_FEMININE
    if n <= 10:
        return three_to_ten[n]
    if n < 20:
        unit = n - 10
        if unit == 1:
            return "أحد عشر" if gender == "m" else "إحدى عشرة"
        if unit == 2:
            if gender == "m":
                return "اثنا عشر" if nominative else "اثني عشر"
            return "اثنتا عشرة" if nominative else "اثنتي عشرة"
        return f"{three_to_ten[unit]} عشر" if gender == "m" else f"{three_to_ten[unit]} عشرة"
    tens_value, unit = divmod(n, 10)
    tens = _AR_TENS[tens_value * 10][1 if nominative else 0]
    if not unit:
        return tens
    if unit == 1:
        ones = "واحد" if gender == "m" else "إحدى"
    elif unit == 2:
        ones = (
            ("اثنان" if nominative else "اثنين")
            if gender == "m"
            else ("اثنتان" if nominative else "اثنتين")
        )
    else:
        ones = three_to_ten[unit]
    return f"{ones} و{tens}"


def _ar_words(parts: tuple[int, int, int], gender: str, draw: DrawFn) -> tuple[str, str]:
    """(thousands, hundreds, rest) in Arabic words, and the form of the noun after it.

    The noun's form follows the last part said: ``plural`` after 3-10,
    ``accusative`` (singular) after 11-99, ``singular`` after a round hundred
    or thousand. ``rest`` is 0 or 3-99 (1 and 2 are said with the noun alone).
    """
    thousands, hundreds, rest = parts
    nominative = draw(st.booleans()) and draw(st.booleans())  # the rarer case in news
    said: list[str] = []
    last_is_round = rest == 0
    if thousands:
        construct = last_is_round and not hundreds  # "ألفي جندي", "عشرين ألف جندي"
        if thousands == 1:
            said.append("ألف")
        elif thousands == 2:
            said.append("ألفي" if construct else ("ألفان" if nominative else "ألفين"))
        elif thousands <= 10:
            said.append(f"{_AR_WITH_MASCULINE[thousands]} آلاف")  # ألف is masculine
        else:
            tail = "ألف" if construct else draw(st.sampled_from(("ألفا", "ألف")))
            said.append(f"{_ar_below_100(thousands, 'm', nominative)} {tail}")
    if hundreds:
        construct = last_is_round
        if hundreds == 2:
            spelling = draw(st.sampled_from(("مئت", "مائت")))
            said.append(spelling + ("ي" if construct else ("ان" if nominative else "ين")))
        else:
            said.append(draw(st.sampled_from(_AR_HUNDREDS[hundreds])))
    if rest:
        said.append(_ar_below_100(rest, gender, nominative))
    text = " و".join(said)
    if rest and rest <= 10:
        return text, "plural"
    if rest:
        return text, "accusative"
    return text, "singular"


@st.composite
def _ar_word_parts(draw: DrawFn) -> tuple[int, int, int]:
    rest = draw(st.sampled_from((0, *range(3, 100))))
    hundreds = draw(st.integers(0, 9))
    thousands = draw(st.sampled_from((0, 0, 0, *range(1, 100))))
    if thousands == hundreds == rest == 0:
        rest = draw(st.integers(3, 99))
    return thousands, hundreds, rest


def _value_of(parts: tuple[int, int, int]) -> float:
    thousands, hundreds, rest = parts
    return float(thousands * 1000 + hundreds * 100 + rest)


def _write_digits(value: float, script: str, draw: DrawFn, decimals: int = 0) -> str:
    """``value`` in the digits of ``script``, grouped by thousands or not."""
    whole, _, fraction = f"{value:.{decimals}f}".partition(".")
    if len(whole) > 3 and draw(st.booleans()):
        separator = draw(st.sampled_from(_THOUSANDS[script]))
        groups: list[str] = []
        while len(whole) > 3:
            whole, group = whole[:-3], whole[-3:]
            groups.insert(0, group)
        whole = separator.join([whole, *groups])
    text = f"{whole}{_DECIMAL[script]}{fraction}" if fraction else whole
    return text.translate(str.maketrans("0123456789", _DIGITS[script]))


@functools.cache
def _scripts(script: str | None, lang: str) -> SearchStrategy[str]:
    if script is not None:
        return st.just(script)
    # Arabic text is written with either digit set; English with ASCII digits.
    return st.sampled_from(("ascii", "arabic", "persian")) if lang == "ar" else st.just("ascii")


@st.composite
def _integers(draw: DrawFn, low: int = 3, max_digits: int = 7) -> int:
    # Spread over magnitudes: counts in news run from a handful to millions.
    digits = draw(st.integers(len(str(low)), max_digits))
    return int(draw(st.integers(max(low, 10 ** (digits - 1)), 10**digits - 1)))


_AR_SYSTEMS = ("standard", "levantine", "maghreb")
