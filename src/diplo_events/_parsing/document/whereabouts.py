"""Where an event took place when its own sentences never say, as far as the story tells.

Run after the merge, so a state inferred here never keeps two tellings of one event apart.
Only the state is filled in (a :class:`~diplo_events.model.Location` of kind ``country``
with no mention: nothing in the text names the place), and only when one state is clear:

* a **territorial change** with no place of a known state happened in the state the story
  is about (:func:`~.article.home_state`: the state its text names most, leading clearly);
  a place it names that the gazetteer does not know keeps its name and takes that state.
  A dateline says where the reporter was, not where the ground changed hands;
* a **military exercise** of one state's forces only was held in that state ("Iranian
  troops began drills") when no other state is the story's or the dateline's, and a joint
  one in the story's own state when that state takes part.

Statements are left alone. Meetings are placed by their rule (:mod:`..rules.meeting`: a
visit in the visited state, a meeting on the same trip and day where the one before was).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from ...model import Event, Location, LocationKind, MilitaryExercise, TerritorialChange
from .article import Article, home_state

__all__ = ["fill_locations"]


def fill_locations(events: Sequence[Event], article: Article) -> list[Event]:
    """``events`` with the state filled in where no location was told (see the module)."""
    lead = home_state(article)
    named = home_state(article, dateline=False)  # (the ground: not where the reporter was)
    dateline = article.home.country if article.home is not None else None
    out: list[Event] = []
    for ev in events:
        country = None
        if isinstance(ev, TerritorialChange) and (ev.location is None or not ev.location.country):
            states = {p.country for p in ev.places if p.country}
            if not states:
                country = named
        elif isinstance(ev, MilitaryExercise) and ev.location is None:
            states = {a.country for a in ev.participants if a.country}
            own = {c for c in (lead, dateline) if c}
            if len(states) == 1 and (not own or states <= own):
                country = next(iter(states))
            elif lead in states:
                country = lead
        if country is not None and ev.location is not None:
            # "the village of Tessit" in a story about Mali: a place of no known state lies
            # in the story's state
            ev = attrs.evolve(ev, location=attrs.evolve(ev.location, country=country))
        elif country is not None:
            ev = attrs.evolve(ev, location=Location(country=country, kind=LocationKind.COUNTRY))
        out.append(ev)
    return out
