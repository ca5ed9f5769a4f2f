"""A name's particles (da, von der, al-) are part of it, and do not count toward its length."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsassert


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("President Luiz Inacio Lula da Silva visited the region.", "Luiz Inacio Lula da Silva"),
        ("Commission President Ursula von der Leyen spoke on Monday.", "Ursula von der Leyen"),
        ("Prime Minister Mohammed Shia al-Sudani said on Monday.", "Mohammed Shia al-Sudani"),
        ("Luiz Inacio Lula da Silva said on Monday.", "Luiz Inacio Lula da Silva"),
    ],
)
def test_a_titled_name_keeps_its_particles(text: str, person: str) -> None:
    claims = newsassert.extract(text)
    assert [c.name for c in claims if c.kind == "mention" and c.type == "person"] == [person]
    roles = [c for c in claims if c.kind == "role"]
    assert all(r.person == person for r in roles)


def test_one_word_names_the_person_whose_name_has_it() -> None:
    from newsassert.compare import same_person

    assert same_person("Lula", "Luiz Inacio Lula da Silva")
    assert same_person("Luiz Inacio Lula da Silva", "لولا")
    assert not same_person("Lula", "Dilma Rousseff")
    assert not same_person("da", "Luiz Inacio Lula da Silva")  # a particle names no one
    assert not same_person("John Brown", "John Smith")  # full names still need both parts


def test_outlets_naming_a_president_in_full_and_by_his_usual_name_agree(tmp_path: Path) -> None:
    path = tmp_path / "flood.jsonl"
    texts = [
        "President Luiz Inacio Lula da Silva visited the region on Tuesday.",
        "Brazil's president, Lula, toured the flooded areas on Tuesday.",
        "President Lula visited the state on Tuesday.",
    ]
    path.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
        encoding="utf-8",
    )
    corpus = newsassert.load(path)
    roles = corpus.query('role where title = "president"')
    assert len(roles) == 3
    assert roles.agree()
