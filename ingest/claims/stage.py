"""Stage: casualty and displacement figures with the speaker who gives them."""
from __future__ import annotations

from ..kb.index import KnowledgeBase
from ..model import Claim, Mention, Record, Token, by_sentence
from .figures import find_figures
from .kinds import read_figure
from .speakers import attribute

_VIOLENT_EVENTS = {"Attack", "ArmedClash", "CeasefireViolation"}


def extract_claims(record: Record, kb: KnowledgeBase) -> Record:
    """Fill `record.claims`: one claim per figure, kind and speaker; the same claim twice in one article
    (a lead repeated in the body) is kept once. Figures of different speakers stay side by side."""
    tokens, mentions = by_sentence(record.tokens), by_sentence(record.mentions)
    seen = set()
    for s in record.sentences:
        for claim in _sentence_claims(record, s.index, tokens[s.index], mentions[s.index]):
            key = (claim.kind, claim.speaker, claim.population, claim.low, claim.best, claim.high, claim.status)
            if key not in seen:
                seen.add(key)
                record.claims.append(claim)
    return record


def _sentence_claims(record: Record, sentence: int, tokens: list[Token], mentions: list[Mention]) -> list[Claim]:
    in_dates = {i for i, t in enumerate(tokens) for d in record.dates if d.start <= t.start < d.end}
    claims: list[Claim] = []
    for figure in find_figures(tokens, in_dates):
        reading = read_figure(tokens, figure.start, figure.end)
        if reading is None or (reading.kind is None and not claims):
            continue
        if reading.kind is None:  # "about fifty of them civilians": a part of the figure before it
            whole = claims[-1]
            kind, speaker, status = whole.kind, whole.speaker, whole.status
        else:
            attribution = attribute(tokens, mentions, figure.start, reading.end)
            kind, speaker, status = reading.kind, attribution.speaker, attribution.status
        claims.append(Claim(kind, sentence, tokens[figure.start].start, tokens[reading.end - 1].end, speaker,
                            reading.population, figure.best, figure.low, figure.high, status,
                            about=_event_in(record, sentence)))
    return claims


def _event_in(record: Record, sentence: int) -> int | None:
    """The violent event the sentence reports, when there is exactly one."""
    found = [n for n, e in enumerate(record.events) if sentence in e.sentences and e.type in _VIOLENT_EVENTS]
    return found[0] if len(found) == 1 else None
