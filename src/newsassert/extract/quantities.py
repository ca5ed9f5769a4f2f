"""Extract quantities: a number, its hedge, what it counts and where.

For each number :mod:`newsassert.readers.numbers` finds in a segment, the
extractor reads the words around it (in the folded matching form, see
:func:`newsassert.readers.numbers.fold`):

1. *Is it a count at all?* Numbers in dates (``25 كانون الثاني``, ``7 و8
   أغسطس``, ``January 27``), years (``عام 2008``, ``in 2014``, a bare 19xx/20xx
   with no counted noun), labels (``القرار 1701``, ``Resolution 2334``) and
   digits glued to Latin letters (``5G``, ``27th``) are dropped. Clock times,
   numeric dates and phone numbers never reach it (the number reader skips
   them).
2. *The hedge* before the number (``نحو``, ``لنحو``, ``ما يقرب من``, ``more
   than``) or after it or its noun (``تقريباً``, ``على الأقل``, ``or more``)
   gives the qualifier; the qualifier gives the interval (``approx`` ±10 %,
   ``more_than`` (v, ∞) …; data/hedges.toml).
3. *The unit* is the counted noun after the number (``150 هجوماً``,
   ``2,500 US troops``, ``العشرات من الجنود``), a symbol before it (``$5m``)
   or, for ``واحد``/``اثنين`` and Arabic definite numbers, the noun before it
   (``جندي واحد``, ``الدول الثلاث``). The lexicon (kind ``unit``) maps its
   forms to an English lemma; a noun it does not know is its own unit (its
   lookup key).
4. *The place* is a place of the lexicon that the quantity's own clause puts
   it in: ``في``/``in`` + place after the noun (``900 جندي في سوريا``) or
   before the number in the same clause (``ينتشر في سوريا 28 موقعاً``); two
   places joined by و/and locate nothing (``في سوريا والعراق``). A clause
   opened by ``حيث``/``where`` takes the place named just before it.

Where it lives: the vocabulary and the tokens around a number in
:mod:`newsassert.extract.quantity_words`; what those words say (not a count,
the noun, a range, the place) in :mod:`newsassert.extract.quantity_context`;
the reading of a text, hedge by hedge, and the hook here.
"""

from __future__ import annotations

import re

import attrs

from newsassert.extract import make_claim
from newsassert.extract.context import ArticleContext
from newsassert.extract.quantity_context import (
    _AGE,
    _AGE_UNITS,
    _exact,
    _fraction_idiom,
    _interval,
    _next_word_end,
    _not_a_count,
    _Noun,
    _noun_after,
    _noun_before,
    _place,
    _range,
    _words_key,
)
from newsassert.extract.quantity_ordinals import Rank, article_ranks, construct_ranks, rank_of
from newsassert.extract.quantity_words import _Static, _static, _Tables, _tables, _tokens_before
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon, default_lexicon, form_key
from newsassert.model import Claim, QuantityClaim, Segment
from newsassert.readers.numbers import FoundNumber, scan
from newsassert.text.folded import Folded, fold

__all__ = ["Quantity", "read_quantities"]


@attrs.frozen
class Quantity:
    """A quantity found in a text: offsets into that text and the claim's fields."""

    start: int
    end: int
    value: float
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    unit_text: str | None = None
    place: str | None = None
    currency: str | None = None  # the ISO 4217 code of a sum of money, when known
    # Where the noun is, in the same offsets (unit_text is cut from the text).
    unit_start: int = attrs.field(default=0, eq=False, repr=False)
    unit_end: int = attrs.field(default=0, eq=False, repr=False)


@hookimpl
def newsassert_extract_article(context: ArticleContext) -> list[Claim]:
    claims: list[Claim] = []
    for segment in context.article.segments:
        if segment.start < segment.end:
            claims.extend(_segment_claims(context, segment))
    return claims


def _segment_claims(context: ArticleContext, segment: Segment) -> list[Claim]:
    norm = context.normalized
    ns = norm.from_original(segment.start)
    ne = norm.from_original(segment.end)
    folded = fold(norm.text[ns:ne])
    claims: list[Claim] = []
    for q in _read(folded, context.lexicon):
        a, b = folded.span(q.start, q.end)
        start, end = norm.to_original(ns + a, ns + b)
        unit_text = None
        if q.unit_end > q.unit_start:
            ua, ub = folded.span(q.unit_start, q.unit_end)
            unit_text = norm.original_span(ns + ua, ns + ub)
        claims.append(
            make_claim(
                context,
                segment,
                QuantityClaim,
                start,
                end,
                value=q.value,
                qualifier=q.qualifier,
                low=q.low,
                high=q.high,
                unit=q.unit,
                unit_text=unit_text,
                place=q.place,
                currency=q.currency,
            )
        )
    return claims


