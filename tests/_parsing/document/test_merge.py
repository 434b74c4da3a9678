"""Tests of the document-level merge and of event ids (diplo_events._parsing.document.merge)."""

from __future__ import annotations

import datetime as dt

import attrs

import diplo_events as de
from diplo_events import (
    Actor,
    ActorKind,
    DateSpan,
    Location,
    LocationKind,
    Meeting,
    Modality,
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events._parsing.document.merge import Candidate, Link, assign_ids, merge

TKM = Actor(name="Turkmenistan", kind=ActorKind.STATE, country="TKM")
UZB = Actor(name="Uzbekistan", kind=ActorKind.STATE, country="UZB")
TALIBAN = Actor(name="Taliban", kind=ActorKind.ARMED_GROUP, organization="Taliban")
WED = DateSpan.day(dt.date(2021, 8, 11))
DOHA = Location(name="Doha", country="QAT", kind=LocationKind.CITY)


def span(start: int, end: int) -> Span:
    return Span(text="x" * (end - start), start=start, end=end)


def meeting(parties: tuple[Actor, ...], at: int, **kw: object) -> Meeting:
    return Meeting(id="pending", evidence=(span(at, at + 10),), participants=parties,
                   rule="meeting.met", **kw)  # type: ignore[arg-type]  # fmt: skip


def statement(speaker: Actor, at: int, content: str = "c") -> Statement:
    return Statement(id="pending", evidence=(span(at, at + 10),), speaker=speaker,
                     content=content, rule="statement.verb")  # fmt: skip


def capture(at: int, count: int | None, place: str = "Kandahar") -> TerritorialChange:
    return TerritorialChange(
        id="pending",
        evidence=(span(at, at + 10),),
        kind=TerritorialChangeKind.CAPTURE,
        gainer=TALIBAN,
        places=(Location(name=place, country="AFG", kind=LocationKind.CITY),),
        count=count,
        rule="territorial_change.capture",
    )


def test_lead_meeting_is_folded_into_the_specific_ones() -> None:
    lead = meeting((TKM, UZB, TALIBAN), 0, date=WED, location=DOHA)
    first = meeting((TKM, TALIBAN), 100)
    second = meeting((UZB, TALIBAN), 200)
    out = merge([Candidate(lead, 0), Candidate(first, 1), Candidate(second, 2)])
    assert len(out) == 2
    assert all(isinstance(e, Meeting) for e in out)
    by_parties = {
        frozenset(a.name for a in e.participants): e for e in out if isinstance(e, Meeting)
    }
    a = by_parties[frozenset({"Turkmenistan", "Taliban"})]
    b = by_parties[frozenset({"Uzbekistan", "Taliban"})]
    # both inherit the lead's date and place; the first one also its evidence
    assert a.date == WED
    assert b.date == WED
    assert a.location == DOHA
    assert b.location == DOHA
    assert [s.start for s in a.evidence] == [0, 100]
    assert [s.start for s in b.evidence] == [200]


def test_one_specific_meeting_does_not_fold_a_lead() -> None:
    lead = meeting((TKM, UZB, TALIBAN), 0, date=WED)
    first = meeting((TKM, TALIBAN), 100)
    out = merge([Candidate(lead, 0), Candidate(first, 5)])
    # not folded: the nested one merges into the lead as the same meeting, or both stay
    assert sum(len(e.evidence) for e in out) == 2
    assert any(e.date == WED for e in out)


def test_meetings_with_other_modality_are_not_merged() -> None:
    held = meeting((TKM, UZB), 0)
    planned = meeting((TKM, UZB), 100, modality=Modality.PLANNED)
    out = merge([Candidate(held, 0), Candidate(planned, 0)])
    assert [e.modality for e in out] == [Modality.REALIZED, Modality.PLANNED]


def test_meetings_with_disagreeing_dates_are_not_merged() -> None:
    a = meeting((TKM, UZB), 0, date=WED)
    b = meeting((TKM, UZB), 100, date=DateSpan.day(dt.date(2021, 9, 1)))
    assert len(merge([Candidate(a, 0), Candidate(b, 0)])) == 2


def test_same_meeting_in_one_paragraph_is_merged() -> None:
    a = meeting((TKM, UZB), 0, date=WED)
    b = meeting((TKM, UZB), 100, location=DOHA)
    out = merge([Candidate(a, 0), Candidate(b, 0)])
    assert len(out) == 1
    assert out[0].date == WED
    assert out[0].location == DOHA
    assert [s.start for s in out[0].evidence] == [0, 100]


def test_same_speaker_statements_in_one_paragraph_are_merged() -> None:
    out = merge([Candidate(statement(TKM, 0, "first"), 3),
                 Candidate(statement(TKM, 50, "second"), 3)])  # fmt: skip
    assert len(out) == 1
    assert isinstance(out[0], Statement)
    assert out[0].content == "first"
    assert [s.start for s in out[0].evidence] == [0, 50]


def test_same_speaker_in_other_paragraphs_is_not_merged() -> None:
    out = merge([Candidate(statement(TKM, 0), 3), Candidate(statement(TKM, 50), 4)])
    assert len(out) == 2


def test_different_speakers_are_not_merged() -> None:
    out = merge([Candidate(statement(TKM, 0), 3), Candidate(statement(UZB, 50), 3)])
    assert [e.speaker.country for e in out if isinstance(e, Statement)] == ["TKM", "UZB"]


def test_captures_with_different_counts_are_not_merged() -> None:
    out = merge([Candidate(capture(0, 12), 0), Candidate(capture(100, 5), 0)])
    assert [e.count for e in out if isinstance(e, TerritorialChange)] == [12, 5]


def test_captures_of_the_same_place_are_merged() -> None:
    out = merge([Candidate(capture(0, None), 0), Candidate(capture(100, 12), 1)])
    assert len(out) == 1
    assert isinstance(out[0], TerritorialChange)
    assert out[0].count == 12
    assert len(out[0].evidence) == 2


QATAR = Actor(name="Qatar", kind=ActorKind.STATE, country="QAT")


def test_reference_joins_the_latest_meeting() -> None:
    a = meeting((TKM, UZB), 0, date=WED)
    ref = meeting((TALIBAN, QATAR), 100)
    out = merge([Candidate(a, 0), Candidate(ref, 5, link=Link.REFERS)])
    assert len(out) == 1
    assert {s.start for s in out[0].evidence} == {0, 100}
    assert isinstance(out[0], Meeting)
    assert out[0].participants == (TKM, UZB)  # "At the talks, X praised Y": no new party


def test_distinct_meeting_is_never_merged() -> None:
    a = meeting((TKM, UZB), 0, date=WED)
    b = meeting((TKM, UZB), 100, date=WED)
    assert len(merge([Candidate(a, 0), Candidate(b, 0)])) == 1
    assert len(merge([Candidate(a, 0), Candidate(b, 0, link=Link.DISTINCT)])) == 2


def test_ids_are_deterministic_typed_and_unique() -> None:
    events = [meeting((TKM, UZB), 0), meeting((TKM, UZB), 0), statement(TKM, 50)]
    first = assign_ids(events)
    second = assign_ids(events)
    assert [e.id for e in first] == [e.id for e in second]
    ids = [e.id for e in first]
    assert len(set(ids)) == 3
    assert ids[0].startswith("meeting-")
    assert ids[1] == ids[0] + "-1"  # identical content: a counter keeps ids unique
    assert ids[2].startswith("statement-")
    # the id depends on content, not on the id it had before
    again = assign_ids([attrs.evolve(e, id="other") for e in events])
    assert [e.id for e in again] == ids


def test_ids_change_with_content() -> None:
    a, b = assign_ids([meeting((TKM, UZB), 0), meeting((TKM, TALIBAN), 0)])
    assert a.id != b.id


def test_parsed_lead_and_detail_sentences_are_one_meeting() -> None:
    text = (
        "Russian President Vladimir Putin met Turkish President Recep Erdogan in Sochi on "
        "Monday. Putin and Erdogan met for four hours."
    )
    meetings = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, Meeting)]
    assert len(meetings) == 1
    assert len(meetings[0].evidence) == 2
    assert meetings[0].date == DateSpan.day(dt.date(2024, 3, 4), text="Monday")


