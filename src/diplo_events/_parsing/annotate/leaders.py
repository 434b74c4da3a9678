"""Leaders by name: the state a named head of state, head of government, foreign or defence
minister served in a given year (``data/leaders.tsv``).

A story seldom says "German Chancellor Angela Merkel" every time: "Chancellor Merkel",
"Mr. Christopher". :func:`state_of` looks a person's name up: the whole name (or an alias),
else the family name alone, among the people in office in the story's year. It answers only
when every match served one state; otherwise it says nothing rather than guess.
"""

from __future__ import annotations

import functools

import attrs

from .gazetteer import ascii_fold, read_data_file

__all__ = ["Leaders", "Tenure", "leaders", "state_of"]

#: States whose people are named family name first in English news ("Xi Jinping": Xi).
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "MNG", "KHM", "HUN"})


@attrs.frozen
class Tenure:
    """One term in office."""

    state: str
    office: str
    start: int  # first year
    end: int | None  # last year, None while in office


@attrs.frozen(eq=False)
class Leaders:
    """Terms by whole name and by family name (lower case, diacritics folded)."""

    by_name: dict[str, tuple[Tenure, ...]]
    by_family: dict[str, tuple[Tenure, ...]]

    def states(self, name: str, year: int | None) -> frozenset[str]:
        """The states the person named ``name`` served in ``year`` (any year when None)."""
        key = _key(name)
        words = key.split(" ")
        found = self.by_name.get(key)
        if found is None and len(words) > 2:
            found = self.by_name.get(f"{words[0]} {words[-1]}")  # "Warren M. Christopher"
        if found is None and len(words) <= 2:
            found = self.by_family.get(key)  # "Merkel", "Mr. Christopher", "Duran-Ballen"
        if not found:
            return frozenset()
        return frozenset(t.state for t in found if _serving(t, year))


def _serving(t: Tenure, year: int | None) -> bool:
    if year is None:
        return True
    return t.start <= year <= (t.end if t.end is not None else 9999)


def _key(name: str) -> str:
    return " ".join(ascii_fold(name).lower().replace(".", " ").replace("-", " ").split())


def _family(key: str, state: str) -> str:
    words = key.split(" ")
    return words[0] if state in _FAMILY_FIRST and len(words) > 1 else words[-1]


@functools.cache
def leaders() -> Leaders:
    """The leaders table, read once."""
    by_name: dict[str, list[Tenure]] = {}
    by_family: dict[str, list[Tenure]] = {}
    for row in read_data_file("leaders.tsv"):
        name, aliases, state, office, start, end = (row + [""] * 6)[:6]
        tenure = Tenure(state=state, office=office, start=int(start),
                        end=int(end) if end.strip() else None)  # fmt: skip
        keys = {_key(name)} | {_key(a) for a in aliases.split("|") if a.strip()}
        for key in keys:
            by_name.setdefault(key, []).append(tenure)
        key = _key(name)
        families = {_family(key, state)}
        words = key.split(" ")
        if len(words) >= 3 and state not in _FAMILY_FIRST:
            families.add(" ".join(words[-2:]))  # "Sixto Duran Ballen": "Duran-Ballen"
        if len(words) >= 2 and words[-2] in ("al", "el", "ad", "as"):
            families.add(f"{words[-2]} {words[-1]}")  # "Nouri al-Maliki": "al-Maliki"
        for family in families:
            by_family.setdefault(family, []).append(tenure)
    return Leaders(
        by_name={k: tuple(v) for k, v in by_name.items()},
        by_family={k: tuple(v) for k, v in by_family.items()},
    )


def state_of(name: str, year: int | None) -> str | None:
    """The one state the leader named ``name`` served in ``year``, else None."""
    states = leaders().states(name, year)
    return next(iter(states)) if len(states) == 1 else None
