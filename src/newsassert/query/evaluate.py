"""Evaluate: type-check a syntax tree, then turn it into one predicate over claims.

Two steps, both done once per query, never per claim:

1. :func:`check` walks the tree against the kind's fields
   (:mod:`newsassert.query.fields`): every field must exist, every operator
   must suit the field's type, every value must be of that type (a number for
   ``value``, an ISO date for ``published``, a known word for ``qualifier``),
   every ``~`` pattern must compile. The errors point at the value's column.
   This runs when the query compiles, so a query that compiles cannot fail on
   types later.
2. :func:`plan` builds a closure per node, bottom up, for one lexicon. The
   work that does not depend on the claim is done here: a text value becomes
   the set of lookup keys it accepts (its own key and, through the lexicon,
   the keys of every alias of the entry it names: ``Iraq`` → ``iraq``,
   ``العراق``, ``irak`` …), numbers are parsed, regexes compiled. Per claim,
   a test costs an attribute read and a set or dict lookup; the key of a
   claim's text is computed once per distinct text (a bounded memo), since
   units, places and names repeat.

The resulting predicate first tests the claim's kind (and mention type), then
the default section filter (only ``body`` and ``title`` claims, unless the
query tests ``section`` itself), then the expression, cheapest first.

Semantics worth knowing: a null field satisfies no comparison, ``!=`` is the
negation of ``=`` (so a null field is ``!=`` every value), ``like`` compares
person names across scripts (:func:`newsassert.names.names_match`) on name
fields and is a case- and diacritic-insensitive substring test elsewhere, and
``~`` searches the raw field with a time limit per search and per evaluation.
"""

from __future__ import annotations

import datetime as dt
import json
import operator
import time
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import regex

from newsassert.errors import QueryError, RegexTimeoutError
from newsassert.lexicon import Lexicon, form_key
from newsassert.model import Claim
from newsassert.query._regex import pattern_problem
from newsassert.query.ast import And, Compare, In, IsNull, Literal, Node, Not, Or
from newsassert.query.fields import ANY_SECTION, CLASSES, META_PREFIX, Field, field_of, fields_of
from newsassert.query.lexer import quote
from newsassert.query.parser import did_you_mean, unknown
from newsassert.text.normalize import normalize_text

__all__ = ["REGEX_BUDGET", "REGEX_TIMEOUT", "MetaTable", "Predicate", "check", "meta_values", "plan"]

Predicate = Callable[[Claim], bool]

#: Seconds one ``~`` search may take, and all of one evaluation's searches.
REGEX_TIMEOUT = 0.25
REGEX_BUDGET = 10.0

#: Sections a query sees unless it tests ``section`` itself.
DEFAULT_SECTIONS = frozenset({"body", "title"})

# How many distinct field values a test remembers the answer for.
_MEMO_SIZE = 65_536

_NUMBER = regex.compile(
    r"""
    [-+]?                      # sign
    (?: \d+ (?: \. \d* )? | \. \d+ )   # digits, with an optional decimal part
    (?: [eE] [-+]? \d+ )?      # exponent
    """,
    regex.VERBOSE | regex.ASCII,
)
_ISO_DATE = regex.compile(r"\d{4}-\d{2}-\d{2}", regex.ASCII)

_ORDERING = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
_TYPE_NAMES = {
    "number": "a number",
    "date": "a date",
    "text": "text",
    "enum": "text",
    "bool": "true or false",
}


# ---------------------------------------------------------------------------
# Step 1: check
# ---------------------------------------------------------------------------


def check(kind: str, where: Node | None, text: str) -> None:
    """Raise a :class:`QueryError` for the first field, operator or value that does not fit."""
    if where is not None:
        for test in _tests(where):
            _check_test(kind, test, text)


def tests_of(node: Node) -> Iterable[Compare | In | IsNull]:
    """The tests of a tree (its leaves), in order."""
    return _tests(node)


def _tests(node: Node) -> Iterable[Compare | In | IsNull]:
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, (And, Or)):
            stack.extend(reversed(node.operands))
        elif isinstance(node, Not):
            stack.append(node.operand)
        else:
            yield node


def _field_of(kind: str, test: Compare | In | IsNull, text: str) -> Field:
    field = field_of(kind, test.field)
    if field is None:
        fields = fields_of(kind)
        message = (
            f"unknown field {quote(test.field)} for {kind}; fields are: {', '.join(fields)}, "
            f"{META_PREFIX}<name>"
            + did_you_mean(test.field, list(fields))
        )
        raise QueryError(message, text, test.position)
    return field


