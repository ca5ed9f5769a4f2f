"""Under pytest-xdist the corpus is extracted once, by the controller, and the workers read it back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("xdist")

pytest_plugins = ["pytester"]

ARTICLES = {
    "a": "قالت وزارة الدفاع إن 2500 جندي أمريكي ينتشرون في العراق.",
    "b": "ينتشر نحو 2500 جندي أمريكي في العراق، بحسب البنتاغون.",
    "c": "أعلن رئيس الوزراء محمد شياع السوداني أن 3000 جندي في العراق.",
}

# Each process that extracts an article writes its process id and the article's id.
CONFTEST = """
import os
import newsassert.extract
from newsassert.model import CLAIM_SOURCES

_extract = CLAIM_SOURCES.extract


def _counted(article):
    with open(os.environ["EXTRACTED_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()} {article.id}\\n")
    return _extract(article)


CLAIM_SOURCES.extract = _counted
"""


@pytest.mark.parametrize("cache", [True, False])
def test_the_controller_extracts_the_corpus_once_for_its_workers(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, cache: bool
) -> None:
    corpus = pytester.path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / f"{name}.txt").write_text(text, encoding="utf-8")
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_corpus="def test_three(corpus):\n    assert len(corpus) == 3\n")
    log = tmp_path / "extracted.log"
    monkeypatch.setenv("EXTRACTED_LOG", str(log))
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path / "cache"))
    options = ["-p", "no:cacheprovider", "-p", "no:randomly", "-n", "2"]
    options += ["--newsassert-corpus", "corpus"]
    if not cache:
        options.append("--newsassert-no-cache")
    result = pytester.runpytest_subprocess(*options)
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) + outcomes.get("failed", 0) == 4  # three articles, one test
    lines = log.read_text(encoding="utf-8").split("\n")[:-1]
    processes = {line.split()[0] for line in lines}
    if cache:
        # One process extracted each article once (the controller: no worker runs
        # before it is done), and the workers read the claims back from the cache.
        assert sorted(line.split()[1] for line in lines) == ["a", "b", "c"]
        assert len(processes) == 1 and str(os.getpid()) not in processes
    else:
        # Without a cache there is nothing to share: each worker extracts what it needs.
        assert len(processes) == 2
