"""The reading of each kind of date phrase :mod:`.date_phrases` finds.

:func:`read` is handed one match of the phrase pattern and gives its date
(or None when the phrase has no value newsassert can give without a wrong
one): a period counted from publication, a named year or month, two years
joined by "and", a quarter, a decade, a day with no month, a weekday of a
month, a holiday, a Hijri date, a numeric date without a four-digit year, a
weekday with a day number.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

import attrs

from newsassert.readers import hijri
from newsassert.readers.dates_common import FoundDate, found, k, shift_month, trie
from newsassert.readers.numbers import parse_number
from newsassert.readers.phrase_words import _tables

__all__ = ["SUPPRESSED", "interval", "read"]


_LAST_DAY = dt.date.max.toordinal()


def _suppressed(start: int, end: int) -> FoundDate:
    """A phrase that is a date of no value we can give (اليوم التالي, Monday the
    14th far from publication): no claim, but no shorter reading inside it
    either (the weekday alone would resolve to another day)."""
    return FoundDate(start, end, relative=True, low=SUPPRESSED, high=SUPPRESSED)


SUPPRESSED = "?"


def read(
    m: re.Match[str],
    text: str,
    pub: dt.date | None,
    is_arabic: Callable[[int], bool],
    month_follows: Callable[[int], bool],
    counted: Callable[[int], bool],
    month_first: bool | None = None,
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
    if m.group("last_night"):
        day = _day_shift(pub, -1)
        if pub is None or day is None:
            return None
        return attrs.evolve(interval(m.start(), m.end(), day, pub), relative=True)
    if m.group("yand"):
        return _years_between(m, text)
    if m.group("quarter"):
        return _quarter(m, text)
    if m.group("decade") or m.group("decade_ar") or m.group("mid"):
        return _decade(m, text)
    if m.group("nth"):
        return _nth(m, text, pub)
    if m.group("nth_wd"):
        return _nth_weekday(m)
    if m.group("holiday"):
        return _holiday(m, text)
    if m.group("narrative"):
        return _suppressed(m.start(), m.end())
    if m.group("hijri"):
        return _hijri(m)
    if m.group("numeric"):
        return _numeric(m, text, is_arabic, month_follows, month_first)
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
    if unit in ("hour", "minute"):
        return _clock_period(m, pub, sign, count * (60 if unit == "hour" else 1))
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


_DAY_MINUTES = 24 * 60


def _clock_period(m: re.Match[str], pub: dt.date, sign: int, minutes: int) -> FoundDate | None:
    """ "two hours ago", "بعد 90 دقيقة": the publication day below a day; a whole
    number of days exactly; else the two days the moment may fall on."""
    days, rest = divmod(minutes, _DAY_MINUTES)
    if days == 0:
        return found(m.start(), m.end(), pub.year, pub.month, pub.day, True)
    near = _day_shift(pub, sign * days)
    if near is None:
        return None
    if rest == 0:
        return found(m.start(), m.end(), near.year, near.month, near.day, True)
    far = _day_shift(pub, sign * (days + 1))
    if far is None:
        return None
    return attrs.evolve(interval(m.start(), m.end(), min(near, far), max(near, far)), relative=True)


def _day_shift(day: dt.date | None, days: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None  # past the calendar's ends (a publication date of 0001-01-01)


def _week(m: re.Match[str], pub: dt.date, kind: str) -> FoundDate | None:
    """This, last or next week: calendar weeks from Monday, widened to the days
    next to publication for "last" and "next" (they also mean the seven days before or after)."""
    monday = _day_shift(pub, -pub.weekday())
    if monday is None:
        return None
    ends = {
        "current": (monday, _day_shift(monday, 6)),
        "past": (_day_shift(monday, -7), _day_shift(pub, -1)),
        "next": (_day_shift(pub, 1), _day_shift(monday, 13)),
    }[kind]
    low, high = ends
    if low is None or high is None:
        return None
    return attrs.evolve(interval(m.start(), m.end(), low, high), relative=True)


@functools.cache
def _between_before() -> re.Pattern[str]:
    t = _tables()
    return re.compile(
        rf"(?<!\w)(?:{trie(sorted(t['between']))})[ \t]+(?:(?:{trie(sorted(t['years_word']))})[ \t]+)?\Z"
    )


def _years_between(m: re.Match[str], text: str) -> FoundDate | None:
    """ "between 2016 and 2019", "بين عامي 2016 و2019": the interval of the years."""
    first, last = int(m.group("ya1")), int(m.group("ya2"))
    if not (1900 <= first < last <= 2100 and last - first < 100):
        return None
    before = _between_before().search(text, max(0, m.start() - 24), m.start())
    if before is None:
        return None  # "2016 and 2019": two years, each its own date
    return FoundDate(before.start(), m.end(), low=str(first), high=str(last))


def _quarter(m: re.Match[str], text: str) -> FoundDate | None:
    """ "Q3 2020", "الربع الثالث من عام 2020": the interval of the quarter's months."""
    t = _tables()
    words = re.findall(r"\w+", text[max(0, m.start() - 16) : m.start()])
    if words and words[-1] in t["fiscal"]:
        return _suppressed(m.start(), m.end())  # a fiscal quarter starts when the company says
    number = m.group("q_n") or m.group("q_en") or m.group("q_ar")
    quarter = int(number) if number.isdigit() else t["quarters"][k(number)]
    year = int(m.group("q_y"))
    first = 3 * quarter - 2
    return FoundDate(
        m.start(), m.end(), year, low=f"{year:04d}-{first:02d}", high=f"{year:04d}-{first + 2:02d}"
    )


