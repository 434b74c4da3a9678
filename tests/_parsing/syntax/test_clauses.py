"""Clauses: verb groups, their roles and the verbs that govern them."""

from __future__ import annotations

import pytest
from syntax_of import syntax_of

from diplo_events._parsing.syntax import Modal, Predicate, SentenceSyntax


def _pred(syn: SentenceSyntax, lemma: str) -> Predicate:
    return next(p for p in syn.predicates if p.lemma == lemma)


def _words(syn: SentenceSyntax, p: object) -> str:
    if p is None:
        return ""
    return " ".join(t.text for t in syn.tokens[p.first : p.end])  # type: ignore[attr-defined]


def test_passive_agent_and_undergoer() -> None:
    syn = syntax_of("The town was captured by rebels on Sunday.")
    pred = _pred(syn, "capture")
    assert pred.passive
    assert _words(syn, pred.subject) == "The town"
    assert _words(syn, pred.doer) == "rebels"


def test_a_relative_clause_takes_its_antecedent() -> None:
    syn = syntax_of("The drills, which began on Monday, ended on Friday.")
    assert _pred(syn, "begin").subject_how == "relative"


def test_an_appositive_after_a_list_is_not_the_subject_of_a_purpose() -> None:
    syn = syntax_of(
        "Omar met Lena Dahl and the Chadian envoy, Idriss Kamba, in Niamey to discuss trade."
    )
    assert _words(syn, _pred(syn, "discuss").subject) == "Omar"


@pytest.mark.parametrize(
    ("text", "lemma", "modal"),
    [
        ("The city could come under pressure and fall within weeks.", "fall", Modal.HYPOTHETICAL),
        ("The rebels will march on Goma and seize the airport.", "seize", Modal.FUTURE),
        ("The rebels marched on Goma and seized the airport.", "seize", Modal.NONE),
    ],
)
def test_a_bare_verb_after_and_shares_the_auxiliary(text: str, lemma: str, modal: Modal) -> None:
    assert _pred(syntax_of(text), lemma).modal is modal


def test_a_participle_after_a_noun_hangs_from_it() -> None:
    syn = syntax_of("Troops took part in the drills held near the border with Laos.")
    held = _pred(syn, "hold")
    assert held.participle
    assert held.passive
    assert _words(syn, held.subject) == "the drills"


def test_an_infinitive_is_governed_by_the_verb_before_it() -> None:
    syn = syntax_of("The rebels launched an offensive to seize the airport.")
    seize = _pred(syn, "seize")
    assert seize.infinitive
    assert seize.governor is _pred(syn, "launch")
    assert seize.governed_how == "infinitive"


def test_said_that_governs_its_clause() -> None:
    syn = syntax_of("The ministry said that troops had withdrawn from the village.")
    withdraw = _pred(syn, "withdraw")
    assert withdraw.governor is _pred(syn, "say")
    assert withdraw.perfect


def test_a_subject_pronoun_and_a_name_after_a_reporting_verb_are_one_subject() -> None:
    syn = syntax_of("Ruto said he and Museveni agreed to reopen the border.")
    agree = next(p for p in syn.predicates if p.lemma == "agree")
    assert agree.subject is not None
    assert len(agree.subject.members) == 2
    assert agree.governor is not None
    assert agree.governor.lemma == "say"


def test_a_saying_told_along_is_by_the_verbs_doer() -> None:
    syn = syntax_of("Rezaei questioned the conduct of Erdogan's aides noting that ties were tense.")
    noting = _pred(syn, "note")
    assert noting.subject_how == "shared"
    assert _words(syn, noting.subject) == "Rezaei"


def test_a_saying_after_an_inverted_subject_keeps_that_subject() -> None:
    syn = syntax_of('"Ties are tense," stressed the spokesman adding that talks go on.')
    adding = _pred(syn, "add")
    assert adding.subject is not None
    assert _words(syn, adding.subject) == "the spokesman"


def test_a_fronted_phrase_belongs_to_the_verb_past_an_appositive() -> None:
    syn = syntax_of("During talks with Jose Ruiz, the Panamanian envoy, Mirzoyan discussed trade.")
    discuss = _pred(syn, "discuss")
    assert [pp.prep for pp in discuss.pre_pps][:1] == ["during"]


def test_a_participle_opening_before_are_is_done_by_the_phrase_after() -> None:
    syn = syntax_of("Taking part in the drill are contingents from Uganda and Zambia.")
    take = _pred(syn, "take")
    assert take.subject_how == "inverted"
    assert take.subject is not None
    assert _words(syn, take.subject).startswith("contingents")
