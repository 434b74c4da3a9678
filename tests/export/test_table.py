"""The flat event table: rows(), text_row() and the CSV writer."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from export_helpers import CHILE, EVIDENCE, NORWAY, city, day, document, person, state
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.export import COLUMNS, LIST_SEPARATOR, ColumnType, rows, text_row, write_csv
from diplo_events.export.table import COLUMN_NAMES, CsvWriter
from diplo_events.model import (
    Actor,
    ActorKind,
    Document,
    Location,
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events.strategies import documents

DOCS = st.lists(documents(), max_size=3)


def _csv_text(docs: list[Document], **options: bool) -> str:
    out = io.StringIO(newline="")
    write_csv(docs, out, **options)
    return out.getvalue()


def test_column_names_are_unique_identifiers() -> None:
    names = [column.name for column in COLUMNS]
    assert len(set(names)) == len(names)
    assert all(name.isidentifier() and name.islower() for name in names)


def test_required_and_list_columns_are_not_nullable() -> None:
    nullable = {column.name for column in COLUMNS if column.nullable}
    assert "event_id" not in nullable
    assert "confidence" not in nullable
    assert "actor_names" not in nullable
    assert "date_start" in nullable


@given(DOCS)
def test_one_row_per_event_with_every_column_in_order(docs: list[Document]) -> None:
    table = list(rows(docs))
    assert len(table) == sum(len(doc.events) for doc in docs)
    assert all(list(row) == list(COLUMN_NAMES) for row in table)
    assert [row["event_id"] for row in table] == [e.id for doc in docs for e in doc.events]


@given(DOCS)
def test_values_have_their_column_type(docs: list[Document]) -> None:
    scalar = {
        ColumnType.STRING: str,
        ColumnType.DATE: dt.date,
        ColumnType.INT: int,
        ColumnType.FLOAT: float,
    }
    for row in rows(docs):
        for column in COLUMNS:
            value = row[column.name]
            if column.type is ColumnType.STRINGS:
                assert all(item is None or isinstance(item, str) for item in value)
            elif column.type is ColumnType.INTS:
                assert all(type(item) is int for item in value)
            elif value is None:
                assert column.nullable, column.name
            else:
                assert isinstance(value, scalar[column.type]), column.name


@given(DOCS)
def test_csv_reads_back_as_the_text_of_the_rows(docs: list[Document]) -> None:
    read = list(csv.reader(io.StringIO(_csv_text(docs), newline="")))
    assert read[0] == list(COLUMN_NAMES)
    assert read[1:] == [text_row(row) for row in rows(docs)]


def test_meeting_row() -> None:
    meeting = Meeting(
        id="m1",
        evidence=EVIDENCE,
        date=day("2023-05-02"),
        location=city("Oslo", "NOR"),
        participants=[person("Ana Lopez", "CHL", title="Foreign Minister"), NORWAY],
        topics=["fisheries", "Antarctic research"],
        confidence=1,
        cameo="040",
        plover="CONSULT",
    )
    (row,) = rows(document(meeting, published="2023-05-04"))
    assert row["document_id"] == "doc-1"
    assert row["document_published"] == dt.date(2023, 5, 4)
    assert row["date_start"] == row["date_end"] == dt.date(2023, 5, 2)
    assert row["date_precision"] == "day"
    assert (row["location_name"], row["location_country"], row["location_kind"]) == (
        "Oslo",
        "NOR",
        "city",
    )
    assert row["confidence"] == 1.0
    assert isinstance(row["confidence"], float)
    assert row["actor_names"] == ["Ana Lopez", "Norway"]
    assert row["actor_countries"] == ["CHL", "NOR"]
    assert row["actor_titles"] == ["Foreign Minister", None]
    assert row["topics"] == ["fisheries", "Antarctic research"]
    assert row["troops"] is None
    assert row["speaker_name"] is None
    assert row["evidence_starts"] == [0]
    assert row["evidence_ends"] == [len(EVIDENCE[0].text)]


def test_type_specific_columns() -> None:
    taliban = Actor(name="Taliban", kind=ActorKind.ARMED_GROUP, organization="Taliban")
    afghanistan = state("Afghanistan", "AFG")
    events = [
        MilitaryExercise(
            id="x", evidence=EVIDENCE, participants=[NORWAY], name="Cold Response", troops=3000
        ),
        TerritorialChange(
            id="t",
            evidence=EVIDENCE,
            kind=TerritorialChangeKind.CAPTURE,
            gainer=taliban,
            loser=afghanistan,
            places=[city("Herat", "AFG"), Location(country="AFG")],
            count=12,
        ),
        Statement(id="s", evidence=EVIDENCE, speaker=CHILE, content="We agree.", medium="tweet"),
    ]
    exercise, change, statement = rows(document(*events))
    assert (exercise["exercise_name"], exercise["troops"]) == ("Cold Response", 3000)
    assert change["change_kind"] == "capture"
    assert change["actor_names"] == ["Taliban", "Afghanistan"]
    assert (change["gainer_name"], change["gainer_country"]) == ("Taliban", None)
    assert (change["loser_name"], change["loser_country"]) == ("Afghanistan", "AFG")
    assert change["place_names"] == ["Herat", None]
    assert change["place_countries"] == ["AFG", "AFG"]
    assert change["count"] == 12
    assert (statement["speaker_name"], statement["speaker_country"]) == ("Chile", "CHL")
    assert (statement["content"], statement["medium"]) == ("We agree.", "tweet")
    assert statement["actor_names"] == ["Chile"]


def test_rows_take_one_document_or_an_iterable_of_them() -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY])
    one = document(meeting)
    assert list(rows(one)) == list(rows([one]))
    assert len(list(rows(iter([one, one])))) == 2
    assert list(rows(document())) == []


def test_text_row_forms() -> None:
    meeting = Meeting(
        id="m",
        evidence=EVIDENCE,
        participants=[person("A", None, title="envoy"), CHILE],
        topics=[],
        modality=Modality.PLANNED,
        confidence=0.25,
    )
    (row,) = rows(document(meeting, id=None, published="2023-05-04"))
    text = dict(zip(COLUMN_NAMES, text_row(row), strict=True))
    assert text["document_id"] == ""
    assert text["document_published"] == "2023-05-04"
    assert text["confidence"] == "0.25"
    assert text["actor_names"] == f"A{LIST_SEPARATOR}Chile"
    assert text["actor_countries"] == f"{LIST_SEPARATOR}CHL"
    assert text["topics"] == ""
    assert text["modality"] == "planned"


def test_text_row_rejects_a_value_of_no_column_type() -> None:
    row = dict.fromkeys(COLUMN_NAMES)
    row["event_id"] = {"not": "a column value"}
    with pytest.raises(TypeError, match="unexpected value"):
        text_row(row)


def test_csv_without_header_and_to_a_path(tmp_path: Path) -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY], date=day("2023-05-02"))
    assert _csv_text([document(meeting)], header=False).startswith("doc-1,,m,meeting,2023-05-02")
    path = tmp_path / "events.csv"
    assert write_csv(document(meeting, meeting), path) == 2
    with open(path, encoding="utf-8", newline="") as f:
        assert len(list(csv.reader(f))) == 3
    assert path.read_bytes().count(b"\r\n") == 3  # RFC 4180 line ends


def test_csv_writer_counts_and_leaves_a_stream_open() -> None:
    meeting = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY])
    out = io.StringIO(newline="")
    with CsvWriter(out) as writer:
        assert writer.write(document(meeting, meeting)) == 2
        assert writer.write(document()) == 0
    assert writer.count == 2
    assert not out.closed
