"""Meeting rules: parties meet, hold talks, negotiate, visit, host or receive each other.

Rule ids:

- ``meeting.met``: "A met (with) B", "A and B met".
- ``meeting.talks``: "held talks / negotiations / discussions with", "discussed ... with".
- ``meeting.noun``: "the meeting / summit / talks between A and B", "the A-B meeting".
- ``meeting.visit``: "A visited B", "visit to B", "arrived in B for a visit", "hosted",
  "received", "welcomed" (the visited state is a party).

Participants are the parties named in the trigger's clause, less places
("in Qatar"), jurisdictions ("envoy to Afghanistan") and topics ("to discuss
the situation in Afghanistan"). A meeting needs two parties, or one party
and a visited place.
"""

from __future__ import annotations

import re

from ...model import ActorKind, Location, Meeting, Modality
from ..annotate.mentions import ActorMention, Role, state_actor
from ..rules.codes import MEETING
from ..rules.context import (
    MAX_TRIGGERS,
    Article,
    Sentence,
    actors_in,
    date_in,
    future_date_after,
    judged,
    lead_day,
    place_in,
    side_key,
    subject_before,
    unique_parties,
)
from ..rules.modality import denied_before, modality_of, noun_modality
from .statement import REPORTING_VERB

__all__ = ["extract"]

_TRIGGER = re.compile(
    r"\b(?P<met>met|meet|meets|meeting|meetings|sat down (?:together|with)|"
    r"(?:sit|sits|sitting) down (?:together|with))\b"
    r"|\b(?P<talks>(?:held|hold|holds|holding) (?:[\w-]+ ){0,3}(?:talks|negotiations|"
    r"discussions|consultations|dialogue)|talks|negotiations|negotiated|discussions|conferred)\b"
    r"|\b(?P<noun>summit|conference|sidelines)\b"
    r"|\b(?P<visit>visited|visit|visits|visiting|hosted|hosts|received|welcomed|trip"
    r"|paid (?:a |an )?(?:courtesy |official |formal )?call on)\b",
    re.IGNORECASE,
)
#: Lower-case substrings one of which every trigger contains (a cheap pre-test).
KEYWORDS = ("met", "meet", "talks", "sat down", "sit down", "sits down", "sitting down",
            "negotiat", "discussion", "confer", "summit", "sideline",
            "visit", "host", "receiv", "welcom", "trip", "consultation", "dialogue",
            "call on")  # fmt: skip
