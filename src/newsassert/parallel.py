"""Extract claims on all cores, with output identical to one process.

Loading (decoding, segmenting) is cheap and stays in the calling process;
claim extraction is the costly stage, so articles are sent in batches to a
pool of worker processes that return the claims as the cache stores them
(one JSON document an article: rows of values, each sentence once), to be
decoded only when first asked for, and stored as they are. Batches
keep corpus order, so the result does not depend on the number of workers.

Articles travel to the workers and claims back by multiprocessing's own
pickling, between newsassert's own processes only; nothing read from input is
ever unpickled. A worker that dies (killed, out of memory) leaves its batches
to be extracted in the calling process, with a warning.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import attrs

from newsassert.lexicon import Lexicon, LexiconEntry
from newsassert.model import Article, computed
from newsassert.records import stored_claims

__all__ = ["available_cores", "extract_all"]

# Below this many articles a pool costs more than it saves.
MIN_ARTICLES_FOR_POOL = 64
_BATCH = 32

_worker_lexicon: Lexicon | None = None
# The calling process's lexicon with the corpus's aliases, set just before the
# pool forks so that workers inherit it with its lookup tables built.
_inherited_lexicon: Lexicon | None = None


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _init_worker(extra: tuple[LexiconEntry, ...] | None) -> None:
    global _worker_lexicon
    # A forked worker starts with a copy of the calling process's objects
    # (the whole corpus). Frozen, the garbage collector never walks them:
    # walking them cost time and made the system copy every page it touched.
    gc.freeze()
    if extra is not None:
        if _inherited_lexicon is not None:  # forked: the caller's, tables built
            _worker_lexicon = _inherited_lexicon
            return
        from newsassert.lexicon import default_lexicon

        _worker_lexicon = default_lexicon().extended(extra)


def _extract_batch(batch: list[Article]) -> list[bytes]:
    """Each article's claims as the cache stores them (see :func:`stored_claims`)."""
    out = []
    for article in batch:
        if _worker_lexicon is not None:
            article = attrs.evolve(article, lexicon=_worker_lexicon)
        out.append(stored_claims(article))
    return out


def extract_all(
    articles: Sequence[Article],
    *,
    jobs: int = 1,
    extra: tuple[LexiconEntry, ...] | None = None,
    progress: bool = False,
) -> None:
    """Compute every article's claims (filling ``Article.claims``), on ``jobs`` processes.

    ``extra`` are the lexicon entries added to the default lexicon for this
    corpus (from alias files), sent once to each worker. ``progress`` shows a
    bar on a terminal's stderr when there are many articles.
    """
    from newsassert.report.progress import progress as progress_bar

    # Claims computed already, or read from the cache and not yet decoded, are done.
    pending = [a for a in articles if a._stored_claims is None and not computed(a, "claims")]
    with progress_bar(len(pending), label="parsing", enabled=progress) as bar:
        _extract_pending(pending, jobs, extra, bar.advance)


def _extract_pending(
    pending: list[Article],
    jobs: int,
    extra: tuple[LexiconEntry, ...] | None,
    advance: Callable[[int], None],
) -> None:
    # More processes than cores only add memory and switching (-j 48 on 2 cores).
    jobs = min(jobs, available_cores())
    if jobs <= 1 or len(pending) < MIN_ARTICLES_FOR_POOL:
        for article in pending:
            _ = article.claims
            advance(1)
        return
    global _inherited_lexicon
    # The first article builds every extractor's tables (compiled patterns,
    # tries, the lexicon's index: about a second, a hundred articles' worth).
    # Built here, before the pool forks, the workers inherit them instead of
    # each building its own, and the article is extracted once all the same.
    _ = pending[0].claims
    advance(1)
    done, pending = pending[:1], pending[1:]
    batches = [
        [attrs.evolve(a, lexicon=None) for a in pending[i : i + _BATCH]]
        for i in range(0, len(pending), _BATCH)
    ]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    _inherited_lexicon = done[0].lexicon if extra is not None else None
    try:
        with ProcessPoolExecutor(
            jobs, mp_context=context, initializer=_init_worker, initargs=(extra,)
        ) as pool:
            flat = []
            for batch in pool.map(_extract_batch, batches):
                flat.extend(batch)
                advance(len(batch))
    except BrokenProcessPool as exc:
        # A worker was killed (out of memory, a signal): the claims are the
        # same when computed here, only slower; say so and carry on.
        warnings.warn(
            f"newsassert: a worker process stopped ({exc}); extracting in this process",
            RuntimeWarning,
            stacklevel=3,
        )
        for article in pending:
            _ = article.claims
        return
    finally:
        _inherited_lexicon = None
    # Decoded when first asked for, as claims read from the cache are; a
    # store writes them as they are.
    for article, stored in zip(pending, flat, strict=True):
        object.__setattr__(article, "_stored_claims", stored)
