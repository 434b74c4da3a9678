"""Territorial change rules: captures, withdrawals, annexations, handovers.

Rule ids:

- ``territorial_change.capture``: captured, seized, took (control of), overran,
  retook, recaptured, liberated, entered and took control; "X fell to Y".
- ``territorial_change.withdrawal``: withdrew / pulled out / retreated from,
  left, abandoned; "the withdrawal of X forces from Y".
- ``territorial_change.annexation``: annexed, annexation of.
- ``territorial_change.handover``: handed over, ceded, transferred control.

The gainer is the party before the verb (or after "by" / "fell to"); the
loser is named after "from", or is the state whose places changed hands.
Places are the places after the trigger; "12 of Afghanistan's 34 provincial
capitals" gives the count 12.
"""

from __future__ import annotations

import re

import attrs

from ...model import (
    Actor,
    ActorKind,
    DateSpan,
    Location,
    LocationKind,
    Modality,
    TerritorialChange,
    TerritorialChangeKind,
)
from ..annotate.mentions import ActorMention, PlaceMention, Role, state_actor
from ..annotate.numbers import count_before
from ..rules.codes import territory_codes
from ..rules.context import (
    MAX_TRIGGERS,
    Article,
    Sentence,
    actor_key,
    date_in,
    subject_before,
)
from .meeting import REPORTING_FRAME
from ..rules.modality import denied_before, modality_of, noun_modality
from .statement import REPORTING_VERB, SELF_REFERENCE, reporting_subject_clause

__all__ = ["extract"]

_K = TerritorialChangeKind
_TRIGGER = re.compile(
    # "drove the rebels out of X", "pushed Russian forces from X": X taken from them
    r"\b(?P<driven>(?:drove|drives|driving|pushed|expelled|ousted|ejected|cleared)\s"
    r"(?:[\w'’-]+\s){1,4}?(?:out of|from)(?=\s))"
    r"|\b(?P<capture>captured|captures|capture|capturing|seized|seizes|seize|seizing|"
    r"(?:took|take|takes|taken|taking|seized|gained|regained|regains|regaining|wrested|assumed) "
    r"(?:full |complete |effective |operational |total |military |de facto )?"
    r"control(?: of| over)?|overran|overrun|overrunning|retook|retake|retaken|retaking|"
    r"recaptured|recaptures|recapture|recapturing|liberated|liberates|liberating|conquered|"
    r"occupied|entered|stormed|took over|taken over|taking over|takes over|"
    r"(?:rolled|moved|marched|swept|pushed) into|"
    r"(?:took|taken|taking|takes)(?= (?-i:[A-Z][a-z]))|"  # "Russian forces took Bakhmut"
    r"(?:took|taken|taking|takes)(?= (?:the |a |an |two |three |several |\d+ )?(?:[a-z-]+ )?"
    r"(?:town|towns|city|cities|village|villages|port|capital|base|bases|airport|district|"
    r"districts|province|provinces|region|areas?|territory|outposts?|positions)\b))\b"
    r"|\b(?P<fell>fell to|fallen to|falls to|fallen into the hands of|fell into the hands of)\b"
    r"|\b(?P<lost>lost control (?:of|over)|loses control (?:of|over)|lost (?:the )?"
    r"(?:towns?|cit(?:y|ies)|villages?|districts?|provinces?|regions?) of|"
    r"(?:were|was|been|being) (?:driven|pushed|forced|expelled|ousted) (?:out of|from)"
    r"(?! power\b| office\b))\b"
    r"|\b(?P<withdrawal>withdrew|withdrawn|withdraws|withdrawal|withdrawing|pulled out|"
    r"(?:rolled|rolling|streamed|streaming|marched|marching|moved|moving|poured) out of|"
    r"pulled (?:its|their|the|all|his|her) (?:[\w-]+ ){0,2}(?:troops|forces|soldiers|units) out|"
    r"pulling out|pulled back|pulling back|pull-out|pullout|retreated|abandoned|evacuated|"
    r"(?:left|fled) the (?:city|town|area|region|village|base|territory|country)|"
    r"left(?= (?-i:[A-Z][a-z])))\b"
    r"|\b(?P<annexation>annexed|annexes|annex|annexation|annexing)\b"
    r"|\b(?P<handover>handed over|hands over|handover|ceded|transferred control|"
    r"hand(?:ed|s|ing)? (?:over )?control(?= (?:of|over)\b)|"
    r"transferr(?:ed|ing|s) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:town|village|villages|settlement|"
    r"settlements|territory|district|area|island|islands|base|bases)(?= of\b)|"
    r"hand(?:ed|s)? (?:[\w'-]+ ){1,6}(?:back|over)(?= to\b)|"
    r"return(?:ed|s)?(?= (?:the |this |that )?(?:[\w-]+,? (?:and )?){0,5}?(?:town|city|territory|"
    r"island|islands|region|area|village|villages|base|peninsula|province|district|districts|"
    r"towns|regions)\b))\b",
    re.IGNORECASE,
)
#: Lower-case substrings one of which every trigger contains (a cheap pre-test).
KEYWORDS = ("captur", "seiz", "control", "overr", "retook", "retak", "recaptur", "liberat",
            "conquer", "occupied", "entered", "fell", "fallen", "falls to", "withdr", "pulled out",
            "pull-out", "pullout", "retreat", "abandon", "evacuat", "left the", "annex", "hand",
            "return", "ceded", "left ", "rolled into", "moved into", "marched into", "swept into",
            "pushed into", "took over", "taken over", "taking over", "takes over",
            "pulling out", "pulled back", "pulling back", "fled the", "took ", "taken ", "taking ",
            "takes ", "lost control", "loses control", "lost the", "driven", "pushed out",
            "forced out", "expelled", "ousted", "pulled", "drove", "drives", "driving",
            "ejected", "cleared", "pushed", "stormed", "out of")  # fmt: skip
