"""Each shape file has a conforming and a violating fixture; every graph build writes conforms."""
import pytest
from rdflib import Graph

from ingest.mapping import to_graph
from ingest.resources import shape_files
from ingest.validate import shapes_graph, validate_graph
from tests.conftest import FIXTURES, make_article

SHAPE_FILES = [p.stem for p in shape_files()]


def test_every_shape_file_has_its_fixtures():
    for name in SHAPE_FILES:
        assert (FIXTURES / "shapes" / f"{name}-conforming.ttl").is_file(), name
        assert (FIXTURES / "shapes" / f"{name}-violating.ttl").is_file(), name


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_conforming_fixture_conforms_to_all_shapes(name):
    data = Graph().parse(FIXTURES / "shapes" / f"{name}-conforming.ttl")
    conforms, _, text = validate_graph(data)
    assert conforms, text


@pytest.mark.parametrize("name", SHAPE_FILES)
def test_violating_fixture_violates_its_own_shapes(name):
    data = Graph().parse(FIXTURES / "shapes" / f"{name}-violating.ttl")
    own = Graph().parse(next(p for p in shape_files() if p.stem == name))
    conforms, report, text = validate_graph(data, own)
    assert not conforms
    assert text.count("Constraint Violation") >= 2, text


def test_a_built_article_conforms(pipeline):
    text = ("Kenyan President William Ruto hosted talks in Nairobi on Monday between the Ethiopian government "
            "and Tigrayan leaders. The African Union, led by Angola, called for an immediate ceasefire.")
    record = pipeline.run(make_article(text, "2022-11-07", "nairobi.txt"))
    data = to_graph(record, pipeline.kb)
    from ingest.kb.index import kb_graph
    conforms, _, report = validate_graph(data + kb_graph(), shapes_graph())
    assert conforms, report


def test_a_participation_and_its_role_property_must_agree():
    """An event states each participation twice (a Participation node and dkg:hasHost...): queries read
    either form, so a graph where they differ is refused, whichever side is missing."""
    from rdflib import URIRef
    from ingest.namespaces import DKG

    data = Graph().parse(FIXTURES / "shapes" / "events-conforming.ttl")
    event, kenya = URIRef("https://example.org/e"), URIRef("https://example.org/kenya")
    data.remove((event, DKG.hasHost, kenya))
    data.add((event, DKG.hasTarget, kenya))  # the role differs from the participation's (host)
    conforms, _, text = validate_graph(data)
    assert not conforms
    assert "has no role property" in text and "has no participation" in text, text



def test_every_participant_role_has_its_role_property():
    from rdflib.namespace import RDF

    from ingest.kb.index import ontology_graph
    from ingest.mapping import role_properties
    from ingest.namespaces import DKG, local_name

    roles = {local_name(r) for r in ontology_graph().subjects(RDF.type, DKG.ParticipantRole)}
    assert roles and roles == set(role_properties())

@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own Dataset internals
def test_the_benchmarks_synthetic_graph_conforms(tmp_path):
    """Queries are measured on the generated graph: it must be a graph that a build could write."""
    from rdflib import Dataset

    from benchmarks.synthetic_graph import write

    write(3000, tmp_path / "graph.nq", seed=4)
    quads, data = Dataset(), Graph()
    quads.parse(tmp_path / "graph.nq", format="nquads")
    for s, p, o, _ in quads.quads((None, None, None, None)):
        data.add((s, p, o))
    conforms, _, text = validate_graph(data)
    assert conforms, text
