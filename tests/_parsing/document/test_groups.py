"""The story's armed group for its unnamed fighters (diplo_events._parsing.document.groups)."""

from __future__ import annotations

import diplo_events as de
from diplo_events import Statement, TerritorialChange

PUBLISHED = "2024-03-09"


def test_rebels_in_a_story_that_names_one_group_are_that_group() -> None:
    text = (
        "Rebels seized the town of Kuru on Friday.\n\n"
        "The Seleka alliance launched its offensive last week.\n\n"
        '"We hold Kuru," Rebel Colonel Ali Musa said.'
    )
    events = de.parse(text, published=PUBLISHED)
    [taken] = [e for e in events if isinstance(e, TerritorialChange)]
    assert taken.gainer is not None
    assert taken.gainer.organization == "Seleka"
    [said] = [e for e in events if isinstance(e, Statement)]
    assert said.speaker.organization == "Seleka"


def test_opposition_forces_are_not_the_group_they_fight() -> None:
    text = (
        "The Taliban took the town of Kuru on Friday.\n\n"
        "Opposition forces retook the town of Saraf on Saturday."
    )
    events = de.parse(text, published=PUBLISHED)
    gainers = [e.gainer for e in events if isinstance(e, TerritorialChange) and e.gainer]
    assert [g.organization for g in gainers] == ["Taliban", None]


def test_an_armed_group_described_not_named_is_the_story_s_one_group() -> None:
    import diplo_events as de

    text = (
        "An armed ethnic minority group in Myanmar has said it captured a town near the "
        "border.\n\n"
        "The Arakan Army said on Sunday that its fighters had seized the town of Paletwa."
    )
    changes = [e for e in de.parse(text, published="2024-01-16")
               if isinstance(e, de.TerritorialChange)]  # fmt: skip
    assert changes
    assert {c.gainer.organization for c in changes if c.gainer} == {"Arakan Army"}


def test_unnamed_rebels_in_a_story_about_one_state_are_that_state_s_rebels() -> None:
    import diplo_events as de

    text = (
        "Tajik government troops fought on in Tajikistan's north. Tajikistan said the "
        "fighting would end soon, and Tajikistan's army sent more troops.\n\n"
        "Rebel fighters seized the town of Kafia on Monday, the rebel leader said."
    )
    changes = [e for e in de.parse(text, published="2024-01-16")
               if isinstance(e, de.TerritorialChange)]  # fmt: skip
    assert [c.gainer.organization for c in changes if c.gainer] == ["Tajik rebels"]


def test_fighters_named_by_who_they_are_are_the_state_s_rebels() -> None:
    import diplo_events as de

    text = (
        "Fighting went on in Afghanistan's south. Afghanistan said its army held the roads, "
        "and Afghanistan's president flew to the front.\n\n"
        "Moslem guerrillas said they had captured the town of Terin Kot."
    )
    [s] = [e for e in de.parse(text, published="1990-03-05") if isinstance(e, de.Statement)
           and e.speaker.name == "Moslem guerrillas"]  # fmt: skip
    assert s.speaker.organization == "Afghan rebels"
