"""The HTML report: one self-contained page a desk editor reads instead of a traceback.

The page has no external asset (inline CSS, a little vanilla JavaScript), so
it opens from an email attachment. From the top: a summary (checks run, held,
failed, baselined; a table per outlet; one line per check), then a section per
check that has something to show (its query, verdict and a table of the claims
compared), then every article as its outlet published it, paragraph by
paragraph, with each claim highlighted by kind. Values in the check tables
link to the claim in its article.

How the page is built, and why:

- **Text is sliced, never replaced.** A paragraph is cut at the offsets of
  the claims in it and each piece is escaped on its own, so an article that
  contains ``<script>`` shows it as text, and a claim whose text occurs twice
  is highlighted where it was found. Claims may nest or cross: a stack of
  open highlights is closed and reopened around a crossing end, so the markup
  nests properly; each claim has exactly one highlight without the class
  ``p``, and any further pieces of it have that class.
- **Direction per paragraph.** ``dir`` comes from the segment's language
  (``ar`` right to left, ``en`` left to right, anything else ``auto``).
  Values and verdicts are English sentences around names in any script, so
  they are laid out left to right and isolated (``<bdi dir="ltr">``): an
  Arabic name followed by ``(prime minister)`` keeps its parentheses.
- **Readable without JavaScript.** Scripts only add the filter bar (failures
  only, by outlet, by kind), hidden until they run, and tooltips for the
  plain mentions (below). The page also carries a self-test, run only when
  its address ends in ``#selftest``, that writes what the browser computed
  (paragraph directions, highlights, what the filter hides) into the page for
  the browser test to read.
- **Small, deterministic.** News text is dense with claims (the seeds have
  about 90 an article, most of them place and organization mentions), so
  what a highlight carries is graded by what a reader needs: a claim a check
  table links to has an anchor and a tooltip with all its fields and the
  checks it is evidence in; any other quantity, date or role has a tooltip
  with its value; any other mention has only its colour (its tooltip, kind
  and name, is added by the script on hover). A highlight is a ``<b>``
  (HTML's element for text given attention for a practical purpose, and
  six bytes a claim shorter than ``<mark>``), its kind a two-letter class,
  none for places. Evidence tables list every
  failing row and the first :data:`ROWS_SHOWN` others. No clock is read;
  checks keep run order within their status; long sections are laid out
  lazily (``content-visibility``). A report of 1,000 articles (90,000
  claims) stays under 10 MB and opens in about a second.
"""

from __future__ import annotations

import base64
import functools
import json
import math
import zlib
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import TYPE_CHECKING

import attrs
import regex

from newsassert.check.consistency import CHECK_NAME
from newsassert.check.values import describe
from newsassert.check.verdict import (
    FAILING_ROLES,
    ROLE_MARKS,
    STATUS_MARKS,
    CheckResult,
    Evidence,
)
from newsassert.model import (
    Article,
    Claim,
    DateClaim,
    MentionClaim,
    QuantityClaim,
    RoleClaim,
    Segment,
)
from newsassert.report import escape
from newsassert.report.svg import agreement_matrix, value_plot

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.corpus import Corpus

__all__ = ["LAZY_ABOVE", "ROWS_SHOWN", "Highlight", "highlight", "render_html"]

# Articles above which a page keeps their text out of the document until shown.
LAZY_ABOVE = 500
# Check sections a lazy page lays out at once (the rest when scrolled to).
CHECKS_AT_ONCE = 40
# Articles compressed together on a lazy page: news text is 30 MB at ten
# thousand articles, and a browser reads HTML at about 20 MB/s; deflated in
# groups it is a quarter of that (about 1.3x worse in groups of one).
ARTICLES_PER_CHUNK = 20

# Rows of an evidence table shown besides the failing ones (all of which are).
ROWS_SHOWN = 20
# Claims listed as what a failing row is set against.
AGAINST_SHOWN = 3
# Checks a tooltip names for one claim.
CHECKS_NAMED = 4
# Characters of context a quote keeps on each side of the claim.
QUOTE_CONTEXT = 60

# Short classes keep a thousand-article page small: k + a letter per kind, and
# per mention type; ``kz`` for kinds a plugin adds. Places, the commonest
# claims in news, are a highlight without a kind class.
_KIND_CLASSES = {"quantity": "kq", "date": "kd", "role": "kr"}
_MENTION_CLASSES = {"person": "kp", "org": "ko", "place": ""}
_OTHER_KIND = "kz"
# What the kind filter offers, and the letter it puts in ``data-k``.
_KIND_LETTERS = {"quantity": "q", "date": "d", "mention": "m", "role": "r"}
_SECTION_CLASSES = {"title": "pt", "metadata": "pm", "body": "", "boilerplate": "px"}
_DIRECTIONS = {"ar": "rtl", "en": "ltr"}
_STATUS_ORDER = ("failed", "error", "baselined", "passed")
_STATUS_LABELS = {"passed": "held", "failed": "failed", "baselined": "baselined", "error": "error"}
# What a role is called in a table: the claims that agree are the majority.
_ROLE_LABELS = {"agrees": "majority"}
_AGREEING_ROLES = frozenset({"majority", "agrees", "supported"})
_ROW_CLASSES = {**{r: "rx" for r in FAILING_ROLES}, **{r: "rg" for r in _AGREEING_ROLES}}
# The first word of a query names the kind it selects.
_QUERY_KINDS = {
    "quantity": "q",
    "date": "d",
    "mention": "m",
    "person": "m",
    "org": "m",
    "place": "m",
    "role": "r",
}
# Claim fields a tooltip leaves out: said on its first line, or shown around it.
_TOOLTIP_SKIPS = frozenset(
    {"schema", "id", "article", "outlet", "published", "kind", "lang", "section", "start", "end"}
    | {"text", "sentence"}
)

