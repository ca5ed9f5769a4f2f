"""Reading only regular files, with a bound; writing them so that a reader never sees half of one.

A path in a corpus may name anything: a named pipe called ``x.txt`` (reading
it waits for a writer that never comes), a link to ``/dev/zero`` (it never
ends), a socket. :func:`read_regular` opens without waiting, reads only a
regular file, and never more than the limit given, whatever the file says its
size is.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from newsassert.errors import ConfigError

__all__ = ["FileTooLarge", "NotARegularFile", "read_regular", "write_atomically"]

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotARegularFile(OSError):
    """The path names a pipe, a device, a socket or a folder: never read."""

    def __init__(self, path: str | Path, kind: str) -> None:
        super().__init__(f"it is {kind}, not a regular file")
        self.kind = kind
        self.path = str(path)


class FileTooLarge(OSError):
    """The file holds more bytes than the caller's limit (``size`` is what stat said)."""

    def __init__(self, path: str | Path, size: int, limit: int) -> None:
        super().__init__(f"the file has {size:,} bytes, more than the limit of {limit:,}")
        self.size = size
        self.limit = limit
        self.path = str(path)


def read_regular(path: str | Path, limit: int = 0) -> bytes:
    """The bytes of ``path`` when it is a regular file (a link to one is one).

    Raises :class:`NotARegularFile` for anything else (without blocking on a
    pipe), :class:`FileTooLarge` when it holds more than ``limit`` bytes
    (``0``: no limit) before reading any, and ``OSError`` when it cannot be read.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((k for test, k in _KINDS if test(info.st_mode)), "not a regular file")
            raise NotARegularFile(path, kind)
        if limit and info.st_size > limit:
            raise FileTooLarge(path, info.st_size, limit)
        chunks: list[bytes] = []
        left = limit + 1 if limit else -1  # one byte past the limit tells a file that grew
        while left:
            chunk = os.read(fd, min(left, 1 << 20) if left > 0 else 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            if left > 0:
                left -= len(chunk)
        data = b"".join(chunks)
        if limit and len(data) > limit:
            raise FileTooLarge(path, len(data), limit)
        return data
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomically(path: Path, text: str, what: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    The file gets the permissions a plain ``open`` would give it (not the
    owner-only ones of a temporary file). ``what`` names the file in errors:
    ``cannot write the {what} (reason)``.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ConfigError(f"cannot write the {what} ({exc.strerror})", path=str(path)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ConfigError(f"cannot write the {what} ({exc.strerror})", path=str(path)) from None
