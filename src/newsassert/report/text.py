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

import regex

from newsassert.check.verdict import ROLE_MARKS, STATUS_MARKS

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.check.verdict import CheckResult, Evidence, Verdict
    from newsassert.model import Claim

__all__ = ["has_rtl", "render_result", "render_results", "render_verdict", "text_width"]

# Letters of right-to-left scripts (Arabic, Hebrew, Syriac, Thaana, N'Ko …).
_RTL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
# Whitespace to collapse to one space: a run of two or more, or one that is
# not a space. A lone space is left alone (the same result as replacing
# every run by a space, without a replacement at each word: 2x faster).
_SPACE = regex.compile(r"\s{2,}|[^\S ]")

# How much of a sentence to quote around the claim.
QUOTE_WIDTH = 180


_RESET = "\x1b[0m"
_STYLES = {
    "good": "\x1b[32m",
    "bad": "\x1b[1;31m",
    "warn": "\x1b[33m",
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
    "claim": "\x1b[1;4m",
}
_ROLE_STYLE = {
    "majority": "good",
    "agrees": "good",
    "supported": "good",
    "dissent": "bad",
    "unsupported": "bad",
    "conflict": "bad",
}
_STATUS_STYLE = {"passed": "good", "failed": "bad", "baselined": "warn", "error": "bad"}


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str | None, text: str) -> str:
        if not self.color or not style or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script."""
    return _RTL.search(text) is not None


# Characters a terminal draws in no column (marks, format characters) and in two.
_ZERO_WIDTH = regex.compile(r"[\p{Mn}\p{Me}\p{Cf}]")
_DOUBLE_WIDTH = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide characters 2, combining marks 0)."""
    if text.isascii():
        return len(text)
    # Two regex scans, not a Python loop per character: reports of large
    # corpora measure every quoted sentence.
    return len(text) - len(_ZERO_WIDTH.findall(text)) + len(_DOUBLE_WIDTH.findall(text))


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


# ---------------------------------------------------------------------------
# One verdict
# ---------------------------------------------------------------------------


def render_verdict(verdict: Verdict, *, color: bool = False, indent: str = "") -> str:
    """A verdict as its evidence table: the summary, then one block per claim."""
    paint = _Paint(color)
    status = paint("good", "holds") if verdict.holds else paint("bad", "FAILS")
    lines = [f"{indent}{verdict.check} {status}: {verdict.summary}"]
    if verdict.query:
        lines.append(f"{indent}  query:    {verdict.query}")
    if verdict.majority is not None:
        lines.append(f"{indent}  majority: {verdict.majority}")
    if verdict.evidence:
        lines.append("")
        lines.extend(_evidence_lines(verdict.evidence, paint, indent + "  "))
    return "\n".join(lines)


def _evidence_lines(rows: Sequence[Evidence], paint: _Paint, indent: str) -> list[str]:
    cells = [_cells(row.claim) for row in rows]
    roles = [row.role for row in rows]
    widths = [
        max(text_width(r) for r in roles),
        *(max(text_width(c[i]) for c in cells) for i in range(3)),
    ]
    deeper = indent + "    "
    lines: list[str] = []
    for row, (article, offsets, lang, outlet) in zip(rows, cells, strict=True):
        mark = ROLE_MARKS.get(row.role, " ")
        style = _ROLE_STYLE.get(row.role)
        head = [
            paint(style, f"{mark} {_pad(row.role, widths[0])}"),
            _pad(article, widths[1]),
            _pad(offsets, widths[2]),
            _pad(lang, widths[3]),
        ]
        if outlet and not has_rtl(outlet):
            head.append(outlet)
        value_inline = not has_rtl(row.value)
        if value_inline:
            head.append(paint("bold", row.value))
        lines.append(indent + "  ".join(head).rstrip())
        if outlet and has_rtl(outlet):
            lines.append(deeper + outlet)
        if not value_inline:
            lines.append(deeper + paint("bold", row.value))
        if row.note:
            lines.append(deeper + paint("dim", f"({row.note})"))
        lines.extend(_quote_lines(row.claim, paint, deeper))
        if row.role in ("conflict", "unsupported") and row.against:
            for other in row.against[:5]:
                lines.extend(_against_lines(other, paint, deeper))
            if len(row.against) > 5:
                lines.append(deeper + f"  … and {len(row.against) - 5} more")
    return lines


