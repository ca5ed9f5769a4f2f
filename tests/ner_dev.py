"""Typed precision and recall of person, organization and place mentions on ``corpus/entities/ner_ar.txt``.

    python tests/ner_dev.py          # P/R/F1 per type and overall, then the misses

A mention is right when its type and its span (the name without a proclitic)
are the gold ones exactly; a person mention is also right when it is a gold
person's span. Demonyms are never gold places.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import newsassert

CORPUS = Path(__file__).parent / "corpus" / "entities" / "ner_ar.txt"
_MARK = re.compile(r"\[(PER|ORG|LOC) ([^\]]+)\]")
TYPES = {"PER": "person", "ORG": "org", "LOC": "place"}

Span = tuple[str, int, int]


def read(path: Path = CORPUS) -> list[tuple[str, set[Span]]]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, gold, pos = [], set(), 0
        last = 0
        for m in _MARK.finditer(line):
            text.append(line[last : m.start()])
            pos += m.start() - last
            name = m.group(2)
            gold.add((TYPES[m.group(1)], pos, pos + len(name)))
            text.append(name)
            pos += len(name)
            last = m.end()
        text.append(line[last:])
        out.append(("".join(text), gold))
    return out


def predict(text: str) -> set[Span]:
    return {
        (c.type, c.start, c.end)  # type: ignore[attr-defined]
        for c in newsassert.extract(text, lang="ar")
        if c.kind == "mention" and c.type in TYPES.values()  # type: ignore[attr-defined]
    }


def score(cases: list[tuple[str, set[Span]]]) -> dict[str, tuple[float, float, float]]:
    tp: collections.Counter[str] = collections.Counter()
    fp: collections.Counter[str] = collections.Counter()
    fn: collections.Counter[str] = collections.Counter()
    for text, gold in cases:
        found = predict(text)
        for t, *_ in found & gold:
            tp[t] += 1
        for t, *_ in found - gold:
            fp[t] += 1
        for t, *_ in gold - found:
            fn[t] += 1
    out = {}
    for t in (*TYPES.values(), "all"):
        a = sum(tp.values()) if t == "all" else tp[t]
        b = sum(fp.values()) if t == "all" else fp[t]
        c = sum(fn.values()) if t == "all" else fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        out[t] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


def main() -> None:
    cases = read()
    for t, (p, r, f) in score(cases).items():
        print(f"{t:7} P={p:.3f} R={r:.3f} F1={f:.3f}")
    if "-v" in sys.argv:
        for text, gold in cases:
            found = predict(text)
            for kind, span in (("miss", gold - found), ("extra", found - gold)):
                for t, a, b in sorted(span, key=lambda s: s[1]):
                    print(f"{kind:5} {t:6} {text[a:b]!r:30} | {text}")


if __name__ == "__main__":
    main()
