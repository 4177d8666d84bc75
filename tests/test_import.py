"""`diplokg import`: graph files into a new embedded store (bulk loader), an existing one and a real
Oxigraph server (a graph replaced per transaction), and bad files refused with nothing written."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from benchmarks.articles import write_articles
from ingest.store import EmbeddedStore
from ingest.store.importer import import_files
from ingest.store.remote import RemoteStore
from tests.servers import OxigraphServer
from tests.test_store_embedded import build_into
from tests.test_store_remote import by_graph

CLI = [sys.executable, "-m", "ingest.cli"]
X = "https://w3id.org/diplokg/id/graph/article/"


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A store built from generated articles, exported as N-Quads and as TriG: the files and its graphs."""
    root = tmp_path_factory.mktemp("exported")
    write_articles(root / "in", 6, seed=3)
    build_into(root / "store", root / "in")
    store = EmbeddedStore(root / "store", read_only=True)
    store.export(root / "all.nq", "nquads")
    store.export(root / "all.trig", "trig")
    graphs = by_graph(store)
    store.close()
    return root, graphs


def same_graphs(store, want) -> bool:
    got = by_graph(store)
    return set(got) == set(want) and all(isomorphic(got[name], want[name]) for name in want)


@pytest.mark.parametrize("name", ["all.nq", "all.trig"])
def test_a_new_store_is_filled_with_every_graph_as_it_was(exported, tmp_path, name):
    root, want = exported
    store = EmbeddedStore(tmp_path / "new")
    report = import_files([root / name], store)
    assert report.graphs == len(want) and not report.skipped
    assert same_graphs(store, want)
    store.close()


def test_importing_into_a_store_that_has_graphs_replaces_them_and_duplicates_nothing(exported, tmp_path):
    root, want = exported
    store = EmbeddedStore(tmp_path / "db")
    article = next(name for name in want if name.startswith(X))
    stale = Graph()
    stale.add((URIRef("https://example.org/old"), URIRef("https://example.org/p"), Literal("left over")))
    store.replace_graph(article, stale)  # as an import killed half-way could leave it
    store.replace_graph(URIRef(X + "kept-here.txt"), stale)
    import_files([root / "all.nq"], store)
    import_files([root / "all.nq"], store)
    got = by_graph(store)
    assert isomorphic(got[article], want[article])  # the stale graph is replaced whole
    assert len(got[URIRef(X + "kept-here.txt")]) == 1  # a graph the file lacks stays
    assert sum(len(g) for name, g in got.items() if name in want) == sum(len(g) for g in want.values())
    store.close()


@pytest.mark.parametrize("content, problem", [
    (b'<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> oops <http://g> .\n', "line 2"),
    (bytes(range(256)) * 4, "line 1"),
    ('<http://a> <http://b> "caf\u00e9" <http://g> .\n'.encode("latin-1"), "UTF-8"),
    (b"", "empty"),
    (b"<http://a> <http://b> <http://c> .\n", "outside any named graph"),
])
def test_a_bad_file_is_named_with_its_problem_and_writes_nothing(exported, tmp_path, content, problem):
    root, want = exported
    bad = tmp_path / "bad.nq"
    bad.write_bytes(content)
    for existing in (False, True):  # the bulk path into an empty store, and the transactional one
        location = tmp_path / f"db-{existing}"
        if existing:
            store = EmbeddedStore(location)
            import_files([root / "all.nq"], store)
            store.close()
        run = subprocess.run([*CLI, "import", str(bad), "--store", str(location)], capture_output=True, text=True,
                             timeout=120)
        assert run.returncode == 1, run.stderr
        assert f"skipped {bad}:" in run.stderr and problem in run.stderr and "Traceback" not in run.stderr
        store = EmbeddedStore(location)
        assert same_graphs(store, want) if existing else store.is_empty()
        store.close()


def test_one_bad_file_does_not_stop_the_others_and_a_triple_format_is_refused(exported, tmp_path):
    root, want = exported
    (tmp_path / "merged.ttl").write_text("<http://a> <http://b> <http://c> .\n")
    store = EmbeddedStore(tmp_path / "db")
    report = import_files([tmp_path / "merged.ttl", tmp_path / "missing.nq", root / "all.trig"], store)
    assert [line.split(":")[0] for line in report.skipped] == [str(tmp_path / "merged.ttl"), str(tmp_path / "missing.nq")]
    assert "named graphs" in report.skipped[0] and "no such file" in report.skipped[1]
    assert same_graphs(store, want)
    store.close()


def test_an_export_moves_to_a_server_and_answers_the_same_queries(exported, tmp_path):
    root, want = exported
    with OxigraphServer(tmp_path / "server") as server:
        run = subprocess.run([*CLI, "import", str(root / "all.trig"), "--store", server.url, "-q"],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stderr
        remote = RemoteStore(server.url)
        assert same_graphs(remote, want)
        listed = subprocess.run([*CLI, "query", "eval/events", "--store", server.url, "--format", "csv"],
                                capture_output=True, text=True, timeout=120)
        local = subprocess.run([*CLI, "query", "eval/events", "--store", str(root / "store"), "--format", "csv"],
                               capture_output=True, text=True, timeout=120)
        assert listed.returncode == 0 and sorted(listed.stdout.splitlines()) == sorted(local.stdout.splitlines())
