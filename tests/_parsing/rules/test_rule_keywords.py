"""Every rule runs only on sentences that hold one of its KEYWORDS: each trigger the rule's
pattern matches must contain one, or the rule silently never fires."""

from __future__ import annotations

import re

import pytest

from diplo_events._parsing.rules import exercise, meeting, statement, territory

SAMPLES = {
    territory: "captured seized took control of overran retook recaptured liberated conquered "
    "occupied entered took over taken over fell to withdrew pulled out pulling back pulled back "
    "retreated abandoned evacuated left the city fled the town annexed handed over ceded "
    "has taken the towns of X, took the city of Y, taking the port of Z",
    meeting: "met meet meeting held talks negotiations negotiated discussions conferred summit "
    "sidelines visited visit hosted received welcomed trip",
    exercise: "exercise exercises drill drills war games wargames manoeuvres maneuvers live-fire",
    statement: "said says say told tweeted announced stated declared warned urged condemned "
    "denied called informed according to saying adding urging",
}


@pytest.mark.parametrize("module", list(SAMPLES), ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_every_trigger_holds_a_keyword(module: object) -> None:
    text = SAMPLES[module]  # type: ignore[index]
    pattern: re.Pattern[str] = (
        module.REPORTING_VERB if module is statement else module._TRIGGER  # type: ignore[attr-defined]
    )
    keywords: tuple[str, ...] = module.KEYWORDS  # type: ignore[attr-defined]
    found = [m.group() for m in pattern.finditer(text)]
    assert found, "the samples must exercise the pattern"
    for trigger in found:
        assert any(k in trigger.lower() + " " for k in keywords), trigger
