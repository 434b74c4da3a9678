"""Tests of the diplo-events command line (in-process via main(argv), and a few subprocesses)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from diplo_events import cli
from diplo_events.cli import main, render_table
from diplo_events.model import (
    Actor,
    ActorKind,
    DateSpan,
    Document,
    Location,
    LocationKind,
    Meeting,
    MilitaryExercise,
    Modality,
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events.serialize import to_dict, to_json

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
DOC_KEYS = {"schema_version", "id", "published", "events"}

TEXT_A = "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries."
TEXT_B = "Kenya's president said on Friday that the border with Uganda would stay open."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def set_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def jsonl_line(id: str | None, text: str, published: str | None = None) -> str:
    return json.dumps({"id": id, "text": text, "published": published})


@pytest.fixture
def texts(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    b.write_text(TEXT_B, encoding="utf-8")
    return a, b


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """A JSON Lines input: good lines, a blank line and three bad lines (lines 3, 5, 7)."""
    lines = [
        jsonl_line("one", TEXT_A, "2021-08-13"),
        jsonl_line("two", TEXT_B),
        "{oops",
        "",
        json.dumps({"id": "four"}),
        jsonl_line("five", TEXT_A + " " + TEXT_B, "2020-02-29"),
        jsonl_line("six", TEXT_B, "2021-02-30"),
        jsonl_line("seven", TEXT_A),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sample_document() -> Document:
    text = "Norway and Chile met in Oslo. Chile said talks went well."
    norway = Actor(name="Norway", kind=ActorKind.STATE, country="NOR")
    chile = Actor(name="Chile", kind=ActorKind.STATE, country="CHL")
    meeting = Meeting(
        id="m1",
        evidence=[Span.of(text, 0, 29)],
        date=DateSpan.day(dt.date(2021, 8, 10), "on Tuesday"),
        location=Location(name="Oslo", country="NOR", kind=LocationKind.CITY),
        participants=[norway, chile],
        topics=["fisheries"],
        rule="meeting.met",
        confidence=0.9,
        cameo="040",
        plover="CONSULT",
    )
    statement = Statement(
        id="s1",
        evidence=[Span.of(text, 30, 57)],
        speaker=chile,
        content="talks went well",
        modality=Modality.REALIZED,
    )
    return Document(id="doc-1", published=dt.date(2021, 8, 13), events=[meeting, statement])


# --- general ---------------------------------------------------------------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from diplo_events import __version__

    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"diplo-events {__version__}"


def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "examples:" in out
    assert "extract --jsonl" in out
    code, out, _ = run(capsys, "extract", "--help")
    assert code == 0
    assert "--jobs" in out
    assert "Blank lines are skipped" in out


@pytest.mark.parametrize("argv", [["--help"], ["extract", "--help"], ["validate", "--help"]])
def test_help_points_to_the_online_documentation(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    # docs/ is not in the wheel: --help names the documentation's address instead.
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert f"documentation: {cli.DOCS_URL}" in out
    assert cli.DOCS_URL.startswith("https://")
    assert "docs: docs/" not in out


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 2
    assert out == ""
    assert "usage:" in err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "extract", "--frobnicate")
    assert code == 2
    assert "unrecognized arguments" in err


# --- extract: text files ---------------------------------------------------------


def test_extract_json_one_indented_document_per_file(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]
) -> None:
    a, _ = texts
    code, out, err = run(capsys, "extract", str(a), "--published", "2021-08-13")
    assert code == 0
    assert err == ""
    doc = json.loads(out)
    assert set(doc) == DOC_KEYS
    assert doc["id"] == str(a)
    assert doc["published"] == "2021-08-13"
    assert out.startswith("{\n  ")


def test_extract_jsonl_format_one_line_per_file_in_order(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]
) -> None:
    a, b = texts
    code, out, _ = run(capsys, "extract", str(b), str(a), "--format", "jsonl")
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(line)["id"] for line in lines] == [str(b), str(a)]


def test_extract_reads_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    set_stdin(monkeypatch, TEXT_A.encode("utf-8"))
    code, out, _ = run(capsys, "extract", "-", "--format", "jsonl")
    assert code == 0
    doc = json.loads(out)
    assert doc["id"] is None
    assert set(doc) == DOC_KEYS


def test_extract_without_files_reads_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    set_stdin(monkeypatch, TEXT_B.encode("utf-8"))
    code, out, _ = run(capsys, "extract")
    assert code == 0
    assert json.loads(out)["id"] is None


def test_extract_table_format(capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]) -> None:
    a, b = texts
    code, out, _ = run(capsys, "extract", str(a), str(b), "--format", "table")
    assert code == 0
    assert str(a) in out
    assert str(b) in out
    assert "\x1b[" not in out  # no colour codes when stdout is not a terminal


def test_extract_output_file(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = texts
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "extract", str(a), "-o", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == str(a)


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    code, out, err = run(capsys, "extract", str(missing))
    assert code == 2
    assert out == ""
    assert f"{missing}: no such file" in err
    assert "Traceback" not in err


def test_missing_file_is_reported_before_any_output(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = texts
    code, out, err = run(capsys, "extract", str(a), str(tmp_path / "nope.txt"))
    assert code == 2
    assert out == ""
    assert "no such file" in err


def test_directory(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", str(tmp_path))
    assert code == 2
    assert out == ""
    assert "is a directory" in err


def test_undecodable_file_names_file_and_byte_offset(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Talks in Zürich.".encode("latin-1"))
    code, out, err = run(capsys, "extract", str(bad))
    assert code == 2
    assert out == ""
    assert str(bad) in err
    assert "byte offset 10" in err
    assert "0xfc" in err
    assert "Traceback" not in err


def test_encoding_option_decodes_other_encodings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Talks in Zürich.".encode("latin-1"))
    code, out, _ = run(capsys, "extract", str(path), "--encoding", "latin-1")
    assert code == 0
    assert json.loads(out)["id"] == str(path)


def test_utf8_bom_is_accepted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT_A.encode("utf-8"))
    code, out, _ = run(capsys, "extract", str(path))
    assert code == 0
    for event in json.loads(out)["events"]:
        for span in event["evidence"]:
            assert TEXT_A[span["start"] : span["end"]] == span["text"]


def test_empty_file_warns_and_writes_an_empty_document(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(empty))
    assert code == 0
    assert "warning" in err
    assert "empty" in err
    assert json.loads(out)["events"] == []


def test_bad_published_date(capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]) -> None:
    a, _ = texts
    code, out, err = run(capsys, "extract", str(a), "--published", "13/08/2021")
    assert code == 2
    assert out == ""
    assert "--published" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["extract", "--jsonl", "a.jsonl", "b.jsonl"],
        ["extract", "--jsonl", "--format", "table"],
        ["extract", "--jsonl", "--encoding", "latin-1"],
        ["extract", "--jsonl", "--published", "2021-01-01"],
        ["extract", "-", "-"],
        ["extract", "--jsonl", "--jobs", "-1"],
        ["extract", "--jsonl", "--jobs", "many"],
    ],
)
def test_conflicting_options_are_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "error" in err


# --- extract --jsonl -------------------------------------------------------------


def test_jsonl_batch_good_and_bad_lines(capsys: pytest.CaptureFixture[str], batch: Path) -> None:
    code, out, err = run(capsys, "extract", "--jsonl", str(batch))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 7  # the blank line gives nothing
    assert [row.get("id") for row in rows] == [
        "one", "two", None, "four", "five", "six", "seven"
    ]  # fmt: skip
    errors = {row["line"]: row for row in rows if "error" in row}
    assert sorted(errors) == [3, 5, 7]
    assert "invalid JSON" in errors[3]["error"]
    assert "text" in errors[5]["error"]
    assert "published" in errors[7]["error"]
    for row in rows:
        if "error" not in row:
            assert set(row) == DOC_KEYS
    assert "line 3" in err
    assert "line 5" in err
    assert "line 7" in err
    assert "3 of 7 lines failed" in err


def test_jsonl_all_good_exits_zero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "good.jsonl"
    path.write_text(jsonl_line("x", TEXT_A) + "\n\n" + jsonl_line("y", TEXT_B), encoding="utf-8")
    code, out, err = run(capsys, "extract", "--jsonl", str(path))
    assert code == 0
    assert err == ""
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["x", "y"]


def test_jsonl_from_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    data = "\n".join(jsonl_line(f"s{i}", TEXT_A) for i in range(5)) + "\n"
    set_stdin(monkeypatch, data.encode("utf-8"))
    code, out, _ = run(capsys, "extract", "--jsonl", "-")
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"s{i}" for i in range(5)]


def test_jsonl_invalid_utf8_line_is_one_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(
        jsonl_line("a", TEXT_A).encode()
        + b'\n{"id": "b", "text": "Z\xfcrich"}\n'
        + jsonl_line("c", TEXT_B).encode()
    )
    code, out, err = run(capsys, "extract", "--jsonl", str(path))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row.get("line") for row in rows] == [None, 2, None]
    assert "UTF-8" in rows[1]["error"]
    assert "line 2" in err


def test_jsonl_empty_input_warns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    code, out, err = run(capsys, "extract", "--jsonl", str(path))
    assert code == 0
    assert out == ""
    assert "no input lines" in err


def test_jsonl_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "extract", "--jsonl", str(tmp_path / "nope.jsonl"))
    assert code == 2
    assert out == ""
    assert "no such file" in err


def test_jsonl_output_file(capsys: pytest.CaptureFixture[str], batch: Path, tmp_path: Path) -> None:
    target = tmp_path / "docs.jsonl"
    code, out, _ = run(capsys, "extract", "--jsonl", str(batch), "--output", str(target))
    assert code == 1
    assert out == ""
    assert len(target.read_text(encoding="utf-8").splitlines()) == 7


def test_jsonl_output_must_not_be_the_input(
    capsys: pytest.CaptureFixture[str], batch: Path
) -> None:
    before = batch.read_bytes()
    code, _, err = run(capsys, "extract", "--jsonl", str(batch), "-o", str(batch))
    assert code == 2
    assert "also an input" in err
    assert batch.read_bytes() == before


def test_jsonl_two_jobs_byte_identical(
    capsys: pytest.CaptureFixture[str], batch: Path, tmp_path: Path
) -> None:
    big = tmp_path / "big.jsonl"
    big.write_bytes(batch.read_bytes() * 10)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(capsys, "extract", "--jsonl", str(big), "-o", str(one), "--jobs", "1")[0] == 1
    assert run(capsys, "extract", "--jsonl", str(big), "-o", str(two), "--jobs", "2")[0] == 1
    assert one.read_bytes() == two.read_bytes()
    assert len(one.read_bytes().splitlines()) == 70


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "good.jsonl"
    path.write_text(jsonl_line("x", TEXT_A) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", "--jsonl", str(path))
    assert code == 0
    assert err == ""  # captured stderr is not a terminal

    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", "--jsonl", str(path)]) == 0
    assert "100%" in terminal.getvalue()  # the input's size is known: a bar
    assert "1 articles, 1 events" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n")

    quiet = _Terminal()
    monkeypatch.setattr(sys, "stderr", quiet)
    assert main(["extract", "--jsonl", str(path), "--quiet"]) == 0
    assert quiet.getvalue() == ""


def test_progress_counts_articles_of_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    set_stdin(monkeypatch, (jsonl_line("x", TEXT_A) + "\n").encode() * 3)
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", "--jsonl", "-"]) == 0
    last = terminal.getvalue().rstrip("\n").split("\r")[-1]
    assert last.startswith("3 articles [")
    assert "articles/s, 3 events]" in last


def test_no_progress_when_the_output_goes_to_the_same_terminal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "good.jsonl"
    path.write_text(jsonl_line("x", TEXT_A) + "\n", encoding="utf-8")
    screen_out, screen_err = _Terminal(), _Terminal()
    monkeypatch.setattr(sys, "stdout", screen_out)
    monkeypatch.setattr(sys, "stderr", screen_err)
    assert main(["extract", "--jsonl", str(path)]) == 0
    assert screen_out.getvalue().startswith('{"schema_version"')
    assert screen_err.getvalue() == ""


def test_errors_are_printed_above_the_progress_line(
    monkeypatch: pytest.MonkeyPatch, batch: Path, tmp_path: Path
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["extract", "--jsonl", str(batch), "-o", str(tmp_path / "out.jsonl")]) == 1
    lines = terminal.getvalue().splitlines()
    assert any(line.endswith("line 3: invalid JSON: Expecting property name enclosed in "
                             "double quotes at column 2") for line in lines)  # fmt: skip
    assert "7 articles" in terminal.getvalue().rsplit("\r", 1)[-1]


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("columns", [72, 80])
def test_the_progress_line_fits_the_terminal(tmp_path: Path, columns: int) -> None:
    # Each redraw must fit the terminal's width, else it wraps and every redraw is a new line.
    import fcntl
    import pty
    import re
    import select
    import struct
    import termios

    big = tmp_path / "big.jsonl"
    lines = [jsonl_line(f"article-{i:06d}", f"{TEXT_A} {TEXT_B}") for i in range(40)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    argv = ["-m", "diplo_events", "extract", "--jsonl", str(big), "-o", str(tmp_path / "o.jsonl")]
    proc = subprocess.Popen(
        [sys.executable, *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env=env,
    )
    os.close(terminal)
    screen = b""
    try:
        while True:
            ready, _, _ = select.select([controller], [], [], 120)
            if not ready:  # a hang guard only: the child normally ends within seconds
                proc.kill()
                pytest.fail("no output from the child for 120 s")
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the child closed the terminal (EIO on Linux)
                break
            if not chunk:
                break
            screen += chunk
    finally:
        os.close(controller)
    assert proc.wait(timeout=120) == 0
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.decode("utf-8", "replace"))
    drawn = [part for part in re.split(r"[\r\n]", text) if part.strip()]
    assert drawn, "no progress line was drawn on the terminal"
    assert drawn[-1].startswith("100%|")
    assert max(len(part) for part in drawn) <= columns, max(drawn, key=len)
    if columns >= 80:
        assert drawn[-1].endswith(" 40 articles, 80 events]")


# --- several text files ----------------------------------------------------------


@pytest.fixture
def many_texts(tmp_path: Path) -> list[Path]:
    paths = []
    for i in range(9):
        path = tmp_path / f"article-{i}.txt"
        path.write_text((TEXT_A, TEXT_B, "")[i % 3], encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("fmt", ["json", "jsonl", "table"])
def test_text_files_with_jobs_give_the_same_output(
    capsys: pytest.CaptureFixture[str], many_texts: list[Path], fmt: str
) -> None:
    names = [str(p) for p in many_texts]
    code, serial, serial_err = run(capsys, "extract", *names, "--format", fmt)
    assert code == 0
    code, parallel, parallel_err = run(capsys, "extract", *names, "--format", fmt, "--jobs", "2")
    assert code == 0
    assert parallel == serial
    assert parallel_err == serial_err
    assert serial_err.count("empty input") == 3


def test_one_text_file_with_jobs_is_not_refused(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path]
) -> None:
    a, _ = texts
    code, out, err = run(capsys, "extract", str(a), "--jobs", "4")
    assert (code, err) == (0, "")
    assert out == run(capsys, "extract", str(a))[1]


def test_text_files_with_jobs_stop_at_a_bad_file(
    capsys: pytest.CaptureFixture[str], many_texts: list[Path]
) -> None:
    many_texts[4].write_bytes(b"caf\xe9")
    code, out, err = run(capsys, "extract", *map(str, many_texts), "--format", "jsonl", "-j", "2")
    assert code == 2
    assert f"{many_texts[4]}: cannot decode as UTF-8: byte 0xe9" in err
    assert [json.loads(line)["id"] for line in out.splitlines()] == [str(p) for p in many_texts[:4]]


def test_several_text_files_get_a_progress_line(
    monkeypatch: pytest.MonkeyPatch, many_texts: list[Path], tmp_path: Path
) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    out = tmp_path / "out.jsonl"
    assert main(["extract", *map(str, many_texts), "-o", str(out), "--format", "jsonl"]) == 0
    documents = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(documents) == 9
    events = sum(len(doc["events"]) for doc in documents)
    assert events > 0
    last = terminal.getvalue().rstrip("\n").split("\r")[-1]
    assert last.startswith("100%")
    assert "9/9" in last
    assert f"files/s, {events} events]" in last


def test_keyboard_interrupt_exits_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, batch: Path
) -> None:
    def interrupted(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_extract_jsonl", interrupted)
    code, _, err = run(capsys, "extract", "--jsonl", str(batch))
    assert code == 130
    assert "interrupted" in err
    assert "Traceback" not in err


# --- schema ----------------------------------------------------------------------


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    from diplo_events.schema import json_schema

    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert out.endswith("}\n")
    assert json.loads(out) == json_schema()
    assert out == json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


# --- validate --------------------------------------------------------------------


def test_validate_extract_output(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = texts
    docs = tmp_path / "docs.jsonl"
    assert run(capsys, "extract", str(a), str(b), "--format", "jsonl", "-o", str(docs))[0] == 0
    code, out, _ = run(capsys, "validate", str(docs))
    assert code == 0
    assert "2 of 2 documents valid" in out


def test_validate_indented_documents(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = texts
    docs = tmp_path / "docs.json"
    assert run(capsys, "extract", str(a), str(b), "-o", str(docs))[0] == 0
    code, out, _ = run(capsys, "validate", str(docs))
    assert code == 0
    assert "2 of 2 documents valid" in out


def test_validate_reports_line_and_field_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = to_dict(sample_document())
    bad = to_dict(sample_document())
    bad["events"][0]["confidence"] = 1.5
    bad["events"][1]["speaker"]["country"] = "chile"
    path = tmp_path / "docs.jsonl"
    path.write_text(
        "\n".join([json.dumps(good), "", json.dumps(bad), "{broken"]) + "\n", encoding="utf-8"
    )
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    problems = out.splitlines()[:-1]
    assert out.splitlines()[-1] == f"{path}: 1 of 3 documents valid"
    assert all(line.startswith((f"{path}:3:", f"{path}:4:")) for line in problems)
    line3 = "\n".join(p for p in problems if p.startswith(f"{path}:3:"))
    assert "events[0].confidence" in line3
    assert "events[1].speaker.country" in line3
    assert "doc-1" in line3
    assert any(p.startswith(f"{path}:4:") and "invalid JSON" in p for p in problems)


def test_validate_flags_error_lines(
    capsys: pytest.CaptureFixture[str], batch: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "docs.jsonl"
    run(capsys, "extract", "--jsonl", str(batch), "-o", str(docs))
    code, out, _ = run(capsys, "validate", str(docs))
    assert code == 1
    assert "4 of 7 documents valid" in out
    assert f"{docs}:3:" in out
    assert "extraction error" in out


def test_validate_without_jsonschema(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "jsonschema", None)
    path = tmp_path / "doc.json"
    path.write_text(to_json(sample_document(), indent=2), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(path))
    assert code == 0
    assert "jsonschema" in err
    assert "pip install 'diplo-events[validate]'" in err  # the extra that installs it
    assert "1 of 1 document valid" in out


def test_validate_stdin_and_empty(capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    set_stdin(monkeypatch, to_json(sample_document()).encode("utf-8") + b"\n")
    code, out, _ = run(capsys, "validate")
    assert code == 0
    assert "<stdin>: 1 of 1 document valid" in out
    set_stdin(monkeypatch, b"")
    code, out, err = run(capsys, "validate", "-")
    assert code == 0
    assert "empty" in err


def test_validate_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "none.json"))
    assert code == 2
    assert "no such file" in err


# --- table view ------------------------------------------------------------------


def test_table_view_of_a_document() -> None:
    text = render_table(sample_document())
    lines = text.splitlines()
    assert lines[0] == "doc-1 · published 2021-08-13 · 2 events"
    assert lines[2].startswith("1  meeting ")
    assert "2021-08-10" in lines[2]
    assert "Oslo (NOR)" in lines[2]
    assert "Norway (NOR), Chile (CHL)" in text
    assert "topics   fisheries" in text
    assert 'said     "talks went well"' in text
    assert "CAMEO 040" in text
    assert "\x1b[" not in text


def test_table_view_of_other_event_types_and_long_evidence() -> None:
    text = "Troops drilled. " * 30
    exercise = MilitaryExercise(
        id="x1",
        evidence=[Span.of(text, 0, len(text)), Span.of(text, 0, 15)],
        troops=12000,
        ships=3,
        name="Sea Shield",
        modality=Modality.PLANNED,
    )
    change = TerritorialChange(
        id="t1",
        evidence=[Span.of(text, 0, 15)],
        kind=TerritorialChangeKind.CAPTURE,
        gainer=Actor(name="Rebels", kind=ActorKind.ARMED_GROUP),
        places=[Location(name="Rivertown"), Location(country="ARM")],
        count=2,
    )
    view = render_table(Document(events=[exercise, change]))
    assert "troops 12,000" in view
    assert "ships 3" in view
    assert "(planned)" in view
    assert "(+1 more)" in view
    assert "…" in view
    assert "capture · gainer Rebels · count 2" in view
    assert "Rivertown, ARM" in view
    assert all(len(line) <= 100 for line in view.splitlines())


def test_table_view_without_events() -> None:
    assert "(no events found)" in render_table(Document(id="empty"))


# --- end to end (subprocesses) ---------------------------------------------------


def python_m(*argv: str, data: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-m", "diplo_events", *argv],
        input=data,
        capture_output=True,
        env=env,
        check=False,
        timeout=300,
    )


def test_python_m_jsonl_stdin_like_the_scorer() -> None:
    data = "".join(jsonl_line(f"e{i}", TEXT_A, "2021-08-13") + "\n" for i in range(3))
    proc = python_m("extract", "--jsonl", "-", data=data.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["e0", "e1", "e2"]


def test_python_m_bad_line_exit_code_and_message() -> None:
    data = (jsonl_line("ok", TEXT_B) + "\nnot json\n").encode("utf-8")
    proc = python_m("extract", "--jsonl", "-", data=data)
    assert proc.returncode == 1
    assert b"line 2" in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert json.loads(proc.stdout.splitlines()[1])["line"] == 2


def test_python_m_broken_pipe_is_quiet(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    source.write_text(
        "".join(jsonl_line(f"p{i}", "Short text.") + "\n" for i in range(5000)), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplo_events", "extract", "--jsonl", str(source), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()  # like `| head -1`: the reader goes away
    err = proc.stderr.read()
    proc.wait(timeout=300)
    assert b"Traceback" not in err
    assert err == b""
    assert proc.returncode == 141


def test_seed_article_yields_events(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SEED), "--published", "2021-08-13")
    assert code == 0
    assert len(json.loads(out)["events"]) >= 1


def test_seed_article_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "extract", str(SEED), "--published", "2021-08-13", "--format", "table"
    )
    assert code == 0
    assert out.splitlines()[0].startswith(str(SEED))


# --- write errors, interruptions, partial output ------------------------------------

needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")


@needs_dev_full
@pytest.mark.parametrize("jsonl", [False, True])
def test_a_write_error_is_one_line_and_status_74(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], batch: Path, jsonl: bool
) -> None:
    args = ["--jsonl", str(batch)] if jsonl else [str(texts[0])]
    code, _, err = run(capsys, "extract", *args, "-o", "/dev/full")
    assert code == cli.EXIT_OUTPUT_ERROR == 74
    assert err.strip().splitlines()[-1] == (
        "diplo-events: error: cannot write /dev/full: No space left on device"
    )
    assert "Traceback" not in err


@needs_dev_full
@pytest.mark.parametrize(
    "argv",
    [
        ("schema",),
        ("extract", str(SEED)),
        ("validate", str(ROOT / "tests/golden/meeting_full.json")),
    ],
)
def test_a_full_stdout_is_one_line_and_status_74(argv: tuple[str, ...]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with open("/dev/full", "wb") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "diplo_events", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            check=False,
            timeout=300,
        )
    assert proc.returncode == 74
    assert proc.stderr == b"diplo-events: error: cannot write stdout: No space left on device\n"


def test_output_file_is_written_whole_or_not_at_all(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], tmp_path: Path
) -> None:
    a, _ = texts
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o640)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9")
    code, _, err = run(capsys, "extract", str(a), str(bad), "--format", "jsonl", "-o", str(target))
    assert code == 2  # the second file cannot be decoded: nothing is written
    assert "cannot decode" in err
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt", "bad.txt", "out.jsonl"]
    code, _, _ = run(capsys, "extract", str(a), "--format", "jsonl", "-o", str(target))
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == str(a)
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's permissions
    assert not (tmp_path / "out.jsonl.partial").exists()


class _NotHandled(Exception):
    """The command did not handle the signal (a test's fallback handler got it)."""


@pytest.fixture
def signal_fallback() -> Iterator[Callable[[int, object], None]]:
    """While a test runs, SIGTERM and SIGHUP raise _NotHandled instead of killing pytest."""

    def fallback(signum: int, frame: object) -> None:
        raise _NotHandled(signum)

    previous = {s: signal.signal(s, fallback) for s in (signal.SIGTERM, signal.SIGHUP)}
    yield fallback
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _stopping_after(count: int, signum: int | None) -> Any:
    """A process_lines that yields ``count`` results, then is stopped by ``signum`` (a real
    signal sent to this process) or by Ctrl-C (KeyboardInterrupt, for None)."""
    from diplo_events.batch import process_lines

    def stopping(lines: Any, **kwargs: Any) -> Any:
        for n, result in enumerate(process_lines(lines, **kwargs), 1):
            yield result
            if n == count:
                if signum is None:
                    raise KeyboardInterrupt
                os.kill(os.getpid(), signum)
                time.sleep(5)  # the handler raises before this ends

    return stopping


@pytest.mark.parametrize(
    ("signum", "status", "name"),
    [(None, 130, "SIGINT"), (signal.SIGTERM, 143, "SIGTERM"), (signal.SIGHUP, 129, "SIGHUP")],
)
def test_an_interrupted_batch_leaves_its_output_marked_partial(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    batch: Path,
    tmp_path: Path,
    signum: int | None,
    status: int,
    name: str,
    signal_fallback: Callable[[int, object], None],
) -> None:
    import diplo_events.batch

    monkeypatch.setattr(diplo_events.batch, "process_lines", _stopping_after(3, signum))
    target = tmp_path / "docs.jsonl"
    target.write_text("old\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", "--jsonl", str(batch), "-o", str(target))
    assert code == status
    assert out == ""
    assert target.read_text(encoding="utf-8") == "old\n"  # the old output, untouched
    partial = tmp_path / "docs.jsonl.partial"
    lines = partial.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line).get("id") for line in lines] == ["one", "two", None]
    assert err.strip().splitlines()[-1] == (
        f"diplo-events: interrupted ({name}) after input line 3 (3 output lines, 1 for bad"
        f" lines); the output so far is in {partial}, {target} was not changed"
    )
    assert signal.getsignal(signal.SIGTERM) is signal_fallback  # handlers restored


