"""A small progress line for batch work, drawn on a terminal's stderr.

``[######......]  42%  12,345 articles  3,210 events  812.4 articles/s  0:00:15``

It draws only when enabled (the CLI enables it when stderr is a terminal and
``--quiet`` is not given), redraws at most :data:`MIN_INTERVAL` seconds apart
so it never slows the work down, and lets messages (per-line errors) be
printed above it without garbling the line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["MIN_INTERVAL", "Progress"]

#: Seconds between two redraws (about 10 updates per second).
MIN_INTERVAL = 0.1
_BAR_WIDTH = 20


def _clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class Progress:
    """Counts articles and events and shows the rate on ``stream`` when ``enabled``.

    ``total_bytes`` (the input size, when known) adds a bar and a percentage;
    feed the bytes read so far through :meth:`update`. ``clock`` is injectable
    for tests.
    """

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        total_bytes: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.total_bytes = total_bytes if total_bytes and total_bytes > 0 else None
        self.articles = 0
        self.events = 0
        self.bytes_read = 0
        self._clock = clock
        self._started = clock()
        self._last_draw = float("-inf")
        self._width = 0  # length of the line on screen, to blank it out

    def update(self, *, articles: int = 0, events: int = 0, bytes_read: int | None = None) -> None:
        """Add ``articles`` and ``events``; set the input position; redraw if it is time."""
        self.articles += articles
        self.events += events
        if bytes_read is not None:
            self.bytes_read = bytes_read
        if self.enabled:
            now = self._clock()
            if now - self._last_draw >= MIN_INTERVAL:
                self._last_draw = now
                self._draw(now)

    def line(self, now: float | None = None) -> str:
        """The progress text for the current counts."""
        elapsed = (self._clock() if now is None else now) - self._started
        rate = self.articles / elapsed if elapsed > 0 else 0.0
        parts = []
        if self.total_bytes is not None:
            fraction = min(1.0, self.bytes_read / self.total_bytes)
            filled = round(fraction * _BAR_WIDTH)
            parts.append(f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {fraction:4.0%}")
        parts.append(f"{self.articles:,} articles")
        parts.append(f"{self.events:,} events")
        parts.append(f"{rate:,.1f} articles/s")
        parts.append(_clock_text(elapsed))
        return "  ".join(parts)

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = " " * max(0, self._width - len(text))
        self.stream.write(f"\r{text}{pad}")
        self.stream.flush()
        self._width = len(text)

    def _clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0

    def message(self, text: str) -> None:
        """Print ``text`` (a line) to the stream, keeping the progress line below it."""
        if self.enabled and self._width:
            self._clear()
            self.stream.write(text + "\n")
            self._draw(self._clock())
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Draw the final counts and end the line (no-op when disabled)."""
        if self.enabled:
            self._draw(self._clock())
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0
