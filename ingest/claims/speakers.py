"""Who gives a figure, and with what epistemic status.

The speaker is the actor of the reporting verb that governs the figure: "according to X", "X said
(that) ...", "..., X said", "said X". It is read from the names stage's mentions: an actor mention (a
demonym before "officials" is one), else a state named as a modifier ("the Azerbaijani ministry said").
No reporting verb, no speaker ("The official balance is ..."). A figure that a speaker "claims", or that
comes "reportedly"/"allegedly", is Alleged; one a speaker denies is Denied; the rest Asserted.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..dates.clauses import REPORTING
from ..model import Mention, Token

SPEAKING = REPORTING | {"say", "reports", "estimated", "estimates", "counted", "recorded", "put", "puts",
                        "denied", "denies", "deny", "rejected", "dismissed", "claims", "claim"}
_ALLEGING = {"allegedly", "reportedly", "purportedly", "unconfirmed", "unverified", "claims", "claimed", "claim"}
_DENYING = {"denied", "denies", "deny", "rejected", "dismissed"}
_ACTORS = {"State", "Organisation", "Person"}
_STOPS = {";", "."}
_NEAR = 6  # tokens between a reporting verb and its speaker, at most


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    status: str


def attribute(tokens: list[Token], mentions: list[Mention], start: int, end: int) -> Attribution:
    """The speaker and status of the figure whose phrase covers tokens [start, end) of the sentence."""
    placed = [(m, _token_index(tokens, m.start), _token_index(tokens, m.end - 1)) for m in mentions
              if m.entity and m.cls in _ACTORS]
    verb = _governing_verb(tokens, start)
    speaker = _according_to(tokens, placed)
    if speaker is None and verb is not None:
        speaker = _subject(tokens, placed, verb)
    words = {t.text.lower() for t in tokens[:end]}
    verb_word = tokens[verb].text.lower() if verb is not None else None
    if verb_word in _DENYING:
        status = "Denied"
    elif words & _ALLEGING:
        status = "Alleged"
    else:
        status = "Asserted"
    return Attribution(speaker, status)


def _token_index(tokens: list[Token], offset: int) -> int:
    for i, t in enumerate(tokens):
        if offset < t.end:
            return i
    return len(tokens) - 1


def _governing_verb(tokens: list[Token], figure: int) -> int | None:
    """The nearest reporting verb before the figure, else the nearest after it."""
    before = [i for i in range(figure) if tokens[i].text.lower() in SPEAKING]
    if before:
        return before[-1]
    after = [i for i in range(figure, len(tokens)) if tokens[i].text.lower() in SPEAKING]
    return after[0] if after else None


def _according_to(tokens: list[Token], placed) -> str | None:
    for i in range(len(tokens) - 1):
        if tokens[i].text.lower() == "according" and tokens[i + 1].text.lower() == "to":
            after = [(first, m) for m, first, _ in placed if i + 2 <= first <= i + 2 + _NEAR]
            if after:
                return _best(sorted(after, key=lambda a: a[0])).entity
    return None


def _subject(tokens: list[Token], placed, verb: int) -> str | None:
    """The actor just before the verb, in its clause ("Armenian officials at the region said"), else just
    after it ("said the ministry")."""
    clause_start = verb
    while clause_start > 0 and tokens[clause_start - 1].text not in _STOPS | {","} and verb - clause_start < 12:
        clause_start -= 1
    before = [(verb - last, m) for m, first, last in placed if clause_start <= first and last < verb]
    if before:
        return _best(sorted(before, key=lambda a: a[0])).entity
    after = [(first - verb, m) for m, first, _ in placed if verb < first <= verb + 3]
    if after:
        return _best(sorted(after, key=lambda a: a[0])).entity
    return None


def _best(ranked: list[tuple[int, Mention]]) -> Mention:
    """The nearest actor mention; a state named as a modifier only when no actor stands near."""
    actors = [m for _, m in ranked if m.function != "modifier"]
    if actors:
        return max((m for m in actors if _distance(ranked, m) == _distance(ranked, actors[0])),
                   key=lambda m: m.end - m.start)
    states = [m for _, m in ranked if m.cls == "State"]
    return states[0] if states else ranked[0][1]


def _distance(ranked: list[tuple[int, Mention]], mention: Mention) -> int:
    return next(d for d, m in ranked if m is mention)