# Characters an anchor keeps; others become ``_`` (ids live in URL fragments).
_UNSAFE_ID = regex.compile(r"[^A-Za-z0-9_.\-]")
# Whitespace to collapse to one space: a run of two or more, or one that is
# not a space. A lone space is left alone (the same result as replacing
# every run by a space, without a replacement at each word: 2x faster).
_SPACE = regex.compile(r"\s{2,}|[^\S ]")

_Key = tuple[str, str]  # (article id, claim id)


@attrs.frozen
class Highlight:
    """A claim's span clipped to one paragraph, and the tags that open its highlight
    (``tag`` where it begins, ``piece`` where it is reopened after a crossing)."""

    start: int
    end: int
    tag: str
    piece: str


def render_html(
    results: Iterable[CheckResult],
    corpus: Corpus | Iterable[Article] | None = None,
    *,
    baseline: BaselineComparison | None = None,
    title: str = "newsassert report",
    lazy: bool | None = None,
) -> str:
    """The report of a run as one self-contained HTML page.

    ``corpus`` gives the articles shown (with every claim highlighted) and
    linked from the check tables; claims of checks whose article is not in it
    are shown in the tables without a link. The same results and corpus give
    the same bytes.

    ``lazy`` keeps each article's text out of the page's document until it is
    scrolled to, searched for or linked to (the browser then reads only the
    articles it shows); by default, when there are more than
    :data:`LAZY_ABOVE` articles. A lazy page needs JavaScript to show the
    articles' text; the checks and their evidence need none.
    """
    articles = list(corpus or ())
    if lazy is None:
        lazy = len(articles) > LAZY_ABOVE
    return _Page(list(results), articles, baseline, title, lazy=lazy).render()