_PARTY_ROLES = frozenset({Role.STATE, Role.ORGANIZATION, Role.OFFICIAL, Role.GROUP,
                          Role.PERSON, Role.PRONOUN, Role.ROLE_ONLY})  # fmt: skip
_OBJECT_END = re.compile(
    r";|\bbut\b|\bwhile\b|\bwhere\b|\bafter\b|\bbefore\b|\bas\b|\bwhen\b|\bin order to\b"
    r"|\bto (?:prevent|avoid|protect|save|spare|allow|ensure|stop)\b"
    r"|\bto\b(?= \w+ (?:the|a)\b)"
    r"|,\s+(?:drawing|prompting|sparking|triggering|leaving|forcing|ending|killing|"
    r"according)\b"  # "withdrew from X, drawing condemnation from Beirut"
)
_NEEDS_PLACE = frozenset({"entered", "stormed", "abandoned", "evacuated", "took over", "taken over",
                          "taking over", "takes over", "took", "taken", "taking",
                          "takes", "left"})  # fmt: skip
# Verbs that tell of a side giving ground only when armed men do it ("troops fled the town")
_ARMED_ONLY = ("fled", "pulled back", "pulling back")
_ARMED = re.compile(
    r"\b(?:troops|soldiers|forces|army|fighters|militants|rebels|insurgents|militia|"
    r"militiamen|garrison|police|gunmen|jihadists|columns|tanks|convoys|paratroop\w*)\b",
    re.IGNORECASE,
)
# "the Kachin capital Myitkyina", "the southern Gaza city of Khan Younis": a qualifier
_QUALIFIES = re.compile(
    r" (?:regional |provincial |state )?capital\b(?! of)"
    r"| (?:city|town|village|port|district|province|region) of\b"
)
_RELATIVE_BEFORE = re.compile(r",\s+(?:which|who|whom|whose)\b")
_CAPITAL_OF_BEFORE = re.compile(r", the (?:\w+ )?(?:capital|largest city|main city) of (?:the )?$")
_RELATIVE_TO = re.compile(
    r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|outskirts|edge|"
    r"suburbs?|kilometres|kilometers|km|miles) (?:of|from) (?:the )?$"
)
_NOT_TERRITORY = re.compile(
    r"\s+(?:(?:a|an|the|two|three|several|dozens of|hundreds of|\d[\d,]*)\s+)?(?:[\w-]+\s+)?"
    r"(?:pilots?|soldiers?|prisoners?|hostages?|fighters?|militants?|civilians?|people|men|"
    r"weapons?|arms|ammunition|tanks?|vehicles?|ships?|vessels?|tankers?|boats?|aircraft|"
    r"drones?|documents|cash|money|goods|cargo|oil|shipments?|assets|power|the initiative|"
    r"the momentum)\b"
)
_DESTINATION_PREPS = frozenset({"to", "towards", "toward", "into", "in", "near", "across",
                                "under"})  # fmt: skip
