"""Tests for date recognition: absolute, relative, ranges, durations and the seed article."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events._parsing.annotate.dates import (
    DateMention,
    find_dates,
    find_durations,
    infer_year,
    parse_published,
)
from diplo_events._parsing.text.clean import clean
from diplo_events.model import DatePrecision

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_22928ed1188cab94.txt"
PUB = dt.date(2021, 8, 13)  # a Friday
D = dt.date


def only(text: str, published: dt.date | None = PUB) -> DateMention:
    found = find_dates(text, published=published)
    assert len(found) == 1, found
    return found[0]


def spans(text: str, published: dt.date | None = PUB) -> list[tuple[str, dt.date, dt.date, str]]:
    return [
        (m.span.text or "", m.span.start, m.span.end, m.span.precision.value)
        for m in find_dates(text, published=published)
    ]


# --- absolute ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "mention"),
    [
        ("The talks began on August 12, 2021 in Doha.", D(2021, 8, 12), "August 12, 2021"),
        ("They met on 12 August 2021.", D(2021, 8, 12), "12 August 2021"),
        ("The vote is set for 2021-08-12.", D(2021, 8, 12), "2021-08-12"),
        ("The ministers spoke Wednesday, August 11, 2021.", D(2021, 8, 11),
         "Wednesday, August 11, 2021"),
        ("It was signed on the 3rd of March 2020.", D(2020, 3, 3), "the 3rd of March 2020"),
        ("An envoy arrived on Jan. 19, 1995 in Gaza.", D(1995, 1, 19), "Jan. 19, 1995"),
        ("APR 1, 2012 was the day.", D(2012, 4, 1), "APR 1, 2012"),
    ],
)  # fmt: skip
def test_absolute_day(text: str, expected: dt.date, mention: str) -> None:
    found = only(text, published=None)
    assert found.span.start == found.span.end == expected
    assert found.span.precision is DatePrecision.DAY
    assert found.span.text == mention
    assert text[found.start : found.end] == mention
    assert not found.relative


@pytest.mark.parametrize(
    ("text", "expected", "mention"),
    [
        ("The envoys met on Aug. 12 in Doha.", D(2021, 8, 12), "Aug. 12"),
        ("A summit opens Sept. 3 in Moscow.", D(2021, 9, 3), "Sept. 3"),
        ("The drills ended 12 Aug near the border.", D(2021, 8, 12), "12 Aug"),
        ("Leaders will meet on 3 September.", D(2021, 9, 3), "3 September"),
    ],
)
def test_yearless_takes_the_publication_year(text: str, expected: dt.date, mention: str) -> None:
    found = only(text)
    assert (found.span.start, found.span.text) == (expected, mention)


def test_yearless_far_after_publication_is_last_year() -> None:
    assert only("The offensive began on December 20.").span.start == D(2020, 12, 20)
    # Within about two months after publication the publication year stays.
    assert only("Elections are due on October 5.").span.start == D(2021, 10, 5)
    assert infer_year(10, 20, PUB) == D(2020, 10, 20)
    assert infer_year(2, 29, PUB) is None


def test_yearless_without_publication_date_gives_nothing() -> None:
    text = "They met on Aug. 12 and again on Wednesday, last week and yesterday, in May."
    assert find_dates(text, published=None) == []


def test_month_and_year_precision() -> None:
    assert spans("The accord of August 2021 held.") == [
        ("August 2021", D(2021, 8, 1), D(2021, 8, 31), "month")
    ]
    assert spans("Relations were restored in 2019 after talks.", None) == [
        ("2019", D(2019, 1, 1), D(2019, 12, 31), "year")
    ]
    assert spans("Troops have held the town since mid-2016.", None)[0][1:] == (
        D(2016, 1, 1),
        D(2016, 12, 31),
        "year",
    )
    assert spans("The rebels struck in May.") == [("May", D(2021, 5, 1), D(2021, 5, 31), "month")]


def test_numbers_that_are_not_years() -> None:
    assert find_dates("A force of 2000 troops and 1950 tanks.", published=PUB) == []
    assert find_dates("Up by 2021 percent? No: 2,019 people.", published=None) == []
    assert find_dates("He may go. They march on.", published=PUB) == []


def test_invalid_dates_are_skipped() -> None:
    assert find_dates("It happened on February 30, 2021 and on 31 April.", published=PUB) == []
    assert find_dates("On 2021-13-45 nothing happened.", published=PUB) == []


# --- relative ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("He spoke today.", D(2021, 8, 13), D(2021, 8, 13), "day"),
        ("He spoke yesterday.", D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("They meet tomorrow.", D(2021, 8, 14), D(2021, 8, 14), "day"),
        ("Rockets hit the city last night.", D(2021, 8, 12), D(2021, 8, 12), "day"),
        ("They met on Wednesday.", D(2021, 8, 11), D(2021, 8, 11), "day"),
        ("They met Friday.", D(2021, 8, 13), D(2021, 8, 13), "day"),
        ("They met last Friday.", D(2021, 8, 6), D(2021, 8, 6), "day"),
        ("They meet next Wednesday.", D(2021, 8, 18), D(2021, 8, 18), "day"),
        ("Shelling began on Wednesday night.", D(2021, 8, 11), D(2021, 8, 11), "day"),
        ("They met on Monday morning.", D(2021, 8, 9), D(2021, 8, 9), "day"),
        ("They met last week.", D(2021, 8, 2), D(2021, 8, 8), "week"),
        ("They met this week.", D(2021, 8, 9), D(2021, 8, 13), "week"),
        ("They met earlier this week.", D(2021, 8, 9), D(2021, 8, 13), "week"),
        ("They meet next week.", D(2021, 8, 16), D(2021, 8, 22), "week"),
        ("They met last month.", D(2021, 7, 1), D(2021, 7, 31), "month"),
        ("They met late last month.", D(2021, 7, 1), D(2021, 7, 31), "month"),
        ("They meet this month.", D(2021, 8, 1), D(2021, 8, 31), "month"),
        ("They met earlier this month.", D(2021, 8, 1), D(2021, 8, 13), "month"),
        ("They met last year.", D(2020, 1, 1), D(2020, 12, 31), "year"),
        ("They met this year.", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("They met earlier this year.", D(2021, 1, 1), D(2021, 8, 13), "year"),
        ("They met three days ago.", D(2021, 8, 10), D(2021, 8, 10), "day"),
    ],
)
def test_relative(text: str, start: dt.date, end: dt.date, precision: str) -> None:
    found = only(text)
    assert (found.span.start, found.span.end, found.span.precision.value) == (
        start,
        end,
        precision,
    )
    assert found.relative
    assert text[found.start : found.end] == found.span.text


def test_relative_mention_text_excludes_the_preposition() -> None:
    found = only("Officials met on Wednesday night in Doha.")
    assert found.span.text == "Wednesday night"


def test_relative_without_publication_date_gives_nothing() -> None:
    assert find_dates("today, yesterday, on Monday, last month", published=None) == []


def test_weekday_on_publication_day_is_that_day() -> None:
    assert only("The talks ended on Friday.", published=D(2021, 8, 13)).span.start == PUB


def test_plural_weekday_is_habitual_not_a_date() -> None:
    assert find_dates("Markets close on Fridays.", published=PUB) == []


# --- ranges -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "mention"),
    [
        ("Drills run from 5 to 10 August.", D(2021, 8, 5), D(2021, 8, 10), "from 5 to 10 August"),
        ("Drills run Aug 5-10 near the coast.", D(2021, 8, 5), D(2021, 8, 10), "Aug 5-10"),
        ("Drills ran between 5 and 10 August 2021.", D(2021, 8, 5), D(2021, 8, 10),
         "between 5 and 10 August 2021"),
        ("Drills ran 5-10 August.", D(2021, 8, 5), D(2021, 8, 10), "5-10 August"),
        ("It runs from June 27 to July 9.", D(2021, 6, 27), D(2021, 7, 9),
         "from June 27 to July 9"),
        ("It ran from 28 December 2020 to 3 January 2021.", D(2020, 12, 28), D(2021, 1, 3),
         "from 28 December 2020 to 3 January 2021"),
    ],
)  # fmt: skip
def test_ranges(text: str, start: dt.date, end: dt.date, mention: str) -> None:
    found = only(text)
    assert (found.span.start, found.span.end) == (start, end)
    assert found.span.precision is DatePrecision.DAY
    assert found.span.text == mention


def test_two_days_of_one_month() -> None:
    found = find_dates("Rebels took two towns on Nov. 3 and 8, one after the other.", published=PUB)
    assert [(m.span.text, m.span.start) for m in found] == [
        ("Nov. 3", D(2020, 11, 3)),
        ("8", D(2020, 11, 8)),
    ]


def test_start_and_end_bound_the_search() -> None:
    text = "On Monday they met. On Tuesday they left."
    found = find_dates(text, published=PUB, start=20)
    assert [m.span.text for m in found] == ["Tuesday"]
    assert found[0].start == text.index("Tuesday")
    assert find_dates(text, published=PUB, end=10) == find_dates(text[:10], published=PUB)


# --- durations --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "days"),
    [
        ("They held a week-long military exercise.", "week-long", 7),
        ("A weeklong drill ended.", "weeklong", 7),
        ("The two-week exercise began.", "two-week", 14),
        ("A three-day visit.", "three-day", 3),
        ("A 3-day visit.", "3-day", 3),
        ("An 11-day exercise.", "11-day", 11),
        ("The drills will go on for 10 days.", "for 10 days", 10),
        ("A month-long operation.", "month-long", 30),
        ("Troops stayed for two weeks.", "for two weeks", 14),
        ("The second phase will last for six days.", "last for six days", 6),
    ],
)
def test_durations(text: str, mention: str, days: int) -> None:
    found = find_durations(text)
    assert len(found) == 1
    start, end, value = found[0]
    assert (text[start:end], value) == (mention, days)


def test_no_duration_in_plain_text() -> None:
    assert find_durations("One day he will return; the day was long.") == []


# --- publication date -------------------------------------------------------


def test_parse_published() -> None:
    assert parse_published("2021-08-13") == PUB
    assert parse_published("2021-08-13T10:30:00Z") == PUB
    assert parse_published(PUB) == PUB
    assert parse_published(dt.datetime(2021, 8, 13, 9, 0)) == PUB
    assert parse_published(None) is None
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_published("13/08/2021")
    with pytest.raises(ValueError, match="ISO 8601"):
        parse_published("")


@given(st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True))
def test_a_plain_day_reads_as_dateutil_reads_it(text: str) -> None:
    from dateutil.parser import isoparse

    try:
        expected: dt.date | None = isoparse(text).date()
    except (ValueError, OverflowError):
        expected = None
    if expected is None:
        with pytest.raises(ValueError, match="ISO 8601"):
            parse_published(text)
    else:
        assert parse_published(text) == expected


def test_a_plain_day_does_not_load_dateutils_parser() -> None:
    # dateutil.parser (and the time-zone machinery it pulls in) weighs on every cold start.
    probe = (
        "import sys\n"
        "from diplo_events._parsing.annotate.dates import parse_published\n"
        "parse_published('2021-08-13')\n"
        "print('dateutil.parser' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["False"]


# --- the seed article -------------------------------------------------------


def test_seed_article_dates() -> None:
    cleaned = clean(SEED.read_text(encoding="utf-8"))
    found = find_dates(cleaned.norm, published=PUB)
    by_text = {m.span.text: m for m in found}
    wednesday = by_text["Wednesday"]
    assert cleaned.original[wednesday.start - 3 : wednesday.end] == "On Wednesday"
    assert wednesday.span.start == D(2021, 8, 11)
    assert by_text["Thursday"].span.start == D(2021, 8, 12)
    week = by_text["earlier this week"]
    assert (week.span.start, week.span.end) == (D(2021, 8, 9), D(2021, 8, 13))
    assert week.span.precision is DatePrecision.WEEK
    # The blanked date line and photo caption give no dates.
    assert "August 13, 2021" not in by_text
    assert "August 12, 2021" not in by_text
    for mention in found:
        assert cleaned.original[mention.start : mention.end] == mention.span.text
    durations = find_durations(cleaned.norm)
    assert [(cleaned.norm[s:e], d) for s, e, d in durations] == [("week-long", 7)]


# --- properties -------------------------------------------------------------

_date_words = st.sampled_from(
    [" ", "on ", "Aug. ", "12", "-", "5", " to ", "August", " 2021", "Wednesday", " last ",
     "week", "this ", "earlier ", "month", "year", "between ", " and ", "from ", "Sept",
     "February 30", "in ", "1999", "today", "ago", "three days", ",", ".", "\n", "mid-",
     "9999-12-31", "0001-01-01", "31", "night", "next ", "for ", "-long", "two-week"]
)  # fmt: skip
_texts = st.one_of(st.text(), st.lists(_date_words, max_size=30).map("".join))
_published = st.one_of(st.none(), st.dates())


@given(text=_texts, published=_published, data=st.data())
def test_never_raises_and_offsets_hold(
    text: str, published: dt.date | None, data: st.DataObject
) -> None:
    start = data.draw(st.integers(-5, len(text) + 5))
    end = data.draw(st.one_of(st.none(), st.integers(-5, len(text) + 5)))
    found = find_dates(text, published=published, start=start, end=end)
    lo = max(0, start)
    hi = len(text) if end is None else max(0, min(end, len(text)))
    previous_end = 0
    for mention in found:
        assert text[mention.start : mention.end] == mention.span.text
        assert lo <= mention.start <= mention.end <= hi
        assert mention.start >= previous_end
        assert mention.span.start <= mention.span.end
        previous_end = mention.end
    for d_start, d_end, days in find_durations(text, start, end):
        assert lo <= d_start < d_end <= hi
        assert days > 0


@given(text=_texts)
def test_relative_forms_need_a_publication_date(text: str) -> None:
    assert all(not m.relative for m in find_dates(text, published=None))


@pytest.mark.parametrize(
    ("text", "year"),
    [("in June last year", 2020), ("in June this year", 2021), ("in March of next year", 2022)],
)
def test_a_month_with_a_relative_year(text: str, year: int) -> None:
    [d] = find_dates(f"They met {text}.", published=PUB)
    assert d.span.precision is DatePrecision.MONTH
    assert d.span.start.year == year
    assert d.span.text == text.removeprefix("in ")


def test_a_weekday_of_last_week_is_in_the_calendar_week_before() -> None:
    published = dt.date(2024, 10, 31)  # a Thursday
    [d] = find_dates("He spoke on Thursday last week.", published=published)
    assert (d.span.start, d.span.precision) == (dt.date(2024, 10, 24), DatePrecision.DAY)
    [d] = find_dates("He spoke on Monday of last week.", published=published)
    assert d.span.start == dt.date(2024, 10, 21)


def test_last_weekend_after_a_weekday_is_not_last_week() -> None:
    published = dt.date(2024, 3, 6)
    found = find_dates(
        "Russia said on Tuesday last weekend's talks were useful.", published=published
    )
    assert found[0].span.start == dt.date(2024, 3, 5)


def test_a_day_of_last_year_is_in_the_year_before_publication() -> None:
    [d] = find_dates("They met on November 24 last year.", published=dt.date(2024, 10, 17))
    assert d.span.start == dt.date(2023, 11, 24)
