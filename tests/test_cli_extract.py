from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsassert.cli import main
from newsassert.model import SCHEMA_VERSION


def test_extract_writes_the_schema_one_claim_a_line(
    seeds_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path))
    assert main(["extract", str(seeds_path / "002_ab8256f9fa7ad429.txt"), "--section", "body"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(r["schema"] == SCHEMA_VERSION and r["section"] == "body" for r in records)
    troops = [r for r in records if r["kind"] == "quantity" and r["value"] == 2500]
    assert troops[0]["unit"] == "soldier" and troops[0]["place"] == "Iraq"
    text = (seeds_path / "002_ab8256f9fa7ad429.txt").read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in records)


def test_extract_output_is_identical_across_runs_and_job_counts(
    seeds_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path / "cache"))
    outputs = []
    for jobs, cache in (("1", "--no-cache"), ("2", "--no-cache"), ("2", None), ("2", None)):
        target = tmp_path / f"out{len(outputs)}.jsonl"
        argv = ["extract", str(seeds_path), "-j", jobs, "-o", str(target)]
        assert main(argv + ([cache] if cache else [])) == 0
        outputs.append(target.read_bytes())
    assert len(set(outputs)) == 1


def test_extract_of_a_missing_path_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "no/such/folder", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "no/such/folder" in err and "Traceback" not in err
