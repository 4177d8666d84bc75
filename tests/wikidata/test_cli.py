"""The commands `kb update`, `link` and `build --link` end to end, against the fixture server."""
from __future__ import annotations

import json

from rdflib import Dataset, URIRef
from rdflib.namespace import SKOS

from ingest.cli import main
from ingest.wikidata.evidence import LINKS_GRAPH

from ..wikidata_server import Reply, ScriptedEndpoint

MISHUSTIN_WD = URIRef("http://www.wikidata.org/entity/Q4298520")
ARTICLE = "date 2021-03-10 Russian Prime Minister Mikhail Mishustin received an Armenian delegation in Moscow.\n"


def _articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "pm.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _wd(endpoint, tmp_path):
    return ["--endpoint", endpoint, "--cache", str(tmp_path / "cache"), "-q"]


def test_kb_update_writes_the_overlay_and_the_store(wikidata_endpoint, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DIPLOKG_KB_DIR", str(tmp_path / "kb"))
    store = str(tmp_path / "store")
    assert main(["build", str(_articles(tmp_path)), "--store", store, "-q"]) == 0
    assert main(["kb", "update", "Russia", "--store", store, *_wd(wikidata_endpoint, tmp_path)]) == 0
    assert (tmp_path / "kb" / "wikidata.trig").exists()
    assert "updated 1 state(s)" in capsys.readouterr().err
    assert main(["query", "queries/link-review.rq", "--store", store]) == 0  # the store still answers


def test_link_then_link_review(wikidata_endpoint, tmp_path, capsys):
    store = str(tmp_path / "store")
    folder = _articles(tmp_path)
    (folder / "no-country.txt").write_text("date 2021-06-01 The Federal State Statistics Service said prices rose.\n",
                                           encoding="utf-8")
    assert main(["build", str(folder), "--store", store, "-q"]) == 0
    assert main(["link", "--store", store, *_wd(wikidata_endpoint, tmp_path)]) == 0
    assert "linked 1 of" in capsys.readouterr().err
    assert main(["query", "link-review", "--store", store, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [(r["source"]["value"], r["candidate"]["value"]) for r in rows] == \
        [("no-country.txt", "http://www.wikidata.org/entity/Q2624680")]


def test_build_link_puts_the_links_in_the_output_file(wikidata_endpoint, tmp_path):
    out = tmp_path / "graph.trig"
    assert main(["build", str(_articles(tmp_path)), "--store", str(tmp_path / "store"), "-o", str(out), "--link",
                 *_wd(wikidata_endpoint, tmp_path)]) == 0
    ds = Dataset()
    ds.parse(out, format="trig")
    assert any(o == MISHUSTIN_WD for o in ds.graph(LINKS_GRAPH).objects(None, SKOS.exactMatch))


def test_link_a_graph_file_into_another(wikidata_endpoint, tmp_path, capsys):
    built = tmp_path / "built.trig"
    assert main(["build", str(_articles(tmp_path)), "--store", str(tmp_path / "store"), "-o", str(built), "-q"]) == 0
    assert main(["link", "--graph", str(built), *_wd(wikidata_endpoint, tmp_path)]) == 2
    assert "needs -o FILE" in capsys.readouterr().err
    out = tmp_path / "linked.trig"
    assert main(["link", "--graph", str(built), "-o", str(out), *_wd(wikidata_endpoint, tmp_path)]) == 0
    linked, original = Dataset(default_union=True), Dataset(default_union=True)
    linked.parse(out, format="trig")
    original.parse(built, format="trig")
    assert (None, SKOS.exactMatch, MISHUSTIN_WD) in linked and (None, SKOS.exactMatch, MISHUSTIN_WD) not in original
    # nothing of the built graph is lost (blank nodes and decimals are renamed and respelled by the round trip)
    assert sum(len(g) for g in linked.graphs() if g.identifier != LINKS_GRAPH) == \
        sum(len(g) for g in original.graphs())


def test_nothing_touches_the_network_unless_asked(tmp_path):
    with ScriptedEndpoint([Reply(200, "{}")]) as server:
        assert main(["build", str(_articles(tmp_path)), "--store", str(tmp_path / "store"), "-q",
                     "--endpoint", server.url]) == 0
        assert server.requests == []


def test_a_failing_endpoint_is_one_line_and_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DIPLOKG_KB_DIR", str(tmp_path / "kb"))
    with ScriptedEndpoint([Reply(500, "boom")]) as server:
        assert main(["kb", "update", "Armenia", "--endpoint", server.url, "--cache", str(tmp_path / "c")]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("diplokg kb: error: " + server.url) and "\n" not in err
    assert not (tmp_path / "kb" / "wikidata.trig").exists()


def test_a_build_after_kb_update_brings_the_update_into_its_store(wikidata_endpoint, tmp_path, monkeypatch):
    from ingest.store import EmbeddedStore

    monkeypatch.setenv("DIPLOKG_KB_DIR", str(tmp_path / "kb"))
    store, folder = str(tmp_path / "store"), _articles(tmp_path)
    medvedev = "ASK { GRAPH <https://w3id.org/diplokg/id/graph/kb> { ?h <https://w3id.org/diplokg/ontology#holder> " \
               "<https://w3id.org/diplokg/id/person/dmitry-medvedev> } }"

    def has_the_update() -> bool:
        s = EmbeddedStore(store)
        try:
            return s.query(medvedev).boolean
        finally:
            s.close()

    assert main(["build", str(folder), "--store", store, "-q"]) == 0
    # the update refreshes the overlay and another store; the next build of this one picks it up
    assert main(["kb", "update", "Russia", "--store", str(tmp_path / "other"), *_wd(wikidata_endpoint, tmp_path)]) == 0
    assert not has_the_update()
    assert main(["build", str(folder), "--store", store, "-q"]) == 0
    assert has_the_update()
