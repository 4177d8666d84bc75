"""`link` against a real Oxigraph server holding a slice of Wikidata: it links every person and organisation
the fixture holds unambiguously and consistently with the articles, and nothing else."""
from __future__ import annotations

from datetime import date

import pytest
from rdflib.namespace import SKOS

from ingest.build import build
from ingest.store import EmbeddedStore
from ingest.wikidata.answers import When
from ingest.wikidata.evidence import LINKS_GRAPH, Unlinked, states_named_in
from ingest.wikidata.linker import CONTRADICTS, FITS_ONE_OF_SEVERAL, UNCHECKED, Candidate, judge, link
from ingest.wikidata.statements import Statement

WD = "http://www.wikidata.org/entity/"

# Articles written for these tests; the facts are real (see tests/fixtures/wikidata/items.ttl).
CONSISTENT = {
    "pm.txt": "date 2021-03-10 Russian Prime Minister Mikhail Mishustin received an Armenian delegation in Moscow.",
    "president.txt": "date 2010-04-02 Russian President Dmitry Medvedev spoke by phone with the Armenian president.",
    "stats.txt": "date 2021-02-01 The Russian Federal State Statistics Service published new population figures.",
    "fm.txt": "date 2022-06-10 Pakistani Foreign Minister Bilawal Bhutto Zardari held talks in Tehran on Friday.",
}
UNCONFIRMED = {
    "wrong-post.txt": "date 2015-06-01 Russian President Mikhail Mishustin arrived in Yerevan on Monday.",
    "no-country.txt": "date 2021-06-01 The Federal State Statistics Service said prices rose in May.",
    "no-post.txt": "date 2011-05-05 Prime Minister Dmitry Medvedev said nothing about the talks.",  # no state
    "before-term.txt": "date 2021-06-10 Pakistani Foreign Minister Bilawal Bhutto Zardari arrived in Kabul.",
}


def _built(tmp_path, articles: dict[str, str]) -> EmbeddedStore:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in articles.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    store = EmbeddedStore(tmp_path / "store")
    assert not build([folder], store).skipped
    return store


def _links(store) -> dict[str, str]:
    rows = store.query(f"SELECT ?e ?w WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?e <{SKOS.exactMatch}> ?w }} }}").rows
    return {str(e).rsplit("/", 1)[1]: str(w).removeprefix(WD) for e, w in rows}


def test_every_entity_the_fixture_holds_consistently_is_linked_and_nothing_else(client, tmp_path):
    store = _built(tmp_path, CONSISTENT)
    try:
        report = link(store, client)
        assert _links(store) == {"mikhail-mishustin": "Q4298520", "dmitry-medvedev": "Q23530",
                                 "russian-federal-state-statistics-service": "Q2624680",
                                 "bilawal-bhutto-zardari": "Q244338"}  # through a foreign-minister position
        assert len(report.linked) == 4
        # the articles' graphs are untouched: the links live in their own graph
        assert not store.query(f"ASK {{ GRAPH ?g {{ ?e <{SKOS.exactMatch}> <{WD}Q4298520> }} "
                               f"FILTER(?g != <{LINKS_GRAPH}>) }}").boolean
    finally:
        store.close()


def test_candidates_the_articles_cannot_confirm_are_recorded_for_review_not_linked(client, tmp_path):
    store = _built(tmp_path, UNCONFIRMED)
    try:
        report = link(store, client)
        assert _links(store) == {} and report.linked == []
        review = store.query(open("queries/link-review.rq", encoding="utf-8").read()).rows
        rows = {(str(r[0]), str(r[2]).removeprefix(WD), float(r[4]), str(r[6])) for r in review}
        assert ("wrong-post.txt", "Q4298520", CONTRADICTS, "wikidata") in rows
        assert ("no-country.txt", "Q2624680", UNCHECKED, "wikidata") in rows
        assert ("no-post.txt", "Q23530", UNCHECKED, "wikidata") in rows
        assert ("before-term.txt", "Q244338", CONTRADICTS, "wikidata") in rows
        assert all(r[3] is not None for r in review)  # every candidate has its label
    finally:
        store.close()


def test_linking_again_gives_the_same_graph(client, tmp_path):
    store = _built(tmp_path, {**CONSISTENT, "no-post.txt": UNCONFIRMED["no-post.txt"]})
    try:
        first = link(store, client).graph
        second = link(store, client).graph  # answered from the cache: same retrieval times
        assert set(first) == set(second) and _links(store)
    finally:
        store.close()


def _person(posts) -> Unlinked:
    return Unlinked("p", "Person", ["A Name"], posts=set(posts))


def _holder(qid: str, start: date, end: date | None, precision: int = 11) -> Candidate:
    st = Statement(f"s-{qid}", qid, "Q1", "HeadOfState", When(start, precision), When(end, 11) if end else None)
    return Candidate(qid, qid, human=True, posts=[st])


def test_two_candidates_that_both_fit_are_ambiguous_and_linked_to_neither():
    posts = [("HeadOfState", "Q1", date(2010, 6, 1))]
    verdict = judge(_person(posts), [_holder("Q10", date(2008, 1, 1), None), _holder("Q11", date(2009, 1, 1), None)])
    assert verdict.link is None
    assert [(c.qid, score) for c, score, _ in verdict.review] == [("Q10", FITS_ONE_OF_SEVERAL),
                                                                 ("Q11", FITS_ONE_OF_SEVERAL)]


def test_a_term_known_only_to_the_year_does_not_cover_days_it_may_not_include():
    inside_year = [("HeadOfState", "Q1", date(2010, 3, 1))]
    assert judge(_person(inside_year), [_holder("Q10", date(2010, 1, 1), None, precision=9)]).link is None
    after_year = [("HeadOfState", "Q1", date(2011, 3, 1))]
    assert judge(_person(after_year), [_holder("Q10", date(2010, 1, 1), None, precision=9)]).link == "Q10"


def test_a_candidate_of_the_wrong_kind_is_neither_linked_nor_listed():
    organisation = Candidate("Q20", "Org", organisation=True, countries={"Q1"})
    verdict = judge(_person([("HeadOfState", "Q1", date(2010, 1, 1))]), [organisation])
    assert verdict.link is None and verdict.review == []


@pytest.mark.parametrize("name, states", [
    ("Russian Federal State Statistics Service", {"Q159"}),
    ("Statistical Committee of Armenia", {"Q399"}),
    ("Federal State Statistics Service", set()),
    ("Russian-Armenian University", {"Q159", "Q399"}),
])
def test_the_state_an_organisation_s_name_names(name, states):
    words = {"russian": "Q159", "russia": "Q159", "armenia": "Q399", "armenian": "Q399"}
    assert states_named_in(name, words) == states


@pytest.mark.parametrize("name", ['Foo" } ; DROP ALL ; #', "Back\\slash \\u0022 name", "tab\tand\nnewline",
                                  "x" * 500, "\x00\x01"])
def test_hostile_names_are_asked_for_safely(client, name):
    from ingest.wikidata import queries

    if not queries.usable_name(name):
        assert len(name) > 200 or not name.strip("\x00\x01")
        return
    assert client.select(queries.items_named([name, "Mikhail Mishustin"], ("en",))).rows  # still a valid query


def test_a_store_with_nothing_to_link_gets_an_empty_links_graph(client, tmp_path):
    store = _built(tmp_path, {"none.txt": "date 2021-01-01 Nothing happened in Moscow on Monday."})
    try:
        report = link(store, client)
        assert report.verdicts == [] and client.sent == 0 and _links(store) == {}
    finally:
        store.close()
