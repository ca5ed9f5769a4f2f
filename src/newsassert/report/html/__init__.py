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

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsassert.check.verdict import CheckResult
from newsassert.model import Article
from newsassert.report.html._articles import Highlight, _Articles, highlight
from newsassert.report.html._checks import _Checks
from newsassert.report.html._common import (
    _KIND_LETTERS,
    _STATUS_ORDER,
    LAZY_ABOVE,
    ROWS_SHOWN,
    _attr,
    _chunk,
    _outlet_label,
    _static,
    _text,
    _user,
)

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.corpus import Corpus
__all__ = ["LAZY_ABOVE", "ROWS_SHOWN", "Highlight", "highlight", "render_html"]


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


class _Page(_Checks, _Articles):
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
