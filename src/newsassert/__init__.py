"""newsassert: test whether news sources agree, and whether a summary says only
what its sources say.

The pipeline, one module or package per stage::

    load -> normalize -> segment -> extract -> store -> query -> check -> report
"""

from __future__ import annotations

from newsassert._version import __version__
from newsassert.check.verdict import Evidence, Verdict
from newsassert.corpus import Corpus
from newsassert.errors import (
    AliasError,
    CheckFileError,
    ConfigError,
    LoadError,
    NewsAssertError,
    PluginError,
    QueryError,
)
from newsassert.lexicon import Lexicon, LexiconEntry
from newsassert.load import extract, load, make_article
from newsassert.model import (
    Article,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    Segment,
)
from newsassert.names import name_key, names_match
from newsassert.plugins import plugin_manager
from newsassert.plugins.hookspecs import hookimpl
from newsassert.query import Query, compile_query
from newsassert.selection import Selection

__all__ = [
    "AliasError",
    "Article",
    "CheckFileError",
    "Claim",
    "ConfigError",
    "Corpus",
    "DateClaim",
    "Evidence",
    "Lexicon",
    "LexiconEntry",
    "LoadError",
    "MentionClaim",
    "NewsAssertError",
    "PluginError",
    "QuantityClaim",
    "Query",
    "QueryError",
    "RoleClaim",
    "Segment",
    "Selection",
    "Verdict",
    "__version__",
    "compile_query",
    "extract",
    "hookimpl",
    "load",
    "make_article",
    "name_key",
    "names_match",
    "plugin_manager",
]
