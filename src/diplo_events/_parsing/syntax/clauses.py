"""Clauses, verb groups and the roles around each verb.

The sentence is cut into *segments* at commas, stops, quotation marks and clause openers
(subordinators, relative pronouns, "that", "and" before a verb). A *verb group* is a run of
auxiliaries, modals, negations and adverbs ending in a main verb (and its particle: "pulled
out"); it tells tense, negation, modality and voice. Each verb group is a
:class:`Predicate` whose subject, object, prepositional phrases and passive agent are found
here, once, for every rule:

- the subject is the nearest phrase before the verb in its segment that is no
  preposition's object; else the antecedent of a relative pronoun ("X, who met Y"); else
  the subject of the verb a coordinated or participle predicate shares ("X met Y and
  said", ", saying"); else, walking back over an appositive or a relative clause, the
  phrase a comma segment names ("X, the spokesman, said"); else, for a reporting verb
  after a clause or quotation, the phrase after it ("..., said the army");
- an infinitive's subject is its governor's object for verbs that pass their object on
  ("urged Russia to withdraw"), else the governor's subject;
- a passive verb's agent is its "by" phrase.
"""

from __future__ import annotations

import bisect
import enum
import functools
import re
from collections.abc import Sequence

import attrs

from ..annotate.tokens import Token
from ..annotate.vocabulary import VerbForm, Vocabulary
from .phrases import PP, Phrase
from .tags import Tag, clause_after

__all__ = ["Modal", "Predicate", "Segment", "SegmentKind", "build_clauses"]


class SegmentKind(enum.StrEnum):
    """What opens a segment."""

    START = "start"  # the sentence's first segment
    COMMA = "comma"
    STOP = "stop"  # ; : -- ( )
    QUOTE = "quote"  # a quotation mark
    SUB = "sub"  # when, while, because, after + clause ...
    REL = "rel"  # who, which, where
    THAT = "that"
    AND_VERB = "and_verb"  # "and" / "but" before a verb: a predicate sharing the subject
    AND_CLAUSE = "and_clause"  # "and" / "but" before a phrase and a verb


@attrs.define(eq=False)
class Segment:
    """Tokens ``[first, end)``; ``opener`` is the token that opened it (-1 for the first).
    Read-only once built, like :class:`~.phrases.Phrase`."""

    index: int
    first: int
    end: int
    kind: SegmentKind
    opener: int
    quoted: bool  # inside quotation marks


class Modal(enum.StrEnum):
    """The modality a verb group's own words give."""

    NONE = "none"
    FUTURE = "future"  # will, shall
    HYPOTHETICAL = "hypothetical"  # would, could, may ...


@attrs.define(eq=False)
class Predicate:
    """A verb group and its roles. Mutable while the clause stage fills it, read-only after."""

    first: int  # first token of the group (auxiliaries included)
    head: int  # the main verb
    end: int  # end of the group (after a particle)
    lemma: str  # "say", "pull out"
    forms: frozenset[str]
    segment: Segment
    negated: bool = False
    modal: Modal = Modal.NONE
    passive: bool = False
    perfect: bool = False
    past_perfect: bool = False  # "had met": before the time the story tells
    infinitive: bool = False
    gerund: bool = False  # an -ing form with no "be" before it
    participle: bool = False  # an -ed form with no auxiliary ("the town captured by ...")
    subject: Phrase | None = None
    subject_how: str = ""  # how the subject was found: own, relative, shared, inverted ...
    object: Phrase | None = None
    pps: tuple[PP, ...] = ()  # prepositional phrases after the verb, in its clause
    pre_pps: tuple[PP, ...] = ()  # those before it, in its clause (fronted ones included)
    governor: Predicate | None = None  # the verb that governs it (infinitive, complement)
    #: how: "infinitive", "complement" (a reported clause), "sub" (an -ing clause after
    #: "before", "after": it takes the main verb's tense, not its negation)
    governed_how: str = ""
    future_be: bool = False  # "is to meet", "is going to meet", "is due to"

    @property
    def finite(self) -> bool:
        return not (self.infinitive or self.gerund or self.participle)

    @property
    def agent(self) -> Phrase | None:
        """The passive verb's "by" phrase."""
        if not self.passive and not self.participle:
            return None
        for pp in self.pps:
            if pp.prep == "by" and pp.phrase is not None:
                return pp.phrase
        return None

    @property
    def doer(self) -> Phrase | None:
        """Who does it: the agent of a passive verb, else its subject."""
        if self.passive or (self.participle and self.agent is not None):
            return self.agent
        return self.subject

    @property
    def undergoer(self) -> Phrase | None:
        """What it is done to: the subject of a passive verb, else its object."""
        if self.passive or (self.participle and self.agent is not None):
            return self.subject
        return self.object

    def pp(self, *preps: str) -> list[PP]:
        """Its prepositional phrases (after it, then before it) with one of ``preps``."""
        return [p for p in (*self.pps, *self.pre_pps) if p.prep in preps]


