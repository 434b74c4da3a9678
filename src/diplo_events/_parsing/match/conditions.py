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
``right_before`` (``_not``)   ... ending right before the trigger ("news conference")
``right_after``               ... starting right after the trigger ("took X by surprise")
``governor`` / ``_not``       the verb governing the trigger is (not) of the class
``governed_as``               how a noun trigger depends on its verb: object, pp, subject, none
``object_head`` / ``_not``    the head word of the object phrase is (not) of the class
``subject_head``              ... of the subject; ``doer_head`` and ``undergoer_head`` likewise
``subject_is`` (``doer_is``,  what that role is: actor, place, pronoun, none, other
``undergoer_is``,
``governor_doer_is``)
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
``object_complement``         a phrase right after the object says what it is ("called the
                              talks fruitful")
``doer_person``               the doer is a named person
``doer_affiliated``           the doer speaks for a state or a body ("a U.S. official")
============================  =================================================================
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..annotate.tokens import Token
from ..annotate.vocabulary import VerbForm, vocabulary
from ..syntax import Phrase, Tag
from .patterns import Condition
from .view import View, extent

__all__ = ["holds"]


#: A cue word is looked for at most this many tokens from the trigger (cues are local, and a
#: long sentence must cost no more than a short one per trigger).
WINDOW = 30

#: One compiled test: whether it holds for a view.
Test = Callable[[View], bool]


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


Firsts = dict[str, tuple[tuple[str, ...], ...]]


def _at(toks: Sequence[Token], seqs: tuple[tuple[str, ...], ...], i: int, end: int) -> bool:
    for seq in seqs:
        k = len(seq)
        if i + k <= end and all(toks[i + j].low == seq[j] for j in range(1, k)):
            return True
    return False


def _seq_in(toks: Sequence[Token], firsts: Firsts, first: int, end: int) -> bool:
    for i in range(first, end):
        seqs = firsts.get(toks[i].low)
        if seqs and _at(toks, seqs, i, end):
            return True
    return False


@functools.cache
def _by_last(value: str | tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The word sequences of a class or list by their last word."""
    words, _ = _phrases(value)
    out: dict[str, list[tuple[str, ...]]] = {}
    for w in words:
        if w:
            out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _ends_at(toks: Sequence[Token], lasts: Firsts, end: int) -> bool:
    """Whether a sequence of ``lasts`` (by last word) ends right before token ``end``."""
    if end <= 0:
        return False
    for seq in lasts.get(toks[end - 1].low, ()):
        k = len(seq)
        if k <= end and all(toks[end - k + j].low == seq[j] for j in range(k - 1)):
            return True
    return False


def _starts_at(toks: Sequence[Token], firsts: Firsts, first: int) -> bool:
    if first >= len(toks):
        return False
    seqs = firsts.get(toks[first].low)
    return seqs is not None and _at(toks, seqs, first, len(toks))


def _head_in(view: View, phrase: Phrase | None, words: frozenset[tuple[str, ...]]) -> bool:
    if phrase is None:
        return False
    vocab = vocabulary()
    while (
        vocab.has("measure_noun", phrase.head_word)
        and phrase.modifiers
        and phrase.modifiers[0].prep == "of"
        and phrase.modifiers[0].phrase
    ):
        # "large numbers of weapons": weapons; "part of the pass": the pass
        phrase = phrase.modifiers[0].phrase
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


def _items(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _role(view: View, role: str) -> Phrase | None:
    return view.first(role)


def _window(view: View) -> tuple[int, int]:
    """The trigger's clause, at most :data:`WINDOW` tokens on either side of it."""
    m = view.match
    first, end = view.clause
    return max(first, m.first - WINDOW), min(end, m.end + WINDOW)


_QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»", "``", "''"})


def holds(cond: Condition, view: View) -> bool:
    """Whether every test of ``cond`` holds for ``view``."""
    for test in _compiled(cond):  # noqa: SIM110 (a loop costs less than all() of a generator)
        if not test(view):
            return False
    return True


#: Compiled conditions by id, with the condition itself (so that a reused id is noticed).
_COMPILED: dict[int, tuple[Condition, tuple[Test, ...]]] = {}


def _compiled(cond: Condition) -> tuple[Test, ...]:
    """The tests of ``cond``, compiled once; the cheap ones first (all must hold, and none
    has an effect, so the order changes nothing but the time)."""
    found = _COMPILED.get(id(cond))
    if found is None or found[0] is not cond:
        names = sorted(cond.fields, key=lambda name: _COST.get(name, 2))
        found = (cond, tuple(_compile(name, cond.fields[name]) for name in names))
        _COMPILED[id(cond)] = found
    return found[1]


#: Tests that read only the trigger's own words or tags (0) or its verb group (1); the
#: others (2) look around the clause or ask for the phrases of a role.
_COST = {
    "trigger_word": 0, "trigger_word_not": 0, "lemma": 0, "lemma_not": 0, "capitalized": 0,
    "quoted": 0, "segment_kind": 0, "right_before": 0, "right_after": 0, "quote_after": 0,
    "passive": 1, "negated": 1, "gerund": 1, "infinitive": 1, "perfect": 1, "participle": 1,
}  # fmt: skip


def _negated(test: Test, negate: bool) -> Test:
    return (lambda view: not test(view)) if negate else test


def _compile(name: str, value: Any) -> Test:
    """One test of a condition as a function of the view; word lists and classes are
    expanded here, once."""
    negate = name in _NEGATED
    base = _NEGATED.get(name, name)
    if name in _FLAGS:
        want = bool(value)

        def flag(view: View) -> bool:
            pred = view.predicate
            return bool(pred is not None and getattr(pred, name)) is want

        return flag
    if name in _BOOLS:
        test = _BOOLS[name]
        want = bool(value)
        return lambda view: test(view) is want
    if name in ("subject_is", "doer_is", "undergoer_is"):
        role = name.removesuffix("_is")
        items = _items(value)
        return lambda view: _what(view, _role(view, role)) in items
    if name == "governor_doer_is":
        items = _items(value)
        return lambda view: _what(view, _governor_doer(view)) in items
    if name == "lemma_not" or name == "lemma":
        lemmas = _as_set(value)
        want = name == "lemma"
        return lambda view: (_lemma(view) in lemmas) is want
    return _negated(_WORDS[base](value), negate)


def _governor_doer(view: View) -> Phrase | None:
    """Who does what the verb governing the trigger tells, if any."""
    gov = view.governing[0]
    return gov.doer if gov is not None else None


def _lemma(view: View) -> str:
    m = view.match
    return m.predicate.lemma if m.predicate is not None else view.syn.lemmas[m.first]


# --- tests on words around the trigger ------------------------------------------------------


def _clause_has(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        first, end = _window(view)
        return _seq_in(view.syn.tokens, firsts, first, end)

    return test


def _sentence_has(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        m = view.match
        toks = view.syn.tokens
        return _seq_in(toks, firsts, max(0, m.first - 2 * WINDOW),
                       min(len(toks), m.end + 2 * WINDOW))  # fmt: skip

    return test


def _after_in_clause(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        return _seq_in(view.syn.tokens, firsts, view.match.end, _window(view)[1])

    return test


def _before_in_clause(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        return _seq_in(view.syn.tokens, firsts, _window(view)[0], view.match.first)

    return test


def _modifier(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        m = view.match
        p = m.phrase
        lo = p.first if p is not None and p.first <= m.first else m.first
        return _seq_in(view.syn.tokens, firsts, lo, m.first)

    return test


def _right_before(value: Any) -> Test:
    lasts = _by_last(_key(value))

    def test(view: View) -> bool:
        m = view.match
        toks = view.syn.tokens
        pred = m.predicate
        return _ends_at(toks, lasts, m.first if pred is None else pred.head) or (
            pred is not None and _ends_at(toks, lasts, pred.first)
        )

    return test


def _right_after(value: Any) -> Test:
    firsts = _by_first(_key(value))
    return lambda view: _starts_at(view.syn.tokens, firsts, view.match.end)


def _governor(value: Any) -> Test:
    words, _ = _phrases(_key(value))

    def test(view: View) -> bool:
        gov = view.governing[0]
        return gov is not None and ((gov.lemma,) in words or tuple(gov.lemma.split()) in words)

    return test


def _governed_as(value: Any) -> Test:
    items = _items(value)

    def test(view: View) -> bool:
        how = view.governing[1]
        return ("pp" if how.startswith("pp:") else how) in items

    return test


def _head_of(role: str) -> Callable[[Any], Test]:
    def compile_(value: Any) -> Test:
        words, _ = _phrases(_key(value))
        return lambda view: _head_in(view, _role(view, role), words)

    return compile_


def _doer_has(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        doer = _role(view, "doer")
        if doer is None:
            return False
        # the speaker's phrase and what stands between it and the verb (", who asked ...,")
        m = view.match
        lo = doer.first
        hi = m.first if doer.first < m.first else extent(doer)[1]
        return _seq_in(view.syn.tokens, firsts, max(lo, hi - 2 * WINDOW), hi)

    return test


def _pp(value: Any) -> Test:
    preps = _items(value)
    return lambda view: any(view.pps(p) for p in preps)


def _trigger_word(value: Any) -> Test:
    words, _ = _phrases(_key(value))

    def test(view: View) -> bool:
        m = view.match
        toks = view.syn.tokens
        first = (toks[m.first].low,)
        return first in words or (
            m.end - m.first > 1 and tuple(t.low for t in toks[m.first : m.end]) in words
        )

    return test


def _host_head(value: Any) -> Test:
    words, _ = _phrases(_key(value))

    def test(view: View) -> bool:
        # "plans for the withdrawal": the head of the phrase the trigger's PP hangs from
        m = view.match
        syn = view.syn
        if m.phrase is None:
            # "the importance of regaining control": a gerund right after the preposition
            k = m.first - 1
            pred = m.predicate
            if (
                k < 1
                or syn.tags[k] != Tag.PREP
                or pred is None
                or VerbForm.GERUND not in pred.forms
            ):
                return False
            host = syn.phrase_of(k - 1)
            return host is not None and (host.head_word,) in words
        pp = next((pp for pp in syn.pps if pp.phrase is m.phrase), None)
        if pp is None:
            return False
        host = syn.phrase_of(pp.first - 1) if pp.first > 0 else None
        return host is not None and (host.head_word,) in words

    return test


def _left(view: View) -> list[Phrase]:
    """The phrases a trigger leaves: "withdrew from the deal", "pulled out of ECOWAS"."""
    return [pp.phrase for pp in view.own_pps
            if pp.prep in ("from", "out of", "of") and pp.phrase is not None]  # fmt: skip


def _from_head(value: Any) -> Test:
    words, _ = _phrases(_key(value))
    return lambda view: any(_head_in(view, p, words) for p in _left(view))


def _from_is(value: Any) -> Test:
    items = _items(value)
    return lambda view: any(_kind(p) in items for p in _left(view))


def _after_object(value: Any) -> Test:
    firsts = _by_first(_key(value))

    def test(view: View) -> bool:
        obj = _role(view, "undergoer")
        return obj is not None and _starts_at(view.syn.tokens, firsts, extent(obj)[1])

    return test


def _segment_kind(value: Any) -> Test:
    kinds = _as_set(value)
    return lambda view: view.syn.segment_of(view.match.first).kind.value in kinds


#: Tests that take a word list or a class (a "_not" form negates the test).
_WORDS: dict[str, Callable[[Any], Test]] = {
    "clause_has": _clause_has,
    "sentence_has": _sentence_has,
    "after_in_clause": _after_in_clause,
    "before_in_clause": _before_in_clause,
    "modifier": _modifier,
    "right_before": _right_before,
    "right_after": _right_after,
    "governor": _governor,
    "governed_as": _governed_as,
    "object_head": _head_of("undergoer"),
    "subject_head": _head_of("subject"),
    "doer_head": _head_of("doer"),
    "undergoer_head": _head_of("undergoer"),
    "doer_has": _doer_has,
    "pp": _pp,
    "trigger_word": _trigger_word,
    "host_head": _host_head,
    "from_head": _from_head,
    "from_is": _from_is,
    "after_object": _after_object,
    "segment_kind": _segment_kind,
}

#: Tests that hold when the test they name does not.
_NEGATED = {"sentence_has_not": "sentence_has", "governor_not": "governor",
            "object_head_not": "object_head", "trigger_word_not": "trigger_word",
            "after_object_not": "after_object", "no_pp": "pp",
            "right_before_not": "right_before", "governed_as_not": "governed_as",
            "before_in_clause_not": "before_in_clause"}  # fmt: skip

#: Features of the trigger's verb group (or the governing one).
_FLAGS = frozenset({"passive", "negated", "gerund", "infinitive", "perfect", "participle"})


# --- yes/no tests ---------------------------------------------------------------------------


def _doer_person(view: View) -> bool:
    doer = _role(view, "doer")
    return doer is not None and any(a.role.value == "person" and not a.bare for a in doer.parties())


def _doer_affiliated(view: View) -> bool:
    doer = _role(view, "doer")
    return doer is not None and any(
        a.actor is not None and (a.actor.country or a.actor.organization) for a in doer.parties()
    )


def _governs_infinitive(view: View) -> bool:
    pred = view.match.predicate
    return pred is not None and any(
        p.governor is pred and p.infinitive for p in view.syn.predicates
    )


def _quote_after(view: View) -> bool:
    m = view.match
    syn = view.syn
    return any(syn.tokens[j].text in _QUOTE_MARKS
               for j in range(m.end, min(len(syn.tags), m.end + 8)))  # fmt: skip


def _quoted(view: View) -> bool:
    return view.syn.segment_of(view.match.first).quoted


def _capitalized(view: View) -> bool:
    return view.syn.tokens[view.match.first].text[:1].isupper()


def _head_of_phrase(view: View) -> bool:
    m = view.match
    syn = view.syn
    p = m.phrase
    return (
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


def _in_subject(view: View) -> bool:
    return view.governing[1] == "subject"


def _followed_by_clause(view: View) -> bool:
    syn = view.syn
    j = view.match.end
    tags = syn.tags
    while j < len(tags) and tags[j] in (Tag.ADV, Tag.DATE, Tag.PREP, Tag.DET, Tag.COMMA):
        if tags[j] == Tag.PREP:
            break
        j += 1
    return j < len(tags) and (tags[j] in (Tag.THAT, Tag.QUOTE) or syn.tokens[j].text == ":")


def _object_complement(view: View) -> bool:
    """A phrase right after the verb's object says what it is ("called the talks fruitful",
    "called the drills a provocation", "described the talks as warm")."""
    obj = _role(view, "undergoer")
    if obj is None:
        return False
    syn = view.syn
    j = extent(obj)[1]
    if j >= len(syn.tokens):
        return False
    if syn.tokens[j].low == "as":
        return True
    if obj.end - obj.first > 1 and vocabulary().has("judgment_adjective", syn.tokens[j - 1].low):
        return True  # "the talks fruitful": the judgment read into the phrase
    return syn.tags[j] in (Tag.WORD, Tag.DET, Tag.QUOTE) and obj.end - obj.first <= 4


#: Tests whose value is true or false: whether the property must hold or not.
_BOOLS: dict[str, Test] = {
    "object_complement": _object_complement,
    "doer_person": _doer_person,
    "doer_affiliated": _doer_affiliated,
    "governs_infinitive": _governs_infinitive,
    "quote_after": _quote_after,
    "quoted": _quoted,
    "capitalized": _capitalized,
    "head_of_phrase": _head_of_phrase,
    "in_subject": _in_subject,
    "followed_by_clause": _followed_by_clause,
}


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
