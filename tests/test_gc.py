"""newsassert changes the garbage collector's threshold only within its own work."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsassert
from newsassert._gc import EVERY, fewer_collections


@pytest.fixture
def threshold() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield gc.get_threshold()
    gc.set_threshold(*before)


def test_the_threshold_is_raised_within_and_restored_after(threshold: tuple[int, int, int]) -> None:
    with fewer_collections():
        assert gc.get_threshold() == (EVERY, 10, 10)
        with fewer_collections():  # nested blocks restore in order
            assert gc.get_threshold()[0] == EVERY
        assert gc.get_threshold()[0] == EVERY
    assert gc.get_threshold() == threshold


def test_a_program_s_own_rarer_threshold_is_kept(threshold: tuple[int, int, int]) -> None:
    gc.set_threshold(10 * EVERY, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 10 * EVERY
    assert gc.get_threshold()[0] == 10 * EVERY


def test_loading_and_extracting_leave_the_program_s_setting(
    threshold: tuple[int, int, int],
) -> None:
    corpus = newsassert.load(Path(__file__).resolve().parent.parent / "seeds")
    assert corpus.claims
    assert gc.get_threshold() == threshold
