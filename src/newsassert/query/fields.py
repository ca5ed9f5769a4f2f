"""The fields a query can test, per kind, and what their values mean.

The schema comes from the claim classes in :mod:`newsassert.model`: every
field of a kind (``Claim.fields()``), listed kind-specific fields first since
those are the ones a user is looking for. ``claim`` sees the fields every kind
shares. ``person``, ``org`` and ``place`` are mentions whose ``type`` is fixed.

A field's ``type`` says which operators and values it accepts:

* ``number``: ``=`` ``!=`` ``<`` ``<=`` ``>`` ``>=`` ``in`` with numbers;
* ``date``: the same with ISO dates (``2024-01-27``); ``~`` on the ISO text;
* ``text``: ``=`` ``!=`` ``in`` (normalized, through aliases), ``~``, ``like``;
* ``enum``: text with a closed set of values, checked when the query compiles;
* ``bool``: ``=`` ``!=`` with ``true`` or ``false``.

``meta.<name>`` is a text field of every kind: the value of the key
``<name>`` in the claim's article record or front matter (a list value, such
as front matter ``tags``, matches when any of its items does).

``lexicon`` names the lexicon kinds whose aliases ``=`` follows; ``also``
names further attributes ``=`` and ``like`` consult (``unit`` also looks at
``unit_text``, the noun as written; ``name`` at ``entity``, the canonical
name); ``names`` marks the fields ``like`` compares as person names.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from newsassert.model import (
    COMMON_FIELDS,
    KINDS,
    MENTION_TYPES,
    MOODS,
    POLARITIES,
    QUALIFIERS,
    SECTIONS,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    StatementClaim,
)

__all__ = ["ANY_SECTION", "META_PREFIX", "QUERY_KINDS", "Field", "field_of", "fields_of"]

#: The kinds a query can start with.
QUERY_KINDS = (
    "claim",
    "quantity",
    "date",
    "mention",
    "person",
    "org",
    "place",
    "role",
    "statement",
)

#: ``meta.<name>`` tests a field of the claim's article record or front matter.
META_PREFIX = "meta."

#: ``section = any`` lifts the default section filter.
ANY_SECTION = "any"


@attrs.frozen
class Field:
    """One testable field of a kind."""

    name: str
    type: str
    choices: tuple[str, ...] = ()
    lexicon: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    names: bool = False
    meta: bool = False


_NUMBER = (
    "start",
    "end",
    "value",
    "low",
    "high",
    "year",
    "month",
    "day",
    "negation_start",
    "negation_end",
    "clause_start",
    "clause_end",
)
_DATE = ("published", "resolved")
_ENUMS: Mapping[str, tuple[str, ...]] = {
    "qualifier": QUALIFIERS,
    "section": (*SECTIONS, ANY_SECTION),
    "kind": KINDS,
    "type": MENTION_TYPES,
    "polarity": POLARITIES,
    "mood": MOODS,
}

#: The claim class of each query kind, and the mention type it fixes.
CLASSES: Mapping[str, tuple[type[Claim], str | None]] = {
    "claim": (Claim, None),
    "quantity": (QuantityClaim, None),
    "date": (DateClaim, None),
    "mention": (MentionClaim, None),
    "person": (MentionClaim, "person"),
    "org": (MentionClaim, "org"),
    "place": (MentionClaim, "place"),
    "role": (RoleClaim, None),
    "statement": (StatementClaim, None),
}


def _field(kind: str, name: str) -> Field:
    mention_type = CLASSES[kind][1]
    name_lexicons = (mention_type,) if mention_type else ("person", "org", "place")
    if name in _NUMBER:
        return Field(name, "number")
    if name in _DATE:
        return Field(name, "date")
    if name == "relative":
        return Field(name, "bool")
    if name in _ENUMS:
        return Field(name, "enum", choices=_ENUMS[name])
    special: Mapping[str, Field] = {
        "unit": Field(name, "text", lexicon=("unit",), also=("unit_text",)),
        "unit_text": Field(name, "text", lexicon=("unit",)),
        "place": Field(name, "text", lexicon=("place",)),
        "country": Field(name, "text", lexicon=("place",)),
        "title": Field(name, "text", lexicon=("role",)),
        "name": Field(name, "text", lexicon=name_lexicons, also=("entity",), names=True),
        "entity": Field(name, "text", lexicon=name_lexicons, names=True),
        "person": Field(name, "text", lexicon=("person",), names=True),
    }
    return special.get(name, Field(name, "text"))


def _build() -> Mapping[str, Mapping[str, Field]]:
    table: dict[str, dict[str, Field]] = {}
    for kind, (cls, _) in CLASSES.items():
        names = (*cls.KIND_FIELDS, *COMMON_FIELDS)
        table[kind] = {name: _field(kind, name) for name in names}
    return table


_FIELDS = _build()


def fields_of(kind: str) -> Mapping[str, Field]:
    """The fields of a query kind, by name, kind-specific ones first."""
    return _FIELDS[kind]


def field_of(kind: str, name: str) -> Field | None:
    """The field ``name`` of a query kind; ``meta.<name>`` is a text field of every kind."""
    if name.startswith(META_PREFIX) and len(name) > len(META_PREFIX):
        return Field(name, "text", meta=True)
    return _FIELDS[kind].get(name)
