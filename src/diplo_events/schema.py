"""The JSON Schema (draft 2020-12) of the v1 wire format, generated from the attrs classes.

:func:`json_schema` walks the fields and type hints of the model classes, so the
schema cannot drift from what :mod:`diplo_events.serialize` writes: every key the
serializer writes is ``required`` (``None`` is written as ``null``), keys keep
field order, and extra keys are allowed (forward compatibility). Constraints come
from the fields' validators: alpha-3 codes, non-negative counts and offsets,
confidence in [0, 1], non-blank names, at least one piece of evidence, at least
one meeting participant. Checks across fields (``start <= end``, a span's
``end - start == len(text)``, a location's name or country) are stated in the
descriptions; JSON Schema cannot express them.

Regenerate the checked-in copy with::

    python -m diplo_events.schema > schema/diplo-events.schema.json
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import types
from typing import Any, Union, get_args, get_origin

import attrs

from . import model
from .model import EVENT_TYPES, SCHEMA_VERSION, Actor, DateSpan, Document, Location, Span

__all__ = ["json_schema", "json_schema_text"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_VALUES: tuple[type, ...] = (Span, Actor, Location, DateSpan)
# The serializer reads and writes exactly YYYY-MM-DD.
_DATE = {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
# What the model checks beyond the types of single fields, for the descriptions.
_CROSS_FIELD = {
    Span: "end - start equals the length of text; text is input[start:end].",
    Location: "At least one of name and country is not null.",
}


def _validator_constraints(validator: Any) -> dict[str, Any]:
    """JSON Schema keywords for one attrs validator of the model (empty if it adds none)."""
    if validator is model._alpha3:
        return {"pattern": "^[A-Z]{3}$"}
    if validator in (model._non_negative_int, model._offset):
        return {"minimum": 0}
    if validator is model._confidence:
        return {"minimum": 0, "maximum": 1}
    if validator in (model._non_empty, model._optional_non_empty):
        return {"pattern": "\\S"}  # not blank (patterns are unanchored)
    if getattr(validator, "__qualname__", "").startswith(model._tuple_of.__qualname__):
        min_len = inspect.getclosurevars(validator).nonlocals.get("min_len", 0)
        return {"minItems": min_len} if min_len else {}
    return {}


def _type_schema(tp: Any, constraints: dict[str, Any]) -> dict[str, Any]:
    """The schema of a field of type ``tp``; ``constraints`` apply to its non-null value."""
    origin, args = get_origin(tp), get_args(tp)
    if origin in (Union, types.UnionType):
        (inner,) = (a for a in args if a is not type(None))
        return {"anyOf": [_type_schema(inner, constraints), {"type": "null"}]}
    if origin is tuple:
        item = args[0]
        items = {"pattern": constraints["pattern"]} if "pattern" in constraints else {}
        array_keywords = {k: v for k, v in constraints.items() if k == "minItems"}
        return {"type": "array", "items": _type_schema(item, items), **array_keywords}
    if tp is model.Event:
        return {"$ref": "#/$defs/Event"}
    if attrs.has(tp):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return {"type": "string", "enum": [member.value for member in tp]}
    if tp is dt.date:
        return dict(_DATE)
    simple: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return {"type": simple[tp], **constraints}
    raise TypeError(f"no JSON Schema for type {tp!r}")  # pragma: no cover - model changed


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or cls.__name__
    first = doc.strip().split("\n\n")[0].replace("\n", " ")
    return first.replace("``", "").replace(":class:", "")


def _class_schema(cls: type) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    tag: str | None = getattr(cls, "type", None) if issubclass(cls, model.Event) else None
    if tag is not None:
        properties["type"] = {"const": tag}
    for field in attrs.fields(cls):
        if cls is Document and field.name == "schema_version":
            properties[field.name] = {"const": SCHEMA_VERSION}
            continue
        properties[field.name] = _type_schema(field.type, _validator_constraints(field.validator))
    description = _summary(cls)
    if cls in _CROSS_FIELD:
        description += " " + _CROSS_FIELD[cls]
    return {
        "type": "object",
        "title": cls.__name__,
        "description": description,
        "properties": properties,
        "required": list(properties),
        "additionalProperties": True,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a v1 document; every class is in ``$defs``.

    Validate one event against ``{"$ref": "#/$defs/Event", "$defs": ...}`` of it.
    A fresh dict on every call: callers may modify it.
    """
    for cls in (*_VALUES, Document, *EVENT_TYPES.values()):
        attrs.resolve_types(cls)
    defs: dict[str, Any] = {cls.__name__: _class_schema(cls) for cls in _VALUES}
    for cls in EVENT_TYPES.values():
        defs[cls.__name__] = _class_schema(cls)
    defs["Event"] = {
        "title": "Event",
        "description": "Any event: the tagged union of the event types on its 'type' key.",
        "oneOf": [{"$ref": f"#/$defs/{cls.__name__}"} for cls in EVENT_TYPES.values()],
    }
    defs["Document"] = _class_schema(Document)
    return {
        "$schema": _DIALECT,
        "$comment": "Generated by `python -m diplo_events.schema`; do not edit by hand.",
        "title": f"diplo-events wire format v{SCHEMA_VERSION}",
        "description": "One article's events, as written by diplo_events.to_json(document).",
        "$ref": "#/$defs/Document",
        "$defs": defs,
    }


def json_schema_text() -> str:
    """:func:`json_schema` as pretty, key-sorted JSON with a trailing newline.

    This is the content of the checked-in ``schema/diplo-events.schema.json``.
    """
    return json.dumps(json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(json_schema_text())
