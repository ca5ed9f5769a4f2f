"""``newsassert explain PATH...``: each article as a reader would want to see it.

Its id, outlet, publication date and title, then every segment with its
section and language: body text plain, the rest marked with its section and
the reason for it (in colour on a terminal: see :mod:`newsassert.cli._common`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from newsassert.cli._common import add_color_option, add_run_options, examples_parser, use_color
from newsassert.cli._loading import add_load_options, load_corpus
from newsassert.model import Article, Segment

__all__ = ["explain_article", "register", "run"]

_DIM, _BOLD, _CYAN, _YELLOW, _RESET = "\033[2m", "\033[1m", "\033[36m", "\033[33m", "\033[0m"
_SECTION_COLOUR = {"title": _BOLD, "metadata": _CYAN, "boilerplate": _DIM}


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "explain",
        help="show how newsassert reads articles: metadata, sections, languages",
        description="Show each article's id, outlet, publication date and title, then its "
        "segments with their section and language. Body text is plain; title, metadata "
        "and boilerplate are marked. Articles read before come from the cache.",
        **examples_parser(
            [
                ("newsassert explain seeds/004_987e725a71a5c5d0.txt", "one article's sections"),
                ("newsassert explain news/ --color always | less -R", "a folder, paged in colour"),
                ("newsassert explain export.txt --encoding cp1252", "a file saved by Windows"),
            ]
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or globs")
    add_run_options(parser, what="reading")
    add_color_option(parser)
    add_load_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newsassert.report.text import for_terminal

    corpus = load_corpus(args)
    colour = use_color(args.color, sys.stdout)
    for number, article in enumerate(corpus):
        if number:
            sys.stdout.write("\n")
        sys.stdout.write(for_terminal(explain_article(article, colour=colour), color=colour))
    return 0


def explain_article(article: Article, *, colour: bool = False) -> str:
    """The explanation of one article, as text."""

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour and code else text

    lines = [
        paint(_BOLD, f"== {article.id}") + (f"  ({article.path})" if article.path else ""),
        f"outlet:    {article.outlet or '-'}",
        f"published: {article.published.isoformat() if article.published else '-'}"
        + (
            f"  (other dates: {', '.join(d.isoformat() for d in article.other_dates)})"
            if article.other_dates
            else ""
        ),
        f"title:     {article.title or '-'}",
        f"language:  {article.lang}",
        "",
    ]
    for segment in article.segments:
        lines.append(_segment_line(article, segment, paint))
    return "\n".join(lines) + "\n"


def _segment_line(article: Article, segment: Segment, paint: Callable[[str, str], str]) -> str:
    text = " ".join(segment.text_of(article.text).split())
    if segment.section == "body" and not segment.reason:
        return f"  {segment.lang:3} {text}"
    label = (
        segment.section
        if not segment.reason or segment.reason == segment.section
        else (f"{segment.section}:{segment.reason}")
    )
    return paint(_SECTION_COLOUR.get(segment.section, _YELLOW), f"[{label} {segment.lang}] {text}")