def test_parsed_also_met_after_a_visit_is_a_meeting_of_its_own() -> None:
    text = (
        "Saudi Foreign Minister Faisal bin Farhan met Iranian Foreign Minister Abbas Araghchi"
        " in Riyadh on Tuesday.\n\n"
        "At the meeting, the Saudi minister praised the ceasefire between Iran and Israel.\n\n"
        "A spokesman said that during his visit to Saudi Arabia, Araghchi also met with"
        " Defence Minister Khalid bin Salman."
    )
    meetings = [e for e in de.parse(text, published="2024-03-08") if isinstance(e, Meeting)]
    assert len(meetings) == 2
    first, also = meetings
    # "At the meeting, ..." adds evidence, not the states the sentence happens to name
    assert {a.country for a in first.participants} == {"SAU", "IRN"}
    assert any(s.text.startswith("At the meeting") for s in first.evidence)
    assert "also met" in also.evidence[0].text
    assert "Khalid bin Salman" in {a.name for a in also.participants}


def test_only_a_new_meeting_sums_up_others() -> None:
    # a reference ("The visit came as ...") or an "also met" names the parties of both
    # meetings before it; it is no summary to fold into them
    first = meeting((TKM, TALIBAN), 0, date=WED)
    second = meeting((UZB, TALIBAN), 100)
    wide = meeting((TKM, UZB, TALIBAN), 200)
    for link in (Link.REFERS, Link.DISTINCT):
        out = merge([Candidate(first, 0), Candidate(second, 1), Candidate(wide, 2, link=link)])
        assert [len(m.evidence) for m in out] == ([1, 2] if link is Link.REFERS else [1, 1, 1])
        assert isinstance(out[1], Meeting)
        assert out[1].participants == (UZB, TALIBAN)  # the reference's parties are not added
    # a NEW one is a summary: folded into the two specific meetings
    out = merge([Candidate(first, 0), Candidate(second, 1), Candidate(wide, 2)])
    assert [m.participants for m in out if isinstance(m, Meeting)] == [
        (TKM, TALIBAN),
        (UZB, TALIBAN),
    ]


