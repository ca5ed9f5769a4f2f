"""The HTML report: self-contained, escaped, every claim highlighted once, right to left
where the text is Arabic, deterministic, and small enough for a thousand articles."""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import attrs

import newsassert
from newsassert.check.auto import builtin_checks
from newsassert.check.verdict import FAILING_ROLES, CheckResult, Evidence, Verdict
from newsassert.corpus import Corpus
from newsassert.model import Article, Claim, claim_id
from newsassert.report import write_report
from newsassert.report.html import ROWS_SHOWN, Highlight, highlight, render_html

# An article whose text is hostile to a careless renderer: markup, an ampersand,
# a claim inside another (a role holding a name), and Arabic after English.
HOSTILE = """<script>alert("x")</script> & friends

US forces in Iraq were targeted by about 150 attacks, Prime Minister Mustafa Al-Kadhimi said on Thursday.

وقال رئيس مجلس الوزراء محمد شياع السوداني إن نحو 150 هجوما استهدفت القوات الأميركية في العراق.
"""
ARABIC_PM = "وقال رئيس مجلس الوزراء محمد شياع السوداني إن الحوار بدأ اليوم في بغداد.\n"

VOID = {"meta", "input", "br", "hr", "img", "link"}


@attrs.frozen
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str
    ancestors: tuple[tuple[str, dict[str, str | None]], ...]

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def inside(self, tag: str, css: str) -> bool:
        return any(t == tag and css in (a.get("class") or "").split() for t, a in self.ancestors)


class Page(HTMLParser):
    """The page's elements, checking on the way that every end tag closes the open element."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.elements: list[Element] = []
        self.feed(text)
        self.close()
        assert not self.open, f"unclosed: {[t for t, _, _ in self.open]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            self.elements.append(Element(tag, dict(attrs), "", self._ancestors()))
        else:
            self.open.append((tag, dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1][0] == tag, f"</{tag}> closes {self.open[-1][0]}"
        tag, attributes, parts = self.open.pop()
        text = "".join(parts)
        if self.open:
            self.open[-1][2].append(text)
        self.elements.append(Element(tag, attributes, text, self._ancestors()))

    def handle_data(self, data: str) -> None:
        if self.open:
            self.open[-1][2].append(data)

    def _ancestors(self) -> tuple[tuple[str, dict[str, str | None]], ...]:
        return tuple((t, a) for t, a, _ in self.open)

    def find(self, tag: str, css: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (css is None or css in e.classes)]

    def highlights(self) -> list[Element]:
        """Each claim's highlight in the articles (not its further pieces)."""
        return [
            e
            for e in self.elements
            if e.tag == "b" and e.inside("div", "tx") and "p" not in e.classes
        ]


def _corpus(*texts: tuple[str, str]) -> Corpus:
    return Corpus(newsassert.make_article(text, id=id_) for id_, text in texts)


def _pm_results(corpus: Corpus) -> list[CheckResult]:
    query = 'role where title = "prime minister"'
    return [CheckResult.of("prime minister", query, "agree", corpus.query(query).agree())]


# ---------------------------------------------------------------------------
# Highlights
# ---------------------------------------------------------------------------


def _mark(start: int, end: int, name: str) -> Highlight:
    return Highlight(start, end, f"<b id={name}>", f"<b class=p data-of={name}>")


def test_nested_highlights_nest() -> None:
    text = "Prime Minister Mustafa Al-Kadhimi said"
    out = highlight(text, 0, len(text), [_mark(15, 33, "name"), _mark(0, 33, "role")])
    assert out == "<b id=role>Prime Minister <b id=name>Mustafa Al-Kadhimi</b></b> said"


def test_crossing_highlights_are_split_into_pieces_that_nest() -> None:
    text = "abcdefghij"
    out = highlight(text, 0, 10, [_mark(1, 6, "one"), _mark(4, 9, "two")])
    assert out == "a<b id=one>bcd<b id=two>ef</b></b><b class=p data-of=two>ghi</b>j"
    Page(f"<div>{out}</div>")  # well formed


def test_adjacent_and_empty_highlights() -> None:
    out = highlight("abcd", 0, 4, [_mark(0, 2, "a"), _mark(2, 4, "b"), _mark(2, 2, "e")])
    # An empty claim opens and closes where it is, inside what encloses its offset.
    assert out == "<b id=a>ab</b><b id=b><b id=e></b>cd</b>"


def test_text_around_and_inside_highlights_is_escaped() -> None:
    text = "<i>1 & 2</i>"
    out = highlight(text, 0, len(text), [_mark(3, 8, "n")])
    assert out == "&lt;i&gt;<b id=n>1 &amp; 2</b>&lt;/i&gt;"