_GROUND = re.compile(
    r"\b(?:town|towns|city|cities|village|villages|territory|territories|region|area|areas|"
    r"base|bases|island|islands|peninsula|province|district|port|airport|border post|"
    r"settlement|settlements|"
    r"outpost|positions|control)\b",
    re.IGNORECASE,
)
# "forces loyal to commander X": X's side
_LOYAL_TO = re.compile(r"\bloyal to (?:the )?(?:[a-z]+ )?$")
_IDIOM_AFTER = re.compile(r" [\w'’-]+(?:'s|’s)? (?:by surprise|side|to task|for granted)\b")
_ADJECTIVE_USE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|two|three|four|five|six|several|many|\d+)\s+$",
    re.IGNORECASE,
)
_BACKER = re.compile(r"\b(?:backed|supported|armed|funded|trained|aided) by\s+(?:the\s+)?$")
_TO = re.compile(r"\bto\b")
_BY = re.compile(r"\bby\b")
_OF_FORCES = re.compile(r"\s+of\s+", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\b", re.IGNORECASE)


def _kind(m: re.Match[str]) -> TerritorialChangeKind:
    if m.group("withdrawal"):
        return _K.WITHDRAWAL
    if m.group("annexation"):
        return _K.ANNEXATION
    if m.group("handover"):
        return _K.HANDOVER
    return _K.CAPTURE


def extract(art: Article, sent: Sentence) -> list[TerritorialChange]:
    """Territorial changes reported in one sentence (one per trigger with a party or place)."""
    norm = art.norm
    out: list[TerritorialChange] = []
    for k, m in enumerate(_TRIGGER.finditer(norm, sent.start, sent.end)):
        if k >= MAX_TRIGGERS:
            break
        kind = _kind(m)
        if m.group().lower() == "occupied" and norm.startswith("-", m.start() - 1):
            continue  # "Israeli-occupied": an adjective
        if _IDIOM_AFTER.match(norm, m.end(), sent.end):
            continue  # "took Kyiv by surprise", "took Moscow's side", "took Ankara to task"
        if m.group().lower() in (
            "abandoned",
            "evacuated",
            "occupied",
            "annex",
        ) and _ADJECTIVE_USE.search(norm, max(sent.start, m.start() - 8), m.start()):
            continue  # "an abandoned outpost", "the occupied territories": an adjective
        clause = reporting_subject_clause(art, sent, art.clause_start(sent, m.start()))
        # "the rebels denied that they had withdrawn", "denied reports that X had fallen"
        denied = denied_before(norm, m.start(), sent.start)
        reported = sent.start  # where the reported clause starts, after any reporter
        for said in REPORTING_VERB.finditer(norm, clause, m.start()):
            if not SELF_REFERENCE.match(norm, said.end()):
                # "Noboa said gangs had seized ...": Noboa seized nothing
                clause = reported = said.end()
        parties_before = [a for a in sent.actors if clause <= a.start and a.end <= m.start()
                          and a.role in _PARTY_ROLES and a.actor is not None
                          and (a.prep not in ("in", "at", "near", "to", "of", "from", "by")
                               or _LOYAL_TO.search(norm, max(sent.start, a.start - 30),
                                                   a.start))
                          and not _BACKER.search(norm, max(clause, a.start - 20),
                                                 a.start)]  # fmt: skip
        after_end = _after_end(norm, m.end(), sent.end)
        frame = REPORTING_FRAME.search(norm, m.end(), after_end)
        if frame:
            after_end = frame.start()  # ", army spokesman X said": not a party to the change
        if kind is _K.HANDOVER:
            to = _TO.search(norm, m.end(), after_end)
            after_end = to.start() if to else after_end  # "handed over X to Egypt"
        # "left the city": the place is inside the trigger
        places = _places(art, sent, m.start() if "the" in m.group() else m.end(), after_end)
        if m.group("fell") and not places:
            places = _places(art, sent, clause, m.start())  # "Kandahar fell to the Taliban"
        if kind is _K.CAPTURE and not places:
            facility = _FACILITY.match(norm, m.end(), after_end)
            if facility:  # "captured a police headquarters in X Township": X changed hands
                places = [
                    p.location
                    for p in sent.places
                    if p.start == facility.end() and p.location.kind is not LocationKind.COUNTRY
                ]
        if (
            m.group().lower().startswith(_ARMED_ONLY) or m.group().lower() == "left"
        ) and not _ARMED.search(norm, max(clause, m.start() - 80), m.start()):
            continue  # "aid workers fled the town": people fled, no side gave ground
        if m.group().lower() in _NOMINAL and _TALKED_ABOUT.search(
            norm, max(sent.start, m.start() - 40), m.start()
        ):
            continue  # "met ... to discuss the withdrawal", "called the withdrawal 'a victory'"
        if (
            m.group().lower().endswith(" out of")  # "rolled out of", "streamed out of"
            and not _ARMED.search(norm, max(clause, m.start() - 80), m.start())
            and not any(
                a.actor is not None and a.actor.kind is ActorKind.ARMED_GROUP
                for a in sent.actors
                if clause <= a.start < m.start()
            )
        ):
            continue  # "companies moved out of Russia", "civilians streamed out of Rafah"
        if m.group().lower() == "left" and not places:
            # "The last Soviet troops left Afghanistan": the state named right after is the
            # ground left
            left = next(
                (a for a in sent.actors
                 if a.start == m.end() + 1 and a.role is Role.STATE and a.actor is not None
                 and a.actor.country),
                None,
            )  # fmt: skip
            if left is not None and left.actor is not None:
                places = [
                    Location(
                        name=left.actor.name,
                        country=left.actor.country,
                        kind=LocationKind.COUNTRY,
                        mention=art.span(left.start, left.end),
                    )
                ]
        if kind is _K.WITHDRAWAL and (
            _NOT_WITHDRAWN.match(norm, m.end(), sent.end)
            or (
                not _ARMED.search(norm, max(clause, m.start() - 80), min(sent.end, m.end() + 60))
                and not places
            )
        ):
            # "withdrew from the grain deal", "withdrew its ambassador from X", "pulled out of
            # ECOWAS": a side leaves a deal, a post or a body, not ground
            continue
        if m.group("driven") or m.group().lower() == "stormed":
            # the place must be the object itself ("stormed the town of X", "drove the rebels
            # out of X"), not where a building stands ("stormed a hotel in Mogadishu"); and
            # the ones driven out must be fighters ("expelled two diplomats from Moscow",
            # "ousted the president from power" take nothing)
            places = [
                p for p in places
                if p.mention is not None
                and _PLACE_OBJECT.fullmatch(norm, m.end(), p.mention.start) is not None
            ][:1] + [
                p for p in places
                if p.mention is not None
                and _PLACE_OBJECT.fullmatch(norm, m.end(), p.mention.start) is None
                and _LIST_GAP.match(norm, max(m.end(), p.mention.start - 6), p.mention.start)
            ]  # fmt: skip
            if m.group("driven") and not (
                _ARMED.search(m.group())
                or any(
                    a.actor is not None and a.actor.kind is ActorKind.ARMED_GROUP
                    for a in sent.actors
                    if m.start() <= a.start < m.end()
                )
            ):
                continue
        if (m.group().lower() in _NEEDS_PLACE or m.group("driven")) and not places:
            continue  # "entered into force", "abandoned plans": only a place counts
        if m.group().lower().endswith(" into") and not any(
            p.kind is not LocationKind.COUNTRY for p in places
        ):
            continue  # "moved into a new phase", "swept into Israel": no town or district
        gainer: Actor | None = None
        loser: Actor | None = None
        passive = _passive_agent(sent, m.end(), after_end, norm)
        if passive is not None and not places:
            places = _places(art, sent, clause, m.start())  # "The city of X was captured by Y"
        if kind in (_K.CAPTURE, _K.ANNEXATION):
            if m.group("lost"):
                # "the Islamic State group lost control of Raqqa": the subject is the loser,
                # the gainer is whoever the sentence says took it ("to Kurdish forces")
                if parties_before:
                    subject = _subject_in(art, sent, m.start(), clause)
                    loser = (subject or parties_before[0]).actor
                gainer = passive or _to_party(art, sent, m.end(), after_end)
            elif m.group("fell"):
                gainer = _first_actor(sent, m.end(), after_end)
            elif passive is not None:
                gainer = passive
            elif parties_before and m.group().lower() not in _NOMINAL:
                # a nominal ("said the capture of the town showed") has no subject of its own
                subject = _subject_in(art, sent, m.start(), clause)
                gainer = (subject or parties_before[0]).actor
            elif m.group().lower() not in _NOMINAL and _RELATIVE_BEFORE.search(
                norm, sent.start, m.start()
            ):
                # "The army, which denied any abuses, recaptured X": the subject before
                subject = subject_before(art, sent, m.start(), _PARTY_ROLES)
                gainer = subject.actor if subject is not None else None
            if m.group("driven"):
                loser = _first_actor(sent, m.start(), m.end())  # the ones driven out
            elif not m.group("lost"):
                loser = _from_party(art, sent, m.end(), after_end)
        elif kind is _K.WITHDRAWAL:
            if m.group().lower() == "withdrawal":
                of = _OF_FORCES.match(norm, m.end())
                # "France completed the withdrawal of its troops from Mali": the subject's own
                if of and not norm.startswith(("its ", "their "), of.end()):
                    loser = _first_actor(sent, of.end(), after_end)
            if loser is None and parties_before:
                loser = parties_before[-1].actor if len(parties_before) == 1 else (
                    parties_before[0].actor)  # fmt: skip
            if loser is None:
                # "troops who were surrounded ..., they pulled out": the forces named earlier
                earlier = [a for a in art.actors_between(sent, reported, m.start())
                           if a.role is Role.OFFICIAL and a.actor is not None]  # fmt: skip
                if earlier:
                    loser = earlier[-1].actor
            if not places:
                places = _places(art, sent, m.end(), after_end)
        else:  # handover
            if parties_before:
                loser = parties_before[0].actor
            to = _TO.search(norm, m.end(), sent.end)
            if to:
                gainer = _first_actor(sent, to.end(), sent.end)
        if gainer is None and loser is None and not places:
            continue
        if kind is _K.HANDOVER and not places and not _GROUND.search(norm, m.start(), after_end):
            continue  # "handed the hostages over to the Red Cross": people, not ground
        if kind is _K.HANDOVER and _PEOPLE_HANDED.search(norm, clause, m.start()):
            continue  # "150 prisoners of war were handed over": people, not ground
        if kind is _K.CAPTURE and gainer is None and not m.group("lost"):
            gainer = _first_group_before(sent, m.start())
        talk = art.discourse
        if (
            kind is _K.CAPTURE
            and gainer is None
            and talk.last_gainer is not None
            and sent.index - talk.last_gainer_sentence <= 2
            and _THEY.search(norm, max(clause, m.start() - 24), m.start())
        ):
            gainer = talk.last_gainer  # "Rebels seized X on Sunday. On Monday they took Y"
        if (
            kind is _K.CAPTURE
            and gainer is None
            and not (m.group("lost") and loser)
            and not (
                places
                and _unnamed_fighters(norm, sent, clause, m.start())
                and _object_is_place(norm, m.end(), places[0])
            )
        ):
            continue  # "Rebels seized Sake": kept, with no gainer; "X seized" with no X: not
        if kind is _K.CAPTURE and not places and _NOT_TERRITORY.match(norm, m.end(), sent.end):
            continue  # "captured a pilot", "seized weapons": people and things, not ground
        if kind is _K.CAPTURE and any(p.kind is not LocationKind.COUNTRY for p in places):
            places = [p for p in places if p.kind is not LocationKind.COUNTRY]
        location_country = next((p.country for p in places if p.country), None)
        if (
            loser is None
            and kind is _K.CAPTURE
            and location_country
            and (gainer is None or gainer.country != location_country)
        ):
            loser = state_actor(location_country)
        if gainer is not None and loser is not None and actor_key(gainer) == actor_key(loser):
            loser = None
        count = None
        if kind is _K.CAPTURE:
            count = count_before(norm, m.end(), min(sent.end, m.end() + 40))
        location = (
            _where(sent, m.end(), sent.end) or _location(places) or _where(sent, clause, m.start())
        )
        if location is not None and location.country is None and kind is _K.CAPTURE:
            # "rebels in Mali seized the town of X", "In Rakhine State, the AA captured X": an
            # unknown town lies in the country or province the sentence places the fighting in
            inside = {
                p.location.country
                for p in sent.places
                if p.prep == "in" and p.location.kind in (LocationKind.COUNTRY, LocationKind.REGION)
            } - {None}
            if len(inside) == 1:
                location = attrs.evolve(location, country=inside.pop())
                if len(places) == 1 and places[0].name == location.name:
                    places = [location]
        if (
            loser is None
            and kind is _K.CAPTURE
            and location is not None
            and location.country
            and (gainer is None or gainer.country != location.country)
        ):
            loser = state_actor(location.country)  # the state whose territory it was
            if gainer is not None and actor_key(gainer) == actor_key(loser):
                loser = None
        if location is not None and location.country is None:
            # an unknown small town the rebels took: it lies in the state that lost it
            # (a withdrawing or handing-over side left a place that need not be its own)
            state = loser if kind in (_K.CAPTURE, _K.ANNEXATION) else None
            if m.group().lower().startswith(("re", "liberat")) and gainer is not None:
                state = gainer  # "recaptured X from the rebels": X is the retaker's own
            if state is None or state.kind is not ActorKind.STATE:
                # "government forces recaptured X from the rebels": the state's own territory
                retaken = kind is _K.CAPTURE and gainer is not None
                state = gainer if retaken and loser is not None else state
            if state is not None and state.kind is ActorKind.STATE and state.country:
                location = attrs.evolve(location, country=state.country)
        cameo, plover = territory_codes(kind)
        rule_kind = "fell" if m.group("fell") or m.group("lost") else kind.value
        if kind is _K.CAPTURE and gainer is not None:
            talk.last_gainer, talk.last_gainer_sentence = gainer, sent.index
        out.append(
            TerritorialChange(
                id="pending",
                evidence=(art.span(sent.start, sent.end),),
                date=_own_date(art, sent, m)
                or date_in(sent, sent.start, sent.end, trigger=m.start(), norm=norm),
                location=location,
                modality=Modality.NEGATED if denied else _modality(norm, sent, m, clause),
                confidence=0.6,
                rule=f"territorial_change.{rule_kind}",
                cameo=cameo,
                plover=plover,
                kind=kind,
                gainer=gainer,
                loser=loser,
                places=tuple(places),
                count=count,
            )
        )
    return _dedupe(out)


# A facility taken in a named place: "a junta police headquarters in", "two army bases near".
_FACILITY = re.compile(
    r"(?: control of)? (?:a|an|the|two|three|four|five|several|many|dozens of|\d+|[\d,]+)"
    r"(?: [\w-]+){0,3} (?:headquarters|base|bases|outpost|outposts|post|posts|camp|camps|"
    r"checkpoint|checkpoints|station|stations|garrison|garrisons|positions|barracks)"
    r" (?:in|near|outside|at) (?:the )?"
)
# A nominal trigger that is what someone talks about, not a report that it happened.
_TALKED_ABOUT = re.compile(
    r"\b(?:discuss|discussed|discussing|discussion of|raised|raising|called|calling|hailed|"
    r"welcomed|praised|condemned|criticized|criticised|described|demanded|demanding|urged|opposed|"
    r"talks on|agreement on|deal on|about|over|regarding|concerning|timetable for|schedule for|"
    r"deadline for|basis for|way for|path to|road to)"
    r"\s(?:the\s|a\s|its\s|their\s)?(?:[\w'’-]+\s){0,2}$",
    re.IGNORECASE,
)
# What a side withdraws that is no ground: a deal, a body, a diplomat, a bid
_NOT_WITHDRAWN = re.compile(
    r"\s+(?:(?:from|out of)\s+(?:the |a |an |its |their )?"
    # names and adjectives only before the keyword ("withdrew from Kherson under the deal" is
    # ground left under a deal)
    r"(?:(?!(?:under|after|as|in|with|on|by|the|a|an|following|amid)\b)[\w'’-]+ ){0,4}?(?:deal|"
    r"agreement|accords?|treaty|pact|talks|negotiations|race|elections?|tournament|games|"
    r"initiative|programme|program|scheme|convention|protocol|organi[sz]ation|bloc|alliance|"
    r"union|court|council|summit|coalition|process|framework|membership)\b"
    r"|(?:its|their|his|her|the) (?:[\w-]+ )?(?:ambassadors?|envoys?|diplomats?|"
    r"(?:diplomatic|embassy) staff|nomination|candidacy|support|bid|request|offer|application|"
    r"recognition|funding|aid|consent|membership|threat|demand|complaint|resolution|draft)\b)",
    re.IGNORECASE,
)
_PEOPLE_HANDED = re.compile(
    r"\b(?:prisoners|captives|hostages|detainees|bodies|remains|soldiers|POWs|civilians|"
    r"suspects|children)\b[^.;]{0,60}\b(?:were|was|been|being|are|is)\s+$"
)
# between a taking verb and the place it takes: nothing, or "the town of", "the village of"
_PLACE_OBJECT = re.compile(
    r"\s+(?:ashore\s+(?:at|in|on)\s+|into\s+)?"  # "stormed ashore at Port Said"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:town|towns|city|village|villages|district|"
    r"province|region|settlement|base|airport|port|capital|enclave|area|island|county)\s+of"
    r"\s+)?"
)
_LIST_GAP = re.compile(r".*(?:,|\band)\s+$")
_NOMINAL = frozenset({"withdrawal", "capture", "annexation", "handover", "pullout", "pull-out"})
_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|proposals?|proposed|calls? for|"
    r"called for|demands?|next phase|includes?|future|expected)\b",
    re.IGNORECASE,
)


