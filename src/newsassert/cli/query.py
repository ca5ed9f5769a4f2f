"""`newsassert query 'QUERY' PATH...`: the claims a query selects, with their evidence.

``--format table`` (the default) prints one line per claim (article,
section, kind, what it states) and the sentence it comes from on a line of its
own, so Arabic text is not interleaved with the left-to-right columns;
``--format jsonl`` prints each claim's JSON record (schema order, UTF-8).
The query is compiled before anything is loaded: a bad query exits with
status 2 and the message with a caret under the column.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from newsassert.cli._common import add_color_option, add_run_options, examples_parser, use_color
from newsassert.cli._loading import add_load_options, load_corpus
from newsassert.model import Claim

__all__ = ["format_table", "register", "run", "summary"]


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "query",
        help="print the claims a query selects",
        description="Print the claims of the articles at PATH that QUERY selects. Claims "
        "come from the cache when the articles were read before; -j extracts on several "
        "processes, with a progress bar on a terminal.",
        **examples_parser(
            [
                ("newsassert query 'quantity where unit = soldier' seeds/", "troop figures"),
                (
                    "newsassert query 'person where name like \"Al-Sudani\"' seeds/ --format jsonl",
                    "a person in either script, as JSON Lines",
                ),
                (
                    "newsassert query 'claim where meta.story = flood' stories.jsonl",
                    "the claims of one story of a dataset (a field of its records)",
                ),
            ]
        ),
    )
    parser.add_argument("query", metavar="QUERY", help="a query: KIND [where EXPRESSION]")
    parser.add_argument("paths", metavar="PATH", nargs="+", help="article files or folders")
    parser.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="a readable table (default) or one JSON claim record per line",
    )
    add_run_options(parser)
    add_color_option(parser)
    add_load_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from newsassert.lexicon import default_lexicon, load_aliases
    from newsassert.query import compile_query

    out = out or sys.stdout
    query = compile_query(args.query)
    corpus = load_corpus(args)
    lexicon = corpus.lexicon
    if lexicon is None and args.aliases:
        lexicon = default_lexicon().extended(
            entry for path in args.aliases for entry in load_aliases(path)
        )
    claims = query.evaluate(corpus.claims, lexicon, articles=corpus.articles)
    from newsassert.report.text import for_json, for_terminal

    if args.format == "jsonl":
        for claim in claims:
            out.write(for_json(json.dumps(claim.to_dict(), ensure_ascii=False)) + "\n")
    else:
        color = use_color(args.color, out)
        out.write(for_terminal(format_table(claims, color=color), color=color))
    return 0


def format_table(claims: tuple[Claim, ...], *, color: bool = False) -> str:
    """The table of claims: a line of columns, then the indented sentence (dimmed in colour)."""
    if not claims:
        return "no claims match\n"
    rows = [(c.article, c.section, c.kind, summary(c)) for c in claims]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines: list[str] = []
    for claim, row in zip(claims, rows, strict=True):
        columns = [cell.ljust(width) for cell, width in zip(row[:3], widths, strict=False)]
        lines.append("  ".join((*columns, row[3])))
        sentence = "    " + " ".join((claim.sentence or claim.text).split())
        lines.append(f"\x1b[2m{sentence}\x1b[0m" if color else sentence)
    articles = len({c.article for c in claims})
    noun = "claim" if len(claims) == 1 else "claims"
    lines.append(f"{len(claims)} {noun} in {articles} article{'s' if articles != 1 else ''}")
    return "\n".join(lines) + "\n"


def summary(claim: Claim) -> str:
    """What a claim states, in a few words: ``900 soldier (approx 810-990) in Iraq``."""

    def get(name: str) -> Any:
        return getattr(claim, name, None)

    if claim.kind == "quantity":
        text = f"{_number(get('value'))} {get('unit') or get('unit_text') or ''}".rstrip()
        if get("qualifier") != "exact":
            low, high = get("low"), get("high")
            span = f"{_number(low) if low is not None else ''}-{_number(high) if high is not None else ''}"
            text += f" ({get('qualifier')} {span})"
        return text + (f" in {get('place')}" if get("place") else "")
    if claim.kind == "date":
        from newsassert.selection import stated_value

        stated = stated_value(claim) or claim.text
        return f"{stated} (relative)" if get("relative") else str(stated)
    if claim.kind == "mention":
        entity = get("entity")
        name = get("name")
        return f"{get('type')} {name}" + (f" ({entity})" if entity and entity != name else "")
    if claim.kind == "role":
        country = f" of {get('country')}" if get("country") else ""
        return f"{get('title')}{country}: {get('person')}"
    return claim.text


def _number(value: Any) -> str:
    # Ten significant digits hide float noise (990.0000000000001) and keep
    # integers integral.
    return format(value, ".10g") if isinstance(value, float) else str(value)