class _Page:
    def __init__(
        self,
        results: list[CheckResult],
        articles: list[Article],
        baseline: BaselineComparison | None,
        title: str,
        *,
        lazy: bool = False,
    ) -> None:
        self.lazy = lazy
        self.checks_written = 0
        self.chunks: list[list[str]] = []
        self.check_chunks: list[list[str]] = []
        self.results = results
        self.articles = articles
        self.baseline = baseline
        self.title = title
        self.by_id = {a.id: a for a in articles}
        self.article_anchor = _unique_anchors(a.id for a in articles)
        self.claims = {a.id: a.claims for a in articles}
        self.claim_keys = {(a.id, c.id) for a in articles for c in self.claims[a.id]}
        # Which checks each claim is evidence in, and as what (``against``
        # for a claim a failing row is set against).
        involved: dict[_Key, dict[int, str]] = {}
        for index, result in enumerate(results):
            against: set[_Key] = set()
            for row in result.verdict.evidence:
                involved.setdefault(_key(row.claim), {}).setdefault(index, row.role)
                if row.role in FAILING_ROLES:
                    against.update(_key(other) for other in row.against)
            for key in sorted(against):
                involved.setdefault(key, {}).setdefault(index, "against")
        self.involved = {key: list(roles.items()) for key, roles in involved.items()}
        # Claims that make a check fail (a failure the baseline accepts is not one).
        self.failing = {
            key
            for key, roles in self.involved.items()
            if any(r in FAILING_ROLES and results[i].status == "failed" for i, r in roles)
        }
        self.failing_articles = {article for article, _ in self.failing}
        # Claims a table links to; filled while the tables are rendered.
        self.linked: set[_Key] = set()
        self.claim_anchors: dict[_Key, str] = {}
        self.anchors_taken = set(self.article_anchor.values())
        outlets = {a.outlet for a in articles} | {
            row.claim.outlet for r in results for row in r.verdict.evidence
        }
        named = sorted(o for o in outlets if o)
        self.outlets: list[str | None] = [*named, *([None] if None in outlets else [])]
        self.outlet_index = {o: i for i, o in enumerate(self.outlets)}
        self.outlet_labels = {o: _outlet_label(o) for o in self.outlets}
        self.order = sorted(
            range(len(results)), key=lambda i: (_STATUS_ORDER.index(results[i].status), i)
        )
        # A check gets a section when it has evidence or did not hold; a
        # check that held on nothing in particular is said in its summary line.
        self.sectioned = {
            i for i, r in enumerate(results) if r.verdict.evidence or r.status != "passed"
        }

    # -- the page --------------------------------------------------------

    def render(self) -> str:
        from newsassert._version import __version__

        counts = {s: sum(r.status == s for r in self.results) for s in _STATUS_ORDER}
        title = f"{self.title}: {counts['failed']} failed of {len(self.results)}"
        summary = self._summary(counts)
        checks = "".join(self._check(index) for index in self.order if index in self.sectioned)
        articles = self._articles()  # after the checks: it anchors the claims they link
        return "".join(
            [
                "<!DOCTYPE html>\n",
                '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
                f'<meta name="generator" content="newsassert {_attr(__version__)}">\n',
                f"<title>{_attr(title)}</title>\n<style>{_static('report.css')}</style>\n",
                "</head>\n<body>\n",
                f"<header>\n<h1>{_user(self.title)}</h1>\n{self._filters()}</header>\n",
                "<main>\n",
                summary,
                f'<section id="checks">\n{checks}</section>\n' if checks else "",
                *(_chunk("y", n, bodies) for n, bodies in enumerate(self.check_chunks)),
                self._index(),
                articles,
                '</main>\n<pre id="selftest" hidden></pre>\n',
                f"<footer>newsassert {_text(__version__)}</footer>\n",
                f"<script>{_static('report.js')}</script>\n</body>\n</html>\n",
            ]
        )

    def _filters(self) -> str:
        outlets = "".join(
            f'<option value="{i}">{_attr(_outlet_label(o))}</option>'
            for i, o in enumerate(self.outlets)
        )
        kinds = "".join(
            f'<option value="{letter}">{kind}</option>' for kind, letter in _KIND_LETTERS.items()
        )
        return (
            '<form id="flt" hidden role="search">'
            '<input type="search" id="fq" placeholder="search: article, outlet, person, value" '
            'aria-label="search articles and checks" autocomplete="off"> '
            '<label><input type="checkbox" id="ff"> failures only</label> '
            f'<label>outlet <select id="fo"><option value="">all</option>{outlets}</select></label> '
            f'<label>kind <select id="fk"><option value="">all</option>{kinds}</select></label> '
            '<label title="shade every claim, not only the evidence of checks">'
            '<input type="checkbox" id="fa"> all claims</label> '
            '<span id="fn" aria-live="polite"></span></form>\n'
        )

    # -- summary ---------------------------------------------------------

    def _summary(self, counts: dict[str, int]) -> str:
        n, articles = len(self.results), len(self.articles)
        claims = sum(len(c) for c in self.claims.values())
        pieces = [
            f'<b class="sp">{counts["passed"]} held</b>',
            f'<b class="sf">{counts["failed"]} failed</b>',
        ]
        if counts["baselined"]:
            pieces.append(f'<b class="sb">{counts["baselined"]} baselined</b>')
        if counts["error"]:
            pieces.append(f'<b class="se">{counts["error"]} errors</b>')
        failing = sum(1 for a in self.articles if a.id in self.failing_articles)
        jumps = ['<a href="#ov">checks</a>', '<a href="#outlets">outlets</a>']
        if self.articles:
            jumps.append('<a href="#index">article index</a>')
        return "".join(
            [
                '<section id="summary">\n<p class="tot">',
                f"{n} check{_s(n)}: {', '.join(pieces)}",
                f" · {articles} article{_s(articles)}",
                f" ({failing} with a failing claim)" if failing else "",
                f", {claims} claim{_s(claims)}</p>\n",
                f'<nav class="jump">{" · ".join(jumps)}</nav>\n',
                self._outcomes(),
                self._outlet_table(),
                self._overview(),
                self._stale(),
                "</section>\n",
            ]
        )

    def _outcomes(self) -> str:
        """Checks by type and outcome."""
        if not self.results:
            return ""
        table: dict[str, dict[str, int]] = {}
        for result in self.results:
            row = table.setdefault(result.expect or "check", {})
            row[result.status] = row.get(result.status, 0) + 1
        head = "".join(f"<th>{_STATUS_LABELS[s]}</th>" for s in _STATUS_ORDER)
        rows = []
        for expect in sorted(table, key=lambda e: (-sum(table[e].values()), e)):
            tally = table[expect]
            cells = "".join(
                f"<td{' class=' + _status_class(s) if tally.get(s) and s != 'passed' else ''}>"
                f"{tally.get(s, 0)}</td>"
                for s in _STATUS_ORDER
            )
            rows.append(f"<tr><td>{_text(expect)}</td>{cells}<td>{sum(tally.values())}</td></tr>\n")
        return (
            '<h2 id="outcomes">Outcomes</h2>\n<div class="tw"><table class="oc st"><thead><tr>'
            f"<th>check</th>{head}<th>all</th></tr></thead>\n<tbody>\n"
            + "".join(rows)
            + "</tbody></table></div>\n"
        )

    def _outlet_table(self) -> str:
        if not self.outlets:
            return ""
        articles: dict[str | None, int] = {}
        claims: dict[str | None, int] = {}
        for article in self.articles:
            articles[article.outlet] = articles.get(article.outlet, 0) + 1
            claims[article.outlet] = claims.get(article.outlet, 0) + len(self.claims[article.id])
        cited: dict[str | None, dict[str, int]] = {}
        failing: dict[str | None, int] = {}
        for result in self.results:
            for outlet in {row.claim.outlet for row in result.verdict.evidence}:
                tally = cited.setdefault(outlet, {})
                tally[result.status] = tally.get(result.status, 0) + 1
            if result.status == "failed":
                for row in result.verdict.evidence:
                    if row.role in FAILING_ROLES:
                        failing[row.claim.outlet] = failing.get(row.claim.outlet, 0) + 1
        rows = []
        for i, outlet in enumerate(self.outlets):
            tally = cited.get(outlet, {})
            failed, bad = tally.get("failed", 0), failing.get(outlet, 0)
            rows.append(
                f'<tr class="f" data-o="{i}"><td><bdi>{_text(_outlet_label(outlet))}</bdi></td>'
                f"<td>{articles.get(outlet, 0)}</td><td>{claims.get(outlet, 0)}</td>"
                f"<td>{sum(tally.values())}</td><td>{tally.get('passed', 0)}</td>"
                f"<td{' class=sf' if failed else ''}>{failed}</td>"
                f"<td{' class=sf' if bad else ''}>{bad}</td></tr>\n"
            )
        matrix = agreement_matrix(self.results, self.outlets)
        if matrix:
            matrix = (
                '<figure class="fig">'
                + matrix
                + "<figcaption>How often two outlets took the same side (%) in the checks "
                "citing both: green when nearly always, red when less than half the time."
                "</figcaption></figure>\n"
            )
        return (
            '<h2 id="outlets">Outlets</h2>\n<div class="tw"><table class="ot st"><thead><tr>'
            "<th>outlet</th><th>articles</th>"
            "<th>claims</th><th>checks citing it</th><th>held</th><th>failed</th>"
            "<th>dissenting claims</th></tr></thead>\n<tbody>\n"
            + "".join(rows)
            + "</tbody></table></div>\n"
            + matrix
        )

    def _overview(self) -> str:
        if not self.results:
            return '<h2 id="ov">Checks</h2>\n<p>No check ran.</p>\n'
        rows = []
        folded: list[int] = []
        for index in self.order:
            result = self.results[index]
            if _foldable(result):
                folded.append(index)
                continue
            name = _user(result.name)
            if index in self.sectioned:
                name = f'<a href="#k{index}">{name}</a>'
            rows.append(
                f'<tr class="f {_status_class(result.status)}"{self._filter_data(result)}>'
                f"<td>{STATUS_MARKS[result.status]} {_STATUS_LABELS[result.status]}</td>"
                f'<td>{name}</td><td dir="ltr">{_text(_one_line(result.verdict.summary))}</td>'
                "</tr>\n"
            )
        if folded:
            rows.append(self._fold(folded))
        return (
            '<h2 id="ov">Checks</h2>\n<div class="tw"><table class="ov st"><thead><tr>'
            "<th>status</th><th>check</th>"
            "<th>verdict</th></tr></thead>\n<tbody>\n" + "".join(rows) + "</tbody></table></div>\n"
        )

    def _fold(self, folded: Sequence[int]) -> str:
        """One line for the articles whose internal consistency held: at scale they
        are most of the checks, and each says only that no two claims conflict."""
        n = len(folded)
        names = ", ".join(_article_of(self.results[i].name) for i in folded)
        return (
            f'<tr class="f sp fold" data-s="p"><td>{STATUS_MARKS["passed"]} held</td>'
            f"<td>internal consistency of {n} article{_s(n)}</td>"
            f'<td dir="ltr">no two claims of {"it" if n == 1 else "any of them"} conflict'
            f"<details><summary>which articles</summary><small>{_text(names)}</small>"
            "</details></td></tr>\n"
        )

    def _stale(self) -> str:
        if self.baseline is None or not self.baseline.stale:
            return ""
        items = "".join(
            f"<li>{_user(name)}: <code>{_text(', '.join(keys))}</code></li>"
            for name, keys in sorted(self.baseline.stale.items())
        )
        return (
            "<h2>Stale baseline entries</h2>\n<p>These accepted failures no longer happen.</p>\n"
            f"<ul>{items}</ul>\n"
        )

    def _filter_data(self, result: CheckResult) -> str:
        rows = result.verdict.evidence
        outlets = sorted({self.outlet_index[r.claim.outlet] for r in rows})
        kinds = sorted({_KIND_LETTERS.get(r.claim.kind, "z") for r in rows}) or _query_kinds(
            result.query
        )
        return (
            f' data-s="{result.status[0]}"'
            f' data-o="{" ".join(map(str, outlets))}" data-k="{" ".join(kinds)}"'
        )

    # -- checks ----------------------------------------------------------

    def _check(self, index: int) -> str:
        result = self.results[index]
        opening = (
            f'<section class="ck f {_status_class(result.status)}" id="k{index}"'
            f"{self._filter_data(result)}"
        )
        body = self._check_body(result)
        self.checks_written += 1
        if not self.lazy or self.checks_written <= CHECKS_AT_ONCE:
            return f"{opening}>\n{body}</section>\n"
        # Like an article, a check far down a long page is laid out when reached.
        evidence = result.verdict.evidence
        failing = sum(row.role in FAILING_ROLES for row in evidence)
        others = min(len(evidence) - failing, ROWS_SHOWN + 1)
        height = 8 + (14 if "<svg" in body else 0)
        if not self.check_chunks or len(self.check_chunks[-1]) == ARTICLES_PER_CHUNK:
            self.check_chunks.append([])
        self.check_chunks[-1].append(body)
        where = f"y{len(self.check_chunks) - 1} {len(self.check_chunks[-1]) - 1}"
        return (
            f'{opening.replace("ck f", "ck f lz", 1)} data-z="{where}" '
            f'data-t="{_attr(_check_words(result))}" '
            f'style="--h:{height + 3 * (failing + others)}em;--hf:{height + 3 * failing}em">'
            "</section>\n"
        )

    def _check_body(self, result: CheckResult) -> str:
        verdict = result.verdict
        status = result.status
        from newsassert.check.baseline import baseline_label

        label = baseline_label(result, self.baseline)
        out = [
            f'<h2><span class="b">{STATUS_MARKS[status]} {_STATUS_LABELS[status]}</span> ',
            f'<span class="b nb">{_text(label)}</span> ' if label else "",
            f'{_user(result.name)}</h2>\n<p class="q">{_text(result.expect)}',
        ]
        if result.query:
            out.append(f" · <code>{_text(result.query)}</code>")
        if result.location:
            out.append(f" · {_user(result.location[0])}:{result.location[1]}")
        out.append("</p>\n")
        if status == "error":
            out.append(f"<pre>{_text(result.error or verdict.summary)}</pre>\n")
            return "".join(out)
        out.append(f'<p class="v" dir="ltr">{_text(verdict.summary)}</p>\n')
        if verdict.majority is not None:
            out.append(f"<p>majority: <b>{_value(verdict.majority)}</b></p>\n")
        # One article's conflicting pair says all in its table; a plot is for
        # what many articles state.
        plot = (
            value_plot(verdict.evidence, self.outlet_labels)
            if result.expect != "consistency"
            else ""
        )
        if plot:
            out.append(f'<figure class="fig">{plot}</figure>\n')
        if verdict.evidence:
            out.append(self._evidence_table(verdict.evidence))
        return "".join(out)

    def _evidence_table(self, rows: Sequence[Evidence]) -> str:
        out = [
            '<div class="tw"><table class="ev st"><thead><tr><th>role</th><th>outlet</th>'
            "<th>article</th><th>lang</th><th>value</th><th>qualifier</th><th>evidence</th>"
            "</tr></thead>\n<tbody>\n"
        ]
        shown = 0
        left: list[Evidence] = []
        for row in rows:
            failing = row.role in FAILING_ROLES
            if not failing and shown >= ROWS_SHOWN:
                left.append(row)
                continue
            shown += not failing
            out.append(self._evidence_row(row))
        if left:
            articles = len({row.claim.article for row in left})
            out.append(
                f'<tr class="rn"><td colspan="7">… and {len(left)} more '
                f"{_ROLE_LABELS.get(left[0].role, left[0].role)} claim{_s(len(left))} from "
                f"{articles} article{_s(articles)}, not listed</td></tr>\n"
            )
        out.append("</tbody></table></div>\n")
        return "".join(out)

    def _evidence_row(self, row: Evidence) -> str:
        claim = row.claim
        css = _ROW_CLASSES.get(row.role, "rn")
        extra = []
        if row.note:
            extra.append(f"<small>{_text(row.note)}</small>")
        if row.role in FAILING_ROLES and row.against:
            links = ", ".join(
                self._claim_link(other, _value(_against(claim, other)))
                for other in row.against[:AGAINST_SHOWN]
            )
            more = len(row.against) - AGAINST_SHOWN
            if more > 0:
                links += f" and {more} more"
            extra.append(f"<small>against {links}</small>")
        return (
            f'<tr class="{css}">'
            f"<td>{ROLE_MARKS.get(row.role, '')} {_text(_ROLE_LABELS.get(row.role, row.role))}</td>"
            f"<td>{f'<bdi>{_text(claim.outlet)}</bdi>' if claim.outlet else ''}</td>"
            f"<td>{self._article_link(claim.article)}</td><td>{_text(claim.lang)}</td>"
            f"<td>{self._claim_link(claim, _value(row.value))}</td>"
            f"<td>{_text(_qualifier(claim))}</td>"
            f"<td>{self._quote(claim)}{''.join(extra)}</td></tr>\n"
        )

    def _article_link(self, article_id: str) -> str:
        if article_id in self.article_anchor:
            return f'<a href="#{self.article_anchor[article_id]}">{_user(article_id)}</a>'
        return _user(article_id)

    def _claim_link(self, claim: Claim, inner: str) -> str:
        key = _key(claim)
        if key not in self.claim_keys:
            return inner
        self.linked.add(key)
        # On a lazy page the claim is not in the document until its article is
        # shown: the link says which article to show.
        article = f' data-a="{self.article_anchor[claim.article]}"' if self.lazy else ""
        return f'<a href="#{self._claim_anchor(claim)}"{article}>{inner}</a>'

    def _claim_anchor(self, claim: Claim) -> str:
        """``c-`` and the claim's id (which hashes its article's id), unique in the page."""
        key = _key(claim)
        anchor = self.claim_anchors.get(key)
        if anchor is None:
            safe = _UNSAFE_ID.sub("_", claim.id)
            anchor, n = f"c-{safe}", 1
            while anchor in self.anchors_taken:
                n += 1
                anchor = f"{self.article_anchor[claim.article]}-{safe}" + (f"~{n}" if n > 2 else "")
            self.anchors_taken.add(anchor)
            self.claim_anchors[key] = anchor
        return anchor

    def _quote(self, claim: Claim) -> str:
        """The claim's sentence, cut around it, with the claim in bold."""
        before, found, after = self._sentence_parts(claim)
        before = _collapse(before).lstrip()
        after = _collapse(after).rstrip()
        if len(before) > QUOTE_CONTEXT:
            before = "…" + before[len(before) - QUOTE_CONTEXT :].lstrip()
        if len(after) > QUOTE_CONTEXT:
            after = after[:QUOTE_CONTEXT].rstrip() + "…"
        return (
            f'<q dir="{_direction(claim.lang)}"{_lang_attr(claim.lang)}>{_text(before)}'
            f"<b>{_text(_one_line(found))}</b>{_text(after)}</q>"
        )

    def _sentence_parts(self, claim: Claim) -> tuple[str, str, str]:
        article = self.by_id.get(claim.article)
        if article is not None and article.text[claim.start : claim.end] == claim.text:
            start, end = sentence_bounds(article, claim.start)
            start, end = min(start, claim.start), max(end, claim.end)
            text = article.text
            return text[start : claim.start], claim.text, text[claim.end : end]
        sentence = claim.sentence or claim.text
        at = sentence.find(claim.text) if claim.text else -1
        if at < 0:
            return "", claim.text, ""
        return sentence[:at], claim.text, sentence[at + len(claim.text) :]

    # -- articles --------------------------------------------------------

    def _articles(self) -> str:
        if not self.articles:
            return ""
        note = ""
        if self.lazy:
            note = (
                "<noscript><p>With this many articles, their text is shown by the page's "
                "script, which is off: the checks above hold the evidence.</p></noscript>\n"
            )
        return "".join(
            [
                '<section id="articles">\n<h2>Articles</h2>\n',
                note,
                '<p class="lg">',
                "<b class=kq>quantity</b> <b class=kd>date</b> ",
                "<b class=kp>person</b> <b class=ko>organization</b> ",
                "<b>place</b> <b class=kr>role</b> · ",
                '<b class="kr g">agrees in a check</b> ',
                '<b class="kr x">fails a check</b> ',
                '<b class="kr w">failure accepted by the baseline</b> · ',
                '<span class="pm">metadata</span> <span class="px">boilerplate</span> · ',
                "only the evidence of checks is shaded until <i>all claims</i> is ticked</p>\n",
                *(self._article(article) for article in self.articles),
                "</section>\n",
                *(_chunk("z", n, bodies) for n, bodies in enumerate(self.chunks)),
            ]
        )

    def _index(self) -> str:
        """The article index: a table the script fills from one JSON array (a row each
        for ten thousand articles would cost the browser more than the rest of the page)."""
        if not self.articles:
            return ""
        rows = []
        for article in self.articles:
            claims = self.claims[article.id]
            rows.append(
                [
                    self.article_anchor[article.id],
                    escape.shown(article.id),
                    self.outlet_index[article.outlet],
                    article.published.isoformat() if article.published else "",
                    article.lang,
                    len(claims),
                    int(article.id in self.failing_articles),
                    "".join(sorted({_KIND_LETTERS.get(c.kind, "z") for c in claims})),
                    escape.shown(_search_text(article, claims)),
                ]
            )
        data = json.dumps(
            {"outlets": [escape.shown(_outlet_label(o)) for o in self.outlets], "articles": rows},
            ensure_ascii=False,
            separators=(",", ":"),
        ).replace("<", "\\u003c")
        return (
            '<section id="index">\n<h2>Article index</h2>\n<p id="ixn"></p>\n'
            '<div class="tw"><table class="ix"><thead><tr><th data-c="1">article</th>'
            '<th data-c="2">outlet</th><th data-c="3">published</th><th data-c="4">lang</th>'
            '<th data-c="5">claims</th><th data-c="6">fails</th></tr></thead>'
            '<tbody></tbody></table></div>\n<p><button type="button" id="ixm" hidden>'
            "show more</button></p>\n"
            f'<script type="application/json" id="ixd">{data}</script>\n</section>\n'
        )

    def _article(self, article: Article) -> str:
        claims = self.claims[article.id]
        kinds = sorted({_KIND_LETTERS.get(c.kind, "z") for c in claims})
        failing = article.id in self.failing_articles
        opening = (
            f'<section class="art f{" lz" if self.lazy else ""}" '
            f'id="{self.article_anchor[article.id]}"'
            f' data-o="{self.outlet_index[article.outlet]}" data-k="{" ".join(kinds)}"'
            f' data-s="{"f" if failing else "p"}"'
        )
        body = self._article_body(article, claims)
        if not self.lazy:
            return f"{opening}>\n{body}</section>\n"
        # Until the script shows it, an article keeps about the height it will
        # have (and, failures only, the height of its failing paragraphs), so
        # the page's length and scroll bar tell the truth.
        full, failing_only = _estimated_height(article, self.failing)
        if not self.chunks or len(self.chunks[-1]) == ARTICLES_PER_CHUNK:
            self.chunks.append([])
        self.chunks[-1].append(body)
        where = f"z{len(self.chunks) - 1} {len(self.chunks[-1]) - 1}"
        return f'{opening} data-z="{where}" style="--h:{full}em;--hf:{failing_only}em"></section>\n'

    def _article_body(self, article: Article, claims: Sequence[Claim]) -> str:
        facts = (
            _outlet_label(article.outlet),
            article.published.isoformat() if article.published else "no date",
            article.lang,
            f"{len(claims)} claim{_s(len(claims))}",
        )
        out = [
            f"<h3>{_user(article.id)} <small>",
            " · ".join(f"<bdi>{_text(f)}</bdi>" for f in facts),
            "</small></h3>\n",
        ]
        if article.title and not any(s.section == "title" for s in article.segments):
            out.append(f'<p class="tl" dir="auto">{_text(article.title)}</p>\n')
        if article.path:
            out.append(f'<p class="pa">{_user(article.path)}</p>\n')
        out.append(self._article_checks(article))
        out.append('<div class="tx">\n')
        # A statement is a clause's verb: highlighting every one would bury
        # the names and figures (and double the page). It is shown where a
        # check used it.
        shown = [c for c in claims if c.kind != "statement" or _key(c) in self.involved]
        out.extend(self._paragraphs(article, shown))
        out.append("</div>\n")
        return "".join(out)

    def _article_checks(self, article: Article) -> str:
        """Links to the checks that fail on a claim of this article."""
        failed: dict[int, None] = {}
        for claim in self.claims[article.id]:
            for index, role in self.involved.get(_key(claim), ()):
                if role in FAILING_ROLES and not self.results[index].ok:
                    failed[index] = None
        if not failed:
            return ""
        links = ", ".join(
            f'<a href="#k{i}">{_user(self.results[i].name)}</a>' for i in sorted(failed)
        )
        return f'<p class="ac">fails in {links}</p>\n'

    def _paragraphs(self, article: Article, claims: Sequence[Claim]) -> list[str]:
        text = article.text
        segments = article.segments or (
            Segment(start=0, end=len(text), section="body", lang=article.lang),
        )
        spans = sorted(
            ((max(0, c.start), min(len(text), max(c.start, c.end)), c) for c in claims),
            key=lambda s: (s[0], -s[1], s[2].kind, s[2].id),
        )
        tags = {c.id: self._tags(c) for _, _, c in spans}
        out = []
        placed = 0  # spans before this one are in a paragraph already
        carried: list[tuple[int, int, Claim]] = []  # begun in an earlier paragraph, not ended
        last = segments[-1]
        for segment in segments:
            # Trailing line breaks belong to the segment but make no paragraph,
            # unless a claim reaches into them.
            shown_end = segment.start + len(text[segment.start : segment.end].rstrip())
            marks = []
            reaching = []
            for span in carried:
                piece = tags[span[2].id][1]
                marks.append(Highlight(segment.start, min(span[1], segment.end), piece, piece))
                reaching.append(span)
            while placed < len(spans) and (spans[placed][0] < segment.end or segment is last):
                span = spans[placed]
                placed += 1
                first, piece = tags[span[2].id]
                marks.append(
                    Highlight(max(span[0], segment.start), min(span[1], segment.end), first, piece)
                )
                reaching.append(span)
            for mark in marks:
                shown_end = max(shown_end, mark.end)
            carried = [span for span in reaching if span[1] > segment.end]
            if shown_end > segment.start or marks:
                failing = any((article.id, span[2].id) in self.failing for span in reaching)
                out.append(_paragraph(text, segment, shown_end, marks, failing))
        return out

    def _tags(self, claim: Claim) -> tuple[str, str]:
        """The tag that opens a claim's highlight, and the one for its further pieces."""
        kind = _kind_class(claim)
        classes = [kind] if kind else []
        involved = self.involved.get(_key(claim), ())
        failing = accepted = agreeing = False
        for index, role in involved:
            status = self.results[index].status
            if role in FAILING_ROLES:
                failing |= status == "failed"
                accepted |= status == "baselined"
            agreeing |= role in _AGREEING_ROLES
        if failing:
            classes.append("x")
        elif accepted:
            classes.append("w")
        elif agreeing:
            classes.append("g")
        css = " ".join(classes)
        anchor = ""
        if _key(claim) in self.linked:
            anchor = f' id="{self._claim_anchor(claim)}"'
            tooltip = self._full_tooltip(claim, involved)
        elif claim.kind != "mention" or involved:
            tooltip = _short_tooltip(claim)
        else:
            tooltip = ""
        title = f' title="{_attr(tooltip)}"' if tooltip else ""
        if not css:
            return f"<b{anchor}{title}>", f"<b class=p{title}>"
        quoted = f'"{css}"' if " " in css else css
        return f"<b{anchor} class={quoted}{title}>", f'<b class="p {css}"{title}>'

    def _full_tooltip(self, claim: Claim, involved: Sequence[tuple[int, str]]) -> str:
        lines = [f"{claim.kind} · {claim.section} · {claim.lang} · [{claim.start}:{claim.end}]"]
        for name, value in claim.to_dict().items():
            if name not in _TOOLTIP_SKIPS and value is not None:
                lines.append(f"{name}: {value if isinstance(value, str) else json.dumps(value)}")
        for index, role in involved[:CHECKS_NAMED]:
            lines.append(f"{ROLE_MARKS.get(role, '↔')} {role} in {self.results[index].name}")
        if len(involved) > CHECKS_NAMED:
            lines.append(f"… and {len(involved) - CHECKS_NAMED} more checks")
        return "\n".join(lines)


