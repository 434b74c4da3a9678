"""Document-level dates: a realized event told without a date of its own takes the
date the story is about (its temporal focus).

News stories date a happening once ("A and B met on Tuesday") and go on without a
date ("At the talks, A thanked B", "'We are ready,' X said as the drill was
underway"). After the merge, :func:`inherit_dates` gives such events that date:

1. **By reference.** An event whose sentence places it at a meeting or an exercise
   ("at the meeting", "during the talks", "after the drills", "on the sidelines of the
   summit", "as the exercise was underway") takes the date of the latest realized
   event of that type told before it that has a day date.
2. **By focus.** Otherwise it takes the latest date expression told before its first
   evidence sentence: for a meeting, an exercise or a territorial change, one in its
   own paragraph or the one before (:data:`EVENT_WINDOW`), told in a sentence that
   reports no other happening, or one of the same kind with a party in common; for a
   statement, one in its own paragraph (:data:`STATEMENT_WINDOW`) told in a sentence
   that reports a realized meeting, exercise or territorial change the speaker's side
   took part in ("X on Wednesday oversaw the drills. ... X said"). A statement after
   "Y said on Monday", or a third party's reaction, is not dated so: the day a thing
   was said is only known if the text tells it.

A focus is a single day, not after the publication date, not the bound of a period
("since Nov. 13", "until Friday", "as of Monday"). Any other date expression -- a
month, a year, a range, a date to come, an offset ("three days after"), or a
relative expression left unresolved because there is no publication date -- ends
the focus: the events after it keep no date rather than an older one. The
publication date alone is never used.

Only realized events inherit: a planned, negated or hypothetical event has no day on
which it happened. An event whose own sentence holds a date expression is left as
the rules made it (they chose not to use that date), and an existing date is never
replaced. An inherited date is the :class:`~diplo_events.model.DateSpan` of the
expression it came from (its ``text`` is that expression), and the event's
confidence is multiplied by :data:`INHERITED_CONFIDENCE`.

The work is one pass over the sentences and one over the events (sorted once), with
bisection for the lookups: linear in the text, apart from the sort.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence

import attrs

from ...model import (
    Actor,
    DatePrecision,
    DateSpan,
    Event,
    Location,
    Meeting,
    MilitaryExercise,
    Modality,
    Statement,
    TerritorialChange,
)
from ..annotate.dates import OFFSET, DateMention, find_dates
from ..annotate.vocabulary import vocabulary
from .article import Article
from .keys import side_key, who_keys

__all__ = [
    "EVENT_WINDOW",
    "INHERITED_CONFIDENCE",
    "STATEMENT_WINDOW",
    "Focus",
    "build_focus",
    "inherit_dates",
    "reference_type",
]

#: An event that inherits its date keeps this share of its confidence.
INHERITED_CONFIDENCE = 0.95
#: How many paragraphs before its own a meeting, exercise or territorial change may
#: take its focus from (when its own paragraph tells no date before it).
EVENT_WINDOW = 1
#: The same for a statement: only its own paragraph.
STATEMENT_WINDOW = 0
#: Only relative expressions are looked for with this stand-in publication date, when
#: the article has none: they end the focus but give no date.
_STAND_IN = dt.date(2000, 6, 15)

# "by Friday", "after Monday", "as of Monday": a preposition right before the date makes it
# a period's bound (the pipeline flags the longer "since <clause> ... <date>" itself)
_BOUND_WORD = re.compile(
    r"\b(?:since|until|till|by|before|after|from|through|ahead of|prior to|as of)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
# Substrings one of which a sentence holds if the pattern can match (a cheap test first).
_OFFSET_WORDS = ("after", "before", "earlier", "later", "prior", " day")  # (also "that day")
_MEETING_WORDS = (
    "talks", "meeting", "summit", "negotiations", "discussions", "visit", "trip", "session",
)  # fmt: skip
_EXERCISE_WORDS = ("drill", "exercise", "war", "manoeuvres", "maneuvers", "training")
_DET = r"(?:the|this|that|these|those|their|its|his|her|today's|yesterday's)"
_MEETING_NOUN = r"(?:talks|meetings?|summit|negotiations|discussions|visit|trip|session)"
_EXERCISE_NOUN = r"(?:drills?|exercises?|war ?games|manoeuvres|maneuvers|training)"
# "at the meeting", "during the two-day talks", "after the drills", "at the start of the
# summit", "on the sidelines of the summit" -- not "ten days after the summit" (an offset).
_PLACED_AT = (
    r"\b(?:(?:at|during|(?<!days )(?<!day )(?<!weeks )(?<!week )(?:after|following)"
    r"|in the course of)(?: the (?:beginning|start|end|opening|close|outset) of)?"
    r"|on the (?:sidelines|margins) of)"
    rf" {_DET} (?:[\w\"'-]+ ){{0,2}}"
)
# "as the exercise was underway", "while the talks were going on"
_WHILE = rf"\b(?:as|while|when) {_DET} (?:[\w-]+ ){{0,2}}"
_WHILE_TAIL = r" (?:was|were|is|are) (?:under ?way|going on|in progress|taking place|held)\b"
_MEETING_REF = re.compile(
    rf"{_PLACED_AT}{_MEETING_NOUN}\b|{_WHILE}{_MEETING_NOUN}{_WHILE_TAIL}", re.IGNORECASE
)
_EXERCISE_REF = re.compile(
    rf"{_PLACED_AT}{_EXERCISE_NOUN}\b|{_WHILE}{_EXERCISE_NOUN}{_WHILE_TAIL}", re.IGNORECASE
)

# "The talks came ...", "The drills began ...": a sentence opening with a happening told
_SUBJECT_REF = re.compile(
    rf"(?:the|this|that|these) (?:[\w-]+ ){{0,2}}"
    rf"(?:(?P<meeting>{_MEETING_NOUN})|{_EXERCISE_NOUN})\b",
    re.IGNORECASE,
)

# "during his visit", "in the course of the brief trip": a meeting inside the visit told
_WITHIN_VISIT = re.compile(
    rf"\b(?:during|in the course of) {_DET} (?:\S+ ){{0,2}}(?:visit|trip|tour)\b", re.IGNORECASE
)


@attrs.frozen
class Told:
    """One date expression in text order, as the focus sees it."""

    start: int
    sentence: int  # index into the article's sentences
    rank: int  # paragraph number, counting only paragraphs that hold sentences
    span: DateSpan | None  # None: the expression ends the focus and gives no date


@attrs.frozen
class Focus:
    """The date expressions of an article, for finding the focus of each sentence."""

    told: tuple[Told, ...]
    starts: tuple[int, ...]  # told[i].start, ascending
    sentence_starts: tuple[int, ...]
    ranks: tuple[int, ...]  # paragraph rank per sentence
    dated: frozenset[int]  # sentences that hold a date expression or an offset
    #: sentence -> (index into ``told``, days, day) of an exact offset "N days after":
    #: the happening told after it lies ``days`` days before the one it is measured from;
    #: ``day`` is the day told before the offset in the same sentence ("X on Friday, a
    #: day after Y"), if any
    offsets: dict[int, tuple[int, int, DateSpan | None]] = attrs.field(factory=dict)
    #: sentence -> (index into ``told``, days) of a sentence-opening "A day later," /
    #: "Two days earlier,": its happenings lie that many days from the day told before
    shifts: dict[int, tuple[int, int]] = attrs.field(factory=dict)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence that holds ``offset``, or None before the first one."""
        i = bisect.bisect_right(self.sentence_starts, offset) - 1
        return i if i >= 0 else None

    def latest(self, sentence: int, window: int) -> Told | None:
        """The last date expression told before ``sentence``, if it lies at most
        ``window`` paragraphs before the sentence's own paragraph."""
        k = bisect.bisect_left(self.starts, self.sentence_starts[sentence]) - 1
        if k < 0 or self.ranks[sentence] - self.told[k].rank > window:
            return None
        return self.told[k]


