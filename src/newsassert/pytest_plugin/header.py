"""The lines newsassert adds to pytest's header: what this run checks.

::

    newsassert 0.1.0: corpus seeds (5 articles in 5 files), check files *.checks.toml
    newsassert: cache ~/.cache/newsassert/cache.sqlite3; baseline newsassert-baseline.json (2 accepted failures in 1 check)

A run with nothing configured gets one line saying so, and imports nothing
more. Under pytest-xdist the controller, which collects nothing, counts the
corpus's files instead of loading its articles.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsassert._version import __version__
from newsassert.pytest_plugin.options import SETTINGS, configured

__all__ = ["header_lines"]


def _shown(path: Path, config: pytest.Config) -> str:
    """A path as the user sees it: relative to the rootdir when that is shorter."""
    relative = os.path.relpath(path, config.rootpath)
    return relative if len(relative) < len(str(path)) else str(path)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def header_lines(config: pytest.Config) -> list[str]:
    settings = config.stash[SETTINGS]
    pattern = f"check files {settings.checks_pattern}"
    if not configured(settings):
        return [
            f"newsassert {__version__}: no corpus configured (--newsassert-corpus or "
            f"newsassert_corpus); {pattern}"
        ]
    from newsassert.errors import NewsAssertError
    from newsassert.pytest_plugin.state import state_of

    state = state_of(config)
    first = f"newsassert {__version__}: "
    if settings.corpus is None:
        first += "no corpus configured"
    else:
        first += f"corpus {_shown(settings.corpus, config)}"
        controller = config.pluginmanager.hasplugin("dsession")
        try:
            if controller:
                first += f" ({_plural(len(_files(settings.corpus)), 'file')})"
            else:
                loaded = state.corpus()
                files = len({a.path for a in loaded})
                first += f" ({_plural(len(loaded), 'article')} in {_plural(files, 'file')})"
        except NewsAssertError as error:
            first += f" (cannot be read: {error})"
    lines = [f"{first}, {pattern}"]
    second = []
    if settings.cache:
        from newsassert.store import default_cache_dir

        second.append(f"cache {default_cache_dir() / 'cache.sqlite3'}")
    else:
        second.append("cache off")
    if settings.baseline is not None:
        entries = state.baseline.entries
        accepted = sum(len(keys) for keys in entries.values())
        action = (
            "updated by this run"
            if settings.update_baseline
            else (f"{_plural(accepted, 'accepted failure')} in {_plural(len(entries), 'check')}")
        )
        second.append(f"baseline {_shown(settings.baseline, config)} ({action})")
    if settings.report is not None:
        second.append(f"report {_shown(settings.report, config)}")
    if settings.disable:
        second.append(f"plugins disabled: {', '.join(settings.disable)}")
    lines.append("newsassert: " + "; ".join(second))
    return lines


def _files(corpus: Path) -> list[Path]:
    import glob

    if glob.has_magic(str(corpus)):
        return [Path(p) for p in glob.glob(str(corpus), recursive=True) if Path(p).is_file()]
    if corpus.is_file():
        return [corpus]
    return [p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith(".")]
