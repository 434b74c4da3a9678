"""Text cleaning: a same-length normalized copy of an article, without its page furniture.

:func:`clean` keeps the caller's string untouched and builds ``norm``, a copy of
exactly the same length, so that every offset found in ``norm`` is an offset in
the original. In ``norm``:

* odd characters are mapped one-for-one (non-breaking and zero-width spaces to a
  space, curly quotes to straight ones, en and em dashes to ``-``);
* HTML entities become their character padded with spaces (``&amp;`` -> ``&    ``);
* HTML tags, scripts and comments are blanked (replaced by spaces, newlines kept);
* lines that are not article prose are blanked: "Also Read:" links, photo captions
  and credits, bylines, share/subscribe widgets, copyright lines, lone date lines,
  repeated lines;
* the dateline ("KABUL, Aug 12 (Reuters) -") is read into a :class:`Dateline`
  and blanked, so the first sentence starts with its subject.

A blanked line is a line of spaces, so it separates paragraphs: later stages never
join text across it.
"""

from __future__ import annotations

import datetime as dt
import enum
import html
import re
from collections.abc import Iterator
from html.entities import html5 as html5_entities

import attrs

from ..annotate.dates import MONTHS

__all__ = ["Block", "BlockKind", "CleanText", "Dateline", "clean"]


class BlockKind(enum.StrEnum):
    """What a :class:`Block` of the cleaned text is."""

    TITLE = "title"
    PROSE = "prose"


@attrs.frozen
class Block:
    """A paragraph (or the title line) of the cleaned text: ``norm[start:end]``."""

    start: int
    end: int
    kind: BlockKind


@attrs.frozen
class Dateline:
    """The dateline that opens an article: "KABUL, Aug 12 (Reuters) -".

    ``start``/``end`` delimit the whole dateline (blanked in ``norm``);
    ``place_start``/``place_end`` the place name in it. ``date`` is set only when
    the dateline gives a year; ``month`` and ``day`` are set whenever it gives them
    (see :meth:`date_with`).
    """

    place: str | None
    date: dt.date | None
    start: int
    end: int
    month: int | None = None
    day: int | None = None
    agency: str | None = None
    place_start: int | None = None
    place_end: int | None = None

    def date_with(self, published: dt.date | None) -> dt.date | None:
        """The dateline's date, taking a missing year from ``published``."""
        if self.date is not None:
            return self.date
        if published is None or self.month is None or self.day is None:
            return None
        from ..annotate.dates import infer_year

        return infer_year(self.month, self.day, published)


@attrs.frozen
class CleanText:
    """An article prepared for parsing; ``len(norm) == len(original)``.

    ``published_hint`` is a publication date read from the article itself (a lone
    date line near the top, or a dateline with a year), for callers without one.
    """

    original: str
    norm: str
    blocks: tuple[Block, ...]
    dateline: Dateline | None
    published_hint: dt.date | None = None


# --- character normalization ------------------------------------------------


def _char_table() -> dict[int, str]:
    table: dict[int, str] = {}
    spaces = "\t\x0b\x0c\x85\xa0\u1680\u180e\u202f\u205f\u3000" + "".join(
        chr(c) for c in range(0x2000, 0x200B)
    )
    zero_width = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
    controls = "".join(chr(c) for c in [*range(0x09), *range(0x0E, 0x20), 0x7F])
    c1 = "".join(chr(c) for c in range(0x80, 0xA0) if c != 0x85)
    for char in spaces + zero_width + controls + c1 + "\r":
        table[ord(char)] = " "
    for char in "\u2028\u2029":
        table[ord(char)] = "\n"
    for char in "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u0060\u2039\u203a":
        table[ord(char)] = "'"
    for char in "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\uff02":
        table[ord(char)] = '"'
    for char in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d":
        table[ord(char)] = "-"
    table[ord("\u2026")] = "."
    return table


_CHAR_TABLE = _char_table()
_ODD_CHAR = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CHAR_TABLE)) + "]")


def _normalize_chars(text: str) -> str:
    """``text`` with the characters of ``_CHAR_TABLE`` mapped (same length)."""
    if _ODD_CHAR.search(text) is None:
        return text
    table = _CHAR_TABLE
    return _ODD_CHAR.sub(lambda m: table[ord(m.group())], text)


