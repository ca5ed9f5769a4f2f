"""The JSON report: every check with its verdict, its evidence and the claims compared.

The document (``"report": 1``) holds the corpus's articles, each check in run
order with its verdict and the claims of its evidence in the claim schema, the
totals, and the baseline comparison when a baseline was used. Keys keep a fixed
order and non-ASCII text is written as is, so two runs on one corpus give the
same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.check.verdict import CheckResult
    from newsassert.corpus import Corpus

__all__ = ["REPORT_VERSION", "json_report", "render_json"]

REPORT_VERSION = 1


def json_report(
    results: Iterable[CheckResult],
    corpus: Corpus | None = None,
    *,
    baseline: BaselineComparison | None = None,
) -> dict[str, Any]:
    """The report as a JSON-ready mapping."""
    from newsassert._version import __version__

    results = list(results)
    statuses = ("passed", "failed", "baselined", "error")
    document: dict[str, Any] = {
        "report": REPORT_VERSION,
        "newsassert": __version__,
        "articles": [
            {
                "id": a.id,
                "path": a.path,
                "outlet": a.outlet,
                "published": a.published.isoformat() if a.published else None,
                "lang": a.lang,
                "title": a.title,
            }
            for a in (corpus or ())
        ],
        "totals": {s: sum(r.status == s for r in results) for s in statuses},
        # The failing rows of the failed checks by claim kind: statements
        # (the less precise kind) counted apart from figures, names and dates.
        "by_kind": _by_kind(r for r in results if r.status == "failed"),
        "checks": [_check(r, baseline) for r in results],
    }
    if baseline is not None:
        document["baseline"] = {
            "new": {k: list(v) for k, v in baseline.new.items()},
            "baselined": {k: list(v) for k, v in baseline.baselined.items()},
            "stale": {k: list(v) for k, v in baseline.stale.items()},
        }
    return document


def _by_kind(results: Iterable[CheckResult]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for result in results:
        for kind, n in result.verdict.by_kind.items():
            counts[kind] = counts.get(kind, 0) + n
    return dict(sorted(counts.items()))


def _check(result: CheckResult, baseline: BaselineComparison | None) -> dict[str, Any]:
    """A check's entry; with a baseline, a failing check says NEW or ACCEPTED and which keys."""
    from newsassert.check.baseline import baseline_status

    entry = result.to_dict()
    if baseline is not None:
        status = baseline_status(result, baseline)
        entry["baseline"] = (
            None
            if status is None
            else {"status": status[0].lower(), "new": list(status[1]), "accepted": list(status[2])}
        )
    return entry


def render_json(
    results: Iterable[CheckResult],
    corpus: Corpus | None = None,
    *,
    baseline: BaselineComparison | None = None,
) -> str:
    """The report as JSON text (UTF-8, not ASCII-escaped), ending with a newline."""
    document = json_report(results, corpus, baseline=baseline)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
