"""Extract dates: calendar dates, months, years, weekdays and relative days.

One combined regular expression, built once at import from the month and
weekday names of CLDR (``data/months.json``) and the date vocabulary of
``data/date_words.json``, scans the matching form of the text (see
:mod:`newsassert.normalize`) with its diacritics removed. Arabic words are
matched through the lossy key: each letter of a word's key becomes the class
of letters that fold to it, so أيار finds ايار and الماضى finds الماضي.

Each match is then read by one of a few small functions (a numeric date, a
day and month, a month, a weekday, a relative day, a year) that check the
context (is ``مارس`` the month or the verb "he practised"? is ``الأحد``
Sunday or "the One"?) and resolve what the publication date lets them:

* a weekday refers to the most recent such day on or before publication
  (``اليوم السبت`` is the publication day when that is a Saturday); with
  الماضي / "last" to the most recent one strictly before it, with المقبل /
  "next" to the first one strictly after it;
* أمس / "yesterday", اليوم / "today", غدا / "tomorrow" count days from it;
* a month marked الماضي (``17 أكتوبر الماضي``) is its last occurrence before
  the publication month, الجاري / الحالي the publication year, المقبل the next
  occurrence after it; ``من العام الماضي`` and "last year" shift the year;
* a day and month with a weekday but no year (``الأربعاء 24 يناير``) take the
  year, within one of publication, in which that day is that weekday;
* a day or month with none of these keeps ``year=None``: news often names
  a month without its year for events long past.

Anything resolved from the publication date is ``relative``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import attrs
import regex

from newsassert.extract import hijri, lexicon_of, make_claim
from newsassert.extract.date_phrases import SUPPRESSED, find_phrases, interval
from newsassert.extract.dates_common import FoundDate, _date
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon, default_lexicon
from newsassert.model import Article, Claim, DateClaim, Segment
from newsassert.normalize import key, normalize
from newsassert.text.arabic import DATE_FOLDS
from newsassert.text.data import read_data
from newsassert.text.patterns import trie_pattern

__all__ = ["FoundDate", "date_order", "find_dates", "find_in_normalized"]


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


_CLDR = read_data("months.json")
_WORDS = read_data("date_words.json")


@functools.lru_cache(maxsize=4096)
def _k(text: str) -> str:
    return " ".join(key(text).split())


@attrs.frozen
class _Name:
    number: int
    lang: str
    needs_context: bool


_MONTHS: dict[str, _Name] = {
    row["key"]: _Name(row["month"], row["lang"], row["needs_context"]) for row in _CLDR["months"]
}
_WEEKDAYS: dict[str, _Name] = {
    row["key"]: _Name(row["weekday"], row["lang"], row["needs_context"])
    for row in _CLDR["weekdays"]
}


def _all(group: Mapping[str, Sequence[str]]) -> list[str]:
    return [w for words in group.values() for w in words]


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(_k(w) for w in words)


_REL_KIND: dict[str, str] = {
    _k(w): kind for kind, langs in _WORDS["relative"].items() for w in _all(langs)
}
_DAY_OFFSET: dict[str, int] = {
    _k(w): int(n) for n, langs in _WORDS["days_from_publication"].items() for w in _all(langs)
}
_ORD = _WORDS["ordinal_days"]


def _ordinal_days() -> dict[str, int]:
    """Every ordinal day word 1-31: الأول … العاشر, الحادي عشر …, الحادي والثلاثين."""
    units: dict[str, int] = _ORD["units"]
    days = {w: n for w, n in units.items() if w not in ("الحادي", "الواحد")}
    days.update(_ORD["ten"])
    for unit, n in units.items():
        for teen in _ORD["teen_suffix"]:
            days[f"{unit} {teen}"] = 10 + n
    for tens, t in _ORD["tens"].items():
        days[tens] = t
        for unit, n in units.items():
            if t + n <= 31:
                days[f"{unit} و{tens}"] = t + n
    days.update(dict.fromkeys(_ORD["first_bare"]["ar"], 1))  # أول مارس, غرة رمضان
    days.update(_ORD["en"])  # the first of May, May twenty-first
    return {_k(w): n for w, n in days.items()}


_ORDINALS = _ordinal_days()
_DATE_CUES = _keys(_all(_WORDS["date_cues"]))
_QUANTITY_BEFORE = _keys(_all(_WORDS["quantity_before"]))
_ORD_NOT_AFTER = _keys(_all(_WORDS["ordinal_not_a_day_after"]))
_EVENT_NOUNS = _keys(_all(_WORDS["event_nouns"]))
_PERIOD_OF = _keys(_WORDS["period_of"]["en"])
_WD_NOT_BEFORE = _keys(_all(_WORDS["weekday_not_a_day"]["before"]))
_WD_NOT_AFTER = _keys(_all(_WORDS["weekday_not_a_day"]["after"]))
_WD_VERB_FOLLOWERS = _keys(_all(_WORDS["weekday_verb_followers"]))
_TODAY_NOT_BEFORE = _keys(_all(_WORDS["today_not_a_date"]["before"]))
_TODAY_NOT_AFTER = _keys(_all(_WORDS["today_not_a_date"]["after"]))
_HIJRI = _keys(_WORDS["era_marks"]["hijri"])


# ---------------------------------------------------------------------------
# The combined pattern
# ---------------------------------------------------------------------------

# The text is matched in a folded form of the same length: the key's foldings
# of Arabic letters (so أيار finds ايار and الماضى finds الماضي) and ASCII
# lowercase. Vocabulary is written in key form, so words match as literals.
_FOLDS = DATE_FOLDS
_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


def _fold(text: str) -> tuple[str, bool]:
    """The folded form, same length as ``text`` (chained replaces beat one translate),
    and whether it is lowercased throughout (else in ASCII only)."""
    for a, b in _FOLDS:
        if a in text:
            text = text.replace(a, b)
    lowered = text.lower()
    # lower() may lengthen a few non-ASCII letters (İ); then lower ASCII only.
    if len(lowered) == len(text):
        return lowered, True
    return text.translate(_ASCII_LOWER), False


_DIGIT_NEXT = "\x00"  # in a gate phrase: a number follows


def _char(ch: str) -> str:
    # A space inside a name (كانون الثاني) stands for any run of spaces.
    if ch == " ":
        return r"\s+"
    return r"(?=\d)" if ch == _DIGIT_NEXT else re.escape(ch)


def _alt(words: Iterable[str]) -> str:
    """An alternation of key-form words, factored by prefix; a longer word wins."""
    return "(?:" + trie_pattern((_k(w) for w in words), _char) + ")"


def _lang_words(group: Mapping[str, Sequence[str]], lang: str) -> list[str]:
    return list(group.get(lang, ()))


_PIECES: dict[str, str] = {
    # Word boundaries: letters, digits and marks are inside words.
    "B": r"(?<![\p{L}\p{N}\p{M}])",
    "E": r"(?![\p{L}\p{N}\p{M}])",
    # Digits may follow letters ("وعالم27-1-2024") but not digits or separators.
    "BD": r"(?<![\p{N}.,:/\-])",
    "ED": r"(?!\d|[.,:/\-]\d)",
    "MONTH": _alt(_MONTHS),
    "MONTH_EN": _alt(k for k, v in _MONTHS.items() if v.lang == "en"),
    "WEEKDAY": _alt(_WEEKDAYS),
    "REL": _alt(_REL_KIND),
    "CUR": _alt(_WORDS["relative"]["current"]["ar"]),
    "ORD": _alt(_ORDINALS),
    "YEARWORD": _alt(_WORDS["year_words"]["ar"]),
    "THIS": _alt(_WORDS["this"]["ar"]),
    "MWORD": _alt(_all(_WORDS["month_word"])),
    "MMOD": _alt(_all(_WORDS["month_modifiers"])),
    "CORR": _alt(_WORDS["corresponding"]["ar"]),
    "DAYCUE": _alt(_WORDS["day_cues"]["ar"]),
    "RELDAY": _alt(_DAY_OFFSET),
    "YESTERDAY": _alt(_WORDS["days_from_publication"]["-1"]["ar"]),
    "AD": _alt(_WORDS["era_marks"]["ad"]),
    "HIJRI": _alt(_WORDS["era_marks"]["hijri"]),
    "EN_REL": _alt(
        _WORDS["relative"]["past"]["en"]
        + _WORDS["relative"]["next"]["en"]
        + _WORDS["relative"]["current"]["en"]
    ),
    "EN_YEARWORD": _alt(_WORDS["year_words"]["en"]),
}

_TEMPLATE = r"""
# 1. A date with a day, maybe after its weekday: "الخميس 25 من شهر يناير".
(?:
  (?P<wdprefix>
    «B» (?:(?P<clitic>[وف])?«WCUE»\s+)?        # يوم الخميس, اليوم السبت
    (?P<pwd>«WEEKDAY»)\.?«E» \s*[,،]?\s*         # the weekday, maybe "Thu," or "الخميس،"
    (?:«CORR»\s+)? \(?\s*                        # الموافق, or "(25 يناير)"
  )?
  (?:
    # 1a. Numeric: 2024-01-27, 27-1-2024, 27/1/2024, 27.1.2024 (one separator throughout).
    (?P<numeric>
      «BD» (?: (?P<ny>\d{4}) (?P<sep>[-/.]) (?P<nm>\d{1,2}) (?P=sep) (?P<nd>\d{1,2})
             | (?P<nd>\d{1,2}) \s?(?P<sep>[-/.])\s? (?P<nm>\d{1,2}) \s?(?P=sep)\s? (?P<ny>\d{4}) )
      «ED»
    )
  | # 1b. Day(s) then month: 25 يناير, 7 و8 أغسطس 2023, 27th, January 2024, the 7th of May.
    (?P<daymonth>
      «BD» (?P<clitic>[وف])? «DAYS»
      \s*[,،]?\s* (?:(?:of|من)\s+)? (?:«MWORD»\s+)?
      «MONTHPAIR» «YEARTAIL»?
    )
  | # 1c. English order: January 27, 2024; Aug. 7 and 8, 2023.
    (?P<monthday>
      «B» (?P<m1>«MONTH_EN»)\.?«E» \s+ «DAYS»
      (?: \s*,?\s* (?P<year>\d{4})«ED» | (?:\s*,)?\s+ (?P<yren>«EN_REL»)\s+«EN_YEARWORD»«E» )?
    )
  | # 1d. A day of this, last or next month: السابع من الشهر الجاري, 25 الجاري.
    (?P<dayrel>
      «BD» (?P<clitic>[وف])? «DAYS»
      (?: \s+(?:من\s+)? (?: (?P<mthis>«THIS»)\s+«MWORD» | «MWORD»\s+(?P<mrel>«REL»)«E» )
        | \s+(?P<mrel>«CUR»)«E» )
    )
  )
)
| # 2. A month without a day: منتصف أكتوبر, شهر يناير 2024, October last year, last May.
(?P<monthonly>
  «B» (?P<clitic>[وفبل]{1,2}(?=\p{L}))??
  (?: (?P<mmod>«MMOD»)\s*-?\s* | (?P<men>«EN_REL»)\s+ )?
  (?:(?P<mword>«MWORD»)\s+)?
  «MONTHPAIR» «YEARTAIL»?
)
| # 3. A weekday: الخميس, يوم الخميس الماضي, /الخميس/ الماضى, last Thursday.
(?P<weekday>
  «B»
  (?: (?P<clitic>[وف])?(?P<wcue>«WCUE»)\s+ | (?P<wen>«EN_REL»)\s+ )?
  (?P<clitic>[وف](?=\p{L}))?? (?P<wd>«WEEKDAY»)«E» (?:\s*/)?
  (?:\s+(?P<wrel>«REL»)«E»)?
)
| # 4. A day counted from publication: أمس, اليوم, غدا, yesterday, today.
(?P<relday>
  «B» (?:(?P<clitic>[وف])?(?P<rcue>«DAYCUE»)\s+)? (?P<clitic>[وف])?? (?P<rd>«RELDAY»)«E»
)
| # 5. A year alone: عام 2008, in 2014, منذ غزو 2003.
(?P<yearonly>
  (?: «B» (?P<ycue>[وفبل]{0,2}«YEARWORD»\s+ | «EN_YEARWORD»\s+)?
    | (?P<glued>(?<=(?<![\p{L}\p{N}\p{M}])[وف])) )       # و2014
  «BD» (?P<year>\d{4}) (?:(?:\s?[-–]\s?|\s+(?:to|through|until|الي|حتي)\s+)(?P<year2>\d{4}))?
  «ED» (?!'?s«E»)  # 2020-2021, 2016 to 2019, not 1990s
  (?:\s*«AD»«E»)?
  (?P<hijri>\s*«HIJRI»«E»)?
)
"""

_SUB_PIECES = {
    # What may stand before a weekday: يوم, اليوم, صباح اليوم, مساء أمس.
    "WCUE": r"(?:«DAYCUE»\s+)?(?P<wpast>«YESTERDAY»)?(?(wpast)|«DAYCUE»)",
    # Between the days of a list or range (folded forms: الي is إلى, حتي is حتى).
    "DAYSEP": r"(?:و|،|,|-|–|&|and|to|or|through|الي|حتي|او)",
    # One to eight days: 7, 7 و8, 7-8, 7th and 8th, السابع والثامن. The list is
    # bounded: unbounded, it ran to the end of "1،1،1،…" from every number and
    # was tried back one day at a time (quadratic; no date lists more days).
    "DAYS": r"""(?P<day> (?:\d{1,2}(?!\d|[.,:]\d) (?:st|nd|rd|th)? | «ORD»«E») )
               (?: \s*«DAYSEP»\s*
                   (?P<day> (?:\d{1,2}(?!\d|[.,:]\d) (?:st|nd|rd|th)? | «ORD»«E») ) ){0,7}""",
    # A month, or two names of one month: كانون الثاني/يناير, أكتوبر/ تشرين الأول.
    "MONTHPAIR": r"""(?P<m1>«MONTH»)\.?«E»
                     (?:\s*(?:/|\(|-|–|،)\s*(?P<m2>«MONTH»)«E»(?:\s*\))?)?""",
    # The year or how the text places it: 2024, عام 2024, 2024م, الماضي, من العام الماضي.
    "YEARTAIL": r"""(?: \s*[,،]?\s* (?:(?:من\s+)?«YEARWORD»\s+)? (?P<year>\d{4})«ED» (?:\s*«AD»«E»)?
                   | \s+ (?:من\s+)? «YEARWORD»\s+(?P<yrel>«REL»)«E»
                   | \s+ (?:من\s+)? (?P<ythis>«THIS»)\s+«YEARWORD»«E»
                   | (?:\s*,)?\s+ (?P<yren>«EN_REL»)\s+«EN_YEARWORD»«E»
                   | \s+ (?P<rel>«REL»)«E» )""",
}


def _expand(template: str) -> str:
    for _ in range(3):  # pieces may contain pieces
        for name, piece in {**_SUB_PIECES, **_PIECES}.items():
            template = template.replace(f"«{name}»", piece)
    if "«" in template:
        raise RuntimeError("unexpanded piece in the date pattern")
    # A date never runs over a line break.
    template = template.replace(r"\s", r"[^\S\n]")
    # Runs of spaces are possessive: what follows one is never a space, so
    # giving spaces back cannot help a match, and trying it made "January 5"
    # before 50,000 spaces quadratic. (Hence "(?:\s*,)?\s+", not "\s*,?\s+".)
    return _SPACE_RUN.sub(lambda m: m.group() + "+", template)


_SPACE_RUN = re.compile(r"\[\^\\S\\n\][*+?](?![+?])")


# Combining marks (harakat, tanween, shadda) are dropped before matching.
_MARKS = regex.compile(r"\p{Mn}+")
_MARKS_AT = regex.compile(r"\p{Mn}*")
_HAS_ARABIC = regex.compile(r"\p{Arabic}")
_NEXT_WORD = regex.compile(r"[^\p{L}\p{N}\n]*([\p{L}\p{N}]+)")
# The next word of the same clause: no sentence or clause punctuation between.
_NEXT_WORD_IN_CLAUSE = regex.compile(r"[^\p{L}\p{N}\n.!?؟؛;,،:]*([\p{L}\p{N}]+)")


_EN_RELATIVE = [w for kind in _WORDS["relative"].values() for w in kind["en"]]


def _gate_words() -> list[str]:
    """What a date can start with, bare and with a glued و ف ب ل.

    Common words that only start a date before certain words are listed with
    them (``يوم الخميس``, ``العام 2019``, ``السابع من``, ``last Thursday``),
    so that the pattern is not tried after every ``يوم``, ``العام`` or "last".
    """
    names = [*_MONTHS, *_WEEKDAYS]
    day_words = [*_WEEKDAYS, *_DAY_OFFSET, *_all(_WORDS["day_cues"])]
    starts = [
        *names,
        *_DAY_OFFSET,
        *(f"{o} من" for o in _ORDINALS),  # السابع من أكتوبر / من الشهر الجاري
        *(f"{o} of" for o in _ORD["en"]),  # the first of May
        *(f"{o} {m}" for o in _ORD["first_bare"]["ar"] for m in _MONTHS),  # أول مارس
        *(f"{c} {w}" for c in _all(_WORDS["day_cues"]) for w in day_words),
        *(f"{r} {w}" for r in _EN_RELATIVE for w in names),  # last Thursday, next May
        *(f"{w} {n}" for w in _all(_WORDS["month_word"]) for n in _MONTHS),
        *(f"{w} {_DIGIT_NEXT}" for w in _all(_WORDS["year_words"])),
        *_all(_WORDS["month_modifiers"]),
    ]
    phrases = {_k(w) for w in starts}
    clitics = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
    return sorted({c + w for w in phrases for c in clitics if not c or _HAS_ARABIC.match(w)})


# Most of the text is not a date. A first, cheap scan (the standard library's
# engine, on a prefix-factored word list) finds where a date can start: a word
# that can begin one, or a number. The date pattern runs only there.
#
# The scan is two patterns that each begin with a character class, because
# then the engine skips to the next candidate in a tight loop of its own
# instead of trying the pattern at every character (a third of the cost):
# words after the non-word character before them (``\W`` is where a match
# starts; a word at the very start of the text is tried apart), and numbers
# at their first digit.
#
# Both are compiled on first use: the standard library compiles a word list
# of this size in Python, in about half a second, and a command that reads
# its claims from the cache never needs them.
@functools.cache
def _word_gates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The word gate after a non-word character, and the one at the start of a text."""
    trie = "(?:" + trie_pattern(_gate_words(), _char) + r")\b"
    return re.compile(r"\W" + trie), re.compile(trie)


# A number not after a digit or separator. Only a run of one, two or four
# digits can begin a date (a day or month; a year), and a run of one or two
# not before ``,5`` or ``:30`` (12,000 and 10:30 are no day): the date
# pattern cannot match at other numbers (no date word starts with a digit),
# so they are not gates at all.
_NUMBER_GATE = re.compile(r"[0-9](?<![\d.,:/\-][0-9])(?=\d?(?!\d)(?![,:]\d)|\d{3}(?!\d))")


def _word_gate(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The first word at or after ``at`` that can begin a date: its span."""
    after_non_word, at_start = _word_gates()
    if at == 0:
        m = at_start.match(text, 0, end)
        if m is not None:
            return 0, m.end()
        m = after_non_word.search(text, 0, end)
    else:
        m = after_non_word.search(text, at - 1, end)
    return (m.start() + 1, m.end()) if m is not None else None


def _number_gate(text: str, at: int, end: int) -> int:
    """Where the first number at or after ``at`` that can begin a date starts (``end``: none)."""
    m = _NUMBER_GATE.search(text, at, end)
    return m.start() if m is not None else end


@functools.cache
def _pattern() -> regex.Pattern[str]:
    # Compiled on first use, not at import: it is the largest pattern of
    # newsassert, and every command imports this module.
    return regex.compile(_expand(_TEMPLATE), regex.VERBOSE | regex.VERSION0)


# ---------------------------------------------------------------------------
# Reading the matches
# ---------------------------------------------------------------------------


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
    if first.lang == "en" and first.needs_context and not _capital(ctx, m.start("m1")):
        return None  # "may", "march": lower case, a verb; "january" is the month
    return first


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
            _word_in(before, _TODAY_NOT_BEFORE) or _word_in(after, _TODAY_NOT_AFTER)
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


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _strip_marks(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` without combining marks, and breakpoints mapping offsets back."""
    if _MARKS.search(text) is None:
        return text, [0], [0]
    pieces: list[str] = []
    cut: list[int] = [0]  # offset in the stripped text where a run starts
    orig: list[int] = [0]  # its offset in ``text``
    last = 0
    n = 0
    for mark in _MARKS.finditer(text):
        pieces.append(text[last : mark.start()])
        n += mark.start() - last
        last = mark.end()
        cut.append(n)
        orig.append(last)
    pieces.append(text[last:])
    return "".join(pieces), cut, orig


def _scan(ctx: _Context, start: int, end: int) -> list[FoundDate]:
    """The dates of ``ctx.text[start:end]``: the calendar pattern's and the phrases'.

    Where the two overlap the longer wins (``الثلاثاء 9`` over ``الثلاثاء``),
    the calendar pattern's on a tie.
    """
    calendar = list(_scan_calendar(ctx, start, end))
    text = ctx.text
    phrases = list(
        find_phrases(
            text,
            start,
            end,
            ctx.published,
            lambda at: _HAS_ARABIC.search(text, max(0, at - 80), at + 80) is not None,
            lambda at: _month_after().match(text, at) is not None,
            lambda at: _counted(_next_word_in_clause(text, at), ctx),
            ctx.month_first,
        )
    )
    if not phrases:
        return calendar
    out: list[FoundDate] = []
    for f in sorted([*calendar, *phrases], key=lambda f: (f.start, -(f.end - f.start))):
        if out and f.start < out[-1].end:
            if f.end - f.start > out[-1].end - out[-1].start:
                out[-1] = f
            continue
        out.append(f)
    # A phrase of no value we can give holds its span and makes no claim.
    return [f for f in out if f.low != SUPPRESSED]


@functools.cache
def _month_after() -> regex.Pattern[str]:
    """A month name right after a number (``7/8 أغسطس``): the calendar pattern's date."""
    return regex.compile(r"[^\S\n]*(?:" + _PIECES["MONTH"] + ")" + _PIECES["E"])


def _scan_calendar(ctx: _Context, start: int, end: int) -> Iterator[FoundDate]:
    """The dates of ``ctx.text[start:end]``, in offsets of that (folded) text.

    ``start`` is 0 or follows a line break: nothing before it can change a
    match (see :func:`_article_dates`).
    """
    text, at = ctx.text, start
    pattern = _pattern()
    # The next word and the next number that can begin a date, each searched
    # again only once the scan has passed it.
    word = _word_gate(text, at, end)
    number = _number_gate(text, at, end)
    while True:
        if word is not None and word[0] < at:
            word = _word_gate(text, at, end)
        if number < at:
            number = _number_gate(text, at, end)
        if word is not None and word[0] < number:
            gate_start, gate_end = word
        elif number < end:
            gate_start, gate_end = number, number + 1
        else:
            return
        m = pattern.match(text, gate_start, end)
        found = _read(m, ctx) if m is not None and m.end() > m.start() else []
        if found is None and m is not None:
            at = m.end()
            continue
        if not found:
            # A match ruled out (الأسبوع الأول من يناير) must not hide the dates
            # inside it (يناير): go on after its first word only.
            at = gate_end
            continue
        yield from found
        at = m.end() if m is not None else gate_end


@attrs.frozen
class _Prepared:
    """A text in the matching form made ready for the date pattern.

    ``stripped`` is ``text`` without combining marks, ``cut`` and ``orig`` the
    breakpoints mapping its offsets back (see :func:`_strip_marks`), and
    ``ctx`` holds it folded, with the publication date and lexicon. Only when
    it was ``lowered`` is a paragraph of the folded text the paragraph folded
    alone (the fallback folds a whole text at once).
    """

    text: str
    stripped: str
    cut: list[int]
    orig: list[int]
    ctx: _Context
    lowered: bool  # folded by str.lower(), one character at a time

    @classmethod
    def of(
        cls,
        text: str,
        published: dt.date | None,
        lexicon: Lexicon | None,
        month_first: bool | None = None,
    ) -> _Prepared:
        stripped, cut, orig = _strip_marks(text)
        folded, lowered = _fold(stripped)
        lexicon = lexicon if lexicon is not None else default_lexicon()
        ctx = _Context(folded, stripped, published, lexicon, month_first)
        return cls(text, stripped, cut, orig, ctx, lowered)

    def stripped_offset(self, index: int) -> int:
        """The offset in ``stripped`` of ``text[index]`` (of the next letter when it is a mark)."""
        if len(self.cut) == 1:
            return index
        k = bisect.bisect_right(self.orig, index) - 1
        run_end = self.cut[k + 1] if k + 1 < len(self.cut) else len(self.stripped)
        return min(self.cut[k] + index - self.orig[k], run_end)

    def dates(self, start: int, end: int) -> list[FoundDate]:
        """The dates of ``text[start:end]``, with offsets into ``text``.

        ``start`` is 0 or follows a line break, and ``end`` is the end of the
        text or follows one: the date pattern and the words it looks at never
        cross a line break, so a paragraph is read here as it would be alone.
        """
        stripped, cut, orig = self.stripped, self.cut, self.orig
        plain = len(cut) == 1
        out: list[FoundDate] = []
        for f in _scan(self.ctx, self.stripped_offset(start), self.stripped_offset(end)):
            first, last = f.start, f.end
            if stripped[last - 1] == "." and last - 1 > first:
                last -= 1  # a sentence's full stop after "May." is not the date's
            if not plain:  # back to offsets with the marks
                k = bisect.bisect_right(cut, first) - 1
                first = orig[k] + first - cut[k]
                k = bisect.bisect_right(cut, last - 1) - 1
                last = orig[k] + last - 1 - cut[k] + 1
                # the marks on the last letter (غداً)
                last = _MARKS_AT.match(self.text, last, end).end()
            if (first, last) != (f.start, f.end):
                f = attrs.evolve(f, start=first, end=last)
            out.append(f)
        return out


def find_in_normalized(
    text: str,
    *,
    published: dt.date | None = None,
    lexicon: Lexicon | None = None,
    month_first: bool | None = None,
) -> list[FoundDate]:
    """:func:`find_dates` on a text already in the matching form (offsets into it).

    For callers that hold a :class:`~newsassert.normalize.Normalized` already
    (an article's ``normalized``): normalization is then not paid twice.
    """
    return _Prepared.of(text, published, lexicon, month_first).dates(0, len(text))


def find_dates(
    text: str,
    *,
    published: dt.date | None = None,
    lexicon: Lexicon | None = None,
    month_first: bool | None = None,
) -> list[FoundDate]:
    """The dates in ``text``, in order, with offsets into ``text`` itself.

    ``published`` resolves weekdays (``الخميس الماضي``, "last Thursday"),
    relative days (``أمس``, "yesterday") and months marked الماضي / الجاري;
    without it those dates are found but left unresolved (``relative`` is
    still true for them). ``lexicon`` (default: the default lexicon) tells
    counted nouns, so that ``في 2000 موقع`` is not the year 2000.
    ``month_first`` is the order of numeric dates in English text when the
    outlet's is known (``09/11/2001``: True September, False November); by
    default a date whose two readings are both dates is their interval.
    """
    normalized = normalize(text)
    out = []
    found = find_in_normalized(
        normalized.text, published=published, lexicon=lexicon, month_first=month_first
    )
    for f in found:
        start, end = normalized.to_original(f.start, f.end)
        out.append(attrs.evolve(f, start=start, end=end))
    return out


# The article whose matching form was made ready last: the extractors run
# paragraph by paragraph, and stripping and folding its text once (not once
# per paragraph) saves a fixed cost on each of them. The text is compared by
# identity, so nothing of another text is ever served.
_LAST: list[_Prepared | None] = [None]


def _article_dates(article: Article, start: int, end: int) -> list[FoundDate]:
    """The dates of ``article.normalized.text[start:end]``, with offsets into that text."""
    text = article.normalized.text
    published, lexicon = article.published, lexicon_of(article)
    month_first = date_order(article)
    prepared = _LAST[0]
    if (
        prepared is None
        or prepared.text is not text
        or prepared.ctx.published != published
        or prepared.ctx.lexicon is not lexicon
        or prepared.ctx.month_first != month_first
    ):
        prepared = _Prepared.of(text, published, lexicon, month_first)
        _LAST[0] = prepared
    if (
        prepared.lowered
        and (start == 0 or text[start - 1] == "\n")
        and (end == len(text) or text[end - 1] == "\n")
    ):
        return prepared.dates(start, end)
    # A span that does not lie between line breaks is read alone.
    return [
        attrs.evolve(f, start=start + f.start, end=start + f.end)
        for f in find_in_normalized(
            text[start:end], published=published, lexicon=lexicon, month_first=month_first
        )
    ]


# The article metadata that states the order of its numeric dates: a
# ``date_order`` of ``month-first`` or ``day-first`` (also mdy / dmy), or a
# ``locale`` (en-US and en_US are month-first; any other locale day-first).
_ORDER_WORDS = {"month-first": True, "mdy": True, "day-first": False, "dmy": False}
_MONTH_FIRST_LOCALES = frozenset({"en-us", "en_us", "us", "en-ph", "en_ph"})


def date_order(article: Article) -> bool | None:
    """Whether the article's numeric dates are month-first (None: not stated)."""
    for name, value in article.meta:
        name, value = name.casefold(), value.strip().casefold()
        if name == "date_order" and value in _ORDER_WORDS:
            return _ORDER_WORDS[value]
        if name == "locale" and value:
            return value in _MONTH_FIRST_LOCALES
    return None


@hookimpl
def newsassert_extract_claims(article: Article, segment: Segment) -> list[Claim]:
    if segment.start >= segment.end:
        return []
    norm = article.normalized  # shared by the extractors, computed once per article
    ns = norm.from_original(segment.start)
    ne = norm.from_original(segment.end)
    claims: list[Claim] = []
    for f in _article_dates(article, ns, ne):
        start, end = norm.to_original(f.start, f.end)
        claims.append(
            make_claim(
                article,
                segment,
                DateClaim,
                start,
                end,
                year=f.year,
                month=f.month,
                day=f.day,
                resolved=f.resolved.isoformat() if f.resolved else None,
                relative=f.relative,
                low=f.low,
                high=f.high,
            )
        )
    return claims
