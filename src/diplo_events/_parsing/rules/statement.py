"""Statements from a filled frame: speaker, content, medium, day, venue.

The speaker is the frame's first party ("X said", "said X", "according to X", "X was
quoted as saying"); "A and B said" gives one statement per party. The content is the quote
the frame reports, else the reported clause after the verb ("said that ...", "told
reporters the town was calm"), else the clause before a closing frame ("..., the army
said"). The day is one told in the frame, never one of the content; a present-tense
"says" is the publication day.
"""

from __future__ import annotations

import functools

import attrs

from ...model import Actor, ActorKind, DatePrecision, DateSpan, Event, Location, Statement
from ..annotate.dates import OFFSET
from ..annotate.gazetteer import known_body
from ..annotate.lexicon import lexicon
from ..annotate.mentions import Role
from ..annotate.vocabulary import VerbForm, Vocabulary, vocabulary
from ..document.keys import side_key, voice_key
from ..document.merge import Link
from ..match.view import extent
from ..syntax import Phrase, Predicate, SegmentKind, SentenceSyntax, Tag
from .affiliation import affiliate
from .codes import STATEMENT
from .engine import Built, Context
from .frames import location_of, phrase_actors
from .unnamed import aligned_party, unnamed_party

__all__ = ["build"]


def political(actor: Actor) -> bool:
    """Whether ``actor`` may make a statement: no news outlet or press body."""
    lex = lexicon()
    if actor.organization in lex.media or actor.name in lex.media:
        return False
    vocab = vocabulary()
    press = vocab.words("press_word") | vocab.words("monitor_word")
    body = actor.kind is ActorKind.ORGANIZATION or (
        actor.kind is ActorKind.PERSON and not actor.title  # "Observatory": a stray name
    )
    return not (body and any(w.lower() in press for w in actor.name.split()))


#: A pronoun speaker ("he added") is the last speaker when that one spoke at most this many
#: paragraphs before.
PRONOUN_SPEAKER_PARAGRAPHS = 1


_BODIES = frozenset({ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP})


def _speakers(ctx: Context) -> list[Actor]:
    """Who spoke: the frame's parties (one statement each), the parties of the meeting told
    before for "they" / "the two leaders" / "the joint statement", the last speaker for "he
    added"."""
    out: list[Actor] = []
    seen: set[str] = set()
    state = ctx.state
    recent = (
        state.last_speaker is not None
        and ctx.sentence.paragraph - state.last_speaker_paragraph <= PRONOUN_SPEAKER_PARAGRAPHS
    )
    mentions = ctx.roles.get("speaker")
    named = any(not a.bare for a in mentions if a.actor is not None)
    for a in mentions:
        actor = a.actor
        if actor is None or (a.bare and named):
            continue  # "The Group to Support Islam (JNIM)": not the stray capital "Group"
        if (
            a.role is Role.PRONOUN
            and recent
            and state.last_speaker is not None
            and (state.last_speaker.name != actor.name)
        ):
            actor = state.last_speaker  # '"...," he added': the one who spoke goes on
        elif (
            a.role is Role.ROLE_ONLY
            and recent
            and state.last_speaker is not None
            and state.last_speaker.kind is ActorKind.PERSON
            and state.last_speaker.title
            and actor.country is None
            and actor.organization is None
            and vocabulary().has("any_officer_noun", actor.name.split()[-1].lower())
        ):
            actor = state.last_speaker  # "The official added": the officer who spoke last
        if not political(actor):
            continue
        if actor.kind in _BODIES and not known_body(actor.organization):
            for phrase in ctx.roles.phrases.get("speaker", ()):
                if any(m.start == a.start for m in phrase.actors):
                    actor = next(iter(_allied(phrase)), actor)  # "X, an ally of the GNA,"
        key = side_key(actor) if actor.kind is not ActorKind.PERSON else actor.name
        if key not in seen:
            seen.add(key)
            out.append(actor)
    if not out:
        for p in ctx.roles.phrases.get("speaker", ()):
            words = [t.low for t in ctx.syn.tokens[p.first : p.end]]
            last = state.last_speaker
            if words == ["they"]:
                gainer = state.last_gainer
                if (
                    gainer is not None
                    and ctx.sentence.index - state.last_gainer_sentence == 1
                    and gainer.kind is not ActorKind.PERSON
                ):
                    return [gainer]  # "The rebels seized two towns. They claimed ...": the takers
                if (
                    recent
                    and last is not None
                    and last.kind in (ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP)
                    and not state.last_meeting
                ):
                    return [last]  # "The rebels said ... They accuse ...": a group
            if words == ["it"]:
                body = _body_before(ctx, p)
                if body is not None:
                    return [body]  # "The department said ..., but it dismissed ...": the body
                last = state.last_speaker
                if recent and last is not None and last.kind is not ActorKind.PERSON:
                    return [last]  # "The army said ... It added": the body that spoke goes on
            if _the_parties_told(ctx, p):
                parties = list(state.last_meeting)
                members = [a for a in parties if a.kind is ActorKind.ORGANIZATION]
                if len(parties) == 1 and members:
                    return members  # "ASEAN foreign ministers met ... the ministers said"
                return [a for a in parties if political(a)]
        unnamed = _unnamed_speaker(ctx)
        if unnamed is not None:
            return [unnamed]
    return out


