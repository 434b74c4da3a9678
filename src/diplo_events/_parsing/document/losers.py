"""Who lost ground when the sentence that tells a capture does not say, as far as the story
tells.

Run after the merge and after :func:`~.whereabouts.fill_locations`. A capture by fighters
of no state ("rebels seized two towns") with no loser named was made against the state it
happened in, when that state is known (from the places, else from the story: see
:mod:`.whereabouts`). The loser is that state, named as the gazetteer names it, with no
mention: nothing in the sentence names it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ...model import ActorKind, Event, TerritorialChange, TerritorialChangeKind
from ..annotate.mentions import state_actor

__all__ = ["fill_losers"]


def fill_losers(events: Sequence[Event]) -> list[Event]:
    """``events`` with the state a non-state capture was made against (see the module)."""
    out: list[Event] = []
    for ev in events:
        if (
            isinstance(ev, TerritorialChange)
            and ev.kind is TerritorialChangeKind.CAPTURE
            and ev.loser is None
            and ev.gainer is not None
            and ev.gainer.kind is ActorKind.ARMED_GROUP
            and ev.gainer.country is None
            and ev.location is not None
            and ev.location.country is not None
        ):
            ev = attrs.evolve(ev, loser=state_actor(ev.location.country))
        out.append(ev)
    return out
