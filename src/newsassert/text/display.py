"""How text shows in a terminal: right-to-left letters, and the columns a text takes."""

from __future__ import annotations

import regex

__all__ = ["has_rtl", "pad", "text_width"]

# Letters of right-to-left scripts (Arabic, Hebrew, Syriac, Thaana, N'Ko …).
_RTL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")

def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a letter of a right-to-left script."""
    return _RTL.search(text) is not None


# Characters a terminal draws in no column (marks, format characters) and in two.
_ZERO_WIDTH = regex.compile(r"[\p{Mn}\p{Me}\p{Cf}]")
_DOUBLE_WIDTH = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")


def text_width(text: str) -> int:
    """Columns ``text`` takes in a terminal (wide characters 2, combining marks 0)."""
    if text.isascii():
        return len(text)
    # Two regex scans, not a Python loop per character: reports of large
    # corpora measure every quoted sentence.
    return len(text) - len(_ZERO_WIDTH.findall(text)) + len(_DOUBLE_WIDTH.findall(text))


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))
