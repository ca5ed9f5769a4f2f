"""Verdicts and selections as HTML tables, for notebooks (``_repr_html_``).

Small and self-contained: a table with the check's summary as its caption and
one row per claim. Every cell is escaped; cells holding right-to-left text
get ``dir="auto"`` so Arabic reads in its own direction.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from newsassert.check.verdict import ROLE_MARKS

if TYPE_CHECKING:
    from newsassert.check.verdict import Verdict
    from newsassert.model import Claim
    from newsassert.query.selection import Selection

__all__ = ["ROWS_SHOWN", "selection_html", "verdict_html"]

#: At most this many rows are shown; the caption says how many there are.
ROWS_SHOWN = 50

_ROLE_COLOUR = {"✓": "#1a7f37", "✗": "#cf222e", "·": "#57606a"}


def _cell(text: object, tag: str = "td", style: str = "") -> str:
    shown = "" if text is None else html.escape(str(text))
    extra = f' style="{style}"' if style else ""
    return f'<{tag} dir="auto"{extra}>{shown}</{tag}>'


def _quote(claim: Claim) -> str:
    """The claim's sentence with the claim's own text in bold."""
    sentence, text = claim.sentence, claim.text
    at = sentence.find(text) if text else -1
    if at < 0:
        return html.escape(sentence)
    return (
        html.escape(sentence[:at])
        + "<b>"
        + html.escape(text)
        + "</b>"
        + html.escape(sentence[at + len(text) :])
    )


def _table(caption: str, head: tuple[str, ...], rows: list[str], total: int) -> str:
    more = f" (first {ROWS_SHOWN} of {total} rows)" if total > ROWS_SHOWN else ""
    return (
        '<table class="newsassert">'
        f'<caption style="text-align:left">{html.escape(caption)}{more}</caption>'
        "<thead><tr>" + "".join(_cell(h, "th") for h in head) + "</tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>"
    )


def verdict_html(verdict: Verdict) -> str:
    """A verdict: its summary, then each row of evidence with its mark and quote."""
    state = "holds" if verdict.holds else "FAILS"
    rows = []
    for row in verdict.evidence[:ROWS_SHOWN]:
        mark = ROLE_MARKS.get(row.role, "")
        colour = _ROLE_COLOUR.get(mark, "")
        rows.append(
            "<tr>"
            + _cell(f"{mark} {row.role}", style=f"color:{colour}" if colour else "")
            + _cell(row.claim.article)
            + _cell(row.value)
            + f'<td dir="auto">{_quote(row.claim)}</td>'
            + _cell(row.note)
            + "</tr>"
        )
    caption = f"{verdict.check} {state}: {verdict.summary}"
    return _table(
        caption, ("", "article", "value", "evidence", "note"), rows, len(verdict.evidence)
    )


def selection_html(selection: Selection) -> str:
    """A selection: one row per claim, with its article, kind, value and sentence."""
    values = selection.values()
    rows = [
        "<tr>"
        + _cell(claim.article)
        + _cell(claim.kind)
        + _cell(value)
        + f'<td dir="auto">{_quote(claim)}</td>'
        + "</tr>"
        for claim, value in zip(selection.claims[:ROWS_SHOWN], values, strict=False)
    ]
    return _table(
        repr(selection).strip("<>"), ("article", "kind", "value", "sentence"), rows, len(selection)
    )
