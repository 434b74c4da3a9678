"""Territorial changes from a filled frame: gainer, loser, places, count.

Places are the places the frame's ``places`` role names, and the untitled names in it
(a town the gazetteer does not know is still a town). When the gainer is no state and
the places lie in one state, that state is the loser. "12 of Afghanistan's 34 provincial
capitals" gives the count 12.
"""

from __future__ import annotations

import attrs

from ...model import (
    Actor,
    ActorKind,
    Location,
    LocationKind,
    Span,
    TerritorialChange,
    TerritorialChangeKind,
)
from ..annotate.mentions import ActorMention, Role, ground_kind, state_actor
from ..annotate.numbers import count_before
from ..annotate.vocabulary import vocabulary
from ..document.keys import side_key
from ..document.merge import Link
from ..syntax import Phrase, Tag
from .affiliation import affiliate
from .codes import territory_codes
from .engine import Built, Context
from .frames import date_of, location_of, report_day, spoken_of
from .unnamed import aligned_party, unnamed_party

__all__ = ["build"]


def _places(ctx: Context) -> list[Location]:
    out: list[Location] = []
    seen: set[str] = set()
    syn = ctx.syn
    for pl in ctx.roles.places.get("places", ()):
        loc = pl.location
        tok = syn.tokens[min(syn.token_at(pl.start), len(syn.tokens) - 1)]
        if (tok.start < pl.start or tok.end > pl.end) and "-" in tok.text:
            # "Dinangourou-Sud": the whole name, not the known part of it
            text = ctx.article.original[tok.start : tok.end]
            loc = Location(name=text, country=loc.country, kind=loc.kind,
                           mention=Span(text=text, start=tok.start, end=tok.end))  # fmt: skip
        key = (loc.name or loc.country or "").lower()
        if key and key not in seen:
            seen.add(key)
            out.append(loc)
    for p in ctx.roles.phrases.get("places", ()):
        for a in _named(p):
            actor = a.actor
            if actor is None:
                continue
            if a.role is Role.STATE and actor.country and ctx.pattern.kind == "withdrawal":
                # "Soviet troops left Afghanistan": the state is the ground left
                key = actor.name.lower()
                if key not in seen:
                    seen.add(key)
                    out.append(
                        Location(
                            name=actor.name,
                            country=actor.country,
                            kind=LocationKind.COUNTRY,
                            mention=actor.mention,
                        )
                    )
                continue
            if not (a.bare or _untitled(actor)):
                continue
            key = actor.name.lower()
            if key not in seen:
                seen.add(key)
                out.append(Location(name=actor.name, mention=actor.mention))
    return out


def _named(p: Phrase) -> list[ActorMention]:
    out = list(p.actors)
    for pp in p.modifiers:
        if pp.prep == "of" and pp.phrase is not None:
            out.extend(_named(pp.phrase))
    return out


def _untitled(actor: Actor) -> bool:
    """A name with no title and no side: in a place's slot, a place."""
    return actor.kind is ActorKind.PERSON and not (
        actor.title or actor.country or actor.organization
    )


_ARMED_KINDS = frozenset({ActorKind.STATE, ActorKind.ARMED_GROUP})


def _forces(ctx: Context, roles: tuple[str, ...] = ("loser", "gainer")) -> bool:
    """Whether the side that moves is armed men: a force noun ("troops", "rebels") or an
    army, a state or an armed group named as such."""
    vocab = vocabulary()
    for role in roles:
        for a in ctx.roles.get(role):
            actor = a.actor
            if actor is None:
                continue
            if actor.title:
                if any(vocab.has("force_noun", w) for w in actor.title.lower().split()):
                    return True  # "forces aligned with the GNA said they withdrew"
            elif actor.kind in _ARMED_KINDS:
                return True  # "the M23 rebels denied that they had withdrawn": M23
    # "withdrew the last American forces from Syria": the forces moved are the object
    phrases = [p for role in roles for p in ctx.roles.phrases.get(role, ())]
    if "loser" in roles and "undergoer" not in ctx.pattern.frame.get("places", ()):
        phrases += ctx.view.phrases("undergoer")
    for p in phrases:
        heads = [p.head_word] + [m.phrase.head_word for m in p.modifiers if m.phrase]
        if any(vocab.has("force_noun", h) for h in heads):
            return True  # "troops", "large numbers of rebels"
        for a in p.parties():
            actor = a.actor
            if actor is None:
                continue
            if actor.title:
                # "British diplomats" are no armed men; "Azerbaijani forces" are
                if any(vocab.has("force_noun", w) for w in actor.title.lower().split()):
                    return True
                continue
            if a.role is Role.GROUP or actor.kind in _ARMED_KINDS:
                return True
    return False


