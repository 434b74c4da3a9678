"""``python -m diplo_events``: the same command line as the ``diplo-events`` script."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":  # guarded: worker processes may import this module
    raise SystemExit(main())
