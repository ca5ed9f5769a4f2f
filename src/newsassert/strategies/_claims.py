"""Claims of every kind, valid by construction (for the tests of checks, stores and reports)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn, SearchStrategy

from newsassert.model import (
    LANGS,
    MENTION_TYPES,
    QUALIFIERS,
    SECTIONS,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    claim_id,
)
from newsassert.strategies._expected import interval
from newsassert.strategies._queries import _date_text
from newsassert.strategies._text import person_names
from newsassert.strategies._words import _check_choice, _vocabulary
from newsassert.text.normalize import key

_IDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789_-", min_size=1, max_size=12)


_SURFACE = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20)


@st.composite
def _common(draw: DrawFn, kind: str) -> dict[str, Any]:
    """The fields every claim shares, consistent with each other."""
    text = draw(_SURFACE)
    before = draw(st.text(max_size=10).filter(lambda s: "\x00" not in s))
    sentence = before + text
    start = draw(st.integers(0, 10_000)) + len(before)
    article = draw(_IDS)
    published = draw(st.none() | _date_text())
    return {
        "id": claim_id(article, kind, sentence, len(before), text),
        "article": article,
        "outlet": draw(st.none() | st.sampled_from(("Malay Mail", "الجزيرة", "AFP"))),
        "published": published,
        "lang": draw(st.sampled_from(LANGS)),
        "section": draw(st.sampled_from(SECTIONS)),
        "start": start,
        "end": start + len(text),
        "text": text,
        "sentence": sentence,
    }


@st.composite
def _quantity_claim(draw: DrawFn) -> QuantityClaim:
    common = draw(_common("quantity"))
    qualifier = draw(st.sampled_from(QUALIFIERS))
    low: float | None
    high: float | None
    if qualifier == "vague":
        word = draw(st.sampled_from(_vocabulary()["vague"]))
        value = float(word["low"])
        low, high = float(word["low"]), float(word["high"])
    elif qualifier == "range":
        # A stated range: its first end is the value ("بين 20 و30").
        value = float(draw(st.integers(0, 10**7)))
        low, high = value, value + float(draw(st.integers(1, 10**6)))
    else:
        value = float(draw(st.integers(0, 10**7) | st.floats(0, 1e9, allow_nan=False)))
        low, high = interval(value, qualifier)
    units = [u["lemma"] for u in _vocabulary()["unit"]]
    unit = draw(st.none() | st.sampled_from((*units, "percent")))
    return QuantityClaim(
        **common,
        value=value,
        qualifier=qualifier,
        low=low,
        high=high,
        unit=unit,
        unit_text=draw(st.none() | _SURFACE) if unit else None,
        place=draw(st.none() | st.sampled_from([p["canonical"] for p in _vocabulary()["place"]])),
    )


@st.composite
def _date_claim(draw: DrawFn) -> DateClaim:
    common = draw(_common("date"))
    when = draw(st.dates())
    year = draw(st.none() | st.just(when.year))
    month = draw(st.none() | st.just(when.month))
    day = draw(st.none() | st.just(when.day)) if month is not None else None
    full = None not in (year, month, day)
    return DateClaim(
        **common,
        year=year,
        month=month,
        day=day,
        resolved=when.isoformat() if full else None,
        relative=draw(st.booleans()) if full else False,
    )


@st.composite
def _mention_claim(draw: DrawFn) -> MentionClaim:
    from newsassert.names import name_key

    common = draw(_common("mention"))
    kind = draw(st.sampled_from(MENTION_TYPES))
    if kind == "person":
        name = draw(person_names())
        return MentionClaim(**common, type=kind, name=name, key=name_key(name), entity=None)
    place = draw(st.sampled_from(_vocabulary()["place"]))
    name = draw(st.sampled_from((place["ar"], place["en"])))
    return MentionClaim(
        **common,
        type=kind,
        name=name,
        key=key(name),
        entity=draw(st.none() | st.just(place["canonical"])),
    )


@st.composite
def _role_claim(draw: DrawFn) -> RoleClaim:
    from newsassert.names import name_key

    common = draw(_common("role"))
    role = draw(st.sampled_from(_vocabulary()["role"]))
    person = draw(person_names())
    return RoleClaim(
        **common,
        title=role["title"],
        country=draw(st.none() | st.just(role["country"])),
        person=person,
        key=name_key(person),
    )


def claims(kind: str | None = None) -> SearchStrategy[Claim]:
    """Valid claims of ``kind`` (``quantity``, ``date``, ``mention``, ``role``; any when ``None``).

    Their fields are consistent (``end - start == len(text)``, intervals that
    fit the qualifier, dates that exist, a stable ``id``) but they point into
    no article. ``st.from_type(QuantityClaim)`` and the other claim classes
    use these.
    """
    builders: dict[str, SearchStrategy[Any]] = {
        "quantity": _quantity_claim(),
        "date": _date_claim(),
        "mention": _mention_claim(),
        "role": _role_claim(),
    }
    _check_choice("kind", kind, (*builders, None))
    if kind is not None:
        return builders[kind]
    return st.one_of(*builders.values())


# st.from_type(QuantityClaim) and st.builds of anything that takes a claim
# draw valid claims (the registration the single module made on import).
st.register_type_strategy(QuantityClaim, claims("quantity"))
st.register_type_strategy(DateClaim, claims("date"))
st.register_type_strategy(MentionClaim, claims("mention"))
st.register_type_strategy(RoleClaim, claims("role"))
st.register_type_strategy(Claim, claims())