# ---------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------


def test_every_claim_is_highlighted_once_with_its_own_text() -> None:
    corpus = _corpus(("hostile", HOSTILE), ("pm", ARABIC_PM))
    page = Page(render_html(_pm_results(corpus), corpus))
    # Statements are highlighted only where a check used them (none here).
    claims = [c for c in corpus.claims if c.kind != "statement"]
    assert len(claims) >= 10
    highlights = page.highlights()
    assert len(highlights) == len(claims)
    assert Counter(h.text for h in highlights) == Counter(c.text for c in claims)
    # A role holds the name it names: the name's highlight is inside the role's.
    name = next(h for h in highlights if h.text == "Mustafa Al-Kadhimi")
    assert any(t == "b" and "kr" in (a.get("class") or "") for t, a in name.ancestors)


def test_article_text_is_escaped_never_run() -> None:
    corpus = _corpus(("hostile", HOSTILE))
    html = render_html([], corpus)
    assert html.count("<script>") == 1  # the page's own
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends" in html or (
        '&lt;script&gt;alert("x")&lt;/script&gt; &amp; friends' in html
    )
    page = Page(html)
    assert any('<script>alert("x")</script> & friends' in p.text for p in page.find("p"))


def test_paragraph_direction_and_language_follow_the_segment() -> None:
    corpus = _corpus(("hostile", HOSTILE))
    page = Page(render_html([], corpus))
    paragraphs = [p for p in page.find("p") if p.inside("div", "tx")]
    article = corpus["hostile"]
    assert len(paragraphs) == len(article.segments)
    for paragraph, segment in zip(paragraphs, article.segments, strict=True):
        expected = {"ar": "rtl", "en": "ltr"}.get(segment.lang, "auto")
        assert paragraph.attrs["dir"] == expected
        assert paragraph.attrs.get("lang") == (segment.lang if segment.lang != "und" else None)
    assert {p.attrs["dir"] for p in paragraphs} == {"ltr", "rtl"}


def test_metadata_and_boilerplate_are_marked_with_their_reason(seeds: Corpus) -> None:
    page = Page(render_html([], seeds))
    paragraphs = [p for p in page.find("p") if p.inside("div", "tx")]
    segments = [s for a in seeds for s in a.segments if a.text[s.start : s.end].strip()]
    assert len(paragraphs) == len(segments)
    css = {"title": ["pt"], "metadata": ["pm"], "body": [], "boilerplate": ["px"]}
    for paragraph, segment in zip(paragraphs, segments, strict=True):
        assert paragraph.classes == css[segment.section]
        if segment.section != "body":
            assert paragraph.attrs["data-r"] == f"{segment.section} · {segment.reason}".rstrip(" ·")
    # 004 carries a read-also article after its body; 003 related headlines.
    assert any("read-also" in (p.attrs.get("data-r") or "") for p in paragraphs)
    assert any("related-headline" in (p.attrs.get("data-r") or "") for p in paragraphs)


def test_a_dissent_links_to_its_claim_marked_as_failing() -> None:
    english = "Iraqi Prime Minister Mustafa Al-Kadhimi called for the withdrawal.\n"
    corpus = _corpus(("a", ARABIC_PM), ("b", ARABIC_PM.replace("بغداد", "البصرة")), ("c", english))
    results = _pm_results(corpus)
    verdict = results[0].verdict
    assert not verdict, verdict
    dissent = next(row.claim for row in verdict.evidence if row.role == "dissent")
    page = Page(render_html(results, corpus))
    # The table row of the dissent links to the claim's anchor in its article …
    row = next(r for r in page.find("tr", "rx"))
    assert "Al-Kadhimi" in row.text
    links = [a.attrs["href"] for a in page.find("a") if "Al-Kadhimi" in a.text]
    anchor = next(h for h in page.highlights() if h.text == dissent.text)
    assert f"#{anchor.attrs['id']}" in links
    # … where it is marked as failing, inside the English paragraph of article c.
    assert "x" in anchor.classes
    assert anchor.inside("section", "art")
    paragraph = next(a for t, a in reversed(anchor.ancestors) if t == "p")
    assert paragraph["dir"] == "ltr"
    assert "prime minister" in (anchor.attrs["title"] or "")
    assert "dissent in prime minister" in (anchor.attrs["title"] or "")
    # The agreeing claims are marked as such, and the summary counts the failure.
    agreeing = [h for h in page.highlights() if "g" in h.classes]
    assert {h.text for h in agreeing} == {"رئيس مجلس الوزراء محمد شياع السوداني"}
    assert "1 failed" in page.find("p", "tot")[0].text


