"""The armed group a story's unnamed fighters belong to, as far as the story tells.

Run on the candidates, before the merge. A story that names exactly one armed group
("the Seleka alliance") and elsewhere speaks of "rebels", "the insurgents" or "Rebel
Colonel X" speaks of that group: those actors are given its key (``organization``), so
that events told of "the rebels" and of "Seleka" are one side. A story that names no armed
group keys its unnamed fighters as the rebels of the state it is about ("Afghan rebels"),
when one state clearly leads it; a story that names several changes nothing.
"""

from __future__ import annotations

import attrs

from ...model import (
    Actor,
    ActorKind,
    Event,
    Meeting,
    MilitaryExercise,
    Statement,
    TerritorialChange,
)
from ..annotate.gazetteer import demonym_of
from ..annotate.vocabulary import vocabulary
from .article import Article, home_state

__all__ = ["StoryGroup", "name_groups", "story_group"]

#: The noun of the key of a story's rebels the story does not name ("Afghan rebels").
REBELS = "rebels"


@attrs.frozen
class StoryGroup:
    """The side a story's unnamed fighters are given: ``actor`` (its key is the
    ``organization``), ``named`` when the story names it, not only describes it."""

    actor: Actor
    named: bool


def story_group(article: Article) -> StoryGroup | None:
    """The one armed group the story names by name, if it names exactly one; if it names
    none, the rebels of the state the story is about, under that state's demonym ("Afghan
    rebels"), when one state clearly leads it."""
    found: dict[str, Actor] = {}
    for sent in article.sentences:
        for m in sent.actors:
            a = m.actor
            if a is not None and a.kind is ActorKind.ARMED_GROUP and a.organization:
                found.setdefault(a.organization, a)
    if len(found) == 1:
        group = next(iter(found.values()))
        return StoryGroup(attrs.evolve(group, mention=None, title=None), named=True)
    if found:
        return None
    state = home_state(article, dateline=False)
    word = demonym_of(state) if state is not None else None
    if word is None:
        return None
    key = f"{word} {REBELS}"
    return StoryGroup(Actor(name=key, kind=ActorKind.ARMED_GROUP, organization=key), named=False)


def name_groups(event: Event, group: StoryGroup | None) -> Event:
    """``event`` with its unnamed fighters given ``group``'s key (see the module)."""
    if group is None:
        return event
    if isinstance(event, Statement):
        speaker = _of_group(event.speaker, group)
        return event if speaker is event.speaker else attrs.evolve(event, speaker=speaker)
    if isinstance(event, TerritorialChange):
        gainer = _of_group(event.gainer, group) if event.gainer is not None else None
        loser = _of_group(event.loser, group) if event.loser is not None else None
        if gainer is event.gainer and loser is event.loser:
            return event
        return attrs.evolve(event, gainer=gainer, loser=loser)
    if isinstance(event, Meeting | MilitaryExercise):
        parts = tuple(_of_group(a, group) for a in event.participants)
        if all(a is b for a, b in zip(parts, event.participants, strict=True)):
            return event
        return attrs.evolve(event, participants=parts)
    return event  # pragma: no cover


def _of_group(actor: Actor, side: StoryGroup) -> Actor:
    """``actor`` with ``side``'s key when it is unnamed fighters ("the rebels") or a person
    with a fighter's title and no side ("Rebel Colonel X")."""
    group = side.actor
    if actor.organization is not None:
        return actor
    vocab = vocabulary()
    words = [w for w in actor.name.lower().split() if not vocab.has("determiner", w)]
    key = (group.organization or "").lower().split()
    described = bool(words) and (
        all(vocab.has("unnamed_group_word", w) for w in words)
        # "Moslem guerrillas", "Tamil rebels": fighters named by who they are, not by a name
        # (when the story names no group: a named one is only its own)
        or (not side.named and vocab.has("fighter_title_word", words[-1]))
    )
    armed = any(vocab.has("fighter_title_word", w) or vocab.has("armed_word", w) for w in words)
    if (
        actor.kind is ActorKind.ARMED_GROUP
        and words
        and (described or (key and " ".join(key) in " ".join(words)))
    ) or (actor.kind is ActorKind.ORGANIZATION and described and armed):
        # "the rebels", "rebel fighters", "an armed ethnic minority group (in Myanmar)",
        # "the Taliban religious army" (not "opposition forces", not a named group); the
        # state it fights in is not its side
        return attrs.evolve(
            actor, kind=ActorKind.ARMED_GROUP, organization=group.organization, country=None
        )
    if actor.country is not None:
        return actor
    if actor.kind is ActorKind.PERSON and any(
        vocab.has("fighter_title_word", w) for w in (actor.title or "").lower().split()
    ):
        return attrs.evolve(actor, organization=group.organization)
    return actor
