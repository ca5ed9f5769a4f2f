"""The errors newsassert raises.

Every error is a :class:`NewsAssertError`. Each one carries what a user needs
to fix the input (the file, the line and column, the query position) and
renders as one sentence, so the command line and the pytest plugin can show it
without a traceback.
"""

from __future__ import annotations

__all__ = [
    "AliasError",
    "CheckFileError",
    "ConfigError",
    "EmptyCorpusError",
    "LoadError",
    "NewsAssertError",
    "PluginError",
    "QueryError",
    "RegexTimeoutError",
]


class NewsAssertError(Exception):
    """The root of every error newsassert raises on purpose."""


class LoadError(NewsAssertError):
    """An article file or record could not be read.

    ``path`` names the file; ``line`` and ``column`` (1-based) or ``offset``
    (a 0-based byte offset) say where, when that is known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.offset = offset
        super().__init__(self._render())

    def _render(self) -> str:
        where = _where(self.path, self.line, self.column)
        if self.offset is not None:
            where = f"{where} at byte {self.offset}" if where else f"at byte {self.offset}"
        return f"{where}: {self.message}" if where else self.message


class EmptyCorpusError(LoadError):
    """A folder or pattern given to load holds no article: nothing would be checked."""


class _FileError(NewsAssertError):
    """An error in a user's configuration-like file, with line and column."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        where = _where(path, line, column)
        super().__init__(f"{where}: {message}" if where else message)


class CheckFileError(_FileError):
    """A check file is malformed: bad TOML, an unknown ``expect``, a missing key."""


class AliasError(_FileError):
    """An alias file is malformed."""


class ConfigError(_FileError):
    """An option or setting has a value newsassert cannot use."""


class QueryError(NewsAssertError):
    """A query could not be compiled or evaluated.

    ``position`` is the 0-based character offset of the problem in ``query``;
    ``str(error)`` renders the query with a caret under that column.
    """

    def __init__(self, message: str, query: str, position: int) -> None:
        self.message = message
        self.query = query
        self.position = max(0, min(position, len(query)))
        super().__init__(self.render())

    def render(self) -> str:
        line_start = self.query.rfind("\n", 0, self.position) + 1
        line_end = self.query.find("\n", self.position)
        if line_end == -1:
            line_end = len(self.query)
        line = self.query[line_start:line_end]
        column = self.position - line_start
        # Long queries are shown as a window around the caret.
        if len(line) > 76:
            lo = max(0, column - 38)
            line, column = line[lo : lo + 76], column - lo
        shown = "".join(c if c.isprintable() else " " for c in line)
        return f"{self.message} (at column {self.position + 1})\n  {shown}\n  {' ' * column}^"


class RegexTimeoutError(QueryError):
    """A ``~`` search ran out of time: the query is valid, this run could not finish it.

    Not a property of the query alone (a faster machine may finish it), so a
    result it stops is never cached.
    """


class PluginError(NewsAssertError):
    """A plugin could not be loaded or registered, or failed inside a hook.

    ``plugin`` is the plugin's name (its entry-point name for installed
    plugins), ``entry_point`` the entry point that provides it
    (``"name = module:attr"``), ``distribution`` the package it comes from and
    ``hook`` the hook it failed in, each when known.
    """

    def __init__(
        self,
        message: str,
        *,
        plugin: str | None = None,
        entry_point: str | None = None,
        distribution: str | None = None,
        hook: str | None = None,
    ) -> None:
        self.message = message
        self.plugin = plugin
        self.entry_point = entry_point
        self.distribution = distribution
        self.hook = hook
        where = f"plugin {plugin!r}" if plugin else "a plugin"
        origin = [f"entry point {entry_point!r}"] if entry_point else []
        if distribution:
            origin.append(f"from {distribution}")
        if origin:
            where += f" ({' '.join(origin)})"
        if hook:
            where += f" in {hook}"
        super().__init__(f"{where}: {message}")


def _where(path: str | None, line: int | None, column: int | None) -> str:
    parts = [path] if path else []
    if line is not None:
        parts.append(f"line {line}")
    if column is not None:
        parts.append(f"column {column}")
    return ", ".join(parts)
