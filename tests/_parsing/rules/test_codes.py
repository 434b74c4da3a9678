"""Tests of the CAMEO / PLOVER code table (diplo_events._parsing.rules.codes)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diplo_events import TerritorialChangeKind
from diplo_events._parsing.rules.codes import MEETING, STATEMENT, exercise_codes, territory_codes

DOCS = Path(__file__).resolve().parents[3] / "docs" / "codes.md"


def test_meeting_codes() -> None:
    assert MEETING == {
        "meet": ("040", "CONSULT"),
        "visit": ("042", "CONSULT"),
        "host": ("043", "CONSULT"),
        "negotiate": ("046", "CONSULT"),
    }


def test_statement_codes_are_cameo_01x() -> None:
    assert STATEMENT["say"] == ("010", None)
    assert STATEMENT["deny"] == ("016", "REJECT")
    assert STATEMENT["accuse"][1] == "ACCUSE"
    assert STATEMENT["appeal"][1] == "REQUEST"
    for cameo, _ in STATEMENT.values():
        assert re.fullmatch(r"01\d", cameo)


def test_exercise_codes() -> None:
    assert exercise_codes(True) == ("062", "COOPERATE")
    assert exercise_codes(False) == ("150", "MOBILIZE")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (TerritorialChangeKind.CAPTURE, ("192", "COERCE")),
        (TerritorialChangeKind.ANNEXATION, ("192", "COERCE")),
        (TerritorialChangeKind.WITHDRAWAL, ("0874", "RETREAT")),
        (TerritorialChangeKind.HANDOVER, ("0874", "RETREAT")),
    ],
)
def test_territory_codes(kind: TerritorialChangeKind, expected: tuple[str, str]) -> None:
    assert territory_codes(kind) == expected


def test_every_code_is_in_the_docs() -> None:
    if not DOCS.exists():
        pytest.skip("no docs/codes.md next to the tests")
    doc = DOCS.read_text("utf-8")
    codes = {c for c, _ in MEETING.values()} | {c for c, _ in STATEMENT.values()}
    codes |= {exercise_codes(j)[0] for j in (True, False)}
    codes |= {territory_codes(k)[0] for k in TerritorialChangeKind}
    missing = sorted(c for c in codes if c not in doc)
    assert not missing
