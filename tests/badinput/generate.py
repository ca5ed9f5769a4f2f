"""Generators of the big bad inputs, made at test time (never committed).

* :func:`write_big_article`: one article of N characters of real-looking news
  text (Arabic and English paragraphs with numbers, dates and names);
* :func:`write_tiny_files`: N one-line articles in a folder;
* :func:`long_line`: one line of N characters, no line break;
* :func:`every_category`: one character of every Unicode general category
  Python strings can hold (a lone surrogate too), around real claims;
* :func:`adversarial`: the strings that make a careless regex backtrack, by
  name, N characters long.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

PARAGRAPHS = (
    "قتل 30 جنديا في هجوم على قاعدة عين الأسد في العراق يوم الخميس 25 كانون الثاني 2024.",
    "وقال رئيس الوزراء العراقي محمد شياع السوداني إن نحو 2500 جندي أمريكي ما زالوا في البلاد.",
    "About 900 US troops remain in Syria, Pentagon press secretary Pat Ryder said on Friday.",
    "وأطلقت الفصائل أكثر من 150 صاروخا وطائرة مسيرة منذ 17 تشرين الأول/أكتوبر.",
    "The talks began on January 27, 2024, in Baghdad, with Ambassador Alina Romanowski present.",
)


def article_text(chars: int) -> str:
    """News-like text of exactly ``chars`` characters, paragraphs on their own lines."""
    block = "\n".join(PARAGRAPHS) + "\n"
    return (block * (chars // len(block) + 1))[:chars]


def write_big_article(path: Path, chars: int) -> Path:
    """Write one UTF-8 article of ``chars`` characters to ``path``."""
    with path.open("w", encoding="utf-8", newline="") as out:
        block = article_text(1 << 20)
        left = chars
        while left > 0:
            piece = block[: min(left, len(block))]
            out.write(piece)
            left -= len(piece)
    return path


def write_tiny_files(folder: Path, count: int) -> Path:
    """Write ``count`` one-line articles (``a000000.txt`` …) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    for i in range(count):
        fd = os.open(folder / f"a{i:06d}.txt", flags, 0o644)
        try:
            os.write(fd, f"قتل {i} جنديا.\n".encode())
        finally:
            os.close(fd)
    return folder


def long_line(chars: int) -> str:
    """One line of ``chars`` characters: sentences without any line break."""
    return article_text(chars).replace("\n", " ")


def every_category() -> str:
    """Text holding a character of every general category, between real claims.

    Cs (a lone surrogate) is included: Python strings can hold one, and the
    extractors must cope even though no file decodes to it.
    """
    seen: dict[str, str] = {}
    for cp in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(cp))
        if category not in seen:
            seen[category] = chr(cp)
        if len(seen) == 30:
            break
    extra = "\u202e\u202b\u2066\u2069\u200f\u061c\ufeff\u0378\U000e0080\ufdd0\uffff\x85\u2028"
    odd = "".join(seen[c] for c in sorted(seen)) + extra
    return (
        f"{PARAGRAPHS[0]}{odd}\n{odd}{PARAGRAPHS[2]}\n"
        f"عدد {odd}١٥٠{odd} صاروخا {odd}في{odd} العراق.\n{PARAGRAPHS[1]}"
    )


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _padded(head: str, tail: str) -> Callable[[int], str]:
    """``head``, a run of spaces, ``tail``: ``n`` characters in all."""
    return lambda n: head + " " * max(0, n - len(head) - len(tail)) + tail


# Each is a function of the length: the runs and repetitions that make a regex
# with nested or overlapping quantifiers backtrack.
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "ascii digits": _repeat("1234567890"),
    "arabic-indic digits": _repeat("١٢٣٤٥٦٧٨٩٠"),
    "digits with separators": _repeat("1,000,000.5 "[:-1] + ","),
    "arabic letters, no spaces": _repeat("جنودقتلفيالعراق"),
    "waw-joined number words": _repeat("وثلاثة"),
    "number words with spaces": _repeat("ثلاثة آلاف و "),
    "english number words": _repeat("thousand and "),
    "hedges": _repeat("نحو حوالي أكثر من "),
    "english hedges": _repeat("about more than nearly "),
    "capitalized words": _repeat("Ali Hassan Mohammed "),
    "arabic names": _repeat("محمد علي حسن "),
    "punctuation": _repeat(".,;:!?-()[]"),
    "periods and initials": _repeat("J. "),
    "nested quotes": lambda n: "«" * (n // 2) + "»" * (n - n // 2),
    "open quotes": _repeat('"«“'),
    "dates without end": _repeat("25 كانون الثاني "),
    "slashes and dashes": _repeat("1/2-3/4-"),
    "tatweel and marks": _repeat("ـًٌٍَُِّْ"),
    "bidi marks": _repeat("\u200f\u202b\u202c"),
    "spaces": _repeat(" "),
    "acronym run": _repeat("U.S."),
    "abbreviations": _repeat("Dr. Gen. No. "),
    "short lines": _repeat("a\n"),
    "blank lines": _repeat("\n"),
    "carriage returns": _repeat("\r"),
    "arabic sentences": _repeat("قتل. "),
    "question marks": _repeat("؟!"),
    # What the audit of issue 18 found quadratic (or worse), and their kin.
    "day lists": _repeat("1،"),
    "spaced day lists": _repeat("5 و "),
    "english day lists": _repeat("7th and "),
    "month and day before spaces": _padded("January 5", "x"),
    "weekday before spaces": _padded("الخميس", "،25 يناير"),
    "day before spaces": _padded("25", "، 2024"),
    "today before spaces": _padded("2024-01-05\n2024-01-06\nقال اليوم", "x"),
    "date prefixes": _repeat("2024-01-"),
    "slashed date prefixes": _repeat("2024/01/"),
    "hyphenated words": _repeat("al-Sudani-"),
    "repeated titles": _repeat("رئيس الوزراء "),
    "english titles": _repeat("Prime Minister "),
}


def adversarial(name: str, n: int) -> str:
    return ADVERSARIAL[name](n)
