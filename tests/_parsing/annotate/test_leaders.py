"""Leaders by name: the state a named leader served in the story's year."""

from __future__ import annotations

import pytest

import diplo_events as de
from diplo_events._parsing.annotate.gazetteer import read_data_file
from diplo_events._parsing.annotate.leaders import leaders, state_of


@pytest.mark.parametrize(
    ("name", "year", "state"),
    [
        ("Angela Merkel", 2010, "DEU"),
        ("Merkel", 2010, "DEU"),  # the family name alone, in her years
        ("Merkel", 1990, None),  # before them
        ("Warren M. Christopher", 1994, "USA"),  # a middle initial
        ("Duran-Ballen", 1995, "ECU"),  # two family names, hyphenated
        ("Maliki", 2008, "IRQ"),  # "al-Maliki" without its article
        ("Xi", 2020, "CHN"),  # family name first
        ("Jane Q. Nobody", 2020, None),
    ],
)
def test_a_leader_is_found_by_name_in_the_years_served(
    name: str, year: int, state: str | None
) -> None:
    assert state_of(name, year) == state


def test_a_name_two_states_share_gives_none() -> None:
    table = leaders()
    shared = next(
        (family, {t.state for t in terms})
        for family, terms in table.by_family.items()
        if len({t.state for t in terms if t.end is None or t.end >= 2000}) > 1
    )
    assert state_of(shared[0], None) is None


def test_every_row_is_well_formed() -> None:
    for row in read_data_file("leaders.tsv"):
        name, _aliases, state, office, start, end = (row + [""] * 6)[:6]
        assert name.strip(), row
        assert len(state) == 3, row
        assert state.isupper(), row
        assert office in ("head_of_state", "head_of_government", "foreign_minister",
                          "defence_minister"), row  # fmt: skip
        assert start.isdigit(), row
        assert not end or int(start) <= int(end), row


def test_a_titled_leader_named_by_family_name_speaks_for_the_state() -> None:
    [said] = de.parse(
        "Chancellor Merkel said the talks in Berlin had been useful.", published="2018-07-05"
    )
    assert isinstance(said, de.Statement)
    assert said.speaker.country == "DEU"
