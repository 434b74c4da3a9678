"""What the rules see: an article's sentences with their resolved mentions.

A :class:`Sentence` carries its offsets, paragraph, actor and place mentions
(already resolved against the whole article) and date mentions. The helpers
here answer the questions every rule asks: which mentions lie in a span,
where the clause around a trigger starts, which place is the event's.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable

import attrs

from ...model import Actor, ActorKind, DatePrecision, DateSpan, Location, Span
from ..annotate.dates import OFFSET, DateMention
from ..annotate.gazetteer import Category, gazetteer
from ..annotate.mentions import KIN, ActorMention, PlaceMention, Role

__all__ = ["Article", "Discourse", "Sentence"]

# Words that open a new clause: what comes before belongs to another predicate.
_CLAUSE_BREAK = re.compile(
    r"\b(?:that|which|who|but|while|whereas|after|before|(?<!known )as|when|because|although|"
    r"(?<!have )(?<!has )(?<!had )since)\b"  # "have since seized": an adverb
    r"|[;:\"]",
)
# a short name or scare quotes ('the "Northern Shield" exercise', 'had "liberated" X')
_QUOTED_NAME = re.compile(r"\"(?:[A-Z][\w/'’.-]*(?: [A-Z0-9][\w/'’.-]*){0,4}|[a-z][\w'’-]*)\"")
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "off", "around",
                             "across", "within", "into"})  # fmt: skip


@attrs.frozen
class Sentence:
    """One sentence and everything found in it."""

    index: int
    start: int
    end: int
    paragraph: int
    title: bool
    actors: tuple[ActorMention, ...]  # resolved: every .actor is set
    places: tuple[PlaceMention, ...]
    dates: tuple[DateMention, ...]


@attrs.define
class Discourse:
    """What the rules learn while reading, in text order."""

    last_meeting: tuple[Actor, ...] = ()  # parties of the latest meeting told
    last_meeting_date: DateSpan | None = None
    last_speaker: Actor | None = None  # the speaker of the latest statement told
    last_speaker_sentence: int = -10
    last_gainer: Actor | None = None  # the side that took the latest place told
    last_gainer_sentence: int = -10


@attrs.frozen
class Article:
    """The whole input as the rules need it."""

    original: str
    norm: str
    published: dt.date | None
    sentences: tuple[Sentence, ...]
    home: Location | None  # dateline place, if any
    discourse: Discourse = attrs.Factory(Discourse)
    #: how often the article names each state (its name, people, organs and places)
    states: dict[str, int] = attrs.field(factory=dict, eq=False, repr=False)
    #: per person or office (by name), the states named in the sentences that name it
    company: dict[str, dict[str, int]] = attrs.field(factory=dict, eq=False, repr=False)
    # clause breaks per sentence index, computed on first use
    _breaks: dict[int, list[tuple[int, int]]] = attrs.field(factory=dict, eq=False, repr=False)
    _lower: dict[int, str] = attrs.field(factory=dict, eq=False, repr=False)
    _starts: dict[int, list[int]] = attrs.field(factory=dict, eq=False, repr=False)

    def span(self, start: int, end: int) -> Span:
        """Evidence ``original[start:end]``, trimmed of spaces."""
        while start < end and self.original[start].isspace():
            start += 1
        while end > start and self.original[end - 1].isspace():
            end -= 1
        return Span(text=self.original[start:end], start=start, end=end)

    def actors_between(
        self, sent: Sentence, start: int, end: int, *, inside: bool = True
    ) -> list[ActorMention]:
        """Mentions of ``sent`` starting in ``[start, end)`` (and, with ``inside``, ending
        by ``end``), found by bisection."""
        starts = self._starts.get(sent.index)
        if starts is None:
            starts = self._starts[sent.index] = [a.start for a in sent.actors]
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end)
        return [a for a in sent.actors[lo:hi] if not inside or a.end <= end]

    def lower(self, sent: Sentence) -> str:
        """The sentence in lower case (for keyword tests), computed once."""
        low = self._lower.get(sent.index)
        if low is None:
            low = self._lower[sent.index] = self.norm[sent.start : sent.end].lower()
        return low

    def clause_start(self, sent: Sentence, pos: int) -> int:
        """Start of the clause that holds ``pos``: after the last clause break before it."""
        breaks = self._breaks.get(sent.index)
        if breaks is None:
            # the quotes around a short name ('the "Northern/Interaction-2023" exercise') break
            # no clause
            names = {
                quote
                for q in _QUOTED_NAME.finditer(self.norm, sent.start, sent.end)
                for quote in (q.start(), q.end() - 1)
            }
            breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(
                self.norm, sent.start, sent.end) if m.start() not in names]  # fmt: skip
            self._breaks[sent.index] = breaks
        start = sent.start
        for _b_start, b_end in breaks:
            if b_end > pos:
                break
            start = b_end
        return start


#: How far before a verb the subject is looked for (bounds the work per verb, so a
#: pathological sentence with thousands of verbs stays linear).
LOOKBACK = 400
#: At most this many triggers of one rule are examined per sentence.
MAX_TRIGGERS = 32
_PERSON_ROLE = re.compile(
    r"\b(?:spokes\w*|minister|envoy|ambassador|official|president|chief|head|leader|commander|"
    r"secretary|adviser|advisor|negotiator|general|governor|mayor|chairman|director|deputy|"
    r"coordinator|representative|rapporteur|mediator|commissioner|administrator|prosecutor|"
    r"chair|chairwoman|chairperson|premier)\b"
)
# ", the sister of leader Y,", ", an aide to Y,": the person before the comma is the subject,
# the person in the phrase only tells who they are
_RELATION_OF = re.compile(
    rf"\s*(?:the|a|an|his|her)\s+(?:[\w-]+\s+){{0,2}}(?:{KIN}|ally|successor|predecessor|"
    r"spokes(?:man|woman|person)|adviser|advisor|envoy|deputy)\s+(?:of|to)\b"
)


def known_body(key: str | None) -> bool:
    """Whether ``key`` is the canonical key of an organization the gazetteer knows."""
    return key is not None and any(
        e.key == key and e.category in (Category.ORGANIZATION, Category.ARMED_GROUP)
        for e in gazetteer().lookup(key)
    )


_BODY_ROLE = re.compile(
    r"\b(?:branch|affiliate|wing|arm|offshoot|faction|splinter group|franchise|proxy|ally|"
    r"allies|coalition|alliance|umbrella group|member|group|militia|movement|organi[sz]ation)\b"
)
_PREPOSITION_BREAK = re.compile(r"\b(?:before|after|since|as|when)\s*$")
_PARENTHETICAL = re.compile(
    r"\s*(?:(?:also|both|themselves|itself|now|still|already|long) )?"
    r"(?:\w+ing|\w+ed|run|led|who|which|according|citing)\b"
)
# ", have captured": a verb (with its auxiliaries) right after a comma closes an inserted clause
_CLOSES_CLAUSE = re.compile(
    r",\s+(?:(?:have|has|had|was|were|is|are|been|also|reportedly|now|later|then)\s+)*$"
)
_KNOWN_AS = re.compile(r"\s*(?:(?:also|locally|widely|commonly) )?(?:known|referred to) as\b")
_RELATIVE = re.compile(r", (?:which|who|whose|where) ")


def subject_before(
    art: Article, sent: Sentence, pos: int, roles: frozenset[Role]
) -> ActorMention | None:
    """The subject of the predicate at ``pos``: the first party of the nearest comma
    segment before it that names one. "Name, the X spokesperson, said" gives the name;
    "The talks, which saw A and B, called" gives nothing (the subject is "The talks").
    """
    norm = art.norm
    floor = max(sent.start, pos - LOOKBACK)
    clause = max(art.clause_start(sent, pos), floor)
    rel = None
    for m in _RELATIVE.finditer(norm, floor, pos):
        rel = m
    if rel is not None and _CLOSES_CLAUSE.search(norm, max(sent.start, pos - 60), pos):
        # the verb closes a relative clause: its subject stands before the ", which"
        clause = max(art.clause_start(sent, rel.start()), floor)
        pos = rel.start()
    found = _walk_segments(art, sent, pos, clause, roles)
    if found is None and _PREPOSITION_BREAK.search(norm, max(floor, clause - 8), clause):
        # "The minister, the day before the vote, said": "before" was a preposition
        found = _walk_segments(
            art, sent, pos, max(art.clause_start(sent, clause - 8), floor), roles
        )
    return found


def _walk_segments(
    art: Article, sent: Sentence, pos: int, clause: int, roles: frozenset[Role]
) -> ActorMention | None:
    norm = art.norm
    hi = pos
    while hi > clause:
        lo = norm.rfind(",", clause, hi - 1)
        seg_start = clause if lo < 0 else lo + 1
        if lo >= 0 and _KNOWN_AS.match(norm, seg_start, hi):
            hi = lo  # "Malaysia's Foreign Ministry, known as Wisma Putra, said": another name
            continue
        cands = [a for a in art.actors_between(sent, seg_start, hi)
                 if a.role in roles and not in_quote(norm, sent, a.start)]  # fmt: skip
        if not cands and _PARENTHETICAL.match(norm, seg_start, hi):
            hi = lo if lo >= 0 else clause  # ", speaking at a news conference,"
            continue
        if not cands and hi == pos and _has_subject_words(norm[seg_start:hi]):
            return None  # the subject is a noun phrase naming no party ("the two leaders")
        if cands:
            first = cands[0]
            if seg_start > clause and _RELATION_OF.match(norm, seg_start, hi):
                before = [a for a in art.actors_between(sent, max(sent.start, seg_start - 80),
                                                         seg_start)
                          if seg_start - 3 <= a.end <= seg_start - 1
                          and a.role is Role.PERSON]  # fmt: skip
                if before:
                    return before[-1]  # "Kim Yo-jong, the sister of leader Kim, said"
            if first.role is not Role.PERSON and seg_start > clause:
                before = [a for a in art.actors_between(sent, max(sent.start, seg_start - 80),
                                                         seg_start)
                          if seg_start - 3 <= a.end <= seg_start - 1
                          and a.role is Role.PERSON]  # fmt: skip
                segment = norm[seg_start:hi].lower()
                if (
                    before
                    and segment.lstrip().startswith(("the ", "a ", "an "))
                    and _PERSON_ROLE.search(segment)
                ):
                    person = before[-1]
                    own = first.actor
                    if (
                        person.actor is not None
                        and own is not None
                        and person.actor.country is None
                        and person.actor.organization is None
                    ):
                        # "Name, the head of ATMIS, said": the name speaks for the body
                        person = attrs.evolve(
                            person,
                            actor=attrs.evolve(
                                person.actor, country=own.country, organization=own.organization
                            ),
                        )
                    return person  # "Name, the X spokesperson, said": the name speaks
                body = [a for a in art.actors_between(sent, max(sent.start, seg_start - 80),
                                                       seg_start)
                        if seg_start - 3 <= a.end <= seg_start - 1 and a.actor is not None
                        and a.actor.kind in (ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP)
                        # an unknown militia "an ally of X" is coded as X's side
                        and known_body(a.actor.organization)]  # fmt: skip
                if (
                    body
                    and segment.lstrip().startswith(("the ", "a ", "an "))
                    and _BODY_ROLE.search(segment)
                ):
                    return body[-1]  # "JNIM, the Sahel branch of al-Qaida, said": JNIM speaks
            own = first.actor
            for later in cands[1:]:
                who = later.actor
                if (
                    own is not None
                    and who is not None
                    and later.role is Role.PERSON
                    and first.role is not Role.PERSON
                    and later.start - first.end <= 40
                    and (who.organization or who.country)
                    and (who.organization, who.country) == (own.organization, own.country)
                ):
                    return later  # "Coalition spokesman Turki Al-Maliki said": the person speaks
            return first
        if lo < 0:
            break
        hi = lo
    return None


#: Names of news bodies: outlets report, they are no party and make no statement.
PRESS_BODY = re.compile(
    r"\b(?:Media|Journalists?|Press|Reporters|Broadcast\w*|Newspapers?|Correspondents'?|News|"
    r"Television|TV|Radio|Channel|Times|Gazette|Tribune|Herald|Daily)\b"
)
# Verbs by which a side judges a happening it takes no part in ("China opposed the drills",
# "Assad denounced the summit")
_JUDGING = re.compile(
    r"\b(?:oppos(?:ed|es|e|ing)|condemn\w*|denounc\w*|critici[sz]\w*|slam(?:s|med)|"
    r"protest(?:ed|s|ing)?|reject\w*|decr(?:ied|ies|y)|blast(?:ed|s)|dismiss(?:ed|es)|"
    r"boycott(?:ed|s)|welcomed|praised|hailed|described|warn\w* (?:against|about)|"
    r"complain\w* about|objected to|(?:voiced|expressed|raised) (?:\w+ )?concerns? "
    r"(?:over|about|at))\b",
    re.IGNORECASE,
)
_OBJECT_GAP = re.compile(
    r"\s+(?:(?:the|this|that|its|their|these|those|a|an)\s+)?(?:[\w'’-]+\s+){0,3}"
)


def judged(norm: str, start: int, trigger: int) -> bool:
    """Whether a judging verb in ``[start, trigger)`` has the trigger's phrase as its object
    ("China opposed the drills"; not "X, rejecting Y's claims, held drills")."""
    return any(
        _OBJECT_GAP.fullmatch(norm, j.end(), trigger) is not None
        for j in _JUDGING.finditer(norm, start, trigger)
    )


def in_quote(norm: str, sent: Sentence, pos: int) -> bool:
    """True if ``pos`` lies inside a double-quoted passage of the sentence."""
    return norm.count('"', sent.start, pos) % 2 == 1


_FILLER = frozenset(
    {
        "on",
        "in",
        "at",
        "of",
        "also",
        "then",
        "later",
        "however",
        "meanwhile",
        "moreover",
        "earlier",
        "today",
        "yesterday",
        "tonight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "and",
        "but",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "been",
        "still",
        "again",
        "repeatedly",
        "last",
        "this",
        "week",
        "month",
        "year",
        "night",
        "morning",
        "evening",
        "the",
        "a",
        "an",
        "previously",
        "separately",
        "recently",
        "officially",
        "publicly",
        "reportedly",
    }
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _has_subject_words(segment: str) -> bool:
    """True if a comma segment holds more than adverbs and time words."""
    return any(w.lower() not in _FILLER for w in _WORD.findall(segment))


def actors_in(sent: Sentence, start: int, end: int) -> list[ActorMention]:
    """Resolved actor mentions lying inside ``[start, end)``."""
    return [a for a in sent.actors if start <= a.start and a.end <= end]


def actor_key(actor: Actor) -> str:
    """The key two mentions share when they name the same actor (each person is its own)."""
    if actor.kind is ActorKind.PERSON:
        return f"person:{actor.name}"
    return actor.country or actor.organization or actor.name


def side_key(actor: Actor) -> str:
    """The party an actor stands for: a person's state or organization when known."""
    if actor.kind is ActorKind.PERSON and not (actor.country or actor.organization):
        return f"person:{actor.name}"
    return actor.country or actor.organization or actor.name