def _speaking_place(ctx: Context) -> Location | None:
    """ "X, speaking at a ceremony in Karachi, said ...": the place of the speaking."""
    vocab = vocabulary()
    for p in ctx.syn.predicates:
        if not (p.gerund and vocab.has("speak_verb", p.lemma)):
            continue
        for pp in p.pps:
            if pp.prep in ("in", "at") and pp.phrase is not None:
                for pl in pp.phrase.places:
                    return pl.location
    return None


def _no_side(actor: Actor) -> bool:
    return actor.country is None and actor.organization is None


def _fronted_city(ctx: Context) -> str | None:
    """The state of the city a sentence opens with ("In Beijing, ..."), if any."""
    syn = ctx.syn
    opening = syn.segments[0]
    if len(syn.segments) < 2 or any(p.segment is opening for p in syn.predicates):
        return None
    for pp in syn.pps:
        # "In Beijing, ...", "At a briefing in Beijing on Monday, ..."
        inside = opening.first <= pp.first < opening.end
        if inside and pp.prep == "in" and pp.phrase is not None:
            for pl in pp.phrase.places:
                kind = pl.location.kind
                if kind is not None and kind.value == "city" and pl.location.country:
                    return pl.location.country
    return None


def _visited(ctx: Context) -> set[str]:
    """The states the speaker is said to have come to ("The president, who arrived in Paris
    on Monday, said ..."): a visitor does not speak for them."""
    vocab = vocabulary()
    own = ctx.roles.phrases.get("speaker", ())
    out: set[str] = set()
    for p in ctx.syn.predicates:
        if p.subject is None or not any(p.subject is s for s in own):
            continue
        if not vocab.has("arrive_verb", p.lemma):
            continue
        phrases = [pp.phrase for pp in p.pps if pp.phrase is not None]
        if p.object is not None:
            phrases.append(p.object)
        for ph in phrases:
            out.update(pl.location.country for pl in ph.places if pl.location.country)
            out.update(a.actor.country for a in ph.actors if a.actor and a.actor.country)
    return out


def _addressed(lemma: str) -> bool:
    """ "told reporters ...", "issued a statement saying ...": the object is no content."""
    vocab = vocabulary()
    return vocab.has("addressee_verb", lemma) or vocab.has("publish_verb", lemma)


