"""Extract: the checkable claims of an article.

Each extractor is a plugin implementing ``newsassert_extract_article(context)``;
the built-in ones are :mod:`~newsassert.extract.quantities`,
:mod:`~newsassert.extract.dates`, :mod:`~newsassert.extract.entities` and
:mod:`~newsassert.extract.statements`. The article is made ready once
(:class:`~newsassert.extract.context.ArticleContext`) and handed to each.
Extraction is a pure function of the article (its text, languages and
publication date) and the lexicon, and keeps nothing between articles.
"""

from __future__ import annotations

import bisect
import contextvars
import hashlib
from sys import intern
from typing import Any, TypeVar

import attrs

from newsassert._bidi import overridden_spans
from newsassert._gc import fewer_collections
from newsassert.extract.context import ArticleContext, Sentences
from newsassert.lexicon import Lexicon, default_lexicon
from newsassert.model import (
    CLAIM_SOURCES,
    Article,
    Claim,
    DateClaim,
    QuantityClaim,
    Segment,
    claim_id_in,
    computed,
)
from newsassert.plugins import plugin_manager

__all__ = ["ArticleContext", "extract_article", "lexicon_of", "make_claim", "sentence_span"]

C = TypeVar("C", bound=Claim)


def extract_article(article: Article) -> tuple[Claim, ...]:
    """Every claim of ``article``, sorted by offset, duplicates dropped."""
    hook = plugin_manager().hook.newsassert_extract_article
    found: dict[tuple[str, int, int, str], Claim] = {}
    normalized_before = computed(article, "normalized")
    context = ArticleContext.of(article)
    # Plugins still on the per-segment hook call make_claim with the article:
    # it finds the context there, in this thread's (or task's) own variable.
    active = _ACTIVE.set(context)
    try:
        with fewer_collections():
            for result in hook(context=context):
                for claim in result or ():
                    found.setdefault((claim.kind, claim.start, claim.end, claim.id), claim)
    finally:
        _ACTIVE.reset(active)
    if not normalized_before and computed(article, "normalized"):
        # The matching form the extractors shared is as large as the text,
        # with an offset map besides; kept on every article of a corpus it
        # was a third of the memory. It is made again if asked for.
        object.__delattr__(article, "normalized")
    claims = _counts_outside_dates(
        sorted(found.values(), key=lambda c: (c.start, c.end, c.kind, c.id))
    )
    overridden = overridden_spans(article.text)
    if overridden:
        # Text in a directional override is shown in an order that is not the
        # order it is read in ("\u202e0052\u202c troops" reads 52 and shows
        # 2500): what is claimed there is not what a reader sees.
        ends = [end for _, end in overridden]

        def seen_as_read(claim: Claim) -> bool:
            i = bisect.bisect_right(ends, claim.start)
            return i == len(overridden) or overridden[i][0] >= max(claim.end, claim.start + 1)

        claims = [c for c in claims if seen_as_read(c)]
    # An id hashes the claim's sentence, not its place, so that editing one
    # paragraph leaves the ids of the others alone; a sentence written twice
    # (a headline repeated as the lead) would give two claims one id. The
    # second and later get an id of their own, numbered in text order.
    seen: dict[str, int] = {}
    for i, claim in enumerate(claims):
        n = seen.get(claim.id, 0)
        seen[claim.id] = n + 1
        if n:
            claims[i] = attrs.evolve(claim, id=repeated_id(claim.id, n))
    return tuple(claims)


