"""Numbers and Hijri dates as the press writes them, with the value each one states.

Each strategy draws a pair ``(text, value)``: a text that is exactly one
number (or one date) and what newsassert must read from it, so a property
can check the round trip ``parse_number(text) == value``.

* :func:`separated_numbers`: thousands written with ``,`` ``،`` ``.`` or
  spaces (western and Indian grouping), decimals with a point or a comma, in
  ASCII or Arabic-Indic digits;
* :func:`negative_numbers`: a minus sign (``-``, ``−``) or word (سالب، ناقص,
  minus, negative) before a number;
* :func:`fraction_texts`: fractions and their sums (ثلاثة أرباع, سبعون وثلاثة
  أرباع, "two and a quarter");
* :func:`hijri_dates`: a Hijri day (``15 رمضان 1445``, ``15/09/1445 هـ``) and
  its Gregorian day by the Umm al-Qura tables;
* :func:`spoken_decimals`: a decimal point as a word (``three point one
  four``, ``ثلاثة فاصلة خمسة``), maybe before a scale word;
* :func:`ordinal_texts`: an ordinal (``twenty-first``, ``21st``, ``الحادي
  عشر``, ``الرابعة والعشرون``) and its rank;
* :func:`rank_texts`: an ordinal with the noun it numbers (``the fifth
  round``, ``الجولة الخامسة``), its rank and the noun's key;
* :func:`feast_dates`: a moving feast with its year (``Easter 2031``,
  ``عيد الفطر 1447 هـ``, ``Thanksgiving 2040``) and the first and last day it
  may be kept, computed here independently of the reader (Gauss's Easter
  algorithm, the nth weekday counted by hand).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from newsassert.readers import hijri

__all__ = [
    "feast_dates",
    "fraction_texts",
    "hijri_dates",
    "negative_numbers",
    "ordinal_texts",
    "rank_texts",
    "separated_numbers",
    "spoken_decimals",
]

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_AR_UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_AR_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_EN_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TENS = ["", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# (Arabic single fraction, value); (Arabic plural of parts, value of one part, most parts)
_AR_FRACTION = [("نصف", 0.5), ("ربع", 0.25), ("ثلث", 1 / 3)]
_AR_PARTS = [("أرباع", 0.25, 3), ("أثمان", 0.125, 7), ("أخماس", 0.2, 4), ("أعشار", 0.1, 9)]
_EN_PARTS = [("quarters", 0.25, 3), ("thirds", 1 / 3, 2), ("fifths", 0.2, 4), ("eighths", 0.125, 7)]


def _check_keywords(**flags: object) -> None:
    for name, value in flags.items():
        if not isinstance(value, bool):
            raise InvalidArgument(f"{name} must be True or False (got {value!r})")


def _arabic_words(n: int) -> str:
    """1-99 in Arabic words (units before tens, joined by و)."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _AR_UNITS[unit]
    if tens == 1:
        return "عشرة" if unit == 0 else f"{_AR_UNITS[unit]} عشر"
    return _AR_TENS[tens] if unit == 0 else f"{_AR_UNITS[unit]} و{_AR_TENS[tens]}"


def _english_words(n: int) -> str:
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _EN_UNITS[unit]
    if tens == 1:
        teens = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
        return teens.split()[unit]
    return _EN_TENS[tens] if unit == 0 else f"{_EN_TENS[tens]}-{_EN_UNITS[unit]}"


def _group(digits: str, sep: str, indian: bool) -> str:
    """``digits`` with a thousands separator (Indian: twos before the last three)."""
    head, last = digits[:-3], digits[-3:]
    if not head:
        return last
    size = 2 if indian else 3
    groups = []
    while head:
        groups.append(head[-size:])
        head = head[:-size]
    return sep.join([*reversed(groups), last])


@st.composite
def _separated(draw: DrawFn, arabic_digits: bool) -> tuple[str, float]:
    whole = draw(st.integers(1_000, 999_999_999))
    style = draw(st.sampled_from(["comma", "arabic comma", "dot", "space", "indian"]))
    sep, decimal = {
        "comma": (",", "."),
        "arabic comma": ("،", ","),
        "dot": (".", ","),
        "space": (" ", ","),
        "indian": (",", "."),
    }[style]
    text = _group(str(whole), sep, style == "indian")
    value = float(whole)
    # "1.000" alone is one (a decimal point): dots group thousands only beside a
    # decimal comma or with two groups or more.
    if draw(st.booleans()) or (style == "dot" and whole < 1_000_000):
        cents = draw(st.integers(1, 99))
        text += f"{decimal}{cents:02d}"
        value = float(f"{whole}.{cents:02d}")
    if arabic_digits and draw(st.booleans()):
        text = text.translate(_ARABIC_INDIC)
    return text, value


