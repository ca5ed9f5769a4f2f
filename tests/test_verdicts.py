"""The verdict corpus: pairs of texts and the verdict of ``supported_by`` (tests/corpus/verdicts)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsassert

CORPUS = Path(__file__).parent / "corpus" / "verdicts"
VERDICTS = ("supported", "unsupported", "conflict")


def _cases() -> list[Any]:
    out = []
    for path in sorted(CORPUS.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            marks = []
            if case.get("known_failure"):
                marks.append(pytest.mark.xfail(reason=case["known_failure"], strict=True))
            out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


CASES = _cases()


def verdict_of(case: dict[str, Any], tmp_path: Path) -> tuple[str, newsassert.Verdict]:
    path = tmp_path / "pair.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for name in ("source", "text"):
            record = {"id": name, "text": case[name]}
            if case.get("published"):
                record["published"] = case["published"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    corpus = newsassert.load(path)
    claims = corpus.query('claim where article = "text"')
    verdict = claims.supported_by(
        corpus.query('claim where article = "source"'), **case.get("options", {})
    )
    if verdict:
        return "supported", verdict
    if any(row.role == "conflict" for row in verdict.evidence):
        return "conflict", verdict
    return "unsupported", verdict


@pytest.mark.parametrize("case", CASES)
def test_verdict(case: dict[str, Any], tmp_path: Path) -> None:
    assert case["expect"] in VERDICTS
    found, verdict = verdict_of(case, tmp_path)
    assert found == case["expect"], f"{case['why']}\n{verdict!r}"


def test_the_corpus_is_large_and_in_both_languages() -> None:
    cases = [p.values[0] for p in CASES]
    assert len(cases) >= 60
    assert len({c["id"] for c in cases}) == len(cases)
    arabic = [c for c in cases if any("\u0600" <= ch <= "\u06ff" for ch in c["source"] + c["text"])]
    assert len(arabic) >= 25 and len(cases) - len(arabic) >= 25
    for verdict in VERDICTS:
        assert any(c["expect"] == verdict for c in cases), verdict


def test_a_supported_case_has_claims_to_support(tmp_path: Path) -> None:
    # A checker that extracted nothing would call every pair supported.
    case = next(p.values[0] for p in CASES if p.values[0]["id"] == "en-age-apposition")
    _, verdict = verdict_of(case, tmp_path)
    assert any(row.role == "supported" for row in verdict.evidence)
