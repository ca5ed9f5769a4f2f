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

Here are the phrase pattern and the scan; the vocabulary is in
:mod:`.phrase_words` and the reading of each kind of phrase in
:mod:`.phrase_readers`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator

from newsassert.readers.dates_common import FoundDate, k, trie
from newsassert.readers.phrase_readers import SUPPRESSED, interval, read
from newsassert.readers.phrase_words import _tables, _words

__all__ = ["SUPPRESSED", "find_phrases", "interval"]


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
          (?P<na_unit>{_alt(periods["named_ar"]["year"] + periods["named_ar"]["month"] + periods["named_ar"]["week"])})
          (?(na_this)|[ \t]+(?P<na_rel>{rel})) )(?!\w)
    | (?P<named_en>(?P<ne_rel>{_alt(words["relative"]["past"]["en"] + words["relative"]["next"]["en"] + words["relative"]["current"]["en"])})
          [ \t]+(?P<ne_unit>year|month|week) )(?!\w)
      # last night, الليلة الماضية: the evening before publication or the small hours of its day.
    | (?P<last_night>last[ \t]+night|الليله[ \t]+الماضيه)(?!\w)
      # Two years joined by "and" after "between": between 2016 and 2019, بين عامي 2016 و2019.
    | (?P<yand>(?P<ya1>\d{{4}})[ \t]+(?:and|و)[ \t]*(?P<ya2>\d{{4}}))(?!\d)
      # A calendar quarter of a year: Q3 2020, the third quarter of 2020, الربع الثالث من عام 2020.
    | (?P<quarter>(?:q(?P<q_n>[1-4])|(?:the[ \t]+)?(?P<q_en>{_alt(words["quarters"]["en"])})[ \t]+quarter
          |الربع[ \t]+(?P<q_ar>{_alt(words["quarters"]["ar"])}))
        (?:[ \t]+(?:of|من))?(?:[ \t]+(?:عام|العام|سنه))?[ \t]*,?[ \t]*(?P<q_y>\d{{4}}) )(?!\d)
      # Decades: the 1990s, '90s, mid-1990s; التسعينيات (من القرن الماضي).
    | (?P<decade>(?P<dec_y>1[5-9]\d0|20\d0)[’']?s|(?P<dec_2>\d0)s)(?!\w)
    | (?P<decade_ar>{_alt(t["decades"])})(?!\w)
      # mid-2019, early-2020, late-1990s: the year (or decade) it is part of.
    | (?P<mid>(?:mid|early|late)-(?P<mid_y>\d{{4}})(?P<mid_s>[’']?s)?)(?!\w)
      # The first Tuesday of October 2024; the last Sunday in March.
    | (?P<nth_wd>(?:the[ \t]+)?(?P<nw_n>{_alt(words["nth_weekday"]["en"])})[ \t]+(?P<nw_wd>{_alt(t["en_weekdays"])})
          [ \t]+(?:of|in)[ \t]+(?P<nw_m>{_alt(t["en_months"])})(?:[ \t]*,?[ \t]*(?P<nw_y>\d{{4}}))?)(?![\w])
      # Christmas Day, New Year's Eve, Christmas 2023 (fixed-date holidays).
    | (?P<holiday>(?P<hol>{_alt(words["holidays"]["en"])})(?:[ \t]+(?P<hol_y>\d{{4}}))?)(?![\w'])
      # "on the 3rd." with no month: the 3rd before or after publication.
    | (?P<nth>(?P<nth_d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th))(?=[ \t]*(?:[.,;:!?)\n]|$))
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


def find_phrases(
    text: str,
    start: int,
    end: int,
    published: dt.date | None,
    is_arabic: Callable[[int], bool],
    month_follows: Callable[[int], bool],
    counted: Callable[[int], bool] = lambda at: False,
    month_first: bool | None = None,
) -> Iterator[FoundDate]:
    """The date phrases of ``text[start:end]`` (folded), in order.

    ``month_first`` is the outlet's order of numeric dates in English text
    (None: unknown, both readings kept as an interval).
    """
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
        got = read(m, text, published, is_arabic, month_follows, counted, month_first)
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
        *periods["named_ar"]["week"],
        "الليلة",
        "الربع",
        *t["decades"],
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
    r"[dwmyftshnq](?<![\w][dwmyftshnq])"
    r"(?:ays?|eeks?|onths?|ears?|onday|uesday|ednesday|hursday|riday|aturday|unday"
    r"|ours?|inutes?|ight|uarter|[1-4])(?!\w)"
)
# mid-2019, early-1990s: tried from the first word; and the holidays.
_PART_OF_YEAR = re.compile(
    r"(?<!\w)(?:(?:mid|early|late)-\d|christmas|xmas|new[ \t]+years?|valentines?|halloween|boxing[ \t]+day)"
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
    found.extend(m.start() for m in _PART_OF_YEAR.finditer(text, start, end))
    return sorted(set(found))
