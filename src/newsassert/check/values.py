"""How a claim's value is shown in a verdict: short, in the claim's own words."""

from __future__ import annotations

from newsassert.check.interval import Interval
from newsassert.model import Claim, DateClaim, MentionClaim, QuantityClaim, RoleClaim, date_fields

__all__ = ["describe", "describe_date"]


def describe(claim: Claim) -> str:
    """``>150 attack``, ``2,500 soldier in Iraq``, ``2024-01-25``, ``Lloyd Austin (defense minister, United States)``."""
    if isinstance(claim, QuantityClaim):
        text = f"{Interval.of(claim)} {claim.unit or claim.unit_text or ''}".rstrip()
        return f"{text} in {claim.place}" if claim.place else text
    if isinstance(claim, DateClaim):
        fields = date_fields(claim)
        # A date of which no field is known ("on Monday", "أمس" without a
        # publication date) is shown in its own words, not as "unknown date".
        return describe_date(fields) if any(f is not None for f in fields) else claim.text
    if isinstance(claim, MentionClaim):
        if claim.entity and claim.entity != claim.name:
            return f"{claim.name} = {claim.entity}"
        return claim.name
    if isinstance(claim, RoleClaim):
        office = f"{claim.title}, {claim.country}" if claim.country else claim.title
        return f"{claim.person} ({office})"
    return claim.text


def describe_date(fields: tuple[int | None, int | None, int | None]) -> str:
    """ISO 8601 as far as the date is known: ``2024-01-25``, ``2024-01``, ``--01-25``."""
    year, month, day = fields
    if year is not None:
        parts = [f"{year:04d}"]
        if month is not None:
            parts.append(f"{month:02d}")
            if day is not None:
                parts.append(f"{day:02d}")
        elif day is not None:
            return f"{year:04d}, day {day}"
        return "-".join(parts)
    if month is not None:
        return f"--{month:02d}-{day:02d}" if day is not None else f"--{month:02d}"
    return f"day {day}" if day is not None else "unknown date"