# Verbs whose object is the subject of their infinitive ("urged Russia to withdraw").
_OBJECT_CONTROL = frozenset({"urge", "ask", "call", "invite", "order", "allow", "force",
                             "persuade", "tell", "request", "encourage", "help", "expect",
                             "want", "permit", "compel", "pressure", "press", "instruct",
                             "direct", "advise", "enable", "prompt", "lead", "warn"})  # fmt: skip
_BE = frozenset({"be", "am", "is", "are", "was", "were", "been", "being", "'s", "’s", "'re",
                 "get", "gets", "got", "gotten", "getting"})  # fmt: skip
_HAVE = frozenset({"have", "has", "had", "having", "'ve", "'d"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})


def _segments(
    tokens: Sequence[Token], tags: list[str], vocab: Vocabulary, inside: frozenset[int]
) -> list[Segment]:
    """Segments of the sentence; ``inside`` are commas within a phrase ("A, B and C")."""
    n = len(tokens)
    out: list[Segment] = []
    first, kind, opener = 0, SegmentKind.START, -1
    quoted = False
    open_quotes = 0
    for found in _OPENER_TAGS.finditer("".join(tags)):
        i = found.start()
        tag = tags[i]
        new: SegmentKind | None = None
        if tag == Tag.COMMA:
            if i in inside:
                continue
            new = SegmentKind.COMMA
        elif tag == Tag.STOP:
            new = SegmentKind.STOP
        elif tag == Tag.QUOTE:
            new = SegmentKind.QUOTE
        elif tag == Tag.SUB:
            new = SegmentKind.SUB
        elif tag == Tag.REL:
            new = SegmentKind.REL
        elif tag == Tag.THAT:
            if _that_is_determiner(tokens, tags, i):
                tags[i] = Tag.DET
            else:
                new = SegmentKind.THAT
        elif tag == Tag.COORD and tokens[i].low in ("and", "but", "or", "yet"):
            after = _skip(tags, i + 1, (Tag.ADV,))
            if after < n and tags[after] in (Tag.VERB, Tag.AUX, Tag.MODAL):
                new = SegmentKind.AND_VERB
            elif (
                clause_after(tags, i + 1)
                and not _gerund_next(tokens, tags, i + 1, vocab)
                and (tokens[i].low != "and" or _verb_in(tags, first, i))
                # (not "said he and Maskhadov agreed": "he and Maskhadov" is one subject)
                and not (i > 0 and vocab.has("nominative_pronoun", tokens[i - 1].low))
            ):
                new = SegmentKind.AND_CLAUSE
        if new is None:
            continue
        if i > first:
            out.append(Segment(len(out), first, i, kind, opener, quoted))
            first, kind, opener = i + 1, new, i
        else:
            # two openers in a row (", who"): one segment, of the more telling kind
            if kind in (SegmentKind.START, SegmentKind.COMMA) or new is not SegmentKind.COMMA:
                kind, opener = new, i
            first = i + 1
        if tag == Tag.QUOTE:
            open_quotes += 1
            quoted = _opens(tokens, i, quoted)
    out.append(Segment(len(out), first, n, kind, opener, quoted))
    return out


#: The tags that may open a segment, as a character class of the tag string.
_OPENER_TAGS = re.compile(
    "[" + re.escape("".join((Tag.COMMA, Tag.STOP, Tag.QUOTE, Tag.SUB, Tag.REL, Tag.THAT,
                             Tag.COORD))) + "]"
)  # fmt: skip
#: The tags that may begin a verb group.
_GROUP_TAGS = re.compile("[" + re.escape(Tag.AUX + Tag.MODAL + Tag.VERB + Tag.TO) + "]")


def _opens(tokens: Sequence[Token], i: int, inside: bool) -> bool:
    """Whether the quotation mark at ``i`` opens a quotation (else it closes one). A mark
    glued to the word after it and spaced from the one before opens; glued to the word
    before it closes; otherwise the marks alternate. (A quotation may run over sentences:
    '"... fruitful discussion," Kaifu said' holds only the closing mark.)"""
    tok = tokens[i]
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    glued_after = after is not None and after.start == tok.end and after.text[:1].isalnum()
    glued_before = before is not None and before.end == tok.start
    if glued_after and not glued_before:
        return True
    if glued_before and not glued_after:
        return False
    if before is None:
        return True
    return not inside


