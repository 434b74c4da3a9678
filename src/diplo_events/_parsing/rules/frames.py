"""Filling a pattern's frame: event roles from syntactic roles, and the slots every event
type shares (where, when, modality).

Nothing here counts characters: every answer comes from the sentence's
:class:`~diplo_events._parsing.syntax.SentenceSyntax` through a
:class:`~diplo_events._parsing.match.view.View`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from ...model import Actor, ActorKind, DatePrecision, DateSpan, Location, LocationKind, Modality
from ..annotate.dates import OFFSET, DateMention
from ..annotate.mentions import ActorMention, PlaceMention, Role
from ..annotate.vocabulary import VerbForm, vocabulary
from ..document.article import Article, Sentence
from ..document.keys import actor_key
from ..match.patterns import Pattern
from ..match.view import View
from ..syntax import PP, Modal, Phrase, Predicate, SegmentKind, SentenceSyntax, Tag

__all__ = [
    "Roles",
    "date_of",
    "fill",
    "location_of",
    "modality_of",
    "phrase_actors",
    "spoken_of",
    "unique_actors",
]

#: Roles an actor mention may have to be a party (persons, states, bodies, officials,
#: resolved group words, roles and pronouns).
PARTY_ROLES = frozenset(Role)


@attrs.frozen
class Roles:
    """What a frame found: actor mentions and place mentions by event role."""

    actors: dict[str, tuple[ActorMention, ...]]
    places: dict[str, tuple[PlaceMention, ...]]
    phrases: dict[str, tuple[Phrase, ...]]

    def get(self, role: str) -> tuple[ActorMention, ...]:
        return self.actors.get(role, ())


def _demonym_into_person(found: list[ActorMention]) -> list[ActorMention]:
    """ "Russian security chief Alexander Lebed": a bare demonym before a person with no
    side in one phrase is that person's state."""
    out: list[ActorMention] = []
    for a in found:
        prev = out[-1] if out else None
        actor = a.actor
        if (
            prev is not None
            and prev.role is Role.OFFICIAL
            and prev.actor is not None
            and prev.actor.title is None
            and prev.actor.country
            and actor is not None
            and actor.kind is ActorKind.PERSON
            and not (actor.country or actor.organization)
        ):
            out[-1] = attrs.evolve(a, actor=attrs.evolve(actor, country=prev.actor.country))
            continue
        out.append(a)
    return out


def unique_actors(mentions: Iterable[ActorMention]) -> list[Actor]:
    """The actors of ``mentions``, each once (by key), in order."""
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


def phrase_actors(phrase: Phrase) -> list[ActorMention]:
    """The resolved parties a phrase names (conjuncts flattened). A person with no side
    takes the one its appositive names ("Amina Hassan, the head of UNSOM,")."""
    found = [a for a in phrase.parties() if a.actor is not None and a.role in PARTY_ROLES]
    found = _demonym_into_person(found)
    app = phrase.appositive
    if app is None or len(found) != 1:
        return found
    person = found[0]
    actor = person.actor
    if actor is None or actor.kind is not ActorKind.PERSON or actor.country or actor.organization:
        return found
    for pp in app.modifiers:
        # "Amadou Sy, a police commander in Kayes,": a local office in a place of one state
        if pp.prep == "in" and pp.phrase is not None and app.role_head:
            countries = {pl.location.country for pl in pp.phrase.places if pl.location.country}
            if len(countries) == 1:
                title = actor.title or app.head_word or None
                return [attrs.evolve(person, actor=attrs.evolve(
                    actor, country=countries.pop(), title=title))]  # fmt: skip
    for a in app.parties():
        side = a.actor
        if side is not None and side is not actor and (side.country or side.organization):
            title = actor.title or (app.head_word if app.head_word else None)
            return [
                attrs.evolve(
                    person,
                    actor=attrs.evolve(
                        actor, country=side.country, organization=side.organization, title=title
                    ),
                )
            ]
    return found


def _reporter(view: View) -> list[ActorMention]:
    """The parties of the reporting verb that governs the trigger's clause ("the army said
    its troops had retaken X": the army)."""
    vocab = vocabulary()
    pred = view.predicate
    for p in _chain(pred.governor if pred is not None else None):
        if vocab.has("report_frame_verb", p.lemma) and p.doer is not None:
            found = phrase_actors(p.doer)
            if found:
                return found
    return []


