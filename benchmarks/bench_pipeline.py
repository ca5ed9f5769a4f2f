"""Throughput of the whole pipeline and of each stage, against two yardsticks.

    python benchmarks/bench_pipeline.py            # seeds, shared data, 10,000 generated articles
    python benchmarks/bench_pipeline.py --quick    # a smaller run (a few hundred articles)
    python benchmarks/bench_pipeline.py --scale 1000 10000 100000 --check-cli

For every text set (the seed articles; the ANS headlines and SummEdits
documents of the shared development data when they are there; the generated
corpus of ``benchmarks/make_corpus.py``, built when missing) it prints MB/s
(of the articles' text in UTF-8) and articles/s of:

* ``pipeline``: ``newsassert.load(file)`` then every article's claims, one
  process, no cache (load -> claims, what ``newsassert extract -j 1 --no-cache``
  does before writing);
* each stage alone: ``load`` (read, decode, segment, metadata), ``decode``,
  ``normalize``, ``segment``, ``extract`` (all extractors, normalizing once),
  and each extractor over articles already normalized (``quantities``,
  ``dates``, ``entities``);

each with two ratios measured in this same process on the same text: how
many times slower than one ``regex`` scan of ``\\w+`` (the floor of any
tokenizing pass), and how many times faster than
``dateparser.search.search_dates(text, languages=["ar", "en"])`` (timed on a
sample of each set, ``--dateparser-bytes``, because it is slow; needs the
``bench`` extra). Then: a query over 1,000,000 claims (the generated corpus's
claims repeated), the built-in checks over the generated corpus, and, with
``--check-cli``, ``newsassert check`` as a user runs it, cold and warm, with
its peak memory. ``--scale`` measures the pipeline, the query and the checks
at several corpus sizes, to show the cost grows linearly.

Times are CPU time of this process (``time.process_time``), the least of
``--runs`` runs: on a shared machine other load only ever adds time. The
command-line run is timed by the wall clock, since it uses several processes.
"""

from __future__ import annotations

import argparse
import csv
import functools
import gc
import inspect
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs
import regex

import newsassert
from newsassert.extract import dates, entities, quantities
from newsassert.extract.context import ArticleContext
from newsassert.load import decode, make_article
from newsassert.model import Article, Claim
from newsassert.normalize import normalize
from newsassert.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "benchmarks" / "corpus" / "news.jsonl"

# The floor: one pass of the regex engine over every word.
WORD = regex.compile(r"\w+")
SLOWER = "x \\w+"

EXTRACTORS = (("quantities", quantities), ("dates", dates), ("entities", entities))

QUERIES = (
    "quantity where unit = soldier and place = Iraq",
    "quantity where qualifier = approx and value < 1000",
    'role where title = "prime minister"',
    "date where resolved >= 2024-01-01",
    'person where name like "Romanowski"',
)

# Targets of issue 7 (docs/performance.md).
TARGET_MBS = 2.0
TARGET_VS_WORDS = 15.0
TARGET_VS_DATEPARSER = 25.0
TARGET_QUERY_S = 1.0


@attrs.frozen
class TextSet:
    """Articles to measure on: their records (``id``, ``text``, metadata) and where they came from."""

    name: str
    records: tuple[dict[str, Any], ...]

    @property
    def texts(self) -> list[str]:
        return [str(r["text"]) for r in self.records]

    @property
    def mb(self) -> float:
        return sum(len(t.encode("utf-8")) for t in self.texts) / 1e6


