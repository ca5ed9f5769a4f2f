"""Cross-script name matching: is ``محمد شياع السوداني`` the same person as ``Mohammed Shia al-Sudani``?

No model and no dictionary of people: both scripts are read into one
alphabet of sound classes (``data/names.toml``) and compared name part by
name part.

Reading a name part
    Arabic writes consonants and long vowels; Latin transliterations write
    consonants and every vowel, short ones included, with many spellings per
    sound. So each part becomes a sequence of *symbols*: a consonant with the
    set of classes it can stand for (``ق`` is ``k`` or ``g``, Latin ``th`` is
    ``t`` or ``s``), or a vowel group with its qualities (``a``, ``i``,
    ``u``). Each symbol has a deletion cost: a Latin short vowel (which Arabic
    does not write) costs almost nothing, an Arabic long vowel or a Latin
    ``ei``/``ou`` costs more, a strong consonant costs a whole edit.

Comparing two parts
    A weighted edit distance over the two symbol sequences: symbols whose
    classes meet cost nothing, near sounds (``s``/``sh``, ``t``/``d``) cost
    half, the rest a full edit. The part matches when the distance is within
    a tolerance that grows with the part's length. The article (``ال``,
    ``al-``, ``as-``, ``el-``) is stripped; an Arabic word that merely starts
    with ``ال`` (``الينا``, Alina) is also tried whole.

Comparing two names
    A single part (``السوداني``, ``Austin``) matches a full name whose last
    part it matches. Two full names match when their first (given) names
    match, their last names match, and the middle parts of the shorter one
    are found in order in the longer one. Honorifics (``Dr``, ``الشيخ``),
    genealogical particles (``bin``, ``بن``) and initials (``J.``, ``ج.``) are
    left out; compounds (``Abd al-Mahdi``, ``Abu Mahdi``, ``Alaa al-Din``,
    ``عبد الله``) are one part.
"""

from __future__ import annotations

import functools
import tomllib
import unicodedata
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any, NamedTuple

import regex

from newsassert.normalize import normalize_text

__all__ = ["name_distance", "name_key", "name_parts", "names_match"]


class _Sym(NamedTuple):
    """One sound: a consonant (``vowel`` false) or a vowel group, with its classes."""

    vowel: bool
    classes: frozenset[str]
    cost: float  # the cost of deleting it (or inserting it on the other side)


_Reading = tuple[_Sym, ...]
# A name part: the readings it may have (with and without an ambiguous article).
_Part = tuple[_Reading, ...]


@functools.cache
def _tables() -> dict[str, Any]:
    text = resources.files("newsassert").joinpath("data", "names.toml").read_text("utf-8")
    return tomllib.loads(text)


def _classes(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


@functools.cache
def _arabic() -> Mapping[str, frozenset[str]]:
    return {k: _classes(v) for k, v in _tables()["arabic"].items()}


@functools.cache
def _latin() -> Mapping[str, frozenset[str]]:
    return {k: _classes(v) for k, v in _tables()["latin"].items()}


@functools.cache
def _latin_vowels() -> Mapping[str, frozenset[str]]:
    return {k: _classes(v) for k, v in _tables()["latin_vowels"].items()}


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(_fold_word(w) for w in _tables()["words"][name])


@functools.cache
def _latin_grapheme() -> regex.Pattern[str]:
    # Longest graphemes first, so "sh" is read before "s".
    graphemes = sorted(_latin(), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(g) for g in graphemes) + "|[aeiouy]")


