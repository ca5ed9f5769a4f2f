"""``newsassert completion SHELL``: a shell completion script, made with shtab.

shtab is an optional dependency (the ``completion`` extra); without it the
command says how to install it and exits 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsassert.cli._common import add_color_option, examples_parser
from newsassert.errors import ConfigError

__all__ = ["register", "run"]

SHELLS = ("bash", "zsh", "tcsh")


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "completion",
        help="print a shell completion script (needs the completion extra)",
        description="Print a completion script for SHELL: commands, options and their "
        "choices complete with TAB. Needs shtab: pip install -e '.[completion]'.",
        **examples_parser(
            [
                (
                    "newsassert completion bash > ~/.local/share/bash-completion/completions/newsassert",
                    "bash, for every new shell",
                ),
                ('eval "$(newsassert completion bash)"', "bash, in this shell only"),
                (
                    "newsassert completion zsh > ~/.zfunc/_newsassert",
                    "zsh (with ~/.zfunc in fpath)",
                ),
            ]
        ),
    )
    parser.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash, zsh or tcsh")
    add_color_option(parser)  # accepted like on every command; a script has no colour
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import shtab
    except ImportError:
        raise ConfigError(
            "shell completion needs shtab: pip install -e '.[completion]' (or pip install shtab)"
        ) from None
    from newsassert.cli import build_parser

    sys.stdout.write(shtab.complete(build_parser(), shell=args.shell) + "\n")
    return 0
