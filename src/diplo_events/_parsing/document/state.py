"""What the reader knows after each sentence: the document as an explicit fold.

:class:`DocState` is frozen. The rule stage reads it for a sentence; :func:`advance`
makes the next state from the events that sentence gave. Nothing else writes it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ...model import (
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Event,
    Location,
    LocationKind,
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
)
from ..annotate.mentions import PlaceMention
from .keys import who_key

__all__ = ["MAX_AFFILIATIONS", "DocState", "advance"]

#: At most this many persons' states are remembered (a document of thousands of names stays
#: linear to read).
MAX_AFFILIATIONS = 256
#: At most this many dated statements are remembered (a long text stays linear).
MAX_VOICES = 32


@attrs.frozen
class DocState:
    """The document's running context."""

    home: str | None = None  # the story's own state (dateline, or inferred)
    last_meeting: tuple[Actor, ...] = ()  # parties of the latest realized meeting told
    last_meeting_date: DateSpan | None = None
    last_meeting_sentence: int = -100
    #: how many realized meetings each side took part in, most first (at most MAX_VOICES)
    meetings_by_side: tuple[tuple[Actor, int], ...] = ()
    last_meeting_location: Location | None = None  # (its own place, and its own day)
    last_meeting_day: DateSpan | None = None
    last_meeting_paragraph: int = -100
    last_speaker: Actor | None = None  # the speaker of the latest statement told
    last_speaker_date: DateSpan | None = None
    last_speaker_sentence: int = -100
    last_speaker_paragraph: int = -100
    last_exercise: tuple[Actor, ...] = ()  # parties of the latest exercise told
    last_exercise_sentence: int = -100
    last_gainer: Actor | None = None
    last_gainer_sentence: int = -100
    last_town: Location | None = None  # the latest town or city named ("the city" later)
    #: the day of the latest realized happening told with one, and its paragraph
    last_day: DateSpan | None = None
    last_day_paragraph: int = -100
    #: the dated statements told, latest first (at most MAX_VOICES): who, on what day, in
    #: which paragraph ("said on Tuesday ... '...,' he said" later takes Tuesday)
    voices: tuple[tuple[Actor, DateSpan, int], ...] = ()
    #: the states persons were found to speak for (name and surname -> alpha-3)
    affiliations: tuple[tuple[str, str], ...] = ()

    def affiliation(self, name: str) -> str | None:
        for key, code in self.affiliations:
            if key == name:
                return code
        return None


def advance(
    state: DocState,
    events: Sequence[Event],
    sentence: int,
    paragraph: int,
    places: Sequence[PlaceMention] = (),
) -> DocState:
    """The state after a sentence that gave ``events`` and named ``places``."""
    changes: dict[str, object] = {}
    towns = [p.location for p in places if p.location.kind is LocationKind.CITY]
    if towns and towns[-1] != state.last_town:
        changes["last_town"] = towns[-1]
    for ev in events:
        if (
            ev.modality is Modality.REALIZED
            and ev.date is not None
            and ev.date.precision is DatePrecision.DAY
        ):
            changes["last_day"] = ev.date
            changes["last_day_paragraph"] = paragraph
        if isinstance(ev, Meeting) and ev.modality is Modality.REALIZED:
            same = {a.name for a in ev.participants} & {a.name for a in state.last_meeting}
            changes["last_meeting"] = ev.participants
            changes["last_meeting_date"] = ev.date or (state.last_meeting_date if same else None)
            changes["last_meeting_sentence"] = sentence
            changes["last_meeting_location"] = ev.location
            changes["meetings_by_side"] = _count_sides(
                changes.get("meetings_by_side", state.meetings_by_side), ev.participants
            )
            changes["last_meeting_day"] = ev.date
            changes["last_meeting_paragraph"] = paragraph
        elif isinstance(ev, Statement):
            if ev.date is not None:
                earlier = changes.get("voices", state.voices)
                assert isinstance(earlier, tuple)
                changes["voices"] = ((ev.speaker, ev.date, paragraph), *earlier)[:MAX_VOICES]
            changes["last_speaker"] = ev.speaker
            changes["last_speaker_date"] = ev.date
            changes["last_speaker_sentence"] = sentence
            changes["last_speaker_paragraph"] = paragraph
        elif isinstance(ev, MilitaryExercise):
            changes["last_exercise"] = ev.participants
            changes["last_exercise_sentence"] = sentence
        elif (
            isinstance(ev, TerritorialChange)
            and ev.modality is Modality.REALIZED
            and ev.gainer is not None
        ):
            changes["last_gainer"] = ev.gainer
            changes["last_gainer_sentence"] = sentence
    known = dict(state.affiliations)
    if len(known) >= MAX_AFFILIATIONS:
        return attrs.evolve(state, **changes) if changes else state  # type: ignore[arg-type]
    for ev in events:
        for actor in _actors(ev):
            if actor.kind is ActorKind.PERSON and actor.country and actor.name not in known:
                known[actor.name] = actor.country
                surname = actor.name.split()[-1]
                known.setdefault(surname, actor.country)
    if len(known) != len(state.affiliations):
        changes["affiliations"] = tuple(known.items())
    return attrs.evolve(state, **changes) if changes else state  # type: ignore[arg-type]


def _count_sides(counts: object, participants: Sequence[Actor]) -> tuple[tuple[Actor, int], ...]:
    """``counts`` with one more meeting for each of ``participants``' sides."""
    assert isinstance(counts, tuple)
    actors: dict[str, Actor] = {}
    seen: dict[str, int] = {}
    for a, n in counts:
        actors[who_key(a)], seen[who_key(a)] = a, n
    for a in participants:
        key = who_key(a)
        actors[key] = a if a.country or key not in actors else actors[key]
        seen[key] = seen.get(key, 0) + 1
    ranked = sorted(seen, key=lambda k: -seen[k])  # (stable: the first told first)
    return tuple((actors[k], seen[k]) for k in ranked[:MAX_VOICES])


def _actors(ev: Event) -> list[Actor]:
    if isinstance(ev, Meeting | MilitaryExercise):
        return list(ev.participants)
    if isinstance(ev, Statement):
        return [ev.speaker]
    if isinstance(ev, TerritorialChange):
        return [a for a in (ev.gainer, ev.loser) if a is not None]
    return []  # pragma: no cover
