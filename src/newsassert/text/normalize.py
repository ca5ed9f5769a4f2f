"""Normalize: a matching form of the text, and a map back to the original.

Two forms, for two jobs:

* :func:`normalize` gives the *matching form*: digits of every script as ASCII,
  Arabic decimal, thousands and percent signs as ``.`` ``,`` ``%``, Persian and
  Urdu letter variants as their Arabic letters, presentation forms folded,
  typographic quotes, dashes and spaces unified, and tatweel, bidi and
  zero-width marks removed. Extractors search this form; a span found in it is
  mapped back with :meth:`Normalized.to_original` to the exact span of the
  original text, which is never altered.
* :func:`key` gives the *lookup key*, lossy on purpose (alef and hamza forms,
  ``ة``/``ه``, ``ى``/``ي``, diacritics, case): it is only for comparing words,
  never for reporting them.

Both are single passes of :meth:`str.translate` (plus a regex pass for the
few characters that are removed or expand). The offset map
(:class:`~newsassert.text.offsets.OffsetMap`, the one the readers' folds use
too) is piecewise linear: it records a breakpoint only where a character was
removed or became several, so text without such characters costs nothing to
map.
"""

from __future__ import annotations

import unicodedata

import attrs
import regex

from newsassert.text.arabic import KEY_FOLDS
from newsassert.text.offsets import OffsetMap

