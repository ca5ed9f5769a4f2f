"""Check types: the ``expect`` kinds of check files.

A check file's ``[[check]]`` table names its kind with ``expect = "…"``. Each
kind is a :class:`CheckType`: a callable that receives the corpus, the claims
the check's ``query`` selected, and the check itself, and returns a
:class:`~newsassert.check.verdict.Verdict`. The built-in kinds (``agree``,
``supported_by``, ``count``, ``none``, ``distinct``) are in
:mod:`newsassert.check.builtin`; a plugin adds more through the
``newsassert_check_types`` hook::

    @newsassert.hookimpl
    def newsassert_check_types():
        return {"at_most_one_outlet": AtMostOneOutlet()}

A check type reads only the fields of :class:`CheckSpecLike` it needs and
raises :class:`newsassert.CheckFileError` (naming ``spec.name``) for a field
it cannot use.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict
    from newsassert.model import Claim

__all__ = ["CheckSpecLike", "CheckType", "Queryable"]


class Queryable(Protocol):
    """What a check reads of the corpus: the claims another query selects.

    :class:`newsassert.Corpus` is one (its ``query`` gives a
    :class:`newsassert.Selection`). The checks stand below the corpus and
    name only this.
    """

    def query(self, text: str) -> Sequence[Claim]: ...


class CheckSpecLike(Protocol):
    """What a check type may read of a check (the check file's ``[[check]]`` table).

    ``by`` is the query of the other side of ``supported_by``; ``bounds``
    holds the bound keys of ``count`` and ``distinct`` (``min``, ``max``,
    ``eq``) as ``(key, value)`` pairs; ``options`` is the whole table, for
    the keys a plugin's check type defines (and ``of`` of ``count``,
    ``field`` of ``distinct``).
    """

    @property
    def name(self) -> str: ...
    @property
    def query(self) -> str: ...
    @property
    def expect(self) -> str: ...
    @property
    def by(self) -> str | None: ...
    @property
    def tolerance(self) -> float: ...
    @property
    def min_sources(self) -> int: ...
    @property
    def bounds(self) -> tuple[tuple[str, int], ...]: ...
    @property
    def options(self) -> Mapping[str, Any]: ...


class CheckType(Protocol):
    """An ``expect`` kind: ``(corpus, selection, spec) -> Verdict``.

    ``corpus`` is a :class:`newsassert.Corpus` and ``selection`` a
    :class:`newsassert.Selection`, typed here by what a check may use of them.
    """

    def __call__(
        self, corpus: Queryable, selection: Sequence[Claim], spec: CheckSpecLike
    ) -> Verdict: ...
