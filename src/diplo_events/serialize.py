"""JSON serialization of events and documents (the v1 wire format), built on cattrs.

``to_dict`` / ``to_json`` turn an :class:`~diplo_events.model.Event` or a
:class:`~diplo_events.model.Document` into plain JSON data; ``from_dict`` /
``from_json`` turn JSON data back into validated objects or raise
:class:`~diplo_events.errors.SchemaError`.

The wire form is canonical: the ``"type"`` tag comes first in every event, the
other keys follow in field order, every key is written (``None`` as ``null``),
dates are ``YYYY-MM-DD`` strings, enums their values, tuples arrays. JSON text
is compact UTF-8 (``ensure_ascii=False``), so equal objects always give
byte-identical JSON, with or without orjson (used automatically when installed:
``pip install diplo-events[fast]``).

Reading is strict: a value of the wrong JSON type is rejected, never coerced
(``42`` is not a string, ``1.9`` and ``true`` are not integers), and every key
the serializer writes must be present. Unknown extra keys are ignored so that
newer producers can add keys; an unknown event ``"type"`` or an unsupported
``schema_version`` is rejected.

Decoding runs a fast cattrs converter first; only when that fails is the input
decoded again with cattrs' detailed validation, whose
:class:`cattrs.ClassValidationError` tree is turned (with
:func:`cattrs.transform_error`) into one ``"path: problem"`` line per bad field.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import types
from collections.abc import Callable, Mapping, Set
from typing import Any, TypeVar, Union, cast, get_args, get_origin, overload

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.v import transform_error

from ._messages import shorten
from .errors import SchemaError
from .model import (
    EVENT_TYPES,
    SCHEMA_VERSION,
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Document,
    Event,
    Location,
    LocationKind,
    Modality,
    Span,
    TerritorialChangeKind,
)

#: orjson when installed (the `fast` extra), else None. Tests and the benchmark set it to
#: None to exercise the stdlib path.
_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T", bound=Event | Document)

# Every attrs class of the wire format; the four concrete events come from EVENT_TYPES.
_VALUE_CLASSES: tuple[type, ...] = (Span, Actor, Location, DateSpan)
_ENUMS: tuple[type[enum.Enum], ...] = (
    ActorKind,
    DatePrecision,
    LocationKind,
    Modality,
    TerritorialChangeKind,
)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# orjson writes floats below this magnitude as 0.00001 where json writes 1e-05.
_SMALLEST_PORTABLE_FLOAT = 1e-4


# --- messages ------------------------------------------------------------------------


def _json_type(value: object) -> str:
    """The JSON name of a Python value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def _show(value: object, limit: int = 60) -> str:
    """``repr`` of a user value, shortened so a huge input cannot flood the message."""
    return shorten(value, limit)


class _WrongType(TypeError):
    """A JSON value of the wrong type: ``expected a string, got integer``."""

    def __init__(self, expected: str, value: object) -> None:
        self.expected = expected
        self.got = _json_type(value)
        super().__init__(f"expected {expected}, got {self.got}")


def _expected(what: str, value: object) -> TypeError:
    return _WrongType(what, value)


# --- strict structure hooks (JSON value -> Python value) -----------------------------


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _expected("a string", value)


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _expected("an integer", value)


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return float(value)
    raise _expected("a number", value)


def _structure_date(value: object, _: object) -> dt.date:
    if not isinstance(value, str):
        raise _expected("a date string (YYYY-MM-DD)", value)
    if _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ValueError(f"invalid date {_show(value)}")


def _make_enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members: dict[object, enum.Enum] = {member.value: member for member in cls}
    choices = ", ".join(repr(value) for value in members)

    def structure_enum(value: object, _: object) -> enum.Enum:
        if isinstance(value, str):
            member = members.get(value)
            if member is not None:
                return member
            raise ValueError(f"invalid value {_show(value)} (expected one of {choices})")
        raise _expected("a string", value)

    return structure_enum


