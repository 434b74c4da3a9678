"""The typed event schema: frozen attrs classes for the v1 wire format.

Values (:class:`Span`, :class:`Actor`, :class:`Location`, :class:`DateSpan`)
are small immutable records; the four event types share the fields of
:class:`Event`. Every class validates its fields when it is built, so an
object that exists is a valid one. The JSON form is described in
``docs/model.md`` and the published JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, cast

import attrs

from ._messages import shorten

__all__ = [
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
]

#: The wire-format version this library writes and reads.
SCHEMA_VERSION = "1"

_ALPHA3 = re.compile(r"[A-Z]{3}")


class ActorKind(enum.StrEnum):
    """What sort of party an :class:`Actor` is."""

    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed_group"


class LocationKind(enum.StrEnum):
    """What sort of place a :class:`Location` is."""

    CITY = "city"
    COUNTRY = "country"
    REGION = "region"
    BORDER = "border"
    SITE = "site"
    WATER = "water"


class DatePrecision(enum.StrEnum):
    """How precisely a :class:`DateSpan` is known."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Modality(enum.StrEnum):
    """Whether an event happened: "met" / "will meet" / "did not meet" / "could meet"."""

    REALIZED = "realized"
    PLANNED = "planned"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"


class TerritorialChangeKind(enum.StrEnum):
    """How control over territory changed."""

    CAPTURE = "capture"
    WITHDRAWAL = "withdrawal"
    ANNEXATION = "annexation"
    HANDOVER = "handover"


# --- validators -------------------------------------------------------------


