"""The report page's article index and its articles, paragraph by paragraph, each
claim highlighted by kind."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

import attrs

from newsassert.check.verdict import FAILING_ROLES, ROLE_MARKS
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
from newsassert.report.html._common import (
    _AGREEING_ROLES,
    _DIRECTIONS,
    _KIND_LETTERS,
    _SECTION_CLASSES,
    _TOOLTIP_SKIPS,
    ARTICLES_PER_CHUNK,
    CHECKS_NAMED,
    _attr,
    _chunk,
    _direction,
    _Key,
    _key,
    _kind_class,
    _one_line,
    _outlet_label,
    _PageBase,
    _s,
    _short_tooltip,
    _text,
    _user,
)


@attrs.frozen
class Highlight:
    """A claim's span clipped to one paragraph, and the tags that open its highlight
    (``tag`` where it begins, ``piece`` where it is reopened after a crossing)."""

    start: int
    end: int
    tag: str
    piece: str


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


class _Articles(_PageBase):
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
