"""The event taxonomy as the extractor reads it: trigger patterns and role frames from event-types.ttl.

Pattern syntax (documented in ontology/event-types.ttl): tokens separated by spaces; a token is a lemma
or several joined by '|'; a hyphenated word matches its parts ('cease-fire' = 'cease - fire'); '...'
is a gap of zero to six tokens (the words of a date not counted). A token matches a word whose lemma or
lower-cased form equals it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from ..dates.clauses import verb_like
from ..model import Token
from ..namespaces import DKG, local_name

GAP = None
MAX_GAP = 6


@dataclass(frozen=True)
class EventTypeInfo:
    name: str
    subject_role: str
    object_role: str
    between_role: str
    broader: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pattern:
    event_type: str
    text: str
    # each element: None for a gap, else the alternatives, each a tuple of words ('cease', '-', 'fire')
    elements: tuple[tuple[tuple[str, ...], ...] | None, ...]

    @property
    def weight(self) -> int:
        return sum(max(len(a) for a in e) for e in self.elements if e is not GAP)


@dataclass(frozen=True)
class TriggerMatch:
    event_type: str
    start: int  # token positions in the sentence, end exclusive
    end: int
    head: int  # the first concrete token: where roles are read from
    pattern: Pattern


def compile_pattern(event_type: str, text: str) -> Pattern:
    elements = []
    for part in text.lower().split():
        if part == "...":
            elements.append(GAP)
            continue
        alternatives = []
        for alt in part.split("|"):
            words = []
            for k, piece in enumerate(alt.split("-")):
                if k:
                    words.append("-")
                if piece:
                    words.append(piece)
            alternatives.append(tuple(words))
        elements.append(tuple(alternatives))
    while elements and elements[0] is GAP:
        elements.pop(0)
    while elements and elements[-1] is GAP:
        elements.pop()
    return Pattern(event_type, text, tuple(elements))


class Lexicon:
    def __init__(self, types: dict[str, EventTypeInfo], patterns: list[Pattern]):
        self.types = types
        self.patterns = sorted(patterns, key=lambda p: -p.weight)
        self._by_first: dict[str, list[Pattern]] = {}
        for p in self.patterns:
            first = next(e for e in p.elements if e is not GAP)
            for alt in first:
                self._by_first.setdefault(alt[0], []).append(p)

    @classmethod
    def from_graph(cls, g: Graph) -> "Lexicon":
        types, patterns = {}, []
        role = lambda t, p, default: local_name(v) if (v := g.value(t, p)) is not None else default
        for t in g.subjects(RDF.type, DKG.EventType):
            name = local_name(t)
            types[name] = EventTypeInfo(name, role(t, DKG.subjectRole, "initiator"), role(t, DKG.objectRole, "target"),
                                        role(t, DKG.betweenRole, "party"),
                                        tuple(sorted(local_name(b) for b in g.objects(t, SKOS.broader))))
            patterns.extend(compile_pattern(name, str(p)) for p in g.objects(t, DKG.triggerPattern))
        return cls(types, patterns)

    @classmethod
    @cache
    def bundled(cls) -> "Lexicon":
        from ..kb.index import ontology_graph

        return cls.from_graph(ontology_graph())

    def find(self, tokens: list[Token], free: frozenset[int] | set[int] = frozenset(),
             inside: frozenset[int] | set[int] = frozenset()) -> list[TriggerMatch]:
        """Every pattern match in a sentence, then the heaviest of overlapping ones. Tokens in `free` (a
        date: "agreed on Saturday to a full ceasefire") do not count toward a gap's length; no match starts
        at a token `inside` a name ("Line of Contact"; "drones attacked" in "Ukrainian drones attacked"
        leaves "attacked" to match)."""
        found = []
        for i, tok in enumerate(tokens):
            if i in inside:
                continue
            for key in {tok.lemma, tok.text.lower()}:
                for p in self._by_first.get(key, ()):
                    end = _match(p.elements, tokens, i, free)
                    if end is not None:
                        found.append(TriggerMatch(p.event_type, i, end, i, p))
        found.sort(key=lambda m: (-m.pattern.weight, m.end - m.start, m.start))
        kept: list[TriggerMatch] = []
        for m in found:
            if all(m.end <= k.start or m.start >= k.end for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)


_QUOTES = {'"', "“", "”", "«", "»", "‘", "’", "'"}


def _word_matches(tok: Token, word: str) -> bool:
    return tok.lemma == word or tok.text.lower() == word


def _skip_quotes(tokens: list[Token], i: int) -> int:
    """Quotation marks inside a phrase do not break it: to hold “consultations”."""
    while i < len(tokens) and tokens[i].text in _QUOTES:
        i += 1
    return i


def _match(elements, tokens: list[Token], i: int, free=frozenset()) -> int | None:
    """The end of a match of `elements` starting at token i, or None (the shortest match)."""
    if not elements:
        return i
    head, rest = elements[0], elements[1:]
    if head is GAP:
        counted, j = 0, i
        while j <= len(tokens) and counted <= MAX_GAP:
            end = _match(rest, tokens, j, free)
            if end is not None:
                return end
            if j + 1 < len(tokens) and tokens[j].text.lower() in ("and", "but") and verb_like(tokens[j + 1]):
                return None  # "denied firing first and accused X of shelling": a new verb, not the phrase's words
            counted += j not in free
            j += 1
        return None
    j = _skip_quotes(tokens, i)
    for alt in head:
        if j + len(alt) <= len(tokens) and all(_word_matches(tokens[j + k], w) for k, w in enumerate(alt)):
            end = _match(rest, tokens, j + len(alt), free)
            if end is not None:
                return end if rest else j + len(alt)
    return None
