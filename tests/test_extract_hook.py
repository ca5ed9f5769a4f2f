"""The extraction hook: one context per article, and the per-segment hook kept for one release."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

import newsassert
from newsassert import plugins
from newsassert.extract import ArticleContext, extract_article, make_claim
from newsassert.model import Claim, MentionClaim, StatementClaim

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TEXT = (
    "Callsign BRAVO-7 reported the convoy.\n\n"
    "The army did not confirm that BRAVO-7 was hit.\n\n"
    "Nothing here."
)


def _callsigns(context: Any, segment: Any) -> list[Claim]:
    """A third-party extractor's reading: every 'BRAVO-7' of a segment, as an organization."""
    article = context.article if isinstance(context, ArticleContext) else context
    claims: list[Claim] = []
    at = article.text.find("BRAVO-7", segment.start, segment.end)
    while at >= 0:
        claims.append(
            make_claim(
                context, segment, MentionClaim, at, at + 7, type="org", name="BRAVO-7", key="bravo7"
            )
        )
        at = article.text.find("BRAVO-7", at + 7, segment.end)
    return claims


class ArticleHook:
    def __init__(self) -> None:
        self.contexts: list[ArticleContext] = []

    @newsassert.hookimpl
    def newsassert_extract_article(self, context: ArticleContext) -> list[Claim]:
        self.contexts.append(context)
        return [c for s in context.article.segments for c in _callsigns(context, s)]


class SegmentHook:
    """A plugin written for the per-segment hook, before the context existed."""

    def __init__(self) -> None:
        self.segments: list[int] = []

    @newsassert.hookimpl
    def newsassert_extract_claims(self, article: Any, segment: Any) -> list[Claim]:
        self.segments.append(segment.start)
        return _callsigns(article, segment)


class BothHooks(ArticleHook, SegmentHook):
    def __init__(self) -> None:
        ArticleHook.__init__(self)
        SegmentHook.__init__(self)


@pytest.fixture
def registered() -> Iterator[list[str]]:
    names: list[str] = []
    yield names
    for name in names:
        plugins.unregister(name)


def _register(plugin: object, name: str, names: list[str]) -> None:
    plugins.register(plugin, name=name)
    names.append(name)


def _callsign_claims(claims: tuple[Claim, ...]) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in claims if getattr(c, "key", None) == "bravo7"]


def test_a_plugin_on_the_article_hook_gets_one_context_per_article(
    registered: list[str],
) -> None:
    plugin = ArticleHook()
    _register(plugin, "test-article-hook", registered)
    article = newsassert.make_article(TEXT, id="a")
    claims = extract_article(article)
    assert _callsign_claims(claims) == [(9, 16), (69, 76)]
    assert len(plugin.contexts) == 1
    context = plugin.contexts[0]
    assert context.article is article
    assert context.normalized.text == article.normalized.text
    # The fold and the tokens are the readers' view of the whole text.
    assert context.folded.text == context.normalized.text  # nothing to fold in this English text
    words = context.tokens.words
    bounds = context.tokens.bounds
    assert [context.folded.text[bounds[2 * k] : bounds[2 * k + 1]] for k in range(3)] == [
        "Callsign",
        "BRAVO",
        "-",
    ]
    assert len(words) * 2 == len(bounds)
    # The third-party mention in the negated clause anchors its statement.
    negated = [c for c in claims if isinstance(c, StatementClaim) and c.polarity == "negated"]
    assert negated and all("org:bravo7" in s.anchors for s in negated)


def test_a_plugin_on_the_per_segment_hook_still_runs_and_is_warned_about(
    registered: list[str],
) -> None:
    plugin = SegmentHook()
    with pytest.warns(DeprecationWarning, match="newsassert_extract_article"):
        _register(plugin, "test-segment-hook", registered)
    article = newsassert.make_article(TEXT, id="a")
    claims = extract_article(article)
    assert plugin.segments == [s.start for s in article.segments]  # once per segment
    assert _callsign_claims(claims) == [(9, 16), (69, 76)]
    # Its claims are the same claims, ids included, as the new hook's.
    plugins.unregister("test-segment-hook")
    registered.clear()
    _register(ArticleHook(), "test-article-hook", registered)
    assert extract_article(newsassert.make_article(TEXT, id="a")) == claims


def test_a_plugin_on_both_hooks_is_called_through_the_article_hook_only(
    registered: list[str],
) -> None:
    plugin = BothHooks()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        _register(plugin, "test-both-hooks", registered)
    claims = extract_article(newsassert.make_article(TEXT, id="a"))
    assert len(plugin.contexts) == 1 and plugin.segments == []
    assert _callsign_claims(claims) == [(9, 16), (69, 76)]


def test_no_builtin_extractor_is_on_the_per_segment_hook() -> None:
    pm = plugins.plugin_manager()
    assert pm.hook.newsassert_extract_claims.get_hookimpls() == []
    names = {impl.plugin_name for impl in pm.hook.newsassert_extract_article.get_hookimpls()}
    assert {
        "newsassert.quantities",
        "newsassert.dates",
        "newsassert.entities",
        "newsassert.statements",
        "newsassert.per_segment",
    } <= names


def test_threads_extracting_different_articles_get_each_their_own_claims() -> None:
    # Nothing of one article is kept for the next: two threads interleaving
    # their articles get what one thread gets.
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = [(f"a{i}", t) for i, t in enumerate(texts * 4)]

    def claims(item: tuple[str, str]) -> tuple[Claim, ...]:
        return extract_article(newsassert.make_article(item[1], id=item[0]))

    serial = [claims(a) for a in articles]
    assert all(serial)
    barrier = threading.Barrier(3)

    def together(item: tuple[str, str]) -> tuple[Claim, ...]:
        if item[0] in ("a0", "a1", "a2"):
            barrier.wait(timeout=60)
        return claims(item)

    with ThreadPoolExecutor(max_workers=3) as pool:
        threaded = list(pool.map(together, articles))
    assert threaded == serial