def _check_test(kind: str, test: Compare | In | IsNull, text: str) -> None:
    field = _field_of(kind, test, text)
    if isinstance(test, IsNull):
        return
    if isinstance(test, In):
        for literal in test.values:
            convert(field, literal, text)
        return
    op, literal = test.op, test.value
    if op in _ORDERING and field.type not in ("number", "date"):
        raise QueryError(
            f"'{op}' compares numbers and dates; '{field.name}' is {_TYPE_NAMES[field.type]}",
            text,
            literal.position,
        )
    if op in ("~", "like") and field.type in ("number", "bool", *(() if op == "~" else ("date",))):
        verb = "searches" if op == "~" else "matches"
        raise QueryError(
            f"'{op}' {verb} text; '{field.name}' is {_TYPE_NAMES[field.type]}",
            text,
            literal.position,
        )
    if op == "~":
        _compile_pattern(literal, text)
    elif op != "like":
        convert(field, literal, text)


def convert(field: Field, literal: Literal, text: str) -> Any:
    """The value of ``literal`` for ``field``: a float, an ISO date, a bool or a string."""
    value = literal.text
    if field.type == "number":
        digits = normalize_text(value).strip()
        if _NUMBER.fullmatch(digits):
            return float(digits)
        raise QueryError(
            f"expected a number for '{field.name}', got {quote(value)}", text, literal.position
        )
    if field.type == "date":
        day = normalize_text(value).strip()
        if _ISO_DATE.fullmatch(day):
            try:
                return dt.date.fromisoformat(day).isoformat()
            except ValueError:
                pass
        raise QueryError(
            f"expected a date (YYYY-MM-DD) for '{field.name}', got {quote(value)}",
            text,
            literal.position,
        )
    if field.type == "bool":
        lowered = value.lower()
        if lowered in ("true", "false"):
            return lowered == "true"
        raise QueryError(
            f"expected true or false for '{field.name}', got {quote(value)}",
            text,
            literal.position,
        )
    if field.type == "enum":
        lowered = value.lower()
        if lowered not in field.choices:
            raise QueryError(unknown(field.name, value, field.choices), text, literal.position)
        return lowered
    return value


def _compile_pattern(literal: Literal, text: str) -> Any:
    # Compiling has no time limit of its own: what it may cost is bounded first.
    problem = pattern_problem(literal.text)
    if problem is not None:
        message, where = problem
        at = literal.position + (1 if literal.quoted else 0)
        if not literal.quoted or "\\" not in literal.text:
            at = min(at + where, literal.end or at)
        raise QueryError(message, text, at)
    try:
        return regex.compile(literal.text)
    except (regex.error, ValueError, OverflowError, RecursionError, MemoryError) as exc:
        reason = getattr(exc, "msg", None) or str(exc) or type(exc).__name__
        # Point into the pattern when it is written bare or has no escapes.
        at = literal.position + (1 if literal.quoted else 0)
        offset = getattr(exc, "pos", None)
        if isinstance(offset, int) and (not literal.quoted or "\\" not in literal.text):
            at = min(at + offset, literal.end or at)
        raise QueryError(f"invalid regular expression: {reason}", text, at) from None


# ---------------------------------------------------------------------------
# Step 2: plan
# ---------------------------------------------------------------------------


@attrs.define
class RegexClock:
    """The time left for one evaluation's regex searches (reset by :meth:`start`)."""

    deadline: float = 0.0

    def start(self) -> None:
        self.deadline = time.monotonic() + REGEX_BUDGET


@attrs.define
class MetaTable:
    """The ``meta.<name>`` values of the articles one evaluation sees (set by ``Query.evaluate``).

    ``values`` maps an article id to its metadata: lower-cased name -> the
    value's items (one item for a plain value, each item of a list).
    """

    values: dict[str, dict[str, tuple[str, ...]]] = attrs.field(factory=dict)


