"""Check types: the ``expect`` kinds of check files (being written)."""

from __future__ import annotations

from typing import Protocol

__all__ = ["CheckType"]


class CheckType(Protocol):
    name: str
