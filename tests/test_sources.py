from datetime import date

import pytest

from ingest.errors import InputError
from ingest.model import Article
from ingest.sources import parse_text_article, read_articles


def _read(paths):
    items = list(read_articles(paths))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def test_date_header_runs_on_into_the_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(" date 2021-03-04 The talks resumed in Vienna.\n", encoding="utf-8")
    (article,), errors = _read([f])
    assert not errors
    assert article.published == date(2021, 3, 4)
    assert article.text[article.body_start:].startswith("The talks resumed")
    assert article.source == "a.txt"


def test_date_header_may_take_a_colon():
    a = parse_text_article("Date: 2025-07-28\nThe talks resumed in Putrajaya.\n", "c.txt", "c.txt")
    assert a.published == date(2025, 7, 28) and a.text[a.body_start:].strip() == "The talks resumed in Putrajaya."
    b = parse_text_article("Update: the talks resumed.\n", "u.txt", "u.txt")  # only a date follows the word
    assert b.published is None


def test_headline_is_a_first_line_without_final_punctuation_before_a_blank_line():
    a = parse_text_article("Envoys meet in Doha\n\nThe envoys met on Monday.\n", "h.txt", "h.txt")
    assert a.title == "Envoys meet in Doha"
    b = parse_text_article("The envoys met on Monday.\n\nThey talked.\n", "h.txt", "h.txt")
    assert b.title is None


def test_jsonl_records_use_their_id_as_source(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "r1", "title": "T", "text": "Kenya hosted talks.", "date": "2022-05-01", "url": "https://x.example/1"}\n'
                 '\n{"id": "r2", "text": "Ethiopia and Eritrea signed a deal."}\n', encoding="utf-8")
    articles, errors = _read([f])
    assert [a.source for a in articles] == ["r1", "r2"]
    assert articles[0].published == date(2022, 5, 1) and articles[0].url == "https://x.example/1"
    assert not errors


@pytest.mark.parametrize("content, problem", [
    (b"", "empty file"),
    (b"   \n\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("Caf\u00e9 talks".encode("latin-1"), "not UTF-8"),
    (b"date 2020-13-45 Talks.", "is not a date"),
])
def test_bad_text_files_are_named_with_their_problem(tmp_path, content, problem):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Chad and Sudan agreed to talks.", encoding="utf-8")
    articles, errors = _read([tmp_path])
    assert [a.source for a in articles] == ["good.txt"]
    assert len(errors) == 1 and str(bad) in str(errors[0]) and problem in str(errors[0])


def test_a_bad_jsonl_line_names_the_line_and_the_rest_is_read(tmp_path):
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "ok1", "text": "Talks."}\n{not json\n{"id": "bad-date", "text": "T.", "date": "soon"}\n'
                 '{"id": "ok2", "text": "More talks."}\n', encoding="utf-8")
    articles, errors = _read([f])
    assert [a.source for a in articles] == ["ok1", "ok2"]
    assert [e.line for e in errors] == [2, 3]
    assert "not JSON" in str(errors[0]) and "'soon' is not a date" in str(errors[1])


def test_missing_paths_and_unsupported_files_are_errors_not_crashes(tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF")
    _, errors = _read([tmp_path / "nope.txt", other])
    assert ["no such file" in str(errors[0]), "unsupported file type" in str(errors[1])] == [True, True]