# Deletion costs, in edits. A strong consonant is a whole edit; what the
# other script may leave unwritten costs less.
_STRONG = 1.0
_WEAK = {"w": 0.4, "y": 0.4, "h": 0.5}
_ARABIC_LONG = 0.5  # ا و ي as vowels: Latin writes them, nearly always
_LATIN_SHORT = 0.1  # a single Latin vowel: Arabic leaves short vowels out
_LATIN_LONG = 0.5  # ei, ou, aa …: a long vowel Arabic would have written
_INITIAL = 0.6  # a word-initial vowel (Arabic writes it with alef or ain)
_GLOTTAL = 0.1  # ع ء ؤ ئ inside a word: Latin writes a vowel, an apostrophe or nothing
_FINAL_H_AR = 0.3  # ه at the end of an Arabic word
_FINAL_H_LAT = 0.1  # "ah" at the end of a Latin word (Hamzah, Abdullah)
_CV = 0.1
_GLIDE = 0.1  # the y or w heard between two Latin vowels  # و/ي read as a vowel against Latin w/y read as a consonant (or back)
_NEAR = 0.5
_NEAR_PAIRS = frozenset(
    frozenset(p)
    for p in (("s", "sh"), ("t", "d"), ("s", "z"), ("k", "kh"), ("h", "kh"), ("g", "kh"))
)
_AR_ALEFS = frozenset("اأإآٱ")
_AR_GLOTTALS = frozenset("ءؤئعأإآ")
_AR_VOWEL_NEXT = frozenset("اىةوي")
_ARABIC_LETTER = regex.compile(r"\p{Arabic}")
_MARKS = regex.compile(r"[\p{Mn}\p{Cf}]+")
_APOSTROPHES = regex.compile(r"['`ʿʾ‘’]")


def _fold_word(word: str) -> str:
    """A word as the tables spell it: marks, apostrophes and case folded away."""
    word = normalize_text(word)
    if not _ARABIC_LETTER.search(word):
        # Latin diacritics go (Erdoğan, Hénin); Arabic hamza seats must stay.
        word = unicodedata.normalize("NFKD", word)
    folded: str = _APOSTROPHES.sub("", _MARKS.sub("", word))
    return folded.casefold().strip(".")


def _vowel(qualities: str | frozenset[str], cost: float) -> _Sym:
    return _Sym(True, frozenset(qualities) if isinstance(qualities, str) else qualities, cost)


def _merge(symbols: list[_Sym]) -> _Reading:
    """Join adjacent vowels into one group and collapse doubled consonants."""
    out: list[_Sym] = []
    for sym in symbols:
        if out and out[-1].vowel and sym.vowel:
            prev = out[-1]
            out[-1] = _Sym(True, prev.classes | sym.classes, max(prev.cost, sym.cost))
        elif out and not sym.vowel and not out[-1].vowel and out[-1].classes == sym.classes:
            continue
        else:
            out.append(sym)
    return tuple(out)


def _read_arabic(word: str) -> _Reading:
    table = _arabic()
    symbols: list[_Sym] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        if i == 0 and (ch in _AR_ALEFS or ch in _AR_GLOTTALS):
            symbols.append(_vowel("aiu", _INITIAL))
        elif ch in _AR_GLOTTALS:
            symbols.append(_vowel("aiu", _GLOTTAL))
        elif ch in _AR_ALEFS or ch == "ى":
            symbols.append(_vowel("a", _ARABIC_LONG))
        elif ch == "ة":
            symbols.append(_vowel("a", _LATIN_SHORT))
        elif ch in "وي" and not (i == 0 or _glide(word, i)):
            symbols.append(_vowel("u" if ch == "و" else "i", _ARABIC_LONG))
        elif ch == "ه" and i == last:
            symbols.append(_Sym(False, table[ch], _FINAL_H_AR))
        elif ch in table:
            classes = table[ch]
            symbols.append(_Sym(False, classes, _consonant_cost(classes)))
    return _merge(symbols)


def _glide(word: str, i: int) -> bool:
    """Whether و or ي at ``i`` is a consonant: before a vowel letter, not a diphthong.

    ``نواف`` (Nawaf) and ``ديالى`` (Diyala) have glides; in ``لويد`` (Lloyd)
    the و and ي together are one diphthong, so neither is.
    """
    nxt = word[i + 1] if i + 1 < len(word) else ""
    if nxt not in _AR_VOWEL_NEXT:
        return False
    if nxt in "وي" and nxt != word[i]:
        after = word[i + 2] if i + 2 < len(word) else ""
        return after in _AR_VOWEL_NEXT
    return True


