"""Coverage-guided fuzz target for :func:`diplo_events.from_json` (atheris).

Any ``bytes`` or ``str`` either loads as a valid document or raises
:class:`~diplo_events.errors.SchemaError`; nothing else may escape. A document that
loads must write back and load again to an equal document.
Run: ``.venv/bin/python fuzz/fuzz_from_json.py -max_total_time=60``.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

# The package loads its modules lazily: import the serializer here so that atheris
# instruments it (coverage feedback) rather than only the package __init__.
with atheris.instrument_imports(include=["diplo_events"]):
    import diplo_events
    import diplo_events.serialize
    from diplo_events.errors import SchemaError


def TestOneInput(data: bytes) -> None:  # the name atheris looks for
    """Load the fuzzed bytes (and their text form); only SchemaError may be raised."""
    inputs: list[str | bytes] = [data]
    with contextlib.suppress(UnicodeDecodeError):
        inputs.append(data.decode("utf-8"))
    for raw in inputs:
        try:
            doc = diplo_events.from_json(raw)
        except SchemaError:
            continue
        if diplo_events.from_json(diplo_events.to_json(doc)) != doc:
            raise AssertionError("a loaded document does not round-trip")


def main() -> None:
    """Run libFuzzer with the command-line options (e.g. ``-max_total_time=60``)."""
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
