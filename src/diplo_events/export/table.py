"""A flat, typed table of events: one row per event, and its CSV form.

:func:`rows` turns documents into plain dicts, one per event, with the columns of
:data:`COLUMNS` in that order: ready for ``pandas.DataFrame(...)``,
``polars.DataFrame(...)`` or :func:`csv.DictWriter`. Values keep their Python
types (``str``, ``int``, ``float``, :class:`datetime.date`, ``list``, ``None``);
:func:`text_row` gives the text each value has in a CSV file, where lists are
joined with :data:`LIST_SEPARATOR`. The columns are described in
``docs/export-table.md``.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from ..model import Actor, Document, Event, Meeting, MilitaryExercise, Statement, TerritorialChange
from ._output import Target, Writer

__all__ = [
    "COLUMNS",
    "LIST_SEPARATOR",
    "Column",
    "ColumnType",
    "CsvWriter",
    "rows",
    "text_row",
    "write_csv",
]

#: Joins the items of a list column in CSV (a ``None`` item is written as an empty string).
LIST_SEPARATOR = "|"


class ColumnType(enum.StrEnum):
    """The type of a column's values (``None`` is allowed in every column)."""

    STRING = "string"
    DATE = "date"
    INT = "int"
    FLOAT = "float"
    STRINGS = "list<string>"
    INTS = "list<int>"


@attrs.frozen
class Column:
    """A column of the event table: its name, value type and meaning.

    ``required`` columns are never ``None`` (list columns are never ``None`` either:
    an empty list stands for no items).
    """

    name: str
    type: ColumnType
    description: str
    required: bool = False

    @property
    def nullable(self) -> bool:
        """True if the column may hold ``None``."""
        return not self.required and self.type not in (ColumnType.STRINGS, ColumnType.INTS)


_S, _D, _I, _F, _SS, _II = (
    ColumnType.STRING,
    ColumnType.DATE,
    ColumnType.INT,
    ColumnType.FLOAT,
    ColumnType.STRINGS,
    ColumnType.INTS,
)

#: The columns of the event table, in order.
COLUMNS: tuple[Column, ...] = (
    Column("document_id", _S, "the document's `id`"),
    Column("document_published", _D, "the document's publication date"),
    Column("event_id", _S, "the event's `id`", required=True),
    Column("type", _S, "the event type: `meeting`, `military_exercise`, ...", required=True),
    Column("date_start", _D, "first day of the event's `date`"),
    Column("date_end", _D, "last day of the event's `date`"),
    Column("date_precision", _S, "`day`, `week`, `month` or `year`"),
    Column("date_text", _S, 'the date expression ("on Wednesday")'),
    Column("location_name", _S, "name of the event's `location`"),
    Column("location_country", _S, "ISO 3166-1 alpha-3 code of the location"),
    Column("location_kind", _S, "`city`, `country`, `region`, `border`, `site` or `water`"),
    Column("modality", _S, "`realized`, `planned`, `negated` or `hypothetical`", required=True),
    Column("confidence", _F, "rule confidence in [0, 1]", required=True),
    Column("rule", _S, "id of the rule that produced the event", required=True),
    Column("cameo", _S, "CAMEO event code"),
    Column("plover", _S, "PLOVER category"),
    Column("actor_names", _SS, "names of the event's parties (see below)"),
    Column("actor_kinds", _SS, "`person`, `state`, `organization` or `armed_group` of each"),
    Column("actor_countries", _SS, "alpha-3 code of each party (empty item: none)"),
    Column("actor_organizations", _SS, "organization of each party (empty item: none)"),
    Column("actor_titles", _SS, "title of each party (empty item: none)"),
    Column("speaker_name", _S, "statement: the speaker's name"),
    Column("speaker_country", _S, "statement: the speaker's alpha-3 code"),
    Column("content", _S, "statement: what was said"),
    Column("medium", _S, "statement: `tweet`, `interview`, ..."),
    Column("topics", _SS, "meeting: the topics"),
    Column("exercise_name", _S, 'military exercise: its name ("Zapad-2021")'),
    Column("troops", _I, "military exercise: personnel"),
    Column("ships", _I, "military exercise: ships"),
    Column("aircraft", _I, "military exercise: aircraft"),
    Column("duration_days", _I, "military exercise: length in days"),
    Column("change_kind", _S, "territorial change: `capture`, `withdrawal`, ..."),
    Column("gainer_name", _S, "territorial change: who gained control"),
    Column("gainer_country", _S, "territorial change: the gainer's alpha-3 code"),
    Column("loser_name", _S, "territorial change: who lost control"),
    Column("loser_country", _S, "territorial change: the loser's alpha-3 code"),
    Column("place_names", _SS, "territorial change: the places (empty item: no name)"),
    Column("place_countries", _SS, "territorial change: alpha-3 code of each place"),
    Column("count", _I, 'territorial change: "12 of 34 provincial capitals" gives 12'),
    Column("evidence_texts", _SS, "the sentences that report the event"),
    Column("evidence_starts", _II, "character offset where each sentence starts"),
    Column("evidence_ends", _II, "character offset where each sentence ends"),
)

