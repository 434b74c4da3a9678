"""Export benchmark: throughput of each export format against the v1 JSON Lines, and the
peak memory of ``diplo-events convert`` as the number of documents grows.

Run from the project root with the project venv (pyarrow from the ``parquet`` or ``test``
extra)::

    .venv/bin/python benchmarks/export.py [--events 10000] [--per-document 10] [--repeat 5]
                                          [--documents 100000] [--factor 10]

1. **Throughput** (in this process): the same seeded events as benchmarks/serialize.py
   (``--events``, grouped ``--per-document`` to a document) are written, in memory, as
   v1 JSON Lines (``to_json`` of each document), as the event table (``rows`` only), CSV,
   Parquet, PLOVER JSON Lines and Phoenix dyads. The contenders take turns in each of
   ``--repeat`` rounds (after a ``gc.collect()``); the best round of each is reported in
   events/s, with its ratio to the v1 JSON Lines measured in the same run.
2. **Memory** (subprocesses): ``python -m diplo_events convert FILE --to FORMAT`` on
   ``--documents`` documents (two events each) and on ``--documents / --factor`` of them;
   peak RSS (``ru_maxrss`` from ``os.wait4``) of each run and the ratio. Streaming means the
   ratio stays near 1 although the input is ``--factor`` times larger.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from serialize import build_document, cpu_model  # benchmarks/serialize.py

from diplo_events import export
from diplo_events.model import Document
from diplo_events.serialize import to_json

ROOT = Path(__file__).resolve().parent.parent


def split(doc: Document, per_document: int) -> list[Document]:
    """The events of ``doc`` as documents of ``per_document`` events each."""
    events = doc.events
    return [
        Document(id=f"bench-{i:06d}", published=doc.published, events=events[i : i + per_document])
        for i in range(0, len(events), per_document)
    ]


def contenders(docs: list[Document]) -> dict[str, Callable[[], object]]:
    def v1_jsonl() -> object:
        out = io.StringIO()
        for doc in docs:
            out.write(to_json(doc) + "\n")
        return out

    return {
        "v1 JSON Lines (to_json)": v1_jsonl,
        "table rows (export.rows)": lambda: list(export.rows(docs)),
        "CSV": lambda: export.write_csv(docs, io.StringIO(newline="")),
        "Parquet": lambda: export.write_parquet(docs, io.BytesIO()),
        "PLOVER JSON Lines": lambda: export.write_plover(docs, io.StringIO()),
        "Phoenix dyads (TSV)": lambda: export.write_phoenix(docs, io.StringIO()),
    }


def throughput(docs: list[Document], repeat: int) -> None:
    events = sum(len(doc.events) for doc in docs)
    runs = contenders(docs)
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, fn in runs.items():
            gc.collect()
            started = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - started)
    dyads = sum(1 for _ in export.dyads(docs))
    print(f"\n{events:,} events in {len(docs):,} documents ({dyads:,} dyads), best of {repeat}:")
    print(f"  {'':26}{'ms':>10}{'events/s':>14}{'/ v1 JSONL time':>17}")
    base = best["v1 JSON Lines (to_json)"]
    for name, seconds in best.items():
        print(f"  {name:26}{seconds * 1000:10.1f}{events / seconds:14,.0f}{seconds / base:17.2f}")


def write_documents(path: Path, count: int) -> None:
    """``count`` documents of two seeded events each, as v1 JSON Lines."""
    template = split(build_document(2 * min(count, 10_000), seed=7), 2)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            doc = template[i % len(template)]
            out.write(
                to_json(Document(id=f"doc-{i:07d}", published=doc.published, events=doc.events))
                + "\n"
            )


# Runs one command and prints [seconds, exit status, peak RSS in KiB] as JSON. It runs in a
# fresh interpreter that imports only the stdlib: a child's ru_maxrss also counts the memory
# it shared with its parent when it was forked, so the parent must be small.
_MEASURE = """\
import json, os, subprocess, sys, time
started = time.perf_counter()
child = subprocess.Popen(json.loads(sys.argv[1]))
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - started
print(json.dumps([seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss]))
"""


def convert(source: Path, fmt: str, work: Path) -> tuple[float, int]:
    """Run ``convert`` from a small parent; return (seconds, peak RSS in KiB)."""
    paths = [str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    argv = [sys.executable, "-m", "diplo_events", "convert", str(source), "--to", fmt]
    argv += ["-o", str(work / f"out.{fmt}"), "--quiet"]
    measured = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _MEASURE, json.dumps(argv)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, status, max_rss_kib = json.loads(measured.stdout)
    if status != 0:
        raise SystemExit(f"{' '.join(argv)} failed with exit status {status}")
    return float(seconds), int(max_rss_kib)


def memory(documents: int, factor: int, formats: list[str]) -> None:
    small_count = max(1, documents // factor)
    with tempfile.TemporaryDirectory(prefix="diplo-export-bench-") as tmp:
        work = Path(tmp)
        small, large = work / "small.jsonl", work / "large.jsonl"
        write_documents(small, small_count)
        write_documents(large, documents)
        print(
            f"\nconvert, peak RSS: {small_count:,} vs {documents:,} documents "
            f"({2 * documents:,} events, {large.stat().st_size / 2**20:,.0f} MiB of JSON Lines):"
        )
        print(
            f"  {'':9}{'small MiB':>11}{'large MiB':>11}{'ratio':>8}{'large s':>10}{'events/s':>11}"
        )
        for fmt in formats:
            _, small_rss = convert(small, fmt, work)
            seconds, large_rss = convert(large, fmt, work)
            print(
                f"  {fmt:9}{small_rss / 1024:11.1f}{large_rss / 1024:11.1f}"
                f"{large_rss / small_rss:8.2f}{seconds:10.1f}{2 * documents / seconds:11,.0f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--per-document", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2021)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--formats", default="parquet,csv,plover,phoenix")
    parser.add_argument("--skip-memory", action="store_true")
    args = parser.parse_args()

    import pyarrow

    from diplo_events.export import plover

    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}")
    print(
        f"python {platform.python_version()}, pyarrow {pyarrow.__version__}, orjson "
        f"{getattr(plover._orjson, '__version__', 'not installed')}"
    )
    docs = split(build_document(args.events, args.seed), args.per_document)
    throughput(docs, args.repeat)
    if not args.skip_memory:
        memory(args.documents, args.factor, args.formats.split(","))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
