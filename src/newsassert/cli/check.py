"""``newsassert check PATH...``: run checks over a corpus and say what agrees and what conflicts.

Without ``--checks`` it runs the built-in checks (:mod:`newsassert.check.auto`):
the internal consistency of each article, and agreement across articles on
the quantities and offices that at least two of them state. With ``--checks
FILE`` (repeatable) it runs the checks of those files instead.

Exit codes: 0 when every check holds (or is accepted by the baseline), 1 when
one fails, 2 on bad input (an unreadable corpus, a malformed check file or
query, a bad baseline file).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

from newsassert.cli._common import (
    add_color_option,
    add_engine_options,
    examples_parser,
    use_color,
)
from newsassert.cli._loading import add_load_options, load_corpus
from newsassert.errors import ConfigError, NewsAssertError, RegexTimeoutError

if TYPE_CHECKING:
    from newsassert.store import Store

__all__ = ["register", "run"]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


EXAMPLES = [
    ("newsassert check seeds/", "the built-in checks: each article's consistency, agreement"),
    ("newsassert check --checks stories.checks.toml stories.jsonl", "a check file's checks"),
    (
        "newsassert check corpus/ --baseline baseline.json --junitxml newsassert.xml",
        "fail only on new failures; JUnit XML for CI",
    ),
    ("newsassert check corpus/ --format github", "GitHub Actions annotations and step summary"),
    ("newsassert check seeds/ --report report.html", "also write the HTML report"),
    (
        "newsassert check big.jsonl --engine dask --scheduler tcp://10.0.0.5:8786 --out shards/",
        "extract and check on a Dask cluster, keeping the claim shards",
    ),
]


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "check",
        help="check that the articles agree (built-in checks, or a check file)",
        description="Check that the articles of a corpus agree with each other and "
        "with themselves. Exit 0 when every check holds, 1 when one fails, 2 on bad input.",
        **examples_parser(EXAMPLES),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    parser.add_argument(
        "--checks",
        action="append",
        default=[],
        metavar="FILE",
        help="a check file (*.checks.toml) to run instead of the built-in checks; repeatable",
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="accepted failures: only new ones fail the run (each failure is marked NEW or "
        "ACCEPTED)",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="record the current failures in the --baseline file and exit 0",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (default); json, the JSON report; github, annotations for GitHub Actions "
        "(and a Markdown summary in $GITHUB_STEP_SUMMARY when it is set)",
    )
    parser.add_argument(
        "--report", metavar="FILE", help="also write a report: .json for pipelines, .html for people"
    )
    parser.add_argument(
        "--junitxml", metavar="FILE", help="also write the results as JUnit XML, for CI systems"
    )
    parser.add_argument(
        "--markdown",
        metavar="FILE",
        help="also append a Markdown summary of the run to FILE (as for $GITHUB_STEP_SUMMARY)",
    )
    parser.add_argument("--quiet", "-q", action="store_true", help="show only what fails")
    add_color_option(parser)
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes for extraction (default 0: every core)",
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="parse every article afresh, run every check"
    )
    add_load_options(parser)
    add_engine_options(
        parser, "keep the claim shards in this folder (default: a temporary one, removed after)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from newsassert.store import Store

    if args.update_baseline and not args.baseline:
        raise ConfigError("--update-baseline needs --baseline FILE, the file to write")
    if args.engine == "dask":
        corpus, results = _on_dask(args)
        return _conclude(args, corpus, results, len(corpus))
    store = None if args.no_cache else Store()
    # Results are cached under a key of the corpus, the checks and the
    # options; checks that read another corpus (``corpus = ...`` in a check
    # file) are always run: that corpus is not part of the key.
    results_store = store if store is not None and not _reads_other_corpora(args.checks) else None
    options = _options(args) if results_store is not None else ""
    corpus = None
    found = None
    if results_store is not None:
        found = _results_before_loading(results_store, args, options)
    if found is not None:
        results, articles = found
    else:
        corpus = load_corpus(args, cache=store if store is not None else False)
        results = _cached_checks(results_store, corpus, args.checks, args.aliases, options)
        if store is not None:
            store.close()
        articles = len(corpus)
    return _conclude(args, corpus, results, articles)


def _on_dask(args: argparse.Namespace) -> tuple[Any, list[Any]]:
    """The corpus of claim shards extracted on Dask, and the checks' results over it.

    The built-in checks run on the workers (each article's consistency) and
    here (agreement); a check file's checks run here over the shards' claims.
    """
    import tempfile

    from newsassert.distributed import check_shards, claims_corpus, dask_client, extract_shards

    with contextlib.ExitStack() as stack:
        out = args.out or stack.enter_context(tempfile.TemporaryDirectory(prefix="newsassert-"))
        client = stack.enter_context(dask_client(args.scheduler))
        extract_shards(args.paths, out, scheduler=client, aliases=args.aliases)
        corpus = claims_corpus(out)
        if not len(corpus):
            raise ConfigError(f"{' '.join(args.paths)}: no articles found here")
        if args.checks:
            results = _run_checks(corpus, args.checks, args.aliases)
        else:
            results = check_shards(out, scheduler=client)
    return corpus, results


def _conclude(args: argparse.Namespace, corpus: Any, results: list[Any], articles: int) -> int:
    """Baseline, reports and output of the results; the exit code."""
    from newsassert.check import baseline as baselines
    from newsassert.report.text import for_json, for_terminal, render_results

    comparison = None
    if args.baseline:
        accepted = baselines.load_baseline(args.baseline)
        failures = baselines.failures_of(results)
        if args.update_baseline:
            accepted = baselines.updated(accepted, failures)
            baselines.write_baseline(args.baseline, accepted)
            entries = sum(len(keys) for keys in accepted.entries.values())
            print(
                for_terminal(
                    f"newsassert: wrote {args.baseline} ({entries} accepted failure"
                    f"{'s' if entries != 1 else ''} in {len(accepted.entries)} check"
                    f"{'s' if len(accepted.entries) != 1 else ''})"
                ),
                file=sys.stderr,
            )
        results = baselines.apply_baseline(results, accepted)
        comparison = baselines.compare_baseline(accepted, failures)

    if args.report:
        from newsassert.report import write_report

        assert corpus is not None  # a report quotes the articles: they were loaded
        write_report(results, corpus, args.report, baseline=comparison)
    if args.junitxml:
        from newsassert.report.ci import render_junit

        _write_file(args.junitxml, render_junit(results, baseline=comparison))
    markdown = [args.markdown] if args.markdown else []
    if args.format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        markdown.append(os.environ["GITHUB_STEP_SUMMARY"])
    if markdown:
        from newsassert.report.ci import render_markdown

        for path in dict.fromkeys(markdown):
            with open(path, "a", encoding="utf-8", newline="\n") as summary:
                summary.write(render_markdown(results, baseline=comparison))
    if args.format == "json":
        from newsassert.report.json_report import render_json

        assert corpus is not None
        sys.stdout.write(for_json(render_json(results, corpus, baseline=comparison)))
    elif args.format == "github":
        from newsassert.report.ci import render_github

        sys.stdout.write(for_terminal(render_github(results, baseline=comparison)))
    else:
        header = f"newsassert check: {articles} article{'s' if articles != 1 else ''}"
        color = use_color(args.color, sys.stdout)
        text = render_results(
            results, color=color, quiet=args.quiet, baseline=comparison, header=header
        )
        # Article text and check files are data: no escape sequence of theirs
        # reaches the terminal (see newsassert.report.text.for_terminal).
        sys.stdout.write(for_terminal(text, color=color))
    sys.stdout.flush()
    if any(r.status == "error" for r in results):
        return EXIT_USAGE
    if args.update_baseline:
        return EXIT_OK
    return EXIT_FAILED if any(r.status == "failed" for r in results) else EXIT_OK


def _options(args: argparse.Namespace) -> str:
    """The loading options that decide which articles of the files are kept."""
    from newsassert.limits import article_limit, max_article_chars

    with article_limit(args.max_article_chars):
        return (
            f"skip_bad={bool(args.skip_bad)}|max_article_chars={max_article_chars()}"
            f"|encoding={args.encoding}"
        )


def _results_before_loading(
    store: Store, args: argparse.Namespace, options: str
) -> tuple[list[Any], int] | None:
    """Cached results of the checks, and how many articles, without loading the corpus.

    A corpus whose every file is in the cache, checked again with unchanged
    checks, options and newsassert, has the results it had: they are read
    back and the articles are never decoded. A report or JSON output quotes
    the articles, so it loads them; so does anything not cached.
    """
    from newsassert.load import stored_file_keys

    if args.report or args.format == "json" or args.encoding:
        return None
    found = stored_file_keys(*args.paths, aliases=args.aliases, store=store)
    if found is None:
        return None
    keys, articles = found
    key = store.results_key(args.checks, options, keys=keys)
    results = store.get_results(key) if key is not None else None
    store.close()
    return (results, articles) if results is not None else None


def _reads_other_corpora(check_files: list[str]) -> bool:
    """Whether a check file names a corpus of its own (``corpus = ...``): never cached."""
    from newsassert.check import checkfile

    return any(
        spec.corpus is not None for path in check_files for spec in checkfile.load_check_file(path)
    )


def _cached_checks(
    store: Store | None, corpus: Any, check_files: list[str], aliases: list[str], options: str
) -> list[Any]:
    """The checks' results, from ``store`` when the corpus and the checks are unchanged."""
    key = store.results_key(check_files, options) if store is not None else None
    results = store.get_results(key) if store is not None and key is not None else None
    if results is None:
        stopped: list[str] = []
        results = _run_checks(corpus, check_files, aliases, stopped)
        # A check stopped by a time limit says nothing lasting: not cached.
        if store is not None and key is not None and not stopped:
            store.put_results(key, results)
    return results


def _run_checks(
    corpus: Any, check_files: list[str], aliases: list[str], stopped: list[str] | None = None
) -> list[Any]:
    """The checks' results; the names of checks a time limit stopped go to ``stopped``."""
    from newsassert.check.auto import builtin_checks

    if not check_files:
        return builtin_checks(corpus)
    import newsassert
    from newsassert.check import checkfile
    from newsassert.check.verdict import CheckResult

    corpora: dict[str, Any] = {}
    results: list[Any] = []
    for path in check_files:
        for spec in checkfile.load_check_file(path):
            target = corpus
            if spec.corpus is not None:
                if spec.corpus not in corpora:
                    corpora[spec.corpus] = newsassert.load(spec.corpus, aliases=tuple(aliases))
                target = corpora[spec.corpus]
            try:
                results.extend(checkfile.run_checks(spec, target))
            except NewsAssertError as error:
                if stopped is not None and isinstance(error.__cause__, RegexTimeoutError):
                    stopped.append(spec.name)
                results.append(
                    CheckResult.failed_to_run(
                        spec.name,
                        spec.query,
                        spec.expect,
                        checkfile.render_error(error),
                        location=(spec.path, spec.line),
                    )
                )
    return results


def _write_file(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
    except OSError as error:
        raise ConfigError(f"cannot write {path}: {error.strerror or error}") from None
