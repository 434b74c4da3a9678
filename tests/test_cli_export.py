"""The command line's export paths (cli.py): ``extract --format csv|parquet|plover|phoenix``
and ``convert``. The other subcommands are tested in test_cli.py."""

from __future__ import annotations

import builtins
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from diplo_events import export
from diplo_events.cli import main
from diplo_events.model import Document
from diplo_events.parser import parse_document
from diplo_events.serialize import to_json

TEXT_A = "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries."
TEXT_B = "Poland and Lithuania will hold joint drills with 3,000 troops next week."


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def docs() -> list[Document]:
    return [
        parse_document(TEXT_A, id="a", published="2023-05-04"),
        parse_document(TEXT_B, id="b", published="2022-09-19"),
    ]


@pytest.fixture
def documents_file(tmp_path: Path, docs: list[Document]) -> Path:
    path = tmp_path / "documents.jsonl"
    path.write_text("".join(to_json(doc) + "\n" for doc in docs), encoding="utf-8")
    return path


def _expected(fmt: str, docs: list[Document]) -> str:
    out = io.StringIO(newline="")
    with export.open_writer(fmt, out) as writer:
        for doc in docs:
            writer.write(doc)
    return out.getvalue()


# --- extract --format ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "plover", "phoenix"])
def test_extract_text_formats(fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    b.write_text(TEXT_B, encoding="utf-8")
    code, out, err = run(
        capsys, "extract", str(a), str(b), "--published", "2023-05-04", "--format", fmt
    )
    assert (code, err) == (0, "")
    docs = [parse_document(p.read_text(), id=str(p), published="2023-05-04") for p in (a, b)]
    assert out == _expected(fmt, docs)


def test_extract_parquet_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    out = tmp_path / "events.parquet"
    code, _, err = run(capsys, "extract", str(a), "--format", "parquet", "-o", str(out))
    assert (code, err) == (0, "")
    expected = list(export.rows(parse_document(TEXT_A, id=str(a))))
    assert pq.read_table(out).to_pylist() == expected


def test_extract_parquet_refuses_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = tmp_path / "a.txt"
    a.write_text(TEXT_A, encoding="utf-8")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(capsys, "extract", str(a), "--format", "parquet")
    assert (code, out) == (2, "")
    assert err == "diplo-events: error: Parquet is binary: write it to a file with -o FILE\n"


def test_extract_jsonl_points_to_convert(
    documents_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "extract", "--jsonl", str(documents_file), "--format", "parquet")
    assert code == 2
    assert "pipe them into 'diplo-events convert - --to parquet'" in err


# --- convert ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "plover", "phoenix"])
def test_convert_text_formats(
    fmt: str, documents_file: Path, docs: list[Document], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "convert", str(documents_file), "--to", fmt, "-q")
    assert (code, err) == (0, "")
    assert out == _expected(fmt, docs)


def test_convert_to_parquet(
    documents_file: Path, docs: list[Document], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.parquet"
    argv = ["convert", str(documents_file), "--to", "parquet", "-o", str(out)]
    code, _, err = run(capsys, *argv, "--row-group-size", "1")
    assert (code, err) == (0, "")
    parquet = pq.ParquetFile(out)
    assert parquet.metadata.num_row_groups == parquet.metadata.num_rows == 2
    assert parquet.read().to_pylist() == list(export.rows(docs))


def test_convert_reads_stdin_and_pretty_documents(
    docs: list[Document], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pretty = "".join(to_json(doc, indent=2) + "\n" for doc in docs).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pretty), encoding="utf-8"))
    code, out, _ = run(capsys, "convert", "-", "--to", "csv")
    assert code == 0
    assert len(list(csv.reader(io.StringIO(out, newline="")))) == 1 + 2