def _self_reference(view: View, p: Phrase) -> list[ActorMention]:
    """A phrase that names the reporter's own side ("its forces", "they", "the group")."""
    toks = view.syn.tokens
    vocab = vocabulary()
    first = toks[p.first].low
    head = toks[p.head].low
    if vocab.has("self_word", first) or (first == "the" and vocab.has("own_side_noun", head)):
        found = _reporter(view)
        if vocab.has("armed_noun", head) and any(
            (a.actor is not None and a.actor.kind is ActorKind.STATE) or a.role is Role.OFFICIAL
            for a in found
        ):
            return []  # "the ministry said the rebels had withdrawn": not the ministry's own
        if vocab.has("non_state_word", head) and not any(
            a.actor is not None and a.actor.kind is ActorKind.ARMED_GROUP for a in found
        ):
            return []  # "a government spokesman said the rebels entered X": not his own
        if not found and first in ("its", "their", "his", "her"):
            # "Russia completed the withdrawal of its troops": the clause's doer
            gov = view.governing[0] if view.match.predicate is None else None
            doer = gov.doer if gov is not None else None
            if doer is not None and doer is not p:
                found = phrase_actors(doer)
        return found
    return []


def fill(view: View, pattern: Pattern, drop: frozenset[str] = frozenset()) -> Roles:
    """The event roles of ``pattern``'s frame, filled from ``view`` (leaving out the
    syntactic roles in ``drop``)."""
    actors: dict[str, tuple[ActorMention, ...]] = {}
    places: dict[str, tuple[PlaceMention, ...]] = {}
    phrases: dict[str, tuple[Phrase, ...]] = {}
    for role, slots in pattern.frame.items():
        found: list[Phrase] = []
        for slot in slots:
            if slot in drop:
                continue
            for p in view.phrases(slot):
                if p not in found:
                    found.append(p)
        phrases[role] = tuple(found)
        acts: list[ActorMention] = []
        plcs: list[PlaceMention] = []
        for p in found:
            own = phrase_actors(p)
            lone = p.end - p.first == 1 and vocabulary().has(
                "personal_pronoun", view.syn.tokens[p.first].low
            )
            if not own or lone:
                # "X said he had met Y": the reporter, before any earlier person
                own = _self_reference(view, p) or own
            for a in own:
                if a not in acts:
                    acts.append(a)
            for pl in _phrase_places(p, view.syn):
                if pl not in plcs:
                    plcs.append(pl)
        actors[role] = tuple(acts)
        places[role] = tuple(plcs)
    return Roles(actors=actors, places=places, phrases=phrases)


def opening_group(syn: SentenceSyntax) -> list[Actor]:
    """The parties the sentence's main clause opens on ("A, B and C arrived in X"): its
    first verb's subject (outside quotes)."""
    first = next((p for p in syn.predicates if not p.segment.quoted), None)
    if first is None or first.subject is None:
        return []
    # with the items of a list the tagger's commas cut off before the subject ("A of X,
    # B of Y and C of Z arrived"): every phrase before it in segments with no verb
    verbless = {
        seg.index
        for seg in syn.segments
        if seg.index <= first.segment.index
        and seg.kind in (SegmentKind.START, SegmentKind.COMMA)
        and not any(p.segment is seg for p in syn.predicates)
    }
    found: list[ActorMention] = []
    for ph in syn.phrases:
        if ph is first.subject or (
            ph.first < first.subject.first and syn.segment_of(ph.first).index in verbless
        ):
            found.extend(ph.parties())
    return unique_actors(found)


def view_low(p: Phrase) -> str:
    """The lower-case head word of a phrase."""
    return p.head_word


def _possessor(syn: SentenceSyntax, pl: PlaceMention) -> bool:
    i = syn.token_at(pl.end)
    return i < len(syn.tokens) and syn.tags[i] == Tag.POSS


