"""Keys by which two actors are the same party, the same person or the same voice."""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Actor, ActorKind

__all__ = ["actor_key", "side_key", "voice_key", "who_key", "who_keys"]


def actor_key(actor: Actor) -> str:
    """The key two mentions share when they name the same actor (each person is its own)."""
    if actor.kind is ActorKind.PERSON:
        return f"person:{actor.name}"
    return actor.country or actor.organization or actor.name.lower()  # "Rebels", "rebels"


def side_key(actor: Actor) -> str:
    """The party an actor stands for: a person's state or organization when known."""
    if actor.kind is ActorKind.PERSON and not (actor.country or actor.organization):
        return f"person:{actor.name}"
    return actor.country or actor.organization or actor.name.lower()  # "Rebels", "rebels"


def voice_key(actor: Actor) -> str:
    """Who speaks: a named person, or a party speaking through one role."""
    if actor.kind is ActorKind.PERSON:
        return f"person:{actor.name}"
    return f"{side_key(actor)}:{actor.title or ''}"


def who_key(actor: Actor) -> str:
    """A person by name (whatever state the text gave them where), anyone else by side."""
    return actor.name if actor.kind is ActorKind.PERSON else side_key(actor)


def who_keys(actors: Iterable[Actor]) -> set[str]:
    """The sides of ``actors`` and the names of its persons: what two happenings share when
    one person or side takes part in both."""
    out: set[str] = set()
    for a in actors:
        out.add(side_key(a))
        out.add(who_key(a))
    return out
