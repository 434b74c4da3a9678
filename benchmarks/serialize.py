"""Serialization benchmark: diplo-events vs stdlib json on plain dicts vs pydantic v2.

Run from the project root with the project venv (pydantic comes from the `bench` extra)::

    .venv/bin/python benchmarks/serialize.py [--events 10000] [--repeat 7] [--seed 2021]

It builds the same 10,000 mixed events every time (a small seeded generator, no
hypothesis), then times encode (objects -> JSON text), decode (JSON text ->
validated objects) and the round trip (encode + decode) for

* diplo-events with orjson (when installed) and with the stdlib ``json`` module,
* stdlib ``json.dumps`` / ``json.loads`` on the equivalent plain dicts (no objects,
  no validation: the floor for a pure-Python stack),
* pydantic v2 models equivalent to ours (same keys, same constraints, strict types,
  a discriminated union on ``"type"``).

Two workloads: one document holding every event (one call), and every event on its
own (one call per event, as JSON Lines). The contenders take turns in each of
``--repeat`` rounds (after a ``gc.collect()``); figures are the best round, and the
ratios printed are all measured in this same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from diplo_events import serialize
from diplo_events.model import (
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
from diplo_events.serialize import from_json, to_dict, to_json

# --- a deterministic event generator ---------------------------------------------------

_STATES = [("Turkmenistan", "TKM"), ("Turkey", "TUR"), ("Norway", "NOR"), ("Chile", "CHL")]
_STATES += [("Japan", "JPN"), ("Kenya", "KEN"), ("Peru", "PER"), ("Poland", "POL")]
_CITIES = [("Ashgabat", "TKM"), ("Ankara", "TUR"), ("Oslo", "NOR"), ("Lima", "PER")]
_TOPICS = ["trade", "energy", "security", "water", "migration", "a gas pipeline"]
_TITLES = [None, "Foreign Minister", "Deputy Foreign Minister", "spokesperson", "President"]


class _Generator:
    """Builds plausible, valid events from a seeded ``random.Random``."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.offset = 0

    def span(self) -> Span:
        words = self.rng.choice(_TOPICS) + " talks were held " + self.rng.choice(_TOPICS)
        start = self.offset
        self.offset += len(words) + 1
        return Span(text=words, start=start, end=start + len(words))

    def actor(self) -> Actor:
        rng = self.rng
        name, code = rng.choice(_STATES)
        if rng.random() < 0.4:
            return Actor(
                name=rng.choice(["A. ", "B. ", "C. "]) + rng.choice(["Ivanov", "Sato", "Ochieng"]),
                kind=ActorKind.PERSON,
                country=code,
                title=rng.choice(_TITLES),
                mention=self.span() if rng.random() < 0.5 else None,
            )
        if rng.random() < 0.2:
            return Actor(name="Taliban", kind=ActorKind.ARMED_GROUP, organization="Taliban")
        return Actor(name=name, kind=ActorKind.STATE, country=code)

    def location(self) -> Location | None:
        if self.rng.random() < 0.3:
            return None
        name, code = self.rng.choice(_CITIES)
        return Location(name=name, country=code, kind=LocationKind.CITY, mention=self.span())

    def date(self) -> DateSpan | None:
        if self.rng.random() < 0.2:
            return None
        start = dt.date(2021, 1, 1) + dt.timedelta(days=self.rng.randrange(365))
        days = self.rng.choice([0, 0, 0, 6, 30])
        precision = {0: DatePrecision.DAY, 6: DatePrecision.WEEK, 30: DatePrecision.MONTH}[days]
        return DateSpan(
            start=start, end=start + dt.timedelta(days=days), precision=precision, text="on Monday"
        )

    def common(self, i: int) -> dict[str, Any]:
        rng = self.rng
        return {
            "id": f"bench-{i:05d}",
            "date": self.date(),
            "location": self.location(),
            "evidence": tuple(self.span() for _ in range(rng.randint(1, 2))),
            "modality": rng.choice(list(Modality)),
            "confidence": round(rng.uniform(0.3, 1.0), 2),
            "rule": f"rule.{rng.randrange(20)}",
            "cameo": rng.choice([None, "040", "036"]),
            "plover": rng.choice([None, "CONSULT"]),
        }

    def event(self, i: int) -> Event:
        rng = self.rng
        kind = i % 4
        if kind == 0:
            return Meeting(
                **self.common(i),
                participants=tuple(self.actor() for _ in range(rng.randint(1, 3))),
                topics=tuple(rng.sample(_TOPICS, rng.randint(0, 2))),
            )
        if kind == 1:
            return MilitaryExercise(
                **self.common(i),
                participants=tuple(self.actor() for _ in range(rng.randint(0, 2))),
                name=rng.choice([None, "Zapad-2021", "Cold Response"]),
                troops=rng.choice([None, rng.randrange(100, 200_000)]),
                ships=rng.choice([None, rng.randrange(60)]),
                aircraft=rng.choice([None, rng.randrange(300)]),
                duration_days=rng.choice([None, rng.randrange(1, 30)]),
            )
        if kind == 2:
            return TerritorialChange(
                **self.common(i),
                kind=rng.choice(list(TerritorialChangeKind)),
                gainer=self.actor(),
                loser=self.actor() if rng.random() < 0.5 else None,
                places=tuple(loc for loc in (self.location(), self.location()) if loc),
                count=rng.choice([None, rng.randrange(40)]),
            )
        return Statement(
            **self.common(i),
            speaker=self.actor(),
            content="the talks were useful and would continue next month",
            medium=rng.choice([None, "tweet", "speech", "press_release"]),
        )


