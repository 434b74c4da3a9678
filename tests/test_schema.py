"""The generated JSON Schema: valid draft 2020-12, matching its checked-in copy and the model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

from diplo_events.model import EVENT_TYPES, Actor, DateSpan, Document, Location, Span
from diplo_events.schema import json_schema, json_schema_text

CHECKED_IN = Path(__file__).resolve().parents[1] / "schema" / "diplo-events.schema.json"
SCHEMA = json_schema()
DEFS: dict[str, Any] = SCHEMA["$defs"]


def validator(ref: str = "Document") -> Draft202012Validator:
    schema = {"$ref": f"#/$defs/{ref}", "$defs": DEFS}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_checked_in_copy_is_up_to_date() -> None:
    if not CHECKED_IN.is_file():  # pragma: no cover - tests run outside the source tree
        pytest.skip("no schema/ directory next to the tests")
    assert CHECKED_IN.read_text(encoding="utf-8") == json_schema_text(), (
        "regenerate it: python -m diplo_events.schema > schema/diplo-events.schema.json"
    )


def test_module_entry_point_prints_the_schema() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "diplo_events.schema"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert result.stdout == json_schema_text()
    assert result.stdout.endswith("}\n")
    assert json.loads(result.stdout) == SCHEMA


def test_each_call_returns_a_fresh_dict() -> None:
    first = json_schema()
    first["$defs"].clear()
    assert json_schema() == SCHEMA


@pytest.mark.parametrize(
    "cls", [Span, Actor, Location, DateSpan, Document, *EVENT_TYPES.values()], ids=str
)
def test_every_written_key_is_required_in_field_order(cls: type) -> None:
    definition = DEFS[cls.__name__]
    names = [f.name for f in attrs.fields(cls)]
    expected = ["type", *names] if cls in EVENT_TYPES.values() else names
    assert definition["required"] == expected
    assert list(definition["properties"]) == expected
    assert definition["additionalProperties"] is True


def test_event_types_are_tagged_with_a_const() -> None:
    for tag, cls in EVENT_TYPES.items():
        assert DEFS[cls.__name__]["properties"]["type"] == {"const": tag}
    assert DEFS["Event"]["oneOf"] == [
        {"$ref": f"#/$defs/{cls.__name__}"} for cls in EVENT_TYPES.values()
    ]
    assert DEFS["Document"]["properties"]["events"]["items"] == {"$ref": "#/$defs/Event"}


def test_constraints_come_from_the_validators() -> None:
    meeting = DEFS["Meeting"]["properties"]
    assert meeting["confidence"] == {"type": "number", "minimum": 0, "maximum": 1}
    assert meeting["evidence"]["minItems"] == 1
    assert meeting["participants"]["minItems"] == 1
    assert "minItems" not in DEFS["MilitaryExercise"]["properties"]["participants"]
    assert meeting["modality"]["enum"] == ["realized", "planned", "negated", "hypothetical"]
    actor = DEFS["Actor"]["properties"]
    assert actor["country"]["anyOf"][0] == {"type": "string", "pattern": "^[A-Z]{3}$"}
    assert actor["kind"]["enum"] == ["person", "state", "organization", "armed_group"]
    for name in ("troops", "ships", "aircraft", "duration_days"):
        prop = DEFS["MilitaryExercise"]["properties"][name]
        assert prop["anyOf"] == [{"type": "integer", "minimum": 0}, {"type": "null"}]
    assert DEFS["Span"]["properties"]["start"] == {"type": "integer", "minimum": 0}
    start = DEFS["DateSpan"]["properties"]["start"]
    assert start["format"] == "date"
    assert start["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    assert DEFS["Document"]["properties"]["schema_version"] == {"const": "1"}


VALID_MEETING: dict[str, Any] = {
    "type": "meeting",
    "id": "m-1",
    "date": {"start": "2021-08-10", "end": "2021-08-10", "precision": "day", "text": None},
    "location": None,
    "evidence": [{"text": "They met.", "start": 0, "end": 9}],
    "modality": "realized",
    "confidence": 0.8,
    "rule": "meeting.met",
    "cameo": None,
    "plover": None,
    "participants": [
        {
            "name": "Chile",
            "kind": "state",
            "country": "CHL",
            "organization": None,
            "title": None,
            "mention": None,
        }
    ],
    "topics": [],
    "x-future-key": {"ignored": True},
}


def _changed(path: list[str | int], value: object) -> dict[str, Any]:
    data: Any = json.loads(json.dumps(VALID_MEETING))
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    return dict(data)


def test_a_valid_event_with_extra_keys_passes() -> None:
    validator("Event").validate(VALID_MEETING)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["participants", 0, "country"], "chl"),
        (["participants", 0, "kind"], "nation"),
        (["participants"], []),
        (["evidence"], []),
        (["confidence"], 1.5),
        (["confidence"], "0.8"),
        (["date", "start"], "2021-13-01"),
        (["date", "start"], "10 Aug 2021"),
        (["type"], "summit"),
        (["id"], "   "),
        (["modality"], None),
    ],
)
def test_invalid_values_fail_validation(path: list[str | int], value: object) -> None:
    assert not validator("Event").is_valid(_changed(path, value))


def test_a_missing_key_fails_validation() -> None:
    data = dict(VALID_MEETING)
    del data["cameo"]
    assert not validator("Event").is_valid(data)


# --- where the schema and the loader differ (listed in docs/json-schema.md) ------------

DOCS = Path(__file__).resolve().parents[1] / "docs" / "json-schema.md"
_EXERCISE_WITH_TROOPS = {
    "type": "military_exercise",
    "id": "x1",
    "date": None,
    "location": None,
    "evidence": [{"text": "Drills.", "start": 0, "end": 7}],
    "modality": "realized",
    "confidence": 0.5,
    "rule": "military_exercise.drills",
    "cameo": None,
    "plover": None,
    "participants": [],
    "name": None,
    "troops": 5000,
    "ships": None,
    "aircraft": None,
    "duration_days": None,
}


@pytest.mark.parametrize(
    ("text", "documented"),
    [
        ('"troops": 5000.0', "5000.0"),
        ('"troops": 5e3', "5e3"),
        ('"confidence": NaN', "NaN"),
    ],
)
def test_documented_differences_between_schema_and_loader(text: str, documented: str) -> None:
    from diplo_events.errors import SchemaError
    from diplo_events.model import Event
    from diplo_events.serialize import from_json

    key = text.partition(": ")[0]
    wire = json.dumps(_EXERCISE_WITH_TROOPS).replace(
        f"{key}: {json.dumps(_EXERCISE_WITH_TROOPS[key.strip(chr(34))])}", text
    )
    assert text in wire
    assert validator("Event").is_valid(json.loads(wire))  # the schema accepts it ...
    with pytest.raises(SchemaError):
        from_json(wire, Event)  # ... the loader does not
    section = DOCS.read_text(encoding="utf-8").split("## Where the schema and the loader differ")
    assert len(section) == 2, "docs/json-schema.md lists the differences"
    assert f"`{documented}`" in section[1].split("\n## ")[0]
