"""Build a synthetic corpus of real paragraphs with varied numbers, names and dates.

    python benchmarks/make_corpus.py --articles 10000 --out benchmarks/corpus/news.jsonl

Paragraphs come from the seed articles (their body text); each generated
article takes a random handful of them and varies every number in them, so
the extractors meet real text, not templates. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
NUMBER = regex.compile(r"(?<!\d)\d{2,4}(?!\d)")
OUTLETS = ("Malay Mail", "Sputnik", "دار الهلال", "بوابة الوفد", "Reuters", "الجزيرة")


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) > 80:
                out.append(line)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "corpus" / "news.jsonl")
    parser.add_argument("--seed", type=int, default=20240127)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = paragraphs()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for i in range(args.articles):
            chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 8)))
            text = "\n".join(
                NUMBER.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-50, 50))), p)
                for p in chosen
            )
            day = rng.randint(1, 28)
            record = {
                "id": f"gen-{i:06d}",
                "outlet": rng.choice(OUTLETS),
                "published": f"2024-01-{day:02d}",
                "text": text + "\n",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()
