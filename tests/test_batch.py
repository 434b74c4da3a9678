"""Tests of diplo_events.batch: JSON Lines in, one document or error object per line out."""

from __future__ import annotations

import io
import itertools
import json
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events import Document, from_json, parser
from diplo_events import batch as batch_module
from diplo_events.batch import (
    MAX_LINE_BYTES,
    LineReader,
    LineTooLong,
    Result,
    extract_lines,
    process_line,
    process_lines,
)

DOC_KEYS = {"schema_version", "id", "published", "events"}


def article(id: str | None, text: str, published: str | None = None) -> str:
    return json.dumps({"id": id, "text": text, "published": published})


TEXTS = [
    "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries.",
    "Kenya's president said on Friday that the border with Uganda would stay open.",
    "Troops from Poland and Lithuania began a ten-day exercise near the coast.",
    "Nothing of political interest happened in this sentence about the weather.",
]


def mixed_input() -> list[str]:
    """Good lines, bad lines and blank lines, in a fixed order."""
    lines: list[str] = []
    for i in range(12):
        lines.append(article(f"doc-{i}", TEXTS[i % len(TEXTS)], "2021-08-13" if i % 2 else None))
        if i % 5 == 2:
            lines.append("{not json")
        if i % 4 == 3:
            lines.append("   ")
    lines.append(json.dumps({"id": "no-text"}))
    return lines


def parse_output(result: Result) -> dict[str, Any]:
    data = json.loads(result.output)
    assert isinstance(data, dict)
    return data


# --- one line --------------------------------------------------------------------


@pytest.mark.parametrize("line", ["", "\n", "   \r\n", b"\n", b"  "])
def test_blank_lines_give_no_result(line: str | bytes) -> None:
    assert process_line(line, 1) is None


def test_good_line_gives_a_document_echoing_id_and_published() -> None:
    result = process_line(article("a-1", TEXTS[0], "2021-08-13") + "\n", 7)
    assert result is not None
    assert result.ok
    assert result.error is None
    assert result.lineno == 7
    assert result.id == "a-1"
    data = parse_output(result)
    assert set(data) == DOC_KEYS
    assert data["id"] == "a-1"
    assert data["published"] == "2021-08-13"
    assert data["schema_version"] == "1"
    assert isinstance(data["events"], list)
    assert result.events == len(data["events"])
    assert "\n" not in result.output


def test_id_and_published_are_optional() -> None:
    result = process_line(json.dumps({"text": TEXTS[1]}), 1)
    assert result is not None
    assert result.ok
    data = parse_output(result)
    assert data["id"] is None
    assert data["published"] is None


def test_bytes_and_str_lines_give_the_same_output() -> None:
    line = article("é-1", "Le président a parlé à Genève.", "2020-02-29")
    from_str = process_line(line, 3)
    from_bytes = process_line(line.encode("utf-8") + b"\r\n", 3)
    assert from_str == from_bytes


@pytest.mark.parametrize(
    ("line", "problem", "echoed_id"),
    [
        ("{not json", "invalid JSON", None),
        ("[1, 2]", "expected a JSON object, got an array", None),
        ('"text"', "expected a JSON object, got a string", None),
        ("42", "expected a JSON object, got a number", None),
        ('{"id": "x"}', 'missing "text"', "x"),
        ('{"id": "x", "text": 5}', '"text" must be a string, got a number', "x"),
        ('{"id": "x", "text": null}', '"text" must be a string, got null', "x"),
        ('{"id": 17, "text": "hello"}', '"id" must be a string or null, got a number', 17),
        ('{"id": ["x"], "text": "hello"}', '"id" must be a string or null', None),
        ('{"id": "x", "text": "t", "published": "2021-13-45"}', 'bad "published"', "x"),
        ('{"id": "x", "text": "t", "published": "yesterday"}', 'bad "published"', "x"),
        ('{"id": "x", "text": "t", "published": 20210813}', '"published" must be', "x"),
    ],
)
def test_bad_lines_give_an_error_object(line: str, problem: str, echoed_id: object) -> None:
    result = process_line(line, 12)
    assert result is not None
    assert not result.ok
    assert result.events == 0
    assert result.error is not None
    assert problem in result.error
    data = parse_output(result)
    assert set(data) == {"id", "line", "error"}
    assert data["line"] == 12
    assert data["id"] == echoed_id
    assert problem in data["error"]