#: The column names, in order.
COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)


def _documents(documents: Document | Iterable[Document]) -> Iterable[Document]:
    return (documents,) if isinstance(documents, Document) else documents


def parties(event: Event) -> tuple[Actor, ...]:
    """The event's parties: participants, gainer and loser, or the speaker."""
    if isinstance(event, Meeting | MilitaryExercise):
        return event.participants
    if isinstance(event, TerritorialChange):
        return tuple(actor for actor in (event.gainer, event.loser) if actor is not None)
    if isinstance(event, Statement):
        return (event.speaker,)
    return ()  # pragma: no cover - the four event types are all handled above


def _common(event: Event, document: Document | None, actors: tuple[Actor, ...]) -> dict[str, Any]:
    """The columns every event type fills, up to ``actor_titles``, in column order.

    Enum values are read from ``_value_`` (the documented attribute behind ``.value``,
    without its descriptor's cost): this runs once per event of a corpus.
    """
    date, location = event.date, event.location
    start: dt.date | None = None
    end: dt.date | None = None
    precision: str | None = None
    date_text: str | None = None
    if date is not None:
        start, end, precision, date_text = date.start, date.end, date.precision._value_, date.text
    if location is not None:
        kind = location.kind
        where = (location.name, location.country, kind._value_ if kind is not None else None)
    else:
        where = (None, None, None)
    return {
        "document_id": document.id if document is not None else None,
        "document_published": document.published if document is not None else None,
        "event_id": event.id,
        "type": event.type,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_text": date_text,
        "location_name": where[0],
        "location_country": where[1],
        "location_kind": where[2],
        "modality": event.modality._value_,
        "confidence": float(event.confidence) + 0.0,
        "rule": event.rule,
        "cameo": event.cameo,
        "plover": event.plover,
        "actor_names": [actor.name for actor in actors],
        "actor_kinds": [actor.kind._value_ for actor in actors],
        "actor_countries": [actor.country for actor in actors],
        "actor_organizations": [actor.organization for actor in actors],
        "actor_titles": [actor.title for actor in actors],
    }


def _statement(row: dict[str, Any], statement: Statement | None) -> None:
    speaker = statement.speaker if statement is not None else None
    row["speaker_name"] = speaker.name if speaker is not None else None
    row["speaker_country"] = speaker.country if speaker is not None else None
    row["content"] = statement.content if statement is not None else None
    row["medium"] = statement.medium if statement is not None else None
    row["topics"] = []


def _exercise(row: dict[str, Any], exercise: MilitaryExercise | None) -> None:
    if exercise is None:
        row["exercise_name"] = row["troops"] = row["ships"] = row["aircraft"] = None
        row["duration_days"] = None
        return
    row["exercise_name"] = exercise.name
    row["troops"] = exercise.troops
    row["ships"] = exercise.ships
    row["aircraft"] = exercise.aircraft
    row["duration_days"] = exercise.duration_days


