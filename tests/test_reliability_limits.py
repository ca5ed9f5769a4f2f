"""Bounded time and size: the article size limit, big inputs, linear time, bounded recursion.

Time is compared, not measured against a clock: each adversarial input is run
at length n and 4n, and the ratio of CPU times must stay well under 16 (what
a quadratic stage would show). Set ``NEWSASSERT_STRESS=1`` to run the full
sizes of the issue (100,000-character adversarial strings, 100,000 files, a
50 MB article loaded with the limit raised); the default run uses sizes that
keep this module to seconds.
"""

from __future__ import annotations

import inspect
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import newsassert
from badinput.generate import (
    ADVERSARIAL,
    adversarial,
    long_line,
    write_big_article,
    write_tiny_files,
)
from newsassert.cli import main
from newsassert.errors import ConfigError, LoadError, QueryError
from newsassert.extract import dates, entities, quantities
from newsassert.extract.context import ArticleContext
from newsassert.limits import DEFAULT_MAX_ARTICLE_CHARS, MAX_ARTICLE_CHARS_VARIABLE
from newsassert.load import SkippedInputWarning, make_article
from newsassert.normalize import key
from newsassert.query import compile_query
from newsassert.query.evaluate import REGEX_TIMEOUT
from newsassert.query.parser import MAX_DEPTH

STRESS = bool(os.environ.get("NEWSASSERT_STRESS"))
stress_only = pytest.mark.skipif(not STRESS, reason="full sizes: set NEWSASSERT_STRESS=1")
RAISE = "raise it with max_article_chars=, --max-article-chars or NEWSASSERT_MAX_ARTICLE_CHARS"


# --- the per-article size limit -------------------------------------------------


def test_a_50_mb_article_hits_the_default_limit_before_it_is_read(tmp_path: Path) -> None:
    path = write_big_article(tmp_path / "big.txt", 50 * 2**20)
    size = path.stat().st_size
    started = time.perf_counter()
    with pytest.raises(LoadError) as info:
        newsassert.load(path)
    assert time.perf_counter() - started < 5  # refused by its size, not parsed
    assert str(info.value) == (
        f"{path}: the file has {size:,} bytes, more than any article under the limit of "
        f"{DEFAULT_MAX_ARTICLE_CHARS:,} characters can take ({RAISE})"
    )


