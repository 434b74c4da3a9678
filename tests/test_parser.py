"""The parser on the seed article and on sentences written for these tests."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import diplo_events as de
from diplo_events import (
    InputTooLargeError,
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)

SEED = (Path(__file__).parent.parent / "seeds" / "000_22928ed1188cab94.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def seed_events() -> list[de.Event]:
    return de.parse(SEED, published="2021-08-13")


def _keys(actors: tuple[de.Actor, ...]) -> set[str]:
    return {a.country or a.organization or a.name for a in actors}


def _realized(events: list[de.Event], cls: type[de.Event]) -> list[de.Event]:
    return [e for e in events if isinstance(e, cls) and e.modality is Modality.REALIZED]


@pytest.mark.parametrize(("side", "person"), [("TKM", "Vepa Hajiev"),
                                              ("UZB", "Ismatulla Irgashev")])  # fmt: skip
def test_seed_meeting_with_each_counterpart(
    seed_events: list[de.Event], side: str, person: str
) -> None:
    # "Baradar met X and the Uzbek envoy, Y, in Qatar": one meeting per counterpart
    meetings = _realized(seed_events, Meeting)
    match = [m for m in meetings if isinstance(m, Meeting) and
             {side, "Taliban"} == _keys(m.participants)]  # fmt: skip
    assert len(match) == 1, meetings
    m = match[0]
    assert isinstance(m, Meeting)
    assert m.date is not None
    assert m.date.start == dt.date(2021, 8, 11)
    assert m.location is not None
    assert m.location.country == "QAT"
    assert {"Abdul Ghani Baradar", person} == {a.name for a in m.participants}


def test_seed_meeting_with_russian_envoy(seed_events: list[de.Event]) -> None:
    meetings = _realized(seed_events, Meeting)
    assert any(
        isinstance(m, Meeting) and {"RUS", "Taliban"} <= _keys(m.participants)
        and any(a.name == "Zamir Kabulov" for a in m.participants)
        for m in meetings
    )  # fmt: skip


def test_seed_doha_meeting(seed_events: list[de.Event]) -> None:
    meetings = _realized(seed_events, Meeting)
    assert any(
        m.location is not None and m.location.name == "Doha" and "international meeting" in
        " ".join(s.text for s in m.evidence)
        for m in meetings
    )  # fmt: skip


def test_seed_exercise(seed_events: list[de.Event]) -> None:
    exercises = _realized(seed_events, MilitaryExercise)
    assert len(exercises) == 1
    ex = exercises[0]
    assert isinstance(ex, MilitaryExercise)
    assert _keys(ex.participants) == {"RUS", "TJK", "UZB"}
    assert ex.troops == 2500
    assert ex.duration_days == 7
    assert ex.date is not None
    assert ex.date.start.month == 8
    assert ex.cameo == "062"
    assert ex.plover == "COOPERATE"


def test_seed_capture_of_provincial_capitals(seed_events: list[de.Event]) -> None:
    captures = [
        e
        for e in _realized(seed_events, TerritorialChange)
        if isinstance(e, TerritorialChange) and e.kind is TerritorialChangeKind.CAPTURE
    ]
    assert len(captures) == 1
    cap = captures[0]
    assert isinstance(cap, TerritorialChange)
    assert cap.gainer is not None
    assert cap.gainer.organization == "Taliban"
    assert cap.loser is not None
    assert cap.loser.country == "AFG"
    assert cap.count == 12
    assert {"Kandahar", "Herat", "Ghazni"} <= {p.name for p in cap.places}


def test_seed_statements(seed_events: list[de.Event]) -> None:
    statements = [e for e in _realized(seed_events, Statement) if isinstance(e, Statement)]
    speakers = {(s.speaker.name, s.speaker.country or s.speaker.organization) for s in statements}
    assert ("Suhail Shaheen", "Taliban") in speakers
    assert any(s.speaker.country == "TKM" for s in statements)
    assert any(s.speaker.country == "USA" for s in statements)
    tweet = [s for s in statements if s.speaker.name == "Suhail Shaheen" and s.date is not None]
    assert tweet
    assert tweet[0].medium == "tweet"
    assert tweet[0].date is not None
    assert tweet[0].date.start == dt.date(2021, 8, 12)


def test_seed_nothing_from_also_read_lines(seed_events: list[de.Event]) -> None:
    also = [i for i in range(len(SEED)) if SEED.startswith("Also Read", i)]
    assert also
    for event in seed_events:
        for span in event.evidence:
            assert not any(span.start <= i < span.end for i in also)


def test_evidence_points_into_the_input(seed_events: list[de.Event]) -> None:
    for event in seed_events:
        for span in event.evidence:
            assert SEED[span.start : span.end] == span.text


def test_ids_are_unique_and_deterministic(seed_events: list[de.Event]) -> None:
    ids = [e.id for e in seed_events]
    assert len(ids) == len(set(ids))
    assert ids == [e.id for e in de.parse(SEED, published="2021-08-13")]


def test_planned_and_negated_meetings() -> None:
    events = de.parse(
        "The Chinese foreign minister will meet his Indian counterpart in Beijing next week.",
        published=dt.date(2024, 3, 1),
    )
    assert [e.modality for e in events if isinstance(e, Meeting)] == [Modality.PLANNED]


def test_no_publication_date_means_no_relative_date() -> None:
    events = de.parse("Russian President Vladimir Putin met Turkish President Recep Erdogan "
                      "in Sochi on Wednesday.")  # fmt: skip
    meetings = [e for e in events if isinstance(e, Meeting)]
    assert meetings
    assert meetings[0].date is None


def test_bytes_are_refused_with_a_clear_error() -> None:
    with pytest.raises(TypeError, match="decode"):
        de.parse(b"Russia said")  # type: ignore[arg-type]


def test_too_large_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from diplo_events import parser

    monkeypatch.setattr(parser, "MAX_INPUT_CHARS", 10)
    with pytest.raises(InputTooLargeError):
        de.parse("x" * 11)


def test_parse_document_wraps_events() -> None:
    doc = de.parse_document(SEED, id="seed", published="2021-08-13")
    assert doc.id == "seed"
    assert doc.published == dt.date(2021, 8, 13)
    assert doc.events == tuple(de.parse(SEED, published="2021-08-13"))


_PARSE_SEED = """
import sys
import diplo_events
from diplo_events._parsing.annotate import gazetteer

