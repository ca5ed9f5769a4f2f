"""The query language on the seed corpus (needs the extractors of every kind).

These are the acceptance examples of the query issue: they hold when the
extractors find what the seeds say, so they fail, rather than skip, while an
extractor is missing.
"""

from __future__ import annotations

from typing import Any

S002, S003, S004 = "002_ab8256f9fa7ad429", "003_c8c07972d2a5d857", "004_987e725a71a5c5d0"


def test_the_troops_in_iraq_are_the_2500_of_002(seeds: Any) -> None:
    selection = seeds.query("quantity where unit = soldier and place = Iraq")
    assert (S002, 2500) in {(c.article, c.value) for c in selection}
    assert all(c.unit == "soldier" and c.place == "Iraq" for c in selection)
    assert selection.corpus is seeds


def test_approximate_troop_counts_under_1000_are_the_900s_not_the_dozens(seeds: Any) -> None:
    selection = seeds.query("quantity where unit = soldier and qualifier = approx and value < 1000")
    assert sorted((c.article, c.value) for c in selection) == [(S002, 900), (S003, 900)]
    assert S004 not in selection.articles


def test_the_prime_minister_is_named_in_every_article_in_both_languages(seeds: Any) -> None:
    selection = seeds.query('role where title = "prime minister"')
    assert set(selection.articles) == set(seeds.ids)
    assert {c.lang for c in selection} >= {"ar", "en"}


def test_the_english_summary_names_ambassador_romanowski(seeds: Any) -> None:
    selection = seeds.query('person where lang = en and name like "Romanowski"')
    assert selection.articles == (seeds.ids[0],)
    assert all("Romanowski" in c.name for c in selection)
    assert len(selection) >= 1


def test_dates_and_outlets_select_through_the_article_metadata(seeds: Any) -> None:
    assert seeds.query('claim where outlet = "Malay Mail"').articles == (S002,)
    resolved = seeds.query("date where resolved >= 2024-01-01 and section = any").values()
    assert resolved and all(day >= "2024-01-01" for day in resolved)
