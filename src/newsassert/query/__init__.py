"""Query: a small language that selects claims.

::

    quantity where unit = soldier and place = Iraq
    person where lang = en and name like "Romanowski"
    date where resolved >= 2024-01-01

One module per stage: :mod:`~newsassert.query.lexer` (text to tokens),
:mod:`~newsassert.query.parser` (tokens to a tree of
:mod:`~newsassert.query.ast` nodes), :mod:`~newsassert.query.evaluate` (type
check, then a predicate over claims). :func:`compile_query` runs the first
three once per text (cached); :meth:`Query.evaluate` runs the predicate.
Every error is a :class:`~newsassert.errors.QueryError` with the position.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs

from newsassert.errors import QueryError
from newsassert.lexicon import Lexicon, default_lexicon
from newsassert.model import Article, Claim
from newsassert.query.ast import Node, unparse
from newsassert.query.evaluate import (
    MetaTable,
    Predicate,
    RegexClock,
    check,
    meta_values,
    plan,
    tests_of,
)
from newsassert.query.fields import META_PREFIX
from newsassert.query.parser import parse

__all__ = ["Query", "QueryError", "compile_query"]

# A query keeps the predicates it built for the last few lexicons it ran with.
_PLANS_KEPT = 4


@attrs.frozen
class Query:
    """A compiled query: its ``kind`` and ``where`` tree.

    Two queries are equal when their trees are: ``compile_query(q.unparse())
    == q`` for every query, whatever spacing, case or quoting ``q.text`` had.
    """

    kind: str
    where: Node | None
    text: str = attrs.field(default="", eq=False)
    _plans: dict[int, tuple[Lexicon, Predicate]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False
    )
    _clock: RegexClock = attrs.field(factory=RegexClock, init=False, eq=False, repr=False)
    _meta: MetaTable = attrs.field(factory=MetaTable, init=False, eq=False, repr=False)

    def unparse(self) -> str:
        """The canonical text of the query."""
        return unparse(self.kind, self.where)

    @property
    def uses_meta(self) -> bool:
        """Whether the query tests a ``meta.<name>`` field (and so needs the articles)."""
        return self.where is not None and any(
            t.field.startswith(META_PREFIX) for t in tests_of(self.where)
        )

    def evaluate(
        self,
        claims: Iterable[Claim],
        lexicon: Lexicon | None = None,
        *,
        articles: Iterable[Article] = (),
    ) -> tuple[Claim, ...]:
        """The claims the query selects, in their order.

        ``lexicon`` supplies the aliases ``=`` follows (a corpus's lexicon);
        by default, :func:`newsassert.lexicon.default_lexicon`. ``articles``
        are the claims' articles, whose metadata ``meta.<name>`` tests (a
        claim of an article not given has no metadata).
        """
        predicate = self._predicate(lexicon)
        self._clock.start()
        self._meta.values = (
            {a.id: meta_values(a.meta) for a in articles} if self.uses_meta else {}
        )
        try:
            return tuple(filter(predicate, claims))
        finally:
            self._meta.values = {}

    def matches(self, claim: Claim, lexicon: Lexicon | None = None) -> bool:
        """Whether the query selects ``claim``."""
        predicate = self._predicate(lexicon)
        self._clock.start()
        return predicate(claim)

    def _predicate(self, lexicon: Lexicon | None) -> Predicate:
        lexicon = lexicon if lexicon is not None else default_lexicon()
        kept = self._plans.get(id(lexicon))
        if kept is not None and kept[0] is lexicon:
            return kept[1]
        predicate = plan(
            self.kind, self.where, lexicon, self.text or self.unparse(), self._clock, self._meta
        )
        if len(self._plans) >= _PLANS_KEPT:
            self._plans.clear()
        self._plans[id(lexicon)] = (lexicon, predicate)
        return predicate


@functools.lru_cache(maxsize=512)
def compile_query(text: str) -> Query:
    """Compile a query's text, or raise :class:`QueryError` with the position."""
    if not isinstance(text, str):
        raise QueryError(f"a query must be text, not {type(text).__name__}", "", 0)
    kind, where = parse(text)
    check(kind, where, text)
    return Query(kind, where, text)
