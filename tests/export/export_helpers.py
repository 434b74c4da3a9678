"""Small builders shared by the export tests (events written for these tests)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from diplo_events.model import (
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Location,
    LocationKind,
    Span,
)

TEXT = "The foreign ministers of Norway and Chile met in Oslo on Tuesday."
EVIDENCE = (Span.of(TEXT, 0, len(TEXT)),)


def state(name: str, code: str, **fields: Any) -> Actor:
    return Actor(name=name, kind=ActorKind.STATE, country=code, **fields)


def person(name: str, code: str | None = None, **fields: Any) -> Actor:
    return Actor(name=name, kind=ActorKind.PERSON, country=code, **fields)


def city(name: str, code: str | None) -> Location:
    return Location(name=name, country=code, kind=LocationKind.CITY)


def day(iso: str) -> DateSpan:
    return DateSpan.day(dt.date.fromisoformat(iso), "on Tuesday")


def week(iso: str) -> DateSpan:
    start = dt.date.fromisoformat(iso)
    return DateSpan(
        start=start, end=start + dt.timedelta(days=6), precision=DatePrecision.WEEK, text=None
    )


def document(*events: Event, id: str | None = "doc-1", published: str | None = None) -> Document:
    date = dt.date.fromisoformat(published) if published else None
    return Document(id=id, published=date, events=events)


NORWAY = state("Norway", "NOR")
CHILE = state("Chile", "CHL")
PERU = state("Peru", "PER")
