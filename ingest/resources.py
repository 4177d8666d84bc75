"""Where the ontology, shapes and queries are: inside an installed wheel, or beside the package in a checkout."""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def resource_dir(name: str) -> Path:
    """The folder `name` ('ontology', 'shapes' or 'queries')."""
    for candidate in (_PACKAGE / "_resources" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"diplokg's {name}/ folder is missing from the installation")


def ontology_files() -> list[Path]:
    """The TBox and taxonomies (ontology/*.ttl), without the reference knowledge base."""
    return sorted(resource_dir("ontology").glob("*.ttl"))


def kb_files() -> list[Path]:
    """The reference knowledge base (ontology/kb/*.ttl)."""
    return sorted((resource_dir("ontology") / "kb").glob("*.ttl"))


def kb_overlay_dir() -> Path:
    """Where `diplokg kb update` keeps what it fetched: $DIPLOKG_KB_DIR, else $XDG_DATA_HOME/diplokg/kb,
    else ~/.local/share/diplokg/kb."""
    if os.environ.get("DIPLOKG_KB_DIR"):
        return Path(os.environ["DIPLOKG_KB_DIR"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "diplokg" / "kb"


def kb_overlay_files() -> list[Path]:
    """The overlay's files (*.trig, *.ttl): read after the bundled knowledge base, adding to it."""
    folder = kb_overlay_dir()
    # hidden files are an update's temporary files, not yet complete
    return sorted(p for p in folder.glob("*") if p.suffix in (".trig", ".ttl") and not p.name.startswith(".")
                  and p.is_file()) if folder.is_dir() else []


def shape_files() -> list[Path]:
    return sorted(resource_dir("shapes").glob("*.ttl"))


def query_dir() -> Path:
    return resource_dir("queries")
