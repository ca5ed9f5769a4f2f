"""Reading one match of the date pattern: a numeric date, days and a month, a
month, a weekday, a relative day or a year, each checked against its context
and resolved from the publication date where it can be.
"""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from newsassert.lexicon import Lexicon
from newsassert.readers import hijri
from newsassert.readers.date_pattern import (
    _DATE_CUES,
    _DATE_PREPOSITIONS,
    _DAY_OFFSET,
    _EVENT_NOUNS,
    _HAS_ARABIC,
    _HIJRI,
    _MONTHS,
    _NEXT_WORD,
    _NEXT_WORD_IN_CLAUSE,
    _ORD_NOT_AFTER,
    _ORDINALS,
    _PERIOD_OF,
    _QUANTITY_BEFORE,
    _REL_KIND,
    _TODAY_NOT_AFTER,
    _TODAY_NOT_BEFORE,
    _WD_NOT_AFTER,
    _WD_NOT_BEFORE,
    _WD_VERB_FOLLOWERS,
    _WEEKDAYS,
    _WORDS,
    _YEAR_DETERMINERS,
    _k,
    _keys,
    _Name,
)
from newsassert.readers.date_phrases import interval
from newsassert.readers.dates_common import FoundDate, _date


@attrs.frozen
class _Context:
    text: str  # folded: what the pattern matched
    cased: str  # the same text unfolded, for the capitals of English names
    published: dt.date | None
    lexicon: Lexicon | None  # its units tell a counted noun after a number
    month_first: bool | None = None  # the outlet's order of numeric dates (English text)


def _prev_word(text: str, start: int) -> str:
    """The word before ``start`` on its line, skipping spaces and punctuation."""
    return _prev_word_at(text, start)[0]


def _prev_word_at(text: str, start: int) -> tuple[str, int]:
    """The word before ``start`` on its line, and where it starts."""
    i, stop = start, max(0, start - 40)
    while i > stop and not text[i - 1].isalnum() and text[i - 1] != "\n":
        i -= 1
    j = i
    while j > stop and text[j - 1].isalnum():
        j -= 1
    return text[j:i], j


def _next_word(text: str, end: int) -> str:
    """The word after ``end`` on its line, skipping spaces and punctuation."""
    m = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return m.group(1) if m else ""


def _next_word_in_clause(text: str, end: int) -> str:
    """The word after ``end`` when no punctuation ends the clause before it."""
    m = _NEXT_WORD_IN_CLAUSE.match(text, end, min(len(text), end + 40))
    return m.group(1) if m else ""


def _word_in(word: str, keys: frozenset[str]) -> bool:
    """``word`` (or ``word`` without a leading و / ف) is in ``keys``."""
    k = _k(word)
    if k in keys:
        return True
    return len(k) > 2 and k[0] in "وف" and k[1:] in keys


def _adjacent_char(text: str, index: int, step: int) -> str:
    while 0 <= index < len(text) and text[index] in " \t":
        index += step
    return text[index] if 0 <= index < len(text) else "\n"


def _valid_day(month: int | None, day: int) -> bool:
    if not 1 <= day <= 31:
        return False
    return month is None or _date(2000, month, day) is not None  # 2000 is a leap year


def _month_of(m: regex.Match[str], ctx: _Context) -> _Name | None:
    first = _MONTHS.get(_k(m.group("m1")))
    if first is None:
        return None
    # "may", "march": lower case, a verb; "january" is the month. A day after
    # it and a date cue before it, or a day and a year, make it the month
    # ("on may 18", "march 9, 2016").
    if (
        first.lang == "en"
        and first.needs_context
        and not _capital(ctx, m.start("m1"))
        and not (
            m.group("monthday")
            and (m.group("year") or _k(_prev_word(ctx.text, m.start("m1"))) in _LOWER_MONTH_CUES)
        )
    ):
        return None
    return first


# Before a lower-case "may 18" or "march 3": the words that make it a date.
_LOWER_MONTH_CUES = frozenset({"on", "since", "until", "till", "by", "before", "after", "from"})


def _capital(ctx: _Context, index: int) -> bool:
    """English month and weekday names are capitalized; "may" and "march" are words."""
    return ctx.cased[index : index + 1].isupper()


