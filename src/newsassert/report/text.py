"""Terminal text for verdicts and runs: aligned columns, Arabic on its own lines.

Terminals differ in how they lay out right-to-left text, and most do not
reorder a line that mixes scripts. So any value, outlet or sentence that
contains Arabic (or another right-to-left script) gets a line to itself,
indented, under a left-to-right row that names the article, the offsets and
the language; only left-to-right fields share the aligned columns. Colour
(ANSI) is used only when asked for; without it the output is plain text.

What reaches a terminal passes :func:`for_terminal` first: article text and
check files are data, and an escape sequence in a sentence (``\\e[1A\\e[2K``
moves up a line and erases it) or a bidi override must not act on the
terminal. Every control is shown escaped (``\\x1b``, ``\\u202e``); with colour
on, newsassert's own colour codes (a fixed list) are the only sequences left.
JSON output is already escaped for the C0 controls; :func:`for_json` escapes
the C1 controls and bidi controls too (the same JSON values).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsassert._bidi import SCOPED
from newsassert.check.verdict import (
    STATUS_MARKS,
    Paint,
    evidence_lines,
    kinds_line,
    render_verdict,
)
from newsassert.text.display import has_rtl, text_width

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.check.verdict import CheckResult

__all__ = [
    "for_json",
    "for_terminal",
    "has_rtl",
    "render_result",
    "render_results",
    "render_verdict",
    "text_width",
]

# Every control but line feed and tab (a carriage return rewrites the line).
# Lone surrogates too: a file name that is not UTF-8 holds them, and a UTF-8
# terminal cannot print them.
_TERMINAL_CONTROLS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + SCOPED
# newsassert's own colour codes (check.verdict's styles, explain's): reset,
# bold, dim, bold underline, green, yellow, cyan, bold red.
_OWN_COLOURS = r"\x1b\[(?:0|1|2|1;4|32|33|36|1;31)m"
_UNSAFE = re.compile(f"[{_TERMINAL_CONTROLS}]")
_UNSAFE_BUT_COLOURS = re.compile(f"({_OWN_COLOURS})|[{_TERMINAL_CONTROLS}]")
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{SCOPED}]")


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def for_terminal(text: str, *, color: bool = False) -> str:
    """``text`` safe to print: controls shown escaped (``\\x1b``, ``\\u202e``).

    With ``color`` newsassert's own colour codes are kept (and only those).
    """
    if not color:
        return _UNSAFE.sub(lambda m: _escaped(m.group()), text)
    return _UNSAFE_BUT_COLOURS.sub(lambda m: m.group(1) or _escaped(m.group()), text)


def for_json(text: str) -> str:
    """JSON text with the C1 and bidi controls written as ``\\uXXXX`` (the same values)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

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
    if kinds := kinds_line(verdict):
        lines.append(f"      {kinds}")
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
