"""Baselines: accepted failures, recorded by stable keys, so CI fails only on new ones.

A baseline file is JSON::

    {"version": 1, "entries": {"<check name>": ["<failure key>", ...]}}

Check names and keys are sorted and the file ends with a newline, so the same
failures always give the same bytes (a baseline diffs cleanly in review). It
is written to a temporary file in the same folder and moved into place, so a
reader never sees half a file. Failure keys are built from claim ids
(``dissent:<id>``, ``conflict:<id>:<id>`` …; see each check), and claim ids
are stable across runs and machines.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from newsassert._files import read_regular, write_atomically
from newsassert.check.verdict import CheckResult
from newsassert.errors import ConfigError
from newsassert.limits import MAX_CONFIG_BYTES

__all__ = [
    "BASELINE_VERSION",
    "Baseline",
    "BaselineComparison",
    "apply_baseline",
    "compare_baseline",
    "load_baseline",
    "updated",
    "write_baseline",
]

BASELINE_VERSION = 1


def _frozen_entries(entries: Mapping[str, Iterable[str]]) -> Mapping[str, tuple[str, ...]]:
    return MappingProxyType(
        {name: tuple(sorted(set(keys))) for name, keys in sorted(entries.items()) if keys}
    )


@attrs.frozen
class Baseline:
    """Accepted failures: for each check name, the failure keys accepted."""

    entries: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_frozen_entries)

    def accepted(self, name: str) -> tuple[str, ...]:
        return self.entries.get(name, ())

    def new_failures(self, name: str, failures: Iterable[str]) -> tuple[str, ...]:
        """The failures of check ``name`` the baseline does not accept."""
        known = set(self.accepted(name))
        return tuple(sorted(set(failures) - known))

    def accepts(self, name: str, failures: Iterable[str]) -> bool:
        """Whether every failure of check ``name`` is accepted (and there is one)."""
        failures = tuple(failures)
        return bool(failures) and not self.new_failures(name, failures)

    def stale(self, name: str, failures: Iterable[str]) -> tuple[str, ...]:
        """Accepted failures of check ``name`` that no longer happen."""
        return tuple(sorted(set(self.accepted(name)) - set(failures)))

    def to_json(self) -> str:
        data = {
            "version": BASELINE_VERSION,
            "entries": {name: list(keys) for name, keys in self.entries.items()},
        }
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@attrs.frozen
class BaselineComparison:
    """A run against a baseline: new failures, accepted ones, and stale entries."""

    new: Mapping[str, tuple[str, ...]]
    baselined: Mapping[str, tuple[str, ...]]
    stale: Mapping[str, tuple[str, ...]]

    @property
    def ok(self) -> bool:
        return not self.new


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; a file that does not exist is an empty baseline."""
    path = Path(path)
    try:
        raw = read_regular(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileNotFoundError:
        return Baseline()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the baseline file ({exc})", path=str(path)) from None
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"the baseline file is not valid JSON: {exc.msg}",
            path=str(path),
            line=exc.lineno,
            column=exc.colno,
        ) from None
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        found = data.get("version") if isinstance(data, dict) else type(data).__name__
        raise ConfigError(
            f"not a baseline file of version {BASELINE_VERSION} (version {found!r}); "
            "write a new one with --update-baseline",
            path=str(path),
        )
    entries = data.get("entries", {})
    if not isinstance(entries, dict) or not all(
        isinstance(keys, list) and all(isinstance(k, str) for k in keys)
        for keys in entries.values()
    ):
        raise ConfigError(
            "'entries' must map each check name to a list of failure keys", path=str(path)
        )
    return Baseline(entries)


def write_baseline(path: str | Path, baseline: Baseline) -> None:
    """Write ``baseline`` to ``path`` atomically (a temporary file, then a rename)."""
    path = Path(path)
    text = baseline.to_json()
    write_atomically(path, text, "baseline file")


def compare_baseline(
    baseline: Baseline, failures: Mapping[str, Iterable[str]], *, complete: bool = True
) -> BaselineComparison:
    """Set the failures of a run (check name -> failure keys) against the baseline.

    Checks that ran and passed go in ``failures`` with no keys, so that their
    accepted failures show as stale. With ``complete`` (every check ran),
    entries of checks that did not run at all are stale too.
    """
    new: dict[str, tuple[str, ...]] = {}
    accepted: dict[str, tuple[str, ...]] = {}
    stale: dict[str, tuple[str, ...]] = {}
    for name, keys in failures.items():
        keys = tuple(keys)
        if fresh := baseline.new_failures(name, keys):
            new[name] = fresh
        if known := tuple(sorted(set(keys) & set(baseline.accepted(name)))):
            accepted[name] = known
        if gone := baseline.stale(name, keys):
            stale[name] = gone
    if complete:
        for name, keys in baseline.entries.items():
            if name not in failures:
                stale[name] = keys
    return BaselineComparison(
        new=MappingProxyType(dict(sorted(new.items()))),
        baselined=MappingProxyType(dict(sorted(accepted.items()))),
        stale=MappingProxyType(dict(sorted(stale.items()))),
    )


def apply_baseline(results: Iterable[CheckResult], baseline: Baseline) -> list[CheckResult]:
    """The results with each failure that the baseline wholly accepts marked ``baselined``."""
    out = []
    for result in results:
        if result.status == "failed" and baseline.accepts(result.name, result.verdict.failures):
            result = attrs.evolve(result, status="baselined")
        out.append(result)
    return out


def updated(
    baseline: Baseline,
    failures: Mapping[str, Iterable[str]],
    *,
    complete: bool = True,
) -> Baseline:
    """The baseline that accepts exactly the given failures.

    With ``complete`` (every check ran) the result holds only these failures;
    otherwise entries of checks that did not run are kept as they were.
    """
    entries: dict[str, Iterable[str]] = {} if complete else dict(baseline.entries)
    for name, keys in failures.items():
        entries[name] = tuple(keys)
    return Baseline(entries)


#: How a failing check stands against the baseline, as every output marks it.
NEW, ACCEPTED = "NEW", "ACCEPTED"


def baseline_status(
    result: CheckResult, comparison: BaselineComparison | None
) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """``(NEW or ACCEPTED, new failure keys, accepted failure keys)`` of a failing check.

    None when no baseline was used or the check did not fail. A check is NEW
    when any of its failures is not in the baseline (some may be accepted),
    ACCEPTED when the baseline accepts all of them.
    """
    if comparison is None or result.status not in ("failed", "baselined"):
        return None
    new = tuple(comparison.new.get(result.name, ()))
    accepted = tuple(comparison.baselined.get(result.name, ()))
    if result.status == "baselined" or (not new and accepted):
        return ACCEPTED, (), accepted or tuple(result.verdict.failures)
    return NEW, new or tuple(result.verdict.failures), accepted


def baseline_label(result: CheckResult, comparison: BaselineComparison | None) -> str:
    """``NEW``, ``ACCEPTED`` or ``NEW (2 new, 1 accepted)``; empty without a baseline."""
    status = baseline_status(result, comparison)
    if status is None:
        return ""
    label, new, accepted = status
    if label == NEW and accepted:
        return f"{NEW} ({len(new)} new, {len(accepted)} accepted)"
    return label


def failures_of(results: Iterable[CheckResult]) -> dict[str, tuple[str, ...]]:
    """Check name -> failure keys of a run (passed checks with none), errors left out."""
    return {r.name: r.verdict.failures for r in results if r.status != "error"}
