"""Meetings from a filled frame: parties, host, place, day.

A meeting needs two sides. A visit or a host's welcome adds the visited state (from the
place) when the text names no party of it. "The two leaders met" and a definite "the
talks" with no parties of their own are the meeting told before. One leader meeting a
list of counterparts from several states gives one meeting per counterpart's state.
"""

from __future__ import annotations

import attrs

from ...model import (
    Actor,
    ActorKind,
    DatePrecision,
    DateSpan,
    Event,
    Location,
    LocationKind,
    Meeting,
    Modality,
    Span,
)
from ..annotate.dates import OFFSET
from ..annotate.mentions import ActorMention, Role, state_actor
from ..annotate.vocabulary import vocabulary
from ..document.keys import side_key, who_key, who_keys
from ..document.merge import Link
from ..syntax import Phrase, SegmentKind, Tag, analyse
from .affiliation import affiliate
from .codes import MEETING
from .engine import Built, Context
from .frames import (
    date_of,
    lead_day,
    location_of,
    opening_group,
    phrase_actors,
    unique_actors,
)

__all__ = ["build"]


def _sides(actors: list[Actor]) -> set[str]:
    return {side_key(a) for a in actors}


def _members_of_body(mentions: tuple[ActorMention, ...]) -> bool:
    """ "EU foreign ministers", "ASEAN leaders": the members of an international body."""
    for a in mentions:
        actor = a.actor
        if (
            a.role is Role.OFFICIAL
            and actor is not None
            and actor.kind is ActorKind.ORGANIZATION
            and ((actor.title or "").endswith("s") or "heads of" in (actor.title or ""))
        ):
            return True
    return False


def _body_members_phrase(ctx: Context) -> bool:
    """ "SADC heads of state", "EU leaders": a plural role whose phrase names one body."""
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("participants", ()):
        actors = [a.actor for a in p.actors if a.actor is not None]
        if (
            len(actors) == 1
            and actors[0].kind is ActorKind.ORGANIZATION
            and p.head_word.endswith("s")
            and vocab.has("role_noun", p.head_word)
        ):
            return True
    return False


#: A "they" may stand for the parties a sentence opened on at most this many sentences
#: before.
GROUP_SENTENCES = 2


def _group_before(ctx: Context) -> list[Actor]:
    """The parties the latest sentence before (within :data:`GROUP_SENTENCES`) opened its
    main clause on, when it opened on several; its syntax is read only when asked for."""
    sentences = ctx.article.sentences
    n = ctx.sentence.index
    for k in range(n - 1, max(-1, n - GROUP_SENTENCES - 1), -1):
        sent = sentences[k]
        if len({m.actor.name for m in sent.actors if m.actor is not None}) < 2:
            continue
        syn = analyse(ctx.article.norm, sent.start, sent.end, sent.actors, sent.places,
                      sent.dates, vocabulary())  # fmt: skip
        group = opening_group(syn)
        if len(_sides(group)) >= 2:
            return group
    return []


def _plural_subject(ctx: Context) -> bool:
    """ "The two leaders met", "both sides": the parties of the meeting told before."""
    vocab = vocabulary()
    for role in ("doer", "governor_doer", "subject"):
        for p in ctx.view.phrases(role):
            words = [t.low for t in ctx.syn.tokens[p.first : p.end]]
            if p.parties():
                continue
            if (
                words
                and words[-1] in vocab.forms("the_two_noun")
                and ("two" in words or "both" in words or words[0] in ("the", "they"))
            ):
                return True
            if words in (["they"], ["both"]):
                return True
            if len(words) == 2 and words[0] == "the" and vocab.has("number_word", words[1]):
                return True  # "when the two met"
    return False


def _collective(ctx: Context) -> Actor | None:
    """ "Afghanistan's warring factions met", "the rival delegations met": sides the text
    names together, kept as one party by their words (recall first)."""
    vocab = vocabulary()
    for role in ("doer", "subject", "governor_doer"):
        for p in ctx.view.phrases(role):
            counted = _counted_officials(ctx, p)
            if not (counted or vocab.has("collective_noun", p.head_word)):
                continue
            # "the leaders of five Central Asian states": with what counts them
            end = max([p.end, *(m.end for m in p.modifiers)]) if counted else p.end
            words = [t.text for t in ctx.syn.tokens[p.first : end]
                     if t.low not in ("the", "'s", "’s")]  # fmt: skip
            states = {a.actor.country for a in p.actors if a.actor and a.actor.country}
            return Actor(
                name=" ".join(words),
                kind=ActorKind.ORGANIZATION,
                country=next(iter(states)) if len(states) == 1 else None,
                title=p.head_word,
            )
    return None