def _cells(claim: Claim) -> tuple[str, str, str, str]:
    return claim.article, f"[{claim.start}:{claim.end}]", claim.lang, claim.outlet or ""


def _quote_lines(claim: Claim, paint: _Paint, indent: str) -> list[str]:
    sentence = claim.sentence or claim.text
    before, found, after = _window(sentence, claim.text)
    quoted = f"{before}{paint('claim', found)}{after}" if found else before
    return [indent + paint("dim", "“") + quoted + paint("dim", "”")]


def _against_lines(claim: Claim, paint: _Paint, indent: str) -> list[str]:
    from newsassert.check.values import describe

    value = describe(claim)
    head = f"↔ {claim.article} [{claim.start}:{claim.end}] {claim.lang}"
    if has_rtl(value):
        return [indent + paint("dim", head), indent + "  " + value]
    return [indent + paint("dim", head) + "  " + value]


def _window(sentence: str, text: str) -> tuple[str, str, str]:
    """The sentence, whitespace collapsed, cut to QUOTE_WIDTH around ``text``."""
    sentence = _SPACE.sub(" ", sentence).strip()
    text = _SPACE.sub(" ", text).strip()
    at = sentence.find(text) if text else -1
    if at < 0:
        if len(sentence) > QUOTE_WIDTH:
            sentence = sentence[: QUOTE_WIDTH - 1] + "…"
        return sentence, "", ""
    before, after = sentence[:at], sentence[at + len(text) :]
    room = max(0, QUOTE_WIDTH - len(text))
    keep_before = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    keep_after = min(len(after), room - keep_before)
    if keep_before < len(before):
        before = "…" + before[len(before) - keep_before :]
    if keep_after < len(after):
        after = after[:keep_after] + "…"
    return before, text, after


# ---------------------------------------------------------------------------
# A run
# ---------------------------------------------------------------------------


def render_result(result: CheckResult, *, color: bool = False, evidence: bool = True) -> str:
    """One check of a run: its status and name, the summary, and the evidence."""
    paint = _Paint(color)
    mark = paint(_STATUS_STYLE[result.status], STATUS_MARKS[result.status])
    where = f"  ({result.location[0]}:{result.location[1]})" if result.location else ""
    lines = [f"  {mark} {paint('bold', result.name)}{where}"]
    if result.status == "error":
        lines.extend("      " + line for line in (result.error or "").splitlines())
        return "\n".join(lines)
    verdict = result.verdict
    lines.append(f"      {verdict.summary}")
    if result.query:
        lines.append(paint("dim", f"      query: {result.query}"))
    if evidence and verdict.evidence:
        lines.extend(_evidence_lines(verdict.evidence, paint, "      "))
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
    paint = _Paint(color)
    results = list(results)
    blocks: list[str] = [header] if header else []
    for status, title in _SECTIONS:
        chosen = [r for r in results if r.status == status]
        if not chosen or (quiet and status in ("passed", "baselined")):
            continue
        blocks.append(paint("bold", f"{title} ({len(chosen)})"))
        for result in chosen:
            blocks.append(render_result(result, color=color, evidence=status != "baselined"))
    if baseline is not None and baseline.stale:
        lines = [paint("warn", "Stale baseline entries (these failures no longer happen)")]
        for name, keys in baseline.stale.items():
            lines.append(f"  {name}: {', '.join(keys)}")
        blocks.append("\n".join(lines))
    blocks.append(_totals(results, paint))
    return "\n\n".join(blocks) + "\n"


def _totals(results: Sequence[CheckResult], paint: _Paint) -> str:
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
