"""Why the parser made each event, and why it made none elsewhere.

:func:`explain` parses a text like :func:`~diplo_events.parse` and also returns every
:class:`Decision` the rules took: which pattern row (its id is the event's ``rule``) was
tried on which trigger words, which vetoes dropped it, which cues changed it, and what
came of it. A wrong event is traced to the data rows that made it::

    >>> from diplo_events import explain
    >>> result = explain("Rebels seized the town of Kidal on Sunday.", published="2024-03-06")
    >>> [d.pattern for d in result.of(result.events[0])]
    ['territorial_change.capture']

An event the document stage merged from several mentions ("met on Monday ... the talks")
lists the decisions of all of them.
"""

from __future__ import annotations

import datetime as dt

import attrs

from .model import Event, Span

__all__ = ["Decision", "Explanation", "explain"]


@attrs.frozen
class Decision:
    """One pattern row tried on one trigger."""

    pattern: str  #: the row's id ("meeting.met"); an event it made has it as ``rule``
    event_type: str  #: "meeting", "military_exercise", "territorial_change" or "statement"
    trigger: Span  #: the trigger words, offsets into the parsed text
    #: "event" when it made one; "vetoed" when a veto held; else why it made none
    #: ("one party", "needs a place", ...)
    outcome: str
    vetoes: tuple[str, ...] = ()  #: the vetoes that held (the first one decided)
    cues: tuple[str, ...] = ()  #: the cues that held and changed the event

    @property
    def made_event(self) -> bool:
        return self.outcome == "event"

    def __str__(self) -> str:
        text = f"{self.pattern} on {self.trigger.text!r} @{self.trigger.start}: {self.outcome}"
        if self.vetoes:
            text += f" (vetoes: {', '.join(self.vetoes)})"
        if self.cues:
            text += f" (cues: {', '.join(self.cues)})"
        return text


@attrs.frozen
class Explanation:
    """The events of a text with the decisions behind them."""

    events: tuple[Event, ...]  #: what :func:`~diplo_events.parse` returns, in its order
    decisions: tuple[Decision, ...]  #: every pattern tried, in text order
    #: per event, the indices into ``decisions`` of the ones that made it
    sources: tuple[tuple[int, ...], ...]

    def of(self, event: Event) -> tuple[Decision, ...]:
        """The decisions that made ``event`` (one of :attr:`events`, matched by id)."""
        for ev, src in zip(self.events, self.sources, strict=True):
            if ev.id == event.id:
                return tuple(self.decisions[i] for i in src)
        raise KeyError(f"no event with id {event.id!r} in this explanation")

    @property
    def rejected(self) -> tuple[Decision, ...]:
        """Every decision that made no event (vetoed, or missing what the event needs)."""
        return tuple(d for d in self.decisions if not d.made_event)

    def __str__(self) -> str:
        lines: list[str] = []
        for ev, src in zip(self.events, self.sources, strict=True):
            lines.append(f"{ev.id} ({ev.modality.value})")
            lines.extend(f"  made by {self.decisions[i]}" for i in src)
        if self.rejected:
            lines.append("no event:")
            lines.extend(f"  {d}" for d in self.rejected)
        return "\n".join(lines)


def explain(text: str, *, published: dt.date | str | None = None) -> Explanation:
    """Parse ``text`` as :func:`~diplo_events.parse` does and say why each event was made.

    Takes and checks its arguments exactly as :func:`~diplo_events.parse` does, and returns
    the same events.
    """
    from .parser import _check_text, _published

    _check_text(text, "explain")
    from ._parsing.match.patterns import patterns
    from ._parsing.pipeline import run_traced

    traced = run_traced(text, published=_published(published))
    rows = patterns()
    decisions = tuple(
        Decision(
            pattern=t.pattern,
            event_type=rows.by_id(t.pattern).type,
            trigger=Span.of(text, t.start, t.end),
            outcome=t.outcome,
            vetoes=t.vetoes,
            cues=t.cues,
        )
        for t in traced.traces
    )
    return Explanation(
        events=tuple(traced.events),
        decisions=decisions,
        sources=tuple(tuple(sorted(s)) for s in traced.sources),
    )
