"""The tests a veto or a cue is made of, evaluated on a :class:`~.view.View`.

Conditions are data (``data/patterns/conditions.toml``): each names one or more of the tests
below, all of which must hold. A test's value is a word list or ``@class`` (words or
phrases), a role kind, or a boolean:

============================  =================================================================
``clause_has``                a word of the class in the trigger's clause
``sentence_has``              ... anywhere in the sentence
``after_in_clause``           ... after the trigger, in its clause
``before_in_clause``          ... before the trigger, in its clause
``modifier``                  ... before the trigger inside its noun phrase ("such meetings")
``right_before``              ... ending right before the trigger ("news conference")
``right_after``               ... starting right after the trigger ("took X by surprise")
``governor`` / ``_not``       the verb governing the trigger is (not) of the class
``governed_as``               how a noun trigger depends on its verb: object, pp, subject, none
``object_head`` / ``_not``    the head word of the object phrase is (not) of the class
``subject_head``              ... of the subject; ``doer_head`` and ``undergoer_head`` likewise
``subject_is`` (``doer_is``,  what that role is: actor, place, pronoun, none, other
``undergoer_is``)
``passive``, ``negated``,     features of the trigger's verb group (or the governing one)
``gerund``, ``infinitive``
``quoted``                    the trigger is inside quotation marks
``pp`` / ``no_pp``            the trigger has (no) prepositional phrase with this preposition
``trigger_word`` (``_not``)   the trigger as written (lower case) is (not) one of these
``lemma``                     the trigger's lemma is one of these
``segment_kind``              the trigger's clause opens with: comma, sub, rel, that ...
``capitalized``               the trigger is written with a capital
``head_of_phrase``            a noun trigger is its phrase's head ("the talks", not "talks
                              table")
``in_subject``                a noun trigger lies in a verb's subject
``followed_by_clause``        a clause ("that ...", a quote, a colon) follows the trigger
============================  =================================================================
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from ..annotate.vocabulary import vocabulary
from ..syntax import Phrase, Predicate, Tag
from .patterns import Condition
from .view import View, extent

__all__ = ["holds"]


#: A cue word is looked for at most this many tokens from the trigger (cues are local, and a
#: long sentence must cost no more than a short one per trigger).
WINDOW = 30


@functools.cache
def _phrases(value: str | tuple[str, ...]) -> tuple[frozenset[tuple[str, ...]], int]:
    """The word sequences of a class or list, and the longest one's length."""
    vocab = vocabulary()
    items = (value,) if isinstance(value, str) else value
    out: set[tuple[str, ...]] = set()
    for item in items:
        forms = vocab.forms(item) if item.startswith("@") else {item.lower()}
        for f in forms:
            out.add(tuple(f.split()))
    return frozenset(out), max((len(w) for w in out), default=1)