def _skip(tags: Sequence[str], i: int, skip: tuple[str, ...]) -> int:
    while i < len(tags) and tags[i] in skip:
        i += 1
    return i


def _verb_in(tags: Sequence[str], first: int, end: int) -> bool:
    return any(tags[i] in (Tag.VERB, Tag.AUX, Tag.MODAL) for i in range(first, end))


def _that_is_determiner(tokens: Sequence[Token], tags: Sequence[str], i: int) -> bool:
    """ "seized that town", "on that day": "that" before a noun that no verb follows."""
    n = len(tokens)
    if i + 1 >= n or tags[i + 1] not in (Tag.WORD, Tag.NUM):
        return False
    prev = i - 1
    if prev >= 0 and tags[prev] in (Tag.PREP,):
        return True
    if prev >= 0 and tags[prev] == Tag.VERB:
        j = i + 1
        while j < n and tags[j] in (Tag.WORD, Tag.NUM):
            j += 1
        return j >= n or tags[j] not in (Tag.VERB, Tag.AUX, Tag.MODAL)
    return False


def _verb_groups(
    tokens: Sequence[Token],
    tags: list[str],
    units: list[int],
    forms: Sequence[frozenset[str]],
    vocab: Vocabulary,
    segments: Sequence[Segment],
) -> list[Predicate]:
    out: list[Predicate] = []
    # (the loop below changes no tag to one that begins a verb group: the string finds them)
    tag_string = "".join(tags)
    for seg in segments:
        i = seg.first
        while i < seg.end:
            found = _GROUP_TAGS.search(tag_string, i, seg.end)
            if found is None:
                break
            i = found.start()
            if tags[i] not in (Tag.AUX, Tag.MODAL, Tag.VERB, Tag.TO):
                i += 1  # (a tag the loop changed)
                continue
            start = i
            infinitive = tags[i] == Tag.TO
            if infinitive:
                i += 1
            auxes: list[str] = []
            negated = False
            while i < seg.end and tags[i] in (Tag.AUX, Tag.MODAL, Tag.NEG, Tag.ADV, Tag.CONT):
                if tags[i] in (Tag.AUX, Tag.MODAL):
                    auxes.append(tokens[i].low)
                elif tags[i] == Tag.NEG:
                    negated = True
                i += 1
            if i >= seg.end or tags[i] != Tag.VERB:
                continue  # auxiliaries with no verb (cut by a segment break)
            head = i
            lemma = vocab.lemma(tokens[head].low)
            end = head + 1
            # a particle: "pulled out", "took over", "handed over" (also when the tagger
            # read "out of" as one preposition)
            if end < seg.end and tokens[end].low in _PARTICLES:
                phrasal = lemma + " " + tokens[end].low
                if phrasal in _phrasal_verbs(vocab):
                    if units[end] > 1:
                        units[end + 1] = units[end] - 1
                        tags[end + 1] = Tag.PREP
                        units[end] = 1
                    tags[end] = Tag.ADV  # the particle belongs to the verb
                    lemma = phrasal
                    end += 1
            pred = Predicate(first=start, head=head, end=end, lemma=lemma, forms=forms[head],
                             segment=seg)  # fmt: skip
            pred.infinitive = infinitive
            pred.negated = negated
            if any(a in _FUTURE for a in auxes):
                pred.modal = Modal.FUTURE
            elif any(a in ("would", "could", "might", "should", "must", "can", "ca", "may",
                           "ought") for a in auxes):  # fmt: skip
                pred.modal = Modal.HYPOTHETICAL
            last_aux = auxes[-1] if auxes else ""
            verb_forms = forms[head]
            pred.passive = (
                last_aux in _BE
                and VerbForm.PARTICIPLE in verb_forms
                and (VerbForm.GERUND not in verb_forms)
            )
            if last_aux in ("been",) and VerbForm.PARTICIPLE in verb_forms:
                pred.passive = True
            pred.perfect = any(a in _HAVE for a in auxes)
            pred.past_perfect = "had" in auxes
            if auxes and auxes[0] in ("being", "having") and not infinitive:
                pred.gerund = True  # "after being sworn in", "having met X"
            if not auxes and not infinitive:
                if verb_forms == {VerbForm.GERUND}:
                    pred.gerund = True
                elif VerbForm.PARTICIPLE in verb_forms and _participle_use(
                    tokens, tags, forms, head, seg, vocab
                ):
                    pred.participle = True
            out.append(pred)
            i = end
    return out


