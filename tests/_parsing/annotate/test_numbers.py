"""Tests of counts in text (diplo_events._parsing.annotate.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events._parsing.annotate.numbers import count_before, find_counts, parse_number

TROOPS = "troops|soldiers|men and women"
SHIPS = "ships|warships"


@pytest.mark.parametrize(
    ("text", "nouns", "expected"),
    [
        ("about 2,500 troops took part", TROOPS, [2500]),
        ("more than 40 ships sailed", SHIPS, [40]),
        ("thousands of troops took part", TROOPS, []),
        ("dozens of warships sailed", SHIPS, []),
        ("some 1 million soldiers serve", TROOPS, [1_000_000]),
        ("1.5 million soldiers", TROOPS, [1_500_000]),
        ("some 300 Russian and Tajik troops", TROOPS, [300]),
        ("twenty-five soldiers", TROOPS, [25]),
        ("a dozen warships", SHIPS, [12]),
        ("12 ships and 3,000 troops", TROOPS, [3000]),
        ("12 ships and 3,000 troops", SHIPS, [12]),
        ("2,500 troops and 1,200 soldiers", TROOPS, [2500, 1200]),
        ("the troops left", TROOPS, []),
        ("2.5 troops", TROOPS, []),  # not a whole number
    ],
)
def test_find_counts(text: str, nouns: str, expected: list[int]) -> None:
    assert find_counts(text, nouns) == expected


def test_find_counts_respects_the_range() -> None:
    text = "100 troops here. 200 troops there."
    assert find_counts(text, TROOPS, 17) == [200]
    assert find_counts(text, TROOPS, 0, 16) == [100]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 12 of Afghanistan's 34 provincial capitals", 12),
        (" at least 3 towns", 3),
        (" another two towns", 2),
        (" three hundred villages", 300),
        (" the town", None),
        ("", None),
    ],
)
def test_count_before(text: str, expected: int | None) -> None:
    assert count_before(text, 0, len(text)) == expected


@pytest.mark.parametrize(
    ("num", "scale", "expected"),
    [
        ("2,500", None, 2500),
        ("40", None, 40),
        ("forty-two", None, 42),
        ("Twelve", None, 12),
        ("1.5", "million", 1_500_000),
        ("3", "Thousand", 3000),
        ("2.5", None, None),
        ("umpteen", None, None),
    ],
)
def test_parse_number(num: str, scale: str | None, expected: int | None) -> None:
    assert parse_number(num, scale) == expected


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_thousands_separators_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert find_counts(f"about {n:,} troops", TROOPS) == [n]


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    for value in find_counts(text, TROOPS):
        assert value >= 0
    leading = count_before(text, 0, len(text))
    assert leading is None or leading >= 0
