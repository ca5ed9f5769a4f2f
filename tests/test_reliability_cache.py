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


def test_an_edited_extractor_file_misses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The package's own code and data key the cache, so an edit nobody marked
    # with a new EXTRACTOR_VERSION still never serves claims made before it.
    folder = _corpus(tmp_path / "corpus", 3)
    cache = tmp_path / "cache.sqlite3"
    newsassert.load(folder, cache=cache)
    before = store_module.fingerprint()
    monkeypatch.setattr(store_module, "_source_digest", lambda: "an edited extractor")
    assert store_module.fingerprint() != before
    newsassert.load(folder, cache=cache)
    assert Store(cache).stats()["entries"] == 6


def test_the_source_digest_reads_the_package_files() -> None:
    digest = store_module._source_digest()
    assert len(digest) == 32 and digest == store_module._source_digest()


def test_a_changed_plugin_misses_the_cache(tmp_path: Path) -> None:
    class Tunnels:
        """A third-party extractor: a claim for every 'tunnel'."""

        @newsassert.hookimpl
        def newsassert_extract_article(self, context):  # type: ignore[no-untyped-def]
            claims = []
            for segment in context.article.segments:
                at = context.article.text.find("Syria", segment.start, segment.end)
                if at >= 0:
                    claims.append(
                        make_claim(
                            context, segment, QuantityClaim, at, at + 5, value=1.0, unit="tunnel"
                        )
                    )
            return claims

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
        def newsassert_extract_article(self, context):  # type: ignore[no-untyped-def]
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


# --- a cache that never breaks a run (issue 18) ------------------------------------


@pytest.fixture
def fresh_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each cache warning is given once a process: these tests run in one.
    monkeypatch.setattr(store_module, "_WARNED", set())


