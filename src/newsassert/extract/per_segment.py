"""The plugin ``newsassert.per_segment``: extractors still on the per-segment hook.

``newsassert_extract_claims(article, segment)`` was the extraction hook
before ``newsassert_extract_article(context)``. For one release, this plugin calls it, segment by segment, for the
plugins that implement it and not ``newsassert_extract_article``, and hands
their claims on as its own; pluggy warns when such a plugin is registered.
Being an extractor of the new hook, it runs inside the statements wrapper,
so the claims of old plugins still anchor statements.
"""

from __future__ import annotations

from newsassert.extract.context import ArticleContext
from newsassert.model import Claim
from newsassert.plugins import plugin_manager
from newsassert.plugins.hookspecs import hookimpl

__all__ = ["newsassert_extract_article"]


@hookimpl
def newsassert_extract_article(context: ArticleContext) -> list[Claim] | None:
    pm = plugin_manager()
    if not pm.hook.newsassert_extract_claims.get_hookimpls():
        return None  # the usual case: every extractor reads the context
    # A plugin implementing both hooks is called through the new one only.
    moved = [impl.plugin for impl in pm.hook.newsassert_extract_article.get_hookimpls()]
    hook = pm.subset_hook_caller("newsassert_extract_claims", remove_plugins=moved)
    article = context.article
    claims: list[Claim] = []
    for segment in article.segments:
        for result in hook(article=article, segment=segment):
            claims.extend(result or ())
    return claims
