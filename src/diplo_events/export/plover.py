"""PLOVER/POLECAT-style event records, written as JSON Lines.

Each event becomes one record in the shape of the PLOVER data-interchange
specification (the Open Event Data Alliance's PLOVER manual) as used by the
POLECAT data set: ``actor`` and ``recipient`` lists of ``{actorText, code,
sector, ...}``, the ``event`` category, its ``mode`` and ``context`` lists,
``eventText``, ``eventLoc`` and ``size``. Everything diplo-events knows that
PLOVER has no field for (statements, which PLOVER dropped, the CAMEO code,
modality, confidence, provenance, offsets) is kept in one extension object,
``x_diplo_events``. ``docs/export-plover.md`` documents every field and rule;
:func:`plover_json_schema` is the JSON Schema of a record.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import (
    Actor,
    Document,
    Event,
    Location,
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from ._actors import actor_code, actor_sector, actor_text
from ._output import Target, Writer
from .table import _documents

__all__ = [
    "EXTENSION",
    "PloverWriter",
    "plover_category",
    "plover_json_schema",
    "plover_record",
    "plover_records",
    "write_plover",
]

#: orjson when installed (the `fast` extra), else None; tests set it to None.
_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

#: The key of the extension object that holds what PLOVER has no field for.
EXTENSION = "x_diplo_events"

#: CAMEO codes of a visit ("make a visit") and of hosting one ("host a visit").
VISIT, HOST = "042", "043"

_MODALITY_CONTEXT = {
    Modality.PLANNED: "future",
    Modality.HYPOTHETICAL: "hypothetical",
    Modality.NEGATED: "negation",
}
_SEIZE = (TerritorialChangeKind.CAPTURE, TerritorialChangeKind.ANNEXATION)


def plover_category(event: Event) -> str | None:
    """The event's PLOVER category: its own ``plover`` code, else its type's default.

    Defaults: a meeting is ``CONSULT``; an exercise of two or more states is
    ``COOPERATE``, of one (or none named) ``MOBILIZE``; a capture or annexation is
    ``COERCE``, a withdrawal or handover ``RETREAT``. A statement without a code has
    no category (PLOVER has none for plain statements).
    """
    if event.plover is not None:
        return event.plover
    if isinstance(event, Meeting):
        return "CONSULT"
    if isinstance(event, MilitaryExercise):
        countries = {actor.country for actor in event.participants if actor.country}
        return "COOPERATE" if len(countries) >= 2 else "MOBILIZE"
    if isinstance(event, TerritorialChange):
        return "COERCE" if event.kind in _SEIZE else "RETREAT"
    return None


def visit_sides(meeting: Meeting) -> tuple[list[Actor], list[Actor]] | None:
    """``(visitors, hosts)`` of a visit, or ``None`` when the text does not say who is which.

    A meeting coded CAMEO 042 (visit) or 043 (host) at a location in a known state: the
    participants of that state host, the others visit. ``None`` if either side is empty.
    """
    location = meeting.location
    if meeting.cameo not in (VISIT, HOST) or location is None or location.country is None:
        return None
    hosts = [actor for actor in meeting.participants if actor.country == location.country]
    visitors = [actor for actor in meeting.participants if actor.country != location.country]
    return (visitors, hosts) if hosts and visitors else None


def roles(event: Event) -> tuple[list[Actor], list[Actor]]:
    """``(actors, recipients)``: who acts and, where the text says so, on whom."""
    if isinstance(event, Meeting):
        sides = visit_sides(event)
        return sides if sides is not None else (list(event.participants), [])
    if isinstance(event, MilitaryExercise):
        return list(event.participants), []
    if isinstance(event, TerritorialChange):
        # the gainer seizes from the loser; the loser withdraws from (or hands over to) the gainer
        first, second = (
            (event.gainer, event.loser) if event.kind in _SEIZE else (event.loser, event.gainer)
        )
        return [a for a in (first,) if a is not None], [a for a in (second,) if a is not None]
    if isinstance(event, Statement):
        return [event.speaker], []
    return [], []  # pragma: no cover - the four event types are all handled above


def _consult_modes(meeting: Meeting) -> list[str]:
    if visit_sides(meeting) is not None:
        return ["visit"]
    modes: list[str] = []
    codes = [actor_code(actor) for actor in meeting.participants]
    states = {actor.country for actor in meeting.participants if actor.country}
    if "IGO" in codes or len(states) >= 3:
        modes.append("multilateral")
    location = meeting.location
    if location is not None and location.country is not None and location.country not in states:
        modes.append("third-party")
    return modes


def modes(event: Event, category: str | None) -> list[str]:
    """PLOVER modes of the event in ``category`` (an empty list when none applies)."""
    if isinstance(event, Meeting) and category == "CONSULT":
        return _consult_modes(event)
    if isinstance(event, TerritorialChange):
        if category == "COERCE" and event.kind in _SEIZE:
            return ["seize"]
        if category == "RETREAT" and event.kind not in _SEIZE:
            return ["withdraw"]
    return []


def contexts(event: Event) -> list[str]:
    """PLOVER contexts: ``military`` for exercises, then the modality's context."""
    out = ["military"] if isinstance(event, MilitaryExercise) else []
    modality = _MODALITY_CONTEXT.get(event.modality)
    if modality is not None:
        out.append(modality)
    return out


