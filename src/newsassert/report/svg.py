"""Inline SVG plots for the HTML report, drawn by newsassert itself (no plotting library).

Two plots, both plain SVG markup styled by the report's stylesheet (classes,
not colours, so that the print stylesheet and the page agree):

- :func:`value_plot`: for a check on quantities or dates, one row per outlet
  and one axis for the values: each interval a claim asserts is a bar (a
  point claim a short tick), the band the agreeing claims share is shaded
  across all rows, and dissenting claims are red and marked with a cross.
  For names (roles, mentions), one column per value the outlets state and a
  dot per outlet and value, sized by how many claims state it.
- :func:`agreement_matrix`: outlets against outlets; a cell says in how many
  of the checks that cite both the two took the same side.

Numbers are written with at most one decimal so that the same input gives
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

from newsassert.check.interval import Interval
from newsassert.check.verdict import FAILING_ROLES, CheckResult, Evidence
from newsassert.model import DateClaim, MentionClaim, QuantityClaim, RoleClaim
from newsassert.report import escape

__all__ = ["agreement_matrix", "value_plot"]

# Geometry, in SVG user units (the plot scales to its box).
WIDTH = 640
LABEL = 150  # the outlet labels' column
ROW = 22
TOP = 10
AXIS = 30
# Rows a plot draws at most (outlets beyond are summed up in a note).
ROWS_DRAWN = 24
# Distinct values a row draws at most (the rest are counted in its label).
MARKS_PER_ROW = 40
# Columns of a plot of names, and outlets of the agreement matrix.
NAMES_DRAWN = 8
OUTLETS_DRAWN = 20
_AGREEING = frozenset({"majority", "agrees", "supported"})

_Span = tuple[float, float]
_Format = Callable[[float], str]


def value_plot(evidence: Sequence[Evidence], outlet_label: dict[str | None, str]) -> str:
    """The values each outlet states in a check's evidence, or "" when there is nothing to plot."""
    rows = [r for r in evidence if r.role in _AGREEING or r.role in FAILING_ROLES]
    if not rows:
        return ""
    if all(isinstance(r.claim, QuantityClaim) for r in rows):
        spans = {id(r): _quantity_span(r.claim) for r in rows}  # type: ignore[arg-type]
        return _axis_plot(rows, spans, outlet_label, _number)
    if all(isinstance(r.claim, DateClaim) for r in rows):
        dated = {id(r): _date_span(r.claim) for r in rows}  # type: ignore[arg-type]
        known = [r for r in rows if dated[id(r)] is not None]
        spans = {k: v for k, v in dated.items() if v is not None}
        return _axis_plot(known, spans, outlet_label, _day) if known else ""
    if all(isinstance(r.claim, RoleClaim | MentionClaim) for r in rows):
        return _name_plot(rows, outlet_label)
    return ""


