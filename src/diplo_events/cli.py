"""The ``diplo-events`` command line (also ``python -m diplo_events``).

Subcommands: ``extract`` (text files, or JSON Lines batches with ``--jsonl``),
``schema`` (print the JSON Schema), ``validate`` (check documents) and
``convert`` (documents to CSV, Parquet, PLOVER or Phoenix dyads).
:func:`main` returns the exit status: 0 success, 1 some input lines or
documents failed, 2 usage or input error, 130 interrupted (Ctrl-C), 141
output pipe closed (e.g. ``| head``). Errors are one line on stderr, never a
traceback. Documentation: :data:`DOCS_URL`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    import datetime as dt

    from .export import Writer
    from .model import Actor, DateSpan, Document, Event, Location

__all__ = ["DOCS_URL", "build_parser", "main"]

PROG = "diplo-events"
#: The command line's documentation, named by ``--help``.
DOCS_URL = "https://github.com/diplo-events/diplo-events/blob/main/docs/cli.md"

_EPILOG = (
    """\
examples:
  diplo-events extract article.txt --published 2021-08-13 --format table
  diplo-events extract a.txt b.txt --format jsonl > events.jsonl
  cat article.txt | diplo-events extract - > document.json
  diplo-events extract --jsonl articles.jsonl --output documents.jsonl --jobs 4
  diplo-events schema > events-v1.schema.json
  diplo-events validate documents.jsonl
  diplo-events convert documents.jsonl --to parquet -o events.parquet

JSON Lines input (--jsonl) has one article per line:
  {"id": "a1", "text": "Officials met in Doha on Wednesday.", "published": "2021-08-13"}
exit status: 0 ok, 1 some lines/documents failed, 2 usage or input error, 130 interrupted.
documentation: """
    + DOCS_URL
    + "\n"
)

_EXTRACT_EPILOG = (
    """\
examples:
  diplo-events extract article.txt --published 2021-08-13 --format table
  diplo-events extract *.txt --format jsonl -o documents.jsonl --jobs 4
  diplo-events extract --jsonl articles.jsonl -o documents.jsonl --jobs 4

With --jsonl each input line is {"id", "text", "published"}; each output line is a
document {"schema_version", "id", "published", "events"}, in input order, or, for a bad
line, {"id", "line", "error"} (and a message on stderr). Blank lines are skipped.
Exit status 1 if any line failed.

With several files or --jsonl, a progress line is drawn on stderr when stderr is a
terminal and the output is not (use -o FILE); --quiet turns it off.
documentation: """
    + DOCS_URL
    + "\n"
)


class CliError(Exception):
    """A problem with the command's arguments or input: one line on stderr, exit status 2."""


# --- arguments -------------------------------------------------------------------


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (all CPUs) or more")
    return jobs or os.cpu_count() or 1


