"""newsassert-csv: CSV article files, a "tunnel" unit and a "max_spread" check.

A newsassert plugin is a module of hook functions marked with
``@newsassert.hookimpl``, named by an entry point of the group ``newsassert``
(see this package's pyproject.toml). This one implements three hooks:

* ``newsassert_load_article``: reads ``.csv`` files with the columns
  ``id,outlet,published,title,text``, one article per row;
* ``newsassert_lexicon``: adds the unit lemma ``tunnel``;
* ``newsassert_check_types``: adds ``expect = "max_spread"`` to check files.
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import newsassert
from newsassert import Evidence, LexiconEntry, QuantityClaim, Verdict
from newsassert.check.types import Parameter, check_kind

if TYPE_CHECKING:
    from newsassert.check.types import CheckKind, Select
    from newsassert.model import Claim

__version__ = "0.1.0"

COLUMNS = ("id", "outlet", "published", "title", "text")

# ---------------------------------------------------------------------------
# A loader for a new format
# ---------------------------------------------------------------------------


@newsassert.hookimpl
def newsassert_load_article(path: Path) -> list[newsassert.Article] | None:
    """The articles of a CSV file, or None for any other file."""
    if path.suffix.lower() != ".csv":
        return None  # not ours: the next loader tries
    articles = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise newsassert.LoadError(
                f"the CSV header lacks the column(s) {', '.join(missing)}; "
                f"expected {','.join(COLUMNS)}",
                path=str(path),
                line=1,
            )
        for row in reader:
            try:
                published = dt.date.fromisoformat(row["published"]) if row["published"] else None
            except ValueError:
                raise newsassert.LoadError(
                    f"'published' must be a date YYYY-MM-DD (got {row['published']!r})",
                    path=str(path),
                    line=reader.line_num,
                ) from None
            articles.append(
                newsassert.make_article(
                    row["text"],
                    id=row["id"],
                    path=str(path),
                    title=row["title"] or None,
                    outlet=row["outlet"] or None,
                    published=published,
                )
            )
    return articles


# ---------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------


@newsassert.hookimpl
def newsassert_lexicon() -> list[LexiconEntry]:
    """Tunnels, as Arabic and English news count them."""
    return [
        LexiconEntry("unit", "tunnel", ("نفق", "أنفاق", "نفقا", "الأنفاق", "tunnel", "tunnels")),
    ]


# ---------------------------------------------------------------------------
# A kind of check
# ---------------------------------------------------------------------------


@check_kind(
    Parameter(
        "percent",
        (int, float),
        required=True,
        must="a number >= 0",
        valid=lambda p: p >= 0,
        doc="how far from the median a value may be",
    )
)
def max_spread(
    selection: Sequence[Claim], select: Select, params: Mapping[str, Any]
) -> Verdict:
    """``expect = "max_spread"``: every quantity within ``percent`` % of their median.

    ::

        [[check]]
        name = "tunnel counts are close"
        query = "quantity where unit = tunnel"
        expect = "max_spread"
        percent = 20
    """
    percent = params["percent"]
    quantities = [c for c in selection if isinstance(c, QuantityClaim)]
    if not quantities:
        return Verdict(check="max_spread", holds=True, summary="no quantity selected")
    median = statistics.median(c.value for c in quantities)
    rows = []
    for claim in quantities:
        off = abs(claim.value - median) / median * 100 if median else 0.0
        rows.append(
            Evidence(
                claim=claim,
                value=f"{claim.value:g}",
                role="agrees" if off <= percent else "dissent",
                note=f"{off:.0f}% from the median",
            )
        )
    dissent = [row for row in rows if row.role == "dissent"]
    values = sorted(c.value for c in quantities)
    summary = (
        f"{len(quantities)} values from {values[0]:g} to {values[-1]:g}: "
        + (
            f"all within {percent:g}% of the median {median:g}"
            if not dissent
            else f"{len(dissent)} more than {percent:g}% from the median {median:g}"
        )
    )
    return Verdict(
        check="max_spread",
        holds=not dissent,
        summary=summary,
        majority=f"{median:g}",
        evidence=tuple(rows),
        failures=tuple(row.claim.id for row in dissent),
    )


@newsassert.hookimpl
def newsassert_check_types() -> Mapping[str, CheckKind]:
    return {"max_spread": max_spread}