@functools.cache
def _by_first(value: str | tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The word sequences of a class or list by their first word."""
    words, _ = _phrases(value)
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _key(value: Any) -> str | tuple[str, ...]:
    return value if isinstance(value, str) else tuple(value)


def _at(view: View, seqs: tuple[tuple[str, ...], ...], i: int, end: int) -> bool:
    toks = view.syn.tokens
    for seq in seqs:
        k = len(seq)
        if i + k <= end and all(toks[i + j].low == seq[j] for j in range(1, k)):
            return True
    return False


def _seq_in(view: View, value: Any, first: int, end: int) -> bool:
    firsts = _by_first(_key(value))
    toks = view.syn.tokens
    for i in range(first, end):
        seqs = firsts.get(toks[i].low)
        if seqs and _at(view, seqs, i, end):
            return True
    return False


def _ends_at(view: View, value: Any, end: int) -> bool:
    words, longest = _phrases(_key(value))
    toks = view.syn.tokens
    for k in range(1, longest + 1):
        if end - k < 0:
            break
        if tuple(t.low for t in toks[end - k : end]) in words:
            return True
    return False


def _starts_at(view: View, value: Any, first: int) -> bool:
    if first >= len(view.syn.tokens):
        return False
    seqs = _by_first(_key(value)).get(view.syn.tokens[first].low)
    return seqs is not None and _at(view, seqs, first, len(view.syn.tokens))


_QUANTITY = frozenset({"number", "numbers", "dozens", "hundreds", "thousands", "lots", "lot",
                       "amount", "amounts", "quantity", "quantities", "stocks", "cache",
                       "caches", "stockpile", "stockpiles", "scores", "tons", "tonnes",
                       "crates", "piles", "group", "groups", "batch"})  # fmt: skip


def _head_in(view: View, phrase: Phrase | None, value: Any) -> bool:
    if phrase is None:
        return False
    while phrase.head_word in _QUANTITY and phrase.modifiers and phrase.modifiers[0].phrase:
        phrase = phrase.modifiers[0].phrase  # "large numbers of weapons": weapons
    words, _ = _phrases(_key(value))
    low = view.syn.tokens[phrase.head].low
    lemma = view.syn.lemmas[phrase.head]
    return (low,) in words or (lemma,) in words


def _what(view: View, phrase: Phrase | None) -> str:
    if phrase is None:
        return "none"
    if view.syn.tags[phrase.first] == Tag.PRON and phrase.end - phrase.first == 1:
        return "pronoun"
    if phrase.parties():
        return "actor"
    if phrase.places:
        return "place"
    return "other"


def _kind(phrase: Phrase) -> str:
    """ "organization" when every party the phrase names is a body (no state, no armed
    group), else what :func:`_what` says."""
    parties = [a.actor for a in phrase.parties() if a.actor is not None]
    if parties and all(a.kind.value == "organization" for a in parties):
        return "organization"
    return "other"


def _is(value: Any, what: str) -> bool:
    items = (value,) if isinstance(value, str) else tuple(value)
    return what in items


def _pred(view: View) -> Predicate | None:
    return view.predicate


def _role(view: View, role: str) -> Phrase | None:
    found = view.phrases(role)
    return found[0] if found else None


_QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "``", "''"})


def holds(cond: Condition, view: View) -> bool:
    """Whether every test of ``cond`` holds for ``view``."""
    return all(_test(name, value, view) for name, value in cond.fields.items())


def _test(name: str, value: Any, view: View) -> bool:
    m = view.match
    syn = view.syn
    first, end = view.clause
    first, end = max(first, m.first - WINDOW), min(end, m.end + WINDOW)
    if name == "clause_has":
        return _seq_in(view, value, first, end)
    if name in ("sentence_has", "sentence_has_not"):
        hit = _seq_in(view, value, max(0, m.first - 2 * WINDOW),
                      min(len(syn.tokens), m.end + 2 * WINDOW))  # fmt: skip
        return hit if name == "sentence_has" else not hit
    if name == "after_in_clause":
        return _seq_in(view, value, m.end, end)
    if name == "before_in_clause":
        return _seq_in(view, value, first, m.first)
    if name == "modifier":
        p = m.phrase
        lo = p.first if p is not None and p.first <= m.first else m.first
        return _seq_in(view, value, lo, m.first)
    if name == "right_before":
        return _ends_at(view, value, m.first if m.predicate is None else m.predicate.head) or (
            m.predicate is not None and _ends_at(view, value, m.predicate.first)
        )
    if name == "right_after":
        return _starts_at(view, value, m.end)
    if name in ("governor", "governor_not"):
        gov = view.governing[0]
        words, _ = _phrases(_key(value))
        hit = gov is not None and ((gov.lemma,) in words or tuple(gov.lemma.split()) in words)
        return hit if name == "governor" else not hit
    if name == "governed_as":
        how = view.governing[1]
        how = "pp" if how.startswith("pp:") else how
        return _is(value, how)
    if name in ("object_head", "object_head_not"):
        p = _role(view, "undergoer")
        hit = _head_in(view, p, value)
        return hit if name == "object_head" else not hit
    if name == "subject_head":
        return _head_in(view, _role(view, "subject"), value)
    if name == "doer_head":
        return _head_in(view, _role(view, "doer"), value)
    if name == "undergoer_head":
        return _head_in(view, _role(view, "undergoer"), value)
    if name in ("subject_is", "doer_is", "undergoer_is"):
        return _is(value, _what(view, _role(view, name.removesuffix("_is"))))
    pred = _pred(view)
    if name in ("passive", "negated", "gerund", "infinitive", "perfect", "participle"):
        flag = bool(pred is not None and getattr(pred, name))
        return flag is bool(value)
    if name == "doer_person":
        doer = _role(view, "doer")
        named = doer is not None and any(
            a.role.value == "person" and not a.bare for a in doer.parties()
        )
        return named is bool(value)
    if name == "doer_has":
        doer = _role(view, "doer")
        if doer is None:
            return False
        # the speaker's phrase and what stands between it and the verb (", who asked ...,")
        lo = doer.first
        hi = m.first if doer.first < m.first else extent(doer)[1]
        return _seq_in(view, value, max(lo, hi - 2 * WINDOW), hi)
    if name == "governs_infinitive":
        pred = m.predicate
        hit = pred is not None and any(p.governor is pred and p.infinitive for p in syn.predicates)
        return hit is bool(value)
    if name == "quote_after":
        hit = any(syn.tokens[j].text in _QUOTE_MARKS
                  for j in range(m.end, min(len(syn.tags), m.end + 8)))  # fmt: skip
        return hit is bool(value)
    if name == "quoted":
        return syn.segment_of(m.first).quoted is bool(value)
    if name in ("pp", "no_pp"):
        preps = (value,) if isinstance(value, str) else tuple(value)
        hit = any(view.pps(p) for p in preps)
        return hit if name == "pp" else not hit
    if name in ("trigger_word", "trigger_word_not"):
        words, _ = _phrases(_key(value))
        hit = tuple(t.low for t in syn.tokens[m.first : m.end]) in words or (
            (syn.tokens[m.first].low,) in words
        )
        return hit if name == "trigger_word" else not hit
    if name == "host_head":
        # "plans for the withdrawal": the head of the phrase the trigger's PP hangs from
        if m.phrase is None:
            return False
        pp = next((pp for pp in syn.pps if pp.phrase is m.phrase), None)
        if pp is None:
            return False
        host = syn.phrase_of(pp.first - 1) if pp.first > 0 else None
        return host is not None and (host.head_word,) in _phrases(_key(value))[0]
    if name in ("from_head", "from_is"):
        # the phrase a trigger leaves: "withdrew from the deal", "pulled out of ECOWAS"
        left = [pp.phrase for pp in view.own_pps
                if pp.prep in ("from", "out of", "of") and pp.phrase is not None]  # fmt: skip
        if name == "from_head":
            return any(_head_in(view, p, value) for p in left)
        return any(_is(value, _kind(p)) for p in left)
    if name in ("after_object", "after_object_not"):
        obj = _role(view, "undergoer")
        hit = obj is not None and _starts_at(view, value, extent(obj)[1])
        return hit if name == "after_object" else not hit
    if name == "lemma_not":
        lemma = pred.lemma if m.predicate is not None and pred is not None else syn.lemmas[m.first]
        return lemma not in _as_set(value)
    if name == "lemma":
        lemma = pred.lemma if m.predicate is not None and pred is not None else syn.lemmas[m.first]
        return lemma in _as_set(value)
    if name == "segment_kind":
        return syn.segment_of(m.first).kind.value in _as_set(value)
    if name == "capitalized":
        return syn.tokens[m.first].text[:1].isupper() is bool(value)
    if name == "head_of_phrase":
        p = m.phrase
        hit = (
            p is None
            or p.head in range(m.first, m.end)
            or (
                # "Exercise Desert Falcon": the noun heads the name after it
                syn.tokens[m.first].text[:1].isupper()
                and m.end < len(syn.tokens)
                and syn.tokens[m.end].text[:1].isupper()
            )
            # "the special exercises Kavkaz-2024", "the NATO exercise Iron Wolf": a name
            or all(
                any(c.isdigit() for c in t.text)
                or t.text[:1].isupper()
                or syn.tags[i] in (Tag.BRACKET, Tag.QUOTE)  # 'the exercise "Himalayan Mission"'
                for i, t in enumerate(syn.tokens[m.end : p.end], start=m.end)
            )
        )
        return hit is bool(value)
    if name == "in_subject":
        return (view.governing[1] == "subject") is bool(value)
    if name == "followed_by_clause":
        j = m.end
        tags = syn.tags
        while j < len(tags) and tags[j] in (Tag.ADV, Tag.DATE, Tag.PREP, Tag.DET, Tag.COMMA):
            if tags[j] == Tag.PREP:
                break
            j += 1
        hit = j < len(tags) and (tags[j] in (Tag.THAT, Tag.QUOTE) or syn.tokens[j].text == ":")
        return hit is bool(value)
    raise ValueError(f"unknown condition test {name!r}")  # pragma: no cover - checked at load


def _as_set(value: Any) -> frozenset[str]:
    items: Iterable[str] = (value,) if isinstance(value, str) else value
    out: set[str] = set()
    for item in items:
        if item.startswith("@"):
            vocab = vocabulary()
            out |= {vocab.lemma(f) for f in vocab.forms(item)} | set(vocab.forms(item))
        else:
            out.add(item.lower())
    return frozenset(out)
