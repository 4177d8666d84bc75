"""`diplokg serve`: Oxigraph's read-only server on the embedded store, behind the row limit."""
from __future__ import annotations

import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pyoxigraph
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from benchmarks.articles import write_articles
from ingest.build import build
from ingest.errors import StoreError
from ingest.serve import ServeOptions, Server, check_versions, free_port, oxigraph_binary
from ingest.store import EmbeddedStore

CLI = [sys.executable, "-m", "ingest.cli"]
COUNT_ARTICLES = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("serve")
    write_articles(root / "in", 6, seed=8)
    store = EmbeddedStore(root / "db")
    build([root / "in"], store)
    store.close()
    return root / "db"


def sparql(url: str, query: str, fmt=JSON) -> SPARQLWrapper:
    client = SPARQLWrapper(url + "/query")
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


def test_sparqlwrapper_reads_the_union_of_the_graphs_within_the_row_limit(store_dir):
    with Server(store_dir, ServeOptions(port=0, limit=4)) as server:
        assert server.url.startswith("http://127.0.0.1:")
        counted = sparql(server.url, COUNT_ARTICLES).queryAndConvert()
        assert counted["results"]["bindings"][0]["n"]["value"] == "6"

        capped = sparql(server.url, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }").query()
        assert capped.info()["x-diplokg-truncated"] == "4"
        assert len(capped.convert()["results"]["bindings"]) == 4

        whole = sparql(server.url, "SELECT ?a WHERE { ?a a <http://schema.org/NewsArticle> } LIMIT 3").query()
        assert "x-diplokg-truncated" not in whole.info() and len(whole.convert()["results"]["bindings"]) == 3

        csv_rows = sparql(server.url, "SELECT ?s WHERE { ?s ?p ?o }", CSV).queryAndConvert().decode().splitlines()
        assert csv_rows[0] == "s" and len(csv_rows) == 5

        turtle = sparql(server.url, "CONSTRUCT WHERE { ?s ?p ?o }", TURTLE).queryAndConvert()
        assert len(Graph().parse(data=turtle, format="turtle")) == 4

        ask = sparql(server.url, "ASK { ?s a <http://schema.org/NewsArticle> }").queryAndConvert()
        assert ask["boolean"] is True


def test_the_endpoint_is_read_only_and_keeps_writers_away(store_dir):
    with Server(store_dir, ServeOptions(port=0)) as server:
        request = urllib.request.Request(server.url + "/update", data=b"update=DROP%20ALL", method="POST")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
        with pytest.raises(StoreError, match="open for reading by another process"):
            EmbeddedStore(store_dir)
        page = urllib.request.urlopen(server.url + "/", timeout=10).read()
        assert b"<html" in page.lower()  # Oxigraph's query page, for people
    EmbeddedStore(store_dir).close()  # stopped: writers may open it again
    counted = EmbeddedStore(store_dir, read_only=True)
    assert int(counted.query(COUNT_ARTICLES).rows[0][0]) == 6
    counted.close()


@pytest.mark.parametrize("slow", [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT ?c WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1",
])
def test_a_query_that_runs_too_long_gets_504_and_is_stopped(store_dir, slow):
    with Server(store_dir, ServeOptions(port=0, timeout=1)) as server:
        oxigraph = server._process
        started = time.monotonic()
        with pytest.raises(urllib.error.HTTPError) as err:
            sparql(server.url, slow).queryAndConvert()
        assert err.value.code == 504 and time.monotonic() - started < 10
        assert b"ran longer than 1 s" in err.value.read()
        assert oxigraph.poll() is not None, "the runaway query's server process still runs"
        counted = sparql(server.url, COUNT_ARTICLES).queryAndConvert()  # and the endpoint serves on
        assert counted["results"]["bindings"][0]["n"]["value"] == "6"


def test_a_store_that_is_being_written_is_not_served(store_dir):
    writer = EmbeddedStore(store_dir)
    try:
        with pytest.raises(StoreError, match="being written"):
            Server(store_dir, ServeOptions(port=0)).start()
    finally:
        writer.close()


def test_the_server_binary_matches_pyoxigraph():
    assert check_versions(oxigraph_binary()) == pyoxigraph.__version__


def test_the_serve_command_runs_until_interrupted_and_leaves_no_server_behind(store_dir, tmp_path):
    port = free_port()
    process = subprocess.Popen([*CLI, "serve", "--store", str(store_dir), "--port", str(port), "--limit", "2"],
                               stderr=subprocess.PIPE, text=True)
    try:
        first = process.stderr.readline()
        assert first.startswith(f"serving {store_dir} read-only at http://127.0.0.1:{port}/query"), first
        rows = sparql(f"http://127.0.0.1:{port}", "SELECT ?s WHERE { ?s ?p ?o }").queryAndConvert()
        assert len(rows["results"]["bindings"]) == 2
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
        process.stderr.close()
    EmbeddedStore(store_dir).close()  # the Oxigraph process is gone with its lock
    missing = subprocess.run([*CLI, "serve", "--store", str(tmp_path / "none")], capture_output=True, text=True,
                             timeout=60)
    assert missing.returncode == 2 and "no store at" in missing.stderr
