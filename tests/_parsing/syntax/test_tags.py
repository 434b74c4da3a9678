"""Word tags: the closed classes, verbs, quotes, brackets and numbers."""

from __future__ import annotations

import pytest
from syntax_of import syntax_of

from diplo_events._parsing.syntax import SentenceSyntax, Tag


def _tag(syn: SentenceSyntax, word: str) -> str:
    return next(syn.tags[i] for i, t in enumerate(syn.tokens) if t.text == word)


def test_verbs_and_their_auxiliaries() -> None:
    syn = syntax_of("The rebels have seized the town and will hold it.")
    assert _tag(syn, "have") == Tag.AUX
    assert _tag(syn, "seized") == Tag.VERB
    assert _tag(syn, "will") == Tag.MODAL


def test_a_short_quote_without_a_verb_stays_in_its_phrase() -> None:
    syn = syntax_of('Ministers attended the "regional forum on water security" in Almaty.')
    assert _tag(syn, '"') == Tag.BRACKET


def test_a_quoted_clause_is_a_quotation() -> None:
    syn = syntax_of('"We will not leave the city," the commander said on Monday.')
    assert _tag(syn, '"') == Tag.QUOTE


def test_a_scare_quoted_verb_is_still_the_verb() -> None:
    syn = syntax_of('The army said it had "liberated" the village of Lorna.')
    assert _tag(syn, "liberated") == Tag.VERB


@pytest.mark.parametrize("word", ["around", "some", "nearly", "about"])
def test_a_word_that_makes_a_number_approximate_is_part_of_the_phrase(word: str) -> None:
    syn = syntax_of(f"{word.capitalize()} 3,000 troops took part in the drills.")
    assert syn.tags[0] == Tag.DET
    pred = syn.predicates[0]
    assert pred.subject is not None
    assert pred.subject.first == 0


def test_that_between_a_noun_and_a_verb_is_a_relative_pronoun() -> None:
    syn = syntax_of("They held an exercise that ended on Friday.")
    assert _tag(syn, "that") == Tag.REL
    syn = syntax_of("The ministry said that the exercise ended on Friday.")
    assert _tag(syn, "that") == Tag.THAT


def test_have_since_is_an_adverb_before_the_verb() -> None:
    syn = syntax_of("Government troops have since retaken the port of Marova.")
    assert _tag(syn, "since") == Tag.ADV
    assert [p.lemma for p in syn.predicates] == ["retake"]


def test_a_gerund_coordinated_with_one_before_it_is_a_verb() -> None:
    # "cutting" is not in the lexicon: it is read as a verb for its "and" after "seizing"
    syn = syntax_of("Rebels took the town, seizing 40 trucks and cutting off the main road.")
    assert _tag(syn, "cutting") == Tag.VERB
    syn = syntax_of("The ministers discussed trade and fishing rights.")
    assert _tag(syn, "fishing") != Tag.VERB


def test_a_capitalized_determiner_after_a_dateline_is_a_determiner() -> None:
    syn = syntax_of("LUSAKA, Zambia The ruling party won the vote.")
    assert _tag(syn, "The") == Tag.DET


def test_a_base_verb_after_a_plural_noun_is_a_verb() -> None:
    syn = syntax_of("The army will return once the rebels withdraw from the town.")
    assert _tag(syn, "withdraw") == Tag.VERB
    syn = syntax_of("There was no Russian capture of the town.")
    assert _tag(syn, "capture") != Tag.VERB


def test_that_before_a_noun_and_its_verb_is_a_determiner() -> None:
    syn = syntax_of("That exercise came a week after the talks.")
    assert _tag(syn, "That") == Tag.DET
    assert _tag(syn, "exercise") != Tag.VERB
    syn = syntax_of("That ended the talks.")
    assert _tag(syn, "ended") == Tag.VERB


def test_a_word_before_a_force_noun_after_a_demonym_is_no_verb() -> None:
    syn = syntax_of("The Philippine patrol vessel left the port.")
    assert _tag(syn, "patrol") != Tag.VERB


def test_a_participle_before_a_title_is_an_adjective() -> None:
    syn = syntax_of("Talks between visiting Chilean President Ana Rojas and her host began.")
    assert _tag(syn, "visiting") != Tag.VERB
    syn = syntax_of("The minister left after visiting President Ana Rojas in Lima.")
    assert _tag(syn, "visiting") == Tag.VERB


def test_the_first_word_of_a_compound_noun_is_no_verb() -> None:
    syn = syntax_of("The drill ended on Monday, according to a NATO press release.")
    assert _tag(syn, "press") != Tag.VERB
