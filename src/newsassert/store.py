"""Store: an on-disk cache of parsed articles and their claims.

An unchanged corpus is not parsed twice. Each file's articles and claims are
stored in SQLite under a key made of the file's content hash, its path, and a
*fingerprint* of everything that shapes the result: newsassert's version, the
extractor version, every registered plugin with its version, and the lexicon
(alias files included). Change any of them and the old entries are simply
never found again.

Layout: a row per file in ``files`` (its key and how many articles it has)
and a row per article in ``articles`` (the file's key, the article's
position, and the article as a compact JSON array). A claim is a row of its
values in a fixed order, not a mapping; what it shares with its article (the
article's id, outlet and date, its text as a slice of the article's) is not
repeated, and each sentence is stored once however many claims it holds, and
read back as one string those claims share. A file of 10,000 articles is
10,000 small rows, not one large blob. Claims are decoded when they are first
asked for, so a run that does not need them does not pay for them.

Check results are cached too (``results``), under a key covering the corpus
(every file's key), the check files and newsassert's own code: an unchanged
corpus checked again with unchanged checks gets its results back without
running them (:meth:`Store.results_key`).

Several processes may share one cache (pytest-xdist workers, two command-line
runs): SQLite's write-ahead log and a busy timeout serialize the writers, and
a file's articles are written in one transaction with its row, so a reader
sees all of them or none, and an interrupted run leaves the cache usable. A
cache file that is corrupt or not newsassert's is moved aside and rebuilt,
with a warning; it is never trusted, and an entry that cannot be read back is
a miss.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import sqlite3
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from newsassert._gc import fewer_collections
from newsassert.lexicon import Lexicon
from newsassert.model import (
    CLAIM_SOURCES,
    Article,
)
from newsassert.records import (
    article_from_row,
    article_row,
    claim_rows,
    claims_from_rows,
    claims_from_stored,
    code_digest,
    results_from_json,
    results_json,
)

if TYPE_CHECKING:
    from newsassert.check.verdict import CheckResult


__all__ = [
    "EXTRACTOR_VERSION",
    "CacheWarning",
    "Store",
    "claim_rows",
    "claims_from_rows",
    "claims_from_stored",
    "default_cache_dir",
    "fingerprint",
]


# Bump when extraction changes in a way that makes old cached claims wrong.
# Within a release the digest of the package's own files (`_source_digest`)
# already misses the cache after any edit, so branches that change extraction
# at the same time need not agree on this number.
EXTRACTOR_VERSION = "23"
_SCHEMA = 2  # of the rows: 1 was one JSON blob of records a file
_APPLICATION_ID = 0x4E534154  # "NSAT": marks the file as newsassert's


def default_cache_dir() -> Path:
    """``$NEWSASSERT_CACHE_DIR``, else the user's cache folder (XDG), else ``.newsassert_cache``."""
    explicit = os.environ.get("NEWSASSERT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "newsassert"
    home = Path.home()
    if home.is_dir() and os.access(home, os.W_OK):
        return home / ".cache" / "newsassert"
    return Path(".newsassert_cache")


_SOURCE_SUFFIXES = frozenset({".py", ".toml", ".json", ".tsv"})


@functools.cache
def _source_digest() -> str:
    """A digest of the package's code and data files, read once a process.

    Claims are a function of this code and data: an edited extractor or
    vocabulary file must never be answered from claims cached before the edit,
    even when nobody remembered to bump ``EXTRACTOR_VERSION``. Paths are taken
    relative and sorted, so the digest is the same on every machine and under
    any hash seed.
    """
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    try:
        files = sorted(
            path
            for path in root.rglob("*")
            if path.suffix in _SOURCE_SUFFIXES and "__pycache__" not in path.parts
        )
        for path in files:
            digest.update(path.relative_to(root).as_posix().encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    except OSError:
        # A package that cannot be read back as files (a zip import): the
        # release and EXTRACTOR_VERSION alone key the cache, as before.
        return ""
    return digest.hexdigest()


def fingerprint(lexicon: Lexicon | None = None) -> str:
    """A digest of every input to extraction other than the text itself."""
    from newsassert._version import __version__
    from newsassert.lexicon import default_lexicon
    from newsassert.plugins import plugin_manager

    pm = plugin_manager()
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}|{EXTRACTOR_VERSION}|{_source_digest()}|".encode())
    versions = {
        name: f"{dist.project_name}=={dist.version}"
        for name, dist in ((pm.get_name(p) or "", d) for p, d in pm.list_plugin_distinfo())
    }
    for name in sorted(n for n in (pm.get_name(p) for p in pm.get_plugins()) if n):
        digest.update(f"{name}:{versions.get(name, '')}|".encode())
    for entry in (lexicon or default_lexicon()).entries:
        digest.update(repr(entry).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _utf8(text: str | bytes) -> bytes:
    # A path that is not UTF-8 (a file name in another encoding) holds lone
    # surrogates: stored through surrogatepass, read back by JSON the same way.
    return text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text


def _bytes(row: tuple[str | bytes, ...]) -> tuple[bytes, ...]:
    return tuple(_utf8(value) for value in row)


class _Off(Exception):
    """This store has stopped using its file for the run (after one warning)."""


_WARNED: set[str] = set()  # what was said already: each warning once a process


def _warn(message: str) -> None:
    if message not in _WARNED:
        _WARNED.add(message)
        warnings.warn(f"newsassert: {message}", CacheWarning, stacklevel=4)


T = TypeVar("T")


class CacheWarning(UserWarning):
    """The cache could not be used as it is: rebuilt, or this run goes without it."""


# SQLite's primary result codes (the low byte of an extended code).
_CORRUPT, _NOTADB = 11, 26  # the file is damaged or is no database: rebuild it


_BUSY, _LOCKED = 5, 6  # another process holds it: never a reason to discard it


class _NotOurs(sqlite3.DatabaseError):
    """A database that is not a newsassert cache (another program's file)."""


def _damaged(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` says the file itself is bad (not busy, locked, read-only or full)."""
    if isinstance(exc, _NotOurs):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_CORRUPT, _NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


class Store:
    """The cache file: get and put a file's articles, with their claims.

    The cache never breaks a run. A damaged file (or one that is not
    newsassert's) is moved aside to ``*.corrupt`` and rebuilt, with one
    warning; a cache that cannot be used (its folder cannot be made, the file
    is read-only, the disk is full, another process holds it locked past the
    timeout) leaves this run without a cache, with one warning. Only damage
    moves a file: a locked or read-only cache is another process's, or the
    user's, and is left alone.
    """

    #: Seconds to wait for another process's write to finish before giving up.
    timeout = 30.0

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_dir() / "cache.sqlite3"
        self._db: sqlite3.Connection | None = None
        self._off = False  # this run goes without the cache (after one warning)
        self._rebuilt = False  # the file was found damaged once: rebuilt, not again
        # Every key asked for, in order: the files of the corpus this store
        # loaded, whose results can then be cached (see results_key).
        self.asked: list[str] = []

    @property
    def usable(self) -> bool:
        """Whether this store still reads and writes its file (False once it gave up)."""
        return not self._off

    # -- connection --------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._off:
            raise _Off
        if self._db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = self._open()
            except (FileExistsError, NotADirectoryError):
                self._give_up(f"{self.path.parent} is not a folder")
            except OSError as exc:
                self._give_up(exc.strerror or str(exc))
            except sqlite3.Error as exc:
                self._failed(exc)
                return self._connect()
        return self._db

    def _failed(self, exc: sqlite3.Error) -> None:
        """After an error: rebuild a damaged file (once), else go without the cache."""
        self.close()
        if _damaged(exc) and not self._rebuilt:
            self._rebuilt = True
            _warn(f"the cache {self.path} is unreadable ({exc}); moved aside, rebuilding it")
            try:
                self._discard()
            except OSError as error:
                self._give_up(error.strerror or str(error))
            return
        self._give_up(str(exc))

    def _give_up(self, reason: str) -> NoReturn:
        self.close()
        self._off = True
        _warn(f"cannot use the cache {self.path} ({reason}); this run goes without it")
        raise _Off

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            # Outside a transaction (SQLite refuses it inside one); idempotent.
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # What the file is, and making it a cache, in one write transaction:
            # of several processes opening a new cache at once, one sets it up
            # and the others then see it whole (never tables without the id).
            db.execute("BEGIN IMMEDIATE")
            try:
                app_id = db.execute("PRAGMA application_id").fetchone()[0]
                tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
                if tables and app_id != _APPLICATION_ID:
                    raise _NotOurs("not a newsassert cache")
                if app_id != _APPLICATION_ID:
                    db.execute(f"PRAGMA application_id={_APPLICATION_ID}")
                if "entries" in tables:
                    db.execute("DROP TABLE IF EXISTS entries")  # the first layout: a blob a file
                db.execute(
                    "CREATE TABLE IF NOT EXISTS files ("
                    " key TEXT PRIMARY KEY, schema INTEGER NOT NULL, articles INTEGER NOT NULL)"
                )
                db.execute(
                    "CREATE TABLE IF NOT EXISTS articles ("
                    " key TEXT NOT NULL, position INTEGER NOT NULL,"
                    " article TEXT NOT NULL, claims TEXT NOT NULL,"
                    " PRIMARY KEY (key, position)) WITHOUT ROWID"
                )
                db.execute(
                    "CREATE TABLE IF NOT EXISTS results ("
                    " key TEXT PRIMARY KEY, schema INTEGER NOT NULL, payload TEXT NOT NULL)"
                )
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            target = Path(f"{self.path}{suffix}")
            if target.exists():
                target.replace(Path(f"{self.path}{suffix}.corrupt"))

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _attempt(self, work: Callable[[sqlite3.Connection], T], default: T) -> T:
        """``work`` on the database; ``default`` when the cache cannot serve it.

        A damaged file is rebuilt and ``work`` tried once more on the new one.
        """
        for _ in range(2):
            try:
                return work(self._connect())
            except _Off:
                return default
            except sqlite3.Error as exc:
                try:
                    self._failed(exc)
                except _Off:
                    return default
        return default

    # -- entries -----------------------------------------------------------

    @staticmethod
    def key(data: bytes, path: str, print_: str) -> str:
        digest = hashlib.sha256(data)
        digest.update(b"\x00" + path.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00" + print_.encode())
        return digest.hexdigest()

    def get(self, key: str, lexicon: Lexicon | None = None) -> tuple[Article, ...] | None:
        """The articles stored under ``key``, claims included, or ``None``.

        The claims are decoded when an article's ``claims`` are first asked
        for; claims that cannot be decoded then are extracted again.
        """
        self.asked.append(key)

        def read(db: sqlite3.Connection) -> tuple[Any, list[Any]]:
            # One read transaction: the file's row and its articles from one snapshot.
            db.execute("BEGIN")
            try:
                row = db.execute(
                    "SELECT schema, articles FROM files WHERE key = ?", (key,)
                ).fetchone()
                payloads = (
                    db.execute(
                        # The claims as UTF-8 bytes, not decoded to text: JSON
                        # reads bytes, and a run that never asks for the claims
                        # (a check whose results are cached) never decodes them.
                        "SELECT CAST(article AS BLOB), CAST(claims AS BLOB) FROM articles"
                        " WHERE key = ? ORDER BY position",
                        (key,),
                    ).fetchall()
                    if row is not None and row[0] == _SCHEMA
                    else []
                )
            finally:
                db.execute("COMMIT")
            return row, payloads

        row, payloads = self._attempt(read, (None, []))
        if row is None or row[0] != _SCHEMA or len(payloads) != row[1]:
            return None
        try:
            with fewer_collections():
                return tuple(article_from_row(json.loads(a), c, lexicon) for a, c in payloads)
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None  # an entry we cannot read is a miss, never a result

    def put(self, key: str, articles: Sequence[Article]) -> None:
        """Store ``articles`` (their claims are computed if they were not yet)."""
        # Rows are made one at a time as SQLite takes them: a list of them all
        # (the text and claims of every article encoded at once) was the
        # peak of a cold run's memory.
        def write(db: sqlite3.Connection) -> None:
            rows = ((key, position, *_bytes(article_row(a))) for position, a in enumerate(articles))
            # One write transaction: a reader sees all of a file's articles or none.
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("DELETE FROM articles WHERE key = ?", (key,))
                db.executemany(
                    "INSERT INTO articles (key, position, article, claims) VALUES (?, ?, ?, ?)",
                    rows,
                )
                db.execute(
                    "INSERT OR REPLACE INTO files (key, schema, articles) VALUES (?, ?, ?)",
                    (key, _SCHEMA, len(articles)),
                )
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

        self._attempt(write, None)

    # -- check results -----------------------------------------------------

    def results_key(
        self,
        check_files: Sequence[str | Path] = (),
        options: str = "",
        keys: Sequence[str] | None = None,
    ) -> str | None:
        """The key of the check results over a corpus of cached files.

        It covers every file of the corpus (``keys``, by default the files
        this store just loaded: each key names the file's content, path and
        fingerprint, in the order read), the loading ``options`` that decide
        which of their articles are kept (a length limit with ``skip_bad``
        keeps fewer articles of the same files), the check files (path and
        content; none for the built-in checks) and newsassert's own code and
        data, so a result is served again only for the same corpus, the same
        checks and the same newsassert. The articles kept are a function of
        these, so the key can be known before the corpus is loaded (see
        :func:`newsassert.load.stored_file_keys`). ``None`` when there are no
        files.
        """
        keys = self.asked if keys is None else keys
        if not keys:
            return None
        digest = hashlib.sha256(f"results|{_SCHEMA}|{code_digest()}|".encode())
        for key in keys:
            digest.update(key.encode() + b"|")
        digest.update(options.encode("utf-8", "surrogatepass") + b"\x00")
        for check_file in check_files:
            digest.update(str(check_file).encode("utf-8", "surrogatepass") + b"\x00")
            try:
                digest.update(Path(check_file).read_bytes() + b"\x00")
            except OSError:
                return None  # not readable now: run the checks, which say why
        return digest.hexdigest()

    def articles_stored(self, key: str) -> int | None:
        """How many articles the file stored under ``key`` holds (``None``: not stored)."""
        row = self._attempt(
            lambda db: db.execute(
                "SELECT schema, articles FROM files WHERE key = ?", (key,)
            ).fetchone(),
            None,
        )
        if row is None or row[0] != _SCHEMA:
            return None
        return int(row[1])

    def get_results(self, key: str) -> list[CheckResult] | None:
        """The check results stored under ``key``, or ``None``."""
        row = self._attempt(
            lambda db: db.execute(
                "SELECT schema, CAST(payload AS BLOB) FROM results WHERE key = ?", (key,)
            ).fetchone(),
            None,
        )
        if row is None or row[0] != _SCHEMA:
            return None
        try:
            return results_from_json(row[1])
        except (ValueError, KeyError, TypeError, IndexError, AttributeError):
            return None

    def put_results(self, key: str, results: Sequence[CheckResult]) -> None:
        """Store check results under ``key`` (see :meth:`results_key`)."""
        try:
            payload = _utf8(results_json(results))
        except TypeError:
            return  # a value only a plugin knows how to read back: not cached
        self._attempt(
            lambda db: db.execute(
                "INSERT OR REPLACE INTO results (key, schema, payload) VALUES (?, ?, ?)",
                (key, _SCHEMA, payload),
            ),
            None,
        )

    def clear(self) -> int:
        """Remove every entry; return how many files there were."""
        if not self.path.exists():
            return 0

        def clear(db: sqlite3.Connection) -> int:
            count: int = db.execute("SELECT count(*) FROM files").fetchone()[0]
            db.execute("DELETE FROM files")
            db.execute("DELETE FROM articles")
            db.execute("DELETE FROM results")
            db.execute("VACUUM")
            return count

        return self._attempt(clear, 0)

    def stats(self) -> dict[str, Any]:
        """Where the cache is, how many files it holds and its size in bytes."""
        if not self.path.exists():
            return {"path": str(self.path), "entries": 0, "bytes": 0}
        count = self._attempt(lambda db: db.execute("SELECT count(*) FROM files").fetchone()[0], 0)
        try:
            size = self.path.stat().st_size
        except OSError:
            size = 0
        return {"path": str(self.path), "entries": count, "bytes": size}


# Article.claims decodes what the cache handed it through this function: the
# values import no stage.
CLAIM_SOURCES.decode = claims_from_stored