# ---------------------------------------------------------------------------
# Paragraphs and highlights
# ---------------------------------------------------------------------------


def _paragraph(
    text: str, segment: Segment, end: int, marks: Sequence[Highlight], failing: bool = False
) -> str:
    lang = segment.lang
    attributes = []
    css = _SECTION_CLASSES.get(segment.section, "")
    if css:
        attributes.append(f"class={css}")
    attributes.append(f"dir={_direction(lang)}")
    if lang in _DIRECTIONS:
        attributes.append(f"lang={lang}")
    if segment.section != "body":
        label = segment.section + (f" · {segment.reason}" if segment.reason else "")
        attributes.append(f'data-r="{_attr(label)}"')
    if failing:
        attributes.append("data-x")
    return f"<p {' '.join(attributes)}>{highlight(text, segment.start, end, marks)}</p>\n"


def highlight(text: str, start: int, end: int, marks: Sequence[Highlight]) -> str:
    """``text[start:end]`` escaped, with each mark's span wrapped in its tag.

    Marks open in order of start (the longer first, so that it encloses the
    shorter) and close at their end. When a mark ends while marks opened
    inside it are still open (the two cross), those close with it and reopen
    as pieces, so the markup always nests.
    """
    out: list[str] = []
    stack: list[Highlight] = []
    pos = start

    def close_until(offset: int) -> None:
        # Close every open mark that ends by ``offset``, earliest end first.
        nonlocal pos
        while stack:
            ends = min(m.end for m in stack)
            if ends > offset:
                return
            if ends > pos:
                out.append(_text(text[pos:ends]))
                pos = ends
            lowest = next(i for i, m in enumerate(stack) if m.end <= ends)
            reopen = [m for m in stack[lowest:] if m.end > ends]
            out.append("</b>" * (len(stack) - lowest))
            del stack[lowest:]
            for mark in reopen:
                out.append(mark.piece)
                stack.append(mark)

    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if stack:
            close_until(mark.start)
        if mark.start > pos:
            out.append(_text(text[pos : mark.start]))
            pos = mark.start
        out.append(mark.tag)
        if mark.end <= mark.start:
            out.append("</b>")
        else:
            stack.append(mark)
    close_until(end)
    if end > pos:
        out.append(_text(text[pos:end]))
    out.append("</b>" * len(stack))
    return "".join(out)


