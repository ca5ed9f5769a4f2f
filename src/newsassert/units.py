"""What two units are to each other: the same (a lemma of the lexicon, a plural
or singular of it), one inside the other (data/unit_classes.toml: soldiers are
people), or apart; :mod:`newsassert.compare` asks before it compares two
quantities.
"""

from __future__ import annotations

import enum
import functools
import re

import attrs

from newsassert.lexicon import default_lexicon
from newsassert.model import Lexicon, form_key
from newsassert.text.data import read_data


class UnitRelation(enum.Enum):
    """How the units of two figures relate."""

    SAME = "same"  # one lemma: "troops" and "جنود"
    CLASS = "class"  # a class and its member, or near-synonyms: "people" and "protesters"
    HEAD = "head"  # a compound and its head noun: "police officers" and "officers"
    NONE = "none"


def unit_relation(a: str | None, b: str | None) -> UnitRelation:
    """How two units relate (:class:`UnitRelation`); no unit relates to nothing."""
    if a is None or b is None:
        return UnitRelation.NONE
    ra, rb = a.startswith(_ORDINAL), b.startswith(_ORDINAL)
    if ra or rb:
        # A rank ("the third quarter", unit "ordinal:quarter") is never a
        # count; two ranks are of one noun or apart.
        same = ra and rb and unit_lemma(a) == unit_lemma(b)
        return UnitRelation.SAME if same else UnitRelation.NONE
    la, lb = unit_lemma(a), unit_lemma(b)
    if la == lb:
        return UnitRelation.SAME
    classes = _unit_classes()
    if frozenset((la, lb)) in classes.pairs:
        return UnitRelation.CLASS
    # "7 Palestinians", "مئات السوريين": a nationality counts people, of any
    # kind (civilians, the dead); two nationalities are never one another.
    na, nb = la.startswith(_NATIONALITY), lb.startswith(_NATIONALITY)
    if na != nb and (lb if na else la) in classes.people:
        return UnitRelation.CLASS
    if _head(la) == lb or _head(lb) == la:
        return UnitRelation.HEAD
    return UnitRelation.NONE


def same_unit(a: str | None, b: str | None) -> bool:
    """Whether two units are one lemma ("troops", "soldier", "جنود")."""
    return unit_relation(a, b) is UnitRelation.SAME


def unit_lemma(unit: str) -> str:
    """The lemma of a unit: its lexicon entry's canonical name, else its singular.

    A unit the lexicon does not know is the noun as written (its key): English
    plurals ("tests", "clubs", "factories") lose their ending, Arabic ones
    ("مذكرات", "مصنعا") their suffix, so that the same noun in another number
    is the same unit.
    """
    return _lemma_in(default_lexicon(), unit)


# Units that state a share of a whole, with what one whole is in each: "half
# of the towns" (a fraction, 0.5) is "50% of the towns" (a percentage, 50).
PROPORTIONS: dict[str, float] = {"fraction": 1.0, "percent": 100.0}


def proportion_scale(unit: str | None) -> float | None:
    """What one whole is in ``unit`` when it states a share (100 for percent), else None."""
    return PROPORTIONS.get(unit_lemma(unit)) if unit is not None else None


_NATIONALITY = "nationality:"
_ORDINAL = "ordinal:"  # the unit of a rank (newsassert.extract.quantity_ordinals)


@functools.lru_cache(maxsize=1 << 14)
def _lemma_in(lexicon: Lexicon, unit: str) -> str:
    if unit.startswith(_ORDINAL):
        return _ORDINAL + _fold(unit[len(_ORDINAL) :])
    entry = lexicon.lookup("unit", unit)
    if entry is not None:
        return _fold(entry.canonical)
    nationality = lexicon.lookup("demonym", unit)
    if nationality is not None:
        return _NATIONALITY + _fold(nationality.canonical)
    k = form_key(unit)
    words = k.split(" ")
    last = words[-1] if words else k
    for variant in _singulars(last):
        candidate = " ".join((*words[:-1], variant))
        entry = lexicon.lookup("unit", candidate)
        if entry is not None:
            return _fold(entry.canonical)
    variants = _singulars(last)
    return " ".join((*words[:-1], variants[-1] if variants else last))


_AR_LETTERS = re.compile(r"[\u0621-\u064a]")


def _singulars(word: str) -> tuple[str, ...]:
    """Candidate singulars of a word, most likely last."""
    if _AR_LETTERS.match(word):
        out = []
        stem = word
        for prefix in ("وال", "بال", "لل", "ال"):
            if stem.startswith(prefix) and len(stem) - len(prefix) >= 3:
                stem = stem[len(prefix) :]
                out.append(stem)
                break
        for suffix in ("ات", "ين", "ون", "ان", "ا", "ه"):
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 3:
                out.append(stem[: -len(suffix)])
                break
        return tuple(out)
    if len(word) <= 3 or not word.isalpha():
        return ()
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith(("ches", "shes", "sses", "xes")):
        return (word[:-2],)
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return (word[:-1],)
    return ()


def _head(lemma: str) -> str | None:
    """The head noun of a compound unit the lexicon does not know as one.

    English puts the head last ("police officer" → "officer"), Arabic first
    ("مصنع لحوم" → "مصنع").
    """
    words = lemma.split(" ")
    if len(words) < 2:
        return None
    head = words[0] if _AR_LETTERS.match(words[0]) else words[-1]
    return unit_lemma(head)


@attrs.frozen
class _Classes:
    pairs: frozenset[frozenset[str]]
    people: frozenset[str]  # the kinds and states of people a nationality may count


def _unit_classes() -> _Classes:
    return _classes_in(default_lexicon())


@functools.lru_cache(maxsize=8)
def _classes_in(lexicon: Lexicon) -> _Classes:
    data = read_data("unit_classes.toml")
    pairs: set[frozenset[str]] = set()
    for table in data.get("class", ()):
        head = unit_lemma(table["head"])
        for member in table["members"]:
            pairs.add(frozenset((head, unit_lemma(member))))
    for table in data.get("states", ()):
        whole = unit_lemma(table["of"])
        kinds = {whole} | {
            unit_lemma(m)
            for t in data.get("class", ())
            if unit_lemma(t["head"]) == whole
            for m in t["members"]
        }
        # Two states are not one another ("32 dead" is not "dozens injured"),
        # unless one is general enough to hold the other (a casualty is dead
        # or injured).
        states = {unit_lemma(m) for m in table["members"]}
        general = {unit_lemma(m) for m in table.get("general", ())}
        for state in sorted(states):
            pairs.update(
                frozenset((state, kind))
                for kind in kinds
                if kind != state and (kind not in states or bool({kind, state} & general))
            )
    people: set[str] = set()
    for table in data.get("states", ()):
        whole = unit_lemma(table["of"])
        people.add(whole)
        people.update(unit_lemma(m) for m in table["members"])
        for t in data.get("class", ()):
            if unit_lemma(t["head"]) == whole:
                people.update(unit_lemma(m) for m in t["members"])
    for table in data.get("synonyms", ()):
        members = [unit_lemma(m) for m in table["members"]]
        pairs.update(frozenset((x, y)) for x in members for y in members if x != y)
    return _Classes(frozenset(pairs), frozenset(people))


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())
