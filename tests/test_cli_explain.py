"""Tests of ``diplo-events explain``: which pattern rows made each event of a text."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from diplo_events import explain, parse
from diplo_events.cli import main
from diplo_events.serialize import to_dict

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
CAPTURE = "Rebels seized the town of Kidal on Sunday."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_text_lists_each_event_with_the_rows_that_made_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(CAPTURE, encoding="utf-8")
    code, out, err = run(capsys, "explain", str(path), "--published", "2024-03-06")
    assert (code, err) == (0, "")
    event = parse(CAPTURE, published="2024-03-06")[0]
    lines = out.splitlines()
    assert lines[0] == f"{event.id} (realized): {CAPTURE}"
    assert lines[1] == "  made by territorial_change.capture on 'seized' @7: event"


def test_all_adds_the_rows_that_made_no_event(capsys: pytest.CaptureFixture[str]) -> None:
    seed = SEED.read_text(encoding="utf-8")
    expected = explain(seed, published="2021-08-13")
    assert expected.rejected, "the seed has rows that made no event"
    code, out, _ = run(capsys, "explain", str(SEED), "--published", "2021-08-13")
    assert code == 0
    assert f"({len(expected.rejected)} rows made no event; --all lists them)" in out
    code, full, _ = run(capsys, "explain", str(SEED), "--published", "2021-08-13", "--all")
    assert code == 0
    rejected = full.split(f"rows that made no event ({len(expected.rejected)}):\n", 1)[1]
    assert rejected.splitlines() == [f"  {d}" for d in expected.rejected]


def test_json_has_the_events_and_every_decision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "explain", str(SEED), "--published", "2021-08-13", "--json")
    assert code == 0
    data = json.loads(out)
    expected = explain(SEED.read_text(encoding="utf-8"), published="2021-08-13")
    assert data["events"] == [to_dict(e) for e in expected.events]
    assert [d["pattern"] for d in data["decisions"]] == [d.pattern for d in expected.decisions]
    ids = {e["id"] for e in data["events"]}
    for decision, made in zip(data["decisions"], expected.decisions, strict=True):
        assert decision["outcome"] == made.outcome
        trigger = decision["trigger"]
        assert (trigger["start"], trigger["end"], trigger["text"]) == (
            made.trigger.start,
            made.trigger.end,
            made.trigger.text,
        )
        # a decision that made an event names it; one that made none names nothing
        assert (decision["event"] in ids) == made.made_event


def test_reads_stdin_and_writes_an_output_file(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(CAPTURE.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    target = tmp_path / "why.txt"
    code, out, _ = run(capsys, "explain", "-", "-o", str(target))
    assert (code, out) == (0, "")
    assert "territorial_change.capture on 'seized'" in target.read_text(encoding="utf-8")


def test_text_without_events_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("The weather was mild.", encoding="utf-8")
    code, out, _ = run(capsys, "explain", str(path))
    assert (code, out) == (0, "no events\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["explain", "missing.txt"], "missing.txt: no such file"),
        (["explain", "-", "--published", "yesterday"], "--published:"),
        (["explain", "-", "--encoding", "no-such-codec"], "unknown encoding"),
    ],
)
def test_usage_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert message in err
    assert len(err.splitlines()) == 1


def test_undecodable_input_names_the_byte(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Talks in Bogot\u00e1.".encode("latin-1"))
    code, _, err = run(capsys, "explain", str(path))
    assert code == 2
    assert "byte 0xe1" in err