def _counted_officials(ctx: Context, p: Phrase) -> bool:
    """ "Six presidents", "the leaders of five Central Asian states": officials the text
    counts, so several parties, even where it names none of them."""
    if not (p.head_word.endswith("s") and vocabulary().has("role_noun", p.head_word)):
        return False
    tags = ctx.syn.tags
    spans = [(m.first, m.end) for m in p.modifiers]
    if tags[p.first] != Tag.DET:
        spans.append((p.first, p.end))  # ("the two leaders": those told before)
    return any(tags[i] == Tag.NUM for a, b in spans for i in range(a, b))


def _forum_bodies(ctx: Context) -> list[Actor]:
    """ "attended the 17th BRICS Summit", "The 20th Arab summit concluded", "to attend the
    East Asia Summit": a gathering a party takes part in, or that is told to happen, is a
    party itself: the body it is of, else the gathering by its name."""
    vocab = vocabulary()
    m = ctx.view.match
    p = m.phrase
    syn = ctx.syn
    if p is None or not vocab.has("forum_noun", syn.lemmas[m.first]):
        return []
    gov, how = ctx.view.governing
    # "took part in": the verb with its object noun, as the vocabulary lists it
    joined = f"{gov.lemma} {gov.object.head_word}" if gov is not None and gov.object else ""
    if gov is None or not (
        # "attended the summit", "took part in the forum"
        (how == "object" and vocab.has("take_part_verb", gov.lemma))
        or (how == "pp:in" and vocab.has("take_part_verb", joined))
        or (how == "subject" and vocab.has("gathering_verb", gov.lemma))
    ):
        return []
    start, end = syn.start(m.first), syn.end(m.end)
    bodies = [
        a.actor
        for a in p.actors
        if a.actor is not None
        and a.actor.kind is ActorKind.ORGANIZATION
        and (a.end <= start or a.start >= end)  # "the BRICS Summit", "Dialogue (ACD)"
    ]
    if bodies:
        return bodies[:1]
    # "the East Asia Summit": capitalized words that end with the trigger name it
    first = m.first
    while first > p.first and syn.tags[first - 1] in (Tag.CAP, Tag.PLACE, Tag.ACTOR):
        first -= 1
    if first == m.first or not syn.tokens[m.first].text[:1].isupper():
        return []
    name = ctx.article.original[syn.start(first) : end]
    return [Actor(name=name, kind=ActorKind.ORGANIZATION, organization=name,
                  mention=Span.of(ctx.article.original, syn.start(first), end))]  # fmt: skip


def _earlier_meeting(ctx: Context) -> list[Actor]:
    """ "X met Y ... since a session last June": the meeting a meeting is counted from was
    one of the same sides, the parties of the verb it depends on."""
    gov, how = ctx.view.governing
    vocab = vocabulary()
    if (
        gov is None
        or not how.startswith("pp:")
        or not vocab.has("counted_from_preposition", how[3:])
        or not vocab.has("meeting_verb", gov.lemma)
    ):
        return []
    phrases = [gov.subject, gov.object, *(pp.phrase for pp in gov.pps if pp.prep == "with")]
    found: list[Actor] = []
    for p in phrases:
        if p is not None:
            found.extend(a.actor for a in phrase_actors(p) if a.actor is not None)
    return found


def _named_before(ctx: Context) -> list[Actor]:
    """The persons of two sides named earlier in the sentence ("X raised it with Y when the
    two met", "after A and B spoke, the two presidents met")."""
    t = ctx.syn.start(ctx.view.match.first)
    found = unique_actors([a for a in ctx.sentence.actors
                     if a.actor is not None and a.end <= t and a.role is Role.PERSON])  # fmt: skip
    return found if len(_sides(found)) == 2 else []


def _definite_reference(ctx: Context) -> bool:
    """ "the meeting", "the talks", "Meeting ...": a noun trigger naming the meeting told."""
    m = ctx.view.match
    syn = ctx.syn
    if m.predicate is not None:
        return bool(
            m.first == 0
            and syn.tokens[m.first].text[:1].isupper()
            and (syn.tags[m.first] == Tag.VERB)
        )
    p = m.phrase
    if p is None or (m.first > 0 and syn.tokens[m.first].text[:1].isupper()):
        return False  # "the Nordic-African Forum": a gathering's name, not the one told
    det = syn.tokens[p.first].low
    return det in ("the", "this", "that", "these", "their", "his", "her", "its", "monday's",
                   "tuesday's", "wednesday's", "thursday's", "friday's", "saturday's",
                   "sunday's", "today's", "yesterday's")  # fmt: skip


