"""What every store offers the commands: replace an article's graph atomically, query, export."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

from rdflib import Graph
from rdflib.term import Identifier, URIRef


@dataclass
class QueryResult:
    """A SELECT's variables and rows (rdflib terms, None where unbound), or an ASK's answer."""

    variables: list[str]
    rows: list[tuple[Identifier | None, ...]]
    boolean: bool | None = None


class Store(Protocol):
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph hold exactly `graph`, in one transaction."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL update in one transaction (one request to a server)."""

    def graph_names(self) -> list[URIRef]: ...

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> QueryResult: ...

    def quads(self, graphs: list[URIRef] | None = None) -> Iterator[tuple]:
        """(s, p, o, g) as rdflib terms, of some or all named graphs, streamed."""

    def export(self, path, fmt: str, graphs: list[URIRef] | None = None) -> None:
        """Write some or all graphs to a file in one of FORMATS, streaming."""

    def close(self) -> None: ...


# Export formats: name -> (file extension, holds named graphs)
FORMATS = {"trig": (".trig", True), "nquads": (".nq", True), "turtle": (".ttl", False), "jsonld": (".jsonld", True),
           "ntriples": (".nt", False)}
