"""A sentence through the annotate and syntax stages, for the syntax tests."""

from __future__ import annotations

from diplo_events._parsing.annotate.vocabulary import vocabulary
from diplo_events._parsing.pipeline import prepare
from diplo_events._parsing.syntax import SentenceSyntax, analyse


def syntax_of(text: str) -> SentenceSyntax:
    """The syntax of the first sentence of ``text``."""
    art = prepare(text, published="2024-03-06")
    s = art.sentences[0]
    return analyse(art.norm, s.start, s.end, s.actors, s.places, s.dates, vocabulary())