@attrs.frozen
class Timing:
    stage: str
    seconds: float
    mb: float
    articles: int

    @property
    def mbs(self) -> float:
        return self.mb / self.seconds if self.seconds > 0 else float("inf")

    @property
    def per_s(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else float("inf")


# ---------------------------------------------------------------------------
# Text sets
# ---------------------------------------------------------------------------


def seed_set() -> TextSet:
    records = [
        {"id": p.stem, "text": p.read_text(encoding="utf-8")} for p in sorted(SEEDS.glob("*.txt"))
    ]
    return TextSet("seeds", tuple(records))


def ans_set(data: Path) -> TextSet | None:
    path = data / "ans-stance-dev.csv"
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as stream:
        heads = dict.fromkeys(h for row in csv.DictReader(stream) for h in (row["s1"], row["s2"]))
    records = [{"id": f"ans-{i}", "lang": "ar", "text": h + "\n"} for i, h in enumerate(heads)]
    return TextSet("ans headlines", tuple(records))


def summedits_set(data: Path) -> TextSet | None:
    path = data / "summedits-news-eval.jsonl"
    if not path.is_file():
        return None
    docs: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            docs.setdefault(json.loads(line)["doc"], None)
    records = [{"id": f"summedits-{i}", "text": d} for i, d in enumerate(docs)]
    return TextSet("summedits docs", tuple(records))


def generated_set(articles: int, corpus: Path = CORPUS) -> TextSet:
    """The first ``articles`` of the generated corpus (built when it is missing or too small)."""
    if not corpus.is_file() or _lines(corpus) < articles:
        subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "make_corpus.py"),
             "--articles", str(articles), "--out", str(corpus)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    records: list[dict[str, Any]] = []
    with corpus.open(encoding="utf-8") as stream:
        for line in stream:
            if len(records) == articles:
                break
            records.append(json.loads(line))
    return TextSet(f"generated {articles:,}", tuple(records))


def _lines(path: Path) -> int:
    with path.open("rb") as stream:
        return sum(1 for _ in stream)


def write_jsonl(records: Sequence[dict[str, Any]], folder: Path, name: str) -> Path:
    path = folder / f"{name}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


# ---------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------


