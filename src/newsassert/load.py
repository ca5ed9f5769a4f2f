"""Load: read articles from files, folders and globs into a :class:`Corpus`.

Formats (the built-in loader, a plugin like any other):

* ``.txt``: the whole file is the article; its id is the file stem.
* ``.md``: the same, after an optional front-matter block of ``key: value``
  lines between ``---`` lines (``id``, ``title``, ``outlet``, ``published``,
  ``lang``; other keys are kept in ``Article.meta``).
* ``.json``: one record or a list of records; ``.jsonl``: one record a line.
  A record has ``text`` and optionally ``id``, ``title``, ``outlet``,
  ``published`` (``YYYY-MM-DD``), ``lang``, ``path``, ``other_dates`` and
  ``meta`` (an object of strings); other keys go to ``meta`` too.

Other formats come from plugins implementing ``newsassert_load_article``.
A folder is read recursively in sorted order (hidden files skipped, files of
no known format skipped); a file named explicitly must be of a known format.

Bytes are decoded by what they are: a BOM (UTF-8, UTF-16, UTF-32), else UTF-8,
else one of the Arabic single-byte code pages (Windows-1256, ISO-8859-6),
whichever reads as Arabic text. Bytes that are none of these raise a
:class:`LoadError` naming the byte offset; nothing is decoded by guesswork
into replacement characters.

Bad input is an error naming the file and the position, never a traceback.
``skip_bad=True`` skips each bad file or record instead, keeps the
:class:`LoadError` in ``Corpus.skipped`` and issues one
:class:`SkippedInputWarning` saying how many. An article longer than the
configured limit (:mod:`newsassert.limits`) is an error too.

This module finds the files and runs the reading, with the cache; the parts
are :mod:`newsassert.decode` (bytes to text), :mod:`newsassert.formats` (the
built-in formats, a plugin) and :mod:`newsassert.articles` (an article from
its text).
"""

from __future__ import annotations

import codecs
import glob
import os
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import regex

from newsassert._gc import fewer_collections
from newsassert.articles import extract, make_article
from newsassert.corpus import Corpus
from newsassert.decode import SESSION, ReadSession, current_session, decode, read_bytes, reason
from newsassert.errors import EmptyCorpusError, LoadError, NewsAssertError
from newsassert.formats import FORMATS
from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon, load_aliases
from newsassert.limits import article_limit, check_article_size
from newsassert.model import Article
from newsassert.plugins import plugin_manager

if TYPE_CHECKING:
    from newsassert.store import Store


__all__ = ["SkippedInputWarning", "decode", "extract", "load", "make_article"]


_GLOB_CHARS = regex.compile(r"[*?\[]")


class SkippedInputWarning(UserWarning):
    """Bad files or records were skipped (``load(..., skip_bad=True)``)."""


def load(
    path: str | Path | Sequence[str | Path],
    *paths: str | Path,
    aliases: Sequence[str | Path] = (),
    cache: bool | str | Path | Store | None = False,
    jobs: int = 1,
    skip_bad: bool = False,
    max_article_chars: int | None = None,
    progress: bool = False,
    encoding: str | None = None,
) -> Corpus:
    """Load a corpus from files, folders (recursively, sorted) and globs.

    The paths may be given one by one (``load("a.txt", "b/")``) or as a list
    (``load(["a.txt", "b/"])``).

    ``aliases`` are alias files (see :func:`newsassert.lexicon.load_aliases)`
    whose entries extend the default lexicon for this corpus.

    ``cache`` (``True`` for the default cache file, or a path or
    :class:`~newsassert.store.Store`; ``False`` or ``None`` for none) keeps each file's articles and claims on
    disk, so an unchanged file is not parsed again; with a cache, claims are
    extracted at load time. ``jobs`` extracts claims on that many processes
    (``0`` for every core); the result is the same for any number.

    A bad file or record raises :class:`LoadError`; with ``skip_bad`` it is
    skipped instead, listed in ``Corpus.skipped``, and counted in a
    :class:`SkippedInputWarning`. ``max_article_chars`` bounds the length of
    an article (see :mod:`newsassert.limits`; ``0`` for no limit).
    ``progress`` shows a bar on a terminal's stderr while claims are
    extracted, when there are more than a few hundred articles.

    ``encoding`` (any name Python's codecs know: ``cp1252``, ``latin-1``,
    ``cp1256``) reads every file in that encoding instead of detecting it; a
    byte it cannot decode is a :class:`LoadError` naming the file and line.
    """
    given = _paths(path, paths)
    if any(not str(p) for p in given):
        # Path("") is the working folder: an empty string is a mistake, not "here".
        raise LoadError("an empty path names no file or folder (write '.' for this folder)")
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise LoadError(f"unknown encoding {encoding!r}") from None
    session = ReadSession(skip_bad=skip_bad, encoding=encoding)
    token = SESSION.set(session)
    try:
        with article_limit(max_article_chars), fewer_collections():
            corpus = _load(given, aliases, cache, jobs, session, progress)
    finally:
        SESSION.reset(token)
    if session.skipped:
        warnings.warn(SkippedInputWarning(skipped_summary(session.skipped)), stacklevel=2)
    return corpus


