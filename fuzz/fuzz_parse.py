"""Coverage-guided fuzz target for :func:`diplo_events.parse` (atheris).

Any ``str``, lone surrogates included, must parse without raising; every span of the
events must be the input's text at its offsets, and the document's JSON must encode as
UTF-8. Inputs longer than :data:`~diplo_events.parser.MAX_INPUT_CHARS` are out of scope
(libFuzzer inputs are far smaller).
Run: ``.venv/bin/python fuzz/fuzz_parse.py -max_total_time=60``.
"""

from __future__ import annotations

import datetime as dt
import sys

import atheris
import attrs

# The package loads its modules lazily: import the parser's modules here so that
# atheris instruments them (coverage feedback) rather than only the package __init__.
with atheris.instrument_imports(include=["diplo_events"]):
    import diplo_events
    import diplo_events._parsing.pipeline
    import diplo_events.parser
    import diplo_events.serialize
    from diplo_events.model import Span

PUBLISHED = dt.date(2021, 8, 13)


def _spans(value: object) -> list[Span]:
    """Every span held anywhere in an event (evidence, mentions)."""
    if isinstance(value, Span):
        return [value]
    if isinstance(value, tuple):
        return [span for item in value for span in _spans(item)]
    cls = type(value)
    if attrs.has(cls):
        return [s for f in attrs.fields(cls) for s in _spans(getattr(value, f.name))]
    return []


def TestOneInput(data: bytes) -> None:  # the name atheris looks for
    """Parse the fuzzed text, with and without a publication date; never raises."""
    provider = atheris.FuzzedDataProvider(data)
    with_date = provider.ConsumeBool()
    # Any str: ConsumeUnicode may return lone surrogates (and ASCII- or UTF-16-only text).
    text = provider.ConsumeUnicode(len(data))
    doc = diplo_events.parse_document(text, published=PUBLISHED if with_date else None)
    for event in doc.events:
        for span in _spans(event):
            if text[span.start : span.end] != span.text:
                raise AssertionError(f"span {span!r} does not match the input")
    diplo_events.to_json(doc).encode("utf-8")


def main() -> None:
    """Run libFuzzer with the command-line options (e.g. ``-max_total_time=60``)."""
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