def separated_numbers(*, arabic_digits: bool = True) -> SearchStrategy[tuple[str, float]]:
    """A number of 1,000 or more with its thousands separated, and its value.

    ``arabic_digits``: also draw numbers written in Arabic-Indic digits.
    """
    _check_keywords(arabic_digits=arabic_digits)
    return _separated(arabic_digits)


@st.composite
def _negative(draw: DrawFn, words: bool) -> tuple[str, float]:
    if words and draw(st.booleans()):
        n = draw(st.integers(1, 99))
        arabic = draw(st.booleans())
        sign = draw(st.sampled_from(["سالب", "ناقص"] if arabic else ["minus", "negative"]))
        return f"{sign} {_arabic_words(n) if arabic else _english_words(n)}", -float(n)
    whole = draw(st.integers(0, 9999))
    tenths = draw(st.integers(0, 9))
    if whole == 0 and tenths == 0:
        tenths = 5
    text = f"{whole}.{tenths}" if tenths else str(whole)
    minus = draw(st.sampled_from(["-", "\u2212"]))
    return minus + text, -float(text)


def negative_numbers(*, words: bool = True) -> SearchStrategy[tuple[str, float]]:
    """A negative number, by its sign or (``words``) by a word before it, and its value."""
    _check_keywords(words=words)
    return _negative(words)


@st.composite
def _fraction(draw: DrawFn, english: bool) -> tuple[str, float]:
    if english:
        parts, part, most = draw(st.sampled_from(_EN_PARTS))
        count = draw(st.integers(2, most))
        whole = draw(st.integers(0, 99))
        fraction = f"{_english_words(count)} {parts}"
        if whole == 0:
            return fraction, count * part
        return f"{_english_words(whole)} and {fraction}", whole + count * part
    whole = draw(st.integers(0, 99))
    if draw(st.booleans()):
        word, value = draw(st.sampled_from(_AR_FRACTION))
        if whole == 0:
            return word, value
        return f"{_arabic_words(whole)} و{word}", whole + value
    parts, part, most = draw(st.sampled_from(_AR_PARTS))
    count = draw(st.integers(3, most)) if most >= 3 else 3
    fraction = f"{_AR_UNITS[count]} {parts}"
    if whole == 0:
        return fraction, count * part
    return f"{_arabic_words(whole)} و{fraction}", whole + count * part


def fraction_texts(*, english: bool = False) -> SearchStrategy[tuple[str, float]]:
    """A fraction or a whole number and a fraction, in Arabic (or English) words, and its value."""
    _check_keywords(english=english)
    return _fraction(english)


@st.composite
def _hijri(draw: DrawFn, numeric: bool) -> tuple[str, dt.date]:
    year = draw(st.integers(1350, 1490))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 29))  # every month of the tables has 29 days
    gregorian = hijri.day(year, month, day)
    assert gregorian is not None  # within the tables' years
    if numeric and draw(st.booleans()):
        order = draw(st.sampled_from(["dmy", "ymd"]))
        sep = draw(st.sampled_from(["/", "-"]))
        parts = (f"{day:02d}", f"{month:02d}", str(year))
        text = sep.join(parts if order == "dmy" else reversed(parts)) + " هـ"
        return text, gregorian
    name = hijri.MONTH_NAMES[month - 1]
    mark = draw(st.sampled_from(["", " هـ", " هجري"]))
    return f"{day} {name} {year}{mark}", gregorian


def hijri_dates(*, numeric: bool = True) -> SearchStrategy[tuple[str, dt.date]]:
    """A Hijri date (``15 رمضان 1445``; with ``numeric`` also ``15/09/1445 هـ``) and its
    Gregorian day by the Umm al-Qura tables."""
    _check_keywords(numeric=numeric)
    return _hijri(numeric)


