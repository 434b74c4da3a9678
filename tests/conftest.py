"""Shared pytest configuration: the hypothesis profiles, a private gazetteer cache and a
CPU-time limit.

``default`` is quick enough to run on every save; ``ci`` (``HYPOTHESIS_PROFILE=ci``,
set by ``make test`` when ``CI=true``) runs many more examples, with no per-example
deadline so a slow shared runner cannot cause flaky failures, and prints the
statistics. Select one with the ``HYPOTHESIS_PROFILE`` environment variable.

The parser caches its gazetteer index in the user's cache directory; a test run (and
the processes it starts) uses a directory of its own instead, removed at the end, so
tests never read an index left by another run nor write into the home directory.

The ``cpu_limit`` fixture bounds the CPU time of a block of a test.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

_CACHE_ENV = "DIPLO_EVENTS_CACHE_DIR"
_own_cache: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _own_cache
    if _CACHE_ENV not in os.environ:
        _own_cache = tempfile.mkdtemp(prefix="diplo-events-test-cache-")
        os.environ[_CACHE_ENV] = _own_cache


def pytest_unconfigure(config: pytest.Config) -> None:
    if _own_cache is not None:
        os.environ.pop(_CACHE_ENV, None)
        shutil.rmtree(_own_cache, ignore_errors=True)


class CpuLimitExceeded(AssertionError):
    """A block of a test used more CPU time than its limit."""


@contextlib.contextmanager
def _cpu_limit(seconds: float) -> Iterator[None]:
    def over(signum: int, frame: object) -> None:
        raise CpuLimitExceeded(f"used more than {seconds} s of CPU time")

    previous = signal.signal(signal.SIGPROF, over)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.fixture
def cpu_limit() -> Callable[[float], contextlib.AbstractContextManager[None]]:
    """``with cpu_limit(2.0): ...`` fails the test once the block has used 2 s of CPU time.

    For the former hangs and quadratic cases: the limit is many times what the block
    needs, and CPU time (not wall-clock time) does not grow when the machine is busy, so
    the check does not depend on the load; a regression fails at the limit instead of
    hanging the suite. The regular expression engine checks for signals while it runs,
    so a runaway match is stopped too.
    """
    return _cpu_limit