def _the_town(ctx: Context) -> Location | None:
    """ "took control of the city": the town named last, in this sentence before the phrase
    or earlier in the story."""
    syn = ctx.syn
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("places", ()):
        if not (
            syn.tokens[p.first].low == "the"
            and vocab.has("town_noun", p.head_word)
            and p.end - p.first == 2
        ):
            continue
        lo = syn.start(p.first)
        before = [
            pl.location
            for pl in ctx.sentence.places
            if pl.end <= lo and pl.location.kind is LocationKind.CITY
        ]
        if before:
            return before[-1]
        return ctx.state.last_town
    return None


#: How many sentences before or after its own the story may name a place it first
#: describes ("seized two towns in the southeast" ... "the towns of Gambo and Bangassou").
NAMED_NEARBY = 2


def _named_nearby(ctx: Context) -> list[Location]:
    """ "seized control of two towns in the southeast", then "the attacks on the towns of
    Gambo and Bangassou": ground described, not named, is the ground of that kind the story
    names in the sentence or close by (after it first, then before it)."""
    vocab = vocabulary()
    sentences = ctx.article.sentences
    n = ctx.sentence.index
    if ctx.sentence.title:
        return []  # a headline's ground is the story's, told below it
    for p in ctx.roles.phrases.get("places", ()):
        if p.places or p.actors or not vocab.has("ground_noun", p.head_word):
            continue
        opener = ctx.syn.tokens[p.first].low
        if p.end - p.first == 2 and opener == "the":
            continue  # "the capital", "the city": the one told before (see _the_town)
        kind = ground_kind(p.head_word)
        plural = vocab.noun_lemma(p.head_word) != p.head_word
        after = range(n, min(len(sentences), n + NAMED_NEARBY + 1))
        before = range(n - 1, max(-1, n - NAMED_NEARBY - 1), -1)
        if vocab.has("other_word", opener):
            before = range(0)  # "another provincial capital": not the one named before
        counted = count_before(ctx.article.norm, ctx.syn.start(p.first), ctx.syn.end(p.end))
        for k in (*after, *before):
            named = [pl.location for pl in sentences[k].places if pl.ground == kind]
            if named and plural and counted is not None and len(named) != counted:
                continue  # "two more towns": not the one town a sentence nearby names
            if named:
                return named if plural else named[:1]
    return []


def _it_town(ctx: Context) -> Location | None:
    """ "Bria changed hands twice; on Sunday it was seized by the rebels": "it", the place
    taken, is the town named last."""
    syn = ctx.syn
    for p in ctx.roles.phrases.get("places", ()):
        if p.end - p.first == 1 and syn.tokens[p.first].low == "it":
            towns = [pl.location for pl in ctx.sentence.places
                     if pl.location.kind in (LocationKind.CITY, LocationKind.SITE, None)
                     and pl.end <= syn.start(p.first)]  # fmt: skip
            return towns[-1] if towns else ctx.state.last_town
    return None


def _counted_ground(ctx: Context) -> bool:
    """ "control of four border villages", "12 districts": ground counted, not named."""
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("places", ()):
        for q in (p, *(m.phrase for m in p.modifiers if m.prep == "of" and m.phrase)):
            if vocab.has("ground_noun", q.head_word) and any(
                ctx.syn.tags[i] == Tag.NUM for i in range(q.first, q.head)
            ):
                return True
    return False


