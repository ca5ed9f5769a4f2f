"""Extract quantities: a number, its hedge, what it counts and where.

For each number :mod:`newsassert.extract.numbers` finds in a segment, the
extractor reads the words around it (in the folded matching form, see
:func:`newsassert.extract.numbers.fold`):

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
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

import attrs

from newsassert.extract import lexicon_of, make_claim
from newsassert.extract.numbers import Folded, FoundNumber, fold, fold_word, scan
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon, form_key
from newsassert.model import Article, Claim, QuantityClaim, Segment
from newsassert.text.data import has_data, read_data
from newsassert.text.patterns import trie_pattern

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


# ---------------------------------------------------------------------------
# The plugin.
# ---------------------------------------------------------------------------


@hookimpl
def newsassert_extract_claims(article: Article, segment: Segment) -> list[Claim]:
    if segment.start >= segment.end:
        return []
    norm = article.normalized
    ns = norm.from_original(segment.start)
    ne = norm.from_original(segment.end)
    folded = fold(norm.text[ns:ne])
    claims: list[Claim] = []
    for q in _read(folded, lexicon_of(article)):
        a, b = folded.span(q.start, q.end)
        start, end = norm.to_original(ns + a, ns + b)
        unit_text = None
        if q.unit_end > q.unit_start:
            ua, ub = folded.span(q.unit_start, q.unit_end)
            unit_text = norm.original_span(ns + ua, ns + ub)
        claims.append(
            make_claim(
                article,
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
# Vocabulary: hedges and context words (data/hedges.toml), months (months.json),
# and the lexicon's units, places and demonyms (compiled once per lexicon).
# ---------------------------------------------------------------------------


def _alternation(forms: Sequence[str]) -> str:
    """A trie-shaped alternation of folded phrases; a space matches any run of spaces."""
    return trie_pattern(" ".join(fold_word(f).casefold().split()) for f in forms)


@attrs.frozen
class _Static:
    hedge_before: re.Pattern[str]
    hedge_after: re.Pattern[str]
    qualifier_of: dict[str, str]
    approx: float
    labels: frozenset[str]
    year_markers: frozenset[str]
    not_units: frozenset[str]
    adverbs: frozenset[str]
    adjectives: frozenset[str]
    locatives: frozenset[str]
    place_modifiers: frozenset[str]
    relative_place: frozenset[str]
    clause_openers: frozenset[str]
    one_idioms: frozenset[str]
    change_verbs: frozenset[str]
    fraction_idioms: re.Pattern[str]
    clock_words: frozenset[str]
    identifiers: frozenset[str]
    date_cues: frozenset[str]
    months: frozenset[str]
    months_capitalized: frozenset[str]
    weekdays: frozenset[str]
    month_near: re.Pattern[str]  # a month name somewhere in a short window


@functools.cache
def _static() -> _Static:
    data = read_data("hedges.toml")
    qualifier_of: dict[str, str] = {}
    before: list[str] = []
    after: list[str] = []
    for hedge in data["hedge"]:
        for form in hedge["before"]:
            before.append(form)
            qualifier_of["b:" + " ".join(fold_word(form).casefold().split())] = hedge["qualifier"]
        for form in hedge["after"]:
            after.append(form)
            qualifier_of["a:" + " ".join(fold_word(form).casefold().split())] = hedge["qualifier"]
    hedge_before = re.compile(
        rf"""(?<![\w$])[وف]?[بلك]?(?P<h>{_alternation(before)})[ \t]*(?:[بل][ \t]?)?(?:ال[ \t]?)?\Z""",
        re.IGNORECASE,
    )
    hedge_after = re.compile(
        rf"""[ \t]*(?P<h>{_alternation(after)})(?!\w)""",
        re.IGNORECASE,
    )
    ctx = data["context"]

    def words(name: str) -> frozenset[str]:
        return frozenset(" ".join(fold_word(w).casefold().split()) for w in ctx[name])

    months, capitalized, weekdays = _calendar_words()
    return _Static(
        hedge_before=hedge_before,
        hedge_after=hedge_after,
        qualifier_of=qualifier_of,
        approx=float(data["intervals"]["approx"]),
        labels=words("labels"),
        year_markers=words("year_markers"),
        not_units=words("not_units"),
        adverbs=words("adverbs"),
        adjectives=words("adjectives"),
        locatives=words("locatives"),
        place_modifiers=words("place_modifiers"),
        relative_place=words("relative_place"),
        clause_openers=words("clause_openers"),
        one_idioms=words("one_idioms"),
        change_verbs=words("change_verbs"),
        fraction_idioms=re.compile(
            rf"(?<!\w)(?:{_alternation(ctx['fraction_idioms'])})(?!\w)", re.IGNORECASE
        ),
        clock_words=words("clock_words"),
        identifiers=words("identifiers"),
        date_cues=words("date_cues"),
        months=months,
        months_capitalized=capitalized,
        weekdays=weekdays,
        month_near=re.compile(
            "(?<!\\w)(?:" + (_alternation(sorted(months)) or "(?!)") + ")", re.IGNORECASE
        ),
    )


def _calendar_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Month names by key, the English ones that need a capital ("May"), weekday names.

    They come from the dates extractor's data (CLDR, data/months.json): a number
    next to a month is a day, and "الاثنين" after "يوم" is Monday, not two.
    """
    if not has_data("months.json"):
        return frozenset(), frozenset(), frozenset()
    data = read_data("months.json")
    months = {form_key(m["key"]) for m in data["months"]}
    capitalized = {
        form_key(m["key"]) for m in data["months"] if m["lang"] == "en" and m.get("needs_context")
    }
    weekdays = {form_key(w["key"]) for w in data.get("weekdays", ())}
    return frozenset(months), frozenset(capitalized), frozenset(weekdays)


