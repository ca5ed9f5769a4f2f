"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from newsassert.errors import ConfigError

__all__ = ["write_atomically"]


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
