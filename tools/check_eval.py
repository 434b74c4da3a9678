"""The accuracy ratchet: score the parser on the gold-annotated dev articles and fail below
the floor kept in ``eval-floor.json``.

    python tools/check_eval.py [--dev ../shared/eval/dev] [--update]

The scorer and the articles live next to the project (``../shared/eval``), not in it: the
articles are third-party news text. When they are not there, the check says it is skipped
and exits 0 (a fresh clone elsewhere has nothing to score against). ``--update`` raises the
floor to the figures just measured (never lowers it): run it after a change that improves
them, and commit ``eval-floor.json``.

The floor holds the micro event F1, the F1 of each event type and the slot accuracy, each
rounded down to three decimals; a figure below its floor by more than the tolerance fails.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = ROOT / "eval-floor.json"
SHARED = ROOT.parent / "shared" / "eval"
#: Figures may fall this far below their floor (rounding; nothing else varies: the parser
#: is deterministic).
TOLERANCE = 0.0005


def measure(dev: Path, scorer: Path) -> dict[str, float]:
    """The figures of one scoring run over ``dev``."""
    extractor = f"{sys.executable} -m diplo_events extract --jsonl -"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "score.json"
        subprocess.run(
            [sys.executable, str(scorer), str(dev), "--cmd", extractor, "--json", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        res = json.loads(out.read_text(encoding="utf-8"))
    figures = {"event_f1": res["micro"]["f1"], "slot_accuracy": res["slot_mean"]}
    for kind, row in res["types"].items():
        figures[f"f1.{kind}"] = row["f1"]
    return figures


def _down(value: float) -> float:
    return math.floor(value * 1000) / 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dev", type=Path, default=SHARED / "dev", help="gold-annotated articles")
    ap.add_argument("--scorer", type=Path, default=SHARED / "score.py", help="the scorer")
    ap.add_argument("--update", action="store_true", help="raise the floor to these figures")
    args = ap.parse_args(argv)
    if not args.dev.is_dir() or not args.scorer.is_file():
        print(f"eval: skipped ({args.dev} or {args.scorer} not found)")
        return 0
    figures = measure(args.dev, args.scorer)
    floor: dict[str, float] = (
        json.loads(FLOOR.read_text(encoding="utf-8")) if FLOOR.exists() else {}
    )
    failed = []
    for name in sorted(figures):
        value, least = figures[name], floor.get(name)
        verdict = "" if least is None else ("ok" if value + TOLERANCE >= least else "BELOW")
        shown = "-" if least is None else f"{least:.3f}"
        print(f"eval: {name:30} {value:.3f}  floor {shown}  {verdict}")
        if verdict == "BELOW":
            failed.append(name)
    if args.update:
        raised = {k: max(_down(v), floor.get(k, 0.0)) for k, v in figures.items()}
        FLOOR.write_text(json.dumps(raised, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"eval: floor written to {FLOOR.name}")
    if failed:
        print(f"eval: below the floor: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
