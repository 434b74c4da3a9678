"""Hardening tests: adversarial text, bytes input, determinism and safety.

The crafted inputs are the worst cases for regular expressions and for the
document-level stages (one huge "sentence", many candidate names, many verbs, runs of
stops, unclosed markup, no spaces). Each is parsed at 100 KB within a CPU-time limit,
and the work of every stage is checked to grow linearly, counted in function calls
(which do not depend on the machine's load); the times themselves are measured by
``benchmarks/growth.py``.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import re
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

import diplo_events
from diplo_events.errors import InputTooLargeError
from diplo_events.parser import MAX_INPUT_CHARS

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
SIZE = 100_000


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated and cut to exactly ``size`` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _nested_brackets(size: int) -> str:
    half = size // 2
    return "(" * half + ")" * (size - half)


#: Families of crafted input, each a function of the wanted size in characters
#: (``benchmarks/growth.py`` times the same families).
FAMILIES: dict[str, Callable[[int], str]] = {
    "one_char": lambda n: _repeat("a", n),
    "comma_list": lambda n: _repeat("a, ", n),
    "unbalanced_quotes": lambda n: _repeat('"a ', n),
    "curly_quotes": lambda n: _repeat("\u201ca ", n),
    "capitalized_words": lambda n: _repeat("Foo Bar Baz ", n),
    "digits_with_commas": lambda n: _repeat("1,", n),
    "nested_brackets": _nested_brackets,
    "mixed_brackets": lambda n: _repeat("([{", n),
    "newlines": lambda n: _repeat("\n", n),
    "dots": lambda n: _repeat(". ", n),
    "abbreviations": lambda n: _repeat("U.S. Gen. Dr. ", n),
    "state_names": lambda n: _repeat("Russia, China, India, ", n),
    "said_said": lambda n: _repeat("said ", n),
    "state_said": lambda n: _repeat("Russia said ", n),
    "he_said_sentences": lambda n: _repeat("he said. ", n),
    "many_events": lambda n: _repeat("Russia met China in Doha on Monday. ", n),
    # runs of stops not followed by a space (were quadratic in the sentence splitter)
    "stop_run": lambda n: _repeat(".", n - 1) + "a",
    "mixed_stop_run": lambda n: _repeat("?!.", n - 1) + "a",
    "ellipsis_run": lambda n: _repeat("\u2026", n - 1) + "a",
    # unclosed markup (each searched the rest of the text for its end)
    "unclosed_comments": lambda n: _repeat("<!-- x\n", n),
    "unclosed_scripts": lambda n: _repeat("<script a\n", n),
    "unclosed_tags": lambda n: _repeat("<a href=x ", n),
    # repeated triggers
    "repeated_triggers": lambda n: _repeat("Russia said China met Iran. ", n),
    "met_met": lambda n: _repeat("met ", n),
    # long names and titles
    "long_name": lambda n: "Minister " + _repeat("Abdul Rahman bin ", n - 16) + "said no",
    "long_titles": lambda n: _repeat("Deputy Foreign Minister ", n),
    # nested quotes of every kind
    "nested_quotes": lambda n: _repeat("\"He said 'they said \u201cwe said \u2018", n),
    # no spaces
    "no_spaces": lambda n: _repeat("RussiametChinainDoha", n),
    "no_spaces_stops": lambda n: _repeat("Russia.met.China.", n),
    # date lines with long runs of spaces (a backtracking pattern took 1.6 s per line)
    "date_lines": lambda n: _repeat("0.0.00" + " " * 110 + "x\n", n),
    "space_runs": lambda n: _repeat("Russia said" + " " * 100 + "that x, ", n),
    # invisible characters inside words, lone surrogates
    "soft_hyphens": lambda n: _repeat("Rus\u00adsia met Chi\u00adna. ", n),
    "surrogates": lambda n: _repeat("Russia \udc80met\ud800 China. ", n),
}

CpuLimit = Callable[[float], AbstractContextManager[None]]
#: CPU time allowed per 100 KB of crafted input: far above what any family takes (at
#: most about 2.5 s, ``benchmarks/growth.py``), far below what a hang or a quadratic
#: stage takes (the runs of stops took over 120 s).
CPU_SECONDS_PER_100KB = 20.0


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_crafted_worst_case_parses(family: str, cpu_limit: CpuLimit) -> None:
    text = FAMILIES[family](SIZE)
    assert len(text) == SIZE
    with cpu_limit(CPU_SECONDS_PER_100KB * SIZE / 100_000):
        events = diplo_events.parse(text)
    for event in events:
        for span in event.evidence:
            assert text[span.start : span.end] == span.text


def _run_in_subprocess(code: str, timeout: float, env: dict[str, str] | None = None) -> str:
    """Run ``code`` in a fresh interpreter and return its stdout (raise on failure)."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
        env=env,
        cwd=ROOT,
    )
    return done.stdout


_PACKAGE = str(Path(diplo_events.__file__).resolve().parent) + os.sep