def agreement_matrix(results: Sequence[CheckResult], outlets: Sequence[str | None]) -> str:
    """Outlets against outlets: the checks citing both in which they took the same side."""
    sides: list[dict[str | None, frozenset[str]]] = []
    cited: dict[str | None, int] = {}
    for result in results:
        if result.status == "error":
            continue
        side: dict[str | None, set[str]] = {}
        for row in result.verdict.evidence:
            if row.role in FAILING_ROLES:
                side.setdefault(row.claim.outlet, set()).add(row.value)
            elif row.role in _AGREEING:
                side.setdefault(row.claim.outlet, set())
        if len(side) >= 2:
            sides.append({o: frozenset(v) for o, v in side.items()})
            for outlet in side:
                cited[outlet] = cited.get(outlet, 0) + 1
    shown = [o for o in outlets if cited.get(o)]
    shown = sorted(shown, key=lambda o: -cited[o])[:OUTLETS_DRAWN]
    shown.sort(key=outlets.index)
    if len(shown) < 2:
        return ""
    n = len(shown)
    cell = 34
    left, top = LABEL, 16
    width = left + n * cell + 10
    height = top + n * cell + 10
    out = [
        f'<svg class="am" viewBox="0 0 {width} {height}" width="{width}" role="img" '
        'aria-label="agreement between outlets">',
        "<title>Agreement between outlets: in how many of the checks citing both "
        "the two outlets took the same side</title>",
    ]
    for j in range(n):
        x = left + j * cell + cell / 2
        out.append(f'<text class="ah" x="{x:.0f}" y="{top - 4}">{j + 1}</text>')
    for i, a in enumerate(shown):
        y = top + i * cell
        base = y + cell / 2 + 4
        out.append(
            f'<text class="al" x="{left - 22}" y="{base:.0f}">{_esc(_label({}, a))}</text>'
            f'<text class="al" x="{left - 6}" y="{base:.0f}">{i + 1}</text>'
        )
        for j, b in enumerate(shown):
            x = left + j * cell
            both = [s for s in sides if a in s and b in s]
            if i == j:
                out.append(
                    f'<rect class="ad" x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}">'
                    f"<title>{_esc(_label({}, a))}: cited by {len(both)} checks</title>"
                    "</rect>"
                )
                continue
            same = sum(_same_side(s[a], s[b]) for s in both)
            if not both:
                css, text = "an", ""
            else:
                share = same / len(both)
                css = (
                    "a3"
                    if share >= 0.95
                    else "a2"
                    if share >= 0.75
                    else "a1"
                    if share >= 0.5
                    else "a0"
                )
                text = f"{round(100 * share)}"
            tip = (
                f"{_label({}, a)} and {_label({}, b)}: "
                f"same side in {same} of {len(both)} checks citing both"
            )
            out.append(
                f'<g><rect class="{css}" x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}">'
                f"<title>{_esc(tip)}</title></rect>"
                f'<text class="av" x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2 + 3:.0f}">{text}</text></g>'
            )
    out.append("</svg>")
    return "".join(out)


def _same_side(a: frozenset[str], b: frozenset[str]) -> bool:
    # No dissent on either side, or dissent stating a common value.
    return (not a and not b) or bool(a & b)


# ---------------------------------------------------------------------------
# Values on an axis
# ---------------------------------------------------------------------------


def _quantity_span(claim: QuantityClaim) -> _Span:
    interval = Interval.of(claim)
    return interval.low, interval.high


def _date_span(claim: DateClaim) -> _Span | None:
    year, month, day = claim.year, claim.month, claim.day
    if claim.resolved:
        try:
            point = dt.date.fromisoformat(claim.resolved).toordinal()
        except ValueError:
            return None
        return float(point), float(point)
    if year is None:
        return None
    try:
        if month is None:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        elif day is None:
            first = dt.date(year, month, 1)
            last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            first = last = dt.date(year, month, day)
    except ValueError:
        return None
    return float(first.toordinal()), float(last.toordinal())


