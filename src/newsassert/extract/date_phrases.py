"""Date phrases the calendar pattern of :mod:`.dates` does not read.

A second, smaller scan over the same folded text (see :mod:`.dates`: marks
dropped, hamza and alef forms, ``ة``/``ى`` folded, lower case) finds:

* periods counted from publication: ``قبل ثلاثة أيام``, ``منذ عامين``,
  ``بعد شهرين``, "four days ago", "in two weeks" — a day for days and weeks,
  a month for months, a year for years;
* a named year or month relative to publication: ``العام المقبل``,
  ``الشهر الماضي``, ``هذا العام``, "next year", "last month";
* Hijri dates: ``15 رمضان 1445``, ``رمضان 1445 هـ`` (a month: the interval
  of its Gregorian days), converted by :mod:`.hijri`;
* numeric dates without a four-digit year: ``25/12/19``, ``7/2016``, and
  ``يوم 09/11`` after a cue word only (``24/7`` is no date);
* a weekday with a day number, ``الثلاثاء 9``, "Monday the 14th": the one
  day near publication that is that weekday and that day of its month.

Day-first is the rule for Arabic text and the only reading taken when one
of the two is no date (25/12); an English ``09/11/2001`` whose two readings
are both dates is given as the interval of the two (``low``/``high``), never
one of them. What cannot be resolved without a wrong value gives nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from newsassert.extract import hijri
from newsassert.extract.dates_common import FoundDate, found, k, shift_month, trie
from newsassert.extract.numbers import parse_number
from newsassert.text.data import read_data

__all__ = ["SUPPRESSED", "find_phrases", "interval"]


_LAST_DAY = dt.date.max.toordinal()


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
    return {
        "units": units,
        "hijri_months": hijri_months,
        "weekdays": weekdays,
        "rel_kind": rel_kind,
        "not_after": {
            k(w) for ws in (periods["not_after"]["ar"], periods["not_after"]["en"]) for w in ws
        },
        "cues": {k(w) for ws in words["numeric_cues"].values() if isinstance(ws, list) for w in ws},
    }


def _alt(words: Iterable[str]) -> str:
    return "(?:" + trie(sorted({k(w) for w in words})) + ")"


@functools.cache
def _pattern() -> re.Pattern[str]:
    words = _words()
    periods = words["periods"]
    t = _tables()
    unit_alt = _alt(t["units"])
    ar_number = r"[^\s\d.,،؛:!?()]+(?:[ \t]+و?[^\s\d.,،؛:!?()]+){0,2}?"  # ثلاثة, خمسة وعشرين
    count = rf"(?:\d{{1,3}}|{ar_number})"
    rel = _alt(t["rel_kind"])
    hmonth = _alt(t["hijri_months"])
    wd = _alt(t["weekdays"])
    hijri_mark = _alt(words["era_marks"]["hijri"])
    pattern = rf"""
      # Periods counted back or forward: قبل ثلاثة أيام, منذ عامين, بعد شهرين.
      (?P<ar_period>(?P<ar_dir>{_alt(periods["ago_before"]["ar"] + periods["later_before"]["ar"])})
          [ \t]+ (?:(?P<ar_count>{count})[ \t]+)?? (?P<ar_unit>{unit_alt}) )(?!\w)
      # "four days ago", "a week earlier", "two years from now".
    | (?P<en_period>(?P<en_count>\d{{1,3}}|an?|[a-z]+(?:-[a-z]+)?)[ \t]+(?P<en_unit>{unit_alt})
          [ \t]+(?P<en_dir>{_alt(periods["ago_after"]["en"] + periods["later_after"]["en"])}) )(?!\w)
      # "in two weeks", "within a month".
    | (?P<in_period>(?P<in_dir>{_alt(periods["later_before"]["en"])})[ \t]+
          (?P<in_count>\d{{1,3}}|an?|[a-z]+(?:-[a-z]+)?)[ \t]+(?P<in_unit>{unit_alt}) )(?!\w)
      # العام المقبل, الشهر الماضي, هذا العام; next year, last month.
    | (?P<named_ar>(?P<na_this>{_alt(words["this"]["ar"])}[ \t]+)?
          (?P<na_unit>{_alt(periods["named_ar"]["year"] + periods["named_ar"]["month"])})
          (?(na_this)|[ \t]+(?P<na_rel>{rel})) )(?!\w)
    | (?P<named_en>(?P<ne_rel>{_alt(words["relative"]["past"]["en"] + words["relative"]["next"]["en"] + words["relative"]["current"]["en"])})
          [ \t]+(?P<ne_unit>year|month) )(?!\w)
      # اليوم التالي, the next day: counted from a day of the story, found unresolved.
    | (?P<narrative>{_alt(words["narrative_days"]["ar"] + words["narrative_days"]["en"])})(?!\w)
      # Hijri: 15 رمضان 1445 هـ, غرة شوال, رمضان 1445.
    | (?P<hijri>(?:(?P<h_day>\d{{1,2}}|غره)[ \t]+(?:من[ \t]+)?(?:شهر[ \t]+)?)?
          (?P<h_month>{hmonth})
          (?:[ \t]*[,،]?[ \t]*(?:(?:من[ \t]+)?(?:عام|سنه|العام)[ \t]+)?(?P<h_year>1[34]\d\d)(?!\d))?
          (?:[ \t]*(?P<h_mark>{hijri_mark}))? )(?!\w)
      # Numeric dates without a four-digit year: 25/12/19, 09/11, 7/2016.
    | (?P<numeric>(?P<n_a>\d{{1,2}})(?P<n_sep>[/.\-])(?P<n_b>\d{{1,2}})
          (?:(?P=n_sep)(?P<n_y>\d{{2}}))? (?![\d/\-]|[.,]\d) )
    | (?P<month_year>(?P<my_m>\d{{1,2}})/(?P<my_y>(?:19|20)\d\d)(?![\d/]))
      # A weekday with a day number: الثلاثاء 9, Monday the 14th.
    | (?P<wd_day>(?P<w_name>{wd})[ \t]*[,،]?[ \t]*(?:the[ \t]+)?(?P<w_day>\d{{1,2}})(?:st|nd|rd|th)?)(?![\d/\-:]|\.\d)
    """
    return re.compile(pattern, re.VERBOSE)


def _suppressed(start: int, end: int) -> FoundDate:
    """A phrase that is a date of no value we can give (اليوم التالي, Monday the
    14th far from publication): no claim, but no shorter reading inside it
    either (the weekday alone would resolve to another day)."""
    return FoundDate(start, end, relative=True, low=SUPPRESSED, high=SUPPRESSED)


SUPPRESSED = "?"


def find_phrases(
    text: str,
    start: int,
    end: int,
    published: dt.date | None,
    is_arabic: Callable[[int], bool],
    month_follows: Callable[[int], bool],
    counted: Callable[[int], bool] = lambda at: False,
) -> Iterator[FoundDate]:
    """The date phrases of ``text[start:end]`` (folded), in order."""
    pattern = _pattern()
    at = start
    for candidate in _candidates(text, start, end):
        if candidate < at:
            continue
        m = pattern.match(text, candidate, end)
        if m is None:
            continue
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "/.-"):
            continue
        got = _read(m, text, published, is_arabic, month_follows, counted)
        if got is None:
            # A day that its Hijri month does not have (31 صفر) rules out the
            # whole date; any other phrase ruled out may hide a shorter one.
            at = m.end() if m.group("h_day") else m.start() + 1
            continue
        yield got
        at = m.end()


@functools.cache
def _gates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where an Arabic phrase can start: its first word after a non-word
    character, and at the start of the text."""
    words = _words()
    periods = words["periods"]
    t = _tables()
    starts = [
        *periods["ago_before"]["ar"],
        *periods["later_before"]["ar"],
        *words["this"]["ar"],
        *periods["named_ar"]["year"],
        *periods["named_ar"]["month"],
        *words["narrative_days"]["ar"],
        *t["hijri_months"],
        *(w for w, _ in t["weekdays"].items() if not w.isascii()),
        "غرة",
    ]
    firsts = trie(sorted({k(w).split(" ")[0] for w in starts}))
    # Each begins with a character class, so the engine skips in C to the next
    # place one can match (a pattern led by an alternation is tried everywhere).
    return re.compile(rf"\W(?:{firsts})(?!\w)"), re.compile(rf"(?:{firsts})(?!\w)")


