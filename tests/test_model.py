"""The model's validators: an object that exists is a valid one, and bad values name their field."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

from diplo_events.model import (
    EVENT_TYPES,
    SCHEMA_VERSION,
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
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events.schema import json_schema
from diplo_events.serialize import from_dict, to_dict

SENTENCE = "The foreign ministers of Chile and Peru met in Lima on Tuesday."
SPAN = Span.of(SENTENCE, 0, len(SENTENCE))
CHILE = Actor(name="Chile", kind=ActorKind.STATE, country="CHL")
DAY = dt.date(2022, 3, 1)

# Valid keyword arguments of each class; each bad case below changes one of them.
VALID: dict[type, dict[str, Any]] = {
    Span: {"text": "Lima", "start": 47, "end": 51},
    Actor: {"name": "Chile", "kind": ActorKind.STATE, "country": "CHL"},
    Location: {"name": "Lima", "country": "PER", "kind": LocationKind.CITY},
    DateSpan: {"start": DAY, "end": DAY, "precision": DatePrecision.DAY},
    Meeting: {"id": "m1", "evidence": (SPAN,), "participants": (CHILE,)},
    MilitaryExercise: {"id": "x1", "evidence": (SPAN,)},
    TerritorialChange: {"id": "t1", "evidence": (SPAN,), "kind": TerritorialChangeKind.CAPTURE},
    Statement: {"id": "s1", "evidence": (SPAN,), "speaker": CHILE, "content": "We agree."},
    Document: {"id": "doc", "published": DAY, "events": ()},
}


@pytest.mark.parametrize("cls", list(VALID))
def test_valid_arguments_build(cls: type) -> None:
    obj = cls(**VALID[cls])
    assert attrs.asdict(obj, recurse=False).items() >= VALID[cls].items()


BAD: list[tuple[type, str, object]] = [
    (Span, "text", None),
    (Span, "start", -1),
    (Span, "start", None),
    (Span, "end", "51"),
    (Span, "start", True),
    (Actor, "name", ""),
    (Actor, "name", "   "),
    (Actor, "name", 7),
    (Actor, "kind", "state"),
    (Actor, "country", "chl"),
    (Actor, "country", "CHLE"),
    (Actor, "country", "C1L"),
    (Actor, "organization", ""),
    (Actor, "title", 3),
    (Actor, "mention", "Lima"),
    (Location, "name", ""),
    (Location, "country", "Peru"),
    (Location, "kind", "city"),
    (DateSpan, "start", "2022-03-01"),
    (DateSpan, "end", dt.datetime(2022, 3, 1, 12, 0)),
    (DateSpan, "precision", "day"),
    (DateSpan, "text", 5),
    (Meeting, "id", ""),
    (Meeting, "evidence", ()),
    (Meeting, "evidence", ("not a span",)),
    (Meeting, "evidence", 5),
    (Meeting, "evidence", {"text": "Lima"}),
    (Meeting, "participants", ()),
    (Meeting, "topics", "trade"),
    (Meeting, "topics", ("trade", 1)),
    (Meeting, "confidence", 1.5),
    (Meeting, "confidence", -0.1),
    (Meeting, "confidence", float("nan")),
    (Meeting, "confidence", True),
    (Meeting, "modality", "realized"),
    (Meeting, "rule", ""),
    (Meeting, "cameo", ""),
    (Meeting, "plover", 40),
    (Meeting, "date", DAY),
    (Meeting, "location", "Lima"),
    (MilitaryExercise, "troops", -5),
    (MilitaryExercise, "ships", 2.0),
    (MilitaryExercise, "aircraft", False),
    (MilitaryExercise, "duration_days", "3"),
    (MilitaryExercise, "name", " "),
    (TerritorialChange, "kind", "capture"),
    (TerritorialChange, "gainer", "Taliban"),
    (TerritorialChange, "count", -1),
    (TerritorialChange, "places", ("Kunduz",)),
    (Statement, "speaker", None),
    (Statement, "content", None),
    (Statement, "medium", ""),
    (Document, "schema_version", "2"),
    (Document, "published", "2022-03-01"),
    (Document, "id", 5),
    (Document, "events", (CHILE,)),
    (Document, "events", None),
]


@pytest.mark.parametrize(("cls", "field", "value"), BAD)
def test_invalid_value_raises_naming_the_field(cls: type, field: str, value: object) -> None:
    with pytest.raises((TypeError, ValueError), match=field):
        cls(**{**VALID[cls], field: value})


def test_span_offsets_must_match_the_text() -> None:
    with pytest.raises(ValueError, match=r"len\(text\)"):
        Span(text="Lima", start=0, end=3)
    with pytest.raises(ValueError, match=r"end .* before start"):
        Span(text="", start=5, end=4)


def test_span_of_slices_the_source() -> None:
    span = Span.of(SENTENCE, 47, 51)
    assert span.text == "Lima"
    assert SENTENCE[span.start : span.end] == span.text


def test_date_span_start_must_not_be_after_end() -> None:
    with pytest.raises(ValueError, match=r"start .* must not be after end"):
        DateSpan(start=DAY, end=DAY - dt.timedelta(days=1))
    one_day = DateSpan.day(DAY, "on Tuesday")
    assert (one_day.start, one_day.end, one_day.precision) == (DAY, DAY, DatePrecision.DAY)


def test_location_needs_a_name_or_a_country() -> None:
    with pytest.raises(ValueError, match="name or a country"):
        Location(kind=LocationKind.CITY)
    assert Location(country="PER").name is None


def test_event_is_abstract() -> None:
    with pytest.raises(TypeError, match="abstract"):
        Event(id="e", evidence=(SPAN,))


def test_sequences_become_tuples() -> None:
    meeting = Meeting(id="m", evidence=[SPAN], participants=[CHILE], topics=["trade"])
    assert meeting.evidence == (SPAN,)
    assert meeting.participants == (CHILE,)
    assert meeting.topics == ("trade",)
    assert Document(events=[meeting]).events == (meeting,)


def test_defaults() -> None:
    meeting = Meeting(id="m", evidence=(SPAN,), participants=(CHILE,))
    assert meeting.modality is Modality.REALIZED
    assert meeting.confidence == 1.0
    assert meeting.rule == "manual"
    assert (meeting.date, meeting.location, meeting.cameo, meeting.plover) == (None,) * 4
    assert Document().schema_version == SCHEMA_VERSION
    assert Document().events == ()


def test_objects_are_frozen_and_hashable() -> None:
    meeting = Meeting(id="m", evidence=(SPAN,), participants=(CHILE,))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        meeting.id = "other"  # type: ignore[misc]
    assert len({meeting, Meeting(id="m", evidence=(SPAN,), participants=(CHILE,))}) == 1


def test_event_types_are_tagged() -> None:
    assert {
        "meeting": Meeting,
        "military_exercise": MilitaryExercise,
        "territorial_change": TerritorialChange,
        "statement": Statement,
    } == EVENT_TYPES
    assert all(cls.type == tag for tag, cls in EVENT_TYPES.items())


# --- the examples in docs/model.md are real --------------------------------------------

DOCS = Path(__file__).resolve().parents[1] / "docs" / "model.md"
VALUE_KEYS: dict[frozenset[str], str] = {
    frozenset(f.name for f in attrs.fields(cls)): cls.__name__
    for cls in (Span, Actor, Location, DateSpan)
}


def _json_examples() -> list[Any]:
    if not DOCS.is_file():  # pragma: no cover - tests run outside the source tree
        return []
    blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    return [json.loads(block) for block in blocks]


def test_docs_have_an_example_of_every_type() -> None:
    if not DOCS.is_file():  # pragma: no cover
        pytest.skip("no docs/ next to the tests")
    examples = _json_examples()
    tags = {e["type"] for e in examples if "type" in e}
    assert tags == set(EVENT_TYPES)
    assert any("schema_version" in e for e in examples)
    assert {VALUE_KEYS.get(frozenset(e)) for e in examples} >= {
        "Span",
        "Actor",
        "Location",
        "DateSpan",
    }


@pytest.mark.parametrize("example", _json_examples())
def test_docs_examples_are_exactly_what_the_serializer_writes(example: dict[str, Any]) -> None:
    if "type" in example:
        assert to_dict(from_dict(example, Event)) == example
    elif "schema_version" in example:
        assert to_dict(from_dict(example, Document)) == example
    else:
        name = VALUE_KEYS[frozenset(example)]
        schema = json_schema()
        validator = Draft202012Validator(
            {"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]},
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )
        validator.validate(example)


# --- bounded messages -----------------------------------------------------------------


def test_a_huge_bad_value_is_cut_in_the_message() -> None:
    with pytest.raises(ValueError, match="alpha-3") as info:
        Actor(name="x", kind=ActorKind.STATE, country="Q" * 10_000_000)
    assert len(str(info.value)) < 300
    assert "(10,000,000 characters)" in str(info.value)


@pytest.mark.parametrize("value", [-(10**5000), -(2**100)], ids=["5001 digits", "2**100"])
def test_a_huge_integer_is_described_not_written_out(value: int) -> None:
    with pytest.raises(ValueError, match="non-negative") as info:
        Span(text="", start=value, end=0)
    assert len(str(info.value)) < 200


def test_a_huge_integer_confidence_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"must be in \[0, 1\], got an integer of 5,0\d\d digits"):
        Meeting(
            id="m",
            evidence=[Span(text="x", start=0, end=1)],
            participants=[Actor(name="A", kind=ActorKind.STATE)],
            confidence=10**5000,
        )
