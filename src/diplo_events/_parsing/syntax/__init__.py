"""The shallow-syntax stage: one analysis per sentence that every rule reads.

:func:`analyse` turns a sentence's tokens and mentions into a :class:`SentenceSyntax`:
word tags (:mod:`.tags`), noun and prepositional phrases with coordination and appositives
(:mod:`.phrases`), and clauses with verb groups and their roles (:mod:`.clauses`). Rules ask
it for roles; they never count characters.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from ..annotate.dates import DateMention
from ..annotate.mentions import ActorMention, PlaceMention
from ..annotate.tokens import Token, tokenize
from ..annotate.vocabulary import Vocabulary
from .clauses import Modal, Predicate, Segment, SegmentKind, build_clauses
from .phrases import PP, Phrase, build_phrases
from .tags import Tag, tag_tokens

__all__ = [
    "PP",
    "Modal",
    "Phrase",
    "Predicate",
    "Segment",
    "SegmentKind",
    "SentenceSyntax",
    "Tag",
    "analyse",
]


@attrs.frozen(eq=False)
class SentenceSyntax:
    """Everything the syntax stage found in one sentence."""

    tokens: Sequence[Token]
    tags: Sequence[str]
    lemmas: Sequence[str]
    units: Sequence[int]
    phrases: Sequence[Phrase]
    pps: Sequence[PP]
    segments: Sequence[Segment]
    predicates: Sequence[Predicate]
    _starts: Sequence[int]
    _phrase_of: list[Phrase | None]  # by token
    _predicate_of: dict[int, Predicate]
    _segment_of: Sequence[int]

    def token_at(self, offset: int) -> int:
        """Index of the token that holds (or follows) character ``offset``."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1

    def phrase_of(self, i: int) -> Phrase | None:
        """The innermost noun phrase that holds token ``i``."""
        return self._phrase_of[i] if 0 <= i < len(self._phrase_of) else None

    def predicate_of(self, i: int) -> Predicate | None:
        """The verb group whose main verb (or particle) is token ``i``."""
        return self._predicate_of.get(i)

    def segment_of(self, i: int) -> Segment:
        return self.segments[self._segment_of[i]]

    def start(self, i: int) -> int:
        return self.tokens[i].start if i < len(self.tokens) else self.tokens[-1].end

    def end(self, i: int) -> int:
        """Character end of token ``i - 1`` (the end of a token range ending at ``i``)."""
        return self.tokens[i - 1].end if i > 0 else self.tokens[0].start


def _range(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> tuple[int, int]:
    first = bisect.bisect_right(ends, start)
    last = bisect.bisect_left(starts, end)
    return first, max(last, first + 1)


def analyse(
    norm: str,
    start: int,
    end: int,
    actors: Sequence[ActorMention],
    places: Sequence[PlaceMention],
    dates: Sequence[DateMention],
    vocab: Vocabulary,
    tokens: list[Token] | None = None,
) -> SentenceSyntax:
    """The syntax of ``norm[start:end]`` given its mentions (and its ``tokens``, when the
    caller has them)."""
    if tokens is None:
        tokens = tokenize(norm, start, end)
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    entities: list[tuple[int, int, str]] = []
    a_ranges: list[tuple[int, int, ActorMention]] = []
    p_ranges: list[tuple[int, int, PlaceMention]] = []
    if tokens:
        for d in dates:
            a, b = _range(starts, ends, d.start, d.end)
            entities.append((a, b, Tag.DATE))
        for p in places:
            a, b = _range(starts, ends, p.start, p.end)
            entities.append((a, b, Tag.PLACE))
            p_ranges.append((a, b, p))
        for m in actors:
            a, b = _range(starts, ends, m.start, m.end)
            entities.append((a, b, Tag.ACTOR))
            a_ranges.append((a, b, m))
    tagged = tag_tokens(tokens, entities, vocab)
    tags = tagged.tags
    units = tagged.units
    phrases, pps = build_phrases(tokens, tags, units, a_ranges, p_ranges)
    segments, preds = build_clauses(tokens, tags, units, tagged.forms, vocab, phrases, pps)
    # the tokens of a PP's object that no phrase holds, then (over them) every phrase's
    # (a phrase's tokens are a range of the sentence's: a slice of the list is theirs)
    phrase_of: list[Phrase | None] = [None] * len(tokens)
    for pp in reversed(pps):
        if (q := pp.phrase) is not None:
            phrase_of[q.first : q.end] = [q] * (q.end - q.first)
    for top in phrases:
        stack = [top]
        while stack:
            q = stack.pop()
            phrase_of[q.first : q.end] = [q] * (q.end - q.first)
            stack.extend(q.members)
            if q.appositive is not None:
                stack.append(q.appositive)
            for pp in q.modifiers:
                if pp.phrase is not None:
                    stack.append(pp.phrase)
    predicate_of: dict[int, Predicate] = {}
    for pred in preds:
        predicate_of.update(dict.fromkeys(range(pred.head, pred.end), pred))
    segment_of = [0] * len(tokens)
    for seg in segments:
        segment_of[seg.first : seg.end] = [seg.index] * (seg.end - seg.first)
        if 0 <= seg.opener < len(tokens):
            segment_of[seg.opener] = seg.index
    return SentenceSyntax(
        tokens=tokens,
        tags=tags,
        lemmas=tagged.lemmas,
        units=units,
        phrases=phrases,
        pps=pps,
        segments=segments,
        predicates=preds,
        starts=starts,
        phrase_of=phrase_of,
        predicate_of=predicate_of,
        segment_of=segment_of,
    )


def describe(syn: SentenceSyntax) -> str:
    """A readable dump of the analysis (for debugging and ``explain``)."""
    lines = [" ".join(f"{t.text}/{g}" for t, g in zip(syn.tokens, syn.tags, strict=True))]

    def words(p: Phrase | None) -> str:
        if p is None:
            return "-"
        end = p.end
        return " ".join(t.text for t in syn.tokens[p.first : end])

    for pred in syn.predicates:
        flags = [f for f in ("negated", "passive", "perfect", "infinitive", "gerund",
                             "participle") if getattr(pred, f)]  # fmt: skip
        if pred.modal is not Modal.NONE:
            flags.append(pred.modal.value)
        lines.append(
            f"  {pred.lemma!r} seg={pred.segment.index}:{pred.segment.kind.value} "
            f"subj=[{words(pred.subject)}]({pred.subject_how}) obj=[{words(pred.object)}] "
            f"pps={[(pp.prep, words(pp.phrase)) for pp in pred.pps]} "
            f"gov={pred.governor.lemma if pred.governor else '-'} {' '.join(flags)}"
        )
    return "\n".join(lines)
