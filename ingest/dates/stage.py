"""Stage: the article's anchor date, and every date phrase of its text resolved against it."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict

from ..model import DateExpression, Record, Token
from .anchor import infer_anchor
from .clauses import SentenceView, Span
from .find import find_phrases
from .resolve import resolve

_ABSOLUTE = {"date", "month_year", "year", "decade"}  # resolved without the anchor


def resolve_dates(record: Record) -> Record:
    """Set `record.date` (the published day, else one the text supports) and fill `record.dates`."""
    phrases = find_phrases(record.text)
    spans = [Span(p.start, p.end) for p in phrases]
    sentences = [sentence_at(record, p.start) for p in phrases]
    views = sentence_views(record, spans)
    tenses = [views[n].tense(span) for n, span in zip(sentences, spans)]
    anchor, inferred = record.article.published, False
    if anchor is None:
        anchor = infer_anchor(phrases, tenses)
        inferred = anchor is not None
    record.date, record.date_inferred = anchor, inferred
    for phrase, tense, sentence in zip(phrases, tenses, sentences):
        value, precision = resolve(phrase, anchor, tense)
        used_anchor = value is not None and phrase.kind not in _ABSOLUTE
        record.dates.append(DateExpression(phrase.start, phrase.end, phrase.text, sentence, value, precision,
                                           anchor if used_anchor else None, inferred and used_anchor))
    return record


def sentence_at(record: Record, offset: int) -> int:
    """The sentence that holds an offset (as Record.sentence_of, by bisection: sentences are in order)."""
    if not record.sentences:
        return 0
    k = max(0, bisect_right(record.sentences, offset, key=lambda s: s.start) - 1)
    return record.sentences[k].index


def sentence_tokens(record: Record, sentence: int) -> list[Token]:
    """The tokens of one sentence, found by bisection (tokens are in text order)."""
    if not 0 <= sentence < len(record.sentences):
        return []
    s = record.sentences[sentence]
    first = bisect_left(record.tokens, s.start, key=lambda t: t.start)
    last = bisect_left(record.tokens, s.end, key=lambda t: t.start)
    return record.tokens[first:last]


def sentence_views(record: Record, spans: list[Span]) -> dict[int, SentenceView]:
    """One view per sentence that holds a date span, keyed by sentence index."""
    dates: dict[int, list[Span]] = defaultdict(list)
    for s in spans:
        dates[sentence_at(record, s.start)].append(s)
    return {n: SentenceView(sentence_tokens(record, n), dates[n]) for n in dates}
