"""What every extractor reads of an article, made once: :class:`ArticleContext`.

The hook ``newsassert_extract_article`` hands each extractor one context per
article. Everything in it is computed at most once for that article, on
first use, whatever number of extractors read it: the matching form and its
offset map, the readers' fold, the one pass of tokens over the folded text,
and the sentences the claims quote (each stripped and hashed once, however
many claims it holds). A context belongs to one call of
:func:`newsassert.extract.extract_article`: no extractor keeps anything of an
article once it is done, so extraction holds no state between articles and
two threads may extract two articles at once.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

import attrs

from newsassert.extract.entity_vocab import _MASK, _tokens, _vocab
from newsassert.extract.entity_words import _Word
from newsassert.lexicon import Lexicon, default_lexicon
from newsassert.model import Article, sentence_digest
from newsassert.text.folded import Folded, fold
from newsassert.text.normalize import Normalized

__all__ = ["ArticleContext", "Sentences", "Tokens"]


@attrs.frozen
class Tokens:
    """The words of a folded text, read once, and what the lexicon says of each.

    Token ``k`` is ``words[k]`` and spans ``bounds[2k]:bounds[2k + 1]`` of
    the folded text. A word is the same object wherever it recurs (one per
    distinct spelling and lexicon) and carries its flags, computed once per
    spelling: its lookup key with and without Arabic proclitics, whether it
    is a stop word, a given name or capitalized, and ``mask``, the tables of
    the lexicon (roles, organizations, places, demonyms) that have a form
    starting with it.
    """

    words: list[_Word]
    bounds: list[int]
    # The tokens some form of the lexicon starts with: the only places a
    # lookup may match (most words of a text start none).
    lexicon_hits: list[int]

    @classmethod
    def of(cls, text: str, lexicon: Lexicon) -> Tokens:
        words, bounds = _tokens(_vocab(lexicon), text)
        hits = list(itertools.compress(range(len(words)), map(_MASK, words)))
        return cls(words, bounds, hits)


class Sentences:
    """The sentences an article's claims quote, each stripped and hashed once.

    Claims come sentence by sentence: a sentence of 100,000 characters with
    thousands of numbers in it was stripped and hashed once per claim, which
    made extraction quadratic, and every claim held its own copy of it.
    """

    __slots__ = ("_article", "_seen")

    def __init__(self, article: Article) -> None:
        self._article = article
        self._seen: dict[tuple[str, int, int], tuple[str, int, Any]] = {}

    def of(self, kind: str, start: int, end: int) -> tuple[str, int, Any]:
        """The stripped sentence at ``text[start:end]``, its leading blank length and its hash."""
        key = (kind, start, end)
        hit = self._seen.get(key)
        if hit is None:
            article = self._article
            raw = article.text[start:end]
            sentence = raw.strip()
            lead = len(raw) - len(raw.lstrip())
            hit = self._seen[key] = (sentence, lead, sentence_digest(article.id, kind, sentence))
        return hit


@attrs.frozen(eq=False)
class ArticleContext:
    """One article made ready for the extractors (see the module's docstring).

    ``normalized``, ``folded`` and ``tokens`` are computed on first use;
    ``sentences`` fills as claims are made.
    """

    article: Article
    lexicon: Lexicon = attrs.field(repr=False)
    sentences: Sentences = attrs.field(repr=False)

    @classmethod
    def of(cls, article: Article) -> ArticleContext:
        """The context of ``article``, read with its corpus's lexicon or the default one."""
        lexicon = article.lexicon if article.lexicon is not None else default_lexicon()
        return cls(article, lexicon, Sentences(article))

    @functools.cached_property
    def normalized(self) -> Normalized:
        """The matching form of the article's text, with its map back to original offsets."""
        return self.article.normalized

    @functools.cached_property
    def folded(self) -> Folded:
        """The readers' fold of :attr:`normalized` (marks dropped, letters unified), with its map."""
        return fold(self.normalized.text)

    @functools.cached_property
    def tokens(self) -> Tokens:
        """The tokens of :attr:`folded`, in one pass."""
        return Tokens.of(self.folded.text, self.lexicon)
