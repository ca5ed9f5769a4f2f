"""newsassert: test whether news sources agree, and whether a summary says only
what its sources say.

The pipeline, one module or package per stage::

    load -> normalize -> segment -> extract -> store -> query -> check -> report
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import TYPE_CHECKING, Any

from newsassert._version import __version__

if TYPE_CHECKING:
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

# Where each public name lives. ``import newsassert`` loads none of them:
# the pytest plugin is a module of this package, and pytest imports it in
# every run of an environment newsassert is installed in, configured or not.
# The first name asked for loads them all, so every stage is registered
# (the values reach extraction and selection through model.CLAIM_SOURCES).
_EXPORTS = {
    "Evidence": "newsassert.check.verdict",
    "Verdict": "newsassert.check.verdict",
    "Corpus": "newsassert.corpus",
    "AliasError": "newsassert.errors",
    "CheckFileError": "newsassert.errors",
    "ConfigError": "newsassert.errors",
    "LoadError": "newsassert.errors",
    "NewsAssertError": "newsassert.errors",
    "PluginError": "newsassert.errors",
    "QueryError": "newsassert.errors",
    "Lexicon": "newsassert.lexicon",
    "LexiconEntry": "newsassert.lexicon",
    "extract": "newsassert.load",
    "load": "newsassert.load",
    "make_article": "newsassert.load",
    "Article": "newsassert.model",
    "Claim": "newsassert.model",
    "DateClaim": "newsassert.model",
    "MentionClaim": "newsassert.model",
    "QuantityClaim": "newsassert.model",
    "RoleClaim": "newsassert.model",
    "Segment": "newsassert.model",
    "name_key": "newsassert.names",
    "names_match": "newsassert.names",
    "plugin_manager": "newsassert.plugins",
    "hookimpl": "newsassert.plugins.hookspecs",
    "Query": "newsassert.query",
    "compile_query": "newsassert.query",
    "Selection": "newsassert.selection",
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        # A stage by its module's name (newsassert.normalize.key): found even
        # when no module has imported it yet.
        if not name.startswith("_") and importlib.util.find_spec(f"newsassert.{name}"):
            return importlib.import_module(f"newsassert.{name}")
        raise AttributeError(f"module 'newsassert' has no attribute {name!r}")
    _load_all()
    return globals()[name]


def _load_all() -> None:
    found = {
        name: getattr(importlib.import_module(module), name) for name, module in _EXPORTS.items()
    }
    globals().update(found)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# Two functions share their name with a module: newsassert.load (the function)
# is in newsassert/load.py, newsassert.extract in newsassert/extract/.
# Importing such a module sets the package's attribute to the module; the
# function must stay what the name means.
_SHADOWED = frozenset({"load", "extract"})


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name in _SHADOWED and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
