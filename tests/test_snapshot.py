"""Claims snapshots: an extractor change shows as a diff, on the command line and in pytest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsassert.check.snapshot import SUFFIX, snapshot_path

pytest_plugins = ["pytester"]

ARTICLES = {
    "a": "About 2,500 soldiers are in Iraq, the ministry said.\n",
    "b": "The fire destroyed 12 houses in Erbil.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for name, text in ARTICLES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def snapshot(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR",)}
    return subprocess.run(
        [sys.executable, "-m", "newsassert", "snapshot", ".", "-q", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**env, "NO_COLOR": "1"},
    )


def test_snapshot_then_change_shows_the_diff(corpus: Path) -> None:
    missing = snapshot(cwd=corpus)
    assert missing.returncode == 1
    assert "a: no snapshot" in missing.stdout and "0 same, 0 changed, 2 missing" in missing.stdout

    written = snapshot("--update", cwd=corpus)
    assert written.returncode == 0, written.stderr
    assert "2 of 2 snapshots written in __snapshots__/newsassert" in written.stdout
    files = sorted((corpus / "__snapshots__" / "newsassert").iterdir())
    assert [f.name for f in files] == [f"a{SUFFIX}", f"b{SUFFIX}"]
    first = json.loads(files[0].read_text(encoding="utf-8").splitlines()[0])
    assert list(first)[:5] == ["kind", "section", "start", "end", "text"]
    assert "article" not in first and first["sentence"].startswith("About 2,500")

    # The snapshot folder sits inside the corpus and is not read as articles.
    same = snapshot(cwd=corpus)
    assert same.returncode == 0 and "2 same, 0 changed, 0 missing" in same.stdout

    (corpus / "a.txt").write_text(ARTICLES["a"].replace("2,500", "3,000"), encoding="utf-8")
    changed = snapshot(cwd=corpus)
    assert changed.returncode == 1
    assert "a: the claims differ from __snapshots__/newsassert/a.claims.snap" in changed.stdout
    lines = changed.stdout.splitlines()
    removed = [line for line in lines if line.startswith("-{")]
    added = [line for line in lines if line.startswith("+{")]
    assert any('"value": 2500' in line for line in removed)
    assert any('"value": 3000' in line for line in added)
    assert "b: " not in changed.stdout
    assert "1 same, 1 changed, 0 missing" in changed.stdout


def test_stale_snapshots_are_reported_and_removed_by_update(corpus: Path) -> None:
    snapshot("--update", cwd=corpus)
    (corpus / "b.txt").unlink()
    stale = snapshot(cwd=corpus)
    assert stale.returncode == 1
    assert f"b{SUFFIX}: a snapshot of no article" in stale.stdout
    snapshot("--update", cwd=corpus)
    assert not (corpus / "__snapshots__" / "newsassert" / f"b{SUFFIX}").exists()


def test_unsafe_ids_make_safe_file_names(tmp_path: Path) -> None:
    assert snapshot_path(tmp_path, "news/2024:01").name == f"news_2024_01{SUFFIX}"


def test_pytest_items_compare_and_update(pytester: pytest.Pytester) -> None:
    corpus = pytester.mkdir("corpus")
    for name, text in ARTICLES.items():
        corpus.joinpath(f"{name}.txt").write_text(text, encoding="utf-8")
    pytester.makepyprojecttoml(
        '[tool.pytest.ini_options]\nnewsassert_corpus = "corpus"\n'
        'newsassert_snapshot = "snapshots"\n'
    )
    first = pytester.runpytest("-p", "no:randomly", "-k", "snapshot")
    assert first.parseoutcomes() == {"failed": 2, "deselected": 2}
    first.stdout.fnmatch_lines(["*corpus/a.txt::claims-snapshot - a: no snapshot*"])
    update = pytester.runpytest(
        "-p", "no:randomly", "-k", "snapshot", "--newsassert-snapshot-update"
    )
    assert update.parseoutcomes() == {"passed": 2, "deselected": 2}
    assert (pytester.path / "snapshots" / f"a{SUFFIX}").is_file()
    corpus.joinpath("b.txt").write_text("The fire destroyed 40 houses in Erbil.\n", "utf-8")
    after = pytester.runpytest("-p", "no:randomly", "-k", "snapshot")
    assert after.parseoutcomes() == {"passed": 1, "failed": 1, "deselected": 2}
    after.stdout.fnmatch_lines(
        [
            "b: the claims differ from *b.claims.snap",
            "--- *b.claims.snap (snapshot)",
            "+++ b (extracted now)",
            '-{"kind": "quantity"*"value": 12,*',
            '+{"kind": "quantity"*"value": 40,*',
        ]
    )
