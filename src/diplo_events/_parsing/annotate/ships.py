"""Ships by prefix: "USS John Finn", "BRP Gregorio del Pilar" are units of a state's navy or
coast guard (``data/ship_prefixes.tsv``)."""

from __future__ import annotations

import functools

from .gazetteer import read_data_file

__all__ = ["ship_state"]


@functools.cache
def _prefixes() -> dict[str, str]:
    return {row[0].strip(): row[1].strip() for row in read_data_file("ship_prefixes.tsv")}


def ship_state(prefix: str) -> str | None:
    """The state whose ships carry ``prefix`` (case-sensitive: "USS", "HMAS"), else None."""
    return _prefixes().get(prefix)