def _also(ctx: Context) -> bool:
    """ "X also met Y", "X also held talks with Y": one more meeting, not the one told."""
    syn = ctx.syn
    m = ctx.view.match
    pred = m.predicate
    if pred is None:
        gov, how = ctx.view.governing
        pred = gov if how in ("object", "subject") else None
    if pred is None:
        return False
    if m.predicate is not None and not vocabulary().has("meeting_verb", pred.lemma):
        return False  # "the two also discussed X": more of the same meeting
    return any(syn.tokens[i].low == "also" for i in range(max(0, pred.first - 1), pred.head))


def _measured_from(ctx: Context) -> bool:
    """ "The talks came a week after X met Y": the meeting an offset is measured from is
    another, earlier one."""
    pred = ctx.view.match.predicate
    if pred is None or pred.segment.kind is not SegmentKind.SUB:
        return False
    syn = ctx.syn
    opener = pred.segment.opener
    if not (0 <= opener < len(syn.tokens)) or syn.tokens[opener].low not in ("after", "before"):
        return False
    lo = syn.start(max(0, opener - 4))
    return OFFSET.search(ctx.article.norm, lo, syn.end(opener + 1)) is not None


def _list_split(ctx: Context, doer: list[Actor]) -> list[list[Actor]] | None:
    """ "A met B, C and D" with B, C, D of several states: one meeting per state."""
    if len(_sides(doer)) != 1:
        return None
    own = next(iter(_sides(doer)))
    # "talks with B as well as with C", "met B in the morning and with C later": each "with"
    # its own meeting
    withs = [
        [a for a in unique_actors(phrase_actors(p)) if side_key(a) != own]
        for p in ctx.view.phrases("pp:with")
    ]
    withs = [w for w in withs if w]
    if len(withs) >= 2 and len({frozenset(side_key(a) for a in w) for w in withs}) == len(withs):
        return [doer + w for w in withs]
    # "met B, C and D", "talks with B, C and D", "sessions with peers, among them B, C and D"
    for role in ("undergoer", "pp:with", "pp:among them", "pp:including", "pp:among"):
        for p in ctx.view.phrases(role):
            if not p.members and p.role_head:
                # "talks with the leaders of A, B and C": the states the leaders are of
                of = next((pp.phrase for pp in p.modifiers if pp.prep == "of"), None)
                if (
                    of is not None
                    and of.members
                    and all(a.role is Role.STATE for m in of.members for a in phrase_actors(m))
                ):
                    states = unique_actors([a for m in of.members for a in phrase_actors(m)])
                    others = [a for a in states if side_key(a) not in _sides(doer)]
                    if len(others) >= 2:
                        return [[*doer, a] for a in others]
            if not p.members:
                continue
            if not all(a.role is Role.PERSON for m in p.members for a in phrase_actors(m)):
                continue  # "Egyptian and Qatari mediators": one group, one meeting
            groups: dict[str, list[Actor]] = {}
            for member in p.members:
                for a in unique_actors(phrase_actors(member)):
                    groups.setdefault(side_key(a), []).append(a)
            groups.pop(own, None)
            if len(groups) >= 2:
                return [doer + g for g in groups.values()]
    return None


def _topics(ctx: Context) -> tuple[str, ...]:
    syn = ctx.syn
    anchor = ctx.view.predicate
    for pred in syn.predicates:
        if (
            pred.lemma == "discuss"
            and pred.infinitive
            and (pred.governor is anchor or pred.governor is ctx.view.match.predicate)
        ):
            text = ctx.article.original[syn.start(pred.end) : ctx.sentence.end]
            text = text.strip(' .,;"')
            return (text,) if text else ()
    return ()


#: How a meeting noun depends on its verb when it frames a readout's next meeting
#: ("During the meeting with X, ...", "In a separate meeting with X, ...").
_READOUT_FRAMES = frozenset({"pp:during", "pp:in", "pp:at"})

#: A meeting with no place of its own, told at most this many paragraphs after a meeting
#: of one of its sides, took place where that one did ("He also met ...").
TRIP_PARAGRAPHS = 2


