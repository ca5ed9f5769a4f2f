"""``count``, ``none`` and ``distinct``: the size of a selection against bounds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from newsassert.check.interval import Interval
from newsassert.check.values import describe
from newsassert.check.verdict import Evidence, Verdict
from newsassert.compare import date_fields, same_entity, same_person
from newsassert.errors import ConfigError
from newsassert.model import Claim, DateClaim, MentionClaim, QuantityClaim, RoleClaim

__all__ = ["count", "distinct", "none"]

COUNT_OF = ("claims", "articles")


def count(
    selection: Iterable[Claim],
    *,
    min: int | None = None,
    max: int | None = None,
    eq: int | None = None,
    of: str = "claims",
) -> Verdict:
    """Whether the number of selected claims (or of their articles) meets the bounds."""
    bounds = _bounds("count", min, max, eq)
    if of not in COUNT_OF:
        raise ConfigError(f"'of' must be one of {', '.join(COUNT_OF)} (got {of!r})")
    claims = tuple(selection)
    articles = tuple(dict.fromkeys(c.article for c in claims))
    n = len(articles) if of == "articles" else len(claims)
    holds, expected = _meets(n, bounds)
    rows = tuple(Evidence(claim=c, value=describe(c), role="counted") for c in claims)
    failures: list[str] = []
    if not holds:
        if _too_many(n, bounds):
            items = articles if of == "articles" else tuple(c.id for c in claims)
            failures = [f"counted:{item}" for item in items]
        else:
            failures = [f"too-few-{of}:{n}"]
    noun = of if n != 1 else of[:-1]
    summary = f"{n} {noun}" + ("" if holds else f", expected {expected}")
    return Verdict(
        check="count",
        holds=holds,
        summary=summary,
        query=_text_of(selection),
        evidence=rows,
        failures=tuple(failures),
    )


def none(selection: Iterable[Claim]) -> Verdict:
    """Whether the selection is empty; a failure lists every claim found."""
    claims = tuple(selection)
    n = len(claims)
    summary = (
        "no claims selected" if not n else f"{n} claim{'s' if n != 1 else ''} found, expected none"
    )
    return Verdict(
        check="none",
        holds=not claims,
        summary=summary,
        query=_text_of(selection),
        evidence=tuple(Evidence(claim=c, value=describe(c), role="counted") for c in claims),
        failures=tuple(f"found:{c.id}" for c in claims),
    )


def distinct(
    selection: Iterable[Claim],
    *,
    min: int | None = None,
    max: int | None = None,
    eq: int | None = None,
    field: str | None = None,
) -> Verdict:
    """Whether the number of distinct values meets the bounds.

    With ``field``, values are that field's (text compared case- and
    space-insensitively, nulls not counted); without, they are the claims'
    values: a unit and an interval, a date, an entity, an office and its
    holder (people compared by cross-script name matching).
    """
    bounds = _bounds("distinct", min, max, eq)
    claims = tuple(selection)
    groups: list[list[Claim]] = []
    labels: list[str] = []
    rows: list[Evidence] = []
    for claim in claims:
        value = _field_value(claim, field) if field else None
        if field and value is None:
            rows.append(Evidence(claim=claim, value="null", role="aside", note="not counted"))
            continue
        index = next((i for i, g in enumerate(groups) if _same(claim, g[0], field)), len(groups))
        if index == len(groups):
            groups.append([])
            labels.append(str(value) if field else describe(claim))
        groups[index].append(claim)
        rows.append(
            Evidence(claim=claim, value=labels[index], role="counted", note=f"value {index + 1}")
        )
    n = len(groups)
    holds, expected = _meets(n, bounds)
    failures: list[str] = []
    if not holds:
        if _too_many(n, bounds):
            failures = [f"distinct:{group[0].id}" for group in groups]
        else:
            failures = [f"too-few-values:{n}"]
    shown = ", ".join(labels[:8]) + (", …" if n > 8 else "")
    summary = f"{n} distinct value{'s' if n != 1 else ''}" + (f" ({shown})" if n else "")
    if not holds:
        summary += f", expected {expected}"
    return Verdict(
        check="distinct",
        holds=holds,
        summary=summary,
        query=_text_of(selection),
        evidence=tuple(rows),
        failures=tuple(failures),
    )


def _same(a: Claim, b: Claim, field: str | None) -> bool:
    if field:
        return bool(_fold(_field_value(a, field)) == _fold(_field_value(b, field)))
    if a.kind != b.kind:
        return False
    if isinstance(a, QuantityClaim) and isinstance(b, QuantityClaim):
        return _fold(a.unit) == _fold(b.unit) and Interval.of(a) == Interval.of(b)
    if isinstance(a, DateClaim) and isinstance(b, DateClaim):
        return date_fields(a) == date_fields(b)
    if isinstance(a, MentionClaim) and isinstance(b, MentionClaim):
        return same_entity(a, b)
    if isinstance(a, RoleClaim) and isinstance(b, RoleClaim):
        return _fold(a.title) == _fold(b.title) and same_person(a.person, b.person)
    return bool(_fold(a.text) == _fold(b.text))


def _field_value(claim: Claim, field: str) -> Any:
    if field not in claim.fields():
        raise ConfigError(
            f"'{field}' is not a field of {claim.kind} claims; "
            f"the fields are: {', '.join(claim.fields())}"
        )
    return getattr(claim, field)


def _fold(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    return value


Bounds = tuple[int | None, int | None, int | None]


def _bounds(check: str, low: int | None, high: int | None, eq: int | None) -> Bounds:
    for name, value in (("min", low), ("max", high), ("eq", eq)):
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 0
        ):
            raise ConfigError(f"'{name}' of {check} must be an integer >= 0 (got {value!r})")
    if low is None and high is None and eq is None:
        raise ConfigError(f"{check} needs a bound: min, max or eq")
    if low is not None and high is not None and low > high:
        raise ConfigError(f"'min' of {check} ({low}) is greater than 'max' ({high})")
    return low, high, eq


def _meets(n: int, bounds: Bounds) -> tuple[bool, str]:
    low, high, eq = bounds
    parts = []
    if eq is not None:
        parts.append(f"exactly {eq}")
    if low is not None:
        parts.append(f"at least {low}")
    if high is not None:
        parts.append(f"at most {high}")
    holds = (eq is None or n == eq) and (low is None or n >= low) and (high is None or n <= high)
    return holds, " and ".join(parts)


def _too_many(n: int, bounds: Bounds) -> bool:
    _, high, eq = bounds
    return (high is not None and n > high) or (eq is not None and n > eq)


def _text_of(selection: object) -> str:
    text = getattr(selection, "text", "")
    return text if isinstance(text, str) else ""
