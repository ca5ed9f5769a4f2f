"""How two claims relate: the answer of the ``newsassert_compare`` hook."""

from __future__ import annotations

import enum

__all__ = ["Comparison"]


class Comparison(enum.Enum):
    """Two claims of one kind either agree, conflict, or say nothing about each other."""

    AGREE = "agree"
    CONFLICT = "conflict"
    UNRELATED = "unrelated"
