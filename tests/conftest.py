"""Shared pytest configuration: the hypothesis profiles.

``default`` is quick enough to run on every save; ``ci`` (``HYPOTHESIS_PROFILE=ci``,
set by ``make test`` when ``CI=true``) runs many more examples, with no per-example
deadline so a slow shared runner cannot cause flaky failures, and prints the
statistics. Select one with the ``HYPOTHESIS_PROFILE`` environment variable.
"""

from __future__ import annotations

import os

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
