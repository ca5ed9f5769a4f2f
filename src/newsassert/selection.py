"""Selection: the ordered, immutable claims a query selected, and the checks on them.

With :class:`newsassert.Corpus` it is the front door: a selection is made by
a query (:mod:`newsassert.query`) and its methods are the checks
(:mod:`newsassert.check`), both stages below it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from newsassert.check import agree, count, distinct, none, supported_by
from newsassert.check.groups import article_values
from newsassert.check.mostly import apply_mostly
from newsassert.check.notebook import ROWS_SHOWN, cell, quote, table
from newsassert.check.verdict import Verdict
from newsassert.errors import QueryError
from newsassert.model import CLAIM_CLASSES, CLAIM_SOURCES, COMMON_FIELDS, Article, Claim, Lexicon
from newsassert.query import Query, compile_query

__all__ = ["Selection", "select", "selection_html", "stated_value"]

_ALL_FIELDS = tuple(
    dict.fromkeys((*COMMON_FIELDS, *(f for c in CLAIM_CLASSES.values() for f in c.KIND_FIELDS)))
)


def _as_claims(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(claims)


@attrs.frozen(repr=False)
class Selection(Sequence[Claim]):
    """Claims selected by a query, in corpus order; checks return verdicts.

    ``corpus`` is the corpus (or any articles) the claims were selected from.
    """

    claims: tuple[Claim, ...] = attrs.field(converter=_as_claims)
    query: Query | None = attrs.field(default=None, eq=False)
    corpus: Iterable[Article] | None = attrs.field(default=None, eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.claims)

    def __repr__(self) -> str:
        # One line: pytest shows it in an assertion's "where" lines.
        kinds = {c.kind for c in self.claims}
        kind = f"{kinds.pop()} " if len(kinds) == 1 else ""
        n, articles = len(self.claims), len(self.articles)
        what = f"{n} {kind}claim{'' if n == 1 else 's'}"
        if n:
            what += f" from {articles} article{'' if articles == 1 else 's'}"
        query = f": {_shorten(self.text, 80)}" if self.text else ""
        return f"<Selection {what}{query}>"

    def _repr_html_(self) -> str:
        """The claims as an HTML table, for notebooks."""
        return selection_html(self)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> Selection: ...
    def __getitem__(self, index: int | slice) -> Claim | Selection:
        if isinstance(index, slice):
            return Selection(self.claims[index], query=self.query, corpus=self.corpus)
        return self.claims[index]

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles the claims come from, in order, each once."""
        return tuple(dict.fromkeys(c.article for c in self.claims))

    def values(self, field: str | None = None) -> tuple[Any, ...]:
        """The value of each claim, in order: of ``field``, or the one each kind states.

        The stated value is a quantity's ``value``, a date's ``resolved`` day
        (or as much of ``YYYY-MM-DD`` as the text gives), a mention's
        ``entity`` (or its ``name``), a role's ``person``. ``field`` names any
        claim field; a claim without it gives None.
        """
        if field is None:
            return tuple(stated_value(c) for c in self.claims)
        if field not in _ALL_FIELDS:
            raise QueryError(
                f"unknown field {field!r}; fields are: {', '.join(_ALL_FIELDS)}", field, 0
            )
        return tuple(getattr(c, field, None) for c in self.claims)

    @property
    def text(self) -> str:
        """The query's text, or an empty string for a hand-made selection."""
        return self.query.text if self.query is not None else ""

    def group_by(self, field: str) -> dict[str, Selection]:
        """The claims grouped by the value of ``field``, in order of value.

        ``field`` is a claim field (``unit``, ``article``, ``outlet``...) or
        ``meta.<name>`` of the claims' articles (which needs the selection's
        corpus). A claim whose value is null is in no group::

            for story, claims in corpus.query("quantity").group_by("meta.story").items():
                assert claims.agree(), story
        """
        if field.startswith("meta."):
            if self.corpus is None:
                raise QueryError(
                    f"grouping by {field!r} needs the articles: select from a corpus", field, 0
                )
            by_article = {a.id: article_values(a, field) for a in self.corpus}

            def keys(claim: Claim) -> tuple[str, ...]:
                return by_article.get(claim.article, ())
        else:
            self.values(field)  # an unknown field raises here, naming the fields

            def keys(claim: Claim) -> tuple[str, ...]:
                value = getattr(claim, field, None)
                return () if value is None else (str(value),)

        groups: dict[str, list[Claim]] = {}
        for claim in self.claims:
            for key in dict.fromkeys(keys(claim)):
                groups.setdefault(key, []).append(claim)
        return {
            key: Selection(groups[key], query=self.query, corpus=self.corpus)
            for key in sorted(groups)
        }

    # The checks live in newsassert.check; these are their front doors.

    def agree(
        self, tolerance: float = 0.0, min_sources: int = 1, *, mostly: float | None = None
    ) -> Verdict:
        """Whether every article states one value (see :func:`newsassert.check.agree`).

        With ``mostly`` (0.9), it holds when that share of the articles
        states the majority value (:mod:`newsassert.check.mostly`).
        """
        verdict = agree(self, tolerance=tolerance, min_sources=min_sources)
        return verdict if mostly is None else apply_mostly(verdict, mostly)

    def supported_by(
        self,
        other: Selection,
        *,
        mostly: float | None = None,
        precision: str = "any",
        unplaced: bool = False,
        open_bound: float | None = None,
        statements: bool = True,
    ) -> Verdict:
        """Whether each claim has a match in ``other`` (:func:`newsassert.check.supported_by`).

        With ``mostly`` (0.9), it holds when that share of the claims is
        supported; ``precision``, ``unplaced`` and ``open_bound`` are the
        check's own options; ``statements=False`` leaves statement claims out.
        """
        verdict = supported_by(
            self,
            other,
            precision=precision,
            unplaced=unplaced,
            open_bound=open_bound,
            statements=statements,
        )
        return verdict if mostly is None else apply_mostly(verdict, mostly)

    # Sequence.count(value) makes no sense for claims; the check takes its name.
    def count(self, **bounds: Any) -> Verdict:  # type: ignore[override]
        """Whether the number of claims meets bounds (:func:`newsassert.check.count`)."""
        return count(self, **bounds)

    def none(self) -> Verdict:
        """Whether the selection is empty."""
        return none(self)

    def distinct(self, **bounds: Any) -> Verdict:
        """Whether the number of distinct values meets bounds."""
        return distinct(self, **bounds)


