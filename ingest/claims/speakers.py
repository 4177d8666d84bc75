"""Who gives a figure, and with what epistemic status.

The speaker is the actor of the reporting verb that governs the figure: "according to X", "X said
(that) ...", "..., X said", "said X". It is read from the names stage's mentions: an actor mention (a
demonym before "officials" is one), else a state named as a modifier ("the Azerbaijani ministry said").
No reporting verb, no speaker ("The official balance is ..."). A figure that a speaker "claims", or that
comes "reportedly"/"allegedly", is Alleged; one a speaker denies is Denied; the rest Asserted.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..dates.clauses import REPORTING
from ..model import Mention, Token

SPEAKING = REPORTING | {"say", "reports", "estimated", "estimates", "counted", "recorded", "put", "puts",
                        "denied", "denies", "deny", "rejected", "dismissed", "claims", "claim"}
_ALLEGING = {"allegedly", "reportedly", "purportedly", "unconfirmed", "unverified", "claims", "claimed", "claim"}
_DENYING = {"denied", "denies", "deny", "rejected", "dismissed"}
_ACTORS = {"State", "Organisation", "Person"}
_STOPS = {";", ".", ","}
_NEAR = 6  # tokens between "according to" and its source, at most
_SUBJECT_SPAN = 12  # tokens before a reporting verb in which its subject is looked for


@dataclass(frozen=True)
class Attribution:
    speaker: str | None
    status: str


@dataclass(frozen=True)
class Placed:
    mention: Mention
    first: int  # token positions in the sentence
    last: int


class Speakers:
    """The reporting verbs, sources and actor mentions of one sentence, read once for all its figures."""

    def __init__(self, tokens: list[Token], mentions: list[Mention]):
        self.tokens = tokens
        ends = [t.end for t in tokens]
        at = lambda offset: min(bisect_right(ends, offset), len(tokens) - 1)
        self.placed = sorted((Placed(m, at(m.start), at(m.end - 1)) for m in mentions
                              if m.entity and m.cls in _ACTORS), key=lambda p: p.first)
        self._firsts = [p.first for p in self.placed]
        words = [t.text.lower() for t in tokens]
        self.verbs = [i for i, w in enumerate(words) if w in SPEAKING]
        self.alleging = [i for i, w in enumerate(words) if w in _ALLEGING]
        self.sources = [i + 2 for i in range(len(words) - 1) if words[i] == "according" and words[i + 1] == "to"]

    def attribute(self, start: int, end: int) -> Attribution:
        """The speaker and status of the figure whose phrase covers tokens [start, end) of the sentence."""
        verb = self._governing_verb(start)
        speaker = self._according_to()
        if speaker is None and verb is not None:
            speaker = self._subject(verb, start)
        if verb is not None and self.tokens[verb].text.lower() in _DENYING:
            status = "Denied"
        elif self.alleging and self.alleging[0] < end:
            status = "Alleged"
        else:
            status = "Asserted"
        return Attribution(speaker, status)

    def _governing_verb(self, figure: int) -> int | None:
        """The nearest reporting verb before the figure, else the nearest after it."""
        k = bisect_left(self.verbs, figure)
        if k > 0:
            return self.verbs[k - 1]
        return self.verbs[k] if k < len(self.verbs) else None

    def _according_to(self) -> str | None:
        for source in self.sources:
            after = self._between(source, source + _NEAR)
            if after:
                return _best(after).entity
        return None

    def _subject(self, verb: int, figure: int) -> str | None:
        """The actor just before the verb, in its clause ("Armenian officials at the region said"), else just
        after it ("..., said the ministry"), but not the figure's own noun ("said 3 Palestinians were ...")."""
        start = verb
        while start > 0 and self.tokens[start - 1].text not in _STOPS and verb - start < _SUBJECT_SPAN:
            start -= 1
        before = [p for p in self._between(start, verb - 1) if p.last < verb]
        if before:
            return _best(sorted(before, key=lambda p: verb - p.last)).entity
        after = [p for p in self._between(verb + 1, verb + 3) if verb > figure or p.last < figure]
        return _best(after).entity if after else None

    def _between(self, first: int, last: int) -> list[Placed]:
        """Mentions that start within tokens [first, last], nearest first."""
        return self.placed[bisect_left(self._firsts, first):bisect_right(self._firsts, last)]


def _best(ranked: list[Placed]) -> Mention:
    """The nearest actor mention, the longest where two start together; a state named as a modifier only
    when no actor stands near."""
    actors = [p for p in ranked if p.mention.function != "modifier"]
    if actors:
        nearest = [p for p in actors if p.first == actors[0].first]
        return max(nearest, key=lambda p: p.mention.end - p.mention.start).mention
    states = [p for p in ranked if p.mention.cls == "State"]
    return (states or ranked)[0].mention