def voice_key(actor: Actor) -> str:
    """Who speaks: a named person, or a party speaking through one role."""
    if actor.kind is ActorKind.PERSON:
        return f"person:{actor.name}"
    return f"{side_key(actor)}:{actor.title or ''}"


def unique_parties(mentions: Iterable[ActorMention]) -> list[Actor]:
    """Actors of ``mentions`` without repeats of the same party, in order."""
    seen: set[str] = set()
    out: list[Actor] = []
    for m in mentions:
        if m.actor is None:
            continue
        key = actor_key(m.actor)
        if key not in seen:
            seen.add(key)
            out.append(m.actor)
    return out


def place_in(
    sent: Sentence, start: int, end: int, *, any_prep: bool = False, known: bool = True
) -> Location | None:
    """The first place inside ``[start, end)`` introduced by a locative preposition.

    With ``known`` (the default), only places the gazetteer or a place word
    ("Township", "border") vouches for; else any capitalized name after "in".
    """
    for p in sent.places:
        if known and p.location.kind is None and p.location.country is None:
            continue
        if start <= p.start and p.end <= end and (any_prep or p.prep in _LOCATIVE_PREPS):
            return p.location
    return None


# "The meeting ... began in Sochi", "drills kicked off", "talks are under way": a
# happening starting or going on as the story is told
_ONGOING = re.compile(
    r"\b(?:began|begins|begin|started|starts|opened|opens|kicked off|kicks off|got under ?way|"
    r"gets under ?way|(?:is|are) (?:under ?way|being held|taking place|in progress|holding|"
    r"meeting))\b",
    re.IGNORECASE,
)


