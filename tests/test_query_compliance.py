"""The query compliance corpus: tests/compliance/*.json, run case by case.

Each file is ``{"description", "given", "aliases"?, "cases"}``. ``given`` is a
list of claims as :meth:`Claim.to_dict` records, or ``"seeds"`` for the seed
corpus. ``aliases`` (``{lexicon kind: {canonical: [forms]}}``) is the whole
lexicon the cases run with, so results do not depend on the built-in data;
without it the lexicon is empty. A case is ``{"query", "result": [claim ids]}``
or ``{"query", "error": message, "position": N}``; the error may come from
compiling or from evaluating.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsassert import compile_query
from newsassert.errors import QueryError
from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon
from newsassert.model import Claim, claim_from_dict

CORPUS = Path(__file__).parent / "compliance"
FILES = sorted(CORPUS.glob("*.json"))


def _cases() -> list[Any]:
    params = []
    for path in FILES:
        doc = json.loads(path.read_text(encoding="utf-8"))
        for number, case in enumerate(doc["cases"]):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{number}"))
    return params


def _document(name: str) -> dict[str, Any]:
    return json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _lexicon(doc: dict[str, Any]) -> Lexicon:
    if doc["given"] == "seeds":
        return default_lexicon()
    return Lexicon(
        [
            LexiconEntry(kind, canonical, tuple(forms))
            for kind, table in doc.get("aliases", {}).items()
            for canonical, forms in table.items()
        ]
    )


def _claims(doc: dict[str, Any], request: pytest.FixtureRequest) -> tuple[Claim, ...]:
    if doc["given"] == "seeds":
        return request.getfixturevalue("seeds").claims  # type: ignore[no-any-return]
    return tuple(claim_from_dict(record) for record in doc["given"])


def test_the_corpus_covers_every_operator_kind_and_file() -> None:
    queries = " ".join(case["query"] for path in FILES for case in _document(path.stem)["cases"])
    for word in (
        "=",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "~",
        " like ",
        " in [",
        "is null",
        "is not null",
        " not ",
        " and ",
        " or ",
        "(",
    ):
        assert word in queries, word
    for kind in ("claim", "quantity", "date", "mention", "person", "org", "place", "role"):
        assert any(
            case["query"].startswith(kind)
            for path in FILES
            for case in _document(path.stem)["cases"]
        ), kind


@pytest.mark.parametrize(("name", "case"), _cases())
def test_compliance(name: str, case: dict[str, Any], request: pytest.FixtureRequest) -> None:
    doc = _document(name)
    claims, lexicon = _claims(doc, request), _lexicon(doc)
    if "error" in case:
        with pytest.raises(QueryError) as raised:
            compile_query(case["query"]).evaluate(claims, lexicon)
        assert raised.value.message == case["error"]
        assert raised.value.position == case["position"]
        return
    query = compile_query(case["query"])
    assert [c.id for c in query.evaluate(claims, lexicon)] == case["result"]
    # The canonical text is the same query, and selects the same claims.
    again = compile_query(query.unparse())
    assert again == query
    assert again.unparse() == query.unparse()
    assert [c.id for c in again.evaluate(claims, lexicon)] == case["result"]
    assert [c.id for c in claims if query.matches(c, lexicon)] == case["result"]
