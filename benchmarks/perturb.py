"""How often does ``supported_by`` find a wrong figure, date or name put into a faithful text?

    python benchmarks/perturb.py [--data DIR] [--sets frank summedits ans-dev ans-train]
                                 [--seed N] [--show N]

The human-labelled sets (see ``faithfulness.py``) say whether a text is
faithful, but their error types (FRANK's EntE, OutE …) mix names, figures and
dates with every other kind of error. This benchmark isolates the three
families issue "verdicts a team can trust" is judged on: it takes every
*faithful* pair that newsassert keeps, makes one controlled edit of the second
text per family, and counts how often the edited text is flagged.

The edits are found by surface patterns of their own, not by newsassert's
extractors — otherwise the benchmark would only count errors in places
newsassert already reads:

- **number**: a figure written in digits (not a year) gets another value
  (×2, or +1 for 1–3);
- **year**: a year 1900–2099 moves by one to three years;
- **month**: an English or Arabic month name becomes another month;
- **weekday**: an English or Arabic weekday becomes another one;
- **name**: (English) the last word of a two-word name that the source also
  contains is replaced by a surname-like word of another pair's text that the
  source does not contain. In cased text a name is two capitalized words; in
  lower-cased text (FRANK) it is two words whose second WordNet does not know
  (``/usr/share/wordnet``, Debian's ``wordnet-base``; without it the
  lower-cased name edits are skipped) — a proxy that misses surnames that are
  also English words (Moon, Barker).

An edit whose new word or figure occurs in the source is skipped (the source
would support it). The choice of spot and replacement is seeded (``--seed``),
so two runs print the same table. This is a proxy for hand-made name, number
and date errors, not a replacement for them: an edit can land on a figure the
summary states but no reader would call a claim (a list number).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import regex

import newsassert

sys.path.insert(0, str(Path(__file__).resolve().parent))
from faithfulness import DEFAULT_DATA, SETS, Pair

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTHS_AR = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WEEKDAYS_AR = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

_DIGITS = regex.compile(
    r"(?<![\p{L}\p{N}.,/:-])(\p{Nd}{1,3}(?:,\p{Nd}{3})*|\p{Nd}+)(?![\p{L}\p{N}]|[.,/:-]\p{Nd})"
)
_YEAR = regex.compile(r"(?<![\p{N}.,/:-])((?:19|20)\d\d)(?![\p{N}]|[.,/:-]\p{Nd})")
_NAME = regex.compile(r"(?<=[\p{L},;] )(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}{2,})\b")
_CAPITAL_WORD = regex.compile(r"(?<=[\p{Ll},;] )\p{Lu}\p{Ll}{3,}\b")

Edit = tuple[str, str]  # edited text, what changed (for --show)

_LOWER_BIGRAM = regex.compile(r"(?<![\p{L}'-])([a-z]{3,}) ([a-z][a-z'-]{3,})(?![\p{L}'-])")


def _wordnet_lemmas() -> frozenset[str]:
    lemmas: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        path = Path("/usr/share/wordnet") / f"index.{pos}"
        if not path.is_file():
            return frozenset()
        with path.open(encoding="latin-1") as f:
            lemmas.update(line.split(" ", 1)[0] for line in f if not line.startswith(" "))
        exceptions = path.with_name(f"{pos}.exc")  # irregular inflections: "ran", "mice"
        if exceptions.is_file():
            with exceptions.open(encoding="latin-1") as f:
                lemmas.update(line.split(" ", 1)[0] for line in f)
    return frozenset(lemmas)


# WordNet has lemmas only; these endings make an English word's lemma (a
# surname is no inflected form of a word WordNet knows).
_ENDINGS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
    ("d", ""),
)
_FUNCTION_WORDS = frozenset(
    [
        "than",
        "then",
        "there",
        "their",
        "they",
        "them",
        "these",
        "those",
        "this",
        "that",
        "what",
        "which",
        "while",
        "whom",
        "whose",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "about",
        "after",
        "before",
        "under",
        "over",
        "also",
        "been",
        "being",
        "have",
        "having",
        "were",
        "would",
        "could",
        "should",
        "shall",
        "will",
        "does",
        "done",
        "doing",
        "very",
        "just",
        "only",
        "even",
        "ever",
        "never",
        "every",
        "each",
        "other",
        "another",
        "such",
        "both",
        "either",
        "neither",
        "whether",
        "because",
        "since",
        "until",
        "unless",
        "though",
        "although",
        "myself",
        "yourself",
        "himself",
        "herself",
        "itself",
        "ourselves",
        "themselves",
        "everyone",
        "anyone",
        "someone",
        "everything",
        "anything",
        "something",
        "nothing",
        "nobody",
        "everybody",
        "anybody",
        "somebody",
        "else",
        "your",
        "yours",
        "hers",
        "ours",
        "theirs",
        "whilst",
        "amongst",
        "among",
        "against",
        "along",
        "across",
        "around",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "during",
        "except",
        "inside",
        "outside",
        "through",
        "throughout",
        "toward",
        "towards",
        "under",
        "underneath",
        "unlike",
        "until",
        "within",
        "without",
        "cannot",
        "shouldn",
        "wouldn",
        "couldn",
        "didn",
        "doesn",
        "isn",
        "wasn",
        "weren",
        "hasn",
        "haven",
        "hadn",
    ]
)


WORDNET = _wordnet_lemmas()


def _surname_like(word: str) -> bool:
    if not WORDNET or word in WORDNET or word in _FUNCTION_WORDS:
        return False
    for ending, lemma in _ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if stem + lemma in WORDNET or (
                len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in WORDNET
            ):
                return False
    return True


def _choose(rng: random.Random, spans: list[regex.Match[str]]) -> regex.Match[str] | None:
    return rng.choice(spans) if spans else None


def _replace(text: str, m: regex.Match[str], group: int, new: str) -> str:
    return text[: m.start(group)] + new + text[m.end(group) :]


def _to_script(value: str, like: str) -> str:
    """Write ``value`` (ASCII digits) in the digits ``like`` is written in."""
    zero = ord(like[0]) - int(like[0])
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in value)


def edit_number(text: str, source: str, rng: random.Random, _: Sequence[str]) -> Edit | None:
    spans = [m for m in _DIGITS.finditer(text) if not _YEAR.fullmatch(m.group(1))]
    m = _choose(rng, spans)
    if m is None:
        return None
    old = m.group(1)
    n = int("".join(str(int(c)) for c in old if c.isdigit()))
    value = n + 1 if n <= 3 else n * 2
    new = f"{value:,}" if "," in old else str(value)
    new = _to_script(new, old)
    if new in source or _to_script(str(value), "0") in source:
        return None
    return _replace(text, m, 1, new), f"{old} -> {new}"


def edit_year(text: str, source: str, rng: random.Random, _: Sequence[str]) -> Edit | None:
    m = _choose(rng, list(_YEAR.finditer(text)))
    if m is None:
        return None
    new = str(int(m.group(1)) + rng.choice((-3, -2, -1, 1, 2, 3)))
    if new in source:
        return None
    return _replace(text, m, 1, new), f"{m.group(1)} -> {new}"


def _edit_word(
    words: Sequence[str],
) -> Callable[[str, str, random.Random, Sequence[str]], Edit | None]:
    pattern = regex.compile(
        r"(?<!\p{L})(" + "|".join(map(regex.escape, words)) + r")(?!\p{L})", regex.IGNORECASE
    )

    def edit(text: str, source: str, rng: random.Random, _: Sequence[str]) -> Edit | None:
        m = _choose(rng, list(pattern.finditer(text)))
        if m is None:
            return None
        lowered = source.casefold()
        same_script = [w for w in words if w.isascii() == m.group(1).isascii()]
        others = [
            w
            for w in same_script
            if w.casefold() != m.group(1).casefold() and w.casefold() not in lowered
        ]
        if not others:
            return None
        new = rng.choice(others)
        new = new.lower() if m.group(1).islower() else new
        return _replace(text, m, 1, new), f"{m.group(1)} -> {new}"

    return edit


def _names(source: str) -> set[str]:
    names = {m.group(0).casefold() for m in _NAME.finditer(source)}
    if not names and source == source.lower():
        names = {
            m.group(0)
            for m in _LOWER_BIGRAM.finditer(source, overlapped=True)
            if m.group(1) not in _FUNCTION_WORDS and _surname_like(m.group(2))
        }
    return names


def edit_name(text: str, source: str, rng: random.Random, pool: Sequence[str]) -> Edit | None:
    # The names are the source's capitalized two-word names; the text may
    # write them lower-cased (many summarizers do), so they are looked up
    # without case and the new surname takes the text's case.
    names = sorted(_names(source))
    if not names:
        return None
    pattern = regex.compile(
        r"(?<!\p{L})(?:" + "|".join(map(regex.escape, names)) + r")(?!\p{L})", regex.IGNORECASE
    )
    m = _choose(rng, list(pattern.finditer(text)))
    if m is None:
        return None
    lowered = source.casefold()
    others = [
        w
        for w in pool
        if w.casefold() not in lowered and w not in MONTHS_EN and w not in WEEKDAYS_EN
    ]
    if not others:
        return None
    first, last = m.group(0).split(" ", 1)
    new = rng.choice(others)
    new = new.lower() if last.islower() else new
    edited = text[: m.start()] + first + " " + new + text[m.end() :]
    return edited, f"{m.group(0)} -> {first} {new}"


FAMILIES: dict[str, Callable[[str, str, random.Random, Sequence[str]], Edit | None]] = {
    "number": edit_number,
    "year": edit_year,
    "month": _edit_word(MONTHS_EN + MONTHS_AR),
    "weekday": _edit_word(WEEKDAYS_EN + WEEKDAYS_AR),
    "name": edit_name,
}


def measure(name: str, pairs: Sequence[Pair], seed: int, show: int) -> dict[str, tuple[int, int]]:
    faithful = [(a, b) for a, b, ok, _ in pairs if ok]
    pool = sorted({m.group(0) for _, b in faithful for m in _CAPITAL_WORD.finditer(b)})
    if not pool:
        # Lower-cased text: surnames are the second words of the sources' names.
        words = {name.split(" ")[1] for a, _ in faithful for name in _names(a)}
        pool = sorted(w for w in words if w.isalpha())
    edits: dict[tuple[int, str], Edit] = {}
    for i, (a, b) in enumerate(faithful):
        for family, edit in FAMILIES.items():
            rng = random.Random(f"{seed}/{name}/{i}/{family}")
            made = edit(b, a, rng, pool)
            if made is not None:
                edits[i, family] = made
    counts: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    shown = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i, (a, b) in enumerate(faithful):
                f.write(json.dumps({"id": f"p{i}a", "text": a}, ensure_ascii=False) + "\n")
                f.write(json.dumps({"id": f"p{i}b", "text": b}, ensure_ascii=False) + "\n")
            for (i, family), (text, _) in edits.items():
                record = {"id": f"p{i}{family}", "text": text}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
        corpus = newsassert.load(path)

        def flagged(i: int, which: str) -> bool:
            claims = corpus.query(f'claim where article = "p{i}{which}"')
            return not claims.supported_by(corpus.query(f'claim where article = "p{i}a"'))

        kept = 0
        for i in range(len(faithful)):
            if flagged(i, "b"):
                continue  # a false alarm already: an edit of it measures nothing
            kept += 1
            for family in FAMILIES:
                if (i, family) not in edits:
                    continue
                found = flagged(i, family)
                counts[family][0] += found
                counts[family][1] += 1
                if not found and shown < show:
                    shown += 1
                    text, change = edits[i, family]
                    _old, new = change.split(" -> ")
                    at = text.find(new)
                    near = text[max(0, at - 60) : at + len(new) + 40].replace("\n", " ")
                    print(f"--- {name} pair {i}, {family} edit not found: {change}: …{near}…")
    counts["(faithful kept)"] = [kept, len(faithful)]
    return {family: (h, n) for family, (h, n) in counts.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder")
    parser.add_argument("--sets", nargs="+", choices=list(SETS), default=list(SETS))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print N edits that were not found")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"perturb: {args.data}: no such data folder (--data)", file=sys.stderr)
        return 2
    results = {n: measure(n, SETS[n](args.data), args.seed, args.show) for n in args.sets}
    families = ["(faithful kept)", *FAMILIES]
    print("edits of faithful texts found by supported_by (found / edited)\n")
    print("| set | " + " | ".join(families) + " |")
    print("|---|" + "---:|" * len(families))
    for name, counts in results.items():
        cells = []
        for family in families:
            h, n = counts.get(family, (0, 0))
            cells.append(f"{100 * h / n:.1f} % of {n}" if n else "–")
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
