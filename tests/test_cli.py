"""The CLI end to end on real files and a real embedded store: exit codes and one-line errors."""
import json

import pytest
from rdflib import Dataset

from ingest.cli import main
from tests.conftest import REPO

ARTICLE = ("date 2023-03-18 Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti met in "
           "Ohrid on Saturday. EU foreign policy chief Josep Borrell mediated the talks.\n")


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "articles"
    d.mkdir()
    (d / "ohrid.txt").write_text(ARTICLE, encoding="utf-8")
    return d


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_build_then_query_validate_export_from_the_store(tmp_path, corpus, capsys):
    store = tmp_path / "store"
    code, _, err = run(capsys, "build", corpus, "--store", store, "-o", tmp_path / "g.trig")
    assert code == 0 and "built 1 article" in err
    code, out, _ = run(capsys, "query", "who-met-whom", "--store", store, "--format", "csv")
    assert code == 0 and "Albin Kurti" in out and out.startswith("actor,")
    code, out, _ = run(capsys, "validate", "--store", store)
    assert code == 0 and "Conforms: True" in out
    for fmt, suffix in (("turtle", "ttl"), ("trig", "trig"), ("nquads", "nq"), ("jsonld", "jsonld")):
        target = tmp_path / f"export.{suffix}"
        assert run(capsys, "export", "--store", store, "--format", fmt, "-o", target)[0] == 0
        ds = Dataset()
        ds.parse(target, format={"ttl": "turtle", "nq": "nquads", "jsonld": "json-ld"}.get(suffix, suffix))
        assert len(ds) > 100


def test_graph_file_is_read_on_its_own(tmp_path, corpus, capsys):
    run(capsys, "build", corpus, "--store", tmp_path / "store", "-o", tmp_path / "g.trig")
    code, out, _ = run(capsys, "query", "officials", "--graph", tmp_path / "g.trig", "--param", "of=Serbia")
    assert code == 0 and "Aleksandar Vucic" in out
    code, out, _ = run(capsys, "query", "members", "--graph", tmp_path / "g.trig", "--format", "json")
    assert code == 0 and json.loads(out)["head"]["vars"][0] == "organisation"
    for fmt, suffix in (("trig", "trig"), ("turtle", "ttl"), ("nquads", "nq"), ("jsonld", "jsonld")):
        assert run(capsys, "export", "--graph", tmp_path / "g.trig", "--format", fmt, "-o", tmp_path / f"x.{suffix}")[0] == 0
        assert (tmp_path / f"x.{suffix}").stat().st_size > 1000


def test_build_skips_bad_inputs_with_exit_1_and_keeps_the_rest(tmp_path, corpus, capsys):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02")
    code, _, err = run(capsys, "build", corpus, "--store", tmp_path / "store", "-q")
    assert code == 1
    assert "empty.txt: empty file" in err and "binary.txt: binary file" in err
    assert "built 1 article(s), skipped 2" in err


def test_rebuilding_replaces_an_articles_graph(tmp_path, corpus, capsys):
    store = tmp_path / "store"
    run(capsys, "build", corpus, "--store", store, "-q")
    first = run(capsys, "query", "event-sources", "--store", store, "--format", "csv")[1]
    run(capsys, "build", corpus, "--store", store, "-q")
    assert run(capsys, "query", "event-sources", "--store", store, "--format", "csv")[1] == first


@pytest.mark.parametrize("argv, message", [
    (["query", "officials", "--graph", "missing.trig"], "no such file"),
    (["query", "no-such-query", "--graph", "x.trig"], "no query named"),
    (["validate", "--graph", "broken.trig"], "not valid trig"),
    (["export", "--graph", "broken.trig", "--format", "turtle", "-o", "out.ttl"], "not valid trig"),
    (["query", "officials", "--graph", "g.weird"], "unknown graph file type"),
])
def test_errors_are_one_line_with_exit_2(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.trig").write_text("<a> <b> { oops", encoding="utf-8")
    (tmp_path / "g.weird").write_text("", encoding="utf-8")
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_validate_exits_1_on_violations(tmp_path, capsys):
    bad = tmp_path / "bad.trig"
    bad.write_text((REPO / "tests/fixtures/shapes/events-violating.ttl").read_text(), encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--graph", bad)
    assert code == 1 and "Conforms: False" in out


def test_unknown_entity_parameter_is_a_clear_error(tmp_path, corpus, capsys):
    run(capsys, "build", corpus, "--store", tmp_path / "store", "-q")
    code, _, err = run(capsys, "query", "events-timeline", "--store", tmp_path / "store", "--param", "state=Atlantis")
    assert code == 2 and "no entity is named 'Atlantis'" in err


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["build"])
    assert exit_.value.code == 2