_LONE_CR = re.compile(r"\r(?!\n)")
_ENTITY = re.compile(
    r"&(?:amp;)?(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)"
    r"|,quot;(?<=\w,quot;)"  # a scraping artifact: "&quot;" whose "&" became ","
)


def _entity(match: re.Match[str]) -> str:
    source = match.group()
    if source == ",quot;":
        return '"' + " " * (len(source) - 1)
    name = match.group(1)
    if name.startswith("#"):
        value = html.unescape("&" + name)
    else:
        known = html5_entities.get(name)
        if known is None:
            return source  # not an entity html knows
        value = known
    value = _normalize_chars(value)
    if len(value) > len(source):
        return source  # not an entity html knows
    return value + " " * (len(source) - len(value))


def _blank(segment: str) -> str:
    """``segment`` with every character but newlines replaced by a space."""
    if "\n" not in segment:
        return " " * len(segment)
    return _NOT_NEWLINE.sub(" ", segment)


_NOT_NEWLINE = re.compile(r"[^\n]")


# --- markup -----------------------------------------------------------------

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,20}(?:\s[^<>]{0,500})?/?>|<!\w[^<>]{0,200}>")
_CONTAINERS = (("<!--", "-->"), ("<script", "</script>"), ("<style", "</style>"))


def _markup_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of HTML comments, scripts, styles and tags in ``text``."""
    for opening, closing in _CONTAINERS:
        pos = text.find(opening)
        closed_until = len(text)  # no ``closing`` at or after this offset (once searched)
        while pos >= 0:
            # An unclosed opening is not searched for its end again: every later one would
            # scan to the end of the text too (quadratic for many unclosed "<!--").
            stop = text.find(closing, pos + len(opening)) if pos < closed_until else -1
            if stop < 0:  # unclosed: blank to the end of the line
                closed_until = min(closed_until, pos)
                line_end = text.find("\n", pos)
                stop_at = len(text) if line_end < 0 else line_end
            else:
                stop_at = stop + len(closing)
            yield pos, stop_at
            pos = text.find(opening, stop_at)
    for match in _TAG.finditer(text):
        yield match.span()


# --- line classification ----------------------------------------------------

_MONTH_WORD = "|".join(sorted(MONTHS, key=len, reverse=True))
# Date lines are matched with their runs of spaces collapsed to one space (see
# _is_date_line), so these patterns have " " and " ?" where a space may be: no run of
# spaces can be shared in many ways among the optional parts around it (with "\s*" there,
# one 120-character line took seconds).
_DATE_ANY = (
    rf"(?:(?:{_MONTH_WORD})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH_WORD})\.?,? \d{{4}}"
    rf"|(?:{_MONTH_WORD})\.? \d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})"
)
_TIME = r"(?:\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: ?\(?[A-Z]{2,5}\)?)?|\d{1,2} ?[ap]\.?m\.?)"
_WEEKDAY_WORD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun"
_DATE_LINE = re.compile(
    r"(?:(?:published|updated|posted|last updated|first published|date|dated|modified)"
    r"(?: on)? ?:? ?)?"
    rf"(?:(?:{_WEEKDAY_WORD})\.?,? )?{_DATE_ANY}"
    rf"(?: ?(?:[,|/-]|at)? ?{_TIME})?"
    r"(?: ?[|/-]? ?(?:updated|last updated)?:? ?(?:" + _DATE_ANY + r")?(?: ?" + _TIME + r")?)?"
    r"(?: [A-Z]{3,10})?",
    re.IGNORECASE,
)
# Whole lines that are page furniture.
_FURNITURE = re.compile(
    r"(?:advertisement|advertisements|story continues below(?: advertisement)?|continue reading"
    r"|scroll (?:down )?to continue(?: with content)?|subscribe(?: now| here| today)?"
    r"|share(?: this(?: article| story| post)?| on \w+)?|tweet|print|email|e-mail|listen"
    r"|listen to (?:this )?(?:article|story)|comments?|\d+ comments?|leave a (?:reply|comment)"
    r"|related(?: articles?| stories| news| posts?)?|recommended(?: for you)?|read more"
    r"|more from \w+|trending|most read|top stories|follow us|whatsapp|facebook|twitter"
    r"|linkedin|telegram|reddit|copy link|save|bookmark|skip to (?:main )?content|menu|home"
    r"|latest news|back to top|sign in|log in|register|newsletter)[.!:]?",
    re.IGNORECASE,
)
# Lines that start like a link, a credit or a widget.
_LINK_PREFIX = re.compile(
    r"(?:also read|read also|read more|see also|related|recommended|more on this"
    r"|more from [\w&.' -]{1,30}?|more news|latest news|trending"
    r"|watch|listen|video|source|sources|photo|photos|image|images|picture|pictures"
    r"|credit|credits|caption|file photo|file|tags|topics|keywords|filed under"
    r"|subscribe to|sign up|click here|download)\s*(?:[:|>]|-\s|\bby\b)",
    re.IGNORECASE,
)
_WIDGET_START = re.compile(
    r"(?:subscribe to|sign up for|sign up to|click here|download (?:the|our)|follow us"
    r"|join (?:us|our)|your email address will not be published|required fields are marked"
    r"|all rights reserved|copyright\b|\(c\)\s|©|photo by\b|photograph by\b|image by\b"
    r"|file photo\b|picture by\b|pictured\b|reporting by\b|editing by\b|writing by\b"
    r"|additional reporting\b|\(reporting by\b|compiled by\b|written by\b|posted by\b"
    r"|author:|byline:|window\.|var\s|function\s*\(|function\s+\w+\s*\(|document\.|gtag\("
    r"|googletag|datalayer|!--)",
    re.IGNORECASE,
)
_CREDIT_END = re.compile(
    r"(?:/\s*(?:REUTERS|Reuters|AP|AFP|EPA|EPA-EFE|Xinhua|ANADOLU|Anadolu|AAP|ANSA|TASS|Sputnik"
    r"|Getty Images|Getty|Bloomberg|Shutterstock|IANS|PTI|ANI|Yonhap|Kyodo|dpa|DPA|UPI)"
    r"|Getty Images|via Reuters|via AP|via AFP|\(AP Photo[^()]{0,80}\)"
    r"|\((?:Photo|Image|Picture|Credit|File photo|File)\b[^()]{0,100}\)"
    r"|\([A-Z][^()]{0,60}/[^()]{1,60}\))\.?\s*$",
)
# A photo credit inside a line, between a caption and what follows it: " | Jane Roe/Getty
# Images ", " | Photo: AFP ".
_INLINE_CREDIT = re.compile(
    r"\s\|\s*(?:(?:Photo|Image|Credit):?\s+)?(?:[A-Z][\w.'-]*\s+){0,4}?[A-Z]?[\w.'-]*\s*/\s*"
    r"(?:REUTERS|Reuters|AP|AFP|EPA|EPA-EFE|Xinhua|Anadolu|AAP|TASS|Sputnik|Getty Images|Getty"
    r"|Bloomberg|Shutterstock|IANS|PTI|ANI|Yonhap|Kyodo|dpa|UPI)(?=\s)"
)
_CREDIT_TAIL = re.compile(
    r"(?:^|[.!?\"]\s+)(?:By|Photo:?|Credit:?|Image:?)\s+(?:[A-Z][\w.'-]*\s+){0,4}"
    r"\(?(?:AFP|AP|Reuters|REUTERS|EPA|Getty Images|Getty|Xinhua|AAP|ANP|Anadolu|TASS|IANS"
    r"|PTI|ANI|Bloomberg|UPI|dpa|DPA)\)?\.?$"
)
_BYLINE = re.compile(
    r"By\s+(?:[A-Z][\w'.-]*|[a-z]{2,3})(?:\s*,?\s+(?:[A-Z][\w'.-]*|[a-z]{2,3}|&)){0,9}"
    r"(?:\s*[|,-]\s*.{0,60})?"
)
_ENDS_WITH_DATE = re.compile(rf",\s*(?:(?:{_MONTH_WORD})\.?\s+\d{{1,2}},?\s+\d{{4}}"
                             rf"|\d{{1,2}}\s+(?:{_MONTH_WORD})\.?\s+\d{{4}})\.?$",
                             re.IGNORECASE)  # fmt: skip
_CSS_TOKEN = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
_CODE_LIKE = re.compile(r"[{};]\s*$|^\s*[{}]|\)\s*\{|=>|\bfunction\s*\w*\s*\(|\w\(\s*['\"]")
_CODE_CHARS = re.compile(r"[{};(]|=>")
_NAV_SEPARATOR = re.compile(r"[|>»]")
# Last words of a photo credit at the end of a caption: "... By Jane Roe (AFP)".
_AGENCY_WORDS = frozenset(
    ("AFP", "AP", "Reuters", "REUTERS", "EPA", "Images", "Getty", "Xinhua", "AAP", "ANP",
     "Anadolu", "TASS", "IANS", "PTI", "ANI", "Bloomberg", "UPI", "dpa", "DPA")
)  # fmt: skip
_HAS_LETTER = re.compile(r"[A-Za-z]")
_SENTENCE_INSIDE = re.compile(r"[a-z0-9)\"'][.!?]\s+[A-Z\"]")

#: A line longer than this is never a caption, a byline or a heading.
_SHORT = 250
#: Credits and caption dates are looked for in this many last characters of a line.
_TAIL = 130


def _cut_inline_credits(norm: str) -> str:
    """``norm`` with photo credits inside a line blanked, a line break in their place, so
    that the caption before one and the text after it are read apart ("... NATO summit |
    Jane Roe/Getty Images Trump meets Erdogan"). The same length."""
    credits = [(m.start(), m.end()) for m in _INLINE_CREDIT.finditer(norm)]
    if not credits:
        return norm
    norm = _apply_blanks(norm, credits)
    parts: list[str] = []
    last = 0
    for start, _end in credits:
        parts.append(norm[last:start])
        parts.append("\n")
        last = start + 1
    parts.append(norm[last:])
    return "".join(parts)


def _is_date_line(line: str) -> bool:
    return len(line) <= 120 and _DATE_LINE.fullmatch(" ".join(line.split())) is not None


def _is_credit(line: str) -> bool:
    """A photo credit or source line: "SOURCE: NAME/REUTERS", "Photo: AFP"."""
    if len(line) > _SHORT:
        return False
    if re.match(r"(?:source|photo|image|picture|credit|caption)s?\s*:", line, re.IGNORECASE):
        return True
    return _CREDIT_END.search(line, max(0, len(line) - _TAIL)) is not None and not line.endswith(
        "."
    )


def _is_furniture(line: str) -> bool:
    """A line that is page furniture rather than article prose."""
    if not _HAS_LETTER.search(line):
        return True  # rules, bullets, lone numbers
    if _FURNITURE.fullmatch(line) or _LINK_PREFIX.match(line) or _WIDGET_START.match(line):
        return True
    if "-->" in line or "window.dataLayer" in line or "All rights reserved" in line:
        return True
    if _is_date_line(line):
        return True
    if len(line) <= _SHORT:
        if _CSS_TOKEN.fullmatch(line) or _is_navigation(line):
            return True
        if _BYLINE.fullmatch(line) and not line.endswith("."):
            return True
        if (
            _CODE_CHARS.search(line)
            and _CODE_LIKE.search(line)
            and not _SENTENCE_INSIDE.search(line)
        ):
            return True
        tail = max(0, len(line) - _TAIL)
        if _CREDIT_END.search(line, tail):
            return True
        last_word = line.rstrip(".) ").rsplit(None, 1)[-1].lstrip("(")
        if last_word in _AGENCY_WORDS and _CREDIT_TAIL.search(line, tail):
            return True
        if _ENDS_WITH_DATE.search(line, tail) and not _SENTENCE_INSIDE.search(line):
            return True  # "Leaders arrive for talks in Doha, Qatar, August 12, 2021"
    return False


def _is_navigation(line: str) -> bool:
    """A breadcrumb or menu line: "Home | World | Asia"."""
    parts = _NAV_SEPARATOR.split(line)
    return len(parts) >= 3 and all(
        0 < len(p.strip()) <= 40 and not p.strip().endswith((".", "!", "?")) for p in parts
    )


def _is_caption_candidate(line: str) -> bool:
    """A line that could be a photo caption when a credit line follows it."""
    return len(line) <= _SHORT and (
        not line.endswith((".", '"', "'", "?", "!"))
        or _ENDS_WITH_DATE.search(line, max(0, len(line) - _TAIL)) is not None
    )


def _lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, stripped line)`` for every line of ``text`` (end excludes ``\\n``)."""
    result: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            result.append((pos + lead, pos + lead + len(stripped), stripped))
        else:
            result.append((pos, pos, ""))
        pos += len(raw) + 1
    return result


def _furniture_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines of ``text`` that are not article prose."""
    lines = _lines(text)
    blank = [False] * len(lines)
    seen: set[str] = set()
    for i, (_, _, line) in enumerate(lines):
        if not line:
            continue
        if _is_furniture(line):
            blank[i] = True
        elif line in seen and len(line) > 3:
            blank[i] = True  # a repeated headline or caption
        seen.add(line)
    # A short line directly followed by a credit line is a caption.
    for i in range(len(lines) - 1):
        line, following = lines[i][2], lines[i + 1][2]
        if line and following and _is_credit(following) and _is_caption_candidate(line):
            blank[i] = blank[i + 1] = True
    return [(start, end) for (start, end, _), b in zip(lines, blank, strict=True) if b]


