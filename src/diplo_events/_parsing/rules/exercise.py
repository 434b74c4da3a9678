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

from ...model import Actor, MilitaryExercise
from ..annotate.dates import find_durations
from ..annotate.mentions import ActorMention
from ..annotate.numbers import find_counts
from ..annotate.vocabulary import vocabulary
from ..document.merge import Link
from ..syntax import Phrase, Tag
from .affiliation import affiliate
from .codes import exercise_codes
from .context import actor_key, side_key
from .engine import Built, Context
from .frames import date_of, location_of, phrase_actors

__all__ = ["build"]

#: Verbs whose object names who takes part in the exercise the verb's subject is.
_INVOLVE = frozenset({"involve", "include", "feature", "bring together", "bring", "gather",
                      "draw", "comprise", "see"})  # fmt: skip


@functools.cache
def _nouns(name: str) -> str:
    forms = sorted(vocabulary().forms(name), key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms)


def _unique(mentions: list[ActorMention]) -> list[Actor]:
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


def _involved(ctx: Context) -> list[ActorMention]:
    """ "drills involving A and B", "the exercise includes troops from A": the object of a
    verb whose subject is the exercise phrase."""
    m = ctx.view.match
    out: list[ActorMention] = []
    for pred in ctx.syn.predicates:
        if pred.lemma not in _INVOLVE or pred.subject is None:
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


def _name(ctx: Context) -> str | None:
    syn = ctx.syn
    m = ctx.view.match
    toks = syn.tokens
    tags = syn.tags
    text = ctx.article.original
    # "Exercise Cobra Gold", "Drills Sea Breeze": the capitalized trigger, then the name
    if toks[m.first].text[:1].isupper():
        j = m.end
        words = []
        while (
            j < len(toks)
            and (tags[j] in (Tag.CAP, Tag.NUM) or toks[j].text[:1].isupper())
            and (tags[j] not in (Tag.DATE,))
        ):
            words.append(j)
            j += 1
        if words and (
            m.first > 0 and toks[m.first].text == "Exercise" or tags[words[0]] == Tag.CAP
        ):
            return text[toks[words[0]].start : toks[words[-1]].end]
    # a name inside the phrase, before the noun: "the annual Cobra Gold exercise"
    p = m.phrase
    if p is not None and p.first < m.first:
        run: list[int] = []
        for i in range(p.first, m.first):
            if tags[i] in (Tag.CAP, Tag.NUM) and toks[i].text[:1].isupper():
                run.append(i)
            elif tags[i] == Tag.NUM and run:
                run.append(i)
            elif run and i == run[-1] + 1 and toks[i].text in ("-",):
                continue
            else:
                run = [] if tags[i] != Tag.CAP else run
        if run and run[-1] == m.first - 1:
            return text[toks[run[0]].start : toks[run[-1]].end]
    # a quoted or introduced name after it: 'drills, code-named "Iron Wolf"', "dubbed X"
    j = m.end
    while j < len(toks) and j < m.end + 4 and tags[j] in (Tag.COMMA, Tag.QUOTE, Tag.VERB,
                                                          Tag.WORD):  # fmt: skip
        if toks[j].low in ("dubbed", "code-named", "codenamed", "named", "called"):
            k = j + 1
            while k < len(toks) and tags[k] == Tag.QUOTE:
                k += 1
            run = []
            while k < len(toks) and (toks[k].text[:1].isupper() or tags[k] == Tag.NUM):
                run.append(k)
                k += 1
            if run:
                return text[toks[run[0]].start : toks[run[-1]].end]
        j += 1
    return None


def _counts(ctx: Context) -> tuple[int | None, int | None, int | None]:
    norm = ctx.article.norm
    s, e = ctx.sentence.start, ctx.sentence.end
    troops = find_counts(norm, _nouns("personnel_noun"), s, e)
    ships = find_counts(norm, _nouns("vessel_noun"), s, e)
    aircraft = find_counts(norm, _nouns("aircraft_noun"), s, e)
    return (troops[0] if troops else None, ships[0] if ships else None,
            aircraft[0] if aircraft else None)  # fmt: skip


def _definite(ctx: Context, p: Phrase | None) -> bool:
    if p is None:
        return False
    return ctx.syn.tokens[p.first].low in ("the", "this", "these", "that", "its", "their")


def build(ctx: Context) -> Built:
    parties = _unique([*ctx.roles.get("participants"), *_involved(ctx)])
    parties = [affiliate(a, ctx.article, ctx.state) for a in parties]
    name = _name(ctx)
    location = location_of(ctx.view, ctx.roles)
    troops, ships, aircraft = _counts(ctx)
    durations = find_durations(ctx.article.norm, ctx.sentence.start, ctx.sentence.end)
    sides = {side_key(a) for a in parties}
    joint = len(sides) >= 2 or bool(ctx.effects.get("joint"))
    cameo, plover = exercise_codes(joint)
    link = Link.NEW
    if not parties and not name and _definite(ctx, ctx.view.match.phrase):
        link = Link.REFERS  # "the drills": the exercise told before
    return [(
        MilitaryExercise(
            id="pending",
            evidence=(ctx.article.span(ctx.sentence.start, ctx.sentence.end),),
            date=date_of(ctx.view, ctx.sentence.dates),
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