def text_caches() -> list[Any]:
    """newsassert's small caches keyed by a whole text (an article's entities, say).

    A run after the first would find every article there and measure nothing:
    they are emptied before each run. Caches of words and of compiled tables
    stay warm, as they are over any corpus of more than a few articles.
    """
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("newsassert"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            wrapped = getattr(value, "__wrapped__", None)
            if info is None or wrapped is None or not callable(info):
                continue
            size = info().maxsize
            params = list(inspect.signature(wrapped).parameters)
            if size is not None and size <= 1024 and params[:1] == ["text"]:
                found.append(value)
    return found


def best(run: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    """The least CPU time of ``runs`` runs of ``run`` (``setup`` before each, not timed)."""
    times = []
    caches = text_caches()
    for _ in range(runs):
        if setup is not None:
            setup()
        for cache in caches:
            cache.cache_clear()
        gc.collect()
        began = time.process_time()
        run()
        times.append(time.process_time() - began)
    return min(times)


def fresh_articles(ts: TextSet) -> list[Article]:
    return [
        make_article(str(r["text"]), id=str(r["id"]), lang=r.get("lang")) for r in ts.records
    ]


def measure_set(ts: TextSet, folder: Path, runs: int, dateparser_bytes: int) -> dict[str, Any]:
    texts = ts.texts
    mb, n = ts.mb, len(texts)
    raw = [t.encode("utf-8") for t in texts]
    path = write_jsonl(ts.records, folder, ts.name.replace(" ", "_").replace(",", ""))
    timings: list[Timing] = []
    # Warm up: compiled patterns, lexicon tables and caches of words are built
    # on first use, once per process; they are not what a stage costs per MB.
    for article in fresh_articles(TextSet(ts.name, ts.records[:20])):
        _ = article.claims

    def add(stage: str, seconds: float) -> None:
        timings.append(Timing(stage, seconds, mb, n))

    add("\\w+ scan", best(lambda: [sum(1 for _ in WORD.finditer(t)) for t in texts], runs))

    def pipeline() -> None:
        for article in newsassert.load(path):
            _ = article.claims

    add("pipeline", best(pipeline, runs))
    add("load", best(lambda: newsassert.load(path), runs))
    add("decode", best(lambda: [decode(b) for b in raw], runs))
    add("normalize", best(lambda: [normalize(t) for t in texts], runs))
    add("segment", best(lambda: [segment(t) for t in texts], runs))

    holder: list[list[Article]] = []

    def new_articles() -> None:
        holder[:] = [fresh_articles(ts)]

    add("extract", best(lambda: [a.claims for a in holder[0]], runs, setup=new_articles))
    articles = fresh_articles(ts)
    for a in articles:
        _ = a.normalized  # computed once per article in the pipeline, for every extractor
    for name, module in EXTRACTORS:
        hook = module.newsassert_extract_article

        def run(hook: Callable[..., list[Claim]] = hook) -> None:
            # A context of its own for each run, as extract_article makes it:
            # the fold and the tokens it holds are part of what an extractor costs.
            for a in articles:
                hook(context=ArticleContext.of(a))

        add(name, best(run, runs))

    dp = dateparser_rate(texts, dateparser_bytes)
    return {"set": ts.name, "mb": mb, "articles": n, "timings": timings, "dateparser": dp}


def dateparser_rate(texts: Sequence[str], budget: int) -> tuple[float, float, int] | None:
    """MB/s of dateparser's search on the first articles of ``texts`` up to ``budget`` bytes."""
    if budget <= 0:
        return None
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped]
    except ImportError:
        return None
    sample, size = [], 0
    for t in texts:
        if size >= budget:
            break
        sample.append(t)
        size += len(t.encode("utf-8"))
    search_dates("27 كانون الثاني 2024", languages=["ar", "en"])  # load its language data first
    began = time.process_time()
    for t in sample:
        search_dates(t, languages=["ar", "en"])
    seconds = time.process_time() - began
    return size / 1e6 / seconds, size / 1e6, len(sample)


# ---------------------------------------------------------------------------
# Query and checks
# ---------------------------------------------------------------------------


def measure_query(claims: Sequence[Claim], sizes: Sequence[int], runs: int) -> list[str]:
    from newsassert.query import compile_query

    lines = []
    for size in sizes:
        repeated = [claims[i % len(claims)] for i in range(size)]
        for text in QUERIES:
            query = compile_query(text)
            query.evaluate(repeated[:1000])  # build the predicate once
            found = len(query.evaluate(repeated))
            seconds = best(functools.partial(query.evaluate, repeated), runs)
            ok = "" if size < 1_000_000 else ("  ok" if seconds < TARGET_QUERY_S else "  SLOW")
            lines.append(
                f"  {size:>9,} claims {seconds * 1e3:8.1f} ms {size / seconds / 1e6:6.2f} M/s "
                f"{found:>9,} found  {text}{ok}"
            )
    return lines


def measure_check(corpus: newsassert.Corpus, runs: int) -> tuple[float, int, int]:
    from newsassert.check.auto import builtin_checks

    results = builtin_checks(corpus)
    seconds = best(lambda: builtin_checks(corpus), runs)
    failed = sum(1 for r in results if r.status == "failed")
    return seconds, len(results), failed


def check_cli(path: Path, jobs: int) -> list[str]:
    """``newsassert check`` cold (empty cache) then warm, wall time and peak memory."""
    exe = Path(sys.executable).parent / "newsassert"
    lines = []
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "NEWSASSERT_CACHE_DIR": cache, "NO_COLOR": "1"}
        for label in ("cold", "warm"):
            cmd = [str(exe), "check", str(path), "-q"]
            if jobs:
                cmd += ["-j", str(jobs)]
            began = time.perf_counter()
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
            wall = time.perf_counter() - began
            if done.returncode == 2 and "-j" in done.stderr:
                # An older `newsassert check` without -j: run it with its defaults.
                return check_cli(path, 0)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            lines.append(
                f"  newsassert check {label}: {wall:6.1f} s wall, exit {done.returncode}, "
                f"peak RSS {peak:.0f} MB (largest process so far)"
            )
    return lines


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def report(result: dict[str, Any]) -> list[str]:
    timings: list[Timing] = result["timings"]
    words = timings[0]
    dp = result["dateparser"]
    lines = [
        f"\n== {result['set']}: {result['articles']:,} articles, {result['mb']:.2f} MB",
        f"  {'stage':<12} {'CPU s':>8} {'MB/s':>8} {'articles/s':>11} {SLOWER:>8} "
        f"{'x dateparser':>13}",
    ]
    for t in timings:
        slower = t.seconds / words.seconds if words.seconds > 0 else float("inf")
        faster = f"{t.mbs / dp[0]:12.0f}x" if dp else f"{'-':>13}"
        lines.append(
            f"  {t.stage:<12} {t.seconds:8.3f} {t.mbs:8.2f} {t.per_s:11.0f} {slower:7.1f}x "
            f"{faster}"
        )
    if dp:
        lines.append(
            f"  dateparser search_dates: {dp[0]:.4f} MB/s "
            f"(on {dp[2]} articles, {dp[1] * 1e3:.0f} KB)"
        )
    pipe = next(t for t in timings if t.stage == "pipeline")
    verdicts = [
        f"{pipe.mbs:.2f} MB/s (target >= {TARGET_MBS})",
        f"{pipe.seconds / words.seconds:.1f}x the \\w+ scan (target <= {TARGET_VS_WORDS:.0f}x)",
    ]
    if dp:
        verdicts.append(f"{pipe.mbs / dp[0]:.0f}x dateparser (target >= {TARGET_VS_DATEPARSER:.0f}x)")
    lines.append("  pipeline: " + "; ".join(verdicts))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the generated JSONL corpus")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared development data")
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    parser.add_argument("--dateparser-bytes", type=int, default=20_000)
    parser.add_argument("--query-claims", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--scale", type=int, nargs="*", help="pipeline at these corpus sizes")
    parser.add_argument("--check-cli", action="store_true", help="time `newsassert check`")
    parser.add_argument("--jobs", type=int, default=2, help="-j for --check-cli")
    parser.add_argument("--quick", action="store_true", help="300 articles, 1 run, 100k claims")
    parser.add_argument(
        "--sets",
        nargs="+",
        choices=("seeds", "data", "generated"),
        default=["seeds", "data", "generated"],
        help="the text sets to measure (the generated corpus is used for query and checks)",
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.articles, args.runs, args.query_claims = 300, 1, [100_000]
        args.dateparser_bytes = min(args.dateparser_bytes, 5_000)

    print(f"newsassert {newsassert.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs; CPU time, best of {args.runs}")  # fmt: skip
    sets: list[TextSet | None] = []
    if "seeds" in args.sets:
        sets.append(seed_set())
    if "data" in args.sets:
        sets += [ans_set(args.data), summedits_set(args.data)]
    generated = generated_set(args.articles, args.corpus)
    if "generated" in args.sets:
        sets.append(generated)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for ts in (s for s in sets if s is not None):
            for line in report(measure_set(ts, folder, args.runs, args.dateparser_bytes)):
                print(line, flush=True)

        corpus = newsassert.load(write_jsonl(generated.records, folder, "generated"))
        claims = corpus.claims
        print(f"\n== query: {len(claims):,} claims of the generated corpus, repeated")
        for line in measure_query(claims, args.query_claims, args.runs):
            print(line, flush=True)
        seconds, checks, failed = measure_check(corpus, args.runs)
        print(f"\n== built-in checks over {generated.name}: {seconds:.2f} s CPU, "
              f"{checks:,} checks ({failed} failed)")  # fmt: skip
        if args.check_cli:
            path = write_jsonl(generated.records, folder, "check")
            for line in check_cli(path, args.jobs):
                print(line, flush=True)
        if args.scale:
            scale(args, folder)
    return 0


def scale(args: argparse.Namespace, folder: Path) -> None:
    """Pipeline and checks at each size of ``--scale``: CPU seconds per article should stay flat."""
    from newsassert.check.auto import builtin_checks

    print("\n== scale (one run each)")
    for size in args.scale:
        ts = generated_set(size, args.corpus)
        path = write_jsonl(ts.records, folder, f"scale{size}")
        del ts
        began = time.process_time()
        corpus = newsassert.load(path)
        for article in corpus:
            _ = article.claims
        extract_s = time.process_time() - began
        began = time.process_time()
        builtin_checks(corpus)
        check_s = time.process_time() - began
        mb = sum(len(a.text.encode("utf-8")) for a in corpus) / 1e6
        print(
            f"  {size:>8,} articles {mb:7.1f} MB: pipeline {extract_s:7.1f} s "
            f"({extract_s / size * 1e3:.2f} ms/article, {mb / extract_s:.2f} MB/s); "
            f"checks {check_s:6.2f} s ({check_s / size * 1e3:.3f} ms/article)",
            flush=True,
        )
        del corpus
        path.unlink()


if __name__ == "__main__":
    sys.exit(main())