def _year_of(m: regex.Match[str], ctx: _Context) -> tuple[int | None, bool]:
    """The year a date tail gives, and whether it came from the publication date."""
    if m.group("year"):
        return int(m.group("year")), False
    pub = ctx.published
    if m.group("ythis"):
        return (pub.year if pub else None), True
    rel = m.group("yrel") or m.group("yren")
    if rel:
        if pub is None:
            return None, True
        shift = {"past": -1, "next": 1}.get(_REL_KIND.get(_k(rel), "current"), 0)
        return pub.year + shift, True
    return None, False


def _year_by_rel(month: int, rel: str | None, pub: dt.date | None) -> int | None:
    """The year of ``month`` marked الماضي / الجاري / المقبل relative to publication."""
    if rel is None or pub is None:
        return None
    kind = _REL_KIND.get(_k(rel))
    if kind == "past":
        return pub.year if month < pub.month else pub.year - 1
    if kind == "next":
        return pub.year if month > pub.month else pub.year + 1
    return pub.year


def _year_by_weekday(month: int, day: int, weekday: int, pub: dt.date | None) -> int | None:
    """The year near publication in which day/month falls on ``weekday``."""
    if pub is None:
        return None
    for year in (pub.year, pub.year - 1, pub.year + 1):  # the weekdays of these years differ
        d = _date(year, month, day)
        if d is not None and d.weekday() == weekday:
            return year
    return None


def _found(
    start: int,
    end: int,
    year: int | None,
    month: int | None,
    day: int | None,
    relative: bool,
) -> FoundDate:
    return FoundDate(start, end, year, month, day, _date(year, month, day), relative)


def _day_number(text: str) -> int:
    digits = text.rstrip("stndrhSTNDRH")
    if digits.isdigit():
        return int(digits)
    return _ORDINALS.get(_k(text), 0)


def _read_numeric(m: regex.Match[str], ctx: _Context) -> list[FoundDate] | None:
    year, month, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
    if 1300 <= year <= 1500:
        # 15/09/1445 (هـ): a Hijri date, never the Gregorian year 1445.
        g = hijri.day(year, month, day)
        if g is None:
            return None
        return [_found(m.start(), m.end(), g.year, g.month, g.day, False)]
    first = _date(year, month, day)
    swapped = _date(year, day, month)
    if first is None:
        # Day and month the other way round (US order) when only that is a date.
        if swapped is None:
            return None
        month, day = day, month
    elif (
        swapped is not None
        and swapped != first
        and m.group("numeric").lstrip()[:1] != m.group("ny")[:1]  # not 2024-01-02
        and not _arabic_near(ctx, m.start())
    ):
        # English 09/11/2001: day-first in Britain, month-first in the US. Both
        # readings are dates: the outlet's order when the article states it,
        # else the claim is the interval between them.
        if ctx.month_first is not None:
            day_ = swapped if ctx.month_first else first
            return [_found(m.start(), m.end(), day_.year, day_.month, day_.day, False)]
        return [interval(m.start(), m.end(), min(first, swapped), max(first, swapped))]
    return [_found(m.start(), m.end(), year, month, day, False)]


def _arabic_near(ctx: _Context, at: int) -> bool:
    """Whether Arabic is written around ``at``: numeric dates there are day-first."""
    return _HAS_ARABIC.search(ctx.text, max(0, at - 80), at + 80) is not None


# Between two days, these make a range (the others, و and "and", a list).
_RANGE_SEPARATORS = frozenset({"-", "–", "to", "through", "الي", "حتي"})