class _VersionAction(argparse.Action):
    """``--version``: looks the version up only when asked (the metadata lookup is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", "show the version and exit")
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        from . import __version__

        sys.stdout.write(f"{PROG} {__version__}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``diplo-events`` command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Extract typed international-politics events (meetings, military "
        "exercises, territorial changes, statements) from English news text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    extract = commands.add_parser(
        "extract",
        help="extract events from text files or a JSON Lines batch",
        description="Extract events from article text files (or stdin), or with --jsonl "
        "from a JSON Lines file of articles.",
        epilog=_EXTRACT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="text file(s) to read; '-' or nothing reads stdin",
    )
    extract.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of the text(s), to resolve 'on Wednesday'",
    )
    extract.add_argument(
        "--format",
        choices=("json", "jsonl", "table", *EXPORT_FORMATS),
        help="json: one indented document per file (default); jsonl: one compact document "
        "per line; table: a readable view for people; csv, parquet: one row per event; "
        "plover: PLOVER/POLECAT JSON Lines; phoenix: CAMEO dyads (TSV)",
    )
    extract.add_argument(
        "--encoding",
        metavar="ENC",
        help="encoding of the text files (default: UTF-8, with or without BOM)",
    )
    extract.add_argument(
        "--jsonl",
        action="store_true",
        help='read JSON Lines {"id", "text", "published"}, write one document per line',
    )
    extract.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    extract.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes for several files or a --jsonl batch (default 1; 0 = one "
        "per CPU); the output is the same as with 1",
    )
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress line on stderr")
    extract.set_defaults(handler=_cmd_extract)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the output",
        description="Print the JSON Schema (draft 2020-12) of the documents that extract writes.",
    )
    schema.set_defaults(handler=_cmd_schema)

    validate = commands.add_parser(
        "validate",
        help="check JSON / JSON Lines documents",
        description="Check documents against the JSON Schema (with the jsonschema package:\n"
        "pip install 'diplo-events[validate]') and the library's own loader. Reports each\n"
        "bad document with its line number and the paths of the bad fields; exit status 1\n"
        "if any is bad.",
        epilog=f"documentation: {DOCS_URL}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    validate.add_argument(
        "file",
        nargs="?",
        default="-",
        metavar="FILE",
        help="a JSON document, JSON documents one after another, or JSON Lines; '-' is stdin",
    )
    validate.set_defaults(handler=_cmd_validate)
    _add_convert(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (argparse printed it)
        return exc.code if isinstance(exc.code, int) else 2
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except CliError as exc:
        _flush_quietly(sys.stdout)
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        _flush_quietly(sys.stdout)
        print(f"\n{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 141


def _flush_quietly(stream: TextIO) -> None:
    try:
        stream.flush()
    except (BrokenPipeError, ValueError):
        _silence_stdout()


def _silence_stdout() -> None:
    """After the reader of stdout went away: let the interpreter exit without a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


# --- input and output ------------------------------------------------------------


def _input_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _check_input(path: str) -> None:
    """Fail early, before any output, for a path that cannot be an input file."""
    if path == "-":
        return
    if os.path.isdir(path):
        raise CliError(f"{path}: is a directory (pass the files in it, e.g. {path}/*.txt)")
    if not os.path.exists(path):
        raise CliError(f"{path}: no such file")


def _open_binary(path: str, stack: ExitStack) -> IO[bytes]:
    if path == "-":
        if sys.stdin.isatty():
            print(f"{PROG}: reading stdin (end with Ctrl-D)", file=sys.stderr)
        return sys.stdin.buffer
    _check_input(path)
    try:
        return stack.enter_context(open(path, "rb"))
    except OSError as exc:
        raise CliError(f"{path}: cannot read: {exc.strerror or exc}") from None


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    """The text of a file: UTF-8 by default (a BOM is dropped), else ``encoding``."""
    codec = encoding or "utf-8-sig"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        shown = encoding or "UTF-8"
        raise CliError(
            f"{name}: cannot decode as {shown}: byte 0x{byte} at byte offset {exc.start}"
            " (is it another encoding? try e.g. --encoding cp1252)"
        ) from None


def _open_output(
    path: str | None, stack: ExitStack, inputs: Sequence[str], *, json_text: bool = True
) -> TextIO:
    """The output stream: ``path`` (UTF-8, ``\\n`` line ends) or stdout.

    JSON is always written as UTF-8, also to a stdout with another encoding; text
    for people (``json_text=False``) keeps the terminal's encoding.
    """
    if path is None or path == "-":
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # an unusual stdout: leave it
                if json_text:
                    reconfigure(encoding="utf-8")
                else:  # article text the terminal cannot show becomes "?"
                    reconfigure(errors="replace")
        return sys.stdout
    if os.path.isdir(path):
        raise CliError(f"--output {path}: is a directory")
    for source in inputs:
        if source != "-" and os.path.exists(path) and os.path.samefile(source, path):
            raise CliError(f"--output {path}: is also an input file")
    try:
        return stack.enter_context(open(path, "w", encoding="utf-8", newline="\n"))
    except OSError as exc:
        raise CliError(f"--output {path}: cannot write: {exc.strerror or exc}") from None


def _published(value: str | None) -> dt.date | None:
    from ._parsing.annotate.dates import parse_published

    if value is None:
        return None
    try:
        return parse_published(value)
    except (TypeError, ValueError) as exc:
        raise CliError(f"--published: {exc}") from None


