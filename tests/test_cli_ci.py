"""newsassert in CI: JUnit XML, GitHub annotations and summary, baselines marked NEW or
ACCEPTED in every output, colour rules, help examples, completion, pre-commit, schemas.

The commands run as a user runs them, ``python -m newsassert`` in a subprocess,
on a small dataset of two stories and a check file with ``group_by``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsassert.cli import COMMANDS, build_parser
from newsassert.cli._common import use_color
from newsassert.report.ci import github_escape

ROOT = Path(__file__).resolve().parent.parent

RECORDS = [
    {"id": "q-a", "story": "quake", "text": "The earthquake killed 120 people in Mosul."},
    {"id": "q-b", "story": "quake", "text": "The earthquake killed 45 people in Mosul."},
    {"id": "f-a", "story": "fire", "text": "The fire destroyed 12 houses in Erbil."},
    {"id": "f-b", "story": "fire", "text": "Twelve houses burned down in Erbil."},
]
CHECKS = """\
[[check]]
name = "figures agree"
query = "quantity"
expect = "agree"
group_by = "meta.story"
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "stories.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8"
    )
    (tmp_path / "stories.checks.toml").write_text(CHECKS, encoding="utf-8")
    return tmp_path


def newsassert(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    environment.pop("GITHUB_STEP_SUMMARY", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "newsassert", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
    )


CHECK = ("check", "--checks", "stories.checks.toml", "stories.jsonl")


# --- JUnit XML ---------------------------------------------------------------------


def test_junitxml_has_a_case_per_group(project: Path) -> None:
    done = newsassert(*CHECK, "--junitxml", "out/junit.xml", cwd=project)
    assert done.returncode == 2, done.stderr  # no such folder: a clear one-line error
    assert done.stderr.startswith("newsassert: cannot write out/junit.xml")
    done = newsassert(*CHECK, "--junitxml", "junit.xml", cwd=project)
    assert done.returncode == 1, done.stderr
    suite = ET.parse(project / "junit.xml").getroot().find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"figures agree[fire]", "figures agree[quake]"}
    assert cases["figures agree[fire]"].find("failure") is None
    failure = cases["figures agree[quake]"].find("failure")
    assert failure is not None and failure.text is not None
    assert "q-b" in failure.text and "45 person in Mosul" in failure.text
    assert cases["figures agree[quake]"].get("classname") == "stories.checks.toml"
    assert cases["figures agree[quake]"].get("line") == "1"


def test_junitxml_is_the_same_every_run(project: Path) -> None:
    newsassert(*CHECK, "--junitxml", "a.xml", cwd=project)
    newsassert(*CHECK, "--junitxml", "b.xml", "--no-cache", cwd=project)
    assert (project / "a.xml").read_bytes() == (project / "b.xml").read_bytes()


# --- GitHub ------------------------------------------------------------------------


