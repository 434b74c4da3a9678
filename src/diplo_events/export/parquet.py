"""The event table as Parquet, with a fixed Arrow schema (needs pyarrow: the ``parquet`` extra).

:func:`arrow_schema` maps the columns of :data:`~diplo_events.export.table.COLUMNS`
to real Arrow types: dates are ``date32``, counts and offsets ``int64``, the
confidence ``float64``, lists ``list<string>`` / ``list<int64>``.
:class:`ParquetWriter` writes documents as they come, in row groups of at most
``row_group_size`` rows, so memory stays bounded whatever the number of documents.

pyarrow is imported only when a function here is called, so ``import
diplo_events.export`` works without it; without it those calls raise an
:class:`ImportError` that names the extra to install.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Document
from ._output import Target, Writer
from .table import COLUMN_NAMES, COLUMNS, ColumnType, _documents, event_row

__all__ = ["DEFAULT_ROW_GROUP_SIZE", "ParquetWriter", "arrow_schema", "write_parquet"]

#: Rows per Parquet row group: the most rows a writer holds in memory (as Arrow data).
DEFAULT_ROW_GROUP_SIZE = 20_000
#: Rows held as Python objects before they are turned into an Arrow record batch.
BATCH_ROWS = 1_000

_MISSING = 'Parquet output needs pyarrow: pip install "diplo-events[parquet]"'


def _pyarrow() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or an ImportError naming the extra."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ImportError(_MISSING) from None
    return pyarrow, pyarrow.parquet


def arrow_schema() -> Any:
    """The ``pyarrow.Schema`` of the event table (one field per column, in order)."""
    pa, _ = _pyarrow()
    types = {
        ColumnType.STRING: pa.string(),
        ColumnType.DATE: pa.date32(),
        ColumnType.INT: pa.int64(),
        ColumnType.FLOAT: pa.float64(),
        ColumnType.STRINGS: pa.list_(pa.string()),
        ColumnType.INTS: pa.list_(pa.int64()),
    }
    return pa.schema(
        [pa.field(column.name, types[column.type], nullable=column.nullable) for column in COLUMNS]
    )


class ParquetWriter(Writer):
    """Writes the event table as Parquet, one row group per ``row_group_size`` rows.

    Rows are turned into Arrow record batches every ``BATCH_ROWS`` (1,000) rows (Arrow holds
    them far more compactly than Python objects) and a row group is written as soon as
    ``row_group_size`` rows are buffered, so memory is bounded by one row group in Arrow
    form plus one batch of Python rows.
    """

    format = "parquet"
    binary = True

    def __init__(self, target: Target, *, row_group_size: int = DEFAULT_ROW_GROUP_SIZE) -> None:
        if row_group_size < 1:
            raise ValueError(f"row_group_size must be at least 1, got {row_group_size}")
        self._pa, pq = _pyarrow()  # before opening anything: no empty file without pyarrow
        super().__init__(target)
        self.row_group_size = row_group_size
        self._schema = arrow_schema()
        self._writer = pq.ParquetWriter(self._binary_stream(), self._schema)
        self._columns: dict[str, list[Any]] = {name: [] for name in COLUMN_NAMES}
        self._pending = 0  # Python rows in self._columns
        self._batches: list[Any] = []  # record batches of the current row group
        self._batched = 0  # rows in self._batches

    @staticmethod
    def check_available() -> None:
        """Raise the ImportError naming the ``parquet`` extra if pyarrow is missing."""
        _pyarrow()

    @property
    def buffered(self) -> int:
        """Rows written to the writer but not yet to the file (less than ``row_group_size``)."""
        return self._pending + self._batched

    def write(self, document: Document) -> int:
        for event in document.events:
            columns = self._columns  # a new dict after each batch
            for name, value in event_row(event, document).items():
                columns[name].append(value)
            self._pending += 1
            if self._pending >= min(BATCH_ROWS, self.row_group_size - self._batched):
                self._to_arrow()
        self.count += len(document.events)
        return len(document.events)

    def _to_arrow(self) -> None:
        pa = self._pa
        try:
            batch = pa.RecordBatch.from_pydict(self._columns, schema=self._schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
            raise ValueError(f"cannot write the event table as Parquet: {exc}") from None
        self._batches.append(batch)
        self._batched += self._pending
        self._columns = {name: [] for name in COLUMN_NAMES}
        self._pending = 0
        if self._batched >= self.row_group_size:
            self._write_row_group()

    def _write_row_group(self) -> None:
        table = self._pa.Table.from_batches(self._batches, schema=self._schema)
        self._writer.write_table(table, row_group_size=self.row_group_size)
        self._batches = []
        self._batched = 0

    def _finish(self) -> None:
        try:
            if self._pending:
                self._to_arrow()
            if self._batched:
                self._write_row_group()
        finally:
            self._writer.close()


def write_parquet(
    documents: Document | Iterable[Document],
    target: Target,
    *,
    row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
) -> int:
    """Write the event table of ``documents`` as Parquet to ``target`` (a path or a binary
    stream); return the number of rows (events) written."""
    with ParquetWriter(target, row_group_size=row_group_size) as writer:
        for document in _documents(documents):
            writer.write(document)
    return writer.count