def _body_before(ctx: Context, p: Phrase) -> Actor | None:
    """The last state or body that does something before phrase ``p`` in its sentence."""
    found: Actor | None = None
    for pred in ctx.syn.predicates:
        doer = pred.doer
        if doer is None or doer.end > p.first or pred.governor is not None:
            continue  # (the sayer, not a party of what was said)
        for a in phrase_actors(doer):
            if a.actor is not None and a.actor.kind is not ActorKind.PERSON and political(a.actor):
                found = a.actor
    return found


def _the_parties_told(ctx: Context, p: Phrase) -> bool:
    """ "they", "both", "the two leaders", "the ministers", "the joint communique": the
    parties of the meeting told before."""
    vocab = vocabulary()
    words = [t.low for t in ctx.syn.tokens[p.first : p.end]]
    head = p.head_word
    if words in (["they"], ["both"]):
        return True
    if vocab.has("joint_text_noun", head):
        return "joint" in words or "final" in words or vocab.has("communique_noun", head)
    if not vocab.has("the_two_noun", head):
        return False
    if "two" in words or "both" in words:
        return True
    return words[0] == "the" and vocab.has("the_leaders_noun", head)


def _allied(p: Phrase) -> list[Actor]:
    """ "X, an ally of Y," / "X, the Sahel branch of Y,": the side of a body no gazetteer
    knows is the one its appositive ties it to."""
    app = p.appositive
    if app is None or not vocabulary().has("affiliate_noun", app.head_word):
        return []
    return [a.actor for a in app.parties() if a.actor is not None and political(a.actor)]


def _unnamed_speaker(ctx: Context) -> Actor | None:
    """Recall first: "Chechen officials said", "the opposition said", "7th Fleet said": a
    political speaker no state or body is known for is still a speaker, by the words that
    name it (its side may be told elsewhere, or stay unknown)."""
    for p in ctx.roles.phrases.get("speaker", ()):
        allied = _allied(p)
        if allied:
            return allied[0]  # "the Sirte Protection Force, an ally of the GNA,"
        aligned = aligned_party(ctx.syn, p)
        if aligned is not None:
            return aligned  # "Forces aligned with the GNA said ..."
        body = _described_body(ctx, p)
        if body is not None:
            return body  # "The RSF took the city, the paramilitary group announced"
        found = unnamed_party(ctx.syn, p)
        # "the press service for the district": an organ of a side, no news outlet
        # (not a press body's own name: "the Media Association of Fiji")
        organ = any(pp.prep in ("for", "of") for pp in p.modifiers) and (
            ctx.syn.tokens[p.head].text.islower()
        )
        if found is not None and (political(found) or organ):
            return found
        issuer = _issuer(ctx, p)
        if issuer is not None:
            return issuer  # "An army statement said": the army
    return None


def _described_body(ctx: Context, p: Phrase) -> Actor | None:
    """The one body the sentence names, for a speaker told as "the <...> group" (or
    movement, militia, alliance ...)."""
    syn = ctx.syn
    if not vocabulary().has("definite_determiner", syn.tokens[p.first].low):
        return None
    if p.head_word not in _group_heads():
        return None
    bodies = {
        a.actor.organization: a.actor
        for a in ctx.sentence.actors
        if a.actor is not None
        and a.actor.organization
        and a.actor.kind in (ActorKind.ORGANIZATION, ActorKind.ARMED_GROUP)
        and not (syn.start(p.first) <= a.start < syn.end(p.end))
    }
    return next(iter(bodies.values())) if len(bodies) == 1 else None


@functools.cache
def _group_heads() -> frozenset[str]:
    """Head nouns that describe a body without naming it ("the paramilitary group"), read
    from the lexicon on first use (not at import)."""
    return frozenset(w.split()[-1] for w in lexicon().group_nouns if w.startswith("the "))