@attrs.frozen(eq=False)
class _Tables:
    """What the extractor needs from one lexicon, built once per lexicon."""

    lexicon: Lexicon
    unit_words: int  # the most words in a unit form
    place_words: int
    prefix_symbol: re.Pattern[str]  # a currency symbol or code right before the number
    # Every key of a unit (place) form and every run of its first words: a form
    # of several words can only start with words whose keys are one of these.
    unit_prefixes: frozenset[str]
    place_prefixes: frozenset[str]

    def lookup(self, kind: str, text: str) -> LexiconEntry | None:
        """:meth:`Lexicon.lookup` with the keys of repeated words remembered."""
        return self.lexicon.forms(kind).get(_key(text))


_key = functools.lru_cache(maxsize=1 << 16)(form_key)


_TABLES: weakref.WeakKeyDictionary[Lexicon, _Tables] = weakref.WeakKeyDictionary()


def _tables(lexicon: Lexicon) -> _Tables:
    tables = _TABLES.get(lexicon)
    if tables is None:
        unit_forms = lexicon.forms("unit")
        place_forms = lexicon.forms("place")
        symbols = sorted(
            {
                fold_word(form)
                for entry in lexicon.of_kind("unit")
                for form in entry.forms
                if (form and not any(ch.isalpha() for ch in form))
                or (form.isupper() and 2 < len(form) <= 4)
                or form.endswith("$")
            },
            key=len,
            reverse=True,
        )
        prefix = re.compile(
            r"(?<![\w])(?P<sym>" + "|".join(re.escape(s) for s in symbols) + r")[ \t]?\Z"
            if symbols
            else r"(?!)"
        )
        tables = _Tables(
            lexicon,
            max((len(k.split()) for k in unit_forms), default=1),
            max((len(k.split()) for k in place_forms), default=1),
            prefix,
            _word_prefixes(unit_forms),
            _word_prefixes(place_forms),
        )
        _TABLES[lexicon] = tables
    return tables


def _word_prefixes(keys: Iterable[str]) -> frozenset[str]:
    out: set[str] = set()
    for k in keys:
        words = k.split(" ")
        out.update(" ".join(words[:i]) for i in range(1, len(words) + 1))
    return frozenset(out)


def _widest(words: Sequence[str], prefixes: frozenset[str], most: int) -> int:
    """The most of ``words`` (at most ``most``) a form in the table can span.

    A form of n words is only worth looking up when the keys of its first n-1
    words begin some key. Keys are made character by character (see
    :func:`newsassert.normalize.key`), so the key of words joined by spaces is
    their keys joined by spaces, less the empty ones: the lookups this rules
    out are exactly those that cannot succeed.
    """
    joined = ""
    size = 1
    for word in words[: most - 1]:
        k = _key(word)
        if k:
            joined = f"{joined} {k}" if joined else k
        if joined and joined not in prefixes:
            break
        size += 1
    return size


# ---------------------------------------------------------------------------
# Tokens: words and the punctuation that closes a clause.
# ---------------------------------------------------------------------------