def _modality(norm: str, sent: Sentence, m: re.Match[str], clause: int) -> Modality:
    """A nominal trigger ("the withdrawal of ...") takes the future of its sentence."""
    found = modality_of(norm, m.start(), m.end(), clause)
    nominal = found is Modality.REALIZED and m.group().lower() in _NOMINAL
    if nominal and _FUTURE.search(norm, sent.start, m.start()):
        return Modality.PLANNED
    if nominal:
        # "the withdrawal of troops is expected to be a central issue": the noun's own verb
        own = noun_modality(norm, m.start(), m.end(), clause)
        if own is not None:
            return own
    return found


def _dedupe(events: list[TerritorialChange]) -> list[TerritorialChange]:
    """One event per kind and gainer within a sentence ("entered and took control")."""
    seen: dict[tuple[str, str], int] = {}
    out: list[TerritorialChange] = []
    for e in events:
        key = (e.kind.value, actor_key(e.gainer) if e.gainer else actor_key(e.loser) if e.loser
               else "")  # fmt: skip
        if key in seen:
            prev = out[seen[key]]
            only_states = all(p.kind is LocationKind.COUNTRY for p in prev.places)
            if (not prev.places and e.places) or (
                only_states and any(p.kind is not LocationKind.COUNTRY for p in e.places)
            ):
                # "stormed into Kuwait and seized Kuwait City": the town taken
                out[seen[key]] = e
            continue
        seen[key] = len(out)
        out.append(e)
    return out


