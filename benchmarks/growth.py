"""Growth benchmark: parse time of every crafted input family at N and 10 N characters.

The families are those of ``tests/test_hardening.py`` (runs of stops, unclosed markup,
repeated triggers, long names, nested quotes, no spaces, ...). For each, in this one
run, the parse is timed at ``--size`` and 10 times that (CPU time, best of
``--repeat``), and printed with the ratio (at most 12 is linear enough) and the time
per MB. With ``--stages`` the time is also split by pipeline stage (``text``,
``annotate``, ``rules``, ``document``, ``pipeline``, other modules) with ``cProfile``,
which slows the parse down (the stage figures are for comparing sizes, not absolute).
With ``--lines`` it also measures the peak memory of ``extract --jsonl`` on one line of
each of the given sizes in MB (a line longer than the reader's limit is skipped).

The test suite checks the same growth without timing anything (function calls per
stage, and a CPU-time limit per family); this benchmark gives the times. Usage::

    .venv/bin/python benchmarks/growth.py [--size 10000] [--repeat 3] [--stages]
        [--family NAME ...] [--lines 1 10 100]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import importlib.util
import json
import os
import platform
import pstats
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import diplo_events

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "test_hardening.py"
PACKAGE = str(Path(diplo_events.__file__).resolve().parent) + os.sep


def families() -> dict[str, Callable[[int], str]]:
    """The crafted input families of the test suite."""
    spec = importlib.util.spec_from_file_location("_hardening", TESTS)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: dict[str, Callable[[int], str]] = module.FAMILIES
    return found


def cpu_time(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        diplo_events.parse(text)
        best = min(best, time.process_time() - start)
    return best


def stage_of(filename: str) -> str | None:
    if not filename.startswith(PACKAGE):
        return None
    parts = filename[len(PACKAGE) :].split(os.sep)
    if parts[0] == "_parsing" and len(parts) > 1:
        return parts[1].removesuffix(".py")
    return parts[0].removesuffix(".py")


def stage_times(text: str) -> Counter[str]:
    """Seconds per stage (own time; calls to other code count for the calling stage)."""
    profile = cProfile.Profile(time.process_time)
    profile.enable()
    diplo_events.parse(text)
    profile.disable()
    seconds: Counter[str] = Counter()
    stats: dict[Any, Any] = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (filename, _, _), (_, _, own, _, callers) in stats.items():
        stage = stage_of(filename)
        if stage is not None:
            seconds[stage] += own
            continue
        for (caller, _, _), (_, _, caller_own, _) in callers.items():
            seconds[stage_of(caller) or "other"] += caller_own
    return seconds


_WRITE_LINE = """
import json, sys
size = int(float(sys.argv[2]) * 1e6) - 40
text = ("Russia met China in Doha on Monday. " * (size // 36 + 1))[:size]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write(json.dumps({"id": "big", "text": text}) + "\\n")
"""


def line_memory(megabytes: float) -> tuple[float, str]:
    """Peak memory (MB, ``ru_maxrss`` of the child) of ``extract --jsonl`` on one line of
    ``megabytes`` MB, and its outcome ("document" or the start of the error).

    A child's peak starts at this process's size when it is spawned (Linux keeps the
    high-water mark across ``exec``): call this before anything large is allocated here.
    The input is written by another child for the same reason.
    """
    with tempfile.TemporaryDirectory() as tmp:
        source, output = Path(tmp) / "one.jsonl", Path(tmp) / "out.jsonl"
        subprocess.run([sys.executable, "-c", _WRITE_LINE, source, str(megabytes)], check=True)
        with output.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "diplo_events", "extract", "--jsonl", str(source), "-q"],
                stdout=out,
                stderr=subprocess.DEVNULL,
            )
            _, _, usage = os.wait4(proc.pid, 0)
        with output.open(encoding="utf-8") as done:
            first = done.readline(10_000)
    line = json.loads(first) if first.endswith("\n") else {"events": "..."}
    outcome = "document" if "events" in line else str(line.get("error", "?"))[:60]
    return usage.ru_maxrss / 1024, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000, help="N, characters (default 10,000)")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    parser.add_argument("--stages", action="store_true", help="split the time by stage")
    parser.add_argument("--family", action="append", help="only these families")
    parser.add_argument("--lines", type=float, nargs="*", help="MB of one JSON Lines line")
    args = parser.parse_args()

    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs")
    for megabytes in args.lines or []:  # first, while this process is small
        peak, outcome = line_memory(megabytes)
        print(f"one {megabytes:g} MB JSON Lines line: peak memory {peak:.0f} MB ({outcome})")
    diplo_events.parse("Russia met China in Doha on Monday.", published="2021-08-13")
    small, large = args.size, 10 * args.size
    print(f"\n| family | {small:,} chars | {large:,} chars | ratio | s per MB |")
    print("|---|---:|---:|---:|---:|")
    worst = (0.0, "")
    for name, make in sorted(families().items()):
        if args.family and name not in args.family:
            continue
        a, b = cpu_time(make(small), args.repeat), cpu_time(make(large), args.repeat)
        ratio = b / a if a > 0 else float("nan")
        per_mb = b / large * 1e6
        worst = max(worst, (per_mb, name))
        print(f"| {name} | {a * 1e3:.1f} ms | {b * 1e3:.0f} ms | {ratio:.1f} | {per_mb:.1f} |")
        if args.stages:
            sa, sb = stage_times(make(small)), stage_times(make(large))
            for stage in sorted(sb, key=lambda s: -sb[s]):
                if sb[stage] >= 0.01:
                    r = sb[stage] / sa[stage] if sa[stage] > 0 else float("nan")
                    print(f"|   {stage} | {sa[stage] * 1e3:.1f} ms | {sb[stage] * 1e3:.0f} ms "
                          f"| {r:.1f} | |")  # fmt: skip
    print(f"\nworst time per MB: {worst[0]:.1f} s ({worst[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
