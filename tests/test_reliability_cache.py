"""Nothing lost, nothing stale: the cache and the process pool under change and interruption.

* a changed file, a changed extractor version and a changed plugin each miss
  the cache, and what is loaded equals a fresh load;
* a process killed (SIGKILL) or interrupted (SIGINT) while it writes the cache
  leaves a cache that passes SQLite's integrity check and serves right answers;
* a pool worker killed while extracting leaves the run to finish in the
  calling process, with the same claims and a warning.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import newsassert
from badinput.generate import PARAGRAPHS
from newsassert import store as store_module
from newsassert.extract import make_claim
from newsassert.model import QuantityClaim
from newsassert.parallel import MIN_ARTICLES_FOR_POOL
from newsassert.plugins import plugin_manager
from newsassert.store import Store


def _claims(corpus: newsassert.Corpus) -> str:
    return "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in corpus.claims)


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text = "\n".join(PARAGRAPHS[(i + k) % len(PARAGRAPHS)] for k in range(3))
        (folder / f"a{i:04d}.txt").write_text(text.replace("30", str(30 + i)), encoding="utf-8")
    return folder


def test_a_changed_file_misses_the_cache(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", 3)
    cache = tmp_path / "cache.sqlite3"
    newsassert.load(folder, cache=cache)
    (folder / "a0001.txt").write_text("قتل 99 جنديا في العراق.\n", encoding="utf-8")
    again = newsassert.load(folder, cache=cache)
    assert _claims(again) == _claims(newsassert.load(folder))
    assert any(c.text == "99 جنديا" for c in again.claims)


def test_a_changed_extractor_version_misses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path / "corpus", 3)
    cache = tmp_path / "cache.sqlite3"
    newsassert.load(folder, cache=cache)
    assert Store(cache).stats()["entries"] == 3
    monkeypatch.setattr(store_module, "EXTRACTOR_VERSION", store_module.EXTRACTOR_VERSION + "-next")
    newsassert.load(folder, cache=cache)
    assert Store(cache).stats()["entries"] == 6  # nothing of the old version was served


def test_a_changed_plugin_misses_the_cache(tmp_path: Path) -> None:
    class Tunnels:
        """A third-party extractor: a claim for every 'tunnel'."""

        @newsassert.hookimpl
        def newsassert_extract_claims(self, article, segment):  # type: ignore[no-untyped-def]
            at = article.text.find("Syria", segment.start, segment.end)
            if at < 0:
                return []
            return [
                make_claim(article, segment, QuantityClaim, at, at + 5, value=1.0, unit="tunnel")
            ]

    folder = _corpus(tmp_path / "corpus", 3)
    cache = tmp_path / "cache.sqlite3"
    before = newsassert.load(folder, cache=cache)
    pm = plugin_manager()
    pm.register(Tunnels(), name="test-tunnels")
    try:
        with_plugin = newsassert.load(folder, cache=cache)
        assert any(getattr(c, "unit", None) == "tunnel" for c in with_plugin.claims)
        assert _claims(with_plugin) == _claims(newsassert.load(folder))
    finally:
        pm.unregister(name="test-tunnels")
    after = newsassert.load(folder, cache=cache)
    assert _claims(after) == _claims(before)
    assert not any(getattr(c, "unit", None) == "tunnel" for c in after.claims)


_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    import newsassert
    folder, cache = Path(sys.argv[1]), Path(sys.argv[2])
    print("ready", flush=True)
    n = 0
    while True:  # rewrite one file and load again, for ever: always writing
        n += 1
        (folder / "a0000.txt").write_text(f"قتل {n} جنديا في العراق.\\n", encoding="utf-8")
        newsassert.load(folder, cache=cache)
    """
)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_an_interrupted_writer_leaves_the_cache_usable(tmp_path: Path, sig: int) -> None:
    folder = _corpus(tmp_path / "corpus", 8)
    cache = tmp_path / "cache.sqlite3"
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(folder), str(cache)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        deadline = time.monotonic() + 60
        while Store(cache).stats()["entries"] < 8 and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.3)  # in the middle of some write
        writer.send_signal(sig)
        writer.wait(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait()
    assert writer.returncode != 0
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    cached = newsassert.load(folder, cache=cache)
    assert _claims(cached) == _claims(newsassert.load(folder))
    assert _claims(newsassert.load(folder, cache=cache)) == _claims(cached)


@pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork"
)
def test_a_killed_pool_worker_leaves_the_work_to_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsassert import parallel

    folder = _corpus(tmp_path / "corpus", MIN_ARTICLES_FOR_POOL)
    expected = _claims(newsassert.load(folder))
    real_init = parallel._init_worker

    class Killer:
        """Kills the worker in the middle of its first article, as an OOM killer would."""

        @newsassert.hookimpl
        def newsassert_extract_claims(self, article, segment):  # type: ignore[no-untyped-def]
            os.kill(os.getpid(), signal.SIGKILL)

    def init_then_arm(extra: object) -> None:
        real_init(extra)  # type: ignore[arg-type]
        plugin_manager().register(Killer(), name="test-killer")

    # Forked workers inherit the patched initializer (it is not pickled).
    monkeypatch.setattr(parallel, "_init_worker", init_then_arm)
    with pytest.warns(RuntimeWarning, match="a worker process stopped"):
        corpus = newsassert.load(folder, jobs=2)
    assert _claims(corpus) == expected


def test_loading_never_writes_to_the_corpus(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", 4)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    newsassert.load(folder, cache=tmp_path / "cache.sqlite3", jobs=2)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before
