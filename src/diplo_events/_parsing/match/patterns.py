"""Patterns as data: one row per phrasing, read from ``data/patterns/*.toml``.

A pattern row names its id (the event's ``rule``), the event type, the trigger (verb or noun
lemmas, or a preposition, as words or ``@class`` names from the vocabulary), the frame
(which syntactic role fills which event role), vetoes and cues (named conditions from
``data/patterns/conditions.toml``), and invented example sentences with the expected
output. :func:`patterns` reads and checks every file once; a malformed row is an error
naming its file and id.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from typing import Any

import attrs

from ..annotate.vocabulary import Vocabulary, vocabulary

__all__ = [
    "EVENT_ROLES",
    "REQUIREMENTS",
    "SYNTAX_ROLES",
    "Condition",
    "Cue",
    "Example",
    "Pattern",
    "PatternSet",
    "Trigger",
    "load_patterns",
    "patterns",
]

#: The event roles a frame may fill, by event type.
EVENT_ROLES: Mapping[str, frozenset[str]] = {
    "meeting": frozenset({"participants", "host", "guest", "location"}),
    "military_exercise": frozenset({"participants", "location"}),
    "territorial_change": frozenset({"gainer", "loser", "places", "location"}),
    "statement": frozenset({"speaker", "location"}),
}
#: What a pattern may require of the event it makes (checked by the event type's builder).
REQUIREMENTS: Mapping[str, frozenset[str]] = {
    # two sides named in the sentence itself ("the two also discussed X" adds no meeting)
    "meeting": frozenset({"two_parties"}),
    # two sides, or armed men ("soldiers trained near X"); an exercise told just before
    "military_exercise": frozenset({"joint_or_forces", "recent_exercise"}),
    "territorial_change": frozenset(
        # "local_places": towns, not a whole state ("stormed into Kuwait" is no capture of it)
        {
            "gainer",
            "places",
            "forces",
            "places_or_forces",
            "specific_ground",
            "local_places",
            "forces_moved",
            "places_or_ground_left",
        }
    ),
    "statement": frozenset(),
}
#: Syntactic roles a frame may read (and any preposition, as "pp:<preposition>").
SYNTAX_ROLES = frozenset(
    {
        "subject",  # the grammatical subject
        "object",  # the phrase right after the verb
        "doer",  # who does it: the passive agent, else the subject
        "undergoer",  # what it is done to: the passive subject, else the object
        "possessor",  # names inside a trigger noun's phrase before it ("Russia's withdrawal")
        "governor_doer",  # the doer of the verb a trigger noun is the object of ("held talks")
        "governor_object",  # the object of that verb ("X hosted Y for talks")
        # the subject of the verb a trigger noun's phrase depends on ("Bunia is in the hands
        # of the militia": Bunia)
        "governor_subject",
        "appositive",  # the phrase after the trigger's phrase, between commas
        "participle_by",  # the agent of a participle after it (", attended by X")
        # the doer of the verb whose "after", "following", "during" or "at" phrase the trigger
        # noun heads ("announced the deal after talks with Y": the announcer talked)
        "framing_doer",
        "framing_addressee",  # the object of that verb when it tells someone ("told Y")
    }
)
_TYPES = frozenset(EVENT_ROLES)
_POS = frozenset({"verb", "noun", "prep"})


@attrs.frozen
class Condition:
    """A test on a match, all of whose given fields must hold (see ``conditions.toml``)."""

    name: str
    about: str
    fields: Mapping[str, Any]


@attrs.frozen
class Cue:
    """A named condition and what follows when it holds."""

    name: str
    about: str
    when: Condition
    then: Mapping[str, Any]


@attrs.frozen
class Trigger:
    """What a pattern fires on: lemmas of one part of speech, with an optional constraint
    on its object's head ("take" + "control")."""

    pos: str
    lemmas: frozenset[str]  # lower case; for prep, the preposition's words
    object_head: frozenset[str] = frozenset()
    object_kind: str | None = None  # "place": the object must name a place
    particle: str | None = None


@attrs.frozen
class Example:
    """An invented sentence and what the pattern must make of it."""

    text: str
    published: str | None
    expect: Mapping[str, Any]  # "none" = True, or event fields (see tests)