def meta_values(meta: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """An article's metadata as ``meta.<name>`` sees it (a JSON list is its items)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, value in meta:
        items: tuple[str, ...] = (value,)
        if value.startswith("[") and value.endswith("]"):
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if isinstance(parsed, list) and all(
                isinstance(x, str | int | float | bool) for x in parsed
            ):
                items = tuple(x if isinstance(x, str) else json.dumps(x) for x in parsed)
        out.setdefault(name.lower(), items)
    return out


def plan(
    kind: str,
    where: Node | None,
    lexicon: Lexicon,
    text: str,
    clock: RegexClock,
    meta: MetaTable | None = None,
) -> Predicate:
    """The predicate of a checked query for one lexicon."""
    builder = _Builder(kind, lexicon, text, clock, meta if meta is not None else MetaTable())
    cls, mention_type = CLASSES[kind]
    expression = builder.build(where) if where is not None else None
    sees_all_sections = where is not None and any(t.field == "section" for t in _tests(where))
    return _combine(
        None if cls is Claim else cls.kind,
        mention_type,
        None if sees_all_sections else DEFAULT_SECTIONS,
        expression,
    )


def _combine(
    kind: str | None,
    mention_type: str | None,
    sections: frozenset[str] | None,
    expression: Predicate | None,
) -> Predicate:
    # One closure per combination, so the common case pays no extra call.
    if kind is None and sections is None:
        return expression or _always
    if kind is None:
        assert sections is not None
        if expression is None:
            return lambda c: c.section in sections
        return lambda c: c.section in sections and expression(c)
    if mention_type is not None:
        if sections is None:
            if expression is None:
                return lambda c: c.kind == kind and c.type == mention_type  # type: ignore[attr-defined]
            return lambda c: (
                c.kind == kind and c.type == mention_type and expression(c)  # type: ignore[attr-defined]
            )
        if expression is None:
            return lambda c: (
                c.kind == kind and c.type == mention_type and c.section in sections  # type: ignore[attr-defined]
            )
        return lambda c: (
            c.kind == kind
            and c.type == mention_type  # type: ignore[attr-defined]
            and c.section in sections
            and expression(c)
        )
    if sections is None:
        if expression is None:
            return lambda c: c.kind == kind
        return lambda c: c.kind == kind and expression(c)
    if expression is None:
        return lambda c: c.kind == kind and c.section in sections
    return lambda c: c.kind == kind and c.section in sections and expression(c)


def _always(claim: Claim) -> bool:
    return True


def _never(claim: Claim) -> bool:
    return False


class _Builder:
    def __init__(
        self, kind: str, lexicon: Lexicon, text: str, clock: RegexClock, meta: MetaTable
    ) -> None:
        self.kind = kind
        self.lexicon = lexicon
        self.text = text
        self.clock = clock
        self.meta = meta

    def build(self, node: Node) -> Predicate:
        if isinstance(node, Not):
            inner = self.build(node.operand)
            return lambda c: not inner(c)
        if isinstance(node, And):
            return _all(tuple(self.build(o) for o in node.operands))
        if isinstance(node, Or):
            return _any(tuple(self.build(o) for o in node.operands))
        field = _field_of(self.kind, node, self.text)
        if field.meta:
            return self.build_meta(field, node)
        if isinstance(node, IsNull):
            get = operator.attrgetter(field.name)
            if node.negated:
                return lambda c: get(c) is not None
            return lambda c: get(c) is None
        if isinstance(node, In):
            return self.equals(field, node.values)
        op, literal = node.op, node.value
        if op == "=":
            return self.equals(field, (literal,))
        if op == "!=":
            equal = self.equals(field, (literal,))
            return lambda c: not equal(c)
        if op == "~":
            return self.search(field, literal)
        if op == "like":
            return self.like(field, literal)
        return self.order(field, op, literal)

    def build_meta(self, field: Field, node: Compare | In | IsNull) -> Predicate:
        """A test of ``meta.<name>``: text, true when any item of the value passes."""
        name = field.name[len(META_PREFIX) :]
        table = self.meta
        empty: dict[str, tuple[str, ...]] = {}

        def items(c: Claim) -> tuple[str, ...] | None:
            return table.values.get(c.article, empty).get(name)

        if isinstance(node, IsNull):
            if node.negated:
                return lambda c: items(c) is not None
            return lambda c: items(c) is None
        if isinstance(node, In) or node.op in ("=", "!="):
            literals = node.values if isinstance(node, In) else (node.value,)
            keys = frozenset(form_key(lit.text) for lit in literals) - {""}
            test: Callable[[str], bool] = lambda v: form_key(v) in keys  # noqa: E731
        elif node.op == "like":
            needle = form_key(node.value.text)
            test = lambda v: needle in form_key(v)  # noqa: E731
        else:  # "~" (check() allows no ordering on text)
            test = self.regex_test(field, node.value)
        memo: dict[str, bool] = {}

        def any_item(c: Claim) -> bool:
            values = items(c)
            if values is None:
                return False
            for v in values:
                hit = memo.get(v)
                if hit is None:
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    hit = memo[v] = test(v)
                if hit:
                    return True
            return False

        if isinstance(node, Compare) and node.op == "!=":
            return lambda c: not any_item(c)
        return any_item

    # -- one test per operator ------------------------------------------------

    def equals(self, field: Field, literals: tuple[Literal, ...]) -> Predicate:
        values = [convert(field, literal, self.text) for literal in literals]
        get = operator.attrgetter(field.name)
        if field.type == "enum":
            if field.name == "section" and ANY_SECTION in values:
                return _always
            choices = frozenset(values)
            return lambda c: get(c) in choices
        if field.type != "text":
            accepted = frozenset(values)
            if len(accepted) == 1:
                (only,) = accepted
                return lambda c: get(c) == only
            return lambda c: get(c) in accepted
        keys: set[str] = set()
        for value in values:
            keys |= self.alias_keys(field, value)
        frozen = frozenset(keys)
        if field.name in _LIST_FIELDS:
            # A statement's anchors and terms: the test holds for any of them.
            return lambda c: any(form_key(v) in frozen for v in get(c))
        return _memoized(field, lambda v: form_key(v) in frozen)

    def alias_keys(self, field: Field, value: str) -> set[str]:
        """The lookup key of ``value`` and of every alias of the entries it names."""
        keys = {form_key(value)}
        if field.name == "predicate":
            # predicate = ارتفع selects the family of the word, as rise does.
            from newsassert.extract.statement_words import predicate_key

            lang = "en" if value.isascii() else "ar"
            keys.add(form_key(predicate_key(form_key(value), lang)[0]))
        for lexicon_kind in field.lexicon:
            entry = self.lexicon.lookup(lexicon_kind, value)
            if entry is None:
                continue
            for other in self.lexicon.of_kind(lexicon_kind):
                if other.canonical == entry.canonical:
                    keys.update(form_key(f) for f in (other.canonical, *other.forms))
        keys.discard("")
        return keys

    def order(self, field: Field, op: str, literal: Literal) -> Predicate:
        bound = convert(field, literal, self.text)
        get = operator.attrgetter(field.name)
        compare = _ORDERING[op]
        if field.type == "date":
            # ISO dates order as text; anything else in the field is not a date.
            def dated(c: Claim) -> bool:
                v = get(c)
                return isinstance(v, str) and len(v) == 10 and compare(v, bound)

            return dated

        def numeric(c: Claim) -> bool:
            v = get(c)
            return v is not None and compare(v, bound)

        return numeric

    def like(self, field: Field, literal: Literal) -> Predicate:
        needle = form_key(literal.text)
        if field.names:
            from newsassert.names import names_match as match

            wanted = literal.text
            return _memoized(field, lambda v: needle in form_key(v) or match(v, wanted))
        return _memoized(field, lambda v: needle in form_key(v))

    def search(self, field: Field, literal: Literal) -> Predicate:
        get = operator.attrgetter(field.name)
        test = self.regex_test(field, literal)
        memo: dict[Any, bool] = {}

        def found(c: Claim) -> bool:
            v = get(c)
            if v is None:
                return False
            hit = memo.get(v)
            if hit is None:
                hit = test(str(v))
                if len(memo) >= _MEMO_SIZE:
                    memo.clear()
                memo[v] = hit
            return hit

        return found

    def regex_test(self, field: Field, literal: Literal) -> Callable[[str], bool]:
        """A ``~`` search of one text, within the time limits."""
        pattern = _compile_pattern(literal, self.text)
        clock, text = self.clock, self.text

        def search(v: str) -> bool:
            left = clock.deadline - time.monotonic()
            if left <= 0:
                raise RegexTimeoutError(
                    f"the regular expression searches took more than {REGEX_BUDGET:g} s "
                    "in all; narrow the query or simplify the pattern",
                    text,
                    literal.position,
                )
            try:
                return pattern.search(v, timeout=min(REGEX_TIMEOUT, left)) is not None
            except TimeoutError:
                raise RegexTimeoutError(
                    f"the regular expression took more than {REGEX_TIMEOUT:g} s on one "
                    f"claim's '{field.name}'; it may backtrack without end, simplify it",
                    text,
                    literal.position,
                ) from None

        return search


_LIST_FIELDS = frozenset({"anchors", "terms"})


def _memoized(field: Field, test: Callable[[str], bool]) -> Predicate:
    """A text test of ``field`` (and the fields it also consults), remembered per value."""
    memo: dict[str, bool] = {}

    def one(v: Any) -> bool:
        if v is None:
            return False
        hit = memo.get(v)
        if hit is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            hit = memo[v] = test(str(v))
        return hit

    get = operator.attrgetter(field.name)
    if not field.also:

        def single(c: Claim) -> bool:
            v = get(c)
            hit = memo.get(v)
            return hit if hit is not None else one(v)

        return single
    others = tuple(operator.attrgetter(name) for name in field.also)

    def several(c: Claim) -> bool:
        return one(get(c)) or any(one(g(c)) for g in others)

    return several


def _all(tests: tuple[Predicate, ...]) -> Predicate:
    if len(tests) == 2:
        a, b = tests
        return lambda c: a(c) and b(c)

    # A plain loop: all() over a generator costs a frame per claim.
    def every(c: Claim) -> bool:
        for test in tests:  # noqa: SIM110
            if not test(c):
                return False
        return True

    return every


def _any(tests: tuple[Predicate, ...]) -> Predicate:
    if len(tests) == 2:
        a, b = tests
        return lambda c: a(c) or b(c)

    def some(c: Claim) -> bool:
        for test in tests:  # noqa: SIM110
            if test(c):
                return True
        return False

    return some
