"""Lexer: the text of a query as a list of tokens.

One module-level regular expression, tried at each position, recognizes every
token; the name of the group that matched is the token's type. The lexer never
backtracks and never raises anything but :class:`~newsassert.errors.QueryError`:
a character no token can start with is reported at its position, and a
string without its closing quote at its opening one.

Tokens carry their 0-based ``start`` offset in the query, so every later stage
can point its errors at the exact column. Keywords (``where``, ``and`` …) are
not a token type of their own: they are bare words that the parser recognizes
by their lower-cased text, so a value that happens to be a keyword can still be
written, quoted (``"and"``).
"""

from __future__ import annotations

import attrs
import regex

from newsassert.errors import QueryError

__all__ = ["BARE_WORD", "KEYWORDS", "Token", "quote", "tokenize"]

#: Words with a meaning in the grammar; a bare-word value cannot be one of them.
KEYWORDS = frozenset({"where", "and", "or", "not", "in", "is", "null", "like"})

# Characters a right-to-left query may carry between tokens when it was
# copied from a web page: directional marks, embeddings and isolates. They
# separate tokens like spaces and mean nothing.
_BIDI = r"\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff"

# A bare word: letters of any script, digits, combining marks, and the
# punctuation of names, numbers and dates (Al-Sudani, -1.5, 2024-01-27, 3:30,
# O'Brien). Everything else that is not an operator must be quoted.
_WORD = r"[\w\p{M}\-+.:/'%&@\u00b0]+"
BARE_WORD = regex.compile(_WORD)

_TOKEN = regex.compile(
    rf"""
    (?P<space>  [\s{_BIDI}]+ )                # whitespace and bidi marks: skipped
  | (?P<op>     != | <= | >= | [=<>~] )       # comparison operators, longest first
  | (?P<lparen> \( )
  | (?P<rparen> \) )
  | (?P<lbrack> \[ )
  | (?P<rbrack> \] )
  | (?P<comma>  , )
  | (?P<string> " (?: [^"\\]++ | \\. )*+ " )  # double-quoted, backslash escapes
  | (?P<word>   {_WORD} )                     # bare word (above)
    """,
    regex.VERBOSE,
)

# The escapes a quoted string may contain, and what they stand for.
_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t"}
_ESCAPE = regex.compile(r"\\(.)", regex.DOTALL)


@attrs.frozen
class Token:
    """One token: its ``type``, its ``value`` (unquoted for strings) and where it starts.

    ``type`` is one of ``op``, ``lparen``, ``rparen``, ``lbrack``, ``rbrack``,
    ``comma``, ``string``, ``word`` and ``eof``; ``end`` is exclusive.
    """

    type: str
    value: str
    start: int
    end: int

    @property
    def keyword(self) -> str | None:
        """The keyword this token is (lower-cased), if it is a bare-word keyword."""
        if self.type == "word":
            lowered = self.value.lower()
            if lowered in KEYWORDS:
                return lowered
        return None

    def describe(self) -> str:
        """The token as an error message names it: ``'foo'`` or ``end of query``."""
        if self.type == "eof":
            return "end of query"
        return quote(self.value if self.type != "string" else f'"{self.value}"')


def tokenize(query: str) -> list[Token]:
    """The tokens of ``query``, ending with an ``eof`` token at ``len(query)``."""
    tokens: list[Token] = []
    position = 0
    end = len(query)
    # Each token is matched where the last one ended, and the first place no
    # token matches is the error. (finditer searched on past it: an unclosed
    # string of \" pairs was tried again from every quote, quadratic.)
    while position < end:
        found = _TOKEN.match(query, position)
        if found is None:
            raise _bad_character(query, position)
        kind = found.lastgroup
        if kind == "string":
            tokens.append(Token(kind, _unescape(query, found), position, found.end()))
        elif kind != "space":
            tokens.append(Token(kind, found.group(), position, found.end()))
        position = found.end()
    tokens.append(Token("eof", "", end, end))
    return tokens


def _unescape(query: str, found: regex.Match[str]) -> str:
    body: str = found.group()[1:-1]
    if "\\" not in body:
        return body

    def replace(escape: regex.Match[str]) -> str:
        char = escape.group(1)
        if char not in _ESCAPES:
            at = found.start() + 1 + escape.start()
            raise QueryError(f"unknown escape '\\{char}' in a string; use \\\" or \\\\", query, at)
        return _ESCAPES[char]

    unescaped: str = _ESCAPE.sub(replace, body)
    return unescaped


def quote(text: str) -> str:
    """Text as a message quotes it: in single quotes, shortened, controls as U+XXXX."""
    if len(text) > 30:
        text = text[:27] + "..."
    return f"'{text}'" if text.isprintable() else _codepoints(text)


def _bad_character(query: str, position: int) -> QueryError:
    char = query[position]
    if char == '"':
        return QueryError("unclosed '\"'", query, position)
    if char == "!":
        return QueryError("unexpected character '!'; did you mean '!='?", query, position)
    return QueryError(f"unexpected character {quote(char)}", query, position)


def _codepoints(text: str) -> str:
    return " ".join(f"U+{ord(c):04X}" if not c.isprintable() else c for c in text)
