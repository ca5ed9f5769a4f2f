"""Fewer garbage collections while newsassert builds what lives on.

Reading a corpus builds many objects (articles, segments, claims) that live
until the end and form no reference cycles. CPython's cyclic collector runs
every 700 allocations and walks every young object each time, and the older
ones now and then: on a corpus of 10,000 articles it took a fifth of the time
of loading and extracting, and a third of decoding cached claims. Within
:func:`fewer_collections` it runs every 50,000 allocations instead; cycles
are still collected, later. The setting is restored when the block ends
(blocks nest), so a program using newsassert keeps its own.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["fewer_collections"]

EVERY = 50_000


@contextlib.contextmanager
def fewer_collections(every: int = EVERY) -> Iterator[None]:
    """Within the block, collect garbage at most every ``every`` allocations."""
    threshold = gc.get_threshold()
    if threshold[0] == 0 or threshold[0] >= every:
        yield  # collection disabled, or already this rare
        return
    gc.set_threshold(every, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