def test_an_interrupted_run_to_stdout_says_how_far_it_got(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    batch: Path,
    signal_fallback: Callable[[int, object], None],
) -> None:
    import diplo_events.batch

    monkeypatch.setattr(diplo_events.batch, "process_lines", _stopping_after(2, signal.SIGTERM))
    code, out, err = run(capsys, "extract", "--jsonl", str(batch))
    assert code == 143
    assert len(out.splitlines()) == 2
    assert "interrupted (SIGTERM) after input line 2 (2 output lines, 0 for bad lines)" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interrupted_extract_of_text_files_keeps_the_files_done(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    many_texts: list[Path],
    tmp_path: Path,
    jobs: str,
    signal_fallback: Callable[[int, object], None],
) -> None:
    real_run = cli._run

    def stopping(*args: Any) -> Any:  # SIGTERM once two files are written
        for n, result in enumerate(real_run(*args), 1):
            yield result
            if n == 2:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(5)  # the handler raises before this ends

    monkeypatch.setattr(cli, "_run", stopping)
    target = tmp_path / "docs.jsonl"
    names = [str(p) for p in many_texts]
    code, out, err = run(
        capsys, "extract", *names, "--format", "jsonl", "-o", str(target), "-j", jobs
    )
    assert (code, out) == (143, "")
    assert not target.exists()
    partial = tmp_path / "docs.jsonl.partial"
    lines = partial.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == names[:2]
    assert err.strip().splitlines()[-1] == (
        f"diplo-events: interrupted (SIGTERM) after 2 of 9 files; the output so far is in"
        f" {partial}, {target} was not changed"
    )
    assert signal.getsignal(signal.SIGTERM) is signal_fallback  # handlers restored


