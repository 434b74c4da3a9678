"""Event-data codes for an :class:`~diplo_events.model.Actor`: PLOVER/CAMEO actor code and sector.

Both the PLOVER records and the Phoenix-style dyads describe a party by a
three-letter *code* (an ISO 3166-1 alpha-3 state code, or ``IGO`` / ``NGO`` for
an international body) and a *sector* (``GOV``, ``MIL``, ``REB``, ...). The v1
model has no sector, so it is derived from the actor's kind and title by the
rules documented in ``docs/export-plover.md`` ("Actor codes and sectors").
"""

from __future__ import annotations

import re

from ..model import Actor, ActorKind

__all__ = ["actor_code", "actor_sector", "actor_text"]

#: Non-governmental organizations among the bodies the parser recognizes: code ``NGO``.
NGOS = frozenset(
    {"ICRC", "IFRC", "MSF", "Amnesty International", "Human Rights Watch", "Red Cross"}
)

#: Intergovernmental bodies a person may belong to (an actor of kind ``organization`` is
#: coded ``IGO`` unless it is one of :data:`NGOS`; a person is coded by its organization
#: only when that organization is listed here or in :data:`NGOS`).
IGOS = frozenset(
    {
        "UN", "EU", "NATO", "AU", "ASEAN", "OSCE", "SCO", "CSTO", "CIS", "EAEU", "OPEC",
        "G7", "G20", "BRICS", "Arab League", "GCC", "OIC", "Council of Europe", "OAS",
        "CELAC", "Mercosur", "CARICOM", "APEC", "ECOWAS", "ECCAS", "SADC", "IGAD", "EAC",
        "IOM", "IAEA", "OPCW", "WHO", "WTO", "IMF", "World Bank", "ICC", "ICJ", "Interpol",
        "Commonwealth", "Pacific Islands Forum",
    }
)  # fmt: skip

# Titles that name a civilian office although they hold a military-sounding word.
_CIVILIAN = re.compile(
    r"\b(?:secretary|attorney|governor|director|consul|inspector|surgeon|solicitor|auditor)"
    r"[- ]general\b",
    re.IGNORECASE,
)
_SECTORS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("SPY", re.compile(r"\b(?:intelligence|spy|spies)\b", re.IGNORECASE)),
    ("COP", re.compile(r"\b(?:police|policemen|gendarmerie)\b", re.IGNORECASE)),
    (
        "MIL",
        re.compile(
            r"\b(?:general|generals|admiral|colonel|captain|commander|commanders|army|navy"
            r"|air force|military|troops|soldiers?|general staff|joint chiefs|armed forces"
            r"|defen[cs]e forces)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "LEG",
        re.compile(
            r"\b(?:senators?|lawmakers?|legislators?|parliament\w*|congress\w*|MPs?)\b",
            re.IGNORECASE,
        ),
    ),
    ("JUD", re.compile(r"\b(?:judges?|justices?|courts?)\b", re.IGNORECASE)),
)


def actor_code(actor: Actor) -> str | None:
    """The actor's code: its state's alpha-3 code, ``IGO`` or ``NGO``, else ``None``."""
    if actor.country is not None:
        return actor.country
    if actor.kind is ActorKind.ORGANIZATION:
        return "NGO" if (actor.organization or actor.name) in NGOS else "IGO"
    if actor.organization in IGOS:
        return "IGO"
    if actor.organization in NGOS:
        return "NGO"
    return None


def actor_sector(actor: Actor) -> str | None:
    """The actor's sector: ``REB`` for an armed group, else one read from its title.

    A title naming intelligence, police, military, legislative or judicial work gives
    ``SPY``, ``COP``, ``MIL``, ``LEG`` or ``JUD``; any other title of a state's actor
    (minister, envoy, spokesperson, ministry, government...) gives ``GOV``. Actors
    without a title, and titled actors of no state, have no sector.
    """
    if actor.kind is ActorKind.ARMED_GROUP:
        return "REB"
    if actor.title is None:
        return None
    title = _CIVILIAN.sub(" ", actor.title)
    for sector, pattern in _SECTORS:
        if pattern.search(title):
            return sector
    return "GOV" if actor.country is not None else None


def actor_text(actor: Actor) -> str:
    """The text that names the actor in the article (its mention), else its name."""
    return actor.mention.text if actor.mention is not None else actor.name
