"""Cross-script name matching: is ``محمد شياع السوداني`` the same person as ``Mohammed Shia al-Sudani``?

No model and no list of people: both scripts are read into one alphabet of
sound classes (the tables are in ``data/names.toml``) and compared name part
by name part.

Reading a name part
    Arabic writes consonants and long vowels; Latin transliterations write
    consonants and every vowel, short ones included, with several spellings
    per sound. So a part becomes a sequence of *symbols*: a consonant with
    the set of classes it can stand for (``ق`` is ``k`` or ``g``, Latin
    ``th`` is ``t`` or ``s``), or a vowel group with its qualities (``a``,
    ``i``, ``u``) and the long vowels it asserts (Arabic ``ي``, Latin
    ``ei``). Each symbol has a deletion cost: a Latin short vowel, which
    Arabic leaves unwritten, costs almost nothing; a long vowel costs half an
    edit; a strong consonant a whole one.

Comparing two parts
    A weighted edit distance over the two symbol sequences: consonants whose
    classes meet cost nothing, near sounds (``s``/``sh``, ``t``/``d``) half an
    edit; vowel groups match when their qualities meet and each side's long
    vowels are ones the other could have written (so ``حسن`` is Hassan, not
    Hussein, and ``سعد`` is Saad, not Saeed). A part matches when the
    distance is within a tolerance that grows with its number of consonants.
    The article (``ال``, ``al-``, ``as-``, ``el-``) is left out; an Arabic
    word that merely starts with ``ال`` (``الينا``, Alina) is also read whole.

Comparing two names
    A single part (``السوداني``, ``Austin``) matches a full name whose last
    part it matches. Two full names match when their first (given) names
    match, their last names match, and the middle parts of the shorter one
    are found in order in the longer one. Honorifics (``Dr``, ``الشيخ``),
    genealogical particles (``bin``, ``بن``) and initials (``J.``, ``ج.``)
    are left out; compounds (``Abd al-Mahdi``, ``Abu Mahdi``, ``Alaa
    al-Din``, ``عبد الله``) are one part.

The reading of a part and the distance between two parts are in
:mod:`newsassert.name_sounds`; here a name is split into parts, two names
compared part by part, and a name given its matching key.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import regex

from newsassert.name_sounds import (
    _ARABIC_LETTER,
    _FINAL,
    _LINK,
    _merge,
    _Part,
    _part_distance,
    _read_arabic,
    _read_latin,
    _Reading,
    _Sym,
    _tables,
)
from newsassert.text.normalize import normalize_text

__all__ = ["name_distance", "name_key", "name_parts", "names_match"]


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(_fold_word(w) for w in _tables()["words"][name])


# --- splitting a name into parts -----------------------------------------------------

_TOKEN = regex.compile(r"[\p{L}\p{M}'`ʿʾ‘’.\-]+")
_MARKS = regex.compile(r"[\p{Mn}\p{Cf}]+")
_APOSTROPHES = regex.compile(r"['`ʿʾ‘’]")
_ROMAN = regex.compile(r"^(?:i{1,3}|iv|vi{0,3}|jr|sr)$")
_LATIN_ARTICLE = regex.compile(
    r"""^(?:
        [ae]l-                                   # al-Sudani, el-Sisi
      | [aeu](?P<sun>sh|th|dh|[stdnrz])-(?=(?P=sun))   # as-Sadr, ash-Sharaa, ad-Dulaimi
    )""",
    regex.VERBOSE,
)
# "Alsudani", "Elsisi": perhaps an article, perhaps a name (Albert): read both ways.
_LATIN_FUSED_ARTICLE = regex.compile(r"^[ae]l(?=[b-df-hj-np-tv-z][a-z]{2,})")
_ARABIC_ARTICLE = regex.compile(r"^ال(?=\p{L}{2,})")
# Latin compound heads that end in the article: abd-ul, ab-oul.
_LATIN_HEAD_ARTICLE = regex.compile(r"^(?P<head>abd|ab[oui]u?)(?P<article>[aeiou]?l)$")


_LATIN_LETTERS = str.maketrans(
    {
        "ş": "sh", "Ş": "Sh", "ș": "sh", "Ș": "Sh", "š": "sh", "Š": "Sh",
        "ç": "ch", "Ç": "Ch", "č": "ch", "Č": "Ch", "ć": "ch", "Ć": "Ch",
        "ž": "zh", "Ž": "Zh", "đ": "dj", "Đ": "Dj", "ı": "i",
    }
)  # fmt: skip


class _Piece(NamedTuple):
    word: str
    article: str  # "" none, "sure" (al-, as-), "maybe" (ال, Al...)


def _fold_word(word: str) -> str:
    """A word as the tables spell it: marks, apostrophes and case folded away."""
    word = normalize_text(word)
    if not _ARABIC_LETTER.search(word):
        # Turkish, Slavic and Romanian letters that spell another sound than
        # their base letter (Şimşek شيمشك, Petrović بتروفيتش, Çavuşoğlu
        # جاويش أوغلو), then the other diacritics go (António); Arabic hamza
        # seats must stay.
        word = word.translate(_LATIN_LETTERS)
        word = unicodedata.normalize("NFKD", word)
    folded: str = _APOSTROPHES.sub("", _MARKS.sub("", word))
    return folded.casefold().strip(".")


def _piece(word: str, article: bool) -> _Piece:
    """Split a word's article off: certain for ``al-``, a guess for ``ال`` and ``Al…``."""
    if _ARABIC_LETTER.search(word):
        if _ARABIC_ARTICLE.match(word):
            return _Piece(word[2:], "sure" if article else "maybe")
        return _Piece(word, "sure" if article else "")
    found = _LATIN_ARTICLE.match(word)
    if found:
        return _Piece(word[found.end() :].replace("-", ""), "sure")
    word = word.replace("-", "")
    if article:
        return _Piece(word, "sure")
    fused = _LATIN_FUSED_ARTICLE.match(word)
    if fused:
        return _Piece(word[fused.end() :], "maybe")
    return _Piece(word, "")


