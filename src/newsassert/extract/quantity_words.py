"""The quantity reader's vocabulary and tokens: hedges and context words
(data/hedges.toml), the calendar words, the lexicon's units and places as
tables, and the words before and after a number.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

import attrs

from newsassert.lexicon import Lexicon, LexiconEntry, form_key
from newsassert.text.data import has_data, read_data
from newsassert.text.folded import fold_word
from newsassert.text.patterns import trie_pattern


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

    def unit_canonical(self, text: str) -> str | None:
        """The canonical unit ``text`` is a form of ("أيام": "day"), if any."""
        entry = self.lookup("unit", text)
        return entry.canonical if entry is not None else None


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