def _issuer(ctx: Context, p: Phrase) -> Actor | None:
    """The office named before a statement noun ("an army statement", "a ministry
    communique"), by the word that names it."""
    vocab = vocabulary()
    syn = ctx.syn
    if not vocab.has("statement_noun", p.head_word):
        return None
    for i in range(p.head - 1, p.first - 1, -1):
        tok = syn.tokens[i]
        if vocab.has("body_noun", tok.low):
            span = ctx.article.span(syn.start(i), syn.end(i + 1))
            return Actor(name=tok.text, kind=ActorKind.ORGANIZATION, title=tok.low, mention=span)
    return None


def _echo(ctx: Context, speaker: Actor) -> bool:
    """ "Gil said that Caracas rejected the remarks": a saying inside the content of the same
    side's saying is that saying, told again."""
    pred = ctx.view.match.predicate
    vocab = vocabulary()
    gov = pred.governor if pred is not None else None
    while gov is not None:
        if vocab.has("reporting_verb", gov.lemma) and gov.doer is not None:
            for a in gov.doer.parties():
                if a.actor is not None and side_key(a.actor) == side_key(speaker):
                    return True
        gov = gov.governor
    return False


def _content_span(ctx: Context) -> tuple[int, int]:
    """Token range of what was said."""
    syn = ctx.syn
    m = ctx.view.match
    n = len(syn.tokens)
    quoted = [s for s in syn.segments if s.quoted and s.end > s.first]
    own = syn.segment_of(m.first)
    if not own.quoted and quoted:
        before = [s for s in quoted if s.end <= m.first]
        after = [s for s in quoted if s.first >= m.end]
        # '"...," he said': the quote closes right before the frame
        if before and own.first - before[-1].end <= 3:
            return before[0].first, before[-1].end
        if after and after[0].first - m.end <= 4:
            return after[0].first, after[-1].end
    if m.pos == "prep":
        return -1, -1  # around the phrase: see _content_text
    pred = m.predicate
    if pred is None:
        return m.end, n
    # "quoted X as saying ...", "issued a statement saying ...": what the -ing verb says
    for p in syn.predicates:
        if p.governor is pred and p.gerund and vocabulary().has("reporting_verb", p.lemma):
            pred = p
            break
    if pred.passive:
        return -2, -2  # the subject and what follows the agent: see _content_text
    if ctx.effects.get("content") == "judged" and pred.object is not None:
        return pred.object.first, pred.segment.end  # "called the talks fruitful"
    seg = pred.segment
    # "..., the ministry said": the clause before the frame (not "X suspended the talks,
    # accusing Y of Z": an -ing clause of the same doer says its own words)
    if (
        seg.kind is SegmentKind.COMMA
        and not (pred.gerund and pred.subject_how == "shared")
        and pred.first - seg.first <= 8
        and not _adjunct_before(ctx, seg.first)
        and _frame_ends(ctx)
    ):
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
            obj = pred.object
            if obj is not None and pred.end <= obj.first < first and not (_addressed(pred.lemma)):
                first = obj.first  # "said the drill X oversaw involved ...": from the object
            return first, n
    start = pred.end
    obj = pred.object
    if obj is not None and not _addressed(pred.lemma) and obj.first >= pred.end:
        # "dismissed the accusations as fabrications in a tweet on Sunday": the object and
        # what it was called, not the frame after it
        end = obj.stop
        pp_next = {pp.first: pp for pp in syn.pps}
        while end in pp_next and pp_next[end].prep in ("as", "for", "over", "against"):
            end = pp_next[end].end
        return obj.first, end
    if obj is not None and _addressed(pred.lemma):
        start = extent(obj)[1]  # "told reporters ...", "issued a statement saying ..."
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