def test_github_annotations_and_step_summary(project: Path) -> None:
    summary = project / "summary.md"
    done = newsassert(
        *CHECK, "--format", "github", cwd=project, env={"GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    (annotation,) = [line for line in lines if line.startswith("::")]
    assert annotation.startswith(
        "::error file=stories.checks.toml,line=1,title=newsassert%3A figures agree[quake]::agree FAILS"
    )
    assert "\n" not in annotation and "%0A" in annotation
    assert lines[-1] == "newsassert: 2 checks: 1 held, 1 failed"
    markdown = summary.read_text(encoding="utf-8")
    assert markdown.startswith("## newsassert\n\n2 checks: 1 held, 1 failed\n")
    assert "| ✗ | `figures agree[quake]` (stories.checks.toml:1) | no majority" in markdown


def test_github_escapes_what_would_end_a_command() -> None:
    assert github_escape("50% a\nb\r") == "50%25 a%0Ab%0D"
    assert github_escape("a:b,c", property=True) == "a%3Ab%2Cc"


def test_markdown_is_appended(project: Path) -> None:
    (project / "s.md").write_text("# before\n", encoding="utf-8")
    newsassert(*CHECK, "--markdown", "s.md", cwd=project)
    text = (project / "s.md").read_text(encoding="utf-8")
    assert text.startswith("# before\n## newsassert\n")


# --- baselines: NEW and ACCEPTED in every output ----------------------------------


def test_every_output_marks_new_and_accepted_failures(project: Path) -> None:
    baseline = ("--baseline", "baseline.json")
    assert newsassert(*CHECK, *baseline, "--update-baseline", cwd=project).returncode == 0
    accepted = newsassert(*CHECK, *baseline, "--color", "never", cwd=project)
    assert accepted.returncode == 0
    assert "~ figures agree[quake]  ACCEPTED  (stories.checks.toml:1)" in accepted.stdout

    # The fire story now disagrees too: a NEW failure beside the accepted one.
    records = [
        *RECORDS[:3],
        {"id": "f-b", "story": "fire", "text": "Fire destroyed 30 houses in Erbil."},
    ]
    (project / "stories.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    text = newsassert(*CHECK, *baseline, "--color", "never", "--report", "r.html", cwd=project)
    assert text.returncode == 1
    assert "✗ figures agree[fire]  NEW  (stories.checks.toml:1)" in text.stdout
    assert "~ figures agree[quake]  ACCEPTED  (stories.checks.toml:1)" in text.stdout
    page = (project / "r.html").read_text(encoding="utf-8")
    assert '<span class="b nb">NEW</span> figures agree[fire]' in page
    assert '<span class="b nb">ACCEPTED</span> figures agree[quake]' in page

    report = json.loads(newsassert(*CHECK, *baseline, "--format", "json", cwd=project).stdout)
    marks = {c["name"]: c["baseline"] for c in report["checks"]}
    assert marks["figures agree[fire]"]["status"] == "new"
    assert marks["figures agree[fire]"]["new"] and not marks["figures agree[fire]"]["accepted"]
    assert marks["figures agree[quake]"]["status"] == "accepted"

    github = newsassert(*CHECK, *baseline, "--format", "github", cwd=project).stdout
    assert (
        "::error file=stories.checks.toml,line=1,title=newsassert%3A figures agree[fire] (NEW)::"
        in github
    )
    assert (
        "::notice file=stories.checks.toml,line=1,title=newsassert%3A figures agree[quake] (ACCEPTED)::"
        in github
    )

    newsassert(*CHECK, *baseline, "--junitxml", "j.xml", cwd=project)
    cases = {c.get("name"): c for c in ET.parse(project / "j.xml").getroot().iter("testcase")}
    failure = cases["figures agree[fire]"].find("failure")
    skipped = cases["figures agree[quake]"].find("skipped")
    assert failure is not None and (failure.get("message") or "").startswith("NEW: ")
    assert skipped is not None and (skipped.get("message") or "").startswith("ACCEPTED: ")


# --- colour ------------------------------------------------------------------------


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("choice", "env", "tty", "expected"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # set but empty: no effect (no-color.org)
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "0"}, True, True),
        ("auto", {"FORCE_COLOR": "0"}, False, False),
        ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        ("auto", {"TERM": "dumb"}, True, False),
        ("auto", {"TERM": "dumb", "FORCE_COLOR": "1"}, False, True),
        ("always", {"NO_COLOR": "1", "TERM": "dumb"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_rules(
    monkeypatch: pytest.MonkeyPatch, choice: str, env: dict[str, str], tty: bool, expected: bool
) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert use_color(choice, _Stream(tty)) is expected  # type: ignore[arg-type]


def test_force_color_colours_a_pipe(project: Path) -> None:
    plain = newsassert(*CHECK, cwd=project)
    forced = newsassert(*CHECK, cwd=project, env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout and "\x1b[" in forced.stdout
    query = newsassert("query", "quantity", "stories.jsonl", cwd=project, env={"FORCE_COLOR": "1"})
    assert "\x1b[2m" in query.stdout


# --- help --------------------------------------------------------------------------


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_for_each_option_and_examples(command: str) -> None:
    parser = _subparsers()[command]
    assert "--color" in parser._option_string_actions
    for action in parser._actions:
        assert action.help, (
            f"newsassert {command}: {action.option_strings or action.dest} has no help"
        )
    text = parser.format_help()
    examples = text.split("examples:\n", 1)[1]
    assert len(re.findall(r"^  (?:\S+=\S+ )?newsassert " + command, examples, re.M)) >= 2, text
    assert "  eval" in examples or command != "completion"


# --- query and explain: cache, jobs, progress -------------------------------------


def test_query_and_explain_use_the_cache_and_jobs(project: Path) -> None:
    cache = project / "cache"
    env = {"NEWSASSERT_CACHE_DIR": str(cache)}
    first = newsassert("query", "quantity", "stories.jsonl", "-j", "2", cwd=project, env=env)
    assert first.returncode == 0 and "4 claims in 4 articles" in first.stdout
    assert (cache / "cache.sqlite3").is_file()
    again = newsassert("query", "quantity", "stories.jsonl", "-j", "1", cwd=project, env=env)
    assert again.stdout == first.stdout
    fresh = newsassert("query", "quantity", "stories.jsonl", "--no-cache", cwd=project)
    assert fresh.stdout == first.stdout
    explained = newsassert("explain", "stories.jsonl", "-q", "-j", "2", cwd=project, env=env)
    assert explained.returncode == 0 and "== q-a" in explained.stdout


# --- completion, pre-commit ---------------------------------------------------------


def test_completion_script(project: Path) -> None:
    pytest.importorskip("shtab")
    done = newsassert("completion", "bash", cwd=project)
    assert done.returncode == 0
    assert "newsassert" in done.stdout and "--junitxml" in done.stdout


def test_completion_without_shtab_says_how_to_get_it(project: Path) -> None:
    blocker = project / "block"
    blocker.mkdir()
    (blocker / "shtab.py").write_text("raise ImportError('no shtab here')\n", encoding="utf-8")
    done = newsassert("completion", "bash", cwd=project, env={"PYTHONPATH": str(blocker)})
    assert done.returncode == 2
    assert done.stderr == (
        "newsassert: shell completion needs shtab: pip install -e '.[completion]' "
        "(or pip install shtab)\n"
    )


def test_pre_commit_hook_runs_the_command(project: Path) -> None:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hooks = re.findall(r"^- id: (\S+)$", text, re.M)
    assert hooks == ["newsassert-check"]
    entry = re.search(r"^  entry: (.+)$", text, re.M)
    assert entry is not None and entry.group(1).startswith("newsassert check")
    assert re.search(r"^  language: python$", text, re.M)
    assert re.search(r"^  pass_filenames: false$", text, re.M)
    args = entry.group(1).split()[1:]
    done = newsassert(*args, "--checks", "stories.checks.toml", "stories.jsonl", cwd=project)
    assert done.returncode == 1 and "\x1b[" not in done.stdout
    assert "figures agree[quake]" in done.stdout
