"""Phoenix-style CAMEO dyads: the dyad rule, its line count and the TSV form."""

from __future__ import annotations

import csv
import io

import pytest
from export_helpers import CHILE, EVIDENCE, NORWAY, PERU, city, day, document, person, state
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.export import PHOENIX_COLUMNS, dyads, write_phoenix
from diplo_events.export.plover import visit_sides
from diplo_events.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    Meeting,
    MilitaryExercise,
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events.strategies import documents

RUSSIA = state("Russia", "RUS")
TALIBAN = Actor(name="Taliban", kind=ActorKind.ARMED_GROUP, organization="Taliban")


def expected_lines(event: Event) -> int:
    """The documented dyad formula."""
    if isinstance(event, Meeting) and (sides := visit_sides(event)) is not None:
        visitors, hosts = sides
        return 2 * len(visitors) * len(hosts)
    if isinstance(event, Meeting | MilitaryExercise):
        n = len(event.participants)
        return n * (n - 1) if n >= 2 else 1
    return 1


def _tsv(docs: list[Document] | Document, *, header: bool = True) -> str:
    out = io.StringIO(newline="")
    write_phoenix(docs, out, header=header)
    return out.getvalue()


def pairs(docs: Document) -> list[tuple[str, str, str]]:
    return [(d["SourceActorName"], d["TargetActorName"], d["EventCode"]) for d in dyads(docs)]


@given(st.lists(documents(), max_size=3))
def test_line_count_follows_the_dyad_formula(docs: list[Document]) -> None:
    expected = sum(expected_lines(event) for doc in docs for event in doc.events)
    assert len(list(dyads(docs))) == expected


@given(st.lists(documents(), max_size=3))
def test_tsv_reads_back_as_the_dyads(docs: list[Document]) -> None:
    lines = _tsv(docs).split("\n")
    assert lines.pop() == ""  # every line ends with "\n"
    read = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert read[0] == list(PHOENIX_COLUMNS)
    assert read[1:] == [list(dyad.values()) for dyad in dyads(docs)]
    assert all(len(row) == len(PHOENIX_COLUMNS) for row in read)


def test_meeting_of_three_states_gives_every_ordered_pair() -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY, CHILE, PERU], cameo="040")
    assert pairs(document(meeting)) == [
        ("Norway", "Chile", "040"),
        ("Norway", "Peru", "040"),
        ("Chile", "Norway", "040"),
        ("Chile", "Peru", "040"),
        ("Peru", "Norway", "040"),
        ("Peru", "Chile", "040"),
    ]


def test_visit_gives_visit_and_host_codes() -> None:
    visit = Meeting(
        id="v",
        evidence=EVIDENCE,
        participants=[TALIBAN, RUSSIA],
        location=city("Moscow", "RUS"),
        cameo="042",
    )
    assert pairs(document(visit)) == [("Taliban", "Russia", "042"), ("Russia", "Taliban", "043")]


def test_single_party_events_give_one_line_without_a_target() -> None:
    alone = MilitaryExercise(id="x", evidence=EVIDENCE, participants=[NORWAY], cameo="150")
    nobody = MilitaryExercise(id="y", evidence=EVIDENCE)
    said = Statement(id="s", evidence=EVIDENCE, speaker=CHILE, content="x", cameo="010")
    assert pairs(document(alone, nobody, said)) == [
        ("Norway", "", "150"),
        ("", "", ""),
        ("Chile", "", "010"),
    ]


@pytest.mark.parametrize(
    ("kind", "source", "target"),
    [
        (TerritorialChangeKind.CAPTURE, "Taliban", "Afghanistan"),
        (TerritorialChangeKind.WITHDRAWAL, "Afghanistan", "Taliban"),
    ],
)
def test_territorial_change_direction(
    kind: TerritorialChangeKind, source: str, target: str
) -> None:
    change = TerritorialChange(
        id="t", evidence=EVIDENCE, kind=kind, gainer=TALIBAN, loser=state("Afghanistan", "AFG")
    )
    assert pairs(document(change)) == [(source, target, "")]


def test_columns_of_a_dyad() -> None:
    meeting = Meeting(
        id="m",
        evidence=EVIDENCE,
        date=day("2023-05-02"),
        location=city("Oslo", "NOR"),
        participants=[person("Ana Lopez", "CHL", title="Foreign Minister"), NORWAY],
        cameo="0874",
    )
    first = next(dyads(document(meeting, published="2023-05-04")))
    assert first == {
        "EventID": "m-1",
        "Date": "20230502",
        "Year": "2023",
        "Month": "5",
        "Day": "2",
        "SourceActorFull": "CHLGOV",
        "SourceActorEntity": "CHL",
        "SourceActorRole": "GOV",
        "SourceActorName": "Ana Lopez",
        "TargetActorFull": "NOR",
        "TargetActorEntity": "NOR",
        "TargetActorRole": "",
        "TargetActorName": "Norway",
        "EventCode": "0874",
        "EventRootCode": "08",
        "LocationName": "Oslo",
        "CountryCode": "NOR",
        "DocumentID": "doc-1",
        "Published": "2023-05-04",
        "Modality": "realized",
        "Sentence": EVIDENCE[0].text,
    }


def test_tabs_and_line_breaks_in_text_become_spaces() -> None:
    text = "Norway\tand Chile\nmet\r\nin Oslo\u2028today."
    event = Statement(id="s\t1", evidence=[Span.of(text, 0, len(text))], speaker=CHILE, content="x")
    (dyad,) = dyads(document(event, id="doc\n2"))
    assert dyad["Sentence"] == "Norway and Chile met  in Oslo today."
    assert (dyad["EventID"], dyad["DocumentID"]) == ("s 1-1", "doc 2")
    assert _tsv(document(event)).count("\n") == 2


def test_without_header() -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY, CHILE])
    assert _tsv(document(meeting), header=False).startswith("m-1\t\t")
    assert _tsv(document(meeting)).startswith("\t".join(PHOENIX_COLUMNS) + "\n")
