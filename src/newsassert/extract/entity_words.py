"""The words an article's tokens are, and the lexicon tables they are looked up in.

Shared by the entity reader (:mod:`newsassert.extract.entities`) and the
people reader (:mod:`newsassert.extract.people`), which reads the reader's
tokens through :class:`NameReader`, so neither module imports the other.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

import attrs

from newsassert.lexicon import LexiconEntry

__all__ = ["NameReader", "NameVocab"]


class _Tables(NamedTuple):
    """Tables of the vocabulary to look a form up in, in order, and their bits."""

    numbers: tuple[int, ...]
    bits: int


def _tables(*numbers: int) -> _Tables:
    return _Tables(numbers, sum(1 << n for n in numbers))


# The lexicon's tables, by number; a word's mask has bit 1 << n when a form
# of table n starts with it.
_ROLE, _ORG, _PLACE, _DEMONYM = 0, 1, 2, 3
_ROLES = _tables(_ROLE)
_DEMONYMS = _tables(_DEMONYM)
_NAMED = _tables(_ORG, _PLACE)  # what a title's complement names
_LEXICON = _tables(_ORG, _PLACE, _DEMONYM)  # what read_lexicon reports
_COUNTRY = _tables(_DEMONYM, _PLACE)  # a country before an English title


@attrs.frozen(eq=False)
class _Word:
    """A distinct token text, with everything that does not depend on where it stands."""

    text: str  # as in the folded text
    word: bool  # a word (not a number or a punctuation mark)
    arabic: bool
    # Lookup keys of the word and of its forms without proclitics, with how
    # many letters each drops.
    variants: tuple[tuple[str, int], ...]
    key: str  # the key of the word as written (the text for non-words)
    forms: frozenset[str]  # the keys of the variants
    # The variants some form of the lexicon starts with (a hyphenated word's
    # key is several words), each with the bits of the tables that have such
    # a form; ``mask`` joins their bits.
    starts: tuple[tuple[str, int, int], ...]
    mask: int
    # The tables in which some form starts with the word and goes on: where
    # none does, a lookup's answer is the word's own, kept in ``alone``.
    extends: int
    stop: bool  # a function word, time word or verb, perhaps after و or ف
    given: bool  # spelt like a given name whose key is a stop word's (علي)
    upper: bool  # starts with a capital
    # Arabic: how many proclitic letters to skip when the word can start a
    # name without a title (a given name, عبد, أبو), else -1; and whether it
    # is strong evidence (a common given name).
    name_start: int
    strong_start: bool
    alone: dict[tuple[int, ...], tuple[LexiconEntry, int, int, int] | None] = attrs.field(
        factory=dict
    )
    # Lookups that read this word and the next one only, by the next word.
    pairs: dict[tuple[tuple[int, ...], _Word], tuple[LexiconEntry, int, int, int] | None] = (
        attrs.field(factory=dict)
    )


class NameVocab(Protocol):
    """What the people reader asks of the entity reader's vocabulary."""

    # Read-only: the vocabulary is a frozen attrs class.
    @property
    def longest(self) -> int: ...

    @property
    def not_names(self) -> frozenset[str]: ...

    @property
    def particles(self) -> frozenset[str]: ...


class NameReader(Protocol):
    """What the people reader asks of the entity reader's pass over an article."""

    words: list[_Word]
    taken: list[bool]
    lower_cased: bool

    @property
    def vocab(self) -> NameVocab: ...

    def _lookup(
        self, i: int, tables: _Tables, longest: int
    ) -> tuple[LexiconEntry, int, int, int] | None: ...

    def _is_stop(self, i: int) -> bool: ...

    def _arabic_name_word(self, i: int, inside: bool) -> bool: ...

    def _latin_name_word(self, tok: _Word) -> bool: ...

    def add_person(self, i: int, end: int, skip: int) -> None: ...

    def add_name(self, i: int, end: int, type: str) -> None: ...

    def read_known_people(self) -> None: ...

    def lexicon_kind(self, i: int) -> str | None: ...
