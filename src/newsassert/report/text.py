"""Terminal text for verdicts (being written)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict

__all__ = ["render_verdict"]


def render_verdict(verdict: Verdict) -> str:
    status = "holds" if verdict.holds else "FAILS"
    return f"{verdict.check} {status}: {verdict.summary}"
