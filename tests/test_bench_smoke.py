"""The pipeline benchmark runs end to end on a tiny corpus (a smoke test: no timing is asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "bench_pipeline", ROOT / "benchmarks" / "bench_pipeline.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_pipeline"] = module
    spec.loader.exec_module(module)
    return module


def test_benchmark_reports_every_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    code = bench.main(  # type: ignore[attr-defined]
        [
            "--sets", "generated",
            "--articles", "8",
            "--corpus", str(tmp_path / "news.jsonl"),
            "--runs", "1",
            "--query-claims", "2000",
            "--dateparser-bytes", "0",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert (tmp_path / "news.jsonl").read_text(encoding="utf-8").count("\n") == 8
    stages = ("\\w+ scan", "pipeline", "load", "decode", "normalize", "segment", "extract",
              "quantities", "dates", "entities")  # fmt: skip
    table = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    for stage in stages:
        assert stage.split()[0] in table, stage
    assert "generated 8: 8 articles" in out
    assert out.count("2,000 claims") == 5  # each query over the repeated claims
    assert "built-in checks over generated 8" in out


def test_support_benchmark_compares_the_index_with_the_pairwise_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location(
        "bench_support", ROOT / "benchmarks" / "bench_support.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    corpus = tmp_path / "news.jsonl"
    code = module.main(["--articles", "8", "16", "--corpus", str(corpus), "--naive-up-to", "16"])
    out = capsys.readouterr().out
    assert code == 0
    rows = [line.split() for line in out.splitlines() if line.strip()[:1].isdigit()]
    assert [row[0] for row in rows] == ["8", "16"]
    assert out.count("same verdict") == 2 and "DIFFERENT" not in out
