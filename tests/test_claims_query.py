"""The query claims-by-speaker, run on articles built into a real embedded store and read from a file."""
from __future__ import annotations

import pytest

from ingest.build import build
from ingest.query import load_query, parse_params, run
from ingest.store import EmbeddedStore, GraphFile

ARTICLES = {
    "sudan.txt": "date 2023-04-14\n\nSudan's foreign ministry said 31 civilians were killed in the shelling of a "
                 "market. The paramilitary forces said 12 of their fighters were wounded.",
    "yemen.txt": "date 2023-04-15\n\nThe United Nations said some 5,000 people had to flee their homes near Marib.",
}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    root = tmp_path_factory.mktemp("claims")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    store = EmbeddedStore(root / "store")
    report = build([root / name for name in ARTICLES], store, output=root / "graph.trig")
    assert sorted(report.built) == sorted(ARTICLES)
    yield {"store": store, "file": GraphFile(root / "graph.trig")}
    store.close()


def rows(store, params: list[str]) -> list[dict]:
    query = load_query("claims-by-speaker")
    result = run(store, query, parse_params(params, query, store))
    return [{v: (str(t) if t is not None else None) for v, t in zip(result.variables, row)} for row in result.rows]


@pytest.mark.parametrize("where", ["store", "file"])
def test_every_claim_is_listed_without_a_speaker_parameter(stores, where):
    found = rows(stores[where], [])
    assert sorted((r["kind"], r["best"], r["source"]) for r in found) == [
        ("displaced", "5000", "yemen.txt"), ("killed", "31", "sudan.txt"), ("wounded", "12", "sudan.txt")]
    killed = next(r for r in found if r["kind"] == "killed")
    assert killed["population"] == "civilian" and killed["status"] == "asserted"
    assert "31 civilians were killed" in killed["sentenceText"]


@pytest.mark.parametrize("where", ["store", "file"])
def test_a_state_speaker_finds_the_claims_of_the_bodies_that_act_for_it(stores, where):
    found = rows(stores[where], ["speaker=Sudan"])
    assert [(r["kind"], r["best"]) for r in found] == [("killed", "31")]
    assert found[0]["who"].endswith("/ministry-of-foreign-affairs-of-sudan")  # acts for Sudan


@pytest.mark.parametrize("where", ["store", "file"])
def test_a_speaker_with_no_claims_lists_nothing(stores, where):
    assert rows(stores[where], ["speaker=France"]) == []


def test_the_query_documents_its_parameter_and_an_example():
    query = load_query("claims-by-speaker")
    assert query.parameters == ["speaker"]
    assert "diplokg query claims-by-speaker" in query.header
