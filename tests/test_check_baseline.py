from __future__ import annotations

import json
from pathlib import Path

import pytest

from claim_factories import quantity
from newsassert.check import agree
from newsassert.check.baseline import (
    Baseline,
    apply_baseline,
    compare_baseline,
    failures_of,
    load_baseline,
    updated,
    write_baseline,
)
from newsassert.check.verdict import CheckResult
from newsassert.errors import ConfigError


def _result(name: str, *values: float) -> CheckResult:
    claims = [quantity(f"a{i}", v, id=f"{name}-{i}") for i, v in enumerate(values)]
    return CheckResult.of(name, "quantity", "agree", agree(claims))


def test_file_is_sorted_deterministic_and_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    baseline = Baseline({"z": ["k2", "k1", "k1"], "a": ["x"], "empty": []})
    write_baseline(path, baseline)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text) == {"version": 1, "entries": {"a": ["x"], "z": ["k1", "k2"]}}
    assert text.endswith("\n")
    write_baseline(path, load_baseline(path))
    assert path.read_text(encoding="utf-8") == text
    assert [p.name for p in tmp_path.iterdir()] == ["baseline.json"]  # no temporary left


def test_missing_file_is_an_empty_baseline(tmp_path: Path) -> None:
    assert load_baseline(tmp_path / "nope.json") == Baseline()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"version": 2, "entries": {}}', "not a baseline file of version 1"),
        ('{"version": 1, "entries": {"a": "k"}}', "'entries' must map"),
    ],
)
def test_bad_files_are_config_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "b.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        load_baseline(path)
    assert str(path) in str(info.value)


def test_new_baselined_and_stale() -> None:
    troops = _result("troops", 2500, 2500, 900)  # one dissent
    attacks = _result("attacks", 150, 150)  # holds
    baseline = updated(Baseline(), failures_of([troops]))
    assert baseline.entries == {"troops": troops.verdict.failures}

    results = apply_baseline([troops, attacks], baseline)
    assert [r.status for r in results] == ["baselined", "passed"]

    # A new dissent in the same check makes it fail again, and is the only new failure.
    worse = _result("troops", 2500, 2500, 900, 800)
    comparison = compare_baseline(baseline, failures_of([worse, attacks]))
    assert comparison.new == {"troops": ("dissent:troops-3",)}
    assert comparison.baselined == {"troops": ("dissent:troops-2",)}
    assert not comparison.ok
    assert [r.status for r in apply_baseline([worse], baseline)] == ["failed"]

    # Fixed: the entry is stale.
    fixed = _result("troops", 2500, 2500)
    comparison = compare_baseline(baseline, failures_of([fixed]))
    assert comparison.stale == {"troops": ("dissent:troops-2",)}
    assert comparison.ok


def test_entries_of_checks_that_did_not_run() -> None:
    baseline = Baseline({"gone": ["k"]})
    assert compare_baseline(baseline, {}).stale == {"gone": ("k",)}
    assert compare_baseline(baseline, {}, complete=False).stale == {}
    assert updated(baseline, {"new": ["j"]}, complete=False).entries == {
        "gone": ("k",),
        "new": ("j",),
    }
    assert updated(baseline, {"new": ["j"]}).entries == {"new": ("j",)}


def test_written_files_are_readable_by_others_as_a_plain_open_would_leave_them(
    tmp_path: Path,
) -> None:
    import os

    from newsassert._files import write_atomically

    mask = os.umask(0o022)
    try:
        target = tmp_path / "baseline.json"
        write_atomically(target, "{}\n", "baseline file")
        assert target.stat().st_mode & 0o777 == 0o644
        assert target.read_text(encoding="utf-8") == "{}\n"
    finally:
        os.umask(mask)
