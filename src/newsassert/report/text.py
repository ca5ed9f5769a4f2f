"""Terminal text for verdicts and runs: aligned columns, Arabic on its own lines.

Terminals differ in how they lay out right-to-left text, and most do not
reorder a line that mixes scripts. So any value, outlet or sentence that
contains Arabic (or another right-to-left script) gets a line to itself,
indented, under a left-to-right row that names the article, the offsets and
the language; only left-to-right fields share the aligned columns. Colour
(ANSI) is used only when asked for; without it the output is plain text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsassert.check.verdict import STATUS_MARKS, Paint, evidence_lines, render_verdict
from newsassert.text.display import has_rtl, text_width

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.check.verdict import CheckResult

__all__ = ["has_rtl", "render_result", "render_results", "render_verdict", "text_width"]

_STATUS_STYLE = {"passed": "good", "failed": "bad", "baselined": "warn", "error": "bad"}


# ---------------------------------------------------------------------------
# A run
# ---------------------------------------------------------------------------


def render_result(
    result: CheckResult,
    *,
    color: bool = False,
    evidence: bool = True,
    baseline: BaselineComparison | None = None,
) -> str:
    """One check of a run: its status and name, the summary, and the evidence.

    With a baseline, a failing check is marked NEW or ACCEPTED (and a check
    with some of each lists its new failures).
    """
    from newsassert.check.baseline import NEW, baseline_label, baseline_status

    paint = Paint(color)
    mark = paint(_STATUS_STYLE[result.status], STATUS_MARKS[result.status])
    where = f"  ({result.location[0]}:{result.location[1]})" if result.location else ""
    label = baseline_label(result, baseline)
    if label:
        label = "  " + paint("bad" if label.startswith(NEW) else "warn", label)
    lines = [f"  {mark} {paint('bold', result.name)}{label}{where}"]
    status = baseline_status(result, baseline)
    if status is not None and status[0] == NEW and status[2]:
        lines.append(paint("bad", f"      new: {', '.join(status[1])}"))
    if result.status == "error":
        lines.extend("      " + line for line in (result.error or "").splitlines())
        return "\n".join(lines)
    verdict = result.verdict
    lines.append(f"      {verdict.summary}")
    if result.query:
        lines.append(paint("dim", f"      query: {result.query}"))
    if evidence and verdict.evidence:
        lines.extend(evidence_lines(verdict.evidence, paint, "      "))
    return "\n".join(lines)


_SECTIONS = (
    ("failed", "Conflicts"),
    ("error", "Errors"),
    ("baselined", "Accepted by the baseline"),
    ("passed", "Agreements"),
)


def render_results(
    results: Iterable[CheckResult],
    *,
    color: bool = False,
    quiet: bool = False,
    baseline: BaselineComparison | None = None,
    header: str = "",
) -> str:
    """A whole run, grouped: conflicts first, then errors, baselined, agreements.

    Failures always show their evidence; with ``quiet`` passing checks are
    left out, and only the final count says how many there were.
    """
    paint = Paint(color)
    results = list(results)
    blocks: list[str] = [header] if header else []
    for status, title in _SECTIONS:
        chosen = [r for r in results if r.status == status]
        if not chosen or (quiet and status in ("passed", "baselined")):
            continue
        blocks.append(paint("bold", f"{title} ({len(chosen)})"))
        for result in chosen:
            blocks.append(
                render_result(
                    result, color=color, evidence=status != "baselined", baseline=baseline
                )
            )
    if baseline is not None and baseline.stale:
        lines = [paint("warn", "Stale baseline entries (these failures no longer happen)")]
        for name, keys in baseline.stale.items():
            lines.append(f"  {name}: {', '.join(keys)}")
        blocks.append("\n".join(lines))
    blocks.append(_totals(results, paint))
    return "\n\n".join(blocks) + "\n"


def _totals(results: Sequence[CheckResult], paint: Paint) -> str:
    counts = {status: sum(r.status == status for r in results) for status in STATUS_MARKS}
    parts = [
        paint("good" if counts["passed"] else None, f"{counts['passed']} held"),
        paint("bad" if counts["failed"] else None, f"{counts['failed']} failed"),
    ]
    if counts["baselined"]:
        parts.append(paint("warn", f"{counts['baselined']} baselined"))
    if counts["error"]:
        parts.append(paint("bad", f"{counts['error']} errors"))
    noun = "check" if len(results) == 1 else "checks"
    return f"{len(results)} {noun}: " + ", ".join(parts)