# "received the Iranian minister", "welcomed Prime Minister X": a person or party follows.
_DIRECT_OBJECT = re.compile(r" (?:(?:the|a|his|her|their|visiting) )?[A-Z]")
#: ", the Egyptian presidency said": the reporting frame after an event's clause.
REPORTING_FRAME = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,7}(?:said|says|told|reported|announced|added|stated)\b"
)
_TOPIC = re.compile(
    r"\b(?:to discuss|discussed|discussing|on the|on a|on an|about|over|regarding|concerning|"
    r"aimed at|to attend|on ways|focus(?:ed|ing)? on|amid|as|after|since)\b"
    # a relative clause about the meeting: "a tour that has alarmed Australia"
    r"|\b(?:that|which) (?:has|have|had|is|are|was|were|will|would|could|may)\b"
    r"|,\s+where\b",
    re.IGNORECASE,
)
# "called for talks between A and B", "is ready for direct talks": talks wished for
_CALL_FOR = re.compile(
    r"\b(?:call(?:ed|s|ing)?|push(?:ed|es|ing)?|press(?:ed|es|ing)?|appeal(?:ed|s|ing)?|"
    r"hop(?:e|ed|es|ing)|ready|readiness|demand(?:ed|s|ing)?|urg(?:ed|es|ing)) for "
    r"(?:[\w-]+ ){0,3}$",
    re.IGNORECASE,
)
_THE_TWO = re.compile(
    r"\b(?:(?:the two|both) (?:leaders|presidents|ministers|sides|men|delegations|foreign "
    r"ministers|heads of state)|(?:leaders|presidents|(?:foreign |defen[cs]e )?ministers|"
    r"officials|delegations|envoys) of (?:the )?(?:two|both) (?:countries|nations|sides))"
    r"(?: (?:also|later|again|then|briefly|had|have|last))* $",
    re.IGNORECASE,
)
# " Ukrainian President Volodymyr Zelensky to the ": the guest, then where to
_GUEST_TO = re.compile(r" (?:[\w.'’-]+ ){1,6}to (?:the )?")
_FOR_NOUN = re.compile(
    r"\b(?:for|during|at|ahead of) (?:a |an |the |their |his |her )?(?:[\w-]+ ){0,3}$"
)
_EXERCISE_NEAR = re.compile(
    r"\b(?:drills?|exercises?|war ?games|manoeuvres|maneuvers)\b", re.IGNORECASE
)
_HOSTED_DRILLS = re.compile(
    r"\s+(?:the |a |an |its |their )?(?:[\w'’-]+ ){0,4}(?:drills?|exercises?|war ?games|"
    r"manoeuvres|maneuvers)\b",
    re.IGNORECASE,
)
_BRIEFING = re.compile(r"\b(?:news|press|video|tele|media)[ -]?$", re.IGNORECASE)
_SIDELINES_OF = re.compile(r"\bsidelines of (?:the |a |an )?(?:[\w-]+ ){0,2}$")
_WHEN_THE_TWO = re.compile(
    r"\b(?:when|as|after|before|where)\s+(?:the two(?: [a-z]+)?|both(?: [a-z]+)?|they)\s+"
    r"(?:[a-z]+\s+)?$"
)
_NOUNS = frozenset({"talks", "meeting", "meetings", "summit", "conference", "negotiations",
                    "discussions", "visit", "trip"})  # fmt: skip
# the noun phrase after a trigger noun, then a future or planned verb
_MAIN_FUTURE = re.compile(
    r"\b(?:will|would|plans? to|(?:is|are) (?:to|expected to|due to|set to|scheduled to))\b"
)
_AND_SAID = re.compile(r"\band (?:also |later |then )?(?:said|says|told|warned|added|stressed)\b")
# group words that name a happening, not a party one can meet
_ABSTRACT = frozenset({"insurgency", "rebellion", "insurrection", "uprising", "militancy"})
_OF_THE_TWO = re.compile(r"\bof (?:the )?(?:two|both) (?:countries|nations)\b", re.IGNORECASE)
# "after meeting his Latvian counterpart", "before visiting President X": a party follows
_GERUND_OBJECT = re.compile(
    r"\s+(?:with\s+)?(?:(?:his|her|their|its|the)\s+)?(?:[A-Z]|(?:[a-z]+\s+){0,2}counterparts?\b)"
)
# "after talks with Ukraine collapsed": the talks have a verb of their own
_OWN_VERB = re.compile(
    r"[^,.;]{0,60}?\b(?:collapsed|failed|broke down|ended|stalled|resumed|began|started|"
    r"opened|faltered|went)\b"
)
_AFTER_TALKS = re.compile(r"\b(?:after|following|during) (?:[\w-]+ ){0,5}$", re.IGNORECASE)
_WITH = re.compile(r"(?: [\w-]+){0,3}? with\b")
_GERUND = re.compile(r"\b(?:after|before|while|since|following|when) (?:meeting|visiting)\b$",
                     re.IGNORECASE)  # fmt: skip
