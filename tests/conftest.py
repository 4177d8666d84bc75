"""Shared fixtures: the reference knowledge base, a pipeline, and articles written inline."""
from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from ingest.kb.index import KnowledgeBase
from ingest.model import Article, Record
from ingest.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


def make_article(text: str, published: date | str | None = None, source: str = "test.txt") -> Article:
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(source=source, text=text, origin=source, published=published)


@pytest.fixture(scope="session", autouse=True)
def _isolated_from_user_data(tmp_path_factory):
    """Tests never read the user's `kb update` overlay, Wikidata answer cache or default store."""
    names = ("DIPLOKG_KB_DIR", "DIPLOKG_CACHE", "DIPLOKG_STORE")
    saved = {n: os.environ.get(n) for n in names}
    for n in names:
        os.environ[n] = str(tmp_path_factory.mktemp(n.lower()) / "unused")
    yield
    for n, value in saved.items():
        if value is None:
            os.environ.pop(n, None)
        else:
            os.environ[n] = value


@pytest.fixture(scope="session")
def reference_kb() -> KnowledgeBase:
    return KnowledgeBase.reference()


@pytest.fixture
def pipeline() -> Pipeline:
    """A fresh pipeline: its knowledge base copy grows only with this test's articles."""
    return Pipeline()


@pytest.fixture
def run(pipeline):
    """Run the whole pipeline over an article written inline: run(text, published=None) -> Record."""

    def _run(text: str, published: date | str | None = None, source: str = "test.txt") -> Record:
        return pipeline.run(make_article(text, published, source))

    return _run
