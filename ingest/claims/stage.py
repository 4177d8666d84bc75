"""Stage: casualty and displacement figures with the speaker who gives them."""
from __future__ import annotations

from bisect import bisect_left

from ..kb.index import KnowledgeBase
from ..model import Claim, DateExpression, Mention, Record, Token, by_sentence
from .figures import find_figures
from .kinds import read_coordinated, read_figure
from .speakers import Speakers

_VIOLENT_EVENTS = {"Attack", "ArmedClash", "CeasefireViolation"}


def extract_claims(record: Record, kb: KnowledgeBase) -> Record:
    """Fill `record.claims`: one claim per figure, kind and speaker; the same claim twice in one article
    (a lead repeated in the body, about the same event or none) is kept once. Figures of different
    speakers stay side by side."""
    tokens, mentions, dates = by_sentence(record.tokens), by_sentence(record.mentions), by_sentence(record.dates)
    seen = set()
    for s in record.sentences:
        in_dates = _inside_dates(tokens[s.index], dates[s.index])
        for claim in _sentence_claims(record, s.index, tokens[s.index], mentions[s.index], in_dates):
            key = (claim.kind, claim.speaker, claim.population, claim.low, claim.best, claim.high, claim.status,
                   claim.about)  # the same figure about two different events is two claims
            if key not in seen:
                seen.add(key)
                record.claims.append(claim)
    return record


def _sentence_claims(record: Record, sentence: int, tokens: list[Token], mentions: list[Mention],
                     in_dates: set[int]) -> list[Claim]:
    claims: list[Claim] = []
    speakers = Speakers(tokens, mentions)
    previous_end = None  # where the last figure that became a claim ends
    for figure in find_figures(tokens, in_dates):
        reading = read_figure(tokens, figure.start, figure.end)
        if reading is None and claims and previous_end is not None:
            reading = read_coordinated(tokens, previous_end, figure.start, figure.end, claims[-1].kind)
        if reading is None or (reading.kind is None and not claims):
            continue
        previous_end = figure.end
        if reading.kind is None:  # "about fifty of them civilians": a part of the figure before it
            whole = claims[-1]
            kind, speaker, status = whole.kind, whole.speaker, whole.status
        else:
            attribution = speakers.attribute(figure.start, reading.end)
            kind, speaker, status = reading.kind, attribution.speaker, attribution.status
        claims.append(Claim(kind, sentence, tokens[figure.start].start, tokens[reading.end - 1].end, speaker,
                            reading.population, figure.best, figure.low, figure.high, status,
                            about=_event_in(record, sentence)))
    return claims


def _inside_dates(tokens: list[Token], dates: list[DateExpression]) -> set[int]:
    """Positions of the tokens that lie inside date phrases ("12 May 2023" holds no figure)."""
    starts = [t.start for t in tokens]
    return {i for d in dates for i in range(bisect_left(starts, d.start), bisect_left(starts, d.end))}


def _event_in(record: Record, sentence: int) -> int | None:
    """The violent event the sentence reports, when there is exactly one."""
    found = [n for n, e in enumerate(record.events) if sentence in e.sentences and e.type in _VIOLENT_EVENTS]
    return found[0] if len(found) == 1 else None
