"""The embedded on-disk store: Oxigraph through pyoxigraph, one named graph per article."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import Identifier, URIRef

from ..errors import QueryError, StoreError
from .base import FORMATS, QueryResult
from .convert import graph_to_ntriples, graph_to_quads, to_oxigraph, to_rdflib
from .lock import StoreLock
from .output import atomic_output

# RocksDB holds writes (and, when a graph is replaced, the deletions) in memory tables until they are
# flushed: flushing every 25,000 quads, about 50 generated articles, keeps a long build's memory low
# (3,000 articles: fresh 314 MB flushing every 200 articles, 248 MB every 50; rebuilt 442 MB against 333 MB),
# and costs no time.
FLUSH_QUADS = 25_000
OX_FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
              "jsonld": ox.RdfFormat.JSON_LD, "ntriples": ox.RdfFormat.N_TRIPLES}


def default_store_path() -> Path:
    """$DIPLOKG_STORE, else $XDG_DATA_HOME/diplokg/store, else ~/.local/share/diplokg/store."""
    if os.environ.get("DIPLOKG_STORE"):
        return Path(os.environ["DIPLOKG_STORE"])
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "diplokg" / "store"


class EmbeddedStore:
    """Oxigraph on disk. Opened for writing (one process at a time) or read-only (any number of readers,
    while nobody writes): see `lock.StoreLock`."""

    def __init__(self, path: str | Path, create: bool = True, read_only: bool = False, purpose: str = "diplokg"):
        self.path = Path(path)
        self.read_only = read_only
        self._unflushed = 0  # quads written since the last flush
        if (read_only or not create) and not (self.path / "CURRENT").exists():
            raise StoreError(f"no store at {self.path} (run `diplokg build` first, or give --store or --graph)")
        self._lock = StoreLock(self.path, exclusive=not read_only, purpose=purpose)
        try:
            self._store = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as err:
            self._lock.release()
            if "lock" in str(err).lower():  # a writer that is not diplokg, such as `oxigraph serve`
                raise StoreError(f"the store at {self.path} is in use by another process "
                                 "(a build or a server); wait for it to finish") from None
            raise StoreError(f"cannot open the store at {self.path}: {err}") from None

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only")
        target = ox.NamedNode(str(name))
        # Each write is one transaction: readers and a killed process see the old graph or the new one.
        replacing = self._store.contains_named_graph(target)
        try:
            if replacing:  # a rebuild: drop and insert in one update
                body = graph_to_ntriples(graph).decode("utf-8")
                self._store.update(f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{body}}} }}")
            else:  # a new article: extend() is one transaction too, and a quarter faster than an update
                self._store.extend(graph_to_quads(graph, target))
        except ValueError as err:  # a term Oxigraph refuses, such as an IRI with a space
            raise StoreError(f"{name}: cannot be stored: {err}") from None
        self._unflushed += len(graph) * (2 if replacing else 1)  # the old graph's deletions are about as many
        if self._unflushed >= FLUSH_QUADS:
            self._store.flush()
            self._unflushed = 0

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"the store at {self.path} was opened read-only")
        try:
            self._store.update(sparql)
        except (SyntaxError, ValueError, OSError) as err:
            raise StoreError(f"the store at {self.path} could not run an update: {err}") from None

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> QueryResult:
        # Parameters are bound by the store (SEP-0007 substitution), never pasted into the text; Oxigraph
        # substitutes projected variables only, so named queries project their parameters (a test checks).
        substitutions = {ox.Variable(k): to_oxigraph(v) for k, v in (bindings or {}).items()}
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
        except SyntaxError as err:
            raise QueryError(f"the query does not parse: {err}") from None
        except RuntimeError as err:  # a parameter the query does not project, a query that cannot run
            raise QueryError(f"the store cannot run the query: {err}") from None
        except OSError as err:
            raise StoreError(f"the store could not answer: {err}") from None
        if isinstance(result, ox.QueryBoolean):
            return QueryResult([], [], boolean=bool(result))
        convert = _TermCache()  # answers repeat terms (labels, states, types): convert each once
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            return QueryResult(variables, [tuple(map(convert, solution)) for solution in result])
        rows = [(convert(t.subject), convert(t.predicate), convert(t.object)) for t in result]
        return QueryResult(["subject", "predicate", "object"], rows)

    def quads(self, graphs: list[URIRef] | None = None) -> Iterator[tuple]:
        for name in graphs if graphs is not None else [None]:
            pattern = ox.NamedNode(str(name)) if name is not None else None
            for q in self._store.quads_for_pattern(None, None, None, pattern):
                yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name)

    def export(self, path, fmt: str, graphs: list[URIRef] | None = None) -> None:
        fmt_ox = OX_FORMATS[fmt]
        names = [ox.NamedNode(str(g)) for g in graphs] if graphs is not None else None
        quads = (q for name in (names or [None]) for q in self._store.quads_for_pattern(None, None, None, name))
        with atomic_output(path) as partial:
            if FORMATS[fmt][1]:
                ox.serialize(quads, str(partial), fmt_ox, prefixes=_prefixes())
            else:  # a triple format holds the union of the graphs
                ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), str(partial), fmt_ox,
                             prefixes=_prefixes() if fmt == "turtle" else None)

    def is_empty(self) -> bool:
        return not self._holds_quads(None)

    def _holds_quads(self, graph) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, graph)), None) is not None

    def bulk_fill(self, path: Path, fmt: ox.RdfFormat) -> int:
        """Fill this empty store from a file with Oxigraph's bulk loader; returns the number of quads.
        The loader is not transactional: a file that fails to parse empties the store again."""
        if self.read_only or not self.is_empty():
            raise StoreError(f"the bulk loader fills a new, empty store only, and {self.path} is not one")
        try:
            self._store.bulk_load(path=str(path), format=fmt)
            if self._holds_quads(ox.DefaultGraph()):
                raise SyntaxError("it holds triples outside any named graph")
        except (SyntaxError, ValueError) as err:
            self._store.clear()
            raise StoreError(str(err)) from None
        self._store.flush()
        return len(self._store)

    def close(self) -> None:
        if not hasattr(self, "_store"):
            return
        if not self.read_only:
            self._store.flush()
        del self._store
        self._lock.release()


class _TermCache(dict):
    def __call__(self, term):
        if term is None:
            return None
        found = self.get(term)
        if found is None:
            found = self[term] = to_rdflib(term)
        return found


def _prefixes() -> dict[str, str]:
    from ..namespaces import PREFIXES

    return {k: str(v) for k, v in PREFIXES.items()}
