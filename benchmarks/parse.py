"""Parser benchmark: sentences/s and MB/s of :func:`diplo_events.parse` on real articles.

Run from the project root with the project venv::

    .venv/bin/python benchmarks/parse.py [--mb 5] [--repeat 3]

The articles are the dev set's texts (``../shared/eval/dev/*.json`` next to the
project, when present) or else the seed article. They are repeated until the corpus
holds at least ``--mb`` MB and each article is parsed on its own, as a caller would.
Printed, all measured in this same run (best of ``--repeat`` rounds):

* throughput: sentences/s (sentences counted with the parser's own splitter) and MB/s;
* the ratio of the parse time to one plain ``re.finditer`` sentence-splitting pass
  over the same text (a floor: how many regex passes the parser is worth);
* linearity: time(corpus) / time(corpus / 10), which should be about 10 (at most 12);
* the preparatory stages alone (cleaning, sentence splitting, the gazetteer pass and
  date finding, which every sentence needs before any rule runs): their sentences/s and
  their share of the parse time, a floor for what any rule design on them can reach.

When spaCy is installed (a benchmark-only tool: ``pip install spacy``), it also times
``spacy.blank("en")`` with its rule-based ``sentencizer`` over the same articles
(``nlp.pipe``): a compiled tokenizer and sentence splitter that extracts nothing, printed
as the ratio parse / spaCy.

With ``--against REF`` (a git revision, e.g. ``main~5``) it also parses the same corpus
with that revision's code, checked out in a temporary ``git worktree``: the two trees run
in child processes, alternately, ``--repeat`` times each, and the ratio of their median
CPU times is printed (below 1: this tree is faster)::

    .venv/bin/python benchmarks/parse.py --mb 2 --against HEAD~1
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import diplo_events
from diplo_events._parsing.annotate.dates import find_dates
from diplo_events._parsing.annotate.gazetteer import gazetteer
from diplo_events._parsing.text.clean import clean
from diplo_events._parsing.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / ".." / "shared" / "eval" / "dev"
SEED = ROOT / "seeds" / "000_22928ed1188cab94.txt"
PLAIN_SENTENCE = re.compile(r"[^.!?]+[.!?]")
MB = 1_000_000


def load_articles() -> tuple[str, list[str]]:
    """The benchmark's source articles and a label saying where they came from."""
    texts: list[str] = []
    if DEV.is_dir():
        for path in sorted(DEV.glob("*.json")):
            text = json.loads(path.read_text(encoding="utf-8")).get("text")
            if isinstance(text, str) and text.strip():
                texts.append(text)
    if texts:
        return f"{len(texts)} dev articles", texts
    return "the seed article", [SEED.read_text(encoding="utf-8")]


def corpus(texts: list[str], size: int) -> list[str]:
    """``texts`` cycled until their total length is at least ``size`` characters."""
    out: list[str] = []
    total = 0
    while total < size:
        text = texts[len(out) % len(texts)]
        out.append(text)
        total += len(text)
    return out


