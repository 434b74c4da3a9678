"""One matcher for every pattern: compiled once into an index, run once per sentence.

The index maps a verb lemma, a noun form (one word or the first word of several) and a
preposition to the patterns it may trigger, in file order. :func:`match` reads a sentence's
verb groups, nouns and prepositions once and returns, for each trigger, the candidate
patterns of each event type whose trigger constraints hold (object head, particle); the
rule stage then tries them in order against the vetoes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

import attrs

from ..annotate.tokens import Token
from ..annotate.vocabulary import Vocabulary, inflect_noun, vocabulary
from ..syntax import Phrase, Predicate, SentenceSyntax, Tag
from .patterns import Pattern, PatternSet, patterns

__all__ = ["Index", "Match", "index", "match", "may_match"]


@attrs.frozen(eq=False)
class Match:
    """A trigger in a sentence and the patterns (of one event type) it may stand for."""

    candidates: tuple[Pattern, ...]
    first: int  # trigger tokens [first, end)
    end: int
    predicate: Predicate | None  # the verb group of a verb trigger
    phrase: Phrase | None  # the phrase of a noun trigger, or the object of a preposition

    @property
    def type(self) -> str:
        return self.candidates[0].type

    @property
    def pos(self) -> str:
        return self.candidates[0].trigger.pos


@attrs.frozen(eq=False)
class Index:
    """Patterns by what triggers them."""

    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[tuple[tuple[str, ...], tuple[Pattern, ...]], ...]]  # by first word
    preps: dict[str, tuple[Pattern, ...]]


def build_index(pset: PatternSet, vocab: Vocabulary) -> Index:
    """Compile ``pset`` into an :class:`Index`."""
    verbs: dict[str, list[Pattern]] = {}
    noun_lemmas: dict[str, list[Pattern]] = {}
    preps: dict[str, list[Pattern]] = {}
    for p in pset.patterns:
        target = {"verb": verbs, "noun": noun_lemmas, "prep": preps}[p.trigger.pos]
        for lemma in sorted(p.trigger.lemmas):
            target.setdefault(lemma, []).append(p)
    forms_of: dict[str, set[str]] = {}
    for form, lemma in vocab.noun_lemmas.items():
        forms_of.setdefault(lemma, set()).add(form)
    nouns: dict[str, list[tuple[tuple[str, ...], tuple[Pattern, ...]]]] = {}
    for lemma, pats in noun_lemmas.items():
        # (a trigger noun no class lists still has its plural: "hand", "hands")
        for form in forms_of.get(lemma) or inflect_noun(lemma, {}):
            words = tuple(form.split())
            nouns.setdefault(words[0], []).append((words, tuple(pats)))
    return Index(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in nouns.items()},
        preps={k: tuple(v) for k, v in preps.items()},
    )


@functools.cache
def index() -> Index:
    """The package's pattern index, compiled once."""
    return build_index(patterns(), vocabulary())


def _by_type(pats: Sequence[Pattern]) -> Iterator[tuple[Pattern, ...]]:
    seen: dict[str, list[Pattern]] = {}
    for p in pats:
        seen.setdefault(p.type, []).append(p)
    for group in seen.values():
        yield tuple(group)


def _object_ok(p: Pattern, pred: Predicate | None, syn: SentenceSyntax, vocab: Vocabulary) -> bool:
    trig = p.trigger
    if not trig.object_head and trig.object_kind is None:
        return True
    obj = pred.undergoer if pred is not None else None
    if obj is None:
        return False
    if trig.object_head:
        head = syn.lemmas[obj.head]
        if head not in trig.object_head and syn.tokens[obj.head].low not in trig.object_head:
            return False
    ground = (
        obj.places
        or syn.lemmas[obj.head] in vocab.forms("territory_noun")
        # "troops left Afghanistan": a state named as ground
        or (obj.actors and all(a.role.value == "state" for a in obj.actors))
    )
    return trig.object_kind != "place" or bool(ground)


