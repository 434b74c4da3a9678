"""Check every regular expression of diplo_events for catastrophic backtracking (ReDoS).

Run from the project root (``make regexes``; the test suite runs it too)::

    .venv/bin/python tools/check_regexes.py [--list]

The patterns are found generically, so new ones are checked without being listed
anywhere:

1. at run time: :func:`re._compile` (which ``re.compile``, ``re.search``, ``re.sub``,
   ... all go through) is wrapped before the package is imported, and every pattern
   compiled by code under ``diplo_events/`` is recorded. Every module of the package is
   imported, then the parser, the serializer and the batch engine are run on sample
   articles (the seed article, the evaluation articles when present) and on crafted
   text, so that patterns built from data at run time (gazetteers, lexicon word lists)
   are compiled and recorded too;
2. in module globals: every ``re.Pattern`` reachable from a module's globals, inside
   tuples, lists, dicts, sets and class attributes;
3. in the source: the string literal given as the pattern to an ``re`` function
   (``re.compile(r"...")``, ``re.match(r"...", s)``), also on code paths the sample
   run does not reach.

Each pattern is analysed with `regexploit <https://github.com/doyensec/regexploit>`_,
which finds repeats that can share the same characters in many ways, the cause of
exponential and high-degree polynomial backtracking (``(a+)+b``, ``\\s*\\s*\\s*$``). It
reports a pattern whose worst case is cubic or worse in the length of the text (its
"starriness" above 2); quadratic patterns and the cost of trying a pattern at every
position of a text are not its subject (the growth tests in ``tests/test_hardening.py``
cover those). regexploit was written before Python 3.11 and cannot read possessive
repeats (``a*+``) and atomic groups (``(?>...)``), the usual cures for backtracking;
:class:`Parser` below reads them, as repeats that never give characters back.

A finding fails the check unless it is in :data:`ALLOWED` with the reason it is a
false positive of the analysis (verified by hand: the pattern cannot backtrack that
way). Exit status: 0 no finding, 1 findings, 2 a pattern the analysis could not read.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import importlib.util
import json
import os
import pkgutil
import re
import sys
import types
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
# A few dozen articles reach the parser's code paths; more only take longer.
EVAL_DIRS = [ROOT / "eval" / "heldout", ROOT / "eval" / "synthetic"]

#: Findings that are false positives of the analysis: pattern text -> why it cannot
#: backtrack catastrophically. Keep this empty unless verified by hand.
ALLOWED: dict[str, str] = {}

#: Crafted text that reaches code paths ordinary articles do not (markup, furniture).
CRAFTED = [
    "<p>Officials <b>met</b>.</p><!-- x --><script>var a;</script><style>p{}</style>",
    "Published: August 12, 2021 10:30 a.m. EST\nAlso Read: Russia and China\n"
    "Photo: AFP\nBy John Smith\nHome | World | Asia\nAdvertisement\n"
    "KABUL, Aug 12 (Reuters) - The Taliban captured the city of Ghazni on Thursday.",
    'He said: "We will win." Then Russia and China held joint naval drills near Vladivostok.',
    "Rus\u00adsia met Chi\u00adna in Doha on Monday. 12,000 troops took part. Tweet this.",
]


@dataclass(frozen=True)
class Found:
    """One pattern and where it was first seen."""

    pattern: str
    flags: int
    where: str
    how: str  # "run time", "globals" or "source": the first way it was found


_HOW = ("run time", "globals", "source")


@dataclass
class Report:
    """The patterns found and the result of their analysis."""

    patterns: dict[tuple[str, int], Found] = field(default_factory=dict)
    findings: list[tuple[Found, int, str]] = field(default_factory=list)
    allowed: list[tuple[Found, int, str]] = field(default_factory=list)
    unreadable: list[tuple[Found, str]] = field(default_factory=list)


# --- regexploit, with Python 3.11's possessive repeats and atomic groups ------------------


def _regexploit() -> tuple[type[Any], Callable[[Any], list[Any]], type[Any]]:
    with warnings.catch_warnings():  # it imports the deprecated sre_parse
        warnings.simplefilter("ignore", DeprecationWarning)
        from regexploit.ast.repeat import FiniteRepeat
        from regexploit.ast.sre import SreOpParser
        from regexploit.redos import find
    return SreOpParser, find, FiniteRepeat


def make_parser() -> Any:
    """A regexploit parser that also reads possessive repeats and atomic groups."""
    sre_op_parser, _, finite_repeat = _regexploit()

    class Parser(sre_op_parser):  # type: ignore[misc,valid-type]
        """regexploit's parser; a possessive repeat or an atomic group never gives back
        what it matched, so it is read as at most one step of what it matches: it takes
        part in no backtracking (a conservative reading: it still overlaps its
        neighbours)."""

        def from_POSSESSIVE_REPEAT(self, data: Any) -> Any:
            minimum, _maximum, elements = data
            repeatable = self.sequence_or_singleton(elements)
            if repeatable is None:
                return None
            return _one_step(repeatable, finite_repeat, minimum > 0)

        def from_ATOMIC_GROUP(self, data: Any) -> Any:
            inner = self.sequence_or_singleton(data)
            if inner is None:
                return None
            return _one_step(inner, finite_repeat, inner.minimum_length > 0)

    return Parser()


def _one_step(element: Any, finite_repeat: type[Any], required: bool) -> Any:
    if not element.starriness:
        return finite_repeat(element, int(required), 1)
    return finite_repeat(element.maximal_character_class(), int(required), 1)


def analyse(pattern: str, flags: int = 0) -> list[tuple[int, str]]:
    """``(starriness, example attack)`` of each catastrophic backtracking in ``pattern``.

    Starriness 3 is cubic, 11 and more exponential (regexploit's scale). Raises
    :class:`re.error` or :class:`AttributeError` for what the analysis cannot read.
    """
    _, find, _ = _regexploit()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = make_parser().parse_sre(pattern, flags)
    if parsed is None:
        return []
    return [(r.starriness, r.example()) for r in find(parsed)]


# --- finding the patterns ------------------------------------------------------------------


def _record_compiles(package_dir: str, report: Report) -> Callable[[], None]:
    """Wrap ``re._compile`` to record the patterns compiled by the package; return undo."""
    original = re._compile  # type: ignore[attr-defined]
    re_dir = os.path.dirname(re.__file__)

    def recording(pattern: Any, flags: Any) -> Any:
        compiled = original(pattern, flags)
        frame = sys._getframe(1)
        while frame is not None and frame.f_code.co_filename.startswith(re_dir):
            frame = frame.f_back  # type: ignore[assignment]
        if frame is not None and frame.f_code.co_filename.startswith(package_dir):
            where = f"{_relative(frame.f_code.co_filename)}:{frame.f_lineno}"
            _add(report, compiled, where, "run time")
        return compiled

    re._compile = recording  # type: ignore[attr-defined]

    def undo() -> None:
        re._compile = original  # type: ignore[attr-defined]

    return undo


def _relative(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return path


def _add(report: Report, compiled: re.Pattern[Any], where: str, how: str) -> None:
    if isinstance(compiled.pattern, str):
        key = (compiled.pattern, compiled.flags)
        report.patterns.setdefault(key, Found(compiled.pattern, compiled.flags, where, how))


def _modules(package: types.ModuleType) -> Iterator[types.ModuleType]:
    yield package
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        try:
            yield importlib.import_module(info.name)
        except ImportError as exc:  # an optional dependency (dask, hypothesis) is missing
            print(f"check_regexes: skipped {info.name}: {exc}", file=sys.stderr)


def _walk_globals(module: types.ModuleType, report: Report) -> None:
    seen: set[int] = set()

    def visit(value: object, where: str, depth: int) -> None:
        if depth > 6 or id(value) in seen:
            return
        seen.add(id(value))
        if isinstance(value, re.Pattern):
            _add(report, value, where, "globals")
        elif isinstance(value, tuple | list | set | frozenset):
            for item in value:
                visit(item, where, depth + 1)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item, where, depth + 1)
        elif isinstance(value, type) and value.__module__ == module.__name__:
            for name, item in vars(value).items():
                visit(item, f"{where}.{name}", depth + 1)

    for name, value in vars(module).items():
        visit(value, f"{module.__name__}.{name}", 0)


class _LiteralPatterns(ast.NodeVisitor):
    """String literals passed as the pattern to a function of ``re``."""

    FUNCTIONS = frozenset(
        ("compile", "search", "match", "fullmatch", "findall", "finditer", "split", "sub", "subn")
    )

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "re"
            and func.attr in self.FUNCTIONS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            self.found.append((node.lineno, node.args[0].value))
        self.generic_visit(node)


def _source_literals(package_dir: str, report: Report) -> None:
    for path in sorted(Path(package_dir).rglob("*.py")):
        visitor = _LiteralPatterns()
        visitor.visit(ast.parse(path.read_text(encoding="utf-8")))
        for lineno, pattern in visitor.found:
            key_flags = [k for k in report.patterns if k[0] == pattern]
            if not key_flags:  # flags unknown for a literal: analyse without them
                where = f"{_relative(str(path))}:{lineno}"
                report.patterns[(pattern, 0)] = Found(pattern, 0, where, "source")


def _sample_texts() -> Iterator[tuple[str, str | None]]:
    if SEED.is_file():
        yield SEED.read_text(encoding="utf-8"), "2021-08-13"
    for directory in EVAL_DIRS:
        for path in sorted(directory.glob("**/*.json")) if directory.is_dir() else []:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                continue
            if isinstance(data, dict) and isinstance(data.get("text"), str):
                published = data.get("published")
                yield data["text"], published if isinstance(published, str) else None
    for text in CRAFTED:
        yield text, None


def _exercise() -> None:
    """Run the package's code paths so that patterns built at run time get compiled."""
    import diplo_events
    from diplo_events.batch import process_line

    for text, published in _sample_texts():
        doc = diplo_events.parse_document(text, published=published)
        diplo_events.from_json(diplo_events.to_json(doc))
    process_line(json.dumps({"id": "x", "text": CRAFTED[1], "published": "2021-08-13"}), 1)
    process_line("{not json", 2)
    diplo_events.json_schema()


def collect() -> Report:
    """Every pattern of the package (see the module docstring for how they are found)."""
    report = Report()
    spec = importlib.util.find_spec("diplo_events")
    if spec is None or spec.origin is None:
        raise SystemExit("check_regexes: diplo_events is not importable")
    package_dir = os.path.dirname(os.path.realpath(spec.origin))
    if "diplo_events" in sys.modules:
        print("check_regexes: run this in a fresh interpreter", file=sys.stderr)
    undo = _record_compiles(package_dir, report)
    try:
        import diplo_events

        modules = list(_modules(diplo_events))
        _exercise()
    finally:
        undo()
    for module in modules:
        _walk_globals(module, report)
    _source_literals(package_dir, report)
    return report


def check(report: Report) -> Report:
    """Analyse every collected pattern; fill ``findings``, ``allowed`` and ``unreadable``."""
    for found in report.patterns.values():
        try:
            results = analyse(found.pattern, found.flags)
        except (re.error, AttributeError, RecursionError) as exc:
            report.unreadable.append((found, f"{type(exc).__name__}: {exc}"))
            continue
        for starriness, example in results:
            target = report.allowed if found.pattern in ALLOWED else report.findings
            target.append((found, starriness, example))
    return report


def main(argv: list[str] | None = None) -> int:
    """Collect and analyse the patterns; print the findings; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print every pattern checked")
    args = parser.parse_args(argv)
    report = check(collect())
    if args.list:
        for found in sorted(report.patterns.values(), key=lambda f: f.where):
            print(f"{found.where} [{found.how}]: {found.pattern[:100]!r}")
    for found, starriness, example in report.findings:
        print(
            f"{found.where}: catastrophic backtracking (starriness {starriness}): "
            f"{found.pattern[:120]!r}\n    attack: {example[:120]}"
        )
    for found, reason in report.unreadable:
        print(f"{found.where}: the analysis cannot read {found.pattern[:120]!r}: {reason}")
    for found, _, _ in report.allowed:
        print(f"{found.where}: allowed: {ALLOWED[found.pattern]}")
    how = {h: sum(f.how == h for f in report.patterns.values()) for h in _HOW}
    print(
        f"check_regexes: {len(report.patterns)} patterns ({how['run time']} compiled at run"
        f" time, {how['globals']} more in module globals, {how['source']} more in the source),"
        f" {len(report.findings)} with "
        f"catastrophic backtracking, {len(report.allowed)} allowed, "
        f"{len(report.unreadable)} unreadable"
    )
    if report.findings:
        return 1
    return 2 if report.unreadable else 0


if __name__ == "__main__":
    sys.exit(main())