def _check(
    folder: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    """``newsassert check FOLDER`` (or ``newsassert ARGV``) with its cache in ``cache_dir``."""
    from newsassert.cli import main

    os.environ["NEWSASSERT_CACHE_DIR"] = str(cache_dir)
    try:
        code = main(list(argv) or ["check", str(folder)])
    finally:
        del os.environ["NEWSASSERT_CACHE_DIR"]
    out, err = capsys.readouterr()
    return code, out, err


def _damage(path: Path) -> None:
    with path.open("r+b") as stream:
        stream.seek(8192)
        stream.write(b"\xff" * 4096)


@pytest.mark.usefixtures("fresh_warnings")
def test_damaged_cache_pages_warn_once_and_the_cache_is_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", "unused")  # restored after the test
    folder = _corpus(tmp_path / "corpus", 3)
    cache_dir = tmp_path / "cache"
    first = _check(folder, cache_dir, capsys)
    assert first[0] in (0, 1) and first[2] == ""
    cache = cache_dir / "cache.sqlite3"
    assert cache.stat().st_size > 12288
    _damage(cache)
    damaged = _check(folder, cache_dir, capsys)
    assert damaged[:2] == first[:2]
    assert damaged[2] == (
        f"newsassert: warning: the cache {cache} is unreadable (database disk image is "
        "malformed); moved aside, rebuilding it\n"
    )
    assert (cache_dir / "cache.sqlite3.corrupt").exists()
    assert _check(folder, cache_dir, capsys) == first  # rebuilt: no warning, same answer
    with sqlite3.connect(cache) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM files").fetchone() == (3,)


@pytest.mark.usefixtures("fresh_warnings")
@pytest.mark.parametrize("action", ["info", "clear"])
def test_cache_info_and_clear_on_a_damaged_cache(
    tmp_path: Path, action: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", "unused")
    folder = _corpus(tmp_path / "corpus", 3)
    cache_dir = tmp_path / "cache"
    _check(folder, cache_dir, capsys)
    _damage(cache_dir / "cache.sqlite3")
    code, out, err = _check(folder, cache_dir, capsys, "cache", action, "--cache-dir", str(cache_dir))
    assert code == 0 and out.count("\n") == 1
    assert err.startswith("newsassert: warning: the cache ") and err.count("\n") == 1


@pytest.mark.usefixtures("fresh_warnings")
def test_a_cache_folder_that_is_a_file_runs_without_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSASSERT_CACHE_DIR", "unused")
    folder = _corpus(tmp_path / "corpus", 2)
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    code, out, err = _check(folder, blocker, capsys)
    assert code in (0, 1) and out.startswith("newsassert check: 2 articles")
    assert err == (
        f"newsassert: warning: cannot use the cache {blocker}/cache.sqlite3 ({blocker} is not "
        "a folder); this run goes without it\n"
    )
    assert blocker.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.usefixtures("fresh_warnings")
def test_an_unwritable_cache_location_runs_without_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A read-only working folder with an unwritable home (root writes anyway,
    # so the refusal is made here): one warning, the articles all the same.
    folder = _corpus(tmp_path / "corpus", 2)

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    store = Store(tmp_path / "ro" / "cache.sqlite3")
    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.warns(store_module.CacheWarning, match="Permission denied") as caught:
        corpus = newsassert.load(folder, cache=store)
        newsassert.load(folder, cache=store)
    monkeypatch.undo()
    assert len(caught) == 1 and not store.usable
    assert _claims(corpus) == _claims(newsassert.load(folder))


def _sqlite_error(code: int, message: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.usefixtures("fresh_warnings")
@pytest.mark.parametrize(
    ("code", "message"),
    [(5, "database is locked"), (8, "attempt to write a readonly database"), (13, "disk full")],
    ids=["locked", "readonly", "full"],
)
def test_a_locked_readonly_or_full_cache_is_never_moved_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    folder = _corpus(tmp_path / "corpus", 2)
    cache = tmp_path / "cache.sqlite3"
    newsassert.load(folder, cache=cache)
    before = cache.read_bytes()

    def refuse(self: Store) -> sqlite3.Connection:
        raise _sqlite_error(code, message)

    monkeypatch.setattr(Store, "_open", refuse)
    with pytest.warns(store_module.CacheWarning, match="this run goes without it"):
        corpus = newsassert.load(folder, cache=cache)
    assert len(corpus) == 2
    assert cache.read_bytes() == before and not list(tmp_path.glob("*.corrupt"))


@pytest.mark.usefixtures("fresh_warnings")
def test_a_cache_held_by_another_process_is_left_alone(tmp_path: Path) -> None:
    folder = _corpus(tmp_path / "corpus", 2)
    cache = tmp_path / "cache.sqlite3"
    newsassert.load(folder, cache=cache)
    holder = sqlite3.connect(cache, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another writer, mid-transaction
    try:
        store = Store(cache)
        store.timeout = 0.1
        with pytest.warns(store_module.CacheWarning, match="locked"):
            assert len(newsassert.load(folder, cache=store)) == 2
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not list(tmp_path.glob("*.corrupt"))
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (2,)


_FIRST_RUN = textwrap.dedent(
    """
    import sys, warnings
    from newsassert.store import Store
    warnings.simplefilter("error")
    store = Store(sys.argv[1])
    store.put(sys.argv[2], [])
    assert store.usable and store.articles_stored(sys.argv[2]) == 0
    """
)


def test_concurrent_first_runs_share_one_new_cache(tmp_path: Path) -> None:
    # Six processes open a cache that does not exist yet, at once: one sets it
    # up, none takes another's setup for damage and moves the file aside.
    cache = tmp_path / "cache" / "cache.sqlite3"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", _FIRST_RUN, str(cache), f"key{i}"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(6)
    ]
    errors = [run.communicate(timeout=600)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * 6, errors
    assert not list(cache.parent.glob("*.corrupt"))
    with sqlite3.connect(cache) as db:
        assert db.execute("SELECT count(*) FROM files").fetchone() == (6,)
        assert db.execute("PRAGMA application_id").fetchone() == (store_module._APPLICATION_ID,)
