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
later surnames and once for the lexicon; the hook makes each segment's part
its claims. The tokens are the article context's
(:class:`~newsassert.extract.context.Tokens`), read once for every extractor.

Where it lives: the vocabulary and the tokens in
:mod:`newsassert.extract.entity_vocab`, the pass over the tokens in
:mod:`newsassert.extract.entity_reader` (and the people it finds without a title
in :mod:`newsassert.extract.people`); this module puts them together.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Iterable

import attrs

from newsassert.extract import make_claim
from newsassert.extract.context import ArticleContext, Tokens
from newsassert.extract.entity_reader import _Found, _Reader
from newsassert.extract.entity_vocab import _vocab
from newsassert.extract.people import read_lower_names, read_people
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon
from newsassert.model import Claim, MentionClaim, RoleClaim
from newsassert.text.folded import Folded, fold
from newsassert.text.normalize import Normalized, normalize

__all__ = ["Entities", "find_entities", "newsassert_extract_article"]


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


def find_entities(text: str, lexicon: Lexicon) -> Entities:
    """People, roles, organizations and places in ``text`` (any language)."""
    norm = normalize(text)
    folded = fold(norm.text)
    return _read(norm, folded, Tokens.of(folded.text, lexicon), lexicon)


def _read(norm: Normalized, folded: Folded, tokens: Tokens, lexicon: Lexicon) -> Entities:
    vocab = _vocab(lexicon)
    words, bounds, marked = tokens.words, tokens.bounds, tokens.lexicon_hits
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
    read_lower_names(reader)
    return Entities(tuple(sorted(reader.found, key=_FOUND_ORDER)))


# Found claims sort by start, end and kind (compared in C, no key function).
_FOUND_ORDER = operator.itemgetter(1, 2, 0)


@hookimpl
def newsassert_extract_article(context: ArticleContext) -> list[Claim]:
    entities = _read(context.normalized, context.folded, context.tokens, context.lexicon)
    claims: list[Claim] = []
    for segment in context.article.segments:
        for found in entities.between(segment.start, segment.end):
            cls = RoleClaim if found.kind == "role" else MentionClaim
            claims.append(make_claim(context, segment, cls, found.start, found.end, **found.fields))
    return claims
