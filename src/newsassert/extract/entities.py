"""Extract people, the roles they hold, organizations and places.

People are found after a role title, in Arabic or English::

    رئيس مجلس الوزراء محمد شياع السوداني        -> prime minister
    وزير الدفاع الأمريكي لويد ج. أوستن          -> defense minister, United States
    The US Secretary of Defense, Lloyd J. Austin -> defense minister, United States

A title (``data/roles.toml``, with Arabic proclitics: ``لرئيس``) may be
followed by modifiers: a demonym (``الأمريكي``, ``(الأمريكي)``), an
organization or place in the genitive (``للبنتاغون``, ``للأمم المتحدة``), a
domain (``للشؤون الخارجية``), a person it belongs to (``مستشار السوداني``),
another title (``القائد العام للقوات المسلحة``) and a comma; English titles
take a demonym or country before them (``Iraqi Prime Minister``) or ``of``
after. Then comes the name, which ends before punctuation, a function word
(``في``, ``بأن``, ``لوكالة``), a verb (``دعا``, ``قال``), a time word, or a
title, organization or place of the lexicon (``data/entities.toml``); an
English name is the run of capitalized words and name particles.

Each title and name gives a ``role`` claim and a ``person`` mention. Later
mentions of a person's surname alone (``السوداني``, ``Austin``) are person
mentions too, with the full name's key and entity. Organizations, places and
demonyms (``الأمريكية`` names the United States) are looked up in the
lexicon, longest form first, Arabic proclitics (و ف ب ل ك, ``لل``) allowed.

How it stays fast: the article is tokenized once, from the pieces of text
between spaces, each distinct piece read once; everything about a
word that does not depend on where it stands (its lookup keys with and
without proclitics, whether it is a stop word, which tables of the lexicon
have a form starting with it) is computed once per distinct word and kept
with the lexicon's tables. Most words start no form, so a lookup there is one
test of a bit mask; a lookup that may match is extended word by word only
while the words read so far begin some form (a table of every form's word
prefixes). The tokens are read once for roles (a second time only when a
surname found later would change how a title's modifiers were read), once for
later surnames and once for the lexicon; the hook hands each segment its part.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, cast

import attrs
import regex

from newsassert.extract import lexicon_of, make_claim
from newsassert.extract.entity_words import (
    _COUNTRY,
    _DEMONYMS,
    _LEXICON,
    _NAMED,
    _ROLE,
    _ROLES,
    _Tables,
    _Word,
)
from newsassert.extract.numbers import Folded, fold, fold_word
from newsassert.extract.people import (
    name_end,
    name_words,
    read_people,
    single_name,
    start_of_name,
)
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon, LexiconEntry, form_key
from newsassert.model import Article, Claim, MentionClaim, RoleClaim, Segment
from newsassert.names import name_key, names_match
from newsassert.normalize import Normalized
from newsassert.text.data import read_data

__all__ = ["Entities", "find_entities", "newsassert_extract_claims"]

# A token and the gap before it. Every character outside the gap starts a
# token, so ``findall`` yields the tokens ``finditer`` would, as strings, and
# their offsets follow from the lengths (no match object per token). The end
# of the text is a token of its own (empty), so that the gap after the last
# token is matched once, not tried again from each of its characters (which
# made a text ending in thousands of spaces quadratic).
_TOKEN = regex.compile(
    r"""
    ([\s\p{M}]*+)                                    # the gap: spaces, stray marks
    ( (?:\p{L}\.)+(?!\p{L})                          # initials and abbreviations: J. ج. U.S.
    | \p{L}[\p{L}\p{M}]*(?:[-'’](?![sS]\b)[\p{L}][\p{L}\p{M}]*)*  # الينا, Al-Sudani, Biden('s)
    | \p{N}+                                          # a number
    | [^\s\p{L}\p{M}\p{N}]                            # one punctuation mark
    | \Z                                              # the end of the text
    )
    """,
    regex.VERBOSE,
)
_ARABIC = regex.compile(r"\p{Arabic}")
_MARKS = regex.compile(r"\p{Mn}+")
# An Arabic imperfect verb: a prefix ي ت ن and a bare root, no long vowel
# inside (يتهم, يدعم, تحذر, يتلقى), which given names have (يحيى, ياسر, ترامب).
_IMPERFECT = regex.compile(r"^[يتن][^اويى]{2,4}[ىي]?$")
# A verbal noun after a preposition (بتدمير, بتسببه): not part of a name.
_PREP_MASDAR = regex.compile(r"^[بل]ت\w{3,}$")
_UPPER = regex.compile(r"\p{Lu}")
# Proclitics an Arabic word may carry: a conjunction, then a preposition.
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")
_MAX_NAME = 4
# Name particles that govern the next word: after them a title word is a name.
_GOVERNING = frozenset({"عبد", "ابو", "ابن", "بن"})
_MAX_TITLE_WORDS = 24  # words (and commas) from a title to the name it gives a role


# Above this many distinct words (or pieces of text between spaces) a
# lexicon's cache of them starts afresh.
_MAX_WORDS = 500_000
_MAX_CHUNKS = 200_000


class _Found(NamedTuple):
    """A claim found in the article, before it is given to its segment."""

    kind: str  # "mention" or "role"
    start: int  # original offsets
    end: int
    fields: dict[str, str | None]  # the claim's own fields, as make_claim takes them


@attrs.frozen
class Entities:
    """Everything the entity extractor found in one text (original offsets)."""

    found: tuple[_Found, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)

    @_starts.default
    def _starts_of(self) -> tuple[int, ...]:
        return tuple(f.start for f in self.found)

    def between(self, start: int, end: int) -> Iterable[_Found]:
        # ``found`` is sorted by start: skip to the first at ``start``.
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_right(self._starts, end)
        return (f for f in self.found[first:last] if f.end <= end)


# ---------------------------------------------------------------------------
# The vocabulary, compiled once per lexicon.
# ---------------------------------------------------------------------------


class _Table(dict[str, LexiconEntry]):
    """The forms of one kind by key."""

    def __init__(self, forms: dict[str, LexiconEntry]) -> None:
        super().__init__(forms)
        # For each key, the forms of its entry written in capitals with that
        # key: a Latin word matches such a form only as written (US, not us).
        self.capitals = {
            key: tuple(
                form
                for form in (entry.canonical, *entry.forms)
                if form_key(form) == key and form.isupper()
            )
            for key, entry in forms.items()
        }


class _Words(dict[str, _Word]):
    """The :class:`_Word` of each token text, computed on its first sight.

    A miss calls ``__missing__`` from C, so ``map(words.__getitem__, tokens)``
    reads an article's tokens without a Python call per known word.
    """

    def __init__(self, make: Callable[[str], _Word]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, text: str) -> _Word:
        if len(self) >= _MAX_WORDS:
            self.clear()
        found = self[text] = self.make(text)
        return found


@attrs.frozen(eq=False)
class _Vocab:
    lexicon: Lexicon
    tables: tuple[_Table, ...]  # by table number: roles, orgs, places, demonyms
    # Every form's leading words ("رئيس", "رئيس مجلس", "رئيس مجلس الوزراء"),
    # with the bits of the tables that have a form starting so, and of the
    # tables that have a longer form starting so.
    prefixes: dict[str, int]
    continues: dict[str, int]
    persons: tuple[LexiconEntry, ...]
    longest: int
    stop: frozenset[str]
    given_names: frozenset[str]  # as written (normalized), though their key is a stop word's
    folded_given_names: frozenset[str]  # the same, as the folded text spells them
    particles: frozenset[str]
    not_names: frozenset[str]
    title_adjectives: frozenset[str]
    lower_titles: frozenset[str]  # one-word English titles also read in lower case
    # Every token text met so far: ``words[text]`` computes a new one.
    words: _Words = attrs.field(
        init=False, default=attrs.Factory(lambda self: _Words(self._word), takes_self=True)
    )
    orders: dict[tuple[int, ...], tuple[tuple[int, _Table], ...]] = attrs.field(factory=dict)
    chunks: dict[str, _Chunk] = attrs.field(factory=dict)  # see _tokens

    def ordered(self, tables: _Tables) -> tuple[tuple[int, _Table], ...]:
        """``tables`` with their positions, as :func:`_lookup` tries them."""
        found = self.orders.get(tables.numbers)
        if found is None:
            found = tuple((position, self.tables[n]) for position, n in enumerate(tables.numbers))
            self.orders[tables.numbers] = found
        return found

    def _word(self, text: str) -> _Word:
        word = text[:1].isalpha()  # a word token starts with a letter; others never do
        arabic = bool(_ARABIC.match(text))
        if not word:
            return _Word(
                text, False, arabic, (), text, frozenset(), (), 0, 0, False, False, False, -1, False
            )
        variants = tuple((_word_key(v), d) for v, d in _variants(text, arabic))
        key = variants[0][0]
        starts = []
        mask = extends = 0
        for variant, dropped in variants:
            bits = self.prefixes.get(variant, 0)
            if bits:
                starts.append((variant, dropped, bits))
                mask |= bits
                extends |= self.continues.get(variant, 0)
        stop = key in self.stop or (arabic and key[:1] in _CONJUNCTIONS and key[1:] in self.stop)
        given = arabic and text in self.folded_given_names
        upper = bool(_UPPER.match(text))
        forms = frozenset(v for v, _ in variants)
        name_start, strong_start = (
            start_of_name(key, name_words()) if arabic and (not stop or given) else (-1, False)
        )
        return _Word(
            text,
            True,
            arabic,
            variants,
            key,
            forms,
            tuple(starts),
            mask,
            extends,
            stop,
            given,
            upper,
            name_start,
            strong_start,
        )


def _keys(words: Iterable[str]) -> frozenset[str]:
    return frozenset(form_key(fold_word(w)) for w in words)


@functools.lru_cache(maxsize=8)
def _vocab(lexicon: Lexicon) -> _Vocab:
    data = read_data("entities.toml")
    arabic, english = data["arabic"], data["english"]

    def index(kind: str) -> _Table:
        return _Table({form_key(fold_word(k)): v for k, v in lexicon.forms(kind).items()})

    tables = (index("role"), index("org"), index("place"), index("demonym"))
    prefixes: dict[str, int] = {}
    continues: dict[str, int] = {}
    for number, table in enumerate(tables):
        for form in table:
            if not form:
                continue
            words = form.split(" ")
            for size in range(1, len(words) + 1):
                prefix = " ".join(words[:size])
                prefixes[prefix] = prefixes.get(prefix, 0) | 1 << number
                if size < len(words):
                    continues[prefix] = continues.get(prefix, 0) | 1 << number
    longest = max((len(k.split()) for table in tables for k in table), default=1)
    given_names = frozenset(arabic["given_names"])
    return _Vocab(
        lexicon=lexicon,
        tables=tables,
        prefixes=prefixes,
        continues=continues,
        persons=lexicon.of_kind("person"),
        longest=longest,
        stop=_keys([*arabic["function_words"], *arabic["time_words"], *arabic["verbs"]]),
        given_names=given_names,
        folded_given_names=frozenset(fold_word(g) for g in given_names),
        particles=frozenset(english["particles"]),
        not_names=frozenset(english["not_names"]),
        title_adjectives=_keys(arabic["title_adjectives"]),
        lower_titles=_keys(english["lowercase_titles"]),
    )


def _variants(text: str, arabic: bool) -> list[tuple[str, int]]:
    """A word's forms without its Arabic proclitics, with how many letters each drops."""
    out = [(text, 0)]
    if not arabic:
        return out
    stems = [(text, 0)]
    if text[:1] in _CONJUNCTIONS and len(text) > 3:
        stems.append((text[1:], 1))
    for stem, dropped in list(stems):
        if stem.startswith("لل") and len(stem) > 3:
            out.append(("ال" + stem[2:], dropped + 1))  # للعراق: ل + العراق
        elif stem[:1] in _PREPOSITIONS and len(stem) > 3:
            out.append((stem[1:], dropped + 1))
        if stem is not text:
            out.append((stem, dropped))
    return out


def _word_key(word: str) -> str:
    return form_key(word)


def _lookup(
    vocab: _Vocab, words: Sequence[_Word], i: int, tables: _Tables, longest: int
) -> tuple[LexiconEntry, int, int, int] | None:
    """The longest form starting at token ``i`` in any of ``tables``.

    Returns the entry, the number of tokens, the table's position in
    ``tables`` and the number of proclitic letters to skip at the start.
    """
    first = words[i]
    want = tables.bits
    if not first.mask & want:
        return None  # most words: no form starts with them
    limit = min(longest, len(words) - i)
    if limit == 1 or not first.extends & want:
        # Only one-word forms can match: the answer is the word's own.
        try:
            return first.alone[tables.numbers]
        except KeyError:
            found, _ = _extend(vocab, words, i, tables, 1)
            first.alone[tables.numbers] = found
            return found
    # Most runs that may match stop at the second word: the answer is then
    # the pair's own.
    pair = (tables.numbers, words[i + 1])
    try:
        return first.pairs[pair]
    except KeyError:
        found, deeper = _extend(vocab, words, i, tables, limit)
        if not deeper:
            first.pairs[pair] = found
        return found


def _extend(
    vocab: _Vocab, words: Sequence[_Word], i: int, tables: _Tables, limit: int
) -> tuple[tuple[LexiconEntry, int, int, int] | None, bool]:
    """:func:`_lookup` over runs of at most ``limit`` words.

    Also says whether the answer may depend on words past the second.
    """
    first = words[i]
    want = tables.bits
    prefixes, continues = vocab.prefixes, vocab.continues
    deeper = False
    # For each proclitic reading of the first word, the keys of the runs of
    # words from it that still begin some form, by length.
    chains: list[tuple[int, list[str]]] = []
    most = 0
    for key, dropped, bits in first.starts:
        if not bits & want:
            continue
        keys = [key]
        while len(keys) < limit and continues.get(key, 0) & want:
            nxt = words[i + len(keys)]
            if not nxt.word:
                break
            key = key + " " + nxt.key
            if not prefixes.get(key, 0) & want:
                break
            keys.append(key)
        if len(keys) >= 2 and continues.get(keys[1], 0) & want:
            deeper = True  # a third word was, or could have been, read
        chains.append((dropped, keys))
        most = max(most, len(keys))
    tables_of = vocab.ordered(tables)
    roles = vocab.tables[_ROLE]
    for size in range(most, 0, -1):
        for dropped, keys in chains:
            if len(keys) < size:
                continue
            key = keys[size - 1]
            for position, table in tables_of:
                entry = table.get(key)
                lower = table is roles and (size > 1 or key in vocab.lower_titles)
                if entry is not None and _case_ok(words, i, size, table.capitals[key], lower):
                    return (entry, size, position, dropped), deeper
    return None, deeper


def _case_ok(
    words: Sequence[_Word], i: int, size: int, capitals: tuple[str, ...], lower: bool = False
) -> bool:
    """Latin forms must look like names: capitalized, and acronyms in capitals.

    A title may be lower-case (``lower``): "Iraq's interior minister, X", "premier X".
    """
    if words[i].arabic:
        return True
    if not any(w.upper for w in words[i : i + size]):
        return lower
    return size > 1 or all(form == words[i].text for form in capitals)


# ---------------------------------------------------------------------------
# Reading the article.
# ---------------------------------------------------------------------------


def find_entities(text: str, lexicon: Lexicon) -> Entities:
    """People, roles, organizations and places in ``text`` (any language)."""
    return _find(text, lexicon)


@functools.lru_cache(maxsize=64)
def _find(text: str, lexicon: Lexicon) -> Entities:
    from newsassert.normalize import normalize

    return _read(normalize(text), lexicon)


def _read(norm: Normalized, lexicon: Lexicon) -> Entities:
    folded = fold(norm.text)
    vocab = _vocab(lexicon)
    words, bounds = _tokens(vocab, folded.text)
    # The tokens some form of the lexicon starts with: where lookups may match.
    marked = list(itertools.compress(range(len(words)), map(_MASK, words)))
    reader = _Reader(words, bounds, marked, vocab, norm, folded)
    reader.read_roles(known=())
    known = reader.surnames()
    if not reader.tested.isdisjoint(known):
        # A surname met after its title was read as a name word or stopped a
        # title's modifiers: read the roles again, knowing it.
        reader = _Reader(words, bounds, marked, vocab, norm, folded)
        reader.read_roles(known=known)
    read_people(reader)
    reader.read_surnames()
    reader.read_lexicon()
    return Entities(tuple(sorted(reader.found, key=_FOUND_ORDER)))


# Found claims sort by start, end and kind (compared in C, no key function).
_FOUND_ORDER = operator.itemgetter(1, 2, 0)
# Fields of a _Word read in C, by map() over an article's words.
_MASK = operator.attrgetter("mask")
_FORMS = operator.attrgetter("forms")


class _Chunk(NamedTuple):
    """The tokens of a piece of text between two spaces, read after a space."""

    words: tuple[_Word, ...]
    # The lengths of the gap before each token and of the token, in turn
    # (the first gap counts the space before the piece).
    lengths: tuple[int, ...]
    trail: int  # the length of the gap after the last token (all of it if none)


_CHUNK_WORDS = operator.itemgetter(0)
_CHUNK_LENGTHS = operator.itemgetter(1)
_CHUNK_TRAILS = operator.itemgetter(2)


def _tokens(vocab: _Vocab, text: str) -> tuple[list[_Word], list[int]]:
    """The tokens of ``text`` and their bounds: token k spans ``bounds[2k]:bounds[2k + 1]``.

    The same as reading ``_TOKEN`` over the whole text, but a text is mostly
    the same few thousand pieces between spaces (a word, a word and a comma),
    so each distinct piece is read once per vocabulary and the article is put
    together from them in C. A token never holds a space and the pattern
    looks at no character before a token and at none after a space, so a
    piece reads the same alone as inside the text.
    """
    pieces = text.split(" ")
    chunks: list[_Chunk | None] = list(map(vocab.chunks.get, pieces))
    if None in chunks:
        chunks = [c or _chunk(vocab, piece) for c, piece in zip(chunks, pieces, strict=True)]
    known = cast(list[_Chunk], chunks)  # every piece read now
    words = list(itertools.chain.from_iterable(map(_CHUNK_WORDS, known)))
    lengths = list(itertools.chain.from_iterable(map(_CHUNK_LENGTHS, known)))
    if not lengths:
        return words, lengths
    lengths[0] -= 1  # no space before the first piece
    # A gap a piece ends with (a space before a newline, a run of spaces)
    # belongs to the gap before the next token: the first length of the next
    # piece with a token, at the end of this piece's lengths.
    trails = list(map(_CHUNK_TRAILS, known))
    if any(trails):
        ends = list(itertools.accumulate(map(len, map(_CHUNK_LENGTHS, known))))
        for k in itertools.compress(range(len(trails)), trails):
            if ends[k] < len(lengths):
                lengths[ends[k]] += trails[k]
    return words, list(itertools.accumulate(lengths))


def _chunk(vocab: _Vocab, piece: str) -> _Chunk:
    """Read one piece between spaces (as it stands after a space) and keep it."""
    flat = list(itertools.chain.from_iterable(_TOKEN.findall(" " + piece)))
    trail = 0
    while flat and not flat[-1]:
        trail += len(flat[-2])  # the end of the piece, after its last gap
        del flat[-2:]
    found = _Chunk(tuple(map(vocab.words.__getitem__, flat[1::2])), tuple(map(len, flat)), trail)
    if len(vocab.chunks) >= _MAX_CHUNKS:
        vocab.chunks.clear()
    vocab.chunks[piece] = found
    return found


@attrs.define
class _Person:
    name: str
    key: str
    entity: str | None
    tokens: tuple[str, ...]  # form keys of the name's words


class _Reader:
    """One pass over the tokens of an article."""

    def __init__(
        self,
        words: list[_Word],
        bounds: list[int],
        marked: list[int],
        vocab: _Vocab,
        norm: Normalized,
        folded: Folded,
    ) -> None:
        self.words = words
        self.bounds = bounds
        self.marked = marked  # the tokens some form of the lexicon starts with
        self.vocab = vocab
        self.norm = norm
        # Folding drops marks only: when it dropped none, its offsets are the
        # normalized text's and need no mapping.
        self.to_input = folded.to_input if len(folded.text) != len(norm.text) else None
        # A text normalizing changed nothing maps to itself. (No character is
        # removed or expanded then: what replaces one is never that character.)
        self.same = norm.text == norm.original
        self.found: list[_Found] = []
        self.taken = [False] * len(words)
        self.people: list[_Person] = []
        # The keys of the words read_roles asked whether they are a known
        # person's: only those can make a second reading differ.
        self.tested: set[str] = set()

    # -- helpers ---------------------------------------------------------

    def _lookup(
        self, i: int, tables: _Tables, longest: int
    ) -> tuple[LexiconEntry, int, int, int] | None:
        return _lookup(self.vocab, self.words, i, tables, longest)

    def _normalized(self, start: int, end: int) -> tuple[int, int]:
        """A span of the folded text as a span of the normalized text."""
        to_input = self.to_input
        if to_input is None:
            return start, end
        first = to_input(start)
        return first, to_input(end) if end > start else first

    def _text(self, i: int, j: int) -> str:
        """Tokens ``i:j`` as written, normalized: the matching form without diacritics."""
        a, b = self._normalized(self.bounds[2 * i], self.bounds[2 * j - 1])
        return str(_MARKS.sub("", self.norm.text[a:b]))

    def _span(self, i: int, j: int, skip: int = 0) -> tuple[int, int]:
        """The original span of tokens ``i:j``, their first ``skip`` letters left out."""
        a, b = self._normalized(self.bounds[2 * i] + skip, self.bounds[2 * j - 1])
        return (a, b) if self.same else self.norm.to_original(a, b)

    def _text_and_span(self, i: int, j: int, skip: int) -> tuple[str, tuple[int, int]]:
        """:meth:`_text` and :meth:`_span` of tokens ``i:j``, mapping their end once."""
        start, end = self.bounds[2 * i], self.bounds[2 * j - 1]
        to_input = self.to_input
        if to_input is None:
            a, b, first = start, end, start + skip
        else:
            a, b = to_input(start), to_input(end)
            first = to_input(start + skip) if skip else a
        text = str(_MARKS.sub("", self.norm.text[a:b]))
        if end <= start + skip:
            b = first
        return text, (first, b) if self.same else self.norm.to_original(first, b)

    def _emit(
        self,
        i: int,
        j: int,
        span: tuple[int, int],
        type: str,
        name: str,
        key: str,
        entity: str | None,
    ) -> None:
        """A mention of tokens ``i:j`` at ``span`` of the original text."""
        fields = {"type": type or "person", "name": name or "", "key": key or "", "entity": entity}
        self.found.append(_Found("mention", span[0], span[1], fields))
        for k in range(i, j):
            self.taken[k] = True

    def _is_stop(self, i: int) -> bool:
        word = self.words[i]
        if not word.stop:
            return False
        # علي is the name Ali, though its key is the preposition على's.
        return not (word.given and self._text(i, i + 1) in self.vocab.given_names)

    # -- roles and the people after them -----------------------------------

    def read_roles(self, known: Sequence[str]) -> None:
        words, vocab = self.words, self.vocab
        bits = _ROLES.bits
        i = 0
        for at in self.marked:
            if at < i or not words[at].mask & bits:
                continue
            if at > 0 and words[at - 1].key in _GOVERNING:
                continue  # عبد الملك, أبو الأمير: a name, not a title
            hit = _lookup(vocab, words, at, _ROLES, vocab.longest)
            if hit is None:
                continue
            entry, size, _, skip = hit
            j = self._read_role(at, entry, size, skip, known)
            i = max(j, at + 1)

    def _read_role(
        self, i: int, entry: LexiconEntry, size: int, skip: int, known: Sequence[str]
    ) -> int:
        words, vocab = self.words, self.vocab
        titles = [(entry.canonical, i, skip)]
        country = self._country_before(i)
        j = i + size
        complement = False  # inside a genitive after the title (للأمم المتحدة في لبنان)
        last_word = words[i + size - 1]
        definite = not last_word.arabic or (
            last_word.key[skip if size == 1 else 0 :].startswith("ال")
        )
        while j < len(words):
            if j - i > _MAX_TITLE_WORDS:
                # A title and its complements never run this long ("رئيس الوزراء"
                # repeated was read to its end from every title: quadratic); the
                # titles nearer the name read it.
                return i + size
            tok = words[j]
            key = tok.key
            if complement and tok.arabic and key.startswith(("ال", "وال")):
                j += 1  # للأمم المتحدة لعمليات السلام
                continue
            if complement and tok.arabic and key[:1] == "و":
                hit = self._lookup(j, _NAMED, vocab.longest)
                if hit is not None and hit[3] == 1:
                    j += hit[1]  # للشرق الأوسط وآسيا
                    continue
            if tok.text in ",،" and j + 1 < len(words) and words[j + 1].word:
                j += 1
                continue
            if tok.text == "(" and j + 2 < len(words) and words[j + 2].text == ")":
                hit = self._lookup(j + 1, _COUNTRY, 1)
                if hit is not None:
                    country = country or _country(hit[0])
                    j += 3
                    continue
            if not tok.word:
                break
            if key in vocab.title_adjectives:
                j += 1
                continue
            if tok.arabic:
                self.tested.add(key)
                if key in known and self._name_follows(j + 1):
                    j += 1  # مستشار السوداني: the adviser of a person named before
                    continue
            if key in ("للشوون", "لشوون") and j + 1 < len(words) and words[j + 1].word:
                j += 2  # للشؤون الخارجية
                continue
            if key in ("باسم", "لدى", "in", "to", "of", "في") or (
                tok.arabic and key[:1] in "لب" and len(key) > 3
            ):
                # باسم الخارجية, لدى العراق, للبنتاغون, of Iraq, في العراق
                start = j if key[:1] in "لب" and key not in ("باسم", "لدى") else j + 1
                hit = self._lookup(start, _NAMED, vocab.longest) if start < len(words) else None
                if hit is not None:
                    found, n, table, _ = hit
                    if key in ("of",) or (table == 0 and found.country):
                        country = country or _country(found)
                    j = start + n
                    complement = True
                    continue
                nxt = words[j + 1] if j + 1 < len(words) else None
                if (
                    tok.arabic
                    and key[:1] == "ل"
                    and start == j
                    and (key.startswith("لل") or (nxt is not None and nxt.key[:2] == "ال"))
                ):
                    j += 1  # لعمليات السلام: a complement the lexicon does not know
                    complement = True
                    continue
                if key not in ("in", "to", "of", "في", "باسم", "لدى"):
                    break
            hit = self._lookup(j, _DEMONYMS, vocab.longest)
            if hit is not None and tok.arabic and hit[3] == 0 and key.startswith("ال"):
                # An adjective agrees with a definite title (وزير الدفاع الأمريكي);
                # after an indefinite one it is a genitive noun: مستشار السوداني.
                if definite:
                    country = country or _country(hit[0])
                j += hit[1]
                continue
            hit = self._lookup(j, _NAMED, vocab.longest)
            if hit is not None and tok.arabic and hit[3] == 0:
                # قائد الحشد الشعبي, رئيس إقليم كردستان: the title's own organization.
                found, n, table, _ = hit
                if (table == 0 and found.country) or table == 1:
                    country = country or _country(found)
                j += n
                complement = True
                continue
            more = self._lookup(j, _ROLES, vocab.longest)
            if more is not None and tok.arabic:
                titles.append((more[0].canonical, j, more[3]))
                j += more[1]
                continue
            break
        end = self._read_name(j)
        apposition = False
        if end == j and not words[i].arabic:
            before = self._name_before(i)
            if before is not None:
                j, end = before  # Mohammed al-Sudani, the prime minister,
                apposition = True
        if end == j or not self._plausible(j, end):
            return i + size
        person = self._text(j, end)
        key = name_key(person)
        entity = self._person_entity(person)
        for title, at, dropped in titles:
            # Each title's claim spans from that title to the name.
            if apposition:
                first, last = self._span(j, i + size)
            else:
                first, last = self._span(at, end, dropped)
            fields = {"title": title or "", "country": country, "person": person or "", "key": key}
            self.found.append(_Found("role", first, last, fields))
        self._emit(j, end, self._span(j, end), "person", person, key, entity)
        self.people.append(
            _Person(person, key, entity, tuple(w.key for w in words[j:end] if w.word))
        )
        return end

    def _name_follows(self, j: int) -> bool:
        """Whether token ``j`` can start a name (after مستشار السوداني), not the next
        phrase (الرئيس ترامب | وكالة غوث: ترامب is the president)."""
        words = self.words
        if j >= len(words) or not words[j].word:
            return False
        w = words[j]
        if not w.arabic:
            return w.upper
        return w.name_start >= 0 or w.key in name_words().known or w.key.startswith("ال")

    def _name_before(self, i: int) -> tuple[int, int] | None:
        """English apposition: the name before ", the (country's) TITLE" (tokens ``start:end``)."""
        words = self.words
        k = i - 1
        if k >= 2 and words[k].text in ("s", "S") and words[k - 1].text in "'’":
            k -= 3  # Iraq's
        elif k >= 0 and self._lookup(k, _DEMONYMS, 1):
            k -= 1  # the Iraqi prime minister
        if k >= 0 and words[k].key == "the":
            k -= 1
        if k < 1 or words[k].text != ",":
            return None
        end = k
        start = end
        while start > 0 and end - start < _MAX_NAME:
            w = words[start - 1]
            if not w.word or w.arabic or not self._latin_name_word(w) or self.taken[start - 1]:
                break
            start -= 1
        while start < end and words[start].key in self.vocab.particles:
            start += 1
        return (start, end) if end - start >= 2 else None

    def _country_before(self, i: int) -> str | None:
        """English: "Iraqi Prime Minister", "the US Secretary of Defense"."""
        words = self.words
        if i == 0 or words[i].arabic:
            return None
        if i >= 3 and words[i - 1].text in ("s", "S") and words[i - 2].text in "'’":
            i -= 2  # Iraq's interior minister
        for back in (2, 1):
            k = i - back
            if k >= 0 and all(w.word for w in words[k:i]):
                hit = self._lookup(k, _COUNTRY, back)
                if hit is not None and hit[1] == back:
                    return _country(hit[0])
        return None

    def _read_name(self, j: int) -> int:
        """The end (exclusive) of the name starting at token ``j`` (``j`` if none)."""
        words = self.words
        if j >= len(words) or not words[j].word:
            return j
        arabic = words[j].arabic
        if arabic:
            if words[j].key in ("باسم", "لدى"):
                return j  # a title's complement that the text ends before (المتحدث باسم)
            written = self._text(j, j + 1)[:2]
            if written in ("لإ", "لأ", "بإ", "بأ") and words[j].key not in name_words().known:
                return j  # الرئيس التركي لإعادة تحويل: a preposition and a verbal noun
            end = name_end(self, j, titled=True) if self._arabic_name_word(j, False) else j
            if end - j > 1 and words[end - 1].text.endswith("."):
                end -= 1
            if end - j == 1 and not single_name(words[j].key):
                return j  # الملك بتجميد, السفير توقف, الزعيم له: no name
            return end
        end = j
        while end < len(words) and end - j < _MAX_NAME:
            tok = words[end]
            if not tok.word or tok.arabic != arabic:
                break
            ok = self._arabic_name_word(end, end > j) if arabic else self._latin_name_word(tok)
            if not ok:
                break
            end += 1
        # A name does not end in a particle or an initial.
        while end > j and (
            words[end - 1].key in self.vocab.particles or words[end - 1].text.endswith(".")
        ):
            end -= 1
        return end

    def _plausible(self, j: int, end: int) -> bool:
        """Whether tokens ``j:end`` can be a name: not a run of definite nouns.

        ``قائد القوات الدولية العاملة`` is a commander of forces, not a person
        named القوات; a name opens with at most one word with the article
        (الينا رومانسكي), and a lone word with it (السيسي) must end the clause.
        """
        words = self.words
        if not words[j].arabic or not words[j].key.startswith("ال"):
            return True
        if end - j >= 2:
            return not words[j + 1].key.startswith("ال")
        return end >= len(words) or not words[end].word or self._is_stop(end)

    def lexicon_kind(self, i: int) -> str | None:
        """What token ``i`` is in the lexicon: ``"role"`` (it starts a one-word title),
        ``"title"`` (a longer one), ``"named"`` (a place or organization),
        ``"demonym"`` (one without the article), or None."""
        role = self._lookup(i, _ROLES, self.vocab.longest)
        if role is not None:
            return "role" if role[1] == 1 else "title"
        hit = self._lookup(i, _LEXICON, 1)
        if hit is None or self._clitic_name(i, hit):
            return None
        if hit[2] == 2:
            return None if self.words[i].key.startswith("ال") else "demonym"
        return "named"

    def _arabic_name_word(self, i: int, inside: bool) -> bool:
        tok = self.words[i]
        key = tok.key
        if inside and key[:1] == "ل" and key.endswith("ه") and len(key) > 3:
            return False  # غوتيريش لقيادة: a preposition and a noun, after the name
        if inside and key[:1] == "و" and key not in self.vocab.particles:
            return False  # دونالد ترامب وكالة: a conjunction starts the next phrase
        if (_IMPERFECT.match(key) and key not in name_words().known) or (
            inside and _PREP_MASDAR.match(key)
        ):
            return False
        if tok.text.endswith("."):
            return inside and len(tok.text) == 2  # ج. (Lloyd J. Austin)
        if self._is_stop(i):
            return False
        if key.startswith(("لل", "بال", "وال", "فال", "كال")) and not inside:
            return False
        vocab = self.vocab
        if self._lookup(i, _ROLES, vocab.longest):
            return False
        hit = self._lookup(i, _LEXICON, 1)
        # A nisba surname is spelt like a demonym (السوداني): inside a name it is the name.
        return hit is None or (inside and hit[2] == 2 and hit[3] == 0) or self._clitic_name(i, hit)

    def _clitic_name(self, i: int, hit: tuple[LexiconEntry, int, int, int]) -> bool:
        """Whether a lookup that read a proclitic off a word (كريم: ك + ريم) missed a name."""
        return hit[3] > 0 and self.words[i].key in name_words().known

    def _latin_name_word(self, tok: _Word) -> bool:
        text = tok.text  # a possessive 's is a token of its own
        if text in self.vocab.not_names:
            return False
        head = text.split("-")[0].casefold()
        if head in self.vocab.particles or text.casefold() in self.vocab.particles:
            return True
        return tok.upper

    def _person_entity(self, name: str) -> str | None:
        for entry in self.vocab.persons:
            if any(names_match(name, form) for form in (entry.canonical, *entry.forms)):
                return entry.canonical
        return None

    def add_person(self, i: int, end: int, skip: int) -> None:
        """A person named without a title: tokens ``i:end``, ``skip`` proclitic letters left out."""
        person, span = self._text_and_span(i, end, skip)
        person = person[skip:]
        key = name_key(person)
        entity = self._person_entity(person)
        self._emit(i, end, span, "person", person, key, entity)
        tokens = [w.key for w in self.words[i:end] if w.word]
        if tokens and skip:
            tokens[0] = tokens[0][skip:]
        self.people.append(_Person(person, key, entity, tuple(tokens)))

    # -- later mentions of a surname ----------------------------------------

    def surnames(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.tokens[-1] for p in self.people if p.tokens))

    def read_surnames(self) -> None:
        by_surname: dict[str, _Person] = {}
        for someone in self.people:
            if someone.tokens:
                by_surname.setdefault(someone.tokens[-1], someone)
        if not by_surname:
            return
        words, taken = self.words, self.taken
        # The words that read as a surname, then where they stand (both
        # tested in C: a word is linked when its forms meet the surnames).
        distinct = list(set(words))
        disjoint = map(frozenset.isdisjoint, map(_FORMS, distinct), itertools.repeat(by_surname))
        linked_words = set(itertools.compress(distinct, map(operator.not_, disjoint)))
        for i in itertools.compress(range(len(words)), map(linked_words.__contains__, words)):
            tok = words[i]
            if taken[i]:
                continue
            for form, dropped in tok.variants:
                linked = by_surname.get(form)
                if linked is None:
                    continue
                person = linked
                if tok.arabic and dropped == 0 and self._adjective(i):
                    break  # الجيش السوداني: an adjective, not the person
                if not tok.arabic and not tok.upper:
                    break
                # Extend back over the rest of the name when it is written out.
                start = i
                for part in reversed(person.tokens[:-1]):
                    if start > 0 and words[start - 1].word and words[start - 1].key == part:
                        start -= 1
                    else:
                        break
                if any(taken[start:i]):
                    start = i
                name, span = self._text_and_span(start, i + 1, dropped if start == i else 0)
                if dropped:
                    name = name[dropped:]
                self._emit(start, i + 1, span, "person", name, person.key, person.entity)
                break

    def _adjective(self, i: int) -> bool:
        if i == 0 or not self.words[i - 1].word:
            return False
        prev = self.words[i - 1]
        return prev.arabic and prev.key.startswith("ال") and not self._is_stop(i - 1)

    # -- organizations, places and demonyms ------------------------------------

    def read_lexicon(self) -> None:
        words, vocab, taken, found = self.words, self.vocab, self.taken, self.found
        bits, longest = _LEXICON.bits, vocab.longest
        # A demonym names its country but is no place: a mention of its own type.
        kinds = ("org", "place", "demonym")
        i = 0
        # Most articles mention a place or an organization every few words:
        # this loop calls as little as it can per mention.
        for at in self.marked:
            word = words[at]
            if at < i or taken[at] or not word.mask & bits:
                continue
            hit = _lookup(vocab, words, at, _LEXICON, longest)
            if hit is None:
                continue
            entry, size, table, dropped = hit
            if dropped and word.arabic and self._clitic_name(at, hit):
                continue
            end = at + size
            if size > 1 and any(taken[at + 1 : end]):
                continue
            name, (first, last) = self._text_and_span(at, end, dropped)
            name = name[dropped:]
            if name.startswith("ل") and word.text.startswith("لل"):
                name = "ا" + name  # للعراق names العراق
            entity = entry.country if table == 2 else entry.canonical
            key = name_key(entity) if entity else name_key(name)
            fields = {"type": kinds[table], "name": name, "key": key, "entity": entity}
            found.append(_Found("mention", first, last, fields))
            for k in range(at, end):
                taken[k] = True
            i = end


def _country(entry: LexiconEntry) -> str | None:
    """The country an entry stands for: a demonym's or city's country, or a country."""
    if entry.kind == "place" and entry.country is None:
        return entry.canonical
    return entry.country


# ---------------------------------------------------------------------------
# The hook.
# ---------------------------------------------------------------------------

# The last article read, its lexicon and its entities: the hook is called
# once per segment, and the article is read once for all of them.
_last: list[tuple[Article, Lexicon, Entities]] = []


def _of_article(article: Article) -> Entities:
    lexicon = lexicon_of(article)
    if _last:
        last, last_lexicon, entities = _last[0]
        if last is article and last_lexicon is lexicon:
            return entities
    entities = _read(article.normalized, lexicon)
    _last[:] = [(article, lexicon, entities)]
    return entities


@hookimpl
def newsassert_extract_claims(article: Article, segment: Segment) -> list[Claim]:
    entities = _of_article(article)
    claims: list[Claim] = []
    for found in entities.between(segment.start, segment.end):
        cls = RoleClaim if found.kind == "role" else MentionClaim
        claims.append(make_claim(article, segment, cls, found.start, found.end, **found.fields))
    return claims
