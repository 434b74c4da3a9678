"""Streaming batch extraction: JSON Lines of articles in, JSON Lines of documents out.

This is the engine behind ``diplo-events extract --jsonl`` and the Dask / Spark
recipes. It maps each input line ``{"id": ..., "text": ..., "published": ...}``
to one output line: either a document (``{"schema_version", "id", "published",
"events"}``) or, for a line that cannot be processed, an error object
``{"id": <id or null>, "line": N, "error": "..."}``. Blank lines are skipped
(they produce no output but still count for line numbers).

Everything here is pure and streaming: :func:`process_lines` pulls input lines
lazily and yields results in input order, holding at most a bounded number of
lines in memory, also with worker processes (``jobs > 1``).

>>> from diplo_events.batch import extract_lines
>>> lines = ['{"id": "a", "text": "Nothing happened."}', "not json"]
>>> [line[:40] for line in extract_lines(lines)]  # doctest: +SKIP
['{"schema_version":"1","id":"a","published"', '{"id":null,"line":2,"error":"invalid JSON: ']
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import IO, Any, TypeVar

import attrs

from ._messages import shorten

__all__ = [
    "DEFAULT_CHUNK_BYTES",
    "DEFAULT_CHUNK_LINES",
    "MAX_LINE_BYTES",
    "LineReader",
    "LineTooLong",
    "Result",
    "extract_lines",
    "process_line",
    "process_lines",
]

#: With ``jobs > 1`` input lines are sent to workers in chunks of at most this many lines ...
DEFAULT_CHUNK_LINES = 16
#: ... or this many bytes (whichever is reached first), so huge articles stay bounded too.
DEFAULT_CHUNK_BYTES = 1 << 20
#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
_CHUNKS_PER_WORKER = 3

#: :class:`LineReader` reads at most this many bytes of one line (32 MiB, line end not
#: counted); a longer line becomes an error line, so the memory one line takes is bounded.
#: An article at the parser's limit of 10 million characters fits, unless most of its
#: characters take several bytes in UTF-8.
MAX_LINE_BYTES = 32 << 20


@attrs.frozen
class LineTooLong:
    """An input line longer than the reader's limit, skipped unread: an error line."""

    size: int  # bytes, line end included
    limit: int


Line = str | bytes | LineTooLong
R = TypeVar("R")


class LineReader:
    """The lines of a binary stream, each at most ``max_bytes`` long (default
    :data:`MAX_LINE_BYTES`; a longer one is read past in pieces of 1 MiB and given as a
    :class:`LineTooLong`); ``bytes_read`` counts the bytes read."""

    def __init__(self, stream: IO[bytes], max_bytes: int | None = None) -> None:
        limit = MAX_LINE_BYTES if max_bytes is None else max_bytes
        if limit < 1:
            raise ValueError(f"max_bytes must be positive, got {limit}")
        self.stream = stream
        self.max_bytes = limit
        self.bytes_read = 0

    def __iter__(self) -> Iterator[bytes | LineTooLong]:
        limit = self.max_bytes + 1  # the content may be max_bytes long, then "\n"
        while True:
            line = self.stream.readline(limit)
            if not line:
                return
            self.bytes_read += len(line)
            if len(line) < limit or line.endswith(b"\n"):
                yield line
                continue
            size = len(line)
            while not line.endswith(b"\n"):  # read past the rest of the line
                line = self.stream.readline(1 << 20)
                if not line:
                    break
                size += len(line)
                self.bytes_read += len(line)
            yield LineTooLong(size=size, limit=self.max_bytes)


@attrs.frozen(kw_only=True)
class Result:
    """The outcome of one non-blank input line.

    ``output`` is the JSON text to write (one line, no trailing newline): the
    document when ``ok``, else the error object. ``events`` counts the events
    found (0 for a failed line); ``error`` is the problem when not ``ok``.
    """

    lineno: int
    output: str
    ok: bool
    id: str | None = None
    events: int = 0
    error: str | None = None


