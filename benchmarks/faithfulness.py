"""Measure ``supported_by`` on real, human-labelled pairs: does it keep faithful texts and find errors?

    python benchmarks/faithfulness.py [--data DIR] [--sets frank summedits ans-dev ans-train]
                                      [--precision any|comparable] [--show N]

For each pair (source, second text) of a data set, the second text is loaded
as article ``pNb`` and the source as ``pNa``, and newsassert calls the pair
inconsistent when

    corpus.query('claim where article = "pNb"').supported_by(
        corpus.query('claim where article = "pNa"'))

is falsy. Per set it prints **faithful kept** (the share of consistent pairs
not flagged: a CI gate must not cry wolf), **recall** on inconsistent pairs
(all of them, and per error type) and **balanced accuracy**, the mean of the
two. It also counts *why* the flagged faithful pairs were flagged (the kind of
each unsupported claim), the families a change should address.

The data (``--data``, default ``../shared/data`` beside the repository, or
``NEWSASSERT_DATA``) is described in its README: FRANK validation
(``frank-val.jsonl``, CNN/DM and XSum summaries with error types), SummEdits
news (``summedits-news-eval.jsonl``) and the Arabic News Stance pairs
(``ans-stance-dev.csv``, ``ans-stance-train.csv``: agree is consistent,
disagree inconsistent, other left out).
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import newsassert

Pair = tuple[str, str, bool, list[str]]  # source, second text, consistent, error types

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("NEWSASSERT_DATA", ROOT.parent / "shared" / "data"))


def frank(data: Path) -> list[Pair]:
    articles: dict[str, str] = {}
    out: list[Pair] = []
    with (data / "frank-val.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            articles.setdefault(r["article_id"], r.get("article"))
            errors = r["errors"] or ["none"]
            out.append((articles[r["article_id"]], r["summary"], bool(r["faithful"]), errors))
    return out


def summedits(data: Path) -> list[Pair]:
    out: list[Pair] = []
    with (data / "summedits-news-eval.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            edits = r.get("edit_types") or ["none"]
            out.append((r["doc"], r["summary"], str(r["label"]) == "1", edits))
    return out


def ans(name: str) -> Callable[[Path], list[Pair]]:
    def read(data: Path) -> list[Pair]:
        with (data / f"ans-stance-{name}.csv").open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        return [
            (r["s1"], r["s2"], r["stance"] == "agree", [r["stance"]])
            for r in rows
            if r["stance"] in ("agree", "disagree")
        ]

    return read


SETS: dict[str, Callable[[Path], list[Pair]]] = {
    "frank": frank,
    "summedits": summedits,
    "ans-dev": ans("dev"),
    "ans-train": ans("train"),
}


def measure(name: str, pairs: Sequence[Pair], precision: str, show: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, (a, b, _, _) in enumerate(pairs):
                f.write(json.dumps({"id": f"p{i}a", "text": a}, ensure_ascii=False) + "\n")
                f.write(json.dumps({"id": f"p{i}b", "text": b}, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        corpus = newsassert.load(path)
        kept = found = n_ok = n_bad = 0
        by_type: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        reasons: collections.Counter[str] = collections.Counter()
        shown = 0
        for i, (_, _, ok, types) in enumerate(pairs):
            claims = corpus.query(f'claim where article = "p{i}b"')
            # (No keyword by default: the benchmark also measures releases
            # that had no precision option.)
            options = {} if precision == "any" else {"precision": precision}
            verdict = claims.supported_by(corpus.query(f'claim where article = "p{i}a"'), **options)
            flagged = not verdict
            if ok:
                n_ok += 1
                kept += not flagged
                if flagged:
                    for row in verdict.evidence:
                        if row.role in ("unsupported", "conflict"):
                            reasons[f"{row.role} {row.claim.kind}"] += 1
                    if shown < show:
                        shown += 1
                        print(f"--- {name} pair {i}: consistent, flagged\n{verdict!r}\n")
            else:
                n_bad += 1
                found += flagged
                for t in types:
                    by_type[t][0] += flagged
                    by_type[t][1] += 1
        seconds = time.perf_counter() - started
    k = 100 * kept / max(1, n_ok)
    r = 100 * found / max(1, n_bad)
    return {
        "name": name,
        "n": len(pairs),
        "kept": k,
        "recall": r,
        "bacc": (k + r) / 2,
        "by_type": {t: (100 * h / n, n) for t, (h, n) in sorted(by_type.items())},
        "reasons": reasons.most_common(),
        "seconds": seconds,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--precision", choices=("any", "comparable"), default="any")
    parser.add_argument("--show", type=int, default=0, help="print N flagged faithful pairs")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"faithfulness: {args.data}: no such data folder (--data)", file=sys.stderr)
        return 2
    results = [measure(n, SETS[n](args.data), args.precision, args.show) for n in args.sets]
    print(f"supported_by on human-labelled pairs (precision = {args.precision})\n")
    print("| set | pairs | faithful kept | recall | balanced accuracy | seconds |")
    print("|---|---:|---:|---:|---:|---:|")
    for res in results:
        print(
            f"| {res['name']} | {res['n']} | {res['kept']:.1f} | {res['recall']:.1f} "
            f"| {res['bacc']:.1f} | {res['seconds']:.1f} |"
        )
    for res in results:
        print(f"\n{res['name']}: recall per error type")
        by_type = res["by_type"]
        assert isinstance(by_type, dict)
        for t, (rate, n) in by_type.items():
            print(f"    {t:<28} {rate:5.1f} % of {n}")
        reasons = res["reasons"]
        assert isinstance(reasons, list)
        if reasons:
            said = ", ".join(f"{what} {n}" for what, n in reasons)
            print(f"  flagged faithful pairs, by claim: {said}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
