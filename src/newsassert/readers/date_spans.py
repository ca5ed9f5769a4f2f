"""Spans of days a phrase names, read beside the calendar pattern and the phrases.

A fourth scan over the folded text of :mod:`.dates` reads what is neither a
calendar date nor a period counted back from publication, each as the
interval of days it covers (``low``/``high``), never one day the text did
not say:

* spans up to or from publication: ``the last three years``, ``over the past
  two weeks``, ``the next five days``, ``في آخر 3 سنوات``, ``الأيام الثلاثة
  الماضية``, ``العامين الماضيين``: from publication less the span to
  publication (or from publication to publication plus the span);
* halves of a year: ``the first half of 2023``, ``H2 2024``, ``النصف الأول من
  عام 2023``, ``the second half of this year``;
* a quarter of a year named from publication: ``the third quarter of this
  year``, ``الربع الأول من العام الماضي``;
* seasons of a year: ``summer 2023``, ``the spring of 2024``, ``صيف 2023``,
  ``خريف العام الماضي`` — spring 1 March to 21 June, summer 1 June to 23
  September, autumn 1 September to 21 December (the meteorological and the
  astronomical season both, northern hemisphere); winter straddles two years
  and gives nothing;
* a year written in Arabic words after عام: ``عام ألفين وعشرين`` (2020);
* a weekday counted from another: ``Friday after next`` (the Friday after the
  next one after publication), ``two weeks from tomorrow``; ``a week from
  Monday`` (which Monday?) holds its span and gives nothing, so that the
  weekday inside is not read as the last Monday;
* a range of days with "between": ``بين 5 و10 يناير``, ``between 5 and 10
  January 2024``, ``between January 5 and 10``.

The words are ``spans`` in data/date_words.json.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from newsassert.readers.date_phrases import SUPPRESSED, interval
from newsassert.readers.dates_common import FoundDate, k, shift_month, trie
from newsassert.readers.numbers import find_numbers, parse_number
from newsassert.text.data import read_data

__all__ = ["find_spans"]


@functools.cache
def _words() -> dict[str, Any]:
    data: dict[str, Any] = read_data("date_words.json")["spans"]
    return data


def _alt(words: Any) -> str:
    return "(?:" + trie(sorted({k(w) for w in words})) + ")"


@functools.cache
def _months() -> tuple[dict[str, int], dict[str, int]]:
    rows = read_data("months.json")["months"]
    en = {r["key"]: r["month"] for r in rows if r["lang"] == "en"}
    ar = {r["key"]: r["month"] for r in rows if r["lang"] == "ar"}
    return en, ar


@functools.cache
def _weekdays() -> dict[str, int]:
    rows = read_data("months.json")["weekdays"]
    return {r["key"]: r["weekday"] for r in rows if r["lang"] == "en" and not r["needs_context"]}


@functools.cache
def _pattern() -> re.Pattern[str]:
    w = _words()
    units_en = _alt(w["units_en"])
    units_ar = _alt(w["units_ar"])
    duals_ar = _alt(w["duals_ar"])
    count = r"(?:\d{1,3}|[^\s\d.,،؛:!?()]+(?:[ \t]+و?[^\s\d.,،؛:!?()]+)?)"
    year_rel = _alt(w["year_this"] + w["year_last"] + w["year_next"])
    en_months, ar_months = _months()
    en_m, ar_m = trie(sorted(en_months)), trie(sorted(ar_months))
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    pattern = rf"""
      # the last three years, the past two weeks, the next five days
      (?P<span_en>(?P<se_dir>{_alt(w["past_en"] + w["next_en"])})[ \t]+(?P<se_n>\d{{1,3}}|[a-z]+(?:-[a-z]+)?)
          [ \t]+(?P<se_u>{units_en}))(?!\w)
      # في آخر 3 سنوات, آخر ثلاثة أيام
    | (?P<span_ar>{_alt(w["last_ar"])}[ \t]+(?P<sa_n>{count}?)[ \t]+(?P<sa_u>{units_ar}))(?!\w)
      # الأيام الثلاثة الماضية, السنوات الخمس المقبلة
    | (?P<span_ar2>ال(?P<sb_u>{units_ar})[ \t]+(?P<sb_n>ال[^\s\d.,،؛:!?()]+(?:[ \t]+وال[^\s\d.,،؛:!?()]+)?)
          [ \t]+(?P<sb_dir>{_alt(w["past_ar"] + w["next_ar"])}))(?!\w)
      # العامين الماضيين, الشهرين المقبلين
    | (?P<dual_ar>ال(?P<du_u>{duals_ar})[ \t]+(?P<du_dir>{_alt(w["past_dual_ar"] + w["next_dual_ar"])}))(?!\w)
      # the first half of 2023, H2 2024, النصف الأول من عام 2023
    | (?P<half>(?:the[ \t]+)?(?P<h_n>{_alt(w["halves"]["en"])})[ \t]+half[ \t]+(?:of[ \t]+)?
          (?:(?P<h_y>\d{{4}})|(?P<h_rel>{year_rel})))(?![\w])
    | (?P<half_h>h(?P<hh_n>[12])[ \t]+(?P<hh_y>\d{{4}}))(?![\w])
    | (?P<half_ar>النصف[ \t]+(?P<ha_n>{_alt(w["halves"]["ar"])})[ \t]+(?:من[ \t]+)?
          (?:(?:(?:عام|العام|سنه)[ \t]+)?(?P<ha_y>\d{{4}})|(?P<ha_rel>{year_rel})))(?!\w)
      # the third quarter of this year, الربع الأول من العام الماضي
    | (?P<quarter>(?:(?:the[ \t]+)?(?P<q_en>{_alt(w["quarters"]["en"])})[ \t]+quarter[ \t]+of
          |الربع[ \t]+(?P<q_ar>{_alt(w["quarters"]["ar"])})[ \t]+(?:من)?)[ \t]+(?P<q_rel>{year_rel}))(?!\w)
      # summer 2023, the spring of 2024, صيف 2023, خريف العام الماضي
    | (?P<season>(?:the[ \t]+)?(?P<s_n>{_alt(w["seasons"]["en"])})[ \t]+(?:of[ \t]+)?
          (?:(?P<s_y>\d{{4}})|(?P<s_rel>{year_rel})))(?!\w)
    | (?P<season_ar>(?:فصل[ \t]+)?(?:ال)?(?P<sa_s>{_alt(w["seasons"]["ar"])})[ \t]+
          (?:(?:(?:عام|العام|سنه)[ \t]+)?(?P<sar_y>\d{{4}})|(?P<sar_rel>{year_rel})))(?!\w)
      # عام ألفين وعشرين: a year in words
    | (?P<word_year>(?:عام|العام|سنه|لعام)[ \t]+(?=الف|الفين|الفان))
      # Friday after next; two weeks from tomorrow; a week from Monday
    | (?P<after_next>(?:the[ \t]+)?(?P<an_wd>{trie(sorted(_weekdays()))})[ \t]+after[ \t]+next)(?!\w)
    | (?P<from_day>(?P<fd_n>\d{{1,3}}|an?|[a-z]+)[ \t]+(?P<fd_u>days?|weeks?)[ \t]+from[ \t]+
          (?P<fd_ref>today|tomorrow|yesterday|{trie(sorted(_weekdays()))}))(?!\w)
      # بين 5 و10 يناير, between 5 and 10 January 2024, between January 5 and 10
    | (?P<between>(?:بين|between)[ \t]+(?P<b_1>{day})[ \t]+(?:و|and)[ \t]*(?P<b_2>{day})[ \t]+
          (?:من[ \t]+)?(?:شهر[ \t]+)?(?:of[ \t]+)?(?P<b_m>{en_m}|{ar_m})(?:[ \t]*,?[ \t]*(?:من[ \t]+)?(?:عام[ \t]+)?(?P<b_y>\d{{4}})
          |[ \t]+(?P<b_rel>{_alt(w["month_rel"]["past"] + w["month_rel"]["current"] + w["month_rel"]["next"])}))?)(?![\w])
    | (?P<between_m>between[ \t]+(?P<bm_m>{en_m})\.?[ \t]+(?P<bm_1>{day})(?:st|nd|rd|th)?[ \t]+and[ \t]+
          (?P<bm_2>{day})(?:st|nd|rd|th)?(?:[ \t]*,?[ \t]*(?P<bm_y>\d{{4}}))?)(?![\w])
    """
    return re.compile(pattern, re.VERBOSE)


@functools.cache
def _anchors() -> re.Pattern[str]:
    """A word every span holds (its unit, half, quarter, a season, between,
    عام, "from"), searched before the whole pattern is tried from the few
    words before it: a literal alternation the engine scans in C."""
    w = _words()
    words = {
        *w["units_en"],
        *w["units_ar"],
        *w["duals_ar"],
        *w["last_ar"],
        *w["seasons"]["en"],
        *w["seasons"]["ar"],
        "half",
        "quarter",
        "next",
        "between",
        "from",
        "بين",
        "النصف",
        "الربع",
        "عام",
        "العام",
        "سنة",
        "لعام",
        "h1",
        "h2",
    }
    return re.compile(rf"(?:{trie(sorted({k(x) for x in words}))})(?!\w)")


_WORD_START = re.compile(r"(?<!\w)\w")


def find_spans(
    text: str, start: int, end: int, published: dt.date | None, cased: str = ""
) -> Iterator[FoundDate]:
    """The spans of ``text[start:end]`` (folded), in order; ``cased`` is the
    same text unfolded (the number reader reads a year in words from it)."""
    pattern = _pattern()
    at = start
    begins: set[int] = set()
    for a in _anchors().finditer(text, start, end):
        lo = max(start, a.start() - 40)
        begins.update(w.start() for w in _WORD_START.finditer(text, lo, a.start() + 1))
    if not begins:
        return
    for begin in sorted(begins):
        if begin < at or (begin > start and text[begin - 1].isalnum()):
            continue
        m = pattern.match(text, begin, end)
        if m is None:
            continue
        got = _read(m, text, published, cased or text)
        if got is not None:
            yield got
            at = m.end()


def _read(m: re.Match[str], text: str, pub: dt.date | None, cased: str) -> FoundDate | None:
    if m.group("between") or m.group("between_m"):
        return _between(m, pub)
    if m.group("half") or m.group("half_h") or m.group("half_ar"):
        return _half(m, pub)
    if m.group("quarter"):
        return _quarter(m, pub)
    if m.group("season") or m.group("season_ar"):
        return _season(m, pub)
    if m.group("word_year"):
        return _word_year(m, cased)
    if m.group("after_next") or m.group("from_day"):
        return _from_day(m, pub)
    return _span(m, text, pub)


def _suppressed(m: re.Match[str]) -> FoundDate:
    return FoundDate(m.start(), m.end(), relative=True, low=SUPPRESSED, high=SUPPRESSED)


def _relative(found_date: FoundDate) -> FoundDate:
    return attrs.evolve(found_date, relative=True)


def _shift(day: dt.date, unit: str, n: int) -> dt.date | None:
    try:
        if unit == "day":
            return day + dt.timedelta(days=n)
        if unit == "week":
            return day + dt.timedelta(days=7 * n)
        months = n if unit == "month" else 12 * n
        y, mo = shift_month(day.year, day.month, months)
        last = (dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(y, mo, min(day.day, last))
    except (OverflowError, ValueError):
        return None


# --- spans from publication ---------------------------------------------------


_OF_AFTER = re.compile(r"[ \t]+(?:of|before|after|من|قبل|بعد|ل[\u0621-\u064a])")


def _span(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    w = _words()
    units = {k(x): u for u, forms in w["unit_of"].items() for x in forms}
    past = {k(x) for x in w["past_en"] + w["past_ar"] + w["past_dual_ar"] + w["last_ar"]}
    if m.group("span_en"):
        unit, raw, direction = m.group("se_u"), m.group("se_n"), m.group("se_dir")
    elif m.group("span_ar"):
        unit, raw, direction = m.group("sa_u"), m.group("sa_n"), w["last_ar"][0]
    elif m.group("span_ar2"):
        unit, raw, direction = m.group("sb_u"), m.group("sb_n"), m.group("sb_dir")
    else:
        unit, raw, direction = m.group("du_u"), "2", m.group("du_dir")
    n = parse_number(raw.strip()) if raw and raw.strip() else None
    if n is None or n != int(n) or not 2 <= n <= 1000:
        return None  # "the last few years", "آخر سنوات": no count, no span
    if _OF_AFTER.match(text, m.end()):
        # "the last two days of the summit", "آخر ثلاث سنوات من حكمه": counted
        # from the end of something else, not from publication.
        return _suppressed(m)
    if pub is None:
        return _suppressed(m)
    name = units[k(unit)]
    if name == "hour":
        far = _shift(pub, "day", (-1 if k(direction) in past else 1) * -(-int(n) // 24))
    else:
        far = _shift(pub, name, -int(n) if k(direction) in past else int(n))
    if far is None:
        return None
    low, high = (far, pub) if far <= pub else (pub, far)
    return _relative(interval(m.start(), m.end(), low, high))


# --- halves, quarters, seasons --------------------------------------------------


def _year_of(m: re.Match[str], year_group: str, rel_group: str, pub: dt.date | None) -> int | None:
    if m.group(year_group):
        return int(m.group(year_group))
    if pub is None:
        return None
    return pub.year + _year_shift(m.group(rel_group))


@functools.cache
def _year_shifts() -> dict[str, int]:
    w = _words()
    return {
        k(x): shift
        for shift, forms in ((0, w["year_this"]), (-1, w["year_last"]), (1, w["year_next"]))
        for x in forms
    }


def _year_shift(text: str) -> int:
    return _year_shifts()[k(text)]


def _months_of(m: re.Match[str], year: int, first: int, last: int, relative: bool) -> FoundDate:
    low = f"{year:04d}-{first:02d}"
    high = f"{year:04d}-{last:02d}"
    return FoundDate(
        m.start(), m.end(), year, first if first == last else None, None, None, relative, low, high
    )


def _half(m: re.Match[str], pub: dt.date | None) -> FoundDate | None:
    w = _words()["halves"]
    if m.group("half_h"):
        n, year, relative = int(m.group("hh_n")), int(m.group("hh_y")), False
    elif m.group("half"):
        n = w["en"][k(m.group("h_n"))]
        year_or_none = _year_of(m, "h_y", "h_rel", pub)
        if year_or_none is None:
            return _suppressed(m)
        year, relative = year_or_none, not m.group("h_y")
    else:
        n = {k(x): v for x, v in w["ar"].items()}[k(m.group("ha_n"))]
        year_or_none = _year_of(m, "ha_y", "ha_rel", pub)
        if year_or_none is None:
            return _suppressed(m)
        year, relative = year_or_none, not m.group("ha_y")
    first = 1 if n == 1 else 7
    return _months_of(m, year, first, first + 5, relative)


def _quarter(m: re.Match[str], pub: dt.date | None) -> FoundDate | None:
    w = _words()["quarters"]
    if pub is None:
        return _suppressed(m)
    n = (
        w["en"][k(m.group("q_en"))]
        if m.group("q_en")
        else {k(x): v for x, v in w["ar"].items()}[k(m.group("q_ar"))]
    )
    year = pub.year + _year_shift(m.group("q_rel"))
    return _months_of(m, year, 3 * n - 2, 3 * n, True)


def _season(m: re.Match[str], pub: dt.date | None) -> FoundDate | None:
    w = _words()["seasons"]
    if m.group("season"):
        spec = w["en"][k(m.group("s_n"))]
        year = _year_of(m, "s_y", "s_rel", pub)
        relative = not m.group("s_y")
    else:
        spec = {k(x): v for x, v in w["ar"].items()}[k(m.group("sa_s"))]
        year = _year_of(m, "sar_y", "sar_rel", pub)
        relative = not m.group("sar_y")
    if year is None or not spec:
        return _suppressed(m)  # winter: which two years?
    first_month, first_day, last_month, last_day = spec
    found_date = interval(
        m.start(),
        m.end(),
        dt.date(year, first_month, first_day),
        dt.date(year, last_month, last_day),
    )
    return _relative(found_date) if relative else found_date


# --- a year in words, days counted from another day, between ---------------------


def _word_year(m: re.Match[str], text: str) -> FoundDate | None:
    found = find_numbers(text[m.end() : m.end() + 60])
    if not found or found[0].start != 0 or not found[0].words:
        return None
    year = found[0].value
    if year != int(year) or not 1900 <= year <= 2100:
        return None
    end = m.end() + found[0].end
    return FoundDate(m.start(), end, int(year))


def _from_day(m: re.Match[str], pub: dt.date | None) -> FoundDate | None:
    if pub is None:
        return _suppressed(m)
    if m.group("after_next"):
        weekday = _weekdays()[m.group("an_wd")]
        ahead = (weekday - pub.weekday()) % 7 or 7  # the next one, strictly after publication
        day = pub + dt.timedelta(days=ahead + 7)
        return FoundDate(m.start(), m.end(), day.year, day.month, day.day, day, True)
    ref = m.group("fd_ref")
    offsets = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if ref not in offsets:
        return _suppressed(m)  # "a week from Monday": which Monday is not said
    raw = m.group("fd_n")
    n = 1 if raw in ("a", "an") else parse_number(raw)
    if n is None or n != int(n):
        return _suppressed(m)
    days = int(n) * (7 if m.group("fd_u").startswith("week") else 1) + offsets[ref]
    day = pub + dt.timedelta(days=days)
    return FoundDate(m.start(), m.end(), day.year, day.month, day.day, day, True)


def _between(m: re.Match[str], pub: dt.date | None) -> FoundDate | None:
    en_months, ar_months = _months()
    if m.group("between"):
        first, last = int(m.group("b_1")), int(m.group("b_2"))
        name, year_text = m.group("b_m"), m.group("b_y")
    else:
        first, last = int(m.group("bm_1")), int(m.group("bm_2"))
        name, year_text = m.group("bm_m"), m.group("bm_y")
    month = en_months.get(name) or ar_months.get(k(name))
    if month is None or not 1 <= first < last <= 31:
        return None
    relative = m.group("between") and m.group("b_rel")
    if relative:
        # حزيران الماضي: its last occurrence before publication; الجاري: this
        # year's; المقبل: the next after publication.
        if pub is None:
            return _suppressed(m)
        kind = {k(x): key for key, xs in _words()["month_rel"].items() for x in xs}[k(relative)]
        year = pub.year
        if kind == "past" and month >= pub.month:
            year -= 1
        elif kind == "next" and month <= pub.month:
            year += 1
        try:
            low, high = dt.date(year, month, first), dt.date(year, month, last)
        except ValueError:
            return None
        return _relative(interval(m.start(), m.end(), low, high))
    if year_text:
        year = int(year_text)
        try:
            return interval(
                m.start(), m.end(), dt.date(year, month, first), dt.date(year, month, last)
            )
        except ValueError:
            return None
    if last > 29 and month == 2:
        return None
    return FoundDate(
        m.start(),
        m.end(),
        None,
        month,
        None,
        None,
        False,
        f"--{month:02d}-{first:02d}",
        f"--{month:02d}-{last:02d}",
    )
