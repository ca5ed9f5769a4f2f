"""Statements compared: the same event said, or said the other way round.

Two statements *align* when they speak of the same thing: they share an
anchor (a person, organization, place, figure or date of their clauses) and
enough of their clauses' other content words, or, when neither names
anything, most of their content words. Aligned statements

- *agree* when they have the same predicate family and the same polarity
  (ارتفع and "prices climbed"; "did not win" and "failed to win");
- *conflict* when they have the same predicate and opposite polarities
  ("pleaded guilty" / "pleaded not guilty"), or contrary predicates and the
  same polarity (ارتفاع / انخفاض, win / lose);
- otherwise say nothing about each other (a contrary predicate negated,
  "did not win" against "lost", is neither).

Across languages statements share no content word, only anchors: there, one
shared anchor is enough to support, and two are needed to conflict.

A statement a source both agrees with and contradicts is supported: a report
that says the price rose and later that it fell is not evidence against a
summary that says it rose. Statements in a conditional clause or a quotation
support others but are never set against them.

Statements are a less precise kind of evidence than figures, names and dates
(the aligning is by shared words, not by parsing), so their failures have keys
of their own (``statement:<id>``) and their count is reported apart; a check
can leave them out (``statements = false`` in a check file, or
``supported_by(other, statements=False)``), and disabling the plugin
``newsassert.statements`` switches them off everywhere.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from newsassert.check.verdict import Evidence, Verdict
from newsassert.extract.statements import contrary, vocabulary
from newsassert.model import Claim, StatementClaim

__all__ = [
    "StatementSources",
    "aligned",
    "opposition",
    "statement_agree",
    "statement_evidence",
    "without_statements",
]

# How much two clauses must share to be about the same thing.
MIN_SHARED = 2  # anchors and terms, counted together
MIN_SHARE = 0.5  # of the smaller clause's anchors and terms


def without_statements(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    """``claims`` less the statements (for a check that leaves them out)."""
    return tuple(c for c in claims if not isinstance(c, StatementClaim))


def aligned(a: StatementClaim, b: StatementClaim) -> bool:
    """Whether two statements speak of the same thing (see the module docstring)."""
    if a.lang == b.lang and a.theme and b.theme and not set(a.theme) & set(b.theme):
        return False  # said of different things (the gold that fell, the dollar that rose)
    shared_anchors = len(set(a.anchors) & set(b.anchors))
    if a.anchors and b.anchors and not shared_anchors:
        return False  # both name something, and not the same thing
    shared = shared_anchors + len(set(a.terms) & set(b.terms))
    smaller = min(len(a.anchors) + len(a.terms), len(b.anchors) + len(b.terms))
    if shared == 0 or shared < MIN_SHARE * smaller:
        return False
    return shared >= min(MIN_SHARED, smaller)


# Across languages no content word is shared, only anchors: one anchor (the
# date of a day's news) aligns a summary's "talks on ending the mission" with
# the source's «انطلقت» (began), which is enough to support, not to oppose.
MIN_ANCHORS_ACROSS_LANGUAGES = 2


def _firmly_aligned(a: StatementClaim, b: StatementClaim) -> bool:
    """Whether two aligned statements are aligned firmly enough to be set against each other."""
    if a.lang == b.lang:
        return True
    return len(set(a.anchors) & set(b.anchors)) >= MIN_ANCHORS_ACROSS_LANGUAGES


def opposable(a: StatementClaim, b: StatementClaim) -> bool:
    """Whether two statements' moods let them contradict: both asserted, or both intended."""
    return a.mood == b.mood and a.mood in ("asserted", "intended")


def opposition(a: StatementClaim, b: StatementClaim) -> str | None:
    """``"agree"``, ``"negation"`` or ``"contrary"`` for two aligned statements, else ``None``."""
    same = a.predicate == b.predicate
    if same and a.polarity == b.polarity:
        return "agree"
    if same:
        return "negation"
    if a.polarity == b.polarity and contrary(a.predicate, b.predicate):
        return "contrary"
    return None


class StatementSources:
    """The statements of a selection, indexed by predicate for :func:`statement_evidence`."""

    def __init__(self, sources: Iterable[Claim]) -> None:
        self._by_predicate: dict[str, list[StatementClaim]] = defaultdict(list)
        for claim in sources:
            if isinstance(claim, StatementClaim):
                self._by_predicate[claim.predicate].append(claim)
        opposites: dict[str, list[str]] = defaultdict(list)
        for a, b in vocabulary().antonyms:
            if a in self._by_predicate:
                opposites[b].append(a)
        self._opposites = opposites

    def related(self, claim: StatementClaim) -> Iterable[StatementClaim]:
        """The statements with the claim's predicate or a contrary one."""
        yield from self._by_predicate.get(claim.predicate, ())
        for other in self._opposites.get(claim.predicate, ()):
            yield from self._by_predicate[other]