# --- extract ---------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    files: list[str] = args.files or ["-"]
    if files.count("-") > 1:
        raise CliError("stdin ('-') can be read only once")
    if args.jsonl:
        return _extract_jsonl(args, files)
    published = _published(args.published)
    for path in files:  # report a bad path before writing anything
        _check_input(path)
    fmt = args.format or "json"
    if fmt in EXPORT_FORMATS:
        return _extract_export(args, files, published, fmt)
    with ExitStack() as stack:
        out = _open_output(args.output, stack, files, json_text=fmt != "table")
        style = _TableStyle.for_stream(out) if fmt == "table" else None
        progress = stack.enter_context(
            _progress_bar(_wants_progress(args) and len(files) > 1, total=len(files), unit=" files")
        )
        tasks = (
            (path, _open_binary(path, stack).read() if path == "-" else None) for path in files
        )
        options = (args.encoding, published, fmt, style)
        events = 0
        results = _run(_extract_file, tasks, min(args.jobs, len(files)), *options)
        for index, (path, done) in enumerate(zip(files, results, strict=True)):
            name = _input_name(path)
            if isinstance(done, str):
                raise CliError(f"{name}: {done}")
            text, found, empty = done
            if empty:
                warning = f"{name}: empty input; writing a document with no events"
                _message(progress, f"{PROG}: warning: {warning}")
            out.write(("\n" if index and style is not None else "") + text)
            events += found
            progress.set_postfix_str(f"{events:,} events", refresh=False)
            progress.update(1)
        out.flush()
    return 0


def _extract_file(
    path: str,
    data: bytes | None,
    encoding: str | None,
    published: dt.date | None,
    fmt: str,
    style: _TableStyle | None,
) -> tuple[str, int, bool] | str:
    """The output text for one text file (``data``: its bytes when already read), its number
    of events and whether the file was empty; or the problem to report. Runs in worker
    processes too."""
    from .parser import parse_document

    name = _input_name(path)
    if data is None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            return f"cannot read: {exc.strerror or exc}"
    try:
        text = _decode(data, name, encoding)
    except CliError as exc:
        return str(exc).removeprefix(f"{name}: ")
    try:
        doc = parse_document(text, id=None if path == "-" else path, published=published)
    except ValueError as exc:  # the text is too large
        return str(exc)
    if style is not None:
        output = render_table(doc, style)
    else:
        output = _document_json(doc, pretty=fmt == "json") + "\n"
    return output, len(doc.events), not text.strip()


def _run(
    fn: Callable[..., Any], tasks: Iterator[tuple[Any, ...]], jobs: int, *extra: Any
) -> Iterator[Any]:
    """``fn(*task, *extra)`` for each task, in order: here, or in ``jobs`` worker processes."""
    if jobs == 1:
        for task in tasks:
            yield fn(*task, *extra)
        return
    from .batch import _ordered_map

    yield from _ordered_map(fn, ((*task, *extra) for task in tasks), jobs)


def _document_json(doc: Document, *, pretty: bool) -> str:
    from .serialize import to_json

    return to_json(doc, indent=2 if pretty else None)