def _day_before(ctx: Context, parties: list[Actor]) -> DateSpan | None:
    """The day of the meeting told before, when one of its sides is in this one too and it
    was told close by ("X met Y on Sunday. ... X also met Z"): the same trip."""
    state = ctx.state
    day = state.last_meeting_day
    if (
        day is None
        or day.precision is not DatePrecision.DAY
        or ctx.sentence.paragraph - state.last_meeting_paragraph > TRIP_PARAGRAPHS
        # "a week after ...", "after his visit": measured from something else
        or OFFSET.search(ctx.article.norm, ctx.sentence.start, ctx.sentence.end)
        or any(vocabulary().has("time_subordinator", pp.prep) for pp in ctx.syn.pps)
    ):
        return None
    if not who_keys(parties) & who_keys(state.last_meeting):
        return None
    return day


def _where_before(ctx: Context, parties: list[Actor], date: DateSpan | None) -> Location | None:
    """The place of the meeting told before, when one of its sides is in this one too, it
    was told close by and on the same day (or neither has one): the same trip, as far as the
    text tells."""
    state = ctx.state
    if (
        state.last_meeting_location is None
        or state.last_meeting_day != date
        or ctx.sentence.paragraph - state.last_meeting_paragraph > TRIP_PARAGRAPHS
    ):
        return None
    if not _sides(parties) & _sides(list(state.last_meeting)):
        return None
    return state.last_meeting_location


def _own_doer(ctx: Context) -> bool:
    """Whether the clause names who does what it tells ("in talks with Iran, negotiators
    made progress"), so no one else is to be taken from the story."""
    return any(ctx.view.phrases(r) for r in ("framing_doer", "governor_doer", "doer"))


def _protagonist(ctx: Context, parties: list[Actor]) -> Actor | None:
    """The one the story follows from meeting to meeting: the side of the meeting told last
    (close by) that took part in most meetings so far, when it is not among ``parties``."""
    state = ctx.state
    if (
        not state.last_meeting
        or ctx.sentence.paragraph - state.last_meeting_paragraph > TRIP_PARAGRAPHS
    ):
        return None
    last = {who_key(a) for a in state.last_meeting}
    here = who_keys(parties)
    for actor, _ in state.meetings_by_side:
        if who_key(actor) in last:
            return actor if who_key(actor) not in here and side_key(actor) not in here else None
    return None


