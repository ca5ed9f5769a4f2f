"""The seeds' HTML report in a real browser (headless Chromium).

The page carries a self-test that runs when its address ends in
``#selftest``: it writes into the page what the browser computed (the
direction of each paragraph, the text of every highlight, the conflicts, and
how many checks the "failures only" filter leaves visible), and
``--dump-dom`` prints the page after its scripts ran. The test also takes a
screenshot of the first screen (kept beside the report in the test's
temporary folder, to look at).

Skipped only when no Chromium is installed (Debian's ``chromium`` package;
CI's ``.ci/run`` installs it).
"""

from __future__ import annotations

import html
import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from newsassert.check.auto import builtin_checks
from newsassert.check.verdict import CheckResult
from newsassert.corpus import Corpus
from newsassert.report import write_report

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
PM_QUERY = 'role where title = "prime minister"'


def _chromium() -> str:
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.skip("no Chromium found (install Debian's chromium package; CI's .ci/run does)")


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, seeds: Corpus) -> tuple[Path, list[Any]]:
    folder = tmp_path_factory.mktemp("browser")
    results = builtin_checks(seeds)
    # A check every run of the seeds fails: 000's English summary names another
    # prime minister than the Arabic sources.
    results.append(
        CheckResult.of("prime minister", PM_QUERY, "agree", seeds.query(PM_QUERY).agree())
    )
    path = folder / "report.html"
    write_report(results, seeds, path)
    return path, results


@pytest.fixture(scope="module")
def selftest(report: tuple[Path, list[Any]], tmp_path_factory: pytest.TempPathFactory) -> Any:
    browser = _chromium()
    path, _ = report
    done = _run(
        browser,
        tmp_path_factory.mktemp("profile"),
        "--virtual-time-budget=2000",
        "--dump-dom",
        path.as_uri() + "#selftest",
    )
    start = done.stdout.find('<pre id="selftest">')
    assert start >= 0, f"no self-test output from Chromium: {done.stderr[-2000:]}"
    body = done.stdout[start + len('<pre id="selftest">') : done.stdout.index("</pre>", start)]
    return json.loads(html.unescape(body))


def test_arabic_paragraphs_are_laid_out_right_to_left(selftest: Any, seeds: Corpus) -> None:
    directions = selftest["directions"]
    shown = [s for a in seeds for s in a.segments if a.text[s.start : s.end].strip()]
    arabic = sum(s.lang == "ar" for s in shown)
    english = sum(s.lang == "en" for s in shown)
    assert arabic > 50 and english >= 3
    assert directions.get("ar:rtl") == arabic
    assert directions.get("en:ltr") == english
    assert "ar:ltr" not in directions and "en:rtl" not in directions


def test_every_claim_has_its_highlight(selftest: Any, seeds: Corpus) -> None:
    claims = seeds.claims
    assert len(selftest["highlights"]) == len(claims)
    assert Counter(selftest["highlights"]) == Counter(c.text for c in claims)
    # Every claim a check table links to is there under its anchor, with its text.
    texts = {c.id: c.text for c in claims}
    anchored = selftest["anchored"]
    assert anchored
    for anchor, text in anchored.items():
        assert texts[anchor.rsplit("-", 1)[-1]] == text


def test_the_english_prime_minister_is_marked_as_a_conflict(selftest: Any, seeds: Corpus) -> None:
    roles = [c for c in seeds.claims if c.kind == "role" and "Al-Kadhimi" in c.text]
    assert roles, "seed 000's English prime minister Al-Kadhimi is not extracted as a role"
    conflicts = {
        anchor.rsplit("-", 1)[-1]: (lang, colour) for anchor, lang, colour in selftest["conflicts"]
    }
    for role in roles:
        assert role.id in conflicts, role
        lang, colour = conflicts[role.id]
        assert lang == "en"
        assert colour.startswith("rgb(207, 34, 46")  # the page's red


def test_failures_only_hides_every_passing_check(
    selftest: Any, report: tuple[Path, list[Any]]
) -> None:
    _, results = report
    passing = sum(r.status == "passed" for r in results)
    failing = sum(r.status == "failed" for r in results)
    assert passing and failing
    before, only, after = selftest["before"], selftest["failures_only"], selftest["after"]
    assert before["passing"] >= passing  # a line in the overview, and maybe a section
    assert before["failing"] >= failing
    assert only["passing"] == 0
    assert only["failing"] == before["failing"]
    assert after == before


def test_screenshot_of_the_first_screen(report: tuple[Path, list[Any]], tmp_path: Path) -> None:
    browser = _chromium()
    path, _ = report
    shot = path.with_name("report.png")
    done = _run(
        browser,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
        path.as_uri(),
    )
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # a page of text and tables, not a blank screen
