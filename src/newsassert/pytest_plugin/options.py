"""The plugin's options: ``--newsassert-*`` on the command line, ``newsassert_*`` in ini files.

A command-line value wins over the ini key. Paths on the command line are
relative to the directory pytest was started in; paths in an ini file (or in
``[tool.pytest.ini_options]``) are relative to the rootdir.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest

__all__ = ["DEFAULT_CHECKS_PATTERN", "Settings", "addoption", "read_settings"]

DEFAULT_CHECKS_PATTERN = "*.checks.toml"


@attrs.frozen(kw_only=True)
class Settings:
    """The plugin's settings for one run, paths made absolute."""

    corpus: Path | None = None
    aliases: tuple[Path, ...] = ()
    baseline: Path | None = None
    update_baseline: bool = False
    report: Path | None = None
    checks_pattern: str = DEFAULT_CHECKS_PATTERN
    disable: tuple[str, ...] = ()
    cache: bool = True
    snapshot: Path | None = None
    snapshot_update: bool = False


#: The run's settings, read at configure time (cheap: no newsassert stage is imported).
SETTINGS = pytest.StashKey[Settings]()
#: The run's newsassert state (:class:`newsassert.pytest_plugin.state.RunState`), made when needed.
STATE: pytest.StashKey[Any] = pytest.StashKey()


def configured(settings: Settings) -> bool:
    """Whether the run asked for newsassert (a corpus, a baseline, a report, a disabled plugin).

    A run that did not only pays for newsassert if it meets a check file.
    """
    return bool(
        settings.corpus or settings.baseline or settings.report or settings.disable
    )


def corpus_root(settings: Settings) -> Path | None:
    """The folder the configured corpus is in (the glob's fixed part for a glob)."""
    corpus = settings.corpus
    if corpus is None:
        return None
    if glob.has_magic(str(corpus)):
        fixed = [p for p in corpus.parts if not glob.has_magic(p)]
        at = next(i for i, p in enumerate(corpus.parts) if glob.has_magic(p))
        return Path(*fixed[:at])
    return corpus


def addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("newsassert", "newsassert: consistency checks of news corpora")
    group.addoption(
        "--newsassert-corpus",
        metavar="PATH",
        dest="newsassert_corpus",
        help="the corpus (file, folder or glob) for the corpus and article fixtures and the "
        "per-article consistency items (ini: newsassert_corpus)",
    )
    group.addoption(
        "--newsassert-aliases",
        metavar="FILE",
        dest="newsassert_aliases",
        action="append",
        help="an alias file to load the corpus with; may be repeated (ini: newsassert_aliases)",
    )
    group.addoption(
        "--newsassert-baseline",
        metavar="FILE",
        dest="newsassert_baseline",
        help="accepted failures: those in it are reported as xfail, new ones fail "
        "(ini: newsassert_baseline)",
    )
    group.addoption(
        "--newsassert-update-baseline",
        dest="newsassert_update_baseline",
        action="store_true",
        default=None,
        help="record the current failures in the baseline file (ini: newsassert_update_baseline)",
    )
    group.addoption(
        "--newsassert-report",
        metavar="FILE",
        dest="newsassert_report",
        help="write the results of every newsassert check to FILE at the end of the run "
        "(ini: newsassert_report)",
    )
    group.addoption(
        "--newsassert-checks-pattern",
        metavar="GLOB",
        dest="newsassert_checks_pattern",
        help=f"file names collected as check files (default {DEFAULT_CHECKS_PATTERN}; "
        "ini: newsassert_checks_pattern)",
    )
    group.addoption(
        "--newsassert-disable",
        metavar="NAME",
        dest="newsassert_disable",
        action="append",
        help="disable a newsassert plugin by name; may be repeated (ini: newsassert_disable)",
    )

    group.addoption(
        "--newsassert-no-cache",
        dest="newsassert_cache",
        action="store_false",
        default=None,
        help="parse every article afresh instead of reading the claims cache "
        "(ini: newsassert_cache = false)",
    )

    parser.addini("newsassert_corpus", "the corpus, relative to the rootdir", type="string")
    parser.addini("newsassert_aliases", "alias files, relative to the rootdir", type="linelist")
    parser.addini(
        "newsassert_baseline", "the baseline file, relative to the rootdir", type="string"
    )
    parser.addini(
        "newsassert_update_baseline", "record current failures in the baseline", type="bool"
    )
    parser.addini("newsassert_report", "the report file, relative to the rootdir", type="string")
    group.addoption(
        "--newsassert-snapshot",
        metavar="DIR",
        dest="newsassert_snapshot",
        help="compare each article's claims with its snapshot file in DIR: a "
        "claims-snapshot item per article (ini: newsassert_snapshot)",
    )
    group.addoption(
        "--newsassert-snapshot-update",
        action="store_true",
        default=False,
        dest="newsassert_snapshot_update",
        help="write the claims snapshots instead of comparing them",
    )
    parser.addini(
        "newsassert_snapshot", "the claims snapshot folder, relative to the rootdir", type="string"
    )
    parser.addini(
        "newsassert_checks_pattern",
        "file names collected as check files",
        type="string",
        default=DEFAULT_CHECKS_PATTERN,
    )
    parser.addini("newsassert_disable", "newsassert plugins to disable", type="args")
    parser.addini(
        "newsassert_cache",
        "keep parsed articles and claims in the cache (as newsassert check does)",
        type="bool",
        default=True,
    )


