"""The entity reader's vocabulary, compiled once per lexicon, and an article's tokens.

Everything about a word that does not depend on where it stands (its lookup
keys with and without proclitics, whether it is a stop word, which tables of
the lexicon have a form starting with it) is computed once per distinct word
and kept with the lexicon's tables; the article is tokenized from the pieces
of text between spaces, each distinct piece read once (see
:mod:`newsassert.extract.entities`).
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, cast

import attrs
import regex

from newsassert.extract.entity_words import _ROLE, _Tables, _Word
from newsassert.extract.people import name_words, start_of_name
from newsassert.lexicon import Lexicon, LexiconEntry, form_key
from newsassert.names import name_key
from newsassert.text.arabic import CONJUNCTIONS, PREPOSITIONS
from newsassert.text.data import read_data
from newsassert.text.folded import fold_word

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
_UPPER = regex.compile(r"\p{Lu}")
# Proclitics an Arabic word may carry: a conjunction, then a preposition.
_CONJUNCTIONS = CONJUNCTIONS
_PREPOSITIONS = PREPOSITIONS


# Above this many distinct words (or pieces of text between spaces) a
# lexicon's cache of them starts afresh.
_MAX_WORDS = 500_000
_MAX_CHUNKS = 200_000


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
    # The person entries by the key of the last part of each of their forms:
    # a name matches a form only when their last parts match.
    persons_by_last: dict[str, tuple[LexiconEntry, ...]]
    # Every form of a person entry by its lookup key, and the keys of their
    # first words: a known person is read by a form alone (أردوغان).
    person_forms: dict[str, LexiconEntry]
    person_starts: frozenset[str]
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
        # A conjunction and a stop word (وقال, فيصل read as ف + يصل), unless the
        # whole word is a common given name (فيصل, Faisal).
        stop = key in self.stop or (
            arabic
            and key[:1] in _CONJUNCTIONS
            and key[1:] in self.stop
            and key not in name_words().strong
        )
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
    person_forms = {
        form_key(fold_word(form)): entry
        for entry in lexicon.of_kind("person")
        for form in (entry.canonical, *entry.forms)
    }
    return _Vocab(
        lexicon=lexicon,
        tables=tables,
        prefixes=prefixes,
        continues=continues,
        persons=lexicon.of_kind("person"),
        persons_by_last=_by_last_part(lexicon.of_kind("person")),
        person_forms=person_forms,
        person_starts=frozenset(k.split(" ")[0] for k in person_forms),
        longest=longest,
        stop=_keys([*arabic["function_words"], *arabic["time_words"], *arabic["verbs"]]),
        given_names=given_names,
        folded_given_names=frozenset(fold_word(g) for g in given_names),
        particles=frozenset(english["particles"]),
        not_names=frozenset(english["not_names"]),
        title_adjectives=_keys(arabic["title_adjectives"]),
        lower_titles=_keys(english["lowercase_titles"]),
    )


def last_part_key(name: str) -> str:
    """The matching key of the last part of a person's name (``أردوغان``: ``artkn``)."""
    parts = name_key(name).split()
    return parts[-1] if parts else ""


def _by_last_part(persons: tuple[LexiconEntry, ...]) -> dict[str, tuple[LexiconEntry, ...]]:
    by_last: dict[str, list[LexiconEntry]] = {}
    for entry in persons:
        for form in dict.fromkeys(last_part_key(f) for f in (entry.canonical, *entry.forms)):
            by_last.setdefault(form, []).append(entry)
    return {k: tuple(v) for k, v in by_last.items()}


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
    vocab: _Vocab,
    words: Sequence[_Word],
    i: int,
    tables: _Tables,
    limit: int,
    any_case: bool = False,
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
                if entry is not None and _case_ok(
                    words, i, size, table.capitals[key], lower, any_case
                ):
                    return (entry, size, position, dropped), deeper
    return None, deeper


def _case_ok(
    words: Sequence[_Word],
    i: int,
    size: int,
    capitals: tuple[str, ...],
    lower: bool = False,
    any_case: bool = False,
) -> bool:
    """Latin forms must look like names: capitalized, and acronyms in capitals.

    A title may be lower-case (``lower``): "Iraq's interior minister, X", "premier X".
    In a lower-cased text (``any_case``) any form may, but an acronym (``us``).
    """
    if words[i].arabic:
        return True
    if not any(w.upper for w in words[i : i + size]):
        return lower or (any_case and (size > 1 or not capitals))
    return size > 1 or all(form == words[i].text for form in capitals)


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
