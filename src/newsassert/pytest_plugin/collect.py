"""Check files and corpus articles as pytest items.

- A check file (``*.checks.toml``) is a :class:`CheckFile`; each ``[[check]]``
  table in it is a :class:`CheckItem`. A table that cannot be read fails its
  own item; a file that is not valid TOML fails its collection. Either way
  the message names the file and the line, with a caret, and no traceback.
- Each file of the configured corpus is an :class:`ArticleFile`, whose items
  check the internal consistency of its articles:
  ``seeds/000_4c148d8a33c5d998.txt::internal-consistency`` (a file holding
  several articles gets one :class:`ArticleNode` per article in between).

The corpus files are collected the ordinary way when pytest walks them
(``pytest seeds/``, ``pytest seeds/000_….txt``, or the corpus folder inside
``testpaths``). When pytest is run without paths and would not walk the
corpus, :func:`add_corpus` adds a :class:`CorpusCollector` for it to the
session, so the configured corpus is always part of a plain ``pytest`` run.
Node ids are paths relative to the rootdir, the same in every xdist worker,
so ``-k``, ``--lf``, ``-x``, marks and ``-n`` behave as for any test file.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy
import pytest

from newsassert.check.auto import quote
from newsassert.check.checkfile import (
    CheckGroup,
    CheckSpec,
    InvalidCheck,
    check_groups,
    read_check_file,
    render_error,
    run_check,
    run_checks,
)
from newsassert.check.consistency import CHECK_NAME, consistency, consistency_check_name
from newsassert.check.verdict import CheckResult
from newsassert.errors import ConfigError, NewsAssertError
from newsassert.pytest_plugin.state import CONFIGURE, CheckFailed, state_of

if TYPE_CHECKING:
    from _pytest._code.code import TerminalRepr, TracebackStyle

__all__ = [
    "ArticleFile",
    "ArticleNode",
    "CheckFile",
    "CheckItem",
    "ConsistencyItem",
    "CorpusCollector",
    "SnapshotItem",
    "add_corpus",
    "collect_file",
    "is_newsassert_item",
    "number_items",
]

MARK = "newsassert"


def collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """The collector for a file: a check file, a file of the corpus, or neither."""
    state = state_of(parent.config)
    if fnmatch.fnmatch(file_path.name, state.settings.checks_pattern):
        return CheckFile.from_parent(parent, path=file_path)
    if state.is_corpus_file(file_path):
        return ArticleFile.from_parent(parent, path=file_path)
    return None


def add_corpus(session: pytest.Session, report: pytest.CollectReport) -> None:
    """Add the configured corpus to a run that was given no paths and would miss it."""
    state = state_of(session.config)
    root = state.corpus_root
    if root is None or session.config.args_source == pytest.Config.ArgsSource.ARGS:
        return
    if any(session.isinitpath(p) for p in (root, *root.parents)):
        return  # pytest walks into it by itself
    if not report.passed:
        return
    report.result.append(
        CorpusCollector.from_parent(session, path=root, nodeid=_node_id(session, root))
    )


def _message(excinfo: pytest.ExceptionInfo[BaseException]) -> str | None:
    """newsassert's own failures as text; None leaves anything else to pytest."""
    error = excinfo.value
    if isinstance(error, CheckFailed):
        return error.render()
    if isinstance(error, SnapshotDiffers):
        return str(error)
    if isinstance(error, NewsAssertError):
        return render_error(error)
    return None


class _Collector(pytest.Collector):
    def repr_failure(  # type: ignore[override]
        self, excinfo: pytest.ExceptionInfo[BaseException]
    ) -> str | TerminalRepr:
        return _message(excinfo) or super().repr_failure(excinfo)


class _Item(pytest.Item):
    position = 0  # its place among the run's items, set after collection

    @property
    def ihook(self) -> pluggy.HookRelay:
        return _hooks_for(self)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: TracebackStyle | None = None,
    ) -> str | TerminalRepr:
        return _message(excinfo) or super().repr_failure(excinfo, style)


