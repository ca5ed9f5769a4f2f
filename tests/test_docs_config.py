"""The configuration page names every setting newsassert reads.

Settings are found in the code, not listed here: the options of each
``newsassert`` command (from its argparse parser), the pytest plugin's options
and ini keys (from the calls its ``pytest_addoption`` makes), the environment
variables the package reads (every ``os.environ`` and ``os.getenv`` in
``src/``), and the keys a check file may hold (from the check-file module's
tables). A setting added to the code and not to the page fails here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import regex

from newsassert.check import checkfile
from newsassert.cli import build_parser
from newsassert.pytest_plugin import options

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reference" / "configuration.md"
SRC = ROOT / "src" / "newsassert"

# os.environ.get("X"), os.environ["X"], "X" in os.environ, os.getenv("X"),
# with a string or a module-level NAME that holds one.
_READ = regex.compile(
    r"""os\.environ\.get\(\s*(?P<arg>[^,)]+)|os\.environ\[\s*(?P<arg>[^\]]+)\]
      |(?P<arg>["'][A-Za-z_0-9]+["']|[A-Z_][A-Z0-9_]*)\s+(?:not\s+)?in\s+os\.environ\b(?!\.)
      |os\.getenv\(\s*(?P<arg>[^,)]+)""",
    regex.X,
)
_CONSTANT = r"^{name}\s*(?::\s*\w+\s*)?=\s*[\"'](?P<value>[A-Z_][A-Z0-9_]*)[\"']"


def _section(heading: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    start = text.index(heading)
    level = heading.split(" ", 1)[0] + " "
    end = text.find("\n" + level, start + len(heading))
    return text[start : end if end >= 0 else len(text)]


def _commands() -> dict[str, list[str]]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    found = {}
    for name, command in sub.choices.items():
        found[name] = [
            option
            for action in command._actions
            for option in action.option_strings
            if option not in ("-h", "--help")
        ]
    return found


def test_every_command_line_option_is_on_the_page() -> None:
    commands = _commands()
    assert {"check", "extract", "query", "explain", "cache"} <= set(commands)
    missing = []
    for name, found in commands.items():
        section = _section(f"### `newsassert {name}`")
        missing += [f"newsassert {name} {o}" for o in found if f"`{o}" not in section]
    assert not missing, f"not in docs/reference/configuration.md: {missing}"


class _Recorder:
    """Stands in for pytest's parser and option group, keeping the names added."""

    def __init__(self) -> None:
        self.options: list[str] = []
        self.ini: list[str] = []

    def getgroup(self, *args: Any, **kwargs: Any) -> _Recorder:
        return self

    def addoption(self, *names: str, **kwargs: Any) -> None:
        self.options.extend(names)

    def addini(self, name: str, *args: Any, **kwargs: Any) -> None:
        self.ini.append(name)


def test_every_pytest_option_and_ini_key_is_on_the_page() -> None:
    recorder = _Recorder()
    options.addoption(recorder)  # type: ignore[arg-type]
    assert recorder.options and recorder.ini
    section = _section("## pytest plugin")
    missing = [n for n in recorder.options + recorder.ini if f"`{n}" not in section]
    assert not missing, f"not in docs/reference/configuration.md: {missing}"


def _environment_variables() -> set[str]:
    found = set()
    for path in SRC.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for match in _READ.finditer(source):
            arg = match["arg"].strip()
            literal = regex.fullmatch(r"[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']", arg)
            if literal:
                found.add(literal[1])
                continue
            constant = regex.search(_CONSTANT.format(name=regex.escape(arg)), source, regex.M)
            assert constant, f"{path.name}: cannot tell which variable {arg} names"
            found.add(constant["value"])
    return found


def test_every_environment_variable_is_on_the_page() -> None:
    variables = _environment_variables()
    assert {
        "NEWSASSERT_CACHE_DIR",
        "NEWSASSERT_MAX_ARTICLE_CHARS",
        "NEWSASSERT_DISABLE",
    } <= variables
    section = _section("## Environment variables")
    missing = sorted(v for v in variables if f"`{v}`" not in section)
    assert not missing, f"not in docs/reference/configuration.md: {missing}"


def test_every_check_file_key_is_on_the_page() -> None:
    keys = {*checkfile.FILE_KEYS, *checkfile.COMMON_KEYS}
    keys |= {k for own in checkfile.BUILTIN_CHECKS.values() for k in own}
    section = _section("## Check files")
    missing = sorted(k for k in keys if f"`{k}`" not in section)
    assert not missing, f"not in docs/reference/configuration.md: {missing}"
    for expect in checkfile.BUILTIN_CHECKS:
        assert f"`{expect}`" in section


def test_the_finders_find_what_they_look_for(tmp_path: Path) -> None:
    # The environment scan understands each way of reading a variable.
    source = (
        'A = "NA_ONE"\nos.environ.get("NA_TWO")\nos.environ.get(A, "")\n'
        'os.environ["NA_THREE"]\nif "NA_FOUR" in os.environ: pass\nos.getenv("NA_FIVE")\n'
    )
    found = set()
    for match in _READ.finditer(source):
        arg = match["arg"].strip()
        literal = regex.fullmatch(r"[\"']([A-Za-z_][A-Za-z0-9_]*)[\"']", arg)
        found.add(
            literal[1]
            if literal
            else regex.search(_CONSTANT.format(name=regex.escape(arg)), source, regex.M)["value"]
        )
    assert found == {"NA_ONE", "NA_TWO", "NA_THREE", "NA_FOUR", "NA_FIVE"}