_EN_ORDINAL_UNITS = [
    "",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
]
_EN_ORDINAL_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_EN_ORDINAL_TENS = [
    "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth",
    "eightieth", "ninetieth",
]  # fmt: skip
# Arabic ordinal stems 1-9 (masculine; the feminine adds ة) and the tens' forms after و.
_AR_ORDINAL_UNITS = [
    "",
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
]
_AR_ORDINAL_TENS = [
    "",
    "",
    "العشرون",
    "الثلاثون",
    "الأربعون",
    "الخمسون",
    "الستون",
    "السبعون",
    "الثمانون",
    "التسعون",
]


@st.composite
def _spoken(draw: DrawFn, arabic: bool) -> tuple[str, float]:
    whole = draw(st.integers(0, 99))
    digits = draw(st.lists(st.integers(0, 9), min_size=1, max_size=3))
    if digits[-1] == 0:
        digits[-1] = draw(st.integers(1, 9))  # "point five zero" is read as written, not drawn
    if arabic:
        words = [_arabic_words(d) if d else "صفر" for d in digits]
        text = f"{_arabic_words(whole) if whole else 'صفر'} {draw(st.sampled_from(['فاصلة', 'فاصل']))} "
    else:
        words = [_english_words(d) if d else "zero" for d in digits]
        text = f"{_english_words(whole) if whole else 'zero'} point "
    value = float(f"{whole}.{''.join(map(str, digits))}")
    text += " ".join(words)
    if whole and draw(st.booleans()):
        scale, factor = draw(
            st.sampled_from(
                [("مليون", 1e6), ("مليار", 1e9)] if arabic else [("million", 1e6), ("billion", 1e9)]
            )
        )
        return f"{text} {scale}", value * factor
    return text, value


def spoken_decimals(*, arabic: bool = False) -> SearchStrategy[tuple[str, float]]:
    """A decimal with its point written as a word ("four point two five", with ``arabic``
    "أربعة فاصلة خمسة"), maybe before a scale word, and its value."""
    _check_keywords(arabic=arabic)
    return _spoken(arabic)


def _english_ordinal(n: int) -> str:
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _EN_ORDINAL_UNITS[unit]
    if tens == 1:
        return _EN_ORDINAL_TEENS[unit]
    return _EN_ORDINAL_TENS[tens] if unit == 0 else f"{_EN_TENS[tens]}-{_EN_ORDINAL_UNITS[unit]}"


def _arabic_ordinal(n: int, feminine: bool) -> str:
    tens, unit = divmod(n, 10)
    fem = "ة" if feminine else ""
    if n == 10:
        return "العاشر" + fem
    if tens == 0:
        return ("الأولى" if feminine else "الأول") if unit == 1 else _AR_ORDINAL_UNITS[unit] + fem
    first = ("الحادي" + fem) if unit == 1 else _AR_ORDINAL_UNITS[unit] + fem
    if tens == 1:
        return f"{first} {'عشرة' if feminine else 'عشر'}"
    return _AR_ORDINAL_TENS[tens] if unit == 0 else f"{first} و{_AR_ORDINAL_TENS[tens]}"


@st.composite
def _ordinal(draw: DrawFn, arabic: bool) -> tuple[str, int]:
    n = draw(st.integers(1, 99))
    if arabic:
        # The tens alone (العشرون) are also "the twenty": only compounds and 1-19.
        if n >= 20 and n % 10 == 0:
            n += 1
        return _arabic_ordinal(n, draw(st.booleans())), n
    if draw(st.booleans()):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}", n
    return _english_ordinal(n), n


def ordinal_texts(*, arabic: bool = False) -> SearchStrategy[tuple[str, int]]:
    """An ordinal 1-99 ("twenty-first", "21st"; with ``arabic`` "الحادي والعشرون",
    "الرابعة عشرة") and its rank."""
    _check_keywords(arabic=arabic)
    return _ordinal(arabic)


# (English noun, Arabic noun, its gender, the noun's key): nouns an ordinal numbers.
_RANK_NOUNS = [
    ("round", "الجولة", True, "round"),
    ("day", "اليوم", False, "day"),
    ("session", "الجلسة", True, "session"),
    ("wave", "الموجة", True, "wave"),
    ("term", "الولاية", True, "term"),
    ("year", "العام", False, "year"),
    ("anniversary", "الذكرى", True, "anniversary"),
]


