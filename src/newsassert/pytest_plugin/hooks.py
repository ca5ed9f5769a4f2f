"""The pytest plugin's hooks (under pytest 8 or newer); the work is done in the
other modules of :mod:`newsassert.pytest_plugin`.

:mod:`newsassert.pytest_plugin`, the ``pytest11`` entry point, hands these on.
pytest imports it in every run of an environment newsassert
is installed in, so it imports no stage of newsassert until a run needs one:
a run with no corpus, baseline or report configured and no check file among
its files adds only its options, its fixtures and a header line (see
``tests/test_pytest_lazy.py``, which holds it to that).
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from newsassert.pytest_plugin.fixtures import article, corpus
from newsassert.pytest_plugin.options import (
    SETTINGS,
    STATE,
    addoption,
    configured,
    corpus_root,
    read_settings,
)

__all__ = ["article", "corpus"]

MARKER = "newsassert: a newsassert check (a check-file table or an article's consistency)"


def _started(config: pytest.Config) -> bool:
    """Whether this run has needed newsassert so far (its state was made)."""
    return config.stash.get(STATE, None) is not None


def pytest_addoption(parser: pytest.Parser) -> None:
    addoption(parser)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", MARKER)
    settings = config.stash[SETTINGS] = read_settings(config)
    if settings.corpus is not None and getattr(config.option, "xmlpath", None):
        from newsassert.pytest_plugin.junit import JunitNames

        # A corpus outside the rootdir would give JUnit classnames starting "......".
        config.pluginmanager.register(JunitNames(config), "newsassert-junit")
    if configured(settings):
        from newsassert.pytest_plugin.state import state_of

        # Now, so that a bad baseline or plugin name is a usage error before collection.
        state_of(config)


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session: pytest.Session) -> None:
    config = session.config
    if not _started(config) or not config.pluginmanager.hasplugin("dsession"):
        return
    from newsassert.pytest_plugin.state import state_of

    # The pytest-xdist controller, before it starts its workers: extract the
    # corpus once, on as many processes as there will be workers, into the
    # cache, so that each worker reads it back instead of extracting all of it.
    state_of(config).prepare_for_workers(_workers(config))


def _workers(config: pytest.Config) -> int:
    count = getattr(config.option, "numprocesses", None)
    return count if isinstance(count, int) and count > 0 else 1


def pytest_unconfigure(config: pytest.Config) -> None:
    state = config.stash.get(STATE, None)
    if state is not None:
        state.close()


def pytest_report_header(config: pytest.Config) -> list[str]:
    from newsassert.pytest_plugin.header import header_lines

    return header_lines(config)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    settings = parent.config.stash[SETTINGS]
    root = corpus_root(settings)
    ours = fnmatch.fnmatch(file_path.name, settings.checks_pattern) or (
        root is not None and (file_path == root or root in file_path.parents)
    )
    if not ours:
        return None
    from newsassert.pytest_plugin.collect import collect_file

    return collect_file(file_path, parent)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    if isinstance(collector, pytest.Session) and collector.config.stash[SETTINGS].corpus:
        from newsassert.pytest_plugin.collect import add_corpus

        add_corpus(collector, report)
    return report


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "article" not in metafunc.fixturenames:
        return
    from newsassert.pytest_plugin.fixtures import parametrize_article

    parametrize_article(metafunc)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    # The verdicts a plain test asserts go to the report with the test's id
    # (nothing is imported for it when no report is written).
    config = item.config
    if not (config.getoption("newsassert_report", None) or config.getini("newsassert_report")):
        return (yield)
    from newsassert.pytest_plugin.verdicts import recording

    with recording(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if (
        report.failed
        and call.excinfo is not None
        and call.excinfo.errisinstance(AssertionError)
        # No verdict can exist before newsassert's checks were imported.
        and "newsassert.check.verdict" in sys.modules
    ):
        from newsassert.pytest_plugin.asserts import add_evidence

        add_evidence(report, call.excinfo)
    return report


def pytest_deselected(items: list[pytest.Item]) -> None:
    if not items or not _started(items[0].config):
        return
    from newsassert.pytest_plugin.collect import is_newsassert_item
    from newsassert.pytest_plugin.state import state_of

    if any(is_newsassert_item(item) for item in items):
        state_of(items[0].config).partial = True


def pytest_collection_finish(session: pytest.Session) -> None:
    if not _started(session.config):
        return
    from newsassert.pytest_plugin.collect import number_items

    number_items(session)


def pytest_sessionfinish(session: pytest.Session) -> None:
    if not _started(session.config):
        return
    from newsassert.pytest_plugin.state import WORKER_KEY, state_of

    state = state_of(session.config)
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[WORKER_KEY] = state.worker_output()
    else:
        state.finish(session)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    output = getattr(node, "workeroutput", None) or {}
    if "newsassert" not in output:
        return
    from newsassert.pytest_plugin.state import WORKER_KEY, state_of

    state_of(node.config).add_worker_output(output.get(WORKER_KEY))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _started(terminalreporter.config):
        return
    from newsassert.pytest_plugin.state import state_of

    lines = state_of(terminalreporter.config).summary
    if lines:
        terminalreporter.section("newsassert")
        for line in lines:
            terminalreporter.write_line(line)