def build_document(n: int, seed: int) -> Document:
    gen = _Generator(seed)
    events = tuple(gen.event(i) for i in range(n))
    return Document(id="bench", published=dt.date(2021, 12, 31), events=events)


# --- pydantic v2 models equivalent to ours -------------------------------------------


def _pydantic_adapters() -> tuple[Any, Any]:
    """(document adapter, event adapter) for pydantic models equivalent to ours."""
    import pydantic
    from pydantic import BaseModel, ConfigDict, Field, model_validator

    non_empty = Field(pattern=r"\S")
    alpha3 = Field(pattern=r"^[A-Z]{3}$")
    config = ConfigDict(frozen=True, strict=True)

    class PSpan(BaseModel):
        model_config = config
        text: str
        start: int = Field(ge=0)
        end: int = Field(ge=0)

        @model_validator(mode="after")
        def _offsets(self) -> PSpan:
            if self.end < self.start or self.end - self.start != len(self.text):
                raise ValueError("inconsistent span")
            return self

    class PActor(BaseModel):
        model_config = config
        name: Annotated[str, non_empty]
        kind: ActorKind
        country: Annotated[str, alpha3] | None
        organization: Annotated[str, non_empty] | None
        title: Annotated[str, non_empty] | None
        mention: PSpan | None

    class PLocation(BaseModel):
        model_config = config
        name: Annotated[str, non_empty] | None
        country: Annotated[str, alpha3] | None
        kind: LocationKind | None
        mention: PSpan | None

        @model_validator(mode="after")
        def _named(self) -> PLocation:
            if self.name is None and self.country is None:
                raise ValueError("a location needs a name or a country")
            return self

    class PDateSpan(BaseModel):
        model_config = config
        start: dt.date
        end: dt.date
        precision: DatePrecision
        text: str | None

        @model_validator(mode="after")
        def _ordered(self) -> PDateSpan:
            if self.start > self.end:
                raise ValueError("start after end")
            return self

    class PEvent(BaseModel):
        model_config = config
        type: str  # each event class narrows it to its tag; declared here so it comes first
        id: Annotated[str, non_empty]
        date: PDateSpan | None
        location: PLocation | None
        evidence: tuple[PSpan, ...] = Field(min_length=1)
        modality: Modality
        confidence: float = Field(ge=0.0, le=1.0)
        rule: Annotated[str, non_empty]
        cameo: Annotated[str, non_empty] | None
        plover: Annotated[str, non_empty] | None

    class PMeeting(PEvent):
        type: Literal["meeting"]
        participants: tuple[PActor, ...] = Field(min_length=1)
        topics: tuple[str, ...]

    class PMilitaryExercise(PEvent):
        type: Literal["military_exercise"]
        participants: tuple[PActor, ...]
        name: Annotated[str, non_empty] | None
        troops: int | None = Field(ge=0)
        ships: int | None = Field(ge=0)
        aircraft: int | None = Field(ge=0)
        duration_days: int | None = Field(ge=0)

    class PTerritorialChange(PEvent):
        type: Literal["territorial_change"]
        kind: TerritorialChangeKind
        gainer: PActor | None
        loser: PActor | None
        places: tuple[PLocation, ...]
        count: int | None = Field(ge=0)

    class PStatement(PEvent):
        type: Literal["statement"]
        speaker: PActor
        content: str
        medium: Annotated[str, non_empty] | None

    PAnyEvent = Annotated[
        PMeeting | PMilitaryExercise | PTerritorialChange | PStatement,
        Field(discriminator="type"),
    ]

    class PDocument(BaseModel):
        model_config = config
        schema_version: Literal["1"]
        id: str | None
        published: dt.date | None
        events: tuple[PAnyEvent, ...]

    return pydantic.TypeAdapter(PDocument), pydantic.TypeAdapter(PAnyEvent)


# --- timing --------------------------------------------------------------------------


PHASES = ("encode", "decode", "round trip")
LABELS = {
    "ours (orjson)": "diplo-events + orjson",
    "ours (json)": "diplo-events + stdlib json",
    "stdlib": "stdlib json on plain dicts",
    "pydantic": "pydantic v2",
}
# A contender: its encode, decode and round-trip functions, and whether it must run with
# diplo-events forced onto the stdlib json module.
Contender = tuple[tuple[Callable[[], object], Callable[[], object], Callable[[], object]], bool]


@contextmanager
def json_backend(stdlib: bool) -> Iterator[None]:
    """Run diplo-events on the stdlib json module (``stdlib=True``) or its default."""
    saved = serialize._orjson
    if stdlib:
        serialize._orjson = None
    try:
        yield
    finally:
        serialize._orjson = saved


