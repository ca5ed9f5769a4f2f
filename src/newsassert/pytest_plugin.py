"""The pytest plugin: hooks only; the work is done in :mod:`newsassert.plugin`.

Registered through the ``pytest11`` entry point, so installing newsassert is
enough. Without a configured corpus or a check file it adds nothing to a run
but its options and fixtures.
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest

from newsassert.plugin.fixtures import article, corpus
from newsassert.plugin.options import addoption, read_settings

__all__ = ["article", "corpus"]

MARKER = "newsassert: a newsassert check (a check-file table or an article's consistency)"


def pytest_addoption(parser: pytest.Parser) -> None:
    addoption(parser)


def pytest_configure(config: pytest.Config) -> None:
    from newsassert.plugin.state import STATE, load_state

    config.addinivalue_line("markers", MARKER)
    config.stash[STATE] = load_state(config, read_settings(config))


def pytest_unconfigure(config: pytest.Config) -> None:
    from newsassert.plugin.state import STATE

    state = config.stash.get(STATE, None)
    if state is not None:
        state.close()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    from newsassert.plugin.collect import collect_file

    return collect_file(file_path, parent)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    report = yield
    if isinstance(collector, pytest.Session):
        from newsassert.plugin.collect import add_corpus

        add_corpus(collector, report)
    return report


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    from newsassert.plugin.fixtures import parametrize_article

    parametrize_article(metafunc)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed and call.excinfo is not None and call.excinfo.errisinstance(AssertionError):
        from newsassert.plugin.asserts import add_evidence

        add_evidence(report, call.excinfo)
    return report


def pytest_deselected(items: list[pytest.Item]) -> None:
    from newsassert.plugin.collect import is_newsassert_item
    from newsassert.plugin.state import state_of

    if items and any(is_newsassert_item(item) for item in items):
        state_of(items[0].config).partial = True


def pytest_collection_finish(session: pytest.Session) -> None:
    from newsassert.plugin.collect import number_items

    number_items(session)


def pytest_sessionfinish(session: pytest.Session) -> None:
    from newsassert.plugin.state import WORKER_KEY, state_of

    state = state_of(session.config)
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput[WORKER_KEY] = state.worker_output()
    else:
        state.finish(session)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: Any) -> None:
    from newsassert.plugin.state import WORKER_KEY, state_of

    output = getattr(node, "workeroutput", None) or {}
    state_of(node.config).add_worker_output(output.get(WORKER_KEY))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from newsassert.plugin.state import state_of

    lines = state_of(terminalreporter.config).summary
    if lines:
        terminalreporter.section("newsassert")
        for line in lines:
            terminalreporter.write_line(line)
