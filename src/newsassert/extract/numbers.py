"""The number reader is :mod:`newsassert.readers.numbers`, below the stages that use it.

This module hands its names on for code that imports them from here.
"""

from newsassert.readers.numbers import (
    Folded,
    FoundNumber,
    find_numbers,
    fold,
    fold_word,
    is_number_word,
    parse_number,
    scan,
)

__all__ = [
    "Folded",
    "FoundNumber",
    "find_numbers",
    "fold",
    "fold_word",
    "is_number_word",
    "parse_number",
    "scan",
]
