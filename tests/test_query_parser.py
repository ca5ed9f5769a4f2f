from __future__ import annotations

import time

import pytest

from newsassert import compile_query
from newsassert.errors import QueryError
from newsassert.query.ast import And, Compare, In, IsNull, Literal, Not, Or
from newsassert.query.parser import MAX_DEPTH, parse


def lit(text: str) -> Literal:
    return Literal(text)


def test_precedence_not_over_and_over_or() -> None:
    _, tree = parse("quantity where not value = 1 and unit = x or place = y")
    assert tree == Or(
        (
            And((Not(Compare("value", "=", lit("1"))), Compare("unit", "=", lit("x")))),
            Compare("place", "=", lit("y")),
        )
    )


def test_chains_are_flat_whatever_the_parentheses() -> None:
    flat = parse("claim where a = 1 and b = 2 and c = 3")[1]
    assert parse("claim where a = 1 and (b = 2 and c = 3)")[1] == flat
    assert parse("claim where ((a = 1) and b = 2) and c = 3")[1] == flat
    assert isinstance(flat, And) and len(flat.operands) == 3


def test_in_and_is_null_tests() -> None:
    _, tree = parse('claim where lang in [ar, "en"] and outlet is not null and published is null')
    assert tree == And(
        (
            In("lang", (lit("ar"), lit("en"))),
            IsNull("outlet", negated=True),
            IsNull("published", negated=False),
        )
    )


def test_equality_ignores_positions_case_spacing_and_quoting() -> None:
    a = compile_query('QUANTITY  WHERE Unit = "soldier"  AND (value>3)')
    b = compile_query("quantity where unit = soldier and value > 3")
    assert a == b and hash(a) == hash(b)
    assert a.text != b.text
    assert a.unparse() == "quantity where unit = soldier and value > 3"


@pytest.mark.parametrize(
    "canonical",
    [
        "quantity",
        "quantity where unit = soldier and (place = Iraq or value >= 1000)",
        "quantity where not (value = 1 and unit = x)",
        "quantity where not not value = 1",
        'role where title = "prime minister" and person like Al-Sudani',
        'claim where text ~ "\\\\d+ \\"x\\"" or lang in [ar, en]',
        'claim where text = "and" or text = "" or text = "a,b"',
        "place where name = العراق",
        "date where resolved >= 2024-01-01 and relative is not null",
    ],
)
def test_canonical_text_is_a_fixed_point(canonical: str) -> None:
    query = compile_query(canonical)
    assert query.unparse() == canonical
    assert compile_query(query.unparse()) == query


def test_ten_thousand_parentheses_are_an_error_not_a_crash() -> None:
    text = "quantity where " + "(" * 10_000 + "value = 1" + ")" * 10_000
    with pytest.raises(QueryError) as raised:
        compile_query(text)
    assert "nests too deeply" in raised.value.message
    assert raised.value.position == len("quantity where ") + MAX_DEPTH


def test_the_depth_limit_is_exact() -> None:
    ok = "quantity where " + "(" * MAX_DEPTH + "value = 1" + ")" * MAX_DEPTH
    assert compile_query(ok).where == Compare("value", "=", lit("1"))
    nots = "quantity where " + "not " * MAX_DEPTH + "value = 1"
    assert compile_query(nots).unparse() == nots
    with pytest.raises(QueryError):
        compile_query("quantity where not " + nots[len("quantity where ") :])


def test_a_megabyte_query_fails_fast_with_a_position() -> None:
    long_and = "quantity where " + " and ".join(["value = 1"] * 10_000)
    start = time.perf_counter()
    query = compile_query(long_and)  # long, flat, fine
    assert isinstance(query.where, And) and len(query.where.operands) == 10_000
    for text in ("x" * 1_000_000, "quantity where unit = " + "a" * 1_000_000 + " )"):
        with pytest.raises(QueryError) as raised:
            compile_query(text)
        assert 0 <= raised.value.position <= len(text)
        assert len(str(raised.value)) < 400  # the caret window, not the megabyte
    assert time.perf_counter() - start < 10


def test_the_error_renders_the_query_with_a_caret() -> None:
    with pytest.raises(QueryError) as raised:
        compile_query("quantity where unit =")
    assert str(raised.value) == (
        "expected a value after '=', got end of query (at column 22)\n"
        "  quantity where unit =\n"
        "                       ^"
    )


def test_compile_is_cached() -> None:
    assert compile_query("date where year = 2024") is compile_query("date where year = 2024")
