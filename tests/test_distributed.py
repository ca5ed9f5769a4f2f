"""The Dask engine on a local cluster of two worker processes: the same claims and checks as one process."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

import newsassert
from claim_factories import SEED_CHECKS
from newsassert.check.auto import builtin_checks
from newsassert.errors import LoadError

distributed = pytest.importorskip(
    "distributed", reason="the Dask engine needs the dask extra (pip install -e .[dask])"
)
pytest.importorskip("dask.bag", reason="the Dask engine needs dask[bag]")

from newsassert.distributed import (  # noqa: E402
    check_shards,
    extract_shards,
    partitions,
    read_claims,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def client() -> Any:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles, and a JSON Lines file of articles made of their paragraphs."""
    folder = tmp_path_factory.mktemp("corpus")
    rng = random.Random(7)
    paragraphs = [
        line
        for p in sorted(SEEDS.glob("*.txt"))
        for line in p.read_text(encoding="utf-8").splitlines()
        if len(line) > 80
    ]
    for p in sorted(SEEDS.glob("*.txt")):
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    with (folder / "more.jsonl").open("w", encoding="utf-8") as out:
        for i in range(16):
            record = {
                "id": f"gen-{i:03d}",
                "outlet": rng.choice(("Reuters", "الجزيرة")),
                "published": f"2024-01-{rng.randint(1, 28):02d}",
                "text": "\n".join(rng.sample(paragraphs, 3)) + "\n",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return folder


def test_partitions_cut_json_lines_at_line_breaks(corpus_dir: Path) -> None:
    parts = partitions([corpus_dir], partition_bytes=8_000)
    jsonl = [p for p in parts if p.path.endswith("more.jsonl")]
    assert len(jsonl) > 2
    data = (corpus_dir / "more.jsonl").read_bytes()
    for part in jsonl:
        end = part.end if part.end is not None else len(data)
        assert data[:end].endswith(b"\n")
        assert data[: part.start].count(b"\n") + 1 == part.line
    assert [p.path for p in parts[: -len(jsonl)]] == [
        str(corpus_dir / p.name) for p in sorted(SEEDS.glob("*.txt"))
    ]


def test_same_claims_and_checks_as_one_process(client: Any, corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims"
    manifest = extract_shards([corpus_dir], out, scheduler=client, partition_bytes=8_000)
    assert len(manifest["shards"]) > 5

    corpus = newsassert.load(corpus_dir)
    expected = [c.to_dict() for c in corpus.claims]
    assert len(expected) > 300
    shards = sorted(out.glob("claims-*.jsonl"))
    written = [json.loads(line) for shard in shards for line in shard.read_text("utf-8").splitlines()]
    assert written == expected
    assert [c.to_dict() for c in read_claims(out)] == expected
    assert [a for s in manifest["shards"] for a in s["articles"]] == list(corpus.ids)

    results = check_shards(out, scheduler=client)
    assert results == builtin_checks(corpus)
    assert any(r.status == "failed" for r in results)  # the seeds disagree on some figures


def test_a_bad_line_is_named_in_the_whole_file(client: Any, tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"a{i}", "text": "نحو 900 جندي في سوريا " * 40}) for i in range(30)]
    lines[23] = "{not json"
    src = tmp_path / "bad.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        extract_shards([src], tmp_path / "out", scheduler=client, partition_bytes=4_000)
    assert caught.value.path == str(src)
    assert caught.value.line == 24


def test_an_id_in_two_partitions_is_a_duplicate(client: Any, tmp_path: Path) -> None:
    lines = [json.dumps({"id": "same" if i in (1, 28) else f"a{i}", "text": "نص " * 300})
             for i in range(30)]  # fmt: skip
    src = tmp_path / "dup.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LoadError, match="duplicate article id 'same'"):
        extract_shards([src], tmp_path / "out", scheduler=client, partition_bytes=4_000)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from newsassert.cli import main

    code = main(argv)
    return code, capsys.readouterr().out


def test_the_check_command_on_dask_says_what_it_says_in_one_process(
    client: Any,
    corpus_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path / "cache"))
    dask = ["--engine", "dask", "--scheduler", client.scheduler.address]
    checks = tmp_path / "stories.checks.toml"
    checks.write_text(SEED_CHECKS, encoding="utf-8")
    for extra in ([], ["--checks", str(checks)]):
        local = _run(["check", str(corpus_dir), "--format", "json", *extra], capsys)
        shards = tmp_path / f"shards{len(extra)}"
        on_dask = _run(
            ["check", str(corpus_dir), "--format", "json", "--out", str(shards), *dask, *extra],
            capsys,
        )
        assert on_dask == local  # exit code and the JSON report, byte for byte
        assert local[0] == 1 and '"status": "failed"' in local[1]
        assert (shards / "manifest.json").is_file()  # --out keeps the shards

    # A baseline written on Dask accepts the same failures in one process, and a
    # report is written from the shards.
    baseline = tmp_path / "baseline.json"
    report = tmp_path / "report.html"
    code, _ = _run(
        ["check", str(corpus_dir), "--baseline", str(baseline), "--update-baseline", *dask], capsys
    )
    assert code == 0 and baseline.is_file()
    code, out = _run(
        ["check", str(corpus_dir), "--baseline", str(baseline), "--report", str(report), *dask],
        capsys,
    )
    assert code == 0 and "ACCEPTED" in out
    assert "Kadhimi" in report.read_text(encoding="utf-8") or "الكاظمي" in report.read_text(
        encoding="utf-8"
    )
    assert _run(["check", str(corpus_dir), "--baseline", str(baseline)], capsys)[0] == 0
