"""The endpoint client against a tiny local HTTP server scripted to misbehave, and the checks on answers."""
from __future__ import annotations

import json

import pytest

from ingest.errors import EndpointError
from ingest.kb.index import KnowledgeBase
from ingest.namespaces import KB_GRAPH
from ingest.store import EmbeddedStore
from ingest.wikidata.cache import AnswerCache
from ingest.wikidata.client import USER_AGENT, WikidataClient, retry_after
from ingest.wikidata.overlay import overlay_path
from ingest.wikidata.update import update_kb

from ..wikidata_server import Reply, ScriptedEndpoint

EMPTY = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": []}})


def _rows(bindings: list[dict]) -> str:
    return json.dumps({"head": {"vars": sorted({k for b in bindings for k in b})}, "results": {"bindings": bindings}})


def _uri(value):
    return {"type": "uri", "value": value}


def test_429_is_retried_after_the_pause_the_server_asks_for(tmp_path):
    with ScriptedEndpoint([Reply(429, "slow down", {"Retry-After": "1"}), Reply(200, EMPTY)]) as server:
        waits = []
        client = WikidataClient(server.url, sleep=lambda s: waits.append(s))
        assert client.select("SELECT ?x WHERE {}").rows == []
    assert waits == [1.0] and len(server.requests) == 2


def test_503_without_retry_after_backs_off_and_gives_up_with_a_clear_message():
    with ScriptedEndpoint([Reply(503, "busy")]) as server:
        waits = []
        client = WikidataClient(server.url, attempts=3, sleep=waits.append)
        with pytest.raises(EndpointError, match=r"still answering 503 Service Unavailable after 3 attempts"):
            client.select("SELECT ?x WHERE {}")
    assert waits == [1.0, 2.0] and len(server.requests) == 3


def test_a_retry_after_longer_than_we_wait_fails_at_once():
    with ScriptedEndpoint([Reply(429, "", {"Retry-After": "3600"})]) as server:
        with pytest.raises(EndpointError, match="asks to wait 3600 s"):
            WikidataClient(server.url, sleep=lambda s: None).select("SELECT ?x WHERE {}")
        assert len(server.requests) == 1


@pytest.mark.parametrize("reply, problem", [
    (Reply(500, "boom"), "EndPointInternalError"),
    (Reply(404, "nothing here"), "EndPointNotFound"),
    (Reply(200, "{not json"), "the answer is not JSON"),
    (Reply(200, json.dumps({"head": {}, "results": {}})), "not SPARQL results"),
    (Reply(200, json.dumps({"head": {}, "results": {"bindings": [{"x": {"type": "weird", "value": "1"}}]}})),
     "not a SPARQL JSON term"),
    (Reply(200, b"\xff\xfe\x00binary"), "not UTF-8"),
])
def test_an_endpoint_that_answers_wrongly_gets_a_one_line_error_naming_it(reply, problem):
    with ScriptedEndpoint([reply]) as server:
        with pytest.raises(EndpointError, match=problem) as err:
            WikidataClient(server.url).select("SELECT ?x WHERE {}")
    assert str(err.value).startswith(server.url) and "\n" not in str(err.value)


def test_no_answer_in_time_is_a_timeout():
    with ScriptedEndpoint([Reply(200, EMPTY, delay=3)]) as server:
        with pytest.raises(EndpointError, match=r"no answer within 1 s"):
            WikidataClient(server.url, timeout=1).select("SELECT ?x WHERE {}")


def test_the_user_agent_says_who_asks_and_how_to_reach_them():
    with ScriptedEndpoint([Reply(200, EMPTY)]) as server:
        WikidataClient(server.url).select("SELECT ?x WHERE {}")
    sent = server.requests[0]["user_agent"]
    assert sent == USER_AGENT and "diplokg/" in sent and "https://" in sent


def test_an_unreachable_endpoint_and_a_non_http_one_are_errors():
    with pytest.raises(EndpointError, match="cannot connect"):
        WikidataClient("http://127.0.0.1:9/sparql", timeout=2).select("SELECT ?x WHERE {}")
    with pytest.raises(EndpointError, match="http:// or https://"):
        WikidataClient("file:///etc/passwd")


def test_a_failed_answer_is_not_cached_and_a_good_one_is(tmp_path):
    cache = AnswerCache(tmp_path / "cache")
    with ScriptedEndpoint([Reply(200, "{broken"), Reply(200, EMPTY)]) as server:
        client = WikidataClient(server.url, cache=cache)
        with pytest.raises(EndpointError):
            client.select("SELECT ?x WHERE {}")
        client.select("SELECT ?x WHERE {}")
        assert client.select("SELECT ?x WHERE {}").from_cache
    assert len(server.requests) == 2


@pytest.mark.parametrize("header, seconds", [("7", 7.0), ("", None), ("soon", None),
                                             ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0)])
def test_retry_after_is_seconds_or_an_http_date(header, seconds):
    assert retry_after(header) == seconds


@pytest.fixture
def existing_kb(client, tmp_path, monkeypatch):
    """An overlay and a store written by a successful update, to be left alone by a failing one."""
    monkeypatch.setenv("DIPLOKG_KB_DIR", str(tmp_path / "kb"))
    store = EmbeddedStore(tmp_path / "store")
    update_kb(["Russia"], client, store=store)
    yield store
    store.close()


def _kb_state(store):
    count = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{KB_GRAPH}> {{ ?s ?p ?o }} }}").rows[0][0]
    return overlay_path().read_bytes(), int(count)


@pytest.mark.parametrize("replies", [
    [Reply(500, "boom")],
    [Reply(200, _rows([{"state": _uri("http://www.wikidata.org/entity/Q159"), "post": {"type": "literal",
                        "value": "HeadOfState"}, "holder": _uri("http://example.org/not-an-item"),
                        "statement": _uri("http://www.wikidata.org/entity/statement/x")}]))],
    [Reply(200, EMPTY), Reply(200, "{truncated")],  # the second query of the update fails
    [Reply(200, EMPTY, delay=3)],
])
def test_a_failed_update_leaves_the_knowledge_base_as_it_was(existing_kb, replies):
    before = _kb_state(existing_kb)
    with ScriptedEndpoint(replies) as server:
        with pytest.raises(EndpointError):
            update_kb(["Russia", "Armenia"], WikidataClient(server.url, timeout=1), store=existing_kb)
    assert _kb_state(existing_kb) == before
    assert not [p for p in overlay_path().parent.iterdir() if p.name.startswith(".")]  # no temporary left
    assert KnowledgeBase.reference().holders("HeadOfState", "https://w3id.org/diplokg/id/state/ru",
                                             __import__("datetime").date(2010, 1, 1))


def test_an_id_that_is_not_a_q_id_is_named_in_the_error():
    bad = _rows([{"state": _uri("http://www.wikidata.org/entity/P31"), "post": {"type": "literal", "value": "HeadOfState"},
                  "holder": _uri("http://www.wikidata.org/entity/Q7747"),
                  "statement": _uri("http://www.wikidata.org/entity/statement/x")}])
    with ScriptedEndpoint([Reply(200, bad)]) as server:
        with pytest.raises(EndpointError, match=r"answered '.*entity/P31' for \?state where a Wikidata item"):
            update_kb(["Russia"], WikidataClient(server.url))