class _LineError(Exception):
    """A problem with one input line; becomes an error output line."""

    def __init__(self, message: str, id: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.id = id


def _json_kind(value: object) -> str:
    """How JSON would call the type of ``value``, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _error_output(lineno: int, id: object, message: str) -> str:
    echo = id if isinstance(id, str) or (isinstance(id, int) and not isinstance(id, bool)) else None
    from .serialize import escape_surrogates

    # Compact like the documents, lone surrogates (from an id) escaped like theirs.
    data = {"id": echo, "line": lineno, "error": message}
    return escape_surrogates(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def _decode(line: str | bytes) -> str:
    """The line as text, without its line ending; raises _LineError for bad UTF-8."""
    if isinstance(line, bytes):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad = line[exc.start : exc.start + 1].hex()
            raise _LineError(
                f"not valid UTF-8: byte 0x{bad} at byte offset {exc.start} of the line"
            ) from None
    else:
        text = line
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                # Bytes read with errors="surrogateescape": report them like bad bytes.
                with contextlib.suppress(UnicodeEncodeError):  # other lone surrogates: text
                    return _decode(text.encode("utf-8", "surrogateescape"))
    return text.rstrip("\r\n")


def _fields(text: str) -> tuple[str | None, str, str | None]:
    """``(id, text, published)`` of one JSON input line; raises _LineError."""
    try:
        obj: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        # "Unterminated string starting at" already ends with "at"
        at = "" if exc.msg.endswith(" at") else " at"
        raise _LineError(f"invalid JSON: {exc.msg}{at} column {exc.colno}") from None
    except RecursionError:
        raise _LineError("invalid JSON: nested too deeply") from None
    except ValueError:  # Python's limit on the digits of an integer (4,300 by default)
        raise _LineError("invalid JSON: a number has too many digits") from None
    if not isinstance(obj, dict):
        raise _LineError(f"expected a JSON object, got {_json_kind(obj)}")
    raw_id = obj.get("id")
    if raw_id is not None and not isinstance(raw_id, str):
        raise _LineError(f'"id" must be a string or null, got {_json_kind(raw_id)}', raw_id)
    if "text" not in obj:
        raise _LineError('missing "text"', raw_id)
    body = obj["text"]
    if not isinstance(body, str):
        raise _LineError(f'"text" must be a string, got {_json_kind(body)}', raw_id)
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        raise _LineError(
            f'"published" must be a YYYY-MM-DD string or null, got {_json_kind(published)}',
            raw_id,
        )
    return raw_id, body, published


def process_line(line: Line, lineno: int) -> Result | None:
    """Process one JSON Lines input line (``str`` or UTF-8 ``bytes``, line ending optional,
    or the :class:`LineTooLong` a :class:`LineReader` gives for an overlong line).

    Returns ``None`` for a blank line, else a :class:`Result` whose ``output``
    is the document, or an error object naming ``lineno``. Never raises for
    bad input.
    """
    from ._parsing.annotate.dates import parse_published
    from .parser import parse_document
    from .serialize import to_json

    if isinstance(line, LineTooLong):
        message = (
            f"line too long: {line.size:,} bytes, more than the limit of {line.limit:,}"
            " (split the article)"
        )
        return Result(
            lineno=lineno,
            output=_error_output(lineno, None, message),
            ok=False,
            error=message,
        )
    if not line.strip():
        return None
    raw_id: object = None
    try:
        text = _decode(line)
        doc_id, body, published = _fields(text)
        raw_id = doc_id
        try:
            day = parse_published(published)
        except (TypeError, ValueError):
            raise _LineError(
                'bad "published": an ISO 8601 date such as "2021-08-13" was expected,'
                f" got {shorten(published)}",
                doc_id,
            ) from None
        try:
            doc = parse_document(body, id=doc_id, published=day)
        except ValueError as exc:  # InputTooLargeError and the like
            raise _LineError(str(exc), doc_id) from None
        output = to_json(doc)  # lone surrogates of the text are written as \\uXXXX escapes
    except _LineError as exc:
        raw_id = exc.id if exc.id is not None else raw_id
        return Result(
            lineno=lineno,
            output=_error_output(lineno, raw_id, exc.message),
            ok=False,
            id=raw_id if isinstance(raw_id, str) else None,
            error=exc.message,
        )
    except Exception as exc:  # a parser bug must not stop a batch of 100,000 articles
        message = f"internal error (please report it): {type(exc).__name__}: {exc}"
        return Result(
            lineno=lineno,
            output=_error_output(lineno, raw_id, message),
            ok=False,
            id=raw_id if isinstance(raw_id, str) else None,
            error=message,
        )
    return Result(lineno=lineno, output=output, ok=True, id=doc_id, events=len(doc.events))


def _process_chunk(lines: list[Line], start: int) -> list[Result]:
    """Worker task: process consecutive lines numbered from ``start``."""
    out: list[Result] = []
    for offset, line in enumerate(lines):
        result = process_line(line, start + offset)
        if result is not None:
            out.append(result)
    return out


def _chunks(
    lines: Iterable[Line], start: int, max_lines: int, max_bytes: int
) -> Iterator[tuple[list[Line], int]]:
    """Group lines into ``(chunk, number of its first line)``, lazily."""
    chunk: list[Line] = []
    size = 0
    first = start
    for lineno, line in enumerate(lines, start):
        if not chunk:
            first = lineno
        chunk.append(line)
        size += len(line) if isinstance(line, str | bytes) else 0
        if len(chunk) >= max_lines or size >= max_bytes:
            yield chunk, first
            chunk, size = [], 0
    if chunk:
        yield chunk, first


def _init_worker() -> None:
    """Pool initializer: Ctrl-C is handled by the parent, which stops the pool; SIGTERM
    (how the pool stops its workers) and SIGHUP end a worker at once, whatever handler
    the parent had when the worker was forked."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, signal.SIG_DFL)
    _warm_up()


def _warm_up() -> None:
    """Load the parser (and its gazetteers) once, before the first real article."""
    process_line('{"text": "Officials met on Monday."}', 0)


def _ordered_map(
    fn: Callable[..., R], tasks: Iterable[tuple[Any, ...]], jobs: int
) -> Generator[R, None, None]:
    """``fn(*task)`` for each task in ``jobs`` worker processes, yielded in task order.

    Tasks are submitted lazily, with a bounded window of results in flight (Pool.imap
    would read all the tasks ahead), so memory stays bounded however many there are.
    The parser is loaded before the workers start (with the fork start method they
    inherit it) and in each worker, before its first task.
    """
    _warm_up()
    window = jobs * _CHUNKS_PER_WORKER
    with multiprocessing.get_context().Pool(jobs, initializer=_init_worker) as pool:
        pending: deque[AsyncResult[R]] = deque()
        for task in tasks:
            pending.append(pool.apply_async(fn, task))
            if len(pending) >= window:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _parallel(
    lines: Iterable[Line], jobs: int, start: int, max_lines: int, max_bytes: int
) -> Generator[Result, None, None]:
    chunks = _chunks(lines, start, max_lines, max_bytes)
    for results in _ordered_map(_process_chunk, chunks, jobs):
        yield from results


def process_lines(
    lines: Iterable[Line],
    *,
    jobs: int = 1,
    start: int = 1,
    chunk_lines: int = DEFAULT_CHUNK_LINES,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
) -> Generator[Result, None, None]:
    """Process JSON Lines input lazily, yielding one :class:`Result` per non-blank line.

    ``lines`` may be ``str`` or UTF-8 ``bytes`` (e.g. a file opened in binary
    mode); the first line is numbered ``start``. Results come in input order.
    With ``jobs > 1`` the lines are processed by that many worker processes in
    chunks (``chunk_lines`` lines or ``chunk_bytes`` bytes), with a bounded
    number of chunks in flight, so memory stays constant whatever the input
    size; the output is identical to ``jobs=1``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, got {jobs}")
    if chunk_lines < 1 or chunk_bytes < 1:
        raise ValueError("chunk_lines and chunk_bytes must be positive")
    if jobs == 1:
        return _serial(lines, start)
    return _parallel(lines, jobs, start, chunk_lines, chunk_bytes)


def _serial(lines: Iterable[Line], start: int) -> Generator[Result, None, None]:
    for lineno, line in enumerate(lines, start):
        result = process_line(line, lineno)
        if result is not None:
            yield result


def extract_lines(lines: Iterable[Line], *, start: int = 1) -> Iterator[str]:
    """The output lines (no trailing newline) for JSON Lines input, lazily, in one process.

    The per-partition function for distributed engines, e.g. Spark's
    ``rdd.mapPartitions(extract_lines)`` or Dask's ``bag.map_partitions(extract_lines)``.
    """
    for result in _serial(lines, start):
        yield result.output