def sentence_bounds(article: Article, offset: int) -> tuple[int, int]:
    """The sentence around ``offset`` (its paragraph, or the whole text, if none is found)."""
    segment = article.segment_at(offset)
    if segment is None:
        return 0, len(article.text)
    for start, end in segment.sentences:
        if start <= offset < end:
            return start, end
    return segment.start, segment.end


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _short_tooltip(claim: Claim) -> str:
    """What a claim states, in few words: a role's office (its holder is the
    highlighted text), a date only when something of it is known."""
    if isinstance(claim, RoleClaim):
        return f"{claim.title}, {claim.country}" if claim.country else claim.title
    if isinstance(claim, DateClaim) and claim.year is claim.month is claim.day is None:
        return ""
    return describe(claim)


def _against(claim: Claim, other: Claim) -> str:
    if other.article == claim.article:
        return describe(other)
    return f"{describe(other)} ({other.article})"


def _key(claim: Claim) -> _Key:
    return claim.article, claim.id


# Every string from an article or a check file goes through newsassert.report.escape.
_text = escape.text  # running text: escaped, controls shown as U+XXXX
_attr = escape.attribute  # an attribute value, or text that holds no markup (<title>)
_user = escape.isolated  # a string standing alone: also isolated in <bdi>


def _value(text: str) -> str:
    """A value as the checks word it: an English frame (``… (prime minister)``)
    around names in any script, so laid out left to right, and isolated."""
    return escape.isolated(text, "ltr")


