"""Tests for sentence and paragraph splitting."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events._parsing.text.clean import clean
from diplo_events._parsing.text.sentences import (
    split_paragraphs,
    split_sentences,
    unwrap,
    wrap_width,
)

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_22928ed1188cab94.txt"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. and the U.N. condemned the attack. The U.K. did not.",
            ["The U.S. and the U.N. condemned the attack.", "The U.K. did not."],
        ),
        (
            "Gen. Mark Lee met Lt. Col. Ann Park and Dr. Ray Cole. They spoke.",
            ["Gen. Mark Lee met Lt. Col. Ann Park and Dr. Ray Cole.", "They spoke."],
        ),
        (
            "Mr. and Mrs. Park visited St. Petersburg. It rained.",
            ["Mr. and Mrs. Park visited St. Petersburg.", "It rained."],
        ),
        (
            "The talks began on Jan. 19 and Feb. 3 and ended Aug. 12 and Sept. 3 this year.",
            ["The talks began on Jan. 19 and Feb. 3 and ended Aug. 12 and Sept. 3 this year."],
        ),
        (
            "He lives at No. 10 with Acme Inc. staff, e.g. guards, i.e. police. Next.",
            ["He lives at No. 10 with Acme Inc. staff, e.g. guards, i.e. police.", "Next."],
        ),
        (
            "It was Tom vs. Jerry at 9 a.m. on Monday. At 5 p.m. The talks ended.",
            ["It was Tom vs. Jerry at 9 a.m. on Monday.", "At 5 p.m.", "The talks ended."],
        ),
        (
            "Acme Corp. signed. The deal closed.",
            ["Acme Corp. signed.", "The deal closed."],
        ),
        (
            "John F. Kennedy visited Berlin. J. R. R. Tolkien wrote books.",
            ["John F. Kennedy visited Berlin.", "J. R. R. Tolkien wrote books."],
        ),
        ("Growth was 2.5 percent. Prices fell.", ["Growth was 2.5 percent.", "Prices fell."]),
        (
            "He paused... Then he spoke. Wait... what?",
            ["He paused...", "Then he spoke.", "Wait... what?"],
        ),
        (
            'He said: "We will win. We are ready." Then he left.',
            ['He said: "We will win. We are ready."', "Then he left."],
        ),
        (
            '"We will win. We are ready," the minister said. He left.',
            ['"We will win. We are ready," the minister said.', "He left."],
        ),
        (
            '"Why?" he asked. Nobody knew! Did they care? No.',
            ['"Why?" he asked.', "Nobody knew!", "Did they care?", "No."],
        ),
        (
            "The talks were held in the U.S. President Lee attended.",
            ["The talks were held in the U.S. President Lee attended."],
        ),
        (
            "The drill began.The army said so.",
            ["The drill began.", "The army said so."],
        ),
        (
            'The drill began."We are ready," he said.',
            ["The drill began.", '"We are ready," he said.'],
        ),
        (
            "Talks in Geneva\nThe envoys met on Monday.",
            ["Talks in Geneva", "The envoys met on Monday."],
        ),
        (
            "The envoys met with the\nforeign minister on Monday.",
            ["The envoys met with the\nforeign minister on Monday."],
        ),
        ("(The talks ended.) Then came lunch.", ["(The talks ended.)", "Then came lunch."]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_never_crosses_a_paragraph_break() -> None:
    text = "The envoys met on Monday and\n\n   \nthey talked for hours"
    assert sentences(text) == ["The envoys met on Monday and", "they talked for hours"]


def test_offsets_and_bounds() -> None:
    text = "  First one.  Second one.   Third one.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one.", "Third one."]
    start = text.index("Second")
    assert split_sentences(text, start, start + len("Second one.")) == [spans[1]]
    assert split_sentences(text, 5, 2) == []
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


def test_split_paragraphs() -> None:
    text = "\n  One line.\nStill one.\n\n\nTwo.\n \t\nThree.  \n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == [
        "One line.\nStill one.",
        "Two.",
        "Three.",
    ]


def test_seed_sentences() -> None:
    cleaned = clean(SEED.read_text(encoding="utf-8"))
    found = [cleaned.norm[a:b] for a, b in split_sentences(cleaned.norm)]
    assert found[0] == "Turkmen, Uzbek, Russian Officials Hold Talks With Taliban in Qatar"
    assert (
        "Suhail Shaheen, the Taliban spokesperson, tweeted on Thursday that Baradar also met"
        " the Russian special envoy to Afghanistan, Zamir Kabulov."
    ) in found
    assert (
        "Moreover, Russia, Tajikistan, and Uzbekistan held a week-long military exercise that"
        " concluded earlier this week."
    ) in found
    # Nothing from the blanked lines.
    assert not any("Also Read" in s or "SOURCE" in s or "gtag" in s for s in found)
    assert len(found) == 20


# --- properties ---------------------------------------------------------------

_pieces = st.sampled_from(
    ["U.S.", " ", "Gen.", "said", ".", "!", "?", '"', "\n", "\n\n", "The", "he", "2.5", "...",
     "Jan.", "12", "J.", "Inc.", "a.m.", "'", "(", ")", "We", "win", "\u00a0", "\t"]
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(_pieces, max_size=40).map("".join)), st.data())
def test_spans_are_trimmed_ordered_and_inside(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(-3, len(text) + 3))
    end = data.draw(st.one_of(st.none(), st.integers(-3, len(text) + 3)))
    spans = split_sentences(text, start, end)
    lo = max(0, start)
    hi = len(text) if end is None else min(max(0, end), len(text))
    previous = lo
    for a, b in spans:
        assert previous <= a < b <= hi
        piece = text[a:b]
        assert piece == piece.strip()
        assert re.search(r"\n[^\S\n]*\n", piece) is None
        previous = b
    # Every non-space character of the range is in some sentence.
    covered = sum(not c.isspace() for a, b in spans for c in text[a:b])
    if lo < hi:
        assert covered == sum(not c.isspace() for c in text[lo:hi])


@given(st.text())
def test_paragraphs_are_trimmed_and_ordered(text: str) -> None:
    previous = 0
    for a, b in split_paragraphs(text):
        assert previous <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        previous = b


CpuLimit = Callable[[float], AbstractContextManager[None]]


@pytest.mark.parametrize("run", [".", "!", "?", "?!", ".!?", '."'])
def test_a_long_run_of_stops_is_split_in_linear_time(run: str, cpu_limit: CpuLimit) -> None:
    # A run not followed by a space was rescanned from each of its stops: 20,000 stops
    # took 12 s. Now 50,000 take a few milliseconds.
    text = "He left" + run * 25_000 + "a. Then he spoke."
    with cpu_limit(1.0):
        spans = split_sentences(text)
    assert [text[a:b] for a, b in spans][-1] == "Then he spoke."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("Wait... What now?", ["Wait...", "What now?"]),
        ('He said "Go!" Then left.', ['He said "Go!"', "Then left."]),
        ("It ended.\nThe end.", ["It ended.", "The end."]),
        ("Stop!!!x and go.", ["Stop!!!x and go."]),
    ],
)
def test_runs_of_stops_split_as_before(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


# Old wire copy broken at a fixed width: a capital after a filled line goes on with the
# sentence; a short line (a heading, a dateline) still ends one. Invented text.
WRAPPED = (
    "Rebels lose river town\n"
    "KABUL, Oct 9 (AP)\n"
    "Government troops and militia fighters on Sunday retook the river\n"
    "town of Sarband after a week of shelling and of heavy fighting, as\n"
    "officials said, and the troops were joined on the road by envoy Marc\n"
    "Lebrun -- who had flown in from the capital -- at a short meeting in\n"
    "the town hall."
)


def test_a_hard_wrapped_text_keeps_names_across_line_breaks() -> None:
    assert sentences(WRAPPED) == [
        "Rebels lose river town",
        "KABUL, Oct 9 (AP)\nGovernment troops and militia fighters on Sunday retook the river\n"
        "town of Sarband after a week of shelling and of heavy fighting, as\nofficials "
        "said, and the troops were joined on the road by envoy Marc\nLebrun -- "
        "who had flown in from the capital -- at a short meeting in\nthe town hall.",
    ]
    assert wrap_width(WRAPPED) > 0


def test_lines_of_a_text_that_is_not_wrapped_stay_sentences() -> None:
    text = "Leaders meet in Doha\nThe talks began on Monday\nThey ended on Tuesday"
    assert wrap_width(text) == 0
    assert sentences(text) == ["Leaders meet in Doha", "The talks began on Monday",
                               "They ended on Tuesday"]  # fmt: skip


def test_unwrap_joins_filled_lines_and_keeps_offsets() -> None:
    joined = unwrap(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert "envoy Marc Lebrun" in joined
    assert joined.startswith("Rebels lose river town\nKABUL, Oct 9 (AP)\n")
    text = "Leaders meet in Doha\nThe talks began on Monday"
    assert unwrap(text) == text