def _after_end(norm: str, start: int, end: int) -> int:
    """Where the trigger's object ends: the next clause break."""
    m = _OBJECT_END.search(norm, start, end)
    return m.start() if m else end


_WHERE_PREPS = frozenset({"in", "across", "throughout", "near", "around", "within", "inside"})


def _where(sent: Sentence, start: int, end: int) -> Location | None:
    """The region or country an event happened in ("in northern Shan State")."""
    for p in sent.places:
        if (
            start <= p.start
            and p.end <= end
            and p.prep in _WHERE_PREPS
            and p.location.kind in (LocationKind.REGION, LocationKind.COUNTRY)
        ):
            return p.location
    return None


def _places(art: Article, sent: Sentence, start: int, end: int) -> list[Location]:
    out: list[Location] = []
    seen: set[str] = set()
    for p in sent.places:
        if out and p.start >= start and p.prep in _DESTINATION_PREPS:
            break  # "withdrew from Mekelle and regrouped in Gondar": Gondar was not left
        where = p.prep in _WHERE_PREPS and p.location.kind in (
            LocationKind.REGION,
            LocationKind.COUNTRY,
        )
        qualifier = (
            _QUALIFIES.match(art.norm, p.end) is not None  # "the Kachin capital Myitkyina"
            or _CAPITAL_OF_BEFORE.search(art.norm, max(sent.start, p.start - 40), p.start)
            is not None  # "X, the capital of Y state": Y was not taken
            or _RELATIVE_TO.search(art.norm, max(sent.start, p.start - 30), p.start)
            is not None  # "a base east of the city": the city is a landmark, not taken
        )
        if (
            start <= p.start
            and p.end <= end
            and _is_object_place(p)
            and not where
            and not qualifier
        ):
            name = p.location.name or ""
            if name and name not in seen:
                seen.add(name)
                out.append(p.location)
    return out