def _phrase_places(p: Phrase, syn: SentenceSyntax | None = None) -> list[PlaceMention]:
    """The places a phrase names: its own, and those of its "of" phrases ("the towns of X
    and Y") and appositive; a possessor of other places is none of them ("Mali's city of
    Gao", "12 of Afghanistan's 34 capitals")."""
    out = list(p.places)
    if syn is not None:
        out = [pl for pl in out if not (_possessor(syn, pl) and syn.token_at(pl.end) < p.head)]
        vocab = vocabulary()
        # "the Kachin capital Myitkyina": the region only qualifies the town after it
        descriptor = [
            i
            for i in range(p.first, p.end)
            if syn.tags[i] == Tag.WORD and vocab.has("place_descriptor", syn.tokens[i].low)
        ]
        if descriptor and len(out) > 1:
            d = descriptor[0]
            after = [pl for pl in out if syn.token_at(pl.start) > d]
            if after:
                out = after
    for m in p.members:
        if vocabulary().has("site_noun", m.head_word):
            # "took X and a military base at Y": the site is named by where it stands
            for pp in m.modifiers:
                if vocabulary().has("site_preposition", pp.prep) and pp.phrase is not None:
                    out.extend(pl for pl in pp.phrase.places if pl not in out)
    for pp in p.modifiers:
        if pp.prep == "of" and pp.phrase is not None:
            inner = _phrase_places(pp.phrase, syn)
            if vocabulary().has("state_descriptor", view_low(p)):
                # "the African nation of Gabon": the state the noun describes
                inner = inner or [_state_place(a) for a in pp.phrase.actors if _is_state(a)]
                if inner:
                    out = inner
                    continue
            if vocabulary().has("place_descriptor", view_low(p)) and inner:
                # "the southern Gaza city of Khan Younis", "the Black Sea resort of Sochi":
                # the place the noun names; the ones before it only say where it lies
                out = inner
            else:
                out.extend(inner)
    if p.appositive is not None:
        if vocabulary().has("place_descriptor", p.head_word):
            out = list(p.appositive.places) + out  # "the capital, Pretoria"
        else:
            out.extend(p.appositive.places)
    return out


def _is_state(a: ActorMention) -> bool:
    return a.actor is not None and a.actor.kind is ActorKind.STATE and a.actor.country is not None


def _state_place(a: ActorMention) -> PlaceMention:
    assert a.actor is not None
    loc = Location(name=a.actor.name, country=a.actor.country, kind=LocationKind.COUNTRY,
                   mention=a.actor.mention)  # fmt: skip
    return PlaceMention(a.start, a.end, loc, "of")


def location_of(view: View, roles: Roles, home: Location | None = None) -> Location | None:
    """The place of the frame's ``location`` role, else one in a locative phrase of the
    trigger's clause, else one the sentence opens with ("In Doha, ..."), else the
    dateline's place for "here"."""
    # the first told: "met at the Plaza Hotel in his first talks since a session in Managua";
    # a region of no state last ("on the sidelines of an Asia summit in Indonesia")
    syn = view.syn
    first, end = view.clause
    cut = _earlier_from(view)
    for pl in sorted(roles.places.get("location", ()), key=_place_order):
        if _placeable(pl) and pl.start < cut:
            return pl.location
    for pp in view.own_pps:
        if (
            first <= pp.first < end
            and syn.start(pp.first) < cut
            and pp.phrase is not None
            and (
                vocabulary().has("locative_preposition", pp.prep)
                or (pp.prep == "from" and _distance_before(syn, pp.first))
            )
        ):
            for pl in _phrase_places(pp.phrase, syn):
                if _placeable(pl):
                    return pl.location
    where = _where_place(view)
    if where is not None:
        return where
    opening = syn.segments[0]
    if (
        opening.kind is SegmentKind.START
        and len(syn.segments) > 1
        and not any(p.segment is opening for p in syn.predicates)
    ):
        for pp in syn.pps:
            if opening.first <= pp.first < opening.end and pp.prep in ("in", "at"):
                for pl in pp.phrase.places if pp.phrase is not None else ():
                    if _placeable(pl):
                        return pl.location
    framing = _framing_trip(view)
    if framing is not None:
        return framing
    for pred in syn.predicates:
        # "Speaking in Lilongwe on Monday, X said": the opening participle's place
        if pred.segment is opening and pred.gerund and pred.subject is not None:
            for pp in pred.pps:
                if pp.prep in ("in", "at") and pp.phrase is not None:
                    for pl in _phrase_places(pp.phrase):
                        if _placeable(pl):
                            return pl.location
    if home is not None and any(syn.tokens[i].low == "here" for i in range(first, end)):
        return home  # "VIENNA (AP) - ... met at the embassy here"
    return None


