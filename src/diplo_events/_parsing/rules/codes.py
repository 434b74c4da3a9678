"""CAMEO and PLOVER codes for each event type (the table is in docs/codes.md)."""

from __future__ import annotations

from ...model import TerritorialChangeKind

__all__ = ["MEETING", "STATEMENT", "exercise_codes", "territory_codes"]

#: (CAMEO, PLOVER) by meeting trigger family.
MEETING = {
    "meet": ("040", "CONSULT"),  # consult, general
    "visit": ("042", "CONSULT"),  # make a visit
    "host": ("043", "CONSULT"),  # host a visit
    "negotiate": ("046", "CONSULT"),  # engage in negotiation
}

#: (CAMEO, PLOVER) by communication verb family. CAMEO 01x are public statements;
#: PLOVER has no plain-statement category, so plain statements carry no PLOVER code.
STATEMENT: dict[str, tuple[str, str | None]] = {
    "say": ("010", None),  # make statement, not specified below
    "pessimistic": ("012", None),  # make pessimistic comment (warned)
    "optimistic": ("013", None),  # make optimistic comment (welcomed, praised)
    "deny": ("016", "REJECT"),  # deny responsibility (denied, dismissed, rejected)
    "accuse": ("010", "ACCUSE"),  # condemned, accused, criticized
    "appeal": ("010", "REQUEST"),  # urged, called on
}


def exercise_codes(joint: bool) -> tuple[str, str]:
    """Joint exercise: 062 (cooperate militarily), COOPERATE; one country: 150, MOBILIZE."""
    return ("062", "COOPERATE") if joint else ("150", "MOBILIZE")


def territory_codes(kind: TerritorialChangeKind) -> tuple[str, str]:
    """Capture, annexation: 192 (occupy territory), COERCE (mode seize).

    Withdrawal, handover: 0874 (retreat or surrender militarily), RETREAT.
    """
    if kind is TerritorialChangeKind.WITHDRAWAL:
        return ("0874", "RETREAT")
    if kind is TerritorialChangeKind.HANDOVER:
        return ("0874", "RETREAT")
    return ("192", "COERCE")  # PLOVER COERCE, mode "seize"
