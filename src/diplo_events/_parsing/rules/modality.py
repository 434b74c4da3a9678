"""Modality: did the event happen, is it planned, denied or only possible?

One compiled pattern looks at the few words before the trigger (inside its
clause) and one at the words right after it.
"""

from __future__ import annotations

import re

from ...model import Modality

__all__ = ["denied_before", "modality_of", "noun_modality"]

_BEFORE = re.compile(
    r"\b(?P<negated>not|never|no|didn't|did not|won't|cannot|can't|denied|denies|deny|"
    r"refused to|failed to|cancel(?:l?ed)?|called off|postponed|rejected)\b"
    r"|\b(?P<hypo>could|might|(?-i:may|can)|would|should|must|ought to|needs? to|if|whether|"
    r"possible|possibly|threaten(?:ed|s)? to|risk of|unless)\b"
    r"|\b(?P<planned>will|shall|plans? to|planned|planning to|expected to|scheduled|"
    r"set to|due to|going to|intends? to|agreed(?: on \w+| \w+day)? to|aims? to|wants? to|"
    r"ready to|upcoming|"
    r"next|proposed|invited|vow(?:ed|s)? to|pledg(?:ed|es)? to|promis(?:ed|es)? to|"
    r"call(?:ed|s|ing)? for|push(?:ed|es|ing)? for|ready for|seek(?:s|ing)?|sought|"
    r"proposals? for|offer(?:ed|s)? to|continue)\b|\b(?P<planned_to>to)\s*$",
    re.IGNORECASE,
)
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|told|announced|added|stated|confirmed)\s+(?:that\s+)?"
    r"(?:it|they|he|she|we|the \w+)\s+(?:would|will)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)
_AFTER = re.compile(
    r"\W*(?:is |are |was |were )?(?:scheduled|planned|expected|due|set to|will|would)\b", re.I
)
# Verbs that stop the event only when they govern the trigger itself.
_STOPPED = re.compile(
    r"\b(?:suspend(?:ed|ing|s)?|halt(?:ed|ing|s)?|broke off|breaking off|scrap(?:ped|s|ping)?|"
    r"cancell?(?:ed|ing|s)?|called off|calls off|calling off)\s+"
    r"(?:(?:the|its|their|all|further)\s+)?(?:(?!(?:and|or|but|then)\b)[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_WINDOW = 48
# "The handover of X, originally set for Sunday, was postponed": the event noun's own verb
_CALLED_OFF = re.compile(
    # ("and" goes on with the noun phrase only before a name: "Rwanda and Congo"; not before
    # a lower-case word or a possessive, which start another clause: "and Japan's visit")
    r"(?:(?!\b(?:that|which|who|after|before|since|when|but|as|while)\b"
    r"|\band\s+(?-i:[A-Z])[\w-]*(?:'s|’s)|\band\s+(?-i:[a-z]))[^.;]){0,80}?"
    r"\b(?:was|were|has been|have been|had been) (?:postponed|delayed|cancell?ed|"
    r"called off|suspended|put off|scrapped)\b",
    re.IGNORECASE,
)
_EVENT_NOUNS = frozenset({"handover", "withdrawal", "pullout", "pull-out", "capture",
                          "annexation", "talks", "meeting", "summit", "visit", "trip",
                          "conference", "negotiations", "exercise", "exercises", "drill",
                          "drills", "war games", "manoeuvres", "maneuvers"})  # fmt: skip
# "denied that they had withdrawn", "denied media reports that X had met Y": a denial frame
# governing the rest of the clause up to the trigger
_DENIED = re.compile(
    r"\b(?:denied|denies|deny|rejected|dismissed)\s+(?:on \w+\s+)?"
    r"(?:(?:[\w-]+\s+)?(?:reports?|claims?|rumou?rs?|allegations?)\s+)?"
    r"(?:that|having)\b[^.;]*$"
)
# A trigger noun's own verb after its noun phrase: "Talks between A and B will begin",
# "joint exercises with Poland could be expanded"
_NOUN_VERB = re.compile(
    r"(?:(?!\b(?:which|that|who|where|when|but|so|as|while)\b|\b[a-z]+ed\b)[^,.;:]){0,70}?"
    r"\b(?:(?P<planned>will|shall|(?:is|are) (?:expected|scheduled|set|due|planned) to|"
    r"(?:is|are) to be)|(?P<hypo>could|might|may|would))\b"
)


def noun_modality(norm: str, trigger_start: int, trigger_end: int, clause: int) -> Modality | None:
    """The modality a trigger noun that opens its clause takes from its own verb
    ("Talks between Iran and the US will begin": planned), or None."""
    if trigger_start - clause > 25:
        return None  # "held a meeting ... and X will": the noun is no subject
    m = _NOUN_VERB.match(norm, trigger_end, trigger_end + 90)
    if m is None:
        return None
    return Modality.PLANNED if m.group("planned") else Modality.HYPOTHETICAL


#: How far before a trigger a denial frame is looked for.
DENIAL_WINDOW = 90


def denied_before(norm: str, trigger_start: int, floor: int) -> bool:
    """Whether a denial frame ("denied reports that ...") governs the trigger at
    ``trigger_start``, looking back no further than ``floor``."""
    return (
        _DENIED.search(norm, max(floor, trigger_start - DENIAL_WINDOW), trigger_start) is not None
    )


def modality_of(norm: str, trigger_start: int, trigger_end: int, clause_start: int) -> Modality:
    """The modality of an event whose trigger is ``norm[trigger_start:trigger_end]``."""
    lo = max(clause_start, trigger_start - _WINDOW)
    while 0 < lo < trigger_start and norm[lo - 1].isalnum() and norm[lo].isalnum():
        lo += 1  # a window cut inside "African" must not read "can"
    before = norm[lo:trigger_start]
    found = Modality.REALIZED
    if _REPORTED_FUTURE.search(before):
        return Modality.PLANNED  # "Iran said it would hold drills": a reported plan
    for m in _BEFORE.finditer(before):
        if m.group("negated"):
            found = Modality.NEGATED
        elif m.group("hypo"):
            found = Modality.HYPOTHETICAL
        elif m.group("planned") or m.group("planned_to"):
            found = Modality.PLANNED
    if _STOPPED.search(before):
        return Modality.NEGATED  # "suspended economic talks", "halted the withdrawal"
    if found is Modality.REALIZED and _AFTER.match(norm, trigger_end, trigger_end + 30):
        return Modality.PLANNED
    if (
        found is Modality.REALIZED
        and norm[trigger_start:trigger_end].lower() in _EVENT_NOUNS
        and _CALLED_OFF.match(norm, trigger_end, trigger_end + 90)
    ):
        return Modality.NEGATED  # "The handover of X, set for Sunday, was postponed"
    return found
