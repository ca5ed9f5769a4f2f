"""A reference dump of newsassert's output, to compare before and after a change.

A change to how extraction is wired (not to what it reads) must leave every
claim and every verdict as it was, byte for byte. This writes, into one folder:

- the claims (``newsassert extract --no-cache -j 1``) of the seeds, of a
  generated corpus (``make_corpus.py``) and of any development data given
  with ``--data`` (the texts of FRANK and SummEdits JSON Lines records, and
  both headlines of the ANS stance CSV files);
- the check results of the seeds (text and JSON) and of the generated corpus
  (JSON), and the seeds' ``explain``.

Run it on the code before and after, then compare the two folders::

    python benchmarks/claims_dump.py /tmp/before --data ../data
    # ... change ...
    python benchmarks/claims_dump.py /tmp/after --data ../data
    diff -r /tmp/before /tmp/after && echo identical

Set ``PYTHONHASHSEED`` to the same value on both runs (the output should not
depend on it, and this is how one finds out when it does).
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _newsassert(*args: str, out: Path) -> None:
    """Run the command line in ``out``'s folder; its output and exit code go to ``out``.

    Paths are given relative to that folder, so that two dumps made from two
    checkouts name the same files.
    """
    done = subprocess.run(
        [sys.executable, "-m", "newsassert", *args, "--color", "never"],
        capture_output=True,
        check=False,
        cwd=out.parent,
    )
    out.write_bytes(done.stdout)
    out.with_suffix(out.suffix + ".exit").write_text(f"{done.returncode}\n{done.stderr.decode()}")
    if done.returncode >= 2:
        sys.exit(f"newsassert {' '.join(args)} failed ({done.returncode}):\n{done.stderr.decode()}")


def _write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _data_records(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Articles from the development data: one record a distinct text."""
    sets: dict[str, list[dict[str, str]]] = {}
    english: list[dict[str, str]] = []
    seen: set[str] = set()

    def add(into: list[dict[str, str]], prefix: str, text: str | None) -> None:
        if text and text not in seen:
            seen.add(text)
            into.append({"id": f"{prefix}{len(into):05d}", "text": text})

    for name in ("frank-val.jsonl", "summedits-news-eval.jsonl"):
        path = folder / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                for field in ("article", "summary", "doc"):
                    add(english, "en", record.get(field))
    if english:
        sets["english"] = english
    arabic: list[dict[str, str]] = []
    for name in ("ans-stance-dev.csv", "ans-stance-train.csv"):
        path = folder / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    add(arabic, "ar", row["s1"])
                    add(arabic, "ar", row["s2"])
    if arabic:
        sets["arabic"] = arabic
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the folder to write (created)")
    parser.add_argument("--data", type=Path, help="the development data folder (optional)")
    parser.add_argument("--articles", type=int, default=300, help="generated articles (300)")
    args = parser.parse_args(argv)
    out: Path = args.out.resolve()
    inputs = out / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "seeds", inputs / "seeds", dirs_exist_ok=True)
    # The check file names its corpus as "../../seeds".
    (inputs / "tests" / "example").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "tests" / "example" / "seeds.checks.toml", inputs / "tests" / "example")
    seeds = Path("inputs/seeds")
    checks = Path("inputs/tests/example/seeds.checks.toml")
    generated = inputs / "generated.jsonl"
    make = [sys.executable, str(HERE / "make_corpus.py"), "--articles", str(args.articles)]
    if args.data is not None:
        make += ["--data", str(args.data)]
    subprocess.run([*make, "--out", str(generated)], check=True, capture_output=True)
    corpora = {"seeds": seeds, "generated": Path("inputs/generated.jsonl")}
    if args.data is not None:
        for name, records in _data_records(args.data).items():
            _write_jsonl(inputs / f"{name}.jsonl", records)
            corpora[name] = Path("inputs") / f"{name}.jsonl"
    for name, path in corpora.items():
        _newsassert(
            "extract", "--no-cache", "-j", "1", "-q", str(path), out=out / f"{name}.claims.jsonl"
        )
    def check(*args: str, to: Path) -> None:
        _newsassert("check", "--no-cache", "-j", "1", *args, "--checks", str(checks), out=to)

    check(str(seeds), to=out / "seeds.check.txt")
    check("--format", "json", str(seeds), "--report", "seeds.report.html", to=out / "seeds.check.json")
    check("--format", "json", "inputs/generated.jsonl", to=out / "generated.check.json")
    _newsassert("explain", "--no-cache", "-q", str(seeds), out=out / "seeds.explain.txt")
    sizes = {p.name: p.stat().st_size for p in sorted(out.glob("*")) if p.is_file()}
    print(json.dumps(sizes, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
