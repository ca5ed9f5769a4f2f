"""Build a synthetic corpus of real paragraphs with varied numbers, names and dates.

    python benchmarks/make_corpus.py --articles 10000 --out benchmarks/corpus/news.jsonl

Each generated article takes a random handful of real paragraphs: the seed
articles' body paragraphs and, in about half the articles, a paragraph of
real Arabic news headlines from the ANS stance corpus of the shared
development data (``--data``; skipped when it is missing). Then it varies
what the extractors read, so they meet real text and a real vocabulary, not
one template repeated:

- every number of two to four digits moves by up to ±50;
- every person the seeds name in full (``محمد شياع السوداني``) is, in
  about a third of the articles, one of six others made of real given and
  family names (the same six throughout the corpus: outlets that disagree
  about who holds an office name a few rivals, not a new one each time),
  and the surname alone later in the article (``السوداني``) follows it;
- every Gregorian month name, in each of the Arabic month systems of CLDR
  (``يناير``, ``كانون الثاني``, ``جانفي``), becomes one other month of the
  same system, the same one throughout the article; weekday names change
  the same way.

Deterministic for a given ``--seed``; a longer corpus starts with the
articles of a shorter one.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
NUMBER = regex.compile(r"(?<!\d)\d{2,4}(?!\d)")
OUTLETS = ("Malay Mail", "Sputnik", "دار الهلال", "بوابة الوفد", "Reuters", "الجزيرة")

# The people the seeds name in full, with the surname they are later called by.
SEED_PEOPLE = {
    "محمد شياع السوداني": "السوداني",
    "لويد أوستن": "أوستن",
    "انطونيو غوتيريش": "غوتيريش",
    "أنطونيو غوتيريش": "غوتيريش",
    "نجيب ميقاتي": "ميقاتي",
    "فؤاد حسين": None,
    "ثابت محمد سعيد العباسي": None,
    "فرهاد علاء الدين": None,
    "سابرينا سينغ": None,
    "جو بايدن": None,
    "ايمانويل ماكرون": None,
}
# Real given and family names of Arab public life, to put in their place.
GIVEN = (
    "أحمد", "إبراهيم", "حسن", "حسين", "حيدر", "خالد", "سالم", "سعد", "طارق", "عادل",
    "عبد الله", "عمار", "عمر", "فاضل", "فؤاد", "قاسم", "كريم", "ماجد", "محمود", "مصطفى",
    "نبيل", "نوري", "هادي", "هشام", "وليد", "يوسف", "رشيد", "زياد", "جعفر", "برهم",
)
FAMILY = (
    "الكاظمي", "العبادي", "المالكي", "الحلبوسي", "البارزاني", "الطالباني", "الحكيم", "العامري",
    "الجبوري", "الدليمي", "الخزعلي", "الأعرجي", "الزيدي", "الربيعي", "الشمري", "العاني",
    "الفياض", "النجيفي", "المشهداني", "علاوي", "صالح", "زيدان", "الأسدي", "الموسوي",
)


def paragraphs() -> list[str]:
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if len(line) > 80:
                out.append(line)
    return out


def headlines(data: Path) -> list[str]:
    """The ANS corpus's distinct headlines, in file order (none without the data)."""
    path = data / "ans-stance-dev.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    return list(dict.fromkeys(h.strip() for row in rows for h in (row["s1"], row["s2"])))


def calendar() -> tuple[list[dict[int, str]], dict[int, str]]:
    """CLDR's Arabic Gregorian month names by system, and the weekday names."""
    table = json.loads((ROOT / "src" / "newsassert" / "data" / "months.json").read_text("utf-8"))
    systems: dict[str, dict[int, str]] = {}
    for month in table["months"]:
        if month["lang"] == "ar" and month["source"] == "cldr":
            systems.setdefault(month["system"], {}).setdefault(month["month"], month["name"])
    weekdays: dict[int, str] = {}
    for day in table["weekdays"]:
        if day["lang"] == "ar" and day["source"] == "cldr":
            weekdays.setdefault(day["weekday"], day["name"])
    return [s for s in systems.values() if len(s) == 12], weekdays


class Varier:
    """Rewrites one article's paragraphs: numbers, people, months and weekdays."""

    def __init__(self) -> None:
        systems, weekdays = calendar()
        self.month_systems = systems
        self.weekdays = weekdays
        names = [n for s in systems for n in s.values()] + list(weekdays.values())
        people = sorted(SEED_PEOPLE, key=len, reverse=True)
        surnames = sorted({s for s in SEED_PEOPLE.values() if s}, key=len, reverse=True)
        words = [*people, *surnames, *sorted(set(names), key=len, reverse=True)]
        # One pass over each paragraph for every word replaced (longest first).
        self.words = regex.compile(
            r"(?<!\w)(?:" + "|".join(map(regex.escape, words)) + r")(?!\w)"
        )
        self.surnames = set(surnames)
        self.month_of = {n: (i, m) for i, s in enumerate(systems) for m, n in s.items()}
        self.weekday_of = {n: d for d, n in weekdays.items()}
        self.others: dict[str, list[tuple[str, str]]] = {}

    def rivals(self, rng: random.Random) -> None:
        """Six other names for each person of the seeds, drawn once per corpus."""
        self.others = {
            full: [(rng.choice(GIVEN), rng.choice(FAMILY)) for _ in range(6)]
            for full in SEED_PEOPLE
        }

    def article(self, rng: random.Random, chosen: list[str]) -> str:
        shift = rng.randint(1, 11)  # months later, the same for the whole article
        day_shift = rng.randint(1, 6)
        people: dict[str, str] = {}
        for full, surname in SEED_PEOPLE.items():
            if rng.random() < 1 / 3:
                given, family = rng.choice(self.others[full])
                people[full] = f"{given} {family}"
                if surname:
                    people[surname] = family

        def word(m: regex.Match[str]) -> str:
            text: str = m.group()
            if text in SEED_PEOPLE or text in self.surnames:
                return people.get(text, text)
            if text in self.month_of:
                system, month = self.month_of[text]
                return self.month_systems[system][(month - 1 + shift) % 12 + 1]
            return self.weekdays[(self.weekday_of[text] + day_shift) % 7]

        def number(m: regex.Match[str]) -> str:
            return str(max(1, int(m.group()) + rng.randint(-50, 50)))

        return "\n".join(NUMBER.sub(number, self.words.sub(word, p)) for p in chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "corpus" / "news.jsonl")
    parser.add_argument("--data", type=Path, default=DATA, help="the shared development data")
    parser.add_argument("--seed", type=int, default=20240127)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pool = paragraphs()
    heads = headlines(args.data)
    varier = Varier()
    varier.rivals(random.Random(args.seed + 1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for i in range(args.articles):
            chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 8)))
            if heads and rng.random() < 0.5:
                at = rng.randint(1, len(chosen))
                chosen.insert(at, "، ".join(rng.sample(heads, k=rng.randint(2, 5))) + ".")
            day = rng.randint(1, 28)
            record = {
                "id": f"gen-{i:06d}",
                "outlet": rng.choice(OUTLETS),
                "published": f"2024-01-{day:02d}",
                "text": varier.article(rng, chosen) + "\n",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.articles} articles to {args.out}")


if __name__ == "__main__":
    main()
