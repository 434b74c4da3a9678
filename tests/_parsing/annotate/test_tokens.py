"""Tokens (diplo_events._parsing.annotate.tokens): words, abbreviations, initials."""

from __future__ import annotations

import pytest

from diplo_events._parsing.annotate.tokens import tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. troops left.", ["U.S.", "troops", "left", "."]),
        ("He met H.E Dr. Ali Musa.", ["He", "met", "H.E", "Dr.", "Ali", "Musa", "."]),
        ("Chile's envoy", ["Chile", "'s", "envoy"]),
        # a hyphen a copy left before a space still joins; a suspended one does not
        ("held delegation- level talks", ["held", "delegation- level", "talks"]),
        ("pro- and anti-war groups", ["pro", "-", "and", "anti-war", "groups"]),
    ],
)
def test_initials_abbreviations_and_possessives(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_offsets_point_into_the_text() -> None:
    text = "H.E Dr. Ali Musa met the U.N. envoy."
    for t in tokenize(text, 0, len(text)):
        assert text[t.start : t.end] == t.text