def _is_object_place(p: PlaceMention) -> bool:
    return p.location.kind is None or p.location.kind.value != "water"


def _first_group_before(sent: Sentence, pos: int) -> Actor | None:
    """ "a stronghold of the rebels, who overran the provincial capital": the armed group
    named earlier in the sentence, when the clause itself names no one."""
    for a in sent.actors:
        if a.end <= pos and a.actor is not None and a.actor.kind is ActorKind.ARMED_GROUP:
            return a.actor
    return None


_FIGHTERS = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|militiamen|militias?|gunmen|"
    r"guerrillas?|separatists?|mutineers|islamists)\b",
    re.IGNORECASE,
)


def _own_date(art: Article, sent: Sentence, m: re.Match[str]) -> DateSpan | None:
    """A date after the trigger in its own clause ("Rebels who crossed over last weekend
    seized X on Tuesday": Tuesday), before any date elsewhere in the sentence."""
    own = art.clause_start(sent, m.start())
    for d in sent.dates:
        if d.start >= m.end() and not d.bound and art.clause_start(sent, d.start) == own:
            return d.span
    return None


def _unnamed_fighters(norm: str, sent: Sentence, clause: int, pos: int) -> bool:
    """Whether the clause's subject is fighters the article does not name ("Rebels
    captured the towns ...", "Gunmen seized the village", "Rebels who crossed the border
    seized ..."): a capture by an unknown side. A leader named after "led by" is no side."""
    if _WHO_END.search(norm, max(sent.start, clause - 6), clause):
        clause = max(sent.start, clause - 80)  # the subject before its relative clause
    return _FIGHTERS.search(norm, clause, pos) is not None and not any(
        clause <= a.start and a.end <= pos and a.prep not in ("by", "from", "in", "into", "to")
        for a in sent.actors
    )