def test_summary_counts_checks_and_outlets(seeds: Corpus) -> None:
    results = builtin_checks(seeds)
    page = Page(render_html(results, seeds))
    total = page.find("p", "tot")[0].text
    held = sum(r.status == "passed" for r in results)
    failed = sum(r.status == "failed" for r in results)
    assert total.startswith(f"{len(results)} checks: {held} held, {failed} failed")
    failing = {
        row.claim.article
        for r in results
        if r.status == "failed"
        for row in r.verdict.evidence
        if row.role in FAILING_ROLES
    }
    assert (
        f"{len(seeds)} articles ({len(failing)} with a failing claim), {len(seeds.claims)} claims"
        in total
    )
    outlets = [e for e in page.find("tr", "f") if e.inside("table", "ot")]
    names = {e.text for e in page.find("bdi") if e.inside("table", "ot")}
    assert names == {a.outlet or "(no outlet)" for a in seeds}
    assert len(outlets) == len({a.outlet for a in seeds})
    # One line per check in the overview, failures first; the articles whose
    # internal consistency held share one line at the end.
    lines = [e for e in page.find("tr") if e.inside("table", "ov") and "f" in e.classes]
    held_inside = [
        r for r in results if r.expect == "consistency" and r.ok and not r.verdict.evidence
    ]
    assert len(held_inside) >= 3
    assert len(lines) == len(results) - len(held_inside) + 1
    fold = lines[-1]
    assert "fold" in fold.classes
    assert f"internal consistency of {len(held_inside)} articles" in fold.text
    statuses = [line.attrs["data-s"] for line in lines]
    assert statuses == sorted(statuses, key="febp".index)
    # Counts per outcome, by type of check.
    cells = [e.text for e in page.find("td") if e.inside("table", "oc")]
    assert cells[:6] == ["agree", str(failed - 1), "0", "0", str(held - len(held_inside)), "5"] or (
        "consistency" in cells and "agree" in cells
    )
    assert cells.count(str(len(held_inside))) >= 1


def test_long_evidence_tables_list_every_failure_and_some_agreement() -> None:
    articles = [newsassert.make_article(ARABIC_PM, id=f"a{i:02d}") for i in range(ROWS_SHOWN + 9)]
    articles.append(
        newsassert.make_article("Iraqi Prime Minister Mustafa Al-Kadhimi spoke.\n", id="z")
    )
    corpus = Corpus(articles)
    page = Page(render_html(_pm_results(corpus), corpus))
    rows = [r for r in page.find("tr") if r.inside("table", "ev")]
    assert len([r for r in rows if "rx" in r.classes]) == 1
    assert len([r for r in rows if "rg" in r.classes]) == ROWS_SHOWN
    assert "… and 9 more majority claims from 9 articles, not listed" in rows[-1].text


def test_a_check_that_could_not_run_shows_its_error() -> None:
    result = CheckResult.failed_to_run("broken", "quantity where", "agree", "query ends early")
    page = Page(render_html([result], None))
    section = page.find("section", "ck")[0]
    assert "se" in section.classes
    assert "query ends early" in section.text


def test_claims_of_articles_not_in_the_page_are_shown_without_links() -> None:
    corpus = _corpus(("pm", ARABIC_PM))
    claim = next(c for c in corpus.claims if c.kind == "role")
    verdict = Verdict(
        check="agree",
        holds=True,
        summary="1 article states it",
        evidence=(Evidence(claim=claim, value="x", role="agrees"),),
    )
    html = render_html([CheckResult.of("one", "role", "agree", verdict)], None)
    assert 'href="#c-' not in html
    assert "pm" in html


def test_the_page_needs_nothing_from_the_network(seeds: Corpus) -> None:
    html = render_html(builtin_checks(seeds), seeds)
    head = html.split("<main>")[0]
    for needle in ("<link", " src=", "@import", "url(", "http://", "https://"):
        assert needle not in head
    assert "<script src" not in html and "<img" not in html and "<iframe" not in html


def test_write_report_writes_html(tmp_path: Path, seeds: Corpus) -> None:
    results = _pm_results(seeds)
    write_report(results, seeds, tmp_path / "report.html")
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == render_html(results, seeds)


# ---------------------------------------------------------------------------
# Size and determinism at a thousand articles
# ---------------------------------------------------------------------------


