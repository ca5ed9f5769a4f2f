"""The progress bar: drawn only on a terminal, for long runs, and erased when done."""

from __future__ import annotations

import io

import pytest

from newsassert.report.progress import THRESHOLD, Progress, progress, shows_progress, track


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def _term(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")


def test_drawn_on_a_terminal_for_a_long_run_and_erased() -> None:
    stream = Terminal()
    with progress(1000, stream=stream) as bar:
        assert bar.shown
        for _ in range(1000):
            bar.advance()
        drawn = stream.getvalue()
    assert "1000/1000 articles" in drawn
    assert "100%" in drawn
    assert "[" + "#" * 10 in drawn
    # Erased: the last thing written is a carriage return after blanks.
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().rsplit("\r", 2)[-2].strip() == ""


@pytest.mark.parametrize(
    ("total", "enabled", "stream"),
    [
        (1000, True, io.StringIO()),  # not a terminal (a pipe, a log file, CI)
        (1000, False, Terminal()),  # --quiet
        (THRESHOLD, True, Terminal()),  # short run
    ],
)
def test_silent_when_not_wanted(total: int, enabled: bool, stream: io.StringIO) -> None:
    assert not shows_progress(total, enabled=enabled, stream=stream)
    with progress(total, enabled=enabled, stream=stream) as bar:
        for _ in range(total):
            bar.advance()
    assert stream.getvalue() == ""


def test_silent_on_a_dumb_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "dumb")
    assert not shows_progress(1000, stream=Terminal())


def test_redraws_at_most_ten_times_a_second() -> None:
    stream, clock = Terminal(), Clock()
    bar = Progress(1000, stream=stream, clock=clock)
    for _ in range(999):
        bar.advance()  # no time passes: only the first draw
    assert stream.getvalue().count("\r") == 1
    clock.now = 0.5
    bar.advance()  # the last item is always drawn
    assert stream.getvalue().count("\r") == 2
    assert "1000/1000" in stream.getvalue()


def test_line_shows_count_percent_and_time_left() -> None:
    clock = Clock()
    bar = Progress(1000, stream=Terminal(), clock=clock, label="parsing")
    bar.advance(250)
    line = bar.line(now=10.0)  # 250 in 10 s: 750 more take 30 s
    assert line.startswith("parsing  [")
    assert "250/1000 articles" in line
    assert " 25%" in line
    assert "0:30 left" in line
    assert len(line) < 80


def test_track_yields_every_item_and_counts_them() -> None:
    stream = Terminal()
    items = list(range(THRESHOLD + 1))
    assert list(track(items, stream=stream, unit="files")) == items
    assert f"{len(items)}/{len(items)} files" in stream.getvalue()


def test_a_closed_terminal_stops_the_bar() -> None:
    stream = Terminal()
    bar = Progress(1000, stream=stream)
    stream.close()
    bar.advance()  # writing to a closed stream must not raise
    assert not bar.shown