def _one_site(ctx: Context) -> bool:
    """ "a police headquarters", "the airport": one site taken, named by where it is (not a
    tally: "40 bases and outposts in Kachin State")."""
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("places", ()):
        if p.coordinated or not vocab.has("site_noun", p.head_word):
            continue
        if ctx.syn.tokens[p.first].low in ("a", "an", "the", "its", "their"):
            return True
    return False


def _site_place(ctx: Context) -> list[Location]:
    """The place a site stands in ("a post in X", not "a base east of X")."""
    for pp in ctx.view.own_pps:
        if pp.prep in ("in", "at") and pp.phrase is not None and pp.phrase.places:
            return [pp.phrase.places[0].location]
    return []


def _clause_states(ctx: Context) -> set[str]:
    """The states of the places named in the trigger's clause or in an opening phrase with
    no verb of its own ("In Kachin State, ...")."""
    syn = ctx.syn
    first, end = ctx.view.clause
    spans = [(syn.start(first), syn.end(end))]
    opening = syn.segments[0]
    if not any(p.segment is opening for p in syn.predicates):
        spans.append((syn.start(opening.first), syn.end(opening.end)))
    # "along the border with India's Mizoram state": the neighbour, not where it happened
    beyond: list[tuple[int, int]] = []
    for before, pp in zip(syn.pps, syn.pps[1:], strict=False):
        line = before.phrase
        if (
            vocabulary().has("neighbour_preposition", pp.prep)
            and before.end == pp.first
            and line is not None
            and vocabulary().has("border_noun", line.head_word)
        ):
            beyond.append((syn.start(pp.first), syn.end(pp.end)))
    return {
        pl.location.country
        for pl in ctx.sentence.places
        if pl.location.country
        and any(lo <= pl.start < hi for lo, hi in spans)
        and not any(lo <= pl.start < hi for lo, hi in beyond)
    }


def _partitive_state(ctx: Context) -> set[str]:
    """The state in "12 of Afghanistan's 34 provincial capitals"."""
    for p in ctx.roles.phrases.get("places", ()):
        for pp in p.modifiers:
            if pp.prep != "of" or pp.phrase is None:
                continue
            for a in pp.phrase.actors:
                if a.role is Role.STATE and a.actor is not None and a.actor.country:
                    end = ctx.syn.token_at(a.end)
                    if end < len(ctx.syn.tokens) and ctx.syn.tags[end] == Tag.POSS:
                        return {a.actor.country}
    return set()


def _definite_ground(ctx: Context) -> bool:
    """ "took control of the city": one place the story has named, if not here."""
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("places", ()):
        if (
            ctx.syn.tokens[p.first].low in ("the", "this", "that")
            and vocab.has("ground_noun", p.head_word)
            and not p.head_word.endswith("s")
        ):
            return True
    return False


def _ground_left(ctx: Context) -> bool:
    """ "the withdrawal of all police and soldiers from a rebel stronghold": armed forces
    leaving ground the text describes without naming it."""
    vocab = vocabulary()
    return _forces(ctx, ("loser",)) and any(
        vocab.has("ground_noun", p.head_word) for p in ctx.roles.phrases.get("places", ())
    )


def _definite_noun(ctx: Context) -> bool:
    """ "the capture", "its withdrawal": a noun trigger with a definite determiner."""
    p = ctx.view.match.phrase
    if ctx.view.match.predicate is not None or p is None:
        return False
    return vocabulary().has("definite_determiner", ctx.syn.tokens[p.first].low)


