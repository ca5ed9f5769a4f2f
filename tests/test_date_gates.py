"""The date reader's word gate finds the same words at the start of a text as after a space."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsassert.readers.date_pattern import _gate_words, _word_gate

_WORDS = sorted(_gate_words())
_SPACES = st.text(alphabet=" \n\t", min_size=1, max_size=40)
_PIECES = st.one_of(st.sampled_from(_WORDS), st.sampled_from(["x", "thursdays", "٣", "الى"]))


@given(st.lists(st.tuples(_PIECES, _SPACES), min_size=1, max_size=4))
def test_a_gate_at_the_start_is_the_gate_after_a_space(parts: list[tuple[str, str]]) -> None:
    # A word at the very start is read from a short copy of the text's head; a
    # run of spaces inside a phrase must not cut it there.
    text = "".join(word + space for word, space in parts).replace("_", " ")
    at_start = _word_gate(text, 0, len(text))
    shifted = _word_gate(" " + text, 1, len(text) + 1)
    assert at_start == (None if shifted is None else (shifted[0] - 1, shifted[1] - 1))


def test_a_phrase_with_a_run_of_spaces_is_one_gate() -> None:
    text = "last  \n\n   " + " " * 200 + "thursday we met"
    assert _word_gate(text, 0, len(text)) == (0, text.index(" we"))
