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
