"""Properties of :func:`diplo_events.parse` that hold for any input text.

Two kinds of text are generated: arbitrary unicode (junk, control characters,
other scripts) and news-like text composed from fragments (titled names,
countries, verbs such as "met", "captured", "said", quotes, newlines) so that
the rules actually fire and produce events whose fields can be checked.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

import diplo_events as de
from diplo_events import Actor, Event, Location, Modality, Span

SEED = (Path(__file__).parent.parent / "seeds" / "000_22928ed1188cab94.txt").read_text("utf-8")
_SCHEMA = de.json_schema()
EVENT_VALIDATOR = Draft202012Validator(
    {"$ref": "#/$defs/Event", "$defs": _SCHEMA["$defs"]},
    format_checker=Draft202012Validator.FORMAT_CHECKER,
)

# --- strategies ---------------------------------------------------------------------

_ALPHABETS = st.one_of(
    st.characters(codec="ascii"),
    st.characters(min_codepoint=0x00A0, max_codepoint=0x024F),  # Latin-1, Latin Extended
    st.characters(min_codepoint=0x0370, max_codepoint=0x04FF),  # Greek, Cyrillic
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
    st.characters(min_codepoint=0x2000, max_codepoint=0x206F),  # odd spaces, curly quotes
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),  # CJK
    st.sampled_from(" \n\t\r.,;:\"'()-\u00a0\u201c\u201d\u2019&<>!?"),
    st.sampled_from("\u00ad\u200b\u200c\u200d\u2060\ufeff"),  # invisible, split no word
    # lone surrogates (low ones, as from errors="surrogateescape": no high-low pair, which
    # JSON cannot tell apart from the character it encodes)
    st.characters(min_codepoint=0xDC00, max_codepoint=0xDFFF),
)
junk_text = st.text(_ALPHABETS, max_size=300)

_NAMES = (
    "Russian President Vladimir Putin",
    "Turkish President Recep Erdogan",
    "Chinese Foreign Minister Wang Li",
    "Uzbek envoy Ismatulla Irgashev",
    "Taliban spokesman Suhail Shaheen",
    "Putin",
    "Erdogan",
    "Shaheen",
    "He",
    "he",
    "the ministry",
    "The Taliban",
    "the insurgents",
    "Russia",
    "Ukraine",
    "Tajikistan",
    "Belarus",
    "India",
    "the United States",
    "NATO",
    "the European Union",
    "the Northern Liberation Front (NLF)",
    "the NLF",
    "Hamas",
    "Israel",
    "Turkmen officials",
    "US intelligence officials",
    "the Iranian foreign ministry spokesman",
    "Maria Lopez, the Chilean foreign ministry spokesperson,",
    "Kandahar",
    "Herat",
    "Doha",
    "Kabul",
    "Sochi",
    "Zorvat",
)
_VERBS = (
    "met",
    "will meet",
    "did not meet",
    "could meet",
    "held talks with",
    "visited",
    "hosted",
    "said",
    "said that",
    "told reporters",
    "tweeted",
    "warned",
    "denied",
    "according to",
    "captured",
    "seized",
    "took control of",
    "fell to",
    "withdrew from",
    "annexed",
    "handed over",
    "held joint military exercises with",
    "launched drills involving about 2,500 troops and",
    "plans to capture",
    "urged",
    "was described by",
)
_TAILS = (
    "in Doha",
    "in Qatar",
    "on Wednesday",
    "on August 12, 2021",
    "last week",
    "next month",
    "near the Afghan-Tajik border",
    "12 of Afghanistan's 34 provincial capitals",
    "the Zapad-2021 exercises",
    "more than 40 ships",
    "thousands of troops",
    "from Afghan government forces",
    "to discuss the situation in Afghanistan",
    "on the sidelines of the summit",
    "in a tweet",
    "in a statement",
)
_PUNCT = (". ", ", ", ".\n", ".\n\n", '. "', '," ', "; ", " - ", " (", ") ", "? ", "")

_fragment = st.one_of(
    st.sampled_from(_NAMES),
    st.sampled_from(_VERBS),
    st.sampled_from(_TAILS),
    st.sampled_from(_PUNCT),
    st.text(_ALPHABETS, max_size=8),
)


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    """Subject, verb, object, optional tail and punctuation: a news-like sentence."""
    parts = [draw(st.sampled_from(_NAMES)), draw(st.sampled_from(_VERBS)),
             draw(st.sampled_from(_NAMES))]  # fmt: skip
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(_TAILS)))
    sentence = " ".join(parts)
    if draw(st.booleans()):
        sentence = f'"{sentence}," {draw(st.sampled_from(_NAMES))} said'
    return sentence + draw(st.sampled_from((".", ".", "!", "?", ",", "")))


news_text = st.one_of(
    st.lists(_sentence(), max_size=8).map(lambda xs: " ".join(xs)),
    st.lists(_sentence(), max_size=8).map(lambda xs: "\n".join(xs)),
    st.lists(st.one_of(_sentence(), _fragment), max_size=30).map(lambda xs: " ".join(xs)),
    st.lists(_fragment, max_size=40).map(lambda xs: "".join(xs)),
)
any_text = st.one_of(news_text, junk_text)
published = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1),
                                           max_value=dt.date(2090, 12, 31)))  # fmt: skip


# --- helpers ------------------------------------------------------------------------


def _actors(event: Event) -> list[Actor]:
    if isinstance(event, de.Meeting | de.MilitaryExercise):
        return list(event.participants)
    if isinstance(event, de.Statement):
        return [event.speaker]
    if isinstance(event, de.TerritorialChange):
        return [a for a in (event.gainer, event.loser) if a is not None]
    raise AssertionError(f"unknown event type {type(event).__name__}")  # pragma: no cover


def _locations(event: Event) -> list[Location]:
    out = [event.location] if event.location is not None else []
    if isinstance(event, de.TerritorialChange):
        out.extend(event.places)
    return out


def all_spans(event: Event) -> list[Span]:
    """Every offset-carrying span of an event: evidence, actor and location mentions."""
    spans = list(event.evidence)
    spans += [a.mention for a in _actors(event) if a.mention is not None]
    spans += [loc.mention for loc in _locations(event) if loc.mention is not None]
    return spans


# --- properties ---------------------------------------------------------------------


@given(any_text, published)
def test_parse_never_raises_and_returns_events(text: str, day: dt.date | None) -> None:
    events = de.parse(text, published=day)
    assert isinstance(events, list)
    assert all(isinstance(e, Event) for e in events)


@given(any_text)
def test_every_span_points_into_the_input(text: str) -> None:
    for event in de.parse(text, published="2021-08-13"):
        assert event.evidence
        for span in all_spans(event):
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text, (event.rule, span)


@given(any_text, published)
def test_parse_is_deterministic(text: str, day: dt.date | None) -> None:
    first = de.parse(text, published=day)
    second = de.parse(text, published=day)
    assert first == second
    assert [e.id for e in first] == [e.id for e in second]


@given(any_text)
def test_events_round_trip_through_json_and_match_the_schema(text: str) -> None:
    for event in de.parse(text, published="2021-08-13"):
        wire = de.to_json(event)
        assert de.from_json(wire, cls=de.Event) == event
        errors = [e.message for e in EVENT_VALIDATOR.iter_errors(json.loads(wire))]
        assert not errors, (event, errors)


@given(any_text)
def test_ids_are_unique_and_modality_is_an_enum_member(text: str) -> None:
    events = de.parse(text, published="2021-08-13")
    ids = [e.id for e in events]
    assert len(ids) == len(set(ids))
    for event in events:
        assert event.id.startswith(event.type + "-")
        assert isinstance(event.modality, Modality)
        assert event.modality in set(Modality)
        assert 0.0 <= event.confidence <= 1.0
        assert event.rule.split(".")[0] == event.type


@given(news_text, st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_published_as_string_or_date_gives_the_same_events(text: str, day: dt.date) -> None:
    assert de.parse(text, published=day) == de.parse(text, published=day.isoformat())


@given(news_text)
def test_document_of_parsed_events_validates(text: str) -> None:
    doc = de.parse_document(text, id="doc", published="2021-08-13")
    validator = Draft202012Validator(_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert not list(validator.iter_errors(json.loads(de.to_json(doc))))
    assert de.from_json(de.to_json(doc)) == doc


def test_news_strategy_makes_the_rules_fire() -> None:
    """The composed sentences really produce events of every type (else the properties
    above would only ever see empty lists)."""
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Erdogan in Doha. "
        "The Taliban captured Kandahar. Russia held joint military exercises with Belarus. "
        "Taliban spokesman Suhail Shaheen said that Kabul was calm."
    )
    kinds = {type(e) for e in de.parse(text, published="2021-08-13")}
    assert kinds == {de.Meeting, de.TerritorialChange, de.MilitaryExercise, de.Statement}


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\t \u00a0 \u2003", "\ufeff", "\x00"])
def test_empty_or_blank_text_gives_no_events(text: str) -> None:
    assert de.parse(text) == []
    assert de.parse(text, published="2021-08-13") == []


def test_long_text_keeps_every_span() -> None:
    text = "\n\n".join([SEED] * 8)
    events = de.parse(text, published="2021-08-13")
    assert events
    for event in events:
        for span in all_spans(event):
            assert text[span.start : span.end] == span.text


def test_seed_events_are_identical_with_string_and_date_published() -> None:
    assert de.parse(SEED, published="2021-08-13") == de.parse(SEED, published=dt.date(2021, 8, 13))


@pytest.mark.parametrize("bad", ["yesterday", "2021-13-01", "2021-02-30", "13/08/2021", "x"])
def test_bad_published_string_raises_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="published"):
        de.parse("Russia said it would meet Turkey.", published=bad)
