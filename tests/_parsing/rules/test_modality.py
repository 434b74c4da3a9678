"""Tests of modality detection around a trigger (diplo_events._parsing.rules.modality)."""

from __future__ import annotations

import pytest

import diplo_events as de
from diplo_events import Meeting, Modality
from diplo_events._parsing.rules.modality import modality_of


def modality(sentence: str, trigger: str) -> Modality:
    start = sentence.index(trigger)
    return modality_of(sentence, start, start + len(trigger), 0)


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Putin will meet Erdogan in Ankara.", "meet", Modality.PLANNED),
        ("Putin plans to meet Erdogan in Ankara.", "meet", Modality.PLANNED),
        ("Putin is expected to visit Ankara.", "visit", Modality.PLANNED),
        ("The talks are scheduled for May.", "talks", Modality.PLANNED),
        ("Putin did not meet Erdogan in Ankara.", "meet", Modality.NEGATED),
        ("Putin never visited Ankara.", "visited", Modality.NEGATED),
        ("Putin could meet Erdogan in Ankara.", "meet", Modality.HYPOTHETICAL),
        ("Putin might visit Ankara.", "visit", Modality.HYPOTHETICAL),
        ("Putin met Erdogan in Ankara.", "met", Modality.REALIZED),
        ("Putin visited Ankara on Monday.", "visited", Modality.REALIZED),
    ],
)
def test_modality_of_trigger(sentence: str, trigger: str, expected: Modality) -> None:
    assert modality(sentence, trigger) is expected


def test_cue_before_the_clause_is_ignored() -> None:
    sentence = "Officials said they will decide later, and Putin met Erdogan."
    start = sentence.index("met")
    clause = sentence.index("Putin")
    assert modality_of(sentence, start, start + 3, clause) is Modality.REALIZED
    # the same cue inside the window counts when the clause starts earlier
    assert modality_of(sentence, start, start + 3, 0) is Modality.PLANNED


def test_far_cue_outside_the_window_is_ignored() -> None:
    sentence = "Will " + "x " * 40 + "Putin met Erdogan."
    assert modality(sentence, "met") is Modality.REALIZED


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian President Vladimir Putin will meet Turkish President Recep Erdogan.",
         Modality.PLANNED),
        ("Russian President Vladimir Putin did not meet Turkish President Recep Erdogan.",
         Modality.NEGATED),
        ("Russian President Vladimir Putin could meet Turkish President Recep Erdogan.",
         Modality.HYPOTHETICAL),
        ("Russian President Vladimir Putin met Turkish President Recep Erdogan.",
         Modality.REALIZED),
    ],
)  # fmt: skip
def test_parsed_meeting_carries_the_modality(text: str, expected: Modality) -> None:
    meetings = [e for e in de.parse(text) if isinstance(e, Meeting)]
    assert [m.modality for m in meetings] == [expected]


def test_a_window_cut_inside_a_word_reads_no_modal() -> None:
    # the window of 48 characters starts inside "African": "can" is no modal there
    sentence = (
        "The African Union Transition Mission in Somalia (ATMIS) said on Wednesday that the "
        "talks were useful."
    )
    start = sentence.index("said")
    assert modality_of(sentence, start, start + 4, 0) is Modality.REALIZED


def test_the_month_may_is_no_modal() -> None:
    sentence = "In May, Croatian forces overran the enclave."
    assert modality(sentence, "overran") is Modality.REALIZED
    assert modality("Croatian forces may overrun the enclave.", "overrun") is (
        Modality.HYPOTHETICAL
    )


def test_a_clause_joined_by_and_keeps_its_own_postponement() -> None:
    [ex] = [
        e
        for e in de.parse(
            "China and Russia began the joint drills on Monday and Japan's planned visit to "
            "Beijing was postponed.",
            published="2024-03-06",
        )
        if e.type == "military_exercise"
    ]
    assert ex.modality is Modality.REALIZED


def test_scrapping_or_cancelling_an_event_negates_it() -> None:
    sentence = "Cambodia in 2017 scrapped its Angkor Sentinel drills with the United States."
    assert modality(sentence, "drills") is Modality.NEGATED
    assert modality("Russia cancelled the planned talks with Ukraine.", "talks") is (
        Modality.NEGATED
    )