def build(ctx: Context) -> Built:
    roles = ctx.roles
    family = str(ctx.effects.get("family") or ctx.pattern.family or "meet")
    # in text order, whichever slot found them
    named = [*roles.get("participants")]
    if family == "visit" and named:
        named.extend(roles.get("host"))  # "a courtesy visit to Museveni": the one visited
    parties = unique_actors(sorted(named, key=lambda a: a.start))
    forum = _forum_bodies(ctx)
    parties.extend(b for b in forum if side_key(b) not in _sides(parties))
    location = location_of(ctx.view, roles, ctx.article.home)
    if location is not None and location.kind is LocationKind.REGION and not location.country:
        location = None  # "integration in Africa": a continent is no meeting's place
    home = ctx.article.home
    if (
        home is not None
        and ctx.sentence.paragraph <= 1
        and (
            location is None
            # "NUSA DUA, Indonesia - ... met in Indonesia": the dateline's town in that state
            or (
                location.kind is LocationKind.COUNTRY
                and location.country is not None
                and home.country == location.country
                and home.kind is not LocationKind.COUNTRY
            )
        )
    ):
        location = home  # "DAMASCUS, Syria -- X met Y": the dateline's place
    link = Link.DISTINCT if _also(ctx) or _measured_from(ctx) else Link.NEW
    # the visited or receiving state, from the place, when no party of it is named
    if family in ("visit", "host"):
        for pl in roles.places.get("host", ()):
            if pl.location.country and pl.location.country not in {a.country for a in parties}:
                parties.append(state_actor(pl.location.country))
                break
        else:
            if (
                location is not None
                and location.country
                and family == "visit"
                and location.country not in {a.country for a in parties}
                and len(_sides(parties)) < 2
            ):
                parties.append(state_actor(location.country))
    if family == "host" and location is not None and location.country:
        # "the army chief hosted his counterparts in Abuja": the host is the place's
        hosts = _doer_sides(ctx)
        parties = [
            attrs.evolve(a, country=location.country)
            if side_key(a) in hosts and a.country is None and a.organization is None
            else a
            for a in parties
        ]
    affiliated: list[Actor] = []
    for a in parties:
        others = {b.country for b in (*affiliated, *parties) if b is not a and b.country}
        affiliated.append(affiliate(a, ctx.article, ctx.state, others))
    if len(_sides(affiliated)) >= len(_sides(parties)):
        parties = affiliated  # (never so that two sides become one)
    if location is None and family == "visit":
        # "a courtesy visit to Museveni": in the visited one's state, as far as told
        visited = {side_key(a.actor) for a in roles.get("host") if a.actor is not None}
        states = {a.country for a in parties if side_key(a) in visited and a.country}
        if len(states) == 1:
            location = Location(country=states.pop(), kind=LocationKind.COUNTRY)
    rule = ctx.pattern.id
    if len(_sides(parties)) < 2 and "two_parties" in ctx.pattern.require:
        return "one party"
    if len(_sides(parties)) < 2:
        if (
            _members_of_body(roles.get("participants"))
            or _body_members_phrase(ctx)
            or (forum and ctx.view.governing[1] == "subject")
        ):
            pass  # "NATO defence ministers met", "the Arab summit concluded": its members met
        elif (
            parties
            and ctx.view.phrases("pp:with")
            and ctx.view.governing[1] in _READOUT_FRAMES
            and (_plural_subject(ctx) or not _own_doer(ctx))
            and (lead := _protagonist(ctx, parties))
        ):
            # "During the meeting with X, the sides discussed ...": a readout's next meeting,
            # of the one the story follows
            parties = [lead, *parties]
        elif _plural_subject(ctx) and len(_named_before(ctx)) >= 2:
            # "Hours after A and B addressed the assembly, the two presidents met"
            parties = _named_before(ctx)
        elif (_plural_subject(ctx) or _definite_reference(ctx)) and len(
            ctx.state.last_meeting
        ) >= 2:
            parties = list(ctx.state.last_meeting)
            # "the two leaders also discussed ...": more of the same meeting, unless dated
            link = Link.DISTINCT if _also(ctx) and ctx.sentence.dates else Link.REFERS
        elif _plural_subject(ctx) and len(_sides(group := _group_before(ctx))) >= 2:
            # "A, B and C arrived in X on Thursday. They were meeting to discuss ..."
            parties = [affiliate(a, ctx.article, ctx.state, ()) for a in group]
        elif (collective := _collective(ctx)) is not None:
            parties = [collective]  # "Afghanistan's warring factions met face-to-face"
        elif len(_sides(earlier := _earlier_meeting(ctx))) >= 2:
            # "their first talks since a session last June": those sides
            parties = [affiliate(a, ctx.article, ctx.state, ()) for a in earlier]
            link = Link.DISTINCT
        else:
            return "one party"
    elif (
        _definite_reference(ctx)
        and not forum  # "attended the East Asia Summit": a gathering named, not the one told
        and ctx.view.match.predicate is None
        and not any(ctx.view.phrases(r) for r in ("pp:with", "pp:between", "pp:among", "possessor"))
    ):
        link = Link.REFERS  # "At the meeting, A thanked B": the meeting told before
    date = date_of(ctx.view, ctx.sentence.dates) or lead_day(ctx.view, ctx.article, ctx.sentence)
    modality = ctx.modality()
    on_trip = modality is Modality.REALIZED and not (
        ctx.view.predicate is not None and ctx.view.predicate.past_perfect
    )  # ("had previously met X during a visit to Kyiv": another time)
    if date is None and on_trip and not ctx.sentence.dates:
        date = _day_before(ctx, parties)
    if location is None and on_trip:
        location = _where_before(ctx, parties, date)
    cameo, plover = MEETING[family]
    doers = _doer_sides(ctx)
    groups = _list_split(
        ctx, [a for a in parties if side_key(a) in doers or a.name.lower() in doers]
    ) or [parties]
    out: list[tuple[Event, Link]] = []
    evidence = (ctx.article.span(ctx.sentence.start, ctx.sentence.end),)
    for group in groups:
        out.append((
            Meeting(
                id="pending",
                evidence=evidence,
                date=date,
                location=location,
                modality=modality,
                confidence=0.6,
                rule=rule,
                cameo=cameo,
                plover=plover,
                participants=tuple(group),
                topics=_topics(ctx),
            ),
            link,
        ))  # fmt: skip
    return out


def _doer_sides(ctx: Context) -> set[str]:
    """The sides of the doers, and the doers' names (a doer the story ties to a state only
    later is still the doer)."""
    sides: set[str] = set()
    for role in ("doer", "governor_doer", "possessor"):
        for p in ctx.view.phrases(role):
            sides |= {side_key(a.actor) for a in phrase_actors(p) if a.actor is not None}
            sides |= {a.actor.name.lower() for a in phrase_actors(p) if a.actor is not None}
    return sides
