"""``supported_by`` against corpus size: the claims of half the articles checked against the other half.

    python benchmarks/bench_support.py                       # 250, 500, 1,000 and 2,000 articles
    python benchmarks/bench_support.py --articles 100 200 --naive-up-to 200

The corpus is ``benchmarks/make_corpus.py``'s (built when missing). For each
size N the first N articles are loaded once (no cache); every claim of the
first N/2 articles is checked against every claim of the others, as
``corpus.query("claim").supported_by(...)`` would, and the CPU time of the
check alone (``time.process_time``, the least of ``--runs``) is printed with:

* ``pairs``: the supporting claims the verdict lists (each claim's evidence
  row names every claim that supports it, so a name every article repeats,
  العراق, is listed once per article on each side: the verdict itself grows
  with the square of the articles, and no index can make it smaller);
* ``µs/claim`` and ``µs/pair``: the time per checked claim and per listed pair;
* ``growth``: how many times the time grew against the size before, to read
  against the size's own growth (2× articles: 2× for a linear check, 4× for a
  quadratic one);
* ``naive``: for sizes up to ``--naive-up-to``, the same check comparing each
  claim with every claim of the other side (the check before its index), and
  whether the two verdicts are the same.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import newsassert
from newsassert.check import support
from newsassert.check.verdict import Verdict
from newsassert.model import Claim

ROOT = Path(__file__).resolve().parent.parent


def _best(runs: int, work: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.process_time()
        result = work()
        best = min(best, time.process_time() - start)
    return best, result


def _check(claims: Sequence[Claim], sources: Sequence[Claim], indexed: bool) -> Verdict:
    return support._supported_by(
        claims,
        sources,
        precision="any",
        unplaced=False,
        open_bound=None,
        statements=True,
        indexed=indexed,
    )


def _shown(verdict: Verdict) -> tuple[object, ...]:
    rows = tuple((r.claim.id, r.role, tuple(c.id for c in r.against)) for r in verdict.evidence)
    return verdict.summary, verdict.failures, rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT / "benchmarks" / "corpus" / "news.jsonl"
    )
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--naive-up-to", type=int, default=250)
    args = parser.parse_args(argv)
    largest = max(args.articles)
    lines = args.corpus.read_text(encoding="utf-8").splitlines() if args.corpus.exists() else []
    if len(lines) < largest:
        args.corpus.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"),
             "--articles", str(largest), "--out", str(args.corpus)],
            check=True,
        )  # fmt: skip
        lines = args.corpus.read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "news.jsonl"
        path.write_text("\n".join(lines[:largest]) + "\n", encoding="utf-8")
        articles = list(newsassert.load(path))
    print("supported_by: the first half of N articles checked against the other half")
    print(f"{'articles':>9} {'claims':>15} {'CPU s':>8} {'growth':>7} {'pairs':>11} "
          f"{'µs/claim':>9} {'µs/pair':>8}  naive")  # fmt: skip
    # The word and name caches warm up on a few articles first, as over any real corpus.
    _check(
        [c for a in articles[:10] for c in a.claims],
        [c for a in articles[10:20] for c in a.claims],
        True,
    )
    previous: tuple[int, float] | None = None
    for n in sorted(args.articles):
        first = articles[: n // 2]
        rest = articles[n // 2 : n]
        claims = [c for a in first for c in a.claims]
        sources = [c for a in rest for c in a.claims]
        seconds, verdict = _best(args.runs, functools.partial(_check, claims, sources, True))
        pairs = sum(len(row.against) for row in verdict.evidence)
        growth = f"{seconds / previous[1]:.1f}x" if previous and previous[1] > 0 else ""
        naive = ""
        if n <= args.naive_up_to:
            slow, pairwise = _best(args.runs, functools.partial(_check, claims, sources, False))
            same = "same verdict" if _shown(pairwise) == _shown(verdict) else "DIFFERENT VERDICT"
            naive = f"{slow:.2f} s ({slow / max(seconds, 1e-9):.1f}x), {same}"
        print(
            f"{n:>9,} {len(claims):>7,}/{len(sources):<7,} {seconds:>8.2f} {growth:>7} "
            f"{pairs:>11,} {1e6 * seconds / max(len(claims), 1):>9.0f} "
            f"{1e6 * seconds / max(pairs, 1):>8.2f}  {naive}"
        )
        previous = (n, seconds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
