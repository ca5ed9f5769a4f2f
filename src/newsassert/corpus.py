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

from newsassert.check.groups import (
    ARTICLE_GROUP_FIELDS,
    SUMMARY_OF,
    article_values,
    group_label,
)
from newsassert.errors import LoadError
from newsassert.model import Article, Claim, Lexicon
from newsassert.selection import Selection, select

__all__ = [
    "ARTICLE_GROUP_FIELDS",
    "SUMMARY_OF",
    "Corpus",
    "article_record",
    "article_values",
    "dump_jsonl",
    "group_label",
]



def _articles(items: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(items)


@attrs.frozen(repr=False)
class Corpus:
    """An ordered, immutable collection of articles (file-name order)."""

    articles: tuple[Article, ...] = attrs.field(converter=_articles)
    lexicon: Lexicon | None = attrs.field(default=None, eq=False, repr=False)
    #: The bad files and records ``load(..., skip_bad=True)`` left out, in reading order.
    skipped: tuple[LoadError, ...] = attrs.field(default=(), eq=False, repr=False)

    def __len__(self) -> int:
        return len(self.articles)

    def __repr__(self) -> str:
        # One line, however many articles: pytest shows it in "where" lines.
        n = len(self.articles)
        ids = ", ".join(a.id for a in self.articles[:3]) + (", …" if n > 3 else "")
        return f"<Corpus {n} article{'' if n == 1 else 's'}{': ' + ids if n else ''}>"

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

    def __add__(self, other: Corpus) -> Corpus:
        """The articles of both, in order (the lexicon is this corpus's)."""
        if not isinstance(other, Corpus):
            return NotImplemented
        return Corpus((*self.articles, *other.articles), lexicon=self.lexicon)

    def group_by(self, field: str) -> dict[str, Corpus]:
        """The articles grouped by ``field`` (``meta.story``, ``outlet``, ``lang``, ...).

        One corpus per value, in order of value; an article whose value is
        unset is in no group, one with a list value (front matter ``tags``) in
        the group of each item::

            for story, articles in corpus.group_by("meta.story").items():
                assert articles.query("quantity where unit = soldier").agree(), story
        """
        groups: dict[str, list[Article]] = {}
        for article in self.articles:
            for value in dict.fromkeys(article_values(article, field)):
                groups.setdefault(value, []).append(article)
        return {
            value: Corpus(groups[value], lexicon=self.lexicon) for value in sorted(groups)
        }

    def summaries(self, key: str = SUMMARY_OF) -> dict[str, tuple[Corpus, Corpus]]:
        """Each summary with its sources: ``{summary id: (summary, sources)}``.

        A summary is an article whose record or front matter has ``key``
        (``summary_of``): the id of the article it summarizes, or a list of
        ids. Raises :class:`LoadError` for an id the corpus does not have::

            for name, (summary, sources) in corpus.summaries().items():
                assert summary.query("claim").supported_by(sources.query("claim")), name
        """
        by_id = {a.id: a for a in self.articles}
        pairs: dict[str, tuple[Corpus, Corpus]] = {}
        for article in self.articles:
            named = article_values(article, f"meta.{key}")
            if not named:
                continue
            missing = [i for i in named if i not in by_id]
            if missing:
                raise LoadError(
                    f"article {article.id!r}: {key} names {', '.join(map(repr, missing))}, "
                    "which the corpus does not have",
                    path=article.path,
                )
            sources = [by_id[i] for i in dict.fromkeys(named) if i != article.id]
            pairs[article.id] = (
                Corpus([article], lexicon=self.lexicon),
                Corpus(sources, lexicon=self.lexicon),
            )
        return pairs

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
