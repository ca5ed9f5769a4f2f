"""The pytest plugin as a user runs it: options, fixtures, check files, articles, baseline.

Each test builds a small project with ``pytester`` (three English articles
about troop numbers, one contradicting itself) and runs pytest on it, in
process where it can; the xdist and example-project tests run pytest in a
subprocess, as a user's shell would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path(__file__).resolve().parent / "example"

ARTICLES = {
    "a": "The United States has 2,500 soldiers in Iraq, the ministry said on 25 January 2024.\n",
    "b": "About 2,500 soldiers are stationed in Iraq.\n",
    # Two figures for one thing, in two paragraphs: c contradicts itself.
    "c": "There are 900 soldiers in Iraq.\n\nThe ministry later said that 2,500 soldiers are in Iraq.\n",
}

CHECKS = """\
corpus = "corpus"

[[check]]
name = "a and b agree"
query = "quantity where unit = soldier and article in [a, b]"
expect = "agree"

[[check]]
name = "all agree"
query = "quantity where unit = soldier"
expect = "agree"

[[check]]
name = "no rockets"
query = "quantity where unit = rocket"
expect = "none"
"""

# The built-in rules need a place to call two figures a conflict, and the
# articles give none the extractors know yet; this plugin makes any two
# different figures of one unit conflict, so an article can fail for sure.
STRICT_CONFTEST = """
import newsassert
from newsassert.compare import Comparison


class StrictFigures:
    @newsassert.hookimpl
    def newsassert_compare(self, a, b):
        if a.kind == b.kind == "quantity" and a.unit == b.unit and a.value != b.value:
            return Comparison.CONFLICT
        return None


def pytest_configure(config):
    newsassert.plugin_manager().register(StrictFigures(), name="strict-figures")


def pytest_unconfigure(config):
    newsassert.plugin_manager().unregister(name="strict-figures")
"""

PLAIN = ("-p", "no:cacheprovider", "-p", "no:benchmark", "-p", "no:randomly")


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The claims cache of these runs, kept out of the user's cache folder."""
    return tmp_path_factory.mktemp("newsassert-cache")


