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
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import glob
import json
import os
import warnings
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import regex

from newsassert._gc import fewer_collections
from newsassert.corpus import Corpus
from newsassert.errors import EmptyCorpusError, LoadError, NewsAssertError
from newsassert.extract import extract_article
from newsassert.lexicon import Lexicon, LexiconEntry, default_lexicon, load_aliases
from newsassert.limits import article_limit, check_article_size, check_file_size
from newsassert.metadata import find_metadata
from newsassert.model import LANGS, Article, Claim
from newsassert.plugins import plugin_manager
from newsassert.plugins.hookspecs import hookimpl
from newsassert.segment import segment_and_lang

if TYPE_CHECKING:
    from newsassert.store import Store

__all__ = ["SkippedInputWarning", "decode", "extract", "load", "make_article"]

FORMATS = (".txt", ".md", ".json", ".jsonl")


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
    other_dates: Sequence[dt.date] | None = None,
) -> Article:
    """An article from its text: segmented, with the metadata found in the text.

    ``title``, ``outlet`` and ``published`` given here win over what the text
    says. ``lang`` is the article's language and the language of paragraphs
    whose script does not decide it; by default it is read from the script.
    ``other_dates`` are dates that are not the publication date (found in the
    text when not given).
    """
    check_article_size(len(text), path=path)
    segments, text_lang = segment_and_lang(text, lang=lang)
    found = find_metadata(text, segments)
    if other_dates is None:
        chosen = published or found.published
        other_dates = [d for d in (found.published, *found.other_dates) if d and d != chosen]
    return Article(
        id=id,
        text=text,
        path=path,
        title=title if title is not None else found.title,
        outlet=outlet if outlet is not None else found.outlet,
        published=published if published is not None else found.published,
        lang=lang or text_lang,
        segments=segments,
        other_dates=tuple(dict.fromkeys(other_dates)),
        meta=tuple(meta),
        lexicon=lexicon,
    )


def extract(
    text: str, lang: str | None = None, published: dt.date | str | None = None
) -> list[Claim]:
    """The claims of a loose text (segmented as an article with id ``"text"``).

    ``lang`` forces the language of every paragraph; ``published`` (a date or
    ``YYYY-MM-DD``) resolves weekdays and relative dates.
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    article = make_article(text, id="text", published=published, lang=lang)
    return list(extract_article(article))


# ---------------------------------------------------------------------------
# Finding the files
# ---------------------------------------------------------------------------

_GLOB_CHARS = regex.compile(r"[*?\[]")


class SkippedInputWarning(UserWarning):
    """Bad files or records were skipped (``load(..., skip_bad=True)``)."""


@attrs.define
class _Session:
    """What the loader of one :func:`load` call needs to know while reading files."""

    skip_bad: bool = False
    skipped: list[LoadError] = attrs.Factory(list)
    # An encoding the user named (--encoding): every file is read in it, no detection.
    encoding: str | None = None

    def skip(self, error: LoadError) -> bool:
        """Record ``error`` as skipped when skipping; say whether it was."""
        if self.skip_bad:
            self.skipped.append(error)
        return self.skip_bad


# The built-in loader is a hook that receives only the path: it finds the
# options of the load() call it serves here.
_session: ContextVar[_Session | None] = ContextVar("newsassert_load_session", default=None)


def _current_session() -> _Session:
    """The session of the load() call being served (a strict one outside any)."""
    return _session.get() or _Session()


def load(
    path: str | Path,
    *paths: str | Path,
    aliases: Sequence[str | Path] = (),
    cache: bool | str | Path | Store = False,
    jobs: int = 1,
    skip_bad: bool = False,
    max_article_chars: int | None = None,
    progress: bool = False,
    encoding: str | None = None,
) -> Corpus:
    """Load a corpus from files, folders (recursively, sorted) and globs.

    ``aliases`` are alias files (see :func:`newsassert.lexicon.load_aliases)`
    whose entries extend the default lexicon for this corpus.

    ``cache`` (``True`` for the default cache file, or a path or
    :class:`~newsassert.store.Store`) keeps each file's articles and claims on
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
    if encoding is not None:
        try:
            encoding = codecs.lookup(encoding).name
        except LookupError:
            raise LoadError(f"unknown encoding {encoding!r}") from None
    session = _Session(skip_bad=skip_bad, encoding=encoding)
    token = _session.set(session)
    try:
        with article_limit(max_article_chars), fewer_collections():
            corpus = _load((path, *paths), aliases, cache, jobs, session, progress)
    finally:
        _session.reset(token)
    if session.skipped:
        warnings.warn(SkippedInputWarning(skipped_summary(session.skipped)), stacklevel=2)
    return corpus


def skipped_summary(skipped: Sequence[LoadError]) -> str:
    """One sentence: how many inputs were skipped, and the first of them."""
    n = len(skipped)
    first = f"; the first: {skipped[0]}" if skipped else ""
    return f"skipped {n} bad file{'s' if n != 1 else ''} or record{'s' if n != 1 else ''}{first}"


def _load(
    given: Sequence[str | Path],
    aliases: Sequence[str | Path],
    cache: bool | str | Path | Store,
    jobs: int,
    session: _Session,
    progress: bool = False,
) -> Corpus:
    from newsassert.parallel import available_cores, extract_all
    from newsassert.store import Store, fingerprint

    hook = plugin_manager().hook.newsassert_load_article
    extra, lexicon = _aliases(aliases)
    store = cache if isinstance(cache, Store) else None
    if store is None and cache is not False:
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
                key = Store.key(_read_bytes(file), str(file), print_)
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
            key = store.key(_read_bytes(file), str(file), print_)
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
        raise LoadError(f"cannot read the file: {_reason(exc)}", path=str(file)) from None
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
    error = LoadError(f"cannot read the folder: {_reason(exc)}", path=exc.filename)
    if not _current_session().skip(error):
        raise error


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Well-formed multi-byte UTF-8 sequences: when most high bytes of a file form
# them, the file is UTF-8 with a few bad bytes, not a legacy code page.
_UTF8_SEQUENCE = regex.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTE = regex.compile(rb"[\x80-\xff]")
# Control characters no text file holds (tab, line and page breaks are fine).
_CONTROL_BYTE = regex.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHAR = regex.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\x80-\x9f]")
# What Arabic decoded with the wrong code page looks like: Latin letters with
# accents, or Arabic harakat, next to Arabic letters.
_MOJIBAKE = regex.compile(
    r"(?<=\p{Arabic})[\u00c0-\u00ff\u00d7]|[\u00c0-\u00ff\u00d7](?=\p{Arabic})"
    r"|(?<![\p{Arabic}\p{Mn}])[\u064b-\u0652]"
)
_ARABIC_LETTER = regex.compile(r"[\u0621-\u064a]")


