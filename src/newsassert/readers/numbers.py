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

Where it lives: the fold in :mod:`newsassert.text.folded`; the vocabulary, its
patterns and the digit forms (ordinals, fractions, ratios, signs) in
:mod:`newsassert.readers.number_words`; the scan and the reader of one
expression in :mod:`newsassert.readers.number_reader`; the public functions here.
"""

from __future__ import annotations

import attrs

from newsassert.readers.number_reader import scan
from newsassert.readers.number_words import _A_BEFORE, FoundNumber, _vocabulary, is_number_word
from newsassert.text.folded import Folded, fold, fold_word

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
    from newsassert.text.normalize import normalize_text

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
