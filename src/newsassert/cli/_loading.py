"""Loading options shared by the commands that read a corpus.

``--encoding NAME`` reads every file in that encoding instead of detecting
it; ``--skip-bad`` skips bad files and records (each named on stderr, then how
many were skipped); ``--max-article-chars N`` sets the per-article size limit
(``0`` for none; see :mod:`newsassert.limits`). A command adds them with
:func:`add_load_options` and loads with :func:`load_corpus`.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from typing import Any, TextIO

from newsassert.corpus import Corpus

__all__ = ["add_load_options", "load_corpus", "report_skipped"]


def _chars(value: str) -> int:
    try:
        number = int(value.replace("_", ""))
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(
            f"a number of characters, 0 for no limit (got {value!r})"
        )
    return number


def add_load_options(parser: Any) -> None:
    """Add ``--aliases``, ``--skip-bad`` and ``--max-article-chars`` to a command's parser."""
    parser.add_argument(
        "--aliases",
        "--alias",
        dest="aliases",
        action="append",
        default=[],
        metavar="FILE",
        help="an alias file (TOML) whose spellings count as one name; may be repeated",
    )
    parser.add_argument(
        "--skip-bad",
        action="store_true",
        help="skip bad files and records (each is named on stderr) instead of stopping",
    )
    parser.add_argument(
        "--max-article-chars",
        type=_chars,
        default=None,
        metavar="N",
        help="the largest article to read, in characters (default 5,000,000 or "
        "$NEWSASSERT_MAX_ARTICLE_CHARS; 0 for no limit)",
    )
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        default=None,
        help="read every file in this encoding (cp1252, latin-1, cp1256...) instead of "
        "detecting it",
    )


def load_corpus(
    args: argparse.Namespace,
    paths: Sequence[str] | None = None,
    *,
    stderr: TextIO | None = None,
    cache: Any = None,
) -> Corpus:
    """Load ``paths`` (default ``args.paths``) with the command's load options.

    ``cache`` overrides the cache the options choose (a :class:`Store`, or
    ``False`` for none).
    """
    from newsassert.load import SkippedInputWarning, load

    given = list(args.paths if paths is None else paths)
    with warnings.catch_warnings():
        # The skipped inputs are reported below, one line each.
        warnings.simplefilter("ignore", SkippedInputWarning)
        corpus = load(
            *given,
            aliases=getattr(args, "aliases", ()) or (),
            skip_bad=getattr(args, "skip_bad", False),
            max_article_chars=getattr(args, "max_article_chars", None),
            # Commands with -j, --no-cache and --quiet use every core, the
            # cache and a progress bar unless told otherwise.
            cache=cache if cache is not None else not getattr(args, "no_cache", True),
            jobs=getattr(args, "jobs", 1),
            progress=not getattr(args, "quiet", True),
            encoding=getattr(args, "encoding", None),
        )
    report_skipped(corpus, stderr or sys.stderr)
    return corpus


def report_skipped(corpus: Corpus, stream: TextIO) -> None:
    """Name each skipped file or record on ``stream``, then say how many there were."""
    if not corpus.skipped:
        return
    from newsassert.report.text import for_terminal

    for error in corpus.skipped:
        stream.write(for_terminal(f"newsassert: warning: skipped {error}") + "\n")
    n = len(corpus.skipped)
    stream.write(
        f"newsassert: warning: skipped {n} bad file{'s' if n != 1 else ''} or "
        f"record{'s' if n != 1 else ''} (--skip-bad)\n"
    )