def select(
    claims: Sequence[Claim], text: str, lexicon: Lexicon | None = None, corpus: Iterable[Article] | None = None
) -> Selection:
    """The claims among ``claims`` that the query ``text`` selects, in their order."""
    query = compile_query(text)
    return Selection(
        query.evaluate(claims, lexicon=lexicon, articles=corpus or ()), query=query, corpus=corpus
    )


# Article.query selects through this module: the values import no stage.
CLAIM_SOURCES.select = select


def _shorten(text: str, width: int) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def selection_html(selection: Selection) -> str:
    """A selection: one row per claim, with its article, kind, value and sentence."""
    values = selection.values()
    rows = [
        "<tr>"
        + cell(claim.article)
        + cell(claim.kind)
        + cell(value)
        + f'<td dir="auto">{quote(claim)}</td>'
        + "</tr>"
        for claim, value in zip(selection.claims[:ROWS_SHOWN], values, strict=False)
    ]
    return table(
        repr(selection).strip("<>"), ("article", "kind", "value", "sentence"), rows, len(selection)
    )


def stated_value(claim: Claim) -> Any:
    """What a claim states, as :meth:`Selection.values` reports it."""
    kind = claim.kind
    if kind == "quantity":
        return getattr(claim, "value", None)
    if kind == "date":
        resolved = getattr(claim, "resolved", None)
        if resolved:
            return resolved
        parts = (getattr(claim, "year", None), getattr(claim, "month", None))
        if parts[0] is None:
            return None
        return f"{parts[0]:04d}" + (f"-{parts[1]:02d}" if parts[1] is not None else "")
    if kind == "mention":
        return getattr(claim, "entity", None) or getattr(claim, "name", None)
    if kind == "role":
        return getattr(claim, "person", None)
    return claim.text
