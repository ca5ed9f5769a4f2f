"""Hostile text: escape sequences and controls never reach a terminal raw, bidi
controls never reorder the HTML report, and a number inside a directional
override (shown in another order than it is read) is not extracted."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newsassert
from newsassert._bidi import overridden_spans
from newsassert.cli import main
from newsassert.report.html import render_html
from newsassert.report.text import for_json, for_terminal

ERASE_LINE_ABOVE = "\x1b[1A\x1b[2K"
RLO, PDF = "\u202e", "\u202c"
SENTENCE = "US officials said {} soldiers were killed in Iraq on Monday."
# What a terminal or a browser would act on: C0 (but tab and line feed), DEL,
# C1, and the bidi embeddings, overrides and isolates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE.format(30) + "\n", encoding="utf-8")
    (folder / "b.txt").write_text(SENTENCE.format(30) + "\n", encoding="utf-8")
    # The dissenting article tries to erase its own "✗ dissent" row.
    text = SENTENCE.format(90) + ERASE_LINE_ABOVE + "\x9b2K \x07" + RLO + "x" + PDF + "\n"
    (folder / "c.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("color", ["never", "always"])
def test_escape_sequences_in_article_text_never_reach_the_terminal(
    hostile: Path, color: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(hostile), "--no-cache", "--color", color]) == 1
    out = capsys.readouterr().out
    dissent = next(line for line in out.splitlines() if "dissent" in line)
    assert "c  [" in dissent
    assert "Monday.\\x1b[1A\\x1b[2K\\x9b2K \\x07\\u202ex" in out
    if color == "never":
        assert not RAW.search(out)
    else:  # only newsassert's own colour codes
        assert "\x1b[1;31m" in out
        assert not RAW.search(re.sub(r"\x1b\[(?:0|1|2|1;4|32|33|36|1;31)m", "", out))


def test_query_explain_and_json_outputs_escape_controls_too(
    hostile: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(hostile / "c.txt")
    for argv in (
        ["query", "quantity", path],
        ["explain", path, "--color", "always"],
        ["extract", path, "--format", "table"],
    ):
        main(argv)
        out = capsys.readouterr().out
        assert "\\x1b[1A" in out, argv
        assert not RAW.search(re.sub(r"\x1b\[(?:0|1|2|36|33)m", "", out)), argv
    for argv in (["query", "quantity", path, "--format", "jsonl"], ["extract", path]):
        main(argv)
        out = capsys.readouterr().out
        assert not RAW.search(out), argv
        assert ERASE_LINE_ABOVE in json.loads(out.splitlines()[0])["sentence"]


def test_an_error_naming_a_hostile_file_prints_it_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"bad{ERASE_LINE_ABOVE}.jsonl"
    path.write_text("[1]\n", encoding="utf-8")
    assert main(["explain", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\\x1b[1A" in err and not RAW.search(err)


def test_for_terminal_keeps_only_newsassert_colours_and_for_json_keeps_the_values() -> None:
    text = f"\x1b[32mok\x1b[0m \x1b[8mhidden\x1b[0m{RLO}\r\t\n"
    assert for_terminal(text) == "\\x1b[32mok\\x1b[0m \\x1b[8mhidden\\x1b[0m\\u202e\\x0d\t\n"
    assert for_terminal(text, color=True) == (
        "\x1b[32mok\x1b[0m \\x1b[8mhidden\x1b[0m\\u202e\\x0d\t\n"
    )
    encoded = json.dumps({"t": text + "\x9b\u2066"}, ensure_ascii=False)
    assert json.loads(for_json(encoded)) == json.loads(encoded)
    assert not RAW.search(for_json(encoded))


# --- bidi -------------------------------------------------------------------------


def test_a_number_inside_a_directional_override_is_not_extracted() -> None:
    # RLO 0052 PDF is shown as "2500": neither 52 nor 2500 is what was read.
    text = f"{RLO}0052{PDF} troops were killed in Iraq. 30 soldiers were killed."
    values = [c.value for c in newsassert.extract(text) if c.kind == "quantity"]
    assert values == [30.0]
    # Scopes close at their PDF, at the end of the paragraph, and inside an isolate.
    assert overridden_spans(f"a{RLO}12{PDF}b{RLO}3\n4") == [(2, 4), (7, 8)]
    assert overridden_spans("a\u2067\u202e5\u2069 6") == [(3, 4)]
    assert overridden_spans("\u202b12\u202c") == []  # an embedding keeps digits in order
    assert [c.value for c in newsassert.extract("\u202b52\u202c troops") if c.kind == "quantity"]


def test_the_html_report_shows_controls_and_isolates_every_user_string(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCE.format(30) + "\n", encoding="utf-8")
    (folder / f"b{RLO}x.txt").write_text(
        f"{SENTENCE.format(90)} {RLO}0052{PDF} troops{ERASE_LINE_ABOVE}\x01.\n", encoding="utf-8"
    )
    checks = tmp_path / "c.checks.toml"
    checks.write_text(
        f'[[check]]\nname = "soldiers {RLO}reversed{PDF}"\n'
        'query = "quantity where unit = soldier"\nexpect = "agree"\n',
        encoding="utf-8",
    )
    corpus = newsassert.load(folder, cache=False)
    from newsassert.check import checkfile

    results = [checkfile.run_check(spec, corpus) for spec in checkfile.load_check_file(checks)]
    page = render_html(results, corpus)
    # (The page's own script is newsassert's, not user text.)
    outside_scripts = re.sub(r"<script>.*?</script>", "", page, flags=re.DOTALL)
    assert not RAW.search(outside_scripts), [outside_scripts[m.start() - 80 : m.end()] for m in RAW.finditer(outside_scripts)]
    assert "bU+202Ex" in page  # the article index's data
    assert "U+202E" in page and "U+001B" in page and "U+0001" in page
    # The check name (heading, summary row) and the article id (heading, links) are isolated.
    assert page.count("<bdi>soldiers <bdi") >= 2
    assert '<bdi>b<bdi class="cc" dir="ltr">U+202E</bdi>x</bdi>' in page