@pytest.fixture(autouse=True)
def _private_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(cache_dir))


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project whose pyproject.toml points newsassert at its corpus folder."""
    for name, text in ARTICLES.items():
        pytester.path.joinpath("corpus").mkdir(exist_ok=True)
        pytester.path.joinpath("corpus", f"{name}.txt").write_text(text, encoding="utf-8")
    pytester.makepyprojecttoml(
        """
        [tool.pytest.ini_options]
        newsassert_corpus = "corpus"
        testpaths = ["tests"]
        """
    )
    pytester.mkdir("tests")
    pytester.makeconftest(STRICT_CONFTEST)
    return pytester


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:randomly", *args)


def outcomes(result: pytest.RunResult) -> dict[str, int]:
    return {k: v for k, v in result.parseoutcomes().items() if k not in ("warnings", "warning")}


def no_traceback(result: pytest.RunResult) -> None:
    text = result.stdout.str()
    assert "Traceback" not in text
    assert "site-packages" not in text and "newsassert/" not in text


# ---------------------------------------------------------------------------
# options and ini keys
# ---------------------------------------------------------------------------


def test_options_are_in_a_newsassert_group(pytester: pytest.Pytester) -> None:
    result = pytester.runpytest("--help")
    result.stdout.fnmatch_lines(["newsassert: consistency checks of news corpora:"])
    text = result.stdout.str()
    for option in (
        "--newsassert-corpus=PATH",
        "--newsassert-aliases=FILE",
        "--newsassert-baseline=FILE",
        "--newsassert-update-baseline",
        "--newsassert-report=FILE",
        "--newsassert-checks-pattern=GLOB",
        "--newsassert-disable=NAME",
        "--newsassert-no-cache",
    ):
        assert option in text
    for key in (
        "newsassert_corpus",
        "newsassert_aliases",
        "newsassert_baseline",
        "newsassert_update_baseline",
        "newsassert_report",
        "newsassert_checks_pattern",
        "newsassert_disable",
        "newsassert_cache",
    ):
        assert key in text


def test_ini_paths_are_relative_to_the_rootdir(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.makepyfile(
        **{"tests/test_c": "def test_n(corpus):\n    assert corpus.ids == ('a', 'b', 'c')\n"}
    )
    # Started from a subfolder, the ini key still means <rootdir>/corpus.
    monkeypatch.chdir(project.path / "tests")
    result = run(project, "test_c.py")
    assert outcomes(result) == {"passed": 1}


def test_the_command_line_wins_and_is_relative_to_where_pytest_runs(
    project: pytest.Pytester,
) -> None:
    other = project.mkdir("other")
    other.joinpath("z.txt").write_text("There are 40 rockets.\n", encoding="utf-8")
    project.makepyfile(**{"tests/test_c": "def test_n(corpus):\n    assert corpus.ids == ('z',)\n"})
    result = run(project, "tests/test_c.py", "--newsassert-corpus", "other")
    assert outcomes(result) == {"passed": 1}


def test_alias_files_from_the_command_line_or_the_ini_file(pytester: pytest.Pytester) -> None:
    pytester.mkdir("news").joinpath("x.txt").write_text(
        "There were 12 balloons over Erbil on Monday.\n", encoding="utf-8"
    )
    pytester.path.joinpath("units.toml").write_text(
        '[unit]\nballoon = ["balloons"]\n', encoding="utf-8"
    )
    pytester.makepyfile(
        """
        def test_balloons(corpus):
            assert len(corpus.query("quantity where unit = balloon")) == 1
        """
    )
    # (news/x.txt::internal-consistency passes each time.)
    assert outcomes(run(pytester, "--newsassert-corpus", "news")) == {"passed": 1, "failed": 1}
    given = run(pytester, "--newsassert-corpus", "news", "--newsassert-aliases", "units.toml")
    assert outcomes(given) == {"passed": 2}
    pytester.makeini("[pytest]\nnewsassert_corpus = news\nnewsassert_aliases =\n    units.toml\n")
    assert outcomes(run(pytester)) == {"passed": 2}
    missing = run(pytester, "--newsassert-aliases", "nope.toml")
    assert missing.ret == pytest.ExitCode.USAGE_ERROR
    missing.stderr.fnmatch_lines(["*newsassert: no such alias file: *nope.toml"])


def test_a_corpus_that_does_not_exist_is_a_usage_error(project: pytest.Pytester) -> None:
    result = run(project, "--newsassert-corpus", "nowhere")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*newsassert: no such corpus file or folder: *nowhere"])


def test_update_baseline_needs_a_baseline_file(project: pytest.Pytester) -> None:
    result = run(project, "--newsassert-update-baseline")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--newsassert-update-baseline needs a baseline file*"])


def test_disable_a_newsassert_plugin_by_name(project: pytest.Pytester) -> None:
    project.makepyfile(
        **{
            "tests/test_q": """
            def test_no_quantities(corpus):
                assert len(corpus.query("quantity")) == 0
            """
        }
    )
    assert outcomes(run(project, "tests/test_q.py")) == {"failed": 1}
    result = run(project, "tests/test_q.py", "--newsassert-disable", "newsassert.quantities")
    assert outcomes(result) == {"passed": 1}
    # The next run has its extractors back.
    assert outcomes(run(project, "tests/test_q.py")) == {"failed": 1}


def test_disabling_an_unknown_plugin_is_a_usage_error(project: pytest.Pytester) -> None:
    result = run(project, "--newsassert-disable", "newsassert.quantitie")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*no such plugin to disable*"])


# ---------------------------------------------------------------------------
# fixtures
# ---------------------------------------------------------------------------


def test_corpus_is_loaded_once_and_article_runs_per_article(project: pytest.Pytester) -> None:
    project.makepyfile(
        **{
            "tests/test_f": """
            seen = []

            def test_corpus(corpus):
                seen.append(corpus)
                assert len(corpus) == 3

            def test_again(corpus):
                assert corpus is seen[0]

            def test_article(article, corpus):
                assert corpus[article.id] is article
            """
        }
    )
    result = run(project, "tests/test_f.py", "-v")
    result.stdout.fnmatch_lines(
        [
            "tests/test_f.py::test_article[[]a[]] PASSED*",
            "tests/test_f.py::test_article[[]b[]] PASSED*",
            "tests/test_f.py::test_article[[]c[]] PASSED*",
        ]
    )
    assert outcomes(result) == {"passed": 5}
    assert outcomes(run(project, "tests/test_f.py", "-k", "article and b")) == {
        "passed": 1,
        "deselected": 4,
    }


def test_without_a_corpus_the_fixtures_say_how_to_configure_one(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_c(corpus):
            pass

        def test_a(article):
            pass
        """
    )
    result = run(pytester)
    assert outcomes(result) == {"errors": 2}
    result.stdout.fnmatch_lines(
        ["*newsassert: no corpus configured: pass --newsassert-corpus PATH, or set *"]
    )
    no_traceback(result)