def _direction(lang: str) -> str:
    return _DIRECTIONS.get(lang, "auto")


def _lang_attr(lang: str) -> str:
    return f' lang="{lang}"' if lang in _DIRECTIONS else ""


def _kind_class(claim: Claim) -> str:
    if claim.kind == "mention":
        return _MENTION_CLASSES.get(str(getattr(claim, "type", "")), _OTHER_KIND)
    return _KIND_CLASSES.get(claim.kind, _OTHER_KIND)


def _status_class(status: str) -> str:
    return "s" + status[0]


def _outlet_label(outlet: str | None) -> str:
    return outlet if outlet else "(no outlet)"


def _collapse(text: str) -> str:
    return str(_SPACE.sub(" ", text))


def _one_line(text: str) -> str:
    return _collapse(text).strip()


def _search_text(article: Article, claims: Sequence[Claim]) -> str:
    """What the search box finds an article by: its id, outlet and title, the people it
    names and the values it states (figures as plain numbers, dates as ISO), lower case."""
    words: dict[str, None] = {article.id: None}
    for text in (article.outlet, article.title):
        if text:
            words[_one_line(text)] = None
    for claim in claims:
        if isinstance(claim, MentionClaim):
            if claim.type == "person":
                words[claim.name] = None
                if claim.entity:
                    words[claim.entity] = None
        elif isinstance(claim, RoleClaim):
            words[claim.person] = None
        elif isinstance(claim, QuantityClaim):
            value = claim.value
            words[str(int(value)) if value == int(value) else str(value)] = None
        elif isinstance(claim, DateClaim) and claim.resolved:
            words[claim.resolved] = None
    return "|".join(words).lower()


