"""The cache and the process pool change how fast a corpus loads, never what it holds."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import newsassert
from newsassert.store import Store


def _claims(corpus: newsassert.Corpus) -> list[dict[str, object]]:
    return [c.to_dict() for c in corpus.claims]


def test_a_cached_corpus_equals_a_fresh_one(seeds_path: Path, tmp_path: Path) -> None:
    fresh = newsassert.load(seeds_path)
    cache = tmp_path / "cache.sqlite3"
    first = newsassert.load(seeds_path, cache=cache)
    assert Store(cache).stats()["entries"] == len(fresh)
    second = newsassert.load(seeds_path, cache=cache)
    assert first == second == fresh
    assert _claims(second) == _claims(fresh)


@pytest.mark.parametrize("off", [False, None])
def test_no_cache_writes_no_file(
    tmp_path: Path, seeds_path: Path, monkeypatch: pytest.MonkeyPatch, off: object
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = newsassert.load(seeds_path, cache=off)  # type: ignore[arg-type]
    assert _claims(corpus) == _claims(newsassert.load(seeds_path))
    assert list(tmp_path.iterdir()) == []


def test_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    article = corpus_dir / "a.txt"
    article.write_text("قتل 30 جنديا في العراق.\n", encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    before = newsassert.load(corpus_dir, cache=cache)
    article.write_text("قتل 40 جنديا في العراق.\n", encoding="utf-8")
    after = newsassert.load(corpus_dir, cache=cache)
    assert after != before
    assert after["a"].text.startswith("قتل 40")
    assert _claims(after) == _claims(newsassert.load(corpus_dir))


def test_alias_files_are_part_of_the_cache_key(tmp_path: Path, seeds_path: Path) -> None:
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[place]\nIraq = ["Irak"]\n', encoding="utf-8")
    cache = tmp_path / "cache.sqlite3"
    newsassert.load(seeds_path, cache=cache)
    newsassert.load(seeds_path, cache=cache, aliases=[aliases])
    assert Store(cache).stats()["entries"] == 2 * len(newsassert.load(seeds_path))


def _many(tmp_path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("seeds").glob("*.txt"))]
    records = [
        {"id": f"a{i:03d}", "text": texts[i % len(texts)][:700].replace("150", str(100 + i))}
        for i in range(64)
    ]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


@pytest.mark.parametrize("jobs", [2])
def test_extraction_on_several_processes_gives_the_same_claims(tmp_path: Path, jobs: int) -> None:
    path = _many(tmp_path)
    one = newsassert.load(path)
    many = newsassert.load(path, jobs=jobs)
    assert _claims(many) == _claims(one)


def test_workers_read_with_the_corpus_aliases(tmp_path: Path) -> None:
    # The workers inherit the calling process's lexicon with the aliases (built
    # before they fork) or build the same one: an alias is read either way.
    path = _many(tmp_path)
    aliases = tmp_path / "aliases.toml"
    aliases.write_text('[place]\nIraq = ["Mesopotamia"]\n', encoding="utf-8")
    text = path.read_text(encoding="utf-8").replace("العراق", "Mesopotamia", 5)
    path.write_text(text, encoding="utf-8")
    one = newsassert.load(path, aliases=[aliases])
    many = newsassert.load(path, jobs=2, aliases=[aliases])
    assert _claims(many) == _claims(one)
    assert any(c.to_dict().get("entity") == "Iraq" and "Mesopotamia" in c.text for c in many.claims)


def test_more_jobs_than_cores_start_one_process_per_core(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # -j 48 on 2 cores started 48 workers: only memory and switching.
    from newsassert import parallel

    started: list[int] = []

    class Recording(parallel.ProcessPoolExecutor):
        def __init__(self, max_workers: int, *args: object, **kwargs: object) -> None:
            started.append(max_workers)
            super().__init__(max_workers, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recording)
    records = [{"id": f"a{i:03d}", "text": f"قتل {i + 5} جنود في بغداد."} for i in range(70)]
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    corpus = newsassert.load(path, jobs=48)
    assert started == [2]
    assert len(list(corpus.query("quantity"))) == 70


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_long_run_shows_progress_on_a_terminal_and_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.jsonl"
    records = [{"id": f"a{i:04d}", "text": f"قتل {i} جنديا في العراق.\n"} for i in range(400)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    monkeypatch.delenv("TERM", raising=False)
    for asked in (False, True):
        terminal = _Terminal()
        monkeypatch.setattr("sys.stderr", terminal)
        newsassert.load(path, progress=asked, cache=tmp_path / f"c{asked}.sqlite3")
        assert ("parsing" in terminal.getvalue()) is asked


def test_paths_may_be_given_as_a_list(seeds_path: Path, tmp_path: Path) -> None:
    files = sorted(seeds_path.glob("*.txt"))
    one_by_one = newsassert.load(files[0], files[1])
    assert _claims(newsassert.load([files[0], files[1]])) == _claims(one_by_one)
    assert _claims(newsassert.load((str(files[0]),), str(files[1]))) == _claims(one_by_one)


@pytest.mark.parametrize("bad", [[], [3], None, 4.5])
def test_a_path_of_another_type_is_a_load_error(bad: object) -> None:
    with pytest.raises(newsassert.LoadError, match="path"):
        newsassert.load(bad)  # type: ignore[arg-type]
