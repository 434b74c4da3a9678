"""The one-pass matcher: every trigger form reaches its patterns, once per sentence."""

from __future__ import annotations

import pytest

from diplo_events._parsing.annotate.vocabulary import vocabulary
from diplo_events._parsing.match.matcher import index, match
from diplo_events._parsing.match.patterns import patterns
from diplo_events._parsing.pipeline import prepare
from diplo_events._parsing.syntax import SentenceSyntax, analyse


def _syntax(text: str) -> SentenceSyntax:
    art = prepare(text, published="2024-03-06")
    s = art.sentences[0]
    return analyse(art.norm, s.start, s.end, s.actors, s.places, s.dates, vocabulary())


def _types(text: str) -> set[str]:
    return {m.type for m in match(_syntax(text))}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Rebels captured the town of Kidal.", "territorial_change"),
        ("Rebels have seized the town of Kidal.", "territorial_change"),
        ("The rebels overran Kidal.", "territorial_change"),
        ("Troops pulled out of Kidal.", "territorial_change"),
        ("The town fell to the rebels.", "territorial_change"),
        ("Abe met Modi in Tokyo.", "meeting"),
        ("Abe held talks with Modi in Tokyo.", "meeting"),
        ("Japan and India held naval drills.", "military_exercise"),
        ("Japan and India staged war games.", "military_exercise"),
        ("The minister said the drills were over.", "statement"),
        ("According to the ministry, the drills were over.", "statement"),
    ],
)
def test_a_trigger_form_reaches_its_patterns(text: str, kind: str) -> None:
    assert kind in _types(text)


def test_a_particle_that_makes_another_verb_keeps_the_plain_verbs_patterns_off() -> None:
    # "pulled down a flag" is no withdrawal; "pulled out" is
    assert "territorial_change" not in _types("A soldier pulled down the flag.")


def test_every_trigger_lemma_is_in_the_index() -> None:
    idx = index()
    for p in patterns().patterns:
        table = {"verb": idx.verbs, "noun": None, "prep": idx.preps}[p.trigger.pos]
        if table is None:
            firsts = {lemma.split(" ")[0] for lemma in p.trigger.lemmas}
            assert all(w in idx.nouns or any(w in f for f in idx.nouns) for w in firsts), p.id
            continue
        for lemma in p.trigger.lemmas:
            assert p in table[lemma], (p.id, lemma)


def test_matches_come_in_text_order() -> None:
    found = match(_syntax("The minister said troops had captured Kidal after talks in Gao."))
    firsts = [m.first for m in found]
    assert firsts == sorted(firsts)
