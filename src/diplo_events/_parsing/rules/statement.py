"""Statements from a filled frame: speaker, content, medium, day, venue.

The speaker is the frame's first party ("X said", "said X", "according to X", "X was
quoted as saying"); "A and B said" gives one statement per party. The content is the quote
the frame reports, else the reported clause after the verb ("said that ...", "told
reporters the town was calm"), else the clause before a closing frame ("..., the army
said"). The day is one told in the frame, never one of the content; a present-tense
"says" is the publication day.
"""

from __future__ import annotations

import attrs

from ...model import Actor, ActorKind, DatePrecision, DateSpan, Statement
from ..annotate.lexicon import lexicon
from ..annotate.mentions import ActorMention
from ..annotate.vocabulary import VerbForm, vocabulary
from ..document.merge import Link
from ..match.view import extent
from ..syntax import SegmentKind, Tag
from .codes import STATEMENT
from .context import PRESS_BODY, side_key
from .engine import Built, Context
from .frames import location_of

__all__ = ["build"]


def political(actor: Actor) -> bool:
    """Whether ``actor`` may make a statement: no news outlet or press body."""
    lex = lexicon()
    if actor.organization in lex.media or actor.name in lex.media:
        return False
    return not (actor.kind is ActorKind.ORGANIZATION and PRESS_BODY.search(actor.name))


def _speakers(ctx: Context) -> list[ActorMention]:
    out: list[ActorMention] = []
    seen: set[str] = set()
    for a in ctx.roles.get("speaker"):
        if a.actor is None or not political(a.actor):
            continue
        key = side_key(a.actor) if a.actor.kind is not ActorKind.PERSON else a.actor.name
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _content_span(ctx: Context) -> tuple[int, int]:
    """Token range of what was said."""
    syn = ctx.syn
    m = ctx.view.match
    n = len(syn.tokens)
    quoted = [s for s in syn.segments if s.quoted and s.end > s.first]
    if not syn.segment_of(m.first).quoted and quoted:
        before = [s for s in quoted if s.end <= m.first]
        after = [s for s in quoted if s.first >= m.end]
        if before and (not after or m.first - before[-1].end <= 3):
            return before[0].first, before[-1].end
        if after:
            return after[0].first, after[-1].end
    if m.pos == "prep":
        return 0, n
    pred = m.predicate
    if pred is None:
        return m.end, n
    seg = pred.segment
    # "..., the ministry said": the clause before the frame
    if seg.kind is SegmentKind.COMMA and pred.first - seg.first <= 8 and _frame_ends(ctx):
        return 0, seg.opener
    start = pred.end
    if pred.object is not None and vocabulary().has("report_frame_verb", pred.lemma) and (
        pred.lemma in ("tell", "inform", "brief", "assure", "remind", "warn", "notify", "urge",
                       "ask", "accuse", "call", "thank", "congratulate", "praise", "criticize",
                       "criticise", "condemn", "blame", "reassure")  # fmt: skip
    ):
        start = extent(pred.object)[1]
    while start < n and syn.tags[start] in (Tag.COMMA, Tag.THAT, Tag.DATE, Tag.ADV) or (
        start < n and syn.tokens[start].text == ":"
    ):
        start += 1
    return start, n


def _frame_ends(ctx: Context) -> bool:
    """Whether only a frame tail (time, medium, addressee) follows the verb."""
    syn = ctx.syn
    pred = ctx.view.match.predicate
    if pred is None:
        return False
    for later in syn.predicates:
        if later.first >= pred.end and later.segment is pred.segment and later.finite:
            return False
    seg = pred.segment
    return not any(
        s.kind is SegmentKind.THAT and s.first >= pred.end and s.index == seg.index + 1
        for s in syn.segments
    )


def _text(ctx: Context, first: int, end: int) -> str:
    syn = ctx.syn
    if end <= first:
        return ""
    return ctx.article.original[syn.start(first) : syn.end(end)].strip(" \"'“”‘’,.:;")


def _date(ctx: Context, content: tuple[int, int]) -> DateSpan | None:
    syn = ctx.syn
    m = ctx.view.match
    c0, c1 = syn.start(content[0]), syn.end(content[1]) if content[1] > content[0] else 0
    t0, t1 = syn.start(m.first), syn.end(m.end)
    best = None
    best_gap = 10**9
    for d in ctx.sentence.dates:
        if d.bound or (c0 <= d.start < c1):
            continue
        gap = d.start - t1 if d.start >= t1 else t0 - d.end
        if gap < best_gap:
            best, best_gap = d, gap
    if best is not None and best_gap <= 120:
        span = best.span
        if ctx.article.published is None or span.start <= ctx.article.published:
            return span
    pred = m.predicate
    published = ctx.article.published
    if (
        pred is not None
        and published is not None
        and VerbForm.THIRD in pred.forms
        and not pred.perfect
        and syn.tokens[pred.head].low.endswith("s")
    ):
        return DateSpan(start=published, end=published, precision=DatePrecision.DAY, text=None)
    return None


def _medium(ctx: Context) -> str | None:
    toks = [t.low for t in ctx.syn.tokens]
    text = " " + " ".join(toks) + " "
    for medium, words in vocabulary().media:
        if any(f" {w} " in text for w in words):
            return medium
    return None


def build(ctx: Context) -> Built:
    speakers = _speakers(ctx)
    if not speakers:
        return "no speaker"
    content = _content_span(ctx)
    text = _text(ctx, *content) or ctx.article.original[ctx.sentence.start : ctx.sentence.end]
    date = _date(ctx, content)
    family = ctx.pattern.family or "say"
    cameo, plover = STATEMENT[family]
    modality = ctx.modality(statement=True)
    location = location_of(ctx.view, ctx.roles)
    if location is not None and location.mention is not None:
        loc_start = location.mention.start
        if ctx.syn.start(content[0]) <= loc_start < ctx.syn.end(content[1]):
            location = None  # a place of what was said, not where it was said
    out: Built = []
    for a in speakers:
        assert a.actor is not None
        out.append((
            Statement(
                id="pending",
                evidence=(ctx.article.span(ctx.sentence.start, ctx.sentence.end),),
                date=date,
                location=location,
                modality=modality,
                confidence=0.7,
                rule=ctx.pattern.id,
                cameo=cameo,
                plover=plover,
                speaker=attrs.evolve(a.actor),
                content=text.strip() or "-",
                medium=_medium(ctx),
            ),
            Link.NEW,
        ))  # fmt: skip
    return out