def test_a_test_module_may_have_its_own_article_fixture(project: pytest.Pytester) -> None:
    project.makepyfile(
        **{
            "tests/test_own": """
            import pytest

            @pytest.fixture
            def article():
                return "mine"

            def test_mine(article):
                assert article == "mine"

            @pytest.mark.parametrize("article", ["x", "y"])
            def test_given(article):
                assert article in "xy"
            """
        }
    )
    assert outcomes(run(project, "tests/test_own.py")) == {"passed": 3}


def test_a_failing_assert_on_a_verdict_shows_the_evidence_table(project: pytest.Pytester) -> None:
    project.makepyfile(
        **{
            "tests/test_v": """
            def test_all_agree(corpus):
                assert corpus.query("quantity where unit = soldier").agree()
            """
        }
    )
    result = run(project, "tests/test_v.py")
    result.stdout.fnmatch_lines(
        [
            "*- newsassert evidence -*",
            "agree FAILS: 3 articles state 2,500 soldier*, but c (en) says 900 soldier*",
            "*query:    quantity where unit = soldier",
            "*dissent*c*[[]10:22[]]*en*900 soldier*",
            "*“There are 900 soldiers in Iraq.”",
        ]
    )


# ---------------------------------------------------------------------------
# check files
# ---------------------------------------------------------------------------


def test_each_check_is_an_item_and_a_failure_shows_the_evidence(project: pytest.Pytester) -> None:
    project.path.joinpath("tests", "troops.checks.toml").write_text(
        CHECKS.replace('"corpus"', '"../corpus"'), encoding="utf-8"
    )
    result = run(project, "tests", "-v")
    result.stdout.fnmatch_lines(
        [
            "tests/troops.checks.toml::a and b agree PASSED*",
            "tests/troops.checks.toml::all agree FAILED*",
            "tests/troops.checks.toml::no rockets PASSED*",
            "*_ check all agree _*",
            "agree FAILS: 3 articles state 2,500 soldier*, but c (en) says 900 soldier*",
            "*majority: 2,500 soldier*",
            "*dissent*c*[[]10:22[]]*en*900 soldier*",
            "*“There are 900 soldiers in Iraq.”",
            "check 'all agree' at tests/troops.checks.toml:8",
            "FAILED tests/troops.checks.toml::all agree - agree FAILS: 3 articles state*",
        ]
    )
    no_traceback(result)


def test_a_check_file_without_a_corpus_uses_the_configured_one(project: pytest.Pytester) -> None:
    project.path.joinpath("tests", "t.checks.toml").write_text(
        CHECKS.replace('corpus = "corpus"\n', ""), encoding="utf-8"
    )
    assert outcomes(run(project, "tests")) == {"passed": 2, "failed": 1}


