"""A check file's TOML: where each ``[[check]]`` table and key stands (``tomllib``
keeps no positions), and the values of a table checked one by one, each
error naming the file, the line and the column.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Callable, Mapping
from typing import Any

import regex

from newsassert.check.groups import ARTICLE_GROUP_FIELDS, SUMMARY_OF
from newsassert.errors import CheckFileError

# tomllib ends its messages with where the error is.
_TOML_WHERE = regex.compile(
    r"""
    \s*\(at\ (?:
        line\ (?P<line>\d+),\ column\ (?P<column>\d+)   # most errors
      | end\ of\ document                                # unclosed strings, arrays
    )\)\s*$
    """,
    regex.VERBOSE,
)

_NOT_IN_NAMES = regex.compile(r"::|\[|\]")

# A table header line: [[check]] opens a check; any other header closes it.
_HEADER = regex.compile(
    r"""
    ^[ \t]*\[
    (?P<array>\[)?                     # [[...]]: an array of tables
    [ \t]*(?P<name>[^\]\n]*?)[ \t]*    # the table name, perhaps quoted or dotted
    \]\]?
    [ \t]*(?:\#.*)?$                    # nothing after it but a comment
    """,
    regex.VERBOSE | regex.MULTILINE,
)

# A key at the start of a line: bare, or in single or double quotes.
_KEY = regex.compile(
    r"""
    ^[ \t]*
    (?: (?P<q>["']) (?P<quoted>[^"'\n]*) (?P=q)     # "key" or 'key'
      | (?P<bare>[A-Za-z0-9_-]+) )                  # key
    [ \t]*=[ \t]*
    """,
    regex.VERBOSE | regex.MULTILINE,
)


_Fail = Callable[..., CheckFileError]


def _group_by(table: Mapping[str, Any], fail: _Fail) -> str:
    value = _string(table, "group_by", fail).strip()
    known = (SUMMARY_OF, *ARTICLE_GROUP_FIELDS)
    if value in known or (value.startswith("meta.") and len(value) > len("meta.")):
        return value
    raise fail(
        f"'group_by' groups articles: meta.<name> (a field of the records or front matter) "
        f"or one of {', '.join(known)} (got {value!r})",
        "group_by",
    )


def _string(table: Mapping[str, Any], key: str, fail: _Fail) -> str:
    value = table[key]
    if not isinstance(value, str):
        raise fail(f"{key!r} must be a string (got {_show(value)})", key)
    if not value.strip():
        raise fail(f"{key!r} is empty", key)
    return value


def _number(table: Mapping[str, Any], key: str, fail: _Fail) -> float:
    value = table[key]
    # bool is an int to Python, not to a reader of the file.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise fail(f"{key!r} must be a number (got {_show(value)})", key)
    if not math.isfinite(value) or value < 0:
        raise fail(f"{key!r} must be a finite number >= 0 (got {value})", key)
    return float(value)


def _count(table: Mapping[str, Any], key: str, fail: _Fail, *, least: int = 0) -> int:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"{key!r} must be a whole number (got {_show(value)})", key)
    if value < least:
        raise fail(f"{key!r} must be >= {least} (got {value})", key)
    return value


def _marks(table: Mapping[str, Any], fail: _Fail) -> tuple[str, ...]:
    if "marks" not in table:
        return ()
    value = table["marks"]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
        isinstance(m, str) and m.isidentifier() for m in value
    ):
        raise fail(f"'marks' must be a list of mark names (got {_show(value)})", "marks")
    return tuple(value)


def _show(value: object) -> str:
    kind = {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        list: "an array",
        dict: "a table",
    }.get(type(value), type(value).__name__)
    return f"{value!r}, {kind}"


def _toml_error(error: tomllib.TOMLDecodeError, source: str, path: str) -> CheckFileError:
    message = str(error)
    where = _TOML_WHERE.search(message)
    line = column = None
    if where is not None:
        message = message[: where.start()]
        if where.group("line"):
            line, column = int(where.group("line")), int(where.group("column"))
        else:
            line = source.count("\n") + (0 if source.endswith("\n") else 1)
    return CheckFileError(f"invalid TOML: {message}", path=path, line=line, column=column)


class _Layout:
    """Where the ``[[check]]`` headers and their keys are in the source."""

    def __init__(self, source: str) -> None:
        self.source = source
        # (line, name, is-array) for every table header, in order.
        self.headers: list[tuple[int, str, bool]] = [
            (
                source.count("\n", 0, m.start()) + 1,
                m.group("name").strip("\"' \t"),
                m.group("array") is not None,
            )
            for m in _HEADER.finditer(source)
        ]
        self.checks = [
            (i, line)
            for i, (line, name, array) in enumerate(self.headers)
            if array and name == "check"
        ]

    def _keys(self, first: int, last: int | None) -> dict[str, tuple[int, int]]:
        # key -> (line, column of its value), both 1-based, for lines first+1 .. last-1.
        lines = self.source.splitlines()
        found: dict[str, tuple[int, int]] = {}
        stop = len(lines) if last is None else last - 1
        for number in range(first, stop):
            m = _KEY.match(lines[number])
            if m is not None:
                found.setdefault(m.group("quoted") or m.group("bare"), (number + 1, m.end() + 1))
        return found

    def check(self, index: int) -> tuple[int, dict[str, tuple[int, int]]]:
        """The header line of the ``index``-th check and where its keys' values are."""
        if index >= len(self.checks):
            # Written some other way (an inline array): no lines to show.
            return 1, {}
        header_index, line = self.checks[index]
        following = self.headers[header_index + 1 : header_index + 2]
        return line, self._keys(line, following[0][0] if following else None)

    def top_key_line(self, key: str) -> int:
        first_header = self.headers[0][0] if self.headers else None
        return self._keys(0, first_header).get(key, (1, 1))[0]
