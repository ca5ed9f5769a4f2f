from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsassert.cli import main
from newsassert.cli.query import format_table, summary
from newsassert.model import MentionClaim, QuantityClaim, RoleClaim


def test_a_bad_query_exits_2_with_the_caret_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["query", "quantity where untis = 3", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown field 'untis' for quantity" in err and "did you mean 'unit'?" in err
    assert err.splitlines()[-1].strip() == "^"
    assert "Traceback" not in err


def test_jsonl_writes_one_claim_record_per_line(
    seeds_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "date where section = any", str(seeds_path), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(r["kind"] == "date" for r in records)
    assert list(records[0])[:3] == ["schema", "id", "article"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in lines[0])  # UTF-8, not \\u escapes
    # Deterministic: the same run prints the same bytes.
    main(["query", "date where section = any", str(seeds_path), "--format", "jsonl"])
    assert capsys.readouterr().out.splitlines() == lines


def test_the_table_puts_the_sentence_on_its_own_line() -> None:
    claims = (
        QuantityClaim(
            id="q",
            article="002",
            start=0,
            end=4,
            text="نحو 900",
            value=900.0,
            qualifier="approx",
            low=810.0,
            high=990.0,
            unit="soldier",
            place="Syria",
            sentence="وينتشر نحو  900 جندي في سوريا.",
        ),
        RoleClaim(
            id="r",
            article="000-summary",
            start=0,
            end=1,
            text="x",
            title="prime minister",
            country="Iraq",
            person="Mustafa Al-Kadhimi",
            key="k",
            section="title",
            sentence="PM",
        ),
    )
    assert format_table(claims) == (
        "002          body   quantity  900 soldier (approx 810-990) in Syria\n"
        "    وينتشر نحو 900 جندي في سوريا.\n"
        "000-summary  title  role      prime minister of Iraq: Mustafa Al-Kadhimi\n"
        "    PM\n"
        "2 claims in 2 articles\n"
    )
    assert format_table(()) == "no claims match\n"


def test_summaries_say_what_a_claim_states() -> None:
    mention = MentionClaim(
        id="m",
        article="a",
        start=0,
        end=6,
        text="العراق",
        type="place",
        name="العراق",
        key="k",
        entity="Iraq",
    )
    assert summary(mention) == "place العراق (Iraq)"
    more = QuantityClaim(
        id="q",
        article="a",
        start=0,
        end=1,
        text="x",
        value=3.0,
        qualifier="more_than",
        low=3.0,
        high=None,
        unit="rocket",
    )
    assert summary(more) == "3 rocket (more_than 3-)"
