"""Tests of the progress line drawn on a terminal during batch work."""

from __future__ import annotations

import io

from diplo_events._progress import MIN_INTERVAL, Progress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_disabled_progress_writes_nothing_but_messages() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=False)
    for _ in range(50):
        progress.update(articles=1, events=2)
    progress.message("line 3: bad")
    progress.close()
    assert stream.getvalue() == "line 3: bad\n"
    assert progress.articles == 50
    assert progress.events == 100


def test_redraws_are_throttled() -> None:
    stream = io.StringIO()
    clock = Clock()
    progress = Progress(stream, enabled=True, clock=clock)
    for _ in range(100):
        progress.update(articles=1)
    assert stream.getvalue().count("\r") == 1
    clock.now += MIN_INTERVAL / 2
    progress.update(articles=1)
    assert stream.getvalue().count("\r") == 1
    clock.now += MIN_INTERVAL
    progress.update(articles=1)
    assert stream.getvalue().count("\r") == 2


def test_line_shows_counts_rate_and_elapsed_time() -> None:
    clock = Clock()
    progress = Progress(io.StringIO(), enabled=True, clock=clock)
    progress.update(articles=1200, events=345)
    clock.now += 4.0
    line = progress.line()
    assert "1,200 articles" in line
    assert "345 events" in line
    assert "300.0 articles/s" in line
    assert "0:00:04" in line
    assert "[" not in line  # no bar without a known input size


def test_bar_when_the_input_size_is_known() -> None:
    progress = Progress(io.StringIO(), enabled=True, total_bytes=1000, clock=Clock())
    progress.update(articles=1, bytes_read=250)
    assert progress.line().startswith("[#####...............]  25%")


def test_message_keeps_the_progress_line_below() -> None:
    stream = io.StringIO()
    clock = Clock()
    progress = Progress(stream, enabled=True, clock=clock)
    progress.update(articles=3)
    progress.message("diplo-events: <stdin> line 2: invalid JSON")
    text = stream.getvalue()
    before, after = text.split("diplo-events: <stdin> line 2: invalid JSON\n")
    assert before.endswith("\r")  # the old progress line was blanked first
    assert after.startswith("\r3 articles")


def test_close_ends_the_line() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=True, clock=Clock())
    progress.update(articles=2, events=1)
    progress.close()
    assert stream.getvalue().endswith("\n")
    assert "2 articles" in stream.getvalue().splitlines()[-1]
