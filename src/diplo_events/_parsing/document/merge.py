"""Document-level merge: one event per happening, however many sentences tell it.

- A lead sentence that sums up several more specific meetings ("officials
  from A, B and C held talks with D") is folded into them: its date and
  evidence go to the specific meetings, which keep their own parties.
- A definite reference ("the talks", "the drills") joins the latest event of
  its type.
- Two events of one type whose parties nest, whose places and dates agree and
  whose modality is the same are one event.
- A speaker's several statements in one paragraph are one statement.

Merging keeps every evidence span, in text order, and fills a missing field
from the other event. Ids are assigned afterwards from content (see
:func:`assign_ids`), so they are deterministic.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Sequence

import attrs

from ...model import (
    Actor,
    ActorKind,
    DateSpan,
    Event,
    Location,
    Meeting,
    MilitaryExercise,
    Span,
    Statement,
    TerritorialChange,
    TerritorialChangeKind,
)
from ...serialize import _dumps_canonical, to_dict
from .keys import side_key, voice_key

__all__ = ["Candidate", "Link", "assign_ids", "merge", "merge_traced"]


#: An event is merged only with the last this many events (a long text stays linear).
MERGE_WINDOW = 40
#: At most this many evidence spans per event (the first ones in text order).
MAX_EVIDENCE = 20

#: Events whose parties nest (one's within the other's) merge when told in the same
#: paragraph or at most this many paragraphs apart.
NESTED_PARAGRAPHS = 0


class Link(enum.Enum):
    """How a candidate relates to the events told before it."""

    NEW = "new"  # may join an earlier event by the merge rules
    REFERS = "refers"  # "the talks", "the drills": joins the latest event of its type
    DISTINCT = "distinct"  # "also met": a happening of its own
    FORCED = "forced"  # "forcing the troops to retreat": part of the change its sentence tells
    TALLY = "tally"  # "has so far seized over 140 bases": many changes summed; joins no other


@attrs.frozen
class Candidate:
    """An event from one sentence, before merging."""

    event: Event
    paragraph: int
    sentence: int = 0  # index of the sentence it came from
    link: Link = Link.NEW
    title: bool = False  # it came from a headline or a heading
    #: what made it (the caller's keys, e.g. the indices of the rule traces); a merged event
    #: has the origins of every candidate it took in
    origins: frozenset[int] = frozenset()


def parties(event: Event) -> frozenset[str]:
    """The parties of an event, as keys."""
    if isinstance(event, Meeting | MilitaryExercise):
        return frozenset(side_key(a) for a in event.participants)
    if isinstance(event, Statement):
        return frozenset({side_key(event.speaker)})
    if isinstance(event, TerritorialChange):
        return frozenset(side_key(a) for a in (event.gainer, event.loser) if a is not None)
    return frozenset()  # pragma: no cover


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


#: A statement told again word for word in another paragraph (a summary line above the
#: lead) is one statement when it has at least this many words (short ones recur by chance).
REPEATED_WORDS = 6


def _words(text: str | None) -> tuple[str, ...]:
    """The words of a text, lower-cased (for telling a text repeated)."""
    return tuple(w.strip(".,;:!?\"'“”‘’") for w in (text or "").lower().split())


def nested_sides(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name sides, and the sides of one are among those of the other."""
    return bool(a) and bool(b) and (a <= b or b <= a)


