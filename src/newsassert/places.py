"""Which place is in which, and which words name a country without being a place.

The lexicon ties each city and province (``data/places.json``,
``data/cities.toml``) to its country, and each demonym (``العراقي``,
``Iraqi``) to the country it names. So a source that reports an event in
Mosul supports a summary that places it in Iraq (a city supports its
country), but a source that says only "Iraq" does not support "Mosul"; and a
source that speaks of "the Egyptian activist" (``الناشط المصري``) supports a
summary that names Egypt, though a demonym is not a place mention.

A capital stands for its country's government when it is no place of the
story: "Washington imposed sanctions", ``عقوبات واشنطن``, ``مدعومة من
طهران``. Such a capital is supported by its country (its name, its demonym,
an organization of it), as the country's name would be; a capital after a
preposition of place ("talks in Washington", ``بواشنطن``, ``في بغداد``) is a
place like any city, and the country alone does not support it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import regex

from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon, form_key
from newsassert.model import Claim, MentionClaim
from newsassert.text.normalize import key

__all__ = ["place_support", "place_within", "standing_for"]


def _place(lexicon: Lexicon, name: str) -> LexiconEntry | None:
    return lexicon.lookup("place", name)


def _country_key(lexicon: Lexicon, name: str) -> str:
    """The key of the country ``name`` as the lexicon spells it (Turkey and Türkiye are one)."""
    entry = _place(lexicon, name)
    return form_key(entry.canonical if entry is not None else name)


def place_within(inner: str, outer: str, lexicon: Lexicon | None = None) -> bool:
    """Whether the place ``inner`` (a city or province) lies in the country ``outer``.

    Both are canonical names or written forms. A place is not within itself,
    and a country is within nothing (``place_within("Iraq", "Mosul")`` is false).
    """
    lexicon = lexicon or default_lexicon()
    a, b = _place(lexicon, inner), _place(lexicon, outer)
    if a is None or b is None or a.country is None or b.country is not None:
        return False
    return _country_key(lexicon, a.country) == form_key(b.canonical)


# Words before a place that make it the story's place, not its government:
# in, at, to, into (في, داخل, إلى); Arabic ب and ل written joined are read
# from the mention's own text.
_LOCATIVE = frozenset(
    key(w)
    for w in (
        "في",
        "فى",
        "داخل",
        "قرب",
        "إلى",
        "الى",
        "نحو",
        "حول",
        "خارج",
        "عبر",
        "in",
        "at",
        "to",
        "into",
        "inside",
        "outside",
        "near",
        "around",
        "across",
        "toward",
        "towards",
    )
)
_LAST_WORD = regex.compile(r"([\p{L}\p{M}]+)[^\p{L}\p{M}\p{N}]*$")


def _locative(claim: MentionClaim) -> bool:
    """Whether the place ``claim`` follows a preposition of place (``بواشنطن``, "in Washington")."""
    sentence = claim.sentence or ""
    at = sentence.find(claim.text)
    if at < 0:
        return True  # not found: taken as a place, the stricter reading
    before = sentence[:at]
    if before[-1:].isalpha():
        # A proclitic written joined (بواشنطن, لواشنطن): ب and ل are "in", "to".
        return any(c in "بل" for c in before[-2:])
    if claim.text[:1] in "بل" and claim.name[:1] not in "بل":
        return True  # the mention's text holds its own proclitic
    m = _LAST_WORD.search(before)
    return m is not None and key(m.group(1)) in _LOCATIVE


@functools.lru_cache(maxsize=1 << 10)
def _capital_of(lexicon: Lexicon, name: str) -> str | None:
    entry = _place(lexicon, name)
    if entry is None or entry.country is None or entry.get("capital") != "True":
        return None
    return entry.country


def standing_for(claim: MentionClaim, lexicon: Lexicon | None = None) -> str | None:
    """The country a capital ``claim`` stands for (its government), or None.

    ``None`` for every mention but a capital's that follows no preposition
    of place (see the module's docstring).
    """
    if claim.type != "place":
        return None
    country = _capital_of(lexicon or default_lexicon(), claim.entity or claim.name)
    if country is None or _locative(claim):
        return None
    return country


def place_support(claim: Claim, sources: Iterable[Claim]) -> tuple[Claim, ...]:
    """The claims of ``sources`` that support the place or demonym ``claim`` without naming it.

    A country (``العراق``) is supported by a place within it (``الموصل``),
    by its demonym (``العراقي``), by an organization of that country
    (``المركزي التركي`` for ``تركيا``) or by a person the lexicon links to it
    (a head of state or government: ``أردوغان``); a demonym by its country, a
    place within it, an organization or leader of its country, or another
    form of itself. A capital standing for its government (:func:`standing_for`)
    is supported by its country's name, its demonym or an organization of it,
    not by another place within the country. Empty for any other claim.
    """
    if not isinstance(claim, MentionClaim) or claim.type not in ("place", "demonym"):
        return ()
    lexicon = default_lexicon()
    government = False
    if claim.type == "place":
        entry = _place(lexicon, claim.entity or claim.name)
        if entry is None:
            return ()
        if entry.country is None:
            country = entry.canonical
        else:
            # Only a country is supported by its cities and its demonyms, and
            # a capital by its country when it stands for the government.
            stands = standing_for(claim, lexicon)
            if stands is None:
                return ()
            country, government = stands, True
    elif claim.entity:
        country = claim.entity
    else:
        return ()
    key = _country_key(lexicon, country)
    out: list[Claim] = []
    for source in sources:
        if not isinstance(source, MentionClaim):
            continue
        if source.type == "org":
            # An organization of one country (المركزي التركي, the Pentagon)
            # names that country: its demonym may be read inside its name.
            org = lexicon.lookup("org", source.entity or source.name)
            if org is not None and org.country and _country_key(lexicon, org.country) == key:
                out.append(source)
            continue
        if source.type == "person":
            # A head of state or government the alias data links to a
            # country names it (أردوغان for تركيا).
            leader = lexicon.lookup("person", source.entity) if source.entity else None
            if (
                leader is not None
                and leader.country
                and _country_key(lexicon, leader.country) == key
            ):
                out.append(source)
            continue
        if source.type not in ("place", "demonym"):
            continue
        where = source.entity or source.name
        if _country_key(lexicon, where) == key or (
            not government and place_within(where, country, lexicon)
        ):
            out.append(source)
    return tuple(out)