def _paths(path: Any, paths: Sequence[Any]) -> tuple[str | Path, ...]:
    """The paths ``load`` was given, one by one or as a list (``load(["a.txt", "b/"])``)."""
    given: list[Any] = []
    for item in (path, *paths):
        if isinstance(item, (list, tuple)):
            given.extend(item)
        else:
            given.append(item)
    if not given:
        raise LoadError("no path given: name the article files, folders or globs to load")
    for item in given:
        if not isinstance(item, (str, os.PathLike)):
            raise LoadError(
                f"a path is a string or a pathlib.Path, not {type(item).__name__}: {item!r:.60}"
            )
    return tuple(given)


def skipped_summary(skipped: Sequence[LoadError]) -> str:
    """One sentence: how many inputs were skipped, and the first of them."""
    n = len(skipped)
    first = f"; the first: {skipped[0]}" if skipped else ""
    return f"skipped {n} bad file{'s' if n != 1 else ''} or record{'s' if n != 1 else ''}{first}"


def _load(
    given: Sequence[str | Path],
    aliases: Sequence[str | Path],
    cache: bool | str | Path | Store | None,
    jobs: int,
    session: ReadSession,
    progress: bool = False,
) -> Corpus:
    from newsassert.parallel import available_cores, extract_all
    from newsassert.store import Store, fingerprint

    hook = plugin_manager().hook.newsassert_load_article
    extra, lexicon = _aliases(aliases)
    store = cache if isinstance(cache, Store) else None
    # None is "no cache", as False: never a cache file named "None".
    if store is None and cache is not False and cache is not None:
        store = Store(None if cache is True else Path(str(cache)))
    print_ = fingerprint(lexicon) if store is not None else ""
    if session.encoding is not None:
        print_ += f"|encoding={session.encoding}"  # the same bytes read otherwise
    jobs = available_cores() if jobs <= 0 else jobs
    articles: list[Article] = []
    found_in: set[int] = set()  # the given paths that held an article
    seen: dict[str, str] = {}  # id -> where it was read
    to_store: list[tuple[str, list[Article]]] = []
    for file, named, origin in _files_of(given):
        skipped_before = len(session.skipped)
        key = None
        try:
            cached = None
            if store is not None:
                key = Store.key(read_bytes(file), str(file), print_)
                cached = store.get(key, lexicon)
            if cached is not None:
                found: Sequence[Article] = cached
                key = None  # nothing new to store
            else:
                found = _read_articles(hook, file, named)
            for article in found:
                # Plugins may build articles themselves, and a cached article
                # may predate a lower limit: every article meets the limit.
                check_article_size(len(article.text), path=article.path or str(file))
        except LoadError as error:
            if session.skip(error):
                continue
            raise
        for article in found:
            where = article.path or str(file)
            if article.id in seen:
                duplicate = LoadError(
                    f"duplicate article id {article.id!r}: also in {seen[article.id]}", path=where
                )
                if session.skip(duplicate):
                    continue
                raise duplicate
            seen[article.id] = where
            articles.append(article)
            found_in.add(origin)
        # A file read with anything skipped is not what the file holds: never
        # cache it, or a later strict run would not see the bad record.
        if key is not None and len(session.skipped) == skipped_before:
            to_store.append((key, list(found)))
    for index, path in enumerate(given):
        # A folder or pattern with no article is a mistake (a CI gate pointed
        # at the wrong folder must not pass on nothing), even when bad files
        # were skipped: skipping is for bad files, not for an empty corpus.
        if index not in found_in and not Path(path).is_file():
            raise EmptyCorpusError("no articles found here", path=str(path))
    if lexicon is not None:
        articles = [
            a if a.lexicon is lexicon else attrs.evolve(a, lexicon=lexicon) for a in articles
        ]
    if store is not None or jobs > 1:
        extract_all(articles, jobs=jobs, extra=extra or None, progress=progress)
    if store is not None:
        by_id = {a.id: a for a in articles}
        for stored_key, stored in to_store:
            store.put(stored_key, [by_id[a.id] for a in stored])
        store.close()
    return Corpus(tuple(articles), lexicon=lexicon, skipped=tuple(session.skipped))


