"""The verdicts plain Python tests assert reach the pytest report file, under their test ids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest_plugins = ["pytester"]

ARTICLES = {
    "a": "The United States has 2,500 soldiers in Iraq, the ministry said.\n",
    "b": "About 2,500 soldiers are stationed in Iraq.\n",
    "c": "There are 900 soldiers in Iraq.\n",
}

TESTS = """
def test_a_and_b(corpus):
    assert corpus.query("quantity where unit = soldier and article in [a, b]").agree()


def test_everyone(corpus):
    assert corpus.query("quantity where unit = soldier").agree()


def test_two_verdicts(corpus):
    troops = corpus.query("quantity where unit = soldier and article = a")
    verdict = troops.agree()
    assert verdict
    assert verdict  # asked twice: one result
    assert not corpus.query("quantity where unit = soldier and article in [a, c]").agree()


def test_no_verdict():
    assert 1 + 1 == 2
"""


@pytest.fixture
def project(
    pytester: pytest.Pytester,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> pytest.Pytester:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    pytester.path.joinpath("corpus").mkdir()
    for name, text in ARTICLES.items():
        pytester.path.joinpath("corpus", f"{name}.txt").write_text(text, encoding="utf-8")
    pytester.makeini("[pytest]\nnewsassert_corpus = corpus\n")
    pytester.makepyfile(test_plain=TESTS)
    return pytester


def _checks(path: Path) -> dict[str, Any]:
    report = json.loads(path.read_text(encoding="utf-8"))
    return {check["name"]: check for check in report["checks"]}


EXPECTED = {
    "test_plain.py::test_a_and_b": ("passed", "agree"),
    "test_plain.py::test_everyone": ("failed", "agree"),
    "test_plain.py::test_two_verdicts": ("passed", "agree"),
    "test_plain.py::test_two_verdicts[2]": ("failed", "agree"),
}


def test_asserted_verdicts_are_in_the_report_with_their_test_id(project: pytest.Pytester) -> None:
    result = project.runpytest(
        "-p", "no:randomly", "-p", "no:cacheprovider", "--newsassert-report", "report.json"
    )
    result.assert_outcomes(passed=6, failed=1)  # and the three article items
    checks = _checks(project.path / "report.json")
    plain = {k: (v["status"], v["expect"]) for k, v in checks.items() if k.startswith("test_plain")}
    assert plain == EXPECTED
    everyone = checks["test_plain.py::test_everyone"]
    assert everyone["query"] == "quantity where unit = soldier"
    assert {row["claim"]["article"] for row in everyone["verdict"]["evidence"]} == {"a", "b", "c"}
    # The article items of the configured corpus are there too, as before.
    assert "c::internal-consistency" in checks


def test_the_html_report_shows_them(project: pytest.Pytester) -> None:
    project.runpytest(
        "-p", "no:randomly", "-p", "no:cacheprovider", "--newsassert-report", "report.html"
    )
    page = (project.path / "report.html").read_text(encoding="utf-8")
    assert "test_plain.py::test_everyone" in page
    assert "test_plain.py::test_two_verdicts[2]" in page


def test_xdist_workers_send_them_to_the_report(project: pytest.Pytester) -> None:
    result = project.runpytest_subprocess(
        "-p",
        "no:randomly",
        "-p",
        "no:cacheprovider",
        "-n",
        "2",
        "--newsassert-report",
        "report.json",
    )
    result.assert_outcomes(passed=6, failed=1)  # and the three article items
    checks = _checks(project.path / "report.json")
    plain = {k: (v["status"], v["expect"]) for k, v in checks.items() if k.startswith("test_plain")}
    assert plain == EXPECTED


def test_nothing_is_noted_without_a_report(project: pytest.Pytester) -> None:
    from newsassert.check.verdict import _OBSERVERS

    result = project.runpytest("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=6, failed=1)  # and the three article items
    assert _OBSERVERS == []
