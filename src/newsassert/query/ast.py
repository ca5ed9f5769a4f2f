"""The syntax tree of a query, and its canonical text.

Nodes are frozen attrs values. Two trees are equal when they have the same
structure: positions in the source (kept for error messages) take no part in
equality, quoting does not either (``"Iraq"`` and ``Iraq`` are the same
:class:`Literal`), and the parser flattens chains (``a and (b and c)`` is one
:class:`And` of three operands), so every query has exactly one tree and
:func:`unparse` gives it exactly one text.

Canonical text: keywords, kinds and fields in lower case; one space around
operators; a value bare when it lexes back to the same bare word, quoted
otherwise; parentheses only where precedence needs them (an ``or`` inside an
``and``, an ``and`` or ``or`` under ``not``).
"""

from __future__ import annotations

import attrs

from newsassert.query.lexer import BARE_WORD, KEYWORDS

__all__ = [
    "OPERATORS",
    "And",
    "Compare",
    "In",
    "IsNull",
    "Literal",
    "Node",
    "Not",
    "Or",
    "unparse",
    "unparse_expr",
]

#: The binary operators, in the order the grammar lists them.
OPERATORS = ("=", "!=", "<", "<=", ">", ">=", "~", "like")


@attrs.frozen
class Literal:
    """A value as written: its text (unquoted) and where it starts in the query.

    The field it is compared with decides what the text means (a number, an
    ISO date, a word), so ``value = "3"`` and ``value = 3`` are the same test.
    ``quoted`` and ``position`` are kept for messages and take no part in
    equality.
    """

    text: str
    position: int = attrs.field(default=0, eq=False)
    quoted: bool = attrs.field(default=False, eq=False)
    end: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Compare:
    """``field op value``."""

    field: str
    op: str
    value: Literal
    position: int = attrs.field(default=0, eq=False)


@attrs.frozen
class In:
    """``field in [value, ...]``."""

    field: str
    values: tuple[Literal, ...]
    position: int = attrs.field(default=0, eq=False)


@attrs.frozen
class IsNull:
    """``field is null`` (``negated``: ``field is not null``)."""

    field: str
    negated: bool = False
    position: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Not:
    operand: Node


@attrs.frozen
class And:
    """Two or more operands, all of which must hold (never nested in another And)."""

    operands: tuple[Node, ...]


@attrs.frozen
class Or:
    """Two or more operands, one of which must hold (never nested in another Or)."""

    operands: tuple[Node, ...]


Node = Compare | In | IsNull | Not | And | Or
Test = Compare | In | IsNull


def unparse(kind: str, where: Node | None) -> str:
    """The canonical text of a query."""
    if where is None:
        return kind
    return f"{kind} where {unparse_expr(where)}"


def unparse_expr(node: Node) -> str:
    """The canonical text of an expression."""
    if isinstance(node, Compare):
        return f"{node.field} {node.op} {unparse_literal(node.value)}"
    if isinstance(node, In):
        return f"{node.field} in [{', '.join(unparse_literal(v) for v in node.values)}]"
    if isinstance(node, IsNull):
        return f"{node.field} is not null" if node.negated else f"{node.field} is null"
    if isinstance(node, Not):
        inner = unparse_expr(node.operand)
        return f"not ({inner})" if isinstance(node.operand, (And, Or)) else f"not {inner}"
    if isinstance(node, And):
        return " and ".join(
            f"({unparse_expr(o)})" if isinstance(o, Or) else unparse_expr(o) for o in node.operands
        )
    return " or ".join(unparse_expr(o) for o in node.operands)


def unparse_literal(literal: Literal) -> str:
    """A value bare when it reads back as the same bare word, quoted otherwise."""
    text = literal.text
    if BARE_WORD.fullmatch(text) and text.lower() not in KEYWORDS:
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
