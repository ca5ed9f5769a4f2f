"""Every hook newsassert calls, in one place: this module is their reference.

A plugin is any module, class or object with functions named like these hooks,
marked with :data:`newsassert.hookimpl` (an unmarked function whose name
starts with ``newsassert_`` is taken as a hook too, so a misspelt name is an
error rather than silently ignored). A hook implementation may accept any
subset of the hook's parameters, by name.

newsassert's own loaders, extractors, lexicon and checks are plugins of
exactly this kind (:data:`newsassert.plugins.BUILTIN_PLUGINS`). An installed
plugin is found through the ``newsassert`` entry-point group; in its
``pyproject.toml``::

    [project.entry-points.newsassert]
    csv = "newsassert_csv"          # a module, or "module:Class" (instantiated)

or is registered by hand::

    import newsassert
    from newsassert import LexiconEntry, plugins

    class Drones:
        @newsassert.hookimpl
        def newsassert_lexicon(self):
            return [LexiconEntry("unit", "drone", ("drone", "drones", "مسيرة", "مسيرات"))]

    plugins.register(Drones(), name="drones")

Hooks marked *first result* stop at the first plugin that returns something
other than ``None``; the others collect every plugin's non-``None`` answer
into a list. Plugins registered later are called first: installed plugins come
after the built-ins, so they are asked first and their lexicon forms win.
``@hookimpl(tryfirst=True)`` / ``(trylast=True)`` change the order.

A plugin is disabled by its name (the entry-point name, or a built-in name such
as ``newsassert.quantities``): ``newsassert.plugins.disable(NAME)``, the pytest
option ``--newsassert-disable NAME``, or ``NEWSASSERT_DISABLE=NAME,…`` in the
environment. An exception other than a :class:`newsassert.NewsAssertError`
escaping a hook becomes a :class:`newsassert.errors.PluginError` that names the
plugin and the hook.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from newsassert.model import Article, Claim, Comparison, LexiconEntry, Segment

__all__ = [
    "hookimpl",
    "hookspec",
    "newsassert_check_types",
    "newsassert_compare",
    "newsassert_extract_article",
    "newsassert_extract_claims",
    "newsassert_lexicon",
    "newsassert_load_article",
]

hookspec = pluggy.HookspecMarker("newsassert")
hookimpl = pluggy.HookimplMarker("newsassert")

# ---------------------------------------------------------------------------
# load: reading articles
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def newsassert_load_article(path: Path) -> Sequence[Article] | None:
    """Read the articles in one file, for a format newsassert does not know.

    Called for every file found while loading a corpus (``newsassert.load``,
    the command line, the pytest ``corpus`` fixture). **First result wins**:
    the built-in loaders (``.txt``, ``.md``, ``.json``, ``.jsonl``) are
    registered ``trylast``, so a plugin sees each file before them.

    :param path: the file, as a :class:`pathlib.Path`.
    :return: the articles in the file (a sequence, possibly empty), or
        ``None`` when the file is not of this plugin's format, so that the next
        loader gets to try.

    Build each article with :func:`newsassert.make_article`, which segments the
    text (title, metadata, body, boilerplate) and finds its metadata. For a
    file of your format that is malformed, raise :class:`newsassert.LoadError`
    naming the file and the line::

        @newsassert.hookimpl
        def newsassert_load_article(path):
            if path.suffix != ".csv":
                return None
            with path.open(encoding="utf-8", newline="") as f:
                return [newsassert.make_article(row["text"], id=row["id"], path=str(path))
                        for row in csv.DictReader(f)]
    """


# ---------------------------------------------------------------------------
# extract: finding claims
# ---------------------------------------------------------------------------


@hookspec
def newsassert_extract_article(context: Any) -> Sequence[Claim] | None:
    """Find claims in one article.

    Called once for every article. The built-in extractors are the plugins
    ``newsassert.quantities``, ``newsassert.dates``, ``newsassert.entities``
    and ``newsassert.statements`` (a wrapper: the other extractors' claims of
    a clause are its statements' anchors).

    :param context: the article made ready once for every extractor, an
        :class:`newsassert.extract.context.ArticleContext` (the hooks stand
        below the extractors, so this module does not name the type): its ``article``
        (the original ``text`` every offset points into, ``segments``,
        ``published``, ``meta``), ``lexicon``, ``normalized`` (the matching
        form with its map back to original offsets), ``folded`` (the readers'
        fold of the matching form, with its map back to it), ``tokens`` (the
        words of the folded text with what the lexicon says of each) and the
        claims' ``sentences``.
    :return: the claims found in the article, or ``None``. Every plugin's
        claims are merged, sorted by offset, and exact duplicates (same kind,
        span and id) dropped.

    An extractor reads the article in any order it likes: the whole text at
    once, or segment by segment (``context.article.segments``: each has
    ``start``/``end`` offsets into the text, a ``section`` (title, metadata,
    body, boilerplate: checks only count ``body`` and ``title``), a ``lang``
    and its ``sentences``). Build each claim with
    :func:`newsassert.extract.make_claim`, passing the context and the segment
    the claim lies in; it fills in the fields every claim shares (a stable id,
    article, outlet, published, lang, section, text and the containing
    sentence). Search the matching form and map spans back, so that Persian
    digits, tatweel and bidi marks do not get in the way::

        @newsassert.hookimpl
        def newsassert_extract_article(context):
            norm = context.normalized
            claims = []
            for segment in context.article.segments:
                a, b = norm.from_original(segment.start), norm.from_original(segment.end)
                for m in CALLSIGN.finditer(norm.text, a, b):
                    start, end = norm.to_original(m.start(), m.end())
                    claims.append(make_claim(context, segment, MentionClaim, start, end,
                                             type="org", name=m.group(), key=key(m.group())))
            return claims

    A context is made for one call of the hook and holds nothing of another
    article, so extractors keep no state between articles and extraction is
    safe in threads. The context is read-only: what an extractor computes for
    itself it keeps in its own local variables.

    This hook replaces :func:`newsassert_extract_claims`, which was called
    once per segment and still is, for one release.
    """


# pluggy warns when a plugin implementing it is registered, naming the function.
_PER_SEGMENT = DeprecationWarning(
    "newsassert_extract_claims(article, segment) is deprecated and will be removed in the next "
    "release: implement newsassert_extract_article(context)"
)


@hookspec(warn_on_impl=_PER_SEGMENT)
def newsassert_extract_claims(article: Article, segment: Segment) -> Sequence[Claim] | None:
    """Deprecated: find claims in one segment (paragraph) of an article.

    Use :func:`newsassert_extract_article`, which hands an extractor the whole
    article once, made ready (the matching form, the fold, the tokens). For
    one release, the plugins that implement only this hook are still called,
    once per segment of every article, after the context is built; a plugin
    implementing both is called through ``newsassert_extract_article`` only.
    Registering a plugin that implements it warns (``DeprecationWarning``).

    :param article: the article: its original ``text`` (every offset points
        into it), its ``normalized`` matching form with the map back to
        original offsets, its ``published`` date and its ``lexicon``.
    :param segment: the paragraph to search: ``start``/``end`` offsets into
        ``article.text``, ``section``, ``lang`` and ``sentences``.
    :return: the claims found in the segment, or ``None``; merged with the
        claims of :func:`newsassert_extract_article`.

    Moving such a plugin over is a loop over the segments::

        @newsassert.hookimpl
        def newsassert_extract_article(context):
            return [claim for segment in context.article.segments
                    for claim in old_extract_claims(context.article, segment)]
    """


# ---------------------------------------------------------------------------
# lexicon: vocabulary
# ---------------------------------------------------------------------------


@hookspec
def newsassert_lexicon() -> Sequence[LexiconEntry] | None:
    """Contribute vocabulary: units, roles, places, demonyms, organizations, people.

    Called once to build :func:`newsassert.lexicon.default_lexicon` (again
    whenever the set of plugins changes). The built-in vocabulary is the plugin
    ``newsassert.lexicon`` (the data files under ``newsassert/data/``).

    :return: :class:`newsassert.LexiconEntry` values, or ``None``. Each entry
        names its ``kind`` (``unit``, ``role``, ``place``, ``demonym``,
        ``org``, ``person``), its canonical English form (the value claims
        report: a unit lemma such as ``drone``, a place such as ``Iraq``) and
        the forms it is written in, in any script and number (singular,
        plural, broken plural, accusative). Forms are matched through the
        lossy key, so hamza, ``ة``/``ه`` and diacritic variants need not be
        listed. Every plugin's entries are merged; a form claimed by two
        entries of one kind goes to the plugin called first (registered last).

    ::

        @newsassert.hookimpl
        def newsassert_lexicon():
            return [LexiconEntry("unit", "drone",
                                 ("drone", "drones", "مسيرة", "مسيرات", "طائرة مسيرة"))]

    Then ``newsassert.extract("أسقطت 12 مسيرة")`` gives a quantity with
    ``unit == "drone"``, and ``quantity where unit = drone`` selects it.
    """


# ---------------------------------------------------------------------------
# check: comparing claims and kinds of checks
# ---------------------------------------------------------------------------


@hookspec(firstresult=True)
def newsassert_compare(a: Claim, b: Claim) -> Comparison | None:
    """Decide whether two claims agree, conflict or say nothing about each other.

    Called by the checks (``agree``, ``supported_by``, internal consistency)
    for pairs of claims of the same kind. **First result wins**; newsassert's
    own rules (overlapping intervals, same day, cross-script name matching)
    answer when every plugin returns ``None``. This is the place for a
    model-based backend, or a house rule.

    :param a: a claim.
    :param b: another claim, of the same kind.
    :return: a :class:`newsassert.compare.Comparison` (``AGREE``,
        ``CONFLICT`` or ``UNRELATED``), or ``None`` to leave the decision to
        the next plugin.

    ::

        @newsassert.hookimpl
        def newsassert_compare(a, b):
            # Casualty figures within 5 % agree, whatever their hedges say.
            if a.kind == "quantity" and a.unit == b.unit == "casualty":
                close = abs(a.value - b.value) <= 0.05 * max(a.value, b.value)
                return Comparison.AGREE if close else Comparison.CONFLICT
            return None
    """


@hookspec
def newsassert_check_types() -> Mapping[str, Callable[..., Any]] | None:
    """Add kinds of check: new values of ``expect`` in check files.

    Called when check files are read (the pytest plugin and ``newsassert
    check``); the built-in kinds (``agree``, ``supported_by``, ``count``,
    ``none``, ``distinct``) are the plugin ``newsassert.checks``, made the
    same way.

    :return: a mapping from the name used in ``expect = "…"`` to a
        :class:`newsassert.check.types.CheckKind` (the hooks stand below the
        checks, so this module does not name the type), or ``None``. A name
        given by two plugins goes to the plugin called first (registered
        last).

    A kind declares the keys it reads from its ``[[check]]`` table
    (:class:`newsassert.check.types.Parameter`: name, types, default or
    required, what a value must be) and is called with the claims the
    check's query selected, a ``select(query)`` callable for the claims of
    any other query over the same corpus, and the values of its keys. A key
    it does not declare is an error when the file is read, a bad value one
    when the check runs, each naming the file and line::

        from newsassert.check.types import Parameter, check_kind

        @check_kind(Parameter("percent", (int, float), required=True,
                              must="a number >= 0", valid=lambda p: p >= 0))
        def max_spread(selection, select, params):
            values = [c.value for c in selection if c.kind == "quantity"]
            spread = (max(values) - min(values)) / max(values) * 100 if values else 0
            return Verdict(check="max_spread", holds=spread <= params["percent"],
                           summary=f"a spread of {spread:.0f}%")

        @newsassert.hookimpl
        def newsassert_check_types():
            return {"max_spread": max_spread}

    and in a check file::

        [[check]]
        name = "drone counts are close"
        query = "quantity where unit = drone"
        expect = "max_spread"
        percent = 20

    A callable ``(corpus, selection, spec) -> Verdict`` with no declared
    parameters (the older :class:`newsassert.check.types.CheckType`) still
    works: it reads ``spec.options`` itself and gets every key unchecked.
    """
