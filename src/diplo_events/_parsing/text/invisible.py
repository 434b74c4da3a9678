"""Invisible characters inside words: soft hyphens and zero-width characters.

A soft hyphen or a zero-width space inside a word ("Rus\\u00adsia", pasted from a web
page that hyphenates) is not shown, so the word is one word to a reader. The parser
reads the text without them (:attr:`Joined.text`) and maps every offset it finds back
to the caller's text (:meth:`Joined.restore`), so evidence spans stay exact:
``span.text == text[span.start:span.end]``, soft hyphens included. Outside words these
characters are spaces to the parser (see :mod:`.clean`).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import attrs

from ...model import Event, Span

__all__ = ["INVISIBLE", "Joined", "join_words"]

#: Characters that take no room: soft hyphen, zero-width space, non-joiner and joiner,
#: left-to-right and right-to-left marks, word joiner, invisible operators, BOM.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
_INSIDE_WORD = re.compile(f"(?<=\\w)[{INVISIBLE}]++(?=\\w)")
# Any invisible character (a pattern that starts with a character class is scanned fast)
_ANY = re.compile(f"[{INVISIBLE}]")


@attrs.frozen
class Joined:
    """A text without the invisible characters inside its words, and the way back.

    ``at[k]`` is the offset in :attr:`text` where the ``k``-th removed run was (the
    offset of the character after it); ``removed[k]`` counts the characters removed by
    runs ``0..k``.
    """

    text: str
    at: tuple[int, ...]
    removed: tuple[int, ...]

    def start(self, offset: int) -> int:
        """The caller's offset of the character at ``offset`` of :attr:`text`."""
        k = bisect.bisect_right(self.at, offset)
        return offset + (self.removed[k - 1] if k else 0)

    def end(self, offset: int) -> int:
        """The caller's offset just after the character before ``offset`` of :attr:`text`."""
        if offset <= 0:
            return 0
        k = bisect.bisect_right(self.at, offset - 1)
        return offset + (self.removed[k - 1] if k else 0)

    def restore(self, events: list[Event], original: str) -> list[Event]:
        """``events`` found in :attr:`text`, with every span an exact span of ``original``."""
        from ..document.merge import assign_ids

        # The ids are derived from the content, spans included: derive them again.
        return assign_ids([self._remap(event, original) for event in events])

    def _remap(self, value: Any, original: str) -> Any:
        if isinstance(value, Span):
            start = self.start(value.start)
            end = max(start, self.end(value.end))
            return Span.of(original, start, end)
        if isinstance(value, tuple):
            return tuple(self._remap(item, original) for item in value)
        cls = type(value)
        if attrs.has(cls):
            changes: dict[str, Any] = {}
            for field in attrs.fields(cls):
                item = getattr(value, field.name)
                mapped = self._remap(item, original)
                if mapped is not item:
                    changes[field.alias or field.name] = mapped
            return attrs.evolve(value, **changes) if changes else value
        return value


def join_words(text: str) -> Joined | None:
    """``text`` without the invisible characters inside its words; None if it has none."""
    some = _ANY.search(text)  # a cheap test first: most texts hold no invisible character
    first = _INSIDE_WORD.search(text, some.start()) if some is not None else None
    if first is None:
        return None
    parts: list[str] = []
    at: list[int] = []
    removed: list[int] = []
    pos = kept = total = 0
    for match in _INSIDE_WORD.finditer(text, first.start()):
        parts.append(text[pos : match.start()])
        kept += match.start() - pos
        total += match.end() - match.start()
        at.append(kept)
        removed.append(total)
        pos = match.end()
    parts.append(text[pos:])
    return Joined(text="".join(parts), at=tuple(at), removed=tuple(removed))
