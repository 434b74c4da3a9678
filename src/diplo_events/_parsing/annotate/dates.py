"""Date recognition: absolute, relative and range expressions, and event durations.

:func:`find_dates` turns the date expressions of a text into :class:`DateMention`
records whose :class:`~diplo_events.model.DateSpan` carries a precision (day,
week, month or year) and the exact matched text. Expressions without a year
("Aug. 12", "on Wednesday", "last month") are anchored on the publication date;
with no publication date they yield nothing, never a guess.

Everything is found by one compiled regular expression (one pass, no nested
quantifiers over overlapping alternatives), so the cost is linear in the text.
Impossible dates ("February 30") are skipped; no input makes these functions raise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator

import attrs
from dateutil.relativedelta import relativedelta

from ...model import DatePrecision, DateSpan

__all__ = [
    "MONTHS",
    "OFFSET",
    "DateMention",
    "find_dates",
    "find_durations",
    "infer_year",
    "parse_published",
]

#: "three days after", "a week earlier": an offset from a day told elsewhere; a date on
#: its other side belongs to another happening (the timeline dates it when it can)
OFFSET = re.compile(
    r"\b(?:(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|"
    r"couple of)[ -](?P<unit>days?|weeks?|months?|years?|hours?) "
    r"(?P<way>after|before|earlier|later|prior)"
    # "the following day", "the next day", "the previous day": one day after / before
    r"|the (?:(?P<day_after>following|next)|(?P<day_before>previous|preceding)) day"
    # "the day before", "the day after (the talks)"
    r"|the day (?P<dayway>before|after)(?! (?:tomorrow|yesterday))"
    # "that day", "the same day", "later that day": the day told before
    r"|(?P<same_day>(?:that|the same|that same) day))\b",
    re.IGNORECASE,
)

#: Month numbers by lower-case name or abbreviation (without the dot).
MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

_NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "ninety": 90,
}

_UNIT_DAYS: dict[str, int] = {"day": 1, "week": 7, "month": 30, "year": 365}

#: A yearless date is put in the publication year unless that places it more than
#: this many days after publication; then it is put in the year before.
YEARLESS_LOOKAHEAD_DAYS = 60


@attrs.frozen
class DateMention:
    """A date expression found in a text: ``text[start:end] == span.text``.

    ``relative`` tells that the date was computed from the publication date
    ("on Wednesday", "last week") rather than read from the text; ``bound`` that it
    only bounds a period ("since March 3", "until Friday"): no happening's day.
    """

    start: int
    end: int
    span: DateSpan
    relative: bool = False
    bound: bool = False


# --- the pattern ------------------------------------------------------------


_Trie = dict[str, "_Trie"]


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast to scan)."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _cased(words: list[str]) -> str:
    """An alternation of ``words`` in Title and UPPER case."""
    return "(?:" + _trie(sorted({w.title() for w in words} | {w.upper() for w in words})) + ")"


def _both(words: list[str]) -> str:
    """An alternation of ``words`` in lower and Title case."""
    return "(?:" + _trie(sorted(set(words) | {w[:1].upper() + w[1:] for w in words})) + ")"


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
_MONTH = rf"(?:(?:{_cased(_FULL_MONTHS)})|(?:{_cased(_ABBR_MONTHS)})\.?)(?![A-Za-z])"
_FULL_MONTH = rf"(?:{_cased(_FULL_MONTHS)})(?![A-Za-z])"
_WEEKDAY = rf"(?:{_cased(list(_WEEKDAYS))})(?![A-Za-z])"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
_YEAR = r"[12]\d{3}(?![\d%]|[.,]\d)"
# A year in context; not a count or a measure ("by 2000 votes", "in 2019 km").
_CTX_YEAR = (
    r"(?:19\d{2}|20\d{2}|2100)(?![\d%]|[.,]\d|-\d)"
    r"(?!\s(?:percent|per\scent|people|persons|troops|soldiers|men|votes|km|kilomet\w*|miles"
    r"|metres|meters|tons|tonnes|dollars|euros|units|cases|deaths)\b)"
)
_NUM = rf"(?:\d{{1,3}}|{_both([w for w in _NUMBER_WORDS if w not in ('a', 'an')])})"
_WD_PREFIX = rf"(?:{_WEEKDAY},?\s)?"
_RANGE_SEP = r"(?:\s?-{1,2}\s?|\s(?:to|until|till|through|thru)\s)"


# Words that make a bare month name or a bare year a date: "in May", "since 2019".
_MONTH_CONTEXT = _both(
    ["in", "since", "during", "until", "till", "by", "of", "from", "before", "after",
     "throughout", "last", "this", "next", "early", "late", "mid"]
)  # fmt: skip
_YEAR_CONTEXT = _both(
    ["in", "since", "during", "until", "till", "by", "before", "after", "throughout", "early",
     "late", "mid", "spring", "summer", "autumn", "fall", "winter"]
)  # fmt: skip
_PERIOD_RELATION = _both(
    ["this", "last", "next", "previous", "past", "the past", "the previous", "the coming",
     "the next"]
)  # fmt: skip


_PARTS: dict[str, str] = {
    "MONTH": _MONTH,
    "FULL_MONTH": _FULL_MONTH,
    "WEEKDAY": _WEEKDAY,
    "DAY": _DAY,
    "YEAR": _YEAR,
    "CTX_YEAR": _CTX_YEAR,
    "NUM": _NUM,
    "WD_PREFIX": _WD_PREFIX,
    "RANGE_SEP": _RANGE_SEP,
    "MONTH_CONTEXT": _MONTH_CONTEXT,
    "YEAR_CONTEXT": _YEAR_CONTEXT,
    "PERIOD_RELATION": _PERIOD_RELATION,
    "PART_OF_DAY": r"(?:morning|afternoon|evening|night)",
    "REL_DAY": _both(["today", "tonight", "yesterday", "tomorrow"]),
    "THIS_LAST": _both(["this", "last"]),
    "QUALITY": _both(["earlier", "later", "early", "late"]),
    "WD_MOD": _both(["last", "next", "this", "past", "coming"]),
    "UNIT_ANY": _both(["day", "week", "month", "year"]),
}


def _expand(template: str) -> str:
    """``template`` with every ``<<NAME>>`` replaced by the regex part NAME."""
    return re.sub(r"<<(\w+)>>", lambda m: _PARTS[m.group(1)], template)


_ALTERNATIVES: list[tuple[str, str]] = [
    # 2021-08-12
    ("iso", r"(?<![\d-])(?P<iso_y>[12]\d{3})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)(?![\d-])"),
    # 5-10 August 2021, from 5 to 10 August, between 5 and 10 August, 28 Dec 2020 to 3 Jan 2021
    ("rdm", r"(?:(?P<rdm_btw>[Bb]etween)\s|[Ff]rom\s)?(?P<rdm_d1><<DAY>>)"
     r"(?:\s(?:of\s)?(?P<rdm_m1><<MONTH>>)(?:,?\s(?P<rdm_y1><<YEAR>>))?)?"
     r"(?(rdm_btw)\sand\s|<<RANGE_SEP>>)(?P<rdm_d2><<DAY>>)\s(?:of\s)?(?P<rdm_m2><<MONTH>>)"
     r"(?:,?\s(?P<rdm_y2><<YEAR>>))?"),
    # Aug 5-10, from 28 May to 3 June, between Aug 5 and 10, 2021
    ("rmd", r"(?:(?P<rmd_btw>[Bb]etween)\s|[Ff]rom\s)?(?P<rmd_m1><<MONTH>>)\s?"
     r"(?P<rmd_d1><<DAY>>)(?:,?\s(?P<rmd_y1><<YEAR>>))?(?(rmd_btw)\sand\s|<<RANGE_SEP>>)"
     r"(?:(?P<rmd_m2><<MONTH>>)\s?)?(?P<rmd_d2><<DAY>>)(?:,?\s(?P<rmd_y2><<YEAR>>))?"),
    # (Wednesday,) August 12(, 2021), Aug. 12 and 19
    ("md", r"<<WD_PREFIX>>(?P<md_m><<MONTH>>)\s?(?P<md_d><<DAY>>)"
     r"(?:\s(?:and|&)\s(?P<md_d2><<DAY>>)"
     r"(?=[,.;:)]|$|\s(?:and|or|respectively)\b|,?\s<<YEAR>>))?"
     r"(?:,?\s(?P<md_y><<YEAR>>)|\s(?P<md_ly>last\syear)(?![\w'’-]))?"),
    # (Wednesday,) 12 August(, 2021), the 12th of August
    ("dm", r"<<WD_PREFIX>>(?:the\s)?(?P<dm_d><<DAY>>)\s(?:of\s)?(?P<dm_m><<MONTH>>)"
     r"(?:,?\s(?P<dm_y><<YEAR>>))?"),
    # August 2021, mid-August 2021
    ("my", r"(?:(?:[Ee]arly|[Ll]ate|[Mm]id)[- ])?(?P<my_m><<MONTH>>),?\s(?P<my_y><<YEAR>>)"),
    # in May, since March, last August, mid-July
    # ... in June last year, in March of next year
    ("mo", r"(?P<mo_pre><<MONTH_CONTEXT>>)[- ](?P<mo_m><<FULL_MONTH>>)"
     r"(?:\s(?:of\s)?(?P<mo_rel>last|this|next)\syear(?![\w-]))?(?![\w-]|\s\d)"),
    # in 2019, since 2001, mid-2019
    ("yr", r"(?P<yr_pre><<YEAR_CONTEXT>>)[- ](?:of\s)?(?P<yr_y><<CTX_YEAR>>)"),
    # three days ago, a week ago
    ("ago", r"(?P<ago_n><<NUM>>|[Aa]n?)\s(?P<ago_u>(?:day|week|month|year)s?)\sago\b"),
    # today, yesterday morning, tomorrow, tonight, last night, this morning
    ("rd", r"(?P<rd_w><<REL_DAY>>)(?:\s<<PART_OF_DAY>>)?(?![\w-])"
     r"|(?P<rd_this><<THIS_LAST>>)\s(?P<rd_part><<PART_OF_DAY>>)(?![\w-])"),
    # earlier this week, last month, late last month, next year, the past week
    ("rp", r"(?:(?P<rp_q><<QUALITY>>)\s)?(?P<rp_rel><<PERIOD_RELATION>>)\s"
     r"(?P<rp_u>weekend|week|month|year)(?![\w-])"),
    # (on) Wednesday (night), last Friday, next Monday
    ("wd", r"(?:(?P<wd_mod><<WD_MOD>>)\s)?(?P<wd_day><<WEEKDAY>>)(?:\s<<PART_OF_DAY>>)?"
           r"(?:\s(?P<wd_lw>(?:of\s)?last\sweek)(?![\w'’-]))?"),
]  # fmt: skip

_DATE_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{_expand(body)})" for name, body in _ALTERNATIVES) + ")"
)


def _forms(words: list[str], *, lower: bool) -> list[str]:
    cased = {f for w in words for f in (w[:1].upper() + w[1:], w.upper())}
    return sorted(cased | set(words) if lower else cased)


# Every date expression holds one of these words; the full pattern only runs near them.
_TRIGGER = (
    "(?:"
    + _trie(
        _forms(list(MONTHS) + list(_WEEKDAYS), lower=False)
        + _forms(["today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
                  "evening", "night", "week", "weekend", "month", "year", "ago"], lower=True)
        + ["19", "20"]
    )
    + r")(?:(?<=[A-Za-z])(?![A-Za-z])|(?<=\d)\d\d(?!\d))"
)  # fmt: skip
# A trigger after the character that precedes nearly every word start. Starting the
# pattern with a small character set lets the regex engine skip other text quickly.
_LEAD_TRIGGER_RE = re.compile(r"[\s(\[{\"'/,.;:-]" + _TRIGGER)
_TRIGGER_RE = re.compile(_TRIGGER)
_WORD_START_RE = re.compile(r"(?<!\w)\w")
#: How far before and after the start of a trigger word a date expression can reach.
_BEFORE_TRIGGER = 28  # "between 31st and 30th of " is the longest lead
_AFTER_TRIGGER = 80

# Every duration holds one of these unit words.
_UNIT_TRIGGER_RE = re.compile(r"[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear")
#: How far before its unit word a duration can start ("lasting more than twenty ").
_BEFORE_UNIT = 40

# Durations: "week-long", "two-week", "3-day", "for 10 days", "lasting six days".
_DURATION_RE = re.compile(
    _expand(
        r"(?<!\w)(?:(?:(?P<dl_n><<NUM>>)[- ])?(?P<dl_u><<UNIT_ANY>>)-?long(?![\w-])"
        r"|(?P<da_n><<NUM>>)-(?P<da_u>day|week|month|year)(?![\w-])"
        r"|(?:[Ff]or|[Ll]ast(?:s|ed|ing)(?:\sfor)?|(?:(?<=will\s)|(?<=to\s)|(?<=would\s))last"
        r"(?:\sfor)?|[Ss]panning|[Rr]unning\sfor)"
        r"\s(?:(?:about|around|nearly|almost|some|over|more\sthan|up\sto|at\sleast)\s)?"
        r"(?:the\snext\s|another\s)?"
        r"(?P<df_n><<NUM>>|[Aa]n?)\s(?P<df_u>day|week|month|year)s?(?![\w-]))"
    )
)


# --- public functions -------------------------------------------------------


_PLAIN_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """The publication date from an ISO 8601 string, a date or a datetime, or None.

    Raises :class:`ValueError` with a clear message on a string that is not an
    ISO 8601 date (``"2021-08-13"``, also with a time part).
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise TypeError(
            f"published must be an ISO 8601 string, a datetime.date or None,"
            f" got {type(value).__name__}"
        )
    text = value.strip()
    try:
        if _PLAIN_DAY.fullmatch(text):  # the usual form, without importing dateutil's parser
            return dt.date.fromisoformat(text)
        from dateutil.parser import isoparse  # costs more to import than this whole module

        return isoparse(text).date()
    except (ValueError, OverflowError) as exc:
        raise ValueError(
            f"published must be an ISO 8601 date such as '2021-08-13', got {value!r}"
        ) from exc


