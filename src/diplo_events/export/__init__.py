"""Events for other systems: flat tables (CSV, Parquet), PLOVER/POLECAT JSON Lines and
Phoenix-style CAMEO dyads.

>>> from diplo_events import export
>>> rows = list(export.rows(documents))            # one dict per event   # doctest: +SKIP
>>> export.write_csv(documents, "events.csv")                             # doctest: +SKIP
>>> export.write_parquet(documents, "events.parquet")  # needs the parquet extra  # doctest: +SKIP
>>> export.write_plover(documents, "events.plover.jsonl")                 # doctest: +SKIP
>>> export.write_phoenix(documents, "events.dyads.tsv")                   # doctest: +SKIP

Every ``write_*`` function takes one :class:`~diplo_events.Document` or an iterable of
them (a generator is consumed lazily) and a path or an open stream, and returns the
number of records written. For output built document by document, :func:`open_writer`
gives the streaming writer of a format. Importing this module does not import pyarrow.
The formats are described in ``docs/export-*.md``.
"""

from __future__ import annotations

from typing import Any

from ._output import Target, Writer
from .parquet import DEFAULT_ROW_GROUP_SIZE, ParquetWriter, arrow_schema, write_parquet
from .phoenix import PHOENIX_COLUMNS, PhoenixWriter, dyads, write_phoenix
from .plover import PloverWriter, plover_json_schema, plover_record, plover_records, write_plover
from .table import (
    COLUMNS,
    LIST_SEPARATOR,
    Column,
    ColumnType,
    CsvWriter,
    event_row,
    rows,
    text_row,
    write_csv,
)

__all__ = [
    "COLUMNS",
    "DEFAULT_ROW_GROUP_SIZE",
    "FORMATS",
    "LIST_SEPARATOR",
    "PHOENIX_COLUMNS",
    "Column",
    "ColumnType",
    "CsvWriter",
    "ParquetWriter",
    "PhoenixWriter",
    "PloverWriter",
    "Target",
    "Writer",
    "arrow_schema",
    "dyads",
    "event_row",
    "open_writer",
    "plover_json_schema",
    "plover_record",
    "plover_records",
    "rows",
    "text_row",
    "write_csv",
    "write_parquet",
    "write_phoenix",
    "write_plover",
]

#: The writer class of each format, by the name the command line uses.
FORMATS: dict[str, type[Writer]] = {
    "csv": CsvWriter,
    "parquet": ParquetWriter,
    "plover": PloverWriter,
    "phoenix": PhoenixWriter,
}


def open_writer(format: str, target: Target, **options: Any) -> Writer:
    """A streaming writer of ``format`` (a key of :data:`FORMATS`) to ``target``.

    ``options`` go to the writer: ``header=False`` for ``csv`` and ``phoenix``,
    ``row_group_size=N`` for ``parquet``. Write documents with ``writer.write(doc)``
    and finish with ``writer.close()`` (or use the writer as a context manager).
    """
    try:
        cls = FORMATS[format]
    except KeyError:
        choices = ", ".join(FORMATS)
        raise ValueError(f"unknown export format {format!r} (expected one of {choices})") from None
    return cls(target, **options)