@st.composite
def _rank(draw: DrawFn, arabic: bool) -> tuple[str, int, str]:
    english, arabic_noun, feminine, noun = draw(st.sampled_from(_RANK_NOUNS))
    n = draw(st.integers(2, 99))
    if arabic:
        if n >= 20 and n % 10 == 0:
            n += 1  # the tens alone are written as cardinals (الذكرى العشرين)
        return f"{arabic_noun} {_arabic_ordinal(n, feminine)}", n, noun
    if draw(st.booleans()):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        word = f"{n}{suffix}"
    else:
        word = _english_ordinal(n)
    return f"the {word} {english}", n, noun


def rank_texts(*, arabic: bool = False) -> SearchStrategy[tuple[str, int, str]]:
    """An ordinal 2-99 with a noun it numbers ("the fifth round", "the 21st
    anniversary"; with ``arabic`` "الجولة الخامسة", "اليوم الحادي والعشرون"),
    its rank and the noun's key (a quantity of unit ``ordinal:round``)."""
    _check_keywords(arabic=arabic)
    return _rank(arabic)


def _gauss_easter(year: int, julian: bool) -> dt.date:
    """Easter Sunday by Gauss's algorithm (with its two exceptions), Gregorian or Julian."""
    a, b, c = year % 19, year % 4, year % 7
    if julian:
        m, n = 15, 6
    else:
        k = year // 100
        p, q = (13 + 8 * k) // 25, k // 4
        m, n = (15 - p + k - q) % 30, (4 + k - q) % 7
    d = (19 * a + m) % 30
    e = (2 * b + 4 * c + 6 * d + n) % 7
    if not julian and d == 29 and e == 6:
        return dt.date(year, 4, 19)
    if not julian and d == 28 and e == 6 and (11 * m + 11) % 30 < 19:
        return dt.date(year, 4, 18)
    day = dt.date(year, 3, 22) + dt.timedelta(days=d + e)
    # A Julian date, as the Gregorian day (13 days apart from 1900 to 2099).
    return day + dt.timedelta(days=13) if julian else day


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    days = [dt.date(year, month, d) for d in range(1, 29)]
    return [d for d in days if d.weekday() == weekday][n - 1]


@st.composite
def _feast(draw: DrawFn, arabic: bool) -> tuple[str, dt.date, dt.date]:
    kind = draw(st.sampled_from(["easter", "good friday", "fitr", "adha", "thanksgiving"]))
    if kind in ("fitr", "adha"):
        year = draw(st.integers(1370, 1490))
        month, first, last = (10, 1, 3) if kind == "fitr" else (12, 10, 13)
        low, high = hijri.day(year, month, first), hijri.day(year, month, last)
        assert low is not None and high is not None  # within the tables' years
        name = {"fitr": ("عيد الفطر", "Eid al-Fitr"), "adha": ("عيد الأضحى", "Eid al-Adha")}[kind]
        text = f"{name[0]} {year} هـ" if arabic else f"{name[1]} {year}"
        # From the day before the tables' first day: the moon may be sighted earlier.
        return text, low - dt.timedelta(days=1), high
    year = draw(st.integers(1950, 2070))
    if kind == "thanksgiving":
        day = _nth_weekday(year, 11, 3, 4)
        return (f"عيد الشكر {year}" if arabic else f"Thanksgiving {year}"), day, day
    shift = dt.timedelta(days=-2 if kind == "good friday" else 0)
    western = _gauss_easter(year, julian=False) + shift
    if not arabic:
        return f"{'Good Friday' if shift else 'Easter'} {year}", western, western
    orthodox = _gauss_easter(year, julian=True) + shift
    feast = "الجمعة العظيمة" if shift else "عيد الفصح"
    return f"{feast} {year}", min(western, orthodox), max(western, orthodox)


def feast_dates(*, arabic: bool = False) -> SearchStrategy[tuple[str, dt.date, dt.date]]:
    """A moving feast with its year ("Easter 2031", "Eid al-Adha 1460",
    "Thanksgiving 2040"; with ``arabic`` "عيد الفصح 2031", "عيد الفطر 1447 هـ")
    and the first and last day it may be kept (one day, or in Arabic Easter the
    Western and the Orthodox day; an Eid from the day before the tables' first
    day to its last)."""
    _check_keywords(arabic=arabic)
    return _feast(arabic)