_WHO_END = re.compile(r"\b(?:who|which|that)\s*$")
_THEY = re.compile(r"\bthey (?:(?:also|then|later|had|have|quickly|soon) )*$", re.IGNORECASE)
_AROUND = re.compile(r"\b(?:near|in|at|outside|around|from|with|by)\b")


def _object_is_place(norm: str, trigger_end: int, place: Location) -> bool:
    """Whether the place is what was taken ("seized the town of X"), not where
    something else was ("seized three teachers near X")."""
    if place.mention is None or place.mention.start < trigger_end:
        return False
    gap = norm[trigger_end : place.mention.start]
    return len(gap) <= 45 and _AROUND.search(gap) is None


def _first_actor(sent: Sentence, start: int, end: int) -> Actor | None:
    for a in sent.actors:
        if start <= a.start and a.end <= end and a.role in _PARTY_ROLES and a.actor:
            return a.actor
    return None


def _passive_agent(sent: Sentence, start: int, end: int, norm: str) -> Actor | None:
    by = _BY.search(norm, start, end)
    if by and by.start() - start < 60:
        return _first_actor(sent, by.end(), end)
    return None


def _from_party(art: Article, sent: Sentence, start: int, end: int) -> Actor | None:
    fr = _FROM.search(art.norm, start, end)
    if not fr:
        return None
    return _first_actor(sent, fr.end(), end)


