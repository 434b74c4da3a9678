"""Keys by which two actors are the same party, the same person or the same voice."""

from __future__ import annotations

from ...model import Actor, ActorKind

__all__ = ["actor_key", "side_key", "voice_key"]


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
