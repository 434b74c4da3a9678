"""The ``diplo-events`` command line (also ``python -m diplo_events``).

Subcommands: ``extract`` (text files, or JSON Lines batches with ``--jsonl``),
``schema`` (print the JSON Schema), ``validate`` (check documents) and
``convert`` (documents to CSV, Parquet, PLOVER or Phoenix dyads).
:func:`main` returns the exit status: 0 success, 1 some input lines or
documents failed, 2 usage or input error, 74 the output could not be written
(disk full, ...), 128 + N stopped by signal N (130 Ctrl-C, 143 SIGTERM, 129
SIGHUP), 141 output pipe closed (e.g. ``| head``). Errors are one line on
stderr, never a traceback. ``--output FILE`` is written as ``FILE.partial``,
renamed to ``FILE`` once complete. Documentation: :data:`DOCS_URL`.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import itertools
import json
import os
import re
import shutil
import signal
import stat
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    import datetime as dt

    from .explain import Explanation
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
  diplo-events explain article.txt --published 2021-08-13 --all

JSON Lines input (--jsonl) has one article per line:
  {"id": "a1", "text": "Officials met in Doha on Wednesday.", "published": "2021-08-13"}
exit status: 0 ok, 1 some lines/documents failed, 2 usage or input error, 74 cannot write
the output, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
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


class OutputError(Exception):
    """The output could not be written (a full disk, ...): one line on stderr, exit status 74."""


#: Exit status when the output cannot be written (EX_IOERR of sysexits.h).
EXIT_OUTPUT_ERROR = 74


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: stop as for Ctrl-C (a BaseException, as KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Interrupted(BaseException):
    """A command was stopped by a signal; ``done`` says how far it got."""

    def __init__(self, signum: int, done: str) -> None:
        super().__init__(signum, done)
        self.signum = signum
        self.done = done


def _signum(exc: BaseException) -> int:
    return exc.signum if isinstance(exc, _Stopped) else signal.SIGINT


def _signal_name(signum: int) -> str:
    return signal.Signals(signum).name


class _Signals:
    """Stops the command on SIGINT, SIGTERM and SIGHUP by raising in the main thread (as
    Python does for Ctrl-C), except inside :meth:`deferred`, which finishes first: an
    output line and the count of lines written are never parted."""

    NAMES = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.deferring = False
        self.pending: int | None = None

    def handle(self, signum: int, frame: object) -> None:
        if self.deferring:
            self.pending = signum
            return
        self.stop(signum)

    @staticmethod
    def stop(signum: int) -> None:
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise _Stopped(signum)

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        self.deferring = True
        try:
            yield
        finally:
            self.deferring = False
        if self.pending is not None:
            signum, self.pending = self.pending, None
            self.stop(signum)

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """The handlers, while the command runs (then the previous ones again)."""
        previous: dict[int, Any] = {}
        for name in self.NAMES:
            signum = getattr(signal, name, None)
            if signum is None or signal.getsignal(signum) is signal.SIG_IGN:
                continue  # e.g. SIGINT in a background job of a shell: keep ignoring it
            try:
                previous[signum] = signal.signal(signum, self.handle)
            except ValueError:  # not the main thread: leave the signals alone
                break
        try:
            yield
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
            self.deferring, self.pending = False, None


_SIGNALS = _Signals()


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
    _add_explain(commands)
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
        with _SIGNALS.installed():
            return handler(args)
    except CliError as exc:
        _flush_quietly(sys.stdout)
        print(f"{PROG}: error: {_printable(str(exc))}", file=sys.stderr)
        return 2
    except OutputError as exc:
        _silence_stdout()  # what could not be written must not fail again at exit
        print(f"{PROG}: error: {_printable(str(exc))}", file=sys.stderr)
        return EXIT_OUTPUT_ERROR
    except (KeyboardInterrupt, _Stopped, _Interrupted) as exc:
        signum = exc.signum if isinstance(exc, _Interrupted) else _signum(exc)
        done = f" {exc.done}" if isinstance(exc, _Interrupted) else ""
        _flush_quietly(sys.stdout)
        message = f"interrupted ({_signal_name(signum)}){done}"
        print(f"\n{PROG}: {_printable(message)}", file=sys.stderr)
        return 128 + signum
    except BrokenPipeError:
        _silence_stdout()
        return 141


def _flush_quietly(stream: TextIO) -> None:
    try:
        stream.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _silence_stdout() -> None:
    """After the reader of stdout went away: let the interpreter exit without a traceback."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout is not a real file (tests)
        pass


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {_printable(message)}", file=sys.stderr)


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