class _CountingLines:
    """Iterates the lines of a binary stream, counting the bytes read (for the progress bar)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.bytes_read = 0

    def __iter__(self) -> Iterator[bytes]:
        for line in self.stream:
            self.bytes_read += len(line)
            yield line


def _input_size(stream: IO[bytes]) -> int | None:
    """The size of a regular input file (for the progress bar), else None."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _extract_jsonl(args: argparse.Namespace, files: list[str]) -> int:
    from .batch import process_lines

    if len(files) > 1:
        raise CliError("--jsonl reads one input (a file or '-'); concatenate files first")
    if args.format in EXPORT_FORMATS:
        raise CliError(
            f"--jsonl writes documents; for {args.format}, pipe them into "
            f"'{PROG} convert - --to {args.format}'"
        )
    if args.format not in (None, "jsonl"):
        raise CliError("--jsonl always writes JSON Lines; drop --format")
    if args.encoding is not None:
        raise CliError("--encoding applies to text files; JSON Lines input is always UTF-8")
    if args.published is not None:
        raise CliError('--published applies to text files; JSON Lines lines carry "published"')
    path = files[0]
    name = _input_name(path)
    with ExitStack() as stack:
        source = _open_binary(path, stack)
        out = _open_output(args.output, stack, files)
        lines = _CountingLines(source)
        size = _input_size(source)
        enabled = _wants_progress(args)
        progress = stack.enter_context(
            _progress_bar(enabled, total=size, unit="B", unit_scale=True)
            if size is not None
            else _progress_bar(enabled, total=None, unit=" articles")
        )
        done = failed = events = 0
        for result in process_lines(lines, jobs=args.jobs):
            out.write(result.output + "\n")
            done += 1
            events += result.events
            if not result.ok:
                failed += 1
                which = f" (id {result.id!r})" if result.id is not None else ""
                _message(progress, f"{PROG}: {name} line {result.lineno}{which}: {result.error}")
            if size is not None:
                progress.set_postfix_str(f"{done:,} articles, {events:,} events", refresh=False)
                progress.update(lines.bytes_read - progress.n)
            else:
                progress.set_postfix_str(f"{events:,} events", refresh=False)
                progress.update(1)
        out.flush()
    if done == 0:
        _warn(f"{name}: no input lines; nothing written")
    if failed:
        print(f"{PROG}: {failed:,} of {done:,} lines failed", file=sys.stderr)
        return 1
    return 0


# --- progress --------------------------------------------------------------------


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if isatty is not None else False
    except (ValueError, OSError):  # a closed stream
        return False


def _wants_progress(args: argparse.Namespace) -> bool:
    """A progress line on stderr: only on a terminal, and not one the output is written to."""
    if args.quiet or not _isatty(sys.stderr):
        return False
    to_stdout = args.output is None or args.output == "-"
    return not (to_stdout and _isatty(sys.stdout))


class _Bar(Protocol):
    """What the command uses of a tqdm progress bar."""

    @property
    def n(self) -> float: ...
    @property
    def disable(self) -> bool | None: ...
    def update(self, n: float = 1) -> bool | None: ...
    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None: ...
    def close(self) -> None: ...


class _NoBar:
    """The progress line when none is drawn (tqdm itself is not even imported)."""

    n: float = 0
    disable = True

    def update(self, n: float = 1) -> None:
        self.n += n

    def set_postfix_str(self, s: str = "", refresh: bool = True) -> None:
        pass

    def close(self) -> None:
        pass


@contextlib.contextmanager
def _progress_bar(
    enabled: bool, *, total: int | None, unit: str, unit_scale: bool = False
) -> Iterator[_Bar]:
    """The progress line (tqdm): bar, percentage and time left when the total is known,
    counts and rate, fitted to the terminal's width (also when it changes)."""
    if not enabled:
        yield _NoBar()
        return
    from tqdm import tqdm

    bar = tqdm(
        total=total,
        unit=unit,
        unit_scale=unit_scale,
        unit_divisor=1024 if unit_scale else 1000,
        file=sys.stderr,
        dynamic_ncols=True,
        mininterval=0.1,
        leave=True,
    )
    try:
        yield bar
    finally:
        bar.close()


def _message(progress: _Bar, text: str) -> None:
    """Print a line on stderr, above the progress line if one is drawn."""
    if progress.disable:
        print(text, file=sys.stderr)
    else:
        from tqdm import tqdm

        tqdm.write(text, file=sys.stderr)


# --- export formats: extract --format csv|parquet|plover|phoenix, and convert ------

#: Output formats of diplo_events.export (the keys of diplo_events.export.FORMATS).
EXPORT_FORMATS = ("csv", "parquet", "plover", "phoenix")

_CONVERT_EPILOG = """\
examples:
  diplo-events convert documents.jsonl --to parquet -o events.parquet
  diplo-events convert documents.jsonl --to csv -o events.csv
  diplo-events extract --jsonl articles.jsonl | diplo-events convert - --to plover > plover.jsonl

formats: csv and parquet, one row per event (docs/export-table.md); plover, PLOVER/POLECAT
JSON Lines (docs/export-plover.md); phoenix, CAMEO dyads as TSV (docs/export-phoenix.md).
JSON Lines input is streamed: memory does not grow with the number of documents.
Extraction error lines are skipped with a warning; exit status 1 if a document is invalid.
"""


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


