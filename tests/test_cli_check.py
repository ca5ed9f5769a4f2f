"""``newsassert check`` as a user runs it, over a corpus read by a toy extractor."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claim_factories import SEED_CHECKS, use_toy_extractor, write_toy_corpus
from newsassert import plugins
from newsassert.cli import main
from newsassert.model import SCHEMA_VERSION


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    use_toy_extractor()
    yield write_toy_corpus(tmp_path / "corpus")
    plugins.reset()


def test_builtin_checks_report_what_agrees_and_what_conflicts(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(corpus)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("newsassert check: 3 articles\n")
    conflicts, agreements = out.split("Agreements (4)")
    assert "Conflicts (2)" in conflicts
    assert "✗ agree: prime minister of Iraq" in conflicts
    assert "but b (en) says Mustafa Al-Kadhimi (prime minister, Iraq)" in conflicts
    assert "✗ b::internal-consistency" in conflicts
    assert "✓ agree: soldier in Iraq" in agreements
    assert "2 articles agree on 2,500 soldier in Iraq" in agreements
    assert "2 articles agree on >150–165 attack" in agreements
    assert out.rstrip().endswith("6 checks: 4 held, 2 failed")
    assert "\x1b[" not in out  # not a terminal


def test_quiet_and_colour(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus), "--quiet", "--color", "always"]) == 1
    out = capsys.readouterr().out
    assert "Agreements" not in out
    assert "\x1b[1;31m" in out


def test_all_holding_exits_0(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(corpus / "a.txt"), str(corpus / "c.txt")]) == 0


def test_json_is_deterministic(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(corpus), "--format", "json"])
    first = capsys.readouterr().out
    main(["check", str(corpus), "--format", "json"])
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert data["totals"] == {"passed": 4, "failed": 2, "baselined": 0, "error": 0}
    assert [a["id"] for a in data["articles"]] == ["a", "b", "c"]
    pm = next(c for c in data["checks"] if c["name"] == "agree: prime minister of Iraq")
    assert pm["verdict"]["majority"] == "Mohammed Shia Al-Sudani"
    assert all(c["schema"] == SCHEMA_VERSION for c in pm["claims"])


def test_report_file(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    assert main(["check", str(corpus), "--report", str(report)]) == 1
    assert json.loads(report.read_text(encoding="utf-8"))["totals"]["failed"] == 2
    assert main(["check", str(corpus), "--report", str(tmp_path / "r.pdf")]) == 2
    assert "cannot write a report as .pdf" in capsys.readouterr().err


def test_baseline_accepts_known_failures_and_catches_new_ones(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    assert main(["check", str(corpus), "--baseline", str(baseline), "--update-baseline"]) == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert sorted(entries) == ["agree: prime minister of Iraq", "b::internal-consistency"]
    capsys.readouterr()

    assert main(["check", str(corpus), "--baseline", str(baseline)]) == 0
    out = capsys.readouterr().out
    assert "Accepted by the baseline (2)" in out
    assert "4 held, 0 failed, 2 baselined" in out

    # A new inconsistency fails the run.
    (corpus / "c.txt").write_text(
        "Some 900 troops in Syria stay.\n\nPrime Minister Nouri Maliki said so.\n"
    )
    assert main(["check", str(corpus), "--baseline", str(baseline)]) == 1
    capsys.readouterr()

    # Fixed: exit 0, and the accepted failures that no longer happen are listed as stale.
    (corpus / "c.txt").write_text("Some 900 troops in Syria stay.\n")
    (corpus / "b.txt").write_text("There are 2500 troops in Iraq.\n")
    assert main(["check", str(corpus), "--baseline", str(baseline)]) == 0
    out = capsys.readouterr().out
    assert "Stale baseline entries" in out
    assert "b::internal-consistency: conflict:" in out


def test_bad_input_exits_2(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["check", str(corpus), "--update-baseline"]) == 2
    assert "--update-baseline needs --baseline" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["check", str(corpus), "--baseline", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "bad.json" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exit_info:
        main(["check"])
    assert exit_info.value.code == 2


CHECKS = (
    SEED_CHECKS
    + """
[[check]]
name = "broken query"
query = "quantity where unit = = soldier"
expect = "agree"
"""
)


def test_check_file(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checks = tmp_path / "seeds.checks.toml"
    checks.write_text(CHECKS, encoding="utf-8")
    code = main(["check", str(corpus), "--checks", str(checks)])
    out = capsys.readouterr().out
    assert code == 2  # the broken query is bad input
    assert "✓ troops in Iraq agree" in out
    assert "✗ one prime minister" in out
    assert "! broken query" in out
    assert "seeds.checks.toml" in out
    checks.write_text(CHECKS.split('[[check]]\nname = "broken')[0], encoding="utf-8")
    assert main(["check", str(corpus), "--checks", str(checks)]) == 1
    checks.write_text("[[check]]\nname = 1\n", encoding="utf-8")
    assert main(["check", str(corpus), "--checks", str(checks)]) == 2
    assert "seeds.checks.toml" in capsys.readouterr().err


def test_skip_bad_checks_what_can_be_read_and_names_what_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        '{"id": "a", "text": "Some 900 troops are in Syria."}\n'
        "{not json\n"
        '{"id": "b", "text": "About 900 troops are in Syria."}\n',
        encoding="utf-8",
    )
    assert main(["check", str(path), "--no-cache", "-j", "1"]) == 2
    assert "line 2" in capsys.readouterr().err
    assert main(["check", str(path), "--no-cache", "-j", "1", "--skip-bad"]) == 0
    captured = capsys.readouterr()
    assert "2 articles" in captured.out
    assert f"skipped {path}, line 2" in captured.err
    assert "skipped 1 bad file or record (--skip-bad)" in captured.err


def test_an_unchanged_corpus_is_checked_again_without_decoding_its_articles(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsassert import store

    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["check", str(corpus)]) == 1
    first = capsys.readouterr().out

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a cached article was decoded")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "article_from_row", refuse)
        # Same files, checks, options: the results are read back, nothing else.
        assert main(["check", str(corpus)]) == 1
        assert capsys.readouterr().out == first
    # Other options choose other articles: the corpus is read, and the
    # limit is enforced on the cached articles too.
    assert main(["check", str(corpus), "--max-article-chars", "10"]) == 2
    assert "the limit of 10" in capsys.readouterr().err  # refused, never served from the cache
    # A changed file is read again, and its new claims checked.
    (corpus / "c.txt").write_text("", encoding="utf-8")
    assert main(["check", str(corpus)]) == 1
    assert capsys.readouterr().out != first

