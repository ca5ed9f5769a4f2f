"""Verdicts: what a check found, truthy when it holds, its repr the evidence table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from newsassert.model import Claim

__all__ = ["STATUSES", "CheckResult", "Evidence", "Verdict"]

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


def _sorted_keys(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(set(keys)))


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
        return self.holds

    def __repr__(self) -> str:
        from newsassert.report.text import render_verdict

        return render_verdict(self)

    __str__ = __repr__

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

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "holds": self.holds,
            "summary": self.summary,
            "query": self.query,
            "majority": self.majority,
            "failures": list(self.failures),
            "evidence": [row.to_dict() for row in self.evidence],
        }


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