def _is_optional(tp: Any) -> bool:
    """``X | None`` (or ``Optional[X]``)."""
    args = get_args(tp)
    return get_origin(tp) in (Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional(conv: Converter, tp: Any) -> Callable[[object, object], Any]:
    """``X | None``: cattrs' own hook looks the hook of ``X`` up on every call."""
    (item_type,) = (arg for arg in get_args(tp) if arg is not type(None))
    item = conv.get_structure_hook(item_type)

    def structure_optional(value: object, _: object) -> Any:
        if value is None:
            return None
        try:
            return item(value, item_type)
        except _WrongType as exc:
            raise _WrongType(f"{exc.expected} or null", value) from None

    return structure_optional


def _is_homogeneous_tuple(tp: Any) -> bool:
    args = get_args(tp)
    return get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


# --- the converter -------------------------------------------------------------------


def _strip_name(message: str, name: str) -> str:
    """``"country must be ..."`` -> ``"must be ..."``: the path already names the field."""
    prefix = f"{name} "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _with_note(exc: Exception, note: str) -> Exception:
    exc.add_note(note)
    return exc


class _Codec:
    """Two cattrs converters sharing one configuration: fast and with detailed validation.

    The detailed one only reads input that the fast one rejected, so it is built then.
    """

    def __init__(self) -> None:
        self.fast = self._build(detailed=False)
        self.structure_fast: dict[type, Callable[[Any, Any], Any]] = {}
        for cls in (Document, Event, *EVENT_TYPES.values()):
            self.structure_fast[cls] = self.fast.get_structure_hook(cls)
        self.unstructure_event = self.fast.get_unstructure_hook(Event)
        self.unstructure_document = self.fast.get_unstructure_hook(Document)

    @functools.cached_property
    def structure_detailed(self) -> dict[type, Callable[[Any, Any], Any]]:
        detailed = self._build(detailed=True)
        return {cls: detailed.get_structure_hook(cls) for cls in self.structure_fast}

    def _build(self, *, detailed: bool) -> Converter:
        conv = Converter(detailed_validation=detailed, forbid_extra_keys=False)
        for cls in (Document, *_VALUE_CLASSES, *EVENT_TYPES.values()):
            attrs.resolve_types(cls)

        # JSON value -> Python value, strictly.
        # Class hooks: cattrs' own hooks for these classes win over predicate hooks. The
        # enums get their own (more specific) hooks, else the str hook would take them.
        conv.register_structure_hook(str, _structure_str)
        conv.register_structure_hook(int, _structure_int)
        conv.register_structure_hook(float, _structure_float)
        conv.register_structure_hook(dt.date, _structure_date)
        for enum_cls in _ENUMS:
            conv.register_structure_hook(enum_cls, _make_enum_hook(enum_cls))
        conv.register_structure_hook_factory(
            _is_homogeneous_tuple, functools.partial(self._tuple_structure, conv, detailed)
        )
        conv.register_structure_hook_factory(_is_optional, functools.partial(_optional, conv))
        # Register in dependency order: make_dict_structure_fn looks up field hooks now.
        for cls in (*_VALUE_CLASSES, *EVENT_TYPES.values()):
            conv.register_structure_hook(cls, self._class_structure(conv, cls, detailed))
        conv.register_structure_hook(Event, self._event_structure(conv, detailed))
        conv.register_structure_hook(Document, self._class_structure(conv, Document, detailed))

        if detailed:  # only reads need detailed errors
            return conv

        # Python value -> JSON value.
        conv.register_unstructure_hook(dt.date, dt.date.isoformat)
        for enum_cls in _ENUMS:
            conv.register_unstructure_hook(enum_cls, _enum_value)
        conv.register_unstructure_hook(float, _unstructure_float)
        conv.register_unstructure_hook_factory(
            _is_homogeneous_tuple, functools.partial(_tuple_unstructure, conv)
        )
        for cls in _VALUE_CLASSES:
            conv.register_unstructure_hook(cls, make_dict_unstructure_fn(cls, conv))
        by_class: dict[type, Callable[[Any], dict[str, Any]]] = {}
        for cls in EVENT_TYPES.values():
            by_class[cls] = _tagged(cls.type, make_dict_unstructure_fn(cls, conv))
            conv.register_unstructure_hook(cls, by_class[cls])

        def unstructure_event(obj: Event) -> dict[str, Any]:
            return by_class[obj.__class__](obj)

        conv.register_unstructure_hook(Event, unstructure_event)
        conv.register_unstructure_hook(Document, make_dict_unstructure_fn(Document, conv))
        return conv

    # -- structure: containers ---------------------------------------------------

    @staticmethod
    def _tuple_structure(
        conv: Converter, detailed: bool, tp: Any
    ) -> Callable[[object, object], tuple[Any, ...]]:
        item_type = get_args(tp)[0]
        item = conv.get_structure_hook(item_type)

        def fast(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _expected("an array", value)
            return tuple([item(x, item_type) for x in value])

        def slow(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _expected("an array", value)
            out: list[Any] = []
            errors: list[Exception] = []
            for index, x in enumerate(value):
                try:
                    out.append(item(x, item_type))
                except Exception as exc:
                    note = f"Structuring {tp} @ index {index}"
                    errors.append(_with_note(exc, IterableValidationNote(note, index, item_type)))
            if errors:
                raise IterableValidationError(f"While structuring {tp}", errors, tp)
            return tuple(out)

        return slow if detailed else fast

    # -- structure: attrs classes ------------------------------------------------

    def _class_structure(
        self, conv: Converter, cls: type, detailed: bool
    ) -> Callable[[object, object], Any]:
        fields = attrs.fields(cls)
        tag: str | None = getattr(cls, "type", None) if issubclass(cls, Event) else None
        keys = frozenset(f.name for f in fields) | ({"type"} if tag else set())
        generated: Callable[[Any, Any], Any] = make_dict_structure_fn(
            cls, conv, _cattrs_detailed_validation=detailed
        )
        check_version = cls is Document

        def fast(value: Any, _: object) -> Any:
            # Not a dict -> AttributeError; the caller then decodes again, in detail.
            if value.keys() >= keys and (tag is None or value["type"] == tag):
                return generated(value, cls)
            raise ValueError("missing key or wrong type tag")

        def slow(value: object, _: object) -> Any:
            if not isinstance(value, dict):
                raise _expected("an object", value)
            if check_version:
                _check_schema_version(value)
            errors: list[Exception] = []
            if tag is not None:
                errors.extend(_tag_errors(value, tag, cls))
            for f in fields:
                if f.name not in value and f.default is not attrs.NOTHING:
                    # cattrs reports missing keys of fields without a default itself.
                    errors.append(_attribute_error(KeyError(f.name), f.name, f.type, cls))
            try:
                obj = generated(value, cls)
            except ClassValidationError as exc:
                with_notes, without = exc.group_exceptions()
                if with_notes:  # fields that did not structure; check the others too
                    errors.extend(exc.exceptions)
                    failed = {note.name for _, note in with_notes}
                    errors.extend(_locate_validator_errors(conv, cls, value, failed))
                else:  # every field structured: a validator of the class said no
                    errors.extend(_locate_validator_errors(conv, cls, value) or without)
            if errors:
                raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)
            return obj

        return slow if detailed else fast

    def _event_structure(self, conv: Converter, detailed: bool) -> Callable[[object, object], Any]:
        hooks = {tag: conv.get_structure_hook(cls) for tag, cls in EVENT_TYPES.items()}

        def structure_event(value: object, _: object) -> Event:
            if not isinstance(value, dict):
                raise _expected("an object", value)
            tag = value.get("type")
            hook = hooks.get(tag) if isinstance(tag, str) else None
            if hook is None:
                if not detailed:
                    raise ValueError("bad event type")
                raise ClassValidationError(
                    "While structuring Event", _tag_errors(value, None, Event), Event
                )
            return cast(Event, hook(value, None))

        return structure_event


def _enum_value(member: enum.Enum) -> Any:
    return member.value


def _unstructure_float(value: float) -> float:
    # float() makes an int confidence write as 1.0; + 0.0 turns -0.0 into 0.0, so
    # equal objects write identical JSON.
    return float(value) + 0.0


def _tuple_unstructure(conv: Converter, tp: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
    item = conv.get_unstructure_hook(get_args(tp)[0])
    return lambda value: [item(x) for x in value]


def _tagged(
    tag: str, generated: Callable[[Any], dict[str, Any]]
) -> Callable[[Any], dict[str, Any]]:
    def unstructure(obj: Any) -> dict[str, Any]:
        return {"type": tag, **generated(obj)}

    return unstructure


def _attribute_error(exc: Exception, name: str, tp: Any, cls: type) -> Exception:
    note = f"Structuring class {cls.__qualname__} @ attribute {name}"
    return _with_note(exc, AttributeValidationNote(note, name, tp))


def _tag_errors(value: dict[Any, Any], expected: str | None, cls: type) -> list[Exception]:
    """Errors of the ``"type"`` tag: missing, not a string, unknown, or not ``expected``."""
    if "type" not in value:
        exc: Exception = KeyError("type")
    else:
        tag = value["type"]
        if not isinstance(tag, str):
            exc = _expected("a string", tag)
        elif expected is not None and tag != expected:
            exc = ValueError(f"expected {expected!r}, got {_show(tag)}")
        elif tag not in EVENT_TYPES:
            choices = ", ".join(repr(t) for t in EVENT_TYPES)
            exc = ValueError(f"unknown event type {_show(tag)} (expected one of {choices})")
        else:
            return []
    return [_attribute_error(exc, "type", str, cls)]


def _check_schema_version(value: dict[Any, Any]) -> None:
    """Reject a document of another wire-format version before looking at its events."""
    version = value.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, str) and version != SCHEMA_VERSION:
        exc = ValueError(
            f"unsupported schema_version {_show(version)}: this version of diplo-events"
            f" reads {SCHEMA_VERSION!r}"
        )
        raise ClassValidationError(
            "While structuring Document",
            [_attribute_error(exc, "schema_version", str, Document)],
            Document,
        )


def _message(exc: BaseException) -> str:
    """The text of an exception (attrs' ``instance_of`` puts it first in a tuple of args)."""
    if exc.args and isinstance(exc.args[0], str):
        return exc.args[0]
    return str(exc)


def _locate_validator_errors(
    conv: Converter, cls: type, value: Mapping[str, Any], skip: Set[str] = frozenset()
) -> list[Exception]:
    """Run each field's attrs validator alone, to name the field(s) a validator rejected.

    Only called on the failure path. Fields in ``skip`` (already reported) and
    fields that do not structure are left out. An empty result after every field
    structured means a check across fields (``__attrs_post_init__``) failed: the
    caller reports that exception at the object's own path.
    """
    errors: list[Exception] = []
    for f in attrs.fields(cls):
        if f.validator is None or f.name not in value or f.name in skip:
            continue
        try:
            item = conv.structure(value[f.name], f.type)
        except Exception:
            continue
        if f.converter is not None:
            item = f.converter(item)
        try:
            f.validator(None, f, item)
        except (ValueError, TypeError) as exc:
            message = _strip_name(_message(exc), f.name)
            errors.append(_attribute_error(type(exc)(message), f.name, f.type, cls))
    return errors


@functools.cache
def _codec() -> _Codec:
    """The converters, built on first use (importing this module stays cheap)."""
    return _Codec()


# --- errors --------------------------------------------------------------------------


def _describe(exc: BaseException, _: object) -> str:
    if isinstance(exc, KeyError):
        return "required key missing"
    return _message(exc)


def _schema_error(exc: BaseException) -> SchemaError:
    """Turn a (detailed) cattrs error tree into a SchemaError of ``"path: problem"`` lines."""
    lines: list[str] = []
    for line in transform_error(exc, path="$", format_exception=_describe):
        problem, _, path = line.rpartition(" @ ")
        if path.startswith("$."):
            path = path[2:]
        lines.append(f"{path}: {problem}")
    return SchemaError(lines)


# --- public API ----------------------------------------------------------------------


def to_dict(obj: Event | Document) -> dict[str, Any]:
    """The JSON data (dicts, lists, strings, numbers, None) of an event or a document."""
    codec = _codec()
    if isinstance(obj, Document):
        return cast(dict[str, Any], codec.unstructure_document(obj))
    if isinstance(obj, Event):
        return cast(dict[str, Any], codec.unstructure_event(obj))
    raise TypeError(f"expected an Event or a Document, got {type(obj).__name__}")


def _portable_for_orjson(obj: Event | Document) -> bool:
    """False if orjson would format a float differently from json (tiny confidences)."""
    events = obj.events if isinstance(obj, Document) else (obj,)
    return not any(0.0 < e.confidence < _SMALLEST_PORTABLE_FLOAT for e in events)


def to_json(obj: Event | Document, *, indent: int | None = None) -> str:
    """Canonical JSON text of an event or a document.

    Compact (no spaces) unless ``indent`` is given; non-ASCII characters are
    written as they are. The text is the same with and without orjson.
    """
    return _dumps_canonical(to_dict(obj), obj, indent=indent)


def _dumps_canonical(
    data: dict[str, Any], obj: Event | Document, *, indent: int | None = None
) -> str:
    """The canonical JSON text of ``data``, the :func:`to_dict` of ``obj`` (possibly
    edited): what :func:`to_json` writes. Internal: the parser hashes it for ids."""
    if _orjson is not None and indent in (None, 2) and _portable_for_orjson(obj):
        option = _orjson.OPT_INDENT_2 if indent == 2 else 0
        try:
            return cast(str, _orjson.dumps(data, option=option).decode())
        except _orjson.JSONEncodeError:
            pass  # lone surrogates or integers beyond 64 bits: the stdlib writes them
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(data, ensure_ascii=False, indent=indent, separators=(",", ": "))
    return escape_surrogates(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def escape_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as a JSON ``\\uXXXX`` escape.

    Lone surrogates (``"\\ud800"``) are not Unicode characters and cannot be encoded
    as UTF-8; escaped, the JSON text can, and reads back to the same string. They can
    only stand inside JSON strings, where the escape means the same code point.
    """
    if text.isascii() or _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_ALLOWED = "Document, Event or one of " + ", ".join(c.__name__ for c in EVENT_TYPES.values())


_NEITHER = (
    '$: expected a document (an object with "schema_version") or an event (an object with'
    ' "type"); pass cls to say which'
)


def _what_to_read(data: object) -> type[Document] | type[Event]:
    """The class :func:`from_dict` reads when no ``cls`` is given: what :func:`to_dict` wrote.

    An object with ``"schema_version"`` (or ``"events"``) is a document, one with a
    ``"type"`` tag an event; anything that is not an object is reported as a bad document.
    """
    if isinstance(data, dict):
        if "schema_version" in data or "events" in data:
            return Document
        if "type" in data:
            return Event
        raise SchemaError([_NEITHER])
    return Document


@overload
def from_dict(data: object, cls: None = None) -> Document | Event: ...
@overload
def from_dict(data: object, cls: type[T]) -> T: ...
def from_dict(data: object, cls: type[Any] | None = None) -> Any:
    """Build a validated document or event from JSON data (what :func:`to_dict` returns).

    Without ``cls``, ``data`` is read as what it is: a :class:`~diplo_events.Document`
    when it has a ``"schema_version"`` key, else an event of the type its ``"type"`` tag
    names, so ``from_dict(to_dict(x)) == x`` for every document and event. Pass ``cls``
    to require one kind: :class:`~diplo_events.Document`, :class:`~diplo_events.Event`
    (any event type, chosen by its ``"type"``) or one concrete event class; the return
    type then follows ``cls``, also for type checkers.

    Raises :class:`~diplo_events.SchemaError` listing every bad field; never returns a
    partially built object.
    """
    if cls is None:
        cls = _what_to_read(data)
    codec = _codec()
    hook = codec.structure_fast.get(cls)
    if hook is None:
        raise TypeError(f"cls must be {_ALLOWED}, got {cls!r}")
    try:
        return hook(data, cls)
    except Exception as fast_error:
        detailed_error: BaseException | None = None
        try:
            codec.structure_detailed[cls](data, cls)
        except (BaseValidationError, ValueError, TypeError) as exc:
            detailed_error = exc
        if detailed_error is None:  # pragma: no cover - the two converters agree
            raise SchemaError([f"$: {fast_error}"]) from fast_error
        raise _schema_error(detailed_error) from None


def _loads(data: str | bytes) -> object:
    if _orjson is not None:
        try:
            return _orjson.loads(data)
        except _orjson.JSONDecodeError:
            pass  # NaN, huge integers, lone surrogates...: let the stdlib decide
    return json.loads(data)


@overload
def from_json(data: str | bytes, cls: None = None) -> Document | Event: ...
@overload
def from_json(data: str | bytes, cls: type[T]) -> T: ...
def from_json(data: str | bytes, cls: type[Any] | None = None) -> Any:
    """Parse JSON text (``str`` or UTF-8 ``bytes``) into a validated document or event.

    Reads what :func:`to_json` writes: ``from_json(to_json(x)) == x`` for every
    document and event. ``cls`` works as in :func:`from_dict`. Text that is not JSON
    at all also raises :class:`~diplo_events.SchemaError` (path ``$``).
    """
    if not isinstance(data, str | bytes | bytearray):
        raise TypeError(f"data must be str or bytes, got {type(data).__name__}")
    try:
        value = _loads(data)
    except RecursionError:
        raise SchemaError(["$: invalid JSON: nested too deeply"]) from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise SchemaError([f"$: invalid JSON: {exc}"]) from None
    return from_dict(value, cls)
