"""Whole articles written for these tests, in the styles of different wire services and
regions, with the events a careful analyst would code from them."""

from __future__ import annotations

import datetime as dt

import diplo_events as de
from diplo_events import (
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)

SUDAN = """\
Sudan's paramilitary Rapid Support Forces (RSF) said on Tuesday they had seized \
El Fasher, the last major city in Darfur held by the army.

The United Nations Secretary-General Antonio Guterres condemned the attack and urged both sides \
to return to talks in Jeddah. The African Union also called for an immediate ceasefire.

Army chief Abdel Fattah al-Burhan visited Cairo on Wednesday for talks with Egyptian President \
Abdel Fattah al-Sisi, the Egyptian presidency said.
"""

DRILLS = """\
Tokyo, 14 February 2024 (Kyodo): Japan and the Philippines held their first joint naval drills \
in the South China Sea on Thursday, the Japanese Defense Ministry said.

The exercise, involving two destroyers and a patrol aircraft, took place near Scarborough Shoal. \
China's foreign ministry spokesperson Wang Wenbin condemned the drills as "provocative" at a \
regular press conference in Beijing.
"""

CONGO = """\
Congolese President Felix Tshisekedi received Angolan President Joao Lourenco in Kinshasa on \
Tuesday for talks on the conflict in the east.

The M23 rebels, which the United Nations says are backed by Rwanda, have captured several towns \
in North Kivu, including Rubaya and Shasha. Rwanda denies supporting the group.
"""


def _realized(events: list[de.Event], cls: type[de.Event]) -> list[de.Event]:
    return [e for e in events if isinstance(e, cls) and e.modality is Modality.REALIZED]


def test_sudan_capture_is_by_the_named_armed_group() -> None:
    events = de.parse(SUDAN, published="2024-10-30")
    [capture] = _realized(events, TerritorialChange)
    assert isinstance(capture, TerritorialChange)
    assert capture.kind is TerritorialChangeKind.CAPTURE
    assert capture.gainer is not None
    assert capture.gainer.organization == "RSF"
    assert [p.name for p in capture.places] == ["El Fasher"]
    assert capture.date is not None
    assert capture.date.start == dt.date(2024, 10, 29)


def test_sudan_statements_and_visit() -> None:
    events = de.parse(SUDAN, published="2024-10-30")
    speakers = {
        s.speaker.organization or s.speaker.country
        for s in _realized(events, Statement)
        if isinstance(s, Statement)
    }
    assert {"RSF", "UN", "AU", "EGY"} <= speakers
    [visit] = _realized(events, Meeting)
    assert isinstance(visit, Meeting)
    assert visit.location is not None
    assert visit.location.name == "Cairo"
    assert "EGY" in {p.country for p in visit.participants}


def test_condemning_drills_is_no_part_in_them() -> None:
    events = de.parse(DRILLS, published="2024-02-16")
    [drill] = _realized(events, MilitaryExercise)
    assert isinstance(drill, MilitaryExercise)
    assert {p.country for p in drill.participants} == {"JPN", "PHL"}
    assert drill.cameo == "062"
    assert drill.location is not None
    assert drill.location.name != "Beijing"
    assert len(drill.evidence) == 3  # the report, the details and the reaction


def test_inserted_clause_does_not_take_the_capture() -> None:
    events = de.parse(CONGO, published="2024-03-20")
    [capture] = _realized(events, TerritorialChange)
    assert isinstance(capture, TerritorialChange)
    assert capture.gainer is not None
    assert capture.gainer.organization == "M23"
    assert capture.loser is not None
    assert capture.loser.country == "COD"
    assert {p.name for p in capture.places} == {"Rubaya", "Shasha"}
    [meeting] = _realized(events, Meeting)
    assert isinstance(meeting, Meeting)
    assert sorted(p.country or "" for p in meeting.participants) == ["AGO", "COD"]


NATO = """\
BRUSSELS, June 14 (Reuters) - NATO defence ministers met in Brussels on Thursday to discuss \
support for Ukraine.

In the south, Israeli forces withdrew from the Nasser hospital complex after a two-week \
operation, the military said.
"""


def test_members_of_one_body_meet() -> None:
    events = de.parse(NATO, published="2024-06-14")
    [meeting] = _realized(events, Meeting)
    assert isinstance(meeting, Meeting)
    assert [p.organization for p in meeting.participants] == ["NATO"]
    assert meeting.location is not None
    assert meeting.location.country == "BEL"
    assert meeting.date is not None
    assert meeting.date.start == dt.date(2024, 6, 13)


def test_the_military_is_the_forces_named_before() -> None:
    events = de.parse(NATO, published="2024-06-14")
    [withdrawal] = _realized(events, TerritorialChange)
    assert isinstance(withdrawal, TerritorialChange)
    assert [p.name for p in withdrawal.places] == ["Nasser hospital complex"]
    assert withdrawal.loser is not None
    assert withdrawal.loser.country == "ISR"
    speakers = [s.speaker.country for s in _realized(events, Statement) if isinstance(s, Statement)]
    assert speakers == ["ISR"]