@attrs.frozen
class Pattern:
    """One phrasing of one event type."""

    id: str
    type: str
    trigger: Trigger
    frame: Mapping[str, tuple[str, ...]]
    family: str | None
    kind: str | None
    vetoes: tuple[Condition, ...]
    cues: tuple[Cue, ...]
    require: tuple[str, ...]
    examples: tuple[Example, ...]
    about: str
    source: str  # the file it came from


@attrs.frozen(eq=False)
class PatternSet:
    """Every pattern, with the conditions they refer to."""

    patterns: tuple[Pattern, ...]
    conditions: Mapping[str, Condition]
    cues: Mapping[str, Cue]

    def by_id(self, pattern_id: str) -> Pattern:
        for p in self.patterns:
            if p.id == pattern_id:
                return p
        raise KeyError(pattern_id)


class PatternError(ValueError):
    """A malformed pattern or condition file."""


def _expand_words(value: Any, vocab: Vocabulary, where: str) -> frozenset[str]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise PatternError(f"{where}: expected a word, a @class or a list of them")
    out: set[str] = set()
    for item in items:
        if item.startswith("@"):
            try:
                kind = vocab.kinds[item[1:]]
                forms = vocab.forms(item)
            except KeyError:
                raise PatternError(f"{where}: unknown vocabulary class {item}") from None
            if kind == "verb":
                out |= {vocab.lemma(f) for f in forms}
            elif kind == "noun":
                out |= {vocab.noun_lemma(f) for f in forms}
            else:
                out |= forms
        else:
            out.add(item.lower())
    return frozenset(out)


_CONDITION_FIELDS = frozenset({
    "clause_has", "sentence_has", "sentence_has_not", "modifier", "right_before", "right_after",
    "governor", "governor_not", "object_head", "object_head_not", "subject_head", "doer_head",
    "undergoer_head", "undergoer_is", "doer_is", "subject_is", "passive", "negated", "quoted",
    "pp", "no_pp", "after_in_clause", "before_in_clause", "trigger_word", "trigger_word_not",
    "governed_as", "in_subject", "segment_kind", "followed_by_clause", "gerund", "infinitive",
    "perfect", "participle", "capitalized", "lemma", "head_of_phrase", "doer_person",
    "quote_after", "doer_has", "governs_infinitive", "after_object", "lemma_not", "host_head",
    "from_head", "from_is", "after_object_not", "right_before_not", "governed_as_not",
    "object_complement", "doer_affiliated", "before_in_clause_not", "governor_doer_is",
})  # fmt: skip
_CUE_EFFECTS = frozenset({"modality", "family", "joint", "kind", "confidence", "drop_roles",
                          "generic", "home_ground", "content"})  # fmt: skip


def _condition(name: str, raw: Mapping[str, Any], where: str) -> Condition:
    fields = {k: v for k, v in raw.items() if k not in ("about", "then", "when")}
    unknown = set(fields) - _CONDITION_FIELDS
    if unknown:
        raise PatternError(f"{where}: condition {name!r}: unknown test(s) {sorted(unknown)}")
    return Condition(name=name, about=str(raw.get("about", "")), fields=fields)


def _read_conditions(
    data: Mapping[str, Any], where: str
) -> tuple[dict[str, Condition], dict[str, Cue]]:
    conditions = {n: _condition(n, raw, where) for n, raw in data.get("veto", {}).items()}
    cues: dict[str, Cue] = {}
    for name, raw in data.get("cue", {}).items():
        then = raw.get("then", {})
        bad = set(then) - _CUE_EFFECTS
        if bad:
            raise PatternError(f"{where}: cue {name!r}: unknown effect(s) {sorted(bad)}")
        when = _condition(name, raw.get("when", {}), where)
        cues[name] = Cue(name=name, about=str(raw.get("about", "")), when=when, then=dict(then))
    return conditions, cues