def _aliases(
    aliases: Sequence[str | Path],
) -> tuple[tuple[LexiconEntry, ...], Lexicon | None]:
    """The entries of the alias files, and the lexicon they make (``None``: none given)."""
    extra = tuple(entry for alias_file in aliases for entry in load_aliases(alias_file))
    return extra, default_lexicon().extended(extra) if extra else None


def stored_file_keys(
    *paths: str | Path, aliases: Sequence[str | Path] = (), store: Store
) -> tuple[list[str], int] | None:
    """The cache keys of the files :func:`load` would read, and how many articles they hold.

    ``None`` unless every file is in ``store`` (and when anything about the
    paths or alias files is wrong: :func:`load` says what). With the keys a
    command can find the results of its checks (:meth:`Store.results_key`)
    without loading the corpus.
    """
    from newsassert.store import fingerprint

    keys: list[str] = []
    articles = 0
    try:
        print_ = fingerprint(_aliases(aliases)[1])
        for file, _named in _files(paths):
            key = store.key(read_bytes(file), str(file), print_)
            count = store.articles_stored(key)
            if count is None:
                return None
            keys.append(key)
            articles += count
    except NewsAssertError:
        return None
    return keys, articles


def _read_articles(hook: Any, file: Path, named: bool) -> Sequence[Article]:
    """The articles of one file, by the first loader that knows its format."""
    try:
        found: Sequence[Article] | None = hook(path=file)
    except (OSError, UnicodeError) as exc:
        raise LoadError(f"cannot read the file: {reason(exc)}", path=str(file)) from None
    except RecursionError:
        raise LoadError("the file nests too deeply to be read", path=str(file)) from None
    if found is None:
        if named:
            raise LoadError(
                f"unknown format '{file.suffix or file.name}' (newsassert reads "
                f"{', '.join(FORMATS)}; a plugin can add others)",
                path=str(file),
            )
        return ()
    return found


def _files_of(paths: Sequence[str | Path]) -> Iterator[tuple[Path, bool, int]]:
    """:func:`_files`, each file with the index of the given path it comes from."""
    for index, given in enumerate(paths):
        for file, named in _files([given]):
            yield file, named, index


def _files(paths: Sequence[str | Path]) -> Iterator[tuple[Path, bool]]:
    """Each file to read, and whether the user named it (rather than its folder)."""
    for given in paths:
        path = Path(given)
        try:
            path.lstat()
        except FileNotFoundError:
            pass  # a glob, or missing: told below
        except OSError as exc:  # a name too long, a loop in its folders
            raise LoadError(f"cannot read it: {reason(exc)}", path=str(path)) from None
        if path.is_dir():
            yield from ((f, False) for f in _walk(path))
        elif path.is_file():
            yield path, True
        elif _GLOB_CHARS.search(str(given)):
            matches = sorted(glob.glob(str(given), recursive=True))
            if not matches:
                raise LoadError("no file matches this pattern", path=str(given))
            # "**" follows symlinked folders, so a link to a parent folder
            # matches its files again under ever longer paths (until the
            # system refuses): each real file is read once, by its first path.
            real: set[str] = set()
            for match in map(Path, matches):
                for file in _walk(match) if match.is_dir() else [match]:
                    where = os.path.realpath(file)
                    if where not in real:
                        real.add(where)
                        yield file, False
        elif path.exists() or path.is_symlink():
            raise LoadError("not a file or folder that can be read", path=str(path))
        else:
            raise LoadError("no such file or folder", path=str(path))


def _walk(folder: Path) -> list[Path]:
    """The files under ``folder``, sorted; hidden ones skipped, symlinked folders not followed."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=_walk_error):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(Path(root, f) for f in files if not f.startswith("."))
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _walk_error(exc: OSError) -> None:
    error = LoadError(f"cannot read the folder: {reason(exc)}", path=exc.filename)
    if not current_session().skip(error):
        raise error

