"""Ranks: an ordinal beside the noun it numbers ("the third quarter", الربع
الثالث, "its fifth day", للمرة الثالثة, "the 70th anniversary", الذكرى السبعين).

An ordinal never counts anything: "the third quarter" is not three quarters.
But a summary that turns the third quarter into the fourth says something its
source does not, so a rank makes a claim of its own: a quantity whose unit is
``ordinal:`` and the noun's key (value 3, unit ``ordinal:quarter``). Units
compare it only with ranks of the same noun (:func:`newsassert.units.unit_relation`),
never with a count. The nouns are data (``[ordinal_nouns]`` in
data/numbers.toml): a noun not listed ranks nothing ("the first woman", "the
second largest").

English puts the noun after the ordinal, maybe after "consecutive" or a hyphen
("third-quarter profit"); Arabic before it, with the article or a pronoun
(الجولة الثانية, يومه الخامس, ولايته الثانية), and writes the ranks from
twenty on as definite cardinals (الذكرى السبعين, اليوم الثلاثين). A bare
singular noun before an Arabic ordinal is a date (يوم الثالث من أكتوبر), and
so is an ordinal before a month: neither is a rank.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from newsassert.model import form_key
from newsassert.readers.numbers import FoundNumber
from newsassert.text.data import read_data
from newsassert.text.folded import fold_word

__all__ = ["Rank", "article_ranks", "construct_ranks", "rank_of"]

UNIT_PREFIX = "ordinal:"


class Rank(NamedTuple):
    """A rank found in a text (offsets in the folded text)."""

    start: int
    end: int
    value: float
    unit: str  # "ordinal:quarter"
    noun_start: int
    noun_end: int


@functools.cache
def _nouns() -> dict[str, str]:
    data = read_data("numbers.toml")["ordinal_nouns"]
    return {form_key(form): noun for noun, forms in data.items() for form in forms}


@functools.cache
def _english_noun() -> re.Pattern[str]:
    mods = "|".join(
        re.escape(fold_word(w)) for w in read_data("numbers.toml")["ordinal_modifiers"]["forms"]
    )
    # "the third quarter", "third-quarter", "the fifth consecutive day".
    return re.compile(
        rf"(?:[ \t]+|-)(?:(?:{mods})[ \t]+)?(?P<noun>[A-Za-z]+)(?![\w'’])", re.IGNORECASE
    )


# The Arabic word before the ordinal, and what may follow it: a month makes a date.
_AR_WORD_BEFORE = re.compile(r"(?P<noun>[\u0621-\u064a]{2,20})[ \t]+\Z")
# Digits as a rank take the article (الذكرى الـ75, الدورة الـ 33); without it
# a number after a definite noun may be a count of something else (اليوم 5 قتلى).
_AR_WORD_BEFORE_DIGITS = re.compile(r"(?P<noun>[\u0621-\u064a]{2,20})[ \t]+الـ*[ \t]?\Z")
_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال")
_AR_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")


def _arabic_noun(word: str) -> str | None:
    """The noun an Arabic word before a rank is, when definite or with a pronoun."""
    nouns = _nouns()
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return nouns.get(form_key(word[len(prefix) :]))
    # No article: only a noun with a pronoun is definite ("يومه", "ولايته").
    for stem in (word, word[1:] if word[:1] in "وفبلك" else ""):
        for suffix in _AR_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                bare = stem[: -len(suffix)]
                # The ة of ولاية is written ت before the pronoun (ولايته).
                for candidate in (bare, bare[:-1] + "ة" if bare.endswith("ت") else ""):
                    noun = nouns.get(form_key(candidate)) if candidate else None
                    if noun is not None:
                        return noun
                break
    return None


@functools.cache
def _first_nouns() -> frozenset[str]:
    return frozenset(read_data("numbers.toml")["ordinal_first"]["nouns"])


def rank_of(text: str, n: FoundNumber, months: frozenset[str]) -> Rank | None:
    """The rank ``n`` is with its noun, or None (``months``: the month keys)."""
    if n.value % 1 or n.value < 1 or n.is_vague or n.fraction:
        return None
    rank = _rank_of(text, n, months)
    if rank is not None and rank.value == 1 and rank.unit[len(UNIT_PREFIX) :] not in _first_nouns():
        return None
    return rank


def _rank_of(text: str, n: FoundNumber, months: frozenset[str]) -> Rank | None:
    if n.lang == "ar" or (not n.words and not n.ordinal):
        if n.ordinal or (n.definite and 11 <= n.value < 1000):
            before = _AR_WORD_BEFORE
        elif not n.words and n.value < 1000 and "ال" in text[max(0, n.start - 5) : n.start]:
            before = _AR_WORD_BEFORE_DIGITS
        else:
            return None
        m = before.search(text, max(0, n.start - 28), n.start)
        if m is None:
            return None
        noun = _arabic_noun(m.group("noun"))
        if noun is None or _month_follows(text, n.end, months):
            return None
        return Rank(m.start("noun"), n.end, n.value, UNIT_PREFIX + noun, *m.span("noun"))
    if not n.ordinal:
        return None
    m = _english_noun().match(text, n.end)
    if m is None:
        return None
    noun = _nouns().get(form_key(m.group("noun")))
    if noun is None:
        return None
    return Rank(n.start, m.end("noun"), n.value, UNIT_PREFIX + noun, *m.span("noun"))


_NEXT_WORDS = re.compile(r"[ \t]+(?:من[ \t]+)?(?P<w>[\u0621-\u064aA-Za-z]+)")


def _month_follows(text: str, pos: int, months: frozenset[str]) -> bool:
    """ "اليوم الثالث من أكتوبر": a day of a month, not a rank."""
    m = _NEXT_WORDS.match(text, pos)
    return m is not None and form_key(m.group("w")) in months


@functools.cache
def _construct() -> re.Pattern[str]:
    data = read_data("numbers.toml")["ordinal"]
    stems = {**data["arabic_units"], **data["arabic_ten"]}
    # Not أول (a first, see [ordinal_first]) nor حادي (only in compounds).
    alternation = "|".join(sorted((s for s, v in stems.items() if v > 1), key=len, reverse=True))
    return re.compile(
        rf"(?<![\u0621-\u064a])[وف]?[بلك]?(?P<stem>{alternation})[ \t]+"
        rf"(?P<noun>[\u0621-\u064a]{{2,12}})(?![\u0621-\u064a])"
    )


@functools.cache
def _stem_values() -> dict[str, int]:
    data = read_data("numbers.toml")["ordinal"]
    return {**data["arabic_units"], **data["arabic_ten"]}


def construct_ranks(text: str, unit_of: Callable[[str], str | None]) -> list[Rank]:
    """Arabic ranks before their noun, without the article: لرابع يوم, ثالث أيام العيد.

    ``unit_of`` gives the canonical unit of a word the lexicon knows (أيام:
    ``day``): the noun after the ordinal may be plural.
    """
    nouns = _nouns()
    out = []
    for m in _construct().finditer(text):
        word = m.group("noun")
        noun = nouns.get(form_key(word))
        if noun is None:
            unit = unit_of(word)
            noun = unit if unit is not None and unit in nouns.values() else None
        if noun is not None:
            value = float(_stem_values()[m.group("stem")])
            out.append(
                Rank(m.start("stem"), m.end("noun"), value, UNIT_PREFIX + noun, *m.span("noun"))
            )
    return out


@functools.cache
def _article_rank() -> tuple[re.Pattern[str], dict[str, int]]:
    data = read_data("numbers.toml")["ordinal"]
    words = {**data["english_units"], **data["english_teens"], **data["english_tens"]}
    words = {w: v for w, v in words.items() if v > 1}
    mods = "|".join(
        re.escape(fold_word(w)) for w in read_data("numbers.toml")["ordinal_modifiers"]["forms"]
    )
    alternation = "|".join(sorted(words, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w'’])(?:a|an)[ \t]+(?P<ord>{alternation})(?:[ \t]+|-)(?:(?:{mods})[ \t]+)?"
        rf"(?P<noun>[A-Za-z]+)(?![\w'’])",
        re.IGNORECASE,
    )
    return pattern, words


def article_ranks(text: str) -> list[Rank]:
    """ "a second round", "a third term": after "a" an ordinal is read as a
    fraction ("a third of") or not at all, unless a noun it numbers follows."""
    if "a " not in text and "A " not in text:
        return []
    pattern, values = _article_rank()
    nouns = _nouns()
    out = []
    for m in pattern.finditer(text):
        noun = nouns.get(form_key(m.group("noun")))
        if noun is not None:
            value = float(values[m.group("ord").casefold()])
            out.append(
                Rank(m.start("ord"), m.end("noun"), value, UNIT_PREFIX + noun, *m.span("noun"))
            )
    return out
