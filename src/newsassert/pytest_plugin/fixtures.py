"""The ``corpus`` and ``article`` fixtures.

``corpus`` is the configured corpus, loaded once per session (per xdist
worker). A test that asks for ``article`` runs once per article of it, with
the article ids as test ids (``test_x[000_4c148d8a33c5d998]``); the
parametrization is done at collection (:func:`parametrize_article`), so
``-k 000_`` selects articles like any parameter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from newsassert.corpus import Corpus
    from newsassert.errors import NewsAssertError
    from newsassert.model import Article

__all__ = ["article", "corpus", "parametrize_article"]


@pytest.fixture(scope="session")
def corpus(request: pytest.FixtureRequest) -> Corpus:
    """The corpus configured with ``--newsassert-corpus`` or ``newsassert_corpus``."""
    # Imported here: the plugin imports no stage of newsassert until a run needs one.
    from newsassert.errors import NewsAssertError
    from newsassert.pytest_plugin.state import state_of

    try:
        return state_of(request.config).corpus()
    except NewsAssertError as error:
        _fail(error)


@pytest.fixture
def article(request: pytest.FixtureRequest, corpus: Corpus) -> Article:
    """One article of the configured corpus (the test runs once per article)."""
    article_id = getattr(request, "param", None)
    if article_id is None:  # pragma: no cover - parametrize_article always gives one
        pytest.fail("newsassert: the article fixture was not parametrized", pytrace=False)
    return corpus[article_id]


def parametrize_article(metafunc: pytest.Metafunc) -> None:
    """Run a test that asks for newsassert's ``article`` once per article of the corpus."""
    if "article" not in metafunc.fixturenames or not _uses_our_article(metafunc):
        return
    for mark in metafunc.definition.iter_markers("parametrize"):
        names = mark.args[0] if mark.args else mark.kwargs.get("argnames", ())
        if isinstance(names, str):
            names = [n.strip() for n in names.split(",")]
        if "article" in names:
            return  # the test gives its own articles
    from newsassert.errors import NewsAssertError
    from newsassert.pytest_plugin.state import state_of

    state = state_of(metafunc.config)
    try:
        ids = list(state.corpus().ids)
    except NewsAssertError:
        # Not parametrized: the corpus fixture then fails each such test with the reason.
        return
    metafunc.parametrize("article", ids, ids=ids, indirect=True)


def _uses_our_article(metafunc: pytest.Metafunc) -> bool:
    # A conftest or test module may define its own 'article' fixture; leave it alone.
    definitions = getattr(metafunc, "_arg2fixturedefs", {}).get("article")
    if not definitions:
        return False
    return getattr(definitions[-1].func, "__module__", None) == __name__


def _fail(error: NewsAssertError) -> NoReturn:
    from newsassert.check.checkfile import render_error

    pytest.fail(f"newsassert: {render_error(error)}", pytrace=False)
