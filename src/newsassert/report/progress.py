"""A progress bar on stderr, for runs long enough to need one.

Parsing a few hundred articles takes seconds; below that a bar would only
flicker, so it shows only when there are more than :data:`THRESHOLD` items, and
only on a terminal: a log file or a CI job gets no carriage returns. ``enabled``
is the caller's switch (``--quiet`` turns it off). The loader and the ``check``
command use it as::

    with progress(len(paths), label="parsing", enabled=not quiet) as bar:
        for path in paths:
            ...
            bar.advance()

or wrap an iterable with :func:`track`. The bar redraws at most ten times a
second and erases itself when done, so what the command prints next starts
on a clean line.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TextIO, TypeVar

__all__ = ["THRESHOLD", "Progress", "progress", "shows_progress", "track"]

T = TypeVar("T")

# More items than this, and a run is long enough for a bar.
THRESHOLD = 300
# Seconds between two redraws.
REDRAW_EVERY = 0.1
_BAR_WIDTH = (10, 40)


def shows_progress(total: int, *, enabled: bool = True, stream: TextIO | None = None) -> bool:
    """Whether a bar for ``total`` items would be drawn on ``stream`` (stderr by default)."""
    stream = sys.stderr if stream is None else stream
    if not enabled or total <= THRESHOLD or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or stream-like object without a terminal
        return False


class Progress:
    """A bar counting ``done`` of ``total`` items; a no-op when it is not shown."""

    def __init__(
        self,
        total: int,
        *,
        label: str = "parsing",
        unit: str = "articles",
        enabled: bool = True,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = max(0, total)
        self.done = 0
        self.label = label
        self.unit = unit
        self._stream = sys.stderr if stream is None else stream
        self.shown = shows_progress(self.total, enabled=enabled, stream=self._stream)
        self._clock = clock
        self._started = clock()
        self._drawn_at: float | None = None
        self._width = 0

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more items done, and redraw if it is time to."""
        self.done = min(self.total, self.done + n)
        if not self.shown:
            return
        now = self._clock()
        if (
            self._drawn_at is None
            or now - self._drawn_at >= REDRAW_EVERY
            or self.done == self.total
        ):
            self._draw(now)

    def close(self) -> None:
        """Erase the bar (a no-op when nothing was drawn)."""
        if self.shown and self._drawn_at is not None:
            self._write("\r" + " " * self._width + "\r")
            self._drawn_at = None

    def line(self, now: float | None = None) -> str:
        """The bar as text: ``parsing  [#######-------]  412/1000 articles  41%  0:03 left``."""
        now = self._clock() if now is None else now
        columns = _columns(self._stream)
        fraction = self.done / self.total if self.total else 1.0
        count = f"{self.done}/{self.total} {self.unit}"
        percent = f"{int(fraction * 100):3d}%"
        elapsed = now - self._started
        left = ""
        if 0 < self.done < self.total and elapsed > 0:
            left = f"  {_clock_time(elapsed * (self.total - self.done) / self.done)} left"
        fixed = len(self.label) + len(count) + len(percent) + len(left) + 10
        width = max(_BAR_WIDTH[0], min(_BAR_WIDTH[1], columns - fixed - 1))
        filled = int(fraction * width)
        bar = "#" * filled + "-" * (width - filled)
        return f"{self.label}  [{bar}]  {count}  {percent}{left}"[: max(1, columns - 1)]

    def _draw(self, now: float) -> None:
        text = self.line(now)
        padding = " " * max(0, self._width - len(text))
        self._width = max(self._width, len(text))
        self._write("\r" + text + padding)
        self._drawn_at = now

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # the terminal went away: stop drawing
            self.shown = False


@contextlib.contextmanager
def progress(
    total: int,
    *,
    label: str = "parsing",
    unit: str = "articles",
    enabled: bool = True,
    stream: TextIO | None = None,
) -> Iterator[Progress]:
    """A :class:`Progress` for ``total`` items, erased when the block ends."""
    bar = Progress(total, label=label, unit=unit, enabled=enabled, stream=stream)
    try:
        yield bar
    finally:
        bar.close()


def track(
    items: Iterable[T],
    total: int | None = None,
    *,
    label: str = "parsing",
    unit: str = "articles",
    enabled: bool = True,
    stream: TextIO | None = None,
) -> Iterator[T]:
    """Yield ``items``, advancing a bar after each (``total`` defaults to ``len(items)``)."""
    if total is None:
        total = len(items) if isinstance(items, Sized) else 0
    with progress(total, label=label, unit=unit, enabled=enabled, stream=stream) as bar:
        for item in items:
            yield item
            bar.advance()


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 80


def _clock_time(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
