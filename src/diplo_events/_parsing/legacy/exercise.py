"""Military exercise rules: exercises, drills, war games, manoeuvres.

Rule ids:

- ``military_exercise.held``: "<parties> held / launched / kicked off ... drills".
- ``military_exercise.noun``: any other exercise mention with parties or a place.
- ``military_exercise.detail``: a sentence right after an exercise mention that tells who
  takes part or how many ("It involves 3,000 troops", "Participating countries include A, B
  and C"); it only adds to the exercise just told and is dropped when there is none.

Parties are the states and organizations of the clause (their forces count as
them); with none, the country of the exercise's place. Counts of troops,
ships and aircraft come from the sentence; "thousands of troops" gives none.
Deployments, mobilizations, parades and fighting are not exercises: the
trigger words never match them, and "exercise" as a verb ("exercise
restraint") is skipped.
"""

from __future__ import annotations

import re

from ...model import Actor, ActorKind, Location, LocationKind, MilitaryExercise, Modality
from ..annotate.dates import find_durations
from ..annotate.gazetteer import Category, gazetteer
from ..annotate.mentions import Role, state_actor
from ..annotate.numbers import find_counts
from ..rules.codes import exercise_codes
from ..rules.context import (
    MAX_TRIGGERS,
    PRESS_BODY,
    Article,
    Sentence,
    actors_in,
    date_in,
    future_date_after,
    judged,
    lead_day,
    place_in,
    unique_parties,
)
from .meeting import REPORTING_FRAME
from ..rules.modality import denied_before, modality_of, noun_modality
from .statement import REPORTING_VERB, SELF_REFERENCE, reporting_subject_clause

__all__ = ["DETAIL_KEYWORDS", "extract", "extract_details", "extract_with_triggers"]

