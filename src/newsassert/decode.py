"""Reading a file's bytes as text: the encoding found from what the bytes are.

A BOM (UTF-8, UTF-16, UTF-32), else UTF-8, else one of the Arabic
single-byte code pages (Windows-1256, ISO-8859-6) or Windows-1252, whichever
reads as text. Bytes that are none of these raise a :class:`LoadError` naming
the byte offset; nothing is decoded by guesswork into replacement characters.
The options of the :func:`newsassert.load` call a file is read for (skip bad
input, a named encoding) are its :class:`ReadSession`.
"""

from __future__ import annotations

import errno
import os
from contextvars import ContextVar
from pathlib import Path

import attrs
import regex

from newsassert.errors import LoadError

__all__ = [
    "BOMS",
    "SESSION",
    "ReadSession",
    "current_session",
    "decode",
    "decode_file",
    "file_size",
    "read_bytes",
    "read_text",
    "reason",
]


@attrs.define
class ReadSession:
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
SESSION: ContextVar[ReadSession | None] = ContextVar("newsassert_load_session", default=None)


def current_session() -> ReadSession:
    """The session of the load() call being served (a strict one outside any)."""
    return SESSION.get() or ReadSession()


def reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc)


BOMS = (
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
    for bom, encoding in BOMS:
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
    return decode_file(read_bytes(path), path)


def decode_file(data: bytes, path: Path) -> str:
    encoding = current_session().encoding
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


def read_bytes(path: Path) -> bytes:
    """The bytes of a regular file, refused from its size before any is read."""
    from newsassert._files import FileTooLarge, read_regular
    from newsassert.limits import file_limit, file_too_large

    try:
        return read_regular(path, file_limit(str(path)))
    except FileTooLarge as exc:
        raise file_too_large(str(path), exc.size, exc.limit) from None
    except OSError as exc:
        raise _unreadable(path, exc) from None


def file_size(path: Path) -> int:
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
    return LoadError(f"cannot read the file: {reason(exc)}", path=str(path))
