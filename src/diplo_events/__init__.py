"""diplo-events: typed, serializable international-politics events from English news text.

>>> import diplo_events
>>> events = diplo_events.parse(text, published="2021-08-13")   # doctest: +SKIP
>>> print(diplo_events.to_json(events[0]))                       # doctest: +SKIP

Importing the package is cheap: the schema, the serializers, the parser (with its
gazetteers) and even ``__version__`` (read from the installed distribution's metadata)
are loaded on first use of a name that needs them, and the ``export`` subpackage (CSV,
Parquet, PLOVER and Phoenix output) on first access.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: The installed distribution's version ("0+unknown" when run from an uninstalled tree).
__version__: str

if TYPE_CHECKING:
    from . import export
    from .errors import DiploEventsError, InputTooLargeError, SchemaError
    from .explain import Decision, Explanation, explain
    from .model import (
        SCHEMA_VERSION,
        Actor,
        ActorKind,
        DatePrecision,
        DateSpan,
        Document,
        Event,
        Location,
        LocationKind,
        Meeting,
        MilitaryExercise,
        Modality,
        Span,
        Statement,
        TerritorialChange,
        TerritorialChangeKind,
    )
    from .parser import parse, parse_document
    from .schema import json_schema
    from .serialize import from_dict, from_json, to_dict, to_json

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "DatePrecision",
    "DateSpan",
    "Decision",
    "DiploEventsError",
    "Document",
    "Event",
    "Explanation",
    "InputTooLargeError",
    "Location",
    "LocationKind",
    "Meeting",
    "MilitaryExercise",
    "Modality",
    "SchemaError",
    "Span",
    "Statement",
    "TerritorialChange",
    "TerritorialChangeKind",
    "__version__",
    "explain",
    "export",
    "from_dict",
    "from_json",
    "json_schema",
    "parse",
    "parse_document",
    "to_dict",
    "to_json",
]

# Public name -> the private module that defines it (loaded on first access).
_LAZY: dict[str, str] = {
    "DiploEventsError": "errors",
    "InputTooLargeError": "errors",
    "SchemaError": "errors",
    "Decision": "explain",
    "Explanation": "explain",
    "explain": "explain",
    "parse": "parser",
    "parse_document": "parser",
    "json_schema": "schema",
    "from_dict": "serialize",
    "from_json": "serialize",
    "to_dict": "serialize",
    "to_json": "serialize",
}
_LAZY.update(
    dict.fromkeys(
        (
            "SCHEMA_VERSION",
            "Actor",
            "ActorKind",
            "DatePrecision",
            "DateSpan",
            "Document",
            "Event",
            "Location",
            "LocationKind",
            "Meeting",
            "MilitaryExercise",
            "Modality",
            "Span",
            "Statement",
            "TerritorialChange",
            "TerritorialChangeKind",
        ),
        "model",
    )
)


#: Public subpackages, imported on first access.
_SUBPACKAGES = frozenset({"export"})


def _version() -> str:
    # importlib.metadata costs more to import than the rest of the package: only on demand.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplo-events")
    except PackageNotFoundError:  # pragma: no cover - a source tree that was not installed
        return "0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = _version()
        globals()[name] = value
        return value
    if name in _SUBPACKAGES:
        return importlib.import_module(f".{name}", __name__)  # the import sets the attribute
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'diplo_events' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
