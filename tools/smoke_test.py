"""Smoke test of an installed diplo-events wheel, run the way a user would get the package.

``make smoke`` builds the sdist and the wheel, installs the wheel into a fresh virtual
environment outside the source tree and runs this script there with ``python -I`` (so
nothing from the source tree can be imported). It checks:

* the package imports from site-packages, and ``__version__`` equals the installed
  distribution's version;
* ``parse`` / ``parse_document`` on a short text written for this test, and the JSON
  round trip of the result;
* the console script: ``--version``, ``schema``, ``extract`` on a file and ``extract --jsonl``;
* the export formats (``extract --format csv|plover|phoenix``) and the ``parquet`` extra:
  without pyarrow, ``convert --to parquet`` fails with one line naming the extra; with
  ``--parquet`` (run after ``pip install "WHEEL[parquet]"``), the Parquet file reads back;
* data files (the gazetteers, ``py.typed``) found through :mod:`importlib.resources`;
* the gazetteer index cached by a first run and read by the next (in a temporary
  ``DIPLO_EVENTS_CACHE_DIR``), ``--help`` naming the documentation's address, and only
  user extras in the metadata;
* with ``--wheel`` / ``--sdist``: what the distributions hold.

Exit status 0 means every check passed; each failure is printed and makes it 1.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.resources
import importlib.util
import io
import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import traceback
import zipfile
from collections.abc import Callable, Iterator
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

DIST = "diplo-events"
PACKAGE = "diplo_events"
PUBLISHED = "2021-08-13"
# Written for this test (not taken from any article).
TEXT = (
    "Foreign Minister Ana Lopez of Spain met her Canadian counterpart in Ottawa on Tuesday "
    "to discuss trade and Arctic security.\n"
    "The two ministers said they would meet again in Madrid next year."
)

Check = Callable[[], None]
_CHECKS: list[tuple[str, Check]] = []


def check(fn: Check) -> Check:
    """Register ``fn`` as a smoke check (run in definition order)."""
    _CHECKS.append((fn.__name__, fn))
    return fn


def _run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed ``diplo-events`` console script."""
    scripts = Path(sysconfig.get_path("scripts"))
    exe = scripts / ("diplo-events.exe" if sys.platform == "win32" else "diplo-events")
    assert exe.is_file(), f"console script not installed at {exe}"
    return subprocess.run(
        [str(exe), *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def _cli(*args: str, stdin: str | None = None) -> str:
    """Run the installed ``diplo-events`` console script and return its stdout."""
    proc = _run_cli(*args, stdin=stdin)
    assert proc.returncode == 0, (
        f"`diplo-events {' '.join(args)}` exited {proc.returncode}:\n{proc.stderr}"
    )
    return proc.stdout


# --- checks of the installed package ------------------------------------------------------


@check
def installed_outside_source_tree() -> None:
    import diplo_events

    location = Path(diplo_events.__file__).resolve()
    assert "site-packages" in location.parts, f"imported from {location}, not site-packages"
    if ARGS.source_tree is not None:
        tree = Path(ARGS.source_tree).resolve()
        assert not location.is_relative_to(tree), f"imported from the source tree: {location}"


@check
def version_matches_metadata() -> None:
    import diplo_events

    installed = importlib.metadata.version(DIST)
    assert diplo_events.__version__ == installed, (diplo_events.__version__, installed)
    assert installed != "0+unknown"


@check
def import_is_lazy() -> None:
    code = (
        "import sys, diplo_events\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('diplo_events._parsing',"
        " 'cattrs', 'dateutil', 'importlib.metadata')))\n"
        "print(','.join(bad))"
    )
    out = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"`import diplo_events` loaded {out}"


@check
def data_files_via_importlib_resources() -> None:
    package = importlib.resources.files(PACKAGE)
    assert package.joinpath("py.typed").is_file(), "py.typed missing"
    data = importlib.resources.files(f"{PACKAGE}._parsing").joinpath("data")
    assert data.is_dir(), "diplo_events._parsing/data is not installed"
    files = [
        entry
        for entry in data.iterdir()
        if entry.is_file() and not entry.name.startswith(("__", "."))
    ]
    assert files, "diplo_events._parsing/data holds no files"
    for entry in files:
        assert entry.read_bytes(), f"data file {entry.name} is empty"


@check
def parse_and_json_round_trip() -> None:
    import diplo_events as de

    events = de.parse(TEXT, published=PUBLISHED)
    assert isinstance(events, list)
    assert events, "parse found no event in the smoke text"
    assert all(isinstance(event, de.Event) for event in events)
    assert any(isinstance(event, de.Meeting) for event in events), [e.type for e in events]
    for event in events:
        for span in event.evidence:
            assert TEXT[span.start : span.end] == span.text

    doc = de.parse_document(TEXT, id="smoke-1", published=PUBLISHED)
    assert isinstance(doc, de.Document)
    assert doc.events == tuple(events)
    encoded = de.to_json(doc)
    assert json.loads(encoded)["schema_version"] == de.SCHEMA_VERSION
    decoded = de.from_json(encoded)
    assert decoded == doc
    assert de.to_json(decoded) == encoded, "to_json is not stable across a round trip"
    assert de.from_dict(de.to_dict(doc)) == doc
    # A single event serializes with its "type" tag.
    assert json.loads(de.to_json(events[0]))["type"] == events[0].type


def _package_files(root: Traversable) -> Iterator[Traversable]:
    for entry in root.iterdir():
        if entry.is_dir():
            yield from _package_files(entry)
        else:
            yield entry


@check
def json_schema_is_shipped() -> None:
    import diplo_events as de

    schema = de.json_schema()
    assert schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema", schema.get(
        "$schema"
    )
    shipped = [
        entry
        for entry in _package_files(importlib.resources.files(PACKAGE))
        if entry.name.endswith(".schema.json")
    ]
    assert shipped, "no *.schema.json data file in the installed package"
    for entry in shipped:
        assert json.loads(entry.read_text(encoding="utf-8")) == schema, (
            f"the shipped {entry.name} differs from json_schema()"
        )


@check
def console_script_version() -> None:
    out = _cli("--version")
    assert importlib.metadata.version(DIST) in out, out


@check
def console_script_schema() -> None:
    import diplo_events as de

    assert json.loads(_cli("schema")) == de.json_schema()


@check
def console_script_extract() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(TEXT, encoding="utf-8")
        out = _cli("extract", "--published", PUBLISHED, "--format", "json", str(article))
        assert '"meeting"' in out, out
        json.loads(out)  # the whole output is one JSON value

        table = _cli("extract", "--published", PUBLISHED, "--format", "table", str(article))
        assert table.strip(), "empty table output"

    lines = [
        json.dumps({"id": "a1", "text": TEXT, "published": PUBLISHED}),
        json.dumps({"id": "a2", "text": "Nothing happened here.", "published": None}),
    ]
    out = _cli("extract", "--jsonl", "-", stdin="\n".join(lines) + "\n")
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    assert [doc["id"] for doc in docs] == ["a1", "a2"], out
    assert any(event["type"] == "meeting" for event in docs[0]["events"]), docs[0]
    # `validate` accepts what `extract` wrote (jsonschema is not installed here: the
    # library's own loader still checks every document).
    _cli("validate", "-", stdin=out)


@check
def gazetteer_index_is_cached() -> None:
    # The first run builds the parser's gazetteer index and caches it (in the directory
    # DIPLO_EVENTS_CACHE_DIR names, set by main()); the next run reads it.
    cache = Path(os.environ["DIPLO_EVENTS_CACHE_DIR"])
    first = _cli("extract", "--published", PUBLISHED, "-", stdin=TEXT)
    index = sorted(cache.glob("gazetteer-*.idx"))
    assert len(index) == 1, f"no gazetteer index cached in {cache}: {index}"
    assert _cli("extract", "--published", PUBLISHED, "-", stdin=TEXT) == first


@check
def help_and_metadata_for_users() -> None:
    assert "documentation: https://" in _cli("--help")
    extras = importlib.metadata.metadata(DIST).get_all("Provides-Extra") or []
    assert sorted(extras) == ["dask", "fast", "parquet", "strategies", "validate"], extras


@check
def console_script_export_formats() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "article.txt"
        article.write_text(TEXT, encoding="utf-8")
        common = ("extract", "--published", PUBLISHED, str(article), "--format")
        table = list(csv.reader(io.StringIO(_cli(*common, "csv"), newline="")))
        assert table[0][:3] == ["document_id", "document_published", "event_id"], table[0]
        assert any(row[3] == "meeting" for row in table[1:]), table
        records = [json.loads(line) for line in _cli(*common, "plover").splitlines()]
        assert any(record["event"] == "CONSULT" for record in records), records
        dyads = _cli(*common, "phoenix").splitlines()
        assert dyads[0].startswith("EventID\tDate\t"), dyads[0]
        assert len(dyads) > 1, dyads
    from diplo_events.export import plover_json_schema

    schema = plover_json_schema()  # a data file of the package
    assert set(schema["required"]) <= set(records[0]), (schema["required"], records[0])


def _has_pyarrow() -> bool:
    return importlib.util.find_spec("pyarrow") is not None


@check
def parquet_extra() -> None:
    """Without pyarrow: one line naming the extra; with it (``--parquet``): a readable file."""
    with tempfile.TemporaryDirectory() as tmp:
        documents = Path(tmp) / "documents.jsonl"
        lines = [json.dumps({"id": "a1", "text": TEXT, "published": PUBLISHED})]
        documents.write_text(_cli("extract", "--jsonl", "-", stdin=lines[0] + "\n"), "utf-8")
        output = Path(tmp) / "events.parquet"
        proc = _run_cli("convert", str(documents), "--to", "parquet", "-o", str(output))
        if not _has_pyarrow():
            assert not ARGS.parquet, "--parquet given but pyarrow is not installed"
            assert proc.returncode == 2, (proc.returncode, proc.stderr)
            expected = 'pip install "diplo-events[parquet]"'
            assert proc.stderr.count("\n") == 1, proc.stderr
            assert expected in proc.stderr, proc.stderr
            assert not output.exists(), "an output file was created without pyarrow"
            return
        assert proc.returncode == 0, proc.stderr
        import pyarrow.parquet as pq

        rows = pq.read_table(output).to_pylist()
        assert rows, "no rows in the Parquet file"
        assert {row["document_id"] for row in rows} == {"a1"}, rows
        assert str(rows[0]["date_start"]) <= PUBLISHED, rows[0]


# --- checks of the distribution files -----------------------------------------------------


def check_wheel(path: Path) -> None:
    """The wheel holds the package (code, data files, py.typed) and its dist-info, nothing else."""
    with zipfile.ZipFile(path) as wheel:
        names = wheel.namelist()
    dist_info = f"{DIST.replace('-', '_')}-{importlib.metadata.version(DIST)}.dist-info"
    stray = [n for n in names if n.split("/", 1)[0] not in {PACKAGE, dist_info}]
    assert not stray, f"unexpected files in the wheel: {stray}"
    junk = [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".pyo", "~"))]
    assert not junk, f"compiled or temporary files in the wheel: {junk}"
    for required in (f"{PACKAGE}/__init__.py", f"{PACKAGE}/py.typed", f"{dist_info}/METADATA"):
        assert required in names, f"{required} missing from the wheel"
    assert any(n.startswith(f"{PACKAGE}/_parsing/data/") for n in names), "no gazetteer data"
    assert any(n.endswith(".schema.json") for n in names), "no JSON Schema file in the wheel"
    assert any(n.startswith(f"{dist_info}/licenses/") for n in names), "no license file"


