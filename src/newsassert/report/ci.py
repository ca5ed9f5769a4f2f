"""Reports for CI systems: JUnit XML, GitHub Actions annotations, a Markdown summary.

- :func:`render_junit`: one ``<testcase>`` per check, the evidence table in
  its ``<failure>``; a failure the baseline accepts is ``<skipped>``, a check
  that could not run an ``<error>``. The classname is the check file's path
  (dots for slashes, as pytest names a test file) or ``newsassert`` for the
  built-in checks. No times or host names: the same run gives the same bytes.
- :func:`render_github`: a workflow command per failing check
  (``::error file=…,line=…,title=…::…``), shown by GitHub on the check file's
  line; a failure the baseline accepts is a ``::notice``.
- :func:`render_markdown`: a table of the checks for ``$GITHUB_STEP_SUMMARY``
  (or any Markdown page), failures first, each with its summary.

With a baseline, every failure says whether it is NEW or ACCEPTED.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsassert.check.baseline import baseline_label
from newsassert.check.verdict import STATUS_MARKS

if TYPE_CHECKING:
    from newsassert.check.baseline import BaselineComparison
    from newsassert.check.verdict import CheckResult

__all__ = ["github_escape", "render_github", "render_junit", "render_markdown"]


def _classname(result: CheckResult) -> str:
    if result.location is None:
        return "newsassert"
    path = result.location[0].replace("\\", "/")
    parts = [p for p in path.split("/") if p not in ("", ".", "..")]
    return ".".join(parts) or "newsassert"


def render_junit(
    results: Iterable[CheckResult],
    *,
    baseline: BaselineComparison | None = None,
    name: str = "newsassert",
) -> str:
    """The run as JUnit XML (the format CI systems read test results in)."""
    results = list(results)
    counts = {s: sum(r.status == s for r in results) for s in ("failed", "error", "baselined")}
    suites = ET.Element("testsuites")
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=name,
        tests=str(len(results)),
        failures=str(counts["failed"]),
        errors=str(counts["error"]),
        skipped=str(counts["baselined"]),
        time="0",
    )
    for result in results:
        case = ET.SubElement(
            suite, "testcase", classname=_classname(result), name=result.name, time="0"
        )
        if result.location is not None:
            case.set("file", result.location[0])
            case.set("line", str(result.location[1]))
        label = baseline_label(result, baseline)
        prefix = f"{label}: " if label else ""
        if result.status == "failed":
            failure = ET.SubElement(
                case, "failure", message=prefix + result.verdict.summary, type=result.expect
            )
            failure.text = str(result.verdict)
        elif result.status == "baselined":
            ET.SubElement(case, "skipped", message=prefix + result.verdict.summary)
        elif result.status == "error":
            error = ET.SubElement(case, "error", message=(result.error or "").split("\n")[0])
            error.text = result.error or ""
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def github_escape(text: str, *, property: bool = False) -> str:
    """Text as a workflow command's message (or, with ``property``, one of its properties)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(
    results: Iterable[CheckResult], *, baseline: BaselineComparison | None = None
) -> str:
    """A GitHub Actions annotation per failing check, then the totals as a plain line."""
    results = list(results)
    lines = []
    for result in results:
        if result.status == "passed":
            continue
        level = "notice" if result.status == "baselined" else "error"
        label = baseline_label(result, baseline)
        title = f"newsassert: {result.name}" + (f" ({label})" if label else "")
        properties = []
        if result.location is not None:
            properties.append(f"file={github_escape(result.location[0], property=True)}")
            properties.append(f"line={result.location[1]}")
        properties.append(f"title={github_escape(title, property=True)}")
        message = (result.error or "" if result.status == "error" else str(result.verdict)).rstrip()
        lines.append(f"::{level} {','.join(properties)}::{github_escape(message)}")
    lines.append(_totals(results))
    return "\n".join(lines) + "\n"


def _totals(results: list[CheckResult]) -> str:
    counts = {s: sum(r.status == s for r in results) for s in STATUS_MARKS}
    parts = [f"{counts['passed']} held", f"{counts['failed']} failed"]
    if counts["baselined"]:
        parts.append(f"{counts['baselined']} baselined")
    if counts["error"]:
        parts.append(f"{counts['error']} errors")
    noun = "check" if len(results) == 1 else "checks"
    return f"newsassert: {len(results)} {noun}: " + ", ".join(parts)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(
    results: Iterable[CheckResult],
    *,
    baseline: BaselineComparison | None = None,
    title: str = "newsassert",
) -> str:
    """A Markdown summary of the run: the totals, then a table of checks, failures first."""
    results = list(results)
    order = {"failed": 0, "error": 1, "baselined": 2, "passed": 3}
    lines = [f"## {title}", "", _totals(results).removeprefix("newsassert: "), ""]
    lines += ["| | check | summary |", "| --- | --- | --- |"]
    for result in sorted(results, key=lambda r: order[r.status]):
        label = baseline_label(result, baseline)
        mark = STATUS_MARKS[result.status] + (f" **{label}**" if label else "")
        where = f" ({_cell(result.location[0])}:{result.location[1]})" if result.location else ""
        summary = result.error if result.status == "error" else result.verdict.summary
        # Code spans: a name such as "figures agree[flood]" is no Markdown link.
        name = "`" + _cell(result.name).replace("`", "'") + "`"
        lines.append(f"| {mark} | {name}{where} | {_cell(summary or '')} |")
    return "\n".join(lines) + "\n"