__all__ = ["Normalized", "key", "normalize", "normalize_text"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Digits of every script to ASCII. Scanning one string of code points with
    # \p{Nd} is much faster than asking unicodedata about each of them; every
    # decimal digit Unicode defines lies in planes 0 and 1.
    every = "".join(map(chr, range(0x80, 0x20000)))
    for digit in regex.findall(r"\p{Nd}", every):
        value = unicodedata.decimal(digit, None)
        if value is not None:
            table[ord(digit)] = str(value)
    # Arabic presentation forms (A: FB50-FDFF, B: FE70-FEFF) folded to letters.
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if folded != chr(cp):
            table[cp] = folded.strip() or ""
    table.update(
        {
            0x066B: ".",  # ARABIC DECIMAL SEPARATOR
            0x066C: ",",  # ARABIC THOUSANDS SEPARATOR
            0x066A: "%",  # ARABIC PERCENT SIGN
            0x06CC: "\u064a",  # FARSI YEH -> YEH
            0x06A9: "\u0643",  # KEHEH -> KAF
            0x06BE: "\u0647",  # HEH DOACHASHMEE -> HEH
            0x06C1: "\u0647",  # HEH GOAL -> HEH
            0x06D5: "\u0647",  # AE -> HEH
            0x0640: "",  # TATWEEL
        }
    )
    for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x061C, 0x200E, 0x200F):
        table[cp] = ""  # zero-width, soft hyphen and directional marks
    for cp in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[cp] = ""  # bidi embeddings, overrides and isolates
    for cp in (0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[cp] = " "
    for ch in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u02ba":
        table[ord(ch)] = '"'
    for ch in "\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb":
        table[ord(ch)] = "'"
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
        table[ord(ch)] = "-"
    # A presentation form may fold to a letter the table maps again (FBFC to
    # FARSI YEH, then to YEH): apply the table to its own values so that one
    # pass is enough and normalizing twice changes nothing.
    for cp, folded_value in table.items():
        table[cp] = folded_value.translate(table)
    return table


_TABLE = _build_table()
# str.translate looks every character up in its table; a string indexed by
# code point answers that lookup much faster than a dict (a miss in a dict
# raises and clears a KeyError per character). It holds the one-to-one
# mappings; characters it does not cover are left as they are.
_ONE_TO_ONE = "".join(
    _TABLE.get(cp, chr(cp)) if len(_TABLE.get(cp, "-")) == 1 else chr(cp)
    for cp in range(max(cp for cp, v in _TABLE.items() if len(v) == 1) + 1)
)
# Characters that do not map to exactly one character (removed, or expanded
# into several): they break the one-to-one correspondence of offsets and need
# a breakpoint in the map.
_UNEVEN_TABLE = {cp: v for cp, v in _TABLE.items() if len(v) != 1}


def _char_class(codepoints: list[int]) -> str:
    """A regex character class of ranges: a long list of single characters is slow."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[" + "".join(
        regex.escape(chr(a)) + ("-" + regex.escape(chr(b)) if b > a else "") for a, b in ranges
    ) + "]"


_UNEVEN = regex.compile(_char_class(list(_UNEVEN_TABLE)) + "+")

# The lossy key: fold what Arabic spelling varies on.
_KEY_TABLE = {ord(letter): to for letter, to in KEY_FOLDS}
_MARKS = regex.compile(r"\p{Mn}+")
# Marks that NFKD would reorder (nonzero combining class) and every nonspacing
# mark: they are dropped from a key anyway, and dropping them *before* NFKD
# matters, because NFKD sorts a run of marks with an insertion sort, quadratic
# in the run's length (a line of 100,000 alternating harakat took a minute).
_PRE_KEY_MARKS = regex.compile(
    r"[\p{Mn}"
    # The few spacing and enclosing marks with a combining class (every one
    # lies in planes 0 and 1, like the digits above).
    + "".join(
        regex.escape(ch)
        for ch in regex.findall(r"[\p{Mc}\p{Me}]", "".join(map(chr, range(0x300, 0x20000))))
        if unicodedata.combining(ch)
    )
    + "]+"
)


@attrs.frozen
class Normalized(OffsetMap):
    """The matching form of a text and the map back to the original's offsets.

    An :class:`~newsassert.text.offsets.OffsetMap` whose source is the
    original text, under the names the stages use.
    """

    @property
    def original(self) -> str:
        """The original text, which is never altered."""
        return self.source

    original_offset = OffsetMap.source_offset
    from_original = OffsetMap.from_source
    to_original = OffsetMap.to_source

    def original_span(self, start: int, end: int) -> str:
        """The original text of a span of the matching form."""
        a, b = self.to_source(start, end)
        return self.source[a:b]


def normalize_text(text: str) -> str:
    """The matching form alone, without the offset map."""
    text = text.translate(_ONE_TO_ONE)
    if _UNEVEN.search(text) is None:
        return text
    return str(_UNEVEN.sub(_expand, text))


def _expand(match: regex.Match[str]) -> str:
    return str(match.group().translate(_UNEVEN_TABLE))


def normalize(text: str) -> Normalized:
    """The matching form of ``text`` with its map back to original offsets."""
    even = text.translate(_ONE_TO_ONE)  # same length: offsets unchanged
    if _UNEVEN.search(even) is None:
        return Normalized(even, text)
    norm: list[int] = [0]
    orig: list[int] = [0]
    step: list[int] = [1]
    pieces: list[str] = []
    n = 0  # length of the matching form so far
    last = 0  # original offset where the pending one-to-one run starts
    for match in _UNEVEN.finditer(even):
        i = match.start()
        pieces.append(even[last:i])
        n += i - last
        for ch in match.group():
            out = _UNEVEN_TABLE[ord(ch)]
            pieces.append(out)
            if out:
                norm.append(n)
                orig.append(i)
                step.append(0)
                n += len(out)
            i += 1
            norm.append(n)
            orig.append(i)
            step.append(1)
        last = match.end()
    pieces.append(even[last:])
    return Normalized("".join(pieces), text, tuple(norm), tuple(orig), tuple(step))


def key(text: str) -> str:
    """The lossy lookup key of a word or name: for comparing, never for reporting."""
    if text.isascii():
        # No ASCII character is normalized, decomposed, a mark or folded:
        # only the case is.
        return text.lower()
    folded = unicodedata.normalize("NFKD", _PRE_KEY_MARKS.sub("", normalize_text(text)))
    return str(_MARKS.sub("", folded)).translate(_KEY_TABLE).casefold()