def _read(word: str) -> list[_Sym]:
    return _read_arabic(word) if _ARABIC_LETTER.search(word) else _read_latin(word)


def _part(pieces: Sequence[_Piece]) -> _Part:
    """The readings of one part, made of one word or a compound of several."""
    head, *rest = pieces
    tail: list[_Sym] = []
    for piece in rest:
        if piece.article:
            tail.append(_Sym(False, frozenset({"l"}), _LINK))
        tail.extend(_read(piece.word))
    readings = [_merge([*_read(head.word), *tail])]
    if not rest and "th" in head.word and not _ARABIC_LETTER.search(head.word):
        # th is one sound (Othman عثمان) or two letters (Fathi فتحي).
        readings.append(_merge(_read(head.word.replace("th", "t|h"))))
    if not rest and head.word.endswith("ة") and len(head.word) > 2:
        # Turkish and Persian write the feminine ending as t (Nimet, Rahmat).
        readings.append(_merge(_read(head.word[:-1] + "ت")))
    if head.article == "maybe":
        whole = ("ال" if _ARABIC_LETTER.search(head.word) else "al") + head.word
        readings.append(_merge([*_read(whole), *tail]))
    return tuple(_final(r) for r in readings)


def _final(reading: _Reading) -> _Reading:
    if reading and reading[-1].vowel and reading[-1].long:
        return (*reading[:-1], reading[-1]._replace(cost=_FINAL))
    return reading


def _words_of(name: str) -> list[str]:
    text = normalize_text(name)
    if "," in text and not _ARABIC_LETTER.search(text):
        # "Al-Sudani, Mohammed" is "Mohammed Al-Sudani".
        head, _, tail = text.partition(",")
        text = f"{tail} {head}"
    words = [_fold_word(w) for w in _TOKEN.findall(text)]
    words = [w.strip("-") for w in words if w.strip("-")]
    honorifics = _words("honorifics")
    while len(words) > 1 and words[0].replace(".", "") in honorifics:
        words.pop(0)
    return words


def _split_hyphens(words: list[str]) -> list[str]:
    """Hyphens between names split parts (Hennis-Plasschaert, Amir-Abdollahian).

    A hyphen after an article (al-Sudani) stays; a compound head split off
    (Abdel-Fattah) is joined again as a compound; a particle split off
    (Ben-Gvir) is dropped like any particle.
    """
    out: list[str] = []
    for word in words:
        if "-" not in word or _LATIN_ARTICLE.match(word):
            out.append(word)
            continue
        head, _, rest = word.partition("-")
        out.extend([head, *_split_hyphens([rest])] if head else _split_hyphens([rest]))
    return out