# --- datelines --------------------------------------------------------------

_PLACE_WORD = r"[A-ZÀ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'.]*(?:-[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'.]*){0,3}"
_DL_DATE = (
    rf"(?:(?P<dl_m1>(?i:{_MONTH_WORD}))\.?\s(?P<dl_d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<dl_d2>\d{{1,2}})(?:st|nd|rd|th)?\s(?P<dl_m2>(?i:{_MONTH_WORD}))\.?)"
    r"(?:,?\s(?P<dl_y>[12]\d{3}))?"
)
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}(?:/{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?"
    rf"(?:,\s(?!(?i:{_MONTH_WORD})\.?\s\d)(?!\d){_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?"
    rf"(?:\s\[{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}}\])?)"  # "New Delhi [India]"
    rf"(?:,\s(?P<date>{_DL_DATE}))?"
    # "(Reuters)", "(UrduPoint News / Sputnik - 10th September, 2020)"
    r"(?:\s?\((?P<agency>[A-Za-z][A-Za-z0-9./&' -]{0,45}(?:,\s[0-9]{4})?)\)"
    r"|,\s(?P<agency2>[A-Z][A-Za-z0-9./&' ]{1,30}?)(?=\s(?:[—–]|-{1,3})\s))?"  # ", Agency —"
    r"(?:\s?(?P<sep>-{1,3}|:|_|•|—|–)\s+"  # "_": the dash of old AP wire copy
    r"|\s+(?=[A-Z][a-z]))"  # "NUSA DUA, Indonesia (Reuters) President ...": no dash
    r"|\((?P<lone_agency>[A-Z][A-Za-z]{1,11})\)\s+(?:-{1,3}\s+)?(?=[A-Z])"
)


def _known_town(name: str) -> bool:
    """Whether ``name`` is a city or capital the gazetteer knows ("Khartoum")."""
    from ..annotate.gazetteer import Category, gazetteer  # the gazetteer is loaded only when needed

    return any(e.category in (Category.CITY, Category.CAPITAL) for e in gazetteer().lookup(name))


def _title_place(place: str) -> str:
    return " ".join(w.title() if w.isupper() and len(w) > 1 else w for w in place.split(" "))


_PLACE_DOT_AGENCY = re.compile(r"([A-ZÀ-Þ]{3,}(?: [A-ZÀ-Þ]{3,})?)\. ([A-Z]{2,6})")


def _all_caps_start(place: str) -> bool:
    """Whether the first part of a dateline's place is written in capitals ("NUSA DUA")."""
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _read_dateline(norm: str, original: str, start: int) -> Dateline | None:
    match = _DATELINE.match(norm, start)
    if match is None:
        return None
    if match.group("lone_agency"):
        after = _read_dateline(norm, original, match.end())
        if after is not None and after.place is not None:
            # "(ANSA) - ROME, MAY 6 - ...": the agency first, then the place and the day
            return attrs.evolve(after, start=match.start(), agency=match.group("lone_agency"))
        return Dateline(
            place=None, date=None, start=match.start(), end=match.end(),
            agency=match.group("lone_agency"),
        )  # fmt: skip
    place = match.group("place")
    agency = match.group("agency") or match.group("agency2")
    place_start, place_end = match.span("place")
    split = _PLACE_DOT_AGENCY.fullmatch(place)
    if split is not None and match.group("sep") is None and not agency:
        # "TALLINN. BNS Estonian troops ...": the place, a period, the agency
        place, agency = split.group(1), split.group(2)
        place_end = place_start + len(place)
    has_date = match.group("date") is not None
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    all_caps = len(letters) >= 2 and all(c.isupper() for c in letters)
    if match.group("sep") is None and not (
        agency
        or (
            _all_caps_start(place)
            and "," in place
            and _known_town(_title_place(place.split(",")[0]))
        )
    ):
        return None  # no dash: an agency, or "KABUL, Afghanistan The ruling army ..."
    if not (
        agency
        or has_date
        or (match.group("sep") != ":" and all_caps)
        # "ISLAMABAD: The Foreign Office said": a known town in capitals, then a colon
        or (all_caps and _known_town(_title_place(place.split(",")[0])))
        # "Khartoum, Sudan - Fighters ...": a known town, then a new sentence; "New Delhi:
        # Prime Minister X ...": a known town and a colon (not "Note: ...")
        or (norm[match.end() : match.end() + 1].isupper() and _known_town(place.split(",")[0]))
    ):
        return None  # "Khartoum, Sudan - ..." and "KABUL -" are datelines; "Meanwhile -" is not
    if not place[:1].isupper():
        return None
    month = day = None
    date = None
    if has_date:
        month_word = match.group("dl_m1") or match.group("dl_m2")
        day_word = match.group("dl_d1") or match.group("dl_d2")
        month = MONTHS[month_word.lower()]
        day = int(day_word)
        if match.group("dl_y"):
            try:
                date = dt.date(int(match.group("dl_y")), month, day)
            except ValueError:
                date = None
    return Dateline(
        place=_title_place(original[place_start:place_end]),
        date=date,
        start=match.start(),
        end=match.end(),
        month=month,
        day=day,
        agency=agency,
        place_start=place_start,
        place_end=place_end,
    )


# --- blocks -----------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"\n(?:[^\S\n]*\n)+")


def _paragraphs(norm: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(norm):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(norm)))
    result = []
    for start, end in spans:
        chunk = norm[start:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            result.append((start + lead, start + lead + len(stripped)))
    return result


def _is_title(line: str) -> bool:
    # ("A spokesperson said:" opens the text it introduces: no headline)
    return len(line) <= 200 and not line.endswith((".", ":")) and len(line.split()) >= 2


def _blocks(norm: str) -> list[Block]:
    blocks: list[Block] = []
    for start, end in _paragraphs(norm):
        if not blocks:
            newline = norm.find("\n", start, end)
            line_end = end if newline < 0 else newline
            title = norm[start:line_end].rstrip()
            if _is_title(title):
                blocks.append(Block(start, start + len(title), BlockKind.TITLE))
                rest = norm[line_end:end]
                if rest.strip():
                    lead = len(rest) - len(rest.lstrip())
                    blocks.append(Block(line_end + lead, end, BlockKind.PROSE))
                continue
        blocks.append(Block(start, end, BlockKind.PROSE))
    return blocks


# --- public -----------------------------------------------------------------


def _apply_blanks(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        parts.append(text[pos:start])
        parts.append(_blank(text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def _published_hint(text: str, limit: int) -> dt.date | None:
    """The date of the first lone date line among the first ``limit`` characters."""
    from ..annotate.dates import find_dates

    for _start, _end, line in _lines(text[:limit]):
        if line and _is_date_line(line):
            for mention in find_dates(line, published=None):
                if mention.span.precision == "day":
                    return mention.span.start
            return None
    return None


def clean(text: str) -> CleanText:
    """Normalize ``text`` for parsing without changing its length; see the module doc."""
    norm = _normalize_chars(_LONE_CR.sub("\n", text))
    if "&" in norm or ",quot;" in norm:
        norm = _ENTITY.sub(_entity, norm)
    norm = _apply_blanks(norm, list(_markup_spans(norm)))
    hint = _published_hint(norm, 2000)
    norm = _apply_blanks(norm, _furniture_lines(norm))
    if "|" in norm:
        norm = _cut_inline_credits(norm)
    dateline = None
    blocks = _blocks(norm)
    for block in blocks[:4]:
        dateline = _read_dateline(norm, text, block.start)
        if dateline is not None:
            norm = _apply_blanks(norm, [(dateline.start, dateline.end)])
            blocks = _blocks(norm)
            break
    if hint is None and dateline is not None:
        hint = dateline.date
    return CleanText(
        original=text,
        norm=norm,
        blocks=tuple(blocks),
        dateline=dateline,
        published_hint=hint,
    )
