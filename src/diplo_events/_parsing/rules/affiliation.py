"""The state an official speaks for when the text does not say it.

Readouts and home papers seldom name their own country ("The Prime Minister held talks
with ..."). An official with a title but no state takes, in order: the state a leader of
that name served in the story's year (:mod:`..annotate.leaders`); the state the document
already found for that person (by name or surname); else the story's own state, which is
the state the article names most (the dateline's state counts double), provided it leads
clearly and is not a state the person is set against ("his Kenyan counterpart": not
Kenyan; a meeting's other side).
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from ...model import Actor, ActorKind
from ..annotate.leaders import state_of
from ..annotate.vocabulary import vocabulary
from ..document.article import Article, home_state
from ..document.state import DocState

__all__ = ["affiliate"]


def _unaffiliated(actor: Actor) -> bool:
    return (
        actor.country is None
        and actor.organization is None
        and (
            actor.kind is ActorKind.PERSON
            or (actor.kind is ActorKind.ORGANIZATION and actor.title is not None)
        )
    )


def affiliate(
    actor: Actor, article: Article, state: DocState, exclude: Iterable[str] = ()
) -> Actor:
    """``actor`` with the state it speaks for, when it has none and one can be told."""
    if not _unaffiliated(actor):
        return actor
    skip = set(exclude) | article.foreign_to.get(actor.name, frozenset())
    if actor.kind is ActorKind.PERSON:
        # "Chancellor Merkel", "Mr. Christopher": a leader of the story's year
        year = article.published.year if article.published is not None else None
        if actor.title and vocabulary().has("former_word", actor.title.split()[0].lower()):
            year = None  # "former President Kenyatta": a leader of any year
        leader = state_of(actor.name, year)
        if leader is not None:
            return attrs.evolve(actor, country=leader)
    known = state.affiliation(actor.name) or state.affiliation(actor.name.split()[-1])
    if known is not None and known not in skip:
        return attrs.evolve(actor, country=known)
    if not actor.title or _international(actor.title) or _non_state(actor):
        return actor  # (a rebel leader or the opposition speaks for no state)
    near = _company_state(article, actor, skip)
    if near is not None:
        return attrs.evolve(actor, country=near)
    home = home_state(article, skip, lone=actor.kind is not ActorKind.PERSON)
    return attrs.evolve(actor, country=home) if home is not None else actor


def _company_state(article: Article, actor: Actor, skip: set[str]) -> str | None:
    """The state named most often beside the person (ahead of any other), if any."""
    counts = dict(article.company.get(actor.name, {}))
    for code, n in article.company.get(actor.name.split()[-1], {}).items():
        counts[code] = max(counts.get(code, 0), n)
    ranked = sorted(((n, c) for c, n in counts.items() if c not in skip), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    if not skip:
        return None  # without a side to set it against, the story's own state decides
    return ranked[0][1]


def _non_state(actor: Actor) -> bool:
    """ "rebel leader X", "the opposition": a side that is not the state's."""
    words = f"{actor.title or ''} {actor.name}".lower().replace("-", " ").split()
    vocab = vocabulary()
    return any(vocab.has("non_state_word", w) for w in words)


def _international(title: str) -> bool:
    """Titles of international bodies' officers: no state's ("Director General")."""
    low = title.lower()
    return any(w in low for w in _INTERNATIONAL)


_INTERNATIONAL = ("secretary-general", "secretary general", "director general",
                  "director-general", "high commissioner", "high representative",
                  "special representative", "rapporteur", "commissioner", "envoy",
                  "under-secretary", "under secretary", "undersecretary-general")  # fmt: skip