def _single_day(span: DateSpan) -> bool:
    return span.precision is DatePrecision.DAY and span.start == span.end


def _focus_span(mention: DateMention, norm: str, published: dt.date | None) -> DateSpan | None:
    """The date ``mention`` gives the focus, or None if it only ends the focus."""
    span = mention.span
    if not _single_day(span):
        return None  # a month, a year, a range: no single day the story is about
    if published is not None and span.start > published:
        return None  # a date to come: what follows is a plan
    if mention.bound or _BOUND_WORD.search(norm, max(0, mention.start - 12), mention.start):
        return None
    return span


def build_focus(article: Article) -> Focus:
    """Every date expression of ``article`` with what it gives the focus."""
    told: list[Told] = []
    ranks: list[int] = []
    dated: set[int] = set()
    offsets: dict[int, tuple[int, int, DateSpan | None]] = {}
    shifts: dict[int, tuple[int, int]] = {}
    published = article.published
    rank = -1
    last_paragraph: int | None = None
    for n, sent in enumerate(article.sentences):
        if sent.paragraph != last_paragraph:
            rank += 1
            last_paragraph = sent.paragraph
        ranks.append(rank)
        mentions: Sequence[DateMention] = sent.dates
        if published is None:
            # relative expressions ("on Tuesday") were not resolved: they still end the focus
            mentions = find_dates(article.norm, published=_STAND_IN, start=sent.start, end=sent.end)
        low = article.lower(sent)
        offset = (
            OFFSET.search(article.norm, sent.start, sent.end)
            if any(w in low for w in _OFFSET_WORDS)
            else None
        )
        if mentions or offset:
            dated.add(n)
        if sent.title:
            continue
        here = [
            Told(m.start, n, rank, None if m.relative and published is None
                 else _focus_span(m, article.norm, published))
            for m in mentions
        ]  # fmt: skip
        if offset is not None:
            here.append(Told(offset.start(), n, rank, None))
            here.sort(key=lambda t: t.start)
            days = _offset_days(offset)
            at = next(i for i, t in enumerate(here) if t.start == offset.start())
            if days is not None and at == len(here) - 1 and len(here) <= 2:
                # nothing told after the offset; at most one day before it, the anchor
                before = here[0].span if at == 1 else None
                if at == 0 or before is not None:
                    offsets[n] = (len(told) + at, days, before)
            shift = _shift_days(offset)
            told_day = (
                offset.group("same_day") or offset.group("day_after") or offset.group("day_before")
            )  # ("the next day", "that day": counted from the day told, wherever they stand)
            if (
                shift is not None
                and len(here) == 1
                and (offset.start() - sent.start <= 2 or told_day)
            ):
                shifts[n] = (len(told), shift)  # "A day later, rebels took the town"
        told.extend(here)
    return Focus(
        told=tuple(told),
        starts=tuple(t.start for t in told),
        sentence_starts=tuple(s.start for s in article.sentences),
        ranks=tuple(ranks),
        dated=frozenset(dated),
        offsets=offsets,
        shifts=shifts,
    )


