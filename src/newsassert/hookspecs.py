"""The hooks newsassert calls: now :mod:`newsassert.plugins.hookspecs`.

This module hands its names on, so that plugins written as
``from newsassert.hookspecs import hookimpl`` keep working.
"""

from newsassert.plugins.hookspecs import (
    hookimpl,
    hookspec,
    newsassert_check_types,
    newsassert_compare,
    newsassert_extract_article,
    newsassert_extract_claims,
    newsassert_lexicon,
    newsassert_load_article,
)

__all__ = [
    "hookimpl",
    "hookspec",
    "newsassert_check_types",
    "newsassert_compare",
    "newsassert_extract_article",
    "newsassert_extract_claims",
    "newsassert_lexicon",
    "newsassert_load_article",
]
