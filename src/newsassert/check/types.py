"""Check kinds: the ``expect`` kinds of check files.

A check file's ``[[check]]`` table names its kind with ``expect = "…"``. A
kind is a :class:`CheckKind`: it declares the keys it reads from the table
(its parameters, :class:`Parameter` values, each with its type, default and what a value
must be), and is called with the claims the check's ``query`` selected, a
``select(query)`` callable for any other claims it compares them with, and
the values of its parameters; it returns a
:class:`~newsassert.check.verdict.Verdict`. :func:`check_kind` makes one of
a function. The built-in kinds (``agree``, ``supported_by``, ``count``,
``none``, ``distinct``) are in :mod:`newsassert.check.builtin`, and a
plugin's kinds, added through the ``newsassert_check_types`` hook, are of
exactly the same kind: their keys are checked when the file is read (an
unknown key is an error listing the known ones) and their values when the
check runs, with the file and line in the message::

    @check_kind(Parameter("outlets", (int,), default=1, must="a whole number >= 1",
                          valid=lambda n: n >= 1))
    def at_most_outlets(selection, select, params):
        ...

    @newsassert.hookimpl
    def newsassert_check_types():
        return {"at_most_outlets": at_most_outlets}

The older form, a :class:`CheckType` called as ``(corpus, selection, spec)``
and reading the check's table itself (every key it does not share with all
checks is handed to it unchecked), still works.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import attrs

from newsassert.errors import CheckFileError

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict
    from newsassert.model import Claim

__all__ = [
    "CheckKind",
    "CheckSpecLike",
    "CheckType",
    "Parameter",
    "Queryable",
    "Select",
    "Share",
    "bind",
    "check_kind",
]

#: ``select(query)``: the claims of the check's corpus (or group) another query selects.
Select = Callable[[str], "Sequence[Claim]"]


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


_TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}


@attrs.frozen
class Parameter:
    """A key of a ``[[check]]`` table that a check kind reads.

    ``types`` are the TOML value types it takes (``(int, float)`` for a
    number; ``true``/``false`` is never a number); ``valid`` may restrict
    the value further, ``must`` says what a value must be in the message of
    a bad one, ``convert`` turns a good one into what the kind works with,
    and ``doc`` says what the key does. A key the table leaves out takes
    ``default``, unless it is ``required``.
    """

    name: str
    types: tuple[type, ...] = (str,)
    default: Any = None
    required: bool = False
    must: str = ""
    valid: Callable[[Any], bool] | None = attrs.field(default=None, eq=False)
    convert: Callable[[Any], Any] | None = attrs.field(default=None, eq=False)
    doc: str = ""

    def value(self, check: str, table: Mapping[str, Any]) -> Any:
        """This key's value in ``table`` (the default when it is absent or ``None``).

        Raises :class:`CheckFileError` naming the check and the key for a bad value.
        """
        given = table.get(self.name)
        if given is None:
            if self.required:
                raise CheckFileError(f"check {check!r} needs {self.name!r}, {self.doc}")
            return self.default
        good = isinstance(given, self.types) and (
            bool in self.types or not isinstance(given, bool)
        )
        if good and self.valid is not None:
            good = bool(self.valid(given))
        if not good:
            must = self.must or " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in self.types)
            raise CheckFileError(f"check {check!r}: {self.name!r} must be {must} (got {given!r})")
        return self.convert(given) if self.convert is not None else given


@attrs.frozen
class Share:
    """What a check kind's verdict is a share of, for ``mostly``.

    ``unit`` is ``"claims"`` (a row of the evidence passes when its role is
    not a failing one) or ``"articles"`` (an article passes when none of its
    rows fails); ``verb`` says what the passing ones do, in the summary
    ("28 of 30 claims (93 %) are supported").
    """

    unit: str = attrs.field(validator=attrs.validators.in_(("claims", "articles")))
    verb: str = "pass"


@runtime_checkable
class CheckKind(Protocol):
    """An ``expect`` kind: its parameters, and ``(selection, select, params) -> Verdict``.

    ``selection`` is the claims the check's query selected (a
    :class:`newsassert.Selection`), ``select`` gives the claims of any other
    query over the same corpus (or group), and ``params`` maps the name of
    each of :attr:`parameters` to its value in the check (or its default).
    A kind whose verdict is a share of claims or articles may also have a
    ``share`` attribute (a :class:`Share`): its checks then take ``mostly``.
    A kind that sets one text against others may have ``against_sources``
    true: in a check grouped by summary (``group_by = "meta.summary_of"``)
    its selection is then the summary's claims and ``select`` reads the
    articles it summarizes; other kinds read the summary and its sources
    together.
    """

    @property
    def parameters(self) -> tuple[Parameter, ...]: ...

    def __call__(
        self, selection: Sequence[Claim], select: Select, params: Mapping[str, Any]
    ) -> Verdict: ...


@attrs.frozen
class _Kind:
    """A check kind made of a function and the parameters it declares."""

    function: Callable[[Sequence[Claim], Select, Mapping[str, Any]], Verdict]
    parameters: tuple[Parameter, ...]
    share: Share | None = None
    against_sources: bool = False

    def __call__(
        self, selection: Sequence[Claim], select: Select, params: Mapping[str, Any]
    ) -> Verdict:
        return self.function(selection, select, params)


def check_kind(
    *parameters: Parameter, share: Share | None = None, against_sources: bool = False
) -> Callable[[Callable[[Sequence[Claim], Select, Mapping[str, Any]], Verdict]], CheckKind]:
    """Make a check kind of a function ``(selection, select, params) -> Verdict``.

    ``share``: what its verdict is a share of, when its checks may say
    ``mostly`` (see :class:`Share`); ``against_sources``: whether, grouped by
    summary, ``select`` reads the summary's sources (see :class:`CheckKind`).
    """
    names = [p.name for p in parameters]
    if len(set(names)) != len(names):
        raise ValueError(f"a check kind declares a parameter twice: {names}")

    def make(
        function: Callable[[Sequence[Claim], Select, Mapping[str, Any]], Verdict],
    ) -> CheckKind:
        return _Kind(function, tuple(parameters), share, against_sources)

    return make


def bind(kind: CheckKind, spec: CheckSpecLike) -> Mapping[str, Any]:
    """The values of ``kind``'s parameters in the check ``spec``, checked.

    The keys a check file reads itself (``by``, ``tolerance``,
    ``min_sources`` and the bounds ``min``, ``max``, ``eq``) are taken from
    the check's fields, so a check built in code without its table has them.
    """
    table = dict(spec.options)
    fields = {
        "by": spec.by,
        "tolerance": spec.tolerance,
        "min_sources": spec.min_sources,
        **dict(spec.bounds),
    }
    for name, value in fields.items():
        if value is not None:
            table[name] = value
    return MappingProxyType({p.name: p.value(spec.name, table) for p in kind.parameters})
