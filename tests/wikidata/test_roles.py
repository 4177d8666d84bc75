"""Time-aware roles: "the Russian president" is whoever held the post on the article's date, once the
knowledge base has the terms (from `kb update`, against the fixture server)."""
from __future__ import annotations

from datetime import date

import pytest

from ingest.kb.index import KnowledgeBase
from ingest.namespaces import ID
from ingest.wikidata.update import update_kb

RU = str(ID["state/ru"])
PUTIN, MEDVEDEV, MISHUSTIN = (str(ID[f"person/{p}"]) for p in ("vladimir-putin", "dmitry-medvedev",
                                                                  "mikhail-mishustin"))
TEXT = "The Russian president received the envoy on Tuesday. The Russian prime minister joined them later."


@pytest.fixture
def overlay(tmp_path, monkeypatch):
    monkeypatch.setenv("DIPLOKG_KB_DIR", str(tmp_path / "kb"))


@pytest.fixture
def updated(client, overlay):
    """Russia's terms from the fixture server; requested before `run`, so the pipeline reads them."""
    update_kb(["Russia"], client)


def _described(record) -> list[str]:
    return [m.entity for m in record.mentions if m.kind == "description"]


def test_holders_differ_by_date_once_the_terms_are_known(updated):
    kb = KnowledgeBase.reference()
    assert kb.holders("HeadOfState", RU, date(2010, 1, 1)) == {MEDVEDEV}
    assert kb.holders("HeadOfState", RU, date(2003, 1, 1)) == {PUTIN}
    assert kb.holders("HeadOfState", RU, date(2020, 1, 1)) == {PUTIN}
    assert kb.holders("HeadOfGovernment", RU, date(2020, 1, 15)) == {MEDVEDEV}
    assert kb.holders("HeadOfGovernment", RU, date(2020, 1, 17)) == {MISHUSTIN}


@pytest.mark.parametrize("day, president, prime_minister", [
    ("2010-06-01", MEDVEDEV, PUTIN),
    ("2020-06-01", PUTIN, MISHUSTIN),
    ("2014-06-01", PUTIN, MEDVEDEV),
])
def test_a_description_resolves_to_the_holder_on_the_article_s_date(updated, run, day, president, prime_minister):
    assert _described(run(TEXT, day)) == [president, prime_minister]


def test_without_the_terms_a_description_is_not_resolved_to_a_person(overlay, run):
    # the bundled knowledge base has no Russian president for 2010 and no prime ministers at all
    assert MEDVEDEV not in _described(run(TEXT, "2010-06-01"))


@pytest.mark.parametrize("day, lavrov", [("2003-06-01", False), ("2020-06-01", True)])
def test_the_russian_foreign_minister_of_2003_is_not_the_one_of_2020(run, day, lavrov):
    record = run("The Russian foreign minister flew to Geneva on Monday.", day)
    assert (str(ID["person/sergey-lavrov"]) in _described(record)) is lavrov
