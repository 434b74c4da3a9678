"""The documentation and the changelog: complete for the public API, written for users."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import diplo_events
from diplo_events import batch, distributed, strategies

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHANGELOG = ROOT / "CHANGELOG.md"
README = ROOT / "README.md"

pytestmark = pytest.mark.skipif(not DOCS.is_dir(), reason="no docs/ next to the tests")

# Words of a project's own history, which release notes and user docs have no use for.
_HISTORY = re.compile(
    r"\b(?:first|second|third|fourth|fifth|this|that|last|next|the)\s+session\b"
    r"|\bissue notes?\b|\bthe lead\b|\bthe issue's\b",
    re.IGNORECASE,
)
_SECTIONS = {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
_MAX_ENTRY_WORDS = 80


def _documented(api: str, module: str) -> set[str]:
    """Names the API page documents (auto* directives) after ``.. currentmodule:: module``."""
    names: set[str] = set()
    current = None
    for line in api.splitlines():
        m = re.match(r"\.\. currentmodule:: (\S+)", line)
        if m:
            current = m.group(1)
            continue
        m = re.match(r"\.\. auto(?:function|class|exception|data):: (\S+)", line)
        if m and current == module:
            names.add(m.group(1))
        m = re.match(r"\.\. automodule:: (\S+)", line)
        if m and m.group(1).rpartition(".")[0] == module:  # a public subpackage
            names.add(m.group(1).rpartition(".")[2])
    return names


@pytest.mark.parametrize(
    ("module", "public"),
    [
        ("diplo_events", set(diplo_events.__all__) - {"__version__"}),
        ("diplo_events.batch", set(batch.__all__)),
        ("diplo_events.distributed", set(distributed.__all__)),
        ("diplo_events.strategies", set(strategies.__all__)),
    ],
)
def test_the_api_reference_documents_every_public_name(module: str, public: set[str]) -> None:
    api = (DOCS / "api.rst").read_text(encoding="utf-8")
    assert public - _documented(api, module) == set()
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "\napi\n" in index  # in the table of contents


@pytest.mark.parametrize(
    "path", [CHANGELOG, README, *sorted(DOCS.glob("*.md"))], ids=lambda p: p.name
)
def test_docs_speak_to_users_not_about_development_history(path: Path) -> None:
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _HISTORY.search(line)
    ]
    assert found == []


def _changelog_entries() -> list[tuple[str, str, str]]:
    """``(release heading, section, entry text)`` for every entry of the changelog."""
    entries: list[tuple[str, str, str]] = []
    release = section = ""
    for line in CHANGELOG.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            release, section = line[3:], ""
        elif line.startswith("### "):
            section = line[4:]
        elif line.startswith("- "):
            entries.append((release, section, line[2:]))
        elif line.startswith("  ") and line.strip() and entries:
            last = entries[-1]
            entries[-1] = (last[0], last[1], last[2] + "\n" + line.strip())
    return entries


def test_the_changelog_follows_keep_a_changelog() -> None:
    text = CHANGELOG.read_text(encoding="utf-8")
    releases = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert releases[0] == "[Unreleased]"
    for heading in releases[1:]:
        assert re.fullmatch(r"\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}", heading), heading
    assert set(re.findall(r"^### (.+)$", text, re.MULTILINE)) <= _SECTIONS
    entries = _changelog_entries()
    assert entries
    for release, section, entry in entries:
        assert section in _SECTIONS, f"{release}: entry outside a section: {entry[:60]}"
        assert "\n" not in entry, f"one line per change: {entry[:60]}..."
        assert len(entry.split()) <= _MAX_ENTRY_WORDS, f"too long: {entry[:60]}..."


def test_the_readme_installs_from_a_checkout_until_the_first_release() -> None:
    # `pip install diplo-events` fails until a release is on PyPI: the README must not lead
    # with it before the changelog has a released version.
    released = re.search(r"^## \[\d+\.\d+\.\d+\]", CHANGELOG.read_text(encoding="utf-8"), re.M)
    commands = re.findall(
        r"^\s*(?:\$ )?(pip install \S+)", README.read_text(encoding="utf-8"), re.M
    )
    assert commands
    if not released:
        assert commands[0] != "pip install diplo-events"
        assert "not on PyPI yet" in README.read_text(encoding="utf-8")
