"""One rule set per event type; each yields (event, link) pairs for a sentence.

The :class:`~diplo_events._parsing.document.merge.Link` says how the event relates to those told
before: a definite reference ("the talks", "the drills") joins the latest event of its
type; "also met" is a happening of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ...model import Event, MilitaryExercise
from ..annotate.dates import OFFSET
from ..document.merge import Link
from . import exercise, meeting, statement, territory
from ..rules.context import Article, Sentence

__all__ = ["RULES"]

_MEETING_REF = re.compile(
    r"\b(?:the|this|these|that) (?:\w+ ){0,2}(?:talks|meeting|summit|negotiations|discussions|"
    r"visit)\b",
    re.IGNORECASE,
)
_ATTENDED_BEFORE = re.compile(
    r"\b(?:attended|joined|took part in|participated in|were present at)\s+$", re.IGNORECASE
)
_SPECIFIED = re.compile(r" (?:between|of|among)\b")
#: "X also met Y", "also held talks with": a meeting besides the one told before
_ALSO_MET = re.compile(
    r"\balso (?:(?:had|held) (?:\w+ )?(?:talks|meetings?)|met|meets|visited|hosted|received)\b",
    re.IGNORECASE,
)
_EXERCISE_REF = re.compile(
    r"\b(?:the|this|these|that|its|this year's) (?:[\w-]+ ){0,2}(?:drills?|exercises?|war ?games|"
    r"manoeuvres|maneuvers|training)\b|\b(?:the|this) exercise's\b",
    re.IGNORECASE,
)

Rule = Callable[[Article, Sentence], Iterator[tuple[Event, Link]]]


def _meetings(article: Article, sent: Sentence) -> Iterator[tuple[Event, Link]]:
    norm = article.norm
    ref = _MEETING_REF.search(norm, sent.start, sent.end)
    for ev, (t_start, _t_end) in meeting.extract_with_triggers(article, sent):
        # "the talks", "the meeting" as the trigger itself: the meeting already told
        anaphoric = (
            ref is not None
            and ref.start() <= t_start < ref.end()
            and (
                ref.start() - sent.start < 40
                # "Leaders from A, B, C and D attended the meeting": however long the list
                or _ATTENDED_BEFORE.search(norm, max(sent.start, ref.start() - 24), ref.start())
                is not None
            )
            and not _SPECIFIED.match(norm, ref.end())
        )
        talk = article.discourse
        if ev.rule == "meeting.reference":
            also = _ALSO_MET.search(norm, sent.start, sent.end)
            if also is not None and ev.modality.value == "realized":
                # "The two leaders also met in Samarkand on Friday": the same parties met again
                yield ev, Link.DISTINCT
                continue
            talk.last_meeting_date = talk.last_meeting_date or ev.date
            yield ev, Link.REFERS
            continue
        if ev.modality.value == "realized":
            same = {p.name for p in ev.participants} & {p.name for p in talk.last_meeting}
            talk.last_meeting_date = ev.date or (talk.last_meeting_date if same else None)
            talk.last_meeting = ev.participants
        also = _ALSO_MET.search(norm, sent.start, sent.end)
        offset = OFFSET.search(norm, sent.start, t_start)
        if (
            norm[max(sent.start, t_start - 5) : t_start].lower() == "also "
            or (also is not None and ev.modality.value == "realized")
            # "The talks came a week after X met Y": the meeting the offset measures from
            or (offset is not None and offset.group("way").lower() in ("after", "before"))
        ):
            yield ev, Link.DISTINCT  # "X also met Y": another meeting
        else:
            yield ev, Link.REFERS if anaphoric else Link.NEW


def _exercises(article: Article, sent: Sentence) -> Iterator[tuple[Event, Link]]:
    for ev, (t_start, _t_end) in exercise.extract_with_triggers(article, sent):
        # "the drills", "this year's exercise" as the trigger itself: the exercise told
        ref = _EXERCISE_REF.search(article.norm, sent.start, sent.end)
        refers = ref is not None and ref.start() <= t_start < ref.end()
        if refers and ref is not None and isinstance(ev, MilitaryExercise) and ev.name:
            # "the multinational AMAN-23 exercise", "the special exercises Search-2024": a
            # phrase naming its exercise is no reference to the one told before (the merge
            # joins them if the names agree)
            refers = ev.name not in article.norm[ref.start() : ref.end() + len(ev.name) + 2]
        yield ev, Link.REFERS if refers else Link.NEW


def _exercise_details(article: Article, sent: Sentence) -> Iterator[tuple[Event, Link]]:
    for ev in exercise.extract_details(article, sent):
        yield ev, Link.REFERS  # adds to the exercise just told


def _territory(article: Article, sent: Sentence) -> Iterator[tuple[Event, Link]]:
    for ev in territory.extract(article, sent):
        yield ev, Link.NEW


def _statements(article: Article, sent: Sentence) -> Iterator[tuple[Event, Link]]:
    for ev in statement.extract(article, sent):
        yield ev, Link.NEW


def _guarded(rule: Rule, keywords: tuple[str, ...]) -> Rule:
    """Run ``rule`` on body sentences holding one of its keywords (a cheap substring test
    before any regular expression). Headlines repeat what the body tells."""

    # one alternation, the same test as "any keyword is a substring", done in C
    pattern = re.compile("|".join(re.escape(k) for k in sorted(keywords, key=len, reverse=True)))

    def run(article: Article, sent: Sentence) -> Iterator[tuple[Event, Link]]:
        if sent.title:
            return
        if pattern.search(article.lower(sent)) is not None:
            yield from rule(article, sent)

    return run


RULES: tuple[Rule, ...] = (
    _guarded(_meetings, meeting.KEYWORDS),
    _guarded(_exercises, exercise.KEYWORDS),
    _guarded(_exercise_details, exercise.DETAIL_KEYWORDS),
    _guarded(_territory, territory.KEYWORDS),
    _guarded(_statements, statement.KEYWORDS),
)
