"""Write tests/data/encodings/: one Arabic seed passage in each encoding the loader reads.

The passage is the title and first two body paragraphs of seed 003 (plain
Arabic letters, Arabic comma and full stop, ASCII quotes: every character of it
exists in all five encodings). Run from the repository root:

    python scripts/make_encoding_fixtures.py
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "003_c8c07972d2a5d857.txt"
OUT = ROOT / "tests" / "data" / "encodings"

ENCODINGS = {
    "utf8": ("utf-8", b""),
    "utf8_bom": ("utf-8", b"\xef\xbb\xbf"),
    "utf16_bom": ("utf-16-le", b"\xff\xfe"),
    "utf16be_bom": ("utf-16-be", b"\xfe\xff"),
    "cp1256": ("cp1256", b""),
    "iso8859_6": ("iso8859_6", b""),
}


def passage() -> str:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return "\n".join([lines[0], "", lines[2], lines[5]]) + "\n"


def main() -> None:
    text = passage()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "expected.txt").write_text(text, encoding="utf-8")
    for name, (encoding, bom) in ENCODINGS.items():
        (OUT / f"{name}.txt").write_bytes(bom + text.encode(encoding))
    # UTF-8 with one damaged byte in the middle of a word: must be an error.
    data = text.encode("utf-8")
    at = data.index("الثنائي".encode()) + 1
    (OUT / "broken_utf8.txt").write_bytes(data[:at] + b"\xff" + data[at + 1 :])


if __name__ == "__main__":
    main()
