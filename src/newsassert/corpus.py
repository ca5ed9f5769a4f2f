"""A corpus: the articles loaded together, and the claims they make."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from newsassert.lexicon import Lexicon
from newsassert.model import Article, Claim

if TYPE_CHECKING:
    from newsassert.query.selection import Selection

__all__ = ["Corpus"]


@attrs.frozen
class Corpus:
    """An ordered, immutable collection of articles (file-name order)."""

    articles: tuple[Article, ...] = attrs.field(converter=tuple)
    lexicon: Lexicon | None = attrs.field(default=None, eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __getitem__(self, id: str) -> Article:
        for article in self.articles:
            if article.id == id:
                return article
        raise KeyError(id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.articles)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim of every article, in corpus order."""
        return tuple(c for a in self.articles for c in a.claims)

    def query(self, text: str) -> Selection:
        """The claims of the corpus that a query selects."""
        from newsassert.query import compile_query
        from newsassert.query.selection import Selection

        query = compile_query(text)
        return Selection(
            query.evaluate(self.claims, lexicon=self.lexicon), query=query, corpus=self
        )
