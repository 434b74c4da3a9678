"""The public API used the way a user's code would use it.

``mypy --strict`` checks this file (``make typecheck``), so a change to a public signature
that would break users' type checking fails the build; pytest also runs it, so the code
is real. Only names a user can reach from ``diplo_events`` are used, no private modules.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

import pytest

import diplo_events
from diplo_events import (
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Location,
    LocationKind,
    Meeting,
    MilitaryExercise,
    Modality,
    SchemaError,
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)

# Written for this test.
TEXT = (
    "President Maria Rossi of Italy met the Prime Minister of Japan in Rome on Wednesday.\n"
    "Italy and Japan will hold joint naval drills next month, the ministry said."
)


def summarize(event: Event) -> str:
    """A user's function that narrows the union of event types."""
    if isinstance(event, Meeting):
        who = ", ".join(actor.name for actor in event.participants)
        return f"meeting of {who}"
    if isinstance(event, MilitaryExercise):
        troops: int | None = event.troops
        return f"exercise {event.name or '?'} ({troops} troops)"
    if isinstance(event, TerritorialChange):
        places: list[str] = [place.name or place.country or "?" for place in event.places]
        return f"{event.kind.value} of {', '.join(places)}"
    if isinstance(event, Statement):
        return f"{event.speaker.name}: {event.content}"
    return event.type


def first_day(event: Event) -> dt.date | None:
    return event.date.start if event.date is not None else None


def build_meeting() -> Meeting:
    sentence = Span.of(TEXT, 0, TEXT.index("\n"))
    return Meeting(
        id="m-1",
        evidence=[sentence],
        participants=[
            Actor(name="Maria Rossi", kind=ActorKind.PERSON, country="ITA", title="President"),
            Actor(name="Japan", kind=ActorKind.STATE, country="JPN"),
        ],
        date=DateSpan.day(dt.date(2021, 8, 11), text="on Wednesday"),
        location=Location(name="Rome", country="ITA", kind=LocationKind.CITY),
        modality=Modality.REALIZED,
        topics=["trade"],
        cameo="040",
        plover="CONSULT",
    )


def build_document() -> Document:
    line2 = TEXT.index("\n") + 1
    drills = MilitaryExercise(
        id="x-1",
        evidence=[Span.of(TEXT, line2, len(TEXT))],
        participants=[Actor(name="Italy", kind=ActorKind.STATE, country="ITA")],
        date=DateSpan(
            start=dt.date(2021, 9, 1), end=dt.date(2021, 9, 30), precision=DatePrecision.MONTH
        ),
        modality=Modality.PLANNED,
        confidence=0.8,
    )
    handover = TerritorialChange(
        id="t-1",
        evidence=[Span.of(TEXT, 0, 9)],
        kind=TerritorialChangeKind.HANDOVER,
        places=[Location(country="ITA")],
    )
    said = Statement(
        id="s-1",
        evidence=[Span.of(TEXT, line2, len(TEXT))],
        speaker=Actor(name="ministry", kind=ActorKind.ORGANIZATION, country="ITA"),
        content="Italy and Japan will hold joint naval drills next month",
    )
    return Document(
        id="doc-1",
        published=dt.date(2021, 8, 13),
        events=[build_meeting(), drills, handover, said],
    )


def test_parse_returns_events() -> None:
    events: list[diplo_events.Event] = diplo_events.parse(TEXT, published=dt.date(2021, 8, 13))
    same: list[Event] = diplo_events.parse(TEXT, published="2021-08-13")
    assert events == same
    summaries: list[str] = [summarize(event) for event in events]
    assert len(summaries) == len(events)
    days: list[dt.date | None] = [first_day(event) for event in events]
    assert len(days) == len(events)
    undated: list[Event] = diplo_events.parse("Nothing happened.")
    assert isinstance(undated, list)


def test_parse_document_round_trips() -> None:
    doc: Document = diplo_events.parse_document(TEXT, id="article-1", published="2021-08-13")
    text: str = diplo_events.to_json(doc)
    again: diplo_events.Document = diplo_events.from_json(text, Document)
    assert again == doc
    either: Document | Event = diplo_events.from_json(text)  # without cls: what it reads
    assert either == again
    assert again.events == doc.events


def test_hand_built_document_round_trips() -> None:
    doc = build_document()
    encoded: str = diplo_events.to_json(doc)
    assert diplo_events.from_json(encoded) == doc
    data: Mapping[str, object] = diplo_events.to_dict(doc)
    assert data["schema_version"] == diplo_events.SCHEMA_VERSION
    restored: Document = diplo_events.from_dict(diplo_events.to_dict(doc), Document)
    assert restored == doc
    one_event: str = diplo_events.to_json(build_meeting(), indent=2)
    assert json.loads(one_event)["type"] == Meeting.type
    meeting: Meeting = diplo_events.from_json(one_event, Meeting)
    assert meeting == build_meeting()
    any_event: Event = diplo_events.from_dict(diplo_events.to_dict(meeting), Event)
    assert isinstance(any_event, Meeting)
    read_back: Document | Event = diplo_events.from_json(diplo_events.to_json(meeting))
    assert read_back == meeting
    assert summarize(doc.events[0]) == "meeting of Maria Rossi, Japan"


def test_bad_json_raises_schema_error() -> None:
    with pytest.raises(SchemaError) as info:
        diplo_events.from_json('{"schema_version": "1", "events": [{"type": "meeting"}]}')
    problems: tuple[str, ...] | list[str] = info.value.errors
    assert problems
    assert isinstance(info.value, diplo_events.DiploEventsError)


def test_json_schema_is_a_mapping() -> None:
    schema: Mapping[str, object] = diplo_events.json_schema()
    assert "$schema" in schema
