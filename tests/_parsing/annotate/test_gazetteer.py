"""Tests of the gazetteers and the one-pass matcher (diplo_events._parsing.annotate.gazetteer)."""

from __future__ import annotations

import hashlib
import importlib.resources
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplo_events._parsing.annotate import gazetteer as gaz_module
from diplo_events._parsing.annotate.gazetteer import (
    Category,
    Entry,
    Gazetteer,
    Match,
    ascii_fold,
    gazetteer,
    read_data_file,
    surface_key,
)

SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_22928ed1188cab94.txt"
DATA_FILES = (
    "states.tsv",
    "countries.tsv",
    "capitals.tsv",
    "cities.tsv",
    "regions.tsv",
    "places.tsv",
    "organizations.tsv",
    "titles.tsv",
    "portfolios.tsv",
    "institutions.tsv",
    "exclude.tsv",
)


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return gazetteer()


def first(g: Gazetteer, text: str) -> list[tuple[str, Category, str]]:
    """(surface, category, key) of the first reading of every match."""
    return [(m.text, m.entries[0].category, m.entries[0].key) for m in g.find(text)]


def texts(g: Gazetteer, text: str) -> list[str]:
    return [m.text for m in g.find(text)]


# --- data files ---------------------------------------------------------------------------------


def test_data_files_are_package_resources() -> None:
    root = importlib.resources.files("diplo_events._parsing.data")
    for name in DATA_FILES:
        assert root.joinpath(name).is_file(), name
        assert read_data_file(name), f"{name} has no rows"


def test_gazetteer_is_built_once() -> None:
    assert gazetteer() is gazetteer()


def test_every_un_member_and_observer_has_a_country_entry(g: Gazetteer) -> None:
    pycountry = pytest.importorskip("pycountry")
    rows = read_data_file("states.tsv")
    members = [r[0] for r in rows if r[1] == "member"]
    observers = [r[0] for r in rows if r[1] == "observer"]
    assert len(members) == len(set(members)) == 193
    assert sorted(observers) == ["PSE", "VAT"]
    for code in members + observers:
        assert pycountry.countries.get(alpha_3=code) is not None, code
        entry = g.country(code)
        assert entry is not None
        assert entry == Entry(Category.COUNTRY, code, entry.name, code)
        # The display name is itself a name of the state.
        assert entry in g.lookup(entry.name)


def test_country_codes_from_the_generated_file_are_iso(g: Gazetteer) -> None:
    pycountry = pytest.importorskip("pycountry")
    codes = [r[0] for r in read_data_file("countries.tsv")]
    assert len(codes) == len(pycountry.countries)
    assert {c.alpha_3 for c in pycountry.countries} == set(codes)


def test_no_surface_names_two_states(g: Gazetteer) -> None:
    codes: dict[str, set[str]] = {}
    for key, entry in g.entries():
        if entry.category is Category.COUNTRY:
            codes.setdefault(key, set()).add(entry.key)
    clashes = {k: v for k, v in codes.items() if len(v) > 1}
    assert not clashes


def test_entries_have_valid_country_codes(g: Gazetteer) -> None:
    for _, entry in g.entries():
        if entry.category in (Category.COUNTRY, Category.DEMONYM, Category.CAPITAL):
            assert entry.country == entry.key
        if entry.country is not None:
            assert len(entry.country) == 3
            assert entry.country.isupper()
            assert g.country(entry.country) is not None, entry
        if entry.category in (Category.ORGANIZATION, Category.ARMED_GROUP, Category.WATER):
            assert entry.country is None


# --- the seed article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_matches(g: Gazetteer) -> tuple[str, list[Match]]:
    text = SEED.read_text(encoding="utf-8")
    return text, g.find(text)


def test_seed_spans_are_exact_and_ordered(seed_matches: tuple[str, list[Match]]) -> None:
    text, matches = seed_matches
    assert matches
    prev_end = 0
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end
        prev_end = m.end


