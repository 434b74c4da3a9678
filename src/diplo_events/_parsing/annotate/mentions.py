"""Actor and place mentions in one sentence.

Input: the normalized text, a sentence span and the gazetteer matches inside
it. Output: :class:`ActorMention` and :class:`PlaceMention` records with
offsets. The steps, in order:

1. Tokens, and *chunks*: runs of capitalized tokens that no gazetteer entry
   covers ("Vepa Hajiev", "Libyan National Army", "Hpakant Township").
2. *Descriptor groups*: adjacent gazetteer matches that describe a party
   ("Turkmen Deputy Foreign Minister", "the Taliban's political office",
   "Iranian Foreign Ministry spokesman").
3. Persons: a chunk with a descriptor group on its left, an appositive on
   either side (", the Taliban spokesperson,"), or a name already met in the
   article (resolved later by :mod:`.entities`).
4. States, organizations, armed groups, unnamed officials ("A Taliban
   official", "The US intelligence officials"), institutions ("the Turkmen
   Foreign Ministry") and group nouns ("insurgents").
5. Places: gazetteer places, chunks with a place head word, "X-Y border".

Every regular expression here is a single pass with no nested quantifiers.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from ...model import Actor, ActorKind, Location, LocationKind, Span
from .gazetteer import Category, Entry, Match, capital_of, gazetteer, known_body
from .leaders import leaders
from .lexicon import Lexicon, lexicon
from .ships import ship_state
from .vocabulary import vocabulary

__all__ = [
    "ActorMention",
    "PlaceMention",
    "Role",
    "SentenceMentions",
    "find_code_names",
    "find_mentions",
    "ground_kind",
    "state_actor",
    "with_grounds",
]

_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,6}(?:/[A-Z]{1,4})?")
# "(LCS 16)", "(PS16)", "(DDG-114)": a ship's hull number in brackets after its name
_HULL_NUMBER = re.compile(r"\([A-Z]{1,4}[ -]?[0-9]{1,4}\)")
_LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "into", "across", "around", "off", "to", "from",
     "toward", "towards", "within", "throughout", "along", "over", "of", "on", "visited",
     "visit", "entered", "captured", "seized", "took", "retook", "recaptured", "overran",
     "liberated", "annexed"}
)  # fmt: skip
# Capitalized function words that end a name even inside a run ("... Force The spokesman").
_BREAK_WORDS = frozenset({"The", "A", "An", "He", "She", "They", "It", "We", "I", "This", "That",
                          "These", "Those", "But", "And", "Or", "On", "In", "At", "As", "If",
                          "When", "While", "His", "Her", "Their", "Its", "Our"})  # fmt: skip
# Words that make a named body non-state even when a demonym precedes it.
_NON_STATE = frozenset({"Liberation", "Front", "Movement", "Resistance", "Mujahideen", "Rebels",
                        "Brigade", "Brigades", "Militia", "Militias", "Alliance", "Party",
                        "Islamic", "Jihad", "Emirate", "National", "Democratic", "Popular",
                        "Revolutionary", "People's", "Peoples"})  # fmt: skip
# A state's own army after its demonym ("Israel Defense Forces", "Uganda People's Defence
# Force", "Sudanese Armed Forces", "Afghan National Army")
_STATE_ARMY = re.compile(
    r"(?:(?:National|People's|People’s|Royal|Revolutionary) )?(?:[A-Z][a-z]+ )?"
    r"(?:Defen[cs]e|Armed) Forces?"  # "Venezuela's National Bolivarian Armed Forces"
    r"|National (?:Army|Police|Guard)"  # "the Somali National Army" (the gazetteer knows
    # the non-state ones)
)
# Sites named by a head word: "Bagram Air Base", "Hpakant Township".
_SITE = re.compile(
    r"\b(?:(?:[A-Z]|[ae]l-[A-Z])[\w'’-]*\s){1,4}(?P<head>Base|Airbase|Airport|Camp|Checkpoint|Crossing|"
    r"Palace|Square|Township|Town|District|Province|State|Region|Governorate|Oblast|"
    r"Island|Islands|Valley|Dam|Bridge|Harbou?r|Port|Barracks|Range|Ground|Airfield|"
    r"checkpoint|crossing|border crossing|air base|airbase|base|airport|camp|hospital(?: complex)?|"
    r"complex|compound|refugee camp)\b"
)
# Lower-case substrings one of which every _SITE match holds.
_SITE_HEADS = ("base", "airport", "camp", "checkpoint", "crossing", "palace", "square", "town",
               "district", "province", "state", "region", "governorate", "oblast", "island",
               "valley", "dam", "bridge", "harbo", "port", "barracks", "range", "ground",
               "airfield", "hospital", "complex", "compound")  # fmt: skip
_REGION_HEADS = frozenset({"Township", "District", "Province", "State", "Region", "Governorate",
                           "Oblast", "Valley", "Island", "Islands"})  # fmt: skip
# Words skipped when looking for the preposition before a mention ("in northern Shan State").
_SKIPPABLE = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern",
                        "northwestern", "southeastern", "southwestern", "north", "south", "east",
                        "west", "upper", "lower", "neighbouring", "neighboring", "nearby",
                        "strategic", "coastal", "main", "major", "key", "capital", "border",
                        "restive", "disputed", "occupied", "breakaway"})  # fmt: skip
# Appositives that make a person no political actor.
_CIVIL = re.compile(
    r"\b(?:civil society|advocacy|rights group|human rights|activist|analyst|expert|professor|"
    r"researcher|journalist|reporter|resident|witness|doctor|ngo|non-governmental|charity|"
    r"company|university|think tank|lawyer|student|farmer|trader|shopkeeper)\b"
)
_ROLE_GAP = re.compile(r"\b(?:[a-z]+ ){1,2}$")
_NEXT_WORD = re.compile(r" ([A-Za-z]+)")
_DEFINED = re.compile(r" \(([A-Z][A-Z0-9]{1,7})\)")
_MONTHS = frozenset({"Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May",
                     "Jun", "June", "Jul", "July", "Aug", "August", "Sep", "Sept", "September",
                     "Oct", "October", "Nov", "November", "Dec", "December"})  # fmt: skip
# Nouns that name a town by "<noun> of X": "the town of X", "the Black Sea resort of X"
_TOWN_NOUNS = "town|city|village|port|border town|port city|resort|enclave|stronghold|hamlet"
_IN_TOWN_OF = re.compile(
    rf"\b(in|at|near|from|to|into|outside) (?:the )?(?:[\w-]+ ){{0,2}}(?:{_TOWN_NOUNS}) of $"
)
_TOWN_OF = re.compile(rf"\b(?:{_TOWN_NOUNS}|capital) of $")
# "in the Omani capital Muscat", "near the port city Hodeidah": the place takes the
# preposition of its phrase
_IN_TOWN_APPOSED = re.compile(
    rf"\b(in|at|near|from|to|into|outside) (?:the )?(?:[\w'-]+ ){{0,2}}"
    rf"(?:capital|{_TOWN_NOUNS}),? $"
)
_MEMBERS = re.compile(r" (?:([a-z]+) )?([a-z]+s)\b")
# (no leading \b: a pattern that starts with a literal is scanned much faster; the word
# boundary before it is checked in code)
# "officials in Kyiv" (but not "U.S. officials in Kyiv", "Western officials in Kabul")
_OFFICIALS_IN = re.compile(
    r"\b([Oo]fficials|[Aa]uthorities|(?:(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior) )?[Mm]inistry|"
    r"[Gg]overnment|[Ff]oreign [Oo]ffice|[Pp]residency) in $"
)
_FOREIGN = frozenset({"foreign", "western", "visiting", "international"})
_HOME_ADJECTIVES = frozenset({"local", "provincial", "regional", "senior", "top", "government",
                              "security", "military", "city", "district"})  # fmt: skip
_HIS_OFFICE = re.compile(
    r"[Hh](?:is|er) (?:office|press office|spokesman|spokeswoman|spokesperson|aides?)\b"
)
_FINITE_VERB = re.compile(r"\b(?:has|have|had|was|were|is|are|will|would|said|says)\b")
# ", the capital of Y", ", the provincial capital": the name before is a town
_CAPITAL_OF = re.compile(r", (?:the|a) (?:\w+ )?(?:capital|city|town|port)\b")
# "control of X", "the fall of X": X is a place
_CONTROL_OF = re.compile(
    r"\b(?:control (?:of|over)|capture of|fall of|seizure of|outskirts of|"
    r"(?:pulled|pulling|moved|withdrew|withdrawn|withdrawing|retreated|driven|pushed|forced|"
    r"expelled) (?:out )?(?:of|from))\s+$"
)
# "confidence in X", "a role in X": "in" that places nothing
_NOT_LOCATIVE_IN = re.compile(
    r"\b(?:confidence|trust|faith|belief|interest|role|part|stake|involvement|participation|"
    r"investment|hope|pride)\s+in\s+$"
)
# "the sister of ...", "an aide to ...": an appositive telling whose relative or aide a
# person is (the person shares that side, not that title)
#: Words naming whose relative or aide a person is.
KIN = r"sister|brother|wife|husband|son|daughter|widow|widower|nephew|niece|cousin|aide"
_KIN_OF = re.compile(rf"(?:the|a|an|his|her) (?:[\w-]+ ){{0,2}}(?:{KIN}) (?:of|to)\b")
# ", the Taliban spokesperson,": a name with an appositive is a person's
_APPOSED_AFTER = re.compile(r", (?:the|a|an|who)\b")
_CAP_BEFORE = re.compile(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+ $")
_NAME_AFTER = re.compile(r" [A-Z][a-z]+\b")
_MEMBERS_OF = re.compile(
    r"\b((?:(?:foreign|defen[cs]e|finance|trade|interior|energy|economy) )?(?:ministers|leaders|"
    r"heads of state(?: and government)?|heads of government|envoys|delegates|"
    r"representatives|members|chiefs of staff)) of (?:the )?(?:[\w-]+-(?:member|nation) )?$",
    re.IGNORECASE,
)
# "of the 10-member", "of the 27-nation": a count of the body's members before its name
_MEMBER_COUNT = re.compile(r" of (?:the )?[\w-]+-(?:member|nation) $")
#: Head words of a state's own organs ("the State Security Service of Georgia").
_STATE_HEADS = frozenset({"Service", "Services", "Ministry", "Government", "Presidency",
                          "Forces", "Force", "Army", "Navy", "Police", "Guard", "Command",
                          "Directorate", "Office"})  # fmt: skip
#: Last words of a capitalized name that make it a gathering's, not a body's.
_EVENT_HEADS = frozenset({"Conference", "Summit", "Meeting", "Forum", "Dialogue", "Talks",
                          "Games", "Exercise", "Exercises", "Drills", "Festival"})  # fmt: skip
_EVENT_NOUN_AFTER = re.compile(
    r" (?:summit|talks|accords?|agreements?|process|meeting|conference|negotiations|"
    r"declaration|format|ceasefire|truce|deal|protocol|treaty|peace plan)\b"
)
# "the Britain-based Syrian Observatory", "a London-based group": where a body sits, no party
_SEAT_AFTER = re.compile(r"-(?:based|headquartered|registered)\b", re.IGNORECASE)
_BACKER_AFTER = re.compile(
    r"-(?:backed|linked|affiliated|allied|aligned|supported|sponsored|funded|trained|armed|"
    r"inspired|friendly|leaning|oriented)\b",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\b(?:led|headed) by (?:the )?$")
_DELEGATION_AFTER = re.compile(r" (?:delegation|team|side|negotiators)\b")
_AGREEMENT_AFTER = re.compile(
    r" (?:accords?|agreements?|process|declaration|format|protocol|treaty|deal|peace plan)\b"
)
_OF_FOR = re.compile(r" (?:of the|of|for the|for) ")
_ONE_WORD = re.compile(r" [a-z]+ ")
_CAP_AFTER = re.compile(r" (?:of (?:the )?)?[A-Z][a-z]")
_NOT_THE_STATE = frozenset({"rebel", "rebels", "separatist", "separatists", "insurgent",
                            "opposition", "militant", "breakaway", "renegade", "dissident",
                            "mutinous", "mutineer", "jihadist", "islamist"})  # fmt: skip
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "this", "that"})
# A capitalized word (or one joined by a connector) right before a known place name
_NAME_BEFORE_PLACE = re.compile(
    r"(?<![.!?] )(?<!^)\b([A-ZÀ-Þ][\w'’-]+) (?:(?:da|de|do|dos|das|del|di|du) )?$"
)
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_ARTICLES = frozenset({"El ", "Al ", "Es ", "As ", "Ad ", "An ", "Ar "})
_CONNECTORS = frozenset({"but", "and", "however,", "meanwhile,", "yet", "also", "separately,"})


class Role(enum.StrEnum):
    """How an actor mention was recognized."""

    PERSON = "person"  # a named person
    STATE = "state"  # a country name, a capital used as metonym
    ORGANIZATION = "organization"  # a named organization or armed group
    OFFICIAL = "official"  # an unnamed official or institution of a state or organization
    GROUP = "group"  # "insurgents": resolved to the article's salient armed group
    ROLE_ONLY = "role_only"  # "the ministry", "the spokesman": resolved from context
    PRONOUN = "pronoun"  # "he", "she"


@attrs.frozen
class ActorMention:
    """An actor named in a sentence; ``prep`` is the lower-case word before it."""

    start: int
    end: int
    actor: Actor | None  # None for GROUP / ROLE_ONLY / PRONOUN until resolved
    role: Role
    prep: str
    title: str | None = None  # the role words for ROLE_ONLY ("ministry", "spokesman")
    surname: str | None = None  # for PERSON
    bare: bool = False  # an untitled name nobody in the article is known by (maybe a place)


@attrs.frozen
class PlaceMention:
    """A place named in a sentence."""

    start: int
    end: int
    location: Location
    prep: str
    #: the kind of ground the sentence calls the place ("the city of X", "the towns of X and
    #: Y", "X, a provincial capital": "town"; "the district of X": "district"), if any
    ground: str | None = None


@attrs.frozen
class SentenceMentions:
    """Everything :func:`find_mentions` found in one sentence."""

    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    acronyms: tuple[tuple[str, Actor], ...]  # "(LNA)" definitions seen in this sentence


class _Tok(NamedTuple):
    start: int
    end: int
    text: str


_new_tok = tuple.__new__  # a _Tok made without the named tuple's own (slower) constructor


_PLACE_CATS = frozenset({Category.CITY, Category.REGION, Category.WATER, Category.CAPITAL})
_PLACE_KIND = {
    Category.CITY: LocationKind.CITY,
    Category.CAPITAL: LocationKind.CITY,
    Category.REGION: LocationKind.REGION,
    Category.WATER: LocationKind.WATER,
    Category.COUNTRY: LocationKind.COUNTRY,
}


def _role_word(word: str, lex: Lexicon) -> bool:
    """An official noun naming people ("counterpart"), not a happening ("exercise")."""
    return word in lex.official_nouns and not vocabulary().has("exercise_noun", word)


def _span(original: str, start: int, end: int) -> Span:
    return Span(text=original[start:end], start=start, end=end)


def _glued_title(norm: str, m: Match) -> bool:
    """ "Amir-Abdollahian": a title word that is the first part of a hyphenated name."""
    return (
        m.entries[0].category is Category.TITLE
        and norm.startswith("-", m.end)
        and norm[m.end + 1 : m.end + 2].isupper()
    )


_CAP_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*) $")


def _inner_title(norm: str, m: Match, covered: set[int], start: int, lex: Lexicon) -> bool:
    """ "Hossein Amir Abdollahian": a title that is also a given name (``name_like_title``),
    between two capitalized name words, the one before it no gazetteer name, is a part of
    the name (not "Rebel Colonel Joseph X", "Hirshabelle President Ali Y")."""
    if (
        m.entries[0].category is not Category.TITLE
        or not vocabulary().has("name_like_title", m.text.lower())
        or not m.text[:1].isupper()
        or not norm.startswith(" ", m.end)
        or not norm[m.end + 1 : m.end + 2].isupper()
    ):
        return False
    before = _CAP_WORD_BEFORE.search(norm, max(start, m.start - 30), m.start)
    return (
        before is not None
        and before.start() not in covered
        and before.group(1) not in lex.stop_capitalized
        and before.group(1) not in _BREAK_WORDS
    )


def _own_officials(norm: str, floor: int, pos: int) -> bool:
    """Whether "officials" at ``pos`` are unqualified ("officials in Kyiv", "local officials in
    Kyiv") rather than someone else's ("U.S. officials", "Western diplomats")."""
    words = norm[max(floor, pos - 40) : pos].split()[-4:]
    # "Western diplomats and officials in Kyiv": a qualifier of a coordinated noun counts
    while len(words) >= 2 and words[-1].lower() in ("and", "or"):
        words = words[:-2]
    if not words:
        return True
    word = words[-1]
    low = word.lower()
    if low in _DETERMINERS or low in _HOME_ADJECTIVES:
        return True
    return not (low in _FOREIGN or word[:1].isupper())


def _place_prep(norm: str, start: int, floor: int) -> str:
    """The preposition of a place's phrase ("in the Omani capital Muscat": "in"), else
    the word before it."""
    phrase = _IN_TOWN_APPOSED.search(norm, max(floor, start - 40), start)
    return phrase.group(1) if phrase else _prev_word(norm, start, floor)


def _prev_word(norm: str, start: int, floor: int) -> str:
    """The lower-case word before ``start`` (skipping a determiner), within the sentence."""
    i = start
    words: list[str] = []
    while len(words) < 4:
        j = i
        while j > floor and norm[j - 1] == " ":
            j -= 1
        k = j
        while k > floor and (norm[k - 1].isalnum() or norm[k - 1] in "-'"):
            k -= 1
        if k == j:
            break
        words.append(norm[k:j].lower())
        if words[-1] not in _DETERMINERS and words[-1] not in _SKIPPABLE:
            break
        i = k
    for w in words:
        if w not in _DETERMINERS and w not in _SKIPPABLE:
            return w
    return ""


def entity_actor(entry: Entry, original: str, start: int, end: int) -> Actor:
    """The actor a COUNTRY / DEMONYM / CAPITAL / ORGANIZATION / ARMED_GROUP entry stands for."""
    mention = _span(original, start, end)
    if entry.category in (Category.ORGANIZATION, Category.ARMED_GROUP):
        kind = (
            ActorKind.ARMED_GROUP if entry.category is Category.ARMED_GROUP
            else ActorKind.ORGANIZATION
        )  # fmt: skip
        return Actor(name=entry.name, kind=kind, organization=entry.key, mention=mention)
    return Actor(name=entry.name, kind=ActorKind.STATE, country=entry.country, mention=mention)


def state_actor(code: str) -> Actor:
    """The state with ISO alpha-3 ``code``, named as the gazetteer names it."""
    entry = gazetteer().country(code)
    return Actor(name=entry.name if entry else code, kind=ActorKind.STATE, country=code)


def _affiliated(base: Actor, title: str | None, mention: Span) -> Actor:
    """``base``'s party speaking through an unnamed official or institution."""
    return attrs.evolve(base, title=title, mention=mention)


@attrs.define
class _Group:
    """Adjacent gazetteer matches describing one party."""

    start: int
    end: int
    affiliation: Actor | None = None
    roles: list[str] = attrs.Factory(list)
    demonym_only: bool = True


def find_mentions(
    original: str,
    norm: str,
    start: int,
    end: int,
    matches: Sequence[Match],
    lex: Lexicon | None = None,
    code_names: frozenset[str] = frozenset(),
) -> SentenceMentions:
    """Actor and place mentions in ``norm[start:end]`` (offsets into both strings).

    ``code_names`` are the article's exercise and operation names (:func:`find_code_names`):
    a chunk that spells one names no actor."""
    lex = lex or lexicon()
    matches = [m for m in matches if not _glued_title(norm, m)]
    covered: set[int] = set()
    for m in matches:
        covered.update(range(m.start, m.end))
    inner = [m for m in matches if _inner_title(norm, m, covered, start, lex)]
    if inner:
        matches = [m for m in matches if m not in inner]
        for m in inner:
            covered.difference_update(range(m.start, m.end))
    # "Government of National Accord", "Military Base": a capitalized institution word that
    # begins a longer name is part of that name, not an institution of its own
    named: list[Match] = []
    previous: Match | None = None
    for m in matches:
        cat = m.entries[0].category
        after_title = (
            previous is not None
            and previous.entries[0].category is Category.TITLE
            and m.start - previous.end == 1
        )
        national = (
            previous is not None
            and previous.entries[0].category in (Category.DEMONYM, Category.COUNTRY)
            and norm[previous.end : m.start] in (" ", "'s ", "’s ")
        )
        previous = m
        if (
            cat is Category.INSTITUTION
            and norm[max(start, m.start - 19) : m.start].lower() == "heads of state and "
        ):
            named.append(m)  # "Heads of state and government of SADC": the body's members
        elif (
            cat is Category.ORGANIZATION
            and m.text == "Security Council"
            and (
                national
                or norm[max(start, m.start - 9) : m.start].endswith(
                    ("National ", "Supreme ", "Federal ")
                )
            )
        ):
            # "the Russian Security Council", "Iran's Supreme National Security Council", the
            # US "National Security Council": a nation's body, not the UN's
            named.append(m)
        elif (
            cat is Category.TITLE
            and after_title
            and " " not in m.text
            and m.text[:1].isupper()
            and not m.text.endswith(".")  # "spokesman Lt. Luka Bakic": a rank, no name
            and _NAME_AFTER.match(norm, m.end, end)
        ):
            named.append(m)  # "Foreign Minister Amir Khan Muttaqi": a title word as a name
        elif (
            cat in (Category.COUNTRY, Category.CITY, Category.CAPITAL, Category.REGION)
            and after_title
            and _NAME_AFTER.match(norm, m.end, end)
        ):
            # "Defence Minister Israel Katz", "commander Salem Haddad": a place's name as a
            # person's first name
            nxt_start = m.end + 1
            if nxt_start not in covered:
                named.append(m)
        elif (
            cat is Category.INSTITUTION
            and m.text[:1].isupper()
            and (before_cap := _CAP_BEFORE.search(norm, max(start, m.start - 30), m.start))
            and before_cap.group().strip() not in _BREAK_WORDS
            and (
                before_cap.group().strip() not in lex.stop_capitalized
                # "the Somali National Army": a common name word after a nationality
                or any(
                    d.end == before_cap.start() - 1 and d.entries[0].category is Category.DEMONYM
                    for d in matches
                )
            )
            and m.start - 2 not in covered  # the word before is no gazetteer name
        ):
            named.append(m)  # "National Liberation Army": the name's last word
        elif cat is Category.INSTITUTION and m.text[:1].isupper():
            nxt = _CAP_AFTER.match(norm, m.end, end)
            if nxt and nxt.end() - 2 not in covered:
                named.append(m)
        elif cat in _PLACE_CATS and _TOWN_OF.search(norm, max(start, m.start - 16), m.start):
            # "the town of Adan Yabaal": a known name is only the first word of the town's
            nxt = _CAP_AFTER.match(norm, m.end, end)
            if nxt and nxt.end() - 2 not in covered and not norm.startswith(" of", m.end):
                named.append(m)
        elif (
            cat in _PLACE_CATS
            and (word := _NAME_BEFORE_PLACE.search(norm, max(start, m.start - 30), m.start))
            and word.group(1) not in lex.stop_capitalized
            and word.group(1) not in _BREAK_WORDS
            and word.group(1) + " " not in _ARTICLES  # "El Arish": the article, kept below
            and not _HYPHEN_LOWER.search(word.group(1))  # "Rebel-held Kharkiv": a modifier
            and word.start() not in covered
        ):
            # "Mocímboa da Praia", "Defence Minister Hassan Ali Farah": the known name is the
            # last word of a longer one
            named.append(m)
        elif cat in (Category.CITY, Category.REGION) and norm.startswith(" ", m.end):
            # "the Sirte Protection Force", "the Benghazi Defence Brigades": an armed
            # group named after a place; the place is the first word of its name
            run = _run_pattern(lex).match(norm, m.end + 1, end)
            if (
                run is not None
                and any(w in lex.armed_heads for w in run.group().split())
                and not covered.intersection(range(run.start(), run.end()))
            ):
                named.append(m)
    if named:
        matches = [m for m in matches if m not in named]
        for m in named:
            covered.difference_update(range(m.start, m.end))
    actors: list[ActorMention] = []
    places: list[PlaceMention] = []
    acronyms: list[tuple[str, Actor]] = []

    # --- descriptor groups from gazetteer matches --------------------------------
    groups: list[_Group] = []
    region: Match | None = None  # the last region or city named, for "Dagestan's ministry"
    for m in matches:
        entry = m.entries[0]
        cat = entry.category
        if cat in (Category.REGION, Category.CITY):
            region = m
        if cat in _PLACE_CATS and _AGREEMENT_AFTER.match(norm, m.end, end):
            continue  # "the Helsinki accords", "the Astana format": a name, no place or party
        if _BACKER_AFTER.match(norm, m.end, end) or _SEAT_AFTER.match(norm, m.end, end):
            continue  # "Iran-backed Houthis", "Al-Qaeda-linked group": the backer is no party
        if cat in _PLACE_CATS and cat is not Category.CAPITAL:
            kind = _PLACE_KIND[cat]
            # the name as written ("Rangoon", not the gazetteer's "Yangon")
            p_start, name = m.start, original[m.start : m.end]
            if m.start - 3 >= start and norm[m.start - 3 : m.start] in _ARTICLES:
                # "El Arish", "Al Bayda": the name as written, with its article
                p_start = m.start - 3
                name = original[p_start : m.end]
            loc = Location(name=name, country=entry.country, kind=kind,
                           mention=_span(original, p_start, m.end))  # fmt: skip
            places.append(PlaceMention(p_start, m.end, loc, _place_prep(norm, p_start, start)))
            continue
        if cat is Category.CAPITAL:
            prep = _place_prep(norm, m.start, start)
            loc = Location(name=m.text, country=entry.country, kind=LocationKind.CITY,
                           mention=_span(original, m.start, m.end))  # fmt: skip
            places.append(PlaceMention(m.start, m.end, loc, prep))
            officials = _OFFICIALS_IN.search(norm, max(start, m.start - 24), m.start)
            if officials and entry.country and _own_officials(norm, start, officials.start()):
                # "officials in Kyiv", "authorities in Beijing": that capital's state
                own = gazetteer().country(entry.country)
                if own is not None:
                    actor = attrs.evolve(
                        entity_actor(own, original, officials.start(), m.end),
                        title=officials.group(1).lower(),
                    )
                    before = _prev_word(norm, officials.start(), start)
                    actors.append(ActorMention(officials.start(), m.end, actor, Role.OFFICIAL,
                                               before))  # fmt: skip
                continue
            if prep in _LOCATIVE:
                continue
        gap = norm[groups[-1].end : m.start] if groups else ""
        joined = bool(groups) and (
            gap in (" ", "'s ", "’s ", " of the ", " of ", "-")
            # "Ethiopian federal forces", "the Chinese foreign ministry"
            or (
                cat is Category.INSTITUTION
                and _ONE_WORD.fullmatch(gap) is not None
                # "Poland held military drills": a verb between is no qualifier, nor a
                # function word ("Gabon with personnel from 25 countries")
                and not vocabulary().is_verb_form(gap.strip().lower())
                and not _joins_nothing(gap.strip().lower())
            )
        )
        if not joined:
            groups.append(_Group(m.start, m.end))
            if (
                cat is Category.INSTITUTION
                and region is not None
                and region.entries[0].country
                and norm[region.end : m.start] in ("'s ", "’s ")
            ):
                # "Dagestan's Interior Ministry": a region's body is its state's
                own = gazetteer().country(region.entries[0].country or "")
                if own is not None:
                    groups[-1].affiliation = entity_actor(own, original, region.start, region.end)
                    groups[-1].start = region.start
                    groups[-1].demonym_only = False
        g = groups[-1]
        prev_end = g.end
        g.end = m.end
        if cat in (Category.TITLE, Category.INSTITUTION):
            g.roles.append(m.text)
            g.demonym_only = False
            if cat is Category.INSTITUTION and entry.country and g.affiliation is None:
                # a named institution of one state ("the IDF", "Centcom", "the Knesset")
                own = gazetteer().country(entry.country)
                if own is not None:
                    g.affiliation = entity_actor(own, original, m.start, m.end)
                    defined = _DEFINED.match(norm, m.end, end)
                    if defined:  # "the Sudanese Armed Forces (SAF)": later "the SAF"
                        acronyms.append((defined.group(1), g.affiliation))
        elif g.affiliation is None:
            g.affiliation = entity_actor(entry, original, m.start, m.end)
            defined = _DEFINED.match(norm, m.end, end)
            if defined and cat in (Category.ORGANIZATION, Category.ARMED_GROUP):
                acronyms.append((defined.group(1), g.affiliation))  # "Arakan Army (AA)"
            if cat is not Category.DEMONYM:
                g.demonym_only = False
        else:
            # a second party in one group ("U.S.-Russian"): start a new group; the first
            # ends where it ended ("Sudan's Rapid Support Forces": Sudan only qualifies)
            if gap in ("'s ", "’s "):
                g.end = prev_end
            groups[-1] = g
            ng = _Group(m.start, m.end, entity_actor(entry, original, m.start, m.end))
            ng.demonym_only = cat is Category.DEMONYM
            groups.append(ng)

    # --- capitalized chunks ---------------------------------------------------------
    chunks = _join_bodies(norm, _chunks(norm, start, end, covered, lex), lex)

    groups_by_end = {g.end: g for g in groups}
    groups_by_start = {g.start: g for g in groups}
    used_groups: set[int] = set()
    for c_start, c_end, ctoks in chunks:
        # strip leading stop words and honorifics
        honorific = False
        raw_start = c_start
        body = any(t.text in lex.org_heads for t in ctoks)
        while ctoks and (
            ctoks[0].text in _BREAK_WORDS
            or (
                not body
                and not (ctoks[0].text in _MONTHS and len(ctoks) > 1)  # "Jan Nowak", "May Ali"
                and (
                    ctoks[0].text in lex.stop_capitalized or ctoks[0].text.lower() in lex.honorifics
                )
            )
        ):
            honorific = honorific or ctoks[0].text.lower() in lex.honorifics
            ctoks = ctoks[1:]
        if not ctoks:
            continue
        c_start = ctoks[0].start
        words = [t.text for t in ctoks]
        if code_names and " ".join(words) in code_names:
            continue  # "Exercise Cobra Gold", later "Cobra Gold": a code name, no person
        prep = _prev_word(norm, c_start, start)
        acronym = len(ctoks) == 1 and _ACRONYM.fullmatch(words[0]) is not None
        name = norm[c_start:c_end]
        possessive = name.endswith(("'s", "’s"))
        if possessive:
            name = name[:-2]
            c_end -= 2
            words[-1] = words[-1][:-2]  # "Ruto's office": the surname is "Ruto"
        # an acronym definition right after: "Libyan National Army (LNA)"
        after = norm[c_end : min(end, c_end + 12)]
        acr = _DEFINED.match(after)
        left = groups_by_end.get(c_start - 1) or groups_by_end.get(raw_start - 1)
        if left is None and norm[c_start - 3 : c_start] in ("'s ", "’s "):
            left = groups_by_end.get(c_start - 3)  # "Japan's Ministry of Defence"
        if left is None:
            # "his Kenyan counterpart William Ruto": one role noun between
            gap_m = _ROLE_GAP.search(norm, max(start, c_start - 30), c_start)
            if gap_m and _role_word(gap_m.group().split()[-1], lex):
                left = groups_by_end.get(c_start - len(gap_m.group()) - 1)
        elif left.affiliation is None and left.roles:
            # "his Saudi counterpart Prince Khalid": the state is before the role noun
            gap_m = _ROLE_GAP.search(norm, max(start, left.start - 30), left.start)
            if gap_m and _role_word(gap_m.group().split()[-1], lex):
                owner = groups_by_end.get(left.start - len(gap_m.group()) - 1)
                if owner is not None and owner.demonym_only and owner.affiliation is not None:
                    left.affiliation = owner.affiliation
                    used_groups.add(owner.end)
        if _is_place_name(words, lex):
            # the head is the last word, or the one before "of" ("Province of Idlib")
            head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
            loc = Location(name=name, kind=LocationKind.REGION if head in (
                "Province", "State", "Region", "Township", "District", "County", "Governorate",
                "Oblast", "Prefecture", "Territory") else LocationKind.SITE,
                mention=_span(original, c_start, c_end))  # fmt: skip
            if words[-1] in ("Town", "City", "Village"):
                loc = attrs.evolve(loc, kind=LocationKind.CITY)
            places.append(PlaceMention(c_start, c_end, loc, prep))
            continue
        if acronym:
            if words[0] in lex.media or any(words[0] == m_ for m_ in ("AM", "PM", "TV", "OK")):
                continue
            if _HULL_NUMBER.match(norm, c_start - 1):
                continue  # "USS Tulsa (LCS 16)", "BRP Jose Rizal (PS16)": a ship's number
            actor = Actor(name=words[0], kind=ActorKind.ORGANIZATION, organization=words[0],
                          mention=_span(original, c_start, c_end))  # fmt: skip
            actors.append(ActorMention(c_start, c_end, actor, Role.ORGANIZATION, prep))
            continue
        if any(w in lex.org_heads for w in words):
            if name in lex.media or words[0] in lex.media:
                continue
            if len(words) == 1 and left is None:
                continue  # "The Group to Support ...": a head word alone names no body
            if words[-1] in _EVENT_HEADS:
                continue  # "the ASEAN Post Ministerial Conference": a gathering, no party
            full_start = c_start
            if left is not None and left.demonym_only and left.affiliation is not None:
                full_start = left.start  # "Libyan" + "National Army"
                used_groups.add(left.end)
            full = norm[full_start:c_end]
            state = _state_of_body(words, left, norm, c_end, end, groups)
            if state is not None:
                # a state body: "the Polish General Staff", "Government of National Unity of X"
                actor = attrs.evolve(state, title=full, mention=_span(original, full_start, c_end))
                if acr:
                    acronyms.append((acr.group(1), actor))
                actors.append(ActorMention(full_start, c_end, actor, Role.OFFICIAL, prep))
                continue
            armed = any(w in lex.armed_heads for w in words)
            key = acr.group(1) if acr else full
            a_kind = ActorKind.ARMED_GROUP if armed else ActorKind.ORGANIZATION
            actor = Actor(name=full, kind=a_kind, organization=key,
                          mention=_span(original, full_start, c_end))  # fmt: skip
            if acr:
                acronyms.append((acr.group(1), actor))
            actors.append(ActorMention(full_start, c_end, actor, Role.ORGANIZATION, prep))
            continue
        if any(w in lex.not_person for w in words) or "of" in words or "for" in words:
            continue
        if name in lex.media:
            continue
        real = [w for w in words if w.lower() not in lex.name_connectors]
        if not real:
            continue
        if _EVENT_NOUN_AFTER.match(norm, c_end, end):
            continue  # "the Camp David summit", "the Minsk agreements": a name for an event
        if _TOWN_OF.search(norm, max(start, c_start - 16), c_start) or _CAPITAL_OF.match(
            norm, c_end, end
        ):
            # "the town of Adan Yabaal", "Wad Madani, the capital of Gezira state": a town,
            # in the country of the province or state it is the capital of
            country = next(
                (m.entries[0].country for m in matches
                 if c_end < m.start <= c_end + 40 and m.entries[0].country
                 and m.entries[0].category in (Category.REGION, Category.COUNTRY)),
                None,
            ) if _CAPITAL_OF.match(norm, c_end, end) else None  # fmt: skip
            loc = Location(
                name=name,
                country=country,
                kind=LocationKind.CITY,
                mention=_span(original, c_start, c_end),
            )
            # "in the Chinese city of Wuzhen": the town takes the preposition of its phrase
            phrase = _IN_TOWN_OF.search(norm, max(start, c_start - 40), c_start)
            places.append(PlaceMention(c_start, c_end, loc, phrase.group(1) if phrase else prep))
            continue
        titled = honorific or (left is not None and bool(left.roles))
        if len(real) == 1 and not titled:
            # a lone capitalized word: a known surname (resolved later) or a place after "in"
            nxt = _NEXT_WORD.match(norm, c_end, end)
            adjective = nxt is not None and (
                nxt.group(1) in lex.official_nouns or nxt.group(1) in lex.group_nouns
            )  # "from Chadian rebels": a people, not a place or a person
            if adjective:
                continue
            owner = left if norm[c_start - 3 : c_start] in ("'s ", "’s ") else None
            if (
                owner is not None
                and owner.affiliation is not None
                and owner.affiliation.country is not None
                and owner.affiliation.country in leaders().states(name, None)
            ):
                # "Russia's Putin", "Kenya's Kenyatta": the state's leader, one party
                used_groups.add(owner.end)
                person = _person(name, None, owner.affiliation, _span(original, c_start, c_end))
                actors.append(ActorMention(owner.start, c_end, person, Role.PERSON, prep,
                                           surname=real[0]))  # fmt: skip
                continue
            if prep in ("in", "at", "near", "from", "to", "of") and not leaders().states(
                name, None
            ):  # ("a visit to Museveni": a leader's family name names the leader)
                # "the eastern town of Avdiivka" is a city, whatever the gazetteer knows
                town = _TOWN_OF.search(norm, max(start, c_start - 12), c_start)
                loc = Location(name=name, kind=LocationKind.CITY if town else None,
                               mention=_span(original, c_start, c_end))  # fmt: skip
                places.append(PlaceMention(c_start, c_end, loc, prep))
                continue
            if _APPOSED_AFTER.match(norm, c_end) and not _adverb(name):
                # "Larreategui, the Ecuadorean spokesman,": the surname with what it is
                aff, app_title, app_group = _appositive(
                    norm, c_start, c_end, start, end, groups, places
                )
                if aff is not None and app_title is not None and app_group is not None:
                    used_groups.add(app_group)
                    person = _person(name, app_title, aff, _span(original, c_start, c_end))
                    actors.append(ActorMention(c_start, c_end, person, Role.PERSON, prep,
                                               surname=real[0]))  # fmt: skip
                    continue
            actors.append(ActorMention(c_start, c_end, None, Role.PERSON, prep, surname=real[0]))
            continue
        if (
            not titled
            and (
                prep in ("in", "at", "near")
                or _CONTROL_OF.search(norm, max(start, c_start - 20), c_start)
            )
            and not possessive  # "at Joe Biden's invitation"
            and (not _APPOSED_AFTER.match(norm, c_end) or _place_apposed(norm, c_end, end))
            and not _NOT_LOCATIVE_IN.search(norm, max(start, c_start - 24), c_start)
        ):
            # "met Abbas in Aqaba": an untitled name after "in" is a place
            loc = Location(name=name, mention=_span(original, c_start, c_end))
            places.append(PlaceMention(c_start, c_end, loc, prep))
            continue
        if len(real) > 1 and vocabulary().has("forum_noun", real[-1].lower()):
            continue  # "the Asian Cooperation Dialogue": a gathering's name, not a person
        navy = ship_state(words[0]) if len(words) > 1 else None
        if navy is not None:
            # "USS John Finn", "HMAS Warramunga": a ship of that state's navy
            ship = Actor(name=name, kind=ActorKind.ORGANIZATION, country=navy, title="ship",
                         mention=_span(original, c_start, c_end))  # fmt: skip
            actors.append(ActorMention(c_start, c_end, ship, Role.OFFICIAL, prep))
            continue
        # a person
        title: str | None = None
        affiliation: Actor | None = None
        p_start = c_start
        if left is not None:
            used_groups.add(left.end)
            title = " ".join(left.roles) or None
            affiliation = left.affiliation
            p_start = left.start
        link = _OF_FOR.match(norm, c_end, end) if affiliation is None else None
        if link is not None:
            # "Foreign Minister Sergei Lavrov of Russia", "Pablo Beltran for the ELN"
            right = groups_by_start.get(link.end())
            if right is not None and right.affiliation is not None and not right.roles:
                affiliation = right.affiliation
                used_groups.add(right.end)
        if affiliation is None and _LED_BY.search(norm, max(start, p_start - 40), p_start):
            # "The Iranian delegation was led by Deputy Foreign Minister Mehdi Rezaei"
            leading = [
                g
                for g in groups
                if g.end <= p_start
                and p_start - g.end <= 60
                and g.affiliation is not None
                and g.affiliation.kind is ActorKind.STATE
            ]
            if leading and (
                _DELEGATION_AFTER.match(norm, leading[-1].end)
                or _DELEGATION_AFTER.search(norm, leading[-1].start, leading[-1].end + 1)
            ):
                affiliation = leading[-1].affiliation
        if affiliation is None:
            anchor = min(raw_start, left.start) if left is not None else raw_start
            affiliation, app_title, app_group = _appositive(
                norm, anchor, c_end, start, end, groups, places
            )
            if affiliation is None and app_title is not None:
                affiliation = _region_state(original, norm, c_end, end, matches)
            title = title or app_title
            if app_group is not None:
                used_groups.add(app_group)
                if app_group == c_start - 2 and p_start == c_start and affiliation is not None:
                    # "South Sudanese President, Salva Kiir": the title and the name are
                    # one mention, comma and all
                    p_start = next(g.start for g in groups if g.end == app_group)
        person = _person(name, title, affiliation, _span(original, c_start, c_end))
        actors.append(ActorMention(p_start, c_end, person, Role.PERSON, _prev_word(
            norm, p_start, start), surname=real[-1]))  # fmt: skip
        if acr:
            acronyms.append((acr.group(1), person))

    # --- groups that are not attached to a person -------------------------------------
    for i, g in enumerate(groups):
        if g.end in used_groups:
            continue
        prep = _prev_word(norm, g.start, start)
        if norm[max(start, g.start - 2) : g.start] == ", ":
            # "in Caracas, Venezuela": the country after a place shares its preposition
            for p in places:
                if p.end == g.start - 2:
                    prep = p.prep
        if g.affiliation is None:
            if g.roles and _is_role_subject(norm, g.start, g.end, start):
                actors.append(ActorMention(g.start, g.end, None, Role.ROLE_ONLY, prep,
                                           title=" ".join(g.roles)))  # fmt: skip
            continue
        if prep in _NOT_THE_STATE and g.affiliation.kind is ActorKind.STATE:
            continue  # "rebel Serb forces", "separatist Armenian troops": not the state's
        mention = _span(original, g.start, g.end)
        if g.roles:
            actor = _affiliated(g.affiliation, " ".join(g.roles), mention)
            actors.append(ActorMention(g.start, g.end, actor, Role.OFFICIAL, prep))
            continue
        if g.demonym_only:
            # "Turkmen officials", "Afghan soldiers", "Turkmen, Uzbek, Russian Officials";
            # "the Iranians captured Faw": a people named in the plural, for its state
            if (
                _official_after(norm, g.end, end, lex)
                or _demonym_list_head(norm, groups, i, end, lex)
                or _people_plural(norm, g.start, g.end, start)
            ):
                actor = _affiliated(g.affiliation, None, mention)
                actors.append(ActorMention(g.start, g.end, actor, Role.OFFICIAL, prep))
            continue
        members = _MEMBERS.match(norm, g.end, end)
        if (
            g.affiliation.kind is ActorKind.ORGANIZATION
            and members
            and (members.group(2) in lex.official_nouns)
        ):
            # "NATO defence ministers", "EU leaders": the body's members
            actor = _affiliated(g.affiliation, members.group(0).strip(), mention)
            actors.append(ActorMention(g.start, members.end(), actor, Role.OFFICIAL, prep))
            continue
        members_of = (
            _MEMBERS_OF.search(norm, max(start, g.start - 60), g.start)
            if g.affiliation.kind is ActorKind.ORGANIZATION
            and (
                norm.endswith((" of ", " of the "), max(start, g.start - 8), g.start)
                or _MEMBER_COUNT.search(norm, max(start, g.start - 30), g.start) is not None
            )
            else None
        )
        if members_of:
            # "Foreign ministers of the Gulf Cooperation Council", "leaders of ASEAN"
            actor = _affiliated(g.affiliation, members_of.group(1).lower(), mention)
            actors.append(ActorMention(members_of.start(), g.end, actor, Role.OFFICIAL,
                                       _prev_word(norm, members_of.start(), start)))  # fmt: skip
            continue
        role = Role.STATE if g.affiliation.kind is ActorKind.STATE else Role.ORGANIZATION
        actors.append(ActorMention(g.start, g.end, g.affiliation, role, prep))
        if g.affiliation.kind is ActorKind.STATE and prep in _LOCATIVE:
            loc = Location(name=original[g.start : g.end], country=g.affiliation.country,
                           kind=LocationKind.COUNTRY, mention=mention)  # fmt: skip
            places.append(PlaceMention(g.start, g.end, loc, prep))

    # --- group nouns and pronouns ---------------------------------------------------
    for w in _PRONOUN.finditer(norm, start, end):
        if w.start() not in covered:
            actors.append(ActorMention(w.start(), w.end(), None, Role.PRONOUN,
                                       _prev_word(norm, w.start(), start)))  # fmt: skip
    low = norm[start:end].lower()
    if _holds_any(low, lex.group_nouns):  # a cheap test before the pattern
        for w in _group_words(lex).finditer(norm, start, end):
            if w.start() in covered:
                continue
            if not _inside(actors, w.start()) and not _names_a_body(norm, actors, w.start()):
                actors.append(ActorMention(w.start(), w.end(), None, Role.GROUP,
                                           _prev_word(norm, w.start(), start),
                                           title=w.group().lower()))  # fmt: skip

    # "his office said", "her spokesman said": the person last named speaks through them
    for w in _HIS_OFFICE.finditer(norm, start, end):
        if w.start() > start and norm[w.start() - 1].isalnum():
            continue  # "Thisher office": not a word
        actors.append(ActorMention(w.start(), w.end(), None, Role.PRONOUN,
                                   _prev_word(norm, w.start(), start)))  # fmt: skip

    # --- borders: "the Afghan-Tajik border" ---------------------------------------------
    for g in groups:
        tail = norm[g.end : min(end, g.end + 8)]
        joined = "-" in norm[g.start : g.end]
        lone = g.demonym_only and not norm.startswith("-", g.start - 1)  # "the Polish border"
        if tail.startswith(" border") and (joined or lone):
            b_end = g.end + len(" border")
            loc = Location(name=norm[g.start : b_end], kind=LocationKind.BORDER,
                           mention=_span(original, g.start, b_end))  # fmt: skip
            places.append(PlaceMention(g.start, b_end, loc, _prev_word(norm, g.start, start)))

        # "the Russian capital": that state's capital
        if lone and tail.startswith(" capital") and not norm.startswith(" capital of", g.end):
            code = g.affiliation.country if g.affiliation is not None else None
            city = capital_of(code) if code else None
            if city is not None:
                c_end = g.end + len(" capital")
                loc = Location(name=city, country=code, kind=LocationKind.CITY,
                               mention=_span(original, g.start, c_end))  # fmt: skip
                places.append(PlaceMention(g.start, c_end, loc, _prev_word(norm, g.start, start)))

    _sites(original, norm, start, end, places, low)
    places = _with_country(places, matches)
    places = _wire_phrases(norm, start, places)
    actors = [a for a in actors if not any(p.start <= a.start and a.end <= p.end
                                           and p.location.kind is LocationKind.SITE
                                           for p in places)]  # fmt: skip
    actors.sort(key=lambda a: a.start)
    actors = _join_organs(original, norm, actors)
    actors = _inherit_body(norm, actors)
    actors = _drop_possessive_states(norm, actors)
    places.sort(key=lambda p: p.start)
    return SentenceMentions(tuple(actors), tuple(places), tuple(acronyms))


@functools.cache
def _ground_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """ "the city of X" / "the Omani capital X" before a place, ", a provincial capital" after
    it, built once from the vocabulary's ground nouns."""
    forms = "|".join(sorted((re.escape(f) for f in vocabulary().forms("ground_noun")),
                            key=len, reverse=True))  # fmt: skip
    of_before = re.compile(rf"\b(?P<g>{forms}) of (?:the )?$")
    named_before = re.compile(rf"\bthe (?:[\w'’-]+ ){{0,2}}(?P<g>{forms}) $")
    after = re.compile(rf", (?:the|a|an) (?:[\w'’-]+ ){{0,2}}(?P<g>{forms})\b")
    return of_before, named_before, after


@functools.cache
def _place_apposition() -> re.Pattern[str]:
    """ ", the presidential retreat", ", a provincial capital": an appositive that says
    what kind of place a name is, built once from the vocabulary."""
    vocab = vocabulary()
    forms = vocab.forms("ground_noun") | vocab.forms("site_noun") | vocab.forms("venue_noun")
    alts = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    return re.compile(rf", (?:the|a|an) (?:[\w'’-]+ ){{0,2}}(?:{alts})\b", re.IGNORECASE)


@functools.cache
def _relation_of() -> re.Pattern[str]:
    """ "a rival of X", "a critic of X": an appositive setting a party against another, built
    once from the vocabulary."""
    words = "|".join(sorted(map(re.escape, vocabulary().forms("relation_noun")), key=len,
                            reverse=True))  # fmt: skip
    return re.compile(rf"(?:[\w'’-]+ ){{1,3}}?(?:{words}) (?:of|to)\b")


def _place_apposed(norm: str, c_end: int, end: int) -> bool:
    """Whether the name ending at ``c_end`` has an appositive naming a kind of place ("Camp
    David, the presidential retreat in Maryland")."""
    return _place_apposition().match(norm, c_end, end) is not None


def ground_kind(noun: str) -> str:
    """What kind of ground a ground noun names: "town" for any settlement ("city", "port",
    "provincial capital"), else the noun's lemma ("districts": "district")."""
    vocab = vocabulary()
    if vocab.has("town_noun", noun):
        return "town"
    return vocab.noun_lemma(noun)


def with_grounds(norm: str, start: int, end: int, places: list[PlaceMention]) -> list[PlaceMention]:
    """``places`` with the ground each is called by, where the sentence says it; a place
    coordinated after one called by a plural ("the towns of X and Y") is called so too."""
    if not places:
        return places
    of_before, named_before, after = _ground_patterns()
    out: list[PlaceMention] = []
    carried: str | None = None  # from "the towns of X": for "and Y" after it
    previous_end = -1
    for pl in places:
        window = norm[max(start, pl.start - 40) : pl.start].lower()
        m = of_before.search(window) or named_before.search(window)
        ground: str | None = None
        if m is not None:
            ground = ground_kind(m.group("g"))
            plural = m.group("g") != vocabulary().noun_lemma(m.group("g"))
            carried = ground if plural else None
        elif carried is not None and norm[previous_end : pl.start].lower() in (
            " and ",
            ", ",
            " and nearby ",
            ", and ",
        ):
            ground = carried
        else:
            carried = None
            a = after.match(norm.lower(), pl.end, end)
            if a is not None:
                ground = ground_kind(a.group("g"))
        previous_end = pl.end
        out.append(attrs.evolve(pl, ground=ground) if ground else pl)
    return out


_CODE_NAMED = re.compile(
    r"\b(?:Exercise|Exercises|Operation|Operations|Drill|Drills)\s"
    r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3})"
)


