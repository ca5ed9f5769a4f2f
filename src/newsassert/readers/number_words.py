"""The number reader's vocabulary (data/numbers.toml), the patterns built from it
(where a number may start, ordinals, fractions in digits), and what a number
found is (:class:`FoundNumber`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from newsassert.readers.digits import RUN
from newsassert.text.arabic import ARTICLE, CONJUNCTIONS
from newsassert.text.data import read_data
from newsassert.text.folded import fold_word
from newsassert.text.patterns import trie_pattern


@attrs.frozen
class _Word:
    role: str  # zero one ten teen tens hundred scale dual plural dozen fraction fractions vague few
    lang: str
    value: float = 0.0
    low: float = 0.0
    high: float = 0.0
    weak: bool = False
    only_before_ten: bool = False
    needs_count: bool = False
    marked: bool = False


@attrs.frozen
class _Vocabulary:
    arabic: Mapping[str, _Word]
    english: Mapping[str, _Word]
    suffixes: Mapping[str, tuple[float, bool]]  # form -> (scale, must be glued)
    prefixed: Mapping[str, tuple[str, str]]  # Arabic form with prefixes -> (prefixes, word)
    marked: Mapping[str, float]  # a fraction when its first letter carries a damma
    negative: frozenset[str]  # words that make the number after them negative


def _words(table: Mapping[str, Any], lang: str) -> dict[str, _Word]:
    words: dict[str, _Word] = {}
    for role, items in table.items():
        for item in items:
            word = _Word(
                role,
                lang,
                value=float(item.get("value", item.get("low", 0))),
                low=float(item.get("low", 0)),
                high=float(item.get("high", 0)),
                weak=bool(item.get("weak", False)),
                only_before_ten=bool(item.get("only_before_ten", False)),
                needs_count=bool(item.get("needs_count", False)),
                marked=bool(item.get("marked", False)),
            )
            for form in item["forms"]:
                words[fold_word(form).casefold() if lang == "en" else fold_word(form)] = word
    return words


# Arabic prefixes a number word may carry: a conjunction (و ف), a preposition
# (ب ل ك) and the article, in that order; ل + ال is written لل. The tries hold
# every prefixed form, so the regex never backtracks over a prefix.
_AR_PREFIXES = tuple(
    c + p + a
    for c in ("", *CONJUNCTIONS)
    for p, a in (
        ("", ""),
        ("", ARTICLE),
        ("ب", ""),
        ("ب", ARTICLE),
        ("ك", ""),
        ("ك", ARTICLE),
        ("ل", ""),
        ("ل", "ل"),
    )
)


@functools.cache
def _vocabulary() -> _Vocabulary:
    data = read_data("numbers.toml")
    suffixes = {
        form: (float(item["value"]), bool(item.get("glued", False)))
        for item in data["suffix"]["scale"]
        for form in item["forms"]
    }
    arabic = _words(data["arabic"], "ar")
    prefixed: dict[str, tuple[str, str]] = {}
    for prefix in _AR_PREFIXES:  # "" first: "واحد" is a word before it is و + احد
        for word in arabic:
            prefixed.setdefault(prefix + word, (prefix, word))
    marked = {fold_word(k): float(v) for k, v in data["marked_fractions"].items()}
    negative = frozenset(fold_word(w).casefold() for w in data["negative"]["forms"])
    return _Vocabulary(arabic, _words(data["english"], "en"), suffixes, prefixed, marked, negative)


def is_number_word(word: str) -> bool:
    """Whether a folded Arabic word or an English word is a number word."""
    vocab = _vocabulary()
    return word in vocab.arabic or word.casefold() in vocab.english


_DIGITS = r"\d+(?:[.,]\d+)*"  # after a connector: "مليون و200 ألف"
_LATIN_CLASS = "A-Za-z\u00c0-\u024f"


@attrs.frozen
class _Patterns:
    """The compiled patterns of the reader (built from the vocabulary on first use)."""

    digits: re.Pattern[str]  # a run of digits that may start a number
    words: re.Pattern[str]  # a non-word character, then an ordinal or a number word
    word_at: re.Pattern[str]  # an ordinal or a number word at the start of the scanned range
    cardinal_at: re.Pattern[str]  # a number word, not an ordinal, at a place
    following: re.Pattern[str]  # the next atom of an expression
    suffix: re.Pattern[str]  # a scale suffix after digits


# Where a number may start is found by two searches rather than one alternation
# of three lookbehind-led branches: a pattern whose first item is a character
# class lets the engine skip, in C, every position whose character cannot
# start a match, where a leading lookbehind made it try every branch at every
# position. Digits and number words start with disjoint characters and never
# overlap, so the two searches find the same starts as the one alternation.
@functools.cache
def _regexes() -> _Patterns:
    vocab = _vocabulary()
    ar = trie_pattern(vocab.prefixed)
    ar_next = trie_pattern([*vocab.arabic, *("ال" + w for w in vocab.arabic)])
    en = trie_pattern(vocab.english)
    # A cheap one-character test before the case-insensitive English trie,
    # which is slow to fail at every word of an Arabic text.
    en_first = re.escape("".join(sorted({w[:1] for w in vocab.english})))
    digits = re.compile(
        rf"""
        (?P<num>[\d.]                   # digits, not inside a Latin token: the lookbehind
          (?<![{_LATIN_CLASS}\d_/:.,]\d)  # comes after the first digit, so it is the first item
          (?:(?<=\d)|(?<![\w.,،]\.)(?=\d))  # ".35": a leading dot after no word or number
          {RUN})
        """,
        re.VERBOSE,
    )
    word = rf"""
        (?P<ar>{ar})(?!\w)                                       # an Arabic number word, with prefixes
      | (?<!-)(?=(?i:[{en_first}]))(?P<en>(?i:{en}))(?![\w'])   # an English number word
    """
    # A word starts after a character that is not a word character (consumed,
    # so the pattern starts with a class), or at the start of the range. An
    # ordinal is tried first, in the same pass: "twenty-first" is not twenty.
    ordinal = _ordinals().word
    words = re.compile(rf"\W(?:{ordinal}|{word})", re.VERBOSE)
    word_at = re.compile(rf"(?<!\w)(?:{ordinal}|{word})", re.VERBOSE)
    cardinal_at = re.compile(rf"(?<!\w)(?:{word})", re.VERBOSE)
    following = re.compile(
        rf"""
        (?P<conn>
            \s*و\s*                          # Arabic "and", glued or spaced
          | \s+(?i:and)\s+(?i:a\s+)?         # "and", "and a (half)"
          | [ \t]*-[ \t]*                    # "twenty-three", "two-thirds"
          | \s+(?i:an?)\s+                   # "half a million"
          | \s+(?i:of)\s+                    # "tens of thousands"
          | [ \t]+
        )
        (?:
            (?P<num>{_DIGITS})
          | (?P<ar>{ar_next})(?!\w)          # "عشرات الآلاف": the article mid-expression
          | (?P<en>(?i:{en}))(?![\w'])
        )
        """,
        re.VERBOSE,
    )
    # A scale suffix written after digits: "2.5bn", "$300m", "10k", "3 bn".
    suffix = re.compile(
        r"(?P<glued>(?i:k|m|b|bn|mn|mln|bln|tn|trn))(?!\w)"
        r"|[ \t](?P<spaced>(?i:bn|mn|mln|bln|tn|trn))(?!\w)"
    )
    return _Patterns(digits, words, word_at, cardinal_at, following, suffix)


@attrs.frozen
class _Ordinals:
    """The ordinal patterns (see ``[ordinal]`` in data/numbers.toml) and their values."""

    word: str  # the pattern of an ordinal (groups ord_ar, ord_en and their parts)
    values: Mapping[str, int]  # folded, casefolded word -> value


@functools.cache
def _ordinals() -> _Ordinals:
    data = read_data("numbers.toml")["ordinal"]
    ar_units = {**data["arabic_units"], **data["arabic_ten"]}
    en_words = {**data["english_units"], **data["english_teens"], **data["english_tens"]}
    values = {**ar_units, **data["arabic_tens"], **en_words, **data["english_tens_prefix"]}
    stems = trie_pattern(ar_units)
    tens = trie_pattern(data["arabic_tens"])
    teen = trie_pattern(data["arabic_teen"])
    en = trie_pattern(en_words)
    en_units = trie_pattern(data["english_units"])
    en_tens = trie_pattern(data["english_tens_prefix"])
    # A cheap one-character test before each alternation (as for the number words).
    en_first = re.escape(
        "".join(sorted({w[:1] for w in (*en_words, *data["english_tens_prefix"])}))
    )
    word = rf"""
        (?=[وفبكال])(?P<ord_ar>
          (?:[وف]?[بك]?ال|[وف]?لل)            # the article, maybe after و ف ب ك (لل: ل + ال)
          (?P<ord_stem>{stems})ه?               # الثالث, الثالثة
          (?: [ \t]+(?P<ord_teen>{teen})        # الحادي عشر, الثالثة عشرة
            | [ \t]+و[ \t]*ال(?P<ord_tens>{tens})  # الحادي والعشرون
          )?
        )(?!\w)
      | (?=(?i:[{en_first}]))(?P<ord_en>(?i:
          (?P<ord_tp>{en_tens})[- ](?P<ord_tu>{en_units})   # twenty-first
        | {en}
        ))(?![\w'])
    """
    return _Ordinals(word, {k.casefold(): int(v) for k, v in values.items()})


# A fraction in digits: 3/4, 1/2 (the numerator below the denominator, not
# part of a date 3/4/2024 or a list 1/2/3).
_SLASH_FRACTION = re.compile(r"(?<![\d/.,])([1-9]\d?)/([1-9]\d{0,2})(?![\d/]|[.,]\d)")
# After a whole number, its fraction: "3 1/2", "١ ٤/٥".
_MIXED = re.compile(r"[ \t]+([1-9]\d?)/([1-9]\d{0,2})(?![\d/]|[.,]\d)")


def _slash_fraction(m: re.Match[str], begin: int) -> FoundNumber:
    """ "3/4": a fraction, weak (it counts beside a noun; alone it may be a day and month)."""
    value = int(m.group(1)) / int(m.group(2))
    return FoundNumber(begin, m.end(), value, weak=True, fraction=True)


# A digit ordinal: 21st, 2nd, 103rd (any case).
_DIGIT_ORDINAL = re.compile(r"(\d{1,6})(?i:st|nd|rd|th)(?!\w)")


def _ordinal(text: str, m: re.Match[str]) -> FoundNumber | None:
    """The ordinal an ordinal match found, or None when it is a fraction ("a third")."""
    values = _ordinals().values
    if m.group("ord_ar") is not None:
        value = values[m.group("ord_stem")]
        if m.group("ord_teen") is not None:
            if value >= 10:
                return None
            value += 10
        elif m.group("ord_tens") is not None:
            value += values[m.group("ord_tens")]
        start = m.start("ord_ar")
        # The span keeps the article, not a conjunction or preposition before it.
        start = text.index("ال", start) if text[start : start + 2] != "لل" else start + 1
        return FoundNumber(
            start, m.end("ord_ar"), float(value), words=True, lang="ar", ordinal=True
        )
    word = m.group("ord_en").casefold()
    start = m.start("ord_en")
    if m.group("ord_tp") is not None:
        value = values[m.group("ord_tp").casefold()] + values[m.group("ord_tu").casefold()]
    else:
        value = values[word]
        fraction = _vocabulary().english.get(word)
        if _A_BEFORE.search(text, max(0, start - 4), start) or (
            fraction is not None
            and fraction.role == "fraction"
            and _COUNT_BEFORE.search(text, max(0, start - 12), start)
        ):
            return None  # "a third", "one fifth": a fraction, read as one
    return FoundNumber(start, m.end("ord_en"), float(value), words=True, lang="en", ordinal=True)


_COUNT_BEFORE = re.compile(r"(?i:\b(?:one|per|every)[ \t-]+)\Z")


# Digit runs that are not counts: clock times, numeric dates, version and
# phone numbers. Matched at the start of a run of digits.
_NOT_A_COUNT = re.compile(
    r"""
      \d{1,2}:\d{2}(?::\d{2})?                  # 15:13, 09:30:00
    | \d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?!\d)     # 27-1-2024, 2024/01/27, 3.5.2024
    | (?!\d{1,3}(?:\.\d{3})+(?![\d.]))\d+(?:\.\d+){2,}  # 1.2.3 versions, not 1.234.567
    | (?!\d{1,3}(?:[ ]\d{3})+(?![ ]?\d))         # (not 12 345 678: thousands)
      \+?\d{2,4}[ -]\d{3,4}[ -]\d{3,4}(?:[ -]\d{2,4})?  # phone numbers with spaces
    | 0\d{8,}                                   # phone numbers written solid
    | \d+/\d+                                   # 24/7, 1/3: not a count of anything
    """,
    re.VERBOSE,
)
_A_BEFORE = re.compile(r"(?i:\b(?:a|an)\s+)\Z")
_TANWEEN_FATH = "\u064b"
_DAMMA = "\u064f"


@attrs.frozen
class FoundNumber:
    """A number expression found in a text.

    ``start``/``end`` are offsets into the text given to :func:`find_numbers`.
    ``value`` is the number (for a vague one, the low end of its interval);
    ``low``/``high`` are the interval of a vague number (``None`` otherwise).
    ``words`` is true when any part is written in words; ``weak`` when it
    counts only next to a counted noun (``واحد``, ``one``, ``الستين``);
    ``fraction`` when it is a part of a whole (``ثلث``, ``two-thirds``);
    ``definite`` when it carries the Arabic article. ``lang`` is ``"ar"`` or
    ``"en"`` for words, ``None`` for digits alone. ``ratio`` when it is one
    number in another (``one in three``, ``واحد من كل ثلاثة``: the value is
    the quotient). ``scale`` is the scale word the expression ends with
    (1e6 for ``60 million``), so that ``$40-60 million`` can scale its 40.
    ``ordinal`` when it is an ordinal (``the third``, ``21st``, ``الحادي
    عشر``): its rank, never a count.
    """

    start: int
    end: int
    value: float
    is_vague: bool = False
    low: float | None = None
    high: float | None = None
    words: bool = False
    weak: bool = False
    fraction: bool = False
    definite: bool = False
    lang: str | None = None
    ratio: bool = False
    scale: float = 1.0
    ordinal: bool = False


# Between the two numbers of a ratio: "one in three", "3 out of 10", "واحد
# من كل ثلاثة", "اثنان من بين خمسة".
# "واحد على ثلاثة" (one over three), "١ جزء من ثلاثة" (one part of three).
_RATIO = re.compile(
    r"[ \t]+(?:(?i:in|out[ \t]+of)(?:[ \t]+(?i:every))?|من[ \t]+(?:كل|بين)|علي|جزء[ \t]+من)[ \t]+"
)


# "one in a million", واحد من مليون: one in a round scale written as a word.
_SCALE_RATIO = re.compile(r"[ \t]+(?:(?i:in)|من(?:[ \t]+(?:كل|بين))?)[ \t]+")
_ROUND_SCALES = frozenset({1e3, 1e6, 1e9})


def _is_ratio(text: str, first: FoundNumber, second: FoundNumber) -> bool:
    if first.fraction or first.is_vague or second.fraction or second.is_vague or first.ratio:
        return False
    if not 0 < first.value < second.value or second.value % 1:
        return False
    if second.value <= 1000 and _RATIO.fullmatch(text, first.end, second.start) is not None:
        return True
    # "3 من 5000 جندي" is three of them; "one in a million" a ratio.
    round_scale = second.words and second.value in _ROUND_SCALES and first.value < 100
    return round_scale and _SCALE_RATIO.fullmatch(text, first.end, second.start) is not None


@functools.cache
def _negative_before() -> re.Pattern[str]:
    words = trie_pattern(sorted(_vocabulary().negative))
    # A minus sign glued to the digits, after a space or an opening bracket
    # (not "2020-2021" or "S-300"), or a word: "سالب ثلاثة", "minus 4".
    return re.compile(rf"(?:(?<![^\s(\[:=])-|(?<!\w)(?i:{words})[ \t]+)\Z")


def _signed(text: str, n: FoundNumber, floor: int) -> FoundNumber:
    """``n``, negative when a minus sign or word stands right before it."""
    sign = _negative_before().search(text, max(floor, n.start - 12), n.start)
    if sign is None or n.value == 0:
        return n
    low = -n.high if n.high is not None else None
    high = -n.low if n.low is not None else None
    return attrs.evolve(n, start=sign.start(), value=-n.value, low=low, high=high)


@functools.cache
def _point_word() -> re.Pattern[str]:
    forms = trie_pattern(
        sorted(fold_word(w).casefold() for w in read_data("numbers.toml")["point"]["forms"])
    )
    return re.compile(rf"[ \t]+(?i:{forms})[ \t]+")


_BLANK = re.compile(r"[ \t]+")


def _word_in(m: re.Match[str]) -> _Word | None:
    vocab = _vocabulary()
    if m.group("ar") is not None:
        ar = m.group("ar")
        return vocab.arabic.get(ar) or vocab.arabic.get(ar.removeprefix("ال"))
    if m.group("en") is not None:
        return vocab.english.get(m.group("en").casefold())
    return None


def _connector(raw: str) -> str:
    s = " ".join(raw.split()).casefold()
    return {"و": "wa", "-": "hyphen", "and": "and", "a": "a", "an": "a", "of": "of"}.get(
        s, "and_a" if s.startswith("and") else "space"
    )
