"""The public hypothesis strategies generate valid objects of every type."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from diplo_events.model import (
    Actor,
    DateSpan,
    Document,
    Event,
    Location,
    Meeting,
    MilitaryExercise,
    Span,
    Statement,
    TerritorialChange,
)
from diplo_events.strategies import (
    actors,
    date_spans,
    documents,
    events,
    locations,
    meetings,
    military_exercises,
    spans,
    statements,
    territorial_changes,
)


def _revalidates(obj: object) -> None:
    """Building the object again from its own fields runs every validator once more."""
    assert attrs.evolve(obj) == obj  # type: ignore[misc]


@given(spans())
def test_spans(span: Span) -> None:
    assert isinstance(span, Span)
    assert span.end - span.start == len(span.text)
    _revalidates(span)


@given(actors())
def test_actors(actor: Actor) -> None:
    assert isinstance(actor, Actor)
    assert actor.name.strip()
    _revalidates(actor)


@given(locations())
def test_locations(location: Location) -> None:
    assert isinstance(location, Location)
    assert location.name is not None or location.country is not None
    _revalidates(location)


@given(date_spans())
def test_date_spans(span: DateSpan) -> None:
    assert isinstance(span, DateSpan)
    assert span.start <= span.end
    _revalidates(span)


@given(meetings())
def test_meetings(meeting: Meeting) -> None:
    assert isinstance(meeting, Meeting)
    assert meeting.participants
    _revalidates(meeting)


@given(military_exercises())
def test_military_exercises(exercise: MilitaryExercise) -> None:
    assert isinstance(exercise, MilitaryExercise)
    _revalidates(exercise)


@given(territorial_changes())
def test_territorial_changes(change: TerritorialChange) -> None:
    assert isinstance(change, TerritorialChange)
    _revalidates(change)


@given(statements())
def test_statements(statement: Statement) -> None:
    assert isinstance(statement, Statement)
    _revalidates(statement)


@given(events())
def test_events(event: Event) -> None:
    assert type(event) in (Meeting, MilitaryExercise, TerritorialChange, Statement)
    assert event.evidence
    assert 0.0 <= event.confidence <= 1.0
    _revalidates(event)


@given(documents(max_events=2))
def test_documents(doc: Document) -> None:
    assert isinstance(doc, Document)
    assert len(doc.events) <= 2
    _revalidates(doc)


# Search without shrinking: the test is that such an example exists, not its smallest form.
FIND = settings(phases=[Phase.generate], database=None, max_examples=500)


@pytest.mark.parametrize("cls", [Meeting, MilitaryExercise, TerritorialChange, Statement])
def test_events_cover_every_event_type(cls: type[Event]) -> None:
    assert isinstance(find(events(), lambda e: isinstance(e, cls), settings=FIND), cls)


def test_documents_can_be_empty_or_hold_several_events() -> None:
    strategy = documents(max_events=3)
    assert find(strategy, lambda d: not d.events, settings=FIND).events == ()
    assert len(find(strategy, lambda d: len(d.events) >= 2, settings=FIND).events) >= 2


def test_strategies_is_the_only_module_that_imports_hypothesis() -> None:
    code = (
        "import sys, diplo_events, diplo_events.serialize, diplo_events.schema;"
        "diplo_events.to_json(diplo_events.Document());"
        "assert 'hypothesis' not in sys.modules, 'hypothesis imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_strategies_are_strategies() -> None:
    for factory in (spans, actors, locations, date_spans, events, documents):
        assert isinstance(factory(), st.SearchStrategy)
