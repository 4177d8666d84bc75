"""Where the ontology, shapes and queries are: inside an installed wheel, or beside the package in a checkout."""
from __future__ import annotations

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


def shape_files() -> list[Path]:
    return sorted(resource_dir("shapes").glob("*.ttl"))


def query_dir() -> Path:
    return resource_dir("queries")
