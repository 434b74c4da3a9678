"""The event table as Parquet: the Arrow schema, the round trip, row groups, the missing extra."""

from __future__ import annotations

import builtins
import io
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from export_helpers import EVIDENCE, NORWAY, day, document
from hypothesis import given
from hypothesis import strategies as st

from diplo_events.export import COLUMNS, ParquetWriter, arrow_schema, parquet, rows, write_parquet
from diplo_events.model import Document, Meeting, MilitaryExercise
from diplo_events.strategies import documents


def _parquet(docs: list[Document] | Document, **options: Any) -> io.BytesIO:
    out = io.BytesIO()
    write_parquet(docs, out, **options)
    out.seek(0)
    return out


def test_schema_has_real_types() -> None:
    schema = arrow_schema()
    assert schema.names == [column.name for column in COLUMNS]
    assert schema.field("date_start").type == pa.date32()
    assert schema.field("document_published").type == pa.date32()
    assert schema.field("troops").type == pa.int64()
    assert schema.field("count").type == pa.int64()
    assert schema.field("confidence").type == pa.float64()
    assert schema.field("actor_names").type == pa.list_(pa.string())
    assert schema.field("evidence_starts").type == pa.list_(pa.int64())
    assert schema.field("event_id").type == pa.string()
    assert not schema.field("event_id").nullable
    assert schema.field("date_start").nullable


@given(st.lists(documents(), max_size=3))
def test_parquet_reads_back_as_the_rows(docs: list[Document]) -> None:
    table = pq.read_table(_parquet(docs))
    assert table.schema.equals(arrow_schema())
    assert table.num_rows == sum(len(doc.events) for doc in docs)
    assert table.to_pylist() == list(rows(docs))


def _meetings(n: int) -> Document:
    return document(
        *(Meeting(id=f"m{i}", evidence=EVIDENCE, participants=[NORWAY]) for i in range(n))
    )


def test_rows_are_written_in_row_groups_of_bounded_size() -> None:
    docs = [_meetings(4) for _ in range(6)]  # 24 rows
    metadata = pq.ParquetFile(_parquet(docs, row_group_size=10)).metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sizes == [10, 10, 4]


def test_writer_buffers_less_than_one_row_group() -> None:
    out = io.BytesIO()
    with ParquetWriter(out, row_group_size=3) as writer:
        for _ in range(5):
            writer.write(_meetings(2))
            assert writer.buffered < 3
    assert writer.count == 10
    assert pq.ParquetFile(out).metadata.num_row_groups == 4


def test_row_groups_are_exact_across_record_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parquet, "BATCH_ROWS", 4)
    docs = [_meetings(3) for _ in range(9)]  # 27 rows, batches of 4, groups of 10
    table = pq.read_table(_parquet(docs, row_group_size=10))
    metadata = pq.ParquetFile(_parquet(docs, row_group_size=10)).metadata
    sizes = [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)]
    assert sizes == [10, 10, 7]
    assert table.to_pylist() == list(rows(docs))


def test_no_events_gives_an_empty_table_with_the_schema(tmp_path: Path) -> None:
    path = tmp_path / "empty.parquet"
    assert write_parquet([document(), document()], path) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0
    assert table.schema.equals(arrow_schema())


def test_dates_and_counts_keep_their_types(tmp_path: Path) -> None:
    exercise = MilitaryExercise(
        id="x", evidence=EVIDENCE, participants=[NORWAY], troops=3000, date=day("2022-09-19")
    )
    path = tmp_path / "x.parquet"
    write_parquet(document(exercise), path)
    (row,) = pq.read_table(path).to_pylist()
    assert row["troops"] == 3000
    assert str(row["date_start"]) == "2022-09-19"
    assert row["ships"] is None


def test_a_count_beyond_int64_is_a_value_error() -> None:
    exercise = MilitaryExercise(id="x", evidence=EVIDENCE, troops=2**70)
    with pytest.raises(ValueError, match="cannot write the event table as Parquet"):
        write_parquet(document(exercise), io.BytesIO())


def test_row_group_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="row_group_size must be at least 1"):
        ParquetWriter(io.BytesIO(), row_group_size=0)


def _without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import pyarrow`` fail, as in an environment without the extra."""
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_missing_pyarrow_gives_one_line_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _without_pyarrow(monkeypatch)
    path = tmp_path / "events.parquet"
    with pytest.raises(ImportError) as info:
        write_parquet(_meetings(1), path)
    message = str(info.value)
    assert message == 'Parquet output needs pyarrow: pip install "diplo-events[parquet]"'
    assert "\n" not in message
    assert not path.exists()  # nothing is created before pyarrow is found
    with pytest.raises(ImportError, match=r"diplo-events\[parquet\]"):
        arrow_schema()
