"""The built-in check kinds (``expect`` kinds), registered as a plugin.

Each is a :class:`~newsassert.check.types.CheckKind` that declares its
parameters: ``(selection, select, params) -> Verdict``. They are registered
through ``newsassert_check_types`` exactly as a third-party plugin's kinds
are. The keys a check file reads for every check (``by``, ``tolerance``,
``min_sources``, the bounds) are checked when the file is read; the others
when the check runs.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newsassert.check.bounds import count, distinct, none
from newsassert.check.types import CheckKind, Parameter, Select, Share, check_kind
from newsassert.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict
    from newsassert.model import Claim

__all__ = ["BUILTIN_TYPES", "newsassert_check_types"]

_STATEMENTS = Parameter(
    "statements",
    (bool,),
    default=True,
    must="true or false",
    doc="whether statement claims take part",
)
_TOLERANCE = Parameter(
    "tolerance",
    (int, float),
    default=0.0,
    must="a finite number >= 0",
    valid=lambda v: math.isfinite(v) and v >= 0,
    convert=float,
    doc="how far apart two figures may be and still agree",
)
_MIN_SOURCES = Parameter(
    "min_sources",
    (int,),
    default=1,
    must="a whole number >= 1",
    valid=lambda v: v >= 1,
    doc="how many articles must state a value before it counts",
)
_BOUNDS = tuple(
    Parameter(key, (int,), must="a whole number >= 0", valid=lambda v: v >= 0, doc=doc)
    for key, doc in (("min", "at least"), ("max", "at most"), ("eq", "exactly"))
)


@check_kind(
    _TOLERANCE, _MIN_SOURCES, _STATEMENTS, share=Share("articles", "state the majority value")
)
def agree_type(selection: Sequence[Claim], select: Select, params: Mapping[str, Any]) -> Verdict:
    from newsassert.check.agree import agree
    from newsassert.check.statements import without_statements

    if not params["statements"]:
        selection = without_statements(selection)
    return agree(selection, tolerance=params["tolerance"], min_sources=params["min_sources"])


@check_kind(
    Parameter("by", required=True, doc="the query of the claims that must support the selection"),
    Parameter(
        "precision",
        default="any",
        must='"any" or "comparable"',
        valid=lambda v: v in ("any", "comparable"),
        doc="whether a vaguer source supports a precise claim",
    ),
    Parameter(
        "unplaced",
        (bool,),
        default=False,
        must="true or false",
        doc="whether a figure with no place is supported by one placed",
    ),
    Parameter(
        "open_bound",
        (int, float),
        must="a number > 1",
        valid=lambda v: v > 1,
        convert=float,
        doc="the factor an open interval ('more than') reaches up to",
    ),
    _STATEMENTS,
    share=Share("claims", "are supported"),
    against_sources=True,
)
def supported_by_type(
    selection: Sequence[Claim], select: Select, params: Mapping[str, Any]
) -> Verdict:
    from newsassert.check.support import supported_by

    return supported_by(
        selection,
        select(params["by"]),
        precision=params["precision"],
        unplaced=params["unplaced"],
        open_bound=params["open_bound"],
        statements=params["statements"],
    )


@check_kind(*_BOUNDS, Parameter("of", default="claims", doc="claims or articles"))
def count_type(selection: Sequence[Claim], select: Select, params: Mapping[str, Any]) -> Verdict:
    return count(selection, **_bounds(params), of=params["of"])


@check_kind()
def none_type(selection: Sequence[Claim], select: Select, params: Mapping[str, Any]) -> Verdict:
    return none(selection)


@check_kind(*_BOUNDS, Parameter("field", doc="the field whose distinct values are counted"))
def distinct_type(
    selection: Sequence[Claim], select: Select, params: Mapping[str, Any]
) -> Verdict:
    return distinct(selection, **_bounds(params), field=params["field"] or None)


def _bounds(params: Mapping[str, Any]) -> dict[str, Any]:
    return {key: params[key] for key in ("min", "max", "eq") if params[key] is not None}


BUILTIN_TYPES: dict[str, CheckKind] = {
    "agree": agree_type,
    "supported_by": supported_by_type,
    "count": count_type,
    "none": none_type,
    "distinct": distinct_type,
}


@hookimpl
def newsassert_check_types() -> dict[str, CheckKind]:
    return dict(BUILTIN_TYPES)