def test_a_reference_only_fills_what_the_meeting_lacks() -> None:
    beijing = Location(name="Beijing", country="CHN", kind=LocationKind.CITY)
    monday = DateSpan.day(dt.date(2021, 8, 9))
    told = meeting((TKM, UZB), 0, date=WED, location=DOHA)
    report = "In Beijing, a spokesman said on Monday the talks went well."
    said = attrs.evolve(
        meeting((TKM, UZB), 100, date=monday, location=beijing),
        evidence=(Span(text=report, start=100, end=100 + len(report)),),
    )
    [out] = merge([Candidate(told, 0), Candidate(said, 1, link=Link.REFERS)])
    assert (out.date, out.location) == (WED, DOHA)
    # told with its own other day and place, not as a report, it is another meeting
    other = meeting((TKM, UZB), 100, date=monday, location=beijing)
    assert len(merge([Candidate(told, 0), Candidate(other, 1, link=Link.REFERS)])) == 2
    # a meeting told without place or day takes the reference's
    bare = meeting((TKM, UZB), 0)
    [filled] = merge([Candidate(bare, 0), Candidate(said, 1, link=Link.REFERS)])
    assert (filled.date, filled.location) == (monday, beijing)


def test_an_exercise_with_nothing_told_is_dropped() -> None:
    events = de.parse("A spokesman said the drills were routine.", published="2024-03-08")
    assert [e.type for e in events] == ["statement"]
    # with a count it says something
    [ex] = de.parse("About 2,000 troops took part in the drills.", published="2024-03-08")
    assert ex.type == "military_exercise"


def test_a_reference_to_drills_adds_no_participant() -> None:
    text = (
        "NATO and Finnish troops began the Northern Shield exercise in Lapland on Monday.\n\n"
        "Russia's Defence Ministry said Moscow would respond to the drills."
    )
    exercises = [e for e in de.parse(text, published="2024-03-08") if e.type == "military_exercise"]
    assert len(exercises) == 1
    [ex] = exercises
    assert isinstance(ex, de.MilitaryExercise)
    assert {a.country or a.organization for a in ex.participants} == {"NATO", "FIN"}


def test_meetings_with_other_persons_of_the_same_sides_are_two() -> None:
    text = (
        "South Korean Foreign Minister Cho Tae-yul met Chinese Foreign Minister Wang Yi in"
        " Beijing on Monday.\n\nCho met Chinese Vice President Han Zheng later in the day."
    )
    meetings = [e for e in de.parse(text, published="2024-03-08") if isinstance(e, Meeting)]
    assert [sorted(p.name for p in m.participants) for m in meetings] == [
        ["Cho Tae-yul", "Wang Yi"],
        ["Cho Tae-yul", "Han Zheng"],
    ]
    # the same persons told again are the same meeting
    again = text.replace("Chinese Vice President Han Zheng later in the day", "Wang again")
    assert len([e for e in de.parse(again, published="2024-03-08") if isinstance(e, Meeting)]) == 1


def test_a_summary_line_repeating_the_lead_is_one_statement() -> None:
    import diplo_events as de

    text = (
        "Kenyan Foreign Minister Ruth Ouma said the talks with Uganda would resume on Friday"
        "\n\nNAIROBI (Agency) - Kenyan Foreign Minister Ruth Ouma said the talks with Uganda "
        "would resume on Friday."
    )
    said = [e for e in de.parse(text, published="2024-03-06") if isinstance(e, de.Statement)]
    assert len(said) == 1
