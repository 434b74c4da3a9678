"""Phoenix-style CAMEO dyads: one tab-separated line per (source, target) pair of an event.

PETRARCH/Phoenix event data record "who did what to whom" as dyads: a date, a
source actor, a target actor and a CAMEO event code. :func:`dyads` expands each
event into the pairs CAMEO coding gives it (the rule is in :func:`event_dyads`
and ``docs/export-phoenix.md``); :func:`write_phoenix` writes them as TSV with
the columns of :data:`PHOENIX_COLUMNS`. Every value is text: tabs and line
breaks inside a value are written as spaces and nothing is quoted, so any
reader that splits lines on ``\\t`` reads the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..model import Actor, Document, Event, Meeting, MilitaryExercise, Statement, TerritorialChange
from ._actors import actor_code, actor_sector
from ._output import Target, Writer
from .plover import HOST, VISIT, roles, visit_sides
from .table import _documents

__all__ = ["PHOENIX_COLUMNS", "PhoenixWriter", "dyads", "event_dyads", "write_phoenix"]

#: The columns of a dyad line, in order (see docs/export-phoenix.md).
PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorName",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorName",
    "EventCode",
    "EventRootCode",
    "LocationName",
    "CountryCode",
    "DocumentID",
    "Published",
    "Modality",
    "Sentence",
)

# Every character str.splitlines() breaks a line at, and the tab.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

#: A dyad: (source, target, CAMEO code); a missing side is None.
Pair = tuple[Actor | None, Actor | None, str | None]


def _clean(value: str | None) -> str:
    return "" if value is None else _BREAKS.sub(" ", value)


def pairs(event: Event) -> list[Pair]:
    """The (source, target, CAMEO code) pairs of one event.

    * A meeting whose visitors and hosts are known (see
      :func:`~diplo_events.export.plover.visit_sides`): each visitor -> each host with
      CAMEO 042 (make a visit) and each host -> each visitor with 043 (host a visit).
    * Any other meeting, and a military exercise: each ordered pair of two different
      participants, with the event's code (a meeting of three states gives 6 pairs).
    * A territorial change: one pair, the PLOVER actor -> recipient (the gainer -> the
      loser of a capture or annexation; the loser -> the gainer of a withdrawal or
      handover); a side the text does not name is empty.
    * A statement: one pair, the speaker -> no target.

    A meeting or exercise with fewer than two participants gives one line: its
    participant (or nobody) with no target. So every event has at least one line.
    """
    code = event.cameo
    out: list[Pair] = []
    if isinstance(event, Meeting) and (sides := visit_sides(event)) is not None:
        visitors, hosts = sides
        out = [(v, h, VISIT) for v in visitors for h in hosts]
        out += [(h, v, HOST) for h in hosts for v in visitors]
    elif isinstance(event, Meeting | MilitaryExercise):
        people = event.participants
        out = [(a, b, code) for i, a in enumerate(people) for j, b in enumerate(people) if i != j]
    elif isinstance(event, TerritorialChange | Statement):
        actors, recipients = roles(event)  # at most one of each
        out = [(actors[0] if actors else None, recipients[0] if recipients else None, code)]
    if not out:
        actors, _ = roles(event)
        out = [(a, None, code) for a in actors] or [(None, None, code)]
    return out


def _side(actor: Actor | None) -> list[str]:
    if actor is None:
        return ["", "", "", ""]
    code, sector = actor_code(actor) or "", actor_sector(actor) or ""
    return [code + sector, code, sector, _clean(actor.name)]


def event_dyads(event: Event, document: Document | None = None) -> list[list[str]]:
    """The dyad lines of one event, each a list of the :data:`PHOENIX_COLUMNS` values."""
    date = event.date
    day = date.start if date is not None else None
    published = document.published if document is not None else None
    where = event.location
    sentence = _clean(event.evidence[0].text)
    lines: list[list[str]] = []
    for n, (source, target, code) in enumerate(pairs(event), 1):
        lines.append(
            [
                _clean(f"{event.id}-{n}"),
                f"{day.year:04d}{day.month:02d}{day.day:02d}" if day else "",
                str(day.year) if day else "",
                str(day.month) if day else "",
                str(day.day) if day else "",
                *_side(source),
                *_side(target),
                _clean(code),
                _clean(code[:2]) if code else "",
                _clean(where.name) if where is not None else "",
                _clean(where.country) if where is not None else "",
                _clean(document.id) if document is not None else "",
                published.isoformat() if published is not None else "",
                event.modality.value,
                sentence,
            ]
        )
    return lines


def dyads(documents: Document | Iterable[Document]) -> Iterator[dict[str, str]]:
    """Every dyad of ``documents`` as a dict of :data:`PHOENIX_COLUMNS` to text, lazily."""
    for document in _documents(documents):
        for event in document.events:
            for line in event_dyads(event, document):
                yield dict(zip(PHOENIX_COLUMNS, line, strict=True))


class PhoenixWriter(Writer):
    """Writes dyads as TSV: ``\\n`` line ends, no quoting, a header line unless ``header=False``
    (Phoenix's own files have none)."""

    format = "phoenix"

    def __init__(self, target: Target, *, header: bool = True) -> None:
        super().__init__(target)
        self._stream = self._text_stream()
        if header:
            self._stream.write("\t".join(PHOENIX_COLUMNS) + "\n")

    def write(self, document: Document) -> int:
        lines = [
            "\t".join(line) + "\n"
            for event in document.events
            for line in event_dyads(event, document)
        ]
        self._stream.writelines(lines)
        self.count += len(lines)
        return len(lines)


def write_phoenix(
    documents: Document | Iterable[Document], target: Target, *, header: bool = True
) -> int:
    """Write the dyads of ``documents`` as TSV to ``target`` (a path or a text stream);
    return the number of dyad lines written."""
    with PhoenixWriter(target, header=header) as writer:
        for document in _documents(documents):
            writer.write(document)
    return writer.count
