from __future__ import annotations

from pathlib import Path

import pytest

from newsassert.cli import main


def test_explain_shows_metadata_and_marks_what_is_not_body(
    seeds_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert main(["explain", str(seeds_path / "001_0c47c0a1c8d85d33.txt")]) == 0
    out = capsys.readouterr().out
    assert "== 001_0c47c0a1c8d85d33" in out
    assert "outlet:    دار الهلال" in out
    assert "published: 2024-01-27  (other dates: 2024-05-03)" in out
    assert "title:     انطلاق الجلسة الأولى" in out
    assert "[boilerplate:caption ar] جانب من الجلسة" in out
    assert "[metadata:byline en] Dr.Randa" in out
    assert "\n  ar  انطلقت اليوم السبت" in out  # body: plain, language shown
    assert "\033[" not in out  # not a terminal: no colour


def test_explain_colours_only_when_asked_or_on_a_terminal(
    seeds_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["explain", "--color", "always", str(seeds_path / "003_c8c07972d2a5d857.txt")]) == 0
    assert "\033[2m[boilerplate:ui ar] مناقشة\033[0m" in capsys.readouterr().out


def test_explain_every_seed(seeds_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", str(seeds_path)]) == 0
    out = capsys.readouterr().out
    assert out.count("\n== ") + out.startswith("== ") == 5
    assert "[boilerplate:read-also ar] إقرأ أيضاً:" in out
    assert "[metadata:outlet ar] المصدر: Malay Mail" in out


@pytest.mark.parametrize("make", ["missing", "binary"])
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: str
) -> None:
    path = tmp_path / "a.txt"
    if make == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    assert main(["explain", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("newsassert: ") and str(path) in err
