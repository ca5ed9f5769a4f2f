"""The report page's summary (counts, outcomes, outlets, the checks overview) and its
section per check (query, verdict, plot and evidence table)."""

from __future__ import annotations

from collections.abc import Sequence

from newsassert.check.consistency import CHECK_NAME
from newsassert.check.verdict import (
    FAILING_ROLES,
    ROLE_MARKS,
    STATUS_MARKS,
    CheckResult,
    Evidence,
)
from newsassert.report.html._common import (
    _KIND_LETTERS,
    _ROLE_LABELS,
    _ROW_CLASSES,
    _STATUS_LABELS,
    _STATUS_ORDER,
    AGAINST_SHOWN,
    ARTICLES_PER_CHUNK,
    CHECKS_AT_ONCE,
    ROWS_SHOWN,
    _against,
    _attr,
    _one_line,
    _outlet_label,
    _PageBase,
    _qualifier,
    _query_kinds,
    _s,
    _status_class,
    _text,
    _user,
    _value,
)
from newsassert.report.svg import agreement_matrix, value_plot


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


class _Checks(_PageBase):
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