# A word character. The Arabic letters listed first are all in \w: the engine
# tests a class's ranges before its categories, and a range is much cheaper to
# test than the Unicode word category, on the letters most of the text is made of.
_W = "\u0621-\u063a\u0641-\u064a\\w"

_TOKEN = re.compile(
    rf"""
      (?P<word>[{_W}$€£%]{{1,64}}(?:['’\-][{_W}]{{1,64}}|\.[A-Za-z0-9][{_W}]{{0,63}}){{0,8}}\.?)
                                          # a word, "U.S.", "Al-Sudani", "$" (a dot inside
                                          # a word only before a Latin letter or digit:
                                          # "جنديا.وفي" is two words). Its length is bounded:
                                          # the tokens after every number are read, and an
                                          # unbounded "2024-01-2024-01-…" was read to its end
                                          # from each of them (quadratic); a longer run is
                                          # read as several words.
    | (?P<stop>[.،,;؛:!?؟()\[\]{{}}|\n]|\s-\s)  # punctuation that ends a clause
    """,
    re.VERBOSE,
)


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    stop: bool  # clause punctuation
    key: str  # the text casefolded, for the word lists


# A NamedTuple's constructor is a Python function; tuple.__new__ builds the same
# tuple in C, which counts for the dozens of tokens read around every number.
_new_tok: Callable[[type[_Tok], tuple[int, int, str, bool, str]], _Tok] = tuple.__new__

_AFTER_MOST = 8  # the most tokens any reading asks for after a position


def _tokens_after(text: str, pos: int, limit: int) -> Sequence[_Tok]:
    """Up to ``limit`` tokens from ``pos`` on, through the punctuation closing the clause."""
    assert limit <= _AFTER_MOST
    return _tokens_from(text, pos)[:limit]


# The noun, the hedge, the date and the place of one number read the tokens
# after the same few positions: they are read once.
@functools.lru_cache(maxsize=256)
def _tokens_from(text: str, pos: int) -> tuple[_Tok, ...]:
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, pos):
        start, end = m.span()
        token = m.group()
        if m.lastgroup == "stop":
            out.append(_new_tok(_Tok, (start, end, token, True, token.casefold())))
            break
        if not token.endswith("U.S."):
            token = token.rstrip(".")
            end = start + len(token)
        out.append(_new_tok(_Tok, (start, end, token, False, token.casefold())))
        if len(out) >= _AFTER_MOST:
            break
    return tuple(out)


_WORDS_BEFORE = re.compile(rf"[{_W}$€£%]+(?:['’.\-][{_W}]+)*|[.،,;؛:!?؟()\[\]{{}}|\n]")


def _tokens_before(
    text: str, pos: int, limit: int, floor: int = 0, through: str = ""
) -> list[_Tok]:
    """Up to ``limit`` tokens before ``pos`` (nearest first).

    The scan stops at clause punctuation (included as the last token), except
    at the marks in ``through``, which it steps over.
    """
    lo = max(floor, pos - 16 * limit)
    # The tokens wanted are nearly always in the last few words: read those
    # first, from just after a space, and the whole window only when they do
    # not suffice. No token spans a space, so the tokens after one are the
    # same whichever earlier point the reading starts from.
    near = pos - 8 * limit
    if near > lo:
        space = text.find(" ", near, pos)
        if space >= 0:
            found = list(_WORDS_BEFORE.finditer(text, space + 1, pos))
            out, complete = _collect(found, limit, through)
            if complete:
                return out
    found = list(_WORDS_BEFORE.finditer(text, lo, pos))
    if found and lo > floor and found[0].start() == lo:
        found = found[1:]  # cut by the window: maybe half a word
    return _collect(found, limit, through)[0]


def _collect(found: list[re.Match[str]], limit: int, through: str) -> tuple[list[_Tok], bool]:
    """The tokens of ``found`` from the last, and whether a stop or the limit ended them."""
    out: list[_Tok] = []
    for m in reversed(found):
        t = m.group()
        stop = not (t[0].isalnum() or t[0] in "$€£%_")
        if stop and t in through:
            continue
        start, end = m.span()
        out.append(_new_tok(_Tok, (start, end, t, stop, t.casefold())))
        if stop or len(out) >= limit:
            return out, True
    return out, False


# ---------------------------------------------------------------------------
# Reading the quantities of a folded text.
# ---------------------------------------------------------------------------

