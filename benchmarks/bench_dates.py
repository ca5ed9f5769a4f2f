"""Speed of the date extractor against dateparser's search, on the seeds repeated.

    python benchmarks/bench_dates.py [--repeat 200] [--dateparser-repeat 2]

Prints MB/s of :func:`newsassert.extract.dates.find_dates` on the seed
articles repeated ``--repeat`` times, the same for
``dateparser.search.search_dates(text, languages=["ar", "en"])`` (needs the
``bench`` extra; it is slow, so it runs on fewer repetitions), and the ratio.
Both run in this one process; times are CPU time (time.process_time), so other
load on the machine does not count.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from newsassert.extract.dates import FoundDate, find_dates, find_in_normalized
from newsassert.normalize import normalize

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _rate(run: object, texts: list[str], repeat: int) -> tuple[float, float, int]:
    size = sum(len(t.encode("utf-8")) for t in texts) * repeat
    began = time.process_time()
    found = 0
    for _ in range(repeat):
        for text in texts:
            found += len(run(text) or ())  # type: ignore[operator]
    seconds = time.process_time() - began
    return size / seconds / 1e6, seconds, found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--dateparser-repeat", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    texts = _texts()
    # One big text, as a corpus would be read, and per-article calls.
    big = "\n\n".join(texts) * args.repeat
    published = dt.date(2024, 1, 27)
    find_dates(texts[0], published=published)  # warm up (the pattern compiles at import)
    mb = len(big.encode("utf-8")) / 1e6

    def best(run: Callable[[], list[FoundDate]]) -> tuple[float, int]:
        """The least CPU time of ``--runs`` runs (other load only adds time)."""
        times, n = [], 0
        for _ in range(args.runs):
            began = time.process_time()
            n = len(run())
            times.append(time.process_time() - began)
        return min(times), n

    seconds, n = best(lambda: find_dates(big, published=published))
    ours = mb / seconds
    print(
        f"find_dates (normalize + extract): {mb:.2f} MB in {seconds:.2f} s = {ours:.2f} MB/s ({n} dates)"
    )

    # The extractor alone: in the pipeline an article is normalized once, for every extractor.
    normalized = normalize(big).text
    seconds, n = best(lambda: find_in_normalized(normalized, published=published))
    print(
        f"find_in_normalized (extract only): {seconds:.2f} s = {mb / seconds:.2f} MB/s ({n} dates)"
    )

    if args.dateparser_repeat <= 0:
        return
    try:
        from dateparser.search import search_dates  # type: ignore[import-untyped]
    except ImportError:
        print("dateparser is not installed (pip install -e .[bench]); no comparison")
        return
    search_dates(texts[0][:200], languages=["ar", "en"])  # warm up its language data
    rate, seconds, found = _rate(
        lambda t: search_dates(t, languages=["ar", "en"]), texts, args.dateparser_repeat
    )
    print(
        f"dateparser search_dates: {rate:.4f} MB/s "
        f"({args.dateparser_repeat} repetitions in {seconds:.1f} s, {found} dates)"
    )
    print(f"ratio: find_dates is {ours / rate:.0f}x faster than dateparser")


if __name__ == "__main__":
    main()
