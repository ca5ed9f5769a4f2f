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


# --- people without a title ----------------------------------------------------------


def _persons(text: str, lang: str = "ar") -> list[str]:
    return [m.name for m in _mentions(newsassert.extract(text, lang=lang), "person")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name ends before a common noun, a verbal noun or a verb.
        ("استقبل رئيس الوزراء محمد شياع السوداني الوفد الأمريكي في بغداد.", ["محمد شياع السوداني"]),
        ("وأعلن جو بايدن فرض عقوبات جديدة.", ["جو بايدن"]),
        ("وحضر مصطفى مدبولي افتتاح المشروع.", ["مصطفى مدبولي"]),
        # Particles and the word they govern; regnal numbers.
        ("وبحث تميم بن حمد آل ثاني العلاقات.", ["تميم بن حمد آل ثاني"]),
        ("وقال سامي أبو زهري إن الحركة لم تتلق عرضا.", ["سامي أبو زهري"]),
        ("ومنح محمد السادس وساما للرياضيين.", ["محمد السادس"]),
        ("وأوضح علي عبد الله صالح أن الحوار هو الطريق.", ["علي عبد الله صالح"]),
        # A title word inside a name is the name (الأمير after عبد).
        ("أعلن وزير الداخلية عبد الأمير الشمري اعتقال خلية.", ["عبد الأمير الشمري"]),
        # A given name alone, a place spelt like a name, a noun after a proclitic: no person.
        ("قال محمد إن الوضع هادئ.", []),
        ("وتفقد القائد القطعات العسكرية في صلاح الدين.", []),
        ("ونفى المتحدث وجود أي اتفاق بشأن الأسرى.", []),
        # A given name spelt like a conjunction and a verb (فيصل: ف + يصل).
        ("وأفادت الوكالة بأن فيصل بن فرحان غادر إلى نيويورك.", ["فيصل بن فرحان"]),
        # A definite family name ends the name, though a name word follows.
        ("ودعا راشد الغنوشي أنصار الحركة إلى ضبط النفس.", ["راشد الغنوشي"]),
        ("وأعلن حيدر العبادي النصر على التنظيم.", ["حيدر العبادي"]),
        # Foreign given names and the foreign surnames after them.
        # (أردوغان alone is a person the leaders' data knows by that form.)
        ("واجتمع أردوغان مع فلاديمير بوتين في سوتشي.", ["أردوغان", "فلاديمير بوتين"]),
        ("وقال ستيفان دوجاريك إن المنظمة قلقة.", ["ستيفان دوجاريك"]),
        ("ودان أنطونيو غوتيريش الهجوم على القافلة.", ["أنطونيو غوتيريش"]),
        ("أعلنت المنظمة أن مارتن غريفيث سيزور صنعاء.", ["مارتن غريفيث"]),
        # A month or weekday name after a day number starts no name.
        ("وفي 27 يناير قتلت القوات ثلاثة مسلحين.", []),
        ("وفي 3 آب أعلنت الحكومة الحداد.", []),
        ("وصل يوم الثلاثاء وفد رسمي.", []),
    ],
)
def test_arabic_people_without_a_title(text: str, expected: list[str]) -> None:
    assert _persons(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sameh Shoukry met his counterpart. Shoukry said talks went well.",
            ["Sameh Shoukry", "Shoukry"],
        ),
        ("Barham Salih told reporters that the vote was fair.", ["Barham Salih"]),
        ("The New York Times reported that John Smith was in Baghdad.", ["John Smith"]),
        # The end of an organization's name before a reporting verb is no person.
        ("The Ministry of Foreign Affairs announced the deal.", []),
        ("The Bank of England said rates would rise.", []),
    ],
)
def test_english_people_without_a_title(text: str, expected: list[str]) -> None:
    assert _persons(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lower-cased text (summaries): a given name and a surname-like word.
        (
            "natalia moon learned filipino to score a role . chris copeland , 31 , was there .",
            ["natalia moon", "chris copeland"],
        ),
        # A given name that is a common word needs a word that is none after it.
        ("mark zuckerberg will be there , and bill said so .", ["mark zuckerberg"]),
        # A common word after a given name is a surname only when a known one.
        ("natalia moved to manila in 2012 with her family .", []),
        # Given names that are common words or places, before a given name or a place.
        ("sister nicole and star rickie met in north brisbane , london wasps won .", []),
        # Two words that are no common words before a reporting verb.
        ("the court heard that shezoy tamang said he was sorry .", ["shezoy tamang"]),
    ],
)
def test_english_people_in_lower_cased_text(text: str, expected: list[str]) -> None:
    assert _persons(text, "en") == expected