def _non_empty(inst: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string")


def _optional_non_empty(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string or None, got {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string or None")


#: Codes already found to be well formed (at most 26**3 of them).
_ALPHA3_SEEN: set[str] = set()


def _alpha3(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or (value.__class__ is str and value in _ALPHA3_SEEN):
        return
    if not isinstance(value, str) or not _ALPHA3.fullmatch(value):
        raise ValueError(
            f"{attribute.name} must be an ISO 3166-1 alpha-3 code"
            f" (three upper-case letters), got {shorten(value)}"
        )
    if value.__class__ is str:
        _ALPHA3_SEEN.add(value)


def _non_negative_int(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be an int or None, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be non-negative, got {shorten(value)}")


def _offset(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    # Span offsets are the most common ints: test the usual case first.
    if value.__class__ is not int and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"{attribute.name} must be an int, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be non-negative, got {shorten(value)}")


def _confidence(inst: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(f"{attribute.name} must be a number, got {type(value).__name__}")
    if not (0.0 <= value <= 1.0 and math.isfinite(value)):  # no float() of a huge int
        raise ValueError(f"{attribute.name} must be in [0, 1], got {shorten(value)}")


def _date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # datetime is a subclass of date; a datetime would serialize with a time part.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise TypeError(f"{attribute.name} must be a datetime.date, got {type(value).__name__}")


def _optional_date(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _date(inst, attribute, value)


def _instance(cls: type) -> Any:
    """attrs' ``instance_of(cls)``, with the test of a valid value in one call (attrs'
    own validator runs, to raise its error, only for a value that fails)."""
    full: Any = attrs.validators.instance_of(cls)

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, cls):
            full(inst, attribute, value)

    return check


def _optional(cls: type) -> Any:
    """attrs' ``optional(instance_of(cls))``, tested as :func:`_instance` is."""
    full: Any = attrs.validators.optional(attrs.validators.instance_of(cls))

    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, cls):
            full(inst, attribute, value)

    return check


def _tuple_of(cls: type, *, min_len: int = 0) -> Any:
    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise TypeError(f"{attribute.name} must be a tuple, got {type(value).__name__}")
        if len(value) < min_len:
            raise ValueError(f"{attribute.name} must hold at least {min_len} item(s)")
        for i, item in enumerate(value):
            if not isinstance(item, cls):
                raise TypeError(
                    f"{attribute.name}[{i}] must be {cls.__name__}, got {type(item).__name__}"
                )

    return check


def _as_tuple(value: Any) -> Any:
    """Lists and other iterables become tuples. A string, a mapping or a non-iterable is
    left as it is, for the field's validator to reject with a message naming the field
    (a bare string would otherwise become a tuple of characters)."""
    if isinstance(value, tuple | str | bytes | Mapping) or not isinstance(value, Iterable):
        return value
    return tuple(value)


def _spans(value: Iterable[Span]) -> tuple[Span, ...]:
    return cast(tuple[Span, ...], _as_tuple(value))


def _actors(value: Iterable[Actor]) -> tuple[Actor, ...]:
    return cast(tuple[Actor, ...], _as_tuple(value))


def _locations(value: Iterable[Location]) -> tuple[Location, ...]:
    return cast(tuple[Location, ...], _as_tuple(value))


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return cast(tuple[str, ...], _as_tuple(value))


def _events(value: Iterable[Event]) -> tuple[Event, ...]:
    return cast(tuple[Event, ...], _as_tuple(value))


# --- values -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Span:
    """Evidence: ``text`` is exactly ``input[start:end]`` of the parsed string."""

    text: str = attrs.field(validator=_instance(str))
    start: int = attrs.field(validator=_offset)
    end: int = attrs.field(validator=_offset)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) must not be before start ({self.start})")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"end - start ({self.end - self.start}) must equal len(text) ({len(self.text)})"
            )

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span ``source[start:end]``."""
        return cls(text=source[start:end], start=start, end=end)


@attrs.frozen(kw_only=True)
class Actor:
    """A party to an event: a person, a state, an organization or an armed group."""

    name: str = attrs.field(validator=_non_empty)
    kind: ActorKind = attrs.field(validator=_instance(ActorKind))
    country: str | None = attrs.field(default=None, validator=_alpha3)
    organization: str | None = attrs.field(default=None, validator=_optional_non_empty)
    title: str | None = attrs.field(default=None, validator=_optional_non_empty)
    mention: Span | None = attrs.field(default=None, validator=_optional(Span))


@attrs.frozen(kw_only=True)
class Location:
    """Where something happened."""

    name: str | None = attrs.field(default=None, validator=_optional_non_empty)
    country: str | None = attrs.field(default=None, validator=_alpha3)
    kind: LocationKind | None = attrs.field(default=None, validator=_optional(LocationKind))
    mention: Span | None = attrs.field(default=None, validator=_optional(Span))

    def __attrs_post_init__(self) -> None:
        if self.name is None and self.country is None:
            raise ValueError("a location needs a name or a country")


@attrs.frozen(kw_only=True)
class DateSpan:
    """When something happened: ``start <= end``, with the precision it is known to."""

    start: dt.date = attrs.field(validator=_date)
    end: dt.date = attrs.field(validator=_date)
    precision: DatePrecision = attrs.field(
        default=DatePrecision.DAY, validator=_instance(DatePrecision)
    )
    text: str | None = attrs.field(default=None, validator=_optional(str))

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"start ({self.start}) must not be after end ({self.end})")

    @classmethod
    def day(cls, day: dt.date, text: str | None = None) -> DateSpan:
        """A single day."""
        return cls(start=day, end=day, precision=DatePrecision.DAY, text=text)


# --- events -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Event:
    """Fields every event has. Use one of the four subclasses."""

    #: The wire-format tag, ``"type"`` in JSON.
    type: ClassVar[str] = "event"

    id: str = attrs.field(validator=_non_empty)
    date: DateSpan | None = attrs.field(default=None, validator=_optional(DateSpan))
    location: Location | None = attrs.field(default=None, validator=_optional(Location))
    evidence: tuple[Span, ...] = attrs.field(converter=_spans, validator=_tuple_of(Span, min_len=1))
    modality: Modality = attrs.field(default=Modality.REALIZED, validator=_instance(Modality))
    confidence: float = attrs.field(default=1.0, validator=_confidence)
    rule: str = attrs.field(default="manual", validator=_non_empty)
    cameo: str | None = attrs.field(default=None, validator=_optional_non_empty)
    plover: str | None = attrs.field(default=None, validator=_optional_non_empty)

    def __attrs_post_init__(self) -> None:
        if type(self) is Event:
            raise TypeError("Event is abstract: build a Meeting, MilitaryExercise, ...")


@attrs.frozen(kw_only=True)
class Meeting(Event):
    """Two or more parties met, held talks, negotiated or visited."""

    type: ClassVar[str] = "meeting"

    participants: tuple[Actor, ...] = attrs.field(
        converter=_actors, validator=_tuple_of(Actor, min_len=1)
    )
    topics: tuple[str, ...] = attrs.field(default=(), converter=_strings, validator=_tuple_of(str))


@attrs.frozen(kw_only=True)
class MilitaryExercise(Event):
    """A drill, exercise, war game or manoeuvres by one or more states' forces."""

    type: ClassVar[str] = "military_exercise"

    participants: tuple[Actor, ...] = attrs.field(
        default=(), converter=_actors, validator=_tuple_of(Actor)
    )
    name: str | None = attrs.field(default=None, validator=_optional_non_empty)
    troops: int | None = attrs.field(default=None, validator=_non_negative_int)
    ships: int | None = attrs.field(default=None, validator=_non_negative_int)
    aircraft: int | None = attrs.field(default=None, validator=_non_negative_int)
    duration_days: int | None = attrs.field(default=None, validator=_non_negative_int)


@attrs.frozen(kw_only=True)
class TerritorialChange(Event):
    """Control over territory changed hands, or is claimed to have."""

    type: ClassVar[str] = "territorial_change"

    kind: TerritorialChangeKind = attrs.field(validator=_instance(TerritorialChangeKind))
    gainer: Actor | None = attrs.field(default=None, validator=_optional(Actor))
    loser: Actor | None = attrs.field(default=None, validator=_optional(Actor))
    places: tuple[Location, ...] = attrs.field(
        default=(), converter=_locations, validator=_tuple_of(Location)
    )
    count: int | None = attrs.field(default=None, validator=_non_negative_int)


@attrs.frozen(kw_only=True)
class Statement(Event):
    """A political actor publicly said, announced, warned, tweeted ... something."""

    type: ClassVar[str] = "statement"

    speaker: Actor = attrs.field(validator=_instance(Actor))
    content: str = attrs.field(validator=_instance(str))
    medium: str | None = attrs.field(default=None, validator=_optional_non_empty)


#: Event classes by their wire tag.
EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls for cls in (Meeting, MilitaryExercise, TerritorialChange, Statement)
}


@attrs.frozen(kw_only=True)
class Document:
    """One article's events: the top-level JSON object of the wire format."""

    schema_version: str = attrs.field(default=SCHEMA_VERSION)
    id: str | None = attrs.field(default=None, validator=_optional(str))
    published: dt.date | None = attrs.field(default=None, validator=_optional_date)
    events: tuple[Event, ...] = attrs.field(
        default=(), converter=_events, validator=_tuple_of(Event)
    )

    @schema_version.validator
    def _check_version(self, attribute: attrs.Attribute[str], value: str) -> None:
        if value != SCHEMA_VERSION:
            raise ValueError(
                f"unsupported schema_version {shorten(value)}: this version of diplo-events"
                f" reads {SCHEMA_VERSION!r}"
            )
