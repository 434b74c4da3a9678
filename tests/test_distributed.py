"""Tests of the Dask integration: shards in, shards out, equal to the single-process output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from diplo_events.batch import extract_lines

pytest.importorskip("dask.bag")

from diplo_events.distributed import (
    ShardResult,
    extract_bag,
    input_shards,
    run_dask,
)

TEXTS = [
    "The prime ministers of Portugal and Ghana met in Lisbon on Monday to discuss trade.",
    "Naval forces of Peru and Ecuador held a three-day exercise with 12 ships last week.",
    "The rebels said on Sunday they had seized two towns near the river.",
    "A spokesperson for the foreign ministry said the ambassador would return soon.",
]


def jsonl(id: str, text: str, published: str | None = "2022-03-15") -> str:
    return json.dumps({"id": id, "text": text, "published": published})


@pytest.fixture
def shards(tmp_path: Path) -> Path:
    """Three input shards, one with a bad line and a blank line, one empty."""
    source = tmp_path / "in"
    source.mkdir()
    (source / "shard-a.jsonl").write_text(
        "\n".join(jsonl(f"a{i}", TEXTS[i % 4]) for i in range(6)) + "\n", encoding="utf-8"
    )
    (source / "shard-b.jsonl").write_text(
        jsonl("b0", TEXTS[1]) + "\n\n{broken\n" + jsonl("b1", TEXTS[2], None) + "\n",
        encoding="utf-8",
    )
    (source / "shard-c.jsonl").write_text("", encoding="utf-8")
    (source / "notes.txt").write_text("not a shard", encoding="utf-8")
    return source


def single_process(path: Path) -> list[str]:
    with path.open("rb") as handle:
        return list(extract_lines(handle))


@pytest.mark.parametrize("scheduler", ["sync", "threads", "processes"])
def test_output_shards_equal_single_process_output(
    shards: Path, tmp_path: Path, scheduler: str
) -> None:
    out = tmp_path / "out"
    results = run_dask(shards, out, scheduler=scheduler)
    names = ["shard-a.jsonl", "shard-b.jsonl", "shard-c.jsonl"]
    assert [Path(r.path).name for r in results] == names
    assert sorted(p.name for p in out.iterdir()) == names
    for name in names:
        written = (out / name).read_text(encoding="utf-8")
        expected = single_process(shards / name)
        assert written.splitlines() == expected
        assert written == "".join(line + "\n" for line in expected)
    assert results[0] == ShardResult(path=str(out / "shard-a.jsonl"), documents=6, errors=0)
    assert results[1].documents == 2
    assert results[1].errors == 1
    error_line = json.loads((out / "shard-b.jsonl").read_text(encoding="utf-8").splitlines()[1])
    assert error_line["line"] == 3
    assert (out / "shard-c.jsonl").read_bytes() == b""


def test_repartitioned_output_has_the_same_lines_in_order(shards: Path, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    results = run_dask(str(shards / "shard-a.jsonl"), out, scheduler="sync", npartitions=2)
    assert [Path(r.path).name for r in results] == ["part-00000.jsonl", "part-00001.jsonl"]
    lines = [
        line for r in results for line in Path(r.path).read_text(encoding="utf-8").splitlines()
    ]
    assert lines == single_process(shards / "shard-a.jsonl")


def test_extract_bag_maps_lines_to_output_lines() -> None:
    import dask.bag as db

    from_sequence: Any = db.from_sequence  # untyped in Dask
    lines = [jsonl(f"x{i}", TEXTS[i % 4]) + "\n" for i in range(8)]
    bag = extract_bag(from_sequence(lines, npartitions=3))
    assert bag.compute(scheduler="sync") == list(extract_lines(lines))


def test_input_shards(shards: Path) -> None:
    expected = [str(shards / f"shard-{c}.jsonl") for c in "abc"]
    assert input_shards(shards) == expected
    assert input_shards(str(shards / "shard-[ab].jsonl")) == expected[:2]
    assert input_shards([Path(expected[1])]) == [expected[1]]
    with pytest.raises(FileNotFoundError):
        input_shards(str(shards / "*.parquet"))


def test_refuses_to_overwrite_inputs(shards: Path) -> None:
    before = (shards / "shard-a.jsonl").read_bytes()
    with pytest.raises(ValueError, match="overwrite"):
        run_dask(shards, shards, scheduler="sync")
    assert (shards / "shard-a.jsonl").read_bytes() == before


def test_invalid_npartitions(shards: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="npartitions"):
        run_dask(shards, tmp_path / "out", scheduler="sync", npartitions=0)