_AR_PREP = "وفبلك"
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# Between the ends of a range; the second may repeat the currency sign ("$3 to $5").
_RANGE_JOIN = re.compile(
    r"[ \t]*(?P<conj>-|و|and|to|الي|حتي|or|او)[ \t]*(?:[$€£][ \t]?)?", re.IGNORECASE
)
_BETWEEN = re.compile(r"(?<!\w)(?P<w>بين|between|from|من)[ \t]+\Z", re.IGNORECASE)
_PART_AFTER = re.compile(r"[ \t]*و[ \t]*(?P<part>نصف|ربع|ثلث)(?!\w)")
_PARTS = {"نصف": 0.5, "ربع": 0.25, "ثلث": 1 / 3}
_OF_THE = re.compile(
    r"[ \t]+(?:of|من)[ \t]+(?:(?:the|these|those|its|their|his|her|our|my|your)[ \t]+)?",
    re.IGNORECASE,
)
_ENGLISH_COMPOUND = ("-backed", "-led", "-linked", "-allied", "-based", "-affiliated", "-aligned")


class _Noun(NamedTuple):
    """A counted noun found beside a number (offsets in the folded text).

    (A named tuple, not a frozen attrs class: one is made for nearly every
    number, and a tuple is several times cheaper to make.)
    """

    entry: LexiconEntry | None
    start: int
    end: int
    text: str
    place: str | None = None  # "ثلث العراق": the noun is itself a place
    definite: bool = False  # "من الجنود", "of the members", "الأعضاء"


def _read(folded: Folded, lexicon: Lexicon) -> Iterator[Quantity]:
    text = folded.text
    numbers = [n for n in scan(folded) if not n.ordinal]  # a rank counts nothing
    st = _static()
    tables = _tables(lexicon)
    taken = 0  # a range reads the number after it too
    for i, n in enumerate(numbers):
        if n.start < taken:
            continue
        prev_end = numbers[i - 1].end if i else 0
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        q = _reading(text, n, prev_end, nxt, st, tables)
        if q is not None:
            taken = q.end
            yield q


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


def _exact(x: float) -> float:
    # "16.1 million" is 16,100,000, not 16100000.000000002: the digits written.
    return float(f"{x:.12g}")


def _words_key(text: str) -> str:
    return " ".join(text.casefold().split())


def _interval(qualifier: str, value: float, approx: float) -> tuple[float | None, float | None]:
    if qualifier == "approx":
        ends = value * (1 - approx), value * (1 + approx)
        return min(ends), max(ends)
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "at_most"):
        return 0.0, value
    return value, value


def _not_a_count(
    text: str, n: FoundNumber, before: list[_Tok], st: _Static, tables: _Tables
) -> bool:
    digits_only = not n.words
    if n.words and _key(text[n.start : n.end]) in st.weekdays:
        return True  # "يوم الاثنين" is Monday
    if before and not before[0].stop:
        w0 = before[0]
        if _bare(w0.key) in st.labels or (w0.end == n.start and w0.key in ("#",)):
            return True
        if digits_only and (w0.key in st.year_markers or _is_month(w0, st)):
            return True  # "عام 2008", "January 27", "يناير 2024"
        if (
            digits_only
            and len(before) > 1
            and not before[1].stop
            and before[1].key in st.labels
            and not (w0.text.isascii() and w0.text.isalpha() and w0.text.islower())
        ):
            # "Resolution No. 2334", "القرار الأممي 2334"; not "the brigade sent 300"
            return tables.lookup("unit", w0.text) is None and w0.key not in st.not_units
    if digits_only and n.start > 1 and text[n.start - 1] == "-" and text[n.start - 2].isalpha():
        return True  # "S-300", "أس-300": a model, not a count
    if _in_date_or_label(text, n, before, st, tables):
        return True
    if digits_only and _LATIN_WORD.match(text, n.end):
        glued = _LATIN_WORD.match(text, n.end)
        if glued is not None and tables.lookup("unit", glued.group()) is None:
            return True  # 5G, 27th, 1990s
    if (
        digits_only
        and n.end < len(text)
        and text[n.end] in "مه"
        and not (n.end + 1 < len(text) and text[n.end + 1].isalpha())
    ):
        return True  # "2024م", "1445هـ": a year of an era
    return _date_follows(text, n.end, st)


