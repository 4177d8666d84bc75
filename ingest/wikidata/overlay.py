"""The knowledge-base overlay on disk: what `kb update` fetched, beside the bundled knowledge base.

One TriG file (`wikidata.trig` in resources.kb_overlay_dir()), one named graph per state or organisation
updated (…/graph/wikidata/Q159), so that updating one target replaces its facts and keeps the others'.
KnowledgeBase.reference() reads it after the bundled files. It is written beside its final name and
renamed into place, so a reader or an interrupted update sees the old file or the new one, never half.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from ..errors import InputError
from ..namespaces import PREFIXES
from ..resources import kb_overlay_dir

OVERLAY_FILE = "wikidata.trig"
HEADER = ("# Written by `diplokg kb update` from Wikidata (CC0 1.0), one named graph per state or organisation\n"
          "# updated; each graph says which queries of which endpoint produced it, and when. Do not edit by hand:\n"
          "# the next update of a state or organisation replaces its graph.\n\n")


def _dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns, override=True, replace=True)
    return ds


def overlay_path() -> Path:
    return kb_overlay_dir() / OVERLAY_FILE


def read_overlay(path: Path) -> Dataset:
    ds = _dataset()
    if path.exists():
        try:
            ds.parse(path, format="trig")
        except Exception as err:  # noqa: BLE001 - rdflib raises many kinds of parse errors
            raise InputError(path, f"the overlay does not parse ({type(err).__name__}); remove it and run "
                                   "`diplokg kb update` again") from None
    return ds


def merge(previous: Dataset, graphs: dict[URIRef, Graph]) -> Dataset:
    """The previous overlay with the graphs of the targets just updated replaced."""
    out = _dataset()
    for s, p, o, g in previous.quads((None, None, None, None)):
        name = g.identifier if isinstance(g, Graph) else g
        if isinstance(name, URIRef) and name not in graphs:
            out.graph(name).add((s, p, o))
    for name, graph in graphs.items():
        target = out.graph(name)
        for triple in graph:
            target.add(triple)
    return out


def write_beside(ds: Dataset, path: Path) -> Path:
    """Serialise to a temporary file beside `path` (same file system, so the rename is atomic)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".wikidata-", suffix=".trig")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(HEADER)
            f.write(ds.serialize(format="trig"))
            f.flush()
            os.fsync(f.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)