def test_a_lower_case_surname_is_the_person_named_before() -> None:
    text = "chris copeland , 31 , was stabbed outside a club . copeland was taken to hospital ."
    people = _mentions(newsassert.extract(text, lang="en"), "person")
    assert [m.name for m in people] == ["chris copeland", "copeland"]
    assert people[0].key == people[1].key
    # A surname that is a common word is not linked in lower case (the moon).
    text = "natalia moon moved to manila in 2012 . the moon was full that night ."
    assert _persons(text, "en") == ["natalia moon"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word no list knows is a name; its kind is not told.
        ("the manager said new moffat will join the club next season .", [("name", "moffat")]),
        ("each bunk has a personal service unit -lrb- psu -rrb- with a light .", [("name", "psu")]),
        ("he played at selhurst park in front of his family .", [("name", "selhurst")]),
        # After an honorific any word is a person's name; so before a reporting verb.
        ("ms stevens and mr hill met in the city .", [("person", "stevens"), ("person", "hill")]),
        ("the court heard that keita said he was sorry .", [("person", "keita")]),
        # Common words WordNet lacks, months and weekdays, and given names alone are none.
        ("women blamed themselves on sunday , but alex was the largest of them .", []),
    ],
)
def test_names_no_list_knows_in_lower_cased_text(
    text: str, expected: list[tuple[str, str]]
) -> None:
    claims = newsassert.extract(text, lang="en")
    found = [(c.type, c.name) for c in claims if isinstance(c, MentionClaim)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "roles", "mentions"),
    [
        # A lower-case title gives a role; its country from a lower-case demonym.
        (
            "the iraqi prime minister mohammed shia al-sudani said the talks went well .",
            [("prime minister", "Iraq", "mohammed shia al-sudani")],
            [("demonym", "iraqi"), ("person", "mohammed shia al-sudani")],
        ),
        # The name ends at a function word or a reporting verb; none follows here.
        (
            "president obama said the president of the club was right .",
            [("president", "United States", "obama")],
            [("person", "obama")],
        ),
        # Places of the lexicon in lower case; not an acronym (us) nor a common
        # word (turkey), nor a given name before a surname (jordan henderson).
        (
            "officials from us and turkey met in baghdad and new york , jordan henderson said .",
            [],
            [("place", "baghdad"), ("place", "new york"), ("person", "jordan henderson")],
        ),
    ],
)
def test_titles_and_places_in_lower_cased_text(
    text: str, roles: list[tuple[str, str, str]], mentions: list[tuple[str, str]]
) -> None:
    claims = newsassert.extract(text, lang="en")
    found = [(c.title, c.country, c.person) for c in claims if isinstance(c, RoleClaim)]
    assert found == roles
    assert [(c.type, c.name) for c in claims if isinstance(c, MentionClaim)] == mentions


