"""Statements from a filled frame: speaker, content, medium, day, venue.

The speaker is the frame's first party ("X said", "said X", "according to X", "X was
quoted as saying"); "A and B said" gives one statement per party. The content is the quote
the frame reports, else the reported clause after the verb ("said that ...", "told
reporters the town was calm"), else the clause before a closing frame ("..., the army
said"). The day is one told in the frame, never one of the content; a present-tense
"says" is the publication day.
"""

from __future__ import annotations

from ...model import Actor, ActorKind, DatePrecision, DateSpan, Statement
from ..annotate.lexicon import lexicon
from ..annotate.mentions import ActorMention
from ..annotate.vocabulary import VerbForm, vocabulary
from ..document.merge import Link
from ..match.view import extent
from ..syntax import SegmentKind, Tag
from .affiliation import affiliate
from .codes import STATEMENT
from .context import PRESS_BODY, side_key, voice_key
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


_ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind", "warn", "notify",
                              "urge", "ask", "accuse", "call", "thank", "congratulate",
                              "praise", "criticize", "criticise", "condemn", "blame",
                              "reassure", "caution"})  # fmt: skip


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
    # "said (on Monday) that ...": after "that"
    for s in syn.segments:
        if (
            s.kind is SegmentKind.THAT
            and pred.end <= s.opener <= pred.end + 12
            and not any(p.first >= pred.end and p.end <= s.opener for p in syn.predicates)
        ):
            return s.first, n
    # "said the town was calm": the clause of the verb it governs
    for p in syn.predicates:
        if p.governor is pred and not p.infinitive:
            first = (
                p.subject.first
                if p.subject is not None and p.subject.first >= pred.end
                else p.first
            )
            return first, n
    start = pred.end
    if pred.object is not None and pred.lemma in _ADDRESSEE_VERBS:
        start = extent(pred.object)[1]
    pp_at = {pp.first: pp for pp in syn.pps}
    while start < n:
        if syn.tags[start] in (Tag.COMMA, Tag.DATE, Tag.ADV) or syn.tokens[start].text == ":":
            start += 1
        elif start in pp_at and pp_at[start].phrase is None:
            start = pp_at[start].end  # "on Monday"
            while start < n and syn.tags[start] == Tag.DATE:
                start += 1
        else:
            break
    return start, n


def _frame_ends(ctx: Context) -> bool:
    """Whether only a frame tail (time, place, medium, addressee) follows the verb: "...,
    the ministry said on Monday in a statement", not "..., urged all sides to leave"."""
    syn = ctx.syn
    pred = ctx.view.match.predicate
    if pred is None:
        return False
    n = len(syn.tokens)
    in_pp: set[int] = set()
    for pp in syn.pps:
        if pp.first >= pred.end:
            in_pp.update(range(pp.first, pp.end))
    skip_obj: set[int] = set()
    if pred.object is not None and pred.lemma in _ADDRESSEE_VERBS:
        skip_obj.update(range(*extent(pred.object)))
    i = pred.end
    while i < n:
        tag = syn.tags[i]
        if tag == Tag.COMMA:
            nxt = i + 1
            if nxt < n and syn.tags[nxt] in (Tag.VERB, Tag.SUB, Tag.DATE, Tag.PREP, Tag.NUM):
                return True  # ", adding that ...", ", a day after ..."
            i += 1
            continue
        if i in in_pp or i in skip_obj or tag in (Tag.DATE, Tag.ADV, Tag.PUNCT, Tag.QUOTE,
                                                  Tag.BRACKET):  # fmt: skip
            i += 1
            continue
        return False
    return True


def _text(ctx: Context, first: int, end: int) -> str:
    syn = ctx.syn
    if end <= first:
        return ""
    return ctx.article.original[syn.start(first) : syn.end(end)].strip(" \"'“”‘’,.:;")


#: A statement with no day of its own takes the day of the same speaker's statement told at
#: most this many paragraphs before, or of a meeting its side took part in.
CONTINUATION_PARAGRAPHS = 3
_AT_MEETING = frozenset({"meeting", "talks", "summit", "session", "visit", "conference",
                         "negotiations", "discussions", "ceremony", "briefing"})  # fmt: skip


def _own_date(ctx: Context, content: tuple[int, int]) -> DateSpan | None:
    """A date told in the frame of the saying, not in what was said."""
    syn = ctx.syn
    m = ctx.view.match
    pred = m.predicate
    c0 = syn.start(content[0])
    c1 = syn.end(content[1]) if content[1] > content[0] else c0
    first = pred.first if pred is not None else m.first
    end = pred.end if pred is not None else m.end
    t0, t1 = syn.start(first), syn.end(end)
    published = ctx.article.published
    lo, hi = ctx.view.clause
    clause_lo, clause_hi = syn.start(lo), syn.end(hi)
    best = None
    best_gap = 10**9
    for d in ctx.sentence.dates:
        if d.bound or (c0 <= d.start < c1) or (published is not None and d.span.start > published):
            continue
        gap = d.start - t1 if d.start >= t1 else t0 - d.end
        seg = syn.segment_of(syn.token_at(d.start))
        near = gap <= 30 and not any(p.segment is seg for p in syn.predicates if p is not pred)
        in_clause = clause_lo <= d.start < clause_hi
        if (near or in_clause) and gap < best_gap:
            best, best_gap = d, gap
    return best.span if best is not None else None


def _date(ctx: Context, content: tuple[int, int], speaker: Actor) -> DateSpan | None:
    own = _own_date(ctx, content)
    if own is not None:
        return own
    syn = ctx.syn
    m = ctx.view.match
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
    state = ctx.state
    paragraph = ctx.sentence.paragraph
    if (
        state.last_speaker is not None
        and state.last_speaker_date is not None
        and voice_key(state.last_speaker) == voice_key(speaker)
        and paragraph - state.last_speaker_paragraph <= CONTINUATION_PARAGRAPHS
    ):
        return state.last_speaker_date  # "... he said" again: the same remarks
    at_meeting = any(t.low in _AT_MEETING for t in syn.tokens)
    if state.last_meeting_date is not None and (
        at_meeting or side_key(speaker) in {side_key(a) for a in state.last_meeting}
    ):
        return state.last_meeting_date  # said at the meeting told before
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
    family = ctx.pattern.family or "say"
    cameo, plover = STATEMENT[family]
    modality = ctx.modality(statement=True)
    location = location_of(ctx.view, ctx.roles, ctx.article.home)
    if location is not None and location.mention is not None:
        loc_start = location.mention.start
        if ctx.syn.start(content[0]) <= loc_start < ctx.syn.end(content[1]):
            location = None  # a place of what was said, not where it was said
    out: Built = []
    for a in speakers:
        assert a.actor is not None
        speaker = affiliate(a.actor, ctx.article, ctx.state)
        out.append((
            Statement(
                id="pending",
                evidence=(ctx.article.span(ctx.sentence.start, ctx.sentence.end),),
                date=_date(ctx, content, speaker),
                location=location,
                modality=modality,
                confidence=0.7,
                rule=ctx.pattern.id,
                cameo=cameo,
                plover=plover,
                speaker=speaker,
                content=text.strip() or "-",
                medium=_medium(ctx),
            ),
            Link.NEW,
        ))  # fmt: skip
    return out
