"""Benchmark of ``diplo-events extract --jsonl``: throughput with 1 and 2 jobs, memory vs size.

Builds a JSON Lines input by repeating the seed article and a few short articles
written for this benchmark (each line with its own id), then runs
``python -m diplo_events extract --jsonl`` as subprocesses, all in this one run:

1. ``--jobs 1`` and ``--jobs 2`` on the same N-article input: articles/s and the
   ratio (target >= 1.7 on 2 cores). Throughput is also shown net of the fixed
   start-up cost (interpreter, imports, gazetteers), measured with a 1-line input.
2. Peak memory (``ru_maxrss`` of the child, from ``os.wait4``) for N and 10N
   articles with ``--jobs 1`` (target ratio <= 1.2: the input is streamed).

N is calibrated so that the ``--jobs 1`` run takes about ``--seconds`` seconds,
unless ``--articles`` is given. Usage::

    python benchmarks/batch.py [--seconds 3] [--articles N] [--factor 10]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"

#: Short articles written for this benchmark (not taken from any news source).
ARTICLES = [
    (
        "2023-05-04",
        "The foreign ministers of Norway and Chile met in Oslo on Tuesday to discuss fisheries "
        "and Antarctic research. Both sides said the talks had been constructive. Chile's "
        "minister told reporters that a joint commission would meet again in September. "
        "Norway's foreign ministry said in a statement that the two countries agreed to expand "
        "scientific cooperation.",
    ),
    (
        "2022-09-19",
        "Troops from Poland and Lithuania began a ten-day military exercise near the Baltic "
        "coast on Monday, the Polish defence ministry said. About 3,000 soldiers, 14 ships and "
        "20 aircraft are taking part in the drills. A Lithuanian spokesperson said the exercise "
        "was planned months ago and was not aimed at any country.",
    ),
    (
        "2021-03-02",
        "Rebel fighters said on Sunday they had captured two towns in the north after heavy "
        "fighting with government forces. The army withdrew from the area overnight, residents "
        "said. The government spokesperson denied the claim and said the towns remained under "
        "state control. The United Nations called on both sides to protect civilians.",
    ),
    (
        "2024-01-11",
        "Kenya's president said on Friday that the border with Uganda would stay open despite "
        "the dispute over fishing rights in the lake. He spoke after meeting the Ugandan "
        "ambassador in Nairobi. The two governments will hold further talks in Kampala next "
        "month, officials said.",
    ),
]


@attrs.frozen
class Run:
    """One timed run of the command: wall seconds and peak memory (KiB)."""

    seconds: float
    max_rss_kib: int


def write_input(path: Path, count: int) -> None:
    """Write ``count`` JSON Lines articles, cycling through the seed and ARTICLES."""
    sources = [("2021-08-13", SEED.read_text(encoding="utf-8")), *ARTICLES]
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            published, text = sources[i % len(sources)]
            record = {"id": f"bench-{i:07d}", "text": text, "published": published}
            out.write(json.dumps(record) + "\n")


def run(source: Path, output: Path, jobs: int) -> Run:
    """Run ``extract --jsonl`` once; fail loudly if it does not succeed."""
    paths = [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    argv = [sys.executable, "-m", "diplo_events", "extract", "--jsonl", str(source)]
    argv += ["--output", str(output), "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit status {proc.returncode}")
    return Run(seconds=seconds, max_rss_kib=int(usage.ru_maxrss))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="target --jobs 1 run time")
    parser.add_argument("--articles", type=int, help="N (default: calibrated)")
    parser.add_argument("--factor", type=int, default=10, help="size ratio of the memory runs")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="diplo-bench-") as tmp:
        work = Path(tmp)
        out = work / "out.jsonl"
        tiny = work / "tiny.jsonl"
        write_input(tiny, 1)
        startup = min(run(tiny, out, 1).seconds for _ in range(3))

        count: int | None = args.articles
        if count is None:
            sample = work / "sample.jsonl"
            write_input(sample, 100)
            sample_rate = 100 / max(run(sample, out, 1).seconds - startup, 1e-3)
            count = max(200, int(sample_rate * args.seconds))
        source = work / "n.jsonl"
        write_input(source, count)

        one = run(source, work / "one.jsonl", 1)
        two = run(source, work / "two.jsonl", 2)
        identical = (work / "one.jsonl").read_bytes() == (work / "two.jsonl").read_bytes()

        big = work / "big.jsonl"
        write_input(big, count * args.factor)
        large = run(big, out, 1)

    def rate(r: Run, net: bool) -> float:
        return count / max(r.seconds - (startup if net else 0.0), 1e-9)

    cpus = os.cpu_count() or 1
    print(f"input: {count:,} articles (and {count * args.factor:,} for memory); {cpus} CPU(s)")
    print(f"start-up (1-line input): {startup:.2f} s")
    print(f"{'':10}{'seconds':>10}{'articles/s':>14}{'net of start-up':>18}")
    for name, r in (("--jobs 1", one), ("--jobs 2", two)):
        print(f"{name:10}{r.seconds:10.2f}{rate(r, False):14,.1f}{rate(r, True):18,.1f}")
    speedup = rate(two, True) / rate(one, True)
    print(
        f"jobs 2 / jobs 1 throughput ratio: {speedup:.2f} net"
        f" ({rate(two, False) / rate(one, False):.2f} raw); target >= 1.7 on 2 cores"
        + ("" if cpus >= 2 else " (only 1 CPU here: not reachable)")
    )
    print(f"--jobs 2 output byte-identical to --jobs 1: {identical}")
    memory = large.max_rss_kib / one.max_rss_kib
    print(
        f"peak memory: {one.max_rss_kib / 1024:.1f} MiB for N, "
        f"{large.max_rss_kib / 1024:.1f} MiB for {args.factor}N; "
        f"ratio {memory:.2f} (target <= 1.2)"
    )
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