def read_settings(config: pytest.Config) -> Settings:
    """The settings of a run, or a :class:`pytest.UsageError` that says what is wrong."""
    here = config.invocation_params.dir
    root = config.rootpath

    def path(name: str) -> Path | None:
        given = config.getoption(name)
        if given:
            return (here / str(given)).resolve()
        ini = config.getini(name)
        if isinstance(ini, str) and ini.strip():
            return (root / ini.strip()).resolve()
        return None

    aliases: Sequence[str] = config.getoption("newsassert_aliases") or ()
    alias_paths = [(here / a).resolve() for a in aliases] or [
        (root / a).resolve() for a in config.getini("newsassert_aliases") if a.strip()
    ]
    update = config.getoption("newsassert_update_baseline")
    if update is None:
        update = bool(config.getini("newsassert_update_baseline"))
    pattern = config.getoption("newsassert_checks_pattern") or str(
        config.getini("newsassert_checks_pattern") or DEFAULT_CHECKS_PATTERN
    )
    disable = config.getoption("newsassert_disable") or config.getini("newsassert_disable")
    cache = config.getoption("newsassert_cache")
    if cache is None:
        cache = bool(config.getini("newsassert_cache"))

    settings = Settings(
        corpus=path("newsassert_corpus"),
        aliases=tuple(alias_paths),
        baseline=path("newsassert_baseline"),
        update_baseline=update,
        report=path("newsassert_report"),
        snapshot=path("newsassert_snapshot"),
        snapshot_update=bool(config.getoption("newsassert_snapshot_update")),
        checks_pattern=pattern,
        disable=tuple(disable),
        cache=cache,
    )
    _validate(settings)
    return settings


def _validate(settings: Settings) -> None:
    corpus = settings.corpus
    if corpus is not None and not glob.has_magic(str(corpus)) and not corpus.exists():
        raise pytest.UsageError(f"newsassert: no such corpus file or folder: {corpus}")
    if settings.update_baseline and settings.baseline is None:
        raise pytest.UsageError(
            "newsassert: --newsassert-update-baseline needs a baseline file "
            "(--newsassert-baseline FILE or newsassert_baseline in the ini file)"
        )
    for alias in settings.aliases:
        if not alias.is_file():
            raise pytest.UsageError(f"newsassert: no such alias file: {alias}")
