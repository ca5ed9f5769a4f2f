"""The evidence of a bare ``assert`` on a verdict, shown as a table.

pytest shows the operands of a failing ``assert`` on one line, with newlines
escaped, so a verdict's evidence table would arrive as one long line with
``\\n`` in it. The verdict is still there when the assertion fails: in the
frame's locals (``verdict = …; assert verdict``) or in the temporaries
pytest's assertion rewriting keeps (``assert corpus.query(…).agree()``). So
for a failed test the plugin adds each failing verdict found there to the
report as a section of its own, table intact::

    ----------------------------- newsassert evidence -----------------------------
    agree FAILS: …
"""

from __future__ import annotations

import pytest

from newsassert.check.verdict import Verdict

__all__ = ["SECTION", "add_evidence", "failing_verdicts"]

SECTION = "newsassert evidence"


def failing_verdicts(excinfo: pytest.ExceptionInfo[BaseException]) -> list[Verdict]:
    """The verdicts that do not hold in the frame where the assertion failed."""
    if not excinfo.traceback:
        return []
    found: dict[int, Verdict] = {}
    for value in excinfo.traceback[-1].frame.f_locals.values():
        if isinstance(value, Verdict) and not value.holds:
            found.setdefault(id(value), value)
    return list(found.values())


def add_evidence(report: pytest.TestReport, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
    """Add the failing verdicts' tables to a failed test's report."""
    verdicts = failing_verdicts(excinfo)
    addsection = getattr(report.longrepr, "addsection", None)
    if not verdicts or addsection is None:
        return
    addsection(SECTION, "\n\n".join(str(v) for v in verdicts))