def test_lower_case_reading_only_in_lower_cased_text() -> None:
    # In ordinary text a lower-case given name and word are no person.
    text = "The Prime Minister said the talks with Iraq were useful, and chris moon agreed."
    assert _persons(text, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After "and": a person when no organization's head word comes before it.
        (
            "It features Steven Berkoff, Joss Ackland and Nicole Keniheart.",
            ["Steven Berkoff", "Nicole Keniheart"],
        ),
        ("It was found by Brian and Charlotte Smith, who travelled.", ["Charlotte Smith"]),
        ("The Department of Trade and Industry said prices rose.", []),
    ],
)
def test_a_person_after_and(text: str, expected: list[str]) -> None:
    assert _persons(text, "en") == expected


def test_a_later_surname_is_the_person_named_without_a_title() -> None:
    claims = newsassert.extract("التقى سامح شكري الوفد. وقال شكري إن المحادثات مثمرة.", lang="ar")
    people = _mentions(claims, "person")
    assert [m.name for m in people] == ["سامح شكري", "شكري"]
    assert people[0].key == people[1].key


def test_a_demonym_is_no_place() -> None:
    claims = newsassert.extract(
        "قال وزير الخارجية المصري سامح شكري إن الوفد العراقي وصل.", lang="ar"
    )
    assert _mentions(claims, "place") == []
    assert _roles(claims) == [["foreign minister", "Egypt", "سامح شكري"]]


def test_arabic_newswire_dev_set() -> None:
    """Typed P/R/F1 on the hand-written newswire sentences (tests/ner_dev.py prints them)."""
    from ner_dev import read, score

    scores = score(read())
    person_p, person_r, _ = scores["person"]
    assert person_p >= 0.90 and person_r >= 0.85
    assert scores["org"][2] >= 0.80
    assert scores["all"][2] >= 0.88


# --- offices ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Health Minister Saleh al-Hasnawi said the hospitals were ready.",
            [["health minister", "", "Saleh al-Hasnawi"]],
        ),
        (
            "وقال وزير الصحة صالح الحسناوي إن المستشفيات جاهزة.",
            [["health minister", "", "صالح الحسناوي"]],
        ),
        (
            "أعلن وزير الداخلية عبد الأمير الشمري اعتقال خلية.",
            [["interior minister", "", "عبد الأمير الشمري"]],
        ),
        (
            "Iraq's interior minister, Abdul-Amir al-Shimmari, said the cell was arrested.",
            [["interior minister", "Iraq", "Abdul-Amir al-Shimmari"]],
        ),
        (
            "Mohammed al-Sudani, the prime minister, said talks would go on.",
            # The country from the holder: the alias data links him to Iraq.
            [["prime minister", "Iraq", "Mohammed al-Sudani"]],
        ),
        (
            "The premier, Mohammed al-Sudani, visited Basra.",
            [["prime minister", "Iraq", "Mohammed al-Sudani"]],
        ),
        ("وقال محافظ نينوى نجم الجبوري إن الوضع مستقر.", [["governor", "Iraq", "نجم الجبوري"]]),
        # A role's person is never a particle, an organization or a verbal noun.
        (
            "انتقد المتحدث وقف تمويل إدارة الرئيس ترامب وكالة غوث.",
            [["president", "United States", "ترامب"]],
        ),
        ("دعا الرئيس التركي لإعادة تحويل المتحف.", []),
        # A title word governed by عبد is the name (عبد الملك), not a king.
        ("وأكد عبد الملك الحوثي أن جماعته ستواصل عملياتها.", []),
    ],
)
def test_offices_in_both_languages(text: str, expected: list[list[str]]) -> None:
    assert _roles(newsassert.extract(text)) == expected


def test_every_single_holder_office_has_forms_in_both_languages() -> None:
    from newsassert.text.data import read_data

    forms: dict[str, list[str]] = {}
    for role in read_data("roles.toml")["role"]:
        forms.setdefault(role["canonical"], []).extend(role["forms"])
    aliases = {"secretary of state": "foreign minister", "defense secretary": "defense minister"}
    for office in read_data("offices.toml")["single_holder"]:
        written = forms.get(aliases.get(office, office), [])
        assert any(f.isascii() for f in written), office
        assert any(not f.isascii() for f in written), office
