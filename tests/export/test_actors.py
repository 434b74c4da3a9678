"""Actor codes and sectors for PLOVER records and Phoenix dyads."""

from __future__ import annotations

import pytest
from export_helpers import TEXT, person, state

from diplo_events.export._actors import actor_code, actor_sector, actor_text
from diplo_events.model import Actor, ActorKind, Span


def org(name: str, key: str | None = None) -> Actor:
    return Actor(name=name, kind=ActorKind.ORGANIZATION, organization=key or name)


@pytest.mark.parametrize(
    ("actor", "code"),
    [
        (state("Norway", "NOR"), "NOR"),
        (person("Ana Lopez", "CHL", title="Foreign Minister"), "CHL"),
        (org("United Nations", "UN"), "IGO"),
        (org("Shanghai Cooperation Organisation", "SCO"), "IGO"),
        (org("Médecins Sans Frontières", "MSF"), "NGO"),
        (person("Antonio Guterres", organization="UN", title="Secretary-General"), "IGO"),
        (person("A spokesperson", organization="ICRC"), "NGO"),
        (person("Suhail Shaheen", organization="Taliban", title="spokesperson"), None),
        (Actor(name="Taliban", kind=ActorKind.ARMED_GROUP, organization="Taliban"), None),
        (Actor(name="PKK", kind=ActorKind.ARMED_GROUP, country="TUR"), "TUR"),
        (person("Someone"), None),
    ],
)
def test_actor_code(actor: Actor, code: str | None) -> None:
    assert actor_code(actor) == code


@pytest.mark.parametrize(
    ("actor", "sector"),
    [
        (Actor(name="Taliban", kind=ActorKind.ARMED_GROUP), "REB"),
        (person("Ana Lopez", "CHL", title="Deputy Foreign Minister"), "GOV"),
        (state("Turkmenistan", "TKM", title="Foreign Ministry"), "GOV"),
        (person("X", "USA", title="Attorney General"), "GOV"),
        (person("X", "RUS", title="army chief"), "MIL"),
        (person("X", "RUS", title="General"), "MIL"),
        (person("X", "USA", title="Chairman of the Joint Chiefs of Staff"), "MIL"),
        (state("United States", "USA", title="intelligence officials"), "SPY"),
        (person("X", "KEN", title="police chief"), "COP"),
        (person("X", "USA", title="senator"), "LEG"),
        (person("X", "ZAF", title="judge"), "JUD"),
        (person("Antonio Guterres", organization="UN", title="Secretary-General"), None),
        (person("Suhail Shaheen", organization="Taliban", title="spokesperson"), None),
        (state("Norway", "NOR"), None),
        (person("Ana Lopez", "CHL"), None),
    ],
)
def test_actor_sector(actor: Actor, sector: str | None) -> None:
    assert actor_sector(actor) == sector


def test_actor_text_is_the_mention_when_there_is_one() -> None:
    mention = Span.of(TEXT, 25, 31)
    assert actor_text(state("Norway", "NOR", mention=mention)) == mention.text == "Norway"
    demonym = Span.of("Turkmen officials", 0, 7)
    assert actor_text(state("Turkmenistan", "TKM", mention=demonym)) == "Turkmen"
    assert actor_text(state("Chile", "CHL")) == "Chile"