def decode(data: bytes, path: str | None = None) -> str:
    """The text of a file's bytes, in whichever supported encoding they are.

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM, Windows-1256 and
    ISO-8859-6. A BOM is dropped. Raises :class:`LoadError` with the byte
    offset of the first byte that fits none of them.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _strip_bom(data.decode(encoding))
            except UnicodeDecodeError as exc:
                line = data[: exc.start].decode(encoding, "ignore").count("\n") + 1
                raise LoadError(
                    f"not valid {encoding.upper().replace('-SIG', '')} (it starts with a BOM) "
                    f"on line {line}",
                    path=path,
                    offset=exc.start,
                ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _utf16_without_bom(data) or _decode_legacy(data, exc, path)
    if _C0_CONTROL.search(text) is not None:
        # NUL and other C0 controls in "UTF-8": UTF-16 without its BOM (ASCII
        # letters and spaces leave a NUL byte beside them), or binary data.
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
    nul = text.find("\x00")
    if nul != -1:
        # Well-formed UTF-8 holding NUL bytes is binary data, not an article.
        raise _not_text(data, len(text[:nul].encode("utf-8")), path)
    return text


_C0_CONTROL = regex.compile(r"[\x00-\x08\x0e-\x1f]")
# What a text file holds: ASCII, Latin-1 letters, Arabic (and its
# presentation forms), general punctuation and spaces.
_PLAIN_CHAR = regex.compile(
    r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u0600-\u06ff\u0750-\u077f\u2000-\u206f"
    r"\ufb50-\ufdff\ufe70-\ufefe]"
)


def _utf16_without_bom(data: bytes) -> str | None:
    """The text of UTF-16 bytes without a BOM, if they are plainly that, else ``None``."""
    if len(data) < 2 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL_CHAR.search(text) is None and len(_PLAIN_CHAR.findall(text)) >= 0.95 * len(
            text
        ):
            return text
    return None


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError, path: str | None) -> str:
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(map(len, _UTF8_SEQUENCE.findall(data)))
    if in_sequences * 2 >= high:
        # Mostly well-formed UTF-8: a damaged UTF-8 file, not another encoding.
        raise LoadError(
            f"invalid UTF-8 (byte 0x{data[utf8_error.start]:02x} on line "
            f"{_line_at(data, utf8_error.start)})",
            path=path,
            offset=utf8_error.start,
        )
    control = _CONTROL_BYTE.search(data)
    if control is not None:
        raise _not_text(data, control.start(), path)
    best: tuple[float, str] | None = None
    for encoding in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _CONTROL_CHAR.search(text):
            continue
        letters = len(_ARABIC_LETTER.findall(text))
        if letters == 0:
            continue
        score = len(_MOJIBAKE.findall(text)) / letters
        if best is None or score < best[0]:
            best = (score, text)
    if best is None:
        # No Arabic in any Arabic code page: Western text saved by Windows
        # (curly quotes, dashes, accented letters in Windows-1252).
        latin = _decode_cp1252(data)
        if latin is not None:
            return latin
    if best is None or best[0] > 0.05:
        raise _not_text(data, utf8_error.start, path)
    return best[1]


# What Windows-1252 text holds beyond ASCII: its typographic marks, and accented
# letters inside a Latin word. Bytes of any other encoding read as Windows-1252
# give lone accented letters and signs next to each other ("“ú–{Œê").
_CP1252_PLAUSIBLE = regex.compile(
    r"""
      [\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u20ac\u2122\u00a0\u00a9\u00ae\u00b0]
    | (?<=[A-Za-z\u00c0-\u00ff])[\u00c0-\u00ff]     # an accented letter after a letter
    | [\u00c0-\u00ff](?=[A-Za-z\u00c0-\u00ff])      # or before one
    """,
    regex.VERBOSE,
)
_NOT_ASCII = regex.compile(r"[^\x00-\x7f]")
_CP1252_MARK = regex.compile(rb"[\x80-\x9f]")


def _decode_cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None  # 0x81, 0x8d, 0x8f, 0x90, 0x9d: not Windows-1252
    if _CONTROL_CHAR.search(text):
        return None
    high = len(_NOT_ASCII.findall(text))
    if high == 0 or len(_CP1252_PLAUSIBLE.findall(text)) < high:
        return None
    # One stray byte is a damaged file more often than a Windows one: ask for
    # a mark only Windows-1252 has (bytes 0x80-0x9f), or several accents.
    if not _CP1252_MARK.search(data) and high < 3:
        return None
    return text


def _not_text(data: bytes, offset: int, path: str | None) -> LoadError:
    return LoadError(
        f"not text in a supported encoding (UTF-8, UTF-16, Windows-1256, ISO-8859-6): "
        f"byte 0x{data[offset]:02x} on line {_line_at(data, offset)}",
        path=path,
        offset=offset,
    )


def read_text(path: Path) -> str:
    """The decoded text of a file (see :func:`decode`; or in the encoding ``load`` was given)."""
    return _decode_file(_read_bytes(path), path)


def _decode_file(data: bytes, path: Path) -> str:
    encoding = _current_session().encoding
    if encoding is None:
        return decode(data, str(path))
    try:
        return _strip_bom(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise LoadError(
            f"not valid {encoding} (--encoding): byte 0x{data[exc.start]:02x} on line "
            f"{_line_at(data, exc.start)}",
            path=str(path),
            offset=exc.start,
        ) from None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise _unreadable(path, exc) from None


def _unreadable(path: Path, exc: OSError) -> LoadError:
    if path.is_symlink() and exc.errno in (errno.ENOENT, errno.ELOOP):
        # "No such file" about a file the user can see listed is puzzling:
        # say it is the link that leads nowhere.
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        what = "a symbolic link loop" if exc.errno == errno.ELOOP else "a broken symbolic link"
        return LoadError(f"cannot read the file: {what} (to {target!r})", path=str(path))
    return LoadError(f"cannot read the file: {_reason(exc)}", path=str(path))


# ---------------------------------------------------------------------------
# The built-in formats
# ---------------------------------------------------------------------------


@hookimpl(trylast=True)
def newsassert_load_article(path: Path) -> Sequence[Article] | None:
    """newsassert's own loader: ``.txt``, ``.md``, ``.json`` and ``.jsonl``."""
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        # One article a file: a file too big for any article under the limit
        # is refused before it is read.
        check_file_size(_size(path), path=str(path))
    if suffix == ".txt":
        return [make_article(read_text(path), id=path.stem, path=str(path))]
    if suffix == ".md":
        return [_load_markdown(path)]
    if suffix == ".json":
        return _load_json(path)
    if suffix == ".jsonl":
        return _load_jsonl(path)
    return None