def _axis_plot(
    rows: Sequence[Evidence],
    spans: dict[int, _Span],
    outlet_label: dict[str | None, str],
    fmt: _Format,
) -> str:
    finite = [v for r in rows for v in spans[id(r)] if math.isfinite(v)]
    if not finite:
        return ""
    lo, hi = min(finite), max(finite)
    pad = abs(lo) * 0.1 or 1.0 if hi == lo else (hi - lo) * 0.08
    lo, hi = lo - pad, hi + pad
    if min(finite) >= 0 > lo:
        lo = 0.0
    plot = WIDTH - LABEL - 16

    def x(value: float) -> float:
        value = min(max(value, lo), hi)
        return LABEL + (value - lo) / (hi - lo) * plot

    by_outlet = _by_outlet(rows)
    drawn = list(by_outlet)[:ROWS_DRAWN]
    height = TOP + ROW * len(drawn) + AXIS
    out = [
        f'<svg class="pv" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-label="values each outlet states">',
        "<title>The values each outlet states: bars are the intervals claims assert, the "
        "shaded band what the agreeing claims share, red bars with a cross the dissent</title>",
    ]
    band = _band([spans[id(r)] for r in rows if r.role in _AGREEING])
    if band is not None:
        x0, x1 = x(band[0]), x(band[1])
        out.append(
            f'<rect class="mb" x="{x0:.1f}" y="{TOP - 4}" width="{max(x1 - x0, 2):.1f}" '
            f'height="{ROW * len(drawn) + 4}"><title>shared by the agreeing claims: '
            f"{_esc(_range(band, fmt))}</title></rect>"
        )
    for i, outlet in enumerate(drawn):
        y = TOP + i * ROW
        claims = by_outlet[outlet]
        marks: dict[tuple[float, float, bool], list[Evidence]] = {}
        for row in claims:
            low, high = spans[id(row)]
            marks.setdefault((low, high, row.role in FAILING_ROLES), []).append(row)
        label = _label(outlet_label, outlet)
        more = len(marks) - MARKS_PER_ROW
        count = f" ({len(claims)})" if len(claims) > 1 else ""
        out.append(
            f'<text class="pl" x="{LABEL - 6}" y="{y + ROW / 2 + 4:.0f}">{_esc(label)}{count}</text>'
        )
        # Agreeing marks first, so that a dissent is drawn over them.
        ordered = sorted(marks.items(), key=lambda m: (m[0][2], m[0][0], m[0][1]))
        for (low, high, failing), same in (
            ordered[:MARKS_PER_ROW] if more <= 0 else ordered[-MARKS_PER_ROW:]
        ):
            x0, x1 = x(low), x(high)
            css = "dx" if failing else "dg"
            articles = ", ".join(sorted({r.claim.article for r in same})[:3])
            tip = f"{same[0].value} · {len(same)} claim{'s' if len(same) > 1 else ''} · {articles}"
            y0 = y + 6
            if x1 - x0 < 3:
                out.append(
                    f'<rect class="{css}" x="{x0 - 1.5:.1f}" y="{y0 - 2}" width="3" height="{ROW - 8}">'
                    f"<title>{_esc(tip)}</title></rect>"
                )
            else:
                out.append(
                    f'<rect class="{css}" x="{x0:.1f}" y="{y0 + 2}" width="{x1 - x0:.1f}" '
                    f'height="{ROW - 12}"><title>{_esc(tip)}</title></rect>'
                )
                for end, value in ((x0, low), (x1, high)):
                    if not math.isfinite(value):
                        out.append(f'<text class="pz" x="{end:.1f}" y="{y0 + 8}">…</text>')
            if failing:
                cx = (x0 + x1) / 2
                out.append(
                    f'<path class="xm" d="M{cx - 4:.1f} {y0 - 4}l8 8m0 -8l-8 8"><title>{_esc(tip)}'
                    "</title></path>"
                )
        if more > 0:
            out.append(f'<text class="pz" x="{WIDTH - 4}" y="{y + 4}">+{more}</text>')
    axis_y = TOP + ROW * len(drawn)
    out.append(f'<line class="ax" x1="{LABEL}" x2="{LABEL + plot}" y1="{axis_y}" y2="{axis_y}"/>')
    for tick in _ticks(lo, hi):
        tx = x(tick)
        out.append(
            f'<line class="ax" x1="{tx:.1f}" x2="{tx:.1f}" y1="{axis_y}" y2="{axis_y + 4}"/>'
            f'<text class="tk" x="{tx:.1f}" y="{axis_y + 16}">{_esc(fmt(tick))}</text>'
        )
    hidden = len(by_outlet) - len(drawn)
    if hidden > 0:
        out.append(
            f'<text class="pz" x="{LABEL}" y="{height - 2}">and {hidden} more outlets</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _band(spans: Sequence[_Span]) -> _Span | None:
    """What the agreeing intervals share (their hull when they share nothing, as with a
    tolerance), clipped to the finite values."""
    if not spans:
        return None
    low, high = max(s[0] for s in spans), min(s[1] for s in spans)
    if low > high:
        low, high = min(s[0] for s in spans), max(s[1] for s in spans)
    finite = [v for s in spans for v in s if math.isfinite(v)]
    if not finite:
        return None
    if not math.isfinite(low):
        low = min(finite)
    if not math.isfinite(high):
        high = max(finite)
    return low, high


def _ticks(lo: float, hi: float) -> list[float]:
    """About five round values between ``lo`` and ``hi``."""
    span = hi - lo
    raw = span / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    first = math.ceil(lo / step) * step
    return [first + i * step for i in range(int((hi - first) / step) + 1)]


# ---------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------


def _name_plot(rows: Sequence[Evidence], outlet_label: dict[str | None, str]) -> str:
    values: dict[str, int] = {}
    for row in rows:
        values[_name(row)] = values.get(_name(row), 0) + 1
    names = sorted(values, key=lambda v: -values[v])[:NAMES_DRAWN]
    if len(names) < 1:
        return ""
    by_outlet = _by_outlet(rows)
    drawn = list(by_outlet)[:ROWS_DRAWN]
    col = (WIDTH - LABEL - 10) / len(names)
    head = 40
    height = head + ROW * len(drawn) + 8
    out = [
        f'<svg class="pv" viewBox="0 0 {WIDTH} {height}" role="img" '
        'aria-label="names each outlet states">',
        "<title>The names each outlet states: a dot per outlet and name, larger for more "
        "claims; red with a cross for dissent</title>",
    ]
    for j, name in enumerate(names):
        cx = LABEL + col * j + col / 2
        out.append(
            f'<text class="pn" x="{cx:.1f}" y="{head - 8}" transform="rotate(-12 {cx:.1f} {head - 8})">'
            f"{_esc(_short(name))}<title>{_esc(name)}</title></text>"
        )
    for i, outlet in enumerate(drawn):
        y = TOP + head - 6 + i * ROW
        out.append(
            f'<text class="pl" x="{LABEL - 6}" y="{y + 4}">{_esc(_label(outlet_label, outlet))}</text>'
        )
        counts: dict[tuple[str, bool], int] = {}
        for row in by_outlet[outlet]:
            key = (_name(row), row.role in FAILING_ROLES)
            counts[key] = counts.get(key, 0) + 1
        for (name, failing), count in sorted(counts.items()):
            if name not in names:
                continue
            cx = LABEL + col * names.index(name) + col / 2
            r = min(3 + 2 * math.log2(count), 9)
            css = "dx" if failing else "dg"
            tip = (
                f"{_label(outlet_label, outlet)}: {name} · {count} claim{'s' if count > 1 else ''}"
            )
            out.append(
                f'<circle class="{css}" cx="{cx:.1f}" cy="{y}" r="{r:.1f}"><title>{_esc(tip)}</title></circle>'
            )
            if failing:
                out.append(f'<path class="xm" d="M{cx - 4:.1f} {y - 4}l8 8m0 -8l-8 8"/>')
    out.append("</svg>")
    return "".join(out)


def _name(row: Evidence) -> str:
    claim = row.claim
    if isinstance(claim, RoleClaim):
        return claim.person
    if isinstance(claim, MentionClaim):
        return claim.entity or claim.name
    return row.value


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _by_outlet(rows: Sequence[Evidence]) -> dict[str | None, list[Evidence]]:
    """Rows by outlet: outlets with dissent first, then by how many claims they state."""
    by: dict[str | None, list[Evidence]] = {}
    for row in rows:
        by.setdefault(row.claim.outlet, []).append(row)
    return dict(
        sorted(
            by.items(),
            key=lambda item: (
                not any(r.role in FAILING_ROLES for r in item[1]),
                -len(item[1]),
                item[0] or "\uffff",
            ),
        )
    )


def _label(labels: dict[str | None, str], outlet: str | None) -> str:
    return _short(labels.get(outlet) or outlet or "(no outlet)")


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value: float) -> str:
    if not math.isfinite(value):
        return "∞" if value > 0 else "-∞"
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def _day(value: float) -> str:
    return dt.date.fromordinal(max(1, round(value))).isoformat()


def _range(span: _Span, fmt: _Format) -> str:
    return fmt(span[0]) if span[0] == span[1] else f"{fmt(span[0])}–{fmt(span[1])}"


def _esc(text: str) -> str:
    # SVG text holds no HTML markup: controls are written as plain U+XXXX.
    return escape.attribute(text)
