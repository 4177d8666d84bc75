"""Stage: one node per real-world event, within an article and across articles.

Two reports are one event when their types are compatible (the same, or both consultations), their dates
agree (the same day, or at least one undated), and they share a participant (a unit such as the Minsk
Group overlaps its parent, the OSCE) or name the same place. Within an article all such reports become
one event with every sentence as provenance; across articles the event keeps the IRI of the first
article that reported it, so that each article's graph writes statements about the same node and
re-building one article replaces only that article's statements.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..kb.index import KnowledgeBase
from ..model import Event, Participant, Record
from ..namespaces import ID, digest

# Types that may name the same real event: consultations are reported as meetings, talks or mediation.
FAMILY = {"Meeting": "consult", "Talks": "consult", "Mediation": "consult", "Visit": "consult",
          "CeasefireAgreement": "truce", "Agreement": "agreement"}
# When reports of one event differ in type, the node takes the most specific.
SPECIFICITY = ["Talks", "Mediation", "Visit", "Meeting"]
ROLE_PRIORITY = ["mediator", "host", "initiator", "target", "party", "participant"]
STATUS_PRIORITY = ["Alleged", "Denied", "Asserted", "Planned"]


def family(event_type: str) -> str:
    return FAMILY.get(event_type, event_type)


def _day(event: Event) -> date | None:
    return event.date.value if event.date is not None and event.date.precision == "day" else None


@dataclass(frozen=True)
class Signature:
    """What the index keeps of an event to recognise it in another article."""

    iri: str
    type: str
    day: date | None
    place: str | None
    actors: frozenset[str]
    source: str
    roles: tuple[tuple[str, str], ...] = ()


@dataclass
class EventIndex:
    kb: KnowledgeBase | None = None
    entries: list[Signature] = field(default_factory=list)

    def merge(self, record: Record) -> Record:
        record.events = dedupe(record.events, self._expand)
        self.entries = [s for s in self.entries if s.source != record.article.source]
        taken: set[str] = set()
        for e in record.events:
            match = self._best(e, record.article.source, taken)
            if match is not None:
                e.iri, e.type = match.iri, match.type
            else:
                e.iri = self._mint(e, record.article.source, taken)
            taken.add(e.iri)
            self.entries.append(_signature(e, self._expand(e), record.article.source))
        return record

    def _expand(self, event: Event) -> frozenset[str]:
        """Participants and the organisations they are units of."""
        out = set()
        for p in event.participants:
            out.add(p.entity)
            entity = self.kb.get(p.entity) if self.kb else None
            if entity is not None and entity.unit_of:
                out.add(entity.unit_of)
        return frozenset(out)

    def _best(self, e: Event, source: str, taken: set[str]) -> Signature | None:
        actors, day = self._expand(e), _day(e)
        scored = []
        for s in self.entries:
            if s.source == source or s.iri in taken or not _compatible(_signature(e, actors, source), s):
                continue
            scored.append(((len(actors & s.actors), s.day == day, s.place == e.place), s.iri, s))
        return max(scored, key=lambda x: (x[0], x[1]))[2] if scored else None

    def _mint(self, e: Event, source: str, taken: set[str]) -> str:
        key = (source, family(e.type), _day(e), e.place, tuple(sorted(p.entity for p in e.participants)))
        n = 0
        while (iri := str(ID[f"event/{digest(*key, n)}"])) in taken:
            n += 1
        return iri


def _signature(e: Event, actors: frozenset[str], source: str, iri: str = "") -> Signature:
    return Signature(iri or e.iri or "", e.type, _day(e), e.place, actors, source,
                     tuple((p.entity, p.role) for p in e.participants))


def _compatible(a: Signature, s: Signature) -> bool:
    """Compatible types and dates, no two different places, and enough shared participants.

    With two or more participants on both sides, two must be shared ("Putin and Aliyev" is not "Putin
    and Macron"); a shared participant must play a like role (who accuses is not who is accused)."""
    if family(a.type) != family(s.type):
        return False
    if a.day is not None and s.day is not None and a.day != s.day:
        return False
    if a.place is not None and s.place is not None and a.place != s.place:
        return False
    shared = a.actors & s.actors
    mine, theirs = dict(a.roles), dict(s.roles)
    if any({mine.get(x), theirs.get(x)} == {"initiator", "target"} for x in shared):
        return False
    if shared:
        return len(shared) >= min(2, len(a.actors), len(s.actors))
    return a.place is not None and a.place == s.place


def dedupe(events: list[Event], expand) -> list[Event]:
    """Reports of one event within an article become one event, with every sentence as provenance."""
    out: list[Event] = []
    for e in events:
        if not e.participants and e.place is None:
            # "the meeting", "the fighting" with nothing to tell them apart: the one just reported, or none
            previous = next((k for k in reversed(out) if family(k.type) == family(e.type)), None)
            if previous is not None:
                _absorb(previous, e)
            continue
        same = next((k for k in out if _compatible(_signature(e, expand(e), ""), _signature(k, expand(k), ""))), None)
        if same is None:
            out.append(e)
        else:
            _absorb(same, e)
    return out


def _absorb(into: Event, other: Event) -> None:
    into.sentences = sorted(set(into.sentences) | set(other.sentences))
    if SPECIFICITY.index(other.type) < SPECIFICITY.index(into.type) if other.type in SPECIFICITY and into.type in SPECIFICITY else False:
        into.type = other.type
    if _day(into) is None and _day(other) is not None:
        into.date = other.date
    into.place = into.place or other.place
    into.status = min((into.status, other.status), key=STATUS_PRIORITY.index)
    roles = {p.entity: p.role for p in into.participants}
    for p in other.participants:
        if p.entity not in roles or ROLE_PRIORITY.index(p.role) < ROLE_PRIORITY.index(roles[p.entity]):
            roles[p.entity] = p.role
    into.participants = [Participant(entity, role) for entity, role in roles.items()]
