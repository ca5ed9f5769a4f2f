"""The index of ``supported_by`` leaves out only claims no rule could relate: same verdicts."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsassert
from claim_factories import date, mention, person, quantity, role
from newsassert.check import support
from newsassert.check.support_index import SupportIndex
from newsassert.check.verdict import Verdict
from newsassert.compare import CompareOptions
from newsassert.model import Claim, StatementClaim

OPTIONS = (
    {},
    {"precision": "comparable", "unplaced": True, "open_bound": 3.0},
    {"statements": False, "open_bound": 1.5},
)


def _verdict(claims: list[Claim], sources: list[Claim], indexed: bool, **options: Any) -> Verdict:
    settings = {"precision": "any", "unplaced": False, "open_bound": None, "statements": True}
    settings.update(options)
    return support._supported_by(claims, sources, indexed=indexed, **settings)


def _shown(verdict: Verdict) -> tuple[object, ...]:
    return (
        verdict.holds,
        verdict.summary,
        verdict.failures,
        tuple(
            (row.claim.id, row.role, row.value, tuple(c.id for c in row.against), row.note)
            for row in verdict.evidence
        ),
    )


def _assert_same(claims: list[Claim], sources: list[Claim], **options: Any) -> Verdict:
    indexed = _verdict(claims, sources, True, **options)
    assert _shown(indexed) == _shown(_verdict(claims, sources, False, **options))
    return indexed


@pytest.fixture(scope="module")
def seed_claims(seeds: newsassert.Corpus) -> list[Claim]:
    return [c for article in seeds for c in article.claims]


@pytest.mark.parametrize("options", OPTIONS)
def test_the_seeds_get_the_verdicts_of_the_pairwise_comparison(
    seed_claims: list[Claim], options: dict[str, Any]
) -> None:
    articles = sorted({c.article for c in seed_claims})
    summary = [c for c in seed_claims if c.article == articles[0]]
    sources = [c for c in seed_claims if c.article != articles[0]]
    verdict = _assert_same(summary, sources, **options)
    # The index hands real candidates: most of the summary is supported.
    assert sum(row.role == "supported" for row in verdict.evidence) > len(summary) // 3
    _assert_same(sources, summary, **options)


def test_a_selection_checked_against_itself(seed_claims: list[Claim]) -> None:
    _assert_same(seed_claims, seed_claims)  # a claim never supports itself


def test_candidates_leave_out_what_cannot_match(seed_claims: list[Claim]) -> None:
    index = SupportIndex(seed_claims, CompareOptions())
    claims = [c for c in seed_claims if not isinstance(c, StatementClaim)]
    handed = sum(len(index.candidates(c)) for c in claims)
    same_kind = sum(sum(s.kind == c.kind for s in seed_claims) for c in claims)
    assert 0 < handed < same_kind / 4


# Small pools, so that drawn claims often share units, names, places and days.
_UNITS = (
    None, "soldier", "جنود", "troops", "people", "protesters", "Iraqis", "officer",
    "police officer", "age", "rocket", "percent",
)  # fmt: skip
_NAMES = (
    "mustafa al-kadhimi", "barzani", "محمد شياع السوداني", "Mohammed Shia al-Sudani", "السوداني", "Al-Sudani",
    "Mustafa Al-Kadhimi", "Yolanda Romanowski", "الينا رومانسكي", "Masoud Barzani",
    "مسرور بارزاني", "Barzani",
)  # fmt: skip
_PLACES = ("Iraq", "العراق", "Mosul", "الموصل", "Syria", "Baghdad", "the United States")
_DEMONYMS = (
    ("العراقي", "Iraq"), ("Iraqi", "Iraq"), ("السوري", "Syria"), ("الأمريكي", "United States"),
)  # fmt: skip
_ORGS = ("الأمم المتحدة", "United Nations", "NATO", "حلف الناتو", "the Pentagon", "البنتاغون")
# Date intervals: a month, a range of days, a year, a day of no year.
_SPANS = (
    (None, None), (None, None), ("2024-01", "2024-01"), ("2024-01-20", "2024-02-05"),
    ("2023", "2024"), ("--10-08", "--10-08"),
)  # fmt: skip
# Sentences of mentions, some writing a person's name out.
_SENTENCES = (
    None, "Talks with Mohammed Shia al-Sudani in Baghdad", "Barzani said on Monday",
    "والتقى محمد شياع السوداني أمس", "mustafa al-kadhimi met Romanowski's team",
)  # fmt: skip
_VALUES = (0.5, 40, 100, 150, 2500, 2600, 9000)
_QUALIFIERS = ("exact", "approx", "more_than", "less_than", "at_least", "at_most", "vague")


@st.composite
def _claim(draw: st.DrawFn, article: str) -> Claim:
    kind = draw(st.sampled_from(("quantity", "date", "person", "place", "demonym", "org", "role")))
    if kind == "quantity":
        value = draw(st.sampled_from(_VALUES))
        qualifier = draw(st.sampled_from(_QUALIFIERS))
        low = high = None
        if qualifier == "exact":
            low = high = value
        elif qualifier == "vague":
            low, high = value, value * 10
        words = draw(st.sampled_from(("القوات الأمريكية في العراق", "troops in the region")))
        return quantity(
            article,
            value,
            qualifier,
            low=low,
            high=high,
            unit=draw(st.sampled_from(_UNITS)),
            place=draw(st.sampled_from((None, *_PLACES[:2], "Syria"))),
            sentence=f"{words} {value:g} {words}",
        )
    if kind == "date":
        year = draw(st.sampled_from((None, 2023, 2024)))
        month = draw(st.sampled_from((None, 1, 2)))
        day = draw(st.sampled_from((None, 4, 25)))
        text = draw(st.sampled_from(("الخميس", "Thursday", "اليوم", "25 يناير")))
        low, high = draw(st.sampled_from(_SPANS))
        return date(
            article, year, month, day, text=text, relative=draw(st.booleans()), low=low, high=high
        )
    sentence = draw(st.sampled_from(_SENTENCES))
    if kind == "person":
        return person(article, draw(st.sampled_from(_NAMES)), sentence=sentence)
    if kind == "place":
        name = draw(st.sampled_from(_PLACES))
        entity = draw(st.sampled_from((None, name)))
        return mention(article, name, "place", entity=entity, sentence=sentence)
    if kind == "demonym":
        name, country = draw(st.sampled_from(_DEMONYMS))
        entity = draw(st.sampled_from((None, country)))
        return mention(article, name, "demonym", entity=entity, sentence=sentence)
    if kind == "org":
        return mention(article, draw(st.sampled_from(_ORGS)), "org", sentence=sentence)
    return role(
        article,
        draw(st.sampled_from(_NAMES)),
        title=draw(st.sampled_from(("prime minister", "Prime Minister", "president"))),
        country=draw(st.sampled_from((None, "Iraq", "العراق"))),
    )


@settings(max_examples=150, deadline=None)
@given(
    claims=st.lists(_claim("s"), max_size=8),
    sources=st.lists(_claim("a"), max_size=16),
    options=st.sampled_from(OPTIONS),
)
def test_drawn_claims_get_the_verdicts_of_the_pairwise_comparison(
    claims: list[Claim], sources: list[Claim], options: dict[str, Any]
) -> None:
    _assert_same(claims, sources, **options)
    _assert_same(claims + sources, claims + sources, **options)
