"""Names as sounds: a name part read into symbols, and the distance between two readings.

The alphabet is the one :mod:`newsassert.names` describes: a consonant with
the set of sound classes it can stand for, or a vowel group with its
qualities and the long vowels it asserts, each with the cost of deleting it
(the tables are in ``data/names.toml``). :func:`_read_arabic` and
:func:`_read_latin` read a part written in either script; :func:`_part_distance`
is the weighted edit distance of two parts, less their tolerance.
:mod:`newsassert.names` splits whole names into parts and compares them.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import regex

from newsassert.text.data import read_data

__all__: list[str] = []


class _Sym(NamedTuple):
    """One sound: a consonant, or a vowel group (``vowel`` true)."""

    vowel: bool
    classes: frozenset[str]
    cost: float  # of deleting it (or inserting it on the other side)
    long: frozenset[str] = frozenset()  # vowels: the long vowels the spelling asserts
    covers: frozenset[str] = frozenset()  # vowels: the long vowels it could stand for


_Reading = tuple[_Sym, ...]
# A name part: the readings it may have (with and without an ambiguous article).
_Part = tuple[_Reading, ...]


# --- the tables -----------------------------------------------------------------


@functools.cache
def _tables() -> dict[str, Any]:
    data: dict[str, Any] = read_data("names.toml")
    return data


def _classes(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


@functools.cache
def _table(name: str) -> Mapping[str, frozenset[str]]:
    return {k: _classes(v) for k, v in _tables()[name].items()}


@functools.cache
def _latin_grapheme() -> regex.Pattern[str]:
    # Longest graphemes first, so "sh" is read before "s".
    graphemes = sorted(_table("latin"), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(g) for g in graphemes) + "|[aeiouy]")


# --- costs, in edits ------------------------------------------------------------

_STRONG = 1.0  # a consonant every spelling writes
_WEAK = {"w": 0.4, "y": 0.4, "h": 0.5}  # consonants spellings drop or add
_LONG = 0.5  # an Arabic long vowel: a transliteration writes it
_LATIN_LONG = 0.4  # ei, ou, ee: a long vowel Arabic would (nearly always) write
_FINAL = 1.0  # a final long vowel is a suffix (the nisba ي of Soleimani), not a spelling
_SHORT = 0.1  # a Latin short vowel (Arabic leaves it out)
_FEMININE = 1.0  # a final ة: كريمة and Karim, سميرة and سمير are different names
_INITIAL = 0.6  # a word-initial vowel: Arabic writes it with alef or ain
_GLOTTAL = 0.1  # ع ء ؤ ئ inside a word: Latin writes a vowel, an apostrophe or nothing
_FINAL_H_AR = 0.2  # ه at the end of an Arabic word (Abdullah, Taha)
_FINAL_H_LAT = 0.1  # "ah", "eh" at the end of a Latin word (Hamzah, Haniyeh)
_LINK = 0.3  # the article inside a compound (Alaa al-Din, Abdurrahman without it)
_GLIDE = 0.1  # the y or w heard between two Latin vowels (Shia, Fuad)
_CV = 0.1  # a glide in one script against a vowel in the other
_NEAR_PAIRS = {
    frozenset(("s", "sh")): 0.4,  # Portuguese and Persian s (Guterres غوتيريش)
    frozenset(("t", "d")): 0.5,
    frozenset(("k", "kh")): 0.5,
    frozenset(("h", "kh")): 0.5,
    frozenset(("g", "kh")): 0.5,
    frozenset(("m", "n")): 0.5,  # n before b is heard m (Jumblatt جنبلاط)
}
_VOWEL_MISMATCH = 0.5

# --- reading Arabic ---------------------------------------------------------------

_AR_ALEFS = frozenset("اأإآٱ")
_AR_GLOTTAL_QUALITY = {"ع": "a", "ء": "", "أ": "a", "إ": "i", "آ": "a", "ؤ": "u", "ئ": "i"}
_AR_VOWEL_LETTERS = frozenset("اىةوي")
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_CLUSTER = regex.compile(r"[^اأإآىةويء][^اأإآىةويء]")


def _vowel(classes: str, cost: float, long: str = "", covers: str | None = None) -> _Sym:
    return _Sym(
        True,
        frozenset(classes),
        cost,
        frozenset(long),
        frozenset(long if covers is None else covers),
    )


def _glides(word: str) -> list[bool]:
    """Which letters of ``word`` are و or ي read as consonants (w, y).

    One is a glide when it starts the word or comes before a vowel: ا ى ة, or a
    و or ي that is itself a vowel, so the word is read from its end:
    ``البديوي`` (al-Budaiwi) has the glide و before its final vowel ي,
    ``روبيو`` (Rubio) the glide ي before its final vowel و. A و before ي
    before a consonant is a diphthong (``لويد``, Lloyd), not a glide.
    """
    glide = [False] * len(word)
    next_is_vowel = False
    for i in range(len(word) - 1, -1, -1):
        ch = word[i]
        if ch not in "وي":
            next_is_vowel = ch in "اىة"
            continue
        diphthong = ch == "و" and word[i + 1 : i + 2] == "ي" and i + 2 < len(word)
        glide[i] = i == 0 or (next_is_vowel and not diphthong)
        next_is_vowel = not glide[i]
    return glide


@functools.cache
def _arabic_grapheme() -> regex.Pattern[str]:
    pairs = [g for g in _table("arabic") if len(g) > 1]
    return regex.compile("|".join(regex.escape(g) for g in pairs) + "|.", regex.DOTALL)


def _read_arabic(word: str) -> list[_Sym]:
    table = _table("arabic")
    word = _tables()["arabic_respell"].get(word, word)
    symbols: list[_Sym] = []
    last = len(word) - 1
    glides = _glides(word)
    for found in _arabic_grapheme().finditer(word):
        i, ch = found.start(), found.group()
        if len(ch) > 1:
            symbols.append(_Sym(False, table[ch], _STRONG))
        elif i == 0 and ch == "ا" and _CLUSTER.match(word, 1):
            # A bare alef before two consonants is a helping vowel that
            # transliterations often leave out (اشتية Shtayyeh).
            symbols.append(_vowel("aiu", _SHORT * 2, "", "aiu"))
        elif i == 0 and (ch in _AR_ALEFS or ch in _AR_GLOTTAL_QUALITY):
            symbols.append(_vowel("aiu", _INITIAL, "", "aiu"))
        elif ch in _AR_GLOTTAL_QUALITY:
            quality = _AR_GLOTTAL_QUALITY[ch]
            symbols.append(_vowel("aiu", _GLOTTAL, "", quality))
        elif ch == "ى" and i == last:
            # Final ى is the long a of مصطفى, or final ي as Egypt writes it
            # (شكرى is شكري): it asserts neither.
            symbols.append(_vowel("ai", _LONG, "", "ai"))
        elif ch in _AR_ALEFS or ch == "ى":
            symbols.append(_vowel("a", _LONG, "a"))
        elif ch == "ة":
            # The feminine ending: a vowel a Latin spelling writes (Karima,
            # Fatemeh), never one it may drop (كريمة is not Karim).
            symbols.append(_vowel("a", _FEMININE if i == last else _SHORT, "", "a"))
        elif ch in "وي" and not glides[i]:
            quality = "u" if ch == "و" else "i"
            symbols.append(_vowel(quality, _LONG, quality))
        elif ch == "ه" and i == last and i > 0:
            symbols.append(_Sym(False, table[ch], _FINAL_H_AR))
        elif ch in table:
            classes = table[ch]
            symbols.append(_Sym(False, classes, _consonant_cost(classes)))
    return symbols


def _consonant_cost(classes: frozenset[str]) -> float:
    if len(classes) == 1:
        (only,) = classes
        return _WEAK.get(only, _STRONG)
    return _STRONG


# --- reading Latin ----------------------------------------------------------------


# English spelling: a vowel before one consonant and a final silent e is long
# (Jake جيك, Mike مايك, Pete بيت, James جيمس).
_MAGIC_E = regex.compile(r"(?<![aeiouy])[aeiou](?=[b-df-hj-np-tv-z]es?$)")


def _graphemes(word: str) -> list[str]:
    """The graphemes of a Latin word, doubled consonants written once.

    Arabic writes gemination, if at all, as a mark: Tillerson, Matthew and
    Hassan have one consonant where they write two (but Mashhadani's "sh"
    and "h" are two sounds).
    """
    found: list[str] = _latin_grapheme().findall(word)
    out: list[str] = []
    for k, g in enumerate(found):
        nxt = found[k + 1] if k + 1 < len(found) else ""
        if g not in "aeiou" and (nxt == g or (len(nxt) == 2 and nxt[0] == g and len(g) == 1)):
            continue
        out.append(g)
    return out


def _read_latin(word: str) -> list[_Sym]:
    table = _table("latin")
    word = _tables()["latin_respell"].get(word, word)
    graphemes = _graphemes(word)
    magic = _MAGIC_E.search("".join(graphemes))
    magic_at = magic.start() if magic else -1
    # y before a vowel is a consonant (Yahya, Sayyid), elsewhere a vowel (Uday).
    is_vowel = [
        g in "aeiou" or (g == "y" and (k + 1 == len(graphemes) or graphemes[k + 1] not in "aeiou"))
        for k, g in enumerate(graphemes)
    ]
    symbols: list[_Sym] = []
    i, n, offset = 0, len(graphemes), 0
    while i < n:
        g = graphemes[i]
        if is_vowel[i]:
            j = i
            while j < n and is_vowel[j]:
                j += 1
            run = "".join(graphemes[i:j])
            # Arabic keeps long vowels out of closed syllables, so a Latin "ou"
            # before two consonants is a short u (Moustafa مصطفى, Shoukry شكري).
            k = j
            while k < n and not is_vowel[k]:
                k += 1
            closed = k - j >= 2 and k < n
            symbols.extend(
                _latin_vowels(
                    run,
                    initial=i == 0,
                    final=j == n,
                    magic=offset == magic_at,
                    closed=closed,
                )
            )
            offset += len(run)
            i = j
            continue
        nxt = graphemes[i + 1] if i + 1 < n else ""
        if g == "c" and nxt in ("e", "i", "y"):
            # Soft c: s in English and French, j in Turkish (Recep رجب).
            symbols.append(_Sym(False, frozenset({"s", "j"}), _STRONG))
        elif g == "h" and i == n - 1 and i > 0 and is_vowel[i - 1]:
            symbols.append(_Sym(False, table[g], _FINAL_H_LAT))
        elif g == "t" and i == n - 1 and i > 0:
            # Turkish writes a final d as t (Mehmet محمد, Murat مراد, Cevdet جودت).
            symbols.append(_Sym(False, frozenset({"t", "d"}), _STRONG))
        elif g == "x":
            # x is two sounds, written with two letters in Arabic (Rex ريكس).
            symbols += [
                _Sym(False, frozenset({"k"}), _STRONG),
                _Sym(False, frozenset("s"), _STRONG),
            ]
        else:
            classes = table[g]
            symbols.append(_Sym(False, classes, _consonant_cost(classes)))
        offset += len(g)
        i += 1
    return symbols


def _latin_vowels(
    run: str,
    *,
    initial: bool,
    final: bool,
    magic: bool = False,
    closed: bool = False,
) -> list[_Sym]:
    """The vowel group(s) of a run of Latin vowel letters."""
    qualities, longs = _table("latin_vowels"), _table("latin_long")
    # Shia, Fuad, Diala, Pompeo, Ghazouani: a vowel (or a long pair) and
    # another vowel with a glide between them.
    head = 2 if run[:2] in longs and len(run) > 2 else 1
    split = (head == 2 or run[:2] not in longs) and run[head - 1] in "iueo"
    if not initial and len(run) > head and split and run[head] != run[head - 1]:
        glide = "w" if run[head - 1] in ("u" if head == 1 else "uo") else "y"
        return [
            *_latin_vowels(run[:head], initial=False, final=False),
            _Sym(False, frozenset({glide}), _GLIDE),
            *_latin_vowels(run[head:], initial=False, final=final),
        ]
    classes: frozenset[str] = frozenset().union(*(qualities[ch] for ch in run))
    long: frozenset[str] = frozenset().union(
        *(longs.get(run[k : k + 2], frozenset()) for k in range(len(run) - 1))
    )
    covers = classes
    if closed:
        long = frozenset()
    if final and len(run) == 1 and run in "iyou":
        long = qualities[run]  # a final i is the nisba ي, a final o or u a و
    if magic:
        classes = covers = classes | {"a", "i"}
    if initial:
        return [_Sym(True, frozenset("aiu"), _INITIAL, long, frozenset("aiu"))]
    return [_Sym(True, classes, _LATIN_LONG if long else _SHORT, long, covers)]


# --- comparing readings ---------------------------------------------------------------


def _merge(symbols: Sequence[_Sym]) -> _Reading:
    """Join adjacent vowels into one group and collapse doubled consonants."""
    out: list[_Sym] = []
    for sym in symbols:
        prev = out[-1] if out else None
        if prev is not None and prev.vowel and sym.vowel:
            out[-1] = _Sym(
                True,
                prev.classes | sym.classes,
                max(prev.cost, sym.cost),
                prev.long | sym.long,
                prev.covers | sym.covers,
            )
        elif prev is not None and not sym.vowel and not prev.vowel and prev.classes == sym.classes:
            out[-1] = prev._replace(cost=max(prev.cost, sym.cost))
        else:
            out.append(sym)
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def _substitution(a: _Sym, b: _Sym) -> float:
    if a.vowel and b.vowel:
        # A long vowel one side writes must be one the other side could mean.
        if (
            a.classes & b.classes
            and (not a.long or a.long & b.covers)
            and (not b.long or b.long & a.covers)
        ):
            return 0.0
        return _VOWEL_MISMATCH
    if not a.vowel and not b.vowel:
        if a.classes & b.classes:
            return 0.0
        near = [_NEAR_PAIRS.get(frozenset((x, y)), _STRONG) for x in a.classes for y in b.classes]
        return min(near)
    consonant, vowel = (b, a) if a.vowel else (a, b)
    if ("w" in consonant.classes and "u" in vowel.classes) or (
        "y" in consonant.classes and "i" in vowel.classes
    ):
        return _CV
    return 2 * _STRONG


def _distance(a: _Reading, b: _Reading) -> float:
    """Weighted edit distance between two readings."""
    previous = [0.0]
    for sym in b:
        previous.append(previous[-1] + sym.cost)
    for x in a:
        current = [previous[0] + x.cost]
        for j, y in enumerate(b, 1):
            current.append(
                min(
                    previous[j] + x.cost,
                    current[j - 1] + y.cost,
                    previous[j - 1] + _substitution(x, y),
                )
            )
        previous = current
    return previous[-1]


def _tolerance(a: _Reading, b: _Reading) -> float:
    consonants = min(sum(not s.vowel for s in a), sum(not s.vowel for s in b))
    if consonants <= 2:
        return 0.35
    if consonants <= 4:
        return 0.45
    if consonants <= 6:
        return 0.8
    return 1.0


@functools.lru_cache(maxsize=65536)
def _part_distance(a: _Part, b: _Part) -> float:
    """How far two parts are beyond their tolerance (0 or less: they match)."""
    return min(_distance(x, y) - _tolerance(x, y) for x in a for y in b)
