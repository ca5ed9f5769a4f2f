"""Claims snapshots: each article's claims in a file of its own, so a change shows as a diff.

A snapshot folder holds one file per article, ``<article id>.claims.snap``,
with the article's claims in text order, one JSON record a line: the claim's
fields with what it says first (kind, section, offsets, text, the kind's
fields), then its language, id and sentence; the fields every claim of the
article shares (schema, article, outlet, published) are left out, so a line
changes only when that claim does. (Not ``.jsonl``: a snapshot folder inside
the corpus must not be read as articles.) Checking compares the claims extracted now with the file: an
extractor change that finds, loses or reads a claim differently shows as a
unified diff of those lines, even when no verdict changes. Updating rewrites
the files (and removes those of articles that are gone), as syrupy's
``--snapshot-update`` does for test snapshots.

``newsassert snapshot PATH... [--update]`` and the pytest plugin's
``--newsassert-snapshot DIR`` (one ``claims-snapshot`` item per article) both
use this module.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable
from pathlib import Path

import attrs
import regex

from newsassert.model import Article

__all__ = [
    "SUFFIX",
    "SnapshotResult",
    "check_snapshot",
    "render_snapshot",
    "snapshot_path",
    "stale_snapshots",
    "write_snapshot",
]

SUFFIX = ".claims.snap"

# The fields every claim of one article shares: in the file name, not on each line.
_SHARED = ("schema", "article", "outlet", "published")
_LAST = ("lang", "id", "sentence")
_FIRST = ("kind", "section", "start", "end", "text")

# Characters a file name cannot hold on some system; an id's others stay as they are.
_UNSAFE = regex.compile(r'[<>:"/\\|?*\x00-\x1f]')


def snapshot_path(folder: str | Path, article_id: str) -> Path:
    """The snapshot file of an article (its id, with unsafe characters as ``_``)."""
    name = _UNSAFE.sub("_", article_id).strip(". ") or "_"
    return Path(folder) / f"{name}{SUFFIX}"


def render_snapshot(article: Article) -> str:
    """An article's claims as the snapshot file holds them."""
    lines = []
    for claim in article.claims:
        record = claim.to_dict()
        ordered = {k: record[k] for k in _FIRST if k in record}
        ordered.update((k, v) for k, v in record.items() if k not in (*_SHARED, *_FIRST, *_LAST))
        ordered.update((k, record[k]) for k in _LAST if k in record)
        lines.append(json.dumps(ordered, ensure_ascii=False) + "\n")
    return "".join(lines)


@attrs.frozen
class SnapshotResult:
    """How an article's claims compare with its snapshot: ``same``, ``changed`` or ``missing``."""

    article: str
    path: Path
    status: str
    diff: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "same"

    def describe(self) -> str:
        if self.status == "missing":
            return f"{self.article}: no snapshot ({self.path}); write it with --update"
        if self.status == "changed":
            return f"{self.article}: the claims differ from {self.path}\n{self.diff}"
        return f"{self.article}: as in {self.path}"


def check_snapshot(article: Article, folder: str | Path) -> SnapshotResult:
    """Compare an article's claims with its snapshot file."""
    path = snapshot_path(folder, article.id)
    now = render_snapshot(article)
    try:
        before = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SnapshotResult(article.id, path, "missing")
    if before == now:
        return SnapshotResult(article.id, path, "same")
    diff = "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            now.splitlines(keepends=True),
            fromfile=f"{path} (snapshot)",
            tofile=f"{article.id} (extracted now)",
        )
    )
    return SnapshotResult(article.id, path, "changed", diff)


def write_snapshot(article: Article, folder: str | Path) -> bool:
    """Write an article's snapshot; whether the file changed."""
    path = snapshot_path(folder, article.id)
    text = render_snapshot(article)
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
    return True


def stale_snapshots(folder: str | Path, article_ids: Iterable[str]) -> list[Path]:
    """Snapshot files of the folder that belong to none of these articles."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    wanted = {snapshot_path(folder, i).name for i in article_ids}
    return sorted(p for p in folder.glob(f"*{SUFFIX}") if p.name not in wanted)
