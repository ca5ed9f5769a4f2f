"""The checks of seeds.checks.toml, written as Python tests.

The ``corpus`` fixture is the corpus configured in pytest.ini (loaded once);
a test that asks for ``article`` runs once per article. A failing ``assert``
on a verdict shows its evidence table.
"""

from __future__ import annotations

from newsassert import Article, Corpus

# The seed with an English summary after its Arabic text.
SUMMARY = "000_4c148d8a33c5d998"


def test_troops_in_iraq_agree(corpus: Corpus) -> None:
    assert corpus.query("quantity where unit = soldier and place = Iraq").agree()


def test_troops_in_syria_agree(corpus: Corpus) -> None:
    assert corpus.query("quantity where unit = soldier and place = Syria").agree()


def test_attacks_since_october_agree(corpus: Corpus) -> None:
    assert corpus.query("quantity where unit = attack").agree()


def test_one_prime_minister(corpus: Corpus) -> None:
    # Expected to fail: the English summary names Mustafa Al-Kadhimi.
    assert corpus.query('role where title = "prime minister"').agree()


def test_the_english_summary_names_only_people_the_arabic_sources_name(corpus: Corpus) -> None:
    # Expected to fail: Mustafa Al-Kadhimi unsupported, Yolanda Romanowski a conflict.
    english = corpus.query(f'person where article = "{SUMMARY}" and lang = en')
    assert english.supported_by(corpus.query("person where lang = ar"))


def test_every_article_names_the_prime_minister(article: Article) -> None:
    # Runs once per article: test_every_article_names_the_prime_minister[000_4c148d8a33c5d998] …
    assert article.query('person where name like "Al-Sudani"').count(min=1)
