"""diplo-events: typed, serializable international-politics events from English news text.

>>> import diplo_events
>>> events = diplo_events.parse(text, published="2021-08-13")   # doctest: +SKIP
>>> print(diplo_events.to_json(events[0]))                       # doctest: +SKIP

Importing the package is cheap: the schema, the serializers and the parser
(with its gazetteers) are loaded on first use of a name that needs them, and the
``export`` subpackage (CSV, Parquet, PLOVER and Phoenix output) on first access.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("diplo-events")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from . import export
    from .errors import DiploEventsError, InputTooLargeError, SchemaError
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
    "DiploEventsError",
    "Document",
    "Event",
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


def __getattr__(name: str) -> Any:
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