_DIGIT_START = re.compile(r"\d(?<![\w/.\-:,]\d)")
# English phrases end in a unit or name ("four days ago", "in two weeks", "next
# year", "the next day", "Monday the 14th"): found by that word, and tried
# from the few words before it. Words like "in" and "the" are everywhere.
_EN_ANCHOR = re.compile(
    r"[dwmyfts](?<![\w][dwmyfts])"
    r"(?:ays?|eeks?|onths?|ears?|onday|uesday|ednesday|hursday|riday|aturday|unday)(?!\w)"
)
_WORD_START = re.compile(r"\b\w")


def _candidates(text: str, start: int, end: int) -> list[int]:
    """The places a phrase may start, in order: cheap searches, not the phrase pattern."""
    after_non_word, at_start = _gates()
    found = [m.start() + 1 for m in after_non_word.finditer(text, max(0, start - 1), end)]
    if at_start.match(text, start, end) is not None:
        found.append(start)
    found.extend(m.start() for m in _DIGIT_START.finditer(text, start, end))
    for m in _EN_ANCHOR.finditer(text, start, end):
        lo = max(start, m.start() - 24)
        found.extend(w.start() for w in _WORD_START.finditer(text, lo, m.start() + 1))
    return sorted(set(found))


def _read(
    m: re.Match[str],
    text: str,
    pub: dt.date | None,
    is_arabic: Callable[[int], bool],
    month_follows: Callable[[int], bool],
    counted: Callable[[int], bool],
) -> FoundDate | None:
    if m.group("ar_period"):
        return _period(
            m, text, pub, m.group("ar_dir"), m.group("ar_count"), m.group("ar_unit"), "ar"
        )
    if m.group("en_period"):
        return _period(
            m, text, pub, m.group("en_dir"), m.group("en_count"), m.group("en_unit"), "en"
        )
    if m.group("in_period"):
        return _period(
            m, text, pub, m.group("in_dir"), m.group("in_count"), m.group("in_unit"), "in"
        )
    if m.group("named_ar") or m.group("named_en"):
        return _named(m, text, pub)
    if m.group("narrative"):
        return _suppressed(m.start(), m.end())
    if m.group("hijri"):
        return _hijri(m)
    if m.group("numeric"):
        return _numeric(m, text, is_arabic, month_follows)
    if m.group("month_year"):
        month, year = int(m.group("my_m")), int(m.group("my_y"))
        if not 1 <= month <= 12:
            return None
        return found(m.start(), m.end(), year, month, None, False)
    if m.group("wd_day"):
        if not m.group(0)[-1].isalpha() and "the" not in m.group(0) and counted(m.end()):
            return None  # "on Friday 13 people were killed": a count, not the 13th
        return _weekday_day(m, pub)
    return None