def _consonant_cost(classes: frozenset[str]) -> float:
    if len(classes) == 1:
        (only,) = classes
        return _WEAK.get(only, _STRONG)
    return _STRONG


def _read_latin(word: str) -> _Reading:
    table = _latin()
    vowels = _latin_vowels()
    graphemes = _latin_grapheme().findall(word)
    symbols: list[_Sym] = []
    last = len(graphemes) - 1
    for i, g in enumerate(graphemes):
        nxt = graphemes[i + 1] if i < last else ""
        next_is_vowel = nxt in vowels
        if g == "y" and not next_is_vowel:
            g = "i"  # y before a consonant or at the end is a vowel (Sydney, Uday)
        if g in vowels:
            symbols.append(_vowel(vowels[g], _LATIN_SHORT))
            if g in ("i", "u", "o") and next_is_vowel and nxt != g:
                # Shia, Diala, Fuad: a glide Arabic writes as ي or و.
                glide = "y" if g == "i" else "w"
                symbols.append(_Sym(False, frozenset({glide}), _GLIDE))
        elif g == "c" and nxt in ("e", "i", "y"):
            symbols.append(_Sym(False, frozenset({"s"}), _STRONG))
        elif g == "h" and i == last and i > 0 and graphemes[i - 1] in vowels:
            symbols.append(_Sym(False, table[g], _FINAL_H_LAT))
        else:
            classes = table[g]
            symbols.append(_Sym(False, classes, _consonant_cost(classes)))
    out = list(_merge(symbols))
    # Vowel groups of two letters (ei, ou, aa) are long; a group at the start
    # of the word stands for the Arabic initial alef or ain.
    _mark_long_vowels(graphemes, out)
    if out and out[0].vowel:
        out[0] = out[0]._replace(classes=frozenset("aiu"), cost=_INITIAL)
    return tuple(out)


def _mark_long_vowels(graphemes: Sequence[str], symbols: list[_Sym]) -> None:
    """Give vowel groups written with two or more letters the long-vowel cost."""
    vowels = _latin_vowels()
    runs: list[int] = []
    run = 0
    for g in graphemes:
        if g in vowels or (g == "y" and run):
            run += 1
        else:
            if run:
                runs.append(run)
            run = 0
    if run:
        runs.append(run)
    groups = [i for i, s in enumerate(symbols) if s.vowel]
    for position, length in zip(groups, runs, strict=False):
        if length > 1:
            symbols[position] = symbols[position]._replace(cost=_LATIN_LONG)


def _substitution(a: _Sym, b: _Sym) -> float:
    if a.vowel and b.vowel:
        return 0.0 if a.classes & b.classes else _NEAR
    if not a.vowel and not b.vowel:
        if a.classes & b.classes:
            return 0.0
        for x in a.classes:
            for y in b.classes:
                if frozenset((x, y)) in _NEAR_PAIRS:
                    return _NEAR
        return _STRONG
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
    if consonants == 3:
        return 0.45
    return 0.8


def _part_distance(a: _Part, b: _Part) -> float:
    return min(_distance(x, y) - _tolerance(x, y) for x in a for y in b)


# --- splitting a name into parts ------------------------------------------

_TOKEN = regex.compile(r"[\p{L}\p{M}'`ʿʾ‘’.\-]+")
_LATIN_ARTICLE = regex.compile(
    r"""^(?:
        [ae]l-?(?=\p{L})          # al-Sudani, el-Sisi, al Sudani (after joining)
      | [aeu](?P<sun>[stdnrz]h?)-(?=(?P=sun))   # as-Sadr, ash-Sharaa, ad-Dulaimi
    )""",
    regex.VERBOSE,
)
_LATIN_SOFT_ARTICLE = regex.compile(r"^[ae]l(?=[^aeiouy\-]\p{L}{2,})")
_ARABIC_ARTICLE = regex.compile(r"^ال(?=\p{L}{2,})")


