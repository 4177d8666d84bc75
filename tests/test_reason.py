"""The OWL RL closure of the ontology and a built graph has no contradiction; a real one is found."""
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ingest.kb.index import kb_graph
from ingest.mapping import to_graph
from ingest.namespaces import DKG
from ingest.reason import contradictions
from tests.conftest import make_article


def test_a_built_graph_with_the_kb_is_consistent(pipeline):
    text = ("Russian Foreign Minister Sergey Lavrov hosted his Armenian counterpart in Moscow on Friday. "
            "The Minsk Group, co-chaired by Russia, France and the United States, welcomed the truce.")
    data = to_graph(pipeline.run(make_article(text, "2020-10-09")), pipeline.kb) + kb_graph()
    assert contradictions(data) == []


def test_a_state_that_is_also_a_person_is_a_contradiction():
    g = Graph()
    x = URIRef("https://example.org/x")
    g.add((x, RDF.type, DKG.State))
    g.add((x, RDF.type, DKG.Person))
    g.add((x, SKOS.prefLabel, Literal("X")))
    assert contradictions(g)
