"""Every hook newsassert calls, in one place: this module is their reference.

A plugin is any object or module with functions named like these hooks and
marked with :data:`newsassert.hookimpl`. newsassert's own loaders, extractors,
lexicons and checks are plugins of exactly that kind (see
:mod:`newsassert.plugins`); third-party plugins are found through the
``newsassert`` entry-point group, or registered by hand::

    import newsassert

    class MyLexicon:
        @newsassert.hookimpl
        def newsassert_lexicon(self):
            return [newsassert.LexiconEntry("unit", "drone", ("drone", "drones", "مسيرة"))]

    newsassert.plugin_manager().register(MyLexicon(), name="my-lexicon")

Hooks marked *first result* stop at the first plugin that returns something
other than ``None``; the others collect every plugin's answer into a list.
Plugins registered later are called first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from newsassert.check.types import CheckType
    from newsassert.compare import Comparison
    from newsassert.lexicon import LexiconEntry
    from newsassert.model import Article, Claim, Segment

hookspec = pluggy.HookspecMarker("newsassert")
hookimpl = pluggy.HookimplMarker("newsassert")

# ---------------------------------------------------------------------------
# load: reading articles
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def newsassert_load_article(path: Path) -> Sequence[Article] | None:  # type: ignore[empty-body]
    """Read the articles in one file of a format newsassert does not know.

    :param path: a file found while loading a corpus.
    :return: the articles in it, or ``None`` when the file is not of this
        plugin's format (so another loader gets to try). First result wins.

    Build each article with :func:`newsassert.make_article`, which segments the
    text and finds its metadata; raise :class:`newsassert.LoadError` naming the
    file and position for a file of your format that is malformed::

        @newsassert.hookimpl
        def newsassert_load_article(path):
            if path.suffix != ".csv":
                return None
            return [newsassert.make_article(row["body"], id=row["id"], path=str(path))
                    for row in csv.DictReader(path.open(encoding="utf-8"))]
    """


# ---------------------------------------------------------------------------
# extract: finding claims
# ---------------------------------------------------------------------------


@hookspec
def newsassert_extract_claims(article: Article, segment: Segment) -> Sequence[Claim] | None:  # type: ignore[empty-body]
    """Find claims in one segment of an article.

    :param article: the article, with its original ``text`` and ``normalized`` form.
    :param segment: the paragraph to search, with its section, language and sentences.
    :return: the claims found (every plugin's claims are merged, sorted by
        offset, duplicates dropped).

    Build claims with :func:`newsassert.extract.make_claim`, which fills in the
    fields every claim shares (id, article, outlet, section, sentence)::

        @newsassert.hookimpl
        def newsassert_extract_claims(article, segment):
            text = article.text
            return [make_claim(article, segment, MentionClaim, m.start(), m.end(),
                               type="org", name=m.group(), key=key(m.group()))
                    for m in MY_ORGS.finditer(text, segment.start, segment.end)]
    """


@hookspec
def newsassert_lexicon() -> Sequence[LexiconEntry] | None:  # type: ignore[empty-body]
    """Contribute vocabulary: units, roles, places, organizations, people, aliases.

    :return: :class:`newsassert.LexiconEntry` values; each names its ``kind``
        (``unit``, ``role``, ``place``, ``demonym``, ``org``, ``person``), its
        canonical English form and the forms it is written in, in any script.
        Every plugin's entries are merged; a form claimed by two entries of the
        same kind goes to the plugin registered last.

    ::

        @newsassert.hookimpl
        def newsassert_lexicon():
            return [LexiconEntry("unit", "drone", ("drone", "drones", "مسيرة", "مسيرات"))]
    """


# ---------------------------------------------------------------------------
# check: comparing claims
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def newsassert_compare(a: Claim, b: Claim) -> Comparison | None:  # type: ignore[empty-body]
    """Decide whether two claims of the same kind agree, conflict or are unrelated.

    :param a: a claim.
    :param b: another claim, of the same kind.
    :return: a :class:`newsassert.compare.Comparison` (``AGREE``, ``CONFLICT``
        or ``UNRELATED``), or ``None`` to leave the decision to the next plugin
        and finally to newsassert's own rules. First result wins; this is the
        place for a model-based backend.
    """


@hookspec
def newsassert_check_types() -> Mapping[str, CheckType] | None:  # type: ignore[empty-body]
    """Add ``expect`` kinds to check files.

    :return: a mapping from the name used in ``expect = "…"`` to a
        :class:`newsassert.check.types.CheckType`, which receives the corpus,
        the selection and the check's table and returns a verdict.
    """
