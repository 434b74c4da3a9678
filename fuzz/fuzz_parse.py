"""Coverage-guided fuzz target for :func:`diplo_events.parse` (atheris).

Any ``str`` must parse without raising. Inputs longer than
:data:`~diplo_events.parser.MAX_INPUT_CHARS` are out of scope (libFuzzer inputs are
far smaller). Run: ``.venv/bin/python fuzz/fuzz_parse.py -max_total_time=60``.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris

# The package loads its modules lazily: import the parser's modules here so that
# atheris instruments them (coverage feedback) rather than only the package __init__.
with atheris.instrument_imports(include=["diplo_events"]):
    import diplo_events
    import diplo_events._parsing.pipeline
    import diplo_events.parser

PUBLISHED = dt.date(2021, 8, 13)


def TestOneInput(data: bytes) -> None:  # the name atheris looks for
    """Parse the fuzzed text, with and without a publication date; never raises."""
    provider = atheris.FuzzedDataProvider(data)
    with_date = provider.ConsumeBool()
    text = provider.ConsumeUnicodeNoSurrogates(len(data))
    events = diplo_events.parse(text, published=PUBLISHED if with_date else None)
    for event in events:
        for span in event.evidence:
            if text[span.start : span.end] != span.text:
                raise AssertionError(f"evidence span {span!r} does not match the input")


def main() -> None:
    """Run libFuzzer with the command-line options (e.g. ``-max_total_time=60``)."""
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
