"""Numeric intervals with open or closed ends: what a hedged quantity asserts.

``نحو 150`` asserts [135, 165], ``أكثر من 150`` asserts (150, ∞); the two agree
because they share a point. The ends come from the claim's ``low`` and
``high`` (``None`` is unbounded); a ``more_than`` claim's low end and a
``less_than`` claim's high end are open when they equal the stated value.
"""

from __future__ import annotations

import math

import attrs

from newsassert.model import QuantityClaim

__all__ = ["Interval", "format_number"]

INF = math.inf


@attrs.frozen
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def of(cls, claim: QuantityClaim, tolerance: float = 0.0) -> Interval:
        """The interval a quantity claim asserts, widened by a relative ``tolerance``."""
        value = claim.value
        low, high = claim.low, claim.high
        if low is None and high is None:
            low, high = _default_bounds(claim.qualifier, value)
        lo = -INF if low is None else float(low)
        hi = INF if high is None else float(high)
        interval = cls(
            lo,
            hi,
            low_open=claim.qualifier == "more_than" and lo == value,
            high_open=claim.qualifier == "less_than" and hi == value,
        )
        return interval.widened(tolerance) if tolerance else interval

    def widened(self, tolerance: float) -> Interval:
        """Each finite end moved outwards by ``tolerance`` times its magnitude."""
        return attrs.evolve(
            self,
            low=self.low - abs(self.low) * tolerance,
            high=self.high + abs(self.high) * tolerance,
        )

    def contains(self, x: float) -> bool:
        above = x > self.low if self.low_open else x >= self.low
        below = x < self.high if self.high_open else x <= self.high
        return above and below

    def intersect(self, other: Interval) -> Interval | None:
        """The common part of two intervals, or ``None`` when they share no point."""
        if self.low > other.low or (self.low == other.low and self.low_open):
            low, low_open = self.low, self.low_open
        else:
            low, low_open = other.low, other.low_open
        if self.high < other.high or (self.high == other.high and self.high_open):
            high, high_open = self.high, self.high_open
        else:
            high, high_open = other.high, other.high_open
        if low > high or (low == high and (low_open or high_open)):
            return None
        return Interval(low, high, low_open, high_open)

    def overlaps(self, other: Interval) -> bool:
        return self.intersect(other) is not None

    @property
    def ends(self) -> tuple[float, ...]:
        return tuple(x for x in (self.low, self.high) if math.isfinite(x))

    def __str__(self) -> str:
        """Compact, for a reader: ``2,500``, ``135–165``, ``>150``, ``≥150``, ``<150``."""
        lo, hi = self.low, self.high
        if lo == hi:
            return format_number(lo)
        if not math.isfinite(hi):
            if not math.isfinite(lo):
                return "any"
            return (">" if self.low_open else "≥") + format_number(lo)
        if lo == 0 or not math.isfinite(lo):
            return ("<" if self.high_open else "≤") + format_number(hi)
        left = (">" if self.low_open else "") + format_number(lo)
        right = ("<" if self.high_open else "") + format_number(hi)
        return f"{left}–{right}"


def _default_bounds(qualifier: str, value: float) -> tuple[float | None, float | None]:
    # The schema's defaults, for claims made without low/high (hand-made ones).
    if qualifier == "approx":
        return value * 0.9, value * 1.1
    if qualifier == "more_than":
        return value, None
    if qualifier == "at_least":
        return value, None
    if qualifier == "less_than":
        return 0.0, value
    if qualifier == "at_most":
        return 0.0, value
    return value, value


def format_number(x: float) -> str:
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"
