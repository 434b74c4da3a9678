"""PLOVER/POLECAT-style records: the mapping rules and the JSON Schema kept in the package."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from export_helpers import CHILE, EVIDENCE, NORWAY, PERU, city, day, document, person, state, week
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from diplo_events.export import (
    plover,
    plover_json_schema,
    plover_record,
    plover_records,
    write_plover,
)
from diplo_events.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events.strategies import documents

SCHEMA_FILE = Path(plover.__file__).with_name("plover_schema.json")
VALIDATOR = Draft202012Validator(
    plover_json_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER
)
RUSSIA = state("Russia", "RUS")
TALIBAN = Actor(name="Taliban", kind=ActorKind.ARMED_GROUP, organization="Taliban")
UN = Actor(name="United Nations", kind=ActorKind.ORGANIZATION, organization="UN")


def record(event: Event) -> dict[str, Any]:
    return plover_record(event, document(event, published="2021-08-13"))


def names(actors: list[dict[str, Any]]) -> list[str]:
    return [actor["identifierText"] for actor in actors]


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(plover_json_schema())
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == plover_json_schema()


@given(st.lists(documents(), max_size=3))
def test_every_record_validates_against_the_schema(docs: list[Document]) -> None:
    records = list(plover_records(docs))
    assert len(records) == sum(len(doc.events) for doc in docs)
    for item in records:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(item)]
        assert errors == []


@given(st.lists(documents(), max_size=3))
def test_json_lines_read_back_as_the_records(docs: list[Document]) -> None:
    out = io.StringIO(newline="")
    assert write_plover(docs, out) == sum(len(doc.events) for doc in docs)
    *lines, last = out.getvalue().split("\n")  # JSON Lines: only "\n" ends a line
    assert last == ""
    assert [json.loads(line) for line in lines] == list(plover_records(docs))


def test_stdlib_json_writes_the_same_records(monkeypatch: pytest.MonkeyPatch) -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY, CHILE], topics=["ñ"])
    with_default = io.StringIO()
    write_plover(document(meeting), with_default)
    monkeypatch.setattr(plover, "_orjson", None)
    with_stdlib = io.StringIO()
    write_plover(document(meeting), with_stdlib)
    assert with_default.getvalue() == with_stdlib.getvalue()


def test_common_fields() -> None:
    meeting = Meeting(
        id="m",
        evidence=EVIDENCE,
        date=week("2023-05-01"),
        location=city("Oslo", "NOR"),
        participants=[NORWAY, CHILE],
        topics=["fisheries"],
        confidence=0.9,
        rule="meeting.met",
        cameo="040",
        plover="CONSULT",
    )
    item = record(meeting)
    assert (item["id"], item["date"], item["enddate"]) == ("m", "2023-05-01", "2023-05-07")
    assert item["eventText"] == [EVIDENCE[0].text]
    assert item["eventLoc"] == {"name": "Oslo", "cc3": "NOR"}
    assert item["size"] is None
    assert item["x_diplo_events"] == {
        "documentId": "doc-1",
        "published": "2021-08-13",
        "type": "meeting",
        "modality": "realized",
        "confidence": 0.9,
        "rule": "meeting.met",
        "cameo": "040",
        "datePrecision": "week",
        "dateText": None,
        "locationKind": "city",
        "evidenceSpans": [{"start": 0, "end": len(EVIDENCE[0].text)}],
        "meeting": {"topics": ["fisheries"]},
    }


def test_actor_objects() -> None:
    minister = person("Ana Lopez", "CHL", title="Foreign Minister")
    (actor,) = record(Statement(id="s", evidence=EVIDENCE, speaker=minister, content="Yes."))[
        "actor"
    ]
    assert actor == {
        "actorText": "Ana Lopez",
        "identifierText": "Ana Lopez",
        "code": "CHL",
        "sector": "GOV",
        "office": "Foreign Minister",
    }


# --- CONSULT: actors and modes ----------------------------------------------------------


def test_meeting_in_a_participants_state_has_all_parties_as_actors_and_no_mode() -> None:
    item = record(
        Meeting(
            id="m", evidence=EVIDENCE, participants=[NORWAY, CHILE], location=city("Oslo", "NOR")
        )
    )
    assert item["event"] == "CONSULT"
    assert names(item["actor"]) == ["Norway", "Chile"]
    assert item["recipient"] == []
    assert item["mode"] == []


def test_visit_has_the_visitor_as_actor_and_the_host_as_recipient() -> None:
    for cameo in ("042", "043"):  # "visited" and "hosted"
        visit = Meeting(
            id="v",
            evidence=EVIDENCE,
            participants=[TALIBAN, RUSSIA],
            location=city("Moscow", "RUS"),
            cameo=cameo,
        )
        item = record(visit)
        assert names(item["actor"]) == ["Taliban"]
        assert names(item["recipient"]) == ["Russia"]
        assert item["mode"] == ["visit"]


def test_visit_without_known_sides_falls_back_to_all_actors() -> None:
    nowhere = Meeting(id="v", evidence=EVIDENCE, participants=[NORWAY, CHILE], cameo="042")
    at_home = Meeting(
        id="v", evidence=EVIDENCE, participants=[NORWAY], cameo="042", location=city("Oslo", "NOR")
    )
    for meeting in (nowhere, at_home):
        item = record(meeting)
        assert item["recipient"] == []
        assert "visit" not in item["mode"]


def test_third_party_and_multilateral_modes() -> None:
    doha = city("Doha", "QAT")
    two_in_doha = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY, CHILE], location=doha)
    three = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY, CHILE, PERU])
    with_un = Meeting(id="m", evidence=EVIDENCE, participants=[UN, TALIBAN], location=doha)
    assert record(two_in_doha)["mode"] == ["third-party"]
    assert record(three)["mode"] == ["multilateral"]
    assert record(with_un)["mode"] == ["multilateral", "third-party"]


# --- exercises, territory, statements ---------------------------------------------------


def test_exercise_category_context_and_size() -> None:
    joint = MilitaryExercise(id="x", evidence=EVIDENCE, participants=[NORWAY, CHILE], troops=3000)
    alone = MilitaryExercise(id="x", evidence=EVIDENCE, participants=[NORWAY], ships=4)
    item = record(joint)
    assert (item["event"], item["context"], item["size"]) == ("COOPERATE", ["military"], 3000)
    assert names(item["actor"]) == ["Norway", "Chile"]
    assert item["recipient"] == []
    assert record(alone)["event"] == "MOBILIZE"
    assert record(alone)["x_diplo_events"]["military_exercise"]["ships"] == 4


def test_the_events_own_plover_code_wins_over_the_default() -> None:
    drill = MilitaryExercise(id="x", evidence=EVIDENCE, participants=[NORWAY], plover="COOPERATE")
    assert record(drill)["event"] == "COOPERATE"


@pytest.mark.parametrize(
    ("kind", "category", "mode", "actor", "recipient"),
    [
        (TerritorialChangeKind.CAPTURE, "COERCE", "seize", "Taliban", "Afghanistan"),
        (TerritorialChangeKind.ANNEXATION, "COERCE", "seize", "Taliban", "Afghanistan"),
        (TerritorialChangeKind.WITHDRAWAL, "RETREAT", "withdraw", "Afghanistan", "Taliban"),
        (TerritorialChangeKind.HANDOVER, "RETREAT", "withdraw", "Afghanistan", "Taliban"),
    ],
)
def test_territorial_change(
    kind: TerritorialChangeKind, category: str, mode: str, actor: str, recipient: str
) -> None:
    change = TerritorialChange(
        id="t",
        evidence=EVIDENCE,
        kind=kind,
        gainer=TALIBAN,
        loser=state("Afghanistan", "AFG"),
        places=[city("Herat", "AFG")],
        count=1,
    )
    item = record(change)
    assert (item["event"], item["mode"]) == (category, [mode])
    assert (names(item["actor"]), names(item["recipient"])) == ([actor], [recipient])
    assert item["x_diplo_events"]["territorial_change"] == {
        "kind": kind.value,
        "places": [{"name": "Herat", "cc3": "AFG"}],
        "count": 1,
    }


def test_withdrawal_without_a_named_loser_has_no_actor() -> None:
    change = TerritorialChange(
        id="t", evidence=EVIDENCE, kind=TerritorialChangeKind.WITHDRAWAL, gainer=TALIBAN
    )
    item = record(change)
    assert (item["actor"], names(item["recipient"])) == ([], ["Taliban"])


def test_plain_statement_is_kept_in_the_extension_with_no_category() -> None:
    said = Statement(
        id="s", evidence=EVIDENCE, speaker=CHILE, content="Talks were useful.", medium="tweet"
    )
    item = record(said)
    assert item["event"] is None
    assert names(item["actor"]) == ["Chile"]
    assert item["x_diplo_events"]["type"] == "statement"
    assert item["x_diplo_events"]["statement"] == {
        "content": "Talks were useful.",
        "medium": "tweet",
    }


def test_statement_with_a_plover_code_is_that_event() -> None:
    accused = Statement(id="s", evidence=EVIDENCE, speaker=CHILE, content="x", plover="ACCUSE")
    assert record(accused)["event"] == "ACCUSE"


@pytest.mark.parametrize(
    ("modality", "context"),
    [
        (Modality.REALIZED, []),
        (Modality.PLANNED, ["future"]),
        (Modality.HYPOTHETICAL, ["hypothetical"]),
        (Modality.NEGATED, ["negation"]),
    ],
)
def test_modality_context(modality: Modality, context: list[str]) -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY], modality=modality)
    assert record(meeting)["context"] == context
    drill = MilitaryExercise(id="x", evidence=EVIDENCE, modality=modality)
    assert record(drill)["context"] == ["military", *context]


def test_record_without_a_document() -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY], date=day("2023-05-02"))
    extension = plover_record(meeting)["x_diplo_events"]
    assert (extension["documentId"], extension["published"]) == (None, None)
    assert VALIDATOR.is_valid(plover_record(meeting))