def _decade(m: re.Match[str], text: str) -> FoundDate | None:
    """The 1990s, '90s, التسعينيات: the interval of the ten years; mid-2019 its year."""
    start, end = m.start(), m.end()
    if m.group("mid"):
        year = int(m.group("mid_y"))
        if not m.group("mid_s"):
            return found(start, end, year, None, None, False)
        first = year
    elif m.group("dec_y"):
        first = int(m.group("dec_y"))
        if first % 100 == 0 and first < 2000:
            # "the 1800s" is the century far more often than its first decade
            # (not "the 2000s": the century has only begun, its decade is meant):
            # the hundred years hold both readings.
            return FoundDate(start, end, low=str(first), high=str(first + 99))
    elif m.group("dec_2"):
        if start == 0 or text[start - 1] not in "'’":
            return None  # "in their 90s", "temperatures in the 90s": no decade
        n = int(m.group("dec_2"))
        if n == 20:
            return None  # the '20s: 1920s or 2020s
        first, start = (2000 + n if n < 20 else 1900 + n), start - 1
    else:
        n = _tables()["decades"][k(m.group("decade_ar"))]
        first = 1900 + n
        after = _century_after().match(text, end)
        if after is not None:
            if after.group("this"):
                first = 2000 + n
            end = after.end()
    if first % 10:
        return None
    return FoundDate(start, end, low=str(first), high=str(first + 9))


@functools.cache
def _century_after() -> re.Pattern[str]:
    """The century after an Arabic decade: القرن الماضي (the last), القرن الحالي (this)."""
    t = _tables()
    return re.compile(
        rf"[ \t]+(?:من[ \t]+)?(?:(?P<this>{trie(sorted(t['this_century']))})"
        rf"|{trie(sorted(t['last_century']))})(?!\w)"
    )


_ON_THE = re.compile(r"(?<!\w)on[ \t]+the[ \t]+\Z")


def _nth(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    """ "on the 3rd." with no month: between the last 3rd before publication and the next after it."""
    if pub is None or _ON_THE.search(text, max(0, m.start() - 12), m.start()) is None:
        return None
    day = int(m.group("nth_d"))
    low = high = None
    for back in range(3):  # the last such day on or before publication
        y, mo = shift_month(pub.year, pub.month, -back)
        d = _date_of(y, mo, day)
        if d is not None and d <= pub:
            low = d
            break
    for ahead in range(3):  # the first such day after publication
        y, mo = shift_month(pub.year, pub.month, ahead)
        d = _date_of(y, mo, day)
        if d is not None and d > pub:
            high = d
            break
    if low is None or high is None:
        return None
    return attrs.evolve(interval(m.start(), m.end(), low, high), relative=True)


def _nth_weekday(m: re.Match[str]) -> FoundDate | None:
    """ "the first Tuesday of October 2024": that day; without a year, the month."""
    t = _tables()
    n = t["nth"][k(m.group("nw_n"))]
    weekday = t["en_weekdays"][k(m.group("nw_wd"))]
    month = t["en_months"][k(m.group("nw_m"))]
    if not m.group("nw_y"):
        return found(m.start(), m.end(), None, month, None, False)
    year = int(m.group("nw_y"))
    days = [d for d in (_date_of(year, month, day) for day in range(1, 32)) if d is not None]
    hits = [d for d in days if d.weekday() == weekday]
    if n > len(hits):
        # The fifth Monday of a month that has four: no day, and no shorter
        # reading either ("Monday" alone would resolve to another day).
        return _suppressed(m.start(), m.end())
    d = hits[n - 1] if n > 0 else hits[-1]
    return found(m.start(), m.end(), d.year, d.month, d.day, False)


def _holiday(m: re.Match[str], text: str) -> FoundDate | None:
    """Christmas Day, New Year's Eve (a day and month; with a year, the day)."""
    t = _tables()
    name = k(m.group("hol"))
    before = re.findall(r"\w+", text[max(0, m.start() - 8) : m.start()])
    named_day = name.endswith(("day", "eve"))
    if not (named_day or m.group("hol_y") or (before and before[-1] in t["holiday_cues"])):
        return None  # "a Christmas tree", "Halloween costumes": no date
    month, day = t["holidays"][name]
    year = int(m.group("hol_y")) if m.group("hol_y") else None
    return found(m.start(), m.end(), year, month, day, False)


def _date_of(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _named(m: re.Match[str], text: str, pub: dt.date | None) -> FoundDate | None:
    t = _tables()
    if m.group("named_ar"):
        unit = {k("العام"): "year", k("السنة"): "year", k("الأسبوع"): "week"}.get(
            k(m.group("na_unit")), "month"
        )
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
    if unit == "week":
        return _week(m, pub, kind)
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
    month_first: bool | None = None,
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
        if (before is None or k(before.group(1)) not in _tables()["cues"]) and not _alone(m, text):
            return None  # 24/7, 1/3: no date without a cue word before (or a line of its own)
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
    if month_first is not None:
        # The outlet's order is known (article metadata ``date_order``).
        day, month = readings[1] if month_first else readings[0]
        return found(m.start(), m.end(), year, month, day, False)
    # English, and both readings are dates: the interval of the two, never one.
    if year is None:
        return None
    first = dt.date(year, readings[0][1], readings[0][0])
    second = dt.date(year, readings[1][1], readings[1][0])
    return interval(m.start(), m.end(), min(first, second), max(first, second))


def _alone(m: re.Match[str], text: str) -> bool:
    """Whether the match is its line's only content (a date line: "12/25")."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : m.start()].strip() and not text[m.end() : line_end].strip(" \t.")


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