_AGE = re.compile(
    # Runs of spaces bounded: two unbounded runs around an optional hyphen
    # backtrack quadratically on a number followed by thousands of spaces.
    r"[ \t]{0,3}-?[ \t]{0,3}(?P<w>(?P<per>year|month|week|day)s?[ \t]{0,3}-?[ \t]{0,3}old)(?!\w)",
    re.IGNORECASE,
)
_AGE_UNITS = {"year": "age", "month": "age in months", "week": "age in weeks", "day": "age in days"}
_LINE_START = re.compile(r"(?:\A|\n)[ \t]*\Z")
_LIST_MARK = re.compile(r"[ \t]{0,3}[-–).][ \t]")
_SEASON = re.compile(r"(?:1[89]|20)\d\d[-–/]\Z")
_ABBREVIATED_MONTH = re.compile(r"(?<![\w.])([A-Za-z]{3,4})\.[ \t]*\Z")
_CODE = re.compile(r"[A-Z]{2,5}")
_CODE_TAIL = re.compile(r"(?<![\w])[A-Z]{2,5}[ \t-]?\d+-\Z")


def _in_date_or_label(
    text: str, n: FoundNumber, before: list[_Tok], st: _Static, tables: _Tables
) -> bool:
    """A number inside a date span, a list marker, an identifier or a clock time.

    "Feb. 23, 2023", "on may 7" (lower-cased text), the "11" of the season
    "2010-11", "1- يطالب" (list numbering at the start of a line), "BIA
    10-2474" (a code in capitals), "8 pm", "7 a.m.": none is a count.
    """
    digits_only = not n.words
    after = _tokens_after(text, n.end, 1)
    if after and not after[0].stop and after[0].key in st.clock_words:
        return True
    if before and not before[0].stop and before[0].key in st.clock_words:
        return True  # "الساعة 8"
    if not digits_only:
        return False
    if _LIST_MARK.match(text, n.end) and _LINE_START.search(text, max(0, n.start - 40), n.start):
        return True
    if _SEASON.search(text, max(0, n.start - 5), n.start) and n.end - n.start <= 2:
        return True
    if _CODE_TAIL.search(text, max(0, n.start - 16), n.start):
        return True  # the "2474" of "BIA 10-2474"
    month = _ABBREVIATED_MONTH.search(text, max(0, n.start - 8), n.start)
    if month is not None and _key(month.group(1)) in st.months:
        return True
    if before and not before[0].stop:
        w0 = before[0]
        if (
            _key(w0.text) in st.months_capitalized
            and len(before) > 1
            and before[1].key in st.date_cues
        ):
            return True  # "on may 7", "since march 3"
        if w0.key in st.identifiers:
            return True
        if (
            w0.end + 1 >= n.start
            and _CODE.fullmatch(w0.text)
            and tables.lookup("unit", w0.text) is None
            and tables.lookup("place", w0.text) is None
        ):
            return True  # "BIA 10-2474", "TGN 1412": a code, not a count
    return False


def _bare(word: str) -> str:
    """An Arabic word without a glued preposition or conjunction ("للقرار" -> "القرار")."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    if word[:1] in _AR_PREP and word[1:3] == "ال":
        return word[1:]
    return word


def _is_month(tok: _Tok, st: _Static) -> bool:
    k = _key(tok.text)
    if k not in st.months:
        return False
    return k not in st.months_capitalized or tok.text[:1].isupper()


def _date_follows(text: str, pos: int, st: _Static) -> bool:
    """A month name after the number, across "و8", "من شهر", "/": it is a day."""
    if st.month_near.search(text, pos, pos + 40) is None:
        return False  # the common case, without tokenizing
    toks = _tokens_after(text, pos, 6)
    for i, tok in enumerate(toks):
        if tok.stop:
            return False
        if _is_month(tok, st) or (
            i + 1 < len(toks) and _key(tok.text + " " + toks[i + 1].text) in st.months
        ):
            return True
        k = tok.key
        if k in ("من", "شهر", "of", "th", "st", "nd", "rd", "and") or k.isdigit():
            continue
        if k[:1] == "و" and k[1:].isdigit():
            continue
        return False
    return False


def _next_word_end(text: str, pos: int) -> int | None:
    toks = _tokens_after(text, pos, 1)
    return toks[0].end if toks and not toks[0].stop else None


def _fraction_idiom(text: str, n: FoundNumber, st: _Static) -> bool:
    """The fraction is part of "نصف النهائي", "first half": a contest or a year's part."""
    lo = max(0, n.start - 16)
    for m in st.fraction_idioms.finditer(text, lo, min(len(text), n.end + 16)):
        if m.start() <= n.start < m.end() or m.start() < n.end <= m.end():
            return True
    return False


