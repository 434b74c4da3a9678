"""Every regular expression of the package is checked for catastrophic backtracking.

The check is ``tools/check_regexes.py`` (regexploit's analysis over every pattern the
package compiles, keeps in its globals or writes as a literal); these tests run it on
the package and check that it finds what it must find.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "check_regexes.py"


def _tool() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("check_regexes", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_regexes", module)
    spec.loader.exec_module(module)
    return module


check_regexes = _tool()


def test_no_package_regex_backtracks_catastrophically() -> None:
    # A fresh interpreter: the patterns compiled at import time are recorded only there.
    done = subprocess.run(
        [sys.executable, str(TOOL)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr
    summary = done.stdout.strip().splitlines()[-1]
    count = int(re.search(r"(\d+) patterns", summary).group(1))  # type: ignore[union-attr]
    assert count > 100, summary  # the parser has hundreds; far fewer means none were found
    assert "0 with catastrophic backtracking" in summary


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:a+)+b",  # exponential
        r"\s*\s*\s*$",  # cubic
        # the date-line pattern of 0.1.0 (reduced): spaces shared among optional parts
        r"\d(?:\s*(?:[,|/-]|at)?\s*\d)?(?:\s*[|/-]?\s*(?:updated)?:?\s*(?:\d)?(?:\s*\d)?)?$",
    ],
)
def test_catastrophic_patterns_are_found(pattern: str) -> None:
    findings = check_regexes.analyse(pattern)
    assert findings
    assert all(starriness > 2 for starriness, _ in findings)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\s*+\s*+\s*+$",  # possessive: nothing given back
        r"(?>\s*)(?>\s*)\s*$",  # atomic groups
        r"(?:a*+)+b",
        r"[A-Z]{3}",
        r"\b(?:said|says)\b",
    ],
)
def test_safe_patterns_pass(pattern: str) -> None:
    assert check_regexes.analyse(pattern) == []


def test_possessive_repeats_still_overlap_their_neighbours() -> None:
    # read conservatively: a possessive repeat between two greedy ones is still one step
    assert check_regexes.analyse(r"\s*\s*+\s*\s*$")


def test_patterns_in_nested_module_globals_are_found() -> None:
    module = types.ModuleType("fake_stage")
    exec(  # a module's source, to build the module under test
        textwrap.dedent(
            """
            import re
            TABLE = {"k": (re.compile(r"in a tuple in a dict"),)}
            class Rules:
                WORDS = [re.compile(r"in a class attribute", re.I)]
            """
        ),
        module.__dict__,
    )
    report = check_regexes.Report()
    check_regexes._walk_globals(module, report)
    assert {p for p, _ in report.patterns} == {"in a tuple in a dict", "in a class attribute"}
    assert {f.how for f in report.patterns.values()} == {"globals"}


def test_literal_patterns_in_the_source_are_found() -> None:
    visitor = check_regexes._LiteralPatterns()
    visitor.visit(
        ast.parse('import re\nre.match(r"(a|b)+c", text, re.I)\nre.compile(name)\nx.sub("y")\n')
    )
    assert visitor.found == [(2, "(a|b)+c")]
