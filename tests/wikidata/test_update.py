"""`kb update` against a real Oxigraph server holding a slice of Wikidata (tests/fixtures/wikidata)."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from ingest.errors import DiplokgError
from ingest.kb.index import KnowledgeBase
from ingest.namespaces import DKG, ID, KB_GRAPH, ORG, PROV, SCHEMA, TIME
from ingest.store import EmbeddedStore
from ingest.wikidata.cache import AnswerCache
from ingest.wikidata.client import WikidataClient
from ingest.wikidata.overlay import overlay_path
from ingest.wikidata.update import update_kb

RU, AM = ID["state/ru"], ID["state/am"]
PUTIN, MEDVEDEV, MISHUSTIN = ID["person/vladimir-putin"], ID["person/dmitry-medvedev"], ID["person/mikhail-mishustin"]


@pytest.fixture
def overlay_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOKG_KB_DIR", str(tmp_path / "kb"))
    return tmp_path / "kb"


def _overlay() -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(overlay_path(), format="trig")
    return ds


def test_terms_of_heads_of_state_and_government_become_dated_holdings(client, overlay_dir):
    report = update_kb(["Russia"], client)
    assert report.targets == ["Russia"] and report.overlay == overlay_dir / "wikidata.trig"
    kb = KnowledgeBase.reference()
    assert kb.holders("HeadOfState", str(RU), date(2010, 3, 1)) == {str(MEDVEDEV)}
    assert kb.holders("HeadOfState", str(RU), date(2020, 3, 1)) == {str(PUTIN)}
    assert kb.holders("HeadOfGovernment", str(RU), date(2010, 3, 1)) == {str(PUTIN)}
    assert kb.holders("HeadOfGovernment", str(RU), date(2021, 3, 1)) == {str(MISHUSTIN)}
    # the person the KB already had keeps its IRI; a new one is named and linked
    assert kb.get(str(MISHUSTIN)).label == "Mikhail Mishustin"
    assert kb.get(str(MISHUSTIN)).wikidata == "http://www.wikidata.org/entity/Q4298520"


def test_foreign_ministers_come_from_positions_of_the_foreign_minister_class(client, overlay_dir):
    # Wikidata has no "foreign minister" statement on the state: the holders are found through each state's
    # own position item (a subclass of foreign minister that applies to the state's jurisdiction)
    update_kb(["Russia", "Armenia"], client)
    kb = KnowledgeBase.reference()
    lavrov, mnatsakanyan, mirzoyan = (str(ID[f"person/{p}"]) for p in
                                      ("sergey-lavrov", "zohrab-mnatsakanyan", "ararat-mirzoyan"))
    assert kb.holders("ForeignMinister", str(RU), date(2010, 3, 1)) == {lavrov}
    assert kb.holders("ForeignMinister", str(AM), date(2020, 10, 1)) == {mnatsakanyan}
    # (the bundled KB leaves Ayvazyan's term open: its end was not verified)
    assert mirzoyan in kb.holders("ForeignMinister", str(AM), date(2022, 3, 1))
    ds = _overlay()  # what Wikidata said, apart from the bundled KB's own terms
    terms = {(str(ds.value(h, DKG.holder)), str(ds.value(ds.value(h, DKG.post), ORG.postIn)),
              ds.value(h, SCHEMA.startDate).toPython(), getattr(ds.value(h, SCHEMA.endDate), "toPython", str)())
             for h in ds.subjects(RDF.type, DKG.PostHolding)
             if ds.value(ds.value(h, DKG.post), ORG.role) == DKG.ForeignMinister}
    assert terms == {(lavrov, str(RU), date(2004, 3, 9), ""), (mnatsakanyan, str(AM), date(2018, 5, 12),
                      date(2020, 11, 16)), (mirzoyan, str(AM), date(2021, 8, 19), "")}


def test_the_state_s_names_and_demonym_are_added_but_not_codes(client, overlay_dir):
    update_kb(["Armenia"], client)
    ds = _overlay()
    names = set(ds.objects(AM, SKOS.altLabel))
    assert Literal("Arménie", lang="fr") in names and Literal("Армения", lang="ru") in names
    assert not any(str(n) == "AM" for n in names)  # a two-letter alias would catch stray words
    assert Literal("Armenian", lang="en") in set(ds.objects(AM, DKG.demonym))


def test_aliases_come_in_every_language_asked_for(client, overlay_dir):
    update_kb(["Russia"], client)
    assert Literal("Российская Федерация", lang="ru") in set(_overlay().objects(RU, SKOS.altLabel))
    update_kb(["Russia"], client, languages=("en", "de"))
    names = set(_overlay().objects(RU, SKOS.altLabel))
    assert Literal("Russland", lang="de") in names
    assert not any(getattr(n, "language", None) == "ru" for n in names)


def test_memberships_keep_wikidata_s_dates_and_their_provenance(client, overlay_dir):
    update_kb(["Armenia"], client)
    ds = _overlay()
    (membership,) = [m for m in ds.subjects(URIRef("http://www.w3.org/ns/org#member"), AM)
                     if (m, URIRef("http://www.w3.org/ns/org#organization"), ID["org/united-nations"]) in ds]
    begin = ds.value(ds.value(ds.value(membership, URIRef("http://www.w3.org/ns/org#memberDuring")),
                              TIME.hasBeginning), TIME.inXSDDate)
    assert begin == Literal(date(1992, 3, 2), datatype=XSD.date)
    assert str(ds.value(membership, PROV.wasDerivedFrom)).startswith("http://www.wikidata.org/entity/statement/Q399")
    activity = ds.value(membership, PROV.wasGeneratedBy)
    assert str(ds.value(activity, PROV.used)) == client.endpoint
    assert "p:P463" in str(ds.value(activity, DKG.queryText))
    assert ds.value(activity, PROV.endedAtTime).datatype == XSD.dateTime


def test_an_organisation_s_members_come_from_their_membership_statements(client, overlay_dir):
    update_kb(["CSTO"], client)
    ds = _overlay()
    members = {ds.value(m, ORG.member) for m in ds.subjects(ORG.organization, ID["org/csto"])}
    assert members == {RU, AM}


def test_a_rerun_answers_from_the_cache_until_refresh(wikidata_endpoint, tmp_path, overlay_dir):
    cache = AnswerCache(tmp_path / "cache")
    first = WikidataClient(wikidata_endpoint, cache=cache)
    update_kb(["Russia"], first)
    assert first.sent > 0
    again = WikidataClient(wikidata_endpoint, cache=cache)
    report = update_kb(["Russia"], again)
    assert again.sent == 0 and report.cached == first.sent
    # a person the first run introduced is still described once the graph that names them is replaced
    assert (MISHUSTIN, SKOS.prefLabel, Literal("Mikhail Mishustin", lang="en")) in _overlay()
    refreshed = WikidataClient(wikidata_endpoint, cache=cache, refresh=True)
    update_kb(["Russia"], refreshed)
    assert refreshed.sent == first.sent
    assert KnowledgeBase.reference().get(str(MISHUSTIN)).label == "Mikhail Mishustin"


def test_updating_one_state_keeps_the_others(client, overlay_dir):
    update_kb(["Russia"], client)
    update_kb(["Armenia"], client)
    names = {str(g.identifier) for g in _overlay().graphs()}
    assert {str(ID["graph/wikidata/Q159"]), str(ID["graph/wikidata/Q399"])} <= names


def test_the_store_s_knowledge_base_graph_is_replaced(client, overlay_dir, tmp_path):
    store = EmbeddedStore(tmp_path / "store")
    try:
        update_kb(["Russia"], client, store=store)
        rows = store.query(f"ASK {{ GRAPH <{KB_GRAPH}> {{ ?h <{DKG.holder}> <{MEDVEDEV}> }} }}")
        assert rows.boolean
    finally:
        store.close()


@pytest.mark.parametrize("names, all_states, problem", [
    ([], False, "name the states or organisations"),
    (["Atlantis"], False, "no state or organisation of the knowledge base is named 'Atlantis'"),
    (["OSCE Minsk Group"], False, "has no Wikidata id"),
])
def test_targets_that_cannot_be_asked_about_are_refused_before_any_query(client, overlay_dir, names, all_states,
                                                                           problem):
    with pytest.raises(DiplokgError, match=problem):
        update_kb(names, client, all_states=all_states)
    assert client.sent == 0 and not overlay_path().exists()


def test_a_state_can_be_named_by_its_wikidata_id_or_any_spelling(client, overlay_dir):
    assert update_kb(["Q399", "ARMENIA", "armenia"], client).targets == ["Armenia"]


def test_the_updated_knowledge_base_conforms_to_the_shapes(client, overlay_dir):
    from ingest.kb.index import kb_graph
    from ingest.validate import validate_graph

    update_kb(["Russia", "Armenia", "OSCE"], client)
    conforms, _, text = validate_graph(kb_graph())
    assert conforms, text


def test_an_interrupted_update_leaves_the_previous_overlay(client, overlay_dir):
    update_kb(["Armenia"], client)
    before = overlay_path().read_bytes()

    def interrupt(number, target, what):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update_kb(["Russia", "Armenia"], client, progress=interrupt)
    assert overlay_path().read_bytes() == before
    assert [p.name for p in overlay_dir.iterdir()] == ["wikidata.trig"]