_WHO_BEFORE = re.compile(r",\s*who\s*$")
_RELATIVE_CLOSE = re.compile(r",\s+(?:who|which)\b[^,]*,\s*(?:\w+\s+)?$")
# "the President was welcomed by his counterpart": a person received by another
_HOSTED_BY = re.compile(r"\b(?:was|were|been|being) (?:warmly )?(?:welcomed|received|hosted) by\b")
_SIDELINES = re.compile(r"\s*on the (?:sidelines|margins) of\b", re.IGNORECASE)
_AND_THEN = re.compile(r"\band (?:then |later |also )?$")
_REMOTE = re.compile(
    r"\b(?:via video|by video|video ?link|video ?conference|videoconference|video call|"
    r"virtual(?:ly)?|by (?:tele)?phone|phone call|telephone call|over the (?:tele)?phone|online|"
    r"(?:tele)?phone (?:talks|conversation|conversations)|in a (?:tele)?phone)\b",
    re.IGNORECASE,
)
# "returned from Brazil, where he attended the summit": a place travelled from, no party
_TRAVELLED_FROM = re.compile(
    r"\b(?:return(?:ed|ing|s)?|arriv(?:ed|ing|es)|fl(?:ew|ying|ies)|travell?(?:ed|ing|s)|"
    r"c(?:ame|oming)|back|depart(?:ed|ing|s)) from (?:the )?$",
    re.IGNORECASE,
)
_HERE = re.compile(r"\bhere\b(?!')")
_RECEIVED_WITH = re.compile(r"\b(?:was|were|is|are|be|been|being) met with\b", re.IGNORECASE)
_EXCLUDED_PREPS = frozenset({"in", "at", "near", "to", "against", "on", "about", "over",
                             "into", "across", "inside", "outside", "around"})  # fmt: skip
_PARTY_ROLES = frozenset({Role.PERSON, Role.STATE, Role.ORGANIZATION, Role.OFFICIAL,
                          Role.GROUP, Role.PRONOUN, Role.ROLE_ONLY})  # fmt: skip


def _family(m: re.Match[str]) -> str:
    if m.group("visit"):
        word = m.group("visit").lower()
        return "host" if word in ("hosted", "hosts", "received", "welcomed") else "visit"
    if m.group("talks") and "negotiat" in m.group("talks").lower():
        return "negotiate"
    return "meet"


def extract(art: Article, sent: Sentence) -> list[Meeting]:
    """Meetings of one sentence: one per trigger whose clause names new parties."""
    return [event for event, _ in extract_with_triggers(art, sent)]


_ASIDE = re.compile(r", (?:who|whose) (?:is|was|are|were|has been|had been) [^,]{3,120},")