_FRONT_MATTER_FENCE = regex.compile(r"---[ \t]*(?:\r\n|\n|\r)")
# The value is stripped in Python: a lazy ".*?" before "\s*" at the end would
# backtrack quadratically over a long run of spaces.
_FRONT_MATTER_LINE = regex.compile(r"\s*(?P<key>[A-Za-z_][\w-]*)\s*:(?P<value>.*)", regex.DOTALL)
_FRONT_MATTER_END = regex.compile(r"^---[ \t]*$(?:\r\n|\n|\r)?", regex.MULTILINE)


def _load_markdown(path: Path) -> Article:
    text = read_text(path)
    fields: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    lines: dict[str, int] = {}
    fence = _FRONT_MATTER_FENCE.match(text)
    if fence is not None:
        end = _FRONT_MATTER_END.search(text, fence.end())
        if end is None:
            raise LoadError(
                "the front matter opened by '---' on line 1 is never closed", path=str(path), line=1
            )
        block = text[: end.start()].splitlines()[1:]
        items: list[str] | None = None  # the list the last `key:` with no value opened
        for number, line in enumerate(block, 2):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            item = _FRONT_MATTER_ITEM.fullmatch(line)
            if item is not None and items is not None:
                # YAML's block list, as Hugo and Jekyll write tags: and categories:
                items.append(_unquote(item["value"].strip()))
                continue
            match = _FRONT_MATTER_LINE.fullmatch(line)
            if match is None:
                raise LoadError(
                    f"front matter lines are 'key: value' (got {line.strip()[:40]!r})",
                    path=str(path),
                    line=number,
                )
            name, value = match["key"].lower(), match["value"].strip()
            lines[name] = number
            if not value:
                items = lists[name] = []
                continue
            items = None
            inline = _FRONT_MATTER_LIST.fullmatch(value)
            if inline is not None:
                # A flow list: tags: [flood, "Basra, Iraq"]
                lists[name] = [
                    _unquote(v.strip()) for v in _split_flow(inline["items"]) if v.strip()
                ]
                continue
            fields[name] = _unquote(value)
        for name, values in lists.items():
            # Kept as the JSON list a .json record gives; meta.<name> matches any item.
            fields[name] = json.dumps(values, ensure_ascii=False) if values else ""
        text = text[end.end() :]
    return _article_from_fields(
        text, fields, default_id=path.stem, path=str(path), line=None, lines=lines
    )


