"""Every pattern row's invented examples, run through diplo_events.parse.

A pattern's example says what the pattern must make of the sentence: ``none = true`` (no
event of the pattern's id), or the fields of the event it makes (participants and parties
as country codes or organization keys, places and location by name, dates as ISO days).
"""

from __future__ import annotations

from typing import Any

import pytest

import diplo_events as de
from diplo_events import Actor, Event, Meeting, MilitaryExercise, Statement, TerritorialChange
from diplo_events._parsing.match.patterns import Example, Pattern, patterns

CASES = [
    pytest.param(p, ex, id=f"{p.id}[{i}]")
    for p in patterns().patterns
    for i, ex in enumerate(p.examples)
]


def _key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    return actor.country or actor.organization or actor.name


def _check(event: Event, expect: dict[str, Any]) -> list[str]:
    problems = []
    for field, want in expect.items():
        got: Any
        if field == "participants":
            assert isinstance(event, Meeting | MilitaryExercise)
            got = sorted({_key(a) for a in event.participants})
            want = sorted(want)
        elif field == "speaker":
            assert isinstance(event, Statement)
            got = _key(event.speaker)
        elif field in ("gainer", "loser"):
            assert isinstance(event, TerritorialChange)
            got = _key(getattr(event, field))
        elif field == "places":
            assert isinstance(event, TerritorialChange)
            got = [p.name for p in event.places]
        elif field == "location":
            got = event.location.name if event.location else None
        elif field == "date":
            got = event.date.start.isoformat() if event.date else None
        elif field == "modality":
            got = event.modality.value
        else:  # pragma: no cover - a typo in a data file
            raise AssertionError(f"unknown expectation {field!r}")
        if got != want:
            problems.append(f"{field}: expected {want!r}, got {got!r}")
    return problems


@pytest.mark.parametrize(("pattern", "example"), CASES)
def test_pattern_example(pattern: Pattern, example: Example) -> None:
    # the events the pattern took part in making (alone, or merged with others)
    result = de.explain(example.text, published=example.published)
    events = list(result.events)
    mine = [e for e in events if any(d.pattern == pattern.id for d in result.of(e))]
    if example.expect.get("none"):
        assert mine == [], f"{pattern.id} should make no event of: {example.text}"
        return
    assert mine, f"{pattern.id} made no event of: {example.text}\n{result}"
    results = [_check(e, dict(example.expect)) for e in mine]
    assert any(not r for r in results), f"{example.text}: {results}"


def test_every_pattern_has_two_examples_and_a_positive_one() -> None:
    for p in patterns().patterns:
        assert len(p.examples) >= 2, p.id
        assert any(not ex.expect.get("none") for ex in p.examples), p.id