def infer_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The date ``month``/``day`` closest before (or shortly after) ``published``.

    The publication year is taken unless that puts the date more than
    :data:`YEARLESS_LOOKAHEAD_DAYS` after publication; then the previous year.
    None for an impossible date (February 30, February 29 of a common year).
    """
    try:
        candidate = dt.date(published.year, month, day)
        if (candidate - published).days > YEARLESS_LOOKAHEAD_DAYS:
            candidate = dt.date(published.year - 1, month, day)
    except (ValueError, OverflowError):
        return None
    return candidate


def find_dates(
    text: str, *, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Every date expression in ``text[start:end]``, in text order.

    Offsets are offsets into ``text``. Expressions that need the publication
    date to be resolved are left out when ``published`` is None.
    """
    stop = len(text) if end is None else max(0, min(end, len(text)))
    begin = max(0, min(start, stop))
    found: list[DateMention] = []
    done = begin  # no expression starts before this offset any more
    match_at = _DATE_RE.match
    # Every expression holds a trigger word (a month, a weekday, "week", a year ...) and
    # starts at most a few words before it: find triggers with a cheap pattern, then try
    # the full pattern at the word starts just before each trigger, leftmost first.
    for at in _triggers(text, begin, stop):
        if at < done:
            continue
        window_end = min(stop, at + _AFTER_TRIGGER)
        for word in _WORD_START_RE.finditer(text, max(done, at - _BEFORE_TRIGGER), at + 1):
            if word.start() < done:
                continue
            match = match_at(text, word.start(), window_end)
            if match is not None:
                done = match.end()
                found.extend(_resolve(match, text, published))
                if done > at:
                    break
    return found


