"""The ground a sentence's other change of control names, for one that names none.

"Rebels seized the town of Gao after the army abandoned its positions": the army withdrew
from Gao, though its own clause names no place. Within one sentence, a capture and a
withdrawal by different sides tell one piece of ground changing hands; the one that names
no place takes the places (and the location) of the one that does. Run before the merge,
on the candidates of each sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ...model import TerritorialChange, TerritorialChangeKind
from .merge import Candidate

__all__ = ["share_ground"]

_OTHER = {
    TerritorialChangeKind.CAPTURE: TerritorialChangeKind.WITHDRAWAL,
    TerritorialChangeKind.WITHDRAWAL: TerritorialChangeKind.CAPTURE,
}


def _side(ev: TerritorialChange) -> object:
    """Who gains by a capture, who leaves by a withdrawal."""
    actor = ev.gainer if ev.kind is TerritorialChangeKind.CAPTURE else ev.loser
    return None if actor is None else (actor.country, actor.organization, actor.name)


def share_ground(candidates: Sequence[Candidate]) -> list[Candidate]:
    """``candidates`` with the places of a change told in the same sentence given to a
    change of the other kind that names none (see the module)."""
    out = list(candidates)
    for k, cand in enumerate(out):
        ev = cand.event
        if not isinstance(ev, TerritorialChange) or ev.places or ev.kind not in _OTHER:
            continue
        donors = [
            c.event
            for c in out
            if c.sentence == cand.sentence
            and isinstance(c.event, TerritorialChange)
            and c.event.kind is _OTHER[ev.kind]
            and c.event.places
            and c.event.modality is ev.modality
            and _side(c.event) != _side(ev)
        ]
        if len(donors) == 1:
            donor = donors[0]
            named = ev.location is not None and bool(ev.location.name)
            location = ev.location if named else donor.location
            out[k] = attrs.evolve(
                cand, event=attrs.evolve(ev, places=donor.places, location=location)
            )
    return out
