"""Military exercises from a filled frame: participants, name, size, place, day.

The participants are the parties that hold, join or take part in the drills (the doer
of the verb that governs the exercise noun, the names inside its phrase: "Chinese and
Russian drills", and "with X" / "involving X"). The name is the capitalized name inside
or right after the phrase ("the Zapad-2021 exercise", "Exercise Cobra Gold", "drills
code-named X"). Troops, ships and aircraft are the counts before personnel, vessel and
aircraft nouns in the sentence.
"""

from __future__ import annotations

import functools
import re

from ...model import Actor, ActorKind, LocationKind, MilitaryExercise
from ..annotate.dates import find_durations
from ..annotate.gazetteer import known_body
from ..annotate.mentions import ActorMention, state_actor
from ..annotate.numbers import find_counts, first_number
from ..annotate.vocabulary import VerbForm, vocabulary
from ..document.keys import side_key
from ..document.merge import Link
from ..syntax import Phrase, Tag
from .affiliation import affiliate
from .codes import exercise_codes
from .engine import Built, Context
from .frames import date_of, lead_day, location_of, phrase_actors, spoken_of, unique_actors

__all__ = ["build"]


@functools.cache
def _nouns(name: str) -> str:
    forms = sorted(vocabulary().forms(name), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


def _involved(ctx: Context) -> list[ActorMention]:
    """ "drills involving A and B", "the exercise includes troops from A": the object of a
    verb whose subject is the exercise phrase."""
    m = ctx.view.match
    out: list[ActorMention] = []
    for pred in ctx.syn.predicates:
        if not vocabulary().has("involve_verb", pred.lemma) or pred.subject is None:
            continue
        subj = pred.subject
        if not (subj.first <= m.first < max(subj.end, m.end)):
            continue
        if pred.object is not None:
            out.extend(phrase_actors(pred.object))
            for pp in pred.object.modifiers:
                if pp.phrase is not None:
                    out.extend(phrase_actors(pp.phrase))
        for pp in pred.pps:
            if pp.prep in ("from", "of") and pp.phrase is not None:
                out.extend(phrase_actors(pp.phrase))
    return out


_QUOTE_MARKS = frozenset({"'", "‘", "’"})  # (single marks: the tagger reads no quote)
_NAMING_WORDS = frozenset({"dubbed", "code-named", "codenamed", "named", "called", "titled",
                           "code", "nicknamed"})  # fmt: skip


def _nameable(ctx: Context, i: int) -> bool:
    """Whether token ``i`` may be part of an exercise's name: a capitalized word or a number
    that no known state, body, title or named person stands on."""
    syn = ctx.syn
    tok = syn.tokens[i]
    if not (tok.text[:1].isupper() or tok.text[:1].isdigit()):
        return False
    if syn.tags[i] in (Tag.DATE, Tag.QUOTE, Tag.PUNCT, Tag.COMMA, Tag.DET):
        return False
    start, end = tok.start, tok.end
    for a in ctx.sentence.actors:
        if a.start < end and start < a.end and a.actor is not None:
            actor = a.actor
            if a.bare:
                continue
            if actor.kind.value == "person" and not actor.title:
                continue  # an untitled "name" ("NATO's Steadfast Defender 2024 exercise")
            if (
                actor.kind.value in ("organization", "armed_group")
                and not known_body(actor.organization)
                and actor.country is None
            ):
                continue  # an unknown acronym or body: "the SLINEX exercise"
            return False
    for p in ctx.sentence.places:
        if p.start < end and start < p.end:
            kind = p.location.kind
            # "the Aegean Shield drill": a sea or region may open a name, not end it
            nxt = i + 1
            opens = (
                nxt < len(syn.tokens)
                and syn.tokens[nxt].text[:1].isupper()
                and (syn.tags[nxt] in (Tag.CAP, Tag.NUM) or p.end <= syn.tokens[nxt].start)
            )
            if kind is not None and kind.value == "country":
                return False
            if kind is not None and kind.value in ("water", "border") and not opens:
                return False
    forms = vocabulary().verb_forms.get(tok.low, frozenset())
    if forms and VerbForm.BASE not in forms and tok.low not in vocabulary().noun_forms:
        return False  # "NATO Begins War Games": a headline's verb, no name
    head, _, unit = tok.low.partition("-")
    if head.isdigit() and vocabulary().has("time_noun", unit):
        return False  # "an 11-day exercise", "a 12-day Baltic drill": how long, no name
    return tok.low not in _NOT_NAME


_NOT_NAME = frozenset({"the", "a", "an", "joint", "military", "naval", "army", "air", "navy",
                       "exercise", "exercises", "drill", "drills", "monday", "tuesday",
                       "wednesday", "thursday", "friday", "saturday", "sunday", "operation",
                       "sino", "indo"})  # fmt: skip


def _names_person(ctx: Context, first: int, end: int) -> bool:
    """Whether a person mention lies in tokens ``[first, end)`` ("the drill Kim Jong Un
    oversaw")."""
    lo, hi = ctx.syn.start(first), ctx.syn.end(end)
    return any(
        a.actor is not None and a.actor.kind is ActorKind.PERSON and lo <= a.start < hi
        for a in ctx.sentence.actors
    )


def _run_text(ctx: Context, first: int, end: int) -> str:
    syn = ctx.syn
    return ctx.article.original[syn.tokens[first].start : syn.tokens[end - 1].end]


def _name(ctx: Context) -> tuple[str | None, tuple[int, int]]:
    """The exercise's name and the tokens it covers (a name has a letter: "3,000" is none)."""
    name, span = _name_run(ctx)
    if name is None or not any(c.isalpha() for c in name):
        return None, (0, 0)
    return name, span


def _name_run(ctx: Context) -> tuple[str | None, tuple[int, int]]:
    syn = ctx.syn
    m = ctx.view.match
    toks = syn.tokens
    tags = syn.tags
    n = len(toks)

    def run_after(j: int) -> int:
        k = j
        while k < n and _nameable(ctx, k):
            k += 1
        return k

    # "Exercise Cobra Gold", "Drills Sea Breeze": the capitalized trigger, then the name
    if toks[m.first].text[:1].isupper():
        k = run_after(m.end)
        if k > m.end:
            return _run_text(ctx, m.end, k), (m.end, k)
    # "the Golden Dragon-2024 joint exercise": a name before the trigger, over modifiers
    j = m.first - 1
    skipped = 0
    while j >= 0 and tags[j] == Tag.WORD and skipped < 3 and toks[j].text[:1].islower():
        j -= 1
        skipped += 1
    aside = j
    while (
        aside >= 0
        and skipped < 3
        and (
            (tags[aside] == Tag.WORD and toks[aside].text[:1].islower())
            or (tags[aside] == Tag.ACTOR and "-" in toks[aside].text)  # "Russian-Belarusian"
        )
    ):
        aside -= 1
        skipped += 1
    if aside >= 0 and toks[aside].text == ")":
        j = aside
    if j >= 0 and toks[j].text == ")":
        # "the Zapad-2017 (or West 2017) joint drills": over an aside in brackets
        k = j - 1
        while k >= 0 and toks[k].text != "(" and j - k < 8:
            k -= 1
        if k >= 0 and toks[k].text == "(":
            j = k - 1
            while j >= 0 and tags[j] == Tag.WORD and toks[j].text[:1].islower():
                j -= 1
    if j >= 0 and tags[j] == Tag.QUOTE:
        k = j - 1
        while k >= 0 and tags[k] != Tag.QUOTE and j - k < 8:
            k -= 1
        if k >= 0 and tags[k] == Tag.QUOTE and k + 1 < j:
            return _run_text(ctx, k + 1, j), (k + 1, j)
    end = j + 1
    while j >= 0 and _nameable(ctx, j):
        j -= 1
    if j + 1 < end:
        return _run_text(ctx, j + 1, end), (j + 1, end)
    # "the NATO exercise Iron Wolf": a name right after a singular noun (not the subject of
    # a clause that follows: "the drill Kim Jong Un oversaw")
    k = run_after(m.end)
    clause = k < n and tags[k] in (Tag.VERB, Tag.AUX, Tag.MODAL)
    if k > m.end and not (clause and _names_person(ctx, m.end, k)):
        return _run_text(ctx, m.end, k), (m.end, k)
    # "a naval exercise, Varuna, off Goa": a name in apposition
    if m.end < n and tags[m.end] == Tag.COMMA:
        k = run_after(m.end + 1)
        if k > m.end + 1 and (k >= n or tags[k] in (Tag.COMMA, Tag.PREP, Tag.PUNCT)):
            return _run_text(ctx, m.end + 1, k), (m.end + 1, k)
    # "drills, dubbed Joint Sword-2024A", 'code-named "Iron Wolf"'
    for i in range(len(toks)):
        if toks[i].low in _NAMING_WORDS and abs(i - m.first) <= 12:
            k = i + 1
            while k < n and (
                tags[k] in (Tag.QUOTE, Tag.DET)
                or toks[k].text in _QUOTE_MARKS
                or toks[k].low == "named"
            ):  # "dubbed the 'Ulchi Freedom Shield'"
                k += 1
            e = k  # after "dubbed", any capitalized run is the name ("Joint Sword-2024A")
            while (
                e < n
                and (
                    toks[e].text[:1].isupper()
                    # "named Desert Flag 9", "dubbed Zapad 2021" (not "3,000 troops")
                    or (e > k and toks[e].text.isdigit() and len(toks[e].text) <= 4)
                )
                and tags[e] not in (Tag.DATE, Tag.QUOTE, Tag.PUNCT, Tag.COMMA)
            ):
                e += 1
            if e > k:
                return _run_text(ctx, k, e), (k, e)
    # a quoted name right after: 'drills "Northern Shield"'
    marks = (Tag.QUOTE, Tag.BRACKET)
    if m.end < n and tags[m.end] in marks and toks[m.end].text != "(":
        k = m.end + 1
        e = k
        while e < n and tags[e] not in marks and e - k < 8:
            e += 1
        if e < n and tags[e] in marks and e > k:
            return _run_text(ctx, k, e), (k, e)
    return None, (0, 0)


def _sides(parties: list[Actor]) -> list[Actor]:
    """An exercise is held by states and organizations: a person stands for the state or
    body they serve ("Defence Minister X oversaw the drills"); one with neither is no
    participant."""
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
    if any(p.country or p.organization for p in out):
        # "troops from A and B joined the military drills": "military", a force of no state
        # told beside the states that take part, is none of them
        out = [p for p in out if p.country or p.organization or not _force_word(p.name)]
    return out


def _force_word(name: str) -> bool:
    """Whether ``name`` is only a word for armed forces ("military", "the army")."""
    words = name.lower().split()
    return bool(words) and all(
        vocabulary().has("force_noun", w) or vocabulary().has("definite_determiner", w)
        for w in words
    )


def _counts(ctx: Context) -> tuple[int | None, int | None, int | None]:
    return _counts_in(ctx.article.norm, ctx.sentence.start, ctx.sentence.end)


@functools.lru_cache(maxsize=1)
def _counts_in(norm: str, s: int, e: int) -> tuple[int | None, int | None, int | None]:
    """Troops, ships and aircraft counted in ``norm[s:e]`` (kept for the sentence last
    read: its other triggers ask again)."""
    first = first_number(norm, s, e)
    if first is None:
        return None, None, None  # no number: no count
    troops = find_counts(norm, _nouns("personnel_noun"), first, e)
    ships = find_counts(norm, _nouns("vessel_noun"), first, e)
    aircraft = find_counts(norm, _nouns("aircraft_noun"), first, e)
    return (troops[0] if troops else None, ships[0] if ships else None,
            aircraft[0] if aircraft else None)  # fmt: skip


def _definite(ctx: Context, p: Phrase | None) -> bool:
    if p is None:
        return False
    return vocabulary().has("definite_determiner", ctx.syn.tokens[p.first].low)


#: A detail sentence ("It involves 3,000 troops") adds to an exercise told at most this
#: many sentences before.
DETAIL_SENTENCES = 2


def _unmet(ctx: Context, parties: list[Actor]) -> str | None:
    for need in ctx.pattern.require:
        if need == "recent_exercise" and (
            ctx.sentence.index - ctx.state.last_exercise_sentence > DETAIL_SENTENCES
        ):
            return "no exercise told just before"
        if need == "joint_or_forces" and len(parties) < 2 and not _forces(ctx):
            return "two sides or armed forces"
    return None


def _forces(ctx: Context) -> bool:
    """ "Estonian soldiers trained", "the navy drilled": armed men do it."""
    vocab = vocabulary()
    for p in ctx.roles.phrases.get("participants", ()):
        if vocab.has("force_noun", p.head_word) or vocab.has("personnel_noun", p.head_word):
            return True
        if any(a.actor is not None and a.actor.kind is ActorKind.ARMED_GROUP for a in p.parties()):
            return True
    return False


def build(ctx: Context) -> Built:
    detail = "recent_exercise" in ctx.pattern.require
    name, (n0, n1) = _name(ctx) if not detail else (None, (0, 0))
    lo, hi = ctx.syn.start(n0), ctx.syn.end(n1)
    mentions = [a for a in (*ctx.roles.get("participants"), *_involved(ctx))
                if not (name and lo <= a.start < hi)]  # fmt: skip
    parties = _sides([affiliate(a, ctx.article, ctx.state) for a in unique_actors(mentions)])
    location = location_of(ctx.view, ctx.roles, ctx.article.home)
    if location is not None and location.kind is LocationKind.REGION and not location.country:
        location = None  # "Special Operations Command in Africa": a continent is no site
    home = ctx.article.home
    if location is None and home is not None and home.country in {a.country for a in parties}:
        location = home  # "MOSCOW - Russian troops began drills": at home, as far as told
    if (
        not parties
        and not detail
        and not ctx.effects.get("drop_roles")  # "X condemned the drills at a briefing in Y"
        and location is not None
        and location.country
        and location.kind is not None
        and location.kind.value in ("country", "city", "region")
    ):
        parties = [state_actor(location.country)]  # "a drill held in Chile": Chile's own
    missing = _unmet(ctx, parties)
    if missing:
        return f"needs {missing}"
    troops, ships, aircraft = _counts(ctx)
    durations = find_durations(ctx.article.norm, ctx.sentence.start, ctx.sentence.end)
    sides = {side_key(a) for a in parties}
    joint = len(sides) >= 2 or bool(ctx.effects.get("joint"))
    cameo, plover = exercise_codes(joint)
    link = Link.NEW
    told = {side_key(a) for a in ctx.state.last_exercise}
    if (
        not name
        and _definite(ctx, ctx.view.match.phrase)
        and (not parties or (spoken_of(ctx.view) and {side_key(a) for a in parties} <= told))
    ):
        # "the drills": the exercise told before; "slammed reactions to its drills": told
        # again in what is said or done about it
        link = Link.REFERS
    gov, how = ctx.view.governing
    if (
        not name
        and _definite(ctx, ctx.view.match.phrase)
        and gov is not None
        and (
            (vocabulary().has("continuation_verb", gov.lemma) and (not told or sides <= told))
            or (how == "subject" and sides & told)
        )
    ):
        # "held drills on Tuesday and continued the exercises on Wednesday"; "These exercises
        # will bring together 350 troops of each side": the exercise told, spoken of again
        link = Link.REFERS
    subject = gov.subject if gov is not None and how == "object" else None
    if (
        not name
        and subject is not None
        and _definite(ctx, subject)
        and vocabulary().has("exercise_noun", subject.head_word)
        and sides & told
    ):
        link = Link.REFERS  # "These exercises will include live-fire training": the same
    if detail:
        link = Link.REFERS  # "It involves 3,000 troops": more on the exercise told
    return [(
        MilitaryExercise(
            id="pending",
            evidence=(ctx.article.span(ctx.sentence.start, ctx.sentence.end),),
            date=date_of(ctx.view, ctx.sentence.dates)
            or lead_day(ctx.view, ctx.article, ctx.sentence),
            location=location,
            modality=ctx.modality(),
            confidence=0.6,
            rule=ctx.pattern.id,
            cameo=cameo,
            plover=plover,
            participants=tuple(parties),
            name=name,
            troops=troops,
            ships=ships,
            aircraft=aircraft,
            duration_days=durations[0][2] if durations else None,
        ),
        link,
    )]  # fmt: skip
