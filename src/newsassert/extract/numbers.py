"""Numbers: read the numbers of a text, in digits or in words, Arabic or English.

:func:`find_numbers` scans a text in the matching form (see
:mod:`newsassert.normalize`: ASCII digits, ``.`` ``,`` ``%`` for the Arabic
signs) and returns every number expression in it; :func:`parse_number` reads a
text that is exactly one. Neither knows what is counted: that is the job of
:mod:`newsassert.extract.quantities`.

How it reads. The text is first *folded* (diacritics dropped, alef and hamza
forms, ``ة``/``ه`` and ``ى``/``ي`` unified; :func:`fold` keeps the map back to
the input's offsets). One compiled regex finds the *atoms* that can start a
number: a run of digits, an Arabic number word (with its prefixes و ف ب ل ك
and the article ال) or an English one. From each start, :func:`_read` extends
the expression atom by atom (one anchored regex, :data:`_NEXT`) and combines
the atoms by the grammar of each language, which lives in the transition
rules of :class:`_Reader`:

* Arabic units come before the tens and are joined by و (``ثلاثة وعشرين``);
  11-19 are a unit and عشر (``خمسة عشر``); a unit multiplies مائة (``ثلاث
  مائة``); a count multiplies a scale word (``ثلاثة آلاف``, ``خمسة وعشرين
  ألفا``); after a scale or a hundred, smaller parts follow with و (``ألفين
  وخمسمائة``, ``مليون و200 ألف``, ``مليون ونصف``). Duals (``ألفين``,
  ``مليونا``) are twice their scale.
* English tens take a unit with a hyphen or a space (``twenty-three``);
  ``hundred`` and the scales multiply what precedes them and are followed by
  smaller parts with or without ``and`` (``one hundred and fifty``, ``two
  thousand five hundred``); ``a`` stands for one before a scale or ``dozen``;
  ``and a half`` adds a half (``two and a half million``).
* Fractions (نصف، ثلث، ربع / half, a third, two-thirds) read as fractions, or
  scale what follows (``نصف مليون``, ``half a million``).
* Vague words (عشرات، مئات، آلاف / dozens, hundreds, thousands, scores) read
  as intervals, and multiply with a plural scale (``عشرات الآلاف``, ``tens of
  thousands``).

* A decimal point may be a word: ``three point five``, ``ثلاثة فاصلة خمسة``;
  a fraction may be digits: ``3/4``, ``3 1/2``.

Ordinals (``the third``, ``twenty-first``, ``21st``, ``الحادي عشر``) are read
whole, so that no part of one is taken for a count, and marked ``ordinal``;
:func:`find_numbers` leaves them out unless asked. Words that count only beside a noun (``واحد``, ``one``, an
Arabic number with the article, ``الستين``) are returned with ``weak=True``.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Mapping
from operator import itemgetter
from typing import Any

import attrs

from newsassert.extract.digits import RUN, read_run
from newsassert.text.arabic import NUMBER_FOLDS
from newsassert.text.data import read_data
from newsassert.text.patterns import trie_pattern

__all__ = [
    "Folded",
    "FoundNumber",
    "find_numbers",
    "fold",
    "fold_word",
    "is_number_word",
    "parse_number",
    "scan",
]


# ---------------------------------------------------------------------------
# Folding: the form the number reader (and the quantity extractor) matches.
# ---------------------------------------------------------------------------


def _mark_class() -> str:
    """A character class of the nonspacing marks (category Mn) of the BMP.

    Marks outside the BMP (historic scripts, musical notation) are left out:
    they make the class several times slower to test and never sit in news.
    """
    ranges: list[list[int]] = []
    for cp in range(0x10000):
        if unicodedata.category(chr(cp)) == "Mn":
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


# Combining marks: Arabic harakat, tanween, shadda, dagger alef, and any other
# nonspacing mark. Dropping them changes offsets, so fold() keeps a map. (The
# hot regexes of this module use the standard library's engine, which runs
# large alternations of literal words several times faster.)
_MARKS = re.compile(_mark_class() + "+")


@attrs.frozen
class Folded:
    """A folded text and the map from its offsets back to the input's."""

    text: str
    source: str = attrs.field(repr=False)
    # At folded offset _at[k] and after, add _shift[k] to get the input offset.
    _at: tuple[int, ...] = attrs.field(repr=False, default=(0,))
    _shift: tuple[int, ...] = attrs.field(repr=False, default=(0,))

    def to_input(self, index: int) -> int:
        """The input offset of the folded character at ``index`` (or of the end).

        Marks dropped just before ``index`` belong to the preceding character,
        so a span's end mapped this way keeps the marks of its last letter.
        """
        if index >= len(self.text):
            return len(self.source)
        k = bisect.bisect_right(self._at, index) - 1
        return index + self._shift[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the folded text as a span of the input."""
        return self.to_input(start), self.to_input(end) if end > start else self.to_input(start)


# str.translate looks every character up in a dict: on Arabic text a chain of
# str.replace over these six letters is some 30 times faster.
_FOLD_PAIRS = NUMBER_FOLDS


def _fold_letters(text: str) -> str:
    for letter, to in _FOLD_PAIRS:
        text = text.replace(letter, to)
    return text


def fold_word(text: str) -> str:
    """The folded form of a word (no offset map): for vocabulary and lookups."""
    stripped: str = _MARKS.sub("", text)
    return _fold_letters(stripped)


def fold(text: str) -> Folded:
    """Drop diacritics and unify the letters Arabic spelling varies on, keeping offsets."""
    folded = _fold_letters(text)
    if _MARKS.search(folded) is None:
        return Folded(folded, text)
    at = [0]
    shift = [0]
    pieces: list[str] = []
    last = 0
    removed = 0
    for m in _MARKS.finditer(folded):
        pieces.append(folded[last : m.start()])
        removed += m.end() - m.start()
        at.append(m.end() - removed)
        shift.append(removed)
        last = m.end()
    pieces.append(folded[last:])
    return Folded("".join(pieces), text, tuple(at), tuple(shift))


# ---------------------------------------------------------------------------
# The vocabulary (data/numbers.toml) and the regexes built from it.
# ---------------------------------------------------------------------------


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
    for c in ("", "و", "ف")
    for p, a in (
        ("", ""),
        ("", "ال"),
        ("ب", ""),
        ("ب", "ال"),
        ("ك", ""),
        ("ك", "ال"),
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
    words: re.Pattern[str]  # a non-word character, then a number word
    word_at: re.Pattern[str]  # a number word right at the start of the scanned range
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
    # so the pattern starts with a class), or at the start of the range.
    words = re.compile(rf"\W(?:{word})", re.VERBOSE)
    word_at = re.compile(rf"(?<!\w)(?:{word})", re.VERBOSE)
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
    return _Patterns(digits, words, word_at, following, suffix)


@attrs.frozen
class _Ordinals:
    """The ordinal patterns (see ``[ordinal]`` in data/numbers.toml) and their values."""

    after_non_word: re.Pattern[str]  # a non-word character, then an ordinal
    at: re.Pattern[str]  # an ordinal right at the start of the scanned range
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
    word = rf"""
        (?P<ord_ar>
          (?:[وف]?[بك]?ال|[وف]?لل)            # the article, maybe after و ف ب ك (لل: ل + ال)
          (?P<ord_stem>{stems})ه?               # الثالث, الثالثة
          (?: [ \t]+(?P<ord_teen>{teen})        # الحادي عشر, الثالثة عشرة
            | [ \t]+و[ \t]*ال(?P<ord_tens>{tens})  # الحادي والعشرون
          )?
        )(?!\w)
      | (?P<ord_en>(?i:
          (?P<ord_tp>{en_tens})[- ](?P<ord_tu>{en_units})   # twenty-first
        | {en}
        ))(?![\w'])
    """
    after = re.compile(rf"\W(?:{word})", re.VERBOSE)
    at = re.compile(rf"(?<!\w)(?:{word})", re.VERBOSE)
    return _Ordinals(after, at, {k.casefold(): int(v) for k, v in values.items()})


def _ordinal_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    ordinals = _ordinals()
    return ordinals.after_non_word, ordinals.at


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


def find_numbers(text: str, *, ordinals: bool = False) -> list[FoundNumber]:
    """Every number expression in ``text`` (matching form), in text order.

    Ordinals (``the third``, ``21st``, ``الثالث``) are read so that no part of
    one is taken for a count; they are returned only with ``ordinals=True``.
    """
    folded = fold(text)
    found = []
    for n in scan(folded):
        if n.ordinal and not ordinals:
            continue
        start, end = folded.span(n.start, n.end)
        found.append(attrs.evolve(n, start=start, end=end))
    return found


def parse_number(text: str) -> float | None:
    """The value of ``text`` when it is exactly one number expression, else ``None``.

    ``"2,500"`` → 2500, ``"١٫٥ مليون"`` → 1500000 (after normalizing),
    ``"ثلاثة وعشرين"`` → 23, ``"one hundred and fifty"`` → 150. A vague
    expression (``"عشرات"``) has no single value: ``None``.
    """
    from newsassert.normalize import normalize_text

    stripped = normalize_text(text).strip()
    word = _vocabulary().arabic.get(fold_word(stripped))
    marked = _vocabulary().marked.get(fold_word(stripped))
    if marked is not None and word is not None and word.marked:
        return marked  # "ثمن" alone: a fraction, there is nothing it could be the price of
    found = find_numbers(stripped)
    if len(found) != 1 or found[0].is_vague:
        return None
    n = found[0]
    if n.start != 0 or n.end != len(stripped):
        # An English "a" before the number ("a dozen") is part of it.
        if not (n.end == len(stripped) and _A_BEFORE.search(stripped[: n.start])):
            return None
        if stripped[: n.start].strip().casefold() not in ("a", "an"):
            return None
    return n.value


def scan(folded: Folded, start: int = 0, end: int | None = None) -> list[FoundNumber]:
    """The numbers of ``folded.text[start:end]``, with offsets in the folded text."""
    text = folded.text
    stop = len(text) if end is None else end
    out: list[FoundNumber] = []
    last_end = start
    for begin, m in _starts(text, start, stop):
        if begin < last_end:
            continue
        if m.re in _ordinal_patterns():
            ordinal = _ordinal(text, m)
            if ordinal is not None:
                out.append(ordinal)
                last_end = ordinal.end
            continue
        digits = m.lastgroup == "num"
        if digits:
            slash = _SLASH_FRACTION.match(text, begin, stop)
            if slash is not None and int(slash.group(1)) < int(slash.group(2)):
                out.append(_slash_fraction(slash, begin))
                last_end = slash.end()
                continue
            ordinal_digits = _DIGIT_ORDINAL.match(text, begin, stop)
            if ordinal_digits is not None:
                out.append(
                    FoundNumber(
                        begin, ordinal_digits.end(), float(ordinal_digits.group(1)), ordinal=True
                    )
                )
                last_end = ordinal_digits.end()
                continue
            skip = _NOT_A_COUNT.match(text, begin, stop)
            if skip is not None:
                last_end = skip.end()
                continue
        found = _Reader(folded, stop).read(m)
        if found is not None:
            found = _signed(text, found, max(start, last_end))
            if out and _is_ratio(text, out[-1], found):
                prev = out.pop()
                found = attrs.evolve(
                    prev,
                    end=found.end,
                    value=prev.value / found.value,
                    ratio=True,
                    fraction=True,
                    weak=False,
                    words=prev.words or found.words,
                    scale=1.0,
                )
            out.append(found)
            last_end = found.end
        elif digits:
            last_end = m.end()
    return out


# Between the two numbers of a ratio: "one in three", "3 out of 10", "واحد
# من كل ثلاثة", "اثنان من بين خمسة".
# "واحد على ثلاثة" (one over three), "١ جزء من ثلاثة" (one part of three).
_RATIO = re.compile(
    r"[ \t]+(?:(?i:in|out[ \t]+of)(?:[ \t]+(?i:every))?|من[ \t]+(?:كل|بين)|علي|جزء[ \t]+من)[ \t]+"
)


def _is_ratio(text: str, first: FoundNumber, second: FoundNumber) -> bool:
    if first.fraction or first.is_vague or second.fraction or second.is_vague or first.ratio:
        return False
    if not 0 < first.value < second.value or second.value > 1000 or second.value % 1:
        return False
    return _RATIO.fullmatch(text, first.end, second.start) is not None


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


def _starts(text: str, start: int, stop: int) -> list[tuple[int, re.Match[str]]]:
    """The matches that may start a number, by where their atom starts, in text order.

    An ordinal comes before a number word at the same place (the sort is
    stable), so that "twenty-first" is not read as twenty.
    """
    patterns = _regexes()
    ordinals = _ordinals()
    found = []
    first_ord = ordinals.at.match(text, start, stop)
    if first_ord is not None:
        found.append((start, first_ord))
    found.extend((m.start() + 1, m) for m in ordinals.after_non_word.finditer(text, start, stop))
    found.extend((m.start(), m) for m in patterns.digits.finditer(text, start, stop))
    first = patterns.word_at.match(text, start, stop)
    first_end = start
    if first is not None:
        found.append((start, first))
        first_end = first.end()
    for m in patterns.words.finditer(text, start, stop):
        at = m.start(m.lastgroup or 0)
        if at >= first_end:
            found.append((at, m))
    found.sort(key=itemgetter(0))
    return found


# ---------------------------------------------------------------------------
# The reader: one number expression, atom by atom.
# ---------------------------------------------------------------------------

_WORD_AT = re.compile(r"\w+")
# Roles that make up the group below a scale ("ثلاثمائة وخمسة وعشرين").
_GROUP = frozenset({"one", "ten", "teen", "tens", "hundred", "digits"})


@attrs.define
class _Reader:
    """The state of one expression: completed scale groups plus the group being read."""

    folded: Folded
    stop: int
    total: float = 0.0  # completed scale groups ("ألفين" of "ألفين وخمسمائة")
    cur: float | None = None  # the group being read, below the last scale
    ceiling: float = float("inf")  # a part joined by و/and must stay below this
    last: str = ""  # role of the last atom read
    last_value: float = 0.0
    vague: tuple[float, float] | None = None
    fraction: bool = False
    words: bool = False
    weak: bool = False
    definite: bool = False
    lang: str | None = None
    closed: bool = False  # nothing joins after "ونصف"
    a_start: int | None = None  # where an English "a" before the first word starts
    jump: int = 0  # where the expression goes on when one join read two atoms

    def read(self, m: re.Match[str]) -> FoundNumber | None:
        """Read the expression a match of :func:`_starts` begins."""
        if m.lastgroup == "num":
            start = m.start()
            run = self._digits(m.group("num"), m.end("num"))
            if run is None:
                return None
            self.cur, self.last, self.last_value = run[0], "digits", run[0]
            end = run[1]
        else:
            word, start = self._word_of(m)
            if word is None or not self._first(word, start):
                return None
            end = m.end()
            if self.a_start is not None:
                start = self.a_start
        extended = self._extend(end)
        if extended is None:
            return None
        if self.words and self.vague is None and not self.fraction and self.cur is not None:
            extended = self._point(extended)
        return self._result(start, extended)

    def _point(self, end: int) -> int:
        """A decimal point as a word: "three point five", "ثلاثة فاصلة خمسة"."""
        text = self.folded.text
        point = _point_word().match(text, end, self.stop)
        if point is None:
            return end
        digits = ""
        at = point.end()
        scale = 1.0
        for n in scan(self.folded, at, self.stop):
            if n.start != at or n.is_vague or n.fraction or n.ordinal or n.value < 0:
                break
            value = n.value / n.scale  # "point five million": five, then the scale
            if value % 1 or value >= 100 or (value >= 10 and digits):
                break
            digits += str(int(value))  # "point zero five" digit by digit; "point twenty-five"
            if n.scale != 1.0 or value >= 10:
                scale, at = n.scale, n.end
                break
            blank = _BLANK.match(text, n.end, self.stop)
            at = n.end
            if blank is None:
                break
            at = blank.end()
        if not digits:
            return end
        while at > end and text[at - 1] in " \t":
            at -= 1
        self.cur = (self.cur or 0.0) + float("0." + digits)
        if scale != 1.0:  # "two point five million"
            self.total, self.cur, self.ceiling, self.last = self.cur * scale, None, scale, "scale"
        return at

    # -- atoms ------------------------------------------------------------

    def _word_of(self, m: re.Match[str]) -> tuple[_Word | None, int]:
        """The word a start match found, and where its span starts."""
        vocab = _vocabulary()
        if m.group("ar") is None:
            return vocab.english.get(m.group("en").casefold()), m.start("en")
        prefix, core = vocab.prefixed[m.group("ar")]
        self.definite = prefix.endswith(("ال", "لل"))
        # The span leaves out a conjunction or preposition but keeps the article
        # (of "للستين" it keeps the second ل, the article's).
        back = 1 if prefix.endswith("لل") else 2 if self.definite else 0
        return vocab.arabic.get(core), m.start("ar") + len(prefix) - back

    def _digits(self, run: str, run_end: int) -> tuple[float, int] | None:
        """The value of a run of digits and where it ends (see :mod:`.digits`)."""
        begin = run_end - len(run)
        if _NOT_A_COUNT.match(self.folded.text, begin, self.stop):
            return None
        if run.startswith("."):
            tail = read_run(run[1:])
            if tail is None or "." in run[1 : 1 + tail[1]]:
                return None
            return float("0" + run[: 1 + tail[1]]), begin + 1 + tail[1]
        read = read_run(run)
        if read is None:
            return None
        return read[0], begin + read[1]

    def _scale_follows(self, at: int) -> bool:
        patterns = _regexes()
        if patterns.suffix.match(self.folded.text, at, self.stop):
            return True
        nxt = patterns.following.match(self.folded.text, at, self.stop)
        if nxt is None or nxt.group("conn").strip():
            return False
        word = _word_in(nxt)
        return word is not None and word.role in ("scale", "plural", "dual")

    def _first(self, word: _Word, start: int) -> bool:
        """Take the first word of an expression; False when it cannot start one."""
        self.words, self.lang = True, word.lang
        role, value = word.role, word.value
        if word.lang == "en" and role in ("scale", "hundred", "dozen", "fraction"):
            # English "a hundred", "a dozen", "a third"; "half" needs no "a".
            a = _A_BEFORE.search(self.folded.text, max(0, start - 4), start)
            if a is not None:
                self.a_start = a.start()
            elif role != "fraction" or word.needs_count:
                return False
            if role == "scale":
                self._apply_scale(1.0, word)
                return True
            if role in ("hundred", "dozen"):
                self._set(role, value, cur=value)
                self.weak = value == 2  # "a couple" of a known noun; alone, two people
                return True
        if role in ("one", "ten") and self._damma(start):
            marked = _vocabulary().marked.get(self._core(start))
            if marked is not None:  # خُمس, عُشر: the fifth, the tenth
                word = _Word("fraction", "ar", value=marked)
                role, value = word.role, word.value
        if role == "zero":
            self._set("zero", 0.0, cur=0.0)
            self.weak = self.definite
            return True
        if role == "dozen" and not word.needs_count:  # دزينة, دزينتان
            self._set("dozen", 12.0, cur=value)
            self.weak = self.definite
            return True
        if role == "fraction":
            if word.needs_count and self.a_start is None:
                return False
            if word.marked and not self._damma(start):
                return False
            self.fraction = True
            self._set("fraction", value, cur=value)
            return True
        if word.only_before_ten:
            self._set("one-before-ten", value, cur=value)
            return True
        if role in _GROUP:
            self._set(role, value, cur=value)
            self.weak = word.weak or self.definite
            return True
        if role == "scale":
            self.total, self.ceiling = value, value
            self._set("scale", value)
            self.weak = self.definite
            return True
        if role == "dual":
            # "ألفاً" (tanween written) is one thousand; "ألفا دولار" two.
            self.total = value * (1.0 if self._tanween(start) else 2.0)
            self.ceiling = value
            self._set("scale", value)
            return True
        if role in ("plural", "vague", "few"):
            high = word.high if role != "plural" else value * 10 - 1
            low = word.low if role != "plural" else value
            self.vague = (low, high)
            self._set("few" if role == "few" else "vague", value)
            return True
        return False

    def _set(self, last: str, value: float, cur: float | None = None) -> None:
        self.last, self.last_value = last, value
        if cur is not None:
            self.cur = cur

    def _damma(self, start: int) -> bool:
        """Whether the word at folded ``start`` has a damma on its first letter."""
        m = _WORD_AT.match(self.folded.text, start)
        if m is None:
            return False
        a, b = self.folded.span(m.start(), m.start() + 1)
        return _DAMMA in self.folded.source[a + 1 : b]

    def _core(self, start: int) -> str:
        m = _WORD_AT.match(self.folded.text, start)
        return m.group() if m is not None else ""

    def _tanween(self, start: int) -> bool:
        """Whether the word at folded ``start`` carries a written tanween fath."""
        m = _WORD_AT.match(self.folded.text, start)
        if m is None:
            return False
        a, b = self.folded.span(m.start(), m.end())
        return _TANWEEN_FATH in self.folded.source[a:b]

    def _apply_scale(self, count: float, word: _Word) -> None:
        self.total += count * word.value
        self.cur = None
        self.ceiling = word.value
        self._set("scale", word.value)
        self.weak = False

    # -- extension --------------------------------------------------------

    def _extend(self, end: int) -> int | None:
        patterns = _regexes()
        following, suffix = patterns.following, patterns.suffix
        text = self.folded.text
        if self.last == "digits":
            mixed = _MIXED.match(text, end, self.stop)
            if mixed is not None and (self.cur or 0) % 1 == 0:
                numerator, denominator = int(mixed.group(1)), int(mixed.group(2))
                if numerator < denominator:
                    self.cur = (self.cur or 0.0) + numerator / denominator
                    return mixed.end()
            s = suffix.match(text, end, self.stop)
            if s is not None:
                form = (s.group("glued") or s.group("spaced")).casefold()
                scale, _ = _vocabulary().suffixes[form]
                self.total, self.cur = (self.cur or 0.0) * scale, None
                self.ceiling, self.last = scale, "scale"
                suffix_end: int = s.end()
                return suffix_end
        while not self.closed:
            nxt = following.match(text, end, self.stop)
            if nxt is None or not self._join(nxt):
                break
            end = self.jump or nxt.end()
            self.jump = 0
        if self.last in ("one-before-ten", "few"):
            return None  # "أحد" alone is "one of"; "a few" alone is no number
        return end

    def _join(self, nxt: re.Match[str]) -> bool:
        """Join the next atom to the expression; False when it does not belong to it."""
        conn = _connector(nxt.group("conn"))
        if nxt.group("num") is not None:
            run = self._digits(nxt.group("num"), nxt.end("num"))
            if run is None or run[1] != nxt.end("num"):
                return False
            word = _Word("digits", "", value=run[0])
        else:
            found = _word_in(nxt)
            if found is None:
                return False
            word = found
            definite = bool(nxt.group("ar")) and nxt.group("ar").startswith("ال")
            if definite and word.role not in ("plural", "scale", "dual"):
                return False  # only "عشرات الآلاف" takes the article mid-expression
            if word.lang and self.lang and word.lang != self.lang:
                return False
        if self._fraction_sum(nxt, word, conn):
            return True
        if conn == "space" and word.role == "digits" and self.last == "scale":
            # "٧ آلاف ٥ مائة و ٤٠": digits and their hundred after a scale, no و.
            after = _regexes().following.match(self.folded.text, nxt.end(), self.stop)
            then = _word_in(after) if after is not None else None
            if then is not None and then.role == "hundred" and then.value == 100:
                conn = "wa"
        joined = self._join_word(word, conn)
        if joined and word.role != "digits":
            self.words = True
            self.lang = self.lang or word.lang
        return joined

    def _join_word(self, word: _Word, conn: str) -> bool:
        role, value, last = word.role, word.value, self.last
        if self.vague is not None:
            return self._join_vague(word, conn)
        # 11-19: "خمسة عشر", "إحدى عشرة", "اثنا عشر".
        if last in ("one", "one-before-ten") and role == "ten" and conn == "space":
            if word.lang != "ar":
                return False
            self.cur = (self.cur or 0) + 10
            self._set("teen", self.cur)
            self.weak = False
            return True
        if last == "one-before-ten":
            return False
        # Units and tens: "ثلاثة وعشرين", "twenty-three", "twenty three".
        if last == "one" and role == "tens" and conn == "wa":
            return self._add(value, "tens")
        if last == "tens" and role == "one" and conn in ("hyphen", "space") and word.lang == "en":
            return self._add(value, "one")
        # A unit times a hundred: "ثلاث مائة", "one hundred".
        if (
            role == "hundred"
            and value == 100
            and conn == "space"
            and last in _GROUP
            and last != "hundred"
        ):
            if (self.cur or 0) >= 100:
                return False
            self.cur = (self.cur or 0) * 100
            self._set("hundred", 100)
            self.weak = False
            return True
        # A fraction scaling what follows: "نصف مليون", "half a million", "half a dozen".
        if (
            last == "fraction"
            and conn in ("space", "a")
            and role in ("scale", "dozen")
            and value != 2
        ):
            factor, self.cur, self.fraction = self.cur or 0.0, None, False
            if role == "dozen":
                self._set("dozen", 12, cur=factor * 12)
            else:
                self.total, self.ceiling = factor * value, value
                self._set("scale", value)
            return True
        # A count times a scale: "ثلاثة آلاف", "2.5 مليون", "خمسة وعشرين ألفا".
        if role in ("scale", "plural", "dual") and conn == "space" and self.cur is not None:
            if last not in (*_GROUP, "half") or self.fraction or value >= self.ceiling:
                return False
            self._apply_scale(self.cur, word)
            return True
        if (
            role == "dozen"
            and value == 12
            and conn == "space"
            and self.cur is not None
            and last in (*_GROUP, "fraction")
        ):
            self.cur *= 12
            self.fraction = False
            self._set("dozen", 12)
            self.weak = False
            return True
        # A count of parts: "ثلاثة أرباع", "two-thirds", "one third".
        if (
            last in ("one", "digits")
            and conn in ("space", "hyphen")
            and (
                role == "fractions" or (role == "fraction" and word.lang == "en" and self.cur == 1)
            )
        ):
            self.cur = (self.cur or 0) * value
            self.fraction, self.weak = True, False
            self._set("fraction", value)
            return True
        # "ونصف", "and a half": half of the last scale, or a half.
        # "وربع", "and a quarter", "وثُمن" likewise: a sum of a number and a fraction.
        if role == "fraction" and conn in ("wa", "and_a") and not self.fraction:
            if word.lang == "en" and conn == "wa":
                return False
            self._add_part(value)
            self.closed = word.lang == "ar" or value != 0.5
            return True
        # After a scale or a hundred, a smaller part: "ألفين وخمسمائة", "مليون و200
        # ألف", "two thousand five hundred", "one hundred and fifty".
        if last in ("scale", "hundred") and role in _GROUP:
            if conn not in (("wa",) if word.lang == "ar" or role == "digits" else ("space", "and")):
                return False
            if last == "scale":
                if value >= self.ceiling:
                    return False
                self.cur = value
                self._set(role, value)
                self.weak = False
                return True
            if value >= 100:
                return False
            return self._add(value, role)
        return False

    def _add_part(self, part: float) -> None:
        """Add a fraction: of the last scale ("مليون وربع"), or of one ("ثلاثة وربع")."""
        if self.last == "scale" and self.cur is None:
            self.total += part * self.ceiling
        elif self.last == "dozen" and self.last_value == 12:
            self.cur = (self.cur or 0) + part * 12  # "a dozen and a half": eighteen
        else:
            self.cur = (self.cur or 0) + part
        self._set("half", part)

    def _fraction_sum(self, nxt: re.Match[str], word: _Word, conn: str) -> bool:
        """ "سبعون وثلاثة أرباع", "five and three quarters": a count of parts added."""
        if conn not in ("wa", "and") or self.fraction or self.vague is not None:
            return False
        if self.last not in (*_GROUP, "scale") or word.role not in ("one", "digits"):
            return False
        parts = _regexes().following.match(self.folded.text, nxt.end(), self.stop)
        if parts is None or _connector(parts.group("conn")) not in ("space", "hyphen"):
            return False
        of = _word_in(parts)
        if of is None or of.role != "fractions" or (word.lang and of.lang != word.lang):
            return False
        self._add_part(word.value * of.value)
        self.closed, self.jump = True, parts.end()
        return True

    def _add(self, value: float, role: str) -> bool:
        self.cur = (self.cur or 0) + value
        self._set(role, value)
        self.weak = False
        return True

    def _join_vague(self, word: _Word, conn: str) -> bool:
        """Vague words times a scale: "عشرات الآلاف", "tens of thousands", "بضع مئات"."""
        role = word.role
        if role in ("plural", "scale", "hundred"):
            base = word.value
        elif role == "vague":
            base = word.low
        else:
            return False
        if base <= self.last_value:
            return False
        if not ((conn == "space" and role != "fraction") or (conn == "of" and role == "vague")):
            return False
        low, high = self.vague or (0.0, 0.0)
        self.vague = (low * base, (high + 1) * base - 1)
        self._set("vague", base)
        return True

    def _result(self, start: int, end: int) -> FoundNumber | None:
        if self.vague is not None:
            low, high = self.vague
            return FoundNumber(
                start, end, low, True, low, high, words=True, definite=self.definite, lang=self.lang
            )
        value = self.total + (self.cur or 0.0)
        if value == 0 and not self.fraction and self.last not in ("digits", "zero"):
            return None
        return FoundNumber(
            start,
            end,
            value,
            words=self.words,
            weak=self.weak,
            fraction=self.fraction,
            definite=self.definite,
            lang=self.lang,
            scale=self.ceiling if self.last == "scale" and self.cur is None else 1.0,
        )


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
