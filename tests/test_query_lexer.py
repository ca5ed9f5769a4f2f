from __future__ import annotations

import pytest

from newsassert.errors import QueryError
from newsassert.query.lexer import Token, tokenize


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.type, t.value) for t in tokenize(text)]


def test_tokens_carry_type_value_and_offsets() -> None:
    tokens = tokenize('quantity where value>=2500 and unit in ["soldier", جندي]')
    assert [(t.type, t.value, t.start, t.end) for t in tokens[:5]] == [
        ("word", "quantity", 0, 8),
        ("word", "where", 9, 14),
        ("word", "value", 15, 20),
        ("op", ">=", 20, 22),
        ("word", "2500", 22, 26),
    ]
    assert [t.type for t in tokens[8:]] == ["lbrack", "string", "comma", "word", "rbrack", "eof"]
    assert tokens[-1] == Token("eof", "", 56, 56)


def test_operators_are_read_longest_first() -> None:
    assert kinds("a<=b>=c!=d<e>f=g~h")[1::2] == [
        ("op", "<="),
        ("op", ">="),
        ("op", "!="),
        ("op", "<"),
        ("op", ">"),
        ("op", "="),
        ("op", "~"),
        ("eof", ""),
    ]


def test_bare_words_take_names_numbers_and_dates_whole() -> None:
    words = [v for t, v in kinds("Al-Sudani -1.5 2024-01-27 O'Brien ٢٥٠٠ مُحَمَّد 3:30") if t == "word"]
    assert words == ["Al-Sudani", "-1.5", "2024-01-27", "O'Brien", "٢٥٠٠", "مُحَمَّد", "3:30"]


def test_strings_unescape_quotes_and_backslashes() -> None:
    (token, _eof) = tokenize(r'"say \"hi\" \\ \n"')
    assert token.type == "string"
    assert token.value == 'say "hi" \\ \n'


def test_keywords_are_words_recognized_in_any_case() -> None:
    tokens = tokenize('WHERE Not "and"')
    assert [t.keyword for t in tokens[:3]] == ["where", "not", None]


def test_bidi_marks_and_unicode_spaces_separate_tokens() -> None:
    assert kinds("\u200fplace\u00a0where\u2066name = العراق\u2069")[:3] == [
        ("word", "place"),
        ("word", "where"),
        ("word", "name"),
    ]


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("a = $", "unexpected character '$'", 4),
        ("a = \x00", "unexpected character U+0000", 4),
        ("a ! b", "unexpected character '!'; did you mean '!='?", 2),
        ('a = "open', "unclosed '\"'", 4),
        ('a = "x\\q"', "unknown escape '\\q' in a string; use \\\" or \\\\", 6),
    ],
)
def test_lexer_errors_point_at_the_character(text: str, message: str, position: int) -> None:
    with pytest.raises(QueryError) as raised:
        tokenize(text)
    assert (raised.value.message, raised.value.position) == (message, position)


def test_a_long_describe_is_shortened() -> None:
    token = tokenize("x" * 100)[0]
    assert token.describe() == "'" + "x" * 27 + "...'"
