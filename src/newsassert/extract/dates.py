"""The date extractor: the dates of an article as claims.

The dates are read by :mod:`newsassert.readers.dates` (:func:`find_dates`,
which the metadata reader uses too, below the extraction stage); this module
reads each article once, with its publication date and its outlet's order of
numeric dates, and makes each segment's dates its claims. It hands on
:func:`find_dates`, :func:`find_in_normalized` and :class:`FoundDate` for code
that imports them from here.
"""

from __future__ import annotations

import attrs

from newsassert.extract import make_claim
from newsassert.extract.context import ArticleContext
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon
from newsassert.model import Article, Claim, DateClaim
from newsassert.readers.dates import _Prepared, find_dates, find_in_normalized
from newsassert.readers.dates_common import FoundDate

__all__ = ["FoundDate", "date_order", "find_dates", "find_in_normalized"]


def _article_dates(
    prepared: _Prepared, article: Article, lexicon: Lexicon, start: int, end: int
) -> list[FoundDate]:
    """The dates of ``article.normalized.text[start:end]``, with offsets into that text."""
    text = prepared.text
    if (
        prepared.lowered
        and (start == 0 or text[start - 1] == "\n")
        and (end == len(text) or text[end - 1] == "\n")
    ):
        return prepared.dates(start, end)
    # A span that does not lie between line breaks is read alone.
    return [
        attrs.evolve(f, start=start + f.start, end=start + f.end)
        for f in find_in_normalized(
            text[start:end],
            published=article.published,
            lexicon=lexicon,
            month_first=prepared.ctx.month_first,
        )
    ]


# The article metadata that states the order of its numeric dates: a
# ``date_order`` of ``month-first`` or ``day-first`` (also mdy / dmy), or a
# ``locale`` (en-US and en_US are month-first; any other locale day-first).
_ORDER_WORDS = {"month-first": True, "mdy": True, "day-first": False, "dmy": False}
_MONTH_FIRST_LOCALES = frozenset({"en-us", "en_us", "us", "en-ph", "en_ph"})


def date_order(article: Article) -> bool | None:
    """Whether the article's numeric dates are month-first (None: not stated)."""
    for name, value in article.meta:
        name, value = name.casefold(), value.strip().casefold()
        if name == "date_order" and value in _ORDER_WORDS:
            return _ORDER_WORDS[value]
        if name == "locale" and value:
            return value in _MONTH_FIRST_LOCALES
    return None


@hookimpl
def newsassert_extract_article(context: ArticleContext) -> list[Claim]:
    article = context.article
    norm = context.normalized
    # The matching form is stripped and folded once for every segment.
    prepared = _Prepared.of(norm.text, article.published, context.lexicon, date_order(article))
    claims: list[Claim] = []
    for segment in article.segments:
        if segment.start >= segment.end:
            continue
        ns = norm.from_original(segment.start)
        ne = norm.from_original(segment.end)
        for f in _article_dates(prepared, article, context.lexicon, ns, ne):
            start, end = norm.to_original(f.start, f.end)
            claims.append(
                make_claim(
                    context,
                    segment,
                    DateClaim,
                    start,
                    end,
                    year=f.year,
                    month=f.month,
                    day=f.day,
                    resolved=f.resolved.isoformat() if f.resolved else None,
                    relative=f.relative,
                    low=f.low,
                    high=f.high,
                )
            )
    return claims