if sys.argv[1] == "no-building":
    def refuse(self, read=None):
        raise SystemExit("the gazetteer index was built, not read from the cache")
    gazetteer.Gazetteer.__init__ = refuse
text = open(sys.argv[2], encoding="utf-8").read()
print(diplo_events.to_json(diplo_events.parse_document(text, published="2021-08-13")))
"""


def test_a_new_process_reads_the_gazetteer_index_from_the_cache(tmp_path: Path) -> None:
    # Cold start: the first parse() of a process reads the index the first process wrote.
    env = {**os.environ, "DIPLO_EVENTS_CACHE_DIR": str(tmp_path)}
    seed = str(Path(__file__).parent.parent / "seeds" / "000_22928ed1188cab94.txt")

    def run(mode: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", _PARSE_SEED, mode, seed],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        ).stdout

    first = run("build")
    assert len(list(tmp_path.glob("gazetteer-*.idx"))) == 1
    assert run("no-building") == first
    assert first == de.to_json(de.parse_document(SEED, published="2021-08-13")) + "\n"


def _spans(value: object) -> list[de.Span]:
    """Every span held anywhere in an event (evidence, mentions)."""
    if isinstance(value, de.Span):
        return [value]
    if isinstance(value, tuple):
        return [s for item in value for s in _spans(item)]
    cls = type(value)
    if attrs.has(cls):
        return [s for f in attrs.fields(cls) for s in _spans(getattr(value, f.name))]
    return []


@pytest.mark.parametrize(
    "text",
    [
        "Russia met China \ud800 in Doha.",
        "Russia met China in Doha\udcff\udcfe on Monday.",
        "\ud800",
        "Russia\udc80met China.",
        "Russia met China in Doha \udc80\ud800.",
    ],
)
def test_lone_surrogates_are_parsed_and_written_as_escapes(text: str) -> None:
    doc = de.parse_document(text, published="2021-08-13")
    for event in doc.events:
        for span in _spans(event):
            assert text[span.start : span.end] == span.text
    wire = de.to_json(doc)
    wire.encode("utf-8")  # valid UTF-8: the surrogates are \\uXXXX escapes
    assert de.from_json(wire) == doc


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])
def test_invisible_characters_inside_words_do_not_split_them(mark: str) -> None:
    text = f"Rus{mark}sia met Chi{mark}{mark}na in Doha on Mon{mark}day."
    (meeting,) = de.parse(text, published="2021-08-13")
    assert isinstance(meeting, Meeting)
    assert {a.country for a in meeting.participants} == {"RUS", "CHN"}
    assert {a.name for a in meeting.participants} == {"Russia", "China"}
    mentions = sorted(a.mention.text for a in meeting.participants if a.mention is not None)
    assert mentions == [f"Chi{mark}{mark}na", f"Rus{mark}sia"]  # exact spans of the input
    assert meeting.evidence[0].text == text
    assert meeting.date is not None
    assert meeting.date.start == dt.date(2021, 8, 9)
    for span in _spans(meeting):
        assert text[span.start : span.end] == span.text


def test_ids_stay_unique_and_deterministic_with_invisible_characters() -> None:
    plain = de.parse("Russia met China in Doha.\n\nRus\u00adsia met Iran in Oman.")
    again = de.parse("Russia met China in Doha.\n\nRus\u00adsia met Iran in Oman.")
    assert [e.id for e in plain] == [e.id for e in again]
    assert len({e.id for e in plain}) == len(plain) == 2