def test_an_article_over_the_default_limit_in_jsonl_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"text": "a" * (DEFAULT_MAX_ARTICLE_CHARS + 1)}
    path.write_text('{"text": "short"}\n' + json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        newsassert.load(path)
    assert str(info.value) == (
        f"{path}, line 2: the article has {DEFAULT_MAX_ARTICLE_CHARS + 1:,} characters, more "
        f"than the limit of {DEFAULT_MAX_ARTICLE_CHARS:,} ({RAISE})"
    )
    with pytest.warns(SkippedInputWarning):
        assert [a.text for a in newsassert.load(path, skip_bad=True)] == ["short"]


def test_a_configured_limit_refuses_and_a_raised_one_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("قتل 30 جنديا في العراق. " * 10, encoding="utf-8")  # 240 characters
    message = f"{path}: the article has 240 characters, more than the limit of 100 ({RAISE})"
    with pytest.raises(LoadError) as info:
        newsassert.load(path, max_article_chars=100)
    assert str(info.value) == message
    assert len(newsassert.load(path, max_article_chars=240)) == 1
    assert len(newsassert.load(path, max_article_chars=0)) == 1  # no limit
    # The environment sets it for every load (the pytest plugin and CI too).
    monkeypatch.setenv(MAX_ARTICLE_CHARS_VARIABLE, "100")
    with pytest.raises(LoadError, match="more than the limit of 100"):
        newsassert.load(path)
    with pytest.raises(LoadError, match="more than the limit of 100"):
        newsassert.extract(path.read_text(encoding="utf-8"))
    assert len(newsassert.load(path, max_article_chars=1000)) == 1  # the argument wins
    monkeypatch.setenv(MAX_ARTICLE_CHARS_VARIABLE, "lots")
    with pytest.raises(ConfigError) as config:
        newsassert.load(path)
    assert str(config.value) == (
        f"${MAX_ARTICLE_CHARS_VARIABLE} must be a number of characters, 0 for no limit "
        "(got 'lots')"
    )


def test_a_cached_article_over_a_lowered_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("About 900 troops. " * 20, encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    assert len(newsassert.load(path, cache=cache)) == 1
    with pytest.raises(LoadError, match="more than the limit of 100"):
        newsassert.load(path, cache=cache, max_article_chars=100)


def test_the_limit_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "a.txt"
    path.write_text("About 900 troops. " * 20, encoding="utf-8")
    assert main(["explain", str(path), "--max-article-chars", "100"]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"newsassert: {path}: the article has 360 characters, more than the limit of 100 "
        f"({RAISE})\n"
    )
    assert main(["query", "quantity", str(path), "--max-article-chars", "0"]) == 0
    assert "900" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exit_:
        main(["explain", str(path), "--max-article-chars", "-5"])
    assert exit_.value.code == 2
    assert "a number of characters, 0 for no limit (got '-5')" in capsys.readouterr().err


@stress_only
def test_a_50_mb_article_loads_when_the_limit_is_raised(tmp_path: Path) -> None:
    path = write_big_article(tmp_path / "big.txt", 50 * 2**20)
    (article,) = newsassert.load(path, max_article_chars=0)
    assert len(article.text) == 50 * 2**20
    assert article.segments[-1].end == len(article.text)


# --- big inputs ------------------------------------------------------------------


def _cpu(function: Callable[[], object], repeat: int = 2) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        function()
        best = min(best, time.process_time() - started)
    return best


def test_a_file_with_a_1_mb_line_loads_and_extracts_with_valid_offsets(tmp_path: Path) -> None:
    path = tmp_path / "line.txt"
    path.write_text(long_line(2**20), encoding="utf-8")
    (article,) = newsassert.load(path)
    assert len(article.segments) == 1 and article.segments[0].end == 2**20
    if not STRESS:
        # Extraction is linear (below); a quarter of the line keeps this quick.
        article = make_article(article.text[: 2**18], id="line")
    for claim in article.claims:
        assert article.text[claim.start : claim.end] == claim.text
    assert sum(c.kind == "quantity" for c in article.claims) > 1000


@pytest.mark.parametrize("count", [100_000] if STRESS else [5_000])
def test_many_tiny_files_load_in_linear_time(tmp_path: Path, count: int) -> None:
    small = write_tiny_files(tmp_path / "small", count // 5)
    big = write_tiny_files(tmp_path / "big", count)
    t_small = _cpu(lambda: newsassert.load(small), repeat=1)
    started = time.perf_counter()
    corpus = newsassert.load(big)
    wall = time.perf_counter() - started
    t_big = _cpu(lambda: newsassert.load(big), repeat=1)
    assert len(corpus) == count and corpus.ids[0] == "a000000"
    assert t_big / max(t_small, 1e-3) < 10  # five times the files, about five times the time
    print(f"{count} files: {wall:.2f} s wall, {1e6 * wall / count:.0f} us a file")


# --- linear time: adversarial strings, each extractor and the segmenter ---------------

N = 25_000 if STRESS else 6_000
EXTRACTORS = {"quantities": quantities, "dates": dates, "entities": entities}


def _extractor(module: object, text: str) -> Callable[[], object]:
    article = make_article(text, id="x")
    hook = module.newsassert_extract_article  # type: ignore[attr-defined]
    return lambda: hook(context=ArticleContext.of(article))


def _assert_linear(run: Callable[[int], Callable[[], object]], label: str) -> None:
    small, big = _cpu(run(N)), _cpu(run(4 * N))
    # Below a few hundredths of a second the clock decides, not the code.
    assert big < 0.05 or big / max(small, 1e-3) < 10, f"{label}: {small:.3f}s -> {big:.3f}s"
    # And a ceiling far above any linear stage (a few kB a second), for what
    # grows faster only past the sizes measured.
    assert big < 2.5e-4 * 4 * N, f"{label}: {big:.3f}s for {4 * N} characters"


_EXTRACTOR_CASES = [
    pytest.param(extractor, name, id=f"{extractor}-{name}")
    for extractor in EXTRACTORS
    for name in ADVERSARIAL
]


@pytest.mark.parametrize(("extractor", "name"), _EXTRACTOR_CASES)
def test_each_extractor_is_linear_on_adversarial_text(extractor: str, name: str) -> None:
    module = EXTRACTORS[extractor]
    _assert_linear(lambda n: _extractor(module, adversarial(name, n)), f"{extractor}, {name}")


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_loading_segmenting_and_normalizing_are_linear_on_adversarial_text(name: str) -> None:
    def run(n: int) -> Callable[[], object]:
        text = adversarial(name, n)
        return lambda: (make_article(text, id="x"), key(text))

    _assert_linear(run, name)


def test_front_matter_with_a_long_run_of_spaces_is_linear(tmp_path: Path) -> None:
    def run(n: int) -> Callable[[], object]:
        path = tmp_path / f"fm{n}.md"
        path.write_text(f"---\ntitle: a{' ' * n}b\n---\nbody\n", encoding="utf-8")
        return lambda: newsassert.load(path)

    _assert_linear(run, "front matter")


# --- queries: bounded depth, and user regexes with a time limit ------------------------


@pytest.mark.parametrize(
    "query",
    [
        "claim where " + "(" * 10_000 + "kind = date" + ")" * 10_000,
        "claim where " + "not " * 10_000 + "kind = date",
    ],
    ids=["10,000 parentheses", "10,000 nots"],
)
def test_deep_nesting_in_a_query_is_a_query_error(query: str) -> None:
    with pytest.raises(QueryError) as info:
        compile_query(query)
    assert str(info.value).startswith(
        f"the query nests too deeply (more than {MAX_DEPTH} levels of '(' and 'not')"
    )


def test_a_long_flat_query_compiles() -> None:
    terms = " or ".join(f"value = {i}" for i in range(10_000))
    assert compile_query(f"quantity where {terms}") is not None


def test_a_catastrophic_user_regex_times_out_with_a_query_error() -> None:
    # (ا|اا)+ tries every way of splitting the run of alefs before it fails:
    # exponential in the run's length (2 s at 30 alefs, without the limit).
    # Bounded means the same cost at 40 and 160 alefs: the search is stopped,
    # and a process spends no more CPU time than the limit's wall time.
    def run(alefs: int) -> Callable[[], object]:
        text = "وقتل " + "ا" * alefs + "ب 30 جنديا في العراق.\n"
        corpus = newsassert.Corpus([make_article(text, id="a")])

        def query() -> None:
            with pytest.raises(QueryError) as info:
                corpus.query('claim where sentence ~ "(ا|اا)+ب$"')
            assert "took more than 0.25 s on one claim's 'sentence'" in str(info.value)

        return query

    small, big = _cpu(run(40), repeat=1), _cpu(run(160), repeat=1)
    assert big < 4 * small + REGEX_TIMEOUT, f"{small:.3f}s -> {big:.3f}s"


def test_an_unclosed_string_of_escaped_quotes_lexes_in_linear_time() -> None:
    # The lexer searched on past an unclosed string and tried the string
    # again from every quote inside it: 32,000 characters took 20 s.
    def run(n: int) -> Callable[[], object]:
        query = 'claim where sentence ~ "' + '\\"' * (n // 2)

        def lex() -> None:
            with pytest.raises(QueryError, match="unclosed '\"'") as info:
                compile_query(query)
            assert info.value.position == len('claim where sentence ~ ')

        return lex

    _assert_linear(run, "unclosed string of \\\" pairs")


def test_recursion_depth_does_not_depend_on_input() -> None:
    # The Python frames the work below needs, whatever the size of its input,
    # fit a small fixed budget above the caller's: extraction loops, and the
    # query parser recurses only up to MAX_DEPTH levels before it refuses.
    here = len(inspect.stack())
    texts = [
        adversarial("nested quotes", n) + "\n" + adversarial("punctuation", n) for n in (10, 20_000)
    ]
    queries = ["claim where " + "(" * d + "kind = date" + ")" * d for d in (1, MAX_DEPTH)]
    old = sys.getrecursionlimit()
    try:
        sys.setrecursionlimit(here + 150)
        for text in texts:
            assert make_article(text, id="x").claims is not None
        sys.setrecursionlimit(here + 150 + 4 * MAX_DEPTH)
        for query in queries:
            compile_query(query)
        with pytest.raises(QueryError):
            compile_query("claim where " + "(" * 10_000 + "kind = date" + ")" * 10_000)
    finally:
        sys.setrecursionlimit(old)
