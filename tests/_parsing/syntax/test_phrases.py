"""Noun phrases: coordination, appositives, modifiers and the parties a phrase names."""

from __future__ import annotations

from syntax_of import syntax_of

from diplo_events._parsing.syntax import Phrase, SentenceSyntax


def _object(syn: SentenceSyntax, lemma: str) -> Phrase:
    pred = next(p for p in syn.predicates if p.lemma == lemma)
    assert pred.object is not None
    return pred.object


def _parties(p: Phrase) -> list[str]:
    return [a.actor.name for a in p.parties() if a.actor is not None]


def test_a_list_of_states_is_one_coordination() -> None:
    syn = syntax_of("Russia, Tajikistan and Uzbekistan held drills.")
    subj = syn.predicates[0].subject
    assert subj is not None
    assert len(subj.members) == 3


def test_a_conjunct_named_by_its_role_keeps_its_appositive() -> None:
    syn = syntax_of(
        "Omar met Finance Minister Lena Dahl and the Chadian envoy to Niger, Idriss Kamba, "
        "in Niamey."
    )
    obj = _object(syn, "meet")
    assert obj.coordinated
    assert _parties(obj) == ["Lena Dahl", "Idriss Kamba"]
    # the appositive and the envoy's "to" phrase are inside the object, not the verb's
    pred = syn.predicates[0]
    assert [pp.prep for pp in pred.pps] == ["in"]


def test_an_appositive_names_the_role_before_it() -> None:
    syn = syntax_of("Putin's spokesman, Dmitry Peskov, said the talks had ended.")
    subj = syn.predicates[0].subject
    assert subj is not None
    assert _parties(subj) == ["Dmitry Peskov"]


def test_of_phrases_modify_the_noun_before_them() -> None:
    syn = syntax_of("The army took control of the town of Kidal.")
    obj = _object(syn, "take")
    assert obj.head_word == "control"
    assert [pp.prep for pp in obj.modifiers] == ["of"]
    assert obj.stop > obj.end


def test_met_y_and_z_said_is_no_coordination() -> None:
    syn = syntax_of("Abe met Modi and Xi said the summit was useful.")
    obj = _object(syn, "meet")
    assert not obj.coordinated


def test_names_parted_by_commas_before_their_verb_are_coordinated() -> None:
    syn = syntax_of("Russia, China, Iran hold naval drills in the Gulf of Oman")
    [pred] = syn.predicates
    assert pred.lemma == "hold"
    assert pred.subject is not None
    assert len(pred.subject.members) == 3


def test_an_appositive_after_a_name_is_no_list() -> None:
    syn = syntax_of("Lavrov, the foreign minister, met Wang on Monday.")
    [pred] = syn.predicates
    assert pred.subject is not None
    assert not pred.subject.members


def test_a_preposition_reaches_its_phrase_over_degree_adverbs() -> None:
    syn = syntax_of("The militia is now in virtually complete control of Kiri.")
    [inside] = [pp for pp in syn.pps if pp.prep == "in"]
    assert inside.phrase is not None
    assert syn.tokens[inside.phrase.head].low == "control"


def test_an_ing_verb_after_a_coordination_does_not_split_it() -> None:
    syn = syntax_of("Refugees fled into Albania and Montenegro telling of burned villages.")
    assert any(p.members and len(p.members) == 2 for p in syn.phrases)
