"""A SPARQL 1.1 server as the store: a real Oxigraph server on 127.0.0.1, and a real HTTP front that
injects failures or asks for credentials."""
from __future__ import annotations

import base64
import os
import subprocess
import sys
from collections import defaultdict
from datetime import date

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from benchmarks.articles import write_articles
from ingest.build import build
from ingest.errors import QueryError, StoreError
from ingest.namespaces import DKG, ID, new_graph

PREF_LABEL = URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")
XSD_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
from ingest.serve import free_port
from ingest.store import EmbeddedStore
from ingest.store.remote import RemoteStore, _from_json
from tests.servers import FaultyFront, OxigraphServer

CLI = [sys.executable, "-m", "ingest.cli"]
EX = "https://example.org/"
HOSTILE = ['say "hi"', "it's", "{ braces }", "a > b < c", "two\nlines\r\n", "back\\slash", '"""',
           "} ; DROP ALL ; INSERT DATA { <x:a> <x:b> <x:c> } #", "?name", "\u00e9t\u00e9 \U0001f600"]


@pytest.fixture
def server(tmp_path):
    with OxigraphServer(tmp_path / "server-db") as running:
        yield running


def by_graph(store) -> dict[URIRef, Graph]:
    graphs: dict[URIRef, Graph] = defaultdict(Graph)
    for s, p, o, g in store.quads():
        graphs[g].add((s, p, o))
    return dict(graphs)


def count(store) -> int:
    """Triples in diplokg's graphs (a server may hold graphs of its own)."""
    query = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             f'FILTER(STRSTARTS(STR(?g), "{store.graph_namespace}")) }}')
    return int(store.query(query).rows[0][0])


def builds_as_the_embedded_store(remote, tmp_path) -> None:
    """Build articles into `remote` twice: nothing is duplicated, every graph is the one the embedded
    store holds, and a query without GRAPH sees them all."""
    write_articles(tmp_path / "in", 8, seed=5)
    build([tmp_path / "in"], remote)
    first = count(remote)
    build([tmp_path / "in"], remote)
    assert count(remote) == first > 0

    local = EmbeddedStore(tmp_path / "local")
    build([tmp_path / "in"], local)
    want, got = by_graph(local), by_graph(remote)
    assert set(got) == set(want) == set(remote.graph_names())
    assert all(isomorphic(got[name], want[name]) for name in want)
    query = f"SELECT ?source WHERE {{ ?a <{DKG}sourceName> ?source }} ORDER BY ?source"
    assert remote.query(query).rows == local.query(query).rows
    local.close()


def test_build_into_a_server_query_it_and_rebuild_without_duplicates(server, tmp_path):
    builds_as_the_embedded_store(RemoteStore(server.url), tmp_path)


def binds_as_the_embedded_store(remote, tmp_path) -> None:
    """Bound parameters and ASK give the embedded store's answers over the same articles."""
    write_articles(tmp_path / "in", 6, seed=2)
    local = EmbeddedStore(tmp_path / "local")
    build([tmp_path / "in"], remote)
    build([tmp_path / "in"], local)
    # projected, as Oxigraph's substitution (the embedded store's binding) requires
    query = ("SELECT ?article ?day ?from WHERE { ?article <http://schema.org/datePublished> ?day . "
             "FILTER(?day >= ?from) } ORDER BY ?article")
    params = {"from": Literal(date(2019, 1, 1))}
    assert remote.query(query, params).rows == local.query(query, params).rows
    ask = f"ASK {{ ?a <{DKG}sourceName> ?source }}"
    assert remote.query(ask, {"source": Literal("gen-00003.txt")}).boolean is True
    assert remote.query(ask, {"source": Literal("gen-99999.txt")}).boolean is False
    local.close()


def test_parameters_bind_as_in_the_embedded_store(server, tmp_path):
    binds_as_the_embedded_store(RemoteStore(server.url), tmp_path)


def test_hostile_parameter_values_stay_data(server):
    remote = RemoteStore(server.url)
    g = new_graph()
    for n, label in enumerate(HOSTILE):
        g.add((URIRef(f"{EX}entity/{n}"), PREF_LABEL, Literal(label)))
    remote.replace_graph(ID["graph/hostile"], g)
    before = count(remote)
    query = f"SELECT ?e WHERE {{ ?e <{PREF_LABEL}> ?name }}"
    for n, label in enumerate(HOSTILE):
        assert remote.query(query, {"name": Literal(label)}).rows == [(URIRef(f"{EX}entity/{n}"),)]
    assert count(remote) == before and remote.graph_names() == [ID["graph/hostile"]]