def find_code_names(norm: str) -> frozenset[str]:
    """Names of exercises and operations ("Exercise Cobra Gold", "Operation Iron Shield"),
    read once over the whole article."""
    if "Exercise" not in norm and "Operation" not in norm and "Drill" not in norm:
        return frozenset()
    return frozenset(m.group(1) for m in _CODE_NAMED.finditer(norm))


# A capitalized word ("Vepa", "al-Hashimi", "Ta'ang"); the first letter is checked in code.
_CAP_WORD = (
    r"(?:[A-Z]\.(?= [A-Z])"  # a middle initial: "William J. Livsey"
    r"|(?:[A-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]|[ae]l-(?=\w))(?:\w|[-'’.](?=\w))*)"
)


# _CAP_WORD as the first word of a run: one character class first (the regex engine then
# skips to the characters that may begin a run instead of trying the pattern at every
# offset), then the same alternatives, each checking that first character behind it.
_UPPER = r"A-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_FIRST_CAP_WORD = (
    rf"[{_UPPER}ae](?:(?<=[A-Z])\.(?= [A-Z])"
    rf"|(?<=[{_UPPER}])(?:\w|[-'’.](?=\w))*"
    r"|(?<=[ae])l-(?=\w)(?:\w|[-'’.](?=\w))*)"
)