@functools.lru_cache(maxsize=8192)
def _parse(name: str) -> tuple[_Part, ...]:
    particles, articles = _words("particles"), _words("articles")
    joins_next, joins_previous = _words("joins_next"), _words("joins_previous")
    words = [w.replace(".", "") for w in _words_of(name)]
    words = _split_hyphens([w for w in words if w])
    parts: list[list[_Piece]] = []
    pending_article = False
    joining = False
    for index, word in enumerate(words):
        if (len(word) == 1 and len(words) > 1) or _ROMAN.match(word):
            continue  # initials (Lloyd J. Austin) and numerals (Abdullah II) say nothing
        if index > 0 and word in particles:
            continue
        if word in articles and index < len(words) - 1:
            pending_article = True  # "Al Thani", "آل ثاني"
            continue
        piece = _piece(word, pending_article)
        pending_article = False
        if parts and (joining or word in joins_previous or piece.word in joins_previous):
            # "Abd al-Mahdi", "Alaa al-Din", "نصر الله": one part.
            parts[-1].append(piece)
            joining = False
            continue
        head = _LATIN_HEAD_ARTICLE.match(piece.word)
        if piece.word in joins_next and index < len(words) - 1:
            joining = True
            if head:
                # "Abdul Mahdi": the article of the next word is written on this one.
                parts.append([_Piece(head["head"], piece.article)])
                pending_article = True
                continue
        parts.append([piece])
    return tuple(_part(pieces) for pieces in parts)


@functools.lru_cache(maxsize=8192)
def _views(parts: tuple[_Part, ...]) -> list[tuple[_Part, ...]]:
    """The name as parsed and with its last two parts fused.

    Surnames and compound given names are spelt as one word or two
    (Ahmadinejad, أحمدي نجاد; Gholamreza, غلام رضا).
    """
    views = [parts]
    if len(parts) >= 2:
        fused = tuple(_merge([*x, *y]) for x in parts[-2] for y in parts[-1])
        views.append((*parts[:-2], tuple(_final(r) for r in fused)))
    return views


# --- the public functions ---------------------------------------------------------------


def name_distance(a: str, b: str) -> float:
    """How far apart two names are: 0 or less is a match (see :func:`names_match`).

    The value is the largest excess over tolerance among the parts compared;
    ``inf`` when either name has no parts.
    """
    pa, pb = _parse(a), _parse(b)
    if not pa or not pb:
        return float("inf")
    return min(_views_distance(x, y) for x in _views(pa) for y in _views(pb))


def _views_distance(pa: tuple[_Part, ...], pb: tuple[_Part, ...]) -> float:
    if len(pa) > len(pb):
        pa, pb = pb, pa
    if len(pa) == 1:
        return _part_distance(pa[0], pb[-1])
    worst = max(_part_distance(pa[0], pb[0]), _part_distance(pa[-1], pb[-1]))
    # The middle parts of the shorter name, in order, among the longer's.
    j = 1
    for part in pa[1:-1]:
        while j < len(pb) - 1 and _part_distance(part, pb[j]) > 0:
            j += 1
        if j >= len(pb) - 1:
            return max(worst, 1.0)
        j += 1
    return worst


@functools.lru_cache(maxsize=65536)
def names_match(a: str, b: str) -> bool:
    """Whether two spellings, in the same script or not, name the same person.

    ``names_match("محمد شياع السوداني", "Mohammed Shia al-Sudani")`` and
    ``names_match("السوداني", "Al-Sudani")`` hold;
    ``names_match("مسرور بارزاني", "Masoud Barzani")`` does not. A surname
    alone matches a full name with that surname; two full names need the same
    given name and surname.
    """
    return name_distance(a, b) <= 0


# The key is coarser than the matching: one letter per group of classes that
# transliterations confuse most, weak consonants (w, y) left out.
_KEY_ORDER = ("b", "f", "t", "d", "s", "z", "sh", "k", "j", "g", "kh", "h", "l", "m", "n", "r")
_KEY_LETTER = {"d": "t", "z": "s", "sh": "s", "g": "k", "kh": "k"}


def _key_of(reading: _Reading) -> str:
    letters = []
    for i, sym in enumerate(reading):
        if sym.vowel:
            if i == 0:
                letters.append("a")
            continue
        cls = next((c for c in _KEY_ORDER if c in sym.classes), "")
        letters.append(_KEY_LETTER.get(cls, cls))
    return "".join(letters)


def name_parts(name: str) -> tuple[str, ...]:
    """The parts of a name as they are compared, each as its key (for explanations)."""
    return tuple(_key_of(part[0]) for part in _parse(name))


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A cross-script key of a name: the consonant skeleton of each part.

    ``name_key("محمد شياع السوداني") == name_key("Mohammed Shia al-Sudani")``
    for the common transliterations; the key is lossy (equal keys are likely,
    not certain, to be the same name, and a few spellings of one name differ
    in key), so decide with :func:`names_match`.
    """
    return " ".join(name_parts(name))
