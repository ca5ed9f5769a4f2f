"""``newsassert extract PATH...``: every claim of the articles, in the JSON Lines schema.

``--format jsonl`` (the default) writes one claim record a line, in the
schema of version 1 (see the docs), in a deterministic order: articles in
corpus order, claims by offset. ``--format table`` prints them for reading.
By default claims of every section are written, each with its ``section``;
``--section body`` (repeatable) keeps only some.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from newsassert.cli._common import add_color_option, add_engine_options, examples_parser, use_color
from newsassert.cli._loading import add_load_options, load_corpus
from newsassert.model import SECTIONS


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "extract",
        help="write the claims of articles as JSON Lines (or a table)",
        description="Extract the quantities, dates, mentions and roles of the articles at "
        "PATH and write one JSON claim record per line.",
        **examples_parser(
            [
                ("newsassert extract seeds/ > claims.jsonl", "every claim of the seeds"),
                ("newsassert extract seeds/ --format table --section body", "the body's claims"),
                ("newsassert extract big/ -j 8 -o claims.jsonl", "on eight processes, to a file"),
            ]
        ),
    )
    parser.add_argument("paths", metavar="PATH", nargs="+", help="article files, folders or globs")
    parser.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="jsonl",
        help="JSON Lines, one claim a line in the claim schema (default), or a readable table",
    )
    parser.add_argument(
        "--section",
        action="append",
        choices=SECTIONS,
        default=[],
        help="keep only claims of this section (repeatable; default: every section)",
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=0, help="processes to use (default: every core)"
    )
    parser.add_argument("--no-cache", action="store_true", help="parse everything afresh")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar on stderr for long runs"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    add_color_option(parser)
    add_load_options(parser)
    add_engine_options(parser, "the folder of the shards")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    if getattr(args, "engine", "local") == "dask":
        return _run_dask(args)
    corpus = load_corpus(args)
    claims = tuple(c for c in corpus.claims if not args.section or c.section in args.section)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as stream:
            _write(claims, args.format, stream)
    else:
        target: TextIO = out or sys.stdout
        _write(claims, args.format, target, color=use_color(args.color, target))
    return 0


def _write(claims: tuple[Any, ...], fmt: str, out: TextIO, *, color: bool = False) -> None:
    from newsassert.cli.query import format_table
    from newsassert.report.text import for_json, for_terminal

    if fmt == "table":
        out.write(for_terminal(format_table(claims, color=color), color=color))
        return
    for claim in claims:
        out.write(for_json(json.dumps(claim.to_dict(), ensure_ascii=False)) + "\n")


def _run_dask(args: argparse.Namespace) -> int:
    from newsassert.distributed import extract_shards
    from newsassert.errors import ConfigError

    if not args.out:
        raise ConfigError("--engine dask writes claim shards: give the folder with --out DIR")
    manifest = extract_shards(args.paths, args.out, scheduler=args.scheduler, aliases=args.aliases)
    shards = manifest["shards"]
    claims = sum(s["claims"] for s in shards)
    articles = sum(len(s["articles"]) for s in shards)
    print(
        f"newsassert: {claims} claims of {articles} articles in {len(shards)} shards in {args.out}",
        file=sys.stderr,
    )
    return 0