def check_sdist(path: Path) -> None:
    """The sdist holds what is needed to rebuild, test and document the package."""
    with tarfile.open(path) as sdist:
        names = {str(PurePosixPath(*PurePosixPath(n).parts[1:])) for n in sdist.getnames()}
    for required in (
        "pyproject.toml",
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "Makefile",
        "PKG-INFO",
        f"src/{PACKAGE}/__init__.py",
        f"src/{PACKAGE}/py.typed",
        "docs/conf.py",
        "tools/smoke_test.py",
        "seeds/000_22928ed1188cab94.txt",
    ):
        assert required in names, f"{required} missing from the sdist"
    assert any(n.startswith("tests/") and n.endswith(".py") for n in names), "no tests in sdist"
    junk = [
        n for n in names if n.startswith((".venv", "dist/", "docs/_build")) or "__pycache__" in n
    ]
    assert not junk, f"build output or caches in the sdist: {junk[:10]}"


def _parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--wheel", type=Path, help="the built wheel, to check its contents")
    parser.add_argument("--sdist", type=Path, help="the built sdist, to check its contents")
    parser.add_argument("--source-tree", help="the source checkout, which must not be imported")
    parser.add_argument(
        "--parquet",
        action="store_true",
        help="the parquet extra is installed: run only the checks that need it",
    )
    return parser.parse_args(argv)


ARGS = argparse.Namespace(wheel=None, sdist=None, source_tree=None, parquet=False)


def main(argv: list[str] | None = None) -> int:
    """Run every check; print one line per check and return the exit status."""
    global ARGS
    ARGS = _parse_args(sys.argv[1:] if argv is None else argv)
    checks = list(_CHECKS)
    if ARGS.parquet:
        checks = [(name, fn) for name, fn in checks if name == "parquet_extra"]
    if ARGS.wheel is not None:
        wheel: Path = ARGS.wheel
        checks.append(("wheel_contents", lambda: check_wheel(wheel)))
    if ARGS.sdist is not None:
        sdist: Path = ARGS.sdist
        checks.append(("sdist_contents", lambda: check_sdist(sdist)))
    failed = 0
    with tempfile.TemporaryDirectory() as cache:  # the gazetteer cache, not the user's
        os.environ["DIPLO_EVENTS_CACHE_DIR"] = cache
        for name, fn in checks:
            try:
                fn()
            except Exception:
                failed += 1
                print(f"FAIL {name}")
                traceback.print_exc(limit=-3, file=sys.stdout)
            else:
                print(f"ok   {name}")
    print(f"smoke: {len(checks) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
