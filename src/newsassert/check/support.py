"""``supported_by``: every claim of a selection has a match in another.

A claim is *supported* when a claim of the other selection agrees with it
(:func:`newsassert.compare.compare`: same unit and overlapping interval, same
place or none stated; same date, where the supporting date gives at least the
fields the claim gives; the same person, organization or place by cross-script
matching; the same person in the same office). A claim without support is
*unsupported*; it is marked a *conflict* when a claim of the other selection
contradicts it: the comparison says so (same office, another person; same
unit and place, a disjoint interval), or, for a person named without an
office, the other selection names someone else with the same surname
(``Yolanda Romanowski`` against ``الينا رومانسكي``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from newsassert.check.values import describe
from newsassert.check.verdict import Evidence, Verdict
from newsassert.compare import Comparison, comparator, date_fields, names_match
from newsassert.model import Claim, DateClaim, MentionClaim

__all__ = ["supported_by"]


def supported_by(selection: Iterable[Claim], other: Iterable[Claim]) -> Verdict:
    """Whether each claim of ``selection`` is supported by a claim of ``other``.

    The verdict lists the unsupported claims and marks the conflicts; an empty
    selection holds (there is nothing that needs support).
    """
    claims = tuple(selection)
    sources = tuple(other)
    query = _text_of(selection)
    by = _text_of(other)
    if by:
        query = f"{query} | supported by: {by}" if query else f"supported by: {by}"
    rows: list[Evidence] = []
    failures: list[str] = []
    missing: list[str] = []
    relate = comparator()
    for claim in claims:
        matches, conflicts = _relations(claim, sources, relate)
        value = describe(claim)
        if matches:
            rows.append(Evidence(claim=claim, value=value, role="supported", against=matches))
        elif conflicts:
            rows.append(Evidence(claim=claim, value=value, role="conflict", against=conflicts))
            failures.append(f"conflict:{claim.id}")
            others = ", ".join(dict.fromkeys(_short(c) for c in conflicts))
            missing.append(f"{_short(claim)} ({claim.article}) conflicts with {others}")
        else:
            rows.append(Evidence(claim=claim, value=value, role="unsupported"))
            failures.append(f"unsupported:{claim.id}")
            missing.append(f"{_short(claim)} ({claim.article}) is unsupported")
    if not claims:
        summary = "the query selected no claims, so none needs support"
    elif not missing:
        summary = (
            f"all {len(claims)} claims are supported"
            if len(claims) > 1
            else ("the claim is supported")
        )
    else:
        summary = f"{len(missing)} of {len(claims)} claims are not supported: " + "; ".join(
            dict.fromkeys(missing)
        )
    return Verdict(
        check="supported_by",
        holds=not missing,
        summary=summary,
        query=query,
        evidence=tuple(rows),
        failures=tuple(failures),
    )


def _relations(
    claim: Claim, sources: Sequence[Claim], relate: Callable[[Claim, Claim], Comparison]
) -> tuple[tuple[Claim, ...], tuple[Claim, ...]]:
    matches: list[Claim] = []
    conflicts: list[Claim] = []
    for source in sources:
        if source.id == claim.id or source.kind != claim.kind:
            continue  # a claim does not support itself
        relation = relate(claim, source)
        if relation is Comparison.AGREE and _as_specific(source, claim):
            matches.append(source)
        elif relation is Comparison.CONFLICT or _surname_conflict(claim, source):
            conflicts.append(source)
    return tuple(matches), tuple(conflicts)


def _as_specific(source: Claim, claim: Claim) -> bool:
    # "25 January" is not supported by a source that says only "January".
    if isinstance(source, DateClaim) and isinstance(claim, DateClaim):
        return all(
            s is not None
            for s, c in zip(date_fields(source), date_fields(claim), strict=True)
            if c is not None
        )
    return True


def _surname_conflict(claim: Claim, source: Claim) -> bool:
    if not (isinstance(claim, MentionClaim) and isinstance(source, MentionClaim)):
        return False
    if claim.type != "person" or source.type != "person":
        return False
    a, b = claim.name.split(), source.name.split()
    if len(a) < 2 or len(b) < 2:
        return False  # a surname alone is either the same person or unrelated
    return names_match(a[-1], source.name) and not names_match(claim.name, source.name)


def _short(claim: Claim) -> str:
    if isinstance(claim, MentionClaim):
        return claim.name
    return describe(claim)


def _text_of(selection: object) -> str:
    text = getattr(selection, "text", "")
    return text if isinstance(text, str) else ""
