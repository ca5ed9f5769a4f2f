"""Folding: the form the number, quantity and entity readers match, and the map back.

On a text already in the matching form (:mod:`newsassert.normalize`), combining
marks are dropped and the Arabic letters of
:data:`newsassert.text.arabic.NUMBER_FOLDS` unified; :class:`Folded` keeps where
each folded character came from.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from newsassert.text.arabic import NUMBER_FOLDS
from newsassert.text.offsets import OffsetMap, removing


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
class Folded(OffsetMap):
    """A folded text and the map from its offsets back to the input's (its source).

    Marks dropped just before an offset belong to the preceding character, so
    a span's end mapped by :meth:`to_input` or :meth:`span` keeps the marks of
    its last letter.
    """

    to_input = OffsetMap.source_offset


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
    return removing(Folded, _fold_letters(text), _MARKS, source=text)
