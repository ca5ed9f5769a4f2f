"""Hostile inputs of issue 18: special files, sizes known before reading, a pattern
that would compile forever, the ends of the calendar, searches stopped by their
time limit (never cached)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import newsassert
from newsassert.cli import main
from newsassert.errors import LoadError, QueryError
from newsassert.load import SkippedInputWarning
from newsassert.query import compile_query
from newsassert.query._regex import MAX_REPEAT_PRODUCT


def _newsassert(*argv: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # In a process of its own, with a time limit: a run that hangs fails the test.
    return subprocess.run(
        [sys.executable, "-m", "newsassert", *argv],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# --- special files ------------------------------------------------------------------


@pytest.fixture
def special(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("قتل 30 جنديا في العراق.\n", encoding="utf-8")
    os.mkfifo(folder / "x.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder


def test_a_pipe_or_a_device_in_a_corpus_is_named_and_never_read(special: Path) -> None:
    run = _newsassert("explain", str(special), "--color", "never")
    assert run.returncode == 2 and run.stdout == ""
    assert run.stderr == (
        f"newsassert: {special}/x.txt: cannot read the file: it is a named pipe, not a "
        "regular file\n"
    )
    with pytest.warns(SkippedInputWarning):
        corpus = newsassert.load(special, skip_bad=True, cache=False)
    assert corpus.ids == ("a",)
    assert [str(e) for e in corpus.skipped] == [
        f"{special}/x.txt: cannot read the file: it is a named pipe, not a regular file",
        f"{special}/zero.txt: cannot read the file: it is a character device, not a regular file",
    ]


def test_a_check_file_that_is_a_pipe_is_an_error_not_a_hang(special: Path) -> None:
    checks = special.parent / "c.checks.toml"
    os.mkfifo(checks)
    run = _newsassert("check", "--no-cache", str(special / "a.txt"), "--checks", str(checks))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr == (
        f"newsassert: {checks}: cannot read the check file (it is a named pipe, not a "
        "regular file)\n"
    )


def test_a_corpus_file_over_the_size_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sparse file of 2 GiB: stat says its size, reading it would take 2 GiB.
    path = tmp_path / "dump.jsonl"
    with path.open("wb") as stream:
        stream.truncate(1 << 31)
    with pytest.raises(LoadError) as info:
        newsassert.load(path, cache=False)
    assert str(info.value) == (
        f"{path}: the file has 2,147,483,648 bytes, more than the limit of 1,073,741,824 bytes "
        "for one file (raise it with $NEWSASSERT_MAX_FILE_BYTES, 0 for no limit)"
    )
    small = tmp_path / "small.json"
    small.write_text(json.dumps([{"text": "x" * 100}]), encoding="utf-8")
    monkeypatch.setenv("NEWSASSERT_MAX_FILE_BYTES", "50")
    with pytest.raises(LoadError, match="more than the limit of 50 bytes"):
        newsassert.load(small, cache=True)  # before the cache key reads it too
    monkeypatch.setenv("NEWSASSERT_MAX_FILE_BYTES", "0")
    assert len(newsassert.load(small, cache=False)) == 1


# --- a pattern that would compile forever --------------------------------------------


@pytest.mark.parametrize(
    "pattern",
    ["(?:(?:(?:a{1000}){1000}){1000})", "(?:a{1000}){1000}", "(x{50}|y){30}{100}", "a{100001}"],
)
def test_nested_counted_repeats_are_refused_before_they_are_compiled(pattern: str) -> None:
    query = f'claim where sentence ~ "{pattern}"'
    with pytest.raises(QueryError) as info:
        compile_query(query)
    assert info.value.message == (
        "the regular expression repeats too much: its counted repeats nest to more than "
        f"{MAX_REPEAT_PRODUCT:,} copies; simplify it"
    )
    assert query.index(pattern) <= info.value.position < len(query)


def test_counted_repeats_within_the_bound_compile() -> None:
    for pattern in ("(?:a{1000}){100}", "[{]{2}x{3,5}", "a{50000}b{50000}", "(a|aa)+b"):
        assert compile_query(f'claim where sentence ~ "{pattern}"') is not None


# --- the ends of the calendar -------------------------------------------------------


@pytest.mark.parametrize(
    "published", ["0001-01-01T00:00:00Z", "0001-01-03", "9999-12-31T23:59:59Z"]
)
def test_a_publication_date_at_the_end_of_the_calendar_loads_and_extracts(
    tmp_path: Path, published: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Go's zero time is common in scraped JSON; "yesterday" and "last Thursday"
    # before 0001-01-01 (or "tomorrow" after 9999-12-31) are no date.
    path = tmp_path / "a.jsonl"
    texts = [
        "Yesterday 5 soldiers died.",
        "Last Thursday and next Monday 7 soldiers died; tomorrow more.",
        "قتل أمس الخميس 5 جنود، وغدا يوم الجمعة المقبل.",
    ]
    path.write_text(
        "".join(json.dumps({"text": t, "published": published}) + "\n" for t in texts),
        encoding="utf-8",
    )
    corpus = newsassert.load(path, cache=False)
    assert len(corpus.claims) > 6
    for text in texts:
        newsassert.extract(text, published=dt.date.fromisoformat(published[:10]))
    assert main(["check", "--no-cache", str(path)]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err


# --- a search stopped by its time limit ------------------------------------------------


def test_a_timed_out_search_is_worded_as_such_and_never_cached(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "a.txt"
    corpus.write_text("وقتل " + "ا" * 40 + "ب 30 جنديا في العراق.\n", encoding="utf-8")
    checks = tmp_path / "c.checks.toml"
    checks.write_text(
        '[[check]]\nname = "slow"\nquery = \'claim where sentence ~ "(ا|اا)+ب$"\'\n'
        'expect = "count"\nmin = 1\n',
        encoding="utf-8",
    )
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(cache_dir))
    assert main(["check", str(corpus), "--checks", str(checks)]) == 2
    out = capsys.readouterr().out
    assert "check 'slow': query ran out of time: the regular expression took more than" in out
    assert "does not compile" not in out
    with sqlite3.connect(cache_dir / "cache.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM results").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM files").fetchone() == (1,)


# --- names, writes and small refusals ------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_cached_and_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("قتل 40 جنديا في العراق.\n", encoding="utf-8")
    odd = os.fsdecode(bytes(folder) + b"/\xff\xfe bad.txt")
    Path(odd).write_text("قتل 30 جنديا في العراق.\n", encoding="utf-8")
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path / "cache"))
    outputs = []
    for _ in range(2):  # the second from the cache
        assert main(["check", str(folder)]) == 1
        out, err = capsys.readouterr()
        assert err == ""
        outputs.append(out)
    assert outputs[0] == outputs[1] and "\\udcff\\udcfe bad" in outputs[0]
    outputs[0].encode("utf-8")  # printable in a UTF-8 locale


def test_a_name_too_long_is_one_error_and_a_failed_write_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_name = tmp_path / ("a" * 300 + ".txt")
    assert main(["explain", str(long_name)]) == 2
    assert capsys.readouterr().err == f"newsassert: {long_name}: cannot read it: file name too long\n"
    (tmp_path / "b.txt").write_text("قتل 30 جنديا.\n", encoding="utf-8")
    report = tmp_path / ("r" * 300 + ".html")
    assert main(["check", "--no-cache", str(tmp_path / "b.txt"), "--report", str(report)]) == 2
    assert "cannot write the report (File name too long)" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.txt"]


def test_the_atomic_writer_keeps_a_symlinked_baseline_and_never_changes_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsassert._files import write_atomically

    real = tmp_path / "shared" / "baseline.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "baseline.json"
    link.symlink_to(real)

    def no_umask(mask: int) -> int:
        raise AssertionError("the process's umask was changed")

    monkeypatch.setattr(os, "umask", no_umask)
    write_atomically(link, '{"new": true}\n', "baseline file")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == '{"new": true}\n'
    assert sorted(p.name for p in real.parent.iterdir()) == ["baseline.json"]


def test_small_refusals_are_newsassert_errors(tmp_path: Path) -> None:
    from newsassert.errors import ConfigError

    with pytest.raises(LoadError, match="an empty path names no file or folder"):
        newsassert.load("")
    with pytest.raises(ConfigError, match="published must be a date or YYYY-MM-DD"):
        newsassert.extract("Yesterday 5 soldiers died.", published="yesterday")
    twice = tmp_path / "twice.md"
    twice.write_text("---\ntitle: a\ntitle: b\n---\nbody\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        newsassert.load(twice, cache=False)
    assert str(info.value) == f"{twice}, line 3: the front matter gives 'title' twice (also on line 2)"
    garbage = tmp_path / "garbage.md"
    garbage.write_text("---\npublished: 2024-01-01T25:99:99garbage\n---\nbody\n", encoding="utf-8")
    with pytest.raises(LoadError, match="a date must be written YYYY-MM-DD"):
        newsassert.load(garbage, cache=False)


def test_ids_that_are_no_number_and_aliases_that_are_nothing_or_two_things_are_refused(
    tmp_path: Path,
) -> None:
    from newsassert.errors import AliasError
    from newsassert.lexicon import load_aliases

    ids = tmp_path / "ids.jsonl"
    ids.write_text('{"id": 1e400, "text": "x"}\n{"id": NaN, "text": "y"}\n', encoding="utf-8")
    with pytest.raises(LoadError) as info:
        newsassert.load(ids, cache=False)
    assert str(info.value) == f"{ids}, line 1: 'id' must be a string or a finite number (got inf)"
    empty = tmp_path / "empty.toml"
    empty.write_text('[place]\n"" = [""]\n', encoding="utf-8")
    with pytest.raises(AliasError, match="must be some text"):
        load_aliases(empty)
    shared = tmp_path / "shared.toml"
    shared.write_text('[place]\nIraq = ["Irak"]\nIran = ["irak"]\n', encoding="utf-8")
    with pytest.raises(AliasError) as alias:
        load_aliases(shared)
    assert str(alias.value) == (
        f"{shared}, line 3: the spelling 'irak' in [place] names both 'Iraq' and 'Iran'"
    )
