"""Extract: the checkable claims of an article.

Each extractor is a plugin implementing ``newsassert_extract_claims(article,
segment)``; the built-in ones are :mod:`~newsassert.extract.quantities`,
:mod:`~newsassert.extract.dates` and :mod:`~newsassert.extract.entities`.
Extraction is a pure function of the article (its text, languages and
publication date) and the lexicon.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any, TypeVar

from newsassert.lexicon import Lexicon, default_lexicon
from newsassert.model import Article, Claim, Segment, claim_id_in, sentence_digest

__all__ = ["extract", "extract_article", "lexicon_of", "make_claim", "sentence_span"]

C = TypeVar("C", bound=Claim)


def extract_article(article: Article) -> tuple[Claim, ...]:
    """Every claim of ``article``, sorted by offset, duplicates dropped."""
    from newsassert.plugins import plugin_manager

    hook = plugin_manager().hook.newsassert_extract_claims
    found: dict[tuple[str, int, int, str], Claim] = {}
    for segment in article.segments:
        for result in hook(article=article, segment=segment):
            for claim in result or ():
                found.setdefault((claim.kind, claim.start, claim.end, claim.id), claim)
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.end, c.kind, c.id)))


def extract(
    text: str, lang: str | None = None, published: dt.date | str | None = None
) -> list[Claim]:
    """The claims of a loose text (segmented as an article with id ``"text"``).

    ``lang`` forces the language of every paragraph; ``published`` (a date or
    ``YYYY-MM-DD``) resolves weekdays and relative dates.
    """
    from newsassert.load import make_article

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    article = make_article(text, id="text", published=published, lang=lang)
    return list(article.claims)


def lexicon_of(article: Article) -> Lexicon:
    """The lexicon an article is read with: the corpus's, or the default one."""
    return article.lexicon if article.lexicon is not None else default_lexicon()


def sentence_span(segment: Segment, offset: int) -> tuple[int, int]:
    """The sentence of ``segment`` that contains ``offset`` (the segment if none does)."""
    # Sentences are sorted and disjoint: a binary search, not a scan per claim
    # (a one-line paragraph of 10,000 sentences and 40,000 claims was quadratic).
    i = bisect.bisect_right(segment.sentences, offset, key=_start) - 1
    if i >= 0:
        start, end = segment.sentences[i]
        if start <= offset < end:
            return start, end
    return segment.start, segment.end


def _start(span: tuple[int, int]) -> int:
    return span[0]


def make_claim(
    article: Article, segment: Segment, cls: type[C], start: int, end: int, **fields: Any
) -> C:
    """A claim of ``cls`` at ``article.text[start:end]``, common fields filled in."""
    s_start, s_end = sentence_span(segment, start)
    sentence, lead, digest = _sentence(article, cls.kind, s_start, s_end)
    text = article.text[start:end]
    return cls(
        id=claim_id_in(digest, start - s_start - lead, text),
        article=article.id,
        outlet=article.outlet,
        published=article.published.isoformat() if article.published else None,
        lang=segment.lang,
        section=segment.section,
        start=start,
        end=end,
        text=text,
        sentence=sentence,
        **fields,
    )


# Claims come sentence by sentence: the stripped sentence and the hash of it
# that every claim id starts from are made once per sentence, not once per
# claim (a sentence of 100,000 characters holding thousands of numbers made
# extraction quadratic, and every claim held its own copy of the sentence).
# Only the article being extracted is remembered, and its text is compared by
# identity, so nothing of another text is ever served.
_SENTENCES: dict[tuple[str, str, int, int], tuple[str, int, Any]] = {}
_SENTENCES_OF: list[str] = [""]


def _sentence(article: Article, kind: str, start: int, end: int) -> tuple[str, int, Any]:
    if _SENTENCES_OF[0] is not article.text:
        _SENTENCES.clear()
        _SENTENCES_OF[0] = article.text
    key = (article.id, kind, start, end)
    hit = _SENTENCES.get(key)
    if hit is None:
        raw = article.text[start:end]
        sentence = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        hit = _SENTENCES[key] = (sentence, lead, sentence_digest(article.id, kind, sentence))
    return hit