def test_invalid_utf8_names_the_byte_offset() -> None:
    line = b'{"id": "x", "text": "caf\xe9"}\n'
    result = process_line(line, 4)
    assert result is not None
    assert not result.ok
    assert result.error is not None
    assert "not valid UTF-8" in result.error
    assert "byte offset 24" in result.error
    assert parse_output(result)["line"] == 4


def test_surrogate_escaped_text_is_reported_like_bad_bytes() -> None:
    raw = b'{"id": "x", "text": "caf\xe9"}'
    as_text = raw.decode("utf-8", "surrogateescape")
    assert process_line(as_text, 4) == process_line(raw, 4)


def test_a_lone_surrogate_escape_in_text_is_parsed_and_written_escaped() -> None:
    result = process_line('{"id": "s\\udc80", "text": "Russia met China \\ud800 in Doha."}', 2)
    assert result is not None
    assert result.ok
    assert result.events == 1
    assert "\\ud800" in result.output  # the evidence, escaped as in the input
    assert '"id":"s\\udc80"' in result.output
    result.output.encode("utf-8")
    assert (
        from_json(result.output, Document).events[0].evidence[0].text
        == "Russia met China \ud800 in Doha."
    )


def test_an_error_line_with_a_lone_surrogate_id_is_valid_utf8() -> None:
    result = process_line('{"id": "s\\ud800", "text": 5}', 3)
    assert result is not None
    assert not result.ok
    assert '"id":"s\\ud800"' in result.output
    result.output.encode("utf-8")


def test_text_beyond_the_limit_is_an_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parser, "MAX_INPUT_CHARS", 10)
    result = process_line(article("big", "x" * 11), 1)
    assert result is not None
    assert not result.ok
    assert result.error is not None
    assert "at most 10" in result.error


