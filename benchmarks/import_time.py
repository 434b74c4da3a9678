"""Import cost of ``import diplo_events``, measured with ``python -X importtime``.

Runs ``python -X importtime -c "import diplo_events"`` several times in fresh
interpreters and prints the best and median cumulative time of the ``diplo_events``
import (target: under 100 ms), the same for ``import json`` as a yardstick measured
in the same run, and their ratio. It also lists the slowest modules the import pulls in
and fails (exit 1) if the parser, cattrs or dateutil are among them, since those must
load lazily on first use.

Usage: ``python benchmarks/import_time.py [--runs N] [--python PATH]``
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from collections.abc import Sequence

TARGET_MS = 100.0
HEAVY = ("diplo_events._parsing", "cattrs", "dateutil")


def importtime(python: str, module: str) -> dict[str, tuple[int, int]]:
    """Run one fresh ``import module``; return ``{name: (self_us, cumulative_us)}``."""
    proc = subprocess.run(
        [python, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
    )
    timings: dict[str, tuple[int, int]] = {}
    for line in proc.stderr.splitlines():
        # "import time:       123 |        456 |   package.module"
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cumulative_us, name = line.removeprefix("import time:").split("|")
        timings.setdefault(name.strip(), (int(self_us), int(cumulative_us)))
    return timings


def measure(python: str, module: str, runs: int) -> tuple[list[float], dict[str, tuple[int, int]]]:
    """Cumulative import times of ``module`` in ms over ``runs`` runs, and the last breakdown."""
    totals: list[float] = []
    last: dict[str, tuple[int, int]] = {}
    for _ in range(runs):
        last = importtime(python, module)
        totals.append(last[module][1] / 1000)
    return totals, last


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Import cost of diplo_events.")
    parser.add_argument("--runs", type=int, default=7, help="fresh interpreters per module")
    parser.add_argument("--python", default=sys.executable, help="interpreter to measure")
    args = parser.parse_args(argv)

    importtime(args.python, "diplo_events")  # warm the OS file cache and .pyc files
    ours, breakdown = measure(args.python, "diplo_events", args.runs)
    theirs, _ = measure(args.python, "json", args.runs)

    best, median = min(ours), statistics.median(ours)
    json_best, json_median = min(theirs), statistics.median(theirs)
    print(f"python: {args.python} ({args.runs} runs each, cumulative -X importtime)")
    print(f"import diplo_events: best {best:7.1f} ms, median {median:7.1f} ms")
    print(f"import json:         best {json_best:7.1f} ms, median {json_median:7.1f} ms")
    print(f"ratio diplo_events / json (medians): {median / json_median:.1f}x")
    print(f"target: under {TARGET_MS:.0f} ms -> {'met' if median < TARGET_MS else 'MISSED'}")

    print("slowest modules (self time, last run):")
    for name, (self_us, _cum) in sorted(breakdown.items(), key=lambda kv: -kv[1][0])[:8]:
        print(f"  {self_us / 1000:6.2f} ms  {name}")

    heavy = sorted(name for name in breakdown if name.startswith(HEAVY))
    if heavy:
        print(f"error: `import diplo_events` loaded {', '.join(heavy)} (must be lazy)")
        return 1
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
