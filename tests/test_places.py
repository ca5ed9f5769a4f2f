"""Which place is in which: newsassert.places and its use by supported_by."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsassert
from claim_factories import mention, quantity
from newsassert.check.agree import agree
from newsassert.compare import Comparison, builtin_compare
from newsassert.lexicon import default_lexicon
from newsassert.places import place_within


@pytest.mark.parametrize(
    ("inner", "outer", "expected"),
    [
        ("Mosul", "Iraq", True),
        ("الموصل", "العراق", True),
        ("طهران", "إيران", True),
        # The country's name in CLDR (Türkiye) and in the gazetteer (Turkey) are one.
        ("Istanbul", "Türkiye", True),
        ("إسطنبول", "Turkey", True),
        # Not the reverse, not another country, not itself.
        ("Iraq", "Mosul", False),
        ("Mosul", "Syria", False),
        ("Iraq", "Iraq", False),
    ],
)
def test_place_within(inner: str, outer: str, expected: bool) -> None:
    assert place_within(inner, outer) is expected


def test_every_country_the_lexicon_names_is_a_country_of_the_lexicon() -> None:
    # A city's, an organization's or a demonym's country that no place entry
    # spells so (Turkey when CLDR says Türkiye) would support nothing.
    lexicon = default_lexicon()
    named = [
        (e.kind, e.canonical, e.country)
        for kind in ("place", "org", "demonym")
        for e in lexicon.of_kind(kind)
        if e.country
    ]
    missing = []
    for kind, name, country in named:
        entry = lexicon.lookup("place", country or "")
        if entry is None or entry.country is not None:
            missing.append((kind, name, country))
    assert not missing


def _supported(source: str, text: str, tmp_path: Path) -> bool:
    path = tmp_path / "pair.jsonl"
    rows = [{"id": "a", "text": source}, {"id": "b", "text": text}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    corpus = newsassert.load(path)
    claims = corpus.query('mention where article = "b"')
    return bool(claims.supported_by(corpus.query('claim where article = "a"')))


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    [
        # A city supports its country, its demonym too; not the reverse.
        ("قتل ثلاثة مدنيين في الموصل.", "قتل ثلاثة مدنيين في العراق.", True),
        ("Three civilians were killed in Mosul.", "Three civilians were killed in Iraq.", True),
        ("قتل ثلاثة مدنيين في العراق.", "قتل ثلاثة مدنيين في الموصل.", False),
        # An organization of one country supports the country and its demonym.
        ("المركزي التركي يخالف التوقعات", "خطوات لإنقاذ الليرة التركية", True),
        ("أعلنت الحكومة العراقية الجديدة خطتها", "حكومة العراق تعلن خطتها", True),
        ("المركزي التركي يخالف التوقعات", "خطوات لإنقاذ الليرة المصرية", False),
    ],
)
def test_containment_in_supported_by(
    source: str, text: str, expected: bool, tmp_path: Path
) -> None:
    assert _supported(source, text, tmp_path) is expected


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("المركزي التركي يخالف التوقعات", "Central Bank of the Republic of Turkey"),
        ("مبادرة للبنك المركزي المصري لإسقاط الديون", "Central Bank of Egypt"),
        ("هاجمت قوات الدعم السريع مدينة الفاشر", "Rapid Support Forces"),
        ("وقالت المفوضية السامية لشؤون اللاجئين إن", "UNHCR"),
    ],
)
def test_organizations_of_the_region(text: str, entity: str) -> None:
    orgs = [c for c in newsassert.extract(text, lang="ar") if c.kind == "mention"]
    assert [getattr(c, "entity", None) for c in orgs if getattr(c, "type", "") == "org"] == [entity]


def test_a_central_bank_without_its_country_is_no_organization() -> None:
    # Every country has one: "the central bank" names none of them.
    claims = newsassert.extract("ارتفاع الليرة بسبب إجراءات البنك المركزي", lang="ar")
    assert not [c for c in claims if c.kind == "mention" and getattr(c, "type", "") == "org"]


def test_a_ministry_takes_its_country_adjective() -> None:
    # وزارة الدفاع التركية is one organization; its adjective still names Türkiye.
    claims = newsassert.extract("وأكدت وزارة الدفاع التركية مقتل جنديين.", lang="ar")
    mentions = [(c.type, c.text, c.entity) for c in claims if c.kind == "mention"]  # type: ignore[attr-defined]
    assert mentions == [
        ("org", "وزارة الدفاع التركية", "Ministry of Defense"),
        ("demonym", "التركية", "Türkiye"),
    ]


def test_a_figure_in_a_city_supports_the_figure_in_its_country() -> None:
    in_iraq = quantity("s", 10, place="Iraq")
    in_mosul = quantity("a", 10, place="Mosul")
    assert builtin_compare(in_iraq, in_mosul) is Comparison.AGREE
    # Not the reverse: a source that says Iraq does not say Mosul.
    assert builtin_compare(in_mosul, in_iraq) is Comparison.UNRELATED
    # Two places never make a conflict (the city's figure is part of the country's).
    assert builtin_compare(in_iraq, quantity("a", 25, place="Mosul")) is Comparison.UNRELATED


def test_agree_counts_a_city_for_its_country() -> None:
    places = [
        mention("a", "الموصل", type="place", entity="Mosul"),
        mention("b", "العراق", type="place", entity="Iraq"),
        mention("c", "Iraq", type="place", entity="Iraq", lang="en"),
    ]
    verdict = agree(places)
    assert verdict
    assert verdict.majority == "Iraq"
    # A city of another country dissents.
    assert not agree([*places, mention("d", "دمشق", type="place", entity="Damascus")])
