"""Verdicts: what a check found, truthy when it holds, its repr the evidence table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import attrs
import regex

from newsassert.check.notebook import ROLE_COLOUR, ROWS_SHOWN, cell, quote, table
from newsassert.model import Claim
from newsassert.text.display import has_rtl, pad, text_width

__all__ = [
    "STATUSES",
    "CheckResult",
    "Evidence",
    "Paint",
    "Verdict",
    "evidence_lines",
    "kinds_line",
    "observe_verdicts",
    "render_verdict",
    "verdict_html",
]

# What a row of evidence is, in the verdict of its check. ``aside`` is a claim
# shown for context that neither holds nor fails the check.
ROLES = (
    "majority",
    "agrees",
    "dissent",
    "supported",
    "unsupported",
    "conflict",
    "counted",
    "aside",
)

# The roles of rows that make a check fail.
FAILING_ROLES = frozenset({"dissent", "unsupported", "conflict"})

STATUSES = ("passed", "failed", "baselined", "error")

# The mark a report shows beside a row of evidence and beside a check's status.
ROLE_MARKS = {
    "majority": "✓",
    "agrees": "✓",
    "supported": "✓",
    "counted": "·",
    "aside": "·",
    "dissent": "✗",
    "unsupported": "✗",
    "conflict": "✗",
}
STATUS_MARKS = {"passed": "✓", "failed": "✗", "baselined": "~", "error": "!"}


@attrs.frozen(kw_only=True)
class Evidence:
    """One claim in a verdict: its value as shown, its role, and what it is set against."""

    claim: Claim
    value: str
    role: str = attrs.field(validator=attrs.validators.in_(ROLES))
    against: tuple[Claim, ...] = ()
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "value": self.value,
            "note": self.note,
            "claim": self.claim.to_dict(),
            "against": [c.id for c in self.against],
        }


def _shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _sorted_keys(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(keys)))


# Told of each verdict whose truth is asked (``assert verdict``): the pytest
# plugin, to put the verdicts of plain tests in its report. Empty otherwise.
_OBSERVERS: list[Callable[[Verdict], None]] = []


@contextmanager
def observe_verdicts(observer: Callable[[Verdict], None]) -> Iterator[None]:
    """Call ``observer`` with each verdict whose truth is asked (``bool``, ``assert``,
    ``if``) within the block."""
    _OBSERVERS.append(observer)
    try:
        yield
    finally:
        _OBSERVERS.remove(observer)


@attrs.frozen(kw_only=True)
class Verdict:
    """The result of a check.

    ``holds`` is the answer (the verdict is truthy exactly when it holds);
    ``summary`` says it in one sentence; ``majority`` is the value most
    articles state, when there is one; ``evidence`` has one row per claim
    compared. ``failures`` are the stable keys of what failed (built from
    claim ids, sorted), which a baseline records.
    """

    check: str
    holds: bool
    summary: str
    query: str = ""
    majority: str | None = None
    evidence: tuple[Evidence, ...] = ()
    failures: tuple[str, ...] = attrs.field(default=(), converter=_sorted_keys)

    def __bool__(self) -> bool:
        for observer in _OBSERVERS:
            observer(self)
        return self.holds

    def __repr__(self) -> str:
        # One line: pytest shows it in an assertion's "where" lines. The table is str().
        state = "holds" if self.holds else "FAILS"
        return f"<Verdict {self.check} {state}: {_shorten(self.summary, 100)}>"

    def __str__(self) -> str:
        """The evidence table (what a failing check prints)."""
        return render_verdict(self)

    def _repr_html_(self) -> str:
        """The evidence as an HTML table, for notebooks."""
        return verdict_html(self)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim the verdict shows (its rows and what they are set against), once each."""
        seen: dict[str, Claim] = {}
        for row in self.evidence:
            seen.setdefault(row.claim.id, row.claim)
        for row in self.evidence:
            for claim in row.against:
                seen.setdefault(claim.id, claim)
        return tuple(seen.values())

    @property
    def by_kind(self) -> dict[str, int]:
        """The failing rows by claim kind (``{"quantity": 1, "statement": 2}``), kinds sorted.

        Statements are less precise evidence than figures, names and dates:
        a reader weighs a verdict by what failed in it.
        """
        counts: dict[str, int] = {}
        for row in self.evidence:
            if row.role in FAILING_ROLES:
                counts[row.claim.kind] = counts.get(row.claim.kind, 0) + 1
        return dict(sorted(counts.items()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "holds": self.holds,
            "summary": self.summary,
            "query": self.query,
            "majority": self.majority,
            "failures": list(self.failures),
            "by_kind": self.by_kind,
            "evidence": [row.to_dict() for row in self.evidence],
        }


def kinds_line(verdict: Verdict) -> str:
    """``failing: quantity 1, statement 2`` when statements are among the failures, else ``""``.

    Said apart so that a reader sees at once which failures rest on the
    statement heuristics (and that ``statements = false`` leaves them out).
    """
    kinds = verdict.by_kind
    if "statement" not in kinds:
        return ""
    return "failing: " + ", ".join(f"{kind} {n}" for kind, n in kinds.items())


@attrs.frozen(kw_only=True)
class CheckResult:
    """One named check run over a corpus: what it asked and the verdict.

    ``status`` is ``passed`` or ``failed`` as the verdict says, ``baselined``
    when every failure is accepted by the baseline, ``error`` when the check
    could not run (``error`` then holds the message and ``verdict`` says so).
    ``location`` is the (file, line) of the check in a check file, if any.
    """

    name: str
    query: str
    expect: str
    verdict: Verdict
    status: str = attrs.field(validator=attrs.validators.in_(STATUSES))
    location: tuple[str, int] | None = None
    error: str | None = None

    @classmethod
    def of(
        cls,
        name: str,
        query: str,
        expect: str,
        verdict: Verdict,
        location: tuple[str, int] | None = None,
    ) -> CheckResult:
        """A result whose status is the verdict's (``passed`` or ``failed``)."""
        status = "passed" if verdict.holds else "failed"
        return cls(
            name=name,
            query=query,
            expect=expect,
            verdict=verdict,
            status=status,
            location=location,
        )

    @classmethod
    def failed_to_run(
        cls,
        name: str,
        query: str,
        expect: str,
        message: str,
        location: tuple[str, int] | None = None,
    ) -> CheckResult:
        """A result for a check that raised a newsassert error instead of a verdict."""
        verdict = Verdict(check=expect, holds=False, summary=message, query=query)
        return cls(
            name=name,
            query=query,
            expect=expect,
            verdict=verdict,
            status="error",
            location=location,
            error=message,
        )

    @property
    def ok(self) -> bool:
        """Whether the result lets a run pass (passed or baselined)."""
        return self.status in ("passed", "baselined")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "query": self.query,
            "expect": self.expect,
            "status": self.status,
            "location": list(self.location) if self.location else None,
            "error": self.error,
            "verdict": self.verdict.to_dict(),
            "claims": [c.to_dict() for c in self.verdict.claims],
        }


