"""Metadata: the title, outlet and publication date an article's text gives.

The segmenter (:mod:`newsassert.segment`) marks the lines that carry metadata
(``reason`` ``"outlet"``, ``"date-line"``, ``"title"`` …); this module reads
their values:

* the **outlet** from a ``المصدر: X`` / ``Source: X`` line, else from a lone
  outlet-name line (a known outlet first, then one in the header);
* the **publication date** from the date lines. A scraped page often carries
  two: the page's own date at the top and the article's dateline below the
  title. When the body says which weekday it was written on (``اليوم السبت``,
  "today, Saturday"), the candidate falling on that weekday wins; otherwise a
  labelled date (``تاريخ النشر:``) wins, then the first date after the title.
  The dates not chosen are kept as ``other_dates``.

Dates are read with the date reader's :func:`newsassert.readers.dates.find_dates`
(``27-1-2024``, ``27th, January 2024``, ``الجمعة 3 مايو 2024``).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Sequence

import attrs
import regex

from newsassert.model import Segment
from newsassert.readers.dates import FoundDate, find_dates
from newsassert.text.data import read_data
from newsassert.text.normalize import key
from newsassert.text.patterns import alternation

__all__ = ["Metadata", "dates_in", "find_metadata", "is_date_line", "label_value"]


@attrs.frozen
class Metadata:
    """What the text says about itself: title, outlet, publication date, other dates."""

    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    other_dates: tuple[dt.date, ...] = ()


# ---------------------------------------------------------------------------
# Vocabulary (data/metadata.toml and data/segment.toml), keyed once.
# ---------------------------------------------------------------------------


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _alternation(forms: Sequence[str]) -> str:
    return alternation(key(f) for f in forms)


_LABELS = read_data("segment.toml")
_KNOWN_OUTLETS = frozenset(_spaced(key(name)) for name in _LABELS["outlets"])
# Weekday names (CLDR, through the date extractor's data) and the words that
# make one the day of writing: "اليوم السبت", "today, Saturday".
_WEEKDAY_NUMBERS = {
    key(entry["name"]): int(entry["weekday"]) for entry in read_data("months.json")["weekdays"]
}
_TODAY_WORDS = [
    w
    for words in read_data("date_words.json")["days_from_publication"]["0"].values()
    for w in words
]
_TODAY_WEEKDAY = regex.compile(
    rf"""
    (?<!\p{{L}}) (?:{_alternation(_TODAY_WORDS)}) \s*+ [،,(]? \s*+
    (?P<w>{_alternation(list(_WEEKDAY_NUMBERS))}) (?!\p{{L}})
    """,
    regex.VERBOSE | regex.IGNORECASE,
)

_SOURCE_LABEL = regex.compile(
    rf"^\s*(?:{_alternation(_LABELS['source'])})\s*[:：\-–—]\s*", regex.IGNORECASE
)
_PUBLISHED_LABEL = regex.compile(
    rf"^\s*(?:{_alternation(_LABELS['published'])})\s*[:：\-–—]", regex.IGNORECASE
)
_START = FoundDate(start=0, end=0)
_END = FoundDate(start=sys.maxsize, end=sys.maxsize)
_TRIM = regex.compile(r"^[\s\p{P}\p{Cf}]+|[\s\p{P}\p{Cf}]+$")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_NUMBER = regex.compile(r"\p{N}")


def dates_in(text: str) -> list[dt.date]:
    """The complete calendar dates (day, month and year) written in ``text``."""
    return [d.resolved for d in find_dates(text) if d.resolved is not None and not d.relative]


def is_date_line(line: str) -> bool:
    """Whether a short line is a dateline: a complete date and little else.

    The words left once the dates are taken out (a weekday, a section name, a
    time, a label such as ``تاريخ النشر``) must be few.
    """
    if not _NUMBER.search(line):
        # A complete date that is not relative states its year in figures:
        # a line without any (in any script, as compatibility forms too) is
        # no dateline, and most lines are not; the date pattern is not run.
        return False
    found = [d for d in find_dates(line) if d.resolved is not None and not d.relative]
    if not found:
        return False
    rest = "".join(
        line[a.end : b.start] for a, b in zip([_START, *found], [*found, _END], strict=True)
    )
    # Figures beside a date are a time (15:13); words are labels (تاريخ النشر,
    # "Last updated", GMT). Five words are a sentence, not a label: "ارتفعت
    # أسعار النفط في العراق" before a date is a one-line report, not a dateline.
    words = _WORD.findall(rest)
    return len(words) <= 5 and sum(1 for w in words if not _NUMBER.search(w)) <= 4


def label_value(line: str) -> str | None:
    """The outlet named by a ``المصدر: X`` / ``Source: X`` line, else None."""
    match = _SOURCE_LABEL.match(key(line[:40]))
    if match is None:
        return None
    # The label's length in the key may differ from the original (marks are
    # dropped): cut the original at the separator instead.
    separator = regex.search(r"[:：\-–—]", line)
    value = _TRIM.sub("", line[separator.end() :] if separator else "")
    return value or None


def _weekday_of_writing(text: str, body: Sequence[Segment]) -> int | None:
    for segment in body:
        match = _TODAY_WEEKDAY.search(key(segment.text_of(text)))
        if match is not None:
            return _WEEKDAY_NUMBERS.get(match.group("w"))
    return None


def find_metadata(text: str, segments: Sequence[Segment]) -> Metadata:
    """The title, outlet and publication date that the text of an article gives."""
    title: str | None = None
    labelled: list[str] = []
    known: list[str] = []
    lone: list[str] = []
    # (date, labelled as the publication date, after the title), in text order.
    candidates: list[tuple[dt.date, bool, bool]] = []
    for segment in segments:
        line = segment.text_of(text).strip()
        if segment.section == "title" and title is None:
            title = line
        elif segment.reason == "outlet":
            value = label_value(line)
            if value is not None:
                labelled.append(value)
            else:
                name = _TRIM.sub("", line)
                (known if _spaced(key(name)) in _KNOWN_OUTLETS else lone).append(name)
        elif segment.reason == "date-line":
            is_labelled = _PUBLISHED_LABEL.match(key(line[:40])) is not None
            candidates.extend((d, is_labelled, title is not None) for d in dates_in(line))
    outlet = next(iter(labelled or known or lone), None)
    published, others = _choose_date(candidates, text, segments)
    return Metadata(title=title, outlet=outlet, published=published, other_dates=others)


def _choose_date(
    candidates: list[tuple[dt.date, bool, bool]], text: str, segments: Sequence[Segment]
) -> tuple[dt.date | None, tuple[dt.date, ...]]:
    if not candidates:
        return None, ()
    pool = candidates
    if len({d for d, _, _ in candidates}) > 1:
        weekday = _weekday_of_writing(text, [s for s in segments if s.section == "body"])
        agreeing = [c for c in candidates if c[0].weekday() == weekday]
        if agreeing:
            pool = agreeing
    # A labelled date first, then one below the title, then the first written.
    best = min(range(len(pool)), key=lambda i: (not pool[i][1], not pool[i][2], i))
    published = pool[best][0]
    others = tuple(dict.fromkeys(d for d, _, _ in candidates if d != published))
    return published, others