def interleaved(contenders: dict[str, Contender], repeat: int) -> dict[str, dict[str, float]]:
    """Best time of every phase of every contender, in seconds.

    The contenders take turns within each of the ``repeat`` rounds, so a change in the
    machine's load during the run affects them all alike and the ratios stay fair.
    """
    best = {name: dict.fromkeys(PHASES, float("inf")) for name in contenders}
    for _ in range(repeat):
        for name, (functions, stdlib) in contenders.items():
            with json_backend(stdlib):
                for phase, fn in zip(PHASES, functions, strict=True):
                    gc.collect()
                    start = time.perf_counter()
                    fn()
                    best[name][phase] = min(best[name][phase], time.perf_counter() - start)
    for name, row in best.items():
        print(f"  {LABELS[name]:<34}" + "".join(f"{row[k] * 1000:>12.1f}" for k in PHASES))
    return best


def _stdlib_dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _ours(
    encode: Callable[[], object], decode: Callable[[], object], roundtrip: Callable[[], object]
) -> dict[str, Contender]:
    contenders: dict[str, Contender] = {}
    if serialize._orjson is not None:
        contenders["ours (orjson)"] = ((encode, decode, roundtrip), False)
    contenders["ours (json)"] = ((encode, decode, roundtrip), True)
    return contenders


def run_document(doc: Document, repeat: int) -> dict[str, dict[str, float]]:
    """One document holding every event: one call each way."""
    doc_adapter, _ = _pydantic_adapters()
    text = to_json(doc)
    plain = to_dict(doc)
    plain_text = _stdlib_dumps(plain)
    pdoc = doc_adapter.validate_json(text)
    assert doc_adapter.dump_json(pdoc).decode() == text, "pydantic output differs from ours"
    assert from_json(text) == doc

    contenders = _ours(
        lambda: to_json(doc), lambda: from_json(text), lambda: from_json(to_json(doc))
    )
    contenders["stdlib"] = (
        (
            lambda: _stdlib_dumps(plain),
            lambda: json.loads(plain_text),
            lambda: json.loads(_stdlib_dumps(plain)),
        ),
        False,
    )
    contenders["pydantic"] = (
        (
            lambda: doc_adapter.dump_json(pdoc),
            lambda: doc_adapter.validate_json(text),
            lambda: doc_adapter.validate_json(doc_adapter.dump_json(pdoc)),
        ),
        False,
    )
    return interleaved(contenders, repeat)


def run_lines(doc: Document, repeat: int) -> dict[str, dict[str, float]]:
    """Every event on its own: one call per event each way (JSON Lines)."""
    _, event_adapter = _pydantic_adapters()
    events = doc.events
    texts = [to_json(e) for e in events]
    plains = [to_dict(e) for e in events]
    plain_texts = [_stdlib_dumps(p) for p in plains]
    pevents = [event_adapter.validate_json(t) for t in texts]

    contenders = _ours(
        lambda: [to_json(e) for e in events],
        lambda: [from_json(t, Event) for t in texts],
        lambda: [from_json(to_json(e), Event) for e in events],
    )
    contenders["stdlib"] = (
        (
            lambda: [_stdlib_dumps(p) for p in plains],
            lambda: [json.loads(t) for t in plain_texts],
            lambda: [json.loads(_stdlib_dumps(p)) for p in plains],
        ),
        False,
    )
    contenders["pydantic"] = (
        (
            lambda: [event_adapter.dump_json(p) for p in pevents],
            lambda: [event_adapter.validate_json(t) for t in texts],
            lambda: [event_adapter.validate_json(event_adapter.dump_json(p)) for p in pevents],
        ),
        False,
    )
    return interleaved(contenders, repeat)


def print_ratios(rows: dict[str, dict[str, float]]) -> None:
    for ours in ("ours (orjson)", "ours (json)"):
        if ours not in rows:
            continue
        for other in ("stdlib", "pydantic"):
            ratios = "".join(f"{rows[ours][k] / rows[other][k]:>12.2f}" for k in rows[ours])
            print(f"  {ours + ' / ' + other:<34}{ratios}")


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2021)
    args = parser.parse_args()

    import pydantic

    doc = build_document(args.events, args.seed)
    print(f"machine: {os.cpu_count()} CPUs, {cpu_model()}")
    print(
        f"python {platform.python_version()}, pydantic {pydantic.VERSION}, orjson "
        f"{getattr(serialize._orjson, '__version__', 'not installed')}"
    )
    print(
        f"{args.events} mixed events, {len(to_json(doc)):,} bytes of JSON, "
        f"best of {args.repeat} runs, milliseconds"
    )
    header = f"  {'':<34}" + "".join(f"{k:>12}" for k in ("encode", "decode", "round trip"))
    for title, run in (("one document", run_document), ("one event per call", run_lines)):
        print(f"\n{title}:\n{header}")
        rows = run(doc, args.repeat)
        print("ratios:")
        print_ratios(rows)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