# ---------------------------------------------------------------------------
# The evidence table: a verdict's repr, and the rows of the terminal report
# (newsassert.report.text). Arabic and other right-to-left text gets lines of
# its own, under a left-to-right row that names the article, the offsets and
# the language: terminals differ in how they lay out mixed scripts.
# ---------------------------------------------------------------------------

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
class Paint:
    """Wraps text in the ANSI codes of a style, when colour is on (else returns it as is)."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, style: str | None, text: str) -> str:
        if not self.color or not style or not text:
            return text
        return f"{_STYLES[style]}{text}{_RESET}"



def render_verdict(verdict: Verdict, *, color: bool = False, indent: str = "") -> str:
    """A verdict as its evidence table: the summary, then one block per claim."""
    paint = Paint(color)
    status = paint("good", "holds") if verdict.holds else paint("bad", "FAILS")
    lines = [f"{indent}{verdict.check} {status}: {verdict.summary}"]
    if kinds := kinds_line(verdict):
        lines.append(f"{indent}  {kinds}")
    if verdict.query:
        lines.append(f"{indent}  query:    {verdict.query}")
    if verdict.majority is not None:
        lines.append(f"{indent}  majority: {verdict.majority}")
    if verdict.evidence:
        lines.append("")
        lines.extend(evidence_lines(verdict.evidence, paint, indent + "  "))
    return "\n".join(lines)


def evidence_lines(rows: Sequence[Evidence], paint: Paint, indent: str) -> list[str]:
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
            paint(style, f"{mark} {pad(row.role, widths[0])}"),
            pad(article, widths[1]),
            pad(offsets, widths[2]),
            pad(lang, widths[3]),
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


def _quote_lines(claim: Claim, paint: Paint, indent: str) -> list[str]:
    sentence = claim.sentence or claim.text
    before, found, after = _window(sentence, claim.text)
    quoted = f"{before}{paint('claim', found)}{after}" if found else before
    return [indent + paint("dim", "“") + quoted + paint("dim", "”")]


def _against_lines(claim: Claim, paint: Paint, indent: str) -> list[str]:
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
# In a notebook
# ---------------------------------------------------------------------------


def verdict_html(verdict: Verdict) -> str:
    """A verdict: its summary, then each row of evidence with its mark and quote."""
    state = "holds" if verdict.holds else "FAILS"
    rows = []
    for row in verdict.evidence[:ROWS_SHOWN]:
        mark = ROLE_MARKS.get(row.role, "")
        colour = ROLE_COLOUR.get(mark, "")
        rows.append(
            "<tr>"
            + cell(f"{mark} {row.role}", style=f"color:{colour}" if colour else "")
            + cell(row.claim.article)
            + cell(row.value)
            + f'<td dir="auto">{quote(row.claim)}</td>'
            + cell(row.note)
            + "</tr>"
        )
    caption = f"{verdict.check} {state}: {verdict.summary}"
    return table(
        caption, ("", "article", "value", "evidence", "note"), rows, len(verdict.evidence)
    )
