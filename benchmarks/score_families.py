"""Accuracy per family on the family corpora of numbers, money and dates.

    python benchmarks/score_families.py              # the installed newsassert
    PYTHONPATH=/path/to/other/src python benchmarks/score_families.py   # another version

Reads ``tests/corpus/quantities/families.json`` and
``tests/corpus/dates/families.json`` (each case tagged with the ``family`` of
issue 21 it belongs to) and prints, per family, how many cases the extractor
gets exactly right. A number case is right when the number reader finds
exactly the listed values; a quantity or date case when every expected
claim is found, in order, with every field given, and no other.

For dates it also counts *wrong-value* claims: a date found on the span an
expected date has, whose year, month, day or resolved day differ from it,
or a date on a span where the case expects none ("in their 60s").
Those become false conflicts in ``agree``; the target is none. Fields a
version does not have (``currency``, ``low``, ``high`` before schema 2) are
read as absent, so an older version can be scored on the same cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
QUANTITIES = ROOT / "tests" / "corpus" / "quantities" / "families.json"
DATES = ROOT / "tests" / "corpus" / "dates" / "families.json"
DATE_FIELDS = ("year", "month", "day", "resolved", "relative", "low", "high")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return bool(a == b)


def score_quantities(path: Path) -> dict[str, list[int]]:
    from newsassert.extract.numbers import find_numbers
    from newsassert.extract.quantities import read_quantities
    from newsassert.lexicon import default_lexicon
    from newsassert.normalize import normalize_text

    lexicon = default_lexicon()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        text = normalize_text(case["text"])
        if "numbers" in case:
            values = [n.value for n in find_numbers(text)]
            ok = len(values) == len(case["numbers"]) and all(
                _same(a, b) for a, b in zip(case["numbers"], values, strict=False)
            )
        else:
            found = read_quantities(text, lexicon)
            got = [
                {
                    "text": text[q.start : q.end],
                    "value": q.value,
                    "qualifier": q.qualifier,
                    "low": q.low,
                    "high": q.high,
                    "unit": q.unit,
                    "currency": getattr(q, "currency", None),
                    "place": q.place,
                }
                for q in found
            ]
            ok = len(got) == len(case["expect"]) and all(
                all(_same(v, g[k]) for k, v in want.items())
                for want, g in zip(case["expect"], got, strict=False)
            )
        tally[case["family"]][0] += ok
        tally[case["family"]][1] += 1
    return tally


def score_dates(path: Path) -> tuple[dict[str, list[int]], int, int]:
    from newsassert.extract.dates import find_dates

    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = claims = spurious = 0
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        published = dt.date.fromisoformat(case["published"]) if case["published"] else None
        text = case["text"]
        got = []
        order = {"month-first": True, "day-first": False}.get(case.get("date_order", ""))
        try:
            found = find_dates(text, published=published, month_first=order)
        except TypeError:  # a version without the outlet's order: its default rule
            found = find_dates(text, published=published)
        for f in found:
            record = {
                "text": text[f.start : f.end],
                "year": f.year,
                "month": f.month,
                "day": f.day,
                "resolved": f.resolved.isoformat() if f.resolved else None,
                "relative": f.relative,
                "low": getattr(f, "low", None),
                "high": getattr(f, "high", None),
            }
            got.append(record)
        base = dict.fromkeys(DATE_FIELDS)
        base["relative"] = False
        want = [{**base, **e} for e in case["expect"]]
        tally[case["family"]][0] += got == want
        tally[case["family"]][1] += 1
        claims += len(got)
        by_text = {w["text"]: w for w in want}
        for g in got:
            w = by_text.get(g["text"])
            if w is None:
                # A date where the case expects none at all ("in their 60s"): a
                # value nobody wrote.
                spurious += not any(g["text"] in x or x in g["text"] for x in by_text)
                continue
            if any(
                g[f] is not None and w[f] is not None and g[f] != w[f]
                for f in ("year", "month", "day", "resolved")
            ) or (g["resolved"] is not None and w["resolved"] is None and w["low"] is not None):
                wrong += 1
    return tally, wrong + spurious, claims


def _report(title: str, tally: dict[str, list[int]]) -> None:
    print(f"\n{title}")
    total = [0, 0]
    for family in sorted(tally):
        ok, n = tally[family]
        total[0] += ok
        total[1] += n
        print(f"  {family:<20} {ok:>4}/{n:<4} {ok / n:6.1%}")
    print(f"  {'all':<20} {total[0]:>4}/{total[1]:<4} {total[0] / total[1]:6.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quantities", type=Path, default=QUANTITIES)
    parser.add_argument("--dates", type=Path, default=DATES)
    args = parser.parse_args(argv)
    import newsassert

    print(f"newsassert from {Path(newsassert.__file__).parent}")
    _report("numbers and money", score_quantities(args.quantities))
    tally, wrong, claims = score_dates(args.dates)
    _report("dates", tally)
    print(f"  wrong-value date claims: {wrong} of {claims}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