def _lookup_unit(words: Sequence[str], tables: _Tables) -> LexiconEntry | None:
    """The unit entry ``words`` are a form of, trying Arabic and English inflections."""
    entry = tables.lookup("unit", " ".join(words))
    if entry is not None:
        return entry
    last = words[-1]
    head = " ".join(words[:-1])
    variants: list[str] = []
    if _ARABIC_LETTER.match(last):
        if last.endswith("ا") and len(last) > 3:
            variants.append(last[:-1])  # the tanween alef: هجوماً -> هجوم
        if last.startswith("ال") and len(last) > 4:
            variants.append(last[2:])
    else:
        low = last.casefold()
        if low.endswith("ies"):
            variants.append(low[:-3] + "y")
        if low.endswith("es"):
            variants.append(low[:-2])
        if low.endswith("s"):
            variants.append(low[:-1])
    for v in variants:
        entry = tables.lookup("unit", f"{head} {v}".strip())
        if entry is not None:
            return entry
    return None


def _noun_after(text: str, n: FoundNumber, st: _Static, tables: _Tables) -> _Noun | None:
    """The counted noun after a number (after "من"/"of the" too)."""
    pos = n.end
    definite_ok = n.is_vague or n.fraction
    of = _OF_THE.match(text, pos)
    if of is not None:
        if n.weak and n.value == 1:
            return None  # "one of the officials", "واحد من": one among them
        pos, definite_ok = of.end(), True
    toks = _tokens_after(text, pos, 5)
    if not toks or toks[0].stop:
        return None
    if toks[0].text.startswith("%"):
        entry = tables.lookup("unit", "%")
        return _Noun(entry, toks[0].start, toks[0].start + 1, "%") if entry else None
    words = [t for t in toks if not t.stop]
    if words[0].key in st.adverbs:
        return None  # "قتل 7 أمس", "أصيب 4 اليوم": an adverb, no counted noun
    english = _ARABIC_LETTER.match(words[0].text) is None
    skip = _english_modifiers(words, st, tables) if english else 0
    if skip and len(words) > 1 and _lookup_unit([words[0].text, words[1].text], tables):
        skip = 0  # "Egyptian pounds", "Saudi riyals": the nationality is the unit's
    rest = words[skip:]
    widest = _widest([t.text for t in rest], tables.unit_prefixes, tables.unit_words)
    for size in range(min(widest, len(rest)), 0, -1):
        chunk = rest[:size]  # (words holds no punctuation)
        if size > 1 and chunk[-1].end - chunk[0].start > 60:
            continue
        entry = _lookup_unit([t.text for t in chunk], tables)
        if entry is not None:
            definite = of is not None or chunk[0].key.startswith("ال")
            span = text[chunk[0].start : chunk[-1].end]
            return _Noun(entry, chunk[0].start, chunk[-1].end, span, definite=definite)
    if not rest or (of is None and rest[0].start > pos + 1 + (rest[0].start - words[0].start)):
        return None
    first = rest[0]
    k = first.key
    if k in st.not_units or not first.text[:1].isalpha() or any(c.isdigit() for c in k):
        return None
    if k in st.months or _is_number_word(k):
        return None
    place = tables.lookup("place", first.text.removesuffix("'s"))
    if place is not None:
        # "ثلث العراق", "a third of Iraq": a part of a place.
        if not n.fraction:
            return None
        return _Noun(None, first.start, first.end, first.text, place.canonical, definite=True)
    if english:
        if k.endswith("ly") or not first.text.isalpha() or _POSSESSIVE.match(text, first.end):
            return None  # "six of herrera 's seven goals": a name, not what is counted
        if len(rest) > 1 and n.value != 1 and not _plural_like(k):
            # Lower-cased text hides names and adjectives: "100 islamic
            # teachers", "hundreds of indecent images" count the plural noun.
            second = rest[1]
            entry = _lookup_unit([second.text], tables)
            if entry is not None or (
                _plural_like(second.key)
                and second.text.isalpha()
                and second.key not in st.not_units
                and second.start - first.end <= 2
            ):
                return _Noun(entry, second.start, second.end, second.text, definite=of is not None)
        return _Noun(None, first.start, first.end, first.text, definite=of is not None)
    if not definite_ok and k.startswith("ال"):
        return None
    if n.is_vague and of is None and not k.startswith("ال"):
        return None  # "عشرات الجنود" is a construct; "العشرات يغرقون" has no noun
    if (k[:1] in _AR_PREP and k[1:3] in ("ال", "لل")) or k.startswith("لل"):
        return None  # a preposition or conjunction on a definite word: "بالعراق"
    if k[:1] in "وف" and len(k) > 3:
        return None  # a conjunction: "قتل 3 وأصيب 5"
    return _Noun(None, first.start, first.end, first.text, definite=definite_ok)


