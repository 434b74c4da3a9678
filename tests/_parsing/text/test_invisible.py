"""Tests for reading words without their invisible characters, and mapping offsets back."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from diplo_events._parsing.text.invisible import INVISIBLE, join_words

_INSIDE = re.compile(f"(?<=\\w)[{INVISIBLE}]+(?=\\w)")


def test_text_without_them_is_left_alone() -> None:
    assert join_words("Russia met China.") is None
    assert join_words("Russia \u00admet\u200b China.") is None  # not inside a word


def test_they_are_removed_from_words_and_offsets_map_back() -> None:
    text = "Rus\u00adsia met Chi\u200b\u200bna."
    joined = join_words(text)
    assert joined is not None
    assert joined.text == "Russia met China."
    russia = (joined.start(0), joined.end(6))
    china = (joined.start(11), joined.end(16))
    assert text[russia[0] : russia[1]] == "Rus\u00adsia"
    assert text[china[0] : china[1]] == "Chi\u200b\u200bna"
    assert (joined.start(3), joined.end(3)) == (4, 3)  # "s" after the soft hyphen; "Rus"
    assert joined.end(0) == 0
    assert joined.start(len(joined.text)) == len(text)


_pieces = st.lists(
    st.one_of(
        st.sampled_from(["Rus", "sia", " ", "a", "1", ".", "\n", "\u00e9"]),
        st.sampled_from(list(INVISIBLE)),
    ),
    max_size=30,
).map("".join)


@given(_pieces, st.data())
def test_every_span_maps_to_the_same_text_with_its_invisible_characters(
    text: str, data: st.DataObject
) -> None:
    joined = join_words(text)
    if joined is None:
        assert _INSIDE.search(text) is None
        return
    assert joined.text == _INSIDE.sub("", text)
    start = data.draw(st.integers(0, len(joined.text)))
    end = data.draw(st.integers(start, len(joined.text)))
    if start < end:
        a, b = joined.start(start), joined.end(end)
        assert _INSIDE.sub("", text[a:b]) == joined.text[start:end]
        assert text[a] == joined.text[start]
        assert text[b - 1] == joined.text[end - 1]