def _reading(word: str) -> _Reading:
    return _read_arabic(word) if _ARABIC_LETTER.search(word) else _read_latin(word)


def _part(word: str, hyphenated_article: bool) -> _Part:
    """The readings of one part (already folded, compounds already joined)."""
    if _ARABIC_LETTER.search(word):
        if _ARABIC_ARTICLE.match(word):
            return (_read_arabic(word[2:]), _read_arabic(word))
        return (_read_arabic(word),)
    if hyphenated_article:
        return (_read_latin(word),)
    soft = _LATIN_SOFT_ARTICLE.match(word)
    if soft:
        return (_read_latin(word[soft.end() :]), _read_latin(word))
    return (_read_latin(word),)


def _strip_latin_article(word: str) -> tuple[str, bool]:
    found = _LATIN_ARTICLE.match(word)
    if found and "-" in found.group():
        return word[found.end() :], True
    return word, False


@functools.lru_cache(maxsize=8192)
def _parse(name: str) -> tuple[_Part, ...]:
    text = normalize_text(name)
    if "," in text and not _ARABIC_LETTER.search(text):
        # "Al-Sudani, Mohammed" is "Mohammed Al-Sudani".
        head, _, tail = text.partition(",")
        text = f"{tail} {head}"
    words = [_fold_word(w) for w in _TOKEN.findall(text)]
    words = [w for w in words if w and w != "-"]
    honorifics, particles = _words("honorifics"), _words("particles")
    joins_next, joins_previous = _words("joins_next"), _words("joins_previous")
    while words and words[0] in honorifics:
        words.pop(0)
    pieces: list[tuple[str, bool]] = []
    pending = ""
    for index, raw in enumerate(words):
        word = raw.replace(".", "")
        if not word or (len(word) == 1 and index < len(words) - 1):
            continue  # an initial (Lloyd J. Austin) says nothing checkable
        if index > 0 and word in particles:
            continue
        if word in ("al", "el") and not _ARABIC_LETTER.search(word):
            pending += word + "-"  # "Al Sudani": the article of the next word
            continue
        word = pending + word
        pending = ""
        stripped, hyphenated = _strip_latin_article(word)
        stripped = stripped.replace("-", "")
        if pieces and (word in joins_previous or stripped in joins_previous):
            # "Alaa al-Din", "Nasr Allah": the article stays as a soft link.
            previous, prev_flag = pieces[-1]
            link = "" if previous.endswith("ال") else ("ال" if _ARABIC_LETTER.search(word) else "l")
            tail = word.removeprefix("ال") if _ARABIC_LETTER.search(word) else stripped
            pieces[-1] = (previous + link + tail, prev_flag)
            continue
        if pieces and pieces[-1][0] in joins_next:
            previous, _ = pieces[-1]
            tail = word.removeprefix("ال") if _ARABIC_LETTER.search(word) else stripped
            pieces[-1] = (previous + tail, True)
            continue
        pieces.append((stripped, hyphenated))
    return tuple(_part(word, flag) for word, flag in pieces if word)


def name_parts(name: str) -> tuple[str, ...]:
    """The parts of a name as compared, each as its key (for explaining a match)."""
    return tuple(_key_of(part[0]) for part in _parse(name))


def name_distance(a: str, b: str) -> float:
    """How far apart two names are: 0 or less is a match (see :func:`names_match`).

    The value is the largest excess over tolerance among the parts compared;
    ``inf`` when either name has no parts.
    """
    pa, pb = _parse(a), _parse(b)
    if not pa or not pb:
        return float("inf")
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


# --- the key ----------------------------------------------------------------

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


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A cross-script key of a name: the consonant skeleton of each part.

    ``name_key("محمد شياع السوداني") == name_key("Mohammed Shia al-Sudani")``
    for the common transliterations; the key is lossy (equal keys are likely,
    not certain, to be the same name, and a few spellings of one name differ
    in key), so decide with :func:`names_match`.
    """
    return " ".join(_key_of(part[0]) for part in _parse(name))
