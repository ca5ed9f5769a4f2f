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
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import regex

from newsassert.text.data import read_data
from newsassert.text.normalize import normalize_text

__all__ = ["name_distance", "name_key", "name_parts", "names_match"]


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
def _words(name: str) -> frozenset[str]:
    return frozenset(_fold_word(w) for w in _tables()["words"][name])


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