def _adjunct_before(ctx: Context, first: int) -> bool:
    """Whether what comes before token ``first`` is a participle clause about the doer
    ("Speaking on Monday, X called ..."), not something said."""
    before = [p for p in ctx.syn.predicates if p.end <= first]
    return bool(before) and all(
        (p.gerund or p.participle) and p.subject_how == "shared" for p in before
    )


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
    for p in syn.predicates:
        if p.first >= pred.end and (p.participle or p.gerund):
            in_pp.update(range(p.first, p.end))  # "in a statement issued late on Tuesday"
    skip_obj: set[int] = set()
    if pred.object is not None and vocabulary().has("addressee_verb", pred.lemma):
        skip_obj.update(range(*extent(pred.object)))
    if pred.subject is not None and pred.subject_how == "inverted":
        skip_obj.update(range(*extent(pred.subject)))  # "..., said the Malian army"
    i = pred.end
    while i < n:
        tag = syn.tags[i]
        if tag == Tag.COMMA:
            seg = syn.segment_of(i + 1) if i + 1 < n else None
            if seg is None or seg.kind in (SegmentKind.SUB, SegmentKind.REL):
                return True
            preds = [p for p in syn.predicates if p.segment is seg]
            # ", adding that ...", ", a day after ...", ", citing ..."
            return not preds or preds[0].gerund or preds[0].first == seg.first
        if i in in_pp or i in skip_obj or tag in (Tag.DATE, Tag.ADV, Tag.PUNCT, Tag.QUOTE,
                                                  Tag.BRACKET):  # fmt: skip
            i += 1
            continue
        return False
    return True


def _content_text(ctx: Context, content: tuple[int, int]) -> str:
    syn = ctx.syn
    m = ctx.view.match
    n = len(syn.tokens)
    if content == (-1, -1):
        # "<content>, according to X" / "According to X, <content>"
        end = m.phrase.stop if m.phrase is not None else m.end
        before = _text(ctx, 0, m.first)
        return before or _text(ctx, end, n)
    if content == (-2, -2):
        # "The plan was described by X as a step forward": the subject, then the rest
        pred = m.predicate
        assert pred is not None
        subject = _text(ctx, pred.subject.first, pred.subject.end) if pred.subject else ""
        agent = next((pp for pp in pred.pps if pp.prep == "by"), None)
        rest = _text(ctx, agent.end, n) if agent is not None else ""
        return f"{subject} {rest}".strip()
    return _text(ctx, *content)


def _text(ctx: Context, first: int, end: int) -> str:
    syn = ctx.syn
    if end <= first:
        return ""
    raw = ctx.article.original[syn.start(first) : syn.end(end)]
    text = raw.strip(" \"'“”‘’,.:;")
    for mark, close in (('"', '"'), ("“", "”")):
        # 'as "fabrications"': a quotation opened inside keeps its closing mark
        if text.count(mark) > text.count(close) or (mark == close and text.count(mark) % 2):
            tail = raw.rstrip(" ,.:;")
            if tail.endswith(close):
                text += close
    return text


