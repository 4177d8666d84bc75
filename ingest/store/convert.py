"""Terms between pyoxigraph and rdflib."""
from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_rdflib(term) -> Identifier | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value, datatype=None if datatype == XSD_STRING else URIRef(datatype))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unsupported term {term!r}")


def to_oxigraph(term: Identifier):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


def graph_to_quads(graph, name: ox.NamedNode) -> list:
    """An rdflib graph as Oxigraph quads in graph `name` (predicates and classes repeat: converted once)."""
    seen: dict = {}

    def convert(term):
        found = seen.get(term)
        if found is None:
            found = seen[term] = to_oxigraph(term)
        return found

    return [ox.Quad(convert(s), convert(p), convert(o), name) for s, p, o in graph]


def graph_to_ntriples(graph) -> bytes:
    """An rdflib graph as N-Triples, written by Oxigraph (which escapes what rdflib's writer would not)."""
    return ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in graph_to_quads(graph, None)),
                        format=ox.RdfFormat.N_TRIPLES)