def _triggers(text: str, begin: int, stop: int) -> Iterator[int]:
    """Offsets of the trigger words that start a word in ``text[begin:stop]``."""
    if _TRIGGER_RE.match(text, begin, stop) and not (begin and text[begin - 1].isalnum()):
        yield begin
    for lead in _LEAD_TRIGGER_RE.finditer(text, begin, stop):
        yield lead.start() + 1


def _resolve(match: re.Match[str], text: str, published: dt.date | None) -> list[DateMention]:
    kind = match.lastgroup
    if kind is None:  # pragma: no cover - every alternative is a named group
        return []
    try:
        return list(_HANDLERS[kind](match, text, published))
    except (ValueError, OverflowError):  # an impossible date, or out of datetime's range
        return []


def find_durations(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, int]]:
    """Durations in ``text[start:end]`` as ``(start, end, days)``: "week-long" -> 7.

    Months count 30 days and years 365.
    """
    stop = len(text) if end is None else max(0, min(end, len(text)))
    begin = max(0, min(start, stop))
    found: list[tuple[int, int, int]] = []
    done = begin
    match_at = _DURATION_RE.match
    # Every duration holds a unit word; try the pattern at the word starts just before it.
    for unit in _UNIT_TRIGGER_RE.finditer(text, begin, stop):
        at = unit.start()
        if at < done:
            continue
        window_end = min(stop, unit.end() + 6)  # "-long"
        for word in _WORD_START_RE.finditer(text, max(done, at - _BEFORE_UNIT), at + 1):
            if word.start() < done:
                continue
            match = match_at(text, word.start(), window_end)
            if match is None or match.end() <= at:
                continue
            done = match.end()
            if match.group("dl_u") is not None:
                count, unit_word = _count(match.group("dl_n"), 1), match.group("dl_u").lower()
            elif match.group("da_u") is not None:
                count, unit_word = _count(match.group("da_n"), 1), match.group("da_u")
            else:
                count, unit_word = _count(match.group("df_n"), 1), match.group("df_u")
            if count > 0:
                found.append((match.start(), match.end(), count * _UNIT_DAYS[unit_word]))
            break
    return found