def _pattern(
    raw: Mapping[str, Any],
    source: str,
    vocab: Vocabulary,
    conditions: Mapping[str, Condition],
    cues: Mapping[str, Cue],
) -> Pattern:
    pid = raw.get("id")
    if not isinstance(pid, str) or not pid:
        raise PatternError(f"{source}: a pattern without an id")
    where = f"{source}: {pid}"
    etype = raw.get("type")
    if etype not in _TYPES:
        raise PatternError(f"{where}: type must be one of {sorted(_TYPES)}")
    trig = raw.get("trigger")
    if not isinstance(trig, Mapping):
        raise PatternError(f"{where}: trigger must be a table")
    pos = [p for p in _POS if p in trig]
    if len(pos) != 1:
        raise PatternError(f"{where}: the trigger needs exactly one of verb, noun, prep")
    lemmas = _expand_words(trig[pos[0]], vocab, where)
    if pos[0] == "verb":
        unknown = sorted(w for w in lemmas if w not in vocab.verb_forms)
        if unknown:
            raise PatternError(f"{where}: trigger verb(s) not in the vocabulary: {unknown}")
    trigger = Trigger(
        pos=pos[0],
        lemmas=lemmas,
        object_head=_expand_words(trig["object_head"], vocab, where)
        if "object_head" in trig
        else frozenset(),
        object_kind=trig.get("object_kind"),
        particle=trig.get("particle"),
    )
    frame_raw = raw.get("frame", {})
    frame: dict[str, tuple[str, ...]] = {}
    for role, slots in frame_raw.items():
        if role not in EVENT_ROLES[etype]:
            raise PatternError(f"{where}: {etype} has no role {role!r}")
        slots = [slots] if isinstance(slots, str) else slots
        for slot in slots:
            if slot not in SYNTAX_ROLES and not slot.startswith("pp:"):
                raise PatternError(f"{where}: unknown syntactic role {slot!r}")
        frame[role] = tuple(slots)
    vetoes = []
    for v in raw.get("vetoes", []):
        if v not in conditions:
            raise PatternError(f"{where}: unknown veto {v!r}")
        vetoes.append(conditions[v])
    pcues = []
    for c in raw.get("cues", []):
        if c not in cues:
            raise PatternError(f"{where}: unknown cue {c!r}")
        pcues.append(cues[c])
    examples = []
    for ex in raw.get("examples", []):
        if not isinstance(ex, Mapping) or not isinstance(ex.get("text"), str):
            raise PatternError(f"{where}: an example needs a text")
        examples.append(Example(text=ex["text"], published=ex.get("published"),
                                expect=dict(ex.get("expect", {}))))  # fmt: skip
    if len(examples) < 2:
        raise PatternError(f"{where}: at least two invented examples are needed")
    require = tuple(raw.get("require", ()))
    unknown = sorted(set(require) - REQUIREMENTS[etype])
    if unknown:
        raise PatternError(f"{where}: unknown requirement(s) {unknown} for a {etype}")
    return Pattern(
        id=pid,
        type=etype,
        trigger=trigger,
        frame=frame,
        family=raw.get("family"),
        kind=raw.get("kind"),
        vetoes=tuple(vetoes),
        cues=tuple(pcues),
        require=require,
        examples=tuple(examples),
        about=str(raw.get("about", "")),
        source=source,
    )


def load_patterns(
    files: Sequence[tuple[str, str]], condition_text: str, vocab: Vocabulary
) -> PatternSet:
    """A :class:`PatternSet` from (name, text) pattern files and the conditions file."""
    conditions, cues = _read_conditions(tomllib.loads(condition_text), "conditions.toml")
    out: list[Pattern] = []
    seen: set[str] = set()
    for name, text in files:
        for raw in tomllib.loads(text).get("pattern", []):
            p = _pattern(raw, name, vocab, conditions, cues)
            if p.id in seen:
                raise PatternError(f"{name}: duplicate pattern id {p.id!r}")
            seen.add(p.id)
            out.append(p)
    return PatternSet(patterns=tuple(out), conditions=conditions, cues=cues)


_FILES = ("meeting.toml", "exercise.toml", "territory.toml", "statement.toml")


@functools.cache
def patterns() -> PatternSet:
    """The package's patterns, read and checked once."""
    root = resources.files("diplo_events._parsing").joinpath("data/patterns")
    files = [(f, root.joinpath(f).read_text("utf-8")) for f in _FILES]
    conditions = root.joinpath("conditions.toml").read_text("utf-8")
    return load_patterns(files, conditions, vocabulary())
