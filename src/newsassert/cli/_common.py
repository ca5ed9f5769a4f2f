"""What every command shares: ``--color`` and the rules for colour, ``-j``, the cache,
the progress bar, and the examples at the end of each command's ``--help``.

Colour, in order: ``--color always`` or ``never`` as given; else ``NO_COLOR``
(any non-empty value) turns it off; else ``FORCE_COLOR`` (non-empty, not
``0``) turns it on; else ``TERM=dumb`` turns it off; else it is on when the
output is a terminal (https://no-color.org, https://force-color.org).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import Any, TextIO

__all__ = ["add_color_option", "add_run_options", "epilog", "examples_parser", "use_color"]

COLOR_CHOICES = ("auto", "always", "never")


def add_color_option(parser: Any) -> None:
    """``--color {auto,always,never}`` (and ``--no-color``, the same as ``never``)."""
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        metavar="{auto,always,never}",
        help="colour the output: auto (default) on a terminal, unless NO_COLOR is set "
        "or TERM=dumb; FORCE_COLOR turns it on",
    )
    parser.add_argument(
        "--no-color", dest="color", action="store_const", const="never", help=argparse.SUPPRESS
    )


def use_color(choice: str | None, stream: TextIO) -> bool:
    """Whether to colour ``stream``, by the rules above."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def add_run_options(parser: Any, *, what: str = "extraction") -> None:
    """``-j``, ``--no-cache`` and ``-q``: processes, the claims cache, the progress bar."""
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help=f"processes for {what} (default 0: every core)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every article afresh instead of reading the claims cache",
    )
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar on stderr (shown for long runs on a terminal)",
    )


def epilog(examples: Sequence[tuple[str, str]]) -> str:
    """The examples section of a command's ``--help``: (command line, what it does)."""
    lines = ["examples:"]
    for command, what in examples:
        lines.append(f"  {command}")
        lines.append(f"      {what}")
    return "\n".join(lines)


def examples_parser(examples: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Keyword arguments for ``add_parser`` that end the help with these examples."""
    return {"epilog": epilog(examples), "formatter_class": argparse.RawDescriptionHelpFormatter}


def add_engine_options(parser: Any, shards: str) -> None:
    """``--engine``, ``--scheduler`` and ``--out``: run on a Dask cluster (the dask extra).

    ``shards`` says what ``--out`` is for in this command's help.
    """
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="dask: extract on a Dask cluster into JSON Lines shards (the dask extra)",
    )
    parser.add_argument(
        "--scheduler",
        default="local",
        metavar="ADDRESS",
        help="with --engine dask: a scheduler address, or 'local' for a cluster on this machine",
    )
    parser.add_argument("--out", metavar="DIR", help=f"with --engine dask: {shards}")
