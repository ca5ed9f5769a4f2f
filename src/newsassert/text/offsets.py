"""One offset map: a text made from another, and where each of its characters came from.

The matching form (:mod:`newsassert.text.normalize`: characters removed, or one
become several), the readers' fold (:mod:`newsassert.text.folded`: marks
dropped) and the date reader's text without marks are each such a text, and
each keeps an :class:`OffsetMap` back to the text it was made from.

The map is piecewise linear: at offset ``_at[k]`` of the made text it restarts
at offset ``_source_at[k]`` of the source; ``_step[k]`` is 1 for a run of
characters that map one to one and 0 for the characters an expansion made
from one source character. It records a breakpoint only where a character was
removed or became several, so a text without such characters has one piece and
costs nothing to map.

Two ends, for two uses: :meth:`OffsetMap.to_source` maps a span to the exact
source characters it was made from (a mark after its last letter is not in
it); :meth:`OffsetMap.span` maps the end as an offset, so a span keeps the
marks of its last letter.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Protocol, TypeVar

import attrs

__all__ = ["OffsetMap", "removing"]


class _Match(Protocol):
    def start(self) -> int: ...

    def end(self) -> int: ...


class _Pattern(Protocol):
    def search(self, string: str, /) -> object | None: ...

    def finditer(self, string: str, /) -> Iterator[_Match]: ...


@attrs.frozen
class OffsetMap:
    """A text made from ``source``, and the map from its offsets back to the source's."""

    text: str
    source: str = attrs.field(repr=False)
    _at: tuple[int, ...] = attrs.field(repr=False, default=(0,))
    _source_at: tuple[int, ...] = attrs.field(repr=False, default=(0,))
    _step: tuple[int, ...] = attrs.field(repr=False, default=(1,))

    def source_offset(self, index: int) -> int:
        """The source offset of the character at ``index`` (of the source's end past the text).

        Characters removed just before ``index`` belong to the character before
        it: an end mapped this way keeps them.
        """
        if index >= len(self.text):
            return len(self.source)
        k = bisect.bisect_right(self._at, index) - 1
        return self._source_at[k] + (index - self._at[k]) * self._step[k]

    def from_source(self, offset: int) -> int:
        """The first index of the text whose source offset is ``offset`` or after.

        The inverse of :meth:`source_offset` for paragraph bounds and other
        source offsets: one bisection over the breakpoints, not over the text.
        """
        if offset <= 0:
            return 0
        k = bisect.bisect_right(self._source_at, offset) - 1
        run_end = self._at[k + 1] if k + 1 < len(self._at) else len(self.text)
        if self._step[k] == 0:  # characters an expansion produced, all at _source_at[k]
            return self._at[k] if self._source_at[k] == offset else run_end
        return min(self._at[k] + offset - self._source_at[k], run_end)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """A span of the text as the exact span of the source characters it was made from."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside 0..{len(self.text)}")
        if start == end:
            at = self.source_offset(start)
            return at, at
        return self.source_offset(start), self.source_offset(end - 1) + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the text as a span of the source, its end keeping what was removed before it."""
        return self.source_offset(start), self.source_offset(
            end
        ) if end > start else self.source_offset(start)


_Map = TypeVar("_Map", bound=OffsetMap)


def removing(cls: type[_Map], text: str, pattern: _Pattern, source: str | None = None) -> _Map:
    """``text`` without what ``pattern`` matches, as a ``cls`` mapped back to ``source``.

    ``source`` (default ``text``) is what the map leads back to: ``text`` itself,
    or a text of the same length (letters replaced one for one, say).
    """
    source = text if source is None else source
    if pattern.search(text) is None:
        return cls(text, source)
    at = [0]  # offset in the new text where a run starts
    source_at = [0]  # its offset in the source
    pieces: list[str] = []
    last = 0
    n = 0
    for match in pattern.finditer(text):
        pieces.append(text[last : match.start()])
        n += match.start() - last
        last = match.end()
        at.append(n)
        source_at.append(last)
    pieces.append(text[last:])
    return cls("".join(pieces), source, tuple(at), tuple(source_at), (1,) * len(at))
