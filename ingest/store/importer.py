"""`diplokg import`: load graph files that diplokg (or another tool) wrote, TriG, N-Quads or JSON-LD, into a
store, keeping their named graphs. A new, empty embedded store is filled by Oxigraph's bulk loader, which
is several times faster but not transactional (a killed import leaves the store part-filled; running it
again completes it, the store being no longer empty). Any other store gets each graph replaced in its
own transaction, as `build` writes an article, after the whole file has parsed: a broken file writes
nothing."""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..errors import InputError, StoreError
from .base import Store
from .embedded import EmbeddedStore

FORMATS = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS,
           ".jsonld": ox.RdfFormat.JSON_LD}


@dataclass
class ImportReport:
    graphs: int = 0
    quads: int = 0
    skipped: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def import_files(paths: Iterable[str | Path], store: Store,
                 progress: Callable[[str], None] | None = None) -> ImportReport:
    """Import each file; a file that cannot be read is reported and skipped, the others go on."""
    report = ImportReport()
    for path in map(Path, paths):
        try:
            graphs, quads = _import_one(path, store, progress)
        except InputError as err:
            report.skipped.append(str(err))
            continue
        report.graphs += graphs
        report.quads += quads
        if progress:
            progress(f"{path}: {graphs} graph(s), {quads} quads")
    return report


def _import_one(path: Path, store: Store, progress) -> tuple[int, int]:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(path, "not a format with named graphs (.trig, .nq, .jsonld); diplokg keeps each "
                               "article in its own graph")
    if not path.is_file():
        raise InputError(path, "no such file")
    if path.stat().st_size == 0:
        raise InputError(path, "the file is empty")
    if isinstance(store, EmbeddedStore) and store.is_empty():
        try:
            quads = store.bulk_fill(path, fmt)
        except StoreError as err:
            raise InputError(path, f"{err}; nothing was imported") from None
        return len(store.graph_names()), quads
    with tempfile.TemporaryDirectory(prefix="diplokg-import-") as staging_dir:
        staging = EmbeddedStore(staging_dir, purpose="diplokg import")
        try:
            try:
                staging.bulk_fill(path, fmt)  # the whole file parses before the store is touched
            except StoreError as err:
                raise InputError(path, f"{err}; nothing was imported") from None
            return _replace_each_graph(path, staging, store, progress)
        finally:
            staging.close()


def _replace_each_graph(path: Path, staging: EmbeddedStore, store: Store, progress) -> tuple[int, int]:
    names, quads = staging.graph_names(), 0
    for number, name in enumerate(names, start=1):
        graph = Graph(identifier=name)
        for s, p, o, _ in staging.quads([name]):
            graph.add((s, p, o))
        store.replace_graph(name, graph)
        quads += len(graph)
        if progress and number % 500 == 0:
            progress(f"{path}: {number} of {len(names)} graphs")
    return len(names), quads
