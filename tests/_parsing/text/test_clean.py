"""Tests for text cleaning: same-length normalization, blanked furniture, blocks, datelines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events._parsing.text.clean import BlockKind, CleanText, clean

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_22928ed1188cab94.txt"


def blanked(cleaned: CleanText, line: str) -> bool:
    """Whether ``line`` of the original is all spaces in ``norm``."""
    at = cleaned.original.index(line)
    return cleaned.norm[at : at + len(line)].strip() == ""


def kept(cleaned: CleanText, line: str) -> bool:
    at = cleaned.original.index(line)
    return cleaned.norm[at : at + len(line)].strip() != ""


# --- characters -------------------------------------------------------------


def test_characters_are_mapped_one_for_one() -> None:
    text = (
        "Kabul\u00a0fell \u2014 the Taliban\u2019s \u201cvictory\u201d\u2026\u200bnow\ttoo\r\nend"
    )
    cleaned = clean(text)
    assert len(cleaned.norm) == len(text)
    assert cleaned.norm == 'Kabul fell - the Taliban\'s "victory". now too \nend'
    assert cleaned.original is text


def test_entities_keep_their_length() -> None:
    text = "AT&amp;T said&nbsp;no. The Taliban&#8217;s chief &#x201C;won&#x201D;."
    cleaned = clean(text)
    assert len(cleaned.norm) == len(text)
    at = text.index("&amp;")
    assert cleaned.norm[at : at + 5] == "&    "
    at = text.index("&#8217;")
    assert cleaned.norm[at : at + 7] == "'      "
    assert '"' in cleaned.norm
    assert "&nbsp;" not in cleaned.norm


def test_unknown_entity_is_left_alone() -> None:
    assert clean("Tom &notanentity; Jerry.").norm == "Tom &notanentity; Jerry."


def test_html_tags_and_scripts_are_blanked() -> None:
    text = (
        "<p>The envoy <b>met</b> the minister.</p>\n"
        "<script>window.dataLayer = [];\nfunction gtag(){dataLayer.push(arguments);}</script>\n"
        "The talks ended."
    )
    cleaned = clean(text)
    assert len(cleaned.norm) == len(text)
    assert "<" not in cleaned.norm
    assert "dataLayer" not in cleaned.norm
    assert "The envoy    met     the minister." in cleaned.norm
    assert cleaned.norm.count("\n") == text.count("\n")


# --- furniture lines ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Also Read: Rebels Take Another Town in the North",
        "Read more: What the ceasefire means",
        "RELATED: Five things to know about the summit",
        "SOURCE: JANE DOE/REUTERS",
        "(Photo: Ministry of Defence)",
        "Photo by John Smith",
        "Image: State media",
        "File photo",
        "Soldiers patrol a street in the capital on Monday. JOHN DOE/AP",
        "Delegates arrive at the conference hall Getty Images",
        "By John Smith",
        "By Jane Doe and Richard Roe",
        "Leave a Reply",
        "Share this",
        "Subscribe",
        "Advertisement",
        "© 2021 Example News. All rights reserved.",
        "Copyright 2021 Example Media",
        "August 13, 2021",
        "Published: 13 Aug 2021 10:33 GMT",
        "window.dataLayer = window.dataLayer || [];",
        "Home | World | Asia",
    ],
)
def test_furniture_line_is_blanked(line: str) -> None:
    text = f"Envoys met in Geneva.\n\n{line}\n\nThe talks lasted two hours."
    cleaned = clean(text)
    assert blanked(cleaned, line)
    assert kept(cleaned, "Envoys met in Geneva.")
    assert kept(cleaned, "The talks lasted two hours.")
    assert len(cleaned.norm) == len(text)


def test_caption_followed_by_credit_line_is_blanked() -> None:
    text = (
        "Leaders Meet in Geneva\n\n"
        "The foreign minister waves to reporters outside the hotel\n"
        "Photo: Jane Roe\n\n"
        "The ministers met for three hours on Monday."
    )
    cleaned = clean(text)
    assert blanked(cleaned, "The foreign minister waves to reporters outside the hotel")
    assert blanked(cleaned, "Photo: Jane Roe")
    assert kept(cleaned, "The ministers met for three hours on Monday.")


def test_caption_ending_with_a_date_is_blanked() -> None:
    text = (
        "Rebels advance\n\n"
        "The delegation arrives for talks in Geneva, Switzerland, March 3, 2020\n\n"
        "Fighting continued in the north. The army said it held the line."
    )
    cleaned = clean(text)
    assert blanked(
        cleaned, "The delegation arrives for talks in Geneva, Switzerland, March 3, 2020"
    )
    assert kept(cleaned, "Fighting continued in the north.")


def test_prose_is_kept() -> None:
    text = (
        "By Tuesday, the rebels had taken the town and the army had withdrawn to the south.\n\n"
        "Photographs of the meeting were shown on state television, the ministry said.\n\n"
        "The source of the shelling was not clear."
    )
    cleaned = clean(text)
    assert cleaned.norm == text


def test_prose_ending_in_a_sentence_before_a_credit_line_is_kept() -> None:
    text = "The army said it had retaken the town after two days of fighting.\nSOURCE: Wire\n"
    cleaned = clean(text)
    assert kept(cleaned, "The army said it had retaken the town")
    assert blanked(cleaned, "SOURCE: Wire")


def test_repeated_line_is_blanked() -> None:
    text = "Envoys Meet in Geneva\n\nEnvoys Meet in Geneva\n\nThe envoys met on Monday."
    cleaned = clean(text)
    second = text.index("Envoys Meet in Geneva", 5)
    assert cleaned.norm[second : second + 21].strip() == ""
    assert cleaned.norm.startswith("Envoys Meet in Geneva")


# --- blocks -------------------------------------------------------------------


def test_blocks_title_and_prose() -> None:
    text = "Envoys Meet in Geneva\nThe envoys met on Monday. They talked.\n\nA second paragraph."
    cleaned = clean(text)
    kinds = [(b.kind, cleaned.norm[b.start : b.end]) for b in cleaned.blocks]
    assert kinds == [
        (BlockKind.TITLE, "Envoys Meet in Geneva"),
        (BlockKind.PROSE, "The envoys met on Monday. They talked."),
        (BlockKind.PROSE, "A second paragraph."),
    ]


def test_first_line_with_a_period_is_prose() -> None:
    cleaned = clean("The envoys met on Monday.\n\nThey talked.")
    assert [b.kind for b in cleaned.blocks] == [BlockKind.PROSE, BlockKind.PROSE]


# --- datelines ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "place", "month", "day", "date", "agency"),
    [
        ("KABUL, Aug 12 (Reuters) - ", "Kabul", 8, 12, None, "Reuters"),
        ("Kabul, 13 September 2021 (TDI): ", "Kabul", 9, 13, dt.date(2021, 9, 13), "TDI"),
        ("WASHINGTON (AP) \u2014 ", "Washington", None, None, None, "AP"),
        ("MOSCOW, Sept 3 \u2014 ", "Moscow", 9, 3, None, None),
        ("CAMP HUMPHREYS, South Korea \u2014 ", "Camp Humphreys, South Korea", None, None, None,
         None),
        ("VIENNA, Austria (AP) _ ", "Vienna, Austria", None, None, None, "AP"),
        ("Khartoum, Sudan \u2013 ", "Khartoum, Sudan", None, None, None, None),
        ("BOGOTÁ, March 15 (EFE) - ", "Bogotá", 3, 15, None, "EFE"),
        ("DUBAI/BAGHDAD, Sept 12 (Reuters) - ", "Dubai/Baghdad", 9, 12, None, "Reuters"),
        ("ISLAMABAD: ", "Islamabad", None, None, None, None),
        ("NUSA DUA, Indonesia (Reuters) ", "Nusa Dua, Indonesia", None, None, None, "Reuters"),
        ("KABUL, Afghanistan ", "Kabul, Afghanistan", None, None, None, None),
        ("TALLINN. BNS ", "Tallinn", None, None, None, "BNS"),
        ("NEW DELHI (Agency News / Wire - 10th September, 2020) ", "New Delhi", None, None,
         None, "Agency News / Wire - 10th September, 2020"),
        ("Washington: ", "Washington", None, None, None, None),
    ],
)  # fmt: skip
def test_dateline(
    opening: str,
    place: str,
    month: int | None,
    day: int | None,
    date: dt.date | None,
    agency: str | None,
) -> None:
    text = f"Rebels Take the City\n\n{opening}The rebels took the city on Monday.\n"
    cleaned = clean(text)
    dateline = cleaned.dateline
    assert dateline is not None
    assert (dateline.place, dateline.month, dateline.day, dateline.date, dateline.agency) == (
        place,
        month,
        day,
        date,
        agency,
    )
    assert text[dateline.start : dateline.end] == opening
    assert cleaned.norm[dateline.start : dateline.end].strip() == ""
    assert dateline.place_start is not None
    assert dateline.place_end is not None
    assert text[dateline.place_start : dateline.place_end].upper() == place.upper()
    prose = next(b for b in cleaned.blocks if b.kind is BlockKind.PROSE)
    assert cleaned.norm[prose.start : prose.end] == "The rebels took the city on Monday."


def test_dateline_date_takes_the_year_from_published() -> None:
    cleaned = clean("KABUL, Aug 12 (Reuters) - The Taliban took the city.")
    assert cleaned.dateline is not None
    assert cleaned.dateline.date is None
    assert cleaned.dateline.date_with(dt.date(2021, 8, 13)) == dt.date(2021, 8, 12)
    assert cleaned.dateline.date_with(None) is None


def test_ordinary_openings_are_not_datelines() -> None:
    for text in (
        "On Wednesday, officials met in Doha.",
        "Kabul - the city was calm.",
        "The minister said: we will go.",
        "Officials from three countries held talks.",
        "UPDATE: officials met in Doha.",
        "NOTE: The minister said nothing.",
        "Kabul, Afghanistan The city was calm.",  # no dash: only capitals and a known town
        "MEANWHILE The minister said nothing.",
    ):
        assert clean(text).dateline is None, text


# --- the seed article -------------------------------------------------------------


def test_seed_article() -> None:
    original = SEED.read_text(encoding="utf-8")
    cleaned = clean(original)
    assert len(cleaned.norm) == len(original)
    assert original.startswith("!-- Google tag (gtag.js) -->")
    for line in (
        "!-- Google tag (gtag.js) -->",
        "SOURCE: HUSSEIN SAYED/REUTERS",
        "The Taliban delegation arrives for Afghan peace talks in Doha, Qatar, August 12, 2021",
        "Also Read: Afghan Government Proposes Power-Sharing Deal as Taliban Captures Kandahar",
        "Also Read: Why the Shanghai Cooperation Organization Needs to Step Up",
        "August 13, 2021",
    ):
        assert blanked(cleaned, line), line
    assert kept(cleaned, "On Wednesday, officials from Turkmenistan")
    assert kept(cleaned, "Around 2,500 troops from all three countries")
    assert "chief of the Taliban's political office" in cleaned.norm  # curly quote mapped
    title = cleaned.blocks[0]
    assert title.kind is BlockKind.TITLE
    assert cleaned.norm[title.start : title.end] == (
        "Turkmen, Uzbek, Russian Officials Hold Talks With Taliban in Qatar"
    )
    assert cleaned.dateline is None
    assert cleaned.published_hint == dt.date(2021, 8, 13)
    # The newlines are where they were: line structure is kept.
    assert [i for i, c in enumerate(cleaned.norm) if c == "\n"] == [
        i for i, c in enumerate(original) if c == "\n"
    ]


# --- properties ---------------------------------------------------------------

_pieces = st.sampled_from(
    ["Also Read: x", "SOURCE: A/REUTERS", "\n", "\n\n", "By John Smith", "&amp;", "&#8217;",
     "<b>", "</p>", "<script>", "<!--", "-->", "KABUL, Aug 12 (Reuters) - ", "\u2019", "\u00a0",
     "The envoy met the minister.", "August 13, 2021", "(Photo: AP)", "\r", "\r\n", " ", "\u2028"]
)  # fmt: skip


@given(st.one_of(st.text(), st.lists(_pieces, max_size=25).map("".join)))
def test_clean_never_raises_and_keeps_offsets(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.original == text
    assert len(cleaned.norm) == len(text)
    for block in cleaned.blocks:
        assert 0 <= block.start < block.end <= len(text)
        chunk = cleaned.norm[block.start : block.end]
        assert chunk == chunk.strip()
        assert chunk
    starts = [b.start for b in cleaned.blocks]
    assert starts == sorted(starts)
    if cleaned.dateline is not None:
        assert 0 <= cleaned.dateline.start < cleaned.dateline.end <= len(text)
        assert cleaned.norm[cleaned.dateline.start : cleaned.dateline.end].strip() == ""


@given(
    st.text(
        alphabet=st.characters(
            codec="ascii",
            exclude_characters="\r&<>`\x0b\x0c"
            "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12"
            "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f\t",
        )
    )
)
def test_norm_only_blanks_plain_ascii(text: str) -> None:
    cleaned = clean(text)
    for original_char, norm_char in zip(text, cleaned.norm, strict=True):
        assert norm_char in (original_char, " ")


def test_more_from_an_outlet_is_furniture() -> None:
    cleaned = clean("Rebels took the town.\n\nMore from SCMP: Beijing warns Manila\n\nIt is calm.")
    kinds = [b.kind for b in cleaned.blocks]
    assert BlockKind.PROSE in kinds
    assert "Beijing warns" not in "".join(
        cleaned.norm[b.start : b.end] for b in cleaned.blocks if b.kind is BlockKind.PROSE
    )


def test_an_agency_before_the_dateline_is_read_with_it() -> None:
    cleaned = clean("(ANSA) - ROME, MAY 6 - The Italian Navy launched its annual exercise.")
    assert cleaned.dateline is not None
    assert (cleaned.dateline.place, cleaned.dateline.agency) == ("Rome", "ANSA")
    assert (cleaned.dateline.month, cleaned.dateline.day) == (5, 6)


CpuLimit = Callable[[float], AbstractContextManager[None]]


@pytest.mark.parametrize("opening", ["<!--", "<script", "<style"])
def test_many_unclosed_containers_take_linear_time(opening: str, cpu_limit: CpuLimit) -> None:
    # Each unclosed "<!--" searched to the end of the text for its "-->": 300 KB took 50 s.
    text = f"{opening} x\nRussia met China.\n" * 20_000
    with cpu_limit(1.5):
        cleaned = clean(text)
    line = f"{opening} x"
    assert cleaned.norm[: len(line)] == " " * len(line)  # unclosed: blanked to the line end
    assert cleaned.norm.count("Russia met China.") == 1  # then repeated lines are blanked


def test_a_closed_container_after_unclosed_ones_is_blanked() -> None:
    text = "<!-- a\nKept.\n<script>var x;\n</script>\nAlso kept."
    norm = clean(text).norm
    assert "Kept." in norm
    assert "var x" not in norm
    assert "Also kept." in norm


def test_date_lines_with_long_runs_of_spaces_take_linear_time(cpu_limit: CpuLimit) -> None:
    # Each run of spaces was shared in every possible way among the optional parts around
    # it: one such 117-character line took 1.6 s.
    lines = ["0.0.00" + " " * 110 + "x", "12:30" + " " * 100 + "|" + " " * 5 + "x"] * 50
    with cpu_limit(1.0):
        clean("\n".join(lines))


@pytest.mark.parametrize(
    "line",
    [
        "Published:   August 12,  2021\t10:30 a.m. EST",
        "Monday 2021-08-13  |  updated  12:30",
        "2021-08-13 | Published",
    ],
)
def test_date_lines_with_runs_of_spaces_are_still_date_lines(line: str) -> None:
    assert blanked(clean(line + "\n\nRussia met China."), line)


def test_a_first_line_that_opens_a_quotation_is_no_headline() -> None:
    cleaned = clean('A Downing Street spokesperson said:\n\n"The talks were good."')
    assert [b.kind.value for b in cleaned.blocks] == ["prose", "prose"]


def test_a_photo_credit_inside_a_line_is_cut_out_and_breaks_it() -> None:
    text = "Ana Rojas met Luis Vega in Lima | Jane Roe/Getty Images Rojas meets Vega again."
    out = clean(text).norm
    assert len(out) == len(text)
    assert "Getty" not in out
    assert "Lima\n" in out
    assert out.endswith("Rojas meets Vega again.")