_NOT_NOW = re.compile(
    r"\b(?:to|will|would|could|may|might|shall|should|where|which|who|when|after|before|"
    r"since|until|expected|set|due|plans?|planned)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)


def lead_day(art: Article, sent: Sentence, trigger_start: int, trigger_end: int) -> DateSpan | None:
    """The publication day, for a happening the story's first paragraph tells as starting or
    going on without a date ("The meeting of A and B began in Sochi"); else None."""
    if art.published is None or sent.title:
        return None
    first = next((s.paragraph for s in art.sentences if not s.title), None)
    if sent.paragraph != first:
        return None
    if OFFSET.search(art.norm, sent.start, sent.end):
        return None  # "began a week after the talks": the offset tells the day
    lo = max(art.clause_start(sent, trigger_start), trigger_start - 80)
    near = _ONGOING.search(art.norm, lo, min(sent.end, trigger_end + 120))
    if near is None or art.clause_start(sent, near.start()) != art.clause_start(
        sent, trigger_start
    ):
        return None
    if _NOT_NOW.search(art.norm, max(sent.start, near.start() - 30), near.start()):
        return None  # "are expected to begin", "will begin", "where the war began"
    return DateSpan(start=art.published, end=art.published, precision=DatePrecision.DAY, text=None)


def future_date_after(art: Article, sent: Sentence, pos: int) -> DateSpan | None:
    """A date told after ``pos`` that lies after the publication date ("agreed on Tuesday
    to hold drills next year"): the day of a plan, which the event takes over any other."""
    if art.published is None:
        return None
    clause = art.clause_start(sent, pos)
    for d in sent.dates:
        if d.start < pos or d.start - pos > 60 or d.bound or d.span.start <= art.published:
            continue
        between = art.norm[pos : d.start]
        # "held talks on Monday and discussed a visit next month": another happening's date
        if " and " not in between and art.clause_start(sent, d.start) == clause:
            return d.span
    return None


def date_in(
    sent: Sentence, start: int, end: int, *, trigger: int | None = None, norm: str = ""
) -> DateSpan | None:
    """The first date mention inside ``[start, end)`` that is not a period's bound.

    With ``trigger`` (an offset into ``norm``), a date with an offset between it and the
    trigger is skipped: in "met on Friday, a day after rebels took the town" Friday is
    the meeting's day, not the capture's.

    A coarse first date ("Earlier this month") gives way to a finer one inside it later
    in the range ("... on June 18"): the day the coarse one only frames."""
    first: DateSpan | None = None
    first_end: int | None = None
    for d in sent.dates:
        if start <= d.start and d.end <= end and not d.bound:
            if trigger is not None:
                lo, hi = (d.end, trigger) if d.end <= trigger else (trigger, d.start)
                if lo < hi and OFFSET.search(norm, lo, hi):
                    continue
            if first is None:
                if d.span.precision is DatePrecision.DAY:
                    return d.span
                first, first_end = d.span, d.end
            elif (
                _FINENESS[d.span.precision] < _FINENESS[first.precision]
                and first.start <= d.span.start
                and d.span.end <= first.end
                and first_end is not None
                # not across a clause or an offset: "held drills in February, weeks after
                # Moscow and Beijing signed a pact on February 2"
                and not _OTHER_CLAUSE.search(norm, first_end, d.start)
            ):
                return d.span
    return first


_OTHER_CLAUSE = re.compile(
    r"\b(?:after|before|since|when|while|which|who|that|until|following|ahead of)\b|[;:]"
    r"|\b(?:days?|weeks?|months?|years?)\s+(?:ago|later|earlier|after|before)\b"
)
_FINENESS = {
    DatePrecision.DAY: 0,
    DatePrecision.WEEK: 1,
    DatePrecision.MONTH: 2,
    DatePrecision.YEAR: 3,
}
