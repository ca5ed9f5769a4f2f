"""The supporting side of ``supported_by``, indexed by what a claim must share with its match.

Comparing every claim with every claim of the other selection is quadratic in
the corpus: 250 generated articles against 250 others took 16 s, 500 against
500 took 59 s. :class:`SupportIndex` files each supporting claim under the keys
the built-in rules (:mod:`newsassert.compare`, :mod:`newsassert.places`) need
two claims to share before they can agree or conflict, and hands each claim
only those *candidates*, in the order of the other selection. The check then
applies its rules to the candidates exactly as it would to every claim: the
index decides nothing, it only leaves out claims that no rule could relate, so
the verdicts are the same (``tests/test_support_index.py`` compares both
paths).

What a claim is compared with:

- a quantity with a unit: the figures whose unit is related to it (the same
  lemma, one of its class or near-synonyms, a nationality and the people it
  counts, a compound and its head), and figures without a unit (or ages) whose
  interval meets its own or that state the same number; a figure without a
  unit: every figure whose interval meets its own or that states the same
  number (no rule lets two figures without a common point agree, and only
  related units conflict);
- a date: the dates that give at least its fields, with the same values, and
  the date intervals ("last week", a range) whose days meet its own; a date
  that gives no field ("today" unresolved) and an interval are compared with
  every date;
- a role: the roles of the same title;
- a mention: the mentions of its type with the same canonical entity, the same
  key, the same lexicon entry or form; a person's name is matched by sound
  (:func:`newsassert.names.names_match`, no key is exact), so it is compared
  with each distinct person name of the other side once, and the claims
  behind the names that match it (or its surname) are its candidates, with
  the mentions whose sentence holds its first word or its surname (a
  sentence that writes the name out supports it); a country or demonym also
  gets the places within the country, its demonyms and its organizations
  (:func:`newsassert.places.place_support`).

A plugin that answers the ``newsassert_compare`` hook, or a comparison rule
registered for a kind in place of the built-in one, may relate any two claims
of a kind: then every claim of that kind is a candidate, as before.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from newsassert import compare as rules
from newsassert import units
from newsassert.check.statements import StatementSources
from newsassert.compare import CompareOptions, names_match, unit_lemma
from newsassert.interval import exact
from newsassert.lexicon import default_lexicon
from newsassert.model import (
    Claim,
    DateClaim,
    Interval,
    Lexicon,
    LexiconEntry,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    StatementClaim,
    date_fields,
    form_key,
)
from newsassert.normalize import key
from newsassert.places import _country_key, standing_for
from newsassert.plugins import plugin_manager

__all__ = ["StatementIndex", "SupportIndex"]

# The built-in rule of each kind the index knows the keys of.
_INDEXED_RULES: dict[str, Callable[..., object]] = {
    "quantity": rules._compare_quantities,
    "date": rules._compare_dates,
    "mention": rules._compare_mentions,
    "role": rules._compare_roles,
}

# The seven non-empty subsets of (year, month, day).
_MASKS = tuple(
    mask
    for mask in ((y, m, d) for y in (True, False) for m in (True, False) for d in (True, False))
    if any(mask)
)


class SupportIndex:
    """The claims of a selection, filed by the keys a matching claim shares with them."""

    def __init__(self, sources: Sequence[Claim], options: CompareOptions) -> None:
        self._sources = sources
        self._options = options
        self._lexicon = default_lexicon()
        plugged = bool(plugin_manager().hook.newsassert_compare.get_hookimpls())
        self._by_kind: dict[str, list[int]] = defaultdict(list)
        self._ids = frozenset(claim.id for claim in sources)
        self._first_writing: dict[str, int] | None = None
        self._all_sentence_words: dict[str, list[int]] | None = None
        for i, claim in enumerate(sources):
            self._by_kind[claim.kind].append(i)
        # Kinds whose rules the index does not know: every claim is a candidate.
        self._whole = {
            kind
            for kind in self._by_kind
            if plugged or rules._RULES.get(kind) is not _INDEXED_RULES.get(kind, _unknown)
        }
        self._keys: dict[tuple[object, ...], list[int]] = defaultdict(list)
        self._figures = _Figures()
        self._bare_figures = _Figures()
        self._ranged_days = _Spans()  # the days each date interval may be
        self._sentence_words: dict[str, list[int]] = defaultdict(list)
        self._sentences: dict[str, frozenset[str]] = {}
        self._persons: dict[str, list[int]] = defaultdict(list)
        self._person_matches: dict[str, tuple[int, ...]] = {}
        self._partners = _unit_partners()
        for i, claim in enumerate(sources):
            if claim.kind in self._whole:
                continue
            if isinstance(claim, QuantityClaim):
                self._file_quantity(i, claim)
            elif isinstance(claim, DateClaim):
                self._file_date(i, claim)
            elif isinstance(claim, RoleClaim):
                self._keys["role", units._fold(claim.title)].append(i)
            elif isinstance(claim, MentionClaim):
                self._file_mention(i, claim)
        for spans in (self._figures, self._bare_figures, self._ranged_days):
            spans.freeze()

    def signature(self, claim: Claim) -> tuple[object, ...] | None:
        """What the rules read of ``claim``, when claims that share it relate to the same claims.

        A mention's comparisons (:func:`newsassert.compare.same_entity`, the
        surname conflict, :func:`newsassert.places.place_support`) read its
        type, name, key and entity, and for a capital whether it stands for its
        government (:func:`newsassert.places.standing_for`); so do its candidates. ``None`` for the
        other kinds, whose rules read the claim's sentence or more.
        """
        if isinstance(claim, MentionClaim) and claim.kind not in self._whole:
            # A capital reads its sentence too: standing for its government or not.
            government = standing_for(claim, self._lexicon) if claim.type == "place" else None
            return (claim.type, claim.name, claim.key, claim.entity, government)
        return None

    def holds(self, claim_id: str) -> bool:
        """Whether a claim with this id is among the indexed ones (it does not support itself)."""
        return claim_id in self._ids

    def first_writing(self, word: str, tokens: Callable[[str], Iterable[str]]) -> tuple[Claim, ...]:
        """The first claim, of any kind, whose sentence has ``word`` among its ``tokens``."""
        if self._first_writing is None:
            first: dict[str, int] = {}
            seen: set[str] = set()
            for i, claim in enumerate(self._sources):
                if claim.sentence not in seen:
                    seen.add(claim.sentence)
                    for token in tokens(claim.sentence):
                        first.setdefault(token, i)
            self._first_writing = first
        at = self._first_writing.get(word)
        return () if at is None else (self._sources[at],)

    def first_stating(self, name: str) -> tuple[Claim, ...]:
        """The first claim, of any kind, whose sentence writes ``name`` out
        (:func:`newsassert.compare.states_name`)."""
        if self._all_sentence_words is None:
            by_word: dict[str, list[int]] = defaultdict(list)
            seen: set[str] = set()
            for i, claim in enumerate(self._sources):
                if claim.sentence not in seen:
                    seen.add(claim.sentence)
                    for word in self._words_of(claim.sentence):
                        by_word[word].append(i)
            self._all_sentence_words = by_word
        words = rules._NAME_WORD.findall(name)
        for i in self._all_sentence_words.get(key(words[0]), ()) if words else ():
            if rules.states_name(self._sources[i].sentence, name):
                return (self._sources[i],)
        return ()

    def candidates(self, claim: Claim) -> Sequence[Claim]:
        """The claims of the other side that the rules could relate to ``claim``, in order."""
        kind = claim.kind
        if kind in self._whole or kind not in _INDEXED_RULES:
            return [self._sources[i] for i in self._by_kind.get(kind, ())]
        found: set[int] = set()
        if isinstance(claim, QuantityClaim):
            self._quantity_candidates(claim, found)
        elif isinstance(claim, DateClaim):
            self._date_candidates(claim, found)
        elif isinstance(claim, RoleClaim):
            found.update(self._keys.get(("role", units._fold(claim.title)), ()))
        elif isinstance(claim, MentionClaim):
            self._mention_candidates(claim, found)
        return [self._sources[i] for i in sorted(found)]

    # --- quantities -------------------------------------------------------------

    def _file_quantity(self, i: int, claim: QuantityClaim) -> None:
        interval = Interval.of(claim, open_bound=self._options.open_bound)
        value = exact(claim.value)
        self._figures.add_figure(i, interval.low, interval.high, value)
        if _bare(claim):
            self._bare_figures.add_figure(i, interval.low, interval.high, value)
        if claim.unit is not None:
            lemma = unit_lemma(claim.unit)
            self._keys["unit", lemma].append(i)
            head = units._head(lemma)
            if head is not None:
                self._keys["head", head].append(i)
            classes = units._unit_classes()
            if lemma.startswith(units._NATIONALITY):
                self._keys[("nationality",)].append(i)
            elif lemma in classes.people:
                self._keys[("people",)].append(i)

    def _quantity_candidates(self, claim: QuantityClaim, found: set[int]) -> None:
        interval = Interval.of(claim, open_bound=self._options.open_bound)
        value = exact(claim.value)
        # Two figures of unrelated units agree only when one has no unit and
        # they share a point or state the same number.
        figures = self._figures if _bare(claim) else self._bare_figures
        figures.meeting(interval.low, interval.high, found)
        figures.stating(value, found)
        if claim.unit is None:
            return
        lemma = unit_lemma(claim.unit)
        keys = self._keys.get
        found.update(keys(("unit", lemma), ()))
        for partner in self._partners.get(lemma, ()):
            found.update(keys(("unit", partner), ()))
        head = units._head(lemma)
        if head is not None:
            found.update(keys(("unit", head), ()))
        found.update(keys(("head", lemma), ()))
        if lemma.startswith(units._NATIONALITY):
            found.update(keys(("people",), ()))
        elif lemma in units._unit_classes().people:
            found.update(keys(("nationality",), ()))
        if lemma in units.PROPORTIONS:
            for other in units.PROPORTIONS:  # a fraction and a percentage of one whole
                found.update(keys(("unit", other), ()))

    # --- dates ------------------------------------------------------------------

    def _file_date(self, i: int, claim: DateClaim) -> None:
        if claim.low:
            # An interval ("last week", a range) is compared by its days.
            self._keys[("ranged",)].append(i)
            span = rules.date_span(claim)
            if span is None:
                self._keys[("ranged without days",)].append(i)
            else:
                self._ranged_days.add(i, span[0].toordinal(), span[1].toordinal())
            return
        fields = date_fields(claim)
        for mask in _MASKS:
            if all(f is not None for f, m in zip(fields, mask, strict=True) if m):
                self._keys["date", mask, _project(fields, mask)].append(i)

    def _date_candidates(self, claim: DateClaim, found: set[int]) -> None:
        if claim.low:
            # An interval agrees with any date that may fall in it, and one
            # without a year by its fields or weekday: compared with every date.
            found.update(self._by_kind.get("date", ()))
            return
        fields = date_fields(claim)
        mask = tuple(f is not None for f in fields)
        keys = self._keys.get
        if any(mask):
            found.update(keys(("date", mask, _project(fields, mask)), ()))
        else:
            found.update(self._by_kind.get("date", ()))
            return
        # The intervals whose days meet the date's (all of them when its days
        # are not known).
        span = rules.date_span(claim)
        if span is None:
            found.update(keys(("ranged",), ()))
        else:
            self._ranged_days.meeting(span[0].toordinal(), span[1].toordinal(), found)
            found.update(keys(("ranged without days",), ()))

    # --- mentions ---------------------------------------------------------------

    def _file_mention(self, i: int, claim: MentionClaim) -> None:
        for word in self._words_of(claim.sentence):
            self._sentence_words[word].append(i)
        kind = claim.type
        if claim.entity:
            self._keys["entity", kind, units._fold(claim.entity)].append(i)
        if claim.key:
            self._keys["key", kind, claim.key].append(i)
        if kind == "person":
            self._persons[claim.name].append(i)
        else:
            self._keys["form", kind, form_key(claim.name)].append(i)
            entry = _lookup(self._lexicon, kind, claim.name)
            if entry is not None:
                self._keys["canonical", kind, entry.canonical].append(i)
        # What newsassert.places.place_support looks for: the country itself
        # (as a place or a demonym), a place within it, an organization of it.
        lexicon = self._lexicon
        if kind in ("place", "demonym"):
            where = claim.entity or claim.name
            self._keys["country", _country_key(lexicon, where)].append(i)
            entry = _lookup(lexicon, "place", where)
            if entry is not None and entry.country is not None:
                self._keys["within", _country_key(lexicon, entry.country)].append(i)
        elif kind == "org":
            org = _lookup(lexicon, "org", claim.entity or claim.name)
            if org is not None and org.country:
                self._keys["country", _country_key(lexicon, org.country)].append(i)
        elif kind == "person" and claim.entity:
            leader = _lookup(lexicon, "person", claim.entity)
            if leader is not None and leader.country:
                self._keys["country", _country_key(lexicon, leader.country)].append(i)

    def _mention_candidates(self, claim: MentionClaim, found: set[int]) -> None:
        kind, keys = claim.type, self._keys.get
        if claim.entity:
            found.update(keys(("entity", kind, units._fold(claim.entity)), ()))
        if claim.key:
            found.update(keys(("key", kind, claim.key), ()))
        if kind == "person":
            found.update(self._matching_persons(claim.name))
            # A mention whose sentence writes the name out (compare.states_name):
            # its first word, or its surname standing alone.
            wanted = [key(w) for w in rules._NAME_WORD.findall(claim.name)]
            for word in dict.fromkeys(wanted[:1] + wanted[-1:]):
                found.update(self._sentence_words.get(word, ()))
        else:
            found.update(keys(("form", kind, form_key(claim.name)), ()))
            entry = _lookup(self._lexicon, kind, claim.name)
            if entry is not None:
                found.update(keys(("canonical", kind, entry.canonical), ()))
        if kind in ("place", "demonym"):
            country = self._country_of(claim)
            if country is not None:
                found.update(keys(("country", _country_key(self._lexicon, country)), ()))
                entry = _lookup(self._lexicon, "place", country)
                if entry is not None:
                    found.update(keys(("within", form_key(entry.canonical)), ()))

    def _words_of(self, sentence: str) -> frozenset[str]:
        words = self._sentences.get(sentence)
        if words is None:
            raw = rules._sentence_raw_words(sentence)
            words = frozenset(rules._sentence_words(sentence)) | {
                key(rules._POSSESSIVE.sub("", w)) for w in raw
            }
            self._sentences[sentence] = words
        return words

    def _matching_persons(self, name: str) -> tuple[int, ...]:
        """The person mentions whose name matches ``name``, or whose surname it shares."""
        known = self._person_matches.get(name)
        if known is not None:
            return known
        words = name.split()
        surname = words[-1] if len(words) >= 2 else None
        out: list[int] = []
        for other, indices in self._persons.items():
            if names_match(name, other) or (
                surname is not None and len(other.split()) >= 2 and names_match(surname, other)
            ):
                out.extend(indices)
        self._person_matches[name] = matched = tuple(out)
        return matched

    def _country_of(self, claim: MentionClaim) -> str | None:
        # As newsassert.places.place_support finds the country a claim names.
        if claim.type == "place":
            entry = _lookup(self._lexicon, "place", claim.entity or claim.name)
            if entry is None:
                return None
            if entry.country is not None:
                return standing_for(claim, self._lexicon)  # a capital for its government
            return entry.canonical
        return claim.entity or None


class _Spans:
    """Intervals of numbers: which ones meet a given interval.

    The intervals are sorted by their low end, and a tree over that order
    keeps the highest high end of each span of them, so a query walks only
    the spans that hold an interval reaching the query's low end: time in the
    number found, not in the number held.
    """

    def __init__(self) -> None:
        self._items: list[tuple[float, float, int]] = []
        self._odd: list[int] = []  # intervals with a NaN end: always a candidate
        self._lows: list[float] = []
        self._tree: list[float] = []
        self._size = 0

    def add(self, i: int, low: float, high: float) -> None:
        if low <= high:
            self._items.append((low, high, i))
        else:
            self._odd.append(i)

    def freeze(self) -> None:
        self._items.sort()
        self._lows = [low for low, _, _ in self._items]
        size = 1
        while size < len(self._items):
            size *= 2
        tree = [-math.inf] * (2 * size)
        for n, (_, high, _) in enumerate(self._items):
            tree[size + n] = high
        for n in range(size - 1, 0, -1):
            tree[n] = max(tree[2 * n], tree[2 * n + 1])
        self._tree, self._size = tree, size

    def meeting(self, low: float, high: float, found: set[int]) -> None:
        """Add to ``found`` the intervals that share a point with [low, high]."""
        found.update(self._odd)
        if not low <= high:
            found.update(i for _, _, i in self._items)
            return
        # The intervals starting at or below the query's high end...
        end = bisect.bisect_right(self._lows, high)
        if not end:
            return
        # ...whose high end reaches its low end: a walk down the tree.
        tree, size, items = self._tree, self._size, self._items
        stack = [(1, 0, size)]
        while stack:
            node, first, last = stack.pop()
            if first >= end or tree[node] < low:
                continue
            if node >= size:
                found.add(items[first][2])
                continue
            middle = (first + last) // 2
            stack.append((2 * node, first, middle))
            stack.append((2 * node + 1, middle, last))


class _Figures(_Spans):
    """Quantities by interval and by the number they state."""

    def __init__(self) -> None:
        super().__init__()
        self._by_value: dict[Decimal, list[int]] = defaultdict(list)

    def add_figure(self, i: int, low: float, high: float, value: Decimal) -> None:
        self.add(i, low, high)
        self._by_value[value].append(i)

    def stating(self, value: Decimal, found: set[int]) -> None:
        found.update(self._by_value.get(value, ()))


def _unknown(*args: object) -> object:
    raise AssertionError("never called")


def _bare(claim: QuantityClaim) -> bool:
    return claim.unit is None or claim.unit in rules.AGE_UNITS


def _project(fields: tuple[int | None, ...], mask: tuple[bool, ...]) -> tuple[int | None, ...]:
    return tuple(f for f, m in zip(fields, mask, strict=True) if m)


def _lookup(lexicon: Lexicon, kind: str, text: str) -> LexiconEntry | None:
    try:
        return lexicon.lookup(kind, text)
    except KeyError:
        return None


def _unit_partners() -> dict[str, frozenset[str]]:
    """Each unit lemma and the lemmas of its class and near-synonyms."""
    return _partners_in(default_lexicon())


@functools.lru_cache(maxsize=8)
def _partners_in(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    partners: dict[str, set[str]] = defaultdict(set)
    for pair in units._unit_classes().pairs:
        members = tuple(pair)
        if len(members) == 2:
            a, b = members
            partners[a].add(b)
            partners[b].add(a)
    return {lemma: frozenset(others) for lemma, others in partners.items()}


class StatementIndex(StatementSources):
    """:class:`StatementSources` that hands a statement only the ones that could align with it.

    Two statements align only when they share an anchor or a term
    (:func:`newsassert.check.statements.aligned`), so of the statements of a
    predicate (a common one, "said", has thousands) those sharing none are
    left out; the others come in the same order.
    """

    def __init__(self, sources: Iterable[Claim]) -> None:
        super().__init__(sources)
        self._words: dict[str, dict[tuple[bool, str], list[int]]] = {}
        for predicate, claims in self._by_predicate.items():
            words: dict[tuple[bool, str], list[int]] = defaultdict(list)
            for n, claim in enumerate(claims):
                for word in _statement_words(claim):
                    words[word].append(n)
            self._words[predicate] = words

    def related(self, claim: StatementClaim) -> Iterable[StatementClaim]:
        own = _statement_words(claim)
        for predicate in (claim.predicate, *self._opposites.get(claim.predicate, ())):
            claims, words = self._by_predicate.get(predicate, ()), self._words.get(predicate, {})
            found: set[int] = set()
            for word in own:
                found.update(words.get(word, ()))
            for n in sorted(found):
                yield claims[n]


def _statement_words(claim: StatementClaim) -> set[tuple[bool, str]]:
    # Anchors and terms are compared apart: (True, anchor), (False, term).
    return {(True, a) for a in claim.anchors} | {(False, t) for t in claim.terms}
