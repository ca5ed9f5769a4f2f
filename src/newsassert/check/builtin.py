"""The built-in check types (``expect`` kinds), registered as a plugin.

Each is a :class:`~newsassert.check.types.CheckType`: ``(corpus, selection,
spec) -> Verdict``. They are registered through ``newsassert_check_types``
exactly as a third-party plugin's kinds are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsassert.check.bounds import count, distinct, none
from newsassert.check.types import CheckSpecLike, CheckType, Queryable
from newsassert.errors import CheckFileError
from newsassert.plugins.hookspecs import hookimpl

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict
    from newsassert.model import Claim

__all__ = ["BUILTIN_TYPES", "newsassert_check_types"]


def agree_type(corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike) -> Verdict:
    from newsassert.check.agree import agree
    from newsassert.check.statements import without_statements

    if not _statements(spec):
        selection = without_statements(selection)
    return agree(selection, tolerance=spec.tolerance, min_sources=spec.min_sources)


def _statements(spec: CheckSpecLike) -> bool:
    """The check's ``statements`` key: whether statement claims take part (true by default)."""
    statements = spec.options.get("statements", True)
    if not isinstance(statements, bool):
        raise CheckFileError(
            f"check {spec.name!r}: 'statements' must be true or false (got {statements!r})"
        )
    return statements


def supported_by_type(
    corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
) -> Verdict:
    from newsassert.check.support import supported_by

    if not spec.by:
        raise CheckFileError(f"check {spec.name!r}: expect = 'supported_by' needs 'by'")
    options = spec.options
    precision = options.get("precision", "any")
    if precision not in ("any", "comparable"):
        raise CheckFileError(
            f'check {spec.name!r}: \'precision\' must be "any" or "comparable" (got {precision!r})'
        )
    unplaced = options.get("unplaced", False)
    if not isinstance(unplaced, bool):
        raise CheckFileError(
            f"check {spec.name!r}: 'unplaced' must be true or false (got {unplaced!r})"
        )
    bound = options.get("open_bound")
    if bound is not None and (
        isinstance(bound, bool) or not isinstance(bound, int | float) or not bound > 1
    ):
        raise CheckFileError(
            f"check {spec.name!r}: 'open_bound' must be a number > 1 (got {bound!r})"
        )
    return supported_by(
        selection,
        corpus.query(spec.by),
        precision=str(precision),
        unplaced=unplaced,
        open_bound=None if bound is None else float(bound),
        statements=_statements(spec),
    )


def count_type(corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike) -> Verdict:
    return count(selection, **_bounds(spec), of=str(spec.options.get("of", "claims")))


def none_type(corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike) -> Verdict:
    return none(selection)


def distinct_type(corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike) -> Verdict:
    field = spec.options.get("field")
    return distinct(selection, **_bounds(spec), field=str(field) if field else None)


def _bounds(spec: CheckSpecLike) -> dict[str, Any]:
    return {key: value for key, value in spec.bounds if key in ("min", "max", "eq")}


BUILTIN_TYPES: dict[str, CheckType] = {
    "agree": agree_type,
    "supported_by": supported_by_type,
    "count": count_type,
    "none": none_type,
    "distinct": distinct_type,
}


@hookimpl
def newsassert_check_types() -> dict[str, CheckType]:
    return dict(BUILTIN_TYPES)
