"""Queries of the query language, each with the test a claim must pass to be selected."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from newsassert.strategies._text import person_names
from newsassert.strategies._words import _check_choice


def queries(*, kinds: Sequence[str] | None = None) -> SearchStrategy[str]:
    """Valid query DSL text: a kind and, usually, a ``where`` expression.

    Fields are those of the kind, each compared with values of its type
    (numbers, ISO dates, enum choices, quoted or bare text, regular
    expressions for ``~``, names for ``like``), combined with ``and``,
    ``or``, ``not`` and parentheses.

    :param kinds: the kinds to start queries with (every kind when ``None``).
    """
    from newsassert.query.fields import QUERY_KINDS

    if kinds is not None:
        for kind in kinds:
            _check_choice("kinds", kind, QUERY_KINDS)
        if not kinds:
            raise InvalidArgument("kinds= must name at least one kind")
    chosen = tuple(kinds) if kinds is not None else QUERY_KINDS
    return st.sampled_from(chosen).flatmap(_query_of)


@functools.cache
def _query_of(kind: str) -> SearchStrategy[str]:
    from newsassert.query.fields import fields_of

    fields = list(fields_of(kind).values())
    test = st.sampled_from(fields).flatmap(_test_of)
    expression = st.recursive(
        test,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from((" and ", " or ", " AND ")), inner).map(
                lambda t: f"{t[0]}{t[1]}{t[2]}"
            ),
            inner.map(lambda e: f"not {e}"),
            inner.map(lambda e: f"({e})"),
        ),
        max_leaves=6,
    )
    return st.one_of(st.just(kind), expression.map(lambda e: f"{kind} where {e}"))


_BARE = st.text(alphabet="abcdefghijklmnopqrstuvwxyzالعراقسوريا-", min_size=1, max_size=10).filter(
    lambda w: (
        w.lower() not in {"where", "and", "or", "not", "in", "is", "null", "like"}
        and not w.startswith("-")
        and not w.endswith("-")
    )
)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


_STRING = st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=12).map(
    lambda s: f'"{_escape(s)}"'
)


_REGEX = st.sampled_from(("^a", "ا$", "[0-9]+", "al-?", "(foo|bar)", ".*", "\\d{2}"))


def _number_text() -> SearchStrategy[str]:
    return st.one_of(
        st.integers(-10, 10**6).map(str),
        st.decimals(0, 10**4, places=2, allow_nan=False, allow_infinity=False).map(str),
    )


def _date_text() -> SearchStrategy[str]:
    return st.dates().filter(lambda d: d.year >= 1000).map(lambda d: d.isoformat())


def _test_of(field: Any) -> SearchStrategy[str]:
    name = field.name
    null = st.sampled_from((f"{name} is null", f"{name} is not null"))
    if field.type in ("number", "date"):
        value = _number_text() if field.type == "number" else _date_text()
        compare = st.tuples(st.sampled_from(("=", "!=", "<", "<=", ">", ">=")), value).map(
            lambda t: f"{name} {t[0]} {t[1]}"
        )
        members = st.lists(value, min_size=1, max_size=3).map(
            lambda vs: f"{name} in [{', '.join(vs)}]"
        )
        return st.one_of(compare, members, null)
    if field.type == "bool":
        return st.tuples(st.sampled_from(("=", "!=")), st.sampled_from(("true", "false"))).map(
            lambda t: f"{name} {t[0]} {t[1]}"
        )
    if field.type == "enum":
        choice = st.sampled_from(field.choices)
        return st.one_of(
            st.tuples(st.sampled_from(("=", "!=")), choice).map(lambda t: f"{name} {t[0]} {t[1]}"),
            st.lists(choice, min_size=1, max_size=3).map(lambda vs: f"{name} in [{', '.join(vs)}]"),
        )
    value = st.one_of(_BARE, _STRING)
    tests = [
        st.tuples(st.sampled_from(("=", "!=")), value).map(lambda t: f"{name} {t[0]} {t[1]}"),
        _REGEX.map(lambda r: f'{name} ~ "{_escape(r)}"'),
        st.lists(value, min_size=1, max_size=3).map(lambda vs: f"{name} in [{', '.join(vs)}]"),
        null,
    ]
    if field.names:
        tests.append(person_names().map(lambda n: f'{name} like "{n}"'))
    return st.one_of(tests)
