"""What every part of the report page reads: its sizes, class tables and escapes, and
the state the sections share (results, articles, which claims fail, anchors)."""

from __future__ import annotations

import base64
import functools
import json
import zlib
from collections.abc import Iterable
from importlib import resources
from typing import TYPE_CHECKING

import regex

from newsassert.check.values import describe
from newsassert.check.verdict import FAILING_ROLES, CheckResult
from newsassert.model import Article, Claim, DateClaim, RoleClaim
from newsassert.report import escape

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison


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


def sentence_bounds(article: Article, offset: int) -> tuple[int, int]:
    """The sentence around ``offset`` (its paragraph, or the whole text, if none is found)."""
    segment = article.segment_at(offset)
    if segment is None:
        return 0, len(article.text)
    for start, end in segment.sentences:
        if start <= offset < end:
            return start, end
    return segment.start, segment.end


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


def _chunk(prefix: str, number: int, bodies: list[str]) -> str:
    """Sections' markup as one inert block: a JSON array, deflated, in base64."""
    data = json.dumps(bodies, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.b64encode(zlib.compress(data, 6, wbits=-15)).decode("ascii")
    return f'<script type="text/x-newsassert-z" id="{prefix}{number}">{packed}</script>\n'


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


class _PageBase:
    """The results and articles of a page, and the links and anchors between them."""

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
