"""Hypothesis properties of the query language: totality and the round trip."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsassert import compile_query
from newsassert.errors import QueryError
from newsassert.lexicon import Lexicon
from newsassert.model import claim_from_dict
from newsassert.query.fields import QUERY_KINDS, Field, fields_of

# The pieces queries are made of, so that random text often gets deep into
# the parser instead of failing at the first character.
PIECES = (
    "quantity", "person", "role", "date", "where", "and", "or", "not", "(", ")", "[", "]",
    ",", "=", "!=", "<", "<=", ">", ">=", "~", "like", "in", "is", "null", "value", "unit",
    "name", "published", "section", "soldier", "2500", "2024-01-27", '"prime minister"',
    '"', "\\", "العراق", "\u200f", "\x00", " ", "any", "true",
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(st.sampled_from(PIECES)).map(" ".join)))
def test_any_text_compiles_or_raises_a_query_error(text: str) -> None:
    try:
        query = compile_query(text)
    except QueryError as error:
        assert 0 <= error.position <= len(text)
        assert error.message and "\n" not in error.message
        str(error)  # renders
    else:
        assert compile_query(query.unparse()) == query


# -- generated valid queries ------------------------------------------------------------

_text_values = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)


def _value(field: Field, op: str) -> st.SearchStrategy[str]:
    if op == "~":
        return _text_values.map(regex.escape)
    if field.type == "number":
        return st.one_of(
            st.integers(-(10**6), 10**6).map(str),
            st.floats(allow_nan=False, allow_infinity=False).map(repr),
        )
    if field.type == "date":
        return st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)).map(dt.date.isoformat)
    if field.type == "bool":
        return st.sampled_from(["true", "false"])
    if field.type == "enum" and op in ("=", "!=", "in"):
        return st.sampled_from(field.choices)
    return _text_values


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def _test(draw: st.DrawFn, kind: str) -> str:
    field = draw(st.sampled_from(sorted(fields_of(kind).values(), key=lambda f: f.name)))
    ops = {
        "number": ["=", "!=", "<", "<=", ">", ">=", "in", "null"],
        "date": ["=", "!=", "<", "<=", ">", ">=", "~", "in", "null"],
        "bool": ["=", "!=", "in", "null"],
    }.get(field.type, ["=", "!=", "~", "like", "in", "null"])
    op = draw(st.sampled_from(ops))
    if op == "null":
        return f"{field.name} is {draw(st.sampled_from(['', 'not ']))}null"
    if op == "in":
        values = draw(st.lists(_value(field, "in"), min_size=1, max_size=3))
        return f"{field.name} in [{', '.join(_quote(v) for v in values)}]"
    return f"{field.name} {op} {_quote(draw(_value(field, op)))}"


@st.composite
def queries(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(QUERY_KINDS))
    expression = st.recursive(
        _test(kind),
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from([" and ", " or "]), inner).map(
                lambda t: f"({t[0]}){t[1]}({t[2]})"
            ),
            inner.map(lambda e: f"not ({e})"),
        ),
        max_leaves=6,
    )
    where = draw(st.none() | expression)
    return kind if where is None else f"{kind} where {where}"


CLAIMS = tuple(
    claim_from_dict(record)
    for record in json.loads(
        (Path(__file__).parent / "compliance" / "kinds.json").read_text(encoding="utf-8")
    )["given"]
)


@given(queries())
def test_generated_queries_unparse_and_parse_back_to_themselves(text: str) -> None:
    query = compile_query(text)
    canonical = query.unparse()
    again = compile_query(canonical)
    assert again == query
    assert again.unparse() == canonical
    lexicon = Lexicon([])
    assert again.evaluate(CLAIMS, lexicon) == query.evaluate(CLAIMS, lexicon)
