"""The command-line reference names every command and every option the parser has.

``docs/reference/cli.md`` has one section per command (``## `newsassert NAME` ``);
an option added to a command without a line in its section fails here.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from newsassert.cli import COMMANDS, build_parser

PAGE = Path(__file__).resolve().parent.parent / "docs" / "reference" / "cli.md"


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("newsassert has no subcommands")


def _section(command: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    heading = f"## `newsassert {command}`"
    assert heading in text, f"docs/reference/cli.md has no section {heading!r}"
    return text.split(heading, 1)[1].split("\n## ", 1)[0]


def test_every_command_has_a_section() -> None:
    assert set(_subparsers()) == set(COMMANDS)
    for command in COMMANDS:
        _section(command)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_is_documented(command: str) -> None:
    section = _section(command)
    for action in _subparsers()[command]._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        # A positional is named by its metavar (PATH, QUERY), or by its choices.
        names = action.option_strings or ([action.metavar] if action.metavar else [])
        for name in names:
            if isinstance(name, str):
                assert f"`{name}" in section, (
                    f"newsassert {command}: {name} is not in its section of docs/reference/cli.md"
                )
        for choice in action.choices or ():
            assert f"{choice}" in section, (
                f"newsassert {command}: the choice {choice!r} of {action.dest} is not documented"
            )
