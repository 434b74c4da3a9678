"""Closed-class word lists the mention finder needs, loaded from ``data/lexicon.json``.

These are words of English (function words, honorifics, group nouns), not
names of the world: the gazetteers hold those.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

import attrs

__all__ = ["Lexicon", "lexicon"]


@attrs.frozen
class Lexicon:
    """Word sets, all lower-case unless the name says otherwise."""

    stop_capitalized: frozenset[str]  # capitalized words that never start a name
    honorifics: frozenset[str]  # stripped from person names ("Mullah", "Gen.")
    name_connectors: frozenset[str]  # lower-case words inside names ("bin", "al")
    org_heads: frozenset[str]  # a capitalized chunk with one of these is an organization
    armed_heads: frozenset[str]  # ... and with one of these an armed group
    place_heads: frozenset[str]  # ... with one of these last (or before "of") a place
    place_heads_leading: frozenset[str]  # place heads that may also begin one ("Lake Chad")
    not_person: frozenset[str]  # capitalized words that make a chunk no person's name
    group_nouns: frozenset[str]  # "insurgents", "rebels": the salient armed group
    official_nouns: frozenset[str]  # "officials", "troops": the state of the preceding demonym
    media: frozenset[str]  # news organizations: never a political speaker
    non_political: frozenset[str]  # "witnesses", "residents": not speakers
    blocs: frozenset[str]  # keys of regional and political blocs: what "the bloc" can name


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, read once from package data."""
    raw = json.loads(
        resources.files("diplo_events._parsing").joinpath("data/lexicon.json").read_text("utf-8")
    )
    return Lexicon(**{key: frozenset(values) for key, values in raw.items()})
