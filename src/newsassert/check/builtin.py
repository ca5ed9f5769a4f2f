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


def agree_type(
    corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
) -> Verdict:
    from newsassert.check.agree import agree

    return agree(selection, tolerance=spec.tolerance, min_sources=spec.min_sources)


def supported_by_type(
    corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
) -> Verdict:
    from newsassert.check.support import supported_by

    if not spec.by:
        raise CheckFileError(f"check {spec.name!r}: expect = 'supported_by' needs 'by'")
    return supported_by(selection, corpus.query(spec.by))


def count_type(
    corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
) -> Verdict:
    return count(selection, **_bounds(spec), of=str(spec.options.get("of", "claims")))


def none_type(
    corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
) -> Verdict:
    return none(selection)


def distinct_type(
    corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
) -> Verdict:
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
