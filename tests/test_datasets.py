"""Checks over a dataset: record metadata in queries, checks per group, summaries, ``mostly``.

The dataset is one JSON Lines file of three stories (a flood, an earthquake
and a fire), each told by two outlets, two of them with a summary that names
its sources with ``summary_of``. One check file checks every story with
``group_by = "meta.story"`` and every summary against its sources with
``group_by = "summary_of"``; the outcomes of each group are asserted in
``newsassert check``'s output, in its JSON report and as pytest items.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsassert
from newsassert.check.checkfile import load_check_file, run_checks
from newsassert.errors import CheckFileError, ConfigError, LoadError

pytest_plugins = ["pytester"]

RECORDS = [
    {"id": "flood-a", "story": "flood", "outlet": "A", "text": "Floods killed 30 people in Basra on Monday."},
    {"id": "flood-b", "story": "flood", "outlet": "B", "text": "At least 30 people died in the Basra floods."},
    {"id": "flood-sum", "story": "flood", "summary_of": ["flood-a", "flood-b"], "text": "Floods killed 30 people in Basra."},
    {"id": "quake-a", "story": "quake", "outlet": "A", "tags": ["Iraq", "quake"], "text": "The earthquake killed 120 people in Mosul."},
    {"id": "quake-b", "story": "quake", "outlet": "B", "text": "The earthquake killed 45 people in Mosul."},
    {"id": "quake-sum", "story": "quake", "summary_of": "quake-a", "text": "The earthquake killed 300 people in Mosul."},
    {"id": "fire-a", "story": "fire", "outlet": "A", "text": "The fire destroyed 12 houses in Erbil."},
    {"id": "fire-b", "story": "fire", "outlet": "B", "text": "Twelve houses burned down in Erbil."},
]  # fmt: skip

CHECKS = """\
[[check]]
name = "figures agree"
query = "quantity where meta.summary_of is null"
expect = "agree"
group_by = "meta.story"

[[check]]
name = "summary supported"
query = "quantity"
expect = "supported_by"
by = "quantity"
group_by = "summary_of"