def test_a_check_file_needs_some_corpus(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("t.checks.toml").write_text(
        CHECKS.replace('corpus = "corpus"\n', ""), encoding="utf-8"
    )
    result = run(pytester)
    result.stdout.fnmatch_lines(
        [
            "t.checks.toml, line 2: check 'a and b agree' has no corpus: set corpus = "
            '"PATH" at the top of the check file, or pass --newsassert-corpus PATH, *'
        ]
    )
    no_traceback(result)


def test_the_checks_pattern_is_configurable(project: pytest.Pytester) -> None:
    project.path.joinpath("tests", "troops.toml").write_text(
        CHECKS.replace('"corpus"', '"../corpus"'), encoding="utf-8"
    )
    assert run(project, "tests").ret == pytest.ExitCode.NO_TESTS_COLLECTED
    result = run(project, "tests", "--newsassert-checks-pattern", "troops.toml")
    assert outcomes(result) == {"passed": 2, "failed": 1}


def test_malformed_toml_fails_the_file_with_line_column_and_caret(
    project: pytest.Pytester,
) -> None:
    project.path.joinpath("tests", "bad.checks.toml").write_text(
        '[[check]]\nname = "x"\nquery = "quantity\nexpect = "agree"\n', encoding="utf-8"
    )
    result = run(project, "tests")
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting tests/bad.checks.toml*",
            "tests/bad.checks.toml, line 3, column 18: invalid TOML: Illegal character '\\n'",
            '  query = "quantity',
            "                   ^",
        ]
    )
    no_traceback(result)


def test_a_bad_table_or_query_fails_only_its_item(project: pytest.Pytester) -> None:
    project.path.joinpath("tests", "mixed.checks.toml").write_text(
        'corpus = "../corpus"\n\n'
        '[[check]]\nname = "fine"\nquery = "quantity where unit = rocket"\nexpect = "none"\n\n'
        '[[check]]\nname = "typo"\nquery = "quantity"\nexpect = "agre"\n\n'
        '[[check]]\nname = "bad query"\nquery = "quantity where colour = red"\nexpect = "agree"\n',
        encoding="utf-8",
    )
    result = run(project, "tests")
    assert outcomes(result) == {"passed": 1, "failed": 2}
    result.stdout.fnmatch_lines(
        [
            "tests/mixed.checks.toml, line 11, column 10: unknown expect 'agre' (known: *)",
            '  expect = "agre"',
            "           ^",
            "tests/mixed.checks.toml, line 15: check 'bad query': query does not compile: "
            "unknown field 'colour'*",
            "  quantity where colour = red",
            "                 ^",
        ]
    )
    no_traceback(result)


def test_marks_from_a_check_file_select_items(project: pytest.Pytester) -> None:
    project.path.joinpath("tests", "m.checks.toml").write_text(
        CHECKS.replace('"corpus"', '"../corpus"').replace(
            'expect = "none"', 'expect = "none"\nmarks = ["smoke"]'
        ),
        encoding="utf-8",
    )
    project.makeini("[pytest]\nmarkers = smoke: quick checks\nnewsassert_corpus = corpus\n")
    assert outcomes(run(project, "tests", "-m", "smoke")) == {"passed": 1, "deselected": 2}


# ---------------------------------------------------------------------------
# articles as consistency items
# ---------------------------------------------------------------------------


def test_each_article_is_a_consistency_item(project: pytest.Pytester) -> None:
    result = run(project, "-v")
    result.stdout.fnmatch_lines(
        [
            "corpus/a.txt::internal-consistency PASSED*",
            "corpus/b.txt::internal-consistency PASSED*",
            "corpus/c.txt::internal-consistency FAILED*",
            "*_ c: internal consistency _*",
            "consistency FAILS: 1 conflict in c: soldier*: 900 vs 2,500",
            "*conflict*c*[[]10:22[]]*en*900 soldier*",
            "*“There are 900 soldiers in Iraq.”",
            "*↔ c [[]62:76[]] en  2,500 soldier*",
        ]
    )
    assert outcomes(result) == {"passed": 2, "failed": 1}
    no_traceback(result)