def _copies(seeds: Corpus, n: int) -> Corpus:
    """``n`` articles: the seeds over and over, each copy with its own id.

    A copy is the seed with a new id (what :func:`newsassert.make_article`
    would make of the same text), and its claims are the seed's with the new
    article id: extracting them again would take half a minute to give the
    same claims, and the extractors are not what this test measures.
    """
    seed_articles = list(seeds)
    articles: list[Article] = []
    for i in range(n):
        seed = seed_articles[i % len(seed_articles)]
        new_id = f"{i // len(seed_articles):03d}-{seed.id}"
        article = attrs.evolve(seed, id=new_id)
        claims: tuple[Claim, ...] = tuple(
            attrs.evolve(
                c, article=new_id, id=claim_id(new_id, c.kind, c.sentence, c.start, c.text)
            )
            for c in seed.claims
        )
        object.__setattr__(article, "claims", claims)  # fills the cached property
        articles.append(article)
    return Corpus(articles)


def test_a_thousand_articles_stay_under_ten_megabytes_and_render_the_same(
    seeds: Corpus,
) -> None:
    corpus = _copies(seeds, 1000)
    results = builtin_checks(corpus)
    started = time.perf_counter()
    first = render_html(results, corpus)
    took = time.perf_counter() - started
    second = render_html(results, corpus)
    size = len(first.encode("utf-8"))
    claims = sum(1 for a in corpus for c in a.claims if c.kind != "statement")
    print(f"\n1,000 articles, {claims} claims: {size / 1e6:.2f} MB rendered in {took:.2f} s")
    assert first == second
    assert size < 10_000_000
    assert "".join(_lazy_bodies(first)).count("<b") >= claims  # every claim is highlighted
    assert took < 60  # seconds; a few on a quiet machine


def test_rendering_is_deterministic(seeds: Corpus) -> None:
    results = builtin_checks(seeds) + _pm_results(seeds)
    first = render_html(results, seeds)
    assert first == render_html(list(results), Corpus(list(seeds)))
    assert first == render_html(builtin_checks(seeds) + _pm_results(seeds), seeds)


# ---------------------------------------------------------------------------
# At scale: lazy articles, the index, failing paragraphs, package files
# ---------------------------------------------------------------------------


def _lazy_bodies(page: str, kind: str = "art") -> list[str]:
    """The markup of each article (or check) of a lazy page not laid out yet, in order,
    from its deflated group."""
    import base64
    import zlib

    groups = {
        name: json.loads(zlib.decompress(base64.b64decode(data), wbits=-15))
        for name, data in re.findall(
            r'<script type="text/x-newsassert-z" id="([yz]\d+)">([A-Za-z0-9+/=]*)</script>', page
        )
    }
    places = re.findall(
        rf'<section class="{kind} f [^"]*lz" id="[^"]+"[^>]* data-z="(\w+) (\d+)"', page
    )
    return [groups[g][int(i)] for g, i in places]


def test_a_lazy_page_keeps_each_article_whole_in_a_script_until_shown(seeds: Corpus) -> None:
    results = builtin_checks(seeds) + _pm_results(seeds)
    eager = render_html(results, seeds)
    lazy = render_html(results, seeds, lazy=True)
    assert '<script type="text/x-newsassert' not in eager
    # Articles: groups of deflated JSON arrays of their markup; each article's
    # placeholder names its group and place.
    places = re.findall(r'<section class="art f lz" id="([^"]+)"[^>]* data-z="(z\d+) (\d+)"', lazy)
    assert [a for a, _, _ in places] == [f"a-{a.id}" for a in seeds]
    bodies = _lazy_bodies(lazy)
    # Checks far down the page, in groups of their own.
    bodies += _lazy_bodies(lazy, "ck")
    shown = Page("".join(f"<section>{b}</section>" for b in bodies))
    highlights = [
        e for e in shown.elements if e.tag == "b" and e.inside("div", "tx") and "p" not in e.classes
    ]
    # Statements are highlighted where a check used them, as on the eager page.
    involved = {(r.claim.article, r.claim.id) for x in results for r in x.verdict.evidence}
    involved |= {(c.article, c.id) for x in results for r in x.verdict.evidence for c in r.against}
    expected = [c for c in seeds.claims if c.kind != "statement" or (c.article, c.id) in involved]
    assert Counter(h.text for h in highlights) == Counter(c.text for c in expected)
    for body in bodies:
        assert "</script" not in body.lower() and "<!--" not in body
    # A link to a claim names the article to show first.
    links = re.findall(r'<a href="#(c-[^"]+)" data-a="([^"]+)">', lazy)
    assert links
    for claim, article in links:
        index = [a for a, _, _ in places].index(article)
        assert f'id="{claim}"' in bodies[index]


