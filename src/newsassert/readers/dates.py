"""Extract dates: calendar dates, months, years, weekdays and relative days.

One combined regular expression, built once at import from the month and
weekday names of CLDR (``data/months.json``) and the date vocabulary of
``data/date_words.json``, scans the matching form of the text (see
:mod:`newsassert.normalize`) with its diacritics removed. Arabic words are
matched through the lossy key: each letter of a word's key becomes the class
of letters that fold to it, so أيار finds ايار and الماضى finds الماضي.

Each match is then read by one of a few small functions (a numeric date, a
day and month, a month, a weekday, a relative day, a year) that check the
context (is ``مارس`` the month or the verb "he practised"? is ``الأحد``
Sunday or "the One"?) and resolve what the publication date lets them:

* a weekday refers to the most recent such day on or before publication
  (``اليوم السبت`` is the publication day when that is a Saturday); with
  الماضي / "last" to the most recent one strictly before it, with المقبل /
  "next" to the first one strictly after it;
* أمس / "yesterday", اليوم / "today", غدا / "tomorrow" count days from it;
* a month marked الماضي (``17 أكتوبر الماضي``) is its last occurrence before
  the publication month, الجاري / الحالي the publication year, المقبل the next
  occurrence after it; ``من العام الماضي`` and "last year" shift the year;
* a day and month with a weekday but no year (``الأربعاء 24 يناير``) take the
  year, within one of publication, in which that day is that weekday;
* a day or month with none of these keeps ``year=None``: news often names
  a month without its year for events long past.

Anything resolved from the publication date is ``relative``.

Where it lives: the vocabulary and the combined pattern in
:mod:`newsassert.readers.date_pattern`; the small readers of a match in
:mod:`newsassert.readers.date_readers`; the phrases the pattern does not read (periods
counted from publication, Hijri dates) in :mod:`newsassert.readers.date_phrases`; the
dates computed rather than written (moving feasts, centuries, weeks) in
:mod:`newsassert.readers.date_feasts`; spans of days (the last three years,
halves, seasons, between two days) in :mod:`newsassert.readers.date_spans`; the scan of a text and the hook here.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

import attrs
import regex

from newsassert.lexicon import Lexicon, default_lexicon
from newsassert.readers.date_feasts import find_feasts
from newsassert.readers.date_pattern import (
    _HAS_ARABIC,
    _MARKS,
    _MARKS_AT,
    _PIECES,
    _fold,
    _number_gate,
    _pattern,
    _word_gate,
)
from newsassert.readers.date_phrases import SUPPRESSED, find_phrases
from newsassert.readers.date_readers import _Context, _counted, _next_word_in_clause, _read
from newsassert.readers.date_spans import find_spans
from newsassert.readers.dates_common import FoundDate
from newsassert.text.normalize import normalize
from newsassert.text.offsets import OffsetMap, removing

__all__ = ["FoundDate", "find_dates", "find_in_normalized"]


def _scan(ctx: _Context, start: int, end: int) -> list[FoundDate]:
    """The dates of ``ctx.text[start:end]``: the calendar pattern's and the phrases'.

    Where the two overlap the longer wins (``الثلاثاء 9`` over ``الثلاثاء``),
    the calendar pattern's on a tie.
    """
    calendar = list(_scan_calendar(ctx, start, end))
    text = ctx.text
    phrases = list(
        find_phrases(
            text,
            start,
            end,
            ctx.published,
            lambda at: _HAS_ARABIC.search(text, max(0, at - 80), at + 80) is not None,
            lambda at: _month_after().match(text, at) is not None,
            lambda at: _counted(_next_word_in_clause(text, at), ctx),
            ctx.month_first,
        )
    )
    phrases.extend(find_feasts(text, start, end, ctx.published))
    phrases.extend(find_spans(text, start, end, ctx.published, ctx.cased))
    if not phrases:
        return calendar
    out: list[FoundDate] = []
    for f in sorted([*calendar, *phrases], key=lambda f: (f.start, -(f.end - f.start))):
        if out and f.start < out[-1].end:
            if f.end - f.start > out[-1].end - out[-1].start:
                out[-1] = f
            continue
        out.append(f)
    # A phrase of no value we can give holds its span and makes no claim.
    return [f for f in out if f.low != SUPPRESSED]


@functools.cache
def _month_after() -> regex.Pattern[str]:
    """A month name right after a number (``7/8 أغسطس``): the calendar pattern's date."""
    return regex.compile(r"[^\S\n]*(?:" + _PIECES["MONTH"] + ")" + _PIECES["E"])


