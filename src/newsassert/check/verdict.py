"""Verdicts: what a check found, truthy when it holds, its repr the evidence table."""

from __future__ import annotations

import attrs

from newsassert.model import Claim

__all__ = ["Evidence", "Verdict"]

# What a row of evidence is, in the verdict of its check.
ROLES = ("majority", "agrees", "dissent", "supported", "unsupported", "conflict", "counted")


@attrs.frozen(kw_only=True)
class Evidence:
    """One claim in a verdict: its value as shown, its role, and what it is set against."""

    claim: Claim
    value: str
    role: str = attrs.field(validator=attrs.validators.in_(ROLES))
    against: tuple[Claim, ...] = ()
    note: str = ""


@attrs.frozen(kw_only=True)
class Verdict:
    """The result of a check.

    ``holds`` is the answer (the verdict is truthy exactly when it holds);
    ``summary`` says it in one sentence; ``majority`` is the value most
    articles state, when there is one; ``evidence`` has one row per claim
    compared. ``failures`` are the stable keys of what failed, which a
    baseline records.
    """

    check: str
    holds: bool
    summary: str
    query: str = ""
    majority: str | None = None
    evidence: tuple[Evidence, ...] = ()
    failures: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.holds

    def __repr__(self) -> str:
        from newsassert.report.text import render_verdict

        return render_verdict(self)