def statement_evidence(claim: StatementClaim, sources: StatementSources) -> Evidence:
    """The row of a ``supported_by`` verdict for one statement.

    ``supported`` when an aligned source statement agrees, ``conflict`` when
    none does and one contradicts it (the note names the opposed words and
    quotes both clauses), else ``aside``: a statement without a counterpart
    is not a failure, since a paraphrase need not use the source's verbs.
    """
    matches: list[StatementClaim] = []
    conflicts: list[tuple[StatementClaim, str]] = []
    for source in sources.related(claim):
        if source.id == claim.id or not aligned(claim, source):
            continue
        relation = opposition(claim, source)
        if relation == "agree":
            matches.append(source)
        elif relation and opposable(claim, source) and _firmly_aligned(claim, source):
            conflicts.append((source, relation))
    value = describe_statement(claim)
    if matches:
        return Evidence(claim=claim, value=value, role="supported", against=tuple(matches))
    if conflicts:
        source, relation = conflicts[0]
        return Evidence(
            claim=claim,
            value=value,
            role="conflict",
            against=tuple(dict.fromkeys(c for c, _ in conflicts)),
            note=opposed_words(claim, source, relation),
        )
    return Evidence(claim=claim, value=value, role="aside")


def describe_statement(claim: StatementClaim) -> str:
    """``rise``, or ``not rise`` when negated."""
    return f"not {claim.predicate}" if claim.polarity == "negated" else claim.predicate


def opposed_words(a: StatementClaim, b: StatementClaim, relation: str) -> str:
    """What sets two statements against each other, in words, with both clauses quoted."""
    if relation == "negation":
        negated, affirmed = (a, b) if a.polarity == "negated" else (b, a)
        head = f'"{negated.negation} {negated.text}" negates "{affirmed.text}" ({a.predicate})'
    else:
        head = f'"{a.text}" ({a.predicate}) is contrary to "{b.text}" ({b.predicate})'
    return f"statement: {head}; «{_short(a.clause)}» against «{_short(b.clause)}»"


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def statement_agree(claims: Sequence[StatementClaim], *, query: str = "") -> Verdict:
    """``agree`` over statements: no two articles' aligned statements contradict each other.

    Each contradicting pair is decided by the articles behind each side (the
    articles with an aligned statement that agrees with it); the side fewer
    articles state dissents, and on a tie both do.
    """
    index = StatementSources(claims)
    backers: dict[str, set[str]] = {}
    against: dict[str, list[tuple[StatementClaim, str]]] = defaultdict(list)
    for claim in claims:
        backers[claim.id] = {claim.article}
        for other in index.related(claim):
            if other.article == claim.article or not aligned(claim, other):
                continue
            relation = opposition(claim, other)
            if relation == "agree":
                backers[claim.id].add(other.article)
            elif relation and opposable(claim, other) and _firmly_aligned(claim, other):
                against[claim.id].append((other, relation))
    rows: list[Evidence] = []
    failures: list[str] = []
    said: list[str] = []
    for claim in claims:
        opposed = against.get(claim.id, [])
        stronger = [(o, r) for o, r in opposed if len(backers[o.id]) >= len(backers[claim.id])]
        if stronger:
            other, relation = stronger[0]
            rows.append(
                Evidence(
                    claim=claim,
                    value=describe_statement(claim),
                    role="dissent",
                    against=tuple(dict.fromkeys(o for o, _ in stronger)),
                    note=opposed_words(claim, other, relation),
                )
            )
            failures.append(f"statement:{claim.id}")
            said.append(f"{claim.article} says {describe_statement(claim)} against {other.article}")
        else:
            role = "agrees" if len(backers[claim.id]) > 1 else "aside"
            rows.append(Evidence(claim=claim, value=describe_statement(claim), role=role))
    articles = len({c.article for c in claims})
    if said:
        summary = f"{len(said)} statements are contradicted by another article: " + "; ".join(
            dict.fromkeys(said)
        )
    else:
        summary = f"no statement of the {articles} articles is contradicted by another"
    return Verdict(
        check="agree",
        holds=not said,
        summary=summary,
        query=query,
        evidence=tuple(rows),
        failures=tuple(failures),
    )