def _counts_outside_dates(claims: list[Claim]) -> list[Claim]:
    """``claims`` without the quantities that are pieces of a date.

    The quantity reader decides from the words around a number whether it is
    a day of a date; the date reader reads whole spans ("August 7-8, 2023",
    "March 3 to 5", ``7 و 8 أغسطس``), and a number it took as part of a date
    is no count: a quantity inside a longer date claim, or a bare figure (no
    unit) overlapping one, is dropped. ``claims`` are sorted by offset.
    """
    dates = sorted((c.start, c.end) for c in claims if isinstance(c, DateClaim))
    if not dates:
        return claims
    starts = [start for start, _ in dates]
    reach: list[int] = []  # the furthest end of the dates starting at or before each
    for _, end in dates:
        reach.append(max(end, reach[-1]) if reach else end)

    def in_a_date(claim: QuantityClaim) -> bool:
        # Binary searches over the starts and their furthest ends, not a walk
        # back over the dates: an article of thousands of dates stays linear.
        # Some date starts before the quantity ends and reaches past its start:
        i = bisect.bisect_left(starts, claim.end) - 1
        if i < 0 or reach[i] <= claim.start:
            return False
        if claim.unit is None:
            return True  # a bare figure overlapping a date
        # A longer date around it: starting at or before it and ending after
        # it, or starting before it and ending with it.
        j = bisect.bisect_right(starts, claim.start) - 1
        if j >= 0 and reach[j] > claim.end:
            return True
        k = bisect.bisect_left(starts, claim.start) - 1
        return k >= 0 and reach[k] >= claim.end

    # A rank ("the third quarter" of "the third quarter of 2023") is no piece
    # of the date: it stays, so that a summary's "the third quarter" is supported.
    return [
        c for c in claims if not (isinstance(c, QuantityClaim) and not _is_rank(c) and in_a_date(c))
    ]


def _is_rank(claim: QuantityClaim) -> bool:
    return claim.unit is not None and claim.unit.startswith("ordinal:")


# Article.claims extracts through this function: the values import no stage.
CLAIM_SOURCES.extract = extract_article


def repeated_id(first: str, n: int) -> str:
    """The id of the ``n``-th repeat (1, 2, …) of a claim whose first id is ``first``."""
    return hashlib.blake2b(f"{first}#{n}".encode(), digest_size=8).hexdigest()


def lexicon_of(article: Article) -> Lexicon:
    """The lexicon an article is read with: the corpus's, or the default one."""
    return article.lexicon if article.lexicon is not None else default_lexicon()


def sentence_span(segment: Segment, offset: int) -> tuple[int, int]:
    """The sentence of ``segment`` that contains ``offset`` (the segment if none does)."""
    # Sentences are sorted and disjoint: a binary search, not a scan per claim
    # (a one-line paragraph of 10,000 sentences and 40,000 claims was quadratic).
    # (offset, inf) sorts after every sentence starting at or before offset,
    # compared as tuples in C (no key function called at each step).
    i = bisect.bisect_right(segment.sentences, (offset, _AFTER)) - 1
    if i >= 0:
        start, end = segment.sentences[i]
        if start <= offset < end:
            return start, end
    return segment.start, segment.end


_AFTER = float("inf")


def make_claim(
    source: ArticleContext | Article,
    segment: Segment,
    cls: type[C],
    start: int,
    end: int,
    **fields: Any,
) -> C:
    """A claim of ``cls`` at ``text[start:end]`` of the article, common fields filled in.

    ``source`` is the extractor's :class:`ArticleContext` (or, from the
    deprecated per-segment hook, the article). Strings that recur across
    claims (a mention's text, names, keys, units, places) are shared through
    :func:`sys.intern`, as claims read back from the cache are: a corpus of
    10,000 articles holds 400,000 claims.
    """
    if isinstance(source, ArticleContext):
        context: ArticleContext | None = source
        article = source.article
    else:
        article = source
        context = _ACTIVE.get()
        if context is not None and context.article is not article:
            context = None
    s_start, s_end = sentence_span(segment, start)
    if context is not None:
        sentence, lead, digest = context.sentences.of(cls.kind, s_start, s_end)
    else:
        sentence, lead, digest = Sentences(article).of(cls.kind, s_start, s_end)
    text = article.text[start:end]
    for name, value in fields.items():
        if type(value) is str:
            fields[name] = intern(value)
    return cls(
        id=claim_id_in(digest, start - s_start - lead, text),
        article=article.id,
        outlet=article.outlet,
        published=article.published.isoformat() if article.published else None,
        lang=segment.lang,
        section=segment.section,
        start=start,
        end=end,
        text=intern(text),
        sentence=sentence,
        **fields,
    )


# The context of the article being extracted in this thread or task, for
# make_claim called from the per-segment hook (deprecated), which is handed
# the article only.
_ACTIVE: contextvars.ContextVar[ArticleContext | None] = contextvars.ContextVar(
    "newsassert_article_context", default=None
)