_MEANS = frozenset({"phone", "telephone", "email", "e-mail", "letter", "video", "radio", "fax",
                    "satellite", "text", "mail", "cable", "telegram", "videolink", "message",
                    "far", "contrast", "comparison", "default", "chance", "mistake"})  # fmt: skip
_PARTICLES = frozenset({"up", "out", "back", "over", "off", "down", "away", "in", "on", "aside"})


@functools.cache
def _phrasal_verbs(vocab: Vocabulary) -> frozenset[str]:
    """Every verb lemma and every form of any class of several words ("pull out"): a verb
    and a particle that make one of them are a phrasal verb."""
    out = set(vocab.lemmas.values())
    for forms in vocab.classes.values():
        out.update(f for f in forms if " " in f)
    return frozenset(out)


def _participle_use(
    tokens: Sequence[Token],
    tags: Sequence[str],
    forms: Sequence[frozenset[str]],
    head: int,
    seg: Segment,
    vocab: Vocabulary,
) -> bool:
    """An -ed form used as a participle ("the town captured by rebels", "Asked about it,"):
    right after a noun phrase and followed by "by", or opening a segment."""
    nxt = head + 1
    first = seg.first
    while first < head and tags[first] == Tag.ADV:
        first += 1
    if first == head and seg.kind is SegmentKind.COMMA:
        # ", known as Wisma Putra,", ", backed by Iran,": a participle opening an aside takes
        # no object ("the chief, Gen X, hosted his counterparts", ", told AFP" are verbs);
        # a reporting verb there reports ("X, the coordinator, warned on Monday that ...")
        lemma = vocab.lemma(tokens[head].low)
        if vocab.has("reporting_verb", lemma) and not (
            nxt < len(tokens) and tokens[nxt].low in ("by", "as")
        ):
            return False
        j = nxt
        while j < len(tags) and tags[j] == Tag.ADV:
            j += 1
        return j >= len(tags) or tags[j] in (Tag.PREP, Tag.SUB, Tag.COMMA, Tag.STOP)
    if nxt < len(tokens) and tokens[nxt].low == "by":
        if nxt + 1 < len(tokens) and tokens[nxt + 1].low in _MEANS:
            return False  # "said by phone": how, not by whom
        prev = head - 1
        while prev >= seg.first and tags[prev] == Tag.ADV:
            prev -= 1
        # "the town captured by rebels"; ", also run by a military government,"
        return prev < seg.first or tags[prev] in (Tag.ACTOR, Tag.PLACE, Tag.WORD, Tag.CAP)
    return False


def build_clauses(
    tokens: Sequence[Token],
    tags: list[str],
    units: list[int],
    forms: Sequence[frozenset[str]],
    vocab: Vocabulary,
    phrases: Sequence[Phrase],
    pps: Sequence[PP],
) -> tuple[list[Segment], list[Predicate]]:
    """Segments and predicates, with every predicate's roles filled."""
    inside: set[int] = set()
    for p in phrases:
        for member in p.members[:-1]:
            if member.end < len(tags) and tags[member.end] == Tag.COMMA:
                inside.add(member.end)  # "Russia, Tajikistan and Uzbekistan"
        for pp in p.modifiers:
            if pp.phrase is not None:
                for member in pp.phrase.members[:-1]:
                    if member.end < len(tags) and tags[member.end] == Tag.COMMA:
                        inside.add(member.end)
    for pp in pps:
        if pp.phrase is not None:
            for member in pp.phrase.members[:-1]:
                if member.end < len(tags) and tags[member.end] == Tag.COMMA:
                    inside.add(member.end)
    segments = _segments(tokens, tags, vocab, frozenset(inside))
    preds = _verb_groups(tokens, tags, units, forms, vocab, segments)
    pp_object_ends = {pp.phrase.end for pp in pps
                      if pp.phrase is not None and tags[pp.phrase.head] == Tag.WORD}  # fmt: skip
    noun_ends = {p.end for p in phrases if tags[p.head] in (Tag.WORD, Tag.CAP)}
    n = len(tokens)
    for k, pred in enumerate(preds):
        after_noun = pred.head in pp_object_ends or (
            # "is the second drill held in Chile": a noun, the participle, then a PP
            pred.head in noun_ends and pred.end < n and tags[pred.end] == Tag.PREP
        )
        # a participle describing a noun takes no object ("rebels fled Grozny" is a verb)
        takes_object = pred.end < n and tags[pred.end] in (
            Tag.DET,
            Tag.ACTOR,
            Tag.PLACE,
            Tag.WORD,
            Tag.CAP,
            Tag.NUM,
        )
        if (
            pred.first == pred.head
            and not pred.infinitive
            and VerbForm.PARTICIPLE in pred.forms
            and after_noun
            and not takes_object
            and (
                any(p.segment is pred.segment for p in preds[:k])
                or _later_verb(preds[k + 1 :], tags, vocab)
            )
        ):
            # "said in a statement issued on Tuesday" (not "heads of state gathered")
            pred.participle = True
    phrase_at_end: dict[int, Phrase] = {}
    phrase_at_first: dict[int, Phrase] = {}
    for p in phrases:
        phrase_at_first[p.first] = p
        phrase_at_end[p.stop] = p
        phrase_at_end.setdefault(p.end, p)
    pp_objects = {pp.phrase.first: pp for pp in pps if pp.phrase is not None}
    appositives = frozenset(
        q.first
        for p in phrases
        for q in (p.appositive, *(m.appositive for m in p.members))
        if q is not None
    )
    ctx = _Context(tokens, tags, vocab, segments, preds, phrases, pps, phrase_at_end,
                   phrase_at_first, pp_objects, appositives)  # fmt: skip
    for pred in preds:
        ctx.attach(pred)
    for pred in preds:
        ctx.subject(pred)
    return segments, preds


