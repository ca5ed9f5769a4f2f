"""Generate ``src/newsassert/data/english_words.json``: which English words are common words, and
which are surnames.

Lower-cased text (many summarizers and data sets lower-case their output)
gives no capitals to tell ``natalia moon`` (a person) from ``natalia moved``;
the people reader decides with this file:

* ``common``: the one-word lemmas of WordNet 3.0 written in lower case in
  some synset (not only as a proper name: "smith" the metalworker is, "Theresa"
  is not), and the irregular forms of WordNet's ``*.exc`` files (went,
  children). A given name that is one of them (will, mark, grant) starts a
  lower-case name only before a word that is not.
* ``surnames``: the English last names of Faker (``en_US`` and ``en_GB``, MIT),
  in lower case: after a given name such a word is a surname though it is a
  common word too (moon, brown, king).

Nothing is downloaded: WordNet's database files are Debian's ``wordnet-base``
package (``/usr/share/wordnet``), Faker is on PyPI::

    python scripts/gen_english_words.py                  # rewrite the data file
    python scripts/gen_english_words.py --wordnet DIR    # database files elsewhere
    python scripts/gen_english_words.py --check          # exit 1 when out of date
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newsassert" / "data" / "english_words.json"
DEFAULT_WORDNET = Path("/usr/share/wordnet")
POS = ("noun", "verb", "adj", "adv")


def _lower_case_words(path: Path) -> set[str]:
    """The one-word lemmas some synset of a ``data.*`` file writes in lower case."""
    found: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence at the head of the file
            fields = line.split(" | ", 1)[0].split()
            for i in range(int(fields[3], 16)):
                word = fields[4 + 2 * i].split("(")[0]
                if word.isalpha() and word.islower():
                    found.add(word)
    return found


def _exceptions(path: Path) -> set[str]:
    found: set[str] = set()
    with path.open(encoding="utf-8", errors="replace") as f:
        for line in f:
            form = line.split()[0] if line.strip() else ""
            if form.isalpha():
                found.add(form)
    return found


def common_words(wordnet: Path) -> list[str]:
    words: set[str] = set()
    for pos in POS:
        words |= _lower_case_words(wordnet / f"data.{pos}")
        words |= _exceptions(wordnet / f"{pos}.exc")
    return sorted(words)


def surnames() -> list[str]:
    from faker.providers.person.en_GB import Provider as British
    from faker.providers.person.en_US import Provider as American

    names = {*American.last_names, *British.last_names}
    return sorted({n.casefold() for n in names if n.isalpha()})


def generate(wordnet: Path) -> str:
    data = {
        "source": "WordNet 3.0 (Princeton University; data.*, index.*, *.exc), Faker "
        "(en_US and en_GB last names); scripts/gen_english_words.py",
        "licence": "WordNet 3.0 licence (use, copy, modify and distribute with its notice); "
        "MIT (Faker)",
        "common": common_words(wordnet),
        "surnames": surnames(),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    if not (args.wordnet / "data.verb").is_file():
        print(
            f"no WordNet database in {args.wordnet} (install the wordnet-base package)",
            file=sys.stderr,
        )
        return 2
    text = generate(args.wordnet)
    if args.check:
        same = OUT.is_file() and OUT.read_text("utf-8") == text
        print(f"{OUT.name} is {'up to date' if same else 'out of date'}")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"{len(data['common'])} common words, {len(data['surnames'])} surnames -> {OUT.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