def _count(raw: str | None, unit_count: int | None) -> int | None:
    if raw is None:
        return unit_count if unit_count is not None else None
    if unit_count == 2:
        return None  # "ثلاثة يومين" is no phrase
    if raw in ("a", "an"):
        return 1
    value = parse_number(raw)
    if value is None or value != int(value) or not 0 < value <= 1000:
        return None
    return int(value)


def _period(
    m: re.Match[str],
    text: str,
    pub: dt.date | None,
    direction: str,
    raw_count: str | None,
    raw_unit: str,
    lang: str,
) -> FoundDate | None:
    t = _tables()
    unit, unit_count = t["units"][k(raw_unit)]
    count = _count(raw_count, unit_count)
    if count is None:
        return None  # منذ سنوات: no count; قبل عدة أيام: vague
    if lang != "ar" and raw_count is not None and unit_count == 1 and count != 1:
        return None  # "two week ago": not English (Arabic counts 11 and up in the singular)
    follow = re.match(r"[ \t]*([\w']+)", text[m.end() : m.end() + 20])
    if follow is not None and k(follow.group(1)) in t["not_after"]:
        return None  # قبل ثلاثة أيام من الانتخابات: counted from another day
    d = k(direction)
    back = d in ("قبل", "منذ", "ago", "earlier", "before")
    sign = -1 if back else 1
    if pub is None:
        return None  # with no publication date it would be a date with no value
    if unit in ("day", "week"):
        try:
            day = pub + dt.timedelta(days=sign * count * (7 if unit == "week" else 1))
        except OverflowError:
            return None  # past the calendar's ends (a publication date of 0001-01-01)
        return found(m.start(), m.end(), day.year, day.month, day.day, True)
    if unit == "month":
        year, month = shift_month(pub.year, pub.month, sign * count)
        return found(m.start(), m.end(), year, month, None, True)
    return found(m.start(), m.end(), pub.year + sign * count, None, None, True)


