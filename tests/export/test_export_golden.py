"""Golden files: what each export format writes for the seed article.

The files in tests/export/golden/ are made by tools/update_export_golden.py from the
parser's output for seeds/000_22928ed1188cab94.txt. When the parser changes on purpose,
regenerate them with ``.venv/bin/python tools/update_export_golden.py`` and review the diff.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "export" / "golden"
TOOL = ROOT / "tools" / "update_export_golden.py"
HINT = "if the change is intended, run: .venv/bin/python tools/update_export_golden.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_export_golden", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    paths: dict[str, Path] = _tool().write_goldens(tmp_path_factory.mktemp("export-golden"))
    return paths


def test_there_is_a_golden_file_per_format() -> None:
    assert sorted(_tool().FILES) == ["csv", "parquet", "phoenix", "plover"]
    for name in _tool().FILES.values():
        assert (GOLDEN / name).is_file(), f"{name} missing; {HINT}"


@pytest.mark.parametrize("fmt", ["csv", "phoenix"])
def test_text_formats_match_byte_for_byte(fmt: str, written: dict[str, Path]) -> None:
    golden = GOLDEN / written[fmt].name
    assert written[fmt].read_bytes() == golden.read_bytes(), HINT


def test_plover_records_match(written: dict[str, Path]) -> None:
    golden = GOLDEN / written["plover"].name
    expected = [json.loads(line) for line in golden.read_text(encoding="utf-8").split("\n")[:-1]]
    actual = [
        json.loads(line) for line in written["plover"].read_text(encoding="utf-8").split("\n")[:-1]
    ]
    assert actual == expected, HINT


def test_parquet_table_matches(written: dict[str, Path]) -> None:
    golden = pq.read_table(GOLDEN / written["parquet"].name)
    actual = pq.read_table(written["parquet"])
    assert actual.schema.equals(golden.schema), HINT
    assert actual.to_pylist() == golden.to_pylist(), HINT


def test_seed_golden_holds_every_event_type(written: dict[str, Path]) -> None:
    types = {row["type"] for row in pq.read_table(written["parquet"]).to_pylist()}
    assert types == {"meeting", "military_exercise", "territorial_change", "statement"}
