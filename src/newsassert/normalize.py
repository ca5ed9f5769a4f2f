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

Both are single passes of :meth:`str.translate`. The offset map is piecewise
linear: it records a breakpoint only where a character was removed or became
several, so text without such characters costs nothing to map.
"""

from __future__ import annotations

import bisect
import sys
import unicodedata

import attrs
import regex

__all__ = ["Normalized", "key", "normalize", "normalize_text"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Digits of every script to ASCII.
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        if cp > 0x7F and unicodedata.category(ch) == "Nd":
            table[cp] = str(unicodedata.decimal(ch))
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
    return table


_TABLE = _build_table()
# Characters that do not map to exactly one character: they break the
# one-to-one correspondence of offsets and need a breakpoint in the map.
_UNEVEN = regex.compile(
    "[" + "".join(regex.escape(chr(cp)) for cp, v in sorted(_TABLE.items()) if len(v) != 1) + "]"
)

# The lossy key: fold what Arabic spelling varies on.
_KEY_TABLE = {
    ord("\u0623"): "\u0627",  # أ
    ord("\u0625"): "\u0627",  # إ
    ord("\u0622"): "\u0627",  # آ
    ord("\u0671"): "\u0627",  # ٱ
    ord("\u0629"): "\u0647",  # ة -> ه
    ord("\u0649"): "\u064a",  # ى -> ي
    ord("\u0624"): "\u0648",  # ؤ -> و
    ord("\u0626"): "\u064a",  # ئ -> ي
}
_MARKS = regex.compile(r"\p{Mn}+")


@attrs.frozen
class Normalized:
    """The matching form of a text and the map back to the original's offsets."""

    text: str
    original: str = attrs.field(repr=False)
    # Breakpoints: at normalized offset _norm[k] the map restarts at original
    # offset _orig[k]; _step[k] is 1 for a run of one-to-one characters and 0
    # for the characters an expansion produced from one original character.
    _norm: tuple[int, ...] = attrs.field(repr=False, default=(0,))
    _orig: tuple[int, ...] = attrs.field(repr=False, default=(0,))
    _step: tuple[int, ...] = attrs.field(repr=False, default=(1,))

    def original_offset(self, index: int) -> int:
        """The original offset of the character at ``index`` of the matching form."""
        if index >= len(self.text):
            return len(self.original)
        k = bisect.bisect_right(self._norm, index) - 1
        return self._orig[k] + (index - self._norm[k]) * self._step[k]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the matching form to the exact span of the original text."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        if start == end:
            at = self.original_offset(start)
            return at, at
        return self.original_offset(start), self.original_offset(end - 1) + 1

    def original_span(self, start: int, end: int) -> str:
        """The original text of a span of the matching form."""
        a, b = self.to_original(start, end)
        return self.original[a:b]


def normalize_text(text: str) -> str:
    """The matching form alone, without the offset map."""
    return text.translate(_TABLE)


def normalize(text: str) -> Normalized:
    """The matching form of ``text`` with its map back to original offsets."""
    if _UNEVEN.search(text) is None:
        return Normalized(text.translate(_TABLE), text)
    norm: list[int] = [0]
    orig: list[int] = [0]
    step: list[int] = [1]
    pieces: list[str] = []
    n = 0  # length of the matching form so far
    last = 0  # original offset where the pending one-to-one run starts
    for match in _UNEVEN.finditer(text):
        i = match.start()
        run = text[last:i].translate(_TABLE)
        pieces.append(run)
        n += len(run)
        for ch in match.group():
            out = _TABLE[ord(ch)]
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
    pieces.append(text[last:].translate(_TABLE))
    return Normalized("".join(pieces), text, tuple(norm), tuple(orig), tuple(step))


def key(text: str) -> str:
    """The lossy lookup key of a word or name: for comparing, never for reporting."""
    folded = unicodedata.normalize("NFKD", text.translate(_TABLE))
    return _MARKS.sub("", folded).translate(_KEY_TABLE).casefold()
