"""Counts in text: "about 2,500 troops", "more than 40 ships", "1 million soldiers".

Vague quantities ("thousands of", "dozens of") give None: no count is better
than an invented one.
"""

from __future__ import annotations

import re

__all__ = ["count_before", "find_counts", "first_number", "parse_number"]

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER = (
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen)"
    r"(?:\s(?P<scale>hundred|thousand|million|billion))?"
)
_LEADING_COUNT = re.compile(
    r"\s*(?:at least |more than |over |another |some |nearly |about )?" + _NUMBER + r"\b",
    re.IGNORECASE,
)


def parse_number(num: str, scale: str | None = None) -> int | None:
    """The value of a number written in digits or words, or None."""
    num = num.lower()
    value: float
    if num[0].isdigit():
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            return None
    elif "-" in num:
        tens, unit = num.split("-", 1)
        value = _WORDS.get(tens, 0) + _WORDS.get(unit, 0)
    else:
        if num not in _WORDS:
            return None
        value = _WORDS[num]
    if scale:
        value *= _SCALE[scale.lower()]
    return int(value) if value == int(value) else None


def find_counts(text: str, nouns: str, start: int = 0, end: int | None = None) -> list[int]:
    """Counts directly before one of ``nouns`` (a regex alternation) in ``text[start:end]``.

    Up to five words may stand between ("some 147,000 U.S. and South Korean troops").
    """
    end = len(text) if end is None else end
    pattern = _counted(nouns)
    out = []
    for m in pattern.finditer(text, start, end):
        value = parse_number(m.group("num"), m.group("scale"))
        if value is not None:
            out.append(value)
    return out


#: Where a count of :func:`find_counts` may begin: the pattern's own start.
_NUMBER_START = re.compile(r"(?<!-)\b" + _NUMBER, re.IGNORECASE)


def first_number(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The offset of the first number in ``text[start:end]`` that a count of
    :func:`find_counts` may begin with, or None: no count of any nouns starts before it
    (one scan, then the scans for each kind of noun start there, or are not needed)."""
    m = _NUMBER_START.search(text, start, len(text) if end is None else end)
    return m.start() if m is not None else None


_CACHE: dict[str, re.Pattern[str]] = {}


def _counted(nouns: str) -> re.Pattern[str]:
    pattern = _CACHE.get(nouns)
    if pattern is None:
        pattern = re.compile(
            # (?<!-): "F-16 jets", "B-52 bombers" are models, not counts
            r"(?<!-)\b" + _NUMBER + r"(?:\s[A-Za-z][A-Za-z.'’-]*){0,5}?\s(?:" + nouns + r")\b",
            re.IGNORECASE,
        )
        _CACHE[nouns] = pattern
    return pattern


def count_before(text: str, start: int, end: int) -> int | None:
    """The number in "12 of ..." / "two more" right at ``text[start:end]``."""
    m = _LEADING_COUNT.match(text, start, end)
    if not m:
        return None
    return parse_number(m.group("num"), m.group("scale"))