def _where_place(view: View) -> Location | None:
    """ "returned from Brasilia, where he attended the summit": the place that the "where"
    clause holding the trigger is told of."""
    syn = view.syn
    seg = syn.segment_of(view.match.first)
    opener = seg.opener
    if (
        seg.kind is not SegmentKind.REL
        or not 0 < opener < len(syn.tokens)
        or not vocabulary().has("place_relative", syn.tokens[opener].low)
    ):
        return None
    j = opener - 1
    if syn.tags[j] == Tag.COMMA:
        j -= 1
    phrase = syn.phrase_of(j) if j >= 0 else None
    if phrase is None:
        return None
    for pl in _phrase_places(phrase, syn):
        if _placeable(pl) and pl.end <= syn.start(opener):
            return pl.location
    return None


def _framing_trip(view: View) -> Location | None:
    """ "(He said that) during his visit to Riyadh, X also met Y": the place of a trip that
    a phrase before the trigger's clause frames it with."""
    syn = view.syn
    own = syn.segment_of(view.match.first)
    if own.index == 0:
        return None
    before = syn.segments[own.index - 1]
    if any(p.segment is before for p in syn.predicates):
        return None
    vocab = vocabulary()
    for k, pp in enumerate(syn.pps):
        if not (before.first <= pp.first < before.end) or pp.phrase is None:
            continue
        if pp.prep in ("during", "on", "in the course of") and vocab.has(
            "trip_noun", pp.phrase.head_word
        ):
            for nxt in syn.pps[k + 1 : k + 2]:
                if nxt.prep == "to" and nxt.first == pp.end and nxt.phrase is not None:
                    for pl in _phrase_places(nxt.phrase, syn):
                        if _placeable(pl):
                            return pl.location
    return None


_NO_CUT = 1 << 62


def _since_pp(view: View) -> PP | None:
    """The first "since" phrase after the trigger in its clause, if any."""
    syn = view.syn
    first, end = view.clause
    t_end = syn.end(view.match.end)
    vocab = vocabulary()
    for pp in syn.pps:
        if (
            first <= pp.first < end
            and syn.start(pp.first) >= t_end
            and vocab.has("counted_from_preposition", pp.prep)
        ):
            return pp
    return None


def _since_after(view: View) -> int:
    """Where a "since" phrase opens after the trigger in its clause, else no cut."""
    pp = _since_pp(view)
    return view.syn.start(pp.first) if pp is not None else _NO_CUT


def _earlier_from(view: View) -> int:
    """Where the trigger's clause goes on to tell an earlier happening, after the trigger
    ("met X ... since a session last June in Managua": its date and place are the
    session's; not "their largest drills since the breakup of Yugoslavia on Tuesday");
    else no cut."""
    pp = _since_pp(view)
    vocab = vocabulary()
    if (
        pp is not None
        and pp.phrase is not None
        and (
            vocab.has("meeting_noun", pp.phrase.head_word)
            or vocab.has("exercise_noun", pp.phrase.head_word)
        )
    ):
        return view.syn.start(pp.first)
    return _NO_CUT


def _place_order(pl: PlaceMention) -> tuple[bool, int]:
    loc = pl.location
    return (loc.country is None and loc.kind is LocationKind.REGION, pl.start)


def _distance_before(syn: SentenceSyntax, i: int) -> bool:
    """ "20 kilometres (away) from the border": a distance before token ``i``."""
    vocab = vocabulary()
    j = i - 1
    if j >= 0 and syn.tokens[j].low == "away":
        j -= 1
    return j >= 0 and vocab.has("distance_noun", syn.tokens[j].low)


def _placeable(pl: PlaceMention) -> bool:
    loc = pl.location
    return loc.kind is not None or loc.country is not None or bool(loc.name)


def lead_day(view: View, article: Article, sentence: Sentence) -> DateSpan | None:
    """The publication day, for a happening the story's first paragraph tells as starting
    or going on with no date ("Talks between A and B began in Sochi"); else None."""
    if article.published is None or sentence.title or sentence.dates:
        return None
    first = next((s.paragraph for s in article.sentences if not s.title), None)
    if sentence.paragraph != first:
        return None
    if OFFSET.search(article.norm, sentence.start, sentence.end):
        return None  # "began a week after the talks": the offset tells the day
    pred = view.match.predicate
    if pred is None:
        gov, how = view.governing
        pred = gov if how in ("subject", "object") else None
    if pred is None or not vocabulary().has("ongoing_verb", pred.lemma):
        return None
    if pred.negated or pred.modal is not Modal.NONE or pred.future_be or pred.infinitive:
        return None
    if modality_of(view) is not Modality.REALIZED:
        return None
    day = article.published
    return DateSpan(start=day, end=day, precision=DatePrecision.DAY, text=None)


