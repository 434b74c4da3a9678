"""Sphinx configuration for the diplo-events documentation (Markdown pages via MyST, furo theme).

Build with ``make docs`` (``sphinx-build -W --keep-going``: every warning is an error).
The version shown comes from the installed distribution, like ``diplo_events.__version__``.
"""

from __future__ import annotations

import importlib.metadata

project = "diplo-events"
author = "diplo-events contributors"
copyright = "diplo-events contributors"
try:
    release = importlib.metadata.version("diplo-events")
except importlib.metadata.PackageNotFoundError:  # docs built without installing the package
    release = "0+unknown"
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: ::: fences, definition lists, `{term}` roles; "#anchor" links to headings up to ###.
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {"version": release}

# autodoc: signatures from the installed package, type hints in the descriptions.
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}

html_theme = "furo"
html_title = f"diplo-events {release}"
html_static_path: list[str] = []