def extract_with_triggers(art: Article, sent: Sentence) -> list[tuple[Meeting, tuple[int, int]]]:
    """:func:`extract`, with the offsets of the trigger of each meeting."""
    norm = art.norm
    out: list[tuple[Meeting, tuple[int, int]]] = []
    floor = sent.start
    for k, m in enumerate(_TRIGGER.finditer(norm, sent.start, sent.end)):
        if k >= MAX_TRIGGERS:
            break
        word = m.group().lower()
        if m.start() < floor:
            continue
        if word in ("meeting", "meetings", "talks", "conference") and _generic(norm, m.start()):
            continue
        if word == "conference" and _BRIEFING.search(
            norm, max(sent.start, m.start() - 8), m.start()
        ):
            continue  # "told a regular news conference": a briefing, no meeting
        if word.startswith("host") and (
            _HOSTED_DRILLS.match(norm, m.end(), sent.end)
            or (
                norm[max(sent.start, m.start() - 3) : m.start()].lower() == "co-"
                and _EXERCISE_NEAR.search(
                    norm, max(sent.start, m.start() - 80), min(sent.end, m.end() + 80)
                )
            )
        ):
            # "Pakistan hosted the AMAN-23 exercise", "Co-hosted by Thailand and the US, the
            # drill ...": a host of drills, no meeting
            continue
        if judged(norm, max(sent.start, m.start() - 40), m.start()):
            continue  # "Assad denounced the summit": a meeting judged, not told
        comma = norm.find(",", m.end(), sent.end)
        near_end = min(sent.end, m.end() + 60, comma if comma >= 0 else sent.end)
        if _REMOTE.search(norm, max(sent.start, m.start() - 40), near_end):
            continue  # "held talks via video link", "by phone": no meeting
        if word == "met" and _RECEIVED_WITH.search(
            norm, max(sent.start, m.start() - 12), m.end() + 6
        ):
            continue  # "we were met with cheers", "has been met with criticism": no meeting
        clause = max(art.clause_start(sent, m.start()), floor)
        for said in REPORTING_VERB.finditer(norm, clause, m.start()):
            clause = said.end()  # "X described Y's talks with Z": X reports, Y and Z met
        topic = _TOPIC.search(norm, m.end(), sent.end)
        clause_end = topic.start() if topic else sent.end
        frame = REPORTING_FRAME.search(norm, m.end(), clause_end)
        if frame:
            clause_end = frame.start()  # ", the Egyptian presidency said": not a participant
        and_said = _AND_SAID.search(norm, m.end(), clause_end)
        if and_said:
            clause_end = and_said.start()  # "met X on Tuesday and said Washington would ..."
        # "met Wang Yi, who is in Jakarta for the ASEAN meeting, on Thursday": the relative
        # clause tells about a participant, it adds none
        asides = [(r.start(), r.end()) for r in _ASIDE.finditer(norm, m.end(), clause_end)]
        mentions = [
            a
            for a in actors_in(sent, clause, clause_end)
            if not any(lo <= a.start < hi for lo, hi in asides)
            # "met on the sidelines of the G20 summit": the gathering, no party
            and not _SIDELINES_OF.search(norm, max(sent.start, a.start - 24), a.start)
            and a.role in _PARTY_ROLES
            and a.actor is not None
            and a.prep not in _EXCLUDED_PREPS
            and (a.title or "").rpartition(" ")[2] not in _ABSTRACT  # "with the insurgency ..."
            and not (
                a.prep == "from" and _TRAVELLED_FROM.search(norm, max(0, a.start - 30), a.start)
            )
        ]
        parties = unique_parties(mentions)
        two = _WHEN_THE_TWO.search(norm, max(sent.start, clause - 8), m.start())
        if len(parties) < 2 and two is not None:
            # "X raised the issue with Y when the two met": the two named before the clause
            before = unique_parties(
                a for a in actors_in(sent, sent.start, two.start())
                if a.role in _PARTY_ROLES and a.actor is not None
                and a.prep not in _EXCLUDED_PREPS
            )  # fmt: skip
            if len(before) == 2:
                parties = before
        if len(parties) == 1 and _AND_THEN.search(norm, max(sent.start, m.start() - 12), m.start()):
            # "Wong flew to Fiji on Thursday, days after being sworn in, and met Bainimarama":
            # the sentence's subject met
            subject = next(
                (a.actor for a in sent.actors
                 if a.start < m.start() and a.role in _PARTY_ROLES and a.actor is not None
                 and a.prep not in _EXCLUDED_PREPS),
                None,
            )  # fmt: skip
            if subject is not None and side_key(subject) != side_key(parties[0]):
                parties.insert(0, subject)
        elif parties and (
            (
                _GERUND.search(norm, max(sent.start, m.start() - 12), m.end())
                and _GERUND_OBJECT.match(norm, m.end())  # not "after meeting little resistance"
            )
            # "X announced the deal after five hours of talks in Brussels with Y and Z"
            or (
                word in ("talks", "negotiations", "discussions", "consultations")
                and _AFTER_TALKS.search(norm, max(sent.start, m.start() - 40), m.start())
                and _WITH.match(norm, m.end(), min(sent.end, m.end() + 40))
                and not _OWN_VERB.match(norm, m.end(), min(sent.end, m.end() + 70))
            )
        ):
            # "X spoke in Riga after meeting his Latvian counterpart": X met them
            doer = subject_before(art, sent, clause, _PARTY_ROLES)
            if (
                doer is not None
                and doer.actor is not None
                and side_key(doer.actor) not in {side_key(p) for p in parties}
            ):
                parties.insert(0, doer.actor)
        elif len(parties) == 1 and _WHO_BEFORE.search(norm, max(sent.start, clause - 8), clause):
            # "U.N. envoy X, who met Y in Muscat last week, urged ...": X met Y
            who = _WHO_BEFORE.search(norm, max(sent.start, clause - 8), clause)
            head = [a for a in sent.actors
                    if who is not None and who.start() - 2 <= a.end <= who.start()
                    and a.role in _PARTY_ROLES and a.actor is not None]  # fmt: skip
            if (
                head
                and head[-1].actor is not None
                and (side_key(head[-1].actor) != side_key(parties[0]))
            ):
                parties.insert(0, head[-1].actor)
        elif len(parties) == 1 and _RELATIVE_CLOSE.search(
            norm, max(sent.start, m.start() - 80), m.start()
        ):
            # "Ndayishimiye, who chairs the bloc, hosted Ruto": the subject before the ", who"
            found = subject_before(art, sent, m.start(), _PARTY_ROLES)
            if (
                found is not None
                and found.actor is not None
                and side_key(found.actor) != side_key(parties[0])
            ):
                parties.insert(0, found.actor)
        location = (
            place_in(sent, clause, clause_end)
            or place_in(sent, sent.start, clause_end)
            # "met ... in Aqaba": a name the gazetteer does not know, after "in"
            or place_in(sent, m.end(), clause_end, known=False)
        )
        if location is None and _SIDELINES.match(norm, clause_end):
            # "met X on the sidelines of a summit in Wuzhen": where the summit was
            location = place_in(sent, clause_end, sent.end, known=False)
        if location is None and art.home is not None and _HERE.search(norm, m.end(), clause_end):
            location = art.home  # "VIENNA (AP) _ ... met at the embassy here": the dateline's
        family = _family(m)
        if location is None and family == "visit":
            location = _visited(sent, m.end(), clause_end)  # "visited Cairo", "a visit to Oman"
        if location is None and family == "host":
            # "welcomed Zelensky to the Elysee Palace", "received Lula to Beijing"
            location = next(
                (p.location for p in sent.places
                 if m.end() <= p.start < clause_end and p.prep == "to"
                 and _GUEST_TO.fullmatch(norm, m.end(), p.start)),
                None,
            )  # fmt: skip
        hosted_by = _HOSTED_BY.search(norm, max(sent.start, m.start() - 12), m.end() + 4)
        if (
            word in ("received", "welcomed")
            and not _DIRECT_OBJECT.match(norm, m.end())
            and not (hosted_by and _actor_before(sent, m.start()))
        ):
            continue  # "received help", "welcomed the decision": no one was received
        if family in ("visit", "host") and location is not None and location.country:
            host = state_actor(location.country)
            if all(p.country != host.country for p in parties):
                parties.append(host)
        rule = f"meeting.{_rule(m)}"
        if len({side_key(p) for p in parties}) < 2 and _members_of_body(mentions):
            rule = "meeting.members"  # "NATO defence ministers met": the body's members met
        elif len({side_key(p) for p in parties}) < 2:
            if not (_continues(norm, sent, m) and len(art.discourse.last_meeting) >= 2):
                continue
            # "Meeting Monday near ...", "At the meeting, ...": the meeting just told
            parties = list(art.discourse.last_meeting)
            if _OF_THE_TWO.search(norm, max(sent.start, m.start() - 60), m.start()):
                # "the foreign ministers of the two countries": the states, not the leaders
                parties = [state_actor(p.country) if p.country else p for p in parties]
            rule = "meeting.reference"
        if (
            out
            # "The talks came after X met Y": a meeting of its own after a reference
            and (out[-1][0].rule != "meeting.reference" or rule == "meeting.reference")
            and {side_key(p) for p in parties} <= {side_key(p) for p in out[-1][0].participants}
        ):
            continue
        cameo, plover = MEETING[family]
        out.append(
            (
                Meeting(
                    id="pending",
                    evidence=(art.span(sent.start, sent.end),),
                    date=future_date_after(art, sent, m.end())
                    or date_in(sent, clause, sent.end, trigger=m.start(), norm=norm)
                    or lead_day(art, sent, m.start(), m.end()),
                    location=location,
                    modality=Modality.PLANNED
                    if _CALL_FOR.search(norm, max(sent.start, m.start() - 40), m.start())
                    # "Talks between A and B will begin in Oman": the noun's own verb
                    or (
                        word in _NOUNS
                        and noun_modality(norm, m.start(), m.end(), clause) is Modality.PLANNED
                    )
                    # "X will travel to Riga before meeting Y": the main clause's future
                    or (
                        _GERUND.search(norm, max(sent.start, m.start() - 12), m.end()) is not None
                        and _MAIN_FUTURE.search(norm, sent.start, m.start()) is not None
                    )
                    # "are scheduled to travel to Manila for two-plus-two talks", "is expected
                    # to be signed during a visit": a purpose or frame of a future main verb
                    or (
                        word in _NOUNS
                        and _FOR_NOUN.search(norm, max(sent.start, m.start() - 40), m.start())
                        is not None
                        and _MAIN_FUTURE.search(norm, clause, m.start()) is not None
                    )
                    else Modality.NEGATED
                    if denied_before(norm, m.start(), sent.start)
                    else modality_of(norm, m.start(), m.end(), clause),
                    confidence=0.6,
                    rule=rule,
                    cameo=cameo,
                    plover=plover,
                    participants=tuple(parties),
                    topics=_topics(
                        art, topic.end() if topic and "discuss" in topic.group() else None, sent.end
                    ),
                ),
                (m.start(), m.end()),
            )
        )
        floor = clause_end if clause_end > m.end() else m.end()
    return out