def report_day(view: View, dates: Sequence[DateMention]) -> DateSpan | None:
    """The day a change is reported on, for one the text tells only through a report ("the
    ministry said on Tuesday that its forces had captured X", "X fell to the rebels, the
    army said on Monday"): the reporting verb's own date."""
    syn = view.syn
    pred = view.predicate
    vocab = vocabulary()
    if pred is None:
        return None
    for p in syn.predicates:
        if p is pred or not vocab.has("reporting_verb", p.lemma):
            continue
        governs = any(g is p for g in _chain(pred.governor))
        closing = p.segment.index > pred.segment.index and p.segment.kind is SegmentKind.COMMA
        if not (governs or closing):
            continue
        lo, hi = syn.start(p.segment.first), syn.end(p.segment.end)
        if governs:
            hi = syn.end(p.end + 4) if p.end + 4 < len(syn.tokens) else hi
        for d in dates:
            if lo <= d.start and d.end <= hi and not d.bound:
                return d.span
    return None


def date_of(view: View, dates: Sequence[DateMention]) -> DateSpan | None:
    """The date told in the trigger's clause: the nearest after the trigger, else the
    nearest before it; else one the sentence opens with ("On Tuesday, ...")."""
    syn = view.syn
    if not dates:
        return None
    first, end = view.clause
    lo, hi = syn.start(first), syn.end(end)
    m = view.match
    t_start, t_end = syn.start(m.first), syn.end(m.end)
    cut = _earlier_from(view)
    if cut < hi:
        dates = [d for d in dates if not cut <= d.start < hi]
        hi = cut
    since = _since_after(view)
    if since < hi:
        # "the first visit since the establishment of relations in the early 1960s": the
        # period's own dates; a day told after it is the event's ("their largest drills
        # since the breakup of Yugoslavia on Tuesday")
        dates = [
            d
            for d in dates
            if not (since <= d.start < hi) or (d.relative and d.span.precision is DatePrecision.DAY)
        ]
    claimed = _event_noun_after(view, t_end)
    if claimed is not None:
        # "The visit follows a State Visit to Nigeria on 30 November": a day told after
        # another happening's noun is that happening's
        dates = [d for d in dates if d.start < claimed]
    inside = [d for d in dates if lo <= d.start and d.end <= hi and not d.bound]
    after = [d for d in inside if d.start >= t_end]
    before = [d for d in inside if d.end <= t_start]
    if after and (not before or after[0].start - t_end <= t_start - before[-1].end + 40):
        return after[0].span
    if before:
        return before[-1].span
    if m.phrase is not None:
        # "a week-long exercise that ended earlier this week": the noun's relative clause
        for seg in syn.segments:
            if seg.kind is SegmentKind.REL and seg.opener == m.phrase.stop:
                s_lo, s_hi = syn.start(seg.first), syn.end(seg.end)
                for d in dates:
                    if s_lo <= d.start and d.end <= s_hi and not d.bound:
                        return d.span
    opening = syn.segments[0]
    if opening.index != syn.segment_of(m.first).index and not any(
        p.segment is opening for p in syn.predicates
    ):
        o_lo, o_hi = syn.start(opening.first), syn.end(opening.end)
        for d in dates:
            if o_lo <= d.start and d.end <= o_hi and not d.bound:
                return d.span
    # "X received Y at Z and hosted a banquet on Saturday": a date of the main clause, when
    # the trigger's own clause is a main one too
    own = syn.segment_of(m.first).kind
    if own in _MAIN and not syn.segment_of(m.first).quoted:
        best: DateMention | None = None
        for d in dates:
            seg = syn.segment_of(syn.token_at(d.start))
            if d.bound or seg.kind not in _MAIN or seg.quoted:
                continue
            if best is None or abs(d.start - t_start) < abs(best.start - t_start):
                best = d
        if best is not None:
            return best.span
    return None


