"""Stage: the article's anchor date, and every date expression of its text resolved against it."""
from __future__ import annotations

from .model import Record


def resolve_dates(record: Record) -> Record:
    record.date = record.article.published
    return record


def date_for(record: Record, sentence: int, start: int, end: int):
    """The date expression that dates an event whose trigger is at [start, end) in a sentence, or None."""
    return None