# "- item" under a "key:" line with no value (a YAML block list).
_FRONT_MATTER_ITEM = regex.compile(r"\s*-\s+(?P<value>.*)", regex.DOTALL)
# "[a, b]" as a whole value (a YAML flow list).
_FRONT_MATTER_LIST = regex.compile(r"\[(?P<items>.*)\]", regex.DOTALL)
# A comma outside double or single quotes.
_FLOW_ITEM = regex.compile(r"""(?:"[^"]*"|'[^']*'|[^,])+""")


def _split_flow(items: str) -> list[str]:
    return [m.group() for m in _FLOW_ITEM.finditer(items)]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _load_json(path: Path) -> list[Article]:
    data = _parse_json(read_text(path), path)
    records = data if isinstance(data, list) else [data]
    single = not isinstance(data, list)
    articles = []
    session = _current_session()
    first: dict[str, int] = {}  # id -> the record that has it
    for n, record in enumerate(records, 1):
        default = path.stem if single else f"{path.stem}:{n}"
        try:
            article = _article_from_record(record, default, path, record_no=None if single else n)
            if article.id in first:
                raise LoadError(
                    f"record {n}: duplicate article id {article.id!r}: also record {first[article.id]}",
                    path=str(path),
                )
            first[article.id] = n
            articles.append(article)
        except LoadError as error:
            if single or not session.skip(error):
                raise
    return articles


def _parse_json(text: str, path: Path, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            f"not valid JSON: {exc.msg}",
            path=str(path),
            line=exc.lineno if line is None else line,
            column=exc.colno,
        ) from None
    except RecursionError:
        # The parser recurses once per level of nesting: a record nested a
        # thousand levels deep is not an article, and must not crash the run.
        raise LoadError(
            "not valid JSON: arrays or objects nest too deeply", path=str(path), line=line
        ) from None


def _load_jsonl(path: Path) -> list[Article]:
    session = _current_session()
    articles = []
    first: dict[str, int] = {}  # id -> the line that has it
    for number, line in _jsonl_lines(path, session):
        if not line.strip():
            continue
        try:
            record = _parse_json(line, path, line=number)
            article = _article_from_record(record, f"{path.stem}:{number}", path, line=number)
            if article.id in first:
                raise LoadError(
                    f"duplicate article id {article.id!r}: also on line {first[article.id]}",
                    path=str(path),
                    line=number,
                )
            first[article.id] = number
            articles.append(article)
        except LoadError as error:
            if not session.skip(error):
                raise
    return articles


