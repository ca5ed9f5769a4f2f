"""A corpus: the articles loaded together, and the claims they make.

With :class:`newsassert.Selection` it is the front door: ``corpus.query(…)``
selects claims, and the selection's methods check them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import regex

from newsassert.errors import LoadError
from newsassert.model import Article, Claim, Lexicon
from newsassert.selection import Selection, select

__all__ = ["Corpus", "article_record", "dump_jsonl"]


def _articles(items: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(items)


@attrs.frozen
class Corpus:
    """An ordered, immutable collection of articles (file-name order)."""

    articles: tuple[Article, ...] = attrs.field(converter=_articles)
    lexicon: Lexicon | None = attrs.field(default=None, eq=False, repr=False)
    #: The bad files and records ``load(..., skip_bad=True)`` left out, in reading order.
    skipped: tuple[LoadError, ...] = attrs.field(default=(), eq=False, repr=False)

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
        return select(self.claims, text, self.lexicon, corpus=self)

    def to_jsonl(self) -> str:
        """The corpus as JSON Lines, one article record a line.

        :func:`newsassert.load` reads it back into an equal corpus.
        """
        return "".join(_json_line(article_record(a)) for a in self.articles)


def article_record(article: Article) -> dict[str, Any]:
    """An article as a JSON-ready record (the fields the JSON loaders read)."""
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "lang": article.lang,
        "path": article.path,
        "other_dates": [d.isoformat() for d in article.other_dates],
        "meta": dict(article.meta),
        "text": article.text,
    }


# A lone surrogate cannot be written as UTF-8: write it as a JSON escape
# (which the loader then reports as not text, rather than crashing here).
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _json_line(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    return str(_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", line)) + "\n"


def dump_jsonl(corpus: Corpus, path: str | Path) -> None:
    """Write ``corpus`` to ``path`` as JSON Lines (UTF-8)."""
    Path(path).write_text(corpus.to_jsonl(), encoding="utf-8", newline="\n")
