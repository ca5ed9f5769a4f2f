"""Parser: tokens to a syntax tree, by recursive descent with bounded depth.

The grammar (PRODUCT.md)::

    query    := kind [ "where" expr ]
    expr     := and_expr { "or" and_expr }
    and_expr := not_expr { "and" not_expr }
    not_expr := "not" not_expr | "(" expr ")" | test
    test     := field op value | field "in" "[" value { "," value } "]"
              | field "is" ["not"] "null"

Each rule is one method. ``or`` binds loosest, then ``and``, then ``not``;
chains of ``and`` and ``or`` are read with loops, not recursion, and built
flat (``a and (b and c)`` is one :class:`~newsassert.query.ast.And` of three),
so a query of any length parses in constant stack. Only parentheses and
``not`` nest, and they are counted: past :data:`MAX_DEPTH` levels the parser
stops with a :class:`~newsassert.errors.QueryError` instead of exhausting
Python's stack (10,000 nested parentheses are an error, not a crash).

The parser knows the syntax only: whether a field exists for the kind and
whether its value has the right type is checked afterwards
(:func:`newsassert.query.evaluate.check`), with positions from the tree.
"""

from __future__ import annotations

import difflib

from newsassert.errors import QueryError
from newsassert.query.ast import And, Compare, In, IsNull, Literal, Node, Not, Or
from newsassert.query.fields import QUERY_KINDS
from newsassert.query.lexer import Token, quote, tokenize

__all__ = ["MAX_DEPTH", "parse"]

#: How many parentheses and ``not`` may enclose one another.
MAX_DEPTH = 100

_OPERATOR_LIST = "=, !=, <, <=, >, >=, ~, like, in, is"


def parse(text: str) -> tuple[str, Node | None]:
    """The kind and the ``where`` expression (or None) of a query's text."""
    return _Parser(text).query()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    # -- helpers -------------------------------------------------------------

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    @property
    def previous(self) -> Token:
        return self.tokens[self.index - 1]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        if token.type != "eof":
            self.index += 1
        return token

    def error(self, message: str, position: int | None = None) -> QueryError:
        at = self.token.start if position is None else position
        return QueryError(message, self.text, at)

    def expected(self, what: str) -> QueryError:
        """``expected WHAT after 'PREVIOUS', got TOKEN`` at the current token."""
        after = self.previous.describe() if self.index else "the start"
        return self.error(f"expected {what} after {after}, got {self.token.describe()}")

    # -- rules ---------------------------------------------------------------

    def query(self) -> tuple[str, Node | None]:
        token = self.token
        if token.type != "word" or token.keyword:
            raise self.error(f"expected a kind ({', '.join(QUERY_KINDS)}), got {token.describe()}")
        kind = token.value.lower()
        if kind not in QUERY_KINDS:
            raise self.error(unknown("kind", token.value, QUERY_KINDS))
        self.advance()
        if self.token.type == "eof":
            return kind, None
        if self.token.keyword != "where":
            got = self.token
            hint = did_you_mean(got.value, ["where"]) if got.type == "word" else ""
            raise self.error(
                f"expected 'where' or end of query after the kind, got {got.describe()}{hint}"
            )
        self.advance()
        where = self.expr(0)
        if self.token.type != "eof":
            raise self.trailing("end of query")
        return kind, where

    def expr(self, depth: int) -> Node:
        operands = [self.and_expr(depth)]
        while self.token.keyword == "or":
            self.advance()
            operands.append(self.and_expr(depth))
        return _flat(Or, operands)

    def and_expr(self, depth: int) -> Node:
        operands = [self.not_expr(depth)]
        while self.token.keyword == "and":
            self.advance()
            operands.append(self.not_expr(depth))
        return _flat(And, operands)

    def not_expr(self, depth: int) -> Node:
        nots = 0
        while self.token.keyword == "not":
            depth += 1
            self.check_depth(depth)
            self.advance()
            nots += 1
        if self.token.type == "lparen":
            depth += 1
            self.check_depth(depth)
            opening = self.advance()
            node = self.expr(depth)
            if self.token.type != "rparen":
                if self.token.type == "eof":
                    raise self.error("unclosed '('", opening.start)
                raise self.trailing("')'")
            self.advance()
        else:
            node = self.test()
        for _ in range(nots):
            node = Not(node)
        return node

    def test(self) -> Node:
        field = self.token
        if field.type != "word" or field.keyword:
            raise self.expected("a field")
        self.advance()
        name = field.value.lower()
        token = self.token
        if token.type == "op" or token.keyword == "like":
            self.advance()
            return Compare(name, token.value.lower(), self.value(), field.start)
        if token.keyword == "in":
            self.advance()
            return In(name, self.values(), field.start)
        if token.keyword == "is":
            self.advance()
            negated = self.token.keyword == "not"
            if negated:
                self.advance()
            if self.token.keyword != "null":
                raise self.expected("'null'" if negated else "'null' or 'not null'")
            self.advance()
            return IsNull(name, negated, field.start)
        raise self.expected(f"an operator ({_OPERATOR_LIST})")

    def value(self) -> Literal:
        token = self.token
        if token.type == "string" or (token.type == "word" and not token.keyword):
            self.advance()
            return Literal(token.value, token.start, token.type == "string", token.end)
        if token.keyword == "null":
            field = self.tokens[self.index - 2].value.lower()
            raise self.error(f"to test for null write '{field} is null' or '{field} is not null'")
        raise self.expected("a value")

    def values(self) -> tuple[Literal, ...]:
        if self.token.type != "lbrack":
            raise self.expected("'['")
        opening = self.advance()
        values = [self.value()]
        while self.token.type != "rbrack":
            if self.token.type == "eof":
                raise self.error("unclosed '['", opening.start)
            if self.token.type != "comma":
                raise self.error(f"expected ',' or ']' in the list, got {self.token.describe()}")
            self.advance()
            values.append(self.value())
        self.advance()
        return tuple(values)

    # -- errors --------------------------------------------------------------

    def check_depth(self, depth: int) -> None:
        if depth > MAX_DEPTH:
            raise self.error(
                f"the query nests too deeply (more than {MAX_DEPTH} levels of '(' and 'not')"
            )

    def trailing(self, closer: str) -> QueryError:
        """The error for a token where a test could have ended."""
        token = self.token
        if token.type == "rparen":
            return self.error("unmatched ')'")
        message = f"expected 'and', 'or' or {closer}, got {token.describe()}"
        if token.type == "word" and self.previous.type == "word":
            message += "; quote a value that has spaces"
        return self.error(message)


def _flat(cls: type[And] | type[Or], operands: list[Node]) -> Node:
    if len(operands) == 1:
        return operands[0]
    flat: list[Node] = []
    for operand in operands:
        flat.extend(operand.operands if isinstance(operand, cls) else (operand,))
    return cls(tuple(flat))


def unknown(what: str, name: str, choices: tuple[str, ...] | list[str]) -> str:
    """``unknown WHAT 'NAME'; WHATs are: ...; did you mean '...'?``"""
    message = f"unknown {what} {quote(name)}; {what}s are: {', '.join(choices)}"
    return message + did_you_mean(name, choices)


def did_you_mean(name: str, choices: tuple[str, ...] | list[str]) -> str:
    """``; did you mean 'x'?`` for the closest choice, or nothing."""
    close = difflib.get_close_matches(name.lower()[:40], choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""