def _change(row: dict[str, Any], change: TerritorialChange | None) -> None:
    gainer = change.gainer if change is not None else None
    loser = change.loser if change is not None else None
    places = change.places if change is not None else ()
    row["change_kind"] = change.kind._value_ if change is not None else None
    row["gainer_name"] = gainer.name if gainer is not None else None
    row["gainer_country"] = gainer.country if gainer is not None else None
    row["loser_name"] = loser.name if loser is not None else None
    row["loser_country"] = loser.country if loser is not None else None
    row["place_names"] = [place.name for place in places]
    row["place_countries"] = [place.country for place in places]
    row["count"] = change.count if change is not None else None


def event_row(event: Event, document: Document | None = None) -> dict[str, Any]:
    """The table row of one event (``document`` gives the two ``document_*`` columns)."""
    row = _common(event, document, parties(event))
    _statement(row, event if isinstance(event, Statement) else None)
    if isinstance(event, Meeting):
        row["topics"] = list(event.topics)
    _exercise(row, event if isinstance(event, MilitaryExercise) else None)
    _change(row, event if isinstance(event, TerritorialChange) else None)
    spans = event.evidence
    row["evidence_texts"] = [span.text for span in spans]
    row["evidence_starts"] = [span.start for span in spans]
    row["evidence_ends"] = [span.end for span in spans]
    return row


def rows(documents: Document | Iterable[Document]) -> Iterator[dict[str, Any]]:
    """One dict per event of ``documents`` (a document or an iterable of them), lazily.

    The keys are the column names of :data:`COLUMNS`, in order. A document without
    events gives no row.
    """
    for document in _documents(documents):
        for event in document.events:
            yield event_row(event, document)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dt.date | int | float):
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    if isinstance(value, list):
        return LIST_SEPARATOR.join(_text(item) for item in value)
    raise TypeError(f"unexpected value in an event row: {type(value).__name__}")


# Fast paths for the values rows() makes; anything else goes through _text.
def _string_text(value: Any) -> str:
    return value if value.__class__ is str else _text(value)


def _date_text(value: Any) -> str:
    return value.isoformat() if value.__class__ is dt.date else _text(value)


def _number_text(value: Any) -> str:
    return repr(value) if value.__class__ in (int, float) else _text(value)


def _strings_text(value: Any) -> str:
    if value.__class__ is list:
        return LIST_SEPARATOR.join(
            [item if item.__class__ is str else _text(item) for item in value]
        )
    return _text(value)


def _ints_text(value: Any) -> str:
    if value.__class__ is list:
        return LIST_SEPARATOR.join(
            [repr(item) if item.__class__ is int else _text(item) for item in value]
        )
    return _text(value)


_TEXT = {
    ColumnType.STRING: _string_text,
    ColumnType.DATE: _date_text,
    ColumnType.INT: _number_text,
    ColumnType.FLOAT: _number_text,
    ColumnType.STRINGS: _strings_text,
    ColumnType.INTS: _ints_text,
}
_CONVERTERS = tuple((column.name, _TEXT[column.type]) for column in COLUMNS)


def text_row(row: dict[str, Any]) -> list[str]:
    """The CSV text of each value of ``row``, in column order.

    ``None`` is the empty string, dates are ``YYYY-MM-DD``, numbers are written as
    Python writes them (``0.8``, ``2500``), and a list is its items' text joined with
    :data:`LIST_SEPARATOR` (an empty list is the empty string).
    """
    return [convert(row[name]) for name, convert in _CONVERTERS]


class CsvWriter(Writer):
    """Writes the event table as CSV (RFC 4180: comma-separated, ``"``-quoted as needed,
    CRLF line ends) with a header line of the column names."""

    format = "csv"

    def __init__(self, target: Target, *, header: bool = True) -> None:
        super().__init__(target)
        self._csv = csv.writer(self._text_stream())
        if header:
            self._csv.writerow(COLUMN_NAMES)

    def write(self, document: Document) -> int:
        rows_ = [text_row(event_row(event, document)) for event in document.events]
        self._csv.writerows(rows_)
        self.count += len(rows_)
        return len(rows_)


def write_csv(
    documents: Document | Iterable[Document], target: Target, *, header: bool = True
) -> int:
    """Write the event table of ``documents`` as CSV to ``target`` (a path or a text
    stream opened with ``newline=""``); return the number of rows (events) written."""
    with CsvWriter(target, header=header) as writer:
        for document in _documents(documents):
            writer.write(document)
    return writer.count