def test_sigterm_stops_a_real_batch_with_status_143(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    line = jsonl_line("x", TEXT_A + " " + TEXT_B) + "\n"
    source.write_text(line * 20_000, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "diplo_events", "extract", "--jsonl", str(source), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith(b"{")  # running, its handlers installed
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 143
    assert b"Traceback" not in err
    assert b"diplo-events: interrupted (SIGTERM) after input line " in err
    assert all(json.loads(line)["id"] == "x" for line in out.splitlines())


# --- validate: bad lines, odd characters ----------------------------------------------


def test_validate_a_bad_first_line_checks_every_other_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = to_json(sample_document())
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": bad\n' + (doc + "\n") * 100, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{path}:1: $: invalid JSON")
    assert lines[-1] == f"{path}: 100 of 101 documents valid"
    assert len(lines) == 2


def test_validate_indented_documents_after_a_broken_one_says_what_was_not_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pretty = to_json(sample_document(), indent=2)
    path = tmp_path / "docs.json"
    path.write_text(pretty + "\n" + '{"broken": ]\n' + pretty + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    broken_line = pretty.count("\n") + 2
    assert f"{path}:{broken_line}: $: invalid JSON: Expecting value; the input from line" in out
    assert "was not checked" in out
    assert out.splitlines()[-1] == f"{path}: 1 of 2 documents valid"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "n", "x": NaN}', "invalid JSON: NaN is not JSON"),
        ('{"id": "n", "x": ' + "9" * 5000 + "}", "invalid JSON: a number has too many digits"),
    ],
)
def test_validate_reports_what_is_not_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, line: str, problem: str
) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(line + "\n" + to_json(sample_document()) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    assert out.splitlines() == [f"{path}:1: $: {problem}", f"{path}: 1 of 2 documents valid"]


def test_validate_escapes_control_characters_and_lone_surrogates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "errors.jsonl"
    path.write_text(
        '{"id": "e\\u001b[2J", "line": 1, "error": "bad \\u001b]0;x\\u0007 \\ud800"}\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1
    assert "\x1b" not in out
    assert "\\x1b]0;x\\x07 \\ud800" in out
    assert "id 'e\\x1b[2J'" in out
    assert "Traceback" not in err


# --- encodings, table view, messages ---------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "problem"), [("nope-8", "unknown encoding"), ("base64", "not a text encoding")]
)
def test_a_bad_encoding_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], texts: tuple[Path, Path], encoding: str, problem: str
) -> None:
    code, out, err = run(capsys, "extract", str(texts[0]), "--encoding", encoding)
    assert code == 2
    assert out == ""
    assert err == f"diplo-events: error: --encoding {encoding}: {problem}" + (
        " (e.g. utf-8, cp1252, latin-1, utf-16)\n" if problem == "unknown encoding" else "\n"
    )


def test_table_view_escapes_terminal_control_sequences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "evil\x1b[31m.txt"
    path.write_text(
        "Russia met China \x1b]0;owned\x07in Doha\x1b[2J on Monday \u202eevil.", encoding="utf-8"
    )
    code, out, _ = run(capsys, "extract", str(path), "--format", "table")
    assert code == 0
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "\u202e" not in out
    assert "\\x1b]0;owned\\x07in Doha\\x1b[2J on Monday \\u202eevil." in out
    assert out.splitlines()[0].startswith(str(path).replace("\x1b", "\\x1b"))


def test_a_bad_line_message_cuts_a_huge_id(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": "i" * 1_000_000, "text": 5}) + "\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", "--jsonl", str(path), "-q")
    assert code == 1
    assert len(err) < 500
    assert "(1,000,000 characters)" in err
