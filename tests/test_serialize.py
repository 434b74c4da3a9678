"""JSON round trips, canonical output, strictness and error messages of diplo_events.serialize."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from diplo_events import serialize
from diplo_events.errors import DiploEventsError, SchemaError
from diplo_events.model import (
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
from diplo_events.serialize import from_dict, from_json, to_dict, to_json
from diplo_events.strategies import (
    documents,
    events,
    meetings,
    military_exercises,
    statements,
    territorial_changes,
)

# --- a hand-built document (sentences written for these tests) ------------------------

TEXT = (
    "The foreign ministers of Chile and Peru met in Lima on Tuesday. "
    "Norway will hold naval drills with 20 ships next week. "
    "Rebels captured two towns near the border, the army said."
)


def _span(fragment: str) -> Span:
    start = TEXT.index(fragment)
    return Span.of(TEXT, start, start + len(fragment))


CHILE = Actor(name="Chile", kind=ActorKind.STATE, country="CHL", mention=_span("Chile"))
PERU = Actor(name="Peru", kind=ActorKind.STATE, country="PER")
ARMY = Actor(name="army", kind=ActorKind.ORGANIZATION, title="spokesperson")
TUESDAY = DateSpan.day(dt.date(2021, 8, 10), "on Tuesday")

MEETING = Meeting(
    id="m-1",
    date=TUESDAY,
    location=Location(name="Lima", country="PER", kind=LocationKind.CITY, mention=_span("Lima")),
    evidence=(_span("The foreign ministers of Chile and Peru met in Lima on Tuesday."),),
    participants=(CHILE, PERU),
    topics=("trade",),
    confidence=0.9,
    rule="meeting.met",
    cameo="040",
    plover="CONSULT",
)
EXERCISE = MilitaryExercise(
    id="x-1",
    date=DateSpan(
        start=dt.date(2021, 8, 16), end=dt.date(2021, 8, 22), precision=DatePrecision.WEEK
    ),
    evidence=(_span("Norway will hold naval drills with 20 ships next week."),),
    modality=Modality.PLANNED,
    participants=(Actor(name="Norway", kind=ActorKind.STATE, country="NOR"),),
    ships=20,
)
CAPTURE = TerritorialChange(
    id="t-1",
    date=TUESDAY,
    evidence=(_span("Rebels captured two towns near the border"),),
    kind=TerritorialChangeKind.CAPTURE,
    gainer=Actor(name="Rebels", kind=ActorKind.ARMED_GROUP),
    places=(Location(name="border", kind=LocationKind.BORDER),),
    count=2,
)
STATEMENT = Statement(
    id="s-1",
    evidence=(_span("the army said."),),
    speaker=ARMY,
    content="Rebels captured two towns near the border",
    medium="press_release",
)
DOC = Document(
    id="article-1",
    published=dt.date(2021, 8, 13),
    events=(MEETING, EXERCISE, CAPTURE, STATEMENT),
)

SCHEMA = json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
EVENT_VALIDATOR = Draft202012Validator(
    {"$ref": "#/$defs/Event", "$defs": SCHEMA["$defs"]},
    format_checker=Draft202012Validator.FORMAT_CHECKER,
)
ERROR_LINE = re.compile(r"(\$|[a-z_]+(\[\d+\])*(\.[a-z_]+(\[\d+\])*)*): \S.*", re.DOTALL)


@contextmanager
def stdlib_json() -> Iterator[None]:
    """Serialize with the stdlib json module even when orjson is installed."""
    saved = serialize._orjson
    serialize._orjson = None
    try:
        yield
    finally:
        serialize._orjson = saved


def both_backends(obj: Event | Document, **kwargs: Any) -> str:
    """to_json with orjson and with the stdlib; asserts the two texts are identical."""
    fast = to_json(obj, **kwargs)
    with stdlib_json():
        slow = to_json(obj, **kwargs)
    assert fast == slow
    return fast


def errors_of(data: object, cls: type[Any] | None = Document) -> list[str]:
    with pytest.raises(SchemaError) as info:
        from_dict(data, cls)
    return list(info.value.errors)


# --- round trips ---------------------------------------------------------------------


EVENT_STRATEGIES = [
    (meetings(), Meeting),
    (military_exercises(), MilitaryExercise),
    (territorial_changes(), TerritorialChange),
    (statements(), Statement),
]


@pytest.mark.parametrize(("strategy", "cls"), EVENT_STRATEGIES)
def test_every_event_type_round_trips(strategy: st.SearchStrategy[Event], cls: type) -> None:
    @given(strategy)
    def check(event: Event) -> None:
        text = both_backends(event)
        assert from_json(text, cls) == event
        assert from_json(text, Event) == event
        assert from_dict(to_dict(event), cls) == event
        with stdlib_json():
            assert from_json(text, cls) == event

    check()


@given(documents())
def test_documents_round_trip(doc: Document) -> None:
    text = both_backends(doc)
    assert from_json(text) == doc
    assert from_json(text.encode()) == doc
    assert from_dict(json.loads(text)) == doc
    with stdlib_json():
        assert from_json(text) == doc


def test_hand_built_document_round_trips() -> None:
    assert from_json(to_json(DOC)) == DOC
    for event in DOC.events:
        assert from_json(to_json(event), type(event)) == event


@given(events())
def test_from_json_without_cls_reads_back_an_event(event: Event) -> None:
    # What to_json wrote, from_json reads, with no cls: the "type" tag says it is an event.
    assert from_json(to_json(event)) == event
    assert from_dict(to_dict(event)) == event


def test_from_json_without_cls_reads_every_hand_built_object() -> None:
    objects: tuple[Document | Event, ...] = (DOC, *DOC.events)
    for obj in objects:
        restored = from_json(to_json(obj))
        assert type(restored) is type(obj)
        assert restored == obj


def test_without_cls_a_bad_event_is_reported_as_an_event() -> None:
    data = to_dict(MEETING)
    data["confidence"] = "high"
    assert errors_of(data, None) == ["confidence: expected a number, got string"]
    assert errors_of({"type": "summit"}, None) == [
        "type: unknown event type 'summit' (expected one of 'meeting', 'military_exercise',"
        " 'territorial_change', 'statement')"
    ]


def test_without_cls_a_bad_document_is_reported_as_a_document() -> None:
    data = to_dict(DOC)
    data["published"] = "13/08/2021"
    assert errors_of(data, None) == ["published: invalid date '13/08/2021'"]
    del data["schema_version"]  # still a document: it has "events"
    assert "schema_version: required key missing" in errors_of(data, None)


def test_without_cls_an_object_that_is_neither_says_so() -> None:
    (line,) = errors_of({"id": "a1"}, None)
    assert line.startswith('$: expected a document (an object with "schema_version") or an event')
    assert errors_of([1], None) == ["$: expected an object, got array"]


# --- canonical output ----------------------------------------------------------------


@given(documents())
def test_output_validates_against_the_json_schema(doc: Document) -> None:
    VALIDATOR.validate(json.loads(to_json(doc)))
    for event in doc.events:
        EVENT_VALIDATOR.validate(to_dict(event))


@given(documents())
def test_to_json_is_deterministic(doc: Document) -> None:
    text = to_json(doc)
    assert to_json(doc) == text
    assert to_json(from_json(text)) == text
    assert to_json(copy.deepcopy(doc)) == text


@given(events())
def test_the_tag_comes_first_and_keys_follow_field_order(event: Event) -> None:
    data = to_dict(event)
    assert list(data) == ["type", *(f.name for f in attrs.fields(type(event)))]
    assert data["type"] == event.type


def _check_key_order(obj: object, data: object) -> None:
    if attrs.has(type(obj)):
        assert isinstance(data, dict)
        names = [f.name for f in attrs.fields(type(obj))]  # type: ignore[arg-type]
        assert [k for k in data if k != "type"] == names
        for name in names:
            _check_key_order(getattr(obj, name), data[name])
    elif isinstance(obj, tuple):
        assert isinstance(data, list)
        for item, item_data in zip(obj, data, strict=True):
            _check_key_order(item, item_data)


@given(documents())
def test_nested_keys_follow_field_order(doc: Document) -> None:
    _check_key_order(doc, to_dict(doc))


def _plain_types(data: object) -> set[type]:
    if isinstance(data, dict):
        assert all(type(k) is str for k in data)
        return {dict}.union(*(_plain_types(v) for v in data.values()))
    if isinstance(data, list):
        return {list}.union(*(_plain_types(v) for v in data))
    return {type(data)}


@given(documents())
def test_to_dict_gives_plain_json_data(doc: Document) -> None:
    assert _plain_types(to_dict(doc)) <= {dict, list, str, int, float, type(None)}


def test_wire_form_of_values() -> None:
    data = to_dict(EXERCISE)
    assert data["date"] == {
        "start": "2021-08-16",
        "end": "2021-08-22",
        "precision": "week",
        "text": None,
    }
    assert data["modality"] == "planned"
    assert type(data["modality"]) is str  # the value, not the enum member
    span = EXERCISE.evidence[0]
    assert data["evidence"] == [{"text": span.text, "start": span.start, "end": span.end}]
    assert TEXT[span.start : span.end] == span.text
    assert data["location"] is None
    assert data["confidence"] == 1.0


def test_compact_utf8_output() -> None:
    event = attrs.evolve(STATEMENT, content="Le ministre a déclaré « non »")
    text = both_backends(event)
    assert "déclaré « non »" in text
    assert ", " not in text
    assert ": " not in text
    assert text.startswith('{"type":"statement","id":"s-1",')


def test_indented_output() -> None:
    pretty = both_backends(DOC, indent=2)
    assert pretty.startswith('{\n  "schema_version": "1",\n  "id": "article-1",')
    assert json.loads(pretty) == json.loads(to_json(DOC))
    assert json.loads(to_json(DOC, indent=4)) == to_dict(DOC)


def test_equal_objects_give_identical_json() -> None:
    one = attrs.evolve(MEETING, confidence=1)
    assert one == attrs.evolve(MEETING, confidence=1.0)
    assert both_backends(one) == both_backends(attrs.evolve(MEETING, confidence=1.0))
    zero = attrs.evolve(MEETING, confidence=-0.0)
    assert both_backends(zero) == both_backends(attrs.evolve(MEETING, confidence=0.0))
    assert '"confidence":0.0' in to_json(zero)


@pytest.mark.parametrize("confidence", [1e-05, 5e-324, 1e-7, 9.99e-05, 0.0001, 0.5])
def test_floats_are_written_like_the_stdlib(confidence: float) -> None:
    event = attrs.evolve(MEETING, confidence=confidence)
    text = both_backends(event)
    assert f'"confidence":{confidence!r}' in text
    assert from_json(text, Meeting) == event


def test_what_orjson_cannot_write_falls_back_to_the_stdlib() -> None:
    odd = attrs.evolve(EXERCISE, troops=2**70, name="lone \ud800 surrogate")
    text = both_backends(odd)
    assert '"troops":1180591620717411303424' in text
    assert from_json(text, MilitaryExercise) == odd


@pytest.mark.parametrize("indent", [None, 2])
def test_lone_surrogates_are_written_as_escapes(indent: int | None) -> None:
    # Not valid Unicode, so not encodable as UTF-8: written as JSON escapes, read back
    # to the same strings.
    odd = attrs.evolve(EXERCISE, name="caf\udce9 \ud800 \u00e9t\u00e9 \U0001f600")
    text = both_backends(odd, indent=indent)
    assert "caf\\udce9 \\ud800 \u00e9t\u00e9 \U0001f600" in text
    text.encode("utf-8")
    assert from_json(text, MilitaryExercise) == odd
    assert from_json(text.encode("utf-8"), MilitaryExercise) == odd


# --- strict reading ------------------------------------------------------------------


def _with_extra_keys(data: object) -> object:
    if isinstance(data, dict):
        out = {k: _with_extra_keys(v) for k, v in data.items()}
        out["x-added-in-v1.1"] = {"anything": [1, None]}
        return out
    if isinstance(data, list):
        return [_with_extra_keys(v) for v in data]
    return data


@given(documents())
def test_unknown_extra_keys_are_ignored(doc: Document) -> None:
    assert from_dict(_with_extra_keys(to_dict(doc))) == doc


def _set(data: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    """A deep copy of ``data`` with the value at ``events[0].date.start``-style path set."""
    out = copy.deepcopy(data)
    node: Any = out
    parts = re.findall(r"[a-z_]+|\[\d+\]", path)
    for part in parts[:-1]:
        node = node[int(part[1:-1])] if part.startswith("[") else node[part]
    last = parts[-1]
    if value is DELETE:
        del node[last]
    elif last.startswith("["):
        node[int(last[1:-1])] = value
    else:
        node[last] = value
    return out


DELETE = object()
GOOD = to_dict(DOC)


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("events[2].date.start", "2021-13-01", "invalid date '2021-13-01'"),
        ("events[2].date.start", "2021-02-29", "invalid date '2021-02-29'"),
        ("events[2].date.start", "20210810", "invalid date '20210810'"),
        ("events[2].date.start", 2021, "expected a date string (YYYY-MM-DD), got integer"),
        ("published", 2021, "expected a date string (YYYY-MM-DD) or null, got integer"),
        ("events[0].id", 42, "expected a string, got integer"),
        ("events[0].topics[0]", 7, "expected a string, got integer"),
        ("events[0].topics", "trade", "expected an array, got string"),
        ("events[0].confidence", "0.9", "expected a number, got string"),
        ("events[0].confidence", True, "expected a number, got boolean"),
        ("events[0].confidence", 1.5, "must be in [0, 1], got 1.5"),
        ("events[1].ships", 1.9, "expected an integer or null, got number"),
        ("events[1].ships", True, "expected an integer or null, got boolean"),
        ("events[1].ships", -3, "must be non-negative, got -3"),
        ("events[0].participants[0].country", "chl", "must be an ISO 3166-1 alpha-3 code"),
        ("events[0].participants[1].kind", "nation", "invalid value 'nation' (expected one of"),
        ("events[0].participants", [], "must hold at least 1 item(s)"),
        ("events[0].evidence", [], "must hold at least 1 item(s)"),
        ("events[0].rule", DELETE, "required key missing"),
        ("events[0].date", DELETE, "required key missing"),
        ("events[0].location", [], "expected an object or null, got array"),
        ("events[3].speaker", None, "expected an object, got null"),
        ("events[1].type", "summit", "unknown event type 'summit' (expected one of 'meeting',"),
        ("events[1].type", None, "expected a string, got null"),
        ("events[1].type", DELETE, "required key missing"),
        ("events[1]", "meeting", "expected an object, got string"),
        ("published", "13 August 2021", "invalid date '13 August 2021'"),
        ("id", 1, "expected a string or null, got integer"),
    ],
)
def test_golden_error_messages(path: str, value: object, message: str) -> None:
    (line,) = errors_of(_set(GOOD, path, value))
    assert line.startswith(f"{path}: {message}")


def test_cross_field_errors_are_reported_at_the_object() -> None:
    bad = _set(GOOD, "events[2].date.start", "2021-08-14")
    assert errors_of(bad) == [
        "events[2].date: start (2021-08-14) must not be after end (2021-08-10)"
    ]
    bad = _set(GOOD, "events[0].evidence[0].end", 3)
    (line,) = errors_of(bad)
    assert line.startswith("events[0].evidence[0]: ")
    bad = _set(GOOD, "events[0].location.name", None)
    bad = _set(bad, "events[0].location.country", None)
    assert errors_of(bad) == ["events[0].location: a location needs a name or a country"]


def test_every_bad_field_is_listed() -> None:
    bad = _set(GOOD, "events[2].date.start", "2021-13-01")
    bad = _set(bad, "events[0].confidence", "high")
    bad = _set(bad, "events[0].participants[0].country", "chl")
    bad = _set(bad, "events[3].rule", DELETE)
    bad = _set(bad, "published", None)  # valid: published is optional
    assert sorted(errors_of(bad)) == sorted(
        [
            "events[0].confidence: expected a number, got string",
            "events[0].participants[0].country: must be an ISO 3166-1 alpha-3 code"
            " (three upper-case letters), got 'chl'",
            "events[2].date.start: invalid date '2021-13-01'",
            "events[3].rule: required key missing",
        ]
    )


def test_schema_version_is_checked_first() -> None:
    bad = _set(_set(GOOD, "schema_version", "2"), "events[0].id", 5)
    assert errors_of(bad) == [
        "schema_version: unsupported schema_version '2': this version of diplo-events reads '1'"
    ]
    assert errors_of(_set(GOOD, "schema_version", 1)) == [
        "schema_version: expected a string, got integer"
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "$: expected an object, got array"),
        ("doc", "$: expected an object, got string"),
        (None, "$: expected an object, got null"),
        (3.5, "$: expected an object, got number"),
    ],
)
def test_top_level_must_be_an_object(data: object, message: str) -> None:
    assert errors_of(data) == [message]
    assert errors_of(data, Event) == [message]
    assert errors_of(data, Meeting) == [message]


def test_a_concrete_class_checks_the_tag() -> None:
    data = to_dict(MEETING)
    assert errors_of(data, Statement)[0] == "type: expected 'statement', got 'meeting'"
    del data["type"]
    assert errors_of(data, Meeting) == ["type: required key missing"]
    assert errors_of(data, Event) == ["type: required key missing"]


@pytest.mark.parametrize(
    "text", ["", "{", "[1,", "{'a': 1}", "nul", b"\xff\xfe\x00garbage", "{}{}", "NaN x"]
)
def test_text_that_is_not_json(text: str | bytes) -> None:
    with pytest.raises(SchemaError) as info:
        from_json(text)
    (line,) = info.value.errors
    assert line.startswith("$: invalid JSON: ")


def test_deeply_nested_json_is_rejected() -> None:
    with pytest.raises(SchemaError) as info:
        from_json("[" * 100_000 + "]" * 100_000)
    assert info.value.errors == ("$: invalid JSON: nested too deeply",)


def test_schema_error_is_the_library_error() -> None:
    with pytest.raises(DiploEventsError) as info:
        from_json("[]")
    assert isinstance(info.value, ValueError)
    assert str(info.value) == "1 error in diplo-events data:\n  $: expected an object, got array"


def test_wrong_arguments_are_programming_errors() -> None:
    with pytest.raises(TypeError, match="cls must be"):
        from_dict({}, dict)  # type: ignore[type-var]
    with pytest.raises(TypeError, match="must be str or bytes"):
        from_json(GOOD)  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="Event or a Document"):
        to_dict(CHILE)  # type: ignore[arg-type]


def test_long_values_are_shortened_in_messages() -> None:
    (line,) = errors_of(_set(GOOD, "events[0].modality", "x" * 10_000))
    assert len(line) < 200


# --- random damage: SchemaError or a valid object, nothing else ----------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["2021-13-01", "2021-08-13", "TUR", "tur", "meeting", "person", " ", ""]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=6,
)


def _nodes(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """Paths to every value inside ``data`` (dict keys and list indices)."""
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _nodes(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _nodes(value, (*path, index))


@st.composite
def damaged(draw: st.DrawFn) -> object:
    """A valid document's JSON data with one to three random changes."""
    data: Any = to_dict(draw(documents(max_events=3)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_nodes(data))))
        if not path:
            data = draw(JSON_VALUES)
            continue
        parent: Any = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["drop", "replace", "add"]))
        if action == "drop" and isinstance(parent, dict):
            del parent[path[-1]]
        elif action == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(JSON_VALUES)
        else:
            parent[path[-1]] = draw(JSON_VALUES)
    return data