def test_articles_select_like_any_test(project: pytest.Pytester) -> None:
    assert outcomes(run(project, "-k", "b")) == {"passed": 1, "deselected": 2}
    assert outcomes(run(project, "-m", "newsassert")) == {"passed": 2, "failed": 1}
    assert run(project, "-m", "not newsassert").ret == pytest.ExitCode.NO_TESTS_COLLECTED
    assert outcomes(run(project, "corpus/c.txt::internal-consistency")) == {"failed": 1}
    assert outcomes(run(project, "corpus/a.txt")) == {"passed": 1}
    assert outcomes(run(project, "-x")) == {"passed": 2, "failed": 1}


def test_last_failed_reruns_the_failing_article(project: pytest.Pytester) -> None:
    assert outcomes(project.runpytest("-p", "no:randomly")) == {"passed": 2, "failed": 1}
    result = project.runpytest("-p", "no:randomly", "--lf", "-v")
    result.stdout.fnmatch_lines(
        [
            "run-last-failure: rerun previous 1 failure (skipped 2 files)",
            "corpus/c.txt::internal-consistency FAILED*",
        ]
    )
    assert outcomes(result) == {"failed": 1}


def test_last_failed_finds_a_corpus_outside_the_rootdir(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = project.mkdir("inner")
    inner.joinpath("pytest.ini").write_text(
        "[pytest]\nnewsassert_corpus = ../corpus\n", encoding="utf-8"
    )
    inner.joinpath("conftest.py").write_text(STRICT_CONFTEST, encoding="utf-8")
    inner.joinpath("test_x.py").write_text("def test_x():\n    assert False\n", encoding="utf-8")
    monkeypatch.chdir(inner)
    first = project.runpytest("-p", "no:randomly", "-v")
    first.stdout.fnmatch_lines(["../corpus/c.txt::internal-consistency FAILED*"])
    again = project.runpytest("-p", "no:randomly", "--lf", "-v")
    again.stdout.fnmatch_lines(
        ["test_x.py::test_x FAILED*", "../corpus/c.txt::internal-consistency FAILED*"]
    )
    assert outcomes(again) == {"failed": 2}


def test_a_file_of_several_articles_gets_a_node_per_article(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("news.jsonl").write_text(
        "".join(
            json.dumps({"id": key, "text": text}) + "\n" for key, text in sorted(ARTICLES.items())
        ),
        encoding="utf-8",
    )
    result = run(pytester, "--newsassert-corpus", "news.jsonl", "--collect-only", "-q")
    result.stdout.fnmatch_lines(
        [
            "news.jsonl::a::internal-consistency",
            "news.jsonl::b::internal-consistency",
            "news.jsonl::c::internal-consistency",
        ]
    )


# ---------------------------------------------------------------------------
# baseline and report
# ---------------------------------------------------------------------------


def test_baseline_turns_known_failures_into_xfail_and_lists_stale_ones(
    project: pytest.Pytester,
) -> None:
    checks = project.path / "tests" / "troops.checks.toml"
    checks.write_text(CHECKS.replace('"corpus"', '"../corpus"'), encoding="utf-8")
    baseline = project.path / "baseline.json"

    result = run(project, "--newsassert-baseline", "baseline.json", "--newsassert-update-baseline")
    assert outcomes(result) == {"passed": 4, "xfailed": 2}
    result.stdout.fnmatch_lines(
        ["*= newsassert =*", "baseline written to baseline.json: 2 failure(s) of 2 check(s)"]
    )
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert sorted(entries) == ["all agree", "c::internal-consistency"]

    result = run(project, "--newsassert-baseline", "baseline.json", "-rx")
    assert outcomes(result) == {"passed": 4, "xfailed": 2}
    result.stdout.fnmatch_lines(
        [
            "XFAIL corpus/c.txt::internal-consistency - ACCEPTED: 1 failure(s) accepted by "
            "the baseline baseline.json"
        ]
    )

    # c no longer contradicts itself, but b now says something new.
    project.path.joinpath("corpus", "c.txt").write_text(ARTICLES["a"], encoding="utf-8")
    project.path.joinpath("corpus", "b.txt").write_text(
        "There are 700 soldiers in Iraq.\n\nOfficials say 2,500 soldiers are in Iraq.\n",
        encoding="utf-8",
    )
    result = run(project, "--newsassert-baseline", "baseline.json")
    assert outcomes(result) == {"passed": 3, "failed": 3}
    result.stdout.fnmatch_lines(
        [
            "NEW: agree FAILS: 3 articles state 2,500 soldier in Iraq, but b*",
            "check 'all agree' at tests/troops.checks.toml:8",
            "not accepted by the baseline:",
            "  dissent:*",
            "NEW: consistency FAILS: 1 conflict in b: soldier*: 700 vs 2,500",
            "*= newsassert =*",
            "* stale baseline entr* in baseline.json *",
            "  c::internal-consistency: conflict:*",
        ]
    )


def test_a_partial_update_keeps_the_entries_of_checks_that_did_not_run(
    project: pytest.Pytester,
) -> None:
    baseline = project.path / "baseline.json"
    baseline.write_text(
        '{"version": 1, "entries": {"elsewhere": ["dissent:x"]}}\n', encoding="utf-8"
    )
    run(project, "--newsassert-baseline", "baseline.json", "--newsassert-update-baseline", "corpus")
    entries = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
    assert sorted(entries) == ["c::internal-consistency", "elsewhere"]


def test_an_unreadable_baseline_is_a_usage_error(project: pytest.Pytester) -> None:
    project.path.joinpath("baseline.json").write_text("{oops", encoding="utf-8")
    result = run(project, "--newsassert-baseline", "baseline.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*baseline.json, line 1, column 2: the baseline file is not valid JSON*"]
    )


def test_report_file_holds_every_check(project: pytest.Pytester) -> None:
    project.path.joinpath("tests", "troops.checks.toml").write_text(
        CHECKS.replace('"corpus"', '"../corpus"'), encoding="utf-8"
    )
    result = run(project, "--newsassert-report", "report.json")
    result.stdout.fnmatch_lines(["report written to *report.json"])
    report = json.loads(project.path.joinpath("report.json").read_text(encoding="utf-8"))
    assert statuses(report) == {
        "a and b agree": "passed",
        "all agree": "failed",
        "no rockets": "passed",
        "a::internal-consistency": "passed",
        "b::internal-consistency": "passed",
        "c::internal-consistency": "failed",
    }
    assert [a["id"] for a in report["articles"]] == ["a", "b", "c"]


# ---------------------------------------------------------------------------
# pytest-xdist
# ---------------------------------------------------------------------------


def test_xdist_gives_the_same_outcomes_and_the_controller_writes_the_files(
    project: pytest.Pytester,
) -> None:
    project.path.joinpath("tests", "troops.checks.toml").write_text(
        CHECKS.replace('"corpus"', '"../corpus"'), encoding="utf-8"
    )
    serial = run(project, "--newsassert-baseline", "one.json", "--newsassert-update-baseline")
    one = project.path.joinpath("one.json").read_text(encoding="utf-8")
    # The parallel run starts from a baseline with an entry that no longer fails: a
    # complete update drops it, which it can only do knowing every worker's results.
    stale = json.loads(one)
    stale["entries"]["a::internal-consistency"] = ["conflict:0:1"]
    project.path.joinpath("two.json").write_text(json.dumps(stale), encoding="utf-8")
    parallel = project.runpytest_subprocess(
        *PLAIN,
        "-n",
        "2",
        "--newsassert-baseline",
        "two.json",
        "--newsassert-update-baseline",
        "--newsassert-report",
        "report.json",
    )
    assert outcomes(parallel) == outcomes(serial) == {"passed": 4, "xfailed": 2}
    assert project.path.joinpath("two.json").read_text(encoding="utf-8") == one
    parallel.stdout.fnmatch_lines(["baseline written to two.json: 2 failure(s) of 2 check(s)"])
    report = json.loads(project.path.joinpath("report.json").read_text(encoding="utf-8"))
    # Every worker's results, in collection order.
    assert list(statuses(report)) == [
        "a and b agree",
        "all agree",
        "no rockets",
        "a::internal-consistency",
        "b::internal-consistency",
        "c::internal-consistency",
    ]


# ---------------------------------------------------------------------------
# the example project (tests/example), on the seeds
# ---------------------------------------------------------------------------


def run_example(cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", *PLAIN, "-q", "-rA", "--no-header", *args],
        cwd=EXAMPLE,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NEWSASSERT_CACHE_DIR": str(cache)},
    )


def example_outcomes(result: subprocess.CompletedProcess[str]) -> dict[str, str]:
    found = {}
    for line in result.stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("PASSED", "FAILED", "ERROR", "XFAIL", "SKIPPED"):
            found[rest.split(" - ")[0]] = word
    return found


EXPECTED = {
    "seeds.checks.toml::troops in Iraq agree": "PASSED",
    "seeds.checks.toml::troops in Syria agree": "PASSED",
    "seeds.checks.toml::attacks since October agree": "PASSED",
    "seeds.checks.toml::one prime minister": "FAILED",
    "seeds.checks.toml::the English summary names only people the Arabic sources name": "FAILED",
    "test_seeds.py::test_troops_in_iraq_agree": "PASSED",
    "test_seeds.py::test_troops_in_syria_agree": "PASSED",
    "test_seeds.py::test_attacks_since_october_agree": "PASSED",
    "test_seeds.py::test_one_prime_minister": "FAILED",
    "test_seeds.py::test_the_english_summary_names_only_people_the_arabic_sources_name": "FAILED",
    "../../seeds/000_4c148d8a33c5d998.txt::internal-consistency": "FAILED",
    "../../seeds/001_0c47c0a1c8d85d33.txt::internal-consistency": "PASSED",
    "../../seeds/002_ab8256f9fa7ad429.txt::internal-consistency": "PASSED",
    "../../seeds/003_c8c07972d2a5d857.txt::internal-consistency": "PASSED",
    "../../seeds/004_987e725a71a5c5d0.txt::internal-consistency": "PASSED",
}


@pytest.fixture(scope="module")
def example(
    tmp_path_factory: pytest.TempPathFactory, cache_dir: Path
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """One serial run of the example project, with its report."""
    report = tmp_path_factory.mktemp("example") / "report.json"
    result = run_example(cache_dir, "--newsassert-report", str(report))
    return result, json.loads(report.read_text(encoding="utf-8"))


def test_the_example_gives_the_judged_verdicts_serially_and_under_xdist(
    example: tuple[subprocess.CompletedProcess[str], dict[str, Any]], cache_dir: Path
) -> None:
    serial, _ = example
    found = example_outcomes(serial)
    assert {k: v for k, v in found.items() if k in EXPECTED} == EXPECTED, serial.stdout
    for shown in ("Mustafa Al-Kadhimi", "محمد شياع السوداني", "Yolanda Romanowski"):
        assert shown in serial.stdout
    parallel = run_example(cache_dir, "-n", "2")
    assert example_outcomes(parallel) == found, parallel.stdout


def test_a_check_file_and_newsassert_check_give_the_same_verdicts(
    example: tuple[subprocess.CompletedProcess[str], dict[str, Any]],
) -> None:
    _, report = example
    cli = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsassert",
            "check",
            str(ROOT / "seeds"),
            "--checks",
            str(EXAMPLE / "seeds.checks.toml"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert cli.returncode == 1, cli.stderr
    from_cli = statuses(json.loads(cli.stdout))
    from_pytest = statuses(report)
    names = [k.split("::", 1)[1] for k in EXPECTED if k.startswith("seeds.checks.toml::")]
    assert {n: from_pytest[n] for n in names} == {n: from_cli[n] for n in names}
    # and both are the statuses the Python tests of the example get.
    assert [from_cli[n] for n in names] == ["passed"] * 3 + ["failed"] * 2


def statuses(report: dict[str, Any]) -> dict[str, str]:
    return {check["name"]: check["status"] for check in report["checks"]}
