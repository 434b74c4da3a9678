"""Tokens with exact offsets: words, numbers, possessive endings and punctuation.

One regular expression scans a sentence once. Offsets refer to the normalized text, which has
the caller's length, so every token also points into the caller's string.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .vocabulary import vocabulary

__all__ = ["Token", "tokenize"]

_TOKEN_TAIL = (
    r"(?:[A-Za-z]\.){2,}(?![A-Za-z])"  # "U.S.", "U.N.", "a.m."
    r"|[A-Z]\.[A-Z](?![\w.])"  # "H.E" (His Excellency): initials without the last period
    r"|\d+(?:st|nd|rd|th)(?:-[^\W_]+)*\b"  # "7th", "22nd", "4th-largest": one word
    r"|\d+(?:[.,:]\d+)*(?:-[^\W_]+)*"  # "2,500", "10:30", "10-day"
    r"|[^\W\d_]+(?=n['’]t\b)"  # "did" of "didn't": "n't" is its own token
    r"|n['’]t\b"
    r"|['’]s\b"  # the possessive ending
    # "al-Qaida", "Ta'ang", "face-to-face": letters and digits, then more after each joiner
    # (one repeat per piece, not per character); "delegation- level", a hyphen a copy left
    # before a space, joins too (not "pro- and anti-war")
    r"|[^\W_]+(?:(?:[-'’](?=[^\W_])(?!s\b)|-[ ](?=[a-z])(?!(?:and|or|nor|to)\b))[^\W_]*)*"
    r"|--+|\.\.\.|``|''|\S"
)


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The token pattern, with the vocabulary's period abbreviations first ("Mr.")."""
    words = sorted(vocabulary().forms("period_abbreviation"), key=len, reverse=True)
    # the class is read lower-cased; the abbreviation is matched capitalized or as written.
    # Grouped by first letter (longest first within a group, as in one list): the regex
    # engine then tries one group, not every abbreviation, at each word
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    alts = "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in group) + ")"
        for first, group in groups.items()
    )
    pattern = rf"(?<![\w.])(?i:(?:{alts}))\.(?=\s+\S)|" + _TOKEN_TAIL
    if all(_ABBREVIATION_FORM.fullmatch(w) for w in words):
        # Most tokens are plain words: tried first, they skip every alternative above
        pattern = _PLAIN_WORD + "|" + pattern
    return re.compile(pattern)


#: A word of letters followed by nothing another alternative reads on from (a period, an
#: apostrophe, a hyphen, a letter or digit). No alternative before the word one matches
#: where this does (an abbreviation's first character after its letters is a period or a
#: hyphen), and the word one matches the same letters; taken whole (no backtracking).
_PLAIN_WORD = r"[^\W\d_]++(?![.'’\w-])"
#: The abbreviations for which that holds.
_ABBREVIATION_FORM = re.compile(r"[a-z][a-z.-]*")


class Token(NamedTuple):
    """One token: where it is and what it says."""

    start: int
    end: int
    text: str
    low: str


_new = tuple.__new__  # a token made without the named tuple's own (slower) constructor


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``text[start:end]``, with offsets into ``text``."""
    found = _pattern().finditer(text, start, len(text) if end is None else end)
    return [_new(Token, (m.start(), m.end(), w := m.group(), w.lower())) for m in found]
