"""Limits: the bounds that keep one bad input from exhausting a run.

newsassert reads scraped text unattended, so one runaway file (a page dump,
a log written to the wrong folder, a 50 MB "article") must fail fast with a
clear message rather than take minutes of segmenting and extracting.

* **Article size.** An article may hold at most :func:`max_article_chars`
  characters: :data:`DEFAULT_MAX_ARTICLE_CHARS` unless the caller sets another
  limit (``newsassert.load(..., max_article_chars=N)``, ``--max-article-chars N``
  on the command line) or the environment does (``NEWSASSERT_MAX_ARTICLE_CHARS``).
  ``0`` means no limit. A plain-text file larger than any article under the
  limit could be (four bytes a character, UTF-32 being the widest encoding
  read) is refused from its size alone, before it is read.

* **File size.** Every file is refused from its size before it is read: a
  one-article file (``.txt``, ``.md``) by the rule above, any other (a JSON
  or JSON Lines corpus) when it is larger than :func:`max_file_bytes`
  (``$NEWSASSERT_MAX_FILE_BYTES``, default :data:`DEFAULT_MAX_FILE_BYTES`;
  ``0`` for none, and none when the article limit is ``0``). Only regular
  files are read (:func:`newsassert._files.read_regular`).

Other bounds live beside the code they bound: the query parser's nesting
depth (:data:`newsassert.query.parser.MAX_DEPTH`) and the time limit of
regular expressions in queries (:data:`newsassert.query.evaluate.REGEX_TIMEOUT`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar

from newsassert.errors import ConfigError, LoadError

__all__ = [
    "DEFAULT_MAX_ARTICLE_CHARS",
    "DEFAULT_MAX_FILE_BYTES",
    "MAX_ARTICLE_CHARS_VARIABLE",
    "MAX_CONFIG_BYTES",
    "MAX_FILE_BYTES_VARIABLE",
    "article_limit",
    "check_article_size",
    "check_file_size",
    "file_limit",
    "file_too_large",
    "max_article_chars",
    "max_file_bytes",
]

# A long news article is some 50,000 characters; a hundred times that is
# room for any real text and refuses a megabyte dump before it costs minutes.
DEFAULT_MAX_ARTICLE_CHARS = 5_000_000
MAX_ARTICLE_CHARS_VARIABLE = "NEWSASSERT_MAX_ARTICLE_CHARS"
# A corpus file of many articles (JSON, JSON Lines): a gigabyte is some
# 20,000 long articles; a larger one is a dump, to be split or allowed.
DEFAULT_MAX_FILE_BYTES = 1 << 30
MAX_FILE_BYTES_VARIABLE = "NEWSASSERT_MAX_FILE_BYTES"
_ONE_ARTICLE = (".txt", ".md")
#: The largest check, alias or baseline file read, in bytes.
MAX_CONFIG_BYTES = 64 << 20
# The widest encoding newsassert decodes (UTF-32) takes four bytes a character.
_MAX_BYTES_PER_CHAR = 4
_BOM_BYTES = 4

_limit: ContextVar[int | None] = ContextVar("newsassert_max_article_chars", default=None)

_HOW_TO_RAISE = (
    f"raise it with max_article_chars=, --max-article-chars or {MAX_ARTICLE_CHARS_VARIABLE}"
)


def max_article_chars() -> int:
    """The largest article allowed, in characters (``0``: no limit).

    The innermost :func:`article_limit` wins, then ``$NEWSASSERT_MAX_ARTICLE_CHARS``,
    then :data:`DEFAULT_MAX_ARTICLE_CHARS`.
    """
    chosen = _limit.get()
    if chosen is not None:
        return chosen
    raw = os.environ.get(MAX_ARTICLE_CHARS_VARIABLE, "").strip()
    if not raw:
        return DEFAULT_MAX_ARTICLE_CHARS
    return _valid(raw.replace("_", ""), f"${MAX_ARTICLE_CHARS_VARIABLE}")


def _valid(value: object, where: str, unit: str = "characters") -> int:
    try:
        number = int(str(value)) if not isinstance(value, bool) else -1
    except ValueError:
        number = -1
    if number < 0:
        raise ConfigError(
            f"{where} must be a number of {unit}, 0 for no limit (got {value!r})"
        )
    return number


@contextlib.contextmanager
def article_limit(chars: int | None) -> Iterator[None]:
    """Within the block, articles may hold ``chars`` characters (``None``: leave as is)."""
    if chars is None:
        yield
        return
    token = _limit.set(_valid(chars, "max_article_chars"))
    try:
        yield
    finally:
        _limit.reset(token)


def check_article_size(
    length: int, *, path: str | None = None, line: int | None = None, prefix: str = ""
) -> None:
    """Raise :class:`LoadError` when an article of ``length`` characters is over the limit."""
    limit = max_article_chars()
    if limit and length > limit:
        raise LoadError(
            f"{prefix}the article has {length:,} characters, more than the limit of "
            f"{limit:,} ({_HOW_TO_RAISE})",
            path=path,
            line=line,
        )


def check_file_size(size: int, *, path: str) -> None:
    """Refuse a one-article file too large to hold an article under the limit."""
    limit = max_article_chars()
    if limit and size > limit * _MAX_BYTES_PER_CHAR + _BOM_BYTES:
        raise LoadError(
            f"the file has {size:,} bytes, more than any article under the limit of "
            f"{limit:,} characters can take ({_HOW_TO_RAISE})",
            path=path,
        )


def max_file_bytes() -> int:
    """The largest file of many articles read, in bytes (``0``: no limit)."""
    raw = os.environ.get(MAX_FILE_BYTES_VARIABLE, "").strip()
    if raw:
        return _valid(raw.replace("_", ""), f"${MAX_FILE_BYTES_VARIABLE}", "bytes")
    return DEFAULT_MAX_FILE_BYTES if max_article_chars() else 0


def file_limit(path: str) -> int:
    """How many bytes the file at ``path`` may hold, known before it is read (``0``: any)."""
    if path.lower().endswith(_ONE_ARTICLE):
        limit = max_article_chars()
        return limit * _MAX_BYTES_PER_CHAR + _BOM_BYTES if limit else 0
    return max_file_bytes()


def file_too_large(path: str, size: int, limit: int) -> LoadError:
    """The error for a file of ``size`` bytes over its ``limit`` (see :func:`file_limit`)."""
    if path.lower().endswith(_ONE_ARTICLE):
        return LoadError(
            f"the file has {size:,} bytes, more than any article under the limit of "
            f"{max_article_chars():,} characters can take ({_HOW_TO_RAISE})",
            path=path,
        )
    return LoadError(
        f"the file has {size:,} bytes, more than the limit of {limit:,} bytes for one file "
        f"(raise it with ${MAX_FILE_BYTES_VARIABLE}, 0 for no limit)",
        path=path,
    )