def _subject_in(art: Article, sent: Sentence, pos: int, clause: int) -> ActorMention | None:
    """The subject of the trigger at ``pos``, if it lies in the trigger's own clause (in
    "Zelensky said Russia captured Kherson" the speaker is no party to the capture)."""
    subject = subject_before(art, sent, pos, _PARTY_ROLES)
    if subject is not None and _BACKER.search(
        art.norm, max(sent.start, subject.start - 20), subject.start
    ):
        return None  # "Malian forces, backed by Russian troops, recaptured X": not the backer
    if subject is None or subject.start >= clause:
        return subject
    said = REPORTING_VERB.search(art.norm, subject.end, pos)
    if said is not None and not _RELATIVE_BEFORE.search(art.norm, subject.end, said.start()):
        return None  # the subject speaks; the capture's own subject follows the verb
    return subject  # "M23, which the UN says are backed by Rwanda, captured ..."


def _to_party(art: Article, sent: Sentence, start: int, end: int) -> Actor | None:
    to = _TO.search(art.norm, start, end)
    if not to:
        return None
    return _first_actor(sent, to.end(), end)


def _location(places: list[Location]) -> Location | None:
    if not places:
        return None
    if len(places) == 1:
        return places[0]
    country = places[0].country
    if country and all(p.country == country for p in places):
        from ..annotate.gazetteer import gazetteer

        entry = gazetteer().country(country)
        return Location(name=None if entry is None else entry.name, country=country,
                        kind=None)  # fmt: skip
    return places[0]
