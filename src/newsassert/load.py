"""Load: read articles from files, folders and globs.

(First version: UTF-8 ``.txt`` files only; the full loader is being written.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from newsassert.corpus import Corpus
from newsassert.errors import LoadError
from newsassert.hookspecs import hookimpl
from newsassert.lexicon import Lexicon
from newsassert.model import Article
from newsassert.segment import detect_lang, segment

__all__ = ["load", "make_article"]


def make_article(
    text: str,
    *,
    id: str,
    path: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    lang: str | None = None,
    meta: Sequence[tuple[str, str]] = (),
    lexicon: Lexicon | None = None,
) -> Article:
    """An article from its text: segmented, with metadata found in the text."""
    return Article(
        id=id,
        text=text,
        path=path,
        title=title,
        outlet=outlet,
        published=published,
        lang=lang or detect_lang(text),
        segments=segment(text, lang=lang),
        meta=tuple(meta),
        lexicon=lexicon,
    )


def load(path: str | Path, *paths: str | Path, aliases: Sequence[str | Path] = ()) -> Corpus:
    """Load a corpus from files, folders (recursively, sorted) and globs."""
    files: list[Path] = []
    for p in (path, *paths):
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file()))
        elif p.is_file():
            files.append(p)
        else:
            raise LoadError("no such file or folder", path=str(p))
    articles = []
    for f in files:
        articles.extend(_load_txt(f) or ())
    return Corpus(tuple(articles))


@hookimpl(trylast=True)
def newsassert_load_article(path: Path) -> Sequence[Article] | None:
    return _load_txt(path)


def _load_txt(path: Path) -> list[Article] | None:
    if path.suffix != ".txt":
        return None
    return [make_article(path.read_text(encoding="utf-8"), id=path.stem, path=str(path))]
