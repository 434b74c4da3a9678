"""Tests of document-level date inheritance (diplo_events._parsing.document.timeline).

The unit tests build an :class:`Article` by hand (sentences and their date mentions,
no rules) and place hand-made events on its sentences, so each window rule is tested
on its own; the end-to-end tests go through :func:`diplo_events.parse`.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import diplo_events as de
from diplo_events import (
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Event,
    Meeting,
    MilitaryExercise,
    Modality,
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from diplo_events._parsing.annotate.dates import find_dates
from diplo_events._parsing.document.article import Article, Sentence
from diplo_events._parsing.document.timeline import (
    INHERITED_CONFIDENCE,
    build_focus,
    inherit_dates,
    reference_type,
)

FRIDAY = dt.date(2024, 3, 8)  # publication date of the hand-made articles
RUS = Actor(name="Russia", kind=ActorKind.STATE, country="RUS")
JPN = Actor(name="Japan", kind=ActorKind.STATE, country="JPN")


# --- a hand-made article ----------------------------------------------------------


def article(paragraphs: list[list[str]], published: dt.date | None = FRIDAY) -> Article:
    """Paragraphs (lines separated by a blank line) of sentences, with their dates."""
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    sentences: list[Sentence] = []
    pos = 0
    for p in paragraphs:
        for s in p:
            start = text.index(s, pos)
            end = start + len(s)
            pos = end
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=start,
                    end=end,
                    paragraph=text.count("\n", 0, start),
                    title=False,
                    actors=(),
                    places=(),
                    dates=tuple(find_dates(text, published=published, start=start, end=end)),
                )
            )
    return Article(
        original=text, norm=text, published=published, sentences=tuple(sentences), home=None
    )


def evidence(art: Article, n: int) -> tuple[Span, ...]:
    sent = art.sentences[n]
    return (Span.of(art.original, sent.start, sent.end),)


def capture(art: Article, n: int, **kw: object) -> TerritorialChange:
    """A capture by Russia told in sentence ``n``."""
    return TerritorialChange(id="pending", evidence=evidence(art, n), rule="test",
                             kind=TerritorialChangeKind.CAPTURE, gainer=RUS,
                             **kw)  # type: ignore[arg-type]  # fmt: skip


def exercise(art: Article, n: int, **kw: object) -> MilitaryExercise:
    return MilitaryExercise(id="pending", evidence=evidence(art, n), rule="test",
                            participants=(RUS,), **kw)  # type: ignore[arg-type]  # fmt: skip


def statement(art: Article, n: int, speaker: Actor = RUS) -> Statement:
    return Statement(id="pending", evidence=evidence(art, n), rule="test", speaker=speaker,
                     content="-")  # fmt: skip


def date_of(events: list[Event], k: int = -1) -> DateSpan | None:
    return events[k].date


def day(events: list[Event], k: int = -1) -> dt.date | None:
    date = events[k].date
    return date.start if date is not None else None


MONDAY = dt.date(2024, 3, 4)
TUESDAY = dt.date(2024, 3, 5)


# --- the focus window ---------------------------------------------------------------


def test_inherits_within_the_paragraph() -> None:
    art = article([["Russian forces took the town on Monday.", "They took the village too."]])
    out = inherit_dates([capture(art, 1)], art)
    date = date_of(out)
    assert date is not None
    assert (date.start, date.end, date.precision) == (MONDAY, MONDAY, DatePrecision.DAY)
    assert date.text == "Monday"  # the expression it came from
    assert out[0].confidence == pytest.approx(INHERITED_CONFIDENCE)


def test_inherits_from_the_paragraph_just_before() -> None:
    art = article([["Russian forces took the town on Monday."], ["They took the village too."]])
    assert day(inherit_dates([capture(art, 1)], art)) == MONDAY


def test_no_inheritance_across_a_distant_paragraph() -> None:
    art = article(
        [["Russian forces took the town on Monday."], ["The town is old."], ["They took more."]]
    )
    out = inherit_dates([capture(art, 2)], art)
    assert date_of(out) is None
    assert out[0].confidence == 1.0


def test_a_newer_date_resets_the_focus() -> None:
    art = article(
        [["Russian forces took the town on Monday.", "On Tuesday, it rained.", "They took more."]]
    )
    assert day(inherit_dates([capture(art, 2)], art)) == TUESDAY


@pytest.mark.parametrize(
    "between",
    [
        "In January, it rained.",  # a month
        "Last year, it rained.",  # a year
        "Talks open on Monday, March 11.",  # a date to come
        "It has rained since Tuesday.",  # the bound of a period
        "Elections were held from 1 to 3 March.",  # a range
        "The town fell three days after the talks.",  # an offset
    ],
)
def test_other_date_expressions_end_the_focus(between: str) -> None:
    art = article([["Russian forces took the town on Monday.", between, "They took more."]])
    assert date_of(inherit_dates([capture(art, 2)], art)) is None


def test_a_date_in_the_own_paragraph_blocks_the_paragraph_before() -> None:
    art = article(
        [["Russian forces took the town on Monday."], ["In May, it rained.", "They won."]]
    )
    assert date_of(inherit_dates([capture(art, 2)], art)) is None


def test_an_event_whose_sentence_holds_a_date_is_left_alone() -> None:
    # the rules chose not to date it by "last year": it does not take Monday either
    art = article(
        [["Russian forces took the town on Monday.", "They took what they lost last year."]]
    )
    assert date_of(inherit_dates([capture(art, 1)], art)) is None


def test_existing_dates_are_kept() -> None:
    art = article([["Russian forces took the town on Monday.", "They took the village too."]])
    own = DateSpan.day(dt.date(2024, 2, 1), text="1 February")
    out = inherit_dates([capture(art, 1, date=own, confidence=0.6)], art)
    assert out[0].date == own
    assert out[0].confidence == 0.6


@pytest.mark.parametrize("modality", [Modality.PLANNED, Modality.NEGATED, Modality.HYPOTHETICAL])
def test_only_realized_events_inherit(modality: Modality) -> None:
    art = article([["Russian forces took the town on Monday.", "They may take the village."]])
    out = inherit_dates([capture(art, 1, modality=modality)], art)
    assert date_of(out) is None
    assert out[0].modality is modality


def test_without_publication_date_a_relative_expression_ends_the_focus() -> None:
    paragraphs = [["Russian forces took the town on 1 March 2024.", "On Monday, it rained.",
                   "They took more."]]  # fmt: skip
    undated = article(paragraphs, published=None)
    assert date_of(inherit_dates([capture(undated, 2)], undated)) is None
    dated = article(paragraphs)
    assert day(inherit_dates([capture(dated, 2)], dated)) == MONDAY


def test_without_publication_date_an_absolute_date_still_serves() -> None:
    art = article([["Russian forces took the town on 1 March 2024.", "They took more."]], None)
    assert day(inherit_dates([capture(art, 1)], art)) == dt.date(2024, 3, 1)


def test_without_any_date_nothing_is_invented() -> None:
    art = article([["Russian forces took the town.", "They took more."]])
    assert all(e.date is None for e in inherit_dates([capture(art, 0), capture(art, 1)], art))


# --- statements ---------------------------------------------------------------------


def test_a_party_to_the_dated_happening_speaks_on_its_day() -> None:
    art = article([["Russian forces took the town on Monday.", "Russia said it was liberated."]])
    events: list[Event] = [capture(art, 0, date=DateSpan.day(MONDAY)), statement(art, 1)]
    assert day(inherit_dates(events, art)) == MONDAY


def test_a_third_party_reaction_is_not_dated() -> None:
    art = article([["Russian forces took the town on Monday.", "Japan said it was worried."]])
    events: list[Event] = [capture(art, 0, date=DateSpan.day(MONDAY)), statement(art, 1, JPN)]
    assert date_of(inherit_dates(events, art)) is None


def test_a_statement_after_another_statement_is_not_dated() -> None:
    art = article([["Japan said on Monday it was worried.", "Russia said it was not."]])
    events: list[Event] = [statement(art, 0, JPN), statement(art, 1)]
    assert date_of(inherit_dates(events, art)) is None


def test_a_statement_takes_its_focus_from_its_own_paragraph_only() -> None:
    art = article([["Russian forces took the town on Monday."], ["Russia said it was liberated."]])
    events: list[Event] = [capture(art, 0, date=DateSpan.day(MONDAY)), statement(art, 1)]
    assert date_of(inherit_dates(events, art)) is None


def test_a_reference_takes_the_date_of_the_latest_event_of_its_type() -> None:
    art = article(
        [
            ["Russian warships held drills on Monday."],
            ["The fleet is large."],
            ["On Tuesday, it rained."],
            ["Japan said during the drills that it was worried."],
        ]
    )
    drill = exercise(art, 0, date=DateSpan.day(MONDAY, text="Monday"))
    out = inherit_dates([drill, statement(art, 3, JPN)], art)
    assert out[1].date == drill.date


def test_a_reference_to_an_undated_event_gives_no_date() -> None:
    art = article(
        [
            ["Russian warships held drills."],
            ["It rained on Monday.", "Russia said as the drills were underway it was ready."],
        ]
    )
    out = inherit_dates([exercise(art, 0), statement(art, 2)], art)
    assert out[1].date is None  # no dated exercise; Monday tells no happening of Russia's


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("At the meeting, the minister said so.", "meeting"),
        ("He spoke at the start of the summit.", "meeting"),
        ("On the sidelines of the summit, she met him.", "meeting"),
        ("She spoke as the exercise was underway.", "military_exercise"),
        ("He said so after the joint naval drills.", "military_exercise"),
        ("He spoke ten days after the summit.", None),
        ("He spoke about meetings.", None),
    ],
)
def test_reference_type(sentence: str, kind: str | None) -> None:
    found = reference_type(sentence)
    assert (found.type if found is not None else None) == kind


# --- invariants -----------------------------------------------------------------------

_SENTENCES = [
    "Russian forces took the town on Monday.",
    "On Tuesday, it rained.",
    "In January, it rained.",
    "It has rained since Wednesday.",
    "Talks open on March 20.",
    "The town fell three days after the talks.",
    "They took the village.",
    "Russia said so during the drills.",
    "Nothing happened.",
]


@given(
    paragraphs=st.lists(
        st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=4), min_size=1, max_size=5
    ),
    picks=st.lists(
        st.tuples(st.integers(0, 30), st.sampled_from(list(Modality)), st.booleans()),
        max_size=8,
    ),
    published=st.sampled_from([FRIDAY, None]),
)
def test_inheritance_invariants(
    paragraphs: list[list[str]], picks: list[tuple[int, Modality, bool]], published: dt.date | None
) -> None:
    art = article(paragraphs, published)
    n = len(art.sentences)
    own = DateSpan.day(dt.date(2020, 1, 1), text="then")
    events: list[Event] = [
        capture(art, k % n, modality=m, date=own if dated else None) for k, m, dated in picks
    ]
    out = inherit_dates(events, art)
    focus = build_focus(art)
    assert len(out) == len(events)
    for before, after in zip(events, out, strict=True):
        assert after.evidence == before.evidence
        if before.date is not None or before.modality is not Modality.REALIZED:
            assert after == before  # never overwritten, never given to a non-realized event
        elif after.date is not None:
            # an inherited date is a day told earlier in the text, as it was told
            told = [t for t in focus.told if t.span == after.date]
            assert told
            assert told[0].start < before.evidence[0].start
            assert after.date.precision is DatePrecision.DAY
            assert after.date.start == after.date.end
            assert published is None or after.date.start <= published
            text = after.date.text or ""
            assert text
            assert art.original[told[0].start : told[0].start + len(text)] == text


# --- end to end -----------------------------------------------------------------------


def _by_text(events: list[Event], word: str) -> Event:
    return next(e for e in events if word in e.evidence[0].text)


def test_parse_statement_as_the_exercise_was_underway() -> None:
    text = (
        "Russian President Vladimir Putin on Wednesday oversaw the launch of large-scale naval"
        ' drills in the Baltic Sea. "We are ready to defend our country," Putin said as the'
        " exercise was underway."
    )
    events = de.parse(text, published=FRIDAY)
    said = _by_text(events, "underway")
    assert isinstance(said, Statement)
    assert said.date is not None
    assert (said.date.start, said.date.text) == (dt.date(2024, 3, 6), "Wednesday")
    # without a publication date "on Wednesday" means nothing: no date, not a guess
    assert all(e.date is None for e in de.parse(text))


def test_parse_inheritance_across_one_paragraph_not_two() -> None:
    near = (
        "Russian forces captured the town of Avdiivka on Saturday.\n\n"
        "Russian forces also seized the village of Sieverne."
    )
    assert day(de.parse(near, published=FRIDAY)) == dt.date(2024, 3, 2)
    far = (
        "Russian forces captured the town of Avdiivka on Saturday.\n\nThe town lies in ruins."
        "\n\nIts people left long ago.\n\nRussian forces also seized the village of Sieverne."
    )
    assert date_of(de.parse(far, published=FRIDAY)) is None


def test_parse_a_newer_date_resets_the_focus() -> None:
    text = (
        "Russian forces captured the town of Avdiivka on Saturday. On Monday, officials toured"
        " the front line. Russian troops also seized the village of Sieverne."
    )
    seized = _by_text(de.parse(text, published=FRIDAY), "Sieverne")
    assert seized.date is not None
    assert seized.date.start == MONDAY


def test_parse_planned_events_keep_no_date() -> None:
    text = (
        "China and Russia held joint naval drills in the East China Sea on Monday. The two"
        " navies will hold joint drills in the Pacific."
    )
    planned = [e for e in de.parse(text, published=FRIDAY) if e.modality is Modality.PLANNED]
    assert planned
    assert all(e.date is None for e in planned)


def test_parse_existing_dates_are_kept() -> None:
    text = (
        "China and Russia held joint naval drills in the East China Sea on Monday. Japan and the"
        " United States held naval drills near Okinawa on Thursday."
    )
    days = sorted(e.date.start for e in de.parse(text, published=FRIDAY) if e.date is not None)
    assert days == [MONDAY, dt.date(2024, 3, 7)]


def test_parse_a_day_told_with_another_kind_of_happening_is_not_lent() -> None:
    events = de.parse(
        "Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Warsaw on "
        "Monday.\nRussian forces captured the town of Avdiivka after months of fighting.",
        published="2024-03-06",
    )
    [capture] = [e for e in events if isinstance(e, TerritorialChange)]
    assert capture.date is None


def test_parse_an_offset_dates_the_happening_it_measures_from() -> None:
    text = (
        "Philippine and Australian troops began joint drills near Manila on Thursday.\n\n"
        "The exercise started two days after Philippine President Ferdinand Marcos Jr and"
        " Australian Prime Minister Anthony Albanese met in Canberra. The leaders said they"
        " would deepen defence ties."
    )
    events = de.parse(text, published=FRIDAY)
    [meeting] = [e for e in events if isinstance(e, Meeting)]
    assert meeting.date is not None
    assert (meeting.date.start, meeting.date.text) == (dt.date(2024, 3, 5), "two days after")
    assert meeting.confidence < 0.6  # an inferred day lowers the confidence
    # the offset is now the focus: the leaders speak on the day they met
    said = [e for e in events if isinstance(e, Statement)]
    assert said
    assert all(s.date is not None and s.date.start == dt.date(2024, 3, 5) for s in said)


@pytest.mark.parametrize(
    "offset",
    ["several days after", "two months after", "some weeks after"],
)
def test_parse_an_inexact_or_unanchored_offset_gives_no_date(offset: str) -> None:
    text = (
        "Philippine and Australian troops began joint drills near Manila on Thursday.\n\n"
        f"The exercise started {offset} Philippine President Ferdinand Marcos Jr and"
        " Australian Prime Minister Anthony Albanese met in Canberra."
    )
    events = de.parse(text, published=FRIDAY)
    assert [e.date for e in events if isinstance(e, Meeting)] == [None]


def test_parse_an_offset_with_an_undated_anchor_gives_no_date() -> None:
    text = (
        "Philippine and Australian troops held joint drills near Manila.\n\n"
        "The exercise started two days after Philippine President Ferdinand Marcos Jr and"
        " Australian Prime Minister Anthony Albanese met in Canberra."
    )
    events = de.parse(text, published=FRIDAY)
    assert all(e.date is None for e in events)


def test_parse_a_meeting_during_a_visit_takes_the_visits_day() -> None:
    text = (
        "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Addis Ababa"
        " on Tuesday.\n\nHis office said in a statement that the talks covered trade.\n\n"
        'Ruto also said that during his "short" visit to Ethiopia, he also met with African'
        " Union Commission chairperson Moussa Faki Mahamat."
    )
    events = de.parse(text, published=FRIDAY)
    meetings = [e for e in events if isinstance(e, Meeting)]
    assert len(meetings) == 2
    assert [m.date.start if m.date else None for m in meetings] == [dt.date(2024, 3, 5)] * 2
    # after the visit is no part of it: another meeting told so keeps no date
    after = text.replace('during his "short" visit', "after his visit")
    later = [e for e in de.parse(after, published=FRIDAY) if isinstance(e, Meeting)]
    assert [m.date for m in later][1:] == [None]


def test_parse_a_day_told_before_an_offset_in_the_sentence_anchors_it() -> None:
    text = (
        "Sudanese and Chadian officials met in N'Djamena on Monday, two days after RSF fighters"
        " seized the town of Tina."
    )
    events = de.parse(text, published=FRIDAY)
    [meeting] = [e for e in events if isinstance(e, Meeting)]
    [capture] = [e for e in events if isinstance(e, TerritorialChange)]
    assert meeting.date is not None
    assert meeting.date.start == MONDAY
    assert capture.date is not None
    assert (capture.date.start, capture.date.text) == (dt.date(2024, 3, 2), "two days after")


def test_parse_a_lead_that_tells_a_meeting_beginning_dates_it_to_publication() -> None:
    text = (
        "The talks between Russian President Vladimir Putin and Turkish President Recep Tayyip"
        " Erdogan began in Sochi.\n\nErdogan said at the start of the talks that the two"
        " countries would cooperate.\n\nThe meeting comes ten days after a summit between"
        " Russia, Turkey and Iran in Tehran."
    )
    events = de.parse(text, published=FRIDAY)
    talks = next(e for e in events if isinstance(e, Meeting) and "Sochi" in e.evidence[0].text)
    assert talks.date is not None
    assert (talks.date.start, talks.date.text) == (FRIDAY, None)
    said = next(e for e in events if isinstance(e, Statement))
    assert said.date is not None
    assert said.date.start == FRIDAY  # "at the start of the talks"
    summit = next(e for e in events if isinstance(e, Meeting) and "Tehran" in e.evidence[0].text)
    assert summit.date is not None
    assert summit.date.start == FRIDAY - dt.timedelta(days=10)
    # not in a later paragraph, and never without a publication date
    later = "Officials spoke.\n\n" + text
    first = next(e for e in de.parse(later, published=FRIDAY) if isinstance(e, Meeting))
    assert first.date is None
    assert all(e.date is None for e in de.parse(text))


def test_parse_relative_dates_count_from_a_datelines_day() -> None:
    text = ("EL ARISH, Egypt, May 25 (AP) - Israel handed over the town of El Arish to Egypt"
            " today.")  # fmt: skip
    [handover] = de.parse(text, published="1979-05-26")
    assert handover.date is not None
    assert handover.date.start == dt.date(1979, 5, 25)
    # a dateline far from the publication date is not the day of writing
    [old] = de.parse(text, published="1979-06-26")
    assert old.date is not None
    assert old.date.start == dt.date(1979, 6, 26)


@pytest.mark.parametrize(
    "second",
    [
        "Russian forces captured the town of Avdiivka two days after the meeting.",
        "Two days after the meeting, Russian forces captured the town of Avdiivka.",
    ],
)
def test_parse_a_happening_measured_from_a_meeting_told_before(second: str) -> None:
    text = ("Ukrainian President Volodymyr Zelensky met Polish President Andrzej Duda in Warsaw"
            f" on Monday. {second}")  # fmt: skip
    [capture] = [e for e in de.parse(text, published=FRIDAY) if isinstance(e, TerritorialChange)]
    assert capture.date is not None
    assert capture.date.start == MONDAY + dt.timedelta(days=2)  # after the meeting, not before


def test_parse_many_offsets_stay_linear() -> None:
    unit = ("Russian forces captured the town of Avdiivka on Friday. Ukrainian forces recaptured"
            " the town of Marinka three days after the capture. ")  # fmt: skip
    events = de.parse(unit * 400, published=FRIDAY)
    assert events  # bounded work per offset: this finishes quickly (see benchmarks for time)


def test_parse_a_lead_day_is_only_for_what_happened() -> None:
    for text in (
        "Russia and China are expected to begin joint naval drills in the Sea of Japan.",
        "Russian and Belarusian troops held joint drills near the border where the war began.",
        "Russian and Belarusian troops began joint drills a week after the talks.",
    ):
        assert all(
            e.date is None or e.date.text is not None for e in de.parse(text, published=FRIDAY)
        ), text


def test_parse_a_sentence_opening_shift_dates_its_happenings() -> None:
    text = (
        "Kyrgyz and Tajik border guards clashed near Batken on Tuesday.\n\nA day earlier, the"
        " Kyrgyz Border Service said Tajik troops had seized the village of Ovchi-Kalacha.\n\n"
        "Two days later, Kyrgyz forces recaptured the village of Ovchi-Kalacha."
    )
    events = de.parse(text, published=FRIDAY)
    [said] = [e for e in events if isinstance(e, Statement)]
    assert said.date is not None
    assert (said.date.start, said.date.text) == (dt.date(2024, 3, 4), "A day earlier")
    taken = [e for e in events if isinstance(e, TerritorialChange)]
    # two states taking one place are two changes; the second is two days after Monday
    assert [t.gainer.country if t.gainer else None for t in taken] == ["TJK", "KGZ"]
    assert taken[1].date is not None
    assert taken[1].date.start == dt.date(2024, 3, 6)


@pytest.mark.parametrize(
    ("opening", "day"),
    [("The following day", 9), ("The next day", 9), ("The day before", 7)],
)
def test_a_day_after_or_before_the_day_told_dates_the_next_sentence(opening: str, day: int) -> None:
    text = f"Rebels seized Bria on Friday. {opening}, the rebels said they would press on."
    [said] = [e for e in de.parse(text, published="2024-03-09") if isinstance(e, Statement)]
    assert said.date is not None
    assert said.date.start == dt.date(2024, 3, day)


@pytest.mark.parametrize(
    ("told", "day"),
    [
        ("The rebels said in a statement that day that they would press on.", 8),
        ("Later that day, the rebels said they would press on.", 8),
        ("The rebels said the next day that they would press on.", 9),
    ],
)
def test_that_day_and_the_next_day_count_from_the_day_told(told: str, day: int) -> None:
    text = f"Rebels seized Bria on Friday.\n\n{told}"
    [said] = [e for e in de.parse(text, published="2024-03-09") if isinstance(e, Statement)]
    assert said.date is not None
    assert said.date.start == dt.date(2024, 3, day)


def test_a_party_to_a_dated_meeting_speaks_on_its_day() -> None:
    text = (
        "Samoan Prime Minister Tui Sailele met Fijian Prime Minister Jone Rabuka in Apia on "
        "Friday.\n\n"
        "The leaders took a break for the closing ceremony.\n\n"
        "Sailele said the meeting was a success."
    )
    [said] = [e for e in de.parse(text, published="2024-03-09") if isinstance(e, Statement)]
    assert said.date is not None
    assert said.date.start == dt.date(2024, 3, 8)


def test_a_change_of_control_is_a_time_a_sentence_can_be_placed_at() -> None:
    from diplo_events._parsing.document.timeline import reference_type

    assert reference_type("X said after the pullout was completed.") is TerritorialChange
    assert reference_type("X said during the withdrawal of the troops.") is TerritorialChange
    assert reference_type("X said ten days after the capture.") is None
