"""The rule stage: every match of a sentence, tried against its patterns' vetoes and frames.

For each trigger the matcher found, the candidate patterns of each event type are tried in
file order: the first whose vetoes all pass and whose builder makes an event wins. Every
try leaves a :class:`Trace` (pattern, trigger, vetoes, cues, outcome), so each event, and
each trigger that gave none, can be explained.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from ...model import Event, Modality
from ..document.article import Article, Sentence
from ..document.merge import Link
from ..document.state import DocState
from ..match.conditions import holds
from ..match.matcher import Match, match
from ..match.patterns import Pattern
from ..match.view import View
from ..syntax import SentenceSyntax
from .frames import Roles, fill, modality_of

__all__ = ["Built", "Context", "Trace", "extract"]


@attrs.frozen
class Trace:
    """One pattern tried on one trigger."""

    pattern: str
    trigger: str
    start: int  # character offsets of the trigger
    end: int
    outcome: str  # "event", "vetoed", or why no event was made
    vetoes: tuple[str, ...] = ()  # the vetoes that held (the first one dropped it)
    cues: tuple[str, ...] = ()  # the cues that held
    events: tuple[Event, ...] = ()


@attrs.frozen(eq=False)
class Context:
    """Everything a builder may read for one match."""

    article: Article
    sentence: Sentence
    syn: SentenceSyntax
    view: View
    pattern: Pattern
    roles: Roles
    state: DocState
    effects: Mapping[str, Any]  # what the cues that held say

    def modality(self, *, statement: bool = False) -> Modality:
        forced = self.effects.get("modality")
        base = modality_of(self.view, statement=statement)
        if forced is not None and base is Modality.REALIZED:
            return Modality(forced)
        return base


#: What a builder returns: events with their links, or the reason it made none.
Built = list[tuple[Event, Link]] | str
Builder = Callable[[Context], Built]


def _builders() -> dict[str, Builder]:
    from . import exercise, meeting, statement, territory

    return {
        "meeting": meeting.build,
        "military_exercise": exercise.build,
        "territorial_change": territory.build,
        "statement": statement.build,
    }


_BUILDERS: dict[str, Builder] = {}


def extract(
    article: Article, sent: Sentence, syn: SentenceSyntax, state: DocState
) -> tuple[list[tuple[Event, Link]], list[Trace]]:
    """The events of one sentence, and the trace of every pattern tried."""
    if not _BUILDERS:
        _BUILDERS.update(_builders())
    out: list[tuple[Event, Link]] = []
    traces: list[Trace] = []
    for m in match(syn):
        view = View(syn, m)
        start, end = syn.start(m.first), syn.end(m.end)
        trigger = article.original[start:end]
        # the patterns of one trigger with one frame (and dropped roles) share its filling
        filled: dict[tuple[object, ...], Roles] = {}
        for pattern in m.candidates:
            fired = tuple(v.name for v in pattern.vetoes if holds(v, view))
            if fired:
                traces.append(Trace(pattern.id, trigger, start, end, "vetoed", fired))
                continue
            effects: dict[str, Any] = {}
            cues = []
            for cue in pattern.cues:
                if holds(cue.when, view):
                    cues.append(cue.name)
                    for key, value in cue.then.items():
                        effects.setdefault(key, value)
            drop = frozenset(effects.get("drop_roles", ()))
            frame = (tuple(pattern.frame.items()), drop)
            roles = filled.get(frame)
            if roles is None:
                roles = filled[frame] = fill(view, pattern, drop)
            ctx = Context(article, sent, syn, view, pattern, roles, state, effects)
            built = _BUILDERS[pattern.type](ctx)
            if isinstance(built, str):
                traces.append(Trace(pattern.id, trigger, start, end, built, (), tuple(cues)))
                continue
            traces.append(Trace(pattern.id, trigger, start, end, "event", (), tuple(cues),
                                tuple(e for e, _ in built)))  # fmt: skip
            out.extend(built)
            break
    return out, traces


def matches_of(syn: SentenceSyntax) -> Sequence[Match]:
    """The matcher's triggers (for tools and tests)."""
    return match(syn)