def _stage(filename: str) -> str | None:
    """The pipeline stage of a source file: the folder under ``_parsing`` (``text``,
    ``annotate``, ``rules``, ``document``), ``pipeline``, or a module of the package."""
    if not filename.startswith(_PACKAGE):
        return None
    parts = filename[len(_PACKAGE) :].split(os.sep)
    if parts[0] == "_parsing" and len(parts) > 1:
        return parts[1].removesuffix(".py")
    return parts[0].removesuffix(".py")


def _work(text: str) -> Counter[str]:
    """Function calls per stage while parsing ``text``: a count of the work done that does
    not depend on the machine's load. A call into the standard library, attrs or the
    regular expression engine counts for the stage that makes it."""
    profile = cProfile.Profile()
    profile.enable()
    diplo_events.parse(text)
    profile.disable()
    counts: Counter[str] = Counter()
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, calls, _, _, callers) in stats.items():
        stage = _stage(filename)
        if stage is not None:
            counts[stage] += calls
            continue
        for (caller_file, _, _), (_, caller_calls, _, _) in callers.items():
            counts[_stage(caller_file) or "other"] += caller_calls
    return counts


#: Counts of at most this many calls at 10x the input are constant work, not growth.
SMALL_WORK = 500


# Counted, not timed: a time ratio measured in a test depends on what else the machine
# runs (benchmarks/growth.py measures the times). Former quadratic cases are among the
# families: many speech verbs in one sentence, many events (pairwise document merge).
@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_work_of_every_stage_grows_linearly(family: str) -> None:
    # The work added by 18,000 more characters may be at most 13.5x the work added by 2,000
    # more: 9x for linear work, with room for a step in it (the first piece of a text costs
    # less, with no earlier speaker to go on with); quadratic work would add 33x. Measured
    # from the same start, so that a fixed cost is no growth.
    make = FAMILIES[family]
    diplo_events.parse(make(200))  # warm up: imports, gazetteer, compiled patterns
    base, small, large = _work(make(2_000)), _work(make(4_000)), _work(make(20_000))
    for stage, work in large.items():
        added = work - base[stage]
        if added > SMALL_WORK:
            ratio = added / max(small[stage] - base[stage], SMALL_WORK // 10)
            assert ratio <= 13.5, (
                f"{family}: {stage} did {ratio:.1f}x the added work for 9x the added input"
            )


@pytest.mark.parametrize("data", [b"Russia met China.", bytearray(b"x"), memoryview(b"x")])
def test_bytes_input_raises_type_error(data: object) -> None:
    with pytest.raises(TypeError, match="str"):
        diplo_events.parse(data)  # type: ignore[arg-type]


def test_bytes_error_says_how_to_decode() -> None:
    with pytest.raises(TypeError, match="decode"):
        diplo_events.parse(b"Russia met China.")  # type: ignore[arg-type]


def test_input_above_limit_is_rejected() -> None:
    with pytest.raises(InputTooLargeError):
        diplo_events.parse("a" * (MAX_INPUT_CHARS + 1))


_SEED_SCRIPT = textwrap.dedent(
    f"""
    import sys
    import diplo_events
    text = open({str(SEED)!r}, encoding="utf-8").read()
    doc = diplo_events.parse_document(text, id="seed", published="2021-08-13")
    sys.stdout.write(diplo_events.to_json(doc))
    """
)


def test_output_is_identical_across_hash_seeds() -> None:
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.append(_run_in_subprocess(_SEED_SCRIPT, timeout=60, env=env))
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["events"], "the seed article has events"


_FORBIDDEN = ("socket", "http", "urllib.request", "ssl", "pickle")

_IMPORT_SCRIPT = textwrap.dedent(
    """
    import json, sys
    # Baseline: the dependencies and the stdlib modules the package uses itself.
    # importlib.metadata (for __version__) pulls in email.utils, which imports socket.
    import attrs, cattrs, dateutil.parser, dateutil.relativedelta
    import importlib.metadata, importlib.resources
    baseline = set(sys.modules)
    import diplo_events
    text = "Russia and China held joint naval drills on Monday, the ministry said."
    events = diplo_events.parse(text)
    doc = diplo_events.parse_document(text, published="2021-08-13")
    diplo_events.from_json(diplo_events.to_json(doc))
    for event in events:
        diplo_events.from_json(diplo_events.to_json(event), diplo_events.Event)
    print(json.dumps(sorted(set(sys.modules) - baseline)))
    """
)


def test_package_imports_no_network_or_pickle_modules() -> None:
    added = json.loads(_run_in_subprocess(_IMPORT_SCRIPT, timeout=60))
    bad = [name for name in added if any(name == f or name.startswith(f + ".") for f in _FORBIDDEN)]
    assert bad == [], f"diplo_events imported {bad}"


_DANGEROUS = re.compile(r"(?<![\w.])(?:eval|exec)\(|\bpickle\b|\bmarshal\.loads\b")


def test_source_has_no_eval_exec_or_pickle() -> None:
    hits = []
    for path in sorted((ROOT / "src").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if _DANGEROUS.search(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert hits == []
