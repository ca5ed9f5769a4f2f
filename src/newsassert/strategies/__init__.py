"""Hypothesis strategies: news text whose claims are known in advance.

For newsassert's own property tests and for anyone testing an extractor::

    from hypothesis import given
    from newsassert import strategies as nst

    @given(nst.quantities(lang="ar"))
    def test_quantity_read_back(case):
        text, expected = case
        [claim] = [c for c in newsassert.extract(text) if c.kind == "quantity"]
        assert expected.matches(claim)

Every strategy takes keyword-only options, validated when it is called
(:class:`hypothesis.errors.InvalidArgument` for a bad one), and draws its
words from ``data/strategies.toml`` (units and hedges as the built-in lexicon
has them) and ``data/months.json`` (month names from CLDR):

* :func:`numbers`: a number as written, in ASCII, Arabic-Indic or Persian
  digits (with thousands and decimal separators), in Arabic or English words,
  or as digits and a scale word (``2.5 مليون``), with its value;
* :func:`quantities`: a sentence stating one quantity (a hedge, a counted
  noun, maybe a place) and the :class:`ExpectedQuantity` it states;
* :func:`dates`: a sentence stating one date and the :class:`ExpectedDate`;
* :func:`person_names` and :func:`name_pairs`: names of people in the news,
  real and generated, in Arabic or Latin script or both;
* :func:`articles`: a whole article (Arabic, English or mixed, optionally with a
  "read also" block of other stories appended) and every claim it makes;
* :func:`queries`: valid query DSL text.

Importing this module also registers strategies for the claim classes, so
``st.from_type(QuantityClaim)`` (and ``st.builds`` of anything that takes a
claim) gives valid claims.

This module needs Hypothesis: ``pip install 'newsassert[hypothesis]'``.

The parts: ``_words`` (digits, number words, the vocabulary and the checks of
the options), ``_expected`` (what a text states, and matching it),
``_text`` (the texts), ``_queries`` and ``_claims``.
"""

from __future__ import annotations

import importlib.util

# Said here, once, before any part imports Hypothesis.
if importlib.util.find_spec("hypothesis") is None:  # pragma: no cover - a subprocess test
    raise ImportError(
        "newsassert.strategies needs Hypothesis, which is not installed; "
        "install it with: pip install 'newsassert[hypothesis]'"
    )

from newsassert.strategies._claims import claims
from newsassert.strategies._expected import (
    ExpectedClaim,
    ExpectedDate,
    ExpectedMention,
    ExpectedQuantity,
    ExpectedRole,
    interval,
    match_claims,
)
from newsassert.strategies._numbers import (
    feast_dates,
    fraction_texts,
    hijri_dates,
    negative_numbers,
    ordinal_texts,
    rank_texts,
    separated_numbers,
    spoken_decimals,
)
from newsassert.strategies._queries import queries
from newsassert.strategies._text import (
    articles,
    dates,
    name_pairs,
    numbers,
    person_names,
    quantities,
)
from newsassert.strategies._words import SCRIPTS as SCRIPTS

__all__ = [
    "ExpectedClaim",
    "ExpectedDate",
    "ExpectedMention",
    "ExpectedQuantity",
    "ExpectedRole",
    "articles",
    "claims",
    "dates",
    "feast_dates",
    "fraction_texts",
    "hijri_dates",
    "interval",
    "match_claims",
    "name_pairs",
    "negative_numbers",
    "numbers",
    "ordinal_texts",
    "person_names",
    "quantities",
    "queries",
    "rank_texts",
    "separated_numbers",
    "spoken_decimals",
]