def _rank_quantity(rank: Rank) -> Quantity:
    """A rank as the quantity it claims: exactly its value, of unit ``ordinal:<noun>``."""
    value = rank.value
    return Quantity(
        rank.start,
        rank.end,
        value,
        "exact",
        value,
        value,
        rank.unit,
        unit_start=rank.noun_start,
        unit_end=rank.noun_end,
    )


def read_quantities(text: str, lexicon: Lexicon | None = None) -> list[Quantity]:
    """The quantities of a text in the matching form (offsets into ``text``)."""
    folded = fold(text)
    out = []
    for q in _read(folded, lexicon if lexicon is not None else default_lexicon()):
        start, end = folded.span(q.start, q.end)
        ua, ub = folded.span(q.unit_start, q.unit_end)
        unit_text = text[ua:ub] if ub > ua else None
        out.append(
            attrs.evolve(q, start=start, end=end, unit_text=unit_text, unit_start=ua, unit_end=ub)
        )
    return out


# ---------------------------------------------------------------------------
# Reading the quantities of a folded text.
# ---------------------------------------------------------------------------

_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_PART_AFTER = re.compile(r"[ \t]*و[ \t]*(?P<part>نصف|ربع|ثلث)(?!\w)")
_PARTS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3}


def _read(folded: Folded, lexicon: Lexicon) -> list[Quantity]:
    text = folded.text
    numbers = []
    ranks = []
    st = _static()
    for n in scan(folded):
        # A rank counts nothing; beside the noun it numbers it is a claim of
        # its own ("the third quarter": unit "ordinal:quarter").
        rank = rank_of(text, n, st.months) if n.ordinal or n.definite or not n.words else None
        if rank is not None:
            ranks.append(_rank_quantity(rank))
        elif not n.ordinal:
            numbers.append(n)
    tables = _tables(lexicon)
    ranks.extend(
        _rank_quantity(rank)
        for rank in (*construct_ranks(text, tables.unit_canonical), *article_ranks(text))
    )
    if not ranks:
        return _counts(text, numbers, st, tables)
    # The noun of a rank is no count of its own ("الربع الثالث" is not a quarter).
    numbers = [n for n in numbers if not any(r.start <= n.end and n.start < r.end for r in ranks)]
    counts = _counts(text, numbers, st, tables)
    return sorted([*ranks, *counts], key=lambda q: q.start)


def _counts(text: str, numbers: list[FoundNumber], st: _Static, tables: _Tables) -> list[Quantity]:
    out = []
    taken = 0  # a range reads the number after it too
    for i, n in enumerate(numbers):
        if n.start < taken:
            continue
        prev_end = numbers[i - 1].end if i else 0
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        q = _reading(text, n, prev_end, nxt, st, tables)
        if q is not None:
            taken = q.end
            out.append(q)
    return out