def test_seed_names(seed_matches: tuple[str, list[Match]]) -> None:
    text, matches = seed_matches
    found = {(m.text, m.entries[0].category, m.entries[0].key) for m in matches}
    expected = {
        ("Turkmen", Category.DEMONYM, "TKM"),
        ("Uzbek", Category.DEMONYM, "UZB"),
        ("Russian", Category.DEMONYM, "RUS"),
        ("Turkmenistan", Category.COUNTRY, "TKM"),
        ("Qatar", Category.COUNTRY, "QAT"),
        ("Taliban", Category.ARMED_GROUP, "Taliban"),
        ("Deputy Foreign Minister", Category.TITLE, "Deputy Foreign Minister"),
        ("presidential envoy", Category.TITLE, "presidential envoy"),
        ("special envoy", Category.TITLE, "special envoy"),
        ("spokesperson", Category.TITLE, "spokesperson"),
        ("Foreign Ministry", Category.INSTITUTION, "Foreign Ministry"),
        ("Islamic Emirate of Afghanistan", Category.ARMED_GROUP, "Taliban"),
        ("United Nations", Category.ORGANIZATION, "UN"),
        ("European Union", Category.ORGANIZATION, "EU"),
        ("United Kingdom", Category.COUNTRY, "GBR"),
        ("NATO", Category.ORGANIZATION, "NATO"),
        ("Shanghai Cooperation Organization", Category.ORGANIZATION, "SCO"),
        ("Kandahar", Category.CITY, "Kandahar"),
        ("Herat", Category.CITY, "Herat"),
        ("Ghazni", Category.CITY, "Ghazni"),
        ("US", Category.COUNTRY, "USA"),
        ("Kabul", Category.CAPITAL, "AFG"),
        ("Doha", Category.CAPITAL, "QAT"),
    }
    assert expected <= found
    doha = next(m for m in matches if m.text == "Doha")
    assert [e.category for e in doha.entries] == [Category.CAPITAL, Category.CITY]
    assert doha.entries[0].name == "Qatar"
    assert doha.entries[1].country == "QAT"
    # "the Taliban’s political office" and "the Afghan-Tajik border"
    i = text.index("Taliban’s political")
    assert any(m.start == i and m.text == "Taliban" for m in matches)
    j = text.index("Afghan-Tajik")
    assert [m.text for m in matches if j <= m.start < j + 12] == ["Afghan", "Tajik"]


# --- categories ---------------------------------------------------------------------------------


def test_countries_and_short_forms(g: Gazetteer) -> None:
    cases = {
        "the United States": "USA",
        "US": "USA",
        "U.S.": "USA",
        "America": "USA",
        "UK": "GBR",
        "Britain": "GBR",
        "Russia": "RUS",
        "Iran": "IRN",
        "Syria": "SYR",
        "South Korea": "KOR",
        "North Korea": "PRK",
        "Ivory Coast": "CIV",
        "Côte d'Ivoire": "CIV",
        "Cote d'Ivoire": "CIV",
        "Czech Republic": "CZE",
        "Turkey": "TUR",
        "Türkiye": "TUR",
        "Burma": "MMR",
        "Myanmar": "MMR",
        "DRC": "COD",
        "Congo": "COD",
        "Republic of the Congo": "COG",
        "Taiwan": "TWN",
        "Kosovo": "XKX",
        "Palestine": "PSE",
        "Western Sahara": "ESH",
        "Hong Kong": "HKG",
        "Holy See": "VAT",
        "Democratic Republic of the Congo": "COD",
        "Republic of Korea": "KOR",
        "Iran, Islamic Republic of": "",
    }
    for surface, code in cases.items():
        readings = [e.key for e in g.lookup(surface) if e.category is Category.COUNTRY]
        assert readings == ([code] if code else []), surface


def test_demonyms_with_plurals(g: Gazetteer) -> None:
    text = (
        "Turkmen, Uzbek, Afghan, Tajik, American, British, Russian, Chinese, Israeli, "
        "Palestinian, Emirati, Saudi, Qatari and Ukrainian officials; Afghans, Israelis, Saudis."
    )
    got = [(t, k) for t, c, k in first(g, text) if c is Category.DEMONYM]
    assert [k for _, k in got] == [
        "TKM", "UZB", "AFG", "TJK", "USA", "GBR", "RUS", "CHN", "ISR", "PSE", "ARE", "SAU",
        "QAT", "UKR", "AFG", "ISR", "SAU",
    ]  # fmt: skip
    assert g.lookup("Afghan")[0].name == "Afghanistan"


