"""Tests of the states filled in for events told with no place
(diplo_events._parsing.document.whereabouts), through :func:`diplo_events.parse`."""

from __future__ import annotations

import diplo_events as de
from diplo_events import LocationKind, MilitaryExercise, TerritorialChange

DAY = "2024-03-06"


def _one(text: str, kind: type[de.Event]) -> de.Event:
    [event] = [e for e in de.parse(text, published=DAY) if isinstance(e, kind)]
    return event


def test_an_exercise_of_one_state_is_held_in_that_state() -> None:
    drill = _one("Iranian troops began a large drill on Monday.", MilitaryExercise)
    assert drill.location is not None
    assert (drill.location.country, drill.location.kind, drill.location.mention) == (
        "IRN",
        LocationKind.COUNTRY,
        None,
    )


def test_a_joint_exercise_gets_no_state_when_the_story_has_none_of_its_own() -> None:
    drill = _one("Nepalese and Bhutanese troops began a joint drill on Monday.", MilitaryExercise)
    assert drill.location is None


def test_a_state_filled_in_never_keeps_two_tellings_apart() -> None:
    text = (
        "Russian troops began the Steppe Shield drills on Monday.\n\n"
        "The Steppe Shield drills, held in Belarus, will last a week."
    )
    drill = _one(text, MilitaryExercise)
    assert drill.location is not None
    assert (drill.location.name, drill.location.country) == ("Belarus", "BLR")


def test_ground_lost_with_no_place_named_lies_in_the_state_the_story_is_about() -> None:
    text = (
        "Mali's army is under pressure in the north, and Mali has asked for help.\n\n"
        "On Sunday, government troops retreated after a brief exchange of fire."
    )
    changes = [e for e in de.parse(text, published=DAY) if isinstance(e, TerritorialChange)]
    retreat = next(e for e in changes if "retreated" in e.evidence[0].text)
    assert retreat.location is not None
    assert retreat.location.country == "MLI"


def test_a_dateline_abroad_places_no_ground() -> None:
    text = (
        "WASHINGTON (Reuters) - Rebels seized the village of Um Kadada on Sunday, a State "
        "Department spokesman said."
    )
    taken = _one(text, TerritorialChange)
    assert isinstance(taken, TerritorialChange)
    assert taken.location is not None
    assert taken.location.country is None
    assert taken.loser is None


def test_a_one_state_exercise_told_from_another_state_is_not_placed_at_home() -> None:
    text = (
        "SEOUL - A U.S. aircraft carrier group held drills on Tuesday, South Korea's military said."
    )
    drill = _one(text, MilitaryExercise)
    assert drill.location is None


def test_a_place_of_no_known_state_is_left_as_told() -> None:
    taken = _one("Rebels seized the village of Xanadoo on Sunday.", TerritorialChange)
    assert taken.location is not None
    assert (taken.location.name, taken.location.country) == ("Xanadoo", None)
