"""Every shipped query is documented, parses, runs, and answers the same over a graph file and the store."""
import re
from collections import Counter

import pytest
from rdflib import Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from ingest.build import build
from ingest.query import available, load_query, parse_params, run
from ingest.store import EmbeddedStore, GraphFile
from tests.conftest import REPO

QUERIES = available()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("built")
    store = EmbeddedStore(tmp / "store")
    build([REPO / "examples" / "articles"], store, output=tmp / "graph.trig")
    yield store, GraphFile(tmp / "graph.trig")
    store.close()


def _canonical(result):
    def term(t):
        if isinstance(t, Literal):
            text = str(t.toPython()) if t.datatype else "; ".join(sorted(str(t).split("; ")))  # GROUP_CONCAT: any order
            return ("L", text, t.language)
        return ("U" if isinstance(t, URIRef) else "N", None if t is None else str(t))
    return Counter(tuple(term(t) for t in row) for row in result.rows)


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_query_is_documented_and_parses(query):
    assert query.header, f"{query.name} has no header comment"
    if not query.name.startswith("eval/"):
        assert "Example:" in query.header and f"diplokg query {query.name}" in query.header
    prepareQuery(query.text)
    projected = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s*WHERE", query.text, re.S).group(1)
    for param in query.parameters:  # Oxigraph substitutes only projected variables
        assert f"?{param}" in projected, f"{query.name}: parameter ?{param} is not projected"


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_same_answers_over_graph_file_and_store(built, query):
    store, graph_file = built
    a, b = run(graph_file, query), run(store, query)
    assert a.variables == b.variables
    assert _canonical(a) == _canonical(b)


@pytest.mark.parametrize("name, params", [
    ("events-timeline", ["state=Armenia"]),
    ("members", ["organisation=OSCE Minsk Group"]),
    ("events-in-range", ["state=Russia", "from=2020-10-01", "to=2020-11-30"]),
    ("officials", ["of=Armenia"]),
])
def test_parameters_bind_the_same_in_both(built, name, params):
    store, graph_file = built
    query = load_query(name)
    a = run(graph_file, query, parse_params(params, query, graph_file))
    b = run(store, query, parse_params(params, query, store))
    assert a.rows, f"{name} {params} found nothing in the examples"
    assert _canonical(a) == _canonical(b)


def test_a_parameter_filters(built):
    store, _ = built
    query = load_query("events-timeline")
    armenia = run(store, query, parse_params(["state=Armenia"], query, store))
    qatar = run(store, query, parse_params(["state=Qatar"], query, store))
    assert armenia.rows and qatar.rows and not set(armenia.rows) & set(qatar.rows)


def test_an_article_graph_holds_one_article_and_its_facts_cite_only_it(built):
    """officials, members and events-timeline take a fact's source as its graph's one article."""
    store, _ = built
    prefixes = ("PREFIX dkg: <https://w3id.org/diplokg/ontology#> "
                "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> ")
    counts = store.query(prefixes + "SELECT ?g (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?g { ?a dkg:sourceName ?s } } GROUP BY ?g")
    assert counts.rows and all(int(n) == 1 for _, n in counts.rows)
    elsewhere = store.query(prefixes + "ASK { GRAPH ?g { ?fact dkg:evidence ?s . ?s nif:referenceContext ?cited . "
                                       "?article dkg:sourceName ?name FILTER(?cited != ?article) } }")
    assert elsewhere.boolean is False
