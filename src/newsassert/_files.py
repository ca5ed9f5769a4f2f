"""Reading only regular files, with a bound; writing them so that a reader never sees half of one.

A path in a corpus may name anything: a named pipe called ``x.txt`` (reading
it waits for a writer that never comes), a link to ``/dev/zero`` (it never
ends), a socket. :func:`read_regular` opens without waiting, reads only a
regular file, and never more than the limit given, whatever the file says its
size is.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
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


def write_atomically(path: Path, text: str, what: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, fsync and a rename.

    A reader sees the old file or the new one, never half of one, and a crash
    leaves one of them on disk. When ``path`` is a symbolic link the file it
    leads to is replaced and the link kept. The file gets the permissions a
    plain ``open`` would give it: the temporary file is created with mode
    0o666 and the process's umask applies (the umask is never changed).
    Nothing is left behind when the write fails. ``what`` names the file in
    errors: ``cannot write the {what} (reason)``.
    """
    temporary = None
    try:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        folder = target.parent if str(target.parent) else Path(".")
        fd, temporary = _create_temporary(folder, target.name)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n", errors="backslashreplace") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
        temporary = None
        _fsync_folder(folder)
    except OSError as exc:
        raise ConfigError(
            f"cannot write the {what} ({exc.strerror or exc})", path=str(path)
        ) from None
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _create_temporary(folder: Path, name: str) -> tuple[int, str]:
    """A new file beside the target, named after it (shortened to fit a file name)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    stem = name[:200]  # a name may have 255 bytes: room for the prefix and suffix
    for _ in range(100):
        candidate = folder / f".{stem}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(candidate, flags, 0o666), str(candidate)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno != errno.ENAMETOOLONG or len(stem) <= 16:
                raise
            stem = stem[: len(stem) // 2]
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (where a folder can be opened; not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
