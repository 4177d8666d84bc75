"""Building is deterministic, a re-run changes nothing, and offsets point at what they name."""
from rdflib import Dataset
from rdflib.compare import isomorphic, graph_diff

from ingest.build import build
from ingest.mapping import to_graph
from ingest.store import EmbeddedStore
from tests.conftest import REPO, make_article


def _dataset(path):
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def test_building_twice_gives_isomorphic_output(tmp_path):
    outputs = []
    for n in (1, 2):
        store = EmbeddedStore(tmp_path / f"store{n}")
        build([REPO / "examples" / "articles"], store, output=tmp_path / f"g{n}.trig")
        store.close()
        outputs.append(_dataset(tmp_path / f"g{n}.trig"))
    a, b = outputs
    assert len(a) == len(b)
    for graph in a.graphs():
        other = b.graph(graph.identifier)
        assert isomorphic(graph, other), graph_diff(graph, other)


def test_rebuilding_a_batch_into_the_same_store_is_a_no_op(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    build([REPO / "examples" / "articles"], store)
    first = sorted(store.quads())
    build([REPO / "examples" / "articles"], store)
    assert sorted(store.quads()) == first
    store.close()


def test_offsets_point_at_the_original_text(pipeline):
    text = " date 2022-01-02 [ad_1]Kazakh President Kassym-Jomart Tokayev asked the CSTO for help.\u200f\n"
    article = make_article(text, "2022-01-02")
    article = type(article)(source="kz.txt", text=text, origin="kz.txt", body_start=text.index("[ad_1]"))
    graph = to_graph(pipeline.run(article), pipeline.kb)
    from ingest.namespaces import NIF

    spans = [(int(graph.value(n, NIF.beginIndex)), int(graph.value(n, NIF.endIndex)), str(graph.value(n, NIF.anchorOf)))
             for n in graph.subjects(NIF.anchorOf, None)]
    assert spans and all(text[b:e] == anchor for b, e, anchor in spans)
    assert any(anchor == "CSTO" for _, _, anchor in spans)


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_later_builds_find_earlier_entities_and_events(tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    first = _write(tmp_path / "a.txt", "date 2023-05-10 Sudanese Foreign Minister Ali Sadiq met Saudi Foreign "
                                       "Minister Faisal bin Farhan in Jeddah on Tuesday.")
    second = _write(tmp_path / "b.txt", "date 2023-05-11 The foreign minister of Sudan, Ali Sadeeq, met Faisal bin "
                                        "Farhan in Jeddah on Tuesday, Saudi officials said.")
    build([first], store)
    build([second], store)  # a separate build: a new pipeline, what it knows comes from the store
    persons = store.query("SELECT DISTINCT ?p WHERE { ?h <https://w3id.org/diplokg/ontology#holder> ?p . "
                          "?h <https://w3id.org/diplokg/ontology#post>/<http://www.w3.org/ns/org#postIn> "
                          "<https://w3id.org/diplokg/id/state/sd> }").rows
    assert len(persons) == 1, persons
    events = store.query("SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE { ?e a <https://w3id.org/diplokg/ontology#Event> ; "
                         "<https://w3id.org/diplokg/ontology#evidence>/<http://persistence.uni-leipzig.org/nlp2rdf/"
                         "ontologies/nif-core#referenceContext> ?s } GROUP BY ?e").rows
    assert [int(n) for _, n in events] == [2], "one meeting, reported by both articles"
    before = sorted(store.quads())
    build([first], store)  # re-building one article keeps the IRIs the other gave its event
    assert sorted(store.quads()) == before
    store.close()


def test_the_event_index_finds_a_report_s_matches_without_reading_the_corpus():
    """Merging looks only at reports that share a participant, a side or a place with the new one, and
    forgets an article's reports when the article is built again."""
    from datetime import date as day

    from ingest.events.merge import EventIndex, Signature

    index = EventIndex()
    talks = Signature("ev:1", "Talks", day(2020, 10, 9), None, frozenset({("am", "am"), ("az", "az")}), "a.txt",
                      (("am", "party"), ("az", "party")))
    index.add(talks)
    for n in range(200):  # unrelated reports elsewhere in the corpus
        index.add(Signature(f"ev:x{n}", "Attack", None, None, frozenset({(f"s{n}", f"s{n}")}), f"x{n}.txt"))
    assert len(index) == 201
    assert {s.iri for s in index._by_key[("consult", "am", day(2020, 10, 9))]} == {"ev:1"}
    assert not index._by_key[("consult", "am", day(2020, 10, 10))]  # another day: not a match to look at
    index._forget("a.txt")
    assert len(index) == 200 and not index._by_key[("consult", "am", "*")] and not index._by_iri["ev:1"]


def test_a_build_brings_articles_an_earlier_version_wrote_up_to_the_model(tmp_path):
    """A store built before the role properties: the next build (even of no new article) adds them, once,
    and the store validates again."""
    from ingest.namespaces import DKG, KB_GRAPH, ONTOLOGY_GRAPH
    from ingest.validate import validate_store

    store = EmbeddedStore(tmp_path / "store")
    build([REPO / "examples" / "articles"], store)
    articles = lambda: sorted(q for q in store.quads() if q[3] != ONTOLOGY_GRAPH)  # rewritten: new blank nodes
    current = articles()
    store.update(f"PREFIX dkg: <{DKG}> DELETE {{ GRAPH ?g {{ ?e ?p ?a }} }} WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> "
                 f"{{ ?p dkg:forRole ?r }} GRAPH ?g {{ ?e ?p ?a }} }} ; "
                 f"DELETE WHERE {{ GRAPH <{KB_GRAPH}> {{ ?kb dkg:referenceDigest ?d }} }}")
    conforms, _, report = validate_store(store)
    assert not conforms and "has no role property" in report
    build([], store)
    assert articles() == current
    store.close()
