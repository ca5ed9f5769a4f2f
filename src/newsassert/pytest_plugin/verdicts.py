"""Verdicts that plain Python tests assert, in the run's report.

``assert corpus.query(...).agree()`` asks the verdict for its truth; while a
test runs, every verdict asked is noted (once, in order), and when the test
ends each becomes a result of the run named by the test's id (``[2]``, ``[3]``
after the first when a test asserts several), so ``--newsassert-report``
shows them beside the check files' results. Nothing is noted when no report
is written, nor for newsassert's own items, which record their results
themselves.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from newsassert.check.verdict import CheckResult, Verdict, observe_verdicts
from newsassert.pytest_plugin.collect import is_newsassert_item
from newsassert.pytest_plugin.state import state_of

# Each item's place among the run's items, so that results sort the same in
# every process (computed once per session).
_PLACES = pytest.StashKey[dict[str, int]]()


@contextmanager
def recording(item: pytest.Item) -> Iterator[None]:
    """Note the verdicts a test asks for, and record them as results when it ends."""
    state = state_of(item.config)
    if is_newsassert_item(item):
        yield
        return
    seen: dict[int, Verdict] = {}

    def note(verdict: Verdict) -> None:
        seen.setdefault(id(verdict), verdict)

    try:
        with observe_verdicts(note):
            yield
    finally:
        place = _place(item)
        path, line, _ = item.location
        for n, verdict in enumerate(seen.values(), 1):
            name = item.nodeid if n == 1 else f"{item.nodeid}[{n}]"
            result = CheckResult.of(
                name, verdict.query, verdict.check, verdict, location=(path, (line or 0) + 1)
            )
            state.results.append((place, result))


def _place(item: pytest.Item) -> int:
    places = item.session.stash.get(_PLACES, None)
    if places is None:
        places = {i.nodeid: n for n, i in enumerate(item.session.items)}
        item.session.stash[_PLACES] = places
    return places.get(item.nodeid, len(places))
