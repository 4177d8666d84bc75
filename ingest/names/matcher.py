"""Match a name as written against the knowledge base's names, however it is spelled.

Exact and accent/case-folded matches first; then transliteration skeletons; then fuzzy scoring of the
skeletons with rapidfuzz's token_set_ratio. Measured on the seed spellings against 255 other leaders'
names, skeletons plus token_set_ratio put true variants at >= 94.4 and other names at <= 76.9, so a link
is accepted at >= 92 with a margin of 5 over the runner-up; 80 to 92 is recorded as an unconfirmed
candidate, never as a link.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ..kb.index import KBEntity, KnowledgeBase
from .normalise import fold, skeletons

ACCEPT = 92.0
MARGIN = 5.0
REVIEW = 80.0
MIN_FUZZY_LETTERS = 5


@dataclass
class NameMatch:
    entity: str | None  # the linked IRI, when confirmed
    score: float  # 0-100
    method: str  # exact, folded, skeleton, fuzzy, none
    candidates: list[tuple[str, float]] = field(default_factory=list)  # unconfirmed (80-92)


def name_keys(name: str) -> set[str]:
    """The folded forms a name is looked up by. "The Kremlin": the article is not part of the name; and
    news drops an inner article as often as it keeps it: "Democratic Republic of (the) Congo"."""
    folded = fold(name).removeprefix("the ")
    return {folded, folded.replace(" the ", " ")} if folded else set()


class NameIndex:
    """Every name of every entity, folded and as skeletons, growing as articles introduce entities."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.folded: dict[str, set[str]] = defaultdict(set)
        self.by_skeleton: dict[str, set[str]] = defaultdict(set)
        self._choices: list[str] = []
        self._owners: list[str] = []
        self._first_words: dict[str, set[int]] = defaultdict(set)  # first folded word -> lengths in words
        for entity in kb.entities.values():
            self.add(entity)

    def add(self, entity: KBEntity) -> None:
        for name in entity.names:
            self.add_name(entity.iri, name)

    def add_name(self, iri: str, name: str) -> None:
        keys = name_keys(name)
        if not keys or all(iri in self.folded[key] for key in keys):
            return
        for key in keys:
            self.folded[key].add(iri)
            words = key.split()
            self._first_words[words[0]].add(len(words))
        for sk in skeletons(name):
            if iri not in self.by_skeleton[sk]:
                self.by_skeleton[sk].add(iri)
                self._choices.append(sk)
                self._owners.append(iri)

    def lengths_starting_with(self, word: str) -> set[int]:
        """Word counts of the names that begin with this folded word (for the gazetteer's scan)."""
        return self._first_words.get(word, set())

    def exact(self, text: str) -> set[str]:
        return set(self.folded.get(fold(text), ()))

    def match(self, text: str, classes: set[str] | None = None) -> NameMatch:
        """The entity a written name refers to, or unconfirmed candidates, or nothing."""
        allowed = lambda iris: {i for i in iris if classes is None or self._cls(i) in classes}
        found = allowed(self.exact(text))
        if found:
            return _decide({i: 100.0 for i in found}, "folded")
        sks = skeletons(text)
        found = allowed({i for sk in sks for i in self.by_skeleton.get(sk, ())})
        if found:
            return _decide({i: 99.0 for i in found}, "skeleton")
        if len(fold(text).replace(" ", "")) < MIN_FUZZY_LETTERS:
            return NameMatch(None, 0.0, "none")  # "Horn" is no misspelt "Jordan": too short to judge
        return _decide(self._fuzzy(sks, allowed), "fuzzy")

    def truncated(self, text: str, classes: set[str]) -> str | None:
        """The one entity whose name begins with this longer-than-one-word text: a name cut short."""
        key = fold(text)
        if len(key.split()) < 2:
            return None
        found = {i for name, iris in self.folded.items() if name.startswith(key + " ") for i in iris
                 if self._cls(i) in classes}
        return found.pop() if len(found) == 1 else None

    def _fuzzy(self, sks: tuple[str, ...], allowed) -> dict[str, float]:
        best: dict[str, float] = {}
        for sk in sks:
            words = len(sk.split())
            for choice, score, position in process.extract(sk, self._choices, scorer=fuzz.token_set_ratio,
                                                            score_cutoff=REVIEW, limit=25):
                # token_set_ratio scores a subset as 100 ("aliyev" in "ilham aliyev"): compare like with like
                if len(choice.split()) != words:
                    continue
                iri = self._owners[position]
                if allowed({iri}):
                    best[iri] = max(best.get(iri, 0.0), score)
        return best

    def _cls(self, iri: str) -> str | None:
        e = self.kb.get(iri)
        return e.cls if e else None


def _decide(scores: dict[str, float], method: str) -> NameMatch:
    if not scores:
        return NameMatch(None, 0.0, "none")
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    top_iri, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if top >= ACCEPT and top - runner_up >= MARGIN:
        return NameMatch(top_iri, top, method)
    return NameMatch(None, top, method, [(iri, s) for iri, s in ranked[:5] if s >= REVIEW])