_POSSESSIVE = re.compile(r"[ \t]?['’]s(?!\w)")


def _plural_like(k: str) -> bool:
    return len(k) > 3 and k.endswith("s") and not k.endswith(("ss", "us", "is"))


def _english_modifiers(words: Sequence[_Tok], st: _Static, tables: _Tables) -> int:
    """How many adjectives, demonyms and names stand before an English noun."""
    skip = 0
    while skip < len(words) - 1:
        w = words[skip]
        k = w.key
        # A capitalized word is a name before the noun ("2,500 US troops"), not
        # when a function word follows it ("133 Tests for England").
        proper = (
            w.text[:1].isupper()
            and k not in st.not_units
            and words[skip + 1].key not in st.not_units
        )
        if (
            k in st.adjectives
            or k.endswith(_ENGLISH_COMPOUND)
            or tables.lookup("demonym", w.text) is not None
            or tables.lookup("place", w.text) is not None
            or (proper and _lookup_unit([w.text], tables) is None)
        ):
            skip += 1
            continue
        break
    return skip


def _is_number_word(k: str) -> bool:
    from newsassert.extract.numbers import is_number_word

    return is_number_word(k)


def _noun_before(before: list[_Tok], st: _Static, tables: _Tables) -> _Noun | None:
    """The noun before a postposed number: "جندي واحد", "الدول الثلاث"."""
    if not before or before[0].stop:
        return None
    tok = before[0]
    if tok.key in st.one_idioms:
        return None
    entry = _lookup_unit([tok.text], tables)
    if entry is None and tok.text[:1] in "وف" and len(tok.text) > 4:
        entry = _lookup_unit([tok.text[1:]], tables)  # "وعوامل ثلاثة": and three factors
    if entry is None:
        return None
    return _Noun(entry, tok.start, tok.end, tok.text)


def _range(
    text: str,
    n: FoundNumber,
    nxt: FoundNumber | None,
    start: int,
    noun: _Noun | None,
    st: _Static,
    tables: _Tables,
) -> tuple[int, int, float, float, _Noun | None] | None:
    """A range "X-Y", "X إلى Y", "بين X و Y", "between $3 and $5", "$40-60 million"
    with the noun after Y: (start, end, low, high, noun)."""
    if nxt is None or n.is_vague or nxt.is_vague or nxt.value <= n.value or n.fraction:
        return None
    if noun is not None and noun.end > n.end:
        return None  # "3 جنود و5 مدنيين": two quantities
    join = _RANGE_JOIN.fullmatch(text, n.end, nxt.start)
    if join is None:
        return None
    between = _BETWEEN.search(text, max(0, start - 12), start)
    if between is not None and between.group("w").casefold() in ("from", "من"):
        # "ارتفع من 20 إلى 30", "rose from 20 to 30": a change, two quantities.
        verb = _tokens_before(text, between.start(), 2)
        if any(not t.stop and _bare(t.key) in st.change_verbs for t in verb):
            return None
    conj = join.group("conj").strip().casefold()
    if between is None and conj in ("و", "and", "or", "او"):
        return None
    noun2 = _noun_after(text, nxt, st, tables)
    if between is None and noun2 is None and not (noun is not None and noun.end <= n.start):
        return None
    end = max(nxt.end, noun2.end) if noun2 is not None else nxt.end
    low = n.value * nxt.scale if n.scale == 1 and nxt.scale > 1 and n.value < 1000 else n.value
    if low >= nxt.value:
        return None
    return (between.start() if between is not None else start), end, low, nxt.value, noun2


