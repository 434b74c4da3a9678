"""Cold start: what a new process pays before its first events.

Each measure runs in fresh interpreters (``--runs`` of them, after one warm-up run that
also writes the ``.pyc`` files and the gazetteer cache):

* ``import diplo_events``, and the same followed by ``diplo_events.__version__``;
* the first ``parse()`` of a short text in a new process (imports included), with the
  gazetteer index read from a warm cache, built into an empty cache directory, and built
  with the cache turned off (``DIPLO_EVENTS_CACHE_DIR=""``);
* a whole one-file command-line run, ``python -m diplo_events extract SEED``, timed
  from outside (interpreter start-up included), with a warm cache and with the cache off.

Each is reported as CPU time (user + system of the process: what the work costs, and
stable on a machine shared with other jobs) and as wall-clock time (what a person
waits, which other jobs on the machine stretch), each as the median and the best run.

``--before SRC`` runs every measure a second time with ``SRC`` (the ``src`` folder of
another checkout, e.g. the previous release) first on ``PYTHONPATH``, the two trees
taking turns run by run, and prints the ratios this tree / before from the same run.

Usage: ``python benchmarks/cold_start.py [--runs N] [--before OTHER/src]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
TEXT = "Officials of Norway and Chile met in Oslo on Tuesday."

_TIMED = """
import time
wall, cpu = time.perf_counter(), time.process_time()
{code}
print(time.perf_counter() - wall, time.process_time() - cpu)
"""
_FIRST_PARSE = f"import diplo_events\ndiplo_events.parse({TEXT!r}, published='2021-08-13')"

#: (wall seconds, CPU seconds) of one run.
Timing = tuple[float, float]


def _env(src: str | None, cache: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with .pyc files, as installed
    env["DIPLO_EVENTS_CACHE_DIR"] = cache
    if src is not None:
        env["PYTHONPATH"] = src
    else:
        env.pop("PYTHONPATH", None)
    return env


def _inner(code: str, env: dict[str, str]) -> Timing:
    """Wall and CPU seconds ``code`` takes in a fresh interpreter, timed inside it."""
    out = subprocess.run(
        [sys.executable, "-c", _TIMED.format(code=code)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    wall, cpu = out.split()[-2:]
    return float(wall), float(cpu)


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows: no CPU time of children
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _outer(args: Sequence[str], env: dict[str, str]) -> Timing:
    """Wall and CPU seconds of a whole process, start-up included."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], env=env, capture_output=True, check=True)
    return time.perf_counter() - start, _children_cpu() - cpu


def measure_all(trees: dict[str, str | None], runs: int) -> dict[str, dict[str, list[Timing]]]:
    """Every measure for each source tree (None: the installed package).

    The trees take turns run by run, so a change in the machine's load during the
    benchmark weighs on all of them alike.
    """
    tmp = Path(tempfile.mkdtemp(prefix="diplo-cold-"))
    cli = ["-m", "diplo_events", "extract", str(SEED)]

    def measures(src: str | None, name: str) -> dict[str, Callable[[], Timing]]:
        warm, empty = str(tmp / name / "warm"), str(tmp / name / "empty")

        def first_parse_empty_cache() -> Timing:
            shutil.rmtree(empty, ignore_errors=True)
            return _inner(_FIRST_PARSE, _env(src, empty))

        return {
            "import diplo_events": lambda: _inner("import diplo_events", _env(src, warm)),
            "import + __version__": lambda: _inner(
                "import diplo_events\ndiplo_events.__version__", _env(src, warm)
            ),
            "first parse, warm cache": lambda: _inner(_FIRST_PARSE, _env(src, warm)),
            "first parse, empty cache": first_parse_empty_cache,
            "first parse, cache off": lambda: _inner(_FIRST_PARSE, _env(src, "")),
            "CLI one file, warm cache": lambda: _outer(cli, _env(src, warm)),
            "CLI one file, cache off": lambda: _outer(cli, _env(src, "")),
        }

    plans = {name: measures(src, name) for name, src in trees.items()}
    results: dict[str, dict[str, list[Timing]]] = {name: {} for name in trees}
    try:
        for measure in next(iter(plans.values())):
            for name, plan in plans.items():
                plan[measure]()  # warm-up: .pyc files, the OS file cache, the warm cache
                results[name][measure] = []
            for _ in range(runs):
                for name, plan in plans.items():
                    results[name][measure].append(plan[measure]())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return results


def _median(values: list[Timing], which: int) -> float:
    return statistics.median(v[which] for v in values) * 1000


def _best(values: list[Timing], which: int) -> float:
    return min(v[which] for v in values) * 1000


def _table(results: dict[str, list[Timing]]) -> None:
    print(f"  {'':<26} {'CPU median':>10} {'CPU best':>9} {'wall median':>12} {'wall best':>10}")
    for name, values in results.items():
        print(
            f"  {name:<26} {_median(values, 1):8.1f} ms {_best(values, 1):6.1f} ms"
            f" {_median(values, 0):9.1f} ms {_best(values, 0):7.1f} ms"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Cold-start cost of diplo-events.")
    parser.add_argument("--runs", type=int, default=7, help="fresh processes per measure")
    parser.add_argument("--before", metavar="SRC", help="another checkout's src/ to compare")
    args = parser.parse_args(argv)

    print(f"python: {sys.executable} ({args.runs} runs per measure)")
    trees: dict[str, str | None] = {"this tree": None}
    if args.before:
        trees["before"] = str(Path(args.before).resolve())
    results = measure_all(trees, args.runs)
    after = results["this tree"]
    print("this tree (the installed package):")
    _table(after)
    if args.before:
        before = results["before"]
        print(f"before ({args.before} on PYTHONPATH):")
        _table(before)
        print("ratio this tree / before (medians):")
        print(f"  {'':<26} {'CPU':>6} {'wall':>6}")
        for name in after:
            cpu = _median(after[name], 1) / _median(before[name], 1)
            wall = _median(after[name], 0) / _median(before[name], 0)
            print(f"  {name:<26} {cpu:6.2f} {wall:6.2f}")
    cpu = _median(after["first parse, warm cache"], 1) / _median(after["first parse, cache off"], 1)
    print(f"this tree, first parse, warm cache / cache off (CPU medians): {cpu:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
