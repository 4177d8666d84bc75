"""Binding parameters as a VALUES block: where it goes in a query, and that any value stays data."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from ingest.errors import QueryError
from ingest.store.bind import bind_values

EX = "http://example.org/"


@pytest.fixture(scope="module")
def store() -> ox.Store:
    s = ox.Store()  # pyoxigraph in memory: a real SPARQL engine to run the bound queries
    for n, label in enumerate(["Doha talks", "Oslo {accord}", "Minsk"]):
        s.add(ox.Quad(ox.NamedNode(f"{EX}e{n}"), ox.NamedNode(EX + "label"), ox.Literal(label)))
        s.add(ox.Quad(ox.NamedNode(f"{EX}e{n}"), ox.NamedNode(EX + "year"), ox.Literal(str(2000 + n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))))
    return s


def answers(store: ox.Store, query: str, bindings) -> list:
    result = store.query(bind_values(query, bindings))
    if isinstance(result, ox.QueryBoolean):
        return [bool(result)]
    if isinstance(result, ox.QueryTriples):
        return sorted(str(t) for t in result)
    return sorted(tuple(str(s[v]) for v in result.variables) for s in result)


TRICKY = f"""# a comment with a brace {{ and WHERE in it
PREFIX ex: <{EX}>
SELECT ?e (CONCAT("{{", ?label) AS ?shown) # not here {{
WHERE {{
  ?e ex:label ?label ; ex:year ?year .
  FILTER(?year >= ?from)
}}"""


def test_values_open_the_where_group_so_filters_see_them(store):
    rows = answers(store, TRICKY, {"from": Literal(2001)})
    assert rows == [(f"<{EX}e1>", '"{Oslo {accord}"'), (f"<{EX}e2>", '"{Minsk"')]


@pytest.mark.parametrize("query, expected", [
    (f"ASK {{ ?e <{EX}label> ?l }}", [True]),
    (f"SELECT ?e {{ ?e <{EX}label> ?l }}", [(f"<{EX}e1>",)]),
    (f"SELECT ?e WHERE {{ {{ SELECT ?e ?l WHERE {{ ?e <{EX}label> ?l }} }} }}", [(f"<{EX}e1>",)]),
    (f"CONSTRUCT {{ ?e <{EX}named> ?l }} WHERE {{ ?e <{EX}label> ?l }}",
     [f'<{EX}e1> <{EX}named> "Oslo {{accord}}"']),
    (f"DESCRIBE ?e WHERE {{ ?e <{EX}label> ?l }}", None),
])
def test_every_query_form_is_bound(store, query, expected):
    got = answers(store, query, {"l": Literal("Oslo {accord}")})
    if expected is None:
        assert got and all(f"<{EX}e1>" in t for t in got)
    else:
        assert got == expected


@pytest.mark.parametrize("query, problem", [
    (f"CONSTRUCT WHERE {{ ?e <{EX}label> ?l }}", "CONSTRUCT WHERE"),
    ("PREFIX ex: <http://e/> # SELECT { in a comment", "no WHERE clause"),
    (f"SELECT * WHERE {{ ?e <{EX}label> ?l ", "do not balance"),
])
def test_queries_that_cannot_take_a_values_block_are_errors(query, problem):
    with pytest.raises(QueryError, match=problem):
        bind_values(query, {"l": Literal("x")})


def test_subqueries_that_name_a_parameter_see_it_as_rdflib_initbindings_do(store):
    from rdflib import Dataset

    query = (f"SELECT ?e ?l WHERE {{ {{ SELECT DISTINCT ?e WHERE {{ ?e <{EX}year> ?year FILTER(?year >= ?from) }} }} "
             f"{{ SELECT ?e ?l WHERE {{ ?e <{EX}label> ?l }} }} }}")
    params = {"from": Literal(2002)}
    bound = bind_values(query, params)
    assert bound.count("VALUES") == 2  # the outer group and the subquery that names ?from
    data = Dataset(default_union=True)
    for quad in store:
        data.add((URIRef(quad.subject.value), URIRef(quad.predicate.value),
                  Literal(quad.object.value, datatype=URIRef(quad.object.datatype.value))))
    in_rdflib = sorted((str(r[0]), str(r[1])) for r in data.query(query, initBindings=params))
    assert in_rdflib == [(f"{EX}e2", "Minsk")]
    assert answers(store, query, params) == [(f"<{EX}e2>", '"Minsk"')]


def test_names_and_terms_that_are_not_sparql_are_refused():
    with pytest.raises(QueryError, match="not a SPARQL variable"):
        bind_values("SELECT * { ?s ?p ?o }", {"o) } DROP ALL #": Literal("x")})
    from rdflib import BNode

    with pytest.raises(QueryError, match="BNode cannot be a parameter"):
        bind_values("SELECT * { ?s ?p ?o }", {"o": BNode()})
    assert bind_values("SELECT * { ?s ?p ?o }", {}) == "SELECT * { ?s ?p ?o }"


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
       st.sampled_from([None, "en", "fr-CA"]))
def test_any_string_is_matched_exactly_and_never_read_as_query_text(text, lang):
    s = ox.Store()
    value = ox.Literal(text, language=lang) if lang else ox.Literal(text)
    s.add(ox.Quad(ox.NamedNode(EX + "hit"), ox.NamedNode(EX + "label"), value))
    s.add(ox.Quad(ox.NamedNode(EX + "miss"), ox.NamedNode(EX + "label"), ox.Literal(text + "x")))
    query = f"SELECT ?e WHERE {{ ?e <{EX}label> ?v }}"
    result = s.query(bind_values(query, {"v": Literal(text, lang=lang)}))
    assert [sol["e"] for sol in result] == [ox.NamedNode(EX + "hit")]
    assert len(s) == 2


def test_iris_are_bound_as_iris(store):
    assert answers(store, f"SELECT ?l WHERE {{ ?e <{EX}label> ?l }}", {"e": URIRef(EX + "e2")}) == [('"Minsk"',)]