@pytest.mark.parametrize("value", [URIRef("http://x.org/a> } ; DROP ALL ; #"), URIRef("http://x.org/a b"),
                                   Literal("x", datatype=URIRef("http://x.org/t> } DROP ALL #"))])
def test_values_that_could_break_out_of_their_brackets_are_refused(server, value):
    remote = RemoteStore(server.url)
    with pytest.raises(QueryError, match="is not an IRI"):
        remote.query("SELECT * WHERE { ?s ?p ?v }", {"v": value})


def test_graphs_can_be_replaced_with_sparql_update_for_servers_without_a_graph_store(server, tmp_path):
    write_articles(tmp_path / "in", 3)
    with_gsp, with_update = RemoteStore(server.url), RemoteStore(server.url, graph_store=None)
    build([tmp_path / "in"], with_update)
    build([tmp_path / "in"], with_update)
    got = by_graph(with_update)
    assert all(isomorphic(got[name], graph) for name, graph in by_graph(with_gsp).items())
    with_update.export(tmp_path / "out.nq", "nquads")
    assert sum(1 for _ in open(tmp_path / "out.nq", encoding="utf-8")) == count(with_gsp)


def test_only_diplokgs_graphs_are_listed_and_exported_unless_asked_for_all(server, tmp_path):
    remote, everything = RemoteStore(server.url), RemoteStore(server.url, graph_namespace=None)
    g = new_graph()
    g.add((URIRef(EX + "s"), PREF_LABEL, Literal("s")))
    remote.replace_graph(ID["graph/article/a.txt"], g)
    remote.replace_graph(URIRef(EX + "someone-elses"), g)  # a server may hold other graphs
    assert remote.graph_names() == [ID["graph/article/a.txt"]]
    assert everything.graph_names() == sorted([ID["graph/article/a.txt"], URIRef(EX + "someone-elses")])
    remote.export(tmp_path / "out.nq", "nquads")
    assert EX + "someone-elses" not in (tmp_path / "out.nq").read_text(encoding="utf-8")
    assert remote.query(f"ASK {{ GRAPH <{EX}someone-elses> {{ ?s ?p ?o }} }}").boolean is True


def test_an_ask_answered_as_a_table_is_read_as_its_boolean():
    # Virtuoso 7's answers, word for word: true is a row holding 1, false is no row
    def virtuoso(*rows):
        return {"head": {"link": [], "vars": ["__ASK_RETVAL"]},
                "results": {"distinct": False, "ordered": True, "bindings": [
                    {"__ASK_RETVAL": {"type": "typed-literal", "datatype": str(XSD_INTEGER), "value": v}} for v in rows]}}

    assert _from_json(virtuoso("1"), "x", asked=True).boolean is True
    assert _from_json(virtuoso(), "x", asked=True).boolean is False
    assert _from_json({"head": {}, "boolean": False}, "x", asked=True).boolean is False


def test_endpoints_may_be_paths_on_the_server_or_whole_urls(server):
    fuseki = RemoteStore("http://db.example:3030/", query_endpoint="/ds/sparql", update_endpoint="/ds/update",
                         graph_store="/ds/data")
    assert (fuseki.query_endpoint, fuseki.update_endpoint, fuseki.graph_store) == (
        "http://db.example:3030/ds/sparql", "http://db.example:3030/ds/update", "http://db.example:3030/ds/data")
    explicit = RemoteStore("http://elsewhere.example", query_endpoint=server.url + "/query",
                           graph_store=server.url + "/store")
    g = new_graph()
    g.add((URIRef(EX + "s"), PREF_LABEL, Literal("s")))
    explicit.replace_graph(URIRef(EX + "g"), g)
    assert explicit.query("ASK { ?s ?p 's' }").boolean is True