#: A statement with no day of its own takes the day of the same speaker's statement told at
#: most this many paragraphs before.
CONTINUATION_PARAGRAPHS = 8
#: A statement made at a gathering ("told a news conference") with no day of its own takes
#: the day of the happening told at most this many paragraphs before.
GATHERING_PARAGRAPHS = 2


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
    lo, hi = ctx.view.clause
    clause_lo, clause_hi = syn.start(lo), syn.end(hi)
    best = None
    best_gap = 10**9
    # "Speaking to reporters on Monday, X said": a participle clause about the speaker
    along = {
        id(p.segment)
        for p in syn.predicates
        if pred is not None
        and p.segment.kind is SegmentKind.START
        and p.first == p.segment.first
        and p.segment is not pred.segment
        and (p.gerund or p.participle)
        and p.subject is not None
        and p.subject is pred.subject
    }
    # "urged the rebels in X on Friday to halt": a day before the infinitive it governs is
    # the urging's, though what was urged takes in the object
    ahead = _before_infinitive(syn, pred)
    if pred is not None and pred.gerund and pred.subject_how == "shared":
        # "X suspended cooperation in 2005, accusing its agents of spying": the -ing
        # clause tells the same doing, on the day its main clause gives
        along |= {
            id(p.segment)
            for p in syn.predicates
            if p.finite and p.subject is pred.subject and p.segment.index < pred.segment.index
        }
    for d in ctx.sentence.dates:
        if d.bound:
            continue
        if c0 <= d.start < c1:
            if t1 <= d.start and d.end <= ahead and _in_pp_of(syn, pred, d.start):
                return d.span
            continue
        gap = d.start - t1 if d.start >= t1 else t0 - d.end
        seg = syn.segment_of(syn.token_at(d.start))
        near = id(seg) in along or (
            gap <= 30 and not any(p.segment is seg for p in syn.predicates if p is not pred)
        )
        if (
            not near
            and seg is syn.segments[0]
            and seg.kind is SegmentKind.START
            and pred is not None
            and pred.segment is not seg
            and not pred.segment.quoted
            and pred.segment.kind in (SegmentKind.COMMA, SegmentKind.START)
            and not any(p.segment is seg for p in syn.predicates)
        ):
            near = True  # "On Monday, the forces of General X said ...": a fronted day
        in_clause = clause_lo <= d.start < clause_hi
        if (near or in_clause) and gap < best_gap:
            best, best_gap = d, gap
    if best is None and pred is not None and pred.segment.kind is SegmentKind.AND_VERB:
        # "opened the bridge on Monday but said ...": the day of the verb it is joined to
        day = ctx.article.published
        before = [d for d in ctx.sentence.dates
                  if not d.bound and d.end <= t0 and not (c0 <= d.start < c1)
                  and (day is None or d.span.start <= day)]  # fmt: skip
        if before:
            best = before[-1]
    return best.span if best is not None else None


def _before_infinitive(syn: SentenceSyntax, pred: Predicate | None) -> int:
    """Where the infinitive that ``pred`` governs through its object begins, else 0."""
    if pred is None or pred.object is None:
        return 0
    for p in syn.predicates:
        if p.governor is pred and p.infinitive and p.subject is pred.object:
            return syn.start(p.first)
    return 0


def _in_pp_of(syn: SentenceSyntax, pred: Predicate | None, offset: int) -> bool:
    """Whether character ``offset`` lies in a prepositional phrase of ``pred``."""
    if pred is None:
        return False
    for pp in pred.pps:
        # (a date is no phrase: a PP of one ends at its preposition, the date right after)
        end = syn.end(pp.end) if pp.phrase is not None else syn.start(pp.end) + 1
        if syn.start(pp.first) <= offset < end:
            return True
    return False


def _same_voice(a: Actor, b: Actor) -> bool:
    """One speaker: the same person, or one office of one state ("the Ecuadorean president
    said Thursday ..." and "President Sixto Duran-Ballen said")."""
    if voice_key(a) == voice_key(b):
        return True
    return bool(
        a.country
        and a.country == b.country
        and a.title
        and b.title
        and a.title.lower() == b.title.lower()
    )


def _date(ctx: Context, content: tuple[int, int], speaker: Actor) -> DateSpan | None:
    own = _own_date(ctx, content)
    if own is not None:
        return own
    shift = OFFSET.match(ctx.article.norm, ctx.sentence.start, ctx.sentence.end)
    if shift is not None:
        return None  # "The following day, X said": counted from a day told before
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
    for voice, day, told in state.voices:
        if paragraph - told > CONTINUATION_PARAGRAPHS:
            break
        if _same_voice(voice, speaker):
            return day  # "... he said" again: the same remarks
    vocab = vocabulary()
    at_gathering = not vocab.forms("said_at_noun").isdisjoint([t.low for t in syn.tokens])
    if state.last_meeting_date is not None and (
        at_gathering or side_key(speaker) in {side_key(a) for a in state.last_meeting}
    ):
        return state.last_meeting_date  # said at the meeting told before
    if (
        at_gathering
        and state.last_day is not None
        and paragraph - state.last_day_paragraph <= GATHERING_PARAGRAPHS
    ):
        return state.last_day  # "told a news conference" about the day's happening
    return _reported_first_day(ctx, content)