def test_failing_paragraphs_and_articles_are_marked_for_failures_only(seeds: Corpus) -> None:
    results = _pm_results(seeds)
    page = Page(render_html(results, seeds))
    failing = {row.claim.article for row in results[0].verdict.evidence if row.role == "dissent"}
    articles = {e.attrs["id"]: e.attrs["data-s"] for e in page.find("section", "art")}
    assert {k for k, v in articles.items() if v == "f"} == {f"a-{a}" for a in failing}
    marked = [p for p in page.find("p") if "data-x" in p.attrs]
    assert marked and all(
        any("x" in b.classes for b in page.find("b") if b.text in p.text) for p in marked
    )
    assert any("Al-Kadhimi" in p.text for p in marked)


def test_the_index_lists_every_article_with_what_search_finds_it_by(seeds: Corpus) -> None:
    html = render_html(_pm_results(seeds), seeds)
    data = re.search(r'<script type="application/json" id="ixd">(.*?)</script>', html, flags=re.S)
    assert data
    index = json.loads(data.group(1))
    rows = index["articles"]
    assert [r[1] for r in rows] == [a.id for a in seeds]
    assert index["outlets"][rows[0][2]] == (seeds[rows[0][1]].outlet or "(no outlet)")
    text = {r[1]: r[8] for r in rows}
    pm = next(a for a in seeds if any("Al-Kadhimi" in c.text for c in a.claims))
    assert "mustafa al-kadhimi" in text[pm.id]
    assert any("2500" in t.split("|") for t in text.values())


def test_style_and_script_are_package_files(seeds: Corpus) -> None:
    from importlib import resources

    static = resources.files("newsassert.report") / "static"
    css = (static / "report.css").read_text(encoding="utf-8")
    js = (static / "report.js").read_text(encoding="utf-8")
    html = render_html([], seeds)
    assert f"<style>{css}</style>" in html and f"<script>{js}</script>" in html
    assert "@media print" in css and "@media (max-width:40em)" in css
    package = Path(newsassert.__file__).parent / "report" / "html"
    source = "".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    assert "render_html" in source
    assert "@media" not in source and "addEventListener" not in source
    pyproject = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert '"report/static/*.css"' in pyproject and '"report/static/*.js"' in pyproject


# ---------------------------------------------------------------------------
# Plots
# ---------------------------------------------------------------------------


def _quantities(*figures: tuple[str, str, str | None]) -> Corpus:
    return Corpus(
        newsassert.make_article(
            f"About {n} soldiers are deployed in Iraq, the ministry said.\n",
            id=id_,
            outlet=outlet,
        )
        for id_, n, outlet in figures
    )


def test_a_plot_draws_each_outlets_intervals_the_shared_band_and_the_dissent() -> None:
    from newsassert.report.svg import value_plot

    corpus = _quantities(("a", "2500", "One"), ("b", "2,550", "Two"), ("c", "4000", "Three"))
    verdict = corpus.query("quantity where unit = soldier").agree()
    assert not verdict
    svg = value_plot(verdict.evidence, {})
    page = Page(svg)
    assert len(page.find("rect", "mb")) == 1  # the band the agreeing claims share
    assert len(page.find("rect", "dg")) == 2 and len(page.find("rect", "dx")) == 1
    assert len(page.find("path", "xm")) == 1
    labels = [t.text for t in page.find("text", "pl")]
    assert labels[0] == "Three" and set(labels) == {"One", "Two", "Three"}  # dissent first
    ticks = [t.text for t in page.find("text", "tk")]
    assert ticks and all(t.replace(",", "").isdigit() for t in ticks)
    # The band lies between the agreeing bars, left of the dissent.
    band = page.find("rect", "mb")[0]
    dissent = page.find("rect", "dx")[0]
    assert float(band.attrs["x"] or 0) + float(band.attrs["width"] or 0) < float(
        dissent.attrs["x"] or 0
    )


def test_names_are_plotted_per_outlet_and_the_matrix_has_a_cell_per_pair(seeds: Corpus) -> None:
    from newsassert.report.svg import agreement_matrix, value_plot

    results = _pm_results(seeds)
    names = Page(value_plot(results[0].verdict.evidence, {}))
    assert names.find("circle", "dx") and names.find("circle", "dg")
    outlets = sorted({a.outlet for a in seeds}, key=lambda o: (o is None, o or ""))
    matrix = Page(agreement_matrix(builtin_checks(seeds) + results, outlets))
    assert len(matrix.find("rect")) == len(outlets) ** 2
    assert agreement_matrix([], outlets) == ""