def _scan_calendar(ctx: _Context, start: int, end: int) -> Iterator[FoundDate]:
    """The dates of ``ctx.text[start:end]``, in offsets of that (folded) text.

    ``start`` is 0 or follows a line break: nothing before it can change a
    match (see :func:`_article_dates`).
    """
    text, at = ctx.text, start
    pattern = _pattern()
    # The next word and the next number that can begin a date, each searched
    # again only once the scan has passed it.
    word = _word_gate(text, at, end)
    number = _number_gate(text, at, end)
    while True:
        if word is not None and word[0] < at:
            word = _word_gate(text, at, end)
        if number < at:
            number = _number_gate(text, at, end)
        if word is not None and word[0] < number:
            gate_start, gate_end = word
        elif number < end:
            gate_start, gate_end = number, number + 1
        else:
            return
        m = pattern.match(text, gate_start, end)
        found = _read(m, ctx) if m is not None and m.end() > m.start() else []
        if found is None and m is not None:
            at = m.end()
            continue
        if not found:
            # A match ruled out (الأسبوع الأول من يناير) must not hide the dates
            # inside it (يناير): go on after its first word only.
            at = gate_end
            continue
        yield from found
        at = m.end() if m is not None else gate_end


@attrs.frozen
class _Prepared:
    """A text in the matching form made ready for the date pattern.

    ``stripped`` is ``text`` without combining marks, ``bare`` the same with
    its map back to ``text``, and ``ctx`` holds it folded, with the publication date and lexicon. Only when
    it was ``lowered`` is a paragraph of the folded text the paragraph folded
    alone (the fallback folds a whole text at once).
    """

    text: str
    stripped: str
    bare: OffsetMap
    ctx: _Context
    lowered: bool  # folded by str.lower(), one character at a time

    @classmethod
    def of(
        cls,
        text: str,
        published: dt.date | None,
        lexicon: Lexicon | None,
        month_first: bool | None = None,
    ) -> _Prepared:
        bare = removing(OffsetMap, text, _MARKS)
        stripped = bare.text
        folded, lowered = _fold(stripped)
        lexicon = lexicon if lexicon is not None else default_lexicon()
        ctx = _Context(folded, stripped, published, lexicon, month_first)
        return cls(text, stripped, bare, ctx, lowered)

    def stripped_offset(self, index: int) -> int:
        """The offset in ``stripped`` of ``text[index]`` (of the next letter when it is a mark)."""
        return self.bare.from_source(index)

    def dates(self, start: int, end: int) -> list[FoundDate]:
        """The dates of ``text[start:end]``, with offsets into ``text``.

        ``start`` is 0 or follows a line break, and ``end`` is the end of the
        text or follows one: the date pattern and the words it looks at never
        cross a line break, so a paragraph is read here as it would be alone.
        """
        stripped, bare = self.stripped, self.bare
        plain = len(stripped) == len(self.text)  # no mark was dropped
        out: list[FoundDate] = []
        for f in _scan(self.ctx, self.stripped_offset(start), self.stripped_offset(end)):
            first, last = f.start, f.end
            if stripped[last - 1] == "." and last - 1 > first:
                last -= 1  # a sentence's full stop after "May." is not the date's
            if not plain:  # back to offsets with the marks
                first = bare.source_offset(first)
                last = bare.source_offset(last - 1) + 1
                # the marks on the last letter (غداً)
                last = _MARKS_AT.match(self.text, last, end).end()
            if (first, last) != (f.start, f.end):
                f = attrs.evolve(f, start=first, end=last)
            out.append(f)
        return out


def find_in_normalized(
    text: str,
    *,
    published: dt.date | None = None,
    lexicon: Lexicon | None = None,
    month_first: bool | None = None,
) -> list[FoundDate]:
    """:func:`find_dates` on a text already in the matching form (offsets into it).

    For callers that hold a :class:`~newsassert.normalize.Normalized` already
    (an article's ``normalized``): normalization is then not paid twice.
    """
    return _Prepared.of(text, published, lexicon, month_first).dates(0, len(text))


def find_dates(
    text: str,
    *,
    published: dt.date | None = None,
    lexicon: Lexicon | None = None,
    month_first: bool | None = None,
) -> list[FoundDate]:
    """The dates in ``text``, in order, with offsets into ``text`` itself.

    ``published`` resolves weekdays (``الخميس الماضي``, "last Thursday"),
    relative days (``أمس``, "yesterday") and months marked الماضي / الجاري;
    without it those dates are found but left unresolved (``relative`` is
    still true for them). ``lexicon`` (default: the default lexicon) tells
    counted nouns, so that ``في 2000 موقع`` is not the year 2000.
    ``month_first`` is the order of numeric dates in English text when the
    outlet's is known (``09/11/2001``: True September, False November); by
    default a date whose two readings are both dates is their interval.
    """
    normalized = normalize(text)
    out = []
    found = find_in_normalized(
        normalized.text, published=published, lexicon=lexicon, month_first=month_first
    )
    for f in found:
        start, end = normalized.to_original(f.start, f.end)
        out.append(attrs.evolve(f, start=start, end=end))
    return out