def _jsonl_lines(path: Path, session: _Session) -> Iterator[tuple[int, str]]:
    """The numbered lines of a JSON Lines file.

    Split on "\n" only: U+2028 and friends may stand raw inside JSON strings.
    When bad records are skipped, a line of invalid UTF-8 is one bad record,
    not a bad file.
    """
    data = _read_bytes(path)
    try:
        yield from enumerate(_decode_file(data, path).split("\n"), 1)
        return
    except LoadError:
        if not session.skip_bad or any(data.startswith(bom) for bom, _ in _BOMS[1:]):
            raise
    for number, raw in enumerate(data.split(b"\n"), 1):
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            session.skip(
                LoadError(
                    f"invalid UTF-8 (byte 0x{raw[exc.start]:02x})", path=str(path), line=number
                )
            )


_RECORD_FIELDS = (
    "id",
    "text",
    "title",
    "outlet",
    "published",
    "lang",
    "path",
    "other_dates",
    "meta",
)
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _article_from_record(
    record: Any,
    default_id: str,
    path: Path,
    *,
    line: int | None = None,
    record_no: int | None = None,
) -> Article:
    where = f"record {record_no}: " if record_no is not None else ""

    def fail(message: str) -> LoadError:
        return LoadError(where + message, path=str(path), line=line)

    if not isinstance(record, dict):
        raise fail(f"a record must be a JSON object (got {type(record).__name__})")
    text = record.get("text")
    if not isinstance(text, str):
        raise fail("a record needs a 'text' string")
    fields: dict[str, str] = {}
    for name in ("id", "title", "outlet", "published", "lang"):
        value = record.get(name)
        if value is None:
            continue
        if isinstance(value, (int, float)) and name == "id" and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise fail(f"'{name}' must be a string (got {value!r})")
        fields[name] = value
    source = record.get("path")
    if source is not None and not isinstance(source, str):
        raise fail(f"'path' must be a string (got {source!r})")
    meta = record.get("meta", {})
    if not isinstance(meta, dict):
        raise fail(f"'meta' must be an object (got {meta!r})")
    extra = {k: v for k, v in record.items() if k not in _RECORD_FIELDS}
    for name, value in {**meta, **extra}.items():
        fields[f"meta:{name}"] = (
            value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        )
    other_dates = record.get("other_dates")
    if other_dates is not None and not (
        isinstance(other_dates, list) and all(isinstance(d, str) for d in other_dates)
    ):
        raise fail("'other_dates' must be a list of YYYY-MM-DD strings")
    for value in (text, source or "", *fields.values()):
        surrogate = _SURROGATE.search(value)
        if surrogate is not None:
            raise fail(
                f"a lone surrogate \\u{ord(surrogate.group()):04x} is not text (column {surrogate.start() + 1} of that string)"
            )
    return _article_from_fields(
        text,
        fields,
        default_id=default_id,
        path=source or str(path),
        line=line,
        other_dates=None
        if other_dates is None
        else [_date(d, path, line, where) for d in other_dates],
        error_prefix=where,
    )


def _article_from_fields(
    text: str,
    fields: Mapping[str, str],
    *,
    default_id: str,
    path: str,
    line: int | None,
    other_dates: Sequence[dt.date] | None = None,
    error_prefix: str = "",
    lines: Mapping[str, int] | None = None,
) -> Article:
    """An article from its text and fields; ``lines`` says where each field was written."""
    check_article_size(len(text), path=path, line=line, prefix=error_prefix)
    rest = dict(fields)
    where = dict(lines or {})

    def take(*names: str) -> str | None:
        values = [rest.pop(name) for name in names if name in rest]
        return next((v for v in values if v is not None), None)

    lang = take("lang")
    if lang is not None and lang not in LANGS:
        raise LoadError(
            f"{error_prefix}'lang' must be one of {', '.join(LANGS)} (got {lang!r})",
            path=path,
            line=where.get("lang", line),
        )
    date_key = "published" if "published" in rest else "date"
    published = take("published", "date")
    return make_article(
        text,
        id=take("id") or default_id,
        path=path,
        title=take("title"),
        outlet=take("outlet", "source"),
        published=_date(published, Path(path), where.get(date_key, line), error_prefix)
        if published
        else None,
        lang=lang,
        meta=tuple((k.removeprefix("meta:"), v) for k, v in rest.items()),
        other_dates=other_dates,
    )


def _date(value: str, path: Path, line: int | None, prefix: str = "") -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise LoadError(
            f"{prefix}a date must be written YYYY-MM-DD (got {value!r})", path=str(path), line=line
        ) from None
