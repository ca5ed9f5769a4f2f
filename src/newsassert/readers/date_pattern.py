"""The date reader's vocabulary and its combined pattern.

The month and weekday names of CLDR (``data/months.json``) and the date words
of ``data/date_words.json``, read once; the one regular expression built from
them, and the cheap gates that find where it can match (see
:mod:`newsassert.extract.dates`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence

import attrs
import regex

from newsassert.text.arabic import CONJUNCTIONS, DATE_FOLDS, proclitic_runs
from newsassert.text.data import read_data
from newsassert.text.normalize import key
from newsassert.text.patterns import trie_pattern

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
# The prepositions a date word may be joined to (بيوم, لعام, بجائزة): no ك.
_DATE_PREPOSITIONS = ("ب", "ل")
_YEAR_DETERMINERS = _keys(_WORDS["year_determiners"]["en"])
_PERIOD_OF = _keys(_WORDS["period_of"]["en"])
_WD_NOT_BEFORE = _keys(_all(_WORDS["weekday_not_a_day"]["before"]))
_WD_NOT_AFTER = _keys(_all(_WORDS["weekday_not_a_day"]["after"]))
_WD_VERB_FOLLOWERS = _keys(_all(_WORDS["weekday_verb_followers"]))
_TODAY_NOT_BEFORE = _keys(_all(_WORDS["today_not_a_date"]["before"]))
_TODAY_NOT_AFTER = _keys(_all(_WORDS["today_not_a_date"]["after"]))
_HIJRI = _keys(_WORDS["era_marks"]["hijri"])

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
    clitics = proclitic_runs(CONJUNCTIONS, _DATE_PREPOSITIONS)
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
# It is compiled on first use: the standard library compiles a word list of
# this size in Python, in about a fifth of a second, and a command that reads
# its claims from the cache never needs it. It is compiled once: a word at
# the very start of a text is tried on a copy of the text's head behind a
# space. The head is longer than any gate phrase, so it is never cut inside
# one, unless a phrase's space is a run of several (``\s+``): then the copy
# is of the whole text, once an article.
@functools.cache
def _word_gates() -> tuple[re.Pattern[str], int]:
    """The word gate after a non-word character, and how long a text head it needs."""
    words = _gate_words()
    trie = "(?:" + trie_pattern(words, _char) + r")\b"
    return re.compile(r"\W" + trie), max(map(len, words)) + 2


# A number not after a digit or separator. Only a run of one, two or four
# digits can begin a date (a day or month; a year), and a run of one or two
# not before ``,5`` or ``:30`` (12,000 and 10:30 are no day): the date
# pattern cannot match at other numbers (no date word starts with a digit),
# so they are not gates at all.
_NUMBER_GATE = re.compile(r"[0-9](?<![\d.,:/\-][0-9])(?=\d?(?!\d)(?![,:]\d)|\d{3}(?!\d))")


_SEVERAL_SPACES = re.compile(r"\s\s")


def _word_gate(text: str, at: int, end: int) -> tuple[int, int] | None:
    """The first word at or after ``at`` that can begin a date: its span."""
    after_non_word, head = _word_gates()
    if at == 0:
        start = text[: min(end, head)]
        if _SEVERAL_SPACES.search(start):
            start = text[:end]
        m = after_non_word.match(" " + start)
        if m is not None:
            return 0, m.end() - 1
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