def _way(m: re.Match[str]) -> str:
    """Which way an offset counts: after, before, earlier, later or prior."""
    if m.group("day_after") or m.group("same_day"):
        return "later"
    if m.group("day_before"):
        return "earlier"
    if m.group("dayway"):
        return m.group("dayway").lower()
    return m.group("way").lower()


def _exact_days(m: re.Match[str]) -> int | None:
    """The days an offset counts ("three days": 3, "two weeks": 14, "the next day": 1); None
    if not exact ("several days", "two months")."""
    if m.group("same_day"):
        return 0
    if m.group("day_after") or m.group("day_before") or m.group("dayway"):
        return 1
    word = m.group("n").lower()
    count = int(word) if word.isdigit() else _COUNTS.get(word)
    unit = m.group("unit").lower()
    if count is None or not unit.startswith(("day", "week")):
        return None
    return count * (7 if unit.startswith("week") else 1)


def _shift_days(m: re.Match[str]) -> int | None:
    """Days from the day told before to a sentence opening "Two days later," (2) or "A
    week earlier," (-7); None if not exact."""
    way = _way(m)
    if way in ("after", "before") and m.group("dayway"):
        way = "later" if way == "after" else "earlier"  # "The day before, X said"
    days = _exact_days(m) if way in ("later", "earlier") else None
    return None if days is None else days if way == "later" else -days


def _offset_days(m: re.Match[str]) -> int | None:
    """Days from the happening told after an offset to the one it is measured from
    ("three days after X": 3; "two weeks before X": -14); None if not exact or measured
    from a day told earlier ("three days later")."""
    way = _way(m)
    days = _exact_days(m) if way in ("after", "before") else None
    return None if days is None else days if way == "after" else -days


