"""Writers write to a path (opened and closed by the writer) or to a caller's stream (left open)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from export_helpers import EVIDENCE, NORWAY, document

from diplo_events.export import FORMATS, open_writer
from diplo_events.model import Meeting

MEETING = Meeting(id="m", evidence=EVIDENCE, participants=[NORWAY])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_path_is_created_written_and_closed(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"out.{fmt}"
    writer = open_writer(fmt, path)
    assert writer.write(document(MEETING)) == 1
    writer.close()
    assert writer._owned is not None
    assert writer._owned.closed
    assert path.stat().st_size > 0
    writer.close()  # closing twice is harmless


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_stream_is_written_and_left_open(fmt: str) -> None:
    stream: io.BytesIO | io.StringIO = io.BytesIO() if FORMATS[fmt].binary else io.StringIO()
    with open_writer(fmt, stream) as writer:
        writer.write(document(MEETING, MEETING))
    assert writer.count == 2
    assert not stream.closed
    assert stream.getvalue()


def test_the_file_is_closed_when_the_block_raises(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    writer = open_writer("csv", path)

    def fail_midway() -> None:
        with writer:
            writer.write(document(MEETING))
            raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        fail_midway()
    assert writer._owned is not None
    assert writer._owned.closed
    assert path.read_text(encoding="utf-8").count("\n") == 2  # header and the row
