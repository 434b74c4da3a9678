"""Regenerate the export golden files of the seed article (tests/export/golden/).

The files are what ``diplo_events.export`` writes for the events the parser finds in
``seeds/000_22928ed1188cab94.txt`` (document id ``seed``, published 2021-08-13), one per
format: ``seed.csv``, ``seed.parquet``, ``seed.plover.jsonl`` and ``seed.phoenix.tsv``.
``tests/export/test_export_golden.py`` writes the same files into a temporary directory
with :func:`write_goldens` and compares. When the parser's output changes on purpose,
run from the project root::

    .venv/bin/python tools/update_export_golden.py

and review the diff of the text files (``git diff tests/export/golden``) before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import diplo_events
from diplo_events import export

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
GOLDEN = ROOT / "tests" / "export" / "golden"
#: Golden file name of each export format.
FILES = {
    "csv": "seed.csv",
    "parquet": "seed.parquet",
    "plover": "seed.plover.jsonl",
    "phoenix": "seed.phoenix.tsv",
}


def seed_document() -> diplo_events.Document:
    """The seed article's document, as the golden files hold it."""
    text = SEED.read_text(encoding="utf-8")
    return diplo_events.parse_document(text, id="seed", published="2021-08-13")


def write_goldens(directory: Path) -> dict[str, Path]:
    """Write one file per format into ``directory``; return the paths by format."""
    directory.mkdir(parents=True, exist_ok=True)
    document = seed_document()
    paths = {fmt: directory / name for fmt, name in FILES.items()}
    for fmt, path in paths.items():
        with export.open_writer(fmt, path) as writer:
            writer.write(document)
    return paths


def main() -> int:
    for fmt, path in write_goldens(GOLDEN).items():
        print(f"{fmt:<8} {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
