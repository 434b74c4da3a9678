"""The exceptions the library raises.

Every error is a :class:`DiploEventsError`, so one ``except`` clause catches
them all. Each also derives from the builtin a caller would expect
(``ValueError``), so generic code keeps working.
"""

from __future__ import annotations

__all__ = ["DiploEventsError", "InputTooLargeError", "SchemaError"]


class DiploEventsError(Exception):
    """Base class of every exception raised by diplo-events."""


class SchemaError(DiploEventsError, ValueError):
    """JSON (or a dict) that does not describe a valid v1 event or document.

    ``errors`` lists one ``"path: problem"`` string per bad field, for example
    ``"events[2].date.start: invalid date '2021-13-01'"``. The message is the
    same lines joined (the first :attr:`MAX_LINES` of them), so printing the
    exception tells the user the problems. Values from the input are cut in them.
    """

    #: The message lists at most this many of the errors (``errors`` has them all).
    MAX_LINES = 50

    def __init__(self, errors: list[str] | tuple[str, ...]) -> None:
        self.errors: tuple[str, ...] = tuple(errors) or ("$: invalid input",)
        shown = list(self.errors[: self.MAX_LINES])
        if len(self.errors) > self.MAX_LINES:
            shown.append(f"... and {len(self.errors) - self.MAX_LINES:,} more")
        lines = "\n  ".join(shown)
        noun = "error" if len(self.errors) == 1 else "errors"
        super().__init__(f"{len(self.errors):,} {noun} in diplo-events data:\n  {lines}")


class InputTooLargeError(DiploEventsError, ValueError):
    """Article text longer than the parser's documented limit."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"input text has {size:,} characters; the parser accepts at most {limit:,}"
            " (split the input or raise diplo_events.parser.MAX_INPUT_CHARS)"
        )