#: diplo_events.export.DEFAULT_ROW_GROUP_SIZE, not imported so that building the parser stays
#: cheap (a test keeps the two equal).
DEFAULT_ROW_GROUP_SIZE = 20_000


def _add_convert(commands: Any) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert documents to CSV, Parquet, PLOVER JSON Lines or Phoenix dyads",
        description="Convert documents (JSON Lines, as written by 'extract --jsonl', or JSON "
        "documents one after another) to an event table (CSV, Parquet), PLOVER/POLECAT "
        "records or Phoenix-style CAMEO dyads.",
        epilog=_CONVERT_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    convert.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="documents to read; '-' is stdin"
    )
    convert.add_argument(
        "--to",
        required=True,
        choices=EXPORT_FORMATS,
        metavar="FORMAT",
        help="csv, parquet, plover or phoenix",
    )
    convert.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    convert.add_argument(
        "--row-group-size",
        type=_positive,
        default=DEFAULT_ROW_GROUP_SIZE,
        metavar="N",
        help="parquet: rows per row group, the most rows held in memory "
        f"(default {DEFAULT_ROW_GROUP_SIZE:,})",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress line on stderr")
    convert.set_defaults(handler=_cmd_convert)


def _open_export(
    fmt: str, path: str | None, stack: ExitStack, inputs: Sequence[str], **options: Any
) -> Writer:
    """The streaming writer of ``fmt`` to ``path`` or stdout, entered in ``stack``."""
    from .export import open_writer
    from .export.parquet import ParquetWriter

    try:
        if fmt != "parquet":
            out = _open_output(path, stack, inputs)
            return stack.enter_context(open_writer(fmt, out, **options))
        ParquetWriter.check_available()
        if path is None or path == "-":
            if sys.stdout.isatty():
                raise CliError("Parquet is binary: write it to a file with -o FILE")
            target: Any = sys.stdout.buffer
        else:
            _check_output_path(path, inputs)
            target = path
        return stack.enter_context(open_writer(fmt, target, **options))
    except ImportError as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:
        raise CliError(f"--output {path}: cannot write: {exc.strerror or exc}") from None


def _check_output_path(path: str, inputs: Sequence[str]) -> None:
    if os.path.isdir(path):
        raise CliError(f"--output {path}: is a directory")
    for source in inputs:
        if source != "-" and os.path.exists(path) and os.path.samefile(source, path):
            raise CliError(f"--output {path}: is also an input file")


def _extract_export(
    args: argparse.Namespace, files: list[str], published: dt.date | None, fmt: str
) -> int:
    """``extract --format csv|parquet|plover|phoenix``: all files' events in one output."""
    from .parser import parse_document

    with ExitStack() as stack:
        writer = _open_export(fmt, args.output, stack, files)
        for path in files:
            name = _input_name(path)
            text = _decode(_open_binary(path, stack).read(), name, args.encoding)
            if not text.strip():
                _warn(f"{name}: empty input; it has no events")
            try:
                doc = parse_document(text, id=None if path == "-" else path, published=published)
            except ValueError as exc:  # the text is too large
                raise CliError(f"{name}: {exc}") from None
            _write_export(writer, doc)
    return 0


def _write_export(writer: Writer, doc: Document) -> None:
    try:
        writer.write(doc)
    except ValueError as exc:  # e.g. a count too large for Parquet's int64
        raise CliError(f"document {doc.id!r}: {exc}") from None


def _cmd_convert(args: argparse.Namespace) -> int:
    from ._progress import Progress
    from .errors import SchemaError
    from .serialize import from_dict

    name = _input_name(args.file)
    options = {"row_group_size": args.row_group_size} if args.to == "parquet" else {}
    total = bad = skipped = 0
    with ExitStack() as stack:
        source = _open_binary(args.file, stack)
        writer = _open_export(args.to, args.output, stack, [args.file], **options)
        progress = Progress(sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
        stack.callback(progress.close)
        for lineno, value, problem in _iter_documents(source, name):
            total += 1
            if isinstance(value, dict) and "error" in value and "schema_version" not in value:
                skipped += 1
                progress.message(
                    f"{PROG}: warning: {name} line {lineno}: an extraction error line, "
                    f"skipped: {_shorten(str(value['error']))}"
                )
                continue
            if problem is None:
                try:
                    doc = from_dict(value)
                except SchemaError as exc:
                    problem = _shorten("; ".join(exc.errors))
            if problem is not None:
                bad += 1
                progress.message(f"{PROG}: {name} line {lineno}: {problem}")
                continue
            _write_export(writer, doc)
            progress.update(articles=1, events=len(doc.events))
    if total == 0:
        _warn(f"{name}: no documents; the output has no records")
    if skipped:
        _warn(f"{name}: skipped {skipped:,} extraction error line(s)")
    if bad:
        documents = total - skipped
        print(f"{PROG}: {bad:,} of {documents:,} documents invalid, not converted", file=sys.stderr)
        return 1
    return 0


# --- schema ----------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import json_schema_text

    sys.stdout.write(json_schema_text())
    sys.stdout.flush()
    return 0


# --- validate --------------------------------------------------------------------


def _json_path(parts: Sequence[object]) -> str:
    """``["events", 0, "date"]`` -> ``"events[0].date"`` (``"$"`` for the root)."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "$"


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _leaf_errors(error: Any) -> list[Any]:
    """The errors worth showing for one JSON Schema error.

    A ``oneOf`` over the event types fails as a whole; of its branches, the one
    whose ``"type"`` tag matched holds the real problems, so descend into it.
    Otherwise let :func:`jsonschema.exceptions.best_match` pick the most
    relevant error.
    """
    from jsonschema.exceptions import best_match

    if not error.context:
        return [error]
    branches: dict[object, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    depth = len(error.absolute_path)
    matching = [
        subs
        for subs in branches.values()
        if not any(list(sub.absolute_path)[depth:] == ["type"] for sub in subs)
    ]
    if len(matching) == 1:
        return [leaf for sub in matching[0] for leaf in _leaf_errors(sub)]
    return [best_match([error])]


def _schema_checker() -> Callable[[object], list[str]] | None:
    """A function listing JSON Schema violations, or None without the jsonschema package."""
    try:
        import jsonschema
    except ImportError:
        return None
    from .schema import json_schema

    schema = json_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())

    def check(document: object) -> list[str]:
        leaves = [leaf for error in validator.iter_errors(document) for leaf in _leaf_errors(error)]
        leaves.sort(key=lambda e: [str(part) for part in e.absolute_path])
        return [f"{_json_path(list(e.absolute_path))}: {_shorten(e.message)}" for e in leaves]

    return check


def _loader_problems(document: object) -> list[str]:
    from .errors import SchemaError
    from .model import Document
    from .serialize import from_dict

    try:
        from_dict(document, Document)
    except SchemaError as exc:
        return list(exc.errors)
    except (TypeError, ValueError) as exc:
        return [f"$: {exc}"]
    return []


def _iter_documents(source: IO[bytes], name: str) -> Iterator[tuple[int, object, str | None]]:
    """``(line number, JSON value, problem)`` for each document in the input.

    JSON Lines are read line by line (streaming). Input whose first line is not
    a complete JSON value is read whole as one or more JSON texts one after
    another (e.g. indented documents from ``extract --format json``).
    """
    first: bytes | None = None
    first_no = 0
    for first_no, line in enumerate(source, 1):  # noqa: B007 - used after the loop
        if line.strip():
            first = line
            break
    if first is None:
        return
    try:
        json.loads(first)
    except (ValueError, RecursionError):
        yield from _whole_documents(first + source.read(), name, first_no)
        return
    for lineno, line in enumerate(_chain_first(first, source), first_no):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line), None
        except UnicodeDecodeError as exc:
            yield lineno, None, f"not valid UTF-8 (byte offset {exc.start} of the line)"
        except (ValueError, RecursionError) as exc:
            yield lineno, None, f"invalid JSON: {exc}"


def _chain_first(first: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _whole_documents(
    data: bytes, name: str, first_line: int
) -> Iterator[tuple[int, object, str | None]]:
    text = _decode(data, name, None)
    decoder = json.JSONDecoder()
    pos = 0
    line = first_line
    while True:
        start = pos
        while pos < len(text) and text[pos].isspace():
            pos += 1
        line += text.count("\n", start, pos)
        if pos >= len(text):
            return
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield exc.lineno + first_line - 1, None, f"invalid JSON: {exc.msg}"
            return
        yield line, value, None
        line += text.count("\n", pos, end)
        pos = end


def _cmd_validate(args: argparse.Namespace) -> int:
    path: str = args.file
    name = _input_name(path)
    check_schema = _schema_checker()
    if check_schema is None:
        _warn(
            "the jsonschema package is not installed, so documents are checked by the library's"
            " loader only; for the JSON Schema check too: pip install 'diplo-events[validate]'"
        )
    total = bad = 0
    with ExitStack() as stack:
        source = _open_binary(path, stack)
        for lineno, value, problem in _iter_documents(source, name):
            total += 1
            problems = [f"$: {problem}"] if problem is not None else []
            if problem is None:
                problems = _document_problems(value, check_schema)
            if problems:
                bad += 1
                label = _document_label(value)
                for item in problems:
                    sys.stdout.write(f"{name}:{lineno}:{label} {item}\n")
    if total == 0:
        _warn(f"{name}: empty input; no documents to check")
        return 0
    noun = "document" if total == 1 else "documents"
    sys.stdout.write(f"{name}: {total - bad:,} of {total:,} {noun} valid\n")
    sys.stdout.flush()
    return 1 if bad else 0


def _document_label(value: object) -> str:
    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return f" id {value['id']!r}:"
    return ""


def _document_problems(
    value: object, check_schema: Callable[[object], list[str]] | None
) -> list[str]:
    if isinstance(value, dict) and "error" in value and "schema_version" not in value:
        return [f"$: an extraction error line, not a document: {value['error']}"]
    problems: list[str] = []
    if check_schema is not None:
        problems += [f"[schema] {p}" for p in check_schema(value)]
    problems += [f"[loader] {p}" for p in _loader_problems(value)]
    return problems


# --- table view ------------------------------------------------------------------


class _TableStyle:
    """Characters and colours for the table view, chosen for the output stream."""

    def __init__(self, *, width: int, unicode: bool, color: bool) -> None:
        self.width = width
        self.ellipsis = "…" if unicode else "..."
        self.dot = " · " if unicode else " | "
        self.rule = "─" if unicode else "-"
        self.color = color

    @classmethod
    def for_stream(cls, stream: TextIO) -> _TableStyle:
        tty = stream.isatty()
        width = shutil.get_terminal_size((100, 24)).columns if tty else 100
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            "…·─".encode(encoding)
            unicode = True
        except (UnicodeEncodeError, LookupError):
            unicode = False
        color = tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        return cls(width=max(60, min(width, 160)), unicode=unicode, color=color)

    def bold(self, text: str) -> str:
        return f"\x1b[1m{text}\x1b[0m" if self.color else text

    def dim(self, text: str) -> str:
        return f"\x1b[2m{text}\x1b[0m" if self.color else text

    def shorten(self, text: str, limit: int) -> str:
        text = " ".join(text.split())
        if len(text) <= limit:
            return text
        return text[: max(1, limit - len(self.ellipsis))].rstrip() + self.ellipsis


def _actor_text(actor: Actor) -> str:
    """``"Vepa Hajiev (Deputy Foreign Minister, TKM)"``, ``"Russia (RUS)"``, ``"Taliban"``."""
    notes = [actor.title] if actor.title else []
    tag = actor.country or actor.organization
    if tag and tag != actor.name:
        notes.append(tag)
    return f"{actor.name} ({', '.join(notes)})" if notes else actor.name


def _date_text(date: DateSpan | None) -> str:
    if date is None:
        return "-"
    if date.start == date.end:
        return date.start.isoformat()
    return f"{date.start.isoformat()}..{date.end.isoformat()}"


def _place_text(place: Location | None) -> str:
    """``"Doha (QAT)"``, ``"Oslo"``, ``"AFG"`` or ``"-"``."""
    if place is None:
        return "-"
    if place.name and place.country and place.country != place.name:
        return f"{place.name} ({place.country})"
    return place.name or place.country or "-"


def _event_details(event: Event, style: _TableStyle) -> list[tuple[str, str]]:
    """``(label, value)`` rows specific to the event's type."""
    from .model import Meeting, MilitaryExercise, Statement, TerritorialChange

    rows: list[tuple[str, str]] = []
    sep = ", "
    if isinstance(event, Meeting):
        rows.append(("who", sep.join(_actor_text(a) for a in event.participants)))
        if event.topics:
            rows.append(("topics", sep.join(event.topics)))
    elif isinstance(event, MilitaryExercise):
        if event.participants:
            rows.append(("who", sep.join(_actor_text(a) for a in event.participants)))
        numbers = [
            f"{label} {value:,}"
            for label, value in (
                ("troops", event.troops),
                ("ships", event.ships),
                ("aircraft", event.aircraft),
                ("days", event.duration_days),
            )
            if value is not None
        ]
        if event.name:
            numbers.insert(0, repr(event.name))
        if numbers:
            rows.append(("numbers", style.dot.join(numbers)))
    elif isinstance(event, TerritorialChange):
        parts = [str(event.kind.value)]
        if event.gainer:
            parts.append(f"gainer {_actor_text(event.gainer)}")
        if event.loser:
            parts.append(f"loser {_actor_text(event.loser)}")
        if event.count is not None:
            parts.append(f"count {event.count:,}")
        rows.append(("change", style.dot.join(parts)))
        if event.places:
            rows.append(("places", sep.join(_place_text(p) for p in event.places)))
    elif isinstance(event, Statement):
        who = _actor_text(event.speaker)
        rows.append(("who", who + (f" [{event.medium}]" if event.medium else "")))
        rows.append(("said", event.content))
    return rows


#: Rows whose value is quoted text from the article.
_QUOTED = frozenset({"said", "evidence"})


def render_table(doc: Document, style: _TableStyle | None = None) -> str:
    """A plain-text view of ``doc`` for people: a header, then a block per event."""
    style = style or _TableStyle(width=100, unicode=True, color=False)
    width = style.width
    count = len(doc.events)
    header = [doc.id or "<stdin>"]
    if doc.published is not None:
        header.append(f"published {doc.published.isoformat()}")
    header.append(f"{count} event" + ("" if count == 1 else "s"))
    lines = [style.bold(style.dot.join(header)), style.rule * min(width, 72)]
    if not doc.events:
        lines.append("(no events found)")
    number_width = len(str(count))
    indent = " " * (number_width + 2)
    label_width = 9
    value_width = width - len(indent) - label_width
    for index, event in enumerate(doc.events, 1):
        head = [
            style.bold(f"{event.type:<18}"),
            f"{_date_text(event.date):<10}",
            _place_text(event.location),
        ]
        if event.modality.value != "realized":
            head.append(f"({event.modality.value})")
        lines.append(f"{index:>{number_width}}  " + "  ".join(head).rstrip())
        rows = _event_details(event, style)
        evidence = event.evidence[0].text
        more = len(event.evidence) - 1
        suffix = f" (+{more} more)" if more else ""
        rows.append(("evidence", evidence))
        codes = [f"{event.rule}", f"confidence {event.confidence:.2f}"]
        if event.cameo:
            codes.append(f"CAMEO {event.cameo}")
        if event.plover:
            codes.append(f"PLOVER {event.plover}")
        rows.append(("rule", style.dot.join(codes)))
        for label, value in rows:
            quoted = label in _QUOTED
            extra = suffix if label == "evidence" else ""
            room = value_width - len(extra) - (2 if quoted else 0)
            shown = style.shorten(value, room)
            if quoted:
                shown = f'"{shown}"'
            lines.append(f"{indent}{style.dim(f'{label:<{label_width}}')}{shown}{extra}")
        lines.append("")
    if lines[-1] != "":
        lines.append("")
    return "\n".join(lines)