def _unmet(ctx: Context, places: list[Location], gainer: Actor | None) -> str | None:
    for need in ctx.pattern.require:
        if need == "gainer" and gainer is None:
            return "a gainer"
        if need == "places" and not places and not _counted_ground(ctx):
            return "a place"
        if need == "forces" and not _forces(ctx):
            return "armed forces"
        if need == "forces_moved" and not _forces(ctx, ("loser",)):
            return "armed forces driven out"
        if need == "places_or_forces" and not places and not _forces(ctx):
            return "a place or armed forces"
        if need == "specific_ground" and not (
            places or _definite_ground(ctx) or _counted_ground(ctx)
        ):
            return "a named place"
        if need == "places_or_ground_left" and not places and not _ground_left(ctx):
            return "a place"
        if need == "local_places" and any(p.kind is LocationKind.COUNTRY for p in places):
            return "a place smaller than a state"
    return None


def _tally(ctx: Context) -> bool:
    """ "has seized at least 40 bases", "over 140 outposts": an approximate count of ground,
    a running tally of many changes, not one told again elsewhere."""
    vocab = vocabulary()
    syn = ctx.syn
    for p in ctx.roles.phrases.get("places", ()):
        k = next((i for i in range(p.first, p.end) if syn.tags[i] == Tag.NUM), None)
        if k is None:
            continue
        one = syn.tokens[k - 1].low if k >= 1 else ""
        two = f"{syn.tokens[k - 2].low} {one}" if k >= 2 else ""
        if vocab.has("approximator", one) or vocab.has("approximator", two):
            return True
    return False


def _count(ctx: Context) -> int | None:
    """How many places the change counts ("seized three towns"), not how much ground
    ("captured 24 square miles")."""
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("places", ()):
        if vocab.has("distance_noun", p.head_word):
            continue
        n = count_before(ctx.article.norm, ctx.syn.start(p.first), ctx.syn.end(p.end))
        if n is not None:
            return n
    return None


def _they(ctx: Context) -> Actor | None:
    """ "On Monday they also took the port": the side that took the last place told."""
    for p in ctx.roles.phrases.get("gainer", ()):
        words = [t.low for t in ctx.syn.tokens[p.first : p.end]]
        if words in (["they"], ["it"]):
            pred = ctx.view.predicate
            gov = pred.governor if pred is not None else None
            if (
                gov is not None
                and gov.doer is not None
                and vocabulary().has("reporting_verb", gov.lemma)
            ):
                # "The rebels said they now control the towns": the reporter's side
                own = unnamed_party(ctx.syn, gov.doer, armed=True)
                if own is not None:
                    return own
            return ctx.state.last_gainer
    return None


def _unnamed(ctx: Context, role: str) -> Actor | None:
    """Recall first: "opposition soldiers took control of the city" has a gainer no
    gazetteer knows."""
    for p in ctx.roles.phrases.get(role, ()):
        if p.actors:
            continue  # named, but set aside (a place, an untitled name)
        found = aligned_party(ctx.syn, p) or unnamed_party(ctx.syn, p, armed=True)
        if found is not None:
            return found
    return None


def _first(ctx: Context, role: str, exclude: set[str]) -> Actor | None:
    for a in ctx.roles.get(role):
        if a.actor is None or a.bare or _untitled(a.actor):
            continue
        if side_key(a.actor) not in exclude:
            return a.actor
    return None


