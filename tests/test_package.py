"""The package as users see it: version, public names, typing marker, import cost."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import diplo_events

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def test_version_is_the_installed_distribution_version() -> None:
    assert diplo_events.__version__ == importlib.metadata.version("diplo-events")


def test_installed_version_matches_pyproject() -> None:
    # Catches a stale install after a version bump (reinstall with `make test`).
    if not PYPROJECT.is_file():  # pragma: no cover - tests run from an unpacked wheel
        pytest.skip("no pyproject.toml next to the tests")
    with PYPROJECT.open("rb") as f:
        declared = tomllib.load(f)["project"]["version"]
    assert diplo_events.__version__ == declared


def _isort_style(name: str) -> tuple[int, str]:
    """Ruff's ``__all__`` order (RUF022): CONSTANTS, then Classes, then functions."""
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


def test_all_is_sorted_and_unique() -> None:
    names = diplo_events.__all__
    assert list(names) == sorted(names, key=_isort_style)
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("name", sorted(set(diplo_events.__all__) - {"__version__"}))
def test_every_public_name_resolves(name: str) -> None:
    value = getattr(diplo_events, name)
    assert value is not None
    assert name in dir(diplo_events)


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = diplo_events.no_such_name


def test_py_typed_marker_is_installed() -> None:
    assert importlib.resources.files("diplo_events").joinpath("py.typed").is_file()


def test_only_user_extras_are_published() -> None:
    # Development tools are dependency groups, not extras a user could install.
    meta = importlib.metadata.metadata("diplo-events")
    assert sorted(meta.get_all("Provides-Extra") or []) == [
        "dask",
        "fast",
        "parquet",
        "strategies",
        "validate",
    ]
    requires = [r.replace("'", '"') for r in importlib.metadata.requires("diplo-events") or []]
    assert any(r.startswith("jsonschema") and 'extra == "validate"' in r for r in requires)
    assert any(r.startswith("hypothesis") and 'extra == "strategies"' in r for r in requires)
    assert any(r.startswith("pyarrow") and 'extra == "parquet"' in r for r in requires)


def test_strategies_without_hypothesis_names_the_extra() -> None:
    probe = (
        "import sys\n"
        "sys.modules['hypothesis'] = None\n"
        "try:\n"
        "    import diplo_events.strategies\n"
        "except ModuleNotFoundError as exc:\n"
        "    print(exc.name, '|', exc)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == (
        "hypothesis | diplo_events.strategies needs the hypothesis package: "
        "pip install 'diplo-events[strategies]'"
    )


def test_console_script_entry_point_is_declared() -> None:
    scripts = importlib.metadata.entry_points(group="console_scripts")
    targets = {ep.name: ep.value for ep in scripts if ep.dist and ep.dist.name == "diplo-events"}
    assert targets == {"diplo-events": "diplo_events.cli:main"}


def _modules_after(code: str) -> set[str]:
    """Names in ``sys.modules`` after running ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    return set(out.split())


def _heavy(modules: set[str]) -> list[str]:
    return sorted(
        m
        for m in modules
        if m.startswith("diplo_events._parsing") or m.split(".")[0] in {"cattrs", "dateutil"}
    )


def test_import_loads_no_parser_serializer_or_dateutil() -> None:
    modules = _modules_after("import diplo_events")
    assert "diplo_events" in modules
    assert _heavy(modules) == []


def test_import_does_not_read_the_distribution_metadata() -> None:
    # importlib.metadata costs more than the rest of the import: __version__ is looked up lazily.
    assert "importlib.metadata" not in _modules_after("import diplo_events")
    assert "importlib.metadata" in _modules_after("import diplo_events\ndiplo_events.__version__")


def test_version_is_in_dir_and_all() -> None:
    assert "__version__" in dir(diplo_events)
    assert "__version__" in diplo_events.__all__


def test_model_access_stays_light() -> None:
    # Building events needs attrs only: the gazetteers and cattrs stay unloaded.
    modules = _modules_after("import diplo_events\ndiplo_events.Meeting")
    assert "diplo_events.model" in modules
    assert _heavy(modules) == []