def plover_actor(actor: Actor) -> dict[str, Any]:
    """A PLOVER actor object."""
    return {
        "actorText": actor_text(actor),
        "identifierText": actor.name,
        "code": actor_code(actor),
        "sector": actor_sector(actor),
        "office": actor.title,
    }


def _place(location: Location) -> dict[str, Any]:
    return {"name": location.name, "cc3": location.country}


def _details(event: Event) -> dict[str, Any]:
    if isinstance(event, Meeting):
        return {"topics": list(event.topics)}
    if isinstance(event, MilitaryExercise):
        return {
            "name": event.name,
            "troops": event.troops,
            "ships": event.ships,
            "aircraft": event.aircraft,
            "durationDays": event.duration_days,
        }
    if isinstance(event, TerritorialChange):
        return {
            "kind": event.kind.value,
            "places": [_place(place) for place in event.places],
            "count": event.count,
        }
    if isinstance(event, Statement):
        return {"content": event.content, "medium": event.medium}
    return {}  # pragma: no cover - the four event types are all handled above


def plover_record(event: Event, document: Document | None = None) -> dict[str, Any]:
    """The PLOVER record of one event (``document`` gives its id and publication date)."""
    category = plover_category(event)
    actors, recipients = roles(event)
    date, location = event.date, event.location
    published = document.published if document is not None else None
    return {
        "id": event.id,
        "date": date.start.isoformat() if date is not None else None,
        "enddate": date.end.isoformat() if date is not None else None,
        "actor": [plover_actor(actor) for actor in actors],
        "recipient": [plover_actor(actor) for actor in recipients],
        "event": category,
        "mode": modes(event, category),
        "context": contexts(event),
        "eventText": [span.text for span in event.evidence],
        "eventLoc": _place(location) if location is not None else None,
        "size": event.troops if isinstance(event, MilitaryExercise) else None,
        EXTENSION: {
            "documentId": document.id if document is not None else None,
            "published": published.isoformat() if published is not None else None,
            "type": event.type,
            "modality": event.modality.value,
            "confidence": float(event.confidence) + 0.0,
            "rule": event.rule,
            "cameo": event.cameo,
            "datePrecision": date.precision.value if date is not None else None,
            "dateText": date.text if date is not None else None,
            "locationKind": (
                location.kind.value if location is not None and location.kind else None
            ),
            "evidenceSpans": [{"start": s.start, "end": s.end} for s in event.evidence],
            event.type: _details(event),
        },
    }


def plover_records(documents: Document | Iterable[Document]) -> Iterator[dict[str, Any]]:
    """The PLOVER record of every event of ``documents``, lazily, in order."""
    for document in _documents(documents):
        for event in document.events:
            yield plover_record(event, document)


def dumps(record: dict[str, Any]) -> str:
    """One compact JSON line (UTF-8 text, non-ASCII as is); orjson when installed."""
    orjson = _orjson
    if orjson is not None:
        try:
            return str(orjson.dumps(record).decode())
        except orjson.JSONEncodeError:
            pass  # lone surrogates or huge integers: the stdlib writes them
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class PloverWriter(Writer):
    """Writes PLOVER records as JSON Lines (one compact record per line)."""

    format = "plover"

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        self._stream = self._text_stream()

    def write(self, document: Document) -> int:
        lines = [dumps(plover_record(event, document)) + "\n" for event in document.events]
        self._stream.writelines(lines)
        self.count += len(lines)
        return len(lines)


def write_plover(documents: Document | Iterable[Document], target: Target) -> int:
    """Write the PLOVER records of ``documents`` as JSON Lines to ``target`` (a path or a
    text stream); return the number of records (events) written."""
    with PloverWriter(target) as writer:
        for document in _documents(documents):
            writer.write(document)
    return writer.count


@functools.cache
def _schema_text() -> str:
    return importlib.resources.files(__package__).joinpath("plover_schema.json").read_text("utf-8")


def plover_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one PLOVER record, as shipped with the package."""
    value: dict[str, Any] = json.loads(_schema_text())
    return value
