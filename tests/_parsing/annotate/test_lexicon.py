"""Tests of the closed-class word lists (diplo_events._parsing.annotate.lexicon)."""

from __future__ import annotations

import json
from importlib import resources

import attrs

from diplo_events._parsing.annotate.lexicon import Lexicon, lexicon


def test_lexicon_loads_every_field_non_empty() -> None:
    lex = lexicon()
    assert isinstance(lex, Lexicon)
    for field in attrs.fields(Lexicon):
        value = getattr(lex, field.name)
        assert isinstance(value, frozenset), field.name
        assert value, f"{field.name} is empty"
        assert all(isinstance(w, str) and w.strip() == w and w for w in value), field.name


def test_lexicon_is_cached() -> None:
    assert lexicon() is lexicon()


def test_data_file_has_exactly_the_lexicon_fields() -> None:
    raw = json.loads(
        resources.files("diplo_events._parsing").joinpath("data/lexicon.json").read_text("utf-8")
    )
    assert set(raw) == {f.name for f in attrs.fields(Lexicon)}
    for key, values in raw.items():
        assert isinstance(values, list), key
        assert len(values) == len(set(values)), f"duplicates in {key}"


def test_expected_words() -> None:
    lex = lexicon()
    assert {"insurgents", "rebels", "militants"} <= lex.group_nouns
    assert {"witnesses", "residents", "analysts"} <= lex.non_political
    assert "officials" in lex.official_nouns
    assert "bin" in lex.name_connectors


def test_lower_case_sets_are_lower_case() -> None:
    lex = lexicon()
    for name in ("honorifics", "group_nouns", "official_nouns", "non_political"):
        words = getattr(lex, name)
        assert all(w == w.lower() for w in words), name
