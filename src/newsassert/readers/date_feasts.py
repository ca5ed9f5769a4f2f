"""Dates that are computed, not written: feasts whose day moves, centuries, weeks.

A third scan over the folded text of :mod:`.dates` (marks dropped, hamza,
alef, ``ة`` and ``ى`` folded, lower case) reads, with the words of
``feasts`` in data/date_words.json:

* Easter and the days tied to it, by the computus: ``Easter 2024`` is
  2024-03-31, ``Good Friday 2024`` 2024-03-29, ``Orthodox Easter 2024``
  2024-05-05. Arabic ``عيد الفصح`` is kept by both churches in the Arab world:
  the interval of the two days (one day when they coincide).
* Islamic feasts by the Umm al-Qura tables of :mod:`.hijri`: ``عيد الفطر
  1445``, ``Eid al-Adha 2024`` (the one that falls in that Gregorian year),
  ``رمضان 2024``. Each is an interval from the day before the tables' first
  day (a country that sights the moon may keep the feast a day earlier or
  later) to its last day: Eid al-Fitr 1-3 Shawwal, Eid al-Adha 10-13 Dhu
  al-Hijjah, Ramadan the month.
* US holidays on an nth weekday: ``Thanksgiving 2023`` (the fourth Thursday
  of November), ``Black Friday``, ``Memorial Day``, ``Labor Day``.
* Without a year a feast is read only when publication is known and the
  feast falls within a month of it (an article of 2024-04-12 on Eid al-Fitr
  means 2024's); else it holds its span and makes no claim, so that the
  weekday inside ``Good Friday`` is not read as the last Friday.
* Centuries: ``the 18th century``, ``19th-century``, ``القرن التاسع عشر``,
  ``القرن الـ21``: the interval from the year ``(n-1)*100`` to ``n*100``,
  which holds both the strict (1701-1800) and the everyday (1700-1799)
  reading; ``القرن الماضي`` from publication. Before Christ, nothing.
* Weeks: ``the week of October 6th`` (the days of any week, from Sunday or
  from Monday, that holds it), ``the first week of October`` (its days 1-7;
  the last week, its last seven days), ``الأسبوع الأول من أكتوبر``.

None of them is ever one wrong day: what the text leaves open is an interval
(``low``/``high``), or nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from newsassert.readers import hijri
from newsassert.readers.date_phrases import SUPPRESSED, interval
from newsassert.readers.dates_common import FoundDate, k, trie
from newsassert.text.data import read_data

__all__ = ["easter", "find_feasts", "orthodox_easter"]

_NEAR = 31  # days: how near publication a feast without its year is read


def easter(year: int) -> dt.date:
    """Western Easter Sunday of ``year`` (the anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, j = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - j) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def orthodox_easter(year: int) -> dt.date:
    """Orthodox Easter Sunday of ``year``: the Julian computus, as a Gregorian day."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_shift = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return dt.date(year, month, day + 1) + dt.timedelta(days=julian_shift)


@functools.cache
def _words() -> dict[str, Any]:
    data: dict[str, Any] = read_data("date_words.json")["feasts"]
    return data


@attrs.frozen
class _Feast:
    kind: str  # "easter", "hijri", "nth"
    spec: tuple[Any, ...]
    needs_year: bool = False


@functools.cache
def _feasts() -> dict[str, _Feast]:
    w = _words()
    out: dict[str, _Feast] = {}
    for row in w["easter"]:
        for form in row["forms"]:
            out[k(form)] = _Feast("easter", (row["offset"], row["church"]))
    for row in w["hijri"]:
        for form in row["forms"]:
            out[k(form)] = _Feast("hijri", tuple(row["date"]), bool(row.get("needs_year")))
    for row in w["nth_weekday"]:
        for form in row["forms"]:
            out[k(form)] = _Feast("nth", tuple(row["date"]))
    return out


@functools.cache
def _months_en() -> dict[str, int]:
    rows = read_data("months.json")["months"]
    return {r["key"]: r["month"] for r in rows if r["lang"] == "en"}


@functools.cache
def _months_ar() -> dict[str, int]:
    rows = read_data("months.json")["months"]
    return {r["key"]: r["month"] for r in rows if r["lang"] == "ar"}


@functools.cache
def _ordinals_ar() -> dict[str, int]:
    """Arabic ordinals 1-21 by key: الاول … العاشر, الحادي عشر …, الحادي والعشرين."""
    data = read_data("numbers.toml")["ordinal"]
    units = {**data["arabic_units"], **data["arabic_ten"]}
    out: dict[str, int] = {}
    for stem, n in units.items():
        for form in (stem, stem + "ه"):
            out[k("ال" + form)] = n
            if n < 10:
                for teen in data["arabic_teen"]:
                    out[k(f"ال{form} {teen}")] = 10 + n
                out[k(f"ال{form} والعشرين")] = 20 + n
                out[k(f"ال{form} والعشرون")] = 20 + n
    out[k("العشرين")] = out[k("العشرون")] = 20
    out.pop(k("الاولي"), None)
    return out


@functools.cache
def _pattern() -> re.Pattern[str]:
    w = _words()
    c = w["centuries"]
    months_en = trie(sorted(_months_en()))
    months_ar = trie(sorted(_months_ar()))
    day_en = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    ord_ar = trie(sorted(_ordinals_ar()))
    nth_en = trie(sorted(w["nth_week_of"]["en"]))
    nth_ar = trie(sorted(k(x) for x in w["nth_week_of"]["ar"]))
    pattern = rf"""
      # Easter 2024, عيد الفطر 1445 هـ, Thanksgiving Day 2023, Eid al-Adha.
      (?:[وف]?[بل](?=ع)|[وف](?=ع))?(?P<feast>{trie(sorted(_feasts()))})(?![\w'’\-])
        (?:[ \t]*,?[ \t]+(?:(?:{trie(sorted(k(x) for x in w["year_before"]))})[ \t]+)?
           (?P<f_y>\d{{4}})(?![\d/.\-]\d)(?:[ \t]*(?P<f_h>هـ|ه(?!\w)|هجري))?)?
    # The 18th century, 19th-century, the twenty-first century.
    | (?P<century>(?:the[ \t]+)?(?P<c_n>[12]?\d)(?:st|nd|rd|th)[ \t-]+{c["en"]}
        | (?:the[ \t]+)?(?P<c_w>{trie(sorted(_EN_CENTURIES))})[ \t-]+{c["en"]})(?!\w)
    | (?P<century_ar>{k(c["ar"])}[ \t]+(?:(?P<ca_w>{ord_ar})|(?:ال[ـ]*[ \t]?)?(?P<ca_n>[12]?\d)
        |(?P<ca_this>{trie(sorted(k(x) for x in c["this_ar"]))})|(?P<ca_last>{trie(sorted(k(x) for x in c["last_ar"]))})))(?!\w)
    # The week of October 6th, the week of 6 October 2024.
    | (?P<week_of>(?:the[ \t]+)?week[ \t]+of[ \t]+
        (?:(?P<wo_m>{months_en})\.?[ \t]+(?P<wo_d>{day_en})|(?P<wo_d2>{day_en})[ \t]+(?:of[ \t]+)?(?P<wo_m2>{months_en}))
        (?:[ \t]*,?[ \t]*(?P<wo_y>\d{{4}}))?)(?![\w])
    # The first week of October (2024), الأسبوع الأول من أكتوبر.
    | (?P<nth_week>(?:the[ \t]+)?(?P<nw_en>{nth_en})[ \t]+week[ \t]+(?:of|in)[ \t]+(?P<nw_m>{months_en})
        (?:[ \t]*,?[ \t]*(?P<nw_y>\d{{4}}))?)(?![\w])
    | (?P<nth_week_ar>الاسبوع[ \t]+(?P<nwa>{nth_ar})[ \t]+(?:من[ \t]+)?(?:شهر[ \t]+)?(?P<nwa_m>{months_ar})
        (?:[ \t]*(?:من[ \t]+)?(?:عام[ \t]+|العام[ \t]+)?(?P<nwa_y>\d{{4}}))?)(?!\w)
    """
    return re.compile(pattern, re.VERBOSE)


_EN_CENTURIES = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "twenty first": 21,
}


@functools.cache
def _gates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where a phrase here can start, searched before the phrase pattern: the
    last word of a feast's name, and the word a century or a week phrase turns
    on; the phrase is tried from the few words before it. Both are literal
    alternations, which the engine scans in C."""
    last_words = {form.split(" ")[-1] for form in _feasts()}
    feasts = re.compile(rf"(?:{trie(sorted(last_words))})(?![\w'’\-])")
    anchors = re.compile(r"(?:century|week|القرن|الاسبوع)(?!\w)")
    return feasts, anchors


_WORD_START = re.compile(r"(?<!\w)\w")
_PROCLITICS = "وفبل"


def _start_before(text: str, at: int, floor: int) -> int | None:
    """Where the word at ``at`` starts with its proclitics (بعيد, وبعيد), or None
    when ``at`` is inside another word."""
    begin = at
    while begin > floor and text[begin - 1] in _PROCLITICS and at - begin < 2:
        begin -= 1
    if begin > floor and text[begin - 1].isalnum():
        return None
    if (begin < at and not text[at].isalpha()) or (begin < at and text[at] != "ع"):
        return None
    return begin


def find_feasts(text: str, start: int, end: int, published: dt.date | None) -> Iterator[FoundDate]:
    """The computed dates of ``text[start:end]`` (folded), in order."""
    feasts, anchors = _gates()
    candidates = set()
    for m in feasts.finditer(text, start, end):
        if m.start() > start and text[m.start() - 1].isalnum():
            continue
        lo = max(start, m.start() - 32)
        for w in _WORD_START.finditer(text, lo, m.start() + 1):
            begin = _start_before(text, w.start(), start)
            if begin is not None:
                candidates.add(begin)
    for m in anchors.finditer(text, start, end):
        if m.start() > start and text[m.start() - 1].isalnum():
            continue
        lo = max(start, m.start() - 28)
        candidates.update(w.start() for w in _WORD_START.finditer(text, lo, m.start() + 1))
    if not candidates:
        return
    pattern = _pattern()
    at = start
    for candidate in sorted(candidates):
        if candidate < at:
            continue
        phrase = pattern.match(text, candidate, end)
        if phrase is None:
            continue
        got = _read(phrase, text, published)
        if got is not None:
            yield got
            at = phrase.end()


def _read(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    if m.group("feast"):
        return _feast(m, text, pub)
    if m.group("century") or m.group("century_ar"):
        return _century(m, text, pub)
    if m.group("week_of"):
        return _week_of(m)
    return _nth_week(m)


def _suppressed(m: re.Match[str]) -> FoundDate:
    return FoundDate(m.start(), m.end(), relative=True, low=SUPPRESSED, high=SUPPRESSED)


# --- feasts ---------------------------------------------------------------------


def _feast(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    feast = _feasts()[k(m.group("feast"))]
    after = text[m.end("feast") : m.end("feast") + 12].split()
    if feast.kind == "easter" and after and after[0] in _words()["not_easter_after"]:
        return None  # عيد الفصح اليهودي: Passover
    start = m.start("feast")  # after a proclitic (بعيد الفطر)
    year = int(m.group("f_y")) if m.group("f_y") else None
    if year is not None:
        hijri_year = bool(m.group("f_h")) or (feast.kind == "hijri" and 1300 <= year <= 1500)
        if hijri_year and feast.kind == "hijri" and feast.spec[2] >= 29:
            return None  # رمضان 1445: the month of the tables, read by the Hijri dates
        span = _feast_span(feast, year, hijri_year)
        if span is None:
            return FoundDate(start, m.end(), relative=True, low=SUPPRESSED, high=SUPPRESSED)
        if span[0] != span[1]:
            return interval(start, m.end(), *span)
        return FoundDate(start, m.end(), span[0].year, span[0].month, span[0].day, span[0], False)
    if feast.needs_year:
        return None
    end = m.end("feast")
    if pub is None:
        return FoundDate(start, end, relative=True, low=SUPPRESSED, high=SUPPRESSED)
    near = [
        span
        for y in (pub.year - 1, pub.year, pub.year + 1)
        if (span := _feast_span(feast, y, False)) is not None
        and span[0] - dt.timedelta(days=_NEAR) <= pub <= span[1] + dt.timedelta(days=_NEAR)
    ]
    if len(near) != 1:
        return FoundDate(start, end, relative=True, low=SUPPRESSED, high=SUPPRESSED)
    low, high = near[0]
    if low == high:
        return FoundDate(start, end, low.year, low.month, low.day, low, True)
    return attrs.evolve(interval(start, end, low, high), relative=True)


def _feast_span(feast: _Feast, year: int, hijri_year: bool) -> tuple[dt.date, dt.date] | None:
    """The first and last day the feast may be kept in ``year`` (Gregorian,
    or Hijri when ``hijri_year``); None when the year has not one such feast."""
    if not 1583 <= year <= 9999 and not hijri_year:
        return None
    if feast.kind == "easter":
        if hijri_year:
            return None
        offset, church = feast.spec
        shift = dt.timedelta(days=offset)
        days = []
        if church in ("western", "both"):
            days.append(easter(year) + shift)
        if church in ("orthodox", "both"):
            days.append(orthodox_easter(year) + shift)
        return min(days), max(days)
    if feast.kind == "nth":
        month, weekday, n, later = feast.spec
        first = dt.date(year, month, 1)
        offset = (weekday - first.weekday()) % 7
        if n > 0:
            day = first + dt.timedelta(days=offset + 7 * (n - 1))
        else:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
            day = last - dt.timedelta(days=(last.weekday() - weekday) % 7)
        day += dt.timedelta(days=later)
        return day, day
    return _hijri_span(feast, year, hijri_year)


def _hijri_span(feast: _Feast, year: int, hijri_year: bool) -> tuple[dt.date, dt.date] | None:
    month, first, last = feast.spec
    if hijri_year:
        candidates = [year]
    else:
        # The Hijri years whose feast may fall in Gregorian ``year``.
        approx = round((year - 622) * 33 / 32)
        candidates = [approx - 1, approx, approx + 1, approx + 2]
    spans = []
    for h in candidates:
        month_days = hijri.month_span(h, month)
        if month_days is None:
            continue
        low = hijri.day(h, month, first)
        high = month_days[1] if last >= 29 else hijri.day(h, month, last)
        if low is None or high is None:
            continue
        low -= dt.timedelta(days=1)  # a country that sights the moon a day earlier
        if hijri_year or low.year == year or high.year == year:
            spans.append((low, high))
    if not hijri_year:
        spans = [s for s in spans if s[0].year == year and s[1].year == year] or spans
    if len(spans) != 1:
        return None  # two in one year (2000, 2033) or across its ends: no one interval
    return spans[0]


# --- centuries ------------------------------------------------------------------

_A_BEFORE = re.compile(r"(?<!\w)an?[ \t]+\Z")
_ERA_AFTER = re.compile(r"[ \t]*(?P<w>[^\s,;:!?()]+(?:[ \t]+[^\s,;:!?()]+)?)")


def _century(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    if m.group("c_n"):
        n = int(m.group("c_n"))
    elif m.group("c_w"):
        n = _EN_CENTURIES[" ".join(m.group("c_w").replace("-", " ").split())]
    elif m.group("ca_w"):
        n = _ordinals_ar()[k(m.group("ca_w"))]
    elif m.group("ca_n"):
        n = int(m.group("ca_n"))
    else:
        if pub is None or not 2001 <= pub.year <= 2100:
            return None
        n = 21 if m.group("ca_this") else 20
        return attrs.evolve(_century_days(m, n), relative=True)
    if not 1 <= n <= 21:
        return None
    if m.group("century") and (
        "-" in m.group("century")[-9:] or _A_BEFORE.search(text, max(0, m.start() - 4), m.start())
    ):
        # "an 18th century museum", "19th-century painting": the age of a
        # thing, said in passing, not when anything happened.
        return _suppressed(m)
    era = {k(x) for x in _words()["centuries"]["era_after"]}
    after = _ERA_AFTER.match(text, m.end())
    if after is not None and any(
        k(after.group("w")).startswith(e) or k(after.group("w").split()[0]) == e for e in era
    ):
        return _suppressed(m)  # the fifth century BC: before the years we count
    return _century_days(m, n)


def _century_days(m: re.Match[str], n: int) -> FoundDate:
    first = max(1, (n - 1) * 100)
    return FoundDate(m.start(), m.end(), low=f"{first:04d}", high=f"{n * 100:04d}")


# --- weeks ----------------------------------------------------------------------


def _week_of(m: re.Match[str]) -> FoundDate | None:
    """The week of October 6th: every day of a week, from Sunday or Monday, that holds it."""
    month = _months_en()[m.group("wo_m") or m.group("wo_m2")]
    day = int(re.sub(r"\D", "", m.group("wo_d") or m.group("wo_d2")))
    if m.group("wo_y"):
        try:
            d = dt.date(int(m.group("wo_y")), month, day)
        except ValueError:
            return None
        monday = d - dt.timedelta(days=d.weekday())
        sunday = d - dt.timedelta(days=(d.weekday() + 1) % 7)
        return interval(
            m.start(), m.end(), min(monday, sunday), max(monday, sunday) + dt.timedelta(days=6)
        )
    # No year, no weekday: the days six either side, when they stay in one year.
    try:
        d = dt.date(2001, month, day)  # any common year (a 29 February needs the year)
    except ValueError:
        return _suppressed(m)
    low, high = d - dt.timedelta(days=6), d + dt.timedelta(days=6)
    if low.year != high.year:
        return _suppressed(m)
    return FoundDate(m.start(), m.end(), low=f"--{low:%m-%d}", high=f"--{high:%m-%d}")


def _nth_week(m: re.Match[str]) -> FoundDate | None:
    """The first week of October: its days 1-7 (the last week: its last seven days)."""
    w = _words()["nth_week_of"]
    if m.group("nth_week"):
        n = w["en"][m.group("nw_en")]
        month = _months_en()[m.group("nw_m")]
        year_text = m.group("nw_y")
    else:
        n = {k(x): v for x, v in w["ar"].items()}[k(m.group("nwa"))]
        month = _months_ar()[k(m.group("nwa_m"))]
        year_text = m.group("nwa_y")
    year = int(year_text) if year_text else 2001  # a common year when none is given
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    length = (nxt - dt.timedelta(days=1)).day
    first = 7 * (n - 1) + 1 if n > 0 else length - 6
    last = min(first + 6, length)
    if not year_text:
        if month == 2 and n < 0:
            return _suppressed(m)  # the last week of February: 22-28 or 23-29
        return FoundDate(
            m.start(),
            m.end(),
            None,
            month,
            low=f"--{month:02d}-{first:02d}",
            high=f"--{month:02d}-{last:02d}",
        )
    return interval(m.start(), m.end(), dt.date(year, month, first), dt.date(year, month, last))
