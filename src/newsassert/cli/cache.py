"""``newsassert cache``: where the cache is, how big, and clearing it."""

from __future__ import annotations

import argparse
from typing import Any

from newsassert.cli._common import add_color_option, examples_parser
from newsassert.store import Store


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "cache",
        help="show or clear the cache of parsed articles",
        description="The cache keeps parsed articles and their claims, keyed by content "
        "and by the versions of newsassert, its plugins and the lexicon.",
        **examples_parser(
            [
                ("newsassert cache info", "where the cache is and how big"),
                ("newsassert cache clear", "forget every parsed article"),
                ("NEWSASSERT_CACHE_DIR=.cache newsassert cache info", "a project's own cache"),
            ]
        ),
    )
    parser.add_argument(
        "action", choices=("info", "clear"), help="info: where and how big; clear: empty it"
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="the cache folder (default: $NEWSASSERT_CACHE_DIR, else the user's cache folder)",
    )
    add_color_option(parser)  # accepted like on every command; this output has no colour
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    store = Store(f"{args.cache_dir}/cache.sqlite3" if args.cache_dir else None)
    if args.action == "clear":
        removed = store.clear()
        print(f"removed {removed} cached file(s) from {store.path}")
    else:
        stats = store.stats()
        print(f"{stats['path']}: {stats['entries']} cached file(s), {stats['bytes']} bytes")
    store.close()
    return 0