_MAIN = frozenset({SegmentKind.START, SegmentKind.COMMA, SegmentKind.AND_VERB,
                   SegmentKind.AND_CLAUSE, SegmentKind.STOP})  # fmt: skip


def _event_noun_after(view: View, t_end: int) -> int | None:
    """Where the first noun of another happening told anew after the trigger (in its
    clause) ends: a meeting, an exercise or a change of control brought in with "a" or
    "another" ("follows a visit to X"; not "on the sidelines of the summit")."""
    syn = view.syn
    vocab = vocabulary()
    first, end = view.clause
    for i in range(syn.token_at(t_end), min(end, len(syn.tokens))):
        if i < first or syn.tags[i] in (Tag.VERB, Tag.AUX):
            continue
        low = syn.tokens[i].low
        if not (
            vocab.has("meeting_noun", low)
            or vocab.has("exercise_noun", low)
            or vocab.has("change_noun", low)
        ):
            continue
        phrase = syn.phrase_of(i)
        if (
            phrase is not None
            and vocab.has("indefinite_determiner", syn.tokens[phrase.first].low)
            and any(p.object is phrase for p in syn.predicates)
        ):
            # "follows a State Visit to X": another happening, told anew as an object (not
            # "met on the sidelines of a summit", where it frames the meeting)
            return syn.tokens[i].end
    return None


def _chain(pred: Predicate | None) -> Iterable[Predicate]:
    seen = 0
    while pred is not None and seen < 8:
        yield pred
        pred = pred.governor
        seen += 1


def modality_of(view: View, *, statement: bool = False) -> Modality:
    """Realized, planned, negated or hypothetical, from the trigger's verb group, the verbs
    that govern it and the clause it stands in.

    A statement's modality is its reporting verb's own ("did not say": negated); an event
    reported by someone takes the modality of its own clause, not the reporter's."""
    vocab = vocabulary()
    m = view.match
    syn = view.syn
    pred = m.predicate
    if pred is None:
        gov, how = view.governing
        if m.phrase is not None and any(
            vocab.has("planned_adjective", syn.tokens[i].low)
            for i in range(m.phrase.first, m.first)
        ):
            return Modality.PLANNED
        if gov is None:
            return Modality.REALIZED
        if how == "subject" and gov.negated and not vocab.has("happen_verb", gov.lemma):
            # "the manoeuvres were not directed against anyone": only the modal counts
            if gov.modal is Modal.FUTURE:
                return Modality.PLANNED
            return Modality.HYPOTHETICAL if gov.modal is Modal.HYPOTHETICAL else Modality.REALIZED
        pred = gov
    sub = False  # reached through an "after"/"before" clause: tense only, no negation
    for k, p in enumerate(_chain(pred)):
        seg = p.segment
        if sub:
            if p.modal is Modal.FUTURE:
                return Modality.PLANNED
            if p.modal is Modal.HYPOTHETICAL:
                return Modality.HYPOTHETICAL
            break
        if p.governed_how == "sub":
            sub = True
        if (
            seg.kind is SegmentKind.SUB
            and 0 <= seg.opener < len(syn.tokens)
            and syn.tokens[seg.opener].low in ("if", "unless", "whether")
        ):
            return Modality.HYPOTHETICAL
        if k == 0 and not statement and (_future_in_sub(syn, p) or _wanted(syn, p)):
            return Modality.PLANNED  # "after the fighters withdraw", "demands that they leave"
        if p.negated:
            if statement and k == 0 and vocab.has("deny_verb", p.lemma):
                return Modality.REALIZED
            return Modality.NEGATED
        if p.modal is Modal.FUTURE:
            return Modality.PLANNED
        if p.modal is Modal.HYPOTHETICAL:
            aux = _aux_words(view, p)
            if (
                "would" in aux
                and p.governor is not None
                and vocab.has("report_frame_verb", p.governor.lemma)
            ):
                return Modality.PLANNED  # "said it would hold drills": a future told
            return Modality.HYPOTHETICAL
        if k == 0 and m.predicate is None and vocab.has("negating_verb", p.lemma):
            return Modality.NEGATED  # "postponed the talks"
        if p.infinitive and p.governor is not None:
            g = p.governor
            if vocab.has("be", g.lemma) and (
                g.head + 1 == p.first or (p.head - g.head == 2 and syn.tags[g.head + 1] == Tag.TO)
            ):
                return Modality.PLANNED  # "Qian is to visit Moscow", "are to begin talks"
            if (
                not statement
                and vocab.has("be", g.lemma)
                and any(
                    vocab.has("intent_adjective", t.low)
                    for t in view.syn.tokens[g.head + 1 : p.first]
                )
            ):
                # "we have been willing to go ahead with the pullout" (but "was keen to
                # stress that ...": a saying told)
                return Modality.PLANNED
            if vocab.has("negating_verb", g.lemma):
                return Modality.NEGATED
            if vocab.has("planning_verb", g.lemma):
                if g.negated:
                    return Modality.NEGATED
                return Modality.PLANNED
        if statement:
            break
        if p.governor is not None and vocab.has("report_frame_verb", p.governor.lemma):
            if vocab.has("deny_verb", p.governor.lemma):
                return Modality.NEGATED  # "denied that its forces had withdrawn"
            break  # "X said Y had captured Z": the reporter's verb says nothing of it
    return Modality.REALIZED


