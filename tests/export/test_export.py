"""The diplo_events.export package: formats, open_writer, and what importing it costs."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from export_helpers import EVIDENCE, NORWAY, document

import diplo_events
from diplo_events import cli, export
from diplo_events.export.table import COLUMN_NAMES
from diplo_events.model import Document, Meeting


def test_formats_match_the_command_line() -> None:
    assert tuple(export.FORMATS) == cli.EXPORT_FORMATS
    assert {cls.format for cls in export.FORMATS.values()} == set(export.FORMATS)
    assert cli.DEFAULT_ROW_GROUP_SIZE == export.DEFAULT_ROW_GROUP_SIZE


def test_unknown_format_names_the_choices() -> None:
    expected = r"unknown export format 'xlsx' \(expected one of csv, parquet"
    with pytest.raises(ValueError, match=expected):
        export.open_writer("xlsx", io.StringIO())


def test_export_is_reachable_from_the_package() -> None:
    assert diplo_events.export is export
    assert "export" in diplo_events.__all__


def test_importing_export_loads_neither_pyarrow_nor_the_parser() -> None:
    code = "import diplo_events.export, sys; print(sorted(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    modules = set(out.strip("[]\n").replace("'", "").split(", "))
    assert "diplo_events.export" in modules
    assert not {m for m in modules if m.split(".")[0] in {"pyarrow", "cattrs"}}
    assert not {m for m in modules if m.startswith("diplo_events._parsing")}


def test_writers_consume_a_generator_lazily() -> None:
    seen: list[int] = []

    def stream() -> Iterator[Document]:
        for i in range(3):
            seen.append(i)
            yield document(Meeting(id=f"m{i}", evidence=EVIDENCE, participants=[NORWAY]))

    rows: Iterator[dict[str, Any]] = export.rows(stream())
    assert seen == []
    next(rows)
    assert seen == [0]
    assert export.write_csv(stream(), io.StringIO()) == 3


# --- the docs describe what the code writes ---------------------------------------------

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _table_keys(page: str) -> list[str]:
    """The backticked names in the first column of the Markdown tables of a docs page."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.findall(r"^\| `([^`]+)`", text, flags=re.MULTILINE)


def test_table_docs_list_every_column_in_order() -> None:
    documented = [key for key in _table_keys("export-table.md") if key in COLUMN_NAMES]
    assert documented == list(COLUMN_NAMES)


def test_phoenix_docs_name_every_column() -> None:
    text = (DOCS / "export-phoenix.md").read_text(encoding="utf-8")
    assert [name for name in export.PHOENIX_COLUMNS if f"`{name}`" not in text] == []


def test_plover_docs_name_every_field() -> None:
    keys = set(_table_keys("export-plover.md"))
    schema = export.plover_json_schema()
    fields = set(schema["properties"]) - {"x_diplo_events"}
    actor = set(schema["$defs"]["actor"]["properties"])
    extension = set(schema["$defs"]["extension"]["properties"])
    text = (DOCS / "export-plover.md").read_text(encoding="utf-8")
    assert fields <= keys
    assert actor <= keys
    assert [key for key in sorted(extension) if f"`{key}`" not in text] == []
