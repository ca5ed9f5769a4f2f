"""What the date readers share: the found date, the lookup key, small helpers."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

import attrs

from newsassert.text.normalize import key
from newsassert.text.patterns import trie_pattern

__all__ = ["FoundDate", "found", "k", "shift_month", "trie"]


@attrs.frozen
class FoundDate:
    """A date found in a text, as complete as the text (and publication date) give it.

    ``start`` and ``end`` are offsets into the text given to
    :func:`~newsassert.extract.dates.find_dates`. ``resolved`` is set when
    year, month and day are all known. ``low`` and ``high`` bound a date that
    is an interval of days (a range, a Hijri month, both readings of an
    English 09/11/2001): its first and last day as ISO text (``YYYY-MM-DD``,
    ``YYYY-MM``, ``YYYY``, or ``--MM-DD`` when the year is not known); the
    other fields then hold only what both ends share.
    """

    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    resolved: dt.date | None = None
    relative: bool = False
    low: str | None = None
    high: str | None = None


def _date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def found(
    start: int, end: int, year: int | None, month: int | None, day: int | None, relative: bool
) -> FoundDate:
    """A found date, resolved when its three fields make a calendar day."""
    return FoundDate(start, end, year, month, day, _date(year, month, day), relative)


@functools.lru_cache(maxsize=4096)
def k(text: str) -> str:
    """The lookup key of a word or phrase (spaces collapsed)."""
    return " ".join(key(text).split())


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """The year and month ``by`` months after ``year``-``month``."""
    y, m = divmod(year * 12 + month - 1 + by, 12)
    return y, m + 1


def _space_or_literal(ch: str) -> str:
    # Phrases stay on one line: a space matches spaces and tabs only.
    return r"[ \t]+" if ch == " " else re.escape(ch)


def trie(words: Iterable[str]) -> str:
    """A regex alternation of key-form ``words`` factored as a trie; a space matches spaces."""
    return trie_pattern(words, _space_or_literal)
