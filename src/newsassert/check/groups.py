"""Groups of articles: what ``group_by`` and ``summary_of`` read of an article.

:meth:`newsassert.Corpus.group_by` and the check files' ``group_by`` key split
a corpus by an article-level value: ``meta.<name>`` (a field of the record or
front matter), ``article``, ``outlet``, ``lang`` or ``published``. A summary
names the articles it summarizes with ``summary_of``. A group's value becomes
part of a check's name (``figures agree[flood]``), and so of a pytest id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

import regex

from newsassert.model import Article, Claim
from newsassert.query.evaluate import meta_values

__all__ = [
    "ARTICLE_GROUP_FIELDS",
    "SUMMARY_OF",
    "Groupable",
    "article_values",
    "group_label",
]


class Groupable(Protocol):
    """What a grouped check reads of a corpus (:class:`newsassert.Corpus` is one)."""

    # Typed loosely: a Corpus's methods take and give Corpus, which the
    # check layer does not import.
    def query(self, text: str) -> Sequence[Claim]: ...
    def group_by(self, field: str) -> Mapping[str, Any]: ...
    def summaries(self, key: str = ...) -> Mapping[str, tuple[Any, Any]]: ...
    def __add__(self, other: Any, /) -> Any: ...


#: The article fields a corpus can be grouped by, besides ``meta.<name>``.
ARTICLE_GROUP_FIELDS = ("article", "outlet", "lang", "published")

#: The record key that names the articles a summary summarizes.
SUMMARY_OF = "summary_of"


def article_values(article: Article, field: str) -> tuple[str, ...]:
    """The values of an article-level field (none when it is unset; a list gives each item)."""
    if field.startswith("meta."):
        return meta_values(article.meta).get(field[len("meta.") :].lower(), ())
    if field == "article":
        return (article.id,)
    if field == "published":
        return (article.published.isoformat(),) if article.published else ()
    if field in ("outlet", "lang"):
        value = getattr(article, field)
        return (value,) if value else ()
    raise ValueError(
        f"cannot group articles by {field!r}: use meta.<name> or one of "
        f"{', '.join(ARTICLE_GROUP_FIELDS)}"
    )


_LABEL_UNSAFE = regex.compile(r"::|[\[\]\n\r\t]")


def group_label(value: str) -> str:
    """A group's value as it appears in a check's name (``check[flood]``).

    Test ids cannot hold ``::``, brackets or line breaks; those become ``_``.
    """
    return _LABEL_UNSAFE.sub("_", value.strip()) or "_"
