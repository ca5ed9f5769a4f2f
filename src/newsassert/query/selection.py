"""Selection: the ordered, immutable claims a query selected, and the checks on them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, overload

import attrs

from newsassert.model import Claim

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict
    from newsassert.corpus import Corpus
    from newsassert.query import Query

__all__ = ["Selection"]


@attrs.frozen
class Selection(Sequence[Claim]):
    """Claims selected by a query, in corpus order; checks return verdicts."""

    claims: tuple[Claim, ...] = attrs.field(converter=tuple)
    query: Query | None = attrs.field(default=None, eq=False)
    corpus: Corpus | None = attrs.field(default=None, eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    @overload
    def __getitem__(self, index: int) -> Claim: ...
    @overload
    def __getitem__(self, index: slice) -> Selection: ...
    def __getitem__(self, index: int | slice) -> Claim | Selection:
        if isinstance(index, slice):
            return attrs.evolve(self, claims=self.claims[index])
        return self.claims[index]

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles the claims come from, in order, each once."""
        return tuple(dict.fromkeys(c.article for c in self.claims))

    @property
    def text(self) -> str:
        """The query's text, or an empty string for a hand-made selection."""
        return self.query.text if self.query is not None else ""

    # The checks live in newsassert.check; these are their front doors.

    def agree(self, tolerance: float = 0.0, min_sources: int = 1) -> Verdict:
        """Whether every article states one value (see :func:`newsassert.check.agree`)."""
        from newsassert.check import agree

        return agree(self, tolerance=tolerance, min_sources=min_sources)

    def supported_by(self, other: Selection) -> Verdict:
        """Whether each claim has a match in ``other`` (:func:`newsassert.check.supported_by`)."""
        from newsassert.check import supported_by

        return supported_by(self, other)

    def count(self, **bounds: Any) -> Verdict:
        """Whether the number of claims meets bounds (:func:`newsassert.check.count`)."""
        from newsassert.check import count

        return count(self, **bounds)

    def none(self) -> Verdict:
        """Whether the selection is empty."""
        from newsassert.check import none

        return none(self)

    def distinct(self, **bounds: Any) -> Verdict:
        """Whether the number of distinct values meets bounds."""
        from newsassert.check import distinct

        return distinct(self, **bounds)