# --- handlers ---------------------------------------------------------------

_Handler = Callable[[re.Match[str], str, dt.date | None], Iterator[DateMention]]


def _count(word: str | None, default: int) -> int:
    if word is None:
        return default
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word.lower(), default)


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".").lower()]


def _day(word: str) -> int:
    return int(word.rstrip("stndrh"))


def _mention(
    match: re.Match[str],
    text: str,
    first: dt.date,
    last: dt.date,
    precision: DatePrecision,
    *,
    relative: bool = False,
    start: int | None = None,
    end: int | None = None,
) -> DateMention:
    s = match.start() if start is None else start
    e = match.end() if end is None else end
    span = DateSpan(start=first, end=last, precision=precision, text=text[s:e])
    return DateMention(start=s, end=e, span=span, relative=relative)


def _full_date(year: str | None, month: int, day: int, published: dt.date | None) -> dt.date | None:
    if year is not None:
        return dt.date(int(year), month, day)
    if published is None:
        return None
    return infer_year(month, day, published)


def _iso(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    day = dt.date(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
    yield _mention(match, text, day, day, DatePrecision.DAY)


def _range(
    match: re.Match[str],
    text: str,
    published: dt.date | None,
    m1: int,
    d1: int,
    y1: str | None,
    m2: int,
    d2: int,
    y2: str | None,
) -> Iterator[DateMention]:
    year = y2 or y1
    if year is not None:
        last = dt.date(int(year), m2, d2)
        first_year = int(y1) if y1 is not None else last.year - (1 if (m1, d1) > (m2, d2) else 0)
        first = dt.date(first_year, m1, d1)
    else:
        if published is None:
            return
        maybe_first = infer_year(m1, d1, published)
        if maybe_first is None:
            return
        first = maybe_first
        last = dt.date(first.year + (1 if (m1, d1) > (m2, d2) else 0), m2, d2)
    if first <= last:
        yield _mention(match, text, first, last, DatePrecision.DAY)


def _rdm(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    m2 = _month(match["rdm_m2"])
    m1 = _month(match["rdm_m1"]) if match["rdm_m1"] else m2
    yield from _range(
        match, text, published,
        m1, _day(match["rdm_d1"]), match["rdm_y1"], m2, _day(match["rdm_d2"]), match["rdm_y2"],
    )  # fmt: skip


def _rmd(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    m1 = _month(match["rmd_m1"])
    m2 = _month(match["rmd_m2"]) if match["rmd_m2"] else m1
    yield from _range(
        match, text, published,
        m1, _day(match["rmd_d1"]), match["rmd_y1"], m2, _day(match["rmd_d2"]), match["rmd_y2"],
    )  # fmt: skip


def _md(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    month = _month(match["md_m"])
    year = match["md_y"]
    if match["md_ly"] and published is not None:
        year = str(published.year - 1)  # "on November 24 last year"
    if match["md_d2"] is None:
        day = _full_date(year, month, _day(match["md_d"]), published)
        if day is not None:
            yield _mention(match, text, day, day, DatePrecision.DAY)
        return
    # "Nov. 3 and 8(, 2020)": two dates in the same month.
    for group, s, e in (
        ("md_d", match.start(), match.end("md_d")),
        ("md_d2", match.start("md_d2"), match.end() if year else match.end("md_d2")),
    ):
        try:
            day = _full_date(year, month, _day(match[group]), published)
        except ValueError:
            continue
        if day is not None:
            yield _mention(match, text, day, day, DatePrecision.DAY, start=s, end=e)


def _dm(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    day = _full_date(match["dm_y"], _month(match["dm_m"]), _day(match["dm_d"]), published)
    if day is not None:
        yield _mention(match, text, day, day, DatePrecision.DAY)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    return first, first + relativedelta(day=31)


def _my(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    first, last = _month_span(int(match["my_y"]), _month(match["my_m"]))
    yield _mention(match, text, first, last, DatePrecision.MONTH)


def _mo(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    if published is None:
        return
    month = _month(match["mo_m"])
    pre = match["mo_pre"].lower()
    if match["mo_rel"]:
        year = published.year + {"last": -1, "this": 0, "next": 1}[match["mo_rel"]]
    elif pre == "last":
        year = published.year - (1 if month >= published.month else 0)
    elif pre == "next":
        year = published.year + (1 if month <= published.month else 0)
    elif pre == "this":
        year = published.year
    else:
        year = published.year
        if (dt.date(year, month, 1) - published).days > YEARLESS_LOOKAHEAD_DAYS:
            year -= 1
    first, last = _month_span(year, month)
    start = match.start() if pre in ("last", "next", "this", "early", "late", "mid") else None
    yield _mention(
        match, text, first, last, DatePrecision.MONTH,
        relative=True, start=start if start is not None else match.start("mo_m"),
    )  # fmt: skip


def _yr(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    year = int(match["yr_y"])
    pre = match["yr_pre"].lower()
    start = match.start() if pre in ("early", "late", "mid") else match.start("yr_y")
    yield _mention(
        match, text, dt.date(year, 1, 1), dt.date(year, 12, 31), DatePrecision.YEAR, start=start
    )


def _ago(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    if published is None:
        return
    count = _count(match["ago_n"], 1)
    unit = match["ago_u"].rstrip("s")
    if unit == "day":
        day = published - dt.timedelta(days=count)
        yield _mention(match, text, day, day, DatePrecision.DAY, relative=True)
    elif unit == "week":
        day = published - dt.timedelta(weeks=count)
        yield _mention(match, text, day, day, DatePrecision.DAY, relative=True)
    elif unit == "month":
        ref = published - relativedelta(months=count)
        first, last = _month_span(ref.year, ref.month)
        yield _mention(match, text, first, last, DatePrecision.MONTH, relative=True)
    else:
        year = published.year - count
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        yield _mention(match, text, first, last, DatePrecision.YEAR, relative=True)


def _rd(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    if published is None:
        return
    if match["rd_w"] is not None:
        offsets = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
        offset = offsets[match["rd_w"].lower()]
    else:
        last_night = match["rd_this"].lower() == "last" and match["rd_part"] == "night"
        if match["rd_this"].lower() == "last" and not last_night:
            return  # "last morning" is not an expression
        offset = -1 if last_night else 0
    day = published + dt.timedelta(days=offset)
    yield _mention(match, text, day, day, DatePrecision.DAY, relative=True)


def _rp(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    if published is None:
        return
    quality = (match["rp_q"] or "").lower()
    rel = " ".join(match["rp_rel"].lower().split())
    unit = match["rp_u"]
    if rel in ("past", "the past"):
        # A trailing period ending at publication: "the past week".
        length = {"weekend": relativedelta(days=2), "week": relativedelta(days=6)}.get(
            unit, relativedelta(months=1) if unit == "month" else relativedelta(years=1)
        )
        precision = {"month": DatePrecision.MONTH, "year": DatePrecision.YEAR}.get(
            unit, DatePrecision.WEEK
        )
        yield _mention(match, text, published - length, published, precision, relative=True)
        return
    shift = {"this": 0, "last": -1, "previous": -1, "the previous": -1, "next": 1,
             "the coming": 1, "the next": 1}[rel]  # fmt: skip
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        first, last = monday, monday + dt.timedelta(days=6)
        if unit == "weekend":
            first = monday + dt.timedelta(days=5)
        precision = DatePrecision.DAY if unit == "weekend" else DatePrecision.WEEK
    elif unit == "month":
        ref = published + relativedelta(months=shift)
        first, last = _month_span(ref.year, ref.month)
        precision = DatePrecision.MONTH
    else:
        year = published.year + shift
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        precision = DatePrecision.YEAR
    if shift == 0:
        if quality == "earlier" or (unit == "week" and quality != "later"):
            last = min(last, published)
        elif quality == "later":
            first = max(first, published)
    if first > last:
        return
    yield _mention(match, text, first, last, precision, relative=True)


def _wd(match: re.Match[str], text: str, published: dt.date | None) -> Iterator[DateMention]:
    if published is None:
        return
    weekday = _WEEKDAYS[match["wd_day"].lower()]
    mod = (match["wd_mod"] or "").lower()
    back = (published.weekday() - weekday) % 7  # days back to the latest such day
    if match["wd_lw"]:
        # "on Thursday last week": that day of the calendar week before publication
        monday = published - dt.timedelta(days=published.weekday() + 7)
        day = monday + dt.timedelta(days=weekday)
    elif mod in ("next", "coming"):
        day = published + dt.timedelta(days=(7 - back) if back else 7)
    elif mod in ("last", "past"):
        day = published - dt.timedelta(days=back or 7)
    else:
        day = published - dt.timedelta(days=back)
    yield _mention(match, text, day, day, DatePrecision.DAY, relative=True)


_HANDLERS: dict[str, _Handler] = {
    "iso": _iso,
    "rdm": _rdm,
    "rmd": _rmd,
    "md": _md,
    "dm": _dm,
    "my": _my,
    "mo": _mo,
    "yr": _yr,
    "ago": _ago,
    "rd": _rd,
    "rp": _rp,
    "wd": _wd,
}
