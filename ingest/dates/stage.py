"""Stage: the article's anchor date, and every date phrase of its text resolved against it."""
from __future__ import annotations

from collections import defaultdict

from ..model import DateExpression, Record, by_sentence
from .anchor import infer_anchor
from .clauses import SentenceView, Span
from .find import Phrase, find_phrases
from .resolve import resolve

_ABSOLUTE = {"date", "month_year", "year", "decade"}  # resolved without the anchor


def resolve_dates(record: Record) -> Record:
    """Set `record.date` (the published day, else one the text supports) and fill `record.dates`."""
    phrases = find_phrases(record.text)
    tenses = [view.tense(Span(p.start, p.end)) for p, view in zip(phrases, _views(record, phrases))]
    anchor, inferred = record.article.published, False
    if anchor is None:
        anchor = infer_anchor(phrases, tenses)
        inferred = anchor is not None
    record.date, record.date_inferred = anchor, inferred
    for phrase, tense in zip(phrases, tenses):
        value, precision = resolve(phrase, anchor, tense)
        used_anchor = value is not None and phrase.kind not in _ABSOLUTE
        record.dates.append(DateExpression(phrase.start, phrase.end, phrase.text, record.sentence_of(phrase.start),
                                           value, precision, anchor if used_anchor else None,
                                           inferred and used_anchor))
    return record


def sentence_views(record: Record, spans: list[Span]) -> dict[int, SentenceView]:
    """One view per sentence that holds a date span, keyed by sentence index."""
    tokens = by_sentence(record.tokens)
    dates: dict[int, list[Span]] = defaultdict(list)
    for s in spans:
        dates[record.sentence_of(s.start)].append(s)
    return {n: SentenceView(tokens[n], dates[n]) for n in dates}


def _views(record: Record, phrases: list[Phrase]) -> list[SentenceView]:
    views = sentence_views(record, [Span(p.start, p.end) for p in phrases])
    return [views[record.sentence_of(p.start)] for p in phrases]