def _future_in_sub(syn: SentenceSyntax, p: Predicate) -> bool:
    """A verb in the present tense in a time clause ("after", "once", "until") of a sentence
    told in the past or the future: it tells what is to come ("agreed to hold talks after
    the fighters withdraw from Grozny")."""
    seg = p.segment
    if (
        seg.kind is not SegmentKind.SUB
        or not 0 <= seg.opener < len(syn.tokens)
        or not vocabulary().has("time_subordinator", syn.tokens[seg.opener].low)
        or p.modal is not Modal.NONE
        or p.perfect
        or p.passive
        or p.first != p.head  # an auxiliary: "after they have withdrawn", "as they were"
        or not p.forms & {VerbForm.BASE, VerbForm.THIRD}
        or VerbForm.PAST in p.forms
    ):
        return False
    return any(
        q is not p
        and q.segment is not seg
        and (VerbForm.PAST in q.forms or q.modal is not Modal.NONE or q.infinitive)
        for q in syn.predicates
    )


def _wanted(syn: SentenceSyntax, p: Predicate) -> bool:
    """A verb in the base form in a "that" clause after a word that asks for it ("demands
    that the Taliban withdraw from Mazar"): what is wanted, not what happened."""
    seg = p.segment
    return (
        seg.kind is SegmentKind.THAT
        and 0 < seg.opener < len(syn.tokens)
        and vocabulary().has("mandative_word", syn.tokens[seg.opener - 1].low)
        and p.modal is Modal.NONE
        and not p.perfect
        and p.first == p.head
        and VerbForm.BASE in p.forms
        and VerbForm.PAST not in p.forms
    )


def _aux_words(view: View, pred: Predicate) -> set[str]:
    syn = view.syn
    return {syn.tokens[i].low for i in range(pred.first, pred.head)
            if syn.tags[i] in (Tag.AUX, Tag.MODAL)}  # fmt: skip


def kind_of_place(pl: PlaceMention) -> LocationKind | None:
    return pl.location.kind


def spoken_of(view: View) -> bool:
    """Whether a noun trigger depends on a verb that speaks of the happening ("criticized the
    drills", "reactions to its drills", "confirmed the fall of Kabo"), not on one that tells
    it ("began the drills")."""
    if view.match.predicate is not None:
        return False
    gov, how = view.governing
    if gov is None:
        return False
    vocab = vocabulary()
    if how == "subject" and vocab.has("be", gov.lemma):
        return True  # "the capture of the city was an act of self-defence"
    if any(vocab.has(c, gov.lemma) for c in _TAKES_PART):
        return False
    return how in _ABOUT or any(vocab.has(c, gov.lemma) for c in _SPEAKS_OF)


#: Verbs that tell of an exercise's holding or course, not of views on it.
_TAKES_PART = ("take_part_verb", "involve_verb", "ongoing_verb", "happen_verb", "exercise_verb")
#: Verbs that speak of an exercise ("criticized the drills", "denounced their drills").
_SPEAKS_OF = ("reporting_verb", "pessimistic_verb", "accuse_verb", "optimistic_verb",
              "judging_verb", "deny_verb")  # fmt: skip
#: How a noun depends on a verb that is about it ("reactions to its drills").
_ABOUT = frozenset({"pp:to", "pp:against", "pp:over", "pp:about", "pp:on"})
