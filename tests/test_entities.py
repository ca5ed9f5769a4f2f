"""People, roles, organizations and places: the seeds and a sentence corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import newsassert
from newsassert.model import Claim, MentionClaim, RoleClaim
from newsassert.names import name_key

CORPUS = Path(__file__).parent / "corpus" / "entities"


def _load(name: str) -> Any:
    return tomllib.loads((CORPUS / name).read_text(encoding="utf-8"))


def _roles(claims: list[Claim] | tuple[Claim, ...]) -> list[list[str]]:
    return [
        [c.title, c.country or "", c.person]
        for c in claims
        if isinstance(c, RoleClaim) and c.section in ("body", "title")
    ]


def _mentions(claims: list[Claim] | tuple[Claim, ...], kind: str) -> list[MentionClaim]:
    return [c for c in claims if isinstance(c, MentionClaim) and c.type == kind]


# --- the seeds --------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_articles(seeds: Any) -> dict[str, newsassert.Article]:
    return {a.id: a for a in seeds}


SEEDS = _load("seeds.toml")["article"]


@pytest.mark.parametrize("expected", SEEDS, ids=[a["id"] for a in SEEDS])
def test_seed_roles(seed_articles: dict[str, newsassert.Article], expected: dict[str, Any]) -> None:
    article = seed_articles[expected["id"]]
    assert _roles(article.claims) == expected["roles"]


@pytest.mark.parametrize("expected", SEEDS, ids=[a["id"] for a in SEEDS])
def test_seed_surnames_link_to_the_full_name(
    seed_articles: dict[str, newsassert.Article], expected: dict[str, Any]
) -> None:
    people = _mentions(seed_articles[expected["id"]].claims, "person")
    for surname, full in expected["surnames"]:
        alone = [p for p in people if p.name == surname]
        assert alone, f"no mention of {surname!r} alone"
        assert all(p.key == name_key(full) for p in alone)


def test_seed_claims_point_at_their_text(seed_articles: dict[str, newsassert.Article]) -> None:
    for article in seed_articles.values():
        for claim in article.claims:
            if isinstance(claim, MentionClaim | RoleClaim):
                assert article.text[claim.start : claim.end] == claim.text


def test_summary_roles_disagree_with_the_sources(
    seed_articles: dict[str, newsassert.Article],
) -> None:
    # The English summary of seed 000 names the wrong prime minister and
    # ambassador; the names must not match the Arabic ones.
    roles = [c for c in seed_articles["000_4c148d8a33c5d998"].claims if isinstance(c, RoleClaim)]
    arabic = {c.title: c.person for c in roles if c.lang == "ar"}
    english = [c for c in roles if c.lang == "en"]
    kadhimi = next(c for c in english if "Kadhimi" in c.person)
    romanowski = next(c for c in english if "Romanowski" in c.person)
    sudani = next(c for c in english if "Sudani" in c.person)
    assert not newsassert.names_match(kadhimi.person, arabic["prime minister"])
    assert not newsassert.names_match(romanowski.person, arabic["ambassador"])
    assert newsassert.names_match(sudani.person, arabic["prime minister"])


# --- sentences ---------------------------------------------------------------------

CASES = _load("sentences.toml")["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_sentence(case: dict[str, Any]) -> None:
    claims = newsassert.extract(case["text"])
    if "roles" in case:
        assert _roles(claims) == case["roles"]
    if "persons" in case:
        assert [m.name for m in _mentions(claims, "person")] == case["persons"]
    if "places" in case:
        assert [m.entity for m in _mentions(claims, "place")] == case["places"]
    if "orgs" in case:
        assert [m.entity for m in _mentions(claims, "org")] == case["orgs"]


@pytest.mark.parametrize(
    "text", ["قال رئيس الوزراء في", "وصل رئيس الوزراء باسم", "the Prime Minister of"]
)
def test_a_title_at_the_very_end_of_a_text(text: str) -> None:
    # The complement after the title starts past the last token: no name, no error.
    claims = newsassert.extract(text)
    assert not [c for c in claims if isinstance(c, RoleClaim)]
