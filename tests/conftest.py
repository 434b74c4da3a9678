"""Shared pytest configuration: the hypothesis profiles and a private gazetteer cache.

``default`` is quick enough to run on every save; ``ci`` (``HYPOTHESIS_PROFILE=ci``,
set by ``make test`` when ``CI=true``) runs many more examples, with no per-example
deadline so a slow shared runner cannot cause flaky failures, and prints the
statistics. Select one with the ``HYPOTHESIS_PROFILE`` environment variable.

The parser caches its gazetteer index in the user's cache directory; a test run (and
the processes it starts) uses a directory of its own instead, removed at the end, so
tests never read an index left by another run nor write into the home directory.
"""

from __future__ import annotations

import os
import shutil
import tempfile

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
