"""Fixtures of the Wikidata tests: a real Oxigraph server with a slice of Wikidata, and clients of it."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.wikidata.cache import AnswerCache
from ingest.wikidata.client import WikidataClient

from ..servers import OxigraphServer

ITEMS = Path(__file__).resolve().parent.parent / "fixtures" / "wikidata" / "items.ttl"


@pytest.fixture(scope="session")
def wikidata_endpoint(tmp_path_factory):
    """The query URL of an Oxigraph server on 127.0.0.1 holding tests/fixtures/wikidata/items.ttl."""
    with OxigraphServer(tmp_path_factory.mktemp("wikidata-server") / "store", preload=ITEMS) as server:
        yield server.url + "/query"


@pytest.fixture
def client(wikidata_endpoint, tmp_path):
    return WikidataClient(wikidata_endpoint, cache=AnswerCache(tmp_path / "cache"), timeout=10)
