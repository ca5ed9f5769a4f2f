"""Store: an on-disk cache of parsed articles and their claims.

An unchanged corpus is not parsed twice. Each file's articles and claims are
stored in SQLite under a key made of the file's content hash, its path, and a
*fingerprint* of everything that shapes the result: newsassert's version, the
extractor version, every registered plugin with its version, and the lexicon
(alias files included). Change any of them and the old entries are simply
never found again.

Several processes may share one cache (pytest-xdist workers, two command-line
runs): SQLite's write-ahead log and a busy timeout serialize the writers, and
every entry is written in one transaction, so an interrupted run leaves the
cache usable. A cache file that is corrupt or not newsassert's is moved aside
and rebuilt, with a warning; it is never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsassert.lexicon import Lexicon
from newsassert.model import Article, Segment, claim_from_dict

__all__ = ["EXTRACTOR_VERSION", "Store", "default_cache_dir", "fingerprint"]

# Bump when extraction changes in a way that makes old cached claims wrong.
EXTRACTOR_VERSION = "2"
_SCHEMA = 1
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


def fingerprint(lexicon: Lexicon | None = None) -> str:
    """A digest of every input to extraction other than the text itself."""
    from newsassert import __version__
    from newsassert.lexicon import default_lexicon
    from newsassert.plugins import plugin_manager

    pm = plugin_manager()
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{__version__}|{EXTRACTOR_VERSION}|".encode())
    versions = {
        name: f"{dist.project_name}=={dist.version}"
        for name, dist in ((pm.get_name(p) or "", d) for p, d in pm.list_plugin_distinfo())
    }
    for name in sorted(n for n in (pm.get_name(p) for p in pm.get_plugins()) if n):
        digest.update(f"{name}:{versions.get(name, '')}|".encode())
    for entry in (lexicon or default_lexicon()).entries:
        digest.update(repr(entry).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class Store:
    """The cache file: get and put a file's articles, with their claims."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_dir() / "cache.sqlite3"
        self._db: sqlite3.Connection | None = None

    # -- connection --------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as exc:
                warnings.warn(
                    f"newsassert: the cache {self.path} is unreadable ({exc}); rebuilding it",
                    stacklevel=3,
                )
                self._discard()
                self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if tables and app_id != _APPLICATION_ID:
                raise sqlite3.DatabaseError("not a newsassert cache")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(f"PRAGMA application_id={_APPLICATION_ID}")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries ("
                " key TEXT PRIMARY KEY, schema INTEGER NOT NULL, payload TEXT NOT NULL)"
            )
        except sqlite3.DatabaseError:
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
            self._db.close()
            self._db = None

    # -- entries -----------------------------------------------------------

    @staticmethod
    def key(data: bytes, path: str, print_: str) -> str:
        digest = hashlib.sha256(data)
        digest.update(b"\x00" + path.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00" + print_.encode())
        return digest.hexdigest()

    def get(self, key: str, lexicon: Lexicon | None = None) -> tuple[Article, ...] | None:
        """The articles stored under ``key``, claims included, or ``None``."""
        try:
            row = (
                self._connect()
                .execute("SELECT schema, payload FROM entries WHERE key = ?", (key,))
                .fetchone()
            )
        except sqlite3.DatabaseError:
            return None
        if row is None or row[0] != _SCHEMA:
            return None
        try:
            return tuple(_article_from_record(r, lexicon) for r in json.loads(row[1]))
        except (ValueError, KeyError, TypeError):
            return None  # an entry we cannot read is a miss, never a result

    def put(self, key: str, articles: Sequence[Article]) -> None:
        """Store ``articles`` (their claims are computed if they were not yet)."""
        payload = json.dumps(
            [_article_record(a) for a in articles], ensure_ascii=False, separators=(",", ":")
        )
        try:
            db = self._connect()
            db.execute(
                "INSERT OR REPLACE INTO entries (key, schema, payload) VALUES (?, ?, ?)",
                (key, _SCHEMA, payload),
            )
        except sqlite3.OperationalError as exc:
            warnings.warn(f"newsassert: could not write the cache ({exc})", stacklevel=2)

    def clear(self) -> int:
        """Remove every entry; return how many there were."""
        if not self.path.exists():
            return 0
        db = self._connect()
        count: int = db.execute("SELECT count(*) FROM entries").fetchone()[0]
        db.execute("DELETE FROM entries")
        db.execute("VACUUM")
        return count

    def stats(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"path": str(self.path), "entries": 0, "bytes": 0}
        count = self._connect().execute("SELECT count(*) FROM entries").fetchone()[0]
        return {"path": str(self.path), "entries": count, "bytes": self.path.stat().st_size}


def _article_record(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "text": article.text,
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "lang": article.lang,
        "segments": [
            [s.start, s.end, s.section, s.lang, [list(x) for x in s.sentences], s.reason]
            for s in article.segments
        ],
        "other_dates": [d.isoformat() for d in article.other_dates],
        "meta": [list(m) for m in article.meta],
        "claims": [c.to_dict() for c in article.claims],
    }


def _article_from_record(record: dict[str, Any], lexicon: Lexicon | None) -> Article:
    article = Article(
        id=record["id"],
        text=record["text"],
        path=record["path"],
        title=record["title"],
        outlet=record["outlet"],
        published=dt.date.fromisoformat(record["published"]) if record["published"] else None,
        lang=record["lang"],
        segments=tuple(
            Segment(
                start=s[0],
                end=s[1],
                section=s[2],
                lang=s[3],
                sentences=tuple((a, b) for a, b in s[4]),
                reason=s[5],
            )
            for s in record["segments"]
        ),
        other_dates=tuple(dt.date.fromisoformat(d) for d in record["other_dates"]),
        meta=tuple((k, v) for k, v in record["meta"]),
        lexicon=lexicon,
    )
    # Claims are a cached property; the cache fills it so nothing is re-extracted.
    object.__setattr__(article, "claims", tuple(claim_from_dict(c) for c in record["claims"]))
    return article
