"""Report: verdicts as terminal text, JSON and a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newsassert._files import write_atomically
from newsassert.errors import ConfigError

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.check.verdict import CheckResult
    from newsassert.corpus import Corpus

__all__ = ["REPORT_FORMATS", "write_report"]

REPORT_FORMATS = (".json", ".html")


def write_report(
    results: Iterable[CheckResult],
    corpus: Corpus | None,
    path: str | Path,
    *,
    baseline: BaselineComparison | None = None,
) -> None:
    """Write the report of a run to ``path``; the extension picks the format.

    ``.json`` writes :func:`newsassert.report.json_report.render_json`, ``.html``
    (or ``.htm``) :func:`newsassert.report.html.render_html`. The file
    is written to a temporary file beside it and moved into place.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        from newsassert.report.json_report import render_json

        text = render_json(results, corpus, baseline=baseline)
    elif suffix in (".html", ".htm"):
        from newsassert.report.html import render_html

        text = render_html(results, corpus, baseline=baseline)
    else:
        known = ", ".join(REPORT_FORMATS)
        raise ConfigError(
            f"cannot write a report as {suffix or 'a file without an extension'} (known: {known})",
            path=str(path),
        )
    write_atomically(path, text, "report")