# ---------------------------------------------------------------------------
# check files
# ---------------------------------------------------------------------------


class CheckFile(_Collector, pytest.File):
    """A check file: one item per ``[[check]]`` table, or per group of one with ``group_by``."""

    def collect(self) -> Iterator[CheckItem]:
        # Messages name the file as the user would type it: relative to where pytest runs.
        shown = Path(os.path.relpath(self.path, self.config.invocation_params.dir))
        for entry in read_check_file(shown):
            groups = self._groups(entry)
            if not groups:
                yield CheckItem.from_parent(self, name=entry.name, entry=entry)
                continue
            for group in groups:
                yield CheckItem.from_parent(
                    self, name=group.name(entry.name), entry=entry, group=group
                )

    def _groups(self, entry: CheckSpec | InvalidCheck) -> tuple[CheckGroup, ...]:
        """A grouped check's groups; none when it cannot be grouped (its item says why)."""
        if not isinstance(entry, CheckSpec) or entry.group_by is None:
            return ()
        state = state_of(self.config)
        if entry.corpus is None and state.settings.corpus is None:
            return ()
        try:
            return check_groups(entry, state.corpus(entry.corpus))
        except NewsAssertError:
            return ()


class CheckItem(_Item):
    """One ``[[check]]`` table (or one group of it), run against its corpus."""

    def __init__(
        self, *, entry: CheckSpec | InvalidCheck, group: CheckGroup | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.entry = entry
        self.group = group
        self.add_marker(MARK)
        if isinstance(entry, CheckSpec):
            for mark in entry.marks:
                self.add_marker(mark)
            self.extra_keyword_matches.add(entry.expect)
        if group is not None:
            self.extra_keyword_matches.add(group.label)

    def runtest(self) -> None:
        state = state_of(self.config)
        entry = self.entry
        if isinstance(entry, InvalidCheck):
            raise entry.error
        if entry.corpus is None and state.settings.corpus is None:
            raise ConfigError(
                f'check {entry.name!r} has no corpus: set corpus = "PATH" at the top of '
                f"the check file, or {CONFIGURE}",
                path=entry.path,
                line=entry.line,
            )
        corpus = state.corpus(entry.corpus)
        try:
            if self.group is not None:
                result = run_check(entry, corpus, group=self.group)
            else:
                # A grouped check whose groups could not be made: this says why.
                result = run_checks(entry, corpus)[0]
        except NewsAssertError as error:
            state.record_error(
                self,
                CheckResult.failed_to_run(
                    self.name, entry.query, entry.expect, str(error), (entry.path, entry.line)
                ),
            )
            raise
        state.settle(self, result)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.entry.line
        return self.path, line - 1 if line else None, f"check {self.name}"


# ---------------------------------------------------------------------------
# the corpus
# ---------------------------------------------------------------------------


class CorpusCollector(_Collector, pytest.Directory):
    """The configured corpus, when pytest would not walk into it by itself."""

    def collect(self) -> Iterator[pytest.Collector]:
        state = state_of(self.config)
        for path, ids in state.corpus_files().items():
            if ids:
                yield ArticleFile.from_parent(self, path=_under_rootdir(self.session, path))


class ArticleFile(_Collector, pytest.File):
    """A file of the configured corpus: its articles' consistency items."""

    @property
    def ihook(self) -> pluggy.HookRelay:
        return _hooks_for(self)

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        state = state_of(self.config)
        ids = state.corpus_files().get(self.path.resolve(), ())
        if len(ids) == 1 and ids[0] == self.path.stem:
            # One article named after its file: no node in between.
            yield from _article_items(self, ids[0])
            return
        for article_id in ids:
            yield ArticleNode.from_parent(self, name=article_id, article_id=article_id)


class ArticleNode(_Collector):
    """One article of a file that holds several."""

    @property
    def ihook(self) -> pluggy.HookRelay:
        return _hooks_for(self)

    def __init__(self, *, article_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article_id = article_id

    def collect(self) -> Iterator[pytest.Item]:
        yield from _article_items(self, self.article_id)


def _article_items(parent: pytest.Collector, article_id: str) -> Iterator[pytest.Item]:
    """An article's items: its consistency, and its claims snapshot when one is configured."""
    yield ConsistencyItem.from_parent(parent, name=CHECK_NAME, article_id=article_id)
    if state_of(parent.config).settings.snapshot is not None:
        yield SnapshotItem.from_parent(parent, name=SNAPSHOT_NAME, article_id=article_id)


SNAPSHOT_NAME = "claims-snapshot"


class SnapshotDiffers(Exception):
    """An article's claims are not those of its snapshot (the message is the diff)."""


class SnapshotItem(_Item):
    """An article's claims are those of its snapshot file (``--newsassert-snapshot DIR``)."""

    def __init__(self, *, article_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article_id = article_id
        self.add_marker(MARK)
        self.extra_keyword_matches.update({article_id, "snapshot"})

    def runtest(self) -> None:
        from newsassert.check.snapshot import check_snapshot, write_snapshot

        state = state_of(self.config)
        folder = state.settings.snapshot
        assert folder is not None
        article = state.corpus()[self.article_id]
        if state.settings.snapshot_update:
            write_snapshot(article, folder)
            return
        result = check_snapshot(article, folder)
        if not result.ok:
            hint = "\n(--newsassert-snapshot-update writes the snapshots anew)"
            raise SnapshotDiffers(result.describe() + hint)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.article_id}: claims snapshot"


class ConsistencyItem(_Item):
    """No two claims of one article conflict."""

    def __init__(self, *, article_id: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article_id = article_id
        self.add_marker(MARK)
        self.extra_keyword_matches.update({article_id, "consistency"})

    def runtest(self) -> None:
        state = state_of(self.config)
        article = state.corpus()[self.article_id]
        # Named and queried as `newsassert check` names it, so reports and baselines match.
        result = CheckResult.of(
            consistency_check_name(self.article_id),
            f"claim where article = {quote(self.article_id)}",
            "consistency",
            consistency(article),
        )
        state.settle(self, result)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"{self.article_id}: internal consistency"


def is_newsassert_item(item: pytest.Item) -> bool:
    return isinstance(item, CheckItem | ConsistencyItem)


def number_items(session: pytest.Session) -> None:
    """Note each newsassert item's place in the run, so results sort the same in every process."""
    state = state_of(session.config)
    ours = 0
    for position, item in enumerate(session.items):
        if isinstance(item, CheckItem | ConsistencyItem):
            item.position = position
            ours += 1
    state.selected = ours


def _under_rootdir(session: pytest.Session, path: Path) -> Path:
    """``path`` spelled from the rootdir, ``..`` and all, when it lies outside it.

    pytest names a file by its path relative to the rootdir, and ``--lf``
    finds last run's failing files again as ``rootdir / name``. For a corpus
    outside the rootdir (``../../seeds`` in the example project) that is
    ``rootdir/../../seeds/…``: spelled that way the node is named
    ``../../seeds/000_….txt`` and ``--lf`` recognizes its file. Hooks (and so
    conftest files) are still looked up by the real path (:func:`_hooks_for`).
    """
    rootdir = session.config.rootpath
    try:
        path.relative_to(rootdir)
    except ValueError:
        return rootdir / os.path.relpath(path, rootdir)
    return path


def _hooks_for(node: pytest.Item | pytest.Collector) -> pluggy.HookRelay:
    # The conftest files that apply to a corpus file are those of where it really is.
    hooks: pluggy.HookRelay = node.session.gethookproxy(Path(os.path.normpath(node.path)))
    return hooks


def _node_id(session: pytest.Session, path: Path) -> str | None:
    """Let pytest name nodes inside the rootdir; name those outside it by relative path."""
    try:
        path.relative_to(session.config.rootpath)
    except ValueError:
        return os.path.relpath(path, session.config.rootpath).replace(os.sep, "/")
    return None