def test_capitals_and_seats_of_government(g: Gazetteer) -> None:
    text = (
        "Beijing, Moscow, the Kremlin, Washington, the White House, the Pentagon, Downing Street, "
        "Kabul and Doha reacted; Kiev and Kyiv too."
    )
    caps = [(t, k) for t, c, k in first(g, text) if c is Category.CAPITAL]
    assert caps == [
        ("Beijing", "CHN"),
        ("Moscow", "RUS"),
        ("Kremlin", "RUS"),
        ("Washington", "USA"),
        ("White House", "USA"),
        ("Pentagon", "USA"),
        ("Downing Street", "GBR"),
        ("Kabul", "AFG"),
        ("Doha", "QAT"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
    ]
    washington = g.lookup("Washington")
    assert washington[0].category is Category.CAPITAL
    assert Category.CITY in {e.category for e in washington}
    georgia = g.lookup("Georgia")
    assert (georgia[0].category, georgia[0].key) == (Category.COUNTRY, "GEO")
    assert Entry(Category.REGION, "Georgia", "Georgia", "USA") in georgia


def test_cities_regions_and_water(g: Gazetteer) -> None:
    got = first(
        g,
        "From Mazar-i-Sharif to Ghaznī province, across the Bay of Bengal, the South China Sea, "
        "the Strait of Hormuz and the Taiwan Strait, to Crimea, Donbas, Kashmir and the Gaza "
        "Strip.",
    )
    assert ("Mazar-i-Sharif", Category.CITY, "Mazar-i-Sharif") in got
    assert ("Ghaznī", Category.REGION, "Ghazni") in got
    for water in ("Bay of Bengal", "South China Sea", "Strait of Hormuz", "Taiwan Strait"):
        assert (water, Category.WATER, water) in got
    regions = {t: g.lookup(t)[0] for t in ("Crimea", "Donbas", "Kashmir", "Gaza Strip")}
    assert {t: e.country for t, e in regions.items()} == {
        "Crimea": "UKR",
        "Donbas": "UKR",
        "Kashmir": None,
        "Gaza Strip": "PSE",
    }
    assert g.lookup("Persian Gulf")[0].country is None


def test_ambiguous_city_names_are_dropped(g: Gazetteer) -> None:
    for word in ("Mobile", "Split", "Nice", "Reading", "Bath", "Victoria", "March", "Police"):
        cats = {e.category for e in g.lookup(word)}
        assert not cats & {Category.CITY, Category.REGION, Category.CAPITAL}, word
    # A city named like another state is not read as a city ("Armenia" in Colombia).
    assert [e.category for e in g.lookup("Armenia")] == [Category.COUNTRY]


def test_organizations_and_aliases(g: Gazetteer) -> None:
    for key in ("UN", "EU", "NATO", "ASEAN", "AU", "SCO", "CSTO", "ECOWAS", "OPEC", "G7", "G20"):
        assert (g.lookup(key)[0].category, g.lookup(key)[0].key) == (Category.ORGANIZATION, key)
    for key in ("BRICS", "Arab League", "GCC"):
        assert g.lookup(key)[0].key == key
    aliases = {
        "United Nations": "UN",
        "U.N.": "UN",
        "UN Security Council": "UN",
        "UNHCR": "UN",
        "European Commission": "EU",
        "European Union": "EU",
        "African Union": "AU",
        "Group of Seven": "G7",
        "G-20": "G20",
        "League of Arab States": "Arab League",
        "Gulf Cooperation Council": "GCC",
        "Red Cross": "ICRC",
        "International Atomic Energy Agency": "IAEA",
    }
    for surface, key in aliases.items():
        assert g.lookup(surface)[0].key == key, surface


def test_armed_groups_and_longest_match(g: Gazetteer) -> None:
    text = (
        "Pakistani Taliban fighters, the Islamic State, ISIL, Daesh, al-Qaeda, Al Qaeda, AQAP, "
        "al-Shabaab, Hamas, Hezbollah, Houthi rebels, Ansar Allah, M23, the Rapid Support Forces, "
        "the Wagner Group, Hayat Tahrir al-Sham, TPLF, SDF, PKK and Boko Haram."
    )
    got = first(g, text)
    assert got[0] == ("Pakistani Taliban", Category.ARMED_GROUP, "TTP")
    keys = [k for _, c, k in got if c is Category.ARMED_GROUP]
    assert keys == [
        "TTP", "ISIS", "ISIS", "ISIS", "al-Qaida", "al-Qaida", "AQAP", "al-Shabaab", "Hamas",
        "Hezbollah", "Houthis", "Houthis", "M23", "RSF", "Wagner", "HTS", "TPLF", "SDF", "PKK",
        "Boko Haram",
    ]  # fmt: skip
    assert not g.lookup("IS")
    assert first(g, "the Taliban's spokesman")[0] == ("Taliban", Category.ARMED_GROUP, "Taliban")


def test_titles_case_insensitive_and_composed(g: Gazetteer) -> None:
    cases = {
        "Deputy Foreign Minister": "Deputy Foreign Minister",
        "deputy foreign minister": "Deputy Foreign Minister",
        "DEPUTY FOREIGN MINISTER": "Deputy Foreign Minister",
        "Minister of Foreign Affairs": "Foreign Minister",
        "foreign affairs minister": "Foreign Minister",
        "Secretary of State": "Foreign Minister",
        "Defense Secretary": "Defence Minister",
        "Defense Minister": "Defence Minister",
        "Deputy Prime Minister": "Deputy Prime Minister",
        "spokeswoman": "spokesperson",
        "special envoy": "special envoy",
        "Secretary-General": "Secretary-General",
        "chief of the general staff": "chief of the general staff",
        "Crown Prince": "Crown Prince",
        "Supreme Leader": "Supreme Leader",
    }
    for surface, canon in cases.items():
        (m,) = g.find(f"The {surface} spoke.")
        assert m.text == surface
        assert (m.entries[0].category, m.entries[0].key) == (Category.TITLE, canon), surface
    # "General" is a title only capitalized; "Gen." only with its period.
    assert texts(g, "Gen. Smith, Lt. Gen. Jones and General Brown") == [
        "Gen.",
        "Lt. Gen.",
        "General",
    ]
    assert texts(g, "the general election; gen z") == []


def test_institutions(g: Gazetteer) -> None:
    got = first(
        g, "the Turkmen Foreign Ministry, Russia's Defence Ministry and the Chinese military"
    )
    assert got == [
        ("Turkmen", Category.DEMONYM, "TKM"),
        ("Foreign Ministry", Category.INSTITUTION, "Foreign Ministry"),
        ("Russia", Category.COUNTRY, "RUS"),
        ("Defence Ministry", Category.INSTITUTION, "Defence Ministry"),
        ("Chinese", Category.DEMONYM, "CHN"),
        ("military", Category.INSTITUTION, "military"),
    ]
    assert g.lookup("Ministry of Defence")[0].key == "Defence Ministry"
    for word in ("army", "navy", "air force", "armed forces", "troops", "parliament", "embassy"):
        assert g.lookup(word)[0].category is Category.INSTITUTION, word
    state_department = g.lookup("State Department")[0]
    assert (state_department.key, state_department.country) == ("Foreign Ministry", "USA")


# --- matching rules -----------------------------------------------------------------------------


def test_word_boundaries(g: Gazetteer) -> None:
    assert texts(g, "Romania, Lomania and Omanx") == ["Romania"]
    assert texts(g, "Afghan-Tajik border") == ["Afghan", "Tajik"]
    assert texts(g, "the Taliban’s gains") == ["Taliban"]
    assert texts(g, "NATOs UNs USA1") == []


def test_case_rules(g: Gazetteer) -> None:
    assert texts(g, "tell us about chad and turkey") == []
    assert texts(g, "the US and Chad and Turkey") == ["US", "Chad", "Turkey"]
    assert texts(g, "PRIME MINISTER and prime minister") == ["PRIME MINISTER", "prime minister"]


def test_abbreviation_periods(g: Gazetteer) -> None:
    text = "The U.S. and the U.K. met. U.N. officials and U.S.-led forces."
    assert texts(g, text) == ["U.S.", "U.K.", "U.N.", "officials", "U.S.", "forces"]


def test_window_offsets(g: Gazetteer) -> None:
    text = "Talks in Doha between Romania and Oman."
    start = text.index("Doha")
    got = g.find(text, start, len(text) - 1)
    assert [(m.start, m.text) for m in got] == [
        (start, "Doha"),
        (text.index("Romania"), "Romania"),
        (text.index("Oman"), "Oman"),
    ]
    # A window edge inside a word never yields a piece of it.
    assert g.find(text, text.index("mania"), len(text)) == [
        Match(text.index("Oman"), text.index("Oman") + 4, "Oman", g.lookup("Oman"))
    ]
    assert g.find(text, 0, text.index("Romania") + 2) == g.find(text, 0, text.index("Romania"))
    assert g.find(text, 10, 5) == []


def test_lookup_and_known_names(g: Gazetteer) -> None:
    assert g.lookup("") == ()
    assert g.lookup("   ") == ()
    assert g.lookup("Atlantis") == ()
    assert g.is_known_name("Uzbek")
    assert g.is_known_name("envoy")
    assert not g.is_known_name("banana")
    tkm = g.country("TKM")
    assert tkm is not None
    assert tkm.name == "Turkmenistan"
    assert g.country("XXX") is None


def test_surface_key_and_fold() -> None:
    assert surface_key("the U.S.") == ("U.S", True)
    assert surface_key("Côte d’Ivoire") == ("Côte d'Ivoire", False)
    assert surface_key("St.  Kitts") == ("St. Kitts", False)
    assert surface_key("OPEC, Inc") is None
    assert ascii_fold("Ghaznī") == "Ghazni"
    assert ascii_fold("Łódź") == "Lodz"


@given(st.text())
def test_find_is_total_and_consistent(text: str) -> None:
    g = gazetteer()
    matches = g.find(text)
    prev = 0
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert prev <= m.start < m.end
        assert m.entries
        prev = m.end
    assert g.find(text) == matches


_SOUP = ["Russia", "U.S.", "the", "Taliban", "'s", " ", "-", "minister", "Foreign", "Ministry"]
_SOUP += ["Pakistani", ".", "\n", "é", "Oman", "Gen", "Lt", "_"]


@given(st.lists(st.sampled_from(_SOUP)))
def test_find_on_name_soup(parts: list[str]) -> None:
    text = "".join(parts)
    g = gazetteer()
    for m in g.find(text):
        assert text[m.start : m.end] == m.text
        before = text[m.start - 1] if m.start else " "
        after = text[m.end] if m.end < len(text) else " "
        assert not before.isalnum()
        assert before != "_"
        assert not ((after.isalnum() or after == "_") and m.text[-1:].isalnum())


@pytest.mark.parametrize(
    ("name", "code"),
    [("Soviet Union", "SUN"), ("USSR", "SUN"), ("Soviet", "SUN"), ("Yugoslav", "YUG"),
     ("East German", "DDR"), ("West German", "DEU"), ("Czechoslovakia", "CSK")],
)  # fmt: skip
def test_former_states_have_their_iso_3166_3_codes(g: Gazetteer, name: str, code: str) -> None:
    assert code in {e.country for e in g.lookup(name)}


def test_a_famous_island_is_not_a_homonymous_city(g: Gazetteer) -> None:
    assert {e.country for e in g.lookup("Bali")} == {"IDN"}


def test_a_hyphenated_name_with_a_particle_is_not_cut(g: Gazetteer) -> None:
    assert g.find("Fighters captured Qala-i-Naw on Saturday.") == []
    assert [m.text for m in g.find("the Afghan-Tajik border")] == ["Afghan", "Tajik"]


# --- the cached index ---------------------------------------------------------------------------


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache directory for the gazetteer index."""
    directory = tmp_path / "cache"
    monkeypatch.setenv("DIPLO_EVENTS_CACHE_DIR", str(directory))
    return directory


def _index_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("gazetteer-*.idx"))


def _no_building(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Gazetteer, read: object = None) -> None:
        raise AssertionError("the index was built, not loaded from the cache")

    monkeypatch.setattr(Gazetteer, "__init__", refuse)


def test_the_index_survives_its_cached_form(g: Gazetteer) -> None:
    built = Gazetteer()
    restored = Gazetteer._from_state(json.loads(json.dumps(built._state())))
    assert vars(restored) == vars(built)  # every table, entry and ranking
    text = SEED.read_text(encoding="utf-8")
    assert restored.find(text) == built.find(text) == g.find(text)


def test_a_second_load_reads_the_cache_instead_of_building(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = gaz_module._load_or_build()
    (path,) = _index_files(cache)
    _no_building(monkeypatch)
    second = gaz_module._load_or_build()
    assert vars(second) == vars(first)
    assert _index_files(cache) == [path]


def test_changed_data_gets_a_new_index(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gaz_module._load_or_build()
    files = gaz_module._data_files()
    files["cities.tsv"] += b"Xanadu\tMNG\t1\n"
    monkeypatch.setattr(gaz_module, "_data_files", lambda: files)
    changed = gaz_module._load_or_build()
    assert [e.key for e in changed.lookup("Xanadu")] == ["Xanadu"]
    assert len(_index_files(cache)) == 2
    _no_building(monkeypatch)  # and the changed data's index is now cached too
    assert [e.key for e in gaz_module._load_or_build().lookup("Xanadu")] == ["Xanadu"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_damaged_cache_file_is_rebuilt(cache: Path, damage: str) -> None:
    expected = vars(gaz_module._load_or_build())
    (path,) = _index_files(cache)
    blob = path.read_bytes()
    damaged = {
        "truncate": blob[: len(blob) // 2],
        "flip": blob[:-100] + bytes([blob[-100] ^ 0xFF]) + blob[-99:],
        "garbage": b"\x00" * 1000,
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    assert vars(gaz_module._load_or_build()) == expected
    assert path.read_bytes() == blob  # written again


def test_a_payload_that_is_not_an_index_is_rebuilt(cache: Path) -> None:
    expected = vars(gaz_module._load_or_build())
    (path,) = _index_files(cache)
    key = path.read_bytes()[len(gaz_module._CACHE_MAGIC) :].split(b"\n", 1)[0].decode()
    payload = json.dumps(["not", "an", "index"]).encode()
    path.write_bytes(
        gaz_module._CACHE_MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).digest() + payload
    )
    assert vars(gaz_module._load_or_build()) == expected


def test_an_unwritable_cache_dir_falls_back_to_building(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("DIPLO_EVENTS_CACHE_DIR", str(blocker / "cache"))
    assert vars(gaz_module._load_or_build()) == vars(Gazetteer())
    assert blocker.read_text() == "not a directory"


def test_an_empty_cache_dir_setting_turns_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIPLO_EVENTS_CACHE_DIR", "")
    assert gaz_module.cache_dir() is None

    def no_write(*args: object) -> None:
        raise AssertionError("the cache is off")

    monkeypatch.setattr(gaz_module, "_write_cache", no_write)
    assert gaz_module._load_or_build().lookup("Kabul")


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "{tmp}/xdg"}, "{tmp}/xdg/diplo-events"),
        ("linux", {"XDG_CACHE_HOME": "relative/ignored"}, "{home}/.cache/diplo-events"),
        ("linux", {}, "{home}/.cache/diplo-events"),
        ("darwin", {}, "{home}/Library/Caches/diplo-events"),
        ("win32", {"LOCALAPPDATA": "{tmp}/appdata"}, "{tmp}/appdata/diplo-events/Cache"),
        ("win32", {}, "{home}/AppData/Local/diplo-events/Cache"),
    ],
)
def test_the_cache_dir_is_the_platforms_user_cache_dir(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    platform: str,
    env: dict[str, str],
    expected: str,
) -> None:
    home = tmp_path / "home"
    for name in ("DIPLO_EVENTS_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value.format(tmp=tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    assert gaz_module.cache_dir() == Path(expected.format(tmp=tmp_path, home=home))


def test_no_home_directory_means_no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_home(cls: type[Path]) -> Path:
        raise RuntimeError("Could not determine home directory.")

    for name in ("DIPLO_EVENTS_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(Path, "home", classmethod(no_home))
    assert gaz_module.cache_dir() is None
    assert gaz_module._load_or_build().lookup("Kabul")


def test_only_the_newest_index_files_are_kept(tmp_path: Path) -> None:
    for age in range(12):
        path = tmp_path / f"gazetteer-{age:032d}.idx"
        path.write_bytes(b"x")
        os.utime(path, (1_000_000 - age, 1_000_000 - age))
    (tmp_path / "unrelated.txt").write_text("kept")
    gaz_module._prune(tmp_path)
    kept = [p.name for p in _index_files(tmp_path)]
    assert kept == [f"gazetteer-{age:032d}.idx" for age in range(gaz_module._CACHE_KEEP)]
    assert (tmp_path / "unrelated.txt").exists()


@pytest.mark.parametrize("orjson_installed", [True, False])
def test_the_cache_is_written_and_read_with_or_without_orjson(
    cache: Path, monkeypatch: pytest.MonkeyPatch, orjson_installed: bool
) -> None:
    if not orjson_installed:
        monkeypatch.setitem(sys.modules, "orjson", None)  # import orjson -> ImportError
    expected = vars(Gazetteer())
    assert vars(gaz_module._load_or_build()) == expected  # built and written
    _no_building(monkeypatch)
    assert vars(gaz_module._load_or_build()) == expected  # read back


def test_loading_leaves_the_garbage_collector_as_it_was(cache: Path) -> None:
    import gc

    gaz_module._load_or_build()  # written
    assert gc.isenabled()
    gaz_module._load_or_build()  # read, with collection paused meanwhile
    assert gc.isenabled()
    gc.disable()
    try:
        gaz_module._load_or_build()
        assert not gc.isenabled()
    finally:
        gc.enable()