def build(ctx: Context) -> Built:
    kind = TerritorialChangeKind(ctx.pattern.kind or "capture")
    places = _places(ctx)
    location = location_of(ctx.view, ctx.roles, ctx.article.home)
    if not places:
        town = _the_town(ctx) or _it_town(ctx)
        places = [town] if town is not None else _named_nearby(ctx)
    if not places and _one_site(ctx):
        places = _site_place(ctx)  # "captured a police headquarters in Hpakant Township"
    if location is not None and location.kind is LocationKind.COUNTRY and location.country:
        # "rebels in Congo seized the town of Kitshanga": an unknown town lies there
        places = [
            attrs.evolve(p, country=location.country) if p.country is None else p for p in places
        ]
    gainer = _first(ctx, "gainer", set()) or _unnamed(ctx, "gainer") or _they(ctx)
    loser = _first(ctx, "loser", {side_key(gainer)} if gainer else set()) or _unnamed(ctx, "loser")
    place_keys = {(p.name or "").lower() for p in places}
    if gainer is not None and gainer.name.lower() in place_keys:
        gainer = None  # the place named as a party ("X took Y" with Y a bare name)
    if not places and gainer is None and loser is None:
        return "no place and no party"
    missing = _unmet(ctx, places, gainer)
    if missing:
        return f"needs {missing}"
    if (
        loser is None
        and kind is TerritorialChangeKind.CAPTURE
        and gainer is not None
        and gainer.kind is not ActorKind.STATE
        and gainer.country is None
    ):
        states = {p.country for p in places if p.country}
        if not states and location is not None and location.country:
            states = {location.country}
        if not states:
            states = _partitive_state(ctx)  # "12 of Afghanistan's 34 provincial capitals"
        if not states:
            # "In Kachin State, KIA fighters captured a post in X": the one state named
            states = _clause_states(ctx)
        if len(states) == 1 and states != {gainer.country}:
            loser = state_actor(states.pop())  # a city of state S falls to a group
    elif loser is None and kind is TerritorialChangeKind.CAPTURE and gainer is not None:
        # "Russia captured the town of Bakhmut": the state the town lies in loses it
        states = {p.country for p in places if p.country}
        if len(states) == 1 and gainer.country and states != {gainer.country}:
            loser = state_actor(states.pop())
    if gainer is not None:
        gainer = affiliate(
            gainer, ctx.article, ctx.state, {loser.country} if loser and loser.country else ()
        )
    if loser is not None:
        loser = affiliate(
            loser, ctx.article, ctx.state, {gainer.country} if gainer and gainer.country else ()
        )
    home = gainer.country if gainer is not None and gainer.kind is ActorKind.STATE else None
    if ctx.effects.get("home_ground") and home:
        # "Azerbaijani forces recaptured Shusha": a town taken back lies in the retaker's state
        places = [attrs.evolve(p, country=home) if p.country is None else p for p in places]
        if location is not None and location.country is None:
            location = attrs.evolve(location, country=home)
    if location is None and places:
        location = places[0]
    if location is None or location.country is None:
        # where control changed: in the state the places lie in, else the loser's state
        states = {p.country for p in places if p.country}
        if (
            not states
            and kind is TerritorialChangeKind.CAPTURE  # (one withdraws from others' ground)
            and loser is not None
            and loser.kind is ActorKind.STATE
            and loser.country
        ):
            states = {loser.country}
        if len(states) == 1:
            country = next(iter(states))
            location = (
                attrs.evolve(location, country=country)
                if location is not None
                else Location(country=country, kind=LocationKind.COUNTRY)
            )  # where control changed: the place that changed hands
    cameo, plover = territory_codes(kind)
    # "confirmed the fall of Kabo", "the capture of the city was self-defence": the change
    # told before, spoken of again
    link = Link.REFERS if _definite_noun(ctx) and spoken_of(ctx.view) else Link.NEW
    if _tally(ctx):
        link = Link.TALLY  # "the AA has so far seized over 140 bases": a tally of its own
    pred = ctx.view.predicate
    if (
        kind is TerritorialChangeKind.WITHDRAWAL
        and pred is not None
        and pred.governor is not None
        and vocabulary().has("coercive_verb", pred.governor.lemma)
    ):
        link = Link.FORCED  # "took the town, forcing the troops to retreat": one change
    return [(
        TerritorialChange(
            id="pending",
            evidence=(ctx.article.span(ctx.sentence.start, ctx.sentence.end),),
            date=date_of(ctx.view, ctx.sentence.dates)
            or report_day(ctx.view, ctx.sentence.dates),
            location=location,
            modality=ctx.modality(),
            confidence=0.6,
            rule=ctx.pattern.id,
            cameo=cameo,
            plover=plover,
            kind=kind,
            gainer=gainer,
            loser=loser,
            places=tuple(places),
            count=_count(ctx),
        ),
        link,
    )]  # fmt: skip
