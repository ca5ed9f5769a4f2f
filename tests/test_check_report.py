from __future__ import annotations

import json
from pathlib import Path

import pytest

from claim_factories import person, quantity, role
from newsassert.check import agree, supported_by
from newsassert.check.verdict import CheckResult
from newsassert.errors import ConfigError
from newsassert.report import write_report
from newsassert.report.json_report import render_json
from newsassert.report.text import has_rtl, render_results, render_verdict, text_width


def _pm_verdict() -> CheckResult:
    claims = [
        role(
            "000",
            "Mustafa Al-Kadhimi",
            lang="en",
            outlet="Wire",
            sentence="Iraqi Prime Minister Mustafa Al-Kadhimi called for talks.",
        ),
        role(
            "001",
            "محمد شياع السوداني",
            outlet="دار الهلال",
            sentence="بحضور رئيس الوزراء العراقي محمد شياع السوداني.",
        ),
        role("004", "محمد شياع السوداني", sentence="قال رئيس الوزراء العراقي محمد شياع السوداني."),
    ]
    return CheckResult.of("pm", 'role where title = "prime minister"', "agree", agree(claims))


def test_width_of_arabic_with_marks() -> None:
    assert text_width("مُحَمَّد") == 4
    assert text_width("abc") == 3
    assert has_rtl("Iraq العراق") and not has_rtl("Iraq")


def test_columns_are_aligned() -> None:
    text = render_verdict(_pm_verdict().verdict)
    rows = [line for line in text.splitlines() if line.lstrip().startswith(("✓", "✗"))]
    starts = {line.index("[") for line in rows}
    assert len(starts) == 1, rows


def test_arabic_outlet_value_and_quote_each_on_a_line_of_their_own() -> None:
    lines = render_verdict(_pm_verdict().verdict).splitlines()
    row = next(i for i, line in enumerate(lines) if "001" in line and "agrees" in line)
    assert not has_rtl(lines[row])
    assert lines[row + 1].strip() == "دار الهلال"
    assert lines[row + 2].strip() == "محمد شياع السوداني (prime minister, Iraq)"
    assert lines[row + 3].strip() == "“بحضور رئيس الوزراء العراقي محمد شياع السوداني.”"


def test_colour_only_when_asked() -> None:
    verdict = _pm_verdict().verdict
    assert "\x1b[" not in render_verdict(verdict)
    coloured = render_verdict(verdict, color=True)
    assert "\x1b[1;31mFAILS\x1b[0m" in coloured
    # The claim itself is underlined inside its sentence.
    assert "\x1b[1;4mMustafa Al-Kadhimi\x1b[0m" in coloured


def test_long_sentences_are_cut_around_the_claim() -> None:
    sentence = "x " * 300 + "2500 troops" + " y" * 300
    claim = quantity("a", 2500, text="2500 troops", sentence=sentence)
    text = render_verdict(agree([claim]))
    quote = next(line for line in text.splitlines() if "2500 troops" in line)
    assert "…" in quote and len(quote.strip()) < 200


def test_conflicts_show_what_they_conflict_with() -> None:
    verdict = supported_by(
        [person("000", "Yolanda Romanowski", lang="en")], [person("000", "الينا رومانسكي")]
    )
    lines = render_verdict(verdict).splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("↔"))
    assert lines[at + 1].strip() == "الينا رومانسكي"


def test_run_is_grouped_and_counted() -> None:
    failing = _pm_verdict()
    passing = CheckResult.of("troops", "q", "agree", agree([quantity("a", 1), quantity("b", 1)]))
    text = render_results([passing, failing])
    assert text.index("Conflicts (1)") < text.index("Agreements (1)")
    assert text.rstrip().endswith("2 checks: 1 held, 1 failed")
    quiet = render_results([passing, failing], quiet=True)
    assert "Agreements" not in quiet and "troops" not in quiet


def test_json_report_is_deterministic_and_keeps_arabic(tmp_path: Path) -> None:
    results = [_pm_verdict()]
    text = render_json(results)
    assert text == render_json(results)
    data = json.loads(text)
    check = data["checks"][0]
    assert check["status"] == "failed"
    assert check["verdict"]["majority"] == "محمد شياع السوداني"
    assert {c["kind"] for c in check["claims"]} == {"role"}
    assert "محمد" in text  # not escaped
    write_report(results, None, tmp_path / "r.json")
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == text


def test_unknown_report_format_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"cannot write a report as \.pdf"):
        write_report([], None, tmp_path / "r.pdf")


def test_text_width_counts_terminal_columns() -> None:
    from newsassert.report.text import text_width

    assert text_width("2,250–2,750 soldier") == 19
    assert text_width("مُحَمَّد") == 4  # harakat take no column
    assert text_width("a\u200fb") == 2  # nor does a bidi mark
    assert text_width("日本") == 4  # wide characters take two