def reference_type(text: str, start: int = 0, end: int | None = None) -> type[Event] | None:
    """The event type ``text[start:end]`` places its event at ("at the talks": a
    meeting; "as the drill was underway": an exercise), if any."""
    stop = len(text) if end is None else end
    return _reference(text, start, stop, text[start:stop].lower())


@functools.cache
def _change_ref() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """ "after the pullout was completed", "since the fall of X": a change of control
    placed as the time of what the sentence tells (the nouns: ``change_noun``)."""
    words = sorted(vocabulary().forms("change_noun"), key=len, reverse=True)
    nouns = "|".join(re.escape(w) for w in words)
    pattern = re.compile(
        rf"{_PLACED_AT}(?:{nouns})\b|{_WHILE}(?:{nouns}){_WHILE_TAIL}", re.IGNORECASE
    )
    return tuple(vocabulary().words("change_noun")), pattern


def _reference(text: str, start: int, stop: int, low: str) -> type[Event] | None:
    if any(w in low for w in _MEETING_WORDS) and _MEETING_REF.search(text, start, stop):
        return Meeting
    if any(w in low for w in _EXERCISE_WORDS) and _EXERCISE_REF.search(text, start, stop):
        return MilitaryExercise
    cheap, change = _change_ref()
    if any(w in low for w in cheap) and change.search(text, start, stop):
        return TerritorialChange
    return None


def inherit_dates(events: list[Event], article: Article) -> list[Event]:
    """``events`` with dates filled from the article's temporal focus (module docstring).

    The order and number of events are kept; only undated realized events change.
    """
    if not any(e.date is None and e.modality is Modality.REALIZED for e in events):
        return events
    if article.published is None and not any(
        _single_day(m.span) for sent in article.sentences for m in sent.dates
    ):
        return events  # no day is told, so no event has one to lend either
    focus = build_focus(article)
    scenes: dict[int, set[str]] = {}  # sentence -> parties of the realized happenings it tells
    kinds: dict[int, set[tuple[type[Event], str]]] = {}  # sentence -> (type, party) told
    for ev in events:
        if ev.modality is Modality.REALIZED and not isinstance(ev, Statement):
            for span in ev.evidence:
                n = focus.sentence_at(span.start)
                if n is not None:
                    scenes.setdefault(n, set()).update(_parties(ev))
                    kinds.setdefault(n, set()).update((type(ev), p) for p in _parties(ev))
    out = list(events)
    focus = _measure_offsets(out, article, focus)
    focus = _apply_shifts(out, article, focus)
    latest: dict[type[Event], DateSpan] = {}  # latest realized dated event per type
    met: tuple[int, set[str], DateSpan] | None = None  # the latest dated meeting's
    for i in sorted(range(len(out)), key=lambda i: out[i].evidence[0].start):
        ev = out[i]
        paragraph = _paragraph(article, focus, ev)
        if ev.date is None and ev.modality is Modality.REALIZED:
            date = _inherited(ev, article, focus, scenes, kinds, latest)
            if date is None and isinstance(ev, Statement) and met is not None:
                date = _spoken_at(ev, paragraph, met)
            if date is not None:
                ev = out[i] = attrs.evolve(
                    ev, date=date, confidence=round(ev.confidence * INHERITED_CONFIDENCE, 4)
                )
        if ev.date is not None and ev.modality is Modality.REALIZED:
            latest[type(ev)] = ev.date
            if isinstance(ev, Meeting) and ev.date.precision is DatePrecision.DAY:
                met = (paragraph, who_keys(ev.participants), ev.date)
    return out


#: A statement with no day, by one who took part in a meeting told at most this many
#: paragraphs before, was made at that meeting, on its day ("Tuilaepa said the meeting was
#: a success", "Yeltsin told reporters after the signing").
SPOKEN_AT_PARAGRAPHS = 4


def _paragraph(article: Article, focus: Focus, ev: Event) -> int:
    n = focus.sentence_at(ev.evidence[0].start)
    return article.sentences[n].paragraph if n is not None else -1


def _spoken_at(
    ev: Statement, paragraph: int, met: tuple[int, set[str], DateSpan]
) -> DateSpan | None:
    told, who, day = met
    if paragraph - told > SPOKEN_AT_PARAGRAPHS or not who_keys([ev.speaker]) & who:
        return None
    return day