def _named(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    t = _tables()
    if m.group("named_ar"):
        unit = "year" if k(m.group("na_unit")) in (k("العام"), k("السنة")) else "month"
        kind = "current" if m.group("na_this") else t["rel_kind"].get(k(m.group("na_rel")))
    else:
        unit = m.group("ne_unit")
        kind = t["rel_kind"].get(k(m.group("ne_rel")))
    if kind is None:
        return None
    if k(m.group("na_rel") or "") == k("السابق"):
        return None  # العام السابق: the year before the story's, not before publication
    if pub is None:
        return None
    shift = {"past": -1, "next": 1}.get(kind, 0)
    if unit == "year":
        return found(m.start(), m.end(), pub.year + shift, None, None, True)
    year, month = shift_month(pub.year, pub.month, shift)
    return found(m.start(), m.end(), year, month, None, True)


def _hijri(m: re.Match[str]) -> FoundDate | None:
    month = _tables()["hijri_months"].get(k(m.group("h_month")))
    if month is None or not m.group("h_year"):
        return None  # رمضان alone: a month of an unknown year (or a name: رمضان, رجب)
    year = int(m.group("h_year"))
    if m.group("h_day"):
        number = m.group("h_day")
        d = hijri.day(year, month, int(number) if number.isdigit() else 1)  # غرة: the first
        if d is None:
            return None
        return found(m.start(), m.end(), d.year, d.month, d.day, False)
    span = hijri.month_span(year, month)
    if span is None:
        return None
    return interval(m.start(), m.end(), span[0], span[1])


def interval(start: int, end: int, low: dt.date, high: dt.date) -> FoundDate:
    """A date that is the interval of days ``low``..``high``: the fields both share."""
    year = low.year if low.year == high.year else None
    month = low.month if year is not None and low.month == high.month else None
    return FoundDate(start, end, year, month, None, None, False, low.isoformat(), high.isoformat())


def _numeric(
    m: re.Match[str],
    text: str,
    is_arabic: Callable[[int], bool],
    month_follows: Callable[[int], bool],
) -> FoundDate | None:
    a, b = int(m.group("n_a")), int(m.group("n_b"))
    sep = m.group("n_sep")
    year: int | None = None
    if m.group("n_y"):
        yy = int(m.group("n_y"))
        year = 2000 + yy if yy < 70 else 1900 + yy  # 25/12/19 is 2019; 3/4/98 is 1998
    else:
        if sep != "/" or month_follows(m.end()):
            return None  # 7-8 is a score or a range; 7/8 أغسطس is read by the calendar pattern
        before = re.search(r"([\w]+)[ \t]*\Z", text[max(0, m.start() - 20) : m.start()])
        if before is None or k(before.group(1)) not in _tables()["cues"]:
            return None  # 24/7, 1/3: no date without a cue word before
    readings = []
    for day, month in ((a, b), (b, a)):
        # Without a year, a day that exists in a leap year (2000) may be meant.
        if 1 <= month <= 12 and _valid(2000 if year is None else year, month, day):
            readings.append((day, month))
    if not readings:
        return None
    if is_arabic(m.start()) or len(readings) == 1 or readings[0] == readings[-1]:
        day, month = readings[0]  # day-first, or the one reading that is a date
        return found(m.start(), m.end(), year, month, day, False)
    # English, and both readings are dates: the interval of the two, never one.
    if year is None:
        return None
    first = dt.date(year, readings[0][1], readings[0][0])
    second = dt.date(year, readings[1][1], readings[1][0])
    return interval(m.start(), m.end(), min(first, second), max(first, second))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _weekday_day(m: re.Match[str], pub: dt.date | None) -> FoundDate | None:
    weekday = _tables()["weekdays"].get(k(m.group("w_name")))
    day = int(m.group("w_day"))
    if weekday is None or not 1 <= day <= 31:
        return None
    if pub is None:
        return _suppressed(m.start(), m.end())
    # The one day within five weeks of publication that is that weekday and day.
    hits = [
        d
        for d in (
            dt.date.fromordinal(n)  # within the calendar (Go's zero time is 0001-01-01)
            for n in range(max(1, pub.toordinal() - 35), min(_LAST_DAY, pub.toordinal() + 35) + 1)
        )
        if d.day == day and d.weekday() == weekday
    ]
    if len(hits) != 1:
        # Not one such day near publication: the day number, unresolved (the
        # weekday alone would resolve to another day).
        return _suppressed(m.start(), m.end())
    d = hits[0]
    return found(m.start(), m.end(), d.year, d.month, d.day, True)