def _reading(
    text: str,
    n: FoundNumber,
    prev_end: int,
    nxt: FoundNumber | None,
    st: _Static,
    tables: _Tables,
) -> Quantity | None:
    digits_only = not n.words
    before = _tokens_before(text, n.start, 3, prev_end)

    # 1. Not a count: labels, years, dates, digits glued to Latin letters.
    if _not_a_count(text, n, before, st, tables):
        return None

    # 2. A currency symbol before the number ("$5m"), then the hedge before both.
    noun: _Noun | None = None
    start = n.start
    sym = tables.prefix_symbol.search(text, max(prev_end, n.start - 6), n.start)
    if sym is not None:
        entry = tables.lookup("unit", sym.group("sym"))
        if entry is not None:
            noun = _Noun(entry, sym.start("sym"), sym.end("sym"), sym.group("sym"))
            start = sym.start("sym")
    qualifier = "exact"
    hedge = st.hedge_before.search(text, max(prev_end, start - 60), start)
    if hedge is not None:
        qualifier = st.qualifier_of["b:" + _words_key(hedge.group("h"))]
        start = hedge.start("h")

    # 3. The unit: the noun after, or the noun before a postposed number.
    after = _noun_after(text, n, st, tables)
    if after is not None and (
        noun is None or (after.entry is not None and after.entry.canonical == "percent")
    ):
        noun = after
    if (noun is None and (n.weak or n.definite)) or (
        noun is not None
        and noun.entry is None
        and n.lang == "ar"
        and not n.is_vague
        and not n.fraction
    ):
        # "جندي واحد", "الدول الثلاث", "عوامل ثلاثة": the number after its noun.
        postposed = _noun_before(before, st, tables)
        if postposed is not None and hedge is None:
            noun = postposed
            start = min(start, noun.start)
    age = _AGE.match(text, n.end)
    if age is not None and not n.fraction:
        # "the 48-year-old", "a two-year-old boy": an age is a unit of its own.
        span = age.span("w")
        noun = _Noun(None, span[0], span[1], text[span[0] : span[1]])
    if (n.weak or (n.definite and not n.is_vague)) and (noun is None or noun.entry is None):
        return None  # "واحد", "one", "الستين" count only beside a known noun
    end = max(n.end, noun.end if noun is not None and noun.end > n.end else n.end)
    value = n.value
    unit: str | None = None
    if noun is not None:
        unit = noun.entry.canonical if noun.entry is not None else form_key(noun.text)
    if age is not None:
        unit = _AGE_UNITS[age.group("per").casefold()]
    place = noun.place if noun is not None else None
    if n.fraction:
        if _fraction_idiom(text, n, st):
            return None
        # "نصف ساعة" is half an hour; "ثلثا الأعضاء", "a third of Iraq" are parts of a whole.
        whole = noun is not None and (noun.definite or noun.place is not None)
        if noun is None or noun.entry is None or whole:
            unit = "fraction"
        if noun is not None and noun.entry is None and noun.place is None:
            end = n.end  # the noun is what the fraction is of, not a unit
            noun = None

    # A bare 19xx/20xx is a year unless a hedge or a known noun makes it a count.
    bare_year = digits_only and _YEAR.fullmatch(text, n.start, n.end) and qualifier == "exact"
    if bare_year and (noun is None or noun.entry is None):
        return None

    # "ثلاث ساعات ونصف", "ساعتين وربع": a part after the noun.
    if noun is not None and noun.end > n.end and not n.is_vague and not n.fraction:
        part = _PART_AFTER.match(text, end)
        if part is not None:
            value += _PARTS[part.group("part")]
            end = part.end()
    if n.ratio:
        unit = "ratio"  # "one in three", "واحد من كل ثلاثة أطفال": of the noun, a part

    # The hedge after the number, its noun, or the noun's adjective.
    if qualifier == "exact":
        for at in (n.end, end, -1):
            if at < 0:  # after the noun's adjective: tokenize only when it comes to that
                at = _next_word_end(text, end) or -1
            h = st.hedge_after.match(text, at) if at >= 0 else None
            if h is not None:
                qualifier = st.qualifier_of["a:" + _words_key(h.group("h"))]
                end = max(end, h.end())
                break

    low: float | None
    high: float | None
    # Ranges: "بين 20 و30 قتيلاً", "20-30 people", "between 20 and 30".
    ranged = _range(text, n, nxt, start, noun, st, tables)
    if ranged is not None:
        start, end, value, high_value, noun2 = ranged
        if noun2 is not None and (noun is None or noun.start > n.start):  # "$40-60 million deal"
            noun = noun2
            unit = noun.entry.canonical if noun.entry is not None else form_key(noun.text)
            place = noun.place
        qualifier, low, high = "range", value, high_value
    elif n.is_vague:
        low, high = n.low, n.high
        if qualifier == "exact":
            qualifier = "vague"
        elif qualifier in ("more_than", "at_least"):
            high = None
        elif qualifier in ("less_than", "at_most"):
            low = 0.0
    else:
        low, high = _interval(qualifier, value, st.approx)

    # 4. The place.
    if place is None:
        place = _place(text, start, end, prev_end, st, tables)
    currency = noun.entry.get("code") if noun is not None and noun.entry is not None else None
    return Quantity(
        start,
        end,
        _exact(value),
        qualifier,
        None if low is None else _exact(low),
        None if high is None else _exact(high),
        unit,
        None,
        place,
        currency or None,
        unit_start=noun.start if noun is not None else 0,
        unit_end=noun.end if noun is not None else 0,
    )