def _measure_offsets(out: list[Event], article: Article, focus: Focus) -> Focus:
    """Date a happening from another one and an exact offset ("N days after/before"), in
    place in ``out``; the offset then gives the focus that day.

    In "X happened N days after Y" the offset's complement (Y: to the sentence's end, or to
    the comma when the offset opens the sentence) holds the earlier happening. An undated
    happening named inside the complement lies N days before the day of X: the day told
    before the offset in the same sentence ("Talks opened on Friday, a day after rebels
    took the town"), or the day of the happening the sentence refers back to ("The drills
    began three days after the leaders met"). An undated happening named outside it lies
    N days after the day of the happening the complement refers to ("Russian forces
    captured X two days after the meeting"). "Before" turns the signs round. Nothing
    happens unless there is exactly one such day and exactly one undated realized
    happening told first in the sentence.
    """
    if not focus.offsets:
        return focus
    norm = article.norm
    told = list(focus.told)
    # built once, so that many offsets cost no more than one pass over the events each
    in_sentence: dict[int, list[int]] = {}
    firsts: list[int | None] = []
    dated: dict[type[Event], list[tuple[int, DateSpan]]] = {}
    for i, ev in enumerate(out):
        firsts.append(focus.sentence_at(ev.evidence[0].start))
        if ev.modality is not Modality.REALIZED or isinstance(ev, Statement):
            continue
        for n in {focus.sentence_at(span.start) for span in ev.evidence}:
            if n is not None and n in focus.offsets:
                in_sentence.setdefault(n, []).append(i)
        if ev.date is not None and _single_day(ev.date):
            dated.setdefault(type(ev), []).append((ev.evidence[0].start, ev.date))
    for runs in dated.values():
        runs.sort(key=lambda r: r[0])
    for n, (k, days, day) in focus.offsets.items():
        sent = article.sentences[n]
        m = OFFSET.search(norm, told[k].start, sent.end)
        if m is None:
            continue
        lo, hi = m.end(), sent.end
        if m.start() - sent.start <= 2:  # "Two days after the meeting, rebels took X"
            comma = norm.find(",", m.end(), sent.end)
            hi = comma if comma >= 0 else sent.end
        inside: list[int] = []
        outside: list[int] = []
        anchors: list[DateSpan] = []
        for i in in_sentence.get(n, ()):
            ev = out[i]
            first = firsts[i]
            if first == n and ev.date is None:
                where = [p for p in _mention_starts(ev) if sent.start <= p < sent.end]
                if where and all(lo <= p < hi for p in where):
                    inside.append(i)
                elif where and not any(lo <= p < hi for p in where):
                    outside.append(i)
            elif first is not None and first < n and ev.date is not None and _single_day(ev.date):
                anchors.append(ev.date)
        if day is not None:
            anchors, sign, new = [day], -1, inside  # X's own day, told before the offset
        elif len(inside) == 1 and not outside:
            sign, new = -1, inside
            if not anchors:
                anchor = _referred_day(article, n, sent.start, dated)
                anchors = [anchor] if anchor is not None else []
        elif len(outside) == 1 and not inside:
            sign, new = 1, outside
            if not anchors:
                anchor = _referred_day(article, n, m.end() + 1, dated)
                anchors = [anchor] if anchor is not None else []
        else:
            continue
        if len(anchors) != 1 or len(new) != 1:
            continue
        when = anchors[0].start + dt.timedelta(days=sign * days)
        if article.published is not None and when > article.published:
            continue
        at = told[k]
        text = article.original[at.start : m.end()]
        span = DateSpan(start=when, end=when, precision=DatePrecision.DAY, text=text)
        ev = out[new[0]]
        out[new[0]] = attrs.evolve(
            ev, date=span, confidence=round(ev.confidence * INHERITED_CONFIDENCE, 4)
        )
        told[k] = attrs.evolve(at, span=span)
    return attrs.evolve(focus, told=tuple(told))


