"""``mostly``: a check that holds when a large enough share passes.

Great Expectations calls it ``mostly``: ``mostly = 0.9`` lets a
``supported_by`` check hold when at least 90 % of the selected claims are
supported, and an ``agree`` check when at least 90 % of the articles state
the majority value. The verdict keeps every row (the unsupported claims and
the dissenting articles are still shown) and says the share and the threshold
in its summary, whether it holds or not::

    supported_by holds with mostly = 0.9: 28 of 30 claims (93 %) are supported
"""

from __future__ import annotations

import math

import attrs

from newsassert.check.types import Share
from newsassert.check.verdict import FAILING_ROLES, Verdict
from newsassert.errors import ConfigError

__all__ = ["MOSTLY_CHECKS", "SHARES", "apply_mostly", "check_mostly"]

#: The built-in checks whose verdict is a share: of articles (agree), of claims
#: (supported_by). A check kind declares its own (``check_kind(share=...)``).
SHARES = {
    "agree": Share("articles", "state the majority value"),
    "supported_by": Share("claims", "are supported"),
}
MOSTLY_CHECKS = tuple(SHARES)


def check_mostly(mostly: object) -> float:
    """``mostly`` as a float in (0, 1], or a :class:`ConfigError` saying what is wrong."""
    if (
        isinstance(mostly, bool)
        or not isinstance(mostly, int | float)
        or not math.isfinite(mostly)
        or not 0 < mostly <= 1
    ):
        raise ConfigError(f"'mostly' must be a number in (0, 1], such as 0.9 (got {mostly!r})")
    return float(mostly)


def apply_mostly(verdict: Verdict, mostly: float, of: Share | None = None) -> Verdict:
    """The verdict judged by share: it holds when at least ``mostly`` of it passes.

    ``of`` is what the verdict is a share of (by default the built-in
    check's that made it). A verdict with no rows (an empty selection, mixed
    kinds) is left as it is.
    """
    mostly = check_mostly(mostly)
    of = of if of is not None else SHARES.get(verdict.check)
    if of is None or not verdict.evidence:
        return verdict
    if not verdict.holds and not any(row.role in FAILING_ROLES for row in verdict.evidence):
        return verdict  # it fails for another reason (too few sources): no share to judge
    unit, verb = of.unit, of.verb
    if unit == "claims":
        total = len(verdict.evidence)
        passing = sum(1 for row in verdict.evidence if row.role not in FAILING_ROLES)
    else:
        # An article passes when none of its claims fails (dissents).
        failing = {r.claim.article for r in verdict.evidence if r.role in FAILING_ROLES}
        articles = {r.claim.article for r in verdict.evidence if r.role != "aside"}
        total = len(articles)
        passing = total - len(failing & articles)
    if total == 0:
        return verdict
    share = passing / total
    holds = share >= mostly
    # A share just under the threshold must not round up to it in the message.
    shown = math.floor(share * 100)
    stated = f"{passing} of {total} {unit} ({shown} %) {verb}"
    if holds:
        summary = f"{verdict.check} holds with mostly = {mostly:g}: {stated}"
        if not verdict.holds:
            summary += f" (without mostly: {verdict.summary})"
    else:
        needed = math.ceil(mostly * total - 1e-9)
        summary = f"only {stated}; mostly = {mostly:g} needs {needed} of {total}: {verdict.summary}"
    return attrs.evolve(
        verdict,
        holds=holds,
        summary=summary,
        # What a baseline records are the failures of a check that fails.
        failures=verdict.failures if not holds else (),
    )
