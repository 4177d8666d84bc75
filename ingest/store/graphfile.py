"""A graph file (TriG, N-Quads, Turtle, N-Triples, JSON-LD) read with rdflib, answering like a store."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.term import Identifier, URIRef

from ..errors import GraphFileError, QueryError
from ..namespaces import PREFIXES, new_dataset, new_graph
from .base import FORMATS, QueryResult

RDFLIB_FORMATS = {".trig": "trig", ".nq": "nquads", ".nquads": "nquads", ".ttl": "turtle", ".turtle": "turtle",
                  ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}
WRITE_FORMATS = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt"}


class GraphFile:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        fmt = RDFLIB_FORMATS.get(self.path.suffix.lower())
        if fmt is None:
            raise GraphFileError(f"{self.path}: unknown graph file type '{self.path.suffix}' "
                                 f"(expected one of {', '.join(sorted(RDFLIB_FORMATS))})")
        if not self.path.is_file():
            raise GraphFileError(f"{self.path}: no such file")
        self.dataset = Dataset(default_union=True)
        try:
            self.dataset.parse(str(self.path), format=fmt)
        except Exception as err:  # noqa: BLE001 - rdflib raises many kinds of parse errors
            message = " ".join(str(err).split())[:300]
            raise GraphFileError(f"{self.path}: not valid {fmt} ({type(err).__name__}: {message})") from None

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        raise GraphFileError(f"{self.path}: a graph file is read-only here")

    def update(self, sparql: str) -> None:
        raise GraphFileError(f"{self.path}: a graph file is read-only here")

    def graph_names(self) -> list[URIRef]:
        # a file without named graphs (Turtle) holds its triples in the default graph: one graph like the others
        return sorted(g.identifier for g in self.dataset.graphs() if isinstance(g.identifier, URIRef) and len(g))

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> QueryResult:
        try:
            result = self.dataset.query(sparql, initBindings=bindings or {}, initNs=PREFIXES)
        except Exception as err:  # noqa: BLE001 - pyparsing and rdflib's evaluation errors
            raise QueryError(f"the query failed on {self.path}: {type(err).__name__}: {err}") from None
        if result.type == "ASK":
            return QueryResult([], [], boolean=bool(result.askAnswer))
        if result.type == "SELECT":
            variables = [str(v) for v in result.vars]
            return QueryResult(variables, [tuple(row) for row in result])
        return QueryResult(["subject", "predicate", "object"], [tuple(t) for t in result])

    def quads(self, graphs: list[URIRef] | None = None) -> Iterator[tuple]:
        for s, p, o, g in self.dataset.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if graphs is None or name in graphs:
                yield s, p, o, name

    def export(self, path, fmt: str, graphs: list[URIRef] | None = None) -> None:
        out = new_dataset() if FORMATS[fmt][1] else new_graph()  # a triple format holds the union
        for s, p, o, g in self.quads(graphs):
            (out.graph(g) if FORMATS[fmt][1] else out).add((s, p, o))
        out.serialize(str(path), format=WRITE_FORMATS[fmt])

    def close(self) -> None:
        pass