def _apply_shifts(out: list[Event], article: Article, focus: Focus) -> Focus:
    """Date the happenings of a sentence opening "A day later," / "Two days earlier," from
    the single day told before it (in its paragraph or the one before), in place in
    ``out``; the shifted day is then the focus."""
    if not focus.shifts:
        return focus
    told = list(focus.told)
    firsts: dict[int, list[int]] = {}
    for i, ev in enumerate(out):
        n = focus.sentence_at(ev.evidence[0].start)
        if n in focus.shifts and ev.date is None and ev.modality is Modality.REALIZED:
            firsts.setdefault(n, []).append(i)
    for n, (k, days) in sorted(focus.shifts.items()):
        if k == 0 or n not in firsts:
            continue
        before = told[k - 1]
        if before.span is None or focus.ranks[n] - before.rank > EVENT_WINDOW:
            continue
        when = before.span.start + dt.timedelta(days=days)
        if article.published is not None and when > article.published:
            continue
        m = OFFSET.search(article.norm, told[k].start, article.sentences[n].end)
        text = article.original[told[k].start : m.end()] if m is not None else None
        span = DateSpan(start=when, end=when, precision=DatePrecision.DAY, text=text)
        for i in firsts[n]:
            ev = out[i]
            out[i] = attrs.evolve(
                ev, date=span, confidence=round(ev.confidence * INHERITED_CONFIDENCE, 4)
            )
        told[k] = attrs.evolve(told[k], span=span)
    return attrs.evolve(focus, told=tuple(told))


def _mention_starts(ev: Event) -> list[int]:
    """Where the text names an event's own parties and places."""
    actors: tuple[Actor | None, ...] = ()
    places: tuple[Location, ...] = ()
    if isinstance(ev, Meeting | MilitaryExercise):
        actors = ev.participants
    elif isinstance(ev, TerritorialChange):
        actors, places = (ev.gainer, ev.loser), ev.places
    starts = [a.mention.start for a in actors if a is not None and a.mention is not None]
    starts += [p.mention.start for p in places if p.mention is not None]
    return starts


def _latest(
    dated: dict[type[Event], list[tuple[int, DateSpan]]], kind: type[Event], before: int
) -> DateSpan | None:
    """The day of the latest event of ``kind`` told before offset ``before``."""
    runs = dated.get(kind, [])
    i = bisect.bisect_left(runs, before, key=lambda r: r[0]) - 1
    return runs[i][1] if i >= 0 else None


def _referred_day(
    article: Article, n: int, pos: int, dated: dict[type[Event], list[tuple[int, DateSpan]]]
) -> DateSpan | None:
    """The day of the happening named at ``pos`` in sentence ``n`` ("The drills began ...",
    "two days after the meeting"): the latest realized event of that type told before
    the sentence, if it has a single day."""
    sent = article.sentences[n]
    m = _SUBJECT_REF.match(article.norm, pos, sent.end)
    if m is None:
        return None
    kind: type[Event] = Meeting if m.group("meeting") else MilitaryExercise
    return _latest(dated, kind, sent.start)


def _inherited(
    ev: Event,
    article: Article,
    focus: Focus,
    scenes: dict[int, set[str]],
    kinds: dict[int, set[tuple[type[Event], str]]],
    latest: dict[type[Event], DateSpan],
) -> DateSpan | None:
    n = focus.sentence_at(ev.evidence[0].start)
    if n is None or n in focus.dated:
        return None
    sent = article.sentences[n]
    ref = _reference(article.norm, sent.start, sent.end, article.lower(sent))
    if ref is not None and (
        ref is not type(ev)
        # "During his visit, he also met X": a meeting within the visit told
        or (ref is Meeting and _WITHIN_VISIT.search(article.norm, sent.start, sent.end))
    ):
        date = latest.get(ref)
        if date is not None and _single_day(date):
            return date
    if not isinstance(ev, Statement):
        told = focus.latest(n, EVENT_WINDOW)
        if told is None:
            return None
        # a day told with other happenings is theirs, unless one is of this event's kind
        # and side ("Rebels seized X on Monday. They also took Y"); a day told with none
        # ("On Monday fighting raged. Rebels took the town") is the scene's
        told_kinds = kinds.get(told.sentence)
        if told_kinds and not {(type(ev), p) for p in _parties(ev)} & told_kinds:
            return None
        return told.span
    told = focus.latest(n, STATEMENT_WINDOW)
    if told is None or side_key(ev.speaker) not in scenes.get(told.sentence, ()):
        return None  # not said by a party to the happening told with that date
    return told.span


def _parties(ev: Event) -> set[str]:
    if isinstance(ev, Meeting | MilitaryExercise):
        return {side_key(a) for a in ev.participants}
    if isinstance(ev, TerritorialChange):
        return {side_key(a) for a in (ev.gainer, ev.loser) if a is not None}
    return set()
