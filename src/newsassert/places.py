"""Which place is in which, and which words name a country without being a place.

The lexicon ties each city and province (``data/places.json``,
``data/cities.toml``) to its country, and each demonym (``العراقي``,
``Iraqi``) to the country it names. So a source that reports an event in
Mosul supports a summary that places it in Iraq (a city supports its
country), but a source that says only "Iraq" does not support "Mosul"; and a
source that speaks of "the Egyptian activist" (``الناشط المصري``) supports a
summary that names Egypt, though a demonym is not a place mention.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon, form_key
from newsassert.model import Claim, MentionClaim

__all__ = ["place_support", "place_within"]


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


def place_support(claim: Claim, sources: Iterable[Claim]) -> tuple[Claim, ...]:
    """The claims of ``sources`` that support the place or demonym ``claim`` without naming it.

    A country (``العراق``) is supported by a place within it (``الموصل``),
    by its demonym (``العراقي``) or by an organization of that country
    (``المركزي التركي`` for ``تركيا``); a demonym by its country, a place
    within it, an organization of its country, or another form of itself.
    Empty for any other claim.
    """
    if not isinstance(claim, MentionClaim) or claim.type not in ("place", "demonym"):
        return ()
    lexicon = default_lexicon()
    if claim.type == "place":
        entry = _place(lexicon, claim.entity or claim.name)
        if entry is None or entry.country is not None:
            return ()  # only a country is supported by its cities and its demonyms
        country = entry.canonical
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
        if source.type not in ("place", "demonym"):
            continue
        where = source.entity or source.name
        if _country_key(lexicon, where) == key or place_within(where, country, lexicon):
            out.append(source)
    return tuple(out)