def test_a_parser_crash_becomes_an_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(text: str, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(parser, "parse_document", explode)
    result = process_line(article("c", "text"), 9)
    assert result is not None
    assert not result.ok
    assert result.error is not None
    assert "internal error" in result.error
    assert "boom" in result.error
    assert parse_output(result)["id"] == "c"


@given(st.text(max_size=200))
def test_any_text_line_gives_one_json_object_or_nothing(line: str) -> None:
    result = process_line(line, 1)
    if result is None:
        assert not line.strip()
        return
    data = parse_output(result)
    assert ("error" in data) != result.ok
    result.output.encode("utf-8")


@given(st.text(max_size=300), st.one_of(st.none(), st.text(max_size=20)))
def test_any_article_text_is_processed(text: str, id: str | None) -> None:
    result = process_line(article(id, text), 1)
    assert result is not None
    data = parse_output(result)
    assert data["id"] == id
    if result.ok:
        assert set(data) == DOC_KEYS


# --- many lines ------------------------------------------------------------------


def test_results_keep_input_order_and_line_numbers() -> None:
    lines = mixed_input()
    results = list(process_lines(lines))
    non_blank = [n for n, line in enumerate(lines, 1) if line.strip()]
    assert [r.lineno for r in results] == non_blank
    good = [r for r in results if r.ok]
    assert [r.id for r in good] == [f"doc-{i}" for i in range(12)]
    bad = [r for r in results if not r.ok]
    assert [json.loads(r.output)["line"] for r in bad] == [r.lineno for r in bad]
    assert len(bad) == 3


def test_start_sets_the_first_line_number() -> None:
    results = list(process_lines(["", "{bad"], start=100))
    assert [r.lineno for r in results] == [101]
    assert json.loads(results[0].output)["line"] == 101


def test_extract_lines_yields_the_output_lines() -> None:
    lines = mixed_input()
    assert list(extract_lines(lines)) == [r.output for r in process_lines(lines)]


@pytest.mark.parametrize(("chunk_lines", "chunk_bytes"), [(1, 1 << 20), (3, 1 << 20), (100, 50)])
def test_two_jobs_give_the_same_results_as_one(chunk_lines: int, chunk_bytes: int) -> None:
    lines = mixed_input()
    serial = list(process_lines(lines))
    parallel = list(process_lines(lines, jobs=2, chunk_lines=chunk_lines, chunk_bytes=chunk_bytes))
    assert parallel == serial


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs"):
        process_lines([], jobs=0)


@pytest.mark.parametrize("jobs", [1, 2])
def test_input_is_read_lazily_with_bounded_lookahead(jobs: int) -> None:
    pulled = 0

    def endless() -> Iterator[str]:
        nonlocal pulled
        for i in itertools.count():
            pulled += 1
            yield article(f"n{i}", TEXTS[i % len(TEXTS)])

    results = process_lines(endless(), jobs=jobs, chunk_lines=4)
    first = list(itertools.islice(results, 5))
    results.close()
    assert [r.id for r in first] == ["n0", "n1", "n2", "n3", "n4"]
    # At most (chunks in flight + one being filled) x chunk size lines were read ahead.
    assert pulled <= 5 + (2 * 3 + 1) * 4


# --- bounds: line length, numbers, messages -----------------------------------------


def test_line_reader_gives_overlong_lines_as_errors_and_goes_on() -> None:
    data = b'{"text": "short"}\n' + b"x" * 250 + b"\n" + b"y" * 100 + b"\nlast"
    reader = LineReader(io.BytesIO(data), max_bytes=100)
    lines = list(reader)
    assert lines[0] == b'{"text": "short"}\n'
    assert lines[1] == LineTooLong(size=251, limit=100)
    assert lines[2] == b"y" * 100 + b"\n"  # exactly the limit, then the line end
    assert lines[3] == b"last"
    assert reader.bytes_read == len(data)


def test_an_overlong_line_is_an_error_line_with_its_number() -> None:
    source = io.BytesIO(article("a", "Russia met China.").encode() + b"\n" + b"z" * 500 + b"\n")
    results = list(process_lines(LineReader(source, max_bytes=200)))
    assert [r.ok for r in results] == [True, False]
    assert results[1].lineno == 2
    assert results[1].error is not None
    assert "line too long: 501 bytes, more than the limit of 200" in results[1].error
    assert parse_output(results[1]) == {"id": None, "line": 2, "error": results[1].error}


def test_memory_read_for_an_overlong_line_is_bounded() -> None:
    # A 100 MB line used to be read whole (319 MB at the peak); now at most the limit.
    data = b"x" * (20 << 20) + b"\n" + b'{"text": "Russia met China."}\n'
    source = io.BytesIO(data)
    tracemalloc.start()
    try:
        lines = list(LineReader(source, max_bytes=1 << 20))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines[0] == LineTooLong(size=(20 << 20) + 1, limit=1 << 20)
    assert peak < 4 << 20


def test_default_line_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert LineReader(io.BytesIO(b"")).max_bytes == MAX_LINE_BYTES == 32 << 20
    monkeypatch.setattr(batch_module, "MAX_LINE_BYTES", 10)
    assert list(LineReader(io.BytesIO(b"a" * 11))) == [LineTooLong(size=11, limit=10)]


def test_an_integer_of_too_many_digits_is_a_bad_line_not_an_internal_error() -> None:
    result = process_line('{"text": "x", "n": ' + "7" * 5000 + "}", 4)
    assert result is not None
    assert not result.ok
    assert result.error == "invalid JSON: a number has too many digits"


def test_unterminated_string_message_reads_well() -> None:
    result = process_line('{"id": "b", "text": "Unterminated', 2)
    assert result is not None
    assert result.error == "invalid JSON: Unterminated string starting at column 21"


def test_a_huge_bad_published_value_is_cut_in_the_message() -> None:
    result = process_line(json.dumps({"text": "x", "published": "9" * 1_000_000}), 1)
    assert result is not None
    assert result.error is not None
    assert result.error.startswith('bad "published"')
    assert "(1,000,000 characters)" in result.error
    assert len(result.error) < 300
    assert len(result.output) < 400
