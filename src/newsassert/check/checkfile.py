"""Check files: declarative checks in TOML, one ``[[check]]`` table per check.

::

    corpus = "../seeds"            # optional: the corpus, relative to this file

    [[check]]
    name = "troops in Iraq agree"
    query = "quantity where unit = soldier and place = Iraq"
    expect = "agree"
    min_sources = 2

    [[check]]
    name = "summaries"             # one result per summary: summaries[flood-summary]
    query = "claim"
    expect = "supported_by"
    by = "claim"
    group_by = "summary_of"        # or "meta.story": one result per story
    mostly = 0.9                   # holds when 90 % of the claims are supported

Each table becomes a :class:`CheckSpec`; :func:`run_check` runs one against a
corpus. The pytest plugin turns every table into a test item and
``newsassert check --checks FILE`` runs the same specs, so a check gives the
same verdict wherever it runs.

``tomllib`` keeps no positions for tables, so the line of each ``[[check]]``
header and of each key in it is found by scanning the source: errors then name
the file, the line and (for values) the column, and :func:`render_error` shows
the line with a caret under it.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from newsassert._files import read_regular
from newsassert.check.builtin import BUILTIN_TYPES
from newsassert.check.checkfile_toml import (
    _NOT_IN_NAMES,
    _count,
    _group_by,
    _Layout,
    _marks,
    _number,
    _show,
    _string,
    _toml_error,
)
from newsassert.check.groups import SUMMARY_OF
from newsassert.check.types import CheckKind, bind
from newsassert.errors import CheckFileError, NewsAssertError, QueryError, RegexTimeoutError
from newsassert.limits import MAX_CONFIG_BYTES

if TYPE_CHECKING:
    from newsassert.check.groups import Groupable
    from newsassert.check.types import CheckType, Queryable
    from newsassert.check.verdict import CheckResult, Verdict
    from newsassert.model import Claim


__all__ = [
    "BUILTIN_CHECKS",
    "CheckGroup",
    "CheckSpec",
    "InvalidCheck",
    "check_groups",
    "check_types",
    "load_check_file",
    "read_check_file",
    "render_error",
    "run_check",
    "run_checks",
]

# expect -> the keys that built-in check takes besides the common ones: the
# parameters each kind declares (newsassert.check.builtin).
BUILTIN_CHECKS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {name: tuple(p.name for p in kind.parameters) for name, kind in BUILTIN_TYPES.items()}
)
BOUND_KEYS = ("min", "max", "eq")
# Keys of a check that are not bounds but go with them to the check type.
BOUND_OPTIONS = ("of", "field")
# Keys every check may carry, whatever it expects.
COMMON_KEYS = ("name", "query", "expect", "corpus", "marks", "group_by", "mostly")
FILE_KEYS = ("corpus", "check")


@attrs.frozen(kw_only=True)
class CheckSpec:
    """One check of a check file, validated.

    ``bounds`` are the ``min``, ``max`` and ``eq`` of ``count`` and
    ``distinct`` as ``(key, value)`` pairs; ``options`` is the whole table
    (``of`` of ``count``, ``field`` of ``distinct``, the keys of a check type
    a plugin adds). ``corpus`` is the corpus the check reads (the table's or
    the file's ``corpus``, made absolute) or ``None`` for the configured one.
    ``line`` is the line of the table's ``[[check]]`` header and ``lines``
    the line of each key, for messages.
    """

    name: str
    query: str
    expect: str
    by: str | None = None
    tolerance: float = 0.0
    min_sources: int = 1
    bounds: tuple[tuple[str, int], ...] = ()
    path: str
    line: int
    corpus: str | None = None
    marks: tuple[str, ...] = ()
    group_by: str | None = None
    mostly: float | None = None
    options: Mapping[str, Any] = attrs.field(
        factory=lambda: MappingProxyType({}), eq=False, repr=False
    )
    lines: Mapping[str, int] = attrs.field(
        factory=lambda: MappingProxyType({}), eq=False, repr=False
    )

    def line_of(self, key: str) -> int:
        """The line of ``key`` in the table, or the table's header line."""
        return self.lines.get(key, self.line)


@attrs.frozen(kw_only=True)
class CheckGroup:
    """One group of a check with ``group_by``: its label and the articles it reads.

    ``query`` selects from ``corpus``; ``sources``, for a summary group
    (``group_by = "summary_of"``), is what ``by`` reads: the articles the
    summary names. Otherwise ``by`` reads ``corpus`` too.
    """

    label: str
    corpus: Groupable
    sources: Groupable | None = None

    def name(self, check: str) -> str:
        """The group's check name, as results, baselines and test ids show it."""
        return f"{check}[{self.label}]"


@attrs.frozen(kw_only=True)
class InvalidCheck:
    """A ``[[check]]`` table that could not be read: its name, line and error."""

    name: str
    line: int
    error: CheckFileError


def load_check_file(path: str | Path, *, root: str | Path | None = None) -> list[CheckSpec]:
    """The checks of a check file, or the first :class:`CheckFileError` in it."""
    specs: list[CheckSpec] = []
    for entry in read_check_file(path, root=root):
        if isinstance(entry, InvalidCheck):
            raise entry.error
        specs.append(entry)
    return specs


def read_check_file(
    path: str | Path,
    *,
    types: Mapping[str, object] | None = None,
    root: str | Path | None = None,
) -> tuple[CheckSpec | InvalidCheck, ...]:
    """Every table of a check file, each a spec or the error that stops it.

    Errors of the file as a whole (bad TOML, an unreadable file, no
    ``[[check]]`` table, a bad top-level key) raise :class:`CheckFileError`;
    an error inside one table only spoils that table, so the other checks of
    the file still run. ``types`` are the known ``expect`` kinds (by default
    the built-in ones and those plugins add).

    A relative ``corpus`` is read relative to the check file and must stay
    inside ``root``, the project folder (by default :func:`project_root` of
    the check file's folder); an absolute path may point anywhere.
    """
    path = Path(path)
    shown = str(path)
    try:
        source = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CheckFileError(f"cannot read the check file ({error})", path=shown) from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise _toml_error(error, source, shown) from None
    except RecursionError:
        raise CheckFileError("not valid TOML: values nest too deeply", path=shown) from None
    if types is None:
        types = check_types()
    layout = _Layout(source)

    for key in data:
        if key not in FILE_KEYS:
            raise CheckFileError(
                f"unknown key {key!r} at the top of the check file (known: {', '.join(FILE_KEYS)})",
                path=shown,
                line=layout.top_key_line(key),
            )
    base = path.resolve().parent
    file_corpus = data.get("corpus")
    if file_corpus is not None and not isinstance(file_corpus, str):
        raise CheckFileError(
            f"'corpus' must be a path in a string (got {_show(file_corpus)})",
            path=shown,
            line=layout.top_key_line("corpus"),
        )
    tables = data.get("check")
    if not isinstance(tables, list) or not tables:
        raise CheckFileError("a check file needs at least one [[check]] table", path=shown, line=1)

    entries: list[CheckSpec | InvalidCheck] = []
    names: dict[str, int] = {}
    for index, table in enumerate(tables):
        line, places = layout.check(index)
        fallback = f"check-{index + 1}"
        if not isinstance(table, dict):
            problem = CheckFileError("each check must be a [[check]] table", path=shown, line=line)
            entries.append(InvalidCheck(name=fallback, line=line, error=problem))
            continue
        name = table.get("name")
        name = name if isinstance(name, str) and name.strip() else fallback
        try:
            if name in names:
                raise CheckFileError(
                    f"check {name!r} is already defined at line {names[name]}",
                    path=shown,
                    line=places.get("name", (line, 0))[0],
                )
            spec = _spec(table, types, path=shown, line=line, places=places)
            given = spec.corpus if spec.corpus is not None else file_corpus
            if given is not None:
                where = (
                    places.get("corpus", (line, 0))[0]
                    if spec.corpus
                    else layout.top_key_line("corpus")
                )
                resolved = _corpus_path(given, base, root, shown, where)
                spec = attrs.evolve(spec, corpus=resolved)
        except CheckFileError as error:
            entries.append(InvalidCheck(name=name, line=line, error=error))
        else:
            entries.append(spec)
        names.setdefault(name, line)
    return tuple(entries)


def check_types() -> dict[str, CheckKind | CheckType]:
    """The ``expect`` kinds, from every plugin's ``newsassert_check_types``.

    The built-in kinds come from :mod:`newsassert.check.builtin`, registered
    like any plugin; for a name two plugins give, the one registered last wins.
    """
    from newsassert.plugins import plugin_manager

    known: dict[str, CheckKind | CheckType] = {}
    for answer in plugin_manager().hook.newsassert_check_types():
        for name, check_type in (answer or {}).items():
            known.setdefault(name, check_type)
    return known


def project_root(folder: Path) -> Path:
    """The project a check file in ``folder`` belongs to.

    The nearest folder at or above ``folder`` holding ``.git`` or
    ``pyproject.toml``; without one, the working folder when ``folder`` is
    inside it, else ``folder`` itself.
    """
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists() or (candidate / "pyproject.toml").is_file():
            return candidate
    here = Path.cwd().resolve()
    return here if folder.is_relative_to(here) else folder


def _corpus_path(
    given: str, base: Path, root: str | Path | None, shown: str, line: int | None
) -> str:
    """A check's corpus path made absolute; a relative one may not leave the project."""
    if Path(given).is_absolute():
        return str(Path(given).resolve())
    resolved = (base / given).resolve()
    project = Path(root).resolve() if root is not None else project_root(base)
    if not resolved.is_relative_to(project):
        raise CheckFileError(
            f"the corpus path {given!r} leads outside the project folder {project}; "
            "write an absolute path to read a corpus there",
            path=shown,
            line=line,
        )
    return str(resolved)


def check_groups(spec: CheckSpec, corpus: Groupable) -> tuple[CheckGroup, ...]:
    """The groups a check with ``group_by`` runs over, in order of label.

    ``meta.<name>`` (or an article field): one group per value, holding the
    articles with that value. ``summary_of``: one group per summary (an
    article whose record names the articles it summarizes), labelled with the
    summary's id. A check without ``group_by`` has no groups.
    """
    from newsassert.check.groups import group_label

    if spec.group_by is None:
        return ()
    if spec.group_by == SUMMARY_OF:
        try:
            pairs = corpus.summaries()
        except NewsAssertError as error:
            raise CheckFileError(
                f"check {spec.name!r}: {error}", path=spec.path, line=spec.line_of("group_by")
            ) from None
        groups = [
            CheckGroup(label=group_label(summary_id), corpus=summary, sources=sources)
            for summary_id, (summary, sources) in pairs.items()
        ]
    else:
        groups = [
            CheckGroup(label=group_label(value), corpus=members)
            for value, members in corpus.group_by(spec.group_by).items()
        ]
    labels: dict[str, CheckGroup] = {}
    for group in groups:
        # Two values that differ only in what a test id cannot hold share a label.
        if group.label in labels:
            raise CheckFileError(
                f"check {spec.name!r}: two groups of {spec.group_by} are both named "
                f"{group.label!r} in test ids; make the values differ in more than "
                "'::', brackets or spaces",
                path=spec.path,
                line=spec.line_of("group_by"),
            )
        labels[group.label] = group
    return tuple(sorted(groups, key=lambda g: g.label))


def run_checks(spec: CheckSpec, corpus: Groupable) -> list[CheckResult]:
    """Run one check: one result, or with ``group_by`` one result per group.

    A group that cannot run (its query does not compile...) raises, as
    :func:`run_check` does; a check over no groups at all is one failed
    result saying so.
    """
    from newsassert.check.verdict import CheckResult, Verdict

    if spec.group_by is None:
        return [run_check(spec, corpus)]
    groups = check_groups(spec, corpus)
    if not groups:
        what = (
            "summary (no article has summary_of)"
            if spec.group_by == "summary_of"
            else (f"article with a value for {spec.group_by}")
        )
        verdict = Verdict(
            check=spec.expect,
            holds=False,
            summary=f"no groups to check: not one {what}",
            query=spec.query,
            failures=("no-groups",),
        )
        return [
            CheckResult.of(
                spec.name, spec.query, spec.expect, verdict, location=(spec.path, spec.line)
            )
        ]
    return [run_check(spec, corpus, group=group) for group in groups]


def run_check(
    spec: CheckSpec, corpus: Queryable, *, group: CheckGroup | None = None
) -> CheckResult:
    """Run one check over ``corpus`` (or one of its groups): its verdict, named and placed.

    A query that does not compile, or a key the check type cannot use, raises
    :class:`CheckFileError` naming the file and the line (the query error's
    caret rendering included). The result of a group is named
    ``name[label]``.
    """
    from newsassert.check.verdict import CheckResult

    check_type = check_types().get(spec.expect)
    if check_type is None:
        raise CheckFileError(
            f"unknown expect {spec.expect!r} (is the plugin that provides it disabled?)",
            path=spec.path,
            line=spec.line_of("expect"),
        )
    name = spec.name
    if group is not None:
        name = group.name(spec.name)
        corpus = group.corpus
    try:
        selection = corpus.query(spec.query)
        sources = group.sources if group is not None else None
        # (A kind of the older form that declares nothing: supported_by's rule.)
        against = getattr(check_type, "against_sources", spec.expect == "supported_by")
        if sources is not None and against:
            # Each summary against its sources (supported_by): `by` reads the
            # articles it summarizes.
            verdict = _run(check_type, sources, selection, spec)
        else:
            if group is not None and sources is not None:
                # Other checks of a summary read it and its sources together.
                corpus = group.corpus + sources
                selection = corpus.query(spec.query)
            verdict = _run(check_type, corpus, selection, spec)
        if spec.mostly is not None:
            from newsassert.check.mostly import apply_mostly

            verdict = apply_mostly(verdict, spec.mostly, getattr(check_type, "share", None))
    except QueryError as error:
        key = "by" if spec.by is not None and error.query == spec.by else "query"
        if isinstance(error, RegexTimeoutError):
            # The cause is kept: a run it stops is not cached (cli.check).
            raise CheckFileError(
                f"check {spec.name!r}: {key} ran out of time: {error.render()}",
                path=spec.path,
                line=spec.line_of(key),
            ) from error
        raise CheckFileError(
            f"check {spec.name!r}: {key} does not compile: {error.render()}",
            path=spec.path,
            line=spec.line_of(key),
        ) from None
    except CheckFileError as error:
        if error.path is not None:
            raise
        # A check type names the key it cannot use in its message.
        named = next((k for k in spec.lines if repr(k) in error.message), None)
        raise CheckFileError(
            error.message, path=spec.path, line=spec.line_of(named) if named else spec.line
        ) from None
    return CheckResult.of(name, spec.query, spec.expect, verdict, location=(spec.path, spec.line))


def _run(
    kind: CheckKind | CheckType, corpus: Queryable, selection: Sequence[Claim], spec: CheckSpec
) -> Verdict:
    """Call a check kind: with its parameters' values, or (the older form) with the check."""
    if isinstance(kind, CheckKind):
        return kind(selection, corpus.query, bind(kind, spec))
    return kind(corpus, selection, spec)


def render_error(error: NewsAssertError) -> str:
    """An error as one sentence, with the offending line and a caret when known."""
    text = str(error)
    if not isinstance(error, CheckFileError) or error.path is None or error.line is None:
        return text
    if error.column is None:
        return text
    try:
        lines = Path(error.path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return text
    if not 1 <= error.line <= len(lines):
        return text
    source = lines[error.line - 1].expandtabs(1)
    shown = "".join(c if c.isprintable() else " " for c in source)
    caret = " " * (max(1, error.column) - 1) + "^"
    return f"{text}\n  {shown}\n  {caret}"


def _spec(
    table: Mapping[str, Any],
    types: Mapping[str, object],
    *,
    path: str,
    line: int,
    places: Mapping[str, tuple[int, int]],
) -> CheckSpec:
    def fail(message: str, key: str | None = None) -> CheckFileError:
        if key is None or key not in places:
            return CheckFileError(message, path=path, line=line)
        at_line, column = places[key]
        return CheckFileError(message, path=path, line=at_line, column=column)

    for key in ("name", "query", "expect"):
        if key not in table:
            raise fail(f"the check has no {key!r}")
    name = _string(table, "name", fail)
    if _NOT_IN_NAMES.search(name):
        # pytest builds test ids from names: "a::b" and "[x]" would not survive --lf.
        raise fail(f"check names may not contain '::', '[' or ']' (got {name!r})", "name")
    query = _string(table, "query", fail)
    expect = _string(table, "expect", fail)
    if expect not in types:
        raise fail(f"unknown expect {expect!r} (known: {', '.join(sorted(types))})", "expect")

    # A kind's own keys are the parameters it declares; a kind of the older
    # form gets every key that is not common to all checks.
    kind = types[expect]
    if isinstance(kind, CheckKind):
        own = tuple(p.name for p in kind.parameters)
    else:
        own = tuple(k for k in table if k not in COMMON_KEYS)
    allowed = (*COMMON_KEYS, *own)
    for key in table:
        if key not in allowed:
            applies = [
                e
                for e, other in types.items()
                if isinstance(other, CheckKind) and key in (p.name for p in other.parameters)
            ]
            hint = (
                f"it applies to expect = {' | '.join(applies)}"
                if applies
                else f"known keys for {expect}: {', '.join(allowed)}"
            )
            raise fail(f"key {key!r} does not apply to expect = {expect!r} ({hint})", key)

    by = _string(table, "by", fail) if "by" in table else None
    if expect == "supported_by" and by is None:
        raise fail("expect = 'supported_by' needs 'by', the query of the supporting claims")
    tolerance = _number(table, "tolerance", fail) if "tolerance" in table else 0.0
    min_sources = _count(table, "min_sources", fail, least=1) if "min_sources" in table else 1
    bounds = tuple((key, _count(table, key, fail)) for key in BOUND_KEYS if key in table)
    values = dict(bounds)
    if "min" in values and "max" in values and values["min"] > values["max"]:
        raise fail(f"'min' ({values['min']}) is greater than 'max' ({values['max']})", "max")
    for key in BOUND_OPTIONS:
        if key in table:
            _string(table, key, fail)
    corpus = _string(table, "corpus", fail) if "corpus" in table else None
    marks = _marks(table, fail)
    group_by = _group_by(table, fail) if "group_by" in table else None
    mostly = None
    if "mostly" in table:
        from newsassert.check.mostly import check_mostly

        # The kinds whose verdict is a share of claims or articles declare it.
        shared = [e for e, other in types.items() if getattr(other, "share", None) is not None]
        if expect not in shared:
            raise fail(
                f"'mostly' applies to expect = {' | '.join(shared)} (a share of claims "
                f"or articles), not {expect!r}",
                "mostly",
            )
        try:
            mostly = check_mostly(table["mostly"])
        except NewsAssertError as error:
            raise fail(str(error), "mostly") from None
    return CheckSpec(
        name=name,
        query=query,
        expect=expect,
        by=by,
        tolerance=tolerance,
        min_sources=min_sources,
        bounds=bounds,
        path=path,
        line=line,
        corpus=corpus,
        marks=marks,
        group_by=group_by,
        mostly=mostly,
        options=MappingProxyType(dict(table)),
        lines=MappingProxyType({key: at[0] for key, at in places.items()}),
    )
