"""Parties no gazetteer knows, kept by the words that name them (recall first).

"Chechen officials said", "the opposition said", "opposition soldiers took control of the
city", "rebels seized the town": the party is political or armed, but no state or body is
named for it. It is still a party: an :class:`~diplo_events.Actor` whose name is the phrase's
words and whose state stays ``None`` (or is told elsewhere in the story).
"""

from __future__ import annotations

from ...model import Actor, ActorKind
from ..annotate.vocabulary import vocabulary
from ..syntax import Phrase, SentenceSyntax, Tag

__all__ = ["aligned_party", "unnamed_party"]


def aligned_party(syn: SentenceSyntax, p: Phrase) -> Actor | None:
    """ "Forces aligned with the GNA", "militias allied to the government": the side the
    phrase is tied to by a participle after it (not "backed by Iran": a backer is no side)."""
    vocab = vocabulary()
    if p.end - p.first > 1 and vocab.has("allegiance_adjective", syn.tokens[p.end - 1].low):
        # "the forces loyal to Haftar": the adjective's "to" phrase
        for pp in syn.pps:
            if pp.first == p.end and pp.prep in ("to", "with") and pp.phrase is not None:
                for a in pp.phrase.parties():
                    if a.actor is not None:
                        return a.actor
                toks = syn.tokens[pp.phrase.first : pp.phrase.end]
                if toks and all(t.text[:1].isupper() for t in toks):
                    # "loyal to Haftar": a name no gazetteer knows is the leader's
                    return Actor(name=" ".join(t.text for t in toks), kind=ActorKind.PERSON)
    for pred in syn.predicates:
        if not (pred.participle and pred.subject is p and vocab.has("allegiance_verb", pred.lemma)):
            continue
        for pp in pred.pps:
            if pp.prep in ("with", "to") and pp.phrase is not None:
                for a in pp.phrase.parties():
                    if a.actor is not None:
                        return a.actor
    return None


def unnamed_party(syn: SentenceSyntax, p: Phrase, *, armed: bool = False) -> Actor | None:
    """The party phrase ``p`` names when no mention in it resolves, else None.

    A speaker needs a political head ("spokesman", "government", "opposition"); with
    ``armed`` the head may also be a force ("troops", "rebels"). A bare plural ("officials
    said", "soldiers took") names no one unless a qualifier says whose it is ("Chechen
    officials", "government troops") or the head itself is an armed group ("rebels").
    """
    vocab = vocabulary()
    head = p.head_word
    force = vocab.has("force_noun", head) or vocab.has("armed_noun", head)
    capital = syn.tokens[p.head].text[:1].isupper()
    if not (vocab.has("speaker_noun", head) or capital or (armed and force)):
        return None
    if vocab.has("non_political_noun", head) or syn.tags[p.first] == Tag.PRON:
        return None
    quantity = vocab.words("quantity_word")
    words = [
        t.text
        for t in syn.tokens[p.first : p.end]
        if t.low not in quantity and t.text not in ("'s", "’s") and not t.text.isdigit()
    ]
    if not words:
        return None
    plural = head.endswith("s") and not head.endswith("ss")
    qualifiers = [
        w
        for w in words[:-1]
        if (w[:1].isupper() or vocab.has("side_qualifier", w.lower()))
        and not vocab.has("vague_qualifier", w.lower())
    ]
    group = vocab.has("armed_noun", head)
    if armed and not plural and vocab.has("individual_noun", head):
        return None  # "one soldier": a man, not a party
    # "a spokesman for the rebels", "officials of the junta" (not "officials in Kabul")
    whose = any(pp.prep in ("of", "for", "from", "at") for pp in p.modifiers)
    if plural and not qualifiers and not whose and not group:
        return None  # "officials said", "soldiers took the town": no one named
    name = " ".join(words)
    for pp in p.modifiers:
        # "the press service for the Central Military District": whose, by its name
        if (
            pp.prep in ("of", "for")
            and pp.phrase is not None
            and any(syn.tokens[i].text[:1].isupper() for i in range(pp.phrase.first, pp.phrase.end))
        ):
            name += " " + " ".join(t.text for t in syn.tokens[pp.first : pp.phrase.end])
            break
    if group or (armed and force):
        kind = ActorKind.ARMED_GROUP
    elif plural or not vocab.has("role_noun", head):
        kind = ActorKind.ORGANIZATION
    else:
        kind = ActorKind.PERSON
    return Actor(name=name, kind=kind, title=head)
