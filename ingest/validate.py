"""SHACL validation of the graphs in a store or a graph file, against shapes/*.ttl (pySHACL)."""
from __future__ import annotations

from rdflib import Graph

from .kb.index import ontology_graph
from .namespaces import KB_GRAPH, ONTOLOGY_GRAPH, new_graph
from .resources import shape_files
from .store import Store

BATCH = 200  # article graphs validated together with the knowledge base


def shapes_graph() -> Graph:
    g = Graph()
    for f in shape_files():
        g.parse(f, format="turtle")
    return g


def validate_graph(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph, str]:
    """pySHACL's contract: (conforms, report graph, report text).

    The ontology joins the data graph: SHACL's sh:class follows rdfs:subClassOf and rdf:type triples in
    the data graph, and the taxonomies' concepts (event types, roles) are typed there."""
    import pyshacl

    return pyshacl.validate(data + ontology_graph(), shacl_graph=shapes if shapes is not None else shapes_graph(),
                            inference="none", advanced=True, allow_warnings=True)


def validate_store(store: Store) -> tuple[bool, Graph, str]:
    """Every article graph, in batches, each batch with the reference knowledge base."""
    shapes = shapes_graph()
    names = store.graph_names()
    reference = [n for n in names if n == KB_GRAPH]
    articles = [n for n in names if n not in (KB_GRAPH, ONTOLOGY_GRAPH)]
    conforms, report, texts = True, new_graph(), []
    for start in range(0, max(len(articles), 1), BATCH):
        data = Graph()
        for s, p, o, _ in store.quads(reference + articles[start:start + BATCH]):
            data.add((s, p, o))
        ok, graph, text = validate_graph(data, shapes)
        conforms &= ok
        report += graph
        if not ok:
            texts.append(text)
    return conforms, report, "\n".join(texts) if texts else "Validation Report\nConforms: True\n"