def _loads_or_schema_error(data: object) -> None:
    try:
        doc = from_dict(data)
    except SchemaError as exc:
        lines = exc.errors
    else:
        assert isinstance(doc, Document)
        VALIDATOR.validate(data)  # what loads is valid against the published schema
        assert from_json(to_json(doc)) == doc
        return
    assert lines
    assert [line for line in lines if not ERROR_LINE.fullmatch(line)] == []
    # The fast converter's placeholder messages never reach the user.
    assert not any("wrong type tag" in line or "bad event type" in line for line in lines)


@given(damaged())
@example({"schema_version": "1", "id": None, "published": None, "events": [{}]})
@example({"schema_version": "1", "id": None, "published": None, "events": [{"type": []}]})
@example({"schema_version": "1", "id": None, "published": None, "events": None})
def test_damaged_data_loads_or_raises_schema_error(data: object) -> None:
    _loads_or_schema_error(data)


@given(damaged())
def test_damaged_json_text_loads_or_raises_schema_error(data: object) -> None:
    text = json.dumps(data, ensure_ascii=False)
    for backend in (None, serialize._orjson):
        saved = serialize._orjson
        serialize._orjson = backend
        try:
            from_json(text)
        except SchemaError:
            pass
        finally:
            serialize._orjson = saved


@given(documents(max_events=2), st.data())
def test_truncated_or_garbled_text_raises_schema_error(doc: Document, data: st.DataObject) -> None:
    raw = to_json(doc).encode()
    cut = data.draw(st.integers(0, len(raw) - 1))
    with pytest.raises(SchemaError):
        from_json(raw[:cut])
    garbage = data.draw(st.binary(max_size=64))
    with suppress(SchemaError):
        from_json(garbage)


def test_schema_error_messages_are_bounded() -> None:
    data = to_dict(Document(events=[MEETING] * 200))
    for event in data["events"]:
        event["participants"][0]["country"] = "x" * 1_000_000
    with pytest.raises(SchemaError) as info:
        from_dict(data)
    assert len(info.value.errors) == 200  # every problem is in .errors
    message = str(info.value)
    assert message.startswith("200 errors in diplo-events data")
    assert "... and 150 more" in message
    assert len(message) < 20_000
