"""How two claims relate: the answer of the ``newsassert_compare`` hook.

:func:`compare` asks the plugins first (a model-based backend can decide any
pair) and falls back to newsassert's own rules, :func:`builtin_compare`, which
looks up the rule registered for the claims' kind (:func:`register_comparison`;
a plugin or a later stage adds a kind the same way):

- quantities agree when they count related units (the same lemma, a unit and
  its class, near-synonyms, a compound and its head noun; see
  ``data/unit_classes.toml``), their places do not differ and their intervals
  share a point; a figure with no unit agrees with an equal figure with no unit
  (or an age), or with an equal figure whose words around it are the same.
  A figure placed in a city agrees with the same figure placed in the city's
  country (the first claim the country, the second the city: the city
  supports the country, not the reverse).
  They conflict when they count the same unit, both name the same place and
  the intervals are disjoint (without a place two figures may count different
  things, so they are only unrelated, unless the caller opts in with
  ``CompareOptions(unplaced=True)``);
- dates agree when every field both give (year, month, day, weekday) is
  equal; a relative date nothing resolved ("today", "Thursday" without a
  publication date) agrees with an absolute date that agrees in every field it
  gives, and with the same word;
- mentions agree when they name the same entity (same canonical entity, same
  key, or for persons cross-script name matching); a person also agrees with
  any mention whose sentence writes the person's name out (the article names
  that person though its reader did not find the name there);
- roles with the same title and a compatible country (equal, or one not
  stated) agree when they name the same person, and conflict when they name
  different people and the office has one holder at a time (see
  ``data/offices.toml``).

Claims of different kinds, or of a kind without a rule, are unrelated.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from newsassert import units
from newsassert.interval import Interval, exact
from newsassert.lexicon import default_lexicon
from newsassert.model import (
    Claim,
    Comparison,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    date_fields,
)
from newsassert.places import place_within
from newsassert.plugins import plugin_manager
from newsassert.text.data import read_data
from newsassert.text.normalize import key
from newsassert.units import UnitRelation, _fold, same_unit, unit_lemma, unit_relation

__all__ = [
    "CONFLICTING_KINDS",
    "CompareOptions",
    "Comparison",
    "UnitRelation",
    "builtin_compare",
    "comparator",
    "compare",
    "countries_compatible",
    "date_fields",
    "date_span",
    "exact",
    "names_match",
    "register_comparison",
    "same_person",
    "same_place",
    "same_unit",
    "single_holder",
    "unit_lemma",
    "unit_relation",
    "weekday_of",
]


@attrs.frozen
class CompareOptions:
    """Choices a check may make about the built-in rules.

    ``unplaced``: figures of the same unit that both name no place conflict
    when their intervals are disjoint (by default they are unrelated: two
    numbers of soldiers may count the wounded and the deployed). The check's
    query says which subject the figures are about.
    ``open_bound``: how far above its figure a one-sided hedge reaches ("more
    than 40" asserts (40, 40 × open_bound]); ``None`` takes the data default
    (``data/hedges.toml``, ``[intervals] open_bound``).
    """

    unplaced: bool = False
    open_bound: float | None = None


DEFAULT_OPTIONS = CompareOptions()

Rule = Callable[[Any, Any, CompareOptions], "Comparison"]
_RULES: dict[str, Rule] = {}


def register_comparison(kind: str, rule: Rule) -> None:
    """Make ``rule(a, b, options)`` the built-in comparison of two claims of ``kind``.

    A later registration for the same kind replaces the earlier one; the rule
    must be symmetric (``rule(a, b)`` and ``rule(b, a)`` give one answer).
    """
    _RULES[kind] = rule


def compare(a: Claim, b: Claim) -> Comparison:
    """How ``a`` and ``b`` relate: the first plugin's answer, else the built-in rules."""
    answer: Comparison | None = plugin_manager().hook.newsassert_compare(a=a, b=b)
    return answer if answer is not None else builtin_compare(a, b)


def comparator(options: CompareOptions | None = None) -> Callable[[Claim, Claim], Comparison]:
    """:func:`compare`, or the built-in rules themselves when no plugin implements the hook.

    For checks that compare many pairs: the plugin manager is asked once.
    With ``options``, the built-in rules (the plugins' fallback) use them.
    """
    plugged = bool(plugin_manager().hook.newsassert_compare.get_hookimpls())
    if options is None or options == DEFAULT_OPTIONS:
        return compare if plugged else builtin_compare
    if not plugged:
        return functools.partial(builtin_compare, options=options)

    def with_options(a: Claim, b: Claim) -> Comparison:
        answer: Comparison | None = plugin_manager().hook.newsassert_compare(a=a, b=b)
        return answer if answer is not None else builtin_compare(a, b, options=options)

    return with_options


# Kinds whose pairs the built-in rules can find in conflict.
CONFLICTING_KINDS = ("quantity", "role")


def builtin_compare(a: Claim, b: Claim, options: CompareOptions = DEFAULT_OPTIONS) -> Comparison:
    """newsassert's own rules for a pair of claims (see the module docstring)."""
    if a.kind != b.kind:
        return Comparison.UNRELATED
    rule = _RULES.get(a.kind)
    return rule(a, b, options) if rule is not None else Comparison.UNRELATED


def _compare_quantities(a: QuantityClaim, b: QuantityClaim, options: CompareOptions) -> Comparison:
    relation = unit_relation(a.unit, b.unit)
    ia = Interval.of(a, open_bound=options.open_bound)
    ib = Interval.of(b, open_bound=options.open_bound)
    scale_a, scale_b = units.proportion_scale(a.unit), units.proportion_scale(b.unit)
    if scale_a is not None and scale_b is not None and scale_a != scale_b:
        return Comparison.AGREE if _same_share(a, b, scale_a, scale_b) else Comparison.UNRELATED
    if relation is UnitRelation.NONE:
        return Comparison.AGREE if _bare_figures_match(a, b, ia, ib) else Comparison.UNRELATED
    if a.place and b.place and not same_place(a.place, b.place):
        # A figure placed in a city supports the same figure placed in its
        # country (not the reverse); two places never make a conflict.
        if place_within(b.place, a.place) and ia.overlaps(ib):
            return Comparison.AGREE
        return Comparison.UNRELATED
    if ia.overlaps(ib) or _same_stated_value(a, b):
        return Comparison.AGREE
    if relation is UnitRelation.SAME and (
        (a.place and b.place) or (options.unplaced and not a.place and not b.place)
    ):
        return Comparison.CONFLICT
    return Comparison.UNRELATED


def _same_stated_value(a: QuantityClaim, b: QuantityClaim) -> bool:
    # "منذ 35 عاما" and "منذ أكثر من 35 عاما", "more than 40" and "40": the
    # same figure, with and without a hedge. The support check says so.
    if a.qualifier == b.qualifier or {"vague", "range"} & {a.qualifier, b.qualifier}:
        return False
    return exact(a.value) == exact(b.value)


AGE_UNITS = frozenset({"age", "age in months", "age in weeks", "age in days"})


def _bare_figures_match(a: QuantityClaim, b: QuantityClaim, ia: Any, ib: Any) -> bool:
    """A figure with no unit against an equal figure: agree in a comparable context.

    Two figures without a unit (or ages: "Barry Beavis, 48" is "the
    48-year-old") agree when equal; a figure without a unit and one with a unit
    agree when equal and the words around them are the same ("# 2,100 a year"
    and "£2,100 a year").
    """
    bare_a = a.unit is None or a.unit in AGE_UNITS
    bare_b = b.unit is None or b.unit in AGE_UNITS
    if not (bare_a or bare_b) or _is_rank(a) or _is_rank(b):
        return False  # a rank ("the third quarter") is no figure of anything
    if not (ia.overlaps(ib) or _same_stated_value(a, b)):
        return False
    if bare_a and bare_b:
        return True
    return _comparable_context(a, b)


def _comparable_context(
    a: QuantityClaim,
    b: QuantityClaim,
    words: Callable[[QuantityClaim], frozenset[str]] | None = None,
) -> bool:
    """Whether the words around two figures say they are figures of one thing."""
    words = words or _context_words
    shared = len(words(a) & words(b))
    # A headline has few words around a figure: one shared word is context.
    short = min(len(a.sentence.split()), len(b.sentence.split())) <= _SHORT_SENTENCE
    return shared >= 2 or (short and shared >= 1)


# A share written both ways is rounded: "a third" is 33 % or 33.3 %.
_SHARE_TOLERANCE = 0.006


def _same_share(a: QuantityClaim, b: QuantityClaim, scale_a: float, scale_b: float) -> bool:
    """A fraction and a percentage of one whole ("half of the towns", "50% of the towns").

    Equal shares (within rounding) agree when the words around them are the
    same; a different share is unrelated, not a conflict: the words may count
    two different wholes.
    """
    if _is_rank(a) or _is_rank(b) or a.qualifier != b.qualifier:
        return False
    share_a, share_b = float(a.value) / scale_a, float(b.value) / scale_b
    if abs(share_a - share_b) > _SHARE_TOLERANCE:
        return False
    # The whole is often inside the claim ("half of the affected towns"):
    # its words count as context.
    return _comparable_context(a, b, _share_words)


def _share_words(claim: QuantityClaim) -> frozenset[str]:
    return _context_words(claim) | _content_keys(_WORD.findall(claim.text.casefold()))


def _is_rank(claim: QuantityClaim) -> bool:
    return claim.unit is not None and claim.unit.startswith(units._ORDINAL)


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CONTEXT_WIDTH = 6  # words on each side of the figure
_SHORT_SENTENCE = 14  # words: a headline


def _context_words(claim: QuantityClaim) -> frozenset[str]:
    return _context(claim.sentence, claim.text)


@functools.lru_cache(maxsize=1 << 14)
def _context(sentence: str, text: str) -> frozenset[str]:
    folded = sentence.casefold()
    at = folded.find(text.casefold())
    if at < 0:
        at, end = 0, len(folded)
    else:
        end = at + len(text)
    before = _WORD.findall(folded, 0, at)[-_CONTEXT_WIDTH:]
    after = _WORD.findall(folded, end)[:_CONTEXT_WIDTH]
    return _content_keys((*before, *after))


def _content_keys(words: Iterable[str]) -> frozenset[str]:
    """The keys of the content words among ``words`` (no stop word, none under three letters)."""
    return frozenset(k for w in words if (k := key(w)) and len(k) > 2 and k not in _stopwords())


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(key(w) for w in read_data("unit_classes.toml")["context"]["stopwords"])


def _compare_dates(a: DateClaim, b: DateClaim, options: CompareOptions) -> Comparison:
    if a.low or b.low:
        # An interval (a range, "last week", both readings of 09/11/2001) agrees
        # with any date that may fall in it; it never conflicts.
        sa, sb = date_span(a), date_span(b)
        if sa is not None and sb is not None:
            return Comparison.AGREE if sa[0] <= sb[1] and sb[0] <= sa[1] else Comparison.UNRELATED
    fa, fb = date_fields(a), date_fields(b)
    shared = [(x, y) for x, y in zip(fa, fb, strict=True) if x is not None and y is not None]
    if shared and any(x != y for x, y in shared):
        return Comparison.UNRELATED
    wa, wb = weekday_of(a), weekday_of(b)
    if wa is not None and wb is not None:
        return Comparison.AGREE if wa == wb else Comparison.UNRELATED
    if shared:
        return Comparison.AGREE
    if not any(f is not None for f in fa) or not any(f is not None for f in fb):
        return Comparison.AGREE if _unresolved_match(a, b) else Comparison.UNRELATED
    return Comparison.UNRELATED


def date_span(claim: DateClaim) -> tuple[dt.date, dt.date] | None:
    """The first and last day a date claim may be: an interval's ends, else the
    day, month or year its fields give; None without a year."""
    if claim.low and claim.high:
        first, last = _period_span(claim.low), _period_span(claim.high)
        if first is not None and last is not None:
            return first[0], last[1]
    return _fields_span(*date_fields(claim))


def _period_span(iso: str) -> tuple[dt.date, dt.date] | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the days it covers (``--MM-DD``: None)."""
    try:
        parts = [int(p) for p in iso.split("-")]
    except ValueError:
        return None
    return _fields_span(*[*parts, None, None][:3]) if 1 <= len(parts) <= 3 else None


def _fields_span(
    year: int | None, month: int | None, day: int | None
) -> tuple[dt.date, dt.date] | None:
    try:
        if year is None:
            return None
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            return dt.date(year, month, 1), last
        return dt.date(year, month, day), dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _unresolved_match(a: DateClaim, b: DateClaim) -> bool:
    """A date of which nothing is known ("today" without a publication date) against another.

    The same word ("today", "اليوم", "yesterday"/"أمس") agrees; an absolute
    date agrees with it in every field it gives (it gives none), so it agrees.
    """
    blank_a = not any(f is not None for f in date_fields(a))
    blank_b = not any(f is not None for f in date_fields(b))
    if blank_a and blank_b:
        return _relative_word(a) == _relative_word(b)
    blank = a if blank_a else b
    return blank.relative


def _relative_word(claim: DateClaim) -> str:
    words = _relative_words()
    folded = " ".join(key(claim.text).split())
    for phrase, label in words.items():
        if phrase and phrase in folded:
            return label
    return folded


@functools.cache
def _relative_words() -> Mapping[str, str]:
    data = read_data("date_words.json")
    out: dict[str, str] = {}
    for offset, langs in data["days_from_publication"].items():
        for forms in langs.values():
            for form in forms:
                out[" ".join(key(form).split())] = f"day{offset}"
    # Longest first: "the day before yesterday" before "yesterday".
    return dict(sorted(out.items(), key=lambda kv: -len(kv[0])))


def weekday_of(claim: DateClaim) -> int | None:
    """The weekday (Monday 0) a date claim gives: from its full date, else from its words."""
    year, month, day = date_fields(claim)
    if year is not None and month is not None and day is not None:
        try:
            return dt.date(year, month, day).weekday()
        except ValueError:
            return None
    return _weekday_in(claim.text)


@functools.lru_cache(maxsize=1 << 12)
def _weekday_in(text: str) -> int | None:
    names = _weekday_names()
    for word in _WORD.findall(text):
        found = names.get(key(word))
        if found is not None:
            return found
    return None


@functools.cache
def _weekday_names() -> Mapping[str, int]:
    data = read_data("months.json")
    names: dict[str, int] = {}
    for item in data.get("weekdays", ()):
        k = key(item["key"])
        if len(k) > 3:  # abbreviations ("Sun", "Wed") are also words
            names[k] = int(item["weekday"])
    return names


def _compare_mentions(a: MentionClaim, b: MentionClaim, options: CompareOptions) -> Comparison:
    if same_entity(a, b) or (a.type == "person" and states_name(b.sentence, a.name)):
        return Comparison.AGREE
    return Comparison.UNRELATED


# A word of a sentence, for finding a name in it (hyphens and apostrophes
# inside a name are kept: al-Douri, O'Toole).
_NAME_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def states_name(sentence: str, name: str) -> bool:
    """Whether ``sentence`` writes the person's ``name`` out.

    The sentence of another claim is evidence that its article names the
    person though no person was read there (``Managing Director Paul
    Downton``: the name inside a capitalized title; a summary's lower-case
    ``izzat ibrahim`` in ``Izzat Ibrahim al-Douri``). Case and Arabic
    spelling variants are folded. A one-word name counts only when written in
    lower case (a lower-cased text's surname): a capitalized one (``Moon``)
    may be a common word of the sentence. A full name is also written out by
    its surname standing alone, capitalized, with no other given name before
    it (``Muir told BBC Scotland`` for ``laura muir``; not ``Jane Muir``).
    """
    words = name.split()
    if not words or (len(words) < 2 and not name.islower()):
        return False
    wanted = tuple(key(w) for w in _NAME_WORD.findall(name))
    if not wanted:
        return False
    if _contains(_sentence_words(sentence), wanted):
        return True
    return len(wanted) >= 2 and wanted[-1].isascii() and _alone(sentence, wanted[-1])


def _alone(sentence: str, surname: str) -> bool:
    """Whether the Latin ``surname`` (a key) stands in ``sentence`` capitalized and alone."""
    raw = _sentence_raw_words(sentence)
    for i, word in enumerate(raw):
        if (
            word[:1].isupper()
            and key(_POSSESSIVE.sub("", word)) == surname
            and (i == 0 or not raw[i - 1][:1].isupper())
        ):
            return True
    return False


_POSSESSIVE = re.compile(r"['’]s$")


@functools.lru_cache(maxsize=4096)
def _sentence_raw_words(sentence: str) -> tuple[str, ...]:
    return tuple(_NAME_WORD.findall(sentence))


@functools.lru_cache(maxsize=4096)
def _sentence_words(sentence: str) -> tuple[str, ...]:
    # A possessive is no part of the name (Christie's sold: christie 's sold).
    return tuple(key(_POSSESSIVE.sub("", w)) for w in _NAME_WORD.findall(sentence))


def _contains(words: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    first = part[0]
    return any(words[i : i + n] == part for i in range(len(words) - n + 1) if words[i] == first)


def _compare_roles(a: RoleClaim, b: RoleClaim, options: CompareOptions) -> Comparison:
    if _fold(a.title) != _fold(b.title) or not countries_compatible(a.country, b.country):
        return Comparison.UNRELATED
    if same_person(a.person, b.person):
        return Comparison.AGREE
    return Comparison.CONFLICT if single_holder(a.title) else Comparison.UNRELATED


def same_place(a: str, b: str) -> bool:
    return _fold(a) == _fold(b) or _lexicon_same("place", a, b)


def countries_compatible(a: str | None, b: str | None) -> bool:
    """Equal countries, or one of them not stated."""
    return a is None or b is None or same_place(a, b)


def same_entity(a: MentionClaim, b: MentionClaim) -> bool:
    """Whether two mentions name the same person, organization or place."""
    if a.type != b.type:
        return False
    if a.entity and b.entity:
        return _fold(a.entity) == _fold(b.entity)
    if a.key and a.key == b.key:
        return True
    if a.type == "person":
        return same_person(a.name, b.name)
    if a.type == "name":
        return False  # no lexicon has names of no told kind: the key decides
    return _lexicon_same(a.type, a.name, b.name)


def same_person(a: str, b: str) -> bool:
    """Whether two written names name one person (cross-script, surname alone allowed).

    One word alone also names the person whose full name has it as a part
    other than a particle: "Lula" is "Luiz Inacio Lula da Silva", as the press
    calls him. Two names of several words need :func:`names_match`.
    """
    return names_match(a, b) or _part_of(a, b) or _part_of(b, a)


_NAME_PARTICLES = frozenset({"da", "de", "di", "do", "dos", "du", "van", "von", "der", "la", "le"})


def _part_of(single: str, full: str) -> bool:
    if " " in single.strip():
        return False
    parts = full.split()
    if len(parts) < 2:
        return False
    return any(
        names_match(single, part)
        for part in parts
        if len(part) >= 3 and part.casefold() not in _NAME_PARTICLES
    )


def names_match(a: str, b: str) -> bool:
    """:func:`newsassert.names.names_match`, imported when first needed."""
    from newsassert.names import names_match as match

    return bool(match(a, b))


def single_holder(title: str) -> bool:
    """Whether one person holds the office ``title`` at a time in one country."""
    return _fold(title) in _single_holder_titles()


@functools.cache
def _single_holder_titles() -> frozenset[str]:
    return frozenset(_fold(t) for t in read_data("offices.toml")["single_holder"])


def _lexicon_same(kind: str, a: str, b: str) -> bool:
    return default_lexicon().same(kind, a, b)


register_comparison("quantity", _compare_quantities)
register_comparison("date", _compare_dates)
register_comparison("mention", _compare_mentions)
register_comparison("role", _compare_roles)
