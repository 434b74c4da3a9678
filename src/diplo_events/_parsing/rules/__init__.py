"""One rule set per event type; each returns (event, anaphoric) pairs for a sentence.

``anaphoric`` marks a definite reference back to an event already told
("the talks", "the drills"), which the merge joins to that event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ...model import Event
from ..context import Article, Sentence
from . import exercise, meeting, statement, territory

__all__ = ["RULES"]

_MEETING_REF = re.compile(
    r"\b(?:the|this|these|that) (?:\w+ ){0,2}(?:talks|meeting|summit|negotiations|discussions|"
    r"visit)\b",
    re.IGNORECASE,
)
_SPECIFIED = re.compile(r" (?:between|of|among)\b")
_EXERCISE_REF = re.compile(
    r"\b(?:the|this|these|that|its|this year's) (?:\w+ ){0,2}(?:drills?|exercises?|war ?games|"
    r"manoeuvres|maneuvers|training)\b|\b(?:the|this) exercise's\b",
    re.IGNORECASE,
)

Rule = Callable[[Article, Sentence], Iterator[tuple[Event, bool]]]


def _anaphoric(pattern: re.Pattern[str], article: Article, sent: Sentence) -> bool:
    return pattern.search(article.norm, sent.start, sent.end) is not None


def _meetings(article: Article, sent: Sentence) -> Iterator[tuple[Event, bool]]:
    ref = _MEETING_REF.search(article.norm, sent.start, sent.end)
    anaphoric = (
        ref is not None
        and ref.start() - sent.start < 40
        and not _SPECIFIED.match(article.norm, ref.end())
    )
    for ev in meeting.extract(article, sent):
        talk = article.discourse
        if ev.rule == "meeting.reference":
            talk.last_meeting_date = talk.last_meeting_date or ev.date
            yield ev, True
            continue
        if ev.modality.value == "realized":
            same = {p.name for p in ev.participants} & {p.name for p in talk.last_meeting}
            talk.last_meeting_date = ev.date or (talk.last_meeting_date if same else None)
            talk.last_meeting = ev.participants
        yield ev, anaphoric


def _exercises(article: Article, sent: Sentence) -> Iterator[tuple[Event, bool]]:
    for ev in exercise.extract(article, sent):
        yield ev, _anaphoric(_EXERCISE_REF, article, sent)


def _territory(article: Article, sent: Sentence) -> Iterator[tuple[Event, bool]]:
    for ev in territory.extract(article, sent):
        yield ev, False


def _statements(article: Article, sent: Sentence) -> Iterator[tuple[Event, bool]]:
    for ev in statement.extract(article, sent):
        yield ev, False


def _guarded(rule: Rule, keywords: tuple[str, ...]) -> Rule:
    """Run ``rule`` on body sentences holding one of its keywords (a cheap substring test
    before any regular expression). Headlines repeat what the body tells."""

    words = frozenset(k for k in keywords if k.isalpha())
    parts = tuple(k for k in keywords if not k.isalpha())

    def run(article: Article, sent: Sentence) -> Iterator[tuple[Event, bool]]:
        if sent.title:
            return
        low = article.lower(sent)
        if any(p in low for p in parts) or any(w in low for w in words):
            yield from rule(article, sent)

    return run


RULES: tuple[Rule, ...] = (
    _guarded(_meetings, meeting.KEYWORDS),
    _guarded(_exercises, exercise.KEYWORDS),
    _guarded(_territory, territory.KEYWORDS),
    _guarded(_statements, statement.KEYWORDS),
)
