"""The public entry points of the rule-based parser: :func:`parse` and :func:`parse_document`.

The work is done by the stages in :mod:`diplo_events._parsing` (text cleaning,
sentences, gazetteers, actors, dates, places, one rule set per event type,
document-level merge); this module validates the caller's input and runs them.
"""

from __future__ import annotations

import datetime as dt

from ._messages import cut
from .errors import InputTooLargeError
from .model import Document, Event

__all__ = ["MAX_INPUT_CHARS", "parse", "parse_document"]

#: Texts longer than this many characters are rejected with InputTooLargeError
#: (a news article is a few thousand; 10 MB is far beyond any real one).
MAX_INPUT_CHARS = 10_000_000


def parse(text: str, *, published: dt.date | str | None = None) -> list[Event]:
    """Extract every meeting, military exercise, territorial change and statement in ``text``.

    ``published`` (a :class:`datetime.date` or an ISO ``YYYY-MM-DD`` string) is the
    article's publication date; relative dates ("on Wednesday") are resolved
    against it. Without it, only absolute dates in the text are used.

    Raises :class:`TypeError` if ``text`` is not a ``str`` (decode bytes first),
    :class:`ValueError` for a malformed ``published`` and
    :class:`~diplo_events.InputTooLargeError` beyond 10,000,000 characters
    (``diplo_events.parser.MAX_INPUT_CHARS``).
    Any other text, however odd (lone surrogates included), is parsed without raising.
    """
    _check_text(text)
    from ._parsing.pipeline import run

    return run(text, published=_published(published))


def _check_text(text: object, caller: str = "parse") -> None:
    """TypeError for anything but a str, InputTooLargeError beyond MAX_INPUT_CHARS."""
    if not isinstance(text, str):
        raise TypeError(
            f"{caller}() needs article text as str, got {type(text).__name__}"
            + (
                " (decode bytes first, e.g. data.decode('utf-8'))"
                if isinstance(text, bytes)
                else ""
            )
        )
    if len(text) > MAX_INPUT_CHARS:
        raise InputTooLargeError(len(text), MAX_INPUT_CHARS)


def parse_document(
    text: str, *, id: str | None = None, published: dt.date | str | None = None
) -> Document:
    """Parse ``text`` and wrap the events in a :class:`~diplo_events.Document`."""
    day = _published(published)
    return Document(id=id, published=day, events=parse(text, published=day))


def _published(value: dt.date | str | None) -> dt.date | None:
    """The publication date; a ValueError whose message shows a bad string cut short."""
    from ._parsing.annotate.dates import parse_published

    try:
        return parse_published(value)
    except ValueError as exc:
        raise ValueError(cut(str(exc), 200)) from exc
