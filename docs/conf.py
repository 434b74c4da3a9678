"""Sphinx configuration for the diplo-events documentation (Markdown pages via MyST, furo theme).

Build with ``make docs`` (``sphinx-build -n -W --keep-going``: every cross-reference must
resolve, and every warning is an error).
The version shown comes from the installed distribution, like ``diplo_events.__version__``.
"""

from __future__ import annotations

import importlib.metadata
from typing import Any

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
    "sphinx.ext.autosummary",
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

# autodoc: signatures from the installed package, with their type hints (overloads too).
autodoc_typehints = "signature"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
autosummary_generate = False  # the API page documents every name itself

# `make docs` builds with -n: every cross-reference must resolve. The documentation is
# built offline (no intersphinx inventories), so references to the standard library and
# to other packages stay plain text instead of links.
nitpicky = True
nitpick_ignore_regex = [
    (r"py:.*", r"(collections\.abc|os|typing|datetime|enum|pathlib)\.\w+"),
    (r"py:.*", r"(attrs|attr|cattrs|dask|hypothesis)(\.\w+)+"),
    (r"py:class", r"diplo_events\.serialize\.T"),  # the type variable of from_json(text, cls)
]


def _public_name(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    """Resolve ``diplo_events.model.Document`` (where a class is defined, as type hints name
    it) to ``diplo_events.Document`` (where the API reference documents it)."""
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("diplo_events."):
        return None
    import diplo_events
    from diplo_events import export

    head, _, name = target.rpartition(".")
    if head.startswith("diplo_events.export.") and name in export.__all__:
        public = f"diplo_events.export.{name}"  # diplo_events.export.table.Column
    elif name in diplo_events.__all__ and head != "diplo_events":
        public = f"diplo_events.{name}"
    else:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], public, node, contnode
    )


def setup(app: Any) -> None:
    app.connect("missing-reference", _public_name)


html_theme = "furo"
html_title = f"diplo-events {release}"
html_static_path: list[str] = []
