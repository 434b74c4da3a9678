"""Bounded error messages: a value from the input is shown cut, never whole.

A 10 MB ``country`` or a 5,000-digit integer in a document must not make a 10 MB
message (or fail to make one: Python will not turn an integer of more than 4,300
digits into text).
"""

from __future__ import annotations

import math

__all__ = ["cut", "shorten"]

#: Characters of a value shown in a message.
VALUE_CHARS = 60
#: Characters of a whole message built around other messages.
MESSAGE_CHARS = 500


def shorten(value: object, limit: int = VALUE_CHARS) -> str:
    """``repr(value)``, at most about ``limit`` characters: a longer one is cut with "…"."""
    if isinstance(value, str) and len(value) > limit:
        return f"{value[:limit]!r}… ({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool):
        bits = abs(value).bit_length()
        if bits > 3 * limit:  # more than ~limit digits
            digits = math.floor((bits - 1) * math.log10(2)) + 1
            return f"an integer of {digits:,} digits or more"
    return cut(repr(value), limit)


def cut(message: str, limit: int = MESSAGE_CHARS) -> str:
    """``message``, cut to ``limit`` characters with "…" when longer."""
    return message if len(message) <= limit else message[: limit - 1] + "…"