def _check_encoding(encoding: str | None) -> None:
    """A usage error, before anything is read, for an encoding Python cannot decode text with."""
    if encoding is None:
        return
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise CliError(
            f"--encoding {encoding}: unknown encoding (e.g. utf-8, cp1252, latin-1, utf-16)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13, zlib ...
        raise CliError(f"--encoding {encoding}: not a text encoding")


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    """The text of a file: UTF-8 by default (a BOM is dropped), else ``encoding``."""
    codec = encoding or "utf-8-sig"
    shown = encoding or "UTF-8"
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        byte = data[exc.start : exc.start + 1].hex()
        raise CliError(
            f"{name}: cannot decode as {shown}: byte 0x{byte} at byte offset {exc.start}"
            " (is it another encoding? try e.g. --encoding cp1252)"
        ) from None
    except (UnicodeError, ValueError) as exc:  # codecs with errors of their own (idna ...)
        raise CliError(f"{name}: cannot decode as {shown}: {_printable(str(exc))}") from None


class _Output:
    """Where a command writes: stdout, or ``--output FILE``.

    A regular ``FILE`` is written as ``FILE.partial`` in the same directory and renamed to
    ``FILE`` only once complete (:meth:`commit`), so ``FILE`` never holds a partial
    output: after an error it is as it was, and after an interruption the lines written
    so far stay in ``FILE.partial`` (:meth:`abandon`). A device or a pipe (``/dev/null``,
    ``/dev/stdout``) is written directly. A failed write raises :class:`OutputError`.
    """

    def __init__(
        self, path: str | None, inputs: Sequence[str], *, json_text: bool, binary: bool = False
    ) -> None:
        self.path = path if path not in (None, "-") else None
        self.partial: str | None = None
        self.target: str | None = None
        self.name = "stdout" if self.path is None else self.path
        #: Text (UTF-8, "\n" line ends), or bytes with ``binary`` (Parquet).
        self.stream: IO[Any]
        if self.path is None:
            self.stream = sys.stdout.buffer if binary else _stdout(json_text=json_text)
            return
        path = self.path
        if os.path.isdir(path):
            raise CliError(f"--output {path}: is a directory")
        # through a symlink: write next to (and then replace) the file it points to
        target = os.path.realpath(path) if os.path.islink(path) else path
        regular = not os.path.exists(target) or stat.S_ISREG(os.stat(target).st_mode)
        destination = target + ".partial" if regular else path
        for source in inputs:
            for written in {path, destination}:
                if source != "-" and os.path.exists(written) and os.path.samefile(source, written):
                    raise CliError(f"--output {path}: is also an input file")
        try:
            if binary:
                self.stream = open(destination, "wb")  # noqa: SIM115
            else:
                self.stream = open(destination, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError as exc:
            raise CliError(f"--output {path}: cannot write: {exc.strerror or exc}") from None
        if regular:
            self.partial, self.target = destination, target

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """A failed write inside (e.g. by an export writer on :attr:`stream`) raises
        :class:`OutputError`; a closed pipe stays a :class:`BrokenPipeError`."""
        try:
            yield
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._error(exc) from None

    def write(self, text: str) -> None:
        with self.writing():
            self.stream.write(text)

    def flush(self) -> None:
        with self.writing():
            self.stream.flush()

    def _error(self, exc: OSError) -> OutputError:
        self.abandon(keep=False)
        unchanged = f" ({self.path} was not changed)" if self.partial is not None else ""
        return OutputError(f"cannot write {self.name}: {exc.strerror or exc}{unchanged}")

    def commit(self) -> None:
        """Flush; for a file, close it and move ``FILE.partial`` to ``FILE``."""
        self.flush()
        if self.path is None:
            return
        try:
            self.stream.close()
            if self.partial is not None and self.target is not None:
                if os.path.exists(self.target):
                    shutil.copymode(self.target, self.partial)
                os.replace(self.partial, self.target)
        except OSError as exc:
            raise self._error(exc) from None

    def abandon(self, *, keep: bool) -> str | None:
        """Close after a failure; keep ``FILE.partial`` (if ``keep`` and not empty) and return
        its name, else delete it."""
        if self.path is None:
            with contextlib.suppress(OSError, ValueError):
                self.stream.flush()
            return None
        with contextlib.suppress(OSError, ValueError):
            self.stream.close()
        if self.partial is None:
            return None
        with contextlib.suppress(OSError):
            if keep and os.path.getsize(self.partial) > 0:
                return self.partial
            os.remove(self.partial)
        return None

    def interrupted(self, exc: BaseException, done: str) -> _Interrupted:
        """The :class:`_Interrupted` to raise for a signal; says where the output so far is."""
        kept = self.abandon(keep=True)
        if kept is not None:
            done += f"; the output so far is in {kept}, {self.path} was not changed"
        elif self.partial is not None:
            done += f"; {self.path} was not changed"
        return _Interrupted(_signum(exc), done)


def _stdout(*, json_text: bool) -> TextIO:
    """stdout, as UTF-8 for JSON (also to a stdout with another encoding); text for people
    (``json_text=False``) keeps the terminal's encoding."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # an unusual stdout: leave it
            if json_text:
                reconfigure(encoding="utf-8")
            else:  # article text the terminal cannot show becomes "?"
                reconfigure(errors="replace")
    return sys.stdout


# Control characters (a terminal obeys "\x1b[..."), bidirectional overrides and lone
# surrogates: shown escaped in text for people.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _printable(text: str) -> str:
    """``text`` with control characters, bidi overrides and lone surrogates escaped."""
    if text.isascii() and text.isprintable():
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _published(value: str | None) -> dt.date | None:
    from ._parsing.annotate.dates import parse_published

    if value is None:
        return None
    try:
        return parse_published(value)
    except (TypeError, ValueError) as exc:
        raise CliError(f"--published: {str(exc)[:300]}") from None


# --- explain ---------------------------------------------------------------------


def _add_explain(commands: Any) -> None:
    explain = commands.add_parser(
        "explain",
        help="show which pattern rows made each event of a text",
        description="Parse one text file (or stdin) and show, for each event, the pattern "
        "rows that made it (the event's 'rule'), the vetoes that were tried and the cues "
        "that changed it; with --all, also every row that matched a trigger but made no "
        "event, and why.",
        epilog=f"documentation: {DOCS_URL}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    explain.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="a text file; '-' is stdin"
    )
    explain.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (YYYY-MM-DD) of the text, to resolve 'on Wednesday'",
    )
    explain.add_argument(
        "--encoding",
        metavar="ENC",
        help="encoding of the text file (default: UTF-8, with or without BOM)",
    )
    explain.add_argument(
        "--all", action="store_true", help="also list the rows that made no event, and why"
    )
    explain.add_argument(
        "--json",
        action="store_true",
        help="one JSON object: the events (as extract writes them) and every decision",
    )
    explain.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    explain.set_defaults(handler=_cmd_explain)


def _cmd_explain(args: argparse.Namespace) -> int:
    from .explain import explain

    _check_encoding(args.encoding)
    published = _published(args.published)
    name = _input_name(args.file)
    with ExitStack() as stack:
        data = _open_binary(args.file, stack).read()
    text = _decode(data, name, args.encoding)
    try:
        result = explain(text, published=published)
    except ValueError as exc:  # the text is too large
        raise CliError(f"{name}: {exc}") from None
    output = _explanation_json(result) if args.json else _explanation_text(result, args.all)
    out = _Output(args.output, [args.file], json_text=args.json)
    try:
        out.write(output)
        out.commit()
    except BaseException:
        out.abandon(keep=False)
        raise
    return 0


def _explanation_text(result: Explanation, rejected: bool) -> str:
    """Each event (its id, type, modality and evidence) with the decisions that made it."""
    lines: list[str] = []
    for event, sources in zip(result.events, result.sources, strict=True):
        evidence = " ".join(event.evidence[0].text.split()) if event.evidence else ""
        shown = _printable(_shorten(evidence, 100))
        lines.append(f"{event.id} ({event.modality.value}): {shown}")
        lines.extend(f"  made by {_printable(str(result.decisions[i]))}" for i in sources)
    if not result.events:
        lines.append("no events")
    if rejected:
        lines.append("")
        lines.append(f"rows that made no event ({len(result.rejected)}):")
        lines.extend(f"  {_printable(str(d))}" for d in result.rejected)
    elif result.rejected:
        lines.append(f"({len(result.rejected)} rows made no event; --all lists them)")
    return "\n".join(lines) + "\n"


def _explanation_json(result: Explanation) -> str:
    """``{"events": [...], "decisions": [...]}``; a decision names the event it made."""
    made: dict[int, str] = {}
    for event, sources in zip(result.events, result.sources, strict=True):
        for i in sources:
            made.setdefault(i, event.id)
    decisions = [
        {
            "pattern": d.pattern,
            "event_type": d.event_type,
            "trigger": {"start": d.trigger.start, "end": d.trigger.end, "text": d.trigger.text},
            "outcome": d.outcome,
            "vetoes": list(d.vetoes),
            "cues": list(d.cues),
            "event": made.get(i),
        }
        for i, d in enumerate(result.decisions)
    ]
    from .serialize import escape_surrogates, to_dict

    payload = {"events": [to_dict(e) for e in result.events], "decisions": decisions}
    return escape_surrogates(json.dumps(payload, ensure_ascii=False, indent=2)) + "\n"


# --- extract ---------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    files: list[str] = args.files or ["-"]
    if files.count("-") > 1:
        raise CliError("stdin ('-') can be read only once")
    if args.jsonl:
        return _extract_jsonl(args, files)
    _check_encoding(args.encoding)
    published = _published(args.published)
    for path in files:  # report a bad path before writing anything
        _check_input(path)
    fmt = args.format or "json"
    if fmt in EXPORT_FORMATS:
        return _extract_export(args, files, published, fmt)
    out = _Output(args.output, files, json_text=fmt != "table")
    done = 0
    try:
        with ExitStack() as stack:
            style = _TableStyle.for_stream(out.stream) if fmt == "table" else None
            progress = stack.enter_context(
                _progress_bar(
                    _wants_progress(args) and len(files) > 1, total=len(files), unit=" files"
                )
            )
            tasks = (
                (path, _open_binary(path, stack).read() if path == "-" else None) for path in files
            )
            options = (args.encoding, published, fmt, style)
            events = 0
            # closed on the way out, so that worker processes stop before the message
            results = stack.enter_context(
                contextlib.closing(_run(_extract_file, tasks, min(args.jobs, len(files)), *options))
            )
            for index, (path, result) in enumerate(zip(files, results, strict=True)):
                name = _input_name(path)
                if isinstance(result, str):
                    raise CliError(f"{name}: {result}")
                text, found, empty = result
                if empty:
                    warning = f"{name}: empty input; writing a document with no events"
                    _message(progress, f"{PROG}: warning: {warning}")
                with _SIGNALS.deferred():
                    out.write(("\n" if index and style is not None else "") + text)
                    done += 1
                events += found
                progress.set_postfix_str(f"{events:,} events", refresh=False)
                progress.update(1)
            out.commit()
    except (KeyboardInterrupt, _Stopped) as exc:
        raise out.interrupted(exc, f"after {done:,} of {len(files):,} files") from None
    except BaseException:
        out.abandon(keep=False)
        raise
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
) -> Generator[Any, None, None]:
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


def _input_size(stream: IO[bytes]) -> int | None:
    """The size of a regular input file (for the progress bar), else None."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    return info.st_size if stat.S_ISREG(info.st_mode) else None


def _extract_jsonl(args: argparse.Namespace, files: list[str]) -> int:
    from ._messages import cut, shorten
    from .batch import LineReader, process_lines

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
    _check_input(path)
    out = _Output(args.output, files, json_text=True)
    done = failed = last = events = 0
    try:
        with ExitStack() as stack:
            source = _open_binary(path, stack)
            lines = LineReader(source)
            size = _input_size(source)
            enabled = _wants_progress(args)
            progress = stack.enter_context(
                _progress_bar(enabled, total=size, unit="B", unit_scale=True)
                if size is not None
                else _progress_bar(enabled, total=None, unit=" articles")
            )
            results = stack.enter_context(contextlib.closing(process_lines(lines, jobs=args.jobs)))
            for result in results:
                with _SIGNALS.deferred():
                    out.write(result.output + "\n")
                    done += 1
                    last = result.lineno
                    failed += not result.ok
                events += result.events
                if not result.ok:
                    which = f" (id {shorten(result.id)})" if result.id is not None else ""
                    error = cut(result.error or "")
                    _message(progress, f"{PROG}: {name} line {result.lineno}{which}: {error}")
                if size is not None:
                    progress.set_postfix_str(f"{done:,} articles, {events:,} events", refresh=False)
                    progress.update(lines.bytes_read - progress.n)
                else:
                    progress.set_postfix_str(f"{events:,} events", refresh=False)
                    progress.update(1)
            out.commit()
    except (KeyboardInterrupt, _Stopped) as exc:
        noun = "line" if done == 1 else "lines"
        raise out.interrupted(
            exc, f"after input line {last:,} ({done:,} output {noun}, {failed:,} for bad lines)"
        ) from None
    except BaseException:
        out.abandon(keep=False)
        raise
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
    """Print a line on stderr, above the progress line if one is drawn; control characters,
    bidi overrides and lone surrogates escaped (see :func:`_printable`)."""
    text = _printable(text)
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
    fmt: str, path: str | None, inputs: Sequence[str], **options: Any
) -> tuple[_Output, Writer]:
    """The output (see :class:`_Output`) and the streaming writer of ``fmt`` to it."""
    from .export import open_writer
    from .export.parquet import ParquetWriter

    binary = fmt == "parquet"
    try:
        if binary:
            ParquetWriter.check_available()
    except ImportError as exc:
        raise CliError(str(exc)) from None
    if binary and (path is None or path == "-") and _isatty(sys.stdout):
        raise CliError("Parquet is binary: write it to a file with -o FILE")
    out = _Output(path, inputs, json_text=True, binary=binary)
    try:
        with out.writing():
            writer = open_writer(fmt, out.stream, **options)
    except ImportError as exc:
        out.abandon(keep=False)
        raise CliError(str(exc)) from None
    except BaseException:
        out.abandon(keep=False)
        raise
    return out, writer


def _write_export(out: _Output, writer: Writer, doc: Document) -> None:
    from ._messages import shorten

    try:
        with out.writing():
            writer.write(doc)
    except ValueError as exc:  # e.g. a count too large for Parquet's int64
        raise CliError(f"document {shorten(doc.id)}: {exc}") from None


def _finish_export(out: _Output, writer: Writer) -> None:
    """Write what the writer still holds (Parquet's last row group and footer), then commit."""
    try:
        with out.writing():
            writer.close()
    except ValueError as exc:  # e.g. a lone surrogate, which UTF-8 cannot hold
        raise CliError(f"cannot write {writer.format}: {exc}") from None
    out.commit()


def _export_interrupted(
    out: _Output, writer: Writer, exc: BaseException, done: str
) -> _Interrupted:
    """After a signal: finish the writer, so that ``FILE.partial`` is a whole output of the
    documents written so far (a Parquet file with its footer), and keep it."""
    with contextlib.suppress(Exception):
        writer.close()
    return out.interrupted(exc, done)


def _abandon_export(out: _Output, writer: Writer) -> None:
    with contextlib.suppress(Exception):
        writer.close()
    out.abandon(keep=False)


def _extract_export(
    args: argparse.Namespace, files: list[str], published: dt.date | None, fmt: str
) -> int:
    """``extract --format csv|parquet|plover|phoenix``: all files' events in one output."""
    from .parser import parse_document

    out, writer = _open_export(fmt, args.output, files)
    done = 0
    try:
        with ExitStack() as stack:
            for path in files:
                name = _input_name(path)
                text = _decode(_open_binary(path, stack).read(), name, args.encoding)
                if not text.strip():
                    _warn(f"{name}: empty input; it has no events")
                doc_id = None if path == "-" else path
                try:
                    doc = parse_document(text, id=doc_id, published=published)
                except ValueError as exc:  # the text is too large
                    raise CliError(f"{name}: {exc}") from None
                with _SIGNALS.deferred():
                    _write_export(out, writer, doc)
                    done += 1
            _finish_export(out, writer)
    except (KeyboardInterrupt, _Stopped) as exc:
        done_text = f"after {done:,} of {len(files):,} files"
        raise _export_interrupted(out, writer, exc, done_text) from None
    except BaseException:
        _abandon_export(out, writer)
        raise
    return 0


def _cmd_convert(args: argparse.Namespace) -> int:
    from .errors import SchemaError
    from .model import Document
    from .serialize import from_dict

    name = _input_name(args.file)
    options = {"row_group_size": args.row_group_size} if args.to == "parquet" else {}
    total = bad = skipped = written = events = last = 0
    with ExitStack() as stack:
        source = _open_binary(args.file, stack)
        out, writer = _open_export(args.to, args.output, [args.file], **options)
        try:
            with _progress_bar(_wants_progress(args), total=None, unit=" documents") as progress:
                for lineno, value, problem in _iter_documents(source, name):
                    total += 1
                    if (
                        isinstance(value, dict)
                        and "error" in value
                        and "schema_version" not in value
                    ):
                        skipped += 1
                        _message(
                            progress,
                            f"{PROG}: warning: {name} line {lineno}: an extraction error line, "
                            f"skipped: {_shorten(str(value['error']))}",
                        )
                        last = lineno
                        continue
                    if problem is None:
                        try:
                            doc = from_dict(value, Document)
                        except SchemaError as exc:
                            problem = _shorten("; ".join(exc.errors))
                    if problem is not None:
                        bad += 1
                        _message(progress, f"{PROG}: {name} line {lineno}: {problem}")
                        last = lineno
                        continue
                    with _SIGNALS.deferred():
                        _write_export(out, writer, doc)
                        written += 1
                        last = lineno
                    events += len(doc.events)
                    progress.set_postfix_str(f"{events:,} events", refresh=False)
                    progress.update(1)
                _finish_export(out, writer)
        except (KeyboardInterrupt, _Stopped) as exc:
            noun = "document" if written == 1 else "documents"
            done = f"after input line {last:,} ({written:,} {noun} converted)"
            raise _export_interrupted(out, writer, exc, done) from None
        except BaseException:
            _abandon_export(out, writer)
            raise
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

    out = _Output(None, (), json_text=True)
    out.write(json_schema_text())
    out.commit()
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


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python's json reads them


_DECODER = json.JSONDecoder(parse_constant=_no_constant)
#: In input that does not start with a JSON value on one line, a complete JSON object or
#: array on one of this many lines makes it JSON Lines (with bad lines) rather than
#: indented documents.
_PEEK_LINES = 20


def _load_line(line: bytes) -> object:
    return _DECODER.decode(line.decode("utf-8"))


# Reads the syntax only: no integer is converted, NaN is let through (to be reported).
_SYNTAX = json.JSONDecoder(parse_int=lambda _: 0, parse_constant=lambda _: 0)


def _is_json_line(line: bytes) -> bool:
    """Whether ``line`` is a whole JSON object or array (one document of JSON Lines)."""
    if line.lstrip()[:1] not in (b"{", b"["):
        return False
    try:
        _SYNTAX.decode(line.decode("utf-8"))
    except (ValueError, RecursionError):
        return False
    return True


def _iter_documents(source: IO[bytes], name: str) -> Iterator[tuple[int, object, str | None]]:
    """``(line number, JSON value, problem)`` for each document in the input.

    JSON Lines are read line by line (streaming), each line at most
    :data:`~diplo_events.batch.MAX_LINE_BYTES` long. Input that is not JSON Lines
    (no complete JSON value on its first line, nor a complete object or array on one of
    its first lines) is read whole as JSON texts one after another (e.g. indented
    documents from ``extract --format json``).
    """
    from .batch import LineReader, LineTooLong

    lines = iter(enumerate(LineReader(source), 1))
    peeked: list[tuple[int, bytes | LineTooLong]] = []
    json_lines = False
    for lineno, line in lines:
        peeked.append((lineno, line))
        if isinstance(line, LineTooLong) or _is_json_line(line):
            json_lines = True
            break
        if not line.strip():
            continue
        try:
            _load_line(line)
            json_lines = True  # a complete JSON value, e.g. a string or a number
            break
        except (ValueError, RecursionError):
            pass
        if sum(1 for _, p in peeked if not isinstance(p, LineTooLong) and p.strip()) >= _PEEK_LINES:
            break
    if not json_lines:
        rest = source.read()
        data = b"".join(p for _, p in peeked if isinstance(p, bytes)) + rest
        first = next((n for n, p in peeked if isinstance(p, bytes) and p.strip()), 1)
        yield from _whole_documents(data, name, first)
        return
    for lineno, line in itertools.chain(peeked, lines):
        if isinstance(line, LineTooLong):
            yield lineno, None, f"line too long: {line.size:,} bytes, more than {line.limit:,}"
            continue
        if not line.strip():
            continue
        try:
            yield lineno, _load_line(line), None
        except UnicodeDecodeError as exc:
            yield lineno, None, f"not valid UTF-8 (byte offset {exc.start} of the line)"
        except json.JSONDecodeError as exc:
            yield lineno, None, f"invalid JSON: {exc}"
        except (ValueError, RecursionError) as exc:  # NaN, too many digits, too deep
            yield lineno, None, f"invalid JSON: {_invalid_json(exc)}"


def _invalid_json(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    text = str(exc)
    return "a number has too many digits" if "digits" in text else text


def _whole_documents(
    data: bytes, name: str, first_line: int
) -> Iterator[tuple[int, object, str | None]]:
    text = _decode(data, name, None)
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
            value, end = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            at = exc.lineno + first_line - 1
            yield at, None, f"invalid JSON: {exc.msg}; the input from line {at} on was not checked"
            return
        except (ValueError, RecursionError) as exc:
            yield line, None, f"invalid JSON: {_invalid_json(exc)}; the rest was not checked"
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
    out = _Output(None, (), json_text=False)
    with ExitStack() as stack:
        source = _open_binary(path, stack)
        for lineno, value, problem in _iter_documents(source, name):
            total += 1
            problems = [f"$: {problem}"] if problem is not None else []
            if problem is None:
                problems = _document_problems(value, check_schema)
            if problems:
                bad += 1
                label = _printable(_document_label(value))
                for item in problems:
                    out.write(f"{_printable(name)}:{lineno}:{label} {_printable(item)}\n")
    if total == 0:
        _warn(f"{name}: empty input; no documents to check")
        return 0
    noun = "document" if total == 1 else "documents"
    out.write(f"{_printable(name)}: {total - bad:,} of {total:,} {noun} valid\n")
    out.commit()
    return 1 if bad else 0


def _document_label(value: object) -> str:
    from ._messages import shorten

    if isinstance(value, dict) and isinstance(value.get("id"), str):
        return f" id {shorten(value['id'])}:"
    return ""


def _document_problems(
    value: object, check_schema: Callable[[object], list[str]] | None
) -> list[str]:
    if isinstance(value, dict) and "error" in value and "schema_version" not in value:
        from ._messages import cut

        return [f"$: an extraction error line, not a document: {cut(str(value['error']))}"]
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
    def for_stream(cls, stream: IO[Any]) -> _TableStyle:
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
        """``text`` on one line, escaped (see :func:`_printable`), at most ``limit`` long."""
        text = _printable(" ".join(text.split()))
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
    header = [_printable(doc.id) if doc.id is not None else "<stdin>"]
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
            style.shorten(_place_text(event.location), width),
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