def test_transient_failures_are_retried_and_the_rest_explained(server):
    with FaultyFront(server.url, failures=[503, 502, 429], retry_after="0") as front:
        remote = RemoteStore(front.url, retries=3)
        remote.http.backoff = 0.01
        assert remote.query("ASK {}").boolean is True
        assert len(front.seen) == 4
    with FaultyFront(server.url, failures=[503] * 5) as front:
        remote = RemoteStore(front.url, retries=2)
        remote.http.backoff = 0.01
        with pytest.raises(StoreError, match=r"query at .*/query: HTTP 503, the server is unavailable \(after 3 attempts\)"):
            remote.query("ASK {}")
    with FaultyFront(server.url, failures=[500]) as front:
        with pytest.raises(StoreError, match=r"replace a graph at .*/store\?graph=.*: HTTP 500, the server failed: injected 500"):
            RemoteStore(front.url).replace_graph(URIRef(EX + "g"), new_graph())
        assert len(front.seen) == 1


@pytest.mark.parametrize("make, problem", [
    (lambda url: RemoteStore(f"http://127.0.0.1:{free_port()}"), "connection refused"),
    (lambda url: RemoteStore(url, query_endpoint="/nowhere"), "HTTP 404, no such endpoint"),
    (lambda url: RemoteStore(url, query_endpoint="/update"), "HTTP 4"),
])
def test_unreachable_or_wrong_endpoints_give_one_line(server, make, problem):
    with pytest.raises(StoreError, match=problem) as err:
        make(server.url).query("SELECT * WHERE { ?s ?p ?o }")
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("url", ["http://", "https://", "http://127.0.0.1:notaport", "http://[::1",
                                 "http://ana:pw-123@[::1"])
def test_what_is_not_a_server_url_is_said_without_secrets(url):
    with pytest.raises(StoreError, match="is not a server URL") as err:
        RemoteStore(url)
    assert "pw-123" not in str(err.value) and "\n" not in str(err.value)
    with pytest.raises(StoreError, match="is not a server URL"):
        RemoteStore("http://127.0.0.1:7878", query_endpoint=url)


def test_a_server_that_does_not_answer_in_time_is_named(server):
    with FaultyFront(server.url, delay=3) as front:
        with pytest.raises(StoreError, match=r"no answer within 1 s"):
            RemoteStore(front.url, timeout=1, retries=0).query("ASK {}")


def test_basic_and_bearer_authentication_without_showing_secrets(server):
    secret = "s3cret-pass"
    basic = "Basic " + base64.b64encode(f"ana:{secret}".encode()).decode()
    with FaultyFront(server.url, authorization=basic) as front:
        with pytest.raises(StoreError, match="HTTP 401, not authorised") as err:
            RemoteStore(front.url).query("ASK {}")
        assert RemoteStore(front.url, user="ana", password=secret).query("ASK {}").boolean is True
        inline = RemoteStore(f"http://ana:{secret}@{front.url.removeprefix('http://')}")
        inline.replace_graph(URIRef(EX + "g"), new_graph())
        assert secret not in inline.graph_store and secret not in repr(inline.http)
        with pytest.raises(StoreError) as wrong:
            RemoteStore(front.url, user="ana", password="wrong" + secret).query("ASK {}")
        assert secret not in str(wrong.value) and secret not in str(err.value)
    with FaultyFront(server.url, authorization="Bearer tok-123") as front:
        assert RemoteStore(front.url, token="tok-123").query("ASK {}").boolean is True
        assert {seen[2] for seen in front.seen} == {"Bearer tok-123"}


def test_the_commands_work_against_a_server(server, tmp_path):
    write_articles(tmp_path / "in", 3)
    secret = "pw-not-to-print"
    basic = "Basic " + base64.b64encode(f"ana:{secret}".encode()).decode()
    env = dict(os.environ, DIPLOKG_STORE_USER="ana", DIPLOKG_STORE_PASSWORD=secret)
    with FaultyFront(server.url, authorization=basic) as front:
        def run(*args, **kw):
            return subprocess.run([*CLI, *args, "--store", front.url], capture_output=True, text=True, env=env,
                                  timeout=300, **kw)

        built = run("build", str(tmp_path / "in"), "-q")
        assert built.returncode == 0, built.stderr
        listed = run("query", "eval/entities", "--format", "csv")
        assert listed.returncode == 0 and "gen-00001.txt" in listed.stdout
        exported = run("export", "--format", "trig", "-o", str(tmp_path / "all.trig"))
        assert exported.returncode == 0
        assert len(Dataset().parse(tmp_path / "all.trig", format="trig")) > 0
        refused = subprocess.run([*CLI, "query", "eval/entities", "--store", front.url], capture_output=True,
                                 text=True, timeout=120)
        assert refused.returncode == 2 and "HTTP 401" in refused.stderr and secret not in refused.stderr + built.stderr
