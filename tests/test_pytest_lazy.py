"""The plugin in runs that do not use it, its header, and its JUnit names.

pytest imports the plugin in every run of an environment newsassert is
installed in. A run with nothing configured and no check file must not
import newsassert's stages (they take most of a second to import); what it
imports is checked, not how long it takes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

LIGHT = {
    "newsassert",
    "newsassert._version",
    "newsassert.pytest_plugin.fixtures",
    "newsassert.pytest_plugin.header",
    "newsassert.pytest_plugin.hooks",
    "newsassert.pytest_plugin.options",
    "newsassert.pytest_plugin",
}

RECORD_MODULES = """
import json, sys

def pytest_sessionfinish(session):
    loaded = sorted(m for m in sys.modules if m.startswith("newsassert"))
    with open("modules.json", "w") as out:
        json.dump(loaded, out)
"""


def test_an_unconfigured_run_imports_no_stage(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(RECORD_MODULES)
    pytester.makepyfile(test_plain="def test_one():\n    assert 1 + 1 == 2\n")
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    loaded = set(json.loads((pytester.path / "modules.json").read_text()))
    assert loaded <= LIGHT, sorted(loaded - LIGHT)
    result.stdout.fnmatch_lines(["newsassert *: no corpus configured *; check files *.checks.toml"])


def test_the_entry_point_module_imports_no_stage() -> None:
    probe = (
        "import sys, newsassert.pytest_plugin;"
        "print(sorted(m for m in sys.modules if m.startswith('newsassert')))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert set(eval(done.stdout)) <= LIGHT


def test_a_check_file_alone_loads_newsassert(pytester: pytest.Pytester) -> None:
    pytester.path.joinpath("a.txt").write_text("About 2,500 soldiers are in Iraq.\n", "utf-8")
    pytester.path.joinpath("s.checks.toml").write_text(
        'corpus = "a.txt"\n[[check]]\nname = "n"\nquery = "quantity"\nexpect = "count"\neq = 1\n',
        "utf-8",
    )
    result = pytester.runpytest_subprocess("-p", "no:randomly", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


def test_the_header_says_what_the_run_checks(pytester: pytest.Pytester) -> None:
    corpus = pytester.mkdir("corpus")
    for name in ("a", "b", "c"):
        corpus.joinpath(f"{name}.txt").write_text("About 2,500 soldiers are in Iraq.\n", "utf-8")
    pytester.path.joinpath("baseline.json").write_text(
        json.dumps({"version": 1, "entries": {"x": ["unsupported:1", "unsupported:2"]}}), "utf-8"
    )
    pytester.makepyprojecttoml(
        '[tool.pytest.ini_options]\nnewsassert_corpus = "corpus"\n'
        'newsassert_baseline = "baseline.json"\n'
    )
    result = pytester.runpytest("-p", "no:randomly", "--co", "--newsassert-no-cache")
    result.stdout.fnmatch_lines(
        [
            "newsassert *: corpus corpus (3 articles in 3 files), check files *.checks.toml",
            "newsassert: cache off; baseline baseline.json (2 accepted failures in 1 check)",
        ]
    )


def test_junit_classnames_of_a_corpus_outside_the_rootdir(
    pytester: pytest.Pytester, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere" / "seeds"
    outside.mkdir(parents=True)
    outside.joinpath("a.txt").write_text("About 2,500 soldiers are in Iraq.\n", "utf-8")
    project = pytester.mkdir("project")
    project.joinpath("pyproject.toml").write_text(
        f'[tool.pytest.ini_options]\nnewsassert_corpus = "{outside.as_posix()}"\n', "utf-8"
    )
    project.joinpath("test_plain.py").write_text("def test_one():\n    pass\n", "utf-8")
    result = pytester.runpytest(
        "-p", "no:randomly", f"--rootdir={project}", "-c", str(project / "pyproject.toml"),
        f"--junitxml={tmp_path / 'out.xml'}",
    )  # fmt: skip
    result.assert_outcomes(passed=2)
    cases = ET.parse(tmp_path / "out.xml").getroot().iter("testcase")
    names = {(c.get("classname"), c.get("name")) for c in cases}
    (corpus_case,) = [c for c, name in names if name == "internal-consistency"]
    assert corpus_case is not None and corpus_case.endswith(".elsewhere.seeds.a.txt"), names
    assert not corpus_case.startswith("."), names
    assert not any(".." in (classname or "") for classname, _ in names), names
