"""Extraction over many machines with Dask: JSONL shards of articles in, JSONL shards out.

Needs the optional extra: ``pip install "diplo-events[dask]"``. Each output line
is exactly what ``diplo-events extract --jsonl`` writes for the same input line
(see :mod:`diplo_events.batch`), so the output shards concatenated equal the
single-process output for the input shards concatenated, line for line, except
that the ``"line"`` numbers of error lines count within each partition (with
one partition per shard, within each shard).

>>> from diplo_events.distributed import run_dask
>>> run_dask("corpus/", "documents/", scheduler="processes")  # doctest: +SKIP
[ShardResult(path='documents/shard-001.jsonl', documents=1000, errors=0), ...]

For a cluster, create a ``dask.distributed.Client`` first and pass
``scheduler=None`` (the client then runs the work); see ``docs/large-corpora.md``.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .batch import extract_lines, process_lines

__all__ = ["ShardResult", "extract_bag", "input_shards", "run_dask", "write_shard"]


@attrs.frozen(kw_only=True)
class ShardResult:
    """One output shard written by :func:`run_dask`: its path and how many lines it holds."""

    path: str
    documents: int
    errors: int


def _import_dask_bag() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            'diplo_events.distributed needs Dask: pip install "diplo-events[dask]"'
        ) from exc
    return dask.bag


def _extract_partition(lines: Iterable[str]) -> list[str]:
    return list(extract_lines(lines))


def extract_bag(bag: Any) -> Any:
    """Map a ``dask.bag.Bag`` of JSON Lines input lines to a bag of output lines.

    Lines may keep their ``\\n`` (as ``dask.bag.read_text`` gives them); blank
    lines produce nothing. Write the result with
    ``.to_textfiles(paths, last_endline=True)``.
    """
    return bag.map_partitions(_extract_partition)


def input_shards(source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]]) -> list[str]:
    """The input files: a directory's ``*.jsonl`` files or a glob's matches (sorted), or a list."""
    if isinstance(source, str | os.PathLike):
        text = os.fspath(source)
        pattern = os.path.join(text, "*.jsonl") if os.path.isdir(text) else text
        paths = sorted(glob.glob(pattern))
    else:
        paths = [os.fspath(p) for p in source]
    if not paths:
        raise FileNotFoundError(f"no input shards found for {source!r}")
    return paths


def write_shard(lines: Iterable[str], path: str) -> ShardResult:
    """Extract from one partition's input ``lines`` and write them to ``path`` (streaming).

    This is the task :func:`run_dask` runs per partition; it writes UTF-8 with a
    ``\\n`` after every line, and an empty file for a partition without input.
    """
    documents = errors = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for result in process_lines(lines):
            out.write(result.output + "\n")
            documents += result.ok
            errors += not result.ok
    return ShardResult(path=path, documents=documents, errors=errors)


def run_dask(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    output_dir: str | os.PathLike[str],
    *,
    scheduler: str | None = "processes",
    npartitions: int | None = None,
) -> list[ShardResult]:
    """Extract events from JSON Lines shards in parallel with Dask; write JSON Lines shards.

    ``source`` is a directory (its ``*.jsonl`` files), a glob pattern or a list
    of paths. By default each input shard is one partition and gives one output
    shard of the same file name in ``output_dir`` (created if needed); with
    ``npartitions`` the lines are regrouped into that many partitions written as
    ``part-00000.jsonl``, ... ``scheduler`` is a Dask scheduler name
    (``"processes"``, ``"threads"``, ``"sync"``) or ``None`` for the current
    default (e.g. a ``dask.distributed.Client``). Returns one
    :class:`ShardResult` per output shard, in order.
    """
    bag_module = _import_dask_bag()
    from dask.base import compute as dask_compute
    from dask.delayed import delayed

    paths = input_shards(source)
    out_dir = os.fspath(output_dir)
    os.makedirs(out_dir, exist_ok=True)
    bag = bag_module.read_text(paths, encoding="utf-8", errors="surrogateescape")
    if npartitions is None:
        names = [os.path.basename(p) for p in paths]
        if len(set(names)) != len(names):
            raise ValueError("input shards must have distinct file names (or pass npartitions)")
    else:
        if npartitions < 1:
            raise ValueError(f"npartitions must be at least 1, got {npartitions}")
        bag = bag.repartition(npartitions)
        names = [f"part-{i:05d}.jsonl" for i in range(bag.npartitions)]
    targets = [os.path.join(out_dir, name) for name in names]
    sources = {os.path.realpath(p) for p in paths}
    for target in targets:
        if os.path.realpath(target) in sources:
            raise ValueError(f"output shard {target} would overwrite an input shard")
    tasks = [
        delayed(write_shard)(part, target)
        for part, target in zip(bag.to_delayed(), targets, strict=True)
    ]
    kwargs: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    compute: Any = dask_compute  # untyped in Dask
    results: tuple[ShardResult, ...] = compute(*tasks, **kwargs)
    return list(results)
