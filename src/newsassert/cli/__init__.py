"""The ``newsassert`` command line: one module per command.

Exit codes: 0 when every check holds, 1 when one fails, 2 on bad input or usage.
A user error prints one line to stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import warnings
from collections.abc import Sequence
from typing import TextIO

from newsassert._gc import EVERY
from newsassert.errors import NewsAssertError

__all__ = ["main"]

COMMANDS = ("check", "extract", "query", "explain", "snapshot", "cache", "completion")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    from newsassert._version import __version__

    parser = _Parser(
        prog="newsassert",
        description="Test whether news sources agree, and whether a summary says only "
        "what its sources say.",
        epilog="Run 'newsassert COMMAND --help' for a command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"newsassert {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f"newsassert.cli.{name}")
        module.register(sub)
    return parser


def console() -> None:
    """The ``newsassert`` command: :func:`main` in a process of its own."""
    # The process is ours: collect garbage every 50,000 allocations, not
    # every 700 (and the older generations less often too). Loading and
    # checking a corpus builds millions of objects that live until the end
    # and form no cycles; the default collector walked each of them again and
    # again (a cold check of 10,000 articles: 53.9 -> 37 s). The worker
    # processes of -j inherit the setting.
    gc.set_threshold(EVERY, 20, 20)
    sys.exit(main())


def main(argv: Sequence[str] | None = None) -> int:
    _never_fail_to_print()
    parser = build_parser()
    args = parser.parse_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _show_warning
        return _run(args)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """newsassert's own warnings as one line (``newsassert: warning: …``), others as Python shows them."""
    text = str(message)
    if not text.startswith("newsassert: "):
        _default_show(message, category, filename, lineno, file, line)
        return
    from newsassert.report.text import for_terminal

    text = text.removeprefix("newsassert: ").removeprefix("warning: ")
    print(for_terminal(f"newsassert: warning: {text}"), file=file or sys.stderr)


_default_show = warnings.showwarning


def _run(args: argparse.Namespace) -> int:
    try:
        code: int = args.run(args)
    except NewsAssertError as exc:
        from newsassert.report.text import for_terminal

        print(for_terminal(f"newsassert: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsassert: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    return code


def _never_fail_to_print() -> None:
    """Print what an ASCII or Latin-1 console cannot show as escapes, not a traceback."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding not in ("utf8", "utf8sig") and reconfigure is not None:
            reconfigure(errors="backslashreplace")