# Characters of a line of article text, and the height of a line and of a
# paragraph's margins (in em), to guess an article's height before it is shown.
_LINE_CHARS = 90
_LINE_EM = 1.6
_PARAGRAPH_EM = 0.8
_HEADING_EM = 3.0
# Failures only sets an article's heading and failing paragraphs smaller and
# tighter (the stylesheet's body.fo rules): about this share of their height.
_COMPACT = 0.72


def _estimated_height(article: Article, failing: set[_Key]) -> tuple[int, int]:
    """The height (em) of an article's section, and of what failures only leaves of it."""
    text = article.text
    segments = article.segments or (
        Segment(start=0, end=len(text), section="body", lang=article.lang),
    )
    starts = sorted(c.start for c in article.claims if (article.id, c.id) in failing)
    full, failed = _HEADING_EM, _HEADING_EM * _COMPACT
    for segment in segments:
        length = len(text[segment.start : segment.end].strip())
        if not length:
            continue
        height = math.ceil(length / _LINE_CHARS) * _LINE_EM + _PARAGRAPH_EM
        full += height
        if any(segment.start <= at < segment.end for at in starts):
            failed += height * _COMPACT
    return math.ceil(full), math.ceil(failed)


def _chunk(prefix: str, number: int, bodies: list[str]) -> str:
    """Sections' markup as one inert block: a JSON array, deflated, in base64."""
    data = json.dumps(bodies, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.b64encode(zlib.compress(data, 6, wbits=-15)).decode("ascii")
    return f'<script type="text/x-newsassert-z" id="{prefix}{number}">{packed}</script>\n'


def _check_words(result: CheckResult) -> str:
    """What the search box finds a check not laid out yet by: its name, query and
    verdict, and the outlets, articles and values of its evidence, lower case."""
    words: dict[str, None] = {result.name: None, result.query: None}
    words[_one_line(result.verdict.summary)] = None
    for row in result.verdict.evidence:
        for word in (row.claim.outlet, row.claim.article, row.value, row.claim.text):
            if word:
                words[_one_line(word)] = None
    return "|".join(words).lower()


def _foldable(result: CheckResult) -> bool:
    return (
        result.expect == "consistency" and result.status == "passed" and not result.verdict.evidence
    )


def _article_of(name: str) -> str:
    suffix = "::" + CHECK_NAME
    return name[: -len(suffix)] if name.endswith(suffix) else name


@functools.cache
def _static(name: str) -> str:
    """A file of the page's style or script, shipped in the package beside this module."""
    return (resources.files("newsassert.report") / "static" / name).read_text(encoding="utf-8")


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def _qualifier(claim: Claim) -> str:
    qualifier = getattr(claim, "qualifier", None)
    if isinstance(qualifier, str):
        return qualifier
    return "relative" if getattr(claim, "relative", False) else ""


def _query_kinds(query: str) -> list[str]:
    word = query.split(None, 1)[0].lower() if query.strip() else "claim"
    return [_QUERY_KINDS[word]] if word in _QUERY_KINDS else sorted(_KIND_LETTERS.values())


def _unique_anchors(ids: Iterable[str]) -> dict[str, str]:
    """An anchor per article id: ``a-`` and the id, made safe, unique in the page."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for article_id in ids:
        if article_id in anchors:
            continue
        base = "a-" + _UNSAFE_ID.sub("_", article_id)
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}~{n}"
        taken.add(anchor)
        anchors[article_id] = anchor
    return anchors
