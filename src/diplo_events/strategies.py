"""Hypothesis strategies for every diplo-events type, to property-test code that consumes events.

Every object they generate is valid (it passed the model's validators), so
``to_json`` of it is a valid v1 document or event. Strings are arbitrary Unicode
(control characters, non-ASCII and all), numbers cover their whole valid range
(tiny confidences, zero counts) and optional fields are sometimes ``None``::

    from hypothesis import given
    from diplo_events import to_json
    from diplo_events.strategies import documents

    @given(documents())
    def test_my_consumer_accepts_every_document(doc):
        my_consumer(to_json(doc))

This module imports hypothesis, an optional dependency: install it with the
``strategies`` extra (``pip install "diplo-events[strategies]"``). The rest of
the library never imports this module.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

try:
    from hypothesis import strategies as st
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
    if exc.name != "hypothesis":
        raise
    raise ModuleNotFoundError(
        "diplo_events.strategies needs the hypothesis package: "
        "pip install 'diplo-events[strategies]'",
        name=exc.name,
    ) from exc

from .model import (
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

__all__ = [
    "actors",
    "date_spans",
    "documents",
    "events",
    "locations",
    "meetings",
    "military_exercises",
    "spans",
    "statements",
    "territorial_changes",
]

# Counts up to 2**53 stay exact in every JSON implementation (doubles).
_MAX_COUNT = 2**53
_MAX_OFFSET = 10**7
_LATEST_START = dt.date.max - dt.timedelta(days=366)


def _text(max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(max_size=max_size)


def _names(max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-blank strings (names, ids, rule ids...)."""
    return st.text(min_size=1, max_size=max_size).filter(str.strip)


def _alpha3() -> st.SearchStrategy[str]:
    return st.from_regex(r"[A-Z]{3}", fullmatch=True)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@st.composite
def _span(draw: st.DrawFn) -> Span:
    text = draw(_text(60))
    start = draw(st.integers(min_value=0, max_value=_MAX_OFFSET))
    return Span(text=text, start=start, end=start + len(text))


def spans() -> st.SearchStrategy[Span]:
    """Evidence spans: ``end - start == len(text)``, offsets non-negative."""
    return _span()


def actors() -> st.SearchStrategy[Actor]:
    """Actors of every kind, with or without country, organization, title and mention."""
    return st.builds(
        Actor,
        name=_names(),
        kind=st.sampled_from(ActorKind),
        country=_optional(_alpha3()),
        organization=_optional(_names(20)),
        title=_optional(_names(30)),
        mention=_optional(spans()),
    )


@st.composite
def _location(draw: st.DrawFn) -> Location:
    name = draw(_optional(_names()))
    country = draw(_alpha3() if name is None else _optional(_alpha3()))
    return Location(
        name=name,
        country=country,
        kind=draw(_optional(st.sampled_from(LocationKind))),
        mention=draw(_optional(spans())),
    )


def locations() -> st.SearchStrategy[Location]:
    """Locations: a name, a country code or both."""
    return _location()


@st.composite
def _date_span(draw: st.DrawFn) -> DateSpan:
    start = draw(st.dates(max_value=_LATEST_START))
    length = draw(st.integers(min_value=0, max_value=366))
    return DateSpan(
        start=start,
        end=start + dt.timedelta(days=length),
        precision=draw(st.sampled_from(DatePrecision)),
        text=draw(_optional(_text())),
    )


def date_spans() -> st.SearchStrategy[DateSpan]:
    """Date spans with ``start <= end``, any precision, from year 1 to 9998."""
    return _date_span()


def _common() -> dict[str, st.SearchStrategy[Any]]:
    """Strategies for the fields every event has."""
    return {
        "id": _names(),
        "date": _optional(date_spans()),
        "location": _optional(locations()),
        "evidence": st.lists(spans(), min_size=1, max_size=3).map(tuple),
        "modality": st.sampled_from(Modality),
        "confidence": st.floats(min_value=0.0, max_value=1.0),
        "rule": _names(),
        "cameo": _optional(_names(4)),
        "plover": _optional(_names(12)),
    }


def _counts() -> st.SearchStrategy[int | None]:
    return _optional(st.integers(min_value=0, max_value=_MAX_COUNT))


def _actor_tuples(min_size: int) -> st.SearchStrategy[tuple[Actor, ...]]:
    return st.lists(actors(), min_size=min_size, max_size=3).map(tuple)


def meetings() -> st.SearchStrategy[Meeting]:
    """Meetings with one to three participants and a few topics."""
    return st.builds(
        Meeting,
        **_common(),
        participants=_actor_tuples(1),
        topics=st.lists(_text(20), max_size=3).map(tuple),
    )


def military_exercises() -> st.SearchStrategy[MilitaryExercise]:
    """Military exercises, with or without name, participants and figures."""
    return st.builds(
        MilitaryExercise,
        **_common(),
        participants=_actor_tuples(0),
        name=_optional(_names()),
        troops=_counts(),
        ships=_counts(),
        aircraft=_counts(),
        duration_days=_counts(),
    )


def territorial_changes() -> st.SearchStrategy[TerritorialChange]:
    """Territorial changes of every kind, with or without gainer, loser and places."""
    return st.builds(
        TerritorialChange,
        **_common(),
        kind=st.sampled_from(TerritorialChangeKind),
        gainer=_optional(actors()),
        loser=_optional(actors()),
        places=st.lists(locations(), max_size=3).map(tuple),
        count=_counts(),
    )


def statements() -> st.SearchStrategy[Statement]:
    """Statements by one speaker, any content, with or without a medium."""
    return st.builds(
        Statement,
        **_common(),
        speaker=actors(),
        content=_text(80),
        medium=_optional(_names(15)),
    )


def events() -> st.SearchStrategy[Event]:
    """Any event: one of the four event types."""
    return st.one_of(meetings(), military_exercises(), territorial_changes(), statements())


def documents(*, max_events: int = 4) -> st.SearchStrategy[Document]:
    """Documents (schema version 1) with up to ``max_events`` events of mixed types."""
    return st.builds(
        Document,
        id=_optional(_text()),
        published=_optional(st.dates()),
        events=st.lists(events(), max_size=max_events).map(tuple),
    )
