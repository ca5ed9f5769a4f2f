"""Heads of state and government linked to their country by alias data (data/leaders.toml)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import newsassert
from newsassert.check import supported_by
from newsassert.lexicon import default_lexicon, form_key, load_aliases
from newsassert.model import MentionClaim, RoleClaim
from newsassert.text.data import read_data

LEADERS = read_data("leaders.toml")["person"]


def test_every_leader_has_a_country_of_the_lexicon_and_forms_of_its_own() -> None:
    lexicon = default_lexicon()
    owners: dict[str, str] = {}
    for leader in LEADERS:
        place = lexicon.lookup("place", leader["country"])
        assert place is not None and place.country is None, leader["canonical"]
        for form in (leader["canonical"], *leader["forms"]):
            # A form that two leaders shared would give one the other's entity.
            owner = owners.setdefault(form_key(form), leader["canonical"])
            assert owner == leader["canonical"], (form, owner)


@pytest.mark.parametrize(
    ("text", "title", "country"),
    [
        # The office without a country is the office of the holder's country.
        ("قال الرئيس أردوغان إن الهجوم مرفوض.", "president", "Türkiye"),
        ("President Erdogan said the attack was unacceptable.", "president", "Türkiye"),
        ("قال رئيس الوزراء نتنياهو إن الحرب مستمرة.", "prime minister", "Israel"),
        # A stated country stays.
        ("قال الرئيس الأمريكي جو بايدن إن الحرب مستمرة.", "president", "United States"),
    ],
)
def test_a_leaders_office_takes_the_leaders_country(text: str, title: str, country: str) -> None:
    roles = [c for c in newsassert.extract(text) if isinstance(c, RoleClaim)]
    assert [(r.title, r.country) for r in roles] == [(title, country)]


def test_a_leader_named_alone_is_a_person_with_the_entity() -> None:
    claims = newsassert.extract("قال أردوغان ولنتنياهو إن الهجوم مرفوض.")
    people = [(c.name, c.entity) for c in claims if isinstance(c, MentionClaim)]
    assert people == [("أردوغان", "Recep Tayyip Erdoğan"), ("نتنياهو", "Benjamin Netanyahu")]


def test_a_country_is_supported_by_its_leader() -> None:
    source = newsassert.extract("قال أردوغان إن الهجوم مرفوض.")
    for text in ("قالت تركيا إن الهجوم مرفوض.", "Turkey rejected the attack."):
        places = [c for c in newsassert.extract(text) if isinstance(c, MentionClaim)]
        assert supported_by(places, source), text
    egypt = [c for c in newsassert.extract("قالت مصر إن الهجوم مرفوض.") if c.kind == "mention"]
    assert not supported_by(egypt, source)


def test_an_alias_file_links_a_person_to_a_country(tmp_path: Path) -> None:
    path = tmp_path / "aliases.toml"
    path.write_text(
        '[person]\n"Jane Roe" = { forms = ["جين رو"], country = "Iraq" }\n'
        '"John Doe" = ["جون دو"]\n',
        encoding="utf-8",
    )
    entries = {e.canonical: e for e in load_aliases(path)}
    assert entries["Jane Roe"].forms == ("جين رو",) and entries["Jane Roe"].country == "Iraq"
    assert entries["John Doe"].country is None
    bad = tmp_path / "bad.toml"
    bad.write_text('[person]\n"Jane Roe" = { forms = ["x"], office = "mayor" }\n', encoding="utf-8")
    with pytest.raises(newsassert.AliasError, match="takes 'forms'"):
        load_aliases(bad)


def test_the_data_file_names_its_source() -> None:
    root = Path(__file__).resolve().parent.parent
    header = (root / "src" / "newsassert" / "data" / "leaders.toml").read_text(encoding="utf-8")
    assert "Wikidata" in header and "CC0" in header
    assert "leaders.toml" in (root / "NOTICE").read_text(encoding="utf-8")
    assert tomllib.loads(header)["person"]