def _visited(sent: Sentence, start: int, end: int) -> Location | None:
    for p in sent.places:
        if start <= p.start < end and p.prep in ("visited", "visit", "visits", "visiting", "to"):
            return p.location
    return None


def _actor_before(sent: Sentence, pos: int) -> bool:
    """Whether a party is named in the sentence before ``pos`` (the one welcomed)."""
    return any(a.end <= pos and a.role in _PARTY_ROLES and a.actor is not None for a in sent.actors)


def _members_of_body(mentions: list[ActorMention]) -> bool:
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


def _continues(norm: str, sent: Sentence, m: re.Match[str]) -> bool:
    """A trigger that refers back: a sentence-initial "Meeting ..." participle, or a definite
    noun ("the meeting", "the talks") with no parties of its own."""
    if m.start() == sent.start and m.group()[0].isupper():
        return True
    if _THE_TWO.search(norm, max(sent.start, m.start() - 40), m.start()):
        return True  # "The two leaders also met in Samarkand": the parties told before
    return norm[max(sent.start, m.start() - 4) : m.start()].lower() == "the "


def _rule(m: re.Match[str]) -> str:
    for name in ("met", "talks", "noun", "visit"):
        if m.group(name):
            return "met" if name == "met" else name
    return "met"  # pragma: no cover


def _generic(norm: str, pos: int) -> bool:
    """ "meetings" in a general sense: "such meetings", "any future meeting"."""
    before = norm[max(0, pos - 12) : pos].lower()
    return before.endswith(("these ", "such ", "future ", "any ", "more "))


def _topics(art: Article, start: int | None, end: int) -> tuple[str, ...]:
    if start is None:
        return ()
    text = art.original[start:end].strip(' .,;"')
    return (text,) if text else ()