def _later_verb(later: Sequence[Predicate], tags: Sequence[str], vocab: Vocabulary) -> bool:
    """ "Forces aligned with the GNA, ..., said ...": the sentence's verb comes later,
    opening a segment of its own."""
    n = len(tags)
    return any(
        q.first == q.segment.first
        and q.segment.kind is SegmentKind.COMMA
        and not (q.gerund or q.infinitive)
        # (", said the Malian army." has its subject after it)
        and not (
            vocab.has("reporting_verb", q.lemma)
            and q.end < n
            and tags[q.end] in (Tag.DET, Tag.ACTOR, Tag.CAP)
        )
        for q in later
    )


@attrs.define
class _Context:
    tokens: Sequence[Token]
    tags: Sequence[str]
    vocab: Vocabulary
    segments: Sequence[Segment]
    preds: Sequence[Predicate]
    phrases: Sequence[Phrase]
    pps: Sequence[PP]
    phrase_at_end: dict[int, Phrase]
    phrase_at_first: dict[int, Phrase]
    pp_objects: dict[int, PP]
    appositives: frozenset[int]  # first tokens of phrases that describe the one before

    _by_segment: dict[int, list[Predicate]] = attrs.field(factory=dict)
    #: the predicates whose subject was looked for (found or not): each is looked for once,
    #: so "met met met ..." costs one look per verb, not one per verb before it
    _looked: set[int] = attrs.field(factory=set)
    _positions: dict[int, int] = attrs.field(factory=dict)
    pp_first: dict[int, PP] = attrs.field(init=False)
    _pp_starts: list[int] = attrs.field(init=False)  # the PPs' first tokens, ascending
    _phrase_starts: list[int] = attrs.field(init=False)  # the phrases' first tokens, ascending

    def __attrs_post_init__(self) -> None:
        self.pp_first = {pp.first: pp for pp in self.pps}
        self._pp_starts = [pp.first for pp in self.pps]
        self._phrase_starts = [p.first for p in self.phrases]

    def _pps_from(self, first: int, end: int) -> Sequence[PP]:
        """The PPs whose preposition lies in tokens ``[first, end)``, in order."""
        starts = self._pp_starts
        lo = bisect.bisect_left(starts, first)
        return self.pps[lo : bisect.bisect_left(starts, end, lo)]

    def _index_in(self, pred: Predicate, same: list[Predicate]) -> int:
        """The position of ``pred`` among its segment's predicates (``same``)."""
        if not self._positions:
            for s in self._by_segment.values():
                for i, p in enumerate(s):
                    self._positions[id(p)] = i
        return self._positions.get(id(pred), same.index(pred))

    def _preds_in(self, seg: Segment) -> list[Predicate]:
        if not self._by_segment and self.preds:
            for p in self.preds:
                self._by_segment.setdefault(p.segment.index, []).append(p)
        return self._by_segment.get(seg.index, [])

    def attach(self, pred: Predicate) -> None:
        """Object, prepositional phrases and governor of ``pred``."""
        seg = pred.segment
        same = self._preds_in(seg)
        k = self._index_in(pred, same)
        nxt = same[k + 1].first if k + 1 < len(same) else seg.end
        prev_end = same[k - 1].end if k > 0 else seg.first
        # object: the phrase right after the verb (across a date: "met on Tuesday X" is rare)
        at = pred.end
        pp_first = self.pp_first
        while at < nxt:
            # "completed on Friday the withdrawal": over a time phrase to the object
            if self.tags[at] in (Tag.DATE, Tag.ADV):
                at += 1
            elif (
                at in pp_first
                and pp_first[at].phrase is None
                and pp_first[at].end < nxt
                and self.tags[pp_first[at].end] == Tag.DATE
            ):
                at = pp_first[at].end  # "on Friday"
            else:
                break
        obj = self.phrase_at_first.get(at)
        inside = (0, 0)
        if obj is not None and obj.first < nxt:
            pred.object = obj
            inside = (obj.first, obj.stop)  # "met the envoy to Mali": no PP of the verb
        pred.pps = tuple(pp for pp in self._pps_from(pred.end, nxt) if not pp.nested
                         and not inside[0] <= pp.first < inside[1])  # fmt: skip
        if obj is not None and obj.appositive_closed(self.tags) and k + 1 == len(same):
            # "met X, the envoy, in Doha": the verb's PPs go on after the appositive
            pos = obj.stop + 1
            while pos in pp_first and pp_first[pos].phrase is not None:
                pred.pps += (pp_first[pos],)
                pos = pp_first[pos].end
        if k + 1 == len(same):
            # ", including Kandahar and Herat": a list after a comma goes on with the verb
            later = self.segments[seg.index + 1] if seg.index + 1 < len(self.segments) else None
            if later is not None and later.kind is SegmentKind.COMMA and not self._preds_in(later):
                listed = pp_first.get(later.first)
                if listed is not None and listed.prep in ("including", "such as", "among them"):
                    pred.pps += (listed,)
        pred.pre_pps = tuple(pp for pp in self._pps_from(prev_end, pred.first)
                             if pp.end <= pred.first)  # fmt: skip
        if k == 0 and seg.index >= 1:
            # "In Doha, X met Y": a fronted phrase belongs to the first clause's verbs (also
            # past an appositive: "During talks with X, the Panamanian minister, Y said")
            opening = self.segments[0]
            fronted = pp_first.get(opening.first)
            if (
                fronted is not None
                and opening.end > 0
                and all(
                    not self._preds_in(s) and (s.index == 0 or s.kind is SegmentKind.COMMA)
                    for s in self.segments[: seg.index]
                )
            ):
                pred.pre_pps = (fronted, *pred.pre_pps)
        # governor
        if pred.infinitive and k > 0:
            pred.governor, pred.governed_how = same[k - 1], "infinitive"
        elif k > 0 and pred.finite and self.vocab.has("report_frame_verb", same[k - 1].lemma):
            pred.governor, pred.governed_how = same[k - 1], "complement"  # "said the town ..."
            if same[k - 1].object is not None and same[k - 1].object is self._subject_in_seg(
                pred, prev_end
            ):
                same[k - 1].object = None
        elif k == 0 and seg.kind in (SegmentKind.THAT, SegmentKind.QUOTE):
            before = self._last_ending_by(seg.opener)
            if before is not None and seg.kind is SegmentKind.THAT:
                pred.governor, pred.governed_how = before, "complement"
        elif pred.infinitive and k == 0:
            before = self._last_ending_by(pred.first)
            if before is not None and before.segment.index >= seg.index - 1:
                pred.governor, pred.governed_how = before, "infinitive"
        if pred.gerund and k == 0 and seg.kind is SegmentKind.SUB:
            pass  # "after meeting X": subject found later (shared)

    def _last_ending_by(self, i: int) -> Predicate | None:
        """The last predicate that ends at or before token ``i``."""
        return next((p for p in reversed(self.preds) if p.end <= i), None)

    def _subject_in_seg(self, pred: Predicate, floor: int) -> Phrase | None:
        """The phrase before the verb in its own segment that is no preposition's object."""
        i = pred.first - 1
        tags = self.tags
        while i >= floor:
            tag = tags[i]
            if tag in (Tag.ADV, Tag.NEG, Tag.DATE, Tag.CONT):
                i -= 1
                continue
            p = self.phrase_at_end.get(i + 1)
            if p is None:
                if tag in (Tag.VERB, Tag.AUX, Tag.MODAL, Tag.TO):
                    return None
                i -= 1
                continue
            owner = self.pp_objects.get(p.first)
            if owner is not None:
                i = owner.first - 1  # a preposition's object: the subject is before it
                continue
            return p
        return None

    def subject(self, pred: Predicate) -> None:
        seg = pred.segment
        if pred.subject is not None or id(pred) in self._looked:
            return
        self._looked.add(id(pred))
        same = self._preds_in(seg)
        k = self._index_in(pred, same)
        floor = same[k - 1].end if k > 0 else seg.first
        if pred.gerund and pred.first == 0 and k + 1 < len(same):
            # "Taking part in the drills are units from X": the phrase after "are" does it
            be = same[k + 1]
            if self.vocab.has("be", be.lemma) and be.object is not None:
                pred.subject, pred.subject_how = be.object, "inverted"
                return
        if pred.infinitive and pred.governor is not None:
            gov = pred.governor
            self.subject(gov)
            if gov.lemma.split(" ")[0] in _OBJECT_CONTROL and gov.object is not None:
                pred.subject, pred.subject_how = gov.object, "control"
            else:
                pred.subject, pred.subject_how = gov.subject, "shared"
            return
        if pred.participle and pred.first > seg.first:
            # "the drills held near the border": the phrase the participle hangs from
            noun = self.phrase_at_end.get(pred.first)
            if noun is not None:
                pred.subject, pred.subject_how, pred.passive = noun, "reduced", True
                return
        if pred.gerund:
            # "..., with Jordan's envoy insisting that ...": the phrase after "with"
            before = self.phrase_at_end.get(pred.first)
            owner = self.pp_objects.get(before.first) if before is not None else None
            if before is not None and owner is not None and owner.prep in ("with", "without"):
                pred.subject, pred.subject_how = before, "absolute"
                return
        if pred.gerund and k > 0 and same[k - 1].finite and self.vocab.has("say_verb", pred.lemma):
            # "X questioned Y's remarks noting ...": a saying told along, by the verb's doer
            prev = same[k - 1]
            self.subject(prev)
            said_by_object = prev.object is not None and (
                self.vocab.has("statement_noun", prev.object.head_word)
                or self.vocab.has("source_document_noun", prev.object.head_word)
            )  # "received a letter from Y saying ...": the letter says it
            if prev.subject is not None and prev.subject.first < prev.first and not said_by_object:
                pred.subject, pred.subject_how = prev.subject, "shared"
                return
        found = self._subject_in_seg(pred, floor)
        if found is not None:
            pred.subject, pred.subject_how = found, "own"
            return
        if k > 0 and not same[k - 1].infinitive:
            # "X met Y on Monday ... said": the verb before in the same segment
            prev = same[k - 1]
            if self.vocab.has("report_frame_verb", prev.lemma) and pred.governor is prev:
                return
            self.subject(prev)
            pred.subject, pred.subject_how = prev.subject, "shared"
            return
        if seg.kind is SegmentKind.REL:
            ante = self.phrase_at_end.get(seg.opener) or self.phrase_at_end.get(seg.opener - 1)
            if ante is not None:
                pred.subject, pred.subject_how = ante, "relative"
                return
        if pred.infinitive and seg.kind is SegmentKind.COMMA:
            # "X met Y, Z, in Doha to discuss ...": the purpose of the verb before
            verb = next((p for p in reversed(self.preds) if p.segment.index < seg.index
                         and p.finite and p.segment.quoted == seg.quoted), None)  # fmt: skip
            if verb is not None:
                self.subject(verb)
                pred.subject, pred.subject_how = verb.subject, "shared"
                return
        if seg.kind is SegmentKind.AND_VERB or (pred.gerund and seg.kind is SegmentKind.COMMA):
            main = self._main_before(seg)
            if main is not None:
                self.subject(main)
                pred.subject, pred.subject_how = main.subject, "shared"
                if seg.kind is SegmentKind.AND_VERB and _bare(pred):
                    # "could come under pressure and fall": the auxiliary goes with both
                    pred.modal, pred.negated = main.modal, main.negated
                    pred.future_be = main.future_be
                return
        if seg.kind in (SegmentKind.COMMA, SegmentKind.SUB) or pred.gerund:
            found = self._walk_back(seg)
            if found is not None:
                pred.subject, pred.subject_how = found, "before"
                return
        if self._inverted(pred, seg):
            return
        if pred.gerund and seg.kind is SegmentKind.SUB:
            main = self._main_before(seg)  # "X spoke in Riga after meeting Y"
            if main is not None:
                self.subject(main)
                pred.subject, pred.subject_how = main.subject, "shared"
                if pred.governor is None:
                    pred.governor, pred.governed_how = main, "sub"
                return
        if pred.gerund or seg.kind is SegmentKind.SUB:
            later = next((p for p in self.preds if p.first > pred.end and p.finite
                          and p.segment.kind in (SegmentKind.COMMA, SegmentKind.START)),
                         None)  # fmt: skip
            if later is not None:
                self.subject(later)
                pred.subject, pred.subject_how = later.subject, "shared"

    def _main_before(self, seg: Segment) -> Predicate | None:
        """The nearest finite predicate before ``seg`` in a clause that is no relative or
        subordinate one."""
        for p in reversed(self.preds):
            if p.segment.index >= seg.index:
                continue
            if p.segment.kind in (SegmentKind.REL, SegmentKind.THAT, SegmentKind.SUB):
                continue
            if not p.finite or p.governor is not None:
                continue
            if p.segment.quoted != seg.quoted:
                continue
            return p
        return None

    def _inverted(self, pred: Predicate, seg: Segment) -> bool:
        """ "..., said the army": a reporting verb opening its segment, after a clause or a
        quotation, takes the phrase after it as its subject."""
        if pred.first != seg.first or not self.vocab.has("reporting_verb", pred.lemma):
            return False
        if self.vocab.has("addressee_verb", pred.lemma):
            return False  # ", told AFP": the one told, not the teller
        after = self.phrase_at_first.get(pred.end)
        if after is None:
            return False
        end = after.stop
        n = len(self.tokens)
        j = _skip(self.tags, end, (Tag.ADV, Tag.DATE))
        if j < n and self.tags[j] not in (Tag.COMMA, Tag.STOP, Tag.PUNCT, Tag.QUOTE, Tag.PREP,
                                          Tag.SUB):  # fmt: skip
            return False
        pred.subject, pred.subject_how = after, "inverted"
        if pred.object is after:
            pred.object = None
        return True

    def _first_phrase_in(self, seg: Segment) -> Phrase | None:
        """The first phrase inside ``seg``."""
        phrases = self.phrases
        for k in range(bisect.bisect_left(self._phrase_starts, seg.first), len(phrases)):
            p = phrases[k]
            if p.first >= seg.end:
                break
            if p.end <= seg.end:
                return p
        return None

    def _walk_back(self, seg: Segment) -> Phrase | None:
        """Over ", the spokesman," and ", who arrived on Monday," back to the phrase that
        opens the run of comma segments before ``seg``."""
        k = seg.index - 1
        candidate: Phrase | None = None
        while k >= 0:
            s = self.segments[k]
            preds = self._preds_in(s)
            if s.quoted != seg.quoted:
                return None
            if preds:
                if s.kind in (SegmentKind.REL,) or all(p.gerund or p.participle for p in preds):
                    opening = preds[0].subject if preds[0].subject_how == "reduced" else None
                    if opening is not None and opening.first == s.first:
                        candidate = opening  # "Forces aligned with the GNA, ..., said"
                        if s.kind is SegmentKind.START:
                            return candidate
                    k -= 1
                    continue
                return candidate
            first = self._first_phrase_in(s)
            if first is None:
                if s.kind in (SegmentKind.COMMA, SegmentKind.START) and s.end > s.first:
                    k -= 1
                    continue
                return candidate
            if first.first in self.appositives:
                k -= 1  # ", Z," describing a phrase before: not the one the run opens with
                continue
            if self.pp_objects.get(first.first) is not None:
                if s.kind is SegmentKind.COMMA and k > 0:
                    k -= 1  # ", in an official statement,": an aside between subject and verb
                    continue
                # a fronted phrase ("In Doha,"): no subject
                return candidate
            candidate = first
            if s.kind in (SegmentKind.START, SegmentKind.STOP, SegmentKind.QUOTE):
                return candidate
            k -= 1
        return candidate


def _bare(pred: Predicate) -> bool:
    """A verb group that is a bare base form: no auxiliary and no tense of its own."""
    return (
        pred.first == pred.head
        and VerbForm.BASE in pred.forms
        and VerbForm.PAST not in pred.forms
        and not pred.infinitive
    )


def _gerund_next(tokens: Sequence[Token], tags: Sequence[str], i: int, vocab: Vocabulary) -> bool:
    """Whether the first verb after ``i`` is an "-ing" form only ("refugees fleeing into A
    and B suggesting that ...": B is no subject, "suggesting" no clause of its own)."""
    for j in range(i, len(tags)):
        if tags[j] in (Tag.AUX, Tag.MODAL):
            return False
        if tags[j] == Tag.VERB:
            forms = vocab.verb_forms.get(tokens[j].low, frozenset())
            return bool(forms) and forms <= {VerbForm.GERUND}
    return False