_TRIGGER = re.compile(
    r"\b(?:exercises?|drills?|war ?games|wargames|manoeuvres|maneuvers|live-fire)\b",
    re.IGNORECASE,
)
#: Lower-case substrings one of which every trigger contains (a cheap pre-test).
KEYWORDS = ("exercise", "drill", "war game", "wargame", "manoeuvre", "maneuver", "live-fire")
_VERB_USE = re.compile(
    r"\s(?:restraint|caution|control|power|powers|influence|authority|sovereignty|"
    r"their|its|his|her|the right|rights|jurisdiction|leverage|patience|care|options?)\b",
    re.IGNORECASE,
)
# "prompting X to launch", "forcing X to hold": X holds the drills, not the clause before
_PROMPTING = re.compile(
    r"\b(?:prompting|prompted|forcing|forced|leading|led|pushing|pushed|causing|spurring) "
    r"(\S.{0,60}?) to \w+ (?:\S+ ){0,4}$"
)
_TO_WILL = re.compile(r"(?:^|\s)(?:to|will) $", re.IGNORECASE)
_NON_MILITARY = re.compile(
    r"\b(?:fire|earthquake|evacuation|emergency|tsunami|disaster|civil defen[cs]e|cyber|"
    r"tabletop|rescue|breathing|mental|legal|fitness|exercise bike|brain)\s*$",
    re.IGNORECASE,
)
_TROOPS = (
    r"troops|soldiers|servicemen|servicemembers|service members|personnel|military personnel|"
    r"men and women|marines|sailors|paratroopers|special forces|commandos|reservists"
)
_SHIPS = r"ships|warships|vessels|naval vessels|submarines|frigates|destroyers|boats"
_AIRCRAFT = r"aircraft|planes|warplanes|jets|fighter jets|helicopters|drones|bombers|fighters"
_NAME_BEFORE = re.compile(
    r"(?P<name>(?<![\w-])[A-Z][\w'’-]*\s(?:(?:[A-Z][\w'’-]*|\d{4}(?:-\w+)?)\s){0,3})"
    # "the Malabar naval exercise": one kind word may stand between the name and the noun
    r"(?:(?:naval|military|air|land|joint|annual|biennial|bilateral|trilateral|multilateral|"
    r"multinational|combined|maritime|tactical|amphibious|live-fire|large-scale)\s)?$",
)
_NAME_AFTER = re.compile(r"\s(?P<name>(?:[A-Z][\w'’-]*|\d{4})(?:\s(?:[A-Z][\w'’-]*|\d{4})){0,4})")
# a lower-case word after a capitalized run that is no preposition: a verb ("X oversaw")
_VERB_NEXT = re.compile(
    r"\s+(?!(?:in|on|at|near|off|with|from|to|of|and|or|for|by|which|that|involving|as|"
    r"around|across|along|between|this|last|next|is|was|were|are|will|has|had)\b)[a-z]+\b"
)
# Capitalized words after a trigger that start no name: "drills On Monday" in a headline
_NOT_AFTER = frozenset({"On", "In", "At", "The", "This", "Last", "Next", "And", "But",
                        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"})  # fmt: skip
_APPOSED_NAME = re.compile(
    r", (?:dubbed |named |called |code-?named )?([A-Z][\w'’-]*(?: [A-Z0-9][\w'’-]*){0,3}),"
)
_CODE_NAME = re.compile(
    r"\b(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+-\d{2,4}[A-Z]?\b|\b(?:[A-Z][a-z]+ ){1,3}(?:19|20)\d\d\b"
    r"|\b[A-Z]{3,}-\d{2,4}[A-Z]?\b|\b[A-Z]{4,}\b"  # "AMAN-23", "RIMPAC"
)
_DUBBED = re.compile(
    r"\b(?:code-?named|dubbed|named|called)\s+(?:[\"'“‘]([^\"'”’]{3,60})[\"'”’]|"
    r"([A-Z][\w-]*(?: [A-Z0-9][\w-]*){0,3}))"
)
_QUOTED = re.compile(r"[\"']([A-Z][^\"']{3,60})[\"']")
_DEFINITE = re.compile(r"\b(?:the|these|this|those)\s(?:[\w-]+\s){0,2}$", re.IGNORECASE)
# "to counter threats from North Korea", "drills against a Chinese invasion": the adversary
# the exercise is aimed at, not a participant.
_IN_PLACE = re.compile(r"\bin (?:the )?$")
_ADVERSARY = re.compile(
    r"\b(?:against|counter|countering|deter|deterring|repel|repelling|war with|attacks? on|"
    r"invasion of|strikes? on|angering|protested|protests|condemned|criticized|criticised|"
    r"threats? (?:from|of|posed by)|"
    r"aggression (?:from|by)|provocations? (?:from|by)|attacks? (?:from|by)|invasion (?:from|by))"
    r"\s(?:the\s|a\s|an\s|any\s)?(?:[\w-]+\s){0,3}$",
    re.IGNORECASE,
)
# "drills around Taiwan", "off Japan": where the exercise is, not who holds it
_PLACE_PREPS = frozenset({"in", "at", "near", "around", "off", "over", "across", "into", "inside",
                          "outside", "within", "along", "toward", "towards", "encircling",
                          "surrounding"})  # fmt: skip
_PARTY_ROLES = frozenset({Role.STATE, Role.ORGANIZATION, Role.OFFICIAL, Role.PERSON})
_NOT_NAMES = frozenset({"The", "A", "An", "Joint", "Military", "Naval", "Army", "Air", "Navy",
                        "Large-scale", "Annual", "This", "Its", "Their", "Our"})  # fmt: skip


def extract(art: Article, sent: Sentence) -> list[MilitaryExercise]:
    """The exercises of one sentence: one per trigger whose parties are new to it
    ("The drills come days after China wrapped up its own war games")."""
    return [event for event, _ in extract_with_triggers(art, sent)]


def extract_with_triggers(
    art: Article, sent: Sentence
) -> list[tuple[MilitaryExercise, tuple[int, int]]]:
    """:func:`extract`, with the offsets of the trigger of each exercise."""
    norm = art.norm
    found: list[tuple[MilitaryExercise, tuple[int, int]]] = []
    sides: set[str] = set()  # the parties of the exercises found in the sentence so far
    for k, m in enumerate(_TRIGGER.finditer(norm, sent.start, sent.end)):
        if k >= MAX_TRIGGERS:
            break
        word = m.group().lower()
        if word.startswith("exercise") and _VERB_USE.match(norm, m.end()):
            continue
        before = norm[max(sent.start, m.start() - 30) : m.start()]
        if _GENERIC.search(before) and word.endswith("s"):
            continue  # "past RIMPAC exercises": exercises in general, not one
        if _NON_MILITARY.search(before) or _TO_WILL.search(before):
            continue  # "to exercise", "will exercise" (but "the NATO exercise" is one)
        clause = speech = reporting_subject_clause(art, sent, art.clause_start(sent, m.start()))
        prompted = _PROMPTING.search(norm, clause, m.start())
        if prompted is not None:
            clause = prompted.start(1)  # "..., prompting Venezuela to launch drills": Venezuela
        for said in REPORTING_VERB.finditer(norm, speech, m.start()):
            if not SELF_REFERENCE.match(norm, said.end()):
                clause = said.end()  # "China condemned the drills": China takes no part
        stop = _CLAUSE_END.search(norm, m.end(), sent.end) or REPORTING_FRAME.search(
            norm, m.end(), sent.end
        )
        stop_at = stop.start() if stop else sent.end
        mentions = [
            a
            for a in actors_in(sent, clause, stop_at)
            if a.role in _PARTY_ROLES
            and a.actor is not None
            and a.prep not in _PLACE_PREPS
            and not _ADVERSARY.search(norm, max(sent.start, a.start - 40), a.start)
            and not PRESS_BODY.search(a.actor.name)  # "carried by the KCNA": no party
            # "China opposed the drills": a side judging the exercise takes no part in it
            and not (a.end <= m.start() and judged(norm, a.end, m.start()))
        ]
        name = exercise_name(art, sent, m.start(), m.end())
        parties = [
            p
            for p in _sides(unique_parties(mentions))
            # "the SLINEX exercise": an acronym no one knows, the exercise's own name
            # ("Iron Wolf 2024-II": its "II" is no party either)
            if not (
                name is not None
                and p.organization is not None
                and (p.organization == name or p.organization in re.split(r"[\s-]", name))
                and not gazetteer().lookup(p.organization)
            )
        ]
        for owner in _owners(norm, sent.start, m.start()):
            # "Chinese military exercises", "the US-Philippine drills": the drills' own sides
            if all(p.country != owner.country for p in parties):
                parties.append(owner)
        location = place_in(sent, clause, stop_at) or _border(sent) or _home(art, parties)
        in_place = place_in(sent, clause, stop_at)
        if (
            not parties
            and in_place is not None
            and in_place.country
            and _IN_PLACE.search(
                norm,
                max(sent.start, (in_place.mention.start if in_place.mention else 0) - 8),
                in_place.mention.start if in_place.mention else 0,
            )
        ):
            parties = [state_actor(in_place.country)]  # "the second drill in Venezuela"
        states = {p.country or p.organization for p in parties if p.country or p.organization}
        if (
            not parties
            and location is None
            and not _DEFINITE.search(norm, max(sent.start, m.start() - 20), m.start())
        ):
            continue
        if found and (not states or states & sides):
            continue  # the same exercise named again ("the drills ... the exercise")
        sides |= {s for s in states if s}
        text = norm
        troops = _first(find_counts(text, _TROOPS, sent.start, sent.end))
        if troops is None:
            for nxt in art.sentences[sent.index + 1 : sent.index + 3]:
                if nxt.paragraph == sent.paragraph and troops is None:
                    troops = _first(find_counts(text, _TROOPS, nxt.start, nxt.end))
        ships = _first(find_counts(text, _SHIPS, sent.start, sent.end))
        aircraft = _first(find_counts(text, _AIRCRAFT, sent.start, sent.end))
        durations = find_durations(norm, sent.start, sent.end)
        cameo, plover = exercise_codes(len(states) > 1)
        exercise = MilitaryExercise(
            id="pending",
            evidence=(art.span(sent.start, sent.end),),
            date=future_date_after(art, sent, m.end())
            or date_in(sent, sent.start, sent.end, trigger=m.start(), norm=norm)
            or lead_day(art, sent, m.start(), m.end()),
            location=location,
            modality=Modality.NEGATED
            if denied_before(norm, m.start(), sent.start)
            else noun_modality(norm, m.start(), m.end(), clause)
            or modality_of(norm, m.start(), m.end(), speech),
            confidence=0.6,
            rule=_rule_id(norm, sent, m.start(), bool(parties)),
            cameo=cameo,
            plover=plover,
            participants=tuple(parties),
            name=name,
            troops=troops,
            ships=ships,
            aircraft=aircraft,
            duration_days=durations[0][2] if durations else None,
        )
        found.append((exercise, (m.start(), m.end())))
    return found


_NOT_A_NAME = re.compile(
    r"(?:'s|’s|-led|-backed|-hosted|-sponsored)\s$|\b(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\b"
)
_GENERIC = re.compile(
    r"\b(?:past|previous|former|future|such|these|many|other|all|regular|routine|frequent)"
    r"\s(?:\S+\s){0,2}$",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(?:second|third|fourth|another|previous|earlier|last)\b",
                      re.IGNORECASE)  # fmt: skip
_CLAUSE_END = re.compile(
    r"\b(?:amid|as|after|following|despite|against|which|while|border with|"
    r"frontier with|borders? of|frontiers? of|according to)\b"
)


#: Lower-case substrings one of which every detail sentence contains.
DETAIL_KEYWORDS = ("includ", "involv", "particip", "part", "together", "contribut")
_DETAIL = re.compile(
    r"[\"“‘']?(?:(?:It|They|The (?:[\w-]+ ){0,2}(?:exercises?|drills?|war ?games|manoeuvres|"
    r"maneuvers))(?: also)? (?:includes?|included|involves?|involved|brings? together|"
    r"brought together|features?|featured)"
    r"|(?:Participating|Participant) (?:countries|nations|states|forces|armies) (?:also )?"
    r"(?:include|included|are|were)"
    r"|Participants (?:also )?(?:include|included|are|were)"
    r"|(?:Forces|Troops|Units|Soldiers|Sailors|Marines|Warships|Ships|Aircraft|Contingents)"
    r" from(?= [^.]* (?:are|were|will be|is) (?:also )?taking part\b| [^.]* (?:took|take|"
    r"takes) part\b| [^.]* (?:also )?participat)"
    r"|(?:Countries|Nations|States|Forces|Armies) (?:taking|that took|which took|that are taking) "
    r"part (?:include|included|are|were))\b"
)
_DETAIL_ROLES = frozenset({Role.STATE, Role.ORGANIZATION, Role.OFFICIAL})


def extract_details(art: Article, sent: Sentence) -> list[MilitaryExercise]:
    """Who takes part in, or how many join, the exercise told in the sentence before."""
    norm = art.norm
    head = _DETAIL.match(norm, sent.start, sent.end)
    if head is None or _TRIGGER.search(norm, head.end(), sent.end):
        return []
    before = art.sentences[max(0, sent.index - 2) : sent.index]
    if not any(_TRIGGER.search(norm, b.start, b.end) for b in before):
        return []
    parties = unique_parties(
        a for a in actors_in(sent, head.end(), sent.end)
        if a.role in _DETAIL_ROLES and a.actor is not None
    )  # fmt: skip
    troops = _first(find_counts(norm, _TROOPS, sent.start, sent.end))
    ships = _first(find_counts(norm, _SHIPS, sent.start, sent.end))
    aircraft = _first(find_counts(norm, _AIRCRAFT, sent.start, sent.end))
    if not parties and troops is None and ships is None and aircraft is None:
        return []
    states = {p.country or p.organization for p in parties if p.country or p.organization}
    cameo, plover = exercise_codes(len(states) > 1)
    return [
        MilitaryExercise(
            id="pending",
            evidence=(art.span(sent.start, sent.end),),
            date=None,
            location=None,
            modality=modality_of(norm, head.start(), head.end(), sent.start),
            confidence=0.5,
            rule="military_exercise.detail",
            cameo=cameo,
            plover=plover,
            participants=tuple(parties),
            troops=troops,
            ships=ships,
            aircraft=aircraft,
        )
    ]


def _rule_id(norm: str, sent: Sentence, start: int, has_parties: bool) -> str:
    """``military_exercise.other`` marks "the second drill this year": not the one told."""
    if _ORDINAL.search(norm, max(sent.start, start - 40), start):
        return "military_exercise.other"
    return "military_exercise.held" if has_parties else "military_exercise.noun"


def _home(art: Article, parties: list[Actor]) -> Location | None:
    """The dateline place, when it lies in a participant's country."""
    home = art.home
    if home is not None and home.country and any(p.country == home.country for p in parties):
        return home
    return None


def _border(sent: Sentence) -> Location | None:
    """ "about 20 kilometres from the Afghan-Tajik border": a border names the area."""
    for p in sent.places:
        if p.location.kind is LocationKind.BORDER:
            return p.location
    return None


_STATE_CATEGORIES = frozenset({Category.COUNTRY, Category.DEMONYM, Category.CAPITAL,
                               Category.ORGANIZATION, Category.ARMED_GROUP})  # fmt: skip


def _names_states(name: str) -> bool:
    """ "US-Thai", "Sino-Russian", "NATO's": the parties of the exercise, not its name."""
    parts = [p.removesuffix("'s").removesuffix("’s") for p in re.split(r"[-/\s]+", name) if p]
    gaz = gazetteer()
    return all(
        any(e.category in _STATE_CATEGORIES for e in gaz.lookup(p)) or p in ("Sino", "Indo")
        for p in parts
    )


# Adjectives between a demonym and the trigger: "Chinese military", "US-Philippine joint naval"
_MODIFIERS = re.compile(
    r"\s+(?:(?:joint|military|naval|air|aerial|land|sea|ground|missile|nuclear|war|combat|"
    r"live-fire|annual|major|massive|new|latest|first|second|third|biggest|largest|"
    r"trilateral|bilateral|multinational|combined|amphibious|tactical|strategic|snap|"
    r"regular|routine|special|anti-[\w-]+|[\w-]+-scale|[\w-]+-day|[\w-]+-week|"
    r"[\w-]+-month|[\w-]+-nation)\s+){0,3}"
)
_CHAIN = frozenset({"-", " and ", ", ", ", and ", "/"})


def _owners(norm: str, floor: int, trigger: int) -> list[Actor]:
    """The states named by demonyms right before the trigger, in its noun phrase."""
    lo = max(floor, trigger - 60)
    out: list[Actor] = []
    stop = trigger
    for mt in reversed(gazetteer().find(norm, lo, trigger)):
        entry = mt.entries[0]
        gap = norm[mt.end : stop]
        if not out:
            if entry.category is Category.INSTITUTION and _MODIFIERS.fullmatch(gap):
                stop = mt.start  # "Chinese military exercises"
                continue
            if not _MODIFIERS.fullmatch(gap):
                break
        elif gap not in _CHAIN:
            break
        if entry.category not in (Category.DEMONYM, Category.COUNTRY) or not entry.country:
            break
        out.insert(0, state_actor(entry.country))
        stop = mt.start
    return out


def _sides(parties: list[Actor]) -> list[Actor]:
    """An exercise is held by states and organizations: a person stands for the state or
    body they serve ("Defence Minister X oversaw the drills"); one with neither is dropped
    (an unknown capitalized name is more likely the exercise's than a participant's)."""
    out: list[Actor] = []
    seen: set[str] = set()
    for p in parties:
        if p.kind is ActorKind.PERSON:
            if p.country:
                p = state_actor(p.country)
            elif p.organization:
                p = Actor(name=p.organization, kind=ActorKind.ORGANIZATION,
                          organization=p.organization)  # fmt: skip
            else:
                continue
        key = p.country or p.organization or p.name
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _first(values: list[int]) -> int | None:
    return values[0] if values else None


def exercise_name(art: Article, sent: Sentence, start: int, end: int) -> str | None:
    """ "Exercise Cobra Gold", "the Zapad-2021 drills", "RIMPAC", "'Campaign 2019' drills"."""
    norm = art.norm
    trigger = norm[start:end]
    dubbed = _DUBBED.search(norm, sent.start, sent.end)
    if dubbed:
        group = 1 if dubbed.group(1) else 2
        return art.original[dubbed.start(group) : dubbed.end(group)]
    apposed = _APPOSED_NAME.match(norm, end, sent.end)
    if apposed and not gazetteer().lookup(apposed.group(1)):
        return art.original[apposed.start(1) : apposed.end(1)]  # "an exercise, Varuna, off Goa"
    after = _NAME_AFTER.match(norm, end, sent.end)
    if after and not trigger[0].isupper() and _VERB_NEXT.match(norm, after.end("name")):
        after = None  # "the drill Kim Jong Un oversaw": the subject of a relative clause
    if after and (
        trigger[0].isupper()
        # "the NATO exercise Iron Wolf": a name right after a singular noun, no known place
        or (
            not trigger.endswith("s")
            and after.group("name").split()[0] not in _NOT_AFTER
            and not gazetteer().lookup(after.group("name").split()[0])
        )
    ):
        return art.original[after.start("name") : after.end("name")]
    before = _NAME_BEFORE.search(norm, max(sent.start, start - 60), start)
    if before and _NOT_A_NAME.search(before.group("name")):
        before = None  # "Monday's joint exercise", "the US-led multinational exercise"
    if before:
        pos, stop = before.start(), before.end("name")
        for word in norm[pos:stop].split():
            if not (word in _NOT_NAMES or _names_states(word)):
                break  # "the Russian-Belarusian Zapad drills": the name starts at "Zapad"
            pos += len(word) + 1
        name = art.original[pos:stop].strip()
        if name and not _names_states(name):
            return name
    for code in _CODE_NAME.finditer(norm, sent.start, sent.end):
        if not gazetteer().lookup(code.group()):  # "NATO" is a party, not a name
            return art.original[code.start() : code.end()]
    quoted = _QUOTED.search(norm, end, sent.end)
    if quoted:
        return art.original[quoted.start(1) : quoted.end(1)]
    return None
