"""Extract dates (work in progress: being written)."""

from __future__ import annotations

from newsassert.hookspecs import hookimpl
from newsassert.model import Article, Claim, Segment


@hookimpl
def newsassert_extract_claims(article: Article, segment: Segment) -> list[Claim]:
    return []