def test_convert_skips_error_lines_and_reports_bad_documents(
    documents_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = documents_file.read_text(encoding="utf-8").splitlines()
    lines = [
        good[0],
        json.dumps({"id": "x", "line": 2, "error": "invalid JSON"}),
        '{"schema_version": "1", "id": "bad", "published": null}',
        "not json",
        good[1],
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "convert", str(path), "--to", "plover")
    assert code == 1
    ids = [json.loads(line)["x_diplo_events"]["documentId"] for line in out.splitlines()]
    assert set(ids) == {"a", "b"}
    assert "mixed.jsonl line 2: an extraction error line, skipped: invalid JSON" in err
    assert "mixed.jsonl line 3: events: required key missing" in err
    assert "mixed.jsonl line 4: invalid JSON" in err
    assert err.endswith("diplo-events: 2 of 4 documents invalid, not converted\n")


def test_convert_empty_input_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    code, out, err = run(capsys, "convert", str(path), "--to", "phoenix")
    assert code == 0
    assert out == "\t".join(export.PHOENIX_COLUMNS) + "\n"
    assert "no documents; the output has no records" in err


def test_convert_without_pyarrow_names_the_extra(
    documents_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.split(".")[0] == "pyarrow":
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    out = tmp_path / "events.parquet"
    code, _, err = run(capsys, "convert", str(documents_file), "--to", "parquet", "-o", str(out))
    assert code == 2
    assert err == (
        'diplo-events: error: Parquet output needs pyarrow: pip install "diplo-events[parquet]"\n'
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--to", "xlsx"], "invalid choice: 'xlsx'"),
        (["--to", "parquet", "--row-group-size", "0"], "must be 1 or more"),
        ([], "the following arguments are required: --to"),
    ],
)
def test_convert_usage_errors(
    argv: list[str], message: str, documents_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "convert", str(documents_file), *argv)
    assert code == 2
    assert message in err


def test_convert_output_errors(
    documents_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "convert", str(documents_file), "--to", "csv", "-o", str(tmp_path))
    assert (code, err) == (2, f"diplo-events: error: --output {tmp_path}: is a directory\n")
    code, _, err = run(
        capsys, "convert", str(documents_file), "--to", "parquet", "-o", str(documents_file)
    )
    assert code == 2
    assert "is also an input file" in err
    missing = tmp_path / "no" / "such" / "dir.parquet"
    code, _, err = run(
        capsys, "convert", str(documents_file), "--to", "parquet", "-o", str(missing)
    )
    assert code == 2
    assert "cannot write" in err


# --- write errors, partial output and interruptions of the export paths ----------------

needs_dev_full = pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")


@needs_dev_full
@pytest.mark.parametrize("fmt", ["csv", "parquet", "plover"])
def test_an_export_write_error_is_one_line_and_status_74(
    fmt: str, documents_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text(TEXT_A, encoding="utf-8")
    for argv in (
        ["extract", str(text), "--format", fmt],
        ["convert", str(documents_file), "--to", fmt],
    ):
        code, _, err = run(capsys, *argv, "-o", "/dev/full")
        assert code == 74, argv
        assert err == "diplo-events: error: cannot write /dev/full: No space left on device\n"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_export_output_file_is_replaced_only_when_complete(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = tmp_path / "a.txt", tmp_path / "bad.txt"
    good.write_text(TEXT_A, encoding="utf-8")
    bad.write_bytes(b"caf\xe9")
    target = tmp_path / f"events.{fmt}"
    target.write_bytes(b"old")
    partial = tmp_path / f"events.{fmt}.partial"
    code, _, err = run(capsys, "extract", str(good), str(bad), "--format", fmt, "-o", str(target))
    assert code == 2
    assert "cannot decode" in err
    assert target.read_bytes() == b"old"
    assert not partial.exists()
    code, _, _ = run(capsys, "extract", str(good), "--format", fmt, "-o", str(target))
    assert code == 0
    assert not partial.exists()
    doc = parse_document(TEXT_A, id=str(good))
    if fmt == "parquet":
        assert pq.read_table(target).to_pylist() == list(export.rows(doc))
    else:
        assert target.read_bytes().decode("utf-8") == _expected(fmt, [doc])


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_interrupted_convert_keeps_a_whole_output_of_the_documents_done(
    fmt: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from diplo_events import cli

    docs = [parse_document(TEXT_A, id=f"d{i}", published="2023-05-04") for i in range(5)]
    path = tmp_path / "documents.jsonl"
    path.write_text("".join(to_json(doc) + "\n" for doc in docs), encoding="utf-8")
    real = cli._iter_documents

    def stopping(source: Any, name: str) -> Any:
        for n, item in enumerate(real(source, name), 1):
            if n == 4:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(cli, "_iter_documents", stopping)
    target = tmp_path / f"events.{fmt}"
    code, out, err = run(capsys, "convert", str(path), "--to", fmt, "-o", str(target))
    assert (code, out) == (130, "")
    assert not target.exists()
    partial = tmp_path / f"events.{fmt}.partial"
    assert err.strip().splitlines()[-1] == (
        "diplo-events: interrupted (SIGINT) after input line 3 (3 documents converted); the"
        f" output so far is in {partial}, {target} was not changed"
    )
    if fmt == "parquet":  # finished: a Parquet file with its footer
        assert pq.read_table(partial).to_pylist() == list(export.rows(docs[:3]))
    else:
        assert partial.read_bytes().decode("utf-8") == _expected(fmt, docs[:3])


@pytest.mark.parametrize("fmt", ["csv", "parquet", "plover", "phoenix"])
def test_a_lone_surrogate_the_format_cannot_hold_is_one_line(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Documents may hold lone surrogates (to_json writes them as escapes); UTF-8 output
    # cannot: an error for that document, never a traceback, and no output file.
    doc = parse_document("Russia met China \ud800 in Doha.", id="s", published="2021-08-13")
    assert doc.events
    path = tmp_path / "documents.jsonl"
    path.write_text(to_json(doc) + "\n", encoding="utf-8")
    target = tmp_path / f"events.{fmt}"
    code, _, err = run(capsys, "convert", str(path), "--to", fmt, "-o", str(target))
    assert code == 2
    assert len(err.splitlines()) == 1
    assert err.startswith("diplo-events: error: ")
    assert "surrogates not allowed" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["documents.jsonl"]
