"""Benchmark the query language: compile time, and claims per second evaluated.

    python benchmarks/bench_query.py [--claims 100000 1000000]

The claims are synthetic (every kind, both languages, a spread of units,
places, values and sections), built once; each query is evaluated a few
times and the best run is reported. Target: a typical query compiles in well
under a millisecond, and evaluates at least a million claims per second.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from newsassert.lexicon import Lexicon, LexiconEntry
from newsassert.model import Claim, DateClaim, MentionClaim, QuantityClaim, RoleClaim
from newsassert.query import compile_query

QUERIES = (
    "quantity where unit = soldier and place = Iraq",
    "quantity where unit = soldier and qualifier = approx and value < 1000",
    'role where title = "prime minister" and country = Iraq',
    "date where resolved >= 2024-01-01",
    "person where lang = en",
    'person where name like "Romanowski"',
    'claim where sentence ~ "troops?"',
    "claim where section = any and not (lang = ar or kind in [date, role])",
)

UNITS = (("soldier", "جندي"), ("soldier", "troops"), ("attack", "هجوما"), ("rocket", "صواريخ"),
         ("percent", "%"), ("dollar", "dollars"))  # fmt: skip
PLACES = ("Iraq", "Syria", "Lebanon", None, None)
NAMES = ("محمد شياع السوداني", "Yolanda Romanowski", "Al-Sudani", "الينا رومانسكي",
         "Lloyd Austin", "فرهاد علاء الدين")  # fmt: skip
SECTIONS = ("body",) * 7 + ("title", "metadata", "boilerplate")


def synthetic_claims(n: int, seed: int = 7) -> list[Claim]:
    rng = random.Random(seed)
    claims: list[Claim] = []
    for i in range(n):
        common = {
            "id": f"c{i}",
            "article": f"a{i // 50}",
            "outlet": rng.choice(("Malay Mail", "AFP", None)),
            "published": f"2024-01-{rng.randint(1, 28):02d}",
            "lang": rng.choice(("ar", "ar", "en")),
            "section": rng.choice(SECTIONS),
            "start": i % 5000,
            "end": i % 5000 + 10,
            "text": "x",
            "sentence": rng.choice(("about 900 troops in Syria", "وينتشر نحو 900 جندي في سوريا")),
        }
        kind = i % 4
        if kind == 0:
            unit, unit_text = rng.choice(UNITS)
            value = float(rng.choice((12, 150, 900, 2500, 40)))
            claims.append(QuantityClaim(**common, value=value,
                                        qualifier=rng.choice(("exact", "approx", "vague")),
                                        low=value * 0.9, high=value * 1.1, unit=unit,
                                        unit_text=unit_text, place=rng.choice(PLACES)))  # fmt: skip
        elif kind == 1:
            day = rng.randint(1, 28)
            claims.append(DateClaim(**common, year=2024, month=1, day=day,
                                    resolved=rng.choice((f"2024-01-{day:02d}", None, "2023-10-07"))))  # fmt: skip
        elif kind == 2:
            name = rng.choice(NAMES)
            claims.append(MentionClaim(**common, type=rng.choice(("person", "place", "org")),
                                       name=name, key=name.lower(), entity=None))  # fmt: skip
        else:
            claims.append(RoleClaim(**common, title=rng.choice(("prime minister", "ambassador")),
                                    country=rng.choice(PLACES), person=rng.choice(NAMES),
                                    key="k"))  # fmt: skip
    return claims


LEXICON = Lexicon(
    [
        LexiconEntry("unit", "soldier", ("جندي", "جنود", "troops", "soldiers")),
        LexiconEntry("place", "Iraq", ("العراق", "Irak")),
        LexiconEntry("role", "prime minister", ("رئيس الوزراء", "premier")),
    ]
)


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    uncached = compile_query.__wrapped__
    for text in QUERIES[:3]:
        per = best(lambda text=text: [uncached(text) for _ in range(1000)], args.repeat) / 1000
        print(f"compile  {per * 1e6:8.1f} µs  {text}")
    print(f"compile  {best(lambda: compile_query(QUERIES[0]), 5) * 1e6:8.2f} µs  (cached)")

    for n in args.claims:
        claims = synthetic_claims(n)
        print(f"\n{n:,} claims")
        for text in QUERIES:
            query = compile_query(text)
            query.evaluate(claims[:1000], LEXICON)  # build the predicate once
            found = len(query.evaluate(claims, LEXICON))
            seconds = best(lambda q=query, c=claims: q.evaluate(c, LEXICON), args.repeat)
            rate = n / seconds
            print(
                f"  {rate / 1e6:5.2f} M claims/s  {seconds * 1e3:7.1f} ms  {found:>8,} found  {text}"
            )


if __name__ == "__main__":
    main()
