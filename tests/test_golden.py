"""Golden v1 documents: hand-written wire-format files that must load unchanged forever.

Each file under ``tests/golden/`` must validate against the checked-in JSON Schema,
load with :func:`diplo_events.from_json`, and write back (``to_json``) to the same
data minus any unknown keys. ``SHA256SUMS`` pins their bytes: a golden file is never
edited; a new case is a new file (see docs/versioning.md).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

import diplo_events
from diplo_events.model import EVENT_TYPES, Document, Event

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SCHEMA_FILE = ROOT / "schema" / "diplo-events.schema.json"
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
FILES = sorted(GOLDEN.glob("*.json"))
#: The golden file that carries keys this version does not know.
UNKNOWN_KEYS = "unknown_keys.json"


def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _load(path: Path) -> Document:
    return diplo_events.from_json(path.read_text(encoding="utf-8"), Document)


def _is_subset(written: Any, original: Any) -> bool:
    """True if every key of ``written`` is in ``original`` with the same value (recursively)."""
    if isinstance(written, dict):
        return isinstance(original, dict) and all(
            key in original and _is_subset(value, original[key]) for key, value in written.items()
        )
    if isinstance(written, list):
        return (
            isinstance(original, list)
            and len(written) == len(original)
            and all(_is_subset(w, o) for w, o in zip(written, original, strict=True))
        )
    if isinstance(written, float) and isinstance(original, int):
        return written == original  # 1 is written back as 1.0
    return type(written) is type(original) and bool(written == original)


def test_golden_files_exist() -> None:
    assert len(FILES) >= 10


def test_golden_files_are_unchanged() -> None:
    lines = (GOLDEN / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    pinned: dict[str, str] = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        pinned[name] = digest
    actual = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in FILES}
    # Every pinned file still exists byte for byte; a new file must be added to SHA256SUMS.
    assert actual == pinned


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_golden_file_validates_against_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = [error.message for error in _validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_golden_file_round_trips(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    doc = _load(path)
    written = diplo_events.to_json(doc)
    again = json.loads(written)
    assert diplo_events.from_json(written) == doc
    assert list(_validator().iter_errors(again)) == []
    if path.name == UNKNOWN_KEYS:
        # unknown keys are dropped, everything else is kept
        assert _is_subset(again, original)
        assert again != original
    else:
        assert again == original


#: Tuple fields that must hold at least one item.
_NEVER_EMPTY = {(tag, "evidence") for tag in EVENT_TYPES} | {("meeting", "participants")}


def _all_events() -> list[Event]:
    return [event for path in FILES for event in _load(path).events]


def test_golden_files_cover_every_event_type() -> None:
    assert {event.type for event in _all_events()} == set(EVENT_TYPES)


@pytest.mark.parametrize("tag", sorted(EVENT_TYPES))
def test_golden_files_cover_every_optional_field_present_and_absent(tag: str) -> None:
    events = [event for event in _all_events() if event.type == tag]
    for field in attrs.fields(EVENT_TYPES[tag]):
        values = [getattr(event, field.name) for event in events]
        if any(value is None for value in values) or field.name in {"date", "location"}:
            assert any(value is None for value in values), f"{tag}.{field.name} never null"
            assert any(value is not None for value in values), f"{tag}.{field.name} never set"
        elif isinstance(values[0], tuple) and (tag, field.name) not in _NEVER_EMPTY:
            assert any(values), f"{tag}.{field.name} never non-empty"
            assert not all(values), f"{tag}.{field.name} never empty"


def test_golden_unknown_keys_are_ignored() -> None:
    doc = _load(GOLDEN / UNKNOWN_KEYS)
    assert [event.type for event in doc.events] == ["meeting", "statement"]


def test_this_version_output_loads_and_validates() -> None:
    text = SEED.read_text(encoding="utf-8")
    doc = diplo_events.parse_document(text, id="seed", published="2021-08-13")
    written = diplo_events.to_json(doc)
    assert list(_validator().iter_errors(json.loads(written))) == []
    assert diplo_events.from_json(written) == doc
