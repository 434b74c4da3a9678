"""Tests of the state a capture was made against when the sentence does not say
(diplo_events._parsing.document.losers), through :func:`diplo_events.parse`."""

from __future__ import annotations

import diplo_events as de
from diplo_events import TerritorialChange


def _changes(text: str) -> list[TerritorialChange]:
    return [e for e in de.parse(text, published="2024-03-06") if isinstance(e, TerritorialChange)]


def test_fighters_of_no_state_take_ground_from_the_state_it_lies_in() -> None:
    text = (
        "Mali's army is under pressure in the north, and Mali has asked for help.\n\n"
        "Rebels seized the village of Tessit on Sunday."
    )
    [c] = _changes(text)
    assert c.loser is not None
    assert (c.loser.country, c.loser.kind.value, c.loser.mention) == ("MLI", "state", None)


def test_a_state_taking_ground_gets_no_loser_made_up() -> None:
    [c] = _changes("Kenyan troops seized the village of Tessit on Sunday.")
    assert c.loser is None


def test_peacekeepers_take_no_ground_from_the_state() -> None:
    text = (
        "MOGADISHU, Somalia - African Union peacekeepers took control of the village of Bulo "
        "Marer on Monday."
    )
    [c] = _changes(text)
    assert c.loser is None