def best(
    fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """The best time of ``repeat`` calls of ``fn`` (after a gc.collect()), by ``clock``:
    wall time, or CPU time with ``time.process_time``."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def parse_all(articles: list[str]) -> None:
    """Parse every article on its own."""
    for text in articles:
        diplo_events.parse(text)


def preparatory(articles: list[str]) -> int:
    """Only the stages every sentence goes through before the rules: the number of sentences."""
    count = 0
    for text in articles:
        cleaned = clean(text)
        norm = cleaned.norm
        gazetteer().find(norm)
        for block in cleaned.blocks:
            for start, end in split_sentences(norm, block.start, block.end):
                find_dates(norm, published=None, start=start, end=end)
                count += 1
    return count


def spacy_pass(articles: list[str]) -> Callable[[], object] | None:
    """``spacy.blank("en")`` + sentencizer over ``articles`` (as a callable), or None
    without spaCy."""
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    def run() -> int:
        return sum(len(list(doc.sents)) for doc in nlp.pipe(articles))

    run()  # warm up
    return run


def regex_pass(joined: str) -> int:
    """One plain regex sentence-splitting pass: the number of matches."""
    return sum(1 for _ in PLAIN_SENTENCE.finditer(joined))


#: Run in a child process with one tree's ``src`` first on the path: parse the corpus
#: (a JSON list of texts on stdin) once to warm up, then once timed; print the CPU seconds.
_CHILD = """
import json, sys, time
import diplo_events
texts = json.load(sys.stdin)
for text in texts[:20]:
    diplo_events.parse(text)
start = time.process_time()
for text in texts:
    diplo_events.parse(text)
print(time.process_time() - start)
"""


def _child_time(src: Path, texts_json: str) -> float:
    env_code = f"import sys; sys.path.insert(0, {str(src)!r})\n" + _CHILD
    out = subprocess.run([sys.executable, "-c", env_code], input=texts_json, text=True,
                         capture_output=True, check=True)  # fmt: skip
    return float(out.stdout.strip().splitlines()[-1])


def against(ref: str, texts: list[str], repeat: int) -> None:
    """Compare this tree with revision ``ref`` on ``texts``, alternating child processes."""
    texts_json = json.dumps(texts)
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q",
                        str(other), ref], check=True)  # fmt: skip
        try:
            here_t: list[float] = []
            there_t: list[float] = []
            for _ in range(repeat):
                here_t.append(_child_time(ROOT / "src", texts_json))
                there_t.append(_child_time(other / "src", texts_json))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(other)], check=False)  # fmt: skip
    here, there = statistics.median(here_t), statistics.median(there_t)
    print(f"against {ref}: this tree {here:.2f} s CPU, {ref} {there:.2f} s CPU (medians of"
          f" {repeat}); ratio this / {ref} = {here / there:.2f}")  # fmt: skip


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds, best is kept (default 3)")
    ap.add_argument("--against", metavar="REF", help="also time git revision REF (a worktree)")
    args = ap.parse_args()

    label, texts = load_articles()
    big = corpus(texts, int(args.mb * MB))
    small = corpus(texts, int(args.mb * MB / 10))
    chars = sum(len(t) for t in big)
    size_mb = sum(len(t.encode("utf-8")) for t in big) / MB
    sentences = sum(len(split_sentences(clean(t).norm)) for t in big)
    joined = "\n\n".join(big)

    parse_all(texts)  # warm up: lazy imports, gazetteers, compiled patterns
    t_big = best(lambda: parse_all(big), args.repeat)
    t_small = best(lambda: parse_all(small), args.repeat)
    t_regex = best(lambda: regex_pass(joined), args.repeat)
    t_prep = best(lambda: preparatory(big), args.repeat)
    c_big = best(lambda: parse_all(big), args.repeat, time.process_time)
    spacy_run = spacy_pass(big)
    c_spacy = best(spacy_run, args.repeat, time.process_time) if spacy_run is not None else None

    print(f"python {platform.python_version()} on {platform.machine()}, {sys.platform}")
    print(f"corpus: {label}, repeated to {len(big)} articles, {chars:,} chars, {size_mb:.2f} MB")
    print(f"sentences (parser's splitter): {sentences:,}")
    print(f"parse: {t_big:.2f} s  {sentences / t_big:,.0f} sentences/s  {size_mb / t_big:.2f} MB/s")
    print(f"parse CPU time: {c_big:.2f} s  {sentences / c_big:,.0f} sentences/s per core")
    print(f"plain re.finditer pass: {t_regex:.3f} s  parse / regex = {t_big / t_regex:.0f}x")
    if c_spacy is not None:
        print(f"spaCy blank('en') + sentencizer: {c_spacy:.2f} s CPU"
              f"  parse / spaCy = {c_big / c_spacy:.1f}x")  # fmt: skip
    else:
        print("spaCy: not installed, no comparison (pip install spacy)")
    print(
        f"preparatory stages alone: {t_prep:.2f} s  {sentences / t_prep:,.0f} sentences/s"
        f"  ({100 * t_prep / t_big:.0f}% of the parse time)"
    )
    print(
        f"linearity: {len(small)} articles {t_small:.2f} s -> {len(big)} articles {t_big:.2f} s"
        f"  ratio {t_big / t_small:.2f} for {chars / sum(len(t) for t in small):.1f}x the input"
    )
    if args.against:
        against(args.against, big, args.repeat)


if __name__ == "__main__":
    main()