[[check]]
name = "one figure per source"
query = "quantity where meta.summary_of is null"
expect = "count"
eq = 2
group_by = "meta.story"
"""

EXPECTED = {
    "figures agree[fire]": "passed",
    "figures agree[flood]": "passed",
    "figures agree[quake]": "failed",
    "summary supported[flood-sum]": "passed",
    "summary supported[quake-sum]": "failed",
    "one figure per source[fire]": "passed",
    "one figure per source[flood]": "passed",
    "one figure per source[quake]": "passed",
}


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "stories.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    (tmp_path / "stories.checks.toml").write_text(CHECKS, encoding="utf-8")
    return path


@pytest.fixture
def corpus(dataset: Path) -> newsassert.Corpus:
    return newsassert.load(dataset)


# --- metadata in queries -----------------------------------------------------------


def test_extra_record_fields_are_metadata(corpus: newsassert.Corpus) -> None:
    assert dict(corpus["flood-a"].meta) == {"story": "flood"}
    assert dict(corpus["flood-sum"].meta)["summary_of"] == '["flood-a", "flood-b"]'


@pytest.mark.parametrize(
    ("query", "articles"),
    [
        ("quantity where meta.story = quake", ("quake-a", "quake-b", "quake-sum")),
        ("quantity where meta.story != quake and meta.summary_of is not null", ("flood-sum",)),
        ("quantity where meta.STORY in [fire, flood] and outlet = B", ("flood-b", "fire-b")),
        ("quantity where meta.tags = iraq", ("quake-a",)),  # any item of a list, any case
        ('quantity where meta.story ~ "^fl"', ("flood-a", "flood-b", "flood-sum")),
        ("quantity where meta.summary_of = flood-b", ("flood-sum",)),
        ("quantity where meta.nothing is not null", ()),
    ],
)
def test_meta_fields_in_queries(
    corpus: newsassert.Corpus, query: str, articles: tuple[str, ...]
) -> None:
    assert corpus.query(query).articles == articles


def test_a_meta_field_is_text(corpus: newsassert.Corpus) -> None:
    with pytest.raises(
        newsassert.QueryError,
        match=re.escape("'>' compares numbers and dates; 'meta.story' is text"),
    ):
        corpus.query("quantity where meta.story > 3")


def test_front_matter_lists_and_keys_are_metadata(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(
        "---\n"
        'title: "Floods in Basra"\n'
        "date: 2024-01-27\n"
        "tags:\n"
        "  - flood\n"
        '  - "Basra, Iraq"\n'
        'categories: [news, "Middle East, Gulf"]\n'
        "story: flood\n"
        "---\n"
        "Floods killed 30 people in Basra.\n",
        encoding="utf-8",
    )
    corpus = newsassert.load(tmp_path / "post.md")
    article = corpus["post"]
    assert article.title == "Floods in Basra"
    assert str(article.published) == "2024-01-27"
    meta = dict(article.meta)
    assert json.loads(meta["tags"]) == ["flood", "Basra, Iraq"]
    assert json.loads(meta["categories"]) == ["news", "Middle East, Gulf"]
    assert corpus.query('quantity where meta.tags = "Basra, Iraq"').articles == ("post",)
    assert corpus.query('quantity where meta.categories = "middle east, gulf"').articles == (
        "post",
    )
    assert corpus.query("quantity where meta.story = flood").articles == ("post",)


def test_a_list_item_without_a_key_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text("---\n- flood\n---\nText.\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"post\.md, line 2"):
        newsassert.load(tmp_path / "post.md")


# --- grouping in Python ------------------------------------------------------------


def test_corpus_group_by(corpus: newsassert.Corpus) -> None:
    groups = corpus.group_by("meta.story")
    assert list(groups) == ["fire", "flood", "quake"]
    assert groups["fire"].ids == ("fire-a", "fire-b")
    assert list(corpus.group_by("meta.tags")) == ["Iraq", "quake"]
    assert list(corpus.group_by("outlet")) == ["A", "B"]
    with pytest.raises(ValueError, match="cannot group articles by 'unit'"):
        corpus.group_by("unit")


def test_selection_group_by(corpus: newsassert.Corpus) -> None:
    claims = corpus.query("quantity where meta.summary_of is null")
    groups = claims.group_by("meta.story")
    assert {story: bool(s.agree()) for story, s in groups.items()} == {
        "fire": True,
        "flood": True,
        "quake": False,
    }
    assert list(claims.group_by("place")) == ["Basra", "Erbil", "Mosul"]
    with pytest.raises(newsassert.QueryError, match="unknown field 'nope'"):
        claims.group_by("nope")


def test_each_summary_against_its_sources(corpus: newsassert.Corpus) -> None:
    pairs = corpus.summaries()
    assert {k: (s.ids, src.ids) for k, (s, src) in pairs.items()} == {
        "flood-sum": (("flood-sum",), ("flood-a", "flood-b")),
        "quake-sum": (("quake-sum",), ("quake-a",)),
    }
    verdicts = {
        k: summary.query("quantity").supported_by(sources.query("quantity"))
        for k, (summary, sources) in pairs.items()
    }
    assert verdicts["flood-sum"] and not verdicts["quake-sum"]


def test_a_summary_of_an_unknown_article_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id": "s", "summary_of": "gone", "text": "x"}\n', encoding="utf-8")
    with pytest.raises(LoadError, match="article 's': summary_of names 'gone'"):
        newsassert.load(path).summaries()


# --- check files -------------------------------------------------------------------


def test_group_by_gives_one_result_per_group(dataset: Path, corpus: newsassert.Corpus) -> None:
    results = [
        r
        for spec in load_check_file(dataset.parent / "stories.checks.toml")
        for r in run_checks(spec, corpus)
    ]
    assert {r.name: r.status for r in results} == EXPECTED


@pytest.mark.parametrize("against_sources", [True, False])
def test_a_plugin_kind_may_set_each_summary_against_its_sources(
    tmp_path: Path, corpus: newsassert.Corpus, against_sources: bool
) -> None:
    from newsassert import Verdict, hookimpl, plugins
    from newsassert.check.types import check_kind

    seen: list[tuple[list[str], list[str]]] = []

    @check_kind(against_sources=against_sources)
    def sides(selection, select, params):  # type: ignore[no-untyped-def]
        others = select("quantity")
        seen.append((sorted({c.article for c in selection}), sorted({c.article for c in others})))
        return Verdict(check="sides", holds=True, summary="")

    class Sides:
        @hookimpl
        def newsassert_check_types(self) -> dict[str, object]:
            return {"sides": sides}

    path = tmp_path / "sides.checks.toml"
    path.write_text(
        '[[check]]\nname = "s"\nquery = "quantity"\nexpect = "sides"\ngroup_by = "summary_of"\n',
        encoding="utf-8",
    )
    plugins.plugin_manager().register(Sides(), name="test-sides")
    try:
        (spec,) = load_check_file(path)
        assert [r.status for r in run_checks(spec, corpus)] == ["passed", "passed"]
    finally:
        plugins.plugin_manager().unregister(name="test-sides")
    if against_sources:
        # The summary's claims, set against the articles it summarizes.
        assert sorted(seen) == [
            (["flood-sum"], ["flood-a", "flood-b"]),
            (["quake-sum"], ["quake-a"]),
        ]
    else:
        # The summary and its sources read together.
        assert sorted(seen) == [
            (["flood-a", "flood-b", "flood-sum"], ["flood-a", "flood-b", "flood-sum"]),
            (["quake-a", "quake-sum"], ["quake-a", "quake-sum"]),
        ]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsassert", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )


def test_newsassert_check_reports_each_group(dataset: Path) -> None:
    done = _cli("check", "--checks", "stories.checks.toml", "stories.jsonl", cwd=dataset.parent)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    for name, status in EXPECTED.items():
        mark = "✓" if status == "passed" else "✗"
        assert f"{mark} {name}  (stories.checks.toml:" in out, (name, out)
    assert "8 checks: 6 held, 2 failed" in out
    report = _cli(
        "check",
        "--checks",
        "stories.checks.toml",
        "stories.jsonl",
        "--format",
        "json",
        cwd=dataset.parent,
    )
    names = {r["name"]: r["status"] for r in json.loads(report.stdout)["checks"]}
    assert names == EXPECTED


def test_each_group_is_a_pytest_item(dataset: Path, pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("stories.jsonl").write_bytes(dataset.read_bytes())
    pytester.path.joinpath("stories.checks.toml").write_text(CHECKS, encoding="utf-8")
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nnewsassert_corpus = "stories.jsonl"\n')
    result = pytester.runpytest("-p", "no:randomly", "-rA", "stories.checks.toml")
    out = result.stdout.str()
    for name, status in EXPECTED.items():
        assert f"{status.upper()} stories.checks.toml::{name}" in out, name
    assert result.ret == 1
    # One group alone, by its id as pytest prints it.
    alone = pytester.runpytest("-p", "no:randomly", "stories.checks.toml::figures agree[quake]")
    assert alone.parseoutcomes() == {"failed": 1}
    by_keyword = pytester.runpytest("-p", "no:randomly", "stories.checks.toml", "-k", "flood")
    assert by_keyword.parseoutcomes() == {"passed": 3, "deselected": 5}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('group_by = "unit"', "'group_by' groups articles: meta.<name>"),
        ("group_by = 3", "'group_by' must be a string"),
        ("mostly = 1.5", "'mostly' must be a number in (0, 1]"),
        ('mostly = "most"', "'mostly' must be a number in (0, 1]"),
    ],
)
def test_bad_group_by_and_mostly_name_the_line(tmp_path: Path, table: str, message: str) -> None:
    path = tmp_path / "bad.checks.toml"
    path.write_text(
        f'[[check]]\nname = "n"\nquery = "quantity"\nexpect = "agree"\n{table}\n', encoding="utf-8"
    )
    with pytest.raises(CheckFileError) as info:
        load_check_file(path)
    assert message in str(info.value)
    assert info.value.line == 5


def test_mostly_applies_to_shares_only(tmp_path: Path) -> None:
    path = tmp_path / "bad.checks.toml"
    path.write_text(
        '[[check]]\nname = "n"\nquery = "quantity"\nexpect = "none"\nmostly = 0.9\n',
        encoding="utf-8",
    )
    with pytest.raises(
        CheckFileError, match=re.escape("'mostly' applies to expect = agree | supported_by")
    ):
        load_check_file(path)


# --- mostly ------------------------------------------------------------------------

SOURCES = (
    "Officials said 2,500 soldiers and 40 tanks are in Iraq; 12 rockets hit the base on Monday.\n"
)


@pytest.fixture
def summary_corpus(tmp_path: Path) -> newsassert.Corpus:
    (tmp_path / "source.txt").write_text(SOURCES, encoding="utf-8")
    (tmp_path / "summary.txt").write_text(
        "There are 2,500 soldiers and 40 tanks in Iraq, and 99 rockets hit the base.\n",
        encoding="utf-8",
    )
    return newsassert.load(tmp_path)


def test_mostly_holds_at_a_share_and_says_so(summary_corpus: newsassert.Corpus) -> None:
    summary = summary_corpus.query("quantity where article = summary")
    sources = summary_corpus.query("quantity where article = source")
    strict = summary.supported_by(sources)
    assert not strict and len(strict.evidence) == 3
    loose = summary.supported_by(sources, mostly=0.6)
    assert loose
    assert loose.summary.startswith(
        "supported_by holds with mostly = 0.6: 2 of 3 claims (66 %) are supported"
    )
    assert loose.failures == ()
    assert [row.role for row in loose.evidence].count("unsupported") + [
        row.role for row in loose.evidence
    ].count("conflict") == 1  # the unsupported figure is still shown
    tight = summary.supported_by(sources, mostly=0.9)
    assert not tight
    assert tight.summary.startswith(
        "only 2 of 3 claims (66 %) are supported; mostly = 0.9 needs 3 of 3"
    )
    assert tight.failures == strict.failures
    with pytest.raises(ConfigError):
        summary.supported_by(sources, mostly=0)


def test_mostly_in_a_check_file(summary_corpus: newsassert.Corpus, tmp_path: Path) -> None:
    path = tmp_path / "m.checks.toml"
    path.write_text(
        '[[check]]\nname = "summary"\nquery = "quantity where article = summary"\n'
        'expect = "supported_by"\nby = "quantity where article = source"\nmostly = 0.6\n',
        encoding="utf-8",
    )
    (spec,) = load_check_file(path)
    (result,) = run_checks(spec, summary_corpus)
    assert result.status == "passed"
    assert "mostly = 0.6" in result.verdict.summary


def test_mostly_on_agree_counts_articles(tmp_path: Path) -> None:
    for name, figure in [("a", "2,500"), ("b", "2,500"), ("c", "2,500"), ("d", "900")]:
        (tmp_path / f"{name}.txt").write_text(
            f"There are {figure} soldiers in Iraq.\n", encoding="utf-8"
        )
    claims = newsassert.load(tmp_path).query("quantity where unit = soldier")
    assert not claims.agree()
    assert claims.agree(mostly=0.75).summary.startswith(
        "agree holds with mostly = 0.75: 3 of 4 articles (75 %) state the majority value"
    )
    assert not claims.agree(mostly=0.8)


# --- reprs -------------------------------------------------------------------------


def test_reprs_are_one_short_line(corpus: newsassert.Corpus) -> None:
    selection = corpus.query("quantity where meta.story = quake")
    verdict = selection.agree()
    assert repr(corpus) == "<Corpus 8 articles: flood-a, flood-b, flood-sum, …>"
    assert repr(selection) == (
        "<Selection 3 quantity claims from 3 articles: quantity where meta.story = quake>"
    )
    assert repr(verdict).startswith("<Verdict agree FAILS: ")
    for shown in (repr(corpus), repr(selection), repr(verdict)):
        assert "\n" not in shown and len(shown) < 140
    # The evidence table is the verdict's str().
    assert "quake-b" in str(verdict) and "\n" in str(verdict)


def test_repr_html_escapes_and_marks_direction(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("<b>About 2,500 soldiers</b> are in Iraq.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("يوجد 900 جندي في العراق.\n", encoding="utf-8")
    selection = newsassert.load(tmp_path).query("quantity where unit = soldier")
    for page in (selection._repr_html_(), selection.agree()._repr_html_()):
        assert page.startswith('<table class="newsassert">')
        assert "&lt;b&gt;" in page and "&lt;/b&gt;" in page  # the article's own markup, escaped
        assert 'dir="auto"' in page and "جندي" in page
    assert "dissent" in selection.agree()._repr_html_()


def test_a_failing_assert_reads_in_one_screen(pytester: pytest.Pytester, dataset: Path) -> None:
    pytester.path.joinpath("stories.jsonl").write_bytes(dataset.read_bytes())
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nnewsassert_corpus = "stories.jsonl"\n')
    pytester.makepyfile(
        test_story="""
        def test_quake(corpus):
            assert corpus.query("quantity where meta.story = quake").agree()
        """
    )
    result = pytester.runpytest("-p", "no:randomly", "test_story.py")
    assert result.ret == 1
    out = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "E       AssertionError: assert <Verdict agree FAILS: *>",
            "E        +  where <Verdict agree FAILS: *> = agree()",
            "E        +    where agree = <Selection 3 quantity claims from 3 articles: *>.agree",
            "E        +      where <Selection 3 quantity claims *> = query('quantity where meta.story = quake')",
            "E        +        where query = <Corpus 8 articles: flood-a, flood-b, flood-sum, …>.query",
        ]
    )
    assert "newsassert evidence" in out
    assert len(out) < 5000, len(out)
