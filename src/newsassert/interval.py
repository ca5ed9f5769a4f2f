"""Numeric intervals with open or closed ends: what a hedged quantity asserts.

``نحو 150`` asserts [135, 165], ``أكثر من 150`` asserts (150, ∞); the two agree
because they share a point. The ends come from the claim's ``low`` and
``high`` (``None`` is unbounded); a ``more_than`` claim's low end and a
``less_than`` claim's high end are open when they equal the stated value.

A value like the claims, below them: :mod:`newsassert.model` hands
:class:`Interval` on, and :mod:`newsassert.compare` and the checks use it.
"""

from __future__ import annotations

import functools
import math
from decimal import Decimal
from typing import Protocol

import attrs

from newsassert.text.data import read_data

__all__ = ["INF", "Hedged", "Interval", "default_open_bound", "exact", "format_number"]


class Hedged(Protocol):
    """What an interval is read from: a quantity claim's value, hedge and ends."""

    @property
    def value(self) -> float: ...

    @property
    def qualifier(self) -> str: ...

    @property
    def low(self) -> float | None: ...

    @property
    def high(self) -> float | None: ...


INF = math.inf


@attrs.frozen
class Interval:
    """Numbers from ``low`` to ``high``, each end open or closed (infinite when unbounded).

    Ends are exact: a float from "16.1 million" (16100000.000000002) is taken
    as the 16,100,000 that was written (:func:`exact`). A one-sided hedge has a
    sense of magnitude: "more than 40" does not reach 400. Its open end is
    bounded at ``value × open_bound`` (``data/hedges.toml``, ``[intervals]
    open_bound``, 2 by default; a check may pass its own); that end is *soft*
    (``high_soft``): it is used to compare, and the interval still shows as
    ``>40``.
    """

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    high_soft: bool = False

    @classmethod
    def of(cls, claim: Hedged, tolerance: float = 0.0, open_bound: float | None = None) -> Interval:
        """The interval a quantity claim asserts, widened by a relative ``tolerance``.

        ``open_bound`` (default: the data's) bounds a one-sided hedge's open end.
        """
        value = _exact(claim.value)
        low, high = claim.low, claim.high
        if low is None and high is None:
            low, high = _default_bounds(claim.qualifier, value)
        lo = -INF if low is None else _exact(float(low))
        hi = INF if high is None else _exact(float(high))
        soft = False
        bound = default_open_bound() if open_bound is None else open_bound
        if hi == INF and claim.qualifier in _OPEN_ABOVE and math.isfinite(bound) and bound > 0:
            base = max(lo, value)
            if math.isfinite(base) and base > 0:
                hi, soft = _exact(base * bound), True
        interval = cls(
            lo,
            hi,
            low_open=claim.qualifier == "more_than" and lo == value,
            high_open=claim.qualifier == "less_than" and hi == value,
            high_soft=soft,
        )
        return interval.widened(tolerance) if tolerance else interval

    @property
    def is_point(self) -> bool:
        return self.low == self.high

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
            high, high_open, soft = self.high, self.high_open, self.high_soft
        else:
            high, high_open, soft = other.high, other.high_open, other.high_soft
        if self.high == other.high:
            soft = self.high_soft and other.high_soft  # a stated end wins
        if low > high or (low == high and (low_open or high_open)):
            return None
        return Interval(low, high, low_open, high_open, soft)

    def overlaps(self, other: Interval) -> bool:
        return self.intersect(other) is not None

    @property
    def ends(self) -> tuple[float, ...]:
        return tuple(x for x in (self.low, self.high) if math.isfinite(x))

    def __str__(self) -> str:
        """Compact, for a reader: ``2,500``, ``135–165``, ``>150``, ``≥150``, ``<150``."""
        lo, hi = self.low, (INF if self.high_soft else self.high)
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


_OPEN_ABOVE = ("more_than", "at_least")


@functools.cache
def default_open_bound() -> float:
    """How far a one-sided hedge reaches by default: ``data/hedges.toml``'s ``open_bound``."""
    return float(read_data("hedges.toml")["intervals"].get("open_bound", math.inf))


def exact(x: float) -> Decimal:
    """A figure as the digits it was written with: float noise removed.

    "16.1 million" is 16,100,000 and "4.1 مليون" 4,100,000: values are
    rounded to 12 significant digits, far more than any news figure gives.
    """
    return Decimal(f"{x:.12g}")


def _exact(x: float) -> float:
    return float(exact(x)) if math.isfinite(x) else x


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
