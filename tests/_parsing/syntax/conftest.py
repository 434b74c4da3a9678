"""The ``syntax_of`` fixture: a sentence through the annotate and syntax stages."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from diplo_events._parsing.annotate.vocabulary import vocabulary
from diplo_events._parsing.pipeline import prepare
from diplo_events._parsing.syntax import SentenceSyntax, analyse

SyntaxOf = Callable[[str], SentenceSyntax]


def _syntax_of(text: str) -> SentenceSyntax:
    art = prepare(text, published="2024-03-06")
    s = art.sentences[0]
    return analyse(art.norm, s.start, s.end, s.actors, s.places, s.dates, vocabulary())


@pytest.fixture
def syntax_of() -> SyntaxOf:
    """The syntax of the first sentence of a text."""
    return _syntax_of
