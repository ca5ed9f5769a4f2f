"""HTML tables of claims, for notebooks: the ``_repr_html_`` of verdicts and selections.

Small and self-contained: a table with the check's summary as its caption and
one row per claim. Every cell is escaped; cells holding right-to-left text
get ``dir="auto"`` so Arabic reads in its own direction.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsassert.model import Claim

__all__ = ["ROLE_COLOUR", "ROWS_SHOWN", "cell", "quote", "table"]

#: At most this many rows are shown; the caption says how many there are.
ROWS_SHOWN = 50

ROLE_COLOUR = {"✓": "#1a7f37", "✗": "#cf222e", "·": "#57606a"}


def cell(text: object, tag: str = "td", style: str = "") -> str:
    shown = "" if text is None else html.escape(str(text))
    extra = f' style="{style}"' if style else ""
    return f'<{tag} dir="auto"{extra}>{shown}</{tag}>'


def quote(claim: Claim) -> str:
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


def table(caption: str, head: tuple[str, ...], rows: list[str], total: int) -> str:
    more = f" (first {ROWS_SHOWN} of {total} rows)" if total > ROWS_SHOWN else ""
    return (
        '<table class="newsassert">'
        f'<caption style="text-align:left">{html.escape(caption)}{more}</caption>'
        "<thead><tr>" + "".join(cell(h, "th") for h in head) + "</tr></thead>"
        "<tbody>" + "".join(rows) + "</tbody></table>"
    )
