"""A SPARQL 1.1 server that is not laid out like Oxigraph as the store: a real OpenLink Virtuoso 7 on
127.0.0.1 (Debian's virtuoso-opensource-7-bin), started once for the module; each test empties
diplokg's graphs first."""
from __future__ import annotations

import subprocess
import sys
import urllib.request
from decimal import Decimal

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from benchmarks.articles import write_articles
from ingest.namespaces import ID, new_graph
from ingest.store.remote import RemoteStore
from tests.servers import VirtuosoServer, virtuoso_binaries
from tests.test_store_remote import (HOSTILE, PREF_LABEL, binds_as_the_embedded_store, builds_as_the_embedded_store,
                                     count)

pytestmark = pytest.mark.skipif(virtuoso_binaries() is None,
                                reason="Virtuoso 7 is not installed (virtuoso-t and isql-vt; Debian: "
                                       "apt-get install virtuoso-opensource-7-bin)")

CLI = [sys.executable, "-m", "ingest.cli"]
ENDPOINTS = {"query_endpoint": "/sparql", "update_endpoint": "/sparql"}
GRAPH_STORE = "/sparql-graph-crud"
EX = "https://example.org/"
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # rdflib's closed XSD namespace warns when pytest probes it


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso")) as running:
        yield running


@pytest.fixture
def server(virtuoso):
    """The module's server without the graphs an earlier test wrote (Virtuoso's own graphs stay)."""
    names = store_at(virtuoso).graph_names()
    if names:
        drops = " ;\n".join(f"DROP SILENT GRAPH <{name}>" for name in names)
        request = urllib.request.Request(virtuoso.url + "/sparql", data=drops.encode(), method="POST",
                                         headers={"Content-Type": "application/sparql-update"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            answer.read()
    return virtuoso


def store_at(server, graph_store: str | None = GRAPH_STORE, **options) -> RemoteStore:
    return RemoteStore(server.url, **ENDPOINTS, graph_store=graph_store, **options)


@pytest.mark.parametrize("graph_store", [GRAPH_STORE, None], ids=["graph-store-protocol", "sparql-update"])
def test_build_into_virtuoso_query_it_and_rebuild_without_duplicates(server, tmp_path, graph_store):
    # the query without GRAPH works because Virtuoso reads all graphs (and ignores Oxigraph's union parameter)
    builds_as_the_embedded_store(store_at(server, graph_store), tmp_path)


def test_ask_and_bound_parameters_answer_as_in_the_embedded_store(server, tmp_path):
    binds_as_the_embedded_store(store_at(server), tmp_path)  # Virtuoso 7 answers ASK as a one-row table


def tricky_graph() -> Graph:
    """Literals a store could change on the way: escapes, language tags, datatypes, a blank node. (The
    region's tag is in lower case: Oxigraph, which writes every request, lowercases tags.)"""
    g, subject, node = new_graph(), URIRef(EX + "s"), BNode()
    values = [Literal(text) for text in HOSTILE] + [
        Literal("Genève", lang="fr"), Literal("x", lang="en-gb"), Literal("1", datatype=XSD.decimal),
        Literal("0.850", datatype=XSD.decimal), Literal("007", datatype=XSD.integer),
        Literal("5", datatype=XSD.int), Literal("1.0E3", datatype=XSD.double), Literal("true", datatype=XSD.boolean),
        Literal("2020-01-02", datatype=XSD.date), Literal("2020", datatype=XSD.gYear),
        Literal("2020-05", datatype=XSD.gYearMonth), Literal("2020-01-02T03:04:05Z", datatype=XSD.dateTime),
        Literal("abc", datatype=URIRef(EX + "custom"))]
    for n, value in enumerate(values):
        g.add((subject, URIRef(f"{EX}p{n}"), value))
    g.add((subject, URIRef(EX + "part"), node))
    g.add((node, PREF_LABEL, Literal("inside a blank node")))
    return g


def canonical_decimals(graph: Graph) -> Graph:
    """Virtuoso keeps an xsd:decimal as its value, so 0.850 reads back as 0.85: the same number, which
    RDF counts as another literal. Decimals written in canonical form compare as they are."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


@pytest.mark.parametrize("graph_store", [GRAPH_STORE, None], ids=["graph-store-protocol", "sparql-update"])
def test_literals_and_blank_nodes_come_back_as_written(server, graph_store):
    remote, name, written = store_at(server, graph_store), ID["graph/tricky"], tricky_graph()
    remote.replace_graph(name, written)
    remote.replace_graph(name, written)
    got = Graph()
    for s, p, o, _ in remote.quads([name]):
        got.add((s, p, o))
    assert isomorphic(got, canonical_decimals(written))
    for text in HOSTILE:  # and a bound value still finds its string
        assert remote.query("SELECT ?e WHERE { ?e ?p ?text }", {"text": Literal(text)}).rows == [(URIRef(EX + "s"),)]


def test_virtuosos_own_graphs_are_neither_listed_nor_exported(server, tmp_path):
    remote = store_at(server)
    remote.replace_graph(ID["graph/tricky"], tricky_graph())
    everything = store_at(server, graph_namespace=None).graph_names()
    assert URIRef("http://www.openlinksw.com/schemas/virtrdf#") in everything
    assert remote.graph_names() == [ID["graph/tricky"]]
    remote.export(tmp_path / "out.nq", "nquads")
    assert sum(1 for _ in open(tmp_path / "out.nq", encoding="utf-8")) == count(remote) == len(tricky_graph())


def test_the_commands_work_against_virtuoso(server, tmp_path):
    write_articles(tmp_path / "in", 3)
    options = ["--store", server.url, "--query-endpoint", "/sparql", "--update-endpoint", "/sparql",
               "--graph-store", GRAPH_STORE]

    def run(*args):
        return subprocess.run([*CLI, *args, *options], capture_output=True, text=True, timeout=300)

    built = run("build", str(tmp_path / "in"), "-q")
    assert built.returncode == 0, built.stderr
    listed = run("query", "eval/entities", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    assert "gen-00001.txt" in listed.stdout
    exported = run("export", "--format", "nquads", "-o", str(tmp_path / "all.nq"))
    assert exported.returncode == 0, exported.stderr
    assert "openlinksw" not in (tmp_path / "all.nq").read_text(encoding="utf-8")
