"""Check: agreement and support between selections of claims (being written)."""

from __future__ import annotations

from typing import Any

from newsassert.check.verdict import Evidence, Verdict

__all__ = ["Evidence", "Verdict", "agree", "count", "distinct", "none", "supported_by"]


def agree(selection: Any, *, tolerance: float = 0.0, min_sources: int = 1) -> Verdict:
    raise NotImplementedError


def supported_by(selection: Any, other: Any) -> Verdict:
    raise NotImplementedError


def count(selection: Any, **bounds: Any) -> Verdict:
    raise NotImplementedError


def none(selection: Any) -> Verdict:
    raise NotImplementedError


def distinct(selection: Any, **bounds: Any) -> Verdict:
    raise NotImplementedError