def match(syn: SentenceSyntax, idx: Index | None = None) -> list[Match]:
    """Every trigger of ``syn``, with its candidate patterns per event type, in text order."""
    idx = idx or index()
    vocab = vocabulary()
    out: list[Match] = []
    for pred in syn.predicates:
        pats: tuple[Pattern, ...] = idx.verbs.get(pred.lemma, ())
        verb, _, particle = pred.lemma.partition(" ")
        if particle and not vocab.has("meaning_particle", particle):
            # "called on": the phrasal verb's rows, then the verb's own ("call")
            pats = pats + tuple(p for p in idx.verbs.get(verb, ())
                                if p not in pats)  # fmt: skip
        obj = pred.object
        if obj is not None and obj.end - obj.first == 1 and obj.first == pred.end:
            # "take part", "give way": a verb and a bare noun that make one verb
            pats = pats + idx.verbs.get(f"{pred.lemma} {syn.tokens[obj.first].low}", ())
        if not particle and pred.end < len(syn.tokens):
            after = syn.tokens[pred.end].low
            if vocab.has("meaning_particle", after) and syn.tags[pred.end] == Tag.ADV:
                # "pulled down the flag", "took up positions": another verb than "pull"
                pats = idx.verbs.get(f"{pred.lemma} {after}", ())
        if not pats:
            continue
        ok = [
            p
            for p in pats
            if _object_ok(p, pred, syn, vocab)
            and (p.trigger.particle is None or pred.lemma.endswith(" " + p.trigger.particle))
        ]
        for group in _by_type(ok):
            out.append(Match(group, pred.head, pred.end, pred, None))
    tokens = syn.tokens
    tags = syn.tags
    n = len(tokens)
    nouns = idx.nouns
    prep_firsts = _prep_firsts(idx)
    skip_to = 0  # the end of the last trigger (or multi-word preposition) read
    for i, tok in enumerate(tokens):
        low = tok.low
        if i < skip_to or (low not in nouns and low not in prep_firsts):
            continue
        tag = tags[i]
        if tag == Tag.PREP and low in prep_firsts:
            k = i + syn.units[i]
            words = " ".join(t.low for t in tokens[i:k])
            prep_pats = idx.preps.get(words)
            if prep_pats:
                phrase = syn.phrase_of(k) if k < n else None
                for group in _by_type(prep_pats):
                    out.append(Match(group, i, k, None, phrase))
            skip_to = k
            continue
        options = nouns.get(low) if tag in (Tag.WORD, Tag.CAP) else None
        if options:
            for seq, pats in options:
                k = len(seq)
                if i + k <= n and all(tokens[i + j].low == seq[j] for j in range(1, k)):
                    phrase = syn.phrase_of(i + k - 1)
                    for group in _by_type(pats):
                        out.append(Match(group, i, i + k, None, phrase))
                    skip_to = i + k
                    break
    out.sort(key=lambda m: m.first)
    return out


@functools.cache
def _prep_firsts(idx: Index) -> frozenset[str]:
    return frozenset(k.split(" ")[0] for k in idx.preps)


@functools.cache
def _trigger_words(idx: Index, vocab: Vocabulary) -> frozenset[str]:
    """Every word that may begin a trigger: a form of a trigger verb's first word (a verb
    group's lemma is its main verb's, a particle or object word only added after it), the
    first word of a trigger noun, the first word of a trigger preposition."""
    firsts = {k.split(" ")[0] for k in idx.verbs}
    verbs = {w for w in (*vocab.lemmas, *vocab.noun_lemmas, *firsts) if vocab.lemma(w) in firsts}
    return frozenset(verbs | set(idx.nouns) | _prep_firsts(idx))


def may_match(tokens: Sequence[Token], idx: Index | None = None) -> bool:
    """Whether a sentence of ``tokens`` may hold a trigger at all (else :func:`match` finds
    none, whatever its syntax): a cheap test before the syntax stage."""
    words = _trigger_words(idx or index(), vocabulary())
    return not words.isdisjoint([t.low for t in tokens])