def _finer(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    """The more precise of two agreeing dates (the first on a tie)."""
    if a is None or b is None:
        return a or b
    if _PRECISION_RANK[b.precision.value] < _PRECISION_RANK[a.precision.value]:
        return b
    return a


def _dates_agree(a: DateSpan | None, b: DateSpan | None) -> bool:
    return a is None or b is None or (a.start <= b.end and b.start <= a.end)


def _places_agree(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    return not (a.country and b.country and a.country != b.country)


def _better_location(a: Location | None, b: Location | None) -> Location | None:
    if a is None:
        return b
    if b is None:
        return a
    rank = {"city": 0, "site": 1, "border": 1, "region": 2, "water": 2, "country": 3}
    ra = rank.get(a.kind.value if a.kind else "", 4)
    rb = rank.get(b.kind.value if b.kind else "", 4)
    return b if rb < ra else a


def _union_actors(a: Sequence[Actor], b: Sequence[Actor]) -> tuple[Actor, ...]:
    out = list(a)
    seen = {side_key(x) for x in a}
    for x in b:
        if side_key(x) not in seen:
            seen.add(side_key(x))
            out.append(x)
    return tuple(out)


def _joined_evidence(a: tuple[Span, ...], b: tuple[Span, ...]) -> tuple[Span, ...]:
    """The first :data:`MAX_EVIDENCE` spans of both, in text order (an event that has all
    of them already keeps them at no cost: the later mentions of a long story add none)."""
    if len(a) >= MAX_EVIDENCE:
        last = (a[-1].start, a[-1].end)
        if not [s for s in b if (s.start, s.end) <= last]:
            return a
    spans = {(s.start, s.end, s.text): s for s in (*a, *b)}
    return tuple(spans[k] for k in sorted(spans)[:MAX_EVIDENCE])


def _combine(a: Event, b: Event, *, keep_parties: bool = False, refers: bool = False) -> Event:
    """``a`` with ``b``'s evidence added and ``a``'s missing fields taken from ``b``.

    A reference (``refers``: "In Beijing, a spokesman said the talks went well") only
    fills what ``a`` lacks: its place and date are the reporting's, not the meeting's."""
    evidence = _joined_evidence(a.evidence, b.evidence)
    changes: dict[str, object] = {
        "evidence": evidence,
        "date": (a.date or b.date) if refers else _finer(a.date, b.date),
        "location": (a.location or b.location)
        if refers
        else _better_location(a.location, b.location),
        "confidence": min(1.0, max(a.confidence, b.confidence) + 0.1),
    }
    if isinstance(a, Meeting) and isinstance(b, Meeting):
        if not keep_parties:
            changes["participants"] = _union_actors(a.participants, b.participants)
        changes["topics"] = a.topics + tuple(t for t in b.topics if t not in a.topics)
    elif isinstance(a, MilitaryExercise) and isinstance(b, MilitaryExercise):
        if not keep_parties or not a.participants:
            changes["participants"] = _union_actors(a.participants, b.participants)
        if a.name is not None and b.name is not None and _names_agree(a.name, b.name):
            changes["name"] = max(a.name, b.name, key=len)  # "Desert Flag 9", not "Desert Flag"
        for field in ("name", "troops", "ships", "aircraft", "duration_days"):
            if field in changes:
                continue
            changes[field] = getattr(a, field) if getattr(a, field) is not None else getattr(
                b, field)  # fmt: skip
    elif isinstance(a, TerritorialChange) and isinstance(b, TerritorialChange):
        places = list(a.places)
        names = {p.name for p in places}
        places += [p for p in b.places if p.name not in names]
        changes.update(
            places=tuple(places),
            gainer=a.gainer or b.gainer,
            loser=a.loser or b.loser,
            count=a.count if a.count is not None else b.count,
        )
    return attrs.evolve(a, **changes)  # type: ignore[arg-type]


def _compatible(a: Event, b: Event) -> bool:
    return (
        type(a) is type(b)
        and a.modality is b.modality
        and _dates_agree(a.date, b.date)
        and _places_agree(a.location, b.location)
    )


def _fold_leads(items: list[Candidate]) -> list[Candidate]:
    """Fold a summary meeting into the two or more specific meetings it sums up."""
    meetings = [i for i, c in enumerate(items) if isinstance(c.event, Meeting)]
    drop: set[int] = set()
    events = [c.event for c in items]
    origins = [c.origins for c in items]
    sides = {i: parties(events[i]) for i in meetings}  # once per meeting, not per pair
    for n_i, i in enumerate(meetings):
        if items[i].link is not Link.NEW:
            continue  # "also met", "the talks": no summary of other meetings
        lead = events[i]
        lead_parties = sides[i]
        if len(lead_parties) < 3:
            # a lead summing up two meetings of two parties each names three at least (two
            # one-party meetings are no summary of "A met B")
            continue
        near = meetings[max(0, n_i - MERGE_WINDOW) : n_i + MERGE_WINDOW]
        subs = [
            j
            for j in near
            if j != i
            and j not in drop
            and items[j].link is not Link.REFERS
            and sides[j] < lead_parties
            and _compatible(lead, events[j])
        ]
        covered = frozenset().union(*(sides[j] for j in subs)) if subs else frozenset()
        if len(subs) >= 2 and covered >= {p for p in lead_parties if not p.startswith("person:")}:
            for n, j in enumerate(subs):
                ev = events[j]
                extra = attrs.evolve(lead, evidence=lead.evidence[:1]) if n == 0 else None
                if extra is not None:
                    ev = _combine(ev, extra, keep_parties=True)
                    origins[j] = origins[j] | items[i].origins
                ev = attrs.evolve(ev, date=ev.date or lead.date,
                                  location=ev.location or lead.location)  # fmt: skip
                events[j] = ev
            drop.add(i)
    return [
        c if c.event is events[k] else attrs.evolve(c, event=events[k], origins=origins[k])
        for k, c in enumerate(items)
        if k not in drop
    ]


_REPORTED = re.compile(r"\b(?:said|says|told|tells|announced|stated|added|reported)\b")
# "Leaders from A, B and C attended the meeting": a reference that names participants
_ATTENDED = re.compile(r"\b(?:attended|joined|took part in|participated in|were present at)\b")
_ADDED = re.compile(r"\b(?:he|she|they|it) (?:added|continued|went on)\b")


def _same_happening(head: Event, body: Event) -> bool:
    """Whether a headline's event and a body event tell one happening."""
    if type(head) is not type(body) or not _dates_agree(head.date, body.date):
        return False
    pa, pb = parties(head), parties(body)
    if isinstance(head, TerritorialChange):
        assert isinstance(body, TerritorialChange)
        same_places = {p.name for p in head.places} & {p.name for p in body.places}
        return head.kind is body.kind and bool(same_places or (pa & pb) or not head.places)
    if isinstance(head, MilitaryExercise):
        assert isinstance(body, MilitaryExercise)
        return _names_agree(head.name, body.name) and (not pa or not pb or bool(pa & pb))
    return bool(pa & pb) or not pa


def _places_told(event: Event) -> bool:
    if isinstance(event, TerritorialChange):
        return bool(event.places)
    return event.location is not None


def _fold_titles(items: list[Candidate]) -> list[Candidate]:
    """A headline tells again what the body tells: its event joins the first body event of
    the same happening, and stands alone only when the body tells none."""
    out = list(items)
    drop: set[int] = set()
    for i, cand in enumerate(items):
        if not cand.title:
            continue
        same = [
            j
            for j in range(len(items))
            if j != i
            and not items[j].title
            and j not in drop
            and _same_happening(cand.event, out[j].event)
        ]
        # the first body event that tells where ("seize another town": Alindao), else the first
        told = [j for j in same if _places_told(out[j].event)]
        for j in (told or same)[:1]:
            out[j] = attrs.evolve(
                out[j],
                event=_combine(out[j].event, cand.event, keep_parties=True, refers=True),
                origins=out[j].origins | cand.origins,
            )
            drop.add(i)
    return [c for k, c in enumerate(out) if k not in drop]


def merge(candidates: Sequence[Candidate]) -> list[Event]:
    """Merge candidates that tell the same happening; keep text order."""
    return [c.event for c in merge_traced(candidates)]


def merge_traced(candidates: Sequence[Candidate]) -> list[Candidate]:
    """:func:`merge`, keeping for each event the origins of all it took in."""
    items = _fold_leads(_fold_titles(list(candidates)))
    merged: list[Candidate] = []
    for cand in items:
        ev = cand.event
        target = None
        if cand.link is Link.DISTINCT or cand.link is Link.TALLY:
            merged.append(cand)
            continue
        for k in range(len(merged) - 1, max(-1, len(merged) - 1 - MERGE_WINDOW), -1):
            prev = merged[k]
            if prev.link is Link.TALLY:
                continue
            if (
                cand.link is Link.REFERS
                and isinstance(ev, Meeting | MilitaryExercise)
                and type(prev.event) is type(ev)
                and not ev.rule.endswith(".other")
            ):
                if isinstance(ev, Meeting) and _elsewhen(prev.event, ev):
                    break  # "The ministers of the two countries had met in New York in May"
                target = k  # "the drills": the latest event of that type, whatever its modality
                break
            if (
                cand.link is Link.REFERS
                and isinstance(ev, TerritorialChange)
                and isinstance(prev.event, TerritorialChange)
                and ev.kind is prev.event.kind
                and ev.modality is prev.event.modality
                and (
                    not ev.places
                    or {p.name for p in ev.places} & {p.name for p in prev.event.places}
                )
            ):
                target = k  # "confirmed the fall of the town": the change told before
                break
            if not _compatible(prev.event, ev) and not _same_exercise(prev.event, ev):
                continue
            if isinstance(ev, Statement):
                assert isinstance(prev.event, Statement)
                same_voice = voice_key(prev.event.speaker) == voice_key(ev.speaker)
                # '"...," he added.' in the next paragraph goes on with the same statement
                goes_on = (
                    cand.paragraph - prev.paragraph <= 1  # the next paragraph
                    and _ADDED.search(ev.evidence[0].text) is not None
                )
                # a summary line above the story that repeats its lead word for word
                words = _words(ev.content)
                repeated = (
                    len(words) >= REPEATED_WORDS
                    and _words(prev.event.content) == words
                    # ("Russia has rejected X" above "Russia's Foreign Ministry has rejected X")
                    and side_key(prev.event.speaker) == side_key(ev.speaker)
                )
                if repeated or (same_voice and (prev.paragraph == cand.paragraph or goes_on)):
                    target = k
                    break
                continue
            pa, pb = parties(prev.event), parties(ev)
            if isinstance(ev, TerritorialChange):
                assert isinstance(prev.event, TerritorialChange)
                same_places = {p.name for p in prev.event.places} & {p.name for p in ev.places}
                either_empty = not ev.places or not prev.event.places
                counts = {prev.event.count, ev.count} - {None}
                # "Two days later, Kyrgyz forces recaptured X" after Tajik troops took it: two
                # states (or two groups) taking one place are two changes
                a, b = prev.event.gainer, ev.gainer
                rivals = (
                    a is not None
                    and b is not None
                    and (
                        (a.country is not None and b.country is not None and a.country != b.country)
                        or (
                            a.organization is not None
                            and b.organization is not None
                            and a.organization != b.organization
                        )
                    )
                )
                if cand.link is Link.FORCED and _forced_out(prev.event, ev):
                    target = k  # "took X, forcing the troops to retreat": one change
                    break
                if (
                    prev.event.kind is ev.kind
                    and not rivals
                    and len(counts) < 2
                    # "captured a key northern city" ... "soldiers entered Taloqan": one
                    # change told twice, once without its place, by the same sides or fewer
                    and (same_places or (nested_sides(pa, pb) and either_empty))
                ):
                    target = k
                    break
                continue
            if isinstance(ev, MilitaryExercise) and ev.rule.endswith(".other"):
                break  # "the second drill this year": another exercise
            if isinstance(ev, MilitaryExercise) and prev.event.rule.endswith(".other"):
                continue
            if isinstance(ev, MilitaryExercise):
                # an article's exercise mentions are one exercise unless their dates or names
                # differ, or two unnamed ones are held by different sides ("days after China
                # wrapped up war games")
                assert isinstance(prev.event, MilitaryExercise)
                named = prev.event.name is not None or ev.name is not None
                if (not pa or not pb or pa & pb or named) and _names_agree(
                    prev.event.name, ev.name
                ):
                    target = k
                    break
                continue
            nested = pa and pb and (pa <= pb or pb <= pa)
            if nested and isinstance(ev, Meeting) and _other_persons(prev.event, ev):
                continue  # "Cho met Wang Yi. Cho met Han Zheng later": two meetings
            if nested and (pa == pb or cand.paragraph - prev.paragraph <= NESTED_PARAGRAPHS):
                target = k
                break
        if target is None:
            if ev.rule == "military_exercise.detail":
                continue  # a detail of no exercise told: nothing to add to
            merged.append(cand)
        else:
            prev = merged[target]
            # "At the meeting, X praised Y": the parties are those of the meeting told
            refers = cand.link is Link.REFERS
            # "Russia would respond to the drills": a reference names no new participant;
            # a detail sentence ("The drills involve troops from X and Y") does
            keep = refers and (
                (isinstance(ev, Meeting) and not _ATTENDED.search(ev.evidence[0].text))
                or (isinstance(ev, MilitaryExercise) and ev.rule != "military_exercise.detail")
            )
            combined = _combine(prev.event, ev, keep_parties=keep, refers=refers)
            if (
                cand.link is Link.FORCED
                and isinstance(prev.event, TerritorialChange)
                and isinstance(ev, TerritorialChange)
                and prev.event.gainer is None
                and _forced_out(prev.event, ev)
            ):
                # "Shelling forced the troops to withdraw from X": no one took it, they left
                combined = _combine(ev, prev.event)
            merged[target] = attrs.evolve(prev, event=combined, origins=prev.origins | cand.origins)
    return [c for c in merged if not _empty_exercise(c.event)]


def _forced_out(a: TerritorialChange, b: TerritorialChange) -> bool:
    """Whether ``b`` is the retreat of the side ``a`` drove out, told in the same sentence
    ("The rebels took Saraf, forcing government troops to retreat", "forced the troops to
    withdraw from Kuru"): one change, told twice."""
    return (
        a.kind is TerritorialChangeKind.CAPTURE
        and b.kind is TerritorialChangeKind.WITHDRAWAL
        and a.evidence[0] == b.evidence[0]
        and b.loser is not None
        and (a.loser is None or side_key(a.loser) == side_key(b.loser))
        and (not a.places or {p.name for p in b.places} <= {p.name for p in a.places})
    )


def _same_exercise(a: Event, b: Event) -> bool:
    """Two mentions of one named exercise, whatever their tense ('"Exercise X will bring
    together 5,000 troops," the chief said' about the exercise that began)."""
    return (
        isinstance(a, MilitaryExercise)
        and isinstance(b, MilitaryExercise)
        and a.name is not None
        and b.name is not None
        and _names_agree(a.name, b.name)
        and _dates_agree(a.date, b.date)
    )


def _names_agree(a: str | None, b: str | None) -> bool:
    """Whether two exercise names can name one exercise: either is missing, or one is the
    other or its first words ("Desert Flag" and "Desert Flag 9")."""
    if a is None or b is None or a == b:
        return True
    short, long = sorted((a, b), key=len)
    return long.startswith(short + " ")


def _elsewhen(a: Event, b: Event) -> bool:
    """Whether ``b`` tells its own day and place, both other than ``a``'s (and not those of
    a report about ``a``: "In Beijing, a spokesman said on Monday the talks went well")."""
    return (
        not _REPORTED.search(b.evidence[0].text)
        and a.date is not None
        and b.date is not None
        and not _dates_agree(a.date, b.date)
        and a.location is not None
        and b.location is not None
        and a.location.name != b.location.name
    )


def _other_persons(a: Event, b: Event) -> bool:
    """Whether two meetings name persons and neither's persons include the other's."""
    if not isinstance(a, Meeting) or not isinstance(b, Meeting):
        return False  # pragma: no cover
    pa = {p.name for p in a.participants if p.kind is ActorKind.PERSON}
    pb = {p.name for p in b.participants if p.kind is ActorKind.PERSON}
    return bool(pa and pb) and not (pa <= pb or pb <= pa)


def _empty_exercise(ev: Event) -> bool:
    """ "The drills were routine" with no exercise told before: no one, nowhere, unnamed,
    nothing counted."""
    return (
        isinstance(ev, MilitaryExercise)
        and not ev.participants
        and ev.location is None
        and ev.name is None
        and ev.troops is None
        and ev.ships is None
        and ev.aircraft is None
    )


def assign_ids(events: Sequence[Event]) -> list[Event]:
    """Give every event a deterministic id derived from its content."""
    out = []
    seen: dict[str, int] = {}
    for ev in events:
        data = to_dict(ev)
        data["id"] = "-"  # the id is not part of the content it is derived from
        body = _dumps_canonical(data, ev)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
        n = seen.get(digest, 0)
        seen[digest] = n + 1
        out.append(_with_id(ev, f"{ev.type}-{digest}" + (f"-{n}" if n else "")))
    return out


def _with_id(ev: Event, new_id: str) -> Event:
    """``attrs.evolve(ev, id=new_id)`` without validating every field again: ``ev`` is a
    valid event, and ``new_id`` a non-empty string."""
    cls = type(ev)
    out = object.__new__(cls)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in attrs.fields(cls))
    for name in names:
        object.__setattr__(out, name, getattr(ev, name))
    object.__setattr__(out, "id", new_id)
    return out


_FIELD_NAMES: dict[type[Event], tuple[str, ...]] = {}
