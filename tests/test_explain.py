"""diplo_events.explain: the same events as parse, and the decisions behind them."""

from __future__ import annotations

import diplo_events as de


def test_explain_reads_invisible_characters_inside_words_as_parse_does() -> None:
    text = "Rus\u00adsia met Chi\u00adna in Doha on Monday."
    result = de.explain(text, published="2021-08-13")
    events = de.parse(text, published="2021-08-13")
    assert list(result.events) == events
    assert len(events) == 1
    (made,) = result.of(events[0])
    assert made.made_event
    trigger = made.trigger
    assert trigger.text == text[trigger.start : trigger.end]
    assert trigger.text == "met"
    for decision in result.decisions:  # every trigger is an exact span of the input
        span = decision.trigger
        assert span.text == text[span.start : span.end]


def test_explain_without_invisible_characters_is_unchanged() -> None:
    text = "Russia met China in Doha on Monday."
    result = de.explain(text, published="2021-08-13")
    assert list(result.events) == de.parse(text, published="2021-08-13")
    assert any(d.made_event and d.trigger.text == "met" for d in result.decisions)
