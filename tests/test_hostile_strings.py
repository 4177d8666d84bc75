"""Hostile strings in names, sources and parameters never break an IRI, a serialisation or a query."""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from ingest.errors import QueryError
from ingest.mapping import to_graph
from ingest.namespaces import article_graph, slug, source_key
from ingest.query import load_query, parse_params
from ingest.store import EmbeddedStore
from tests.conftest import make_article

_PIECES = list("\"'<>{}|\\^`;#%&?/ \t\n\r\x00\x07\u200f\u202eAaZzéЖ中-_.") + [
    "Zakharova", "} ; DROP ALL ; {", '"""', "<http://x>", "Maria "]
HOSTILE = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)
VALID_IRI = re.compile(r"^[^\s<>\"{}|\\^`\x00-\x1f]+$")


def _iris(graph):
    return {t for triple in graph for t in triple if isinstance(t, URIRef)}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=HOSTILE, source=HOSTILE)
def test_hostile_names_and_sources_make_valid_iris_and_round_trip(pipeline, name, source):
    text = f"Russian Foreign Minister {name} said the talks in Moscow would resume. The Kremlin agreed."
    record = pipeline.run(make_article(text, "2020-10-09", source=source))
    graph = to_graph(record, pipeline.kb)
    assert all(VALID_IRI.match(str(i)) for i in _iris(graph))
    for fmt in ("nt", "turtle"):
        again = type(graph)().parse(data=graph.serialize(format=fmt), format=fmt)
        assert isomorphic(graph, again)


def test_a_ten_thousand_character_name_gives_a_short_iri():
    assert len(slug("Q" * 10_000)) < 100 and len(source_key("x" * 10_000)) < 100


def test_hostile_graph_names_survive_the_store(tmp_path, pipeline):
    store = EmbeddedStore(tmp_path / "store")
    source = 'a"b<c>{d}\u202e.txt'
    record = pipeline.run(make_article("Ethiopia and Eritrea signed a peace deal in Jeddah.", "2018-09-16", source))
    graph = to_graph(record, pipeline.kb)
    store.replace_graph(article_graph(source), graph)
    store.replace_graph(article_graph(source), graph)
    rows = store.query("SELECT ?s WHERE { ?a <https://w3id.org/diplokg/ontology#sourceName> ?s }").rows
    assert rows == [(Literal(source),)]
    out = tmp_path / "out.trig"
    store.export(out, "trig")
    ds = Dataset()
    ds.parse(out, format="trig")
    assert len(ds) == len(graph)
    store.close()


@pytest.mark.parametrize("value", ['Armenia" } ; DROP ALL ; {', "<http://x> } ", "\u202eArmenia", "x" * 600, "\x00"])
def test_hostile_parameters_are_data_or_a_clear_error(tmp_path, value):
    store = EmbeddedStore(tmp_path / "store")
    query = load_query("eval/entities")
    with pytest.raises(QueryError):
        parse_params([f"state={value}"], query, store)
    store.close()
