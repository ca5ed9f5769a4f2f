"""``newsassert snapshot PATH...``: compare each article's claims with its snapshot file.

Exit 0 when every article's claims are as in its snapshot, 1 when one
differs, is missing or a snapshot belongs to no article, 2 on bad input.
``--update`` writes the snapshots instead (and removes stale ones), exit 0.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from newsassert.cli._common import add_color_option, add_run_options, examples_parser, use_color
from newsassert.cli._loading import add_load_options, load_corpus

__all__ = ["register", "run"]

DEFAULT_DIR = "__snapshots__/newsassert"


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "snapshot",
        help="compare each article's claims with its snapshot (or --update them)",
        description="Compare the claims of each article with its snapshot file "
        "(DIR/<article id>.claims.snap), so an extractor change shows as a diff. Exit 0 "
        "when all are the same, 1 when one differs or is missing.",
        **examples_parser(
            [
                ("newsassert snapshot seeds/ --update", "write the snapshots of the seeds"),
                ("newsassert snapshot seeds/", "show what changed since, as diffs"),
                ("newsassert snapshot corpus/ --dir tests/snapshots", "another snapshot folder"),
            ]
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    parser.add_argument(
        "--dir",
        default=DEFAULT_DIR,
        metavar="DIR",
        help=f"the snapshot folder (default {DEFAULT_DIR})",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="write every article's snapshot and remove snapshots of articles that are gone",
    )
    add_run_options(parser)
    add_color_option(parser)
    add_load_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newsassert.check.snapshot import check_snapshot, stale_snapshots, write_snapshot

    corpus = load_corpus(args)
    stale = stale_snapshots(args.dir, corpus.ids)
    if args.update:
        written = sum(write_snapshot(article, args.dir) for article in corpus)
        for path in stale:
            path.unlink()
        print(
            f"newsassert snapshot: {written} of {len(corpus)} snapshots written in {args.dir}"
            + (f", {len(stale)} stale removed" if stale else "")
        )
        return 0
    color = use_color(args.color, sys.stdout)
    results = [check_snapshot(article, args.dir) for article in corpus]
    for result in results:
        if not result.ok:
            sys.stdout.write(_paint(result.describe(), color) + "\n")
    for path in stale:
        print(f"{path}: a snapshot of no article (--update removes it)")
    changed = sum(r.status == "changed" for r in results)
    missing = sum(r.status == "missing" for r in results)
    same = len(results) - changed - missing
    print(
        f"newsassert snapshot: {same} same, {changed} changed, {missing} missing"
        + (f", {len(stale)} stale" if stale else "")
    )
    return 0 if changed == missing == len(stale) == 0 else 1


def _paint(text: str, color: bool) -> str:
    if not color:
        return text
    lines = []
    for line in text.split("\n"):
        if line.startswith("+") and not line.startswith("+++"):
            line = f"\x1b[32m{line}\x1b[0m"
        elif line.startswith("-") and not line.startswith("---"):
            line = f"\x1b[31m{line}\x1b[0m"
        lines.append(line)
    return "\n".join(lines)