def _read_days(m: regex.Match[str], ctx: _Context, kind: str) -> list[FoundDate] | None:
    pub = ctx.published
    relative = False
    if kind == "dayrel":
        month = year = None
        relative = True
        if pub is not None:
            shift = 0
            if m.group("mrel"):
                shift = {"past": -1, "next": 1}.get(_REL_KIND.get(_k(m.group("mrel")), ""), 0)
            index = pub.year * 12 + pub.month - 1 + shift
            year, month = divmod(index, 12)
            month += 1
    else:
        name = _month_of(m, ctx)
        if name is None:
            return []
        month = name.number
        year, relative = _year_of(m, ctx)
        if year is None and m.group("rel"):
            year = _year_by_rel(month, m.group("rel"), pub)
            relative = True
    days = [_day_number(d) for d in m.captures("day")]
    if not m.captures("day")[0][:1].isdigit() and _word_in(
        _prev_word(ctx.text, m.start()), _ORD_NOT_AFTER
    ):
        return []  # الأسبوع الأول من يناير, النصف الثاني من الشهر: not a day
    if not all(_valid_day(month, d) for d in days):
        return None  # 31 February
    if m.group("year") and not all(_date(year, month, d) for d in days):
        return None  # 29 February 2023
    if year is None and m.group("pwd") and len(days) == 1 and month is not None:
        wd = _WEEKDAYS.get(_k(m.group("pwd")))
        if wd is not None:
            year = _year_by_weekday(month, days[0], wd.number, pub)
            relative = relative or year is not None
    spans = m.spans("day")
    if len(days) == 2 and month is not None and days[0] < days[1]:
        between = ctx.text[spans[0][1] : spans[1][0]].strip()
        if between in _RANGE_SEPARATORS:
            # من 4 إلى 6 آب, from 8 to 10 October: one claim, the interval of days.
            ends = [
                f"{year:04d}-{month:02d}-{d:02d}" if year else f"--{month:02d}-{d:02d}"
                for d in days
            ]
            return [FoundDate(m.start(), m.end(), year, month, None, None, relative, *ends)]
    out = []
    for i, d in enumerate(days):
        start = m.start() if i == 0 else spans[i][0]
        end = m.end() if i == len(days) - 1 else spans[i][1]
        out.append(_found(start, end, year, month, d, relative))
    return out


def _read_month(m: regex.Match[str], ctx: _Context) -> list[FoundDate]:
    name = _month_of(m, ctx)
    if name is None:
        return []
    year, relative = _year_of(m, ctx)
    en_rel = m.group("men")
    rel = m.group("rel") or en_rel
    if name.needs_context and not (
        year
        or m.group("yrel")
        or m.group("ythis")
        or m.group("m2")
        or m.group("mword")
        or m.group("mmod")
        or rel
        or _word_in(_prev_word(ctx.text, m.start()), _DATE_CUES)
    ):
        return []
    if name.lang == "en" and en_rel and not m.group("year"):
        # "last October", "next May": the occurrence before / after publication.
        year = _year_by_rel(name.number, en_rel, ctx.published)
        relative = True
    elif year is None and m.group("rel"):
        year = _year_by_rel(name.number, m.group("rel"), ctx.published)
        relative = True
    return [_found(m.start(), m.end(), year, name.number, None, relative)]


def _weekday_allowed(m: regex.Match[str], ctx: _Context, name: _Name) -> bool:
    before = _prev_word(ctx.text, m.start())
    after = _next_word(ctx.text, m.end())
    if _word_in(before, _WD_NOT_BEFORE) or _word_in(after, _WD_NOT_AFTER):
        return False
    if name.lang == "en":
        return not name.needs_context  # "Monday" or "monday"; "Sun", "sat" are words
    if not name.needs_context or m.group("wcue") or m.group("wrel"):
        return True
    # الأحد / الاثنين alone: only as an adverb set off by punctuation or before إن / أن / في.
    return (
        _adjacent_char(ctx.text, m.start() - 1, -1) in ",،/(\n"
        or _adjacent_char(ctx.text, m.end(), 1) in ",،./)\n:"
        or _word_in(after, _WD_VERB_FOLLOWERS)
    )


def _read_weekday(m: regex.Match[str], ctx: _Context) -> list[FoundDate]:
    name = _WEEKDAYS.get(_k(m.group("wd")))
    if name is None or not _weekday_allowed(m, ctx, name):
        return []
    rel = m.group("wrel") or m.group("wen")
    kind = _REL_KIND.get(_k(rel)) if rel else None
    if m.group("wpast"):
        kind = "past"  # أمس الأربعاء: yesterday, Wednesday
    start = _skip(ctx.text, m.start(), "/ ")
    end = m.end()
    while end > start and ctx.text[end - 1] in "/ ":
        end -= 1
    pub = ctx.published
    if pub is None:
        return [FoundDate(start, end, relative=True)]
    back = (pub.weekday() - name.number) % 7
    if kind == "past" and back == 0:
        back = 7
    if kind == "next":
        ahead = (name.number - pub.weekday()) % 7 or 7
        day = _shifted(pub, ahead)
    else:
        day = _shifted(pub, -back)
    if day is None:
        return [FoundDate(start, end, relative=True)]
    return [FoundDate(start, end, day.year, day.month, day.day, day, True)]