def _place(text: str, start: int, end: int, floor: int, st: _Static, tables: _Tables) -> str | None:
    """The place the quantity's own clause locates it in, or ``None``."""
    after = _tokens_after(text, end, 8)
    found = _locative_place(after, st, tables, forward=True)
    if found is not None:
        return found or None
    before = _tokens_before(text, start, 10, floor)
    clause = list(reversed(before))
    if clause and clause[0].stop:
        clause = clause[1:]
    for i, tok in enumerate(clause):
        if tok.key in st.clause_openers:
            clause = clause[i + 1 :]
            break
    found = _locative_place(clause, st, tables, forward=False)
    if found is not None:
        return found or None
    if before and before[-1].stop and before[-1].text in ",،":
        found = _fronted_place(text, before[-1].start, floor, st, tables)
        if found is not None:
            return found
    return _place_before_relative(text, start, floor, st, tables)


def _fronted_place(text: str, comma: int, floor: int, st: _Static, tables: _Tables) -> str | None:
    """A locative fronted before a comma at the start of the sentence ("في العراق، ينتشر ...")."""
    prior = _tokens_before(text, comma, 5, floor)
    if not prior or (len(prior) == 5 and not prior[-1].stop):
        return None
    words = [t for t in reversed(prior) if not t.stop]
    if not words or words[0].key not in st.locatives:
        return None
    return _locative_place(words, st, tables, forward=False) or None


def _place_before_relative(
    text: str, start: int, floor: int, st: _Static, tables: _Tables
) -> str | None:
    """ "... سوريا، حيث يوجد نحو 900 جندي": the place named just before حيث/where."""
    # Tokens are read only when حيث/where is in the window they come from (rare).
    window = text[max(floor, start - 16 * 12) : start].casefold()
    if not any(word in window for word in st.relative_place):
        return None
    rel = _tokens_before(text, start, 12, floor, through=",،")
    for tok in rel:
        if tok.key in st.relative_place:
            for t in _tokens_before(text, tok.start, 6, floor, through=",،"):
                if not t.stop:
                    place = _place_of([t], tables)
                    if place is not None:
                        return place
            return None
    return None


def _place_of(chunk: Sequence[_Tok], tables: _Tables) -> str | None:
    words = [t.text for t in chunk]
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]  # "Iraq's"
    entry = tables.lookup("place", " ".join(words))
    first = words[0]
    if entry is None and _ARABIC_LETTER.match(first) and first[:1] in _AR_PREP and len(first) > 3:
        stripped = "ال" + first[2:] if first.startswith("لل") else first[1:]
        entry = tables.lookup("place", " ".join([stripped, *words[1:]]))
    return entry.canonical if entry is not None else None


def _place_at(toks: Sequence[_Tok], i: int, tables: _Tables) -> tuple[str, int] | None:
    widest = 1
    if i + 1 < len(toks):
        # The first word as _place_of reads it, or without a glued preposition.
        words = [t.text for t in toks[i : i + tables.place_words - 1]]
        first = words[0]
        widest = max(
            _widest(words, tables.place_prefixes, tables.place_words),
            _widest(
                ["ال" + first[2:] if first.startswith("لل") else first[1:], *words[1:]],
                tables.place_prefixes,
                tables.place_words,
            ),
        )
    for size in range(min(widest, len(toks) - i), 0, -1):
        chunk = toks[i : i + size]
        if any(t.stop for t in chunk):
            continue
        found = _place_of(chunk, tables)
        if found is not None:
            return found, i + size
    return None


def _locative_place(
    toks: Sequence[_Tok], st: _Static, tables: _Tables, forward: bool
) -> str | None:
    """A place after a locative (في, in, a glued بـ) among ``toks``.

    Returns the canonical place, ``""`` when the clause names two places
    joined by و/and (they locate nothing), or ``None`` when it names none.
    """
    for i, tok in enumerate(toks):
        if tok.stop or (forward and tok.key in st.clause_openers):
            return None
        k = tok.key
        glued = k[:1] == "ب" and k not in st.locatives  # a glued بـ (an Arabic letter)
        if k not in st.locatives and not (glued and (not forward or i <= 2)):
            continue
        j = i if glued else i + 1
        while j < len(toks) and not toks[j].stop and toks[j].key in st.place_modifiers:
            j += 1
        hit = _place_at(toks, j, tables)
        if hit is None:
            continue
        place, after = hit
        if after < len(toks) and not toks[after].stop:
            nk = toks[after].key
            if (nk in ("and", "or") and _place_at(toks, after + 1, tables)) or (
                nk[:1] == "و" and _place_at(toks, after, tables)
            ):
                return ""
        return place
    return None