@functools.cache
def _run_pattern(lex: Lexicon) -> re.Pattern[str]:
    """Runs of capitalized words joined by single spaces and name connectors ("bin", "of")."""
    conn = "|".join(sorted((re.escape(c) for c in lex.name_connectors), key=len, reverse=True))
    return re.compile(rf"{_FIRST_CAP_WORD}(?: (?:(?:{conn}) )*{_CAP_WORD})*")


@functools.cache
def _group_words(lex: Lexicon) -> re.Pattern[str]:
    """Group nouns ("insurgents", "the alliance")."""
    words = sorted((re.escape(w) for w in lex.group_nouns), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@functools.cache
def _least(words: frozenset[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``words`` less those that hold another of them: a text holds one of ``words`` (as a
    substring) exactly when it holds one of these."""
    return tuple(sorted(w for w in words if not any(v != w and v in w for v in words)))


def _holds_any(text: str, words: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether one of ``words`` is a substring of ``text`` (a few substring searches cost
    less than one alternation pattern)."""
    for w in _least(words):  # noqa: SIM110 (a loop costs less than any() of a generator)
        if w in text:
            return True
    return False


# \b(?:[Hh]e|[Ss]he)\b, with the boundary before checked after the first letter (a pattern
# that starts with a character class is scanned fast)
_PRONOUN = re.compile(r"[HhSs](?<!\w[HhSs])(?:(?<=[Hh])e|(?<=[Ss])he)\b")


def _chunks(
    norm: str, start: int, end: int, covered: set[int], lex: Lexicon
) -> list[tuple[int, int, list[_Tok]]]:
    """Runs of capitalized tokens that no gazetteer match covers, split at function words."""
    out: list[tuple[int, int, list[_Tok]]] = []
    connectors = lex.name_connectors
    for m in _run_pattern(lex).finditer(norm, start, end):
        run: list[_Tok] = []
        pos = m.start()
        for word in m.group().split(" "):
            size = len(word)
            tok = _new_tok(_Tok, (pos, pos + size, word))
            at = pos
            pos += size + 1
            connector = word in connectors
            capital = word[:1].isupper() or (word[:3] in ("al-", "el-") and size > 3)
            if at in covered or not (capital or connector) or word in _BREAK_WORDS:
                if run:  # (closing an empty run does nothing)
                    _close(run, out, lex)
                if capital and word in _BREAK_WORDS and at not in covered:
                    run.append(tok)
                continue
            if connector and not run:
                continue
            run.append(tok)
            if word.endswith(("'s", "’s")):
                _close(run, out, lex)  # "Ruto's State Visit": the name ends at "'s"
        _close(run, out, lex)
    return out


def _join_bodies(
    norm: str, chunks: list[tuple[int, int, list[_Tok]]], lex: Lexicon
) -> list[tuple[int, int, list[_Tok]]]:
    """ "Alliance for Change and Renewal": a body's name goes on over "for" / "and" / "of the"."""
    out: list[tuple[int, int, list[_Tok]]] = []
    for chunk in chunks:
        if out:
            p_start, p_end, p_toks = out[-1]
            gap = norm[p_end : chunk[0]]
            if gap in (" for ", " and ", " of the ", " for the ") and any(
                t.text in lex.org_heads for t in p_toks
            ):
                out[-1] = (p_start, chunk[1], [*p_toks, *chunk[2]])
                continue
        out.append(chunk)
    return out


def _joins_nothing(word: str) -> bool:
    """A function word: it never joins a state to the body after it."""
    vocab = vocabulary()
    return any(vocab.has(c, word) for c in ("preposition", "coordinator", "subordinator",
                                            "determiner", "relative"))  # fmt: skip


def _close(run: list[_Tok], out: list[tuple[int, int, list[_Tok]]], lex: Lexicon) -> None:
    while run and run[-1].text in lex.name_connectors:
        run.pop()
    if run:
        out.append((run[0].start, run[-1].end, list(run)))
    run.clear()


def _is_place_name(words: list[str], lex: Lexicon) -> bool:
    """ "Shan State", "Province of Idlib", "Lake Chad"; not "State Visit" or "House Speaker"."""
    if words[-1] in lex.place_heads:
        return True
    return any(
        w in lex.place_heads_leading or (w in lex.place_heads and nxt == "of")
        for w, nxt in itertools.pairwise(words)
    )


def _drop_possessive_states(norm: str, actors: list[ActorMention]) -> list[ActorMention]:
    """ "Sudan's paramilitary Rapid Support Forces": the state only qualifies the body named
    right after it, which is the actor."""
    out: list[ActorMention] = []
    for i, a in enumerate(actors):
        nxt = actors[i + 1] if i + 1 < len(actors) else None
        if (
            a.role is Role.STATE
            and nxt is not None
            and nxt.role in (Role.ORGANIZATION, Role.OFFICIAL)
            and norm.startswith(("'s ", "’s "), a.end)
            and nxt.start - a.end <= 25
        ):
            continue
        out.append(a)
    return out


def _join_organs(original: str, norm: str, actors: list[ActorMention]) -> list[ActorMention]:
    """ "African Union Commission": a known body followed by an organ word names the body
    (the organ speaks for it), not a new body called "Commission"."""
    vocab = vocabulary()
    out: list[ActorMention] = []
    for a in actors:
        prev = out[-1] if out else None
        if (
            prev is not None
            and a.role is Role.ORGANIZATION
            and prev.role is Role.ORGANIZATION
            and a.actor is not None
            and prev.actor is not None
            and known_body(prev.actor.organization)
            and norm[prev.end : a.start] == " "
            and vocab.has("body_organ_noun", a.actor.name.lower())
        ):
            joined = attrs.evolve(
                prev.actor,
                name=original[prev.start : a.end],
                mention=_span(original, prev.start, a.end),
            )
            out[-1] = attrs.evolve(prev, end=a.end, actor=joined)
            continue
        out.append(a)
    return out


def _inherit_body(norm: str, actors: list[ActorMention]) -> list[ActorMention]:
    """ "Polish General Staff spokesman Col. Nowak": the person speaks for the body
    named right before the title."""
    out: list[ActorMention] = []
    for a in actors:
        prev = out[-1] if out else None
        if (
            a.role is Role.PERSON
            and a.actor is not None
            and a.actor.country is None
            and a.actor.organization is None
            and prev is not None
            and prev.actor is not None
            and prev.role in (Role.OFFICIAL, Role.ORGANIZATION)
            and norm[prev.end : a.start] == " "
        ):
            body = prev.actor
            actor = attrs.evolve(a.actor, country=body.country, organization=body.organization)
            a = attrs.evolve(a, actor=actor)
        out.append(a)
    return out


def _state_of_body(
    words: list[str], left: _Group | None, norm: str, c_end: int, end: int, groups: list[_Group]
) -> Actor | None:
    """The state a capitalized body belongs to, or None for a non-state body."""
    if (
        left is not None
        and left.affiliation is not None
        and left.affiliation.kind is ActorKind.STATE
        and _STATE_ARMY.fullmatch(" ".join(words))
    ):
        return left.affiliation  # "the Ethiopian National Defense Force": the state's army
    if any(w in _NON_STATE for w in words) and not {"Government", "Security"} & set(words):
        return None
    if (
        left is not None
        and left.affiliation is not None
        and not left.roles
        and (left.demonym_only or left.affiliation.kind is ActorKind.STATE)
    ):
        return left.affiliation
    if (
        "Government" in words
        or "Ministry" in words
        or (norm.startswith(" of ", c_end) and _STATE_HEADS.intersection(words))
    ):
        # "Government of National Accord (GNA) of Libya", "the State Security Service of
        # Georgia": the country right after
        for g in groups:
            near = c_end <= g.start <= c_end + 16
            if near and g.affiliation is not None and g.affiliation.kind is ActorKind.STATE:
                return g.affiliation
    return None


def _sites(
    original: str, norm: str, start: int, end: int, prev: list[PlaceMention], low: str
) -> None:
    """Add named sites ("X Military Base") that chunking split apart (``low`` is the
    sentence in lower case)."""
    if not _holds_any(low, _SITE_HEADS):
        return  # a cheap test before the pattern
    for m in _SITE.finditer(norm, start, end):
        words = m.group().split()
        for i in range(len(words) - 1, -1, -1):
            if words[i].endswith(("'s", "’s")):
                words = words[i + 1 :]  # "Ruto's State": a possessor, then a word
                break
        while words and (words[0] in _BREAK_WORDS or words[0] in lexicon().stop_capitalized):
            words = words[1:]
        if len(words) < 2:
            continue
        s = m.end() - len(" ".join(words))
        head = m.group("head")
        kind = LocationKind.REGION if head in _REGION_HEADS else LocationKind.SITE
        if head == "Town":
            kind = LocationKind.CITY
        prev[:] = [p for p in prev if not (s <= p.start and p.end <= m.end())]
        loc = Location(name=original[s : m.end()], kind=kind, mention=_span(original, s, m.end()))
        prev.append(PlaceMention(s, m.end(), loc, _prev_word(norm, s, start)))


def _with_country(places: list[PlaceMention], matches: Sequence[Match]) -> list[PlaceMention]:
    """Give a site or region without a country the country of a place named right after it
    ("Abidjan, Cote d'Ivoire") or inside it ("Shan State" is known)."""
    out = []
    for p in places:
        if p.location.country is None and p.location.kind is not None:
            for m in matches:
                e = m.entries[0]
                if (
                    e.country
                    and p.start <= m.start
                    and m.end <= p.end + 3
                    and e.category
                    in (Category.REGION, Category.CITY, Category.CAPITAL, Category.COUNTRY)
                ):
                    p = attrs.evolve(p, location=attrs.evolve(p.location, country=e.country))
                    break
        out.append(p)
    return out


_QUALIFIER_OF = re.compile(rf" (?:\w+ )?(?:{_TOWN_NOUNS}|region|province|capital) of ")


def _wire_phrases(norm: str, floor: int, places: list[PlaceMention]) -> list[PlaceMention]:
    """ "in the Black Sea resort of Sochi", "in the border city of Maracaibo": the town takes
    the preposition of the phrase, and a place that only qualifies it takes none; a site
    "in" a known city lies in its country."""
    out = []
    by_start = {p.start: p for p in places}
    for p in places:
        if p.location.country is None and p.location.kind is LocationKind.SITE:
            # "the Felix Houphouet-Boigny Airport in Abidjan": the site lies in the city's country
            host = by_start.get(p.end + 4) if norm.startswith(" in ", p.end) else None
            if host is not None and host.location.country:
                p = attrs.evolve(
                    p, location=attrs.evolve(p.location, country=host.location.country)
                )
        if p.prep == "of":
            phrase = _IN_TOWN_OF.search(norm, max(floor, p.start - 40), p.start)
            if phrase:
                p = attrs.evolve(p, prep=phrase.group(1))
        elif _QUALIFIER_OF.match(norm, p.end):
            p = attrs.evolve(p, prep="")
        out.append(p)
    return out


def _names_a_body(norm: str, actors: list[ActorMention], pos: int) -> bool:
    """ "the ELN rebel group", "M23 rebels": the group noun belongs to the body just named."""
    return any(
        a.role is Role.ORGANIZATION
        and 0 <= pos - a.end <= 8
        and " " not in norm[a.end : pos].strip()
        for a in actors
    )


def _inside(actors: list[ActorMention], pos: int) -> bool:
    return any(a.start <= pos < a.end for a in actors)


_THE_RULING = re.compile(
    r"\bthe (?:ruling|new|interim|transitional|military|civilian|federal|central|national|"
    r"incoming|outgoing|caretaker|current|former) $"
)


def _is_role_subject(norm: str, g_start: int, g_end: int, floor: int) -> bool:
    """A bare singular role with "the" ("the ministry", "the Navy", "the country's army")
    or "government troops": one known party's. Plural or generic roles ("officials",
    "forces") name no one."""
    words = norm[g_start:g_end].lower()
    if words.startswith("government ") and " " in words:
        return True  # "government troops", "Government forces": the state's own
    if words == "government" and g_start == floor and norm.startswith(" and ", g_end):
        return True  # "Government and ELN negotiators ended talks": the state's side
    before = norm[max(floor, g_start - 24) : g_start].lower()
    the = before.endswith(("the ", "the country's ", "the country’s ", "the nation's ")) or (
        _THE_RULING.search(before) is not None  # "the ruling military junta"
    )
    # "a Defense Ministry spokesman": one official of the ministry named in capitals
    named = before.endswith(("a ", "an ")) and norm[g_start : g_start + 1].isupper()
    head = words.split(" of ")[0]  # "the Ministry of Foreign Affairs": one ministry
    return (the or named) and not head.endswith("s")


def _demonym_list_head(norm: str, groups: list[_Group], i: int, end: int, lex: Lexicon) -> bool:
    """True if groups[i] is in a list of demonyms ending in an official noun."""
    j = i
    while j + 1 < len(groups) and norm[groups[j].end : groups[j + 1].start] in (
        ", ",
        " and ",
        ", and ",
        " or ",
        "/",
        "-",
    ):
        j += 1
    if j == i:
        return False
    last = groups[j]
    if last.roles:
        return True  # "Chinese and Russian naval forces"
    return _official_after(norm, last.end, end, lex)


_OFFICIAL_AFTER = re.compile(r"[ ,]*(?:and [A-Za-z]+ )?([A-Za-z]+)(?: ([a-z]+))?")


_PEOPLE_BEFORE = re.compile(r"(?:^|\W)the $", re.IGNORECASE)
_NOUN_AFTER = re.compile(r" [a-z]")


def _people_plural(norm: str, g_start: int, g_end: int, floor: int) -> bool:
    """ "the Iranians", "the Soviets": a demonym in the plural after "the", with no noun
    after it (a verb or nothing), names the people for its state ("The Iraqis retook the
    peninsula"; not "the Iranians' allies" or "the Americas")."""
    word = norm[g_start:g_end]
    if not word.endswith("s") or " " in word:
        return False
    if _PEOPLE_BEFORE.search(norm, max(floor, g_start - 5), g_start) is None:
        return False
    if not _NOUN_AFTER.match(norm, g_end):
        return True
    following = norm[g_end + 1 :].split(" ", 1)[0].lower()
    return vocabulary().is_verb_form(following)


def _official_after(norm: str, pos: int, end: int, lex: Lexicon) -> bool:
    """An official noun right after a demonym, or after one more word: "Afghan soldiers",
    "the Russian and German foreign ministers", "Turkmen border guards"."""
    m = _OFFICIAL_AFTER.match(norm, pos, end)
    if m is None:
        return False
    return m.group(1).lower() in lex.official_nouns or (m.group(2) or "") in lex.official_nouns


def _region_state(
    original: str, norm: str, c_end: int, ceil: int, matches: Sequence[Match]
) -> Actor | None:
    """ "Name, the spokesman for Zamfara's state government,": the state of the
    province or city whose institution the appositive names."""
    stop = norm.find(",", c_end + 2, ceil)
    stop = ceil if stop < 0 else stop
    for m in matches:
        entry = m.entries[0]
        if (
            c_end < m.start < stop
            and entry.country
            and entry.category in (Category.REGION, Category.CITY, Category.CAPITAL)
            and norm.startswith(("'s ", "’s "), m.end)
        ):
            own = gazetteer().country(entry.country)
            if own is not None:
                return entity_actor(own, original, m.start, m.end)
    return None


def _appositive(
    norm: str,
    c_start: int,
    c_end: int,
    floor: int,
    ceil: int,
    groups: list[_Group],
    places: Sequence[PlaceMention] = (),
) -> tuple[Actor | None, str | None, int | None]:
    """Affiliation and title from ", the Taliban spokesperson," after or before a name."""
    # after: "Name, the Taliban spokesperson,"
    if norm.startswith(", ", c_end):
        stop = norm.find(",", c_end + 2, ceil)
        stop = ceil if stop < 0 else stop
        phrase = norm[c_end + 2 : stop].lower()
        if _CIVIL.search(phrase):
            return None, None, None  # "the head of a human rights group"
        # "Name, the Taliban spokesperson," / "Name, Minister of Foreign Affairs of Panama,"
        title_first = (
            any(
                g.start == c_end + 2
                and g.roles
                # "X, Prime Minister of Canada Justin Trudeau, ...": a name after the title
                # makes it the next item of a list, not what X is
                and not _named_after(norm[g.end : stop])
                for g in groups
            )
            and norm.startswith(",", stop)
            and " and " not in phrase
        )
        if _opens_description(phrase.split(" ", 1)[0]) or title_first:
            if _relation_of().match(phrase):
                return None, None, None  # "X, a rival of the GNA,": not the GNA's own
            kin = _KIN_OF.match(phrase) is not None
            for g in groups:
                if c_end < g.start < stop and g.affiliation is not None:
                    # "Name, the sister of North Korean leader Y,": Y's side, not Y's title
                    return g.affiliation, None if kin else " ".join(g.roles) or None, g.end
            if kin:
                return None, None, None
            for g in groups:
                if c_end < g.start < stop and g.roles:
                    # "Name, the President of Zanzibar,": an office of a place in one state
                    region = next(
                        (p for p in places
                         if g.end < p.start < stop and norm[g.end : p.start] == " of "
                         and p.location.country),
                        None,
                    )  # fmt: skip
                    if region is not None and region.location.country:
                        return state_actor(region.location.country), " ".join(g.roles), g.end
                    return None, " ".join(g.roles), g.end
    # before: "the chief of the Taliban's political office, Name"
    if norm[max(floor, c_start - 2) : c_start] == ", ":
        lo = max(norm.rfind(",", floor, c_start - 2) + 1, floor)
        for cut in (" that ", " and ", " with ", " met ", " by "):
            k = norm.rfind(cut, lo, c_start - 2)
            if k >= 0:
                lo = max(lo, k + len(cut) - 1)
        segment = norm[lo : c_start - 2].split()
        while segment and (segment[0].lower() in _CONNECTORS or not segment[0].strip("\"'“”‘’")):
            segment = segment[1:]  # "But Georgia's interior ministry spokesman, Name"
        if (
            _FINITE_VERB.search(norm, lo, c_start - 2)
            or _has_verb(segment)
            or (
                len(segment) > 4
                and segment[0].lower() not in _DETERMINERS
                and not segment[0].endswith(("'s", "’s"))  # "Egypt's Minister for Foreign Affairs"
            )
        ):
            # "Ukrainian troops have recaptured X, Deputy Minister Y said": a clause, no
            # appositive describing Y (one is "the chief of ...", or a few title words)
            return None, None, None
        if segment and segment[-1].islower() and _plural_official(segment[-1]):
            # "met the SCO leaders, ministry spokesman Y said": many people, no appositive
            # (not "a spokesman for the Rapid Support Forces, Y": a name's last word)
            return None, None, None
        for g in reversed(groups):
            if lo <= g.start and g.end <= c_start - 2 and g.affiliation is not None:
                after = norm[g.end : c_start - 2].lower().split()
                if g.affiliation.kind is ActorKind.STATE and any(
                    vocabulary().has("non_state_word", w) for w in after
                ):
                    # "a spokesman for the Afghan opposition, X": not the state's
                    return None, None, None
                before = norm[max(lo, g.start - 8) : g.start].lower()
                if before.endswith(("to ", "in ", "on ", "to the ", "in the ", "at the ", "at ")):
                    continue  # "Kenya's ambassador to the UN, X": the UN is the posting
                roles = [r for h in groups if lo <= h.start < c_start - 2 for r in h.roles]
                if roles:
                    return g.affiliation, " ".join(roles), g.end
                if segment and segment[-1].lower() in lexicon().official_nouns:
                    # "his Ghanaian counterpart, President X"
                    return g.affiliation, None, g.end
        # "Putin's spokesman, Dmitry Peskov,": a title with no party named in it
        titled = [g for g in groups if lo <= g.start and g.end == c_start - 2 and g.roles]
        if titled and len(segment) <= 4:
            return None, " ".join(titled[-1].roles), titled[-1].end
    return None, None, None


def _named_after(rest: str) -> bool:
    """Whether a name ends the phrase after a title ("Prime Minister of Canada| Justin
    Trudeau"), not a possessor ("UN Secretary General| Kofi Annan's special advisor")."""
    rest = rest.strip()
    return rest[:1].isupper() and "'s" not in rest and "’s" not in rest


def _plural_official(word: str) -> bool:
    """ "leaders", "ministers": the plural of an official noun (many people, whom no
    appositive of one name describes)."""
    return word in lexicon().official_nouns and vocabulary().noun_lemma(word) != word


def _opens_description(word: str) -> bool:
    """Whether ``word`` opens a noun phrase that describes a name before it ("X, the
    envoy,", "X, another army spokesman")."""
    vocab = vocabulary()
    return (
        word in _DETERMINERS
        or vocab.has("determiner", word)
        or vocab.has("possessive_pronoun", word)
    )


def _adverb(word: str) -> bool:
    """ "Separately", "Nevertheless": a sentence adverb, no name."""
    low = word.lower()
    vocab = vocabulary()
    return vocab.has("adverb", low) or (low.endswith("ly") and len(low) > 5)


def _has_verb(words: list[str]) -> bool:
    """Whether a finite verb stands among ``words`` ("Peruvian troops resume attacks"),
    a word that is no noun too."""
    vocab = vocabulary()
    for word in words:
        low = word.strip(",.;:'\"").lower()
        if vocab.is_verb_form(low, "ed", "s") and low not in vocab.noun_forms:
            return True
    return False


def _person(name: str, title: str | None, affiliation: Actor | None, mention: Span) -> Actor:
    country = organization = None
    if affiliation is not None:
        country = affiliation.country
        organization = affiliation.organization
    return Actor(name=name, kind=ActorKind.PERSON, country=country, organization=organization,
                 title=title, mention=mention)  # fmt: skip