def _shifted(day: dt.date, days: int) -> dt.date | None:
    """``day`` moved by ``days``; None past the calendar's ends (a publication date
    of 0001-01-01, Go's zero time in scraped JSON, has no day before it)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _skip(text: str, index: int, chars: str) -> int:
    while index < len(text) and text[index] in chars:
        index += 1
    return index


def _read_relday(m: regex.Match[str], ctx: _Context) -> list[FoundDate]:
    word = m.group("rd")
    offset = _DAY_OFFSET.get(_k(word))
    if offset is None:
        return []
    before = _prev_word(ctx.text, m.start())
    after = _next_word(ctx.text, m.end())
    if _HAS_ARABIC.search(word):
        if _k(word) == _k("الأمس") and not m.group("rcue"):
            return []  # الأمس alone is "the past" (حلفاء الأمس), not yesterday
        if (offset == 0 and not m.group("rcue")) and (
            _word_in(before, _TODAY_NOT_BEFORE)
            or _word_in(after, _TODAY_NOT_AFTER)
            or _k(after) in _ORDINALS  # اليوم الثلاثين للحرب: the thirtieth day
        ):
            return []
    else:
        if (
            _capital(ctx, m.start("rd"))
            and _adjacent_char(ctx.text, m.start() - 1, -1) not in ".!?\n\"'("
        ):
            return []  # "Russia Today", "USA Today": a name, not today
        if _word_in(before, _TODAY_NOT_BEFORE) or _word_in(after, _TODAY_NOT_AFTER):
            return []
    start = m.start()
    if ctx.published is None:
        return [FoundDate(start, m.end(), relative=True)]
    day = _shifted(ctx.published, offset)
    if day is None:
        return [FoundDate(start, m.end(), relative=True)]
    return [FoundDate(start, m.end(), day.year, day.month, day.day, day, True)]


def _read_year(m: regex.Match[str], ctx: _Context) -> list[FoundDate]:
    if m.group("hijri"):
        # 1445 هـ: the Gregorian days of that Hijri year.
        span = hijri.year_span(int(m.group("year"))) if not m.group("year2") else None
        if span is None:
            return []
        start = m.start("year")
        return [interval(start, m.end(), span[0], span[1])]
    year = int(m.group("year"))
    start = m.start("year")
    if m.group("year2"):
        # A span of years (2020-2021, عامي 2014–2017): both ends, when it is one.
        last = int(m.group("year2"))
        if not (1900 <= year < last <= 2100 and last - year < 100):
            return []
        if m.group("ycue"):
            start = m.start() + len(m.group("ycue")) - len(m.group("ycue").lstrip("وفبل"))
        return [FoundDate(start, m.end(), low=str(year), high=str(last))]
    if m.group("ycue"):
        if not 1000 <= year <= 2199:
            return []
        start = m.start() + (len(m.group("ycue")) - len(m.group("ycue").lstrip("وفبل")))
        if not m.group("ycue")[:1].isalpha():
            start = m.start()
    else:
        if not 1900 <= year <= 2100:
            return []
        glued = m.group("glued") is not None
        before, at = _prev_word_at(ctx.text, m.start() - glued)
        after = _next_word(ctx.text, m.end())
        other = _AND_NUMBER.match(ctx.text, m.end())
        if _k(before) in _BETWEEN and other is not None and not _is_year(other.group(1)):
            return []  # "between 2000 and 3000 people": a range of counts
        # "عامي 2011 و2014", "between 2011 and 2014": a year joined to a year before it.
        if before in ("and", "or", "to", "الي", "او"):
            before_that = _prev_word(ctx.text, at)
            joined = _is_year(before_that)
        else:
            joined = glued and _is_year(before)
        cued = (
            _word_in(before, _DATE_CUES)
            # "the first half of 2023", "for the full year of 2023"
            or (_k(before) == "of" and _word_in(_prev_word(ctx.text, at), _PERIOD_OF))
            or _word_in(before, _EVENT_NOUNS)
            or _word_in(after, _EVENT_NOUNS)  # the 2014 elections
            or _modifies_event(ctx.text, m.start() - glued, m.end(), before)
        )
        if not joined and (glued or not cued):
            return []
        counted = _counted(_next_word_in_clause(ctx.text, m.end()), ctx)
        if _word_in(after, _HIJRI) or counted or after.isdigit():
            return []  # 1445 هـ; في 2000 موقع; a phone number
        if _word_in(before, _QUANTITY_BEFORE) or _word_in(
            _prev_word(ctx.text, at), _QUANTITY_BEFORE
        ):
            return []  # أكثر من 2000, more than 2000
    return [_found(start, m.end(), year, None, None, False)]


def _modifies_event(text: str, start: int, end: int, before: str) -> bool:
    """A year naming an event of a noun phrase around it, within its clause.

    English puts the year before the noun: "the 2014 season", "his 1968
    bloodless coup", "star of 1962 classic film" (a determiner, then an event
    noun among the next three words). Arabic puts it after: "مهرجان كان
    السينمائي 2018", "هدنة 2017" (an event noun among the three words before).
    A year changed in a summary is then a date that the source must state.
    """
    if _HAS_ARABIC.search(before):
        words = _CLAUSE_WORD.findall(_clause_before(text, start))[-3:]
        # بجائزة, لمهرجان: a preposition joined to the noun.
        return any(
            _word_in(w, _EVENT_NOUNS)
            or (w[:1] in _DATE_PREPOSITIONS and _word_in(w[1:], _EVENT_NOUNS))
            for w in words
        )
    if _k(before) not in _YEAR_DETERMINERS:
        return False
    return any(
        _word_in(w, _EVENT_NOUNS) for w in _CLAUSE_WORD.findall(_clause_after(text, end))[:3]
    )


_CLAUSE_WORD = regex.compile(r"[\p{L}\p{M}]+")
_CLAUSE_END = regex.compile(r"[.,;:!?،؛()\"\n]")


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 60) : start]
    cut = [m.end() for m in _CLAUSE_END.finditer(window)]
    return window[cut[-1] :] if cut else window


def _clause_after(text: str, end: int) -> str:
    window = text[end : end + 60]
    m = _CLAUSE_END.search(window)
    return window[: m.start()] if m else window


_BETWEEN = _keys(_WORDS["year_ranges"]["before"])
_AND_NUMBER = regex.compile(r"[^\S\n]+(?:and[^\S\n]+|و[^\S\n]*)(\d[\d,.]*)")


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def _counted(word: str, ctx: _Context) -> bool:
    """``word`` is a counted noun (جندي, troops): the number before it is a quantity."""
    if not word or word.startswith("ال") or ctx.lexicon is None:
        return False  # a counted noun after a number is indefinite
    return ctx.lexicon.lookup("unit", word) is not None


def _read(m: regex.Match[str], ctx: _Context) -> list[FoundDate] | None:
    """The dates of a match: a list (empty when the context rules it out, so
    that the words inside it are read again), or None for an impossible date
    (31 February), which is skipped whole."""
    found = _read_match(m, ctx)
    if found is None:
        return None
    # A conjunction or preposition glued to the first word (ويوم, والخميس, و2014)
    # is not part of the date.
    clitics = {s: e for s, e in m.spans("clitic") if e > s}
    return [attrs.evolve(f, start=clitics[f.start]) if f.start in clitics else f for f in found]


def _read_match(m: regex.Match[str], ctx: _Context) -> list[FoundDate] | None:
    if m.group("numeric"):
        return _read_numeric(m, ctx)
    if m.group("daymonth"):
        return _read_days(m, ctx, "daymonth")
    if m.group("monthday"):
        return _read_days(m, ctx, "monthday")
    if m.group("dayrel"):
        return _read_days(m, ctx, "dayrel")
    if m.group("monthonly"):
        return _read_month(m, ctx)
    if m.group("weekday"):
        return _read_weekday(m, ctx)
    if m.group("relday"):
        return _read_relday(m, ctx)
    return _read_year(m, ctx)