def _reported_first_day(ctx: Context, content: tuple[int, int]) -> DateSpan | None:
    """ "X received Y on Saturday, a statement by the presidency said": the day of what
    was reported, when the report follows it and tells no day of its own (the report
    came with the news it closes)."""
    syn = ctx.syn
    pred = ctx.view.match.predicate
    if pred is None or content[1] <= content[0] or content[1] > pred.first:
        return None
    c0, c1 = syn.start(content[0]), syn.end(content[1])
    published = ctx.article.published
    days = [
        d
        for d in ctx.sentence.dates
        if c0 <= d.start < c1
        and not d.bound
        and d.span.precision is DatePrecision.DAY
        and (published is None or d.span.start <= published)
    ]
    return days[-1].span if len(days) == 1 else None


def _medium(ctx: Context) -> str | None:
    """The first medium (by priority) one of whose words the sentence holds."""
    names, rank_of, spaced = _media(vocabulary())
    # the first medium with a one-word form among the sentence's words ...
    best = len(names)
    for t in ctx.syn.tokens:
        rank = rank_of.get(t.low)
        if rank is not None and rank < best:
            best = rank
    # ... unless one before it has a form of several words there
    text = ""  # the sentence's words, spaced, for the media of several words
    for rank, form in spaced:
        if rank >= best:
            break
        text = text or " " + " ".join(t.low for t in ctx.syn.tokens) + " "
        if form in text:
            return names[rank]
    return names[best] if best < len(names) else None


@functools.cache
def _media(
    vocab: Vocabulary,
) -> tuple[tuple[str, ...], dict[str, int], tuple[tuple[int, str], ...]]:
    """The media by priority (their ranks are indices); for each word, the rank of the
    first medium it is a word of; and the words of several words, spaced (" press
    conference "), with their medium's rank, in rank order."""
    names = tuple(medium for medium, _ in vocab.media)
    rank_of: dict[str, int] = {}
    spaced: list[tuple[int, str]] = []
    for rank, (_, words) in enumerate(vocab.media):
        for w in words:
            rank_of.setdefault(w, rank)
        spaced.extend((rank, f" {w} ") for w in words if " " in w)
    return names, rank_of, tuple(spaced)


def build(ctx: Context) -> Built:
    speakers = _speakers(ctx)
    if not speakers:
        return "no speaker"
    if len(speakers) == 1 and _echo(ctx, speakers[0]):
        return "told in the same side's statement"
    content = _content_span(ctx)
    whole = ctx.article.original[ctx.sentence.start : ctx.sentence.end]
    text = _content_text(ctx, content) or whole
    if content[0] < 0:
        content = (0, 0)
    family = ctx.pattern.family or "say"
    cameo, plover = STATEMENT[family]
    modality = ctx.modality(statement=True)
    location = location_of(ctx.view, ctx.roles, ctx.article.home)
    if location is not None and location.mention is not None:
        loc_start = location.mention.start
        if ctx.syn.start(content[0]) <= loc_start < ctx.syn.end(content[1]):
            location = None  # a place of what was said, not where it was said
    if location is None:
        location = _speaking_place(ctx)
    out: list[tuple[Event, Link]] = []
    away = _visited(ctx)
    here = _fronted_city(ctx)
    for actor in speakers:
        if here is not None and here not in away and actor.title and _no_side(actor):
            # "In Beijing, Foreign Ministry spokesman X said": a line like a dateline
            actor = attrs.evolve(actor, country=here)
        # "A and his Chinese counterpart B said": the co-speakers are of other states
        others = {a.country for a in speakers if a is not actor and a.country}
        speaker = affiliate(actor, ctx.article, ctx.state, away | others)
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
