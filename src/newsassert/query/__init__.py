"""Query: a small language that selects claims (being written)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsassert.model import Claim

__all__ = ["Query", "compile_query"]


class Query:
    text: str

    def evaluate(self, claims: Iterable[Claim]) -> tuple[Claim, ...]:
        raise NotImplementedError

    def matches(self, claim: Claim) -> bool:
        raise NotImplementedError


def compile_query(text: str) -> Any:
    raise NotImplementedError
