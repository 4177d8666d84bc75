"""Stage: one node per real-world event, within an article and across articles.

Two reports are one event when their types are compatible (the same, or both consultations), their dates
agree (the same day, or at least one undated), and they share a participant (a unit such as the Minsk
Group overlaps its parent, the OSCE) or name the same place. Within an article all such reports become
one event with every sentence as provenance; across articles the event keeps the IRI of the first
article that reported it, so that each article's graph writes statements about the same node and
re-building one article replaces only that article's statements.
"""
from __future__ import annotations

from collections import defaultdict
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
# One article's status of an event it reports more than once: what the article itself states as fact wins
# over what a party alleges (the allegation and any denial are events of their own), an allegation over a
# denial (contested either way), anything over a plan.
STATUS_PRIORITY = ["Asserted", "Alleged", "Denied", "Planned"]


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
    actors: frozenset[tuple[str, str]]  # (participant, the side it stands for)
    source: str
    roles: tuple[tuple[str, str], ...] = ()


@dataclass
class EventIndex:
    """The reports of every article built so far, found by what a new report could share with them (its
    family of type with a participant, the side it stands for, or its place), so that merging one article
    looks at its likely matches, not at the whole corpus."""

    kb: KnowledgeBase | None = None
    _by_source: dict[str, list[Signature]] = field(default_factory=dict)
    # ordered sets (dicts with no values): forgetting an article's reports stays cheap on busy keys,
    # and candidates come in the order they were added
    _by_iri: dict[str, dict[Signature, None]] = field(default_factory=lambda: defaultdict(dict))
    _by_key: dict[tuple, dict[Signature, None]] = field(default_factory=lambda: defaultdict(dict))
    _local: dict[str, str] = field(default_factory=dict)  # the current article's people and their states

    def add(self, s: Signature) -> None:
        self._by_source.setdefault(s.source, []).append(s)
        self._by_iri[s.iri][s] = None
        for key in _keys(s):
            self._by_key[key][s] = None

    def _forget(self, source: str) -> None:
        for s in self._by_source.pop(source, []):
            self._by_iri[s.iri].pop(s, None)
            for key in _keys(s):
                self._by_key[key].pop(s, None)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_source.values())

    def merge(self, record: Record) -> Record:
        # who a person stands for comes from this article's own posts and the reference KB, never from other
        # articles built before: an article's signatures must not depend on the order of a build
        self._local = {p.person: self.kb.state_of(p.of) or p.of if self.kb else p.of for p in record.posts}
        record.events = dedupe(record.events, self._expand)
        source = record.article.source
        # each known event takes the report of this article that fits it best, best fits first; an event this
        # article reported before keeps its IRI, so that re-building an article changes nothing else
        pairs = sorted(((score, n, s) for n, e in enumerate(record.events) for score, s in self._fits(e, source)),
                       key=lambda x: (x[0], -x[1], x[2].iri), reverse=True)
        matched: dict[int, Signature] = {}
        for _, n, s in pairs:
            if n not in matched and s.iri not in {m.iri for m in matched.values()}:
                matched[n] = s
        taken = {s.iri for s in matched.values()}
        for n, e in enumerate(record.events):
            if n in matched:
                e.iri, e.type = matched[n].iri, matched[n].type
            else:
                e.iri = self._mint(e, source, taken)
                taken.add(e.iri)
        self._forget(source)
        for e in record.events:
            self.add(_signature(e, self._expand(e), source))
        return record

    def _expand(self, event: Event) -> frozenset[tuple[str, str]]:
        """Participants with the side each stands for: a minister the state whose post he holds, a ministry
        its state, a unit such as the Minsk Group its parent, the OSCE."""
        return frozenset((p.entity, self.side(p.entity, _day(event), self._local)) for p in event.participants)

    def side(self, iri: str, day: date | None, local: dict[str, str] | None = None) -> str:
        if self.kb is None:
            return iri
        entity = self.kb.get(iri)
        if entity is not None and entity.unit_of:
            return entity.unit_of
        if local and iri in local:
            return local[iri]
        states = {t.of for t in self.kb.posts_of(iri, day, attested=False)} \
            if entity is not None and entity.cls == "Person" else set()
        state = self.kb.state_of(iri) or (states.pop() if len(states) == 1 else None)
        return state or iri

    def _fits(self, e: Event, source: str):
        """Known events this report may be, each with how well it fits: first its own earlier report (a
        re-build), then the same day, the participants shared, the same place."""
        actors, day = self._expand(e), _day(e)
        mine = _signature(e, actors, source)
        best: dict[str, tuple] = {}
        vetoed: set[str] = set()
        # every report of every node that could fit: a node is vetoed by any of its reports
        iris = {s.iri for key in _wanted(mine) for s in self._by_key.get(key, ())} | \
            {s.iri for s in self._by_source.get(source, ())}
        for s in (s for iri in sorted(iris) for s in self._by_iri[iri]):
            own = s.source == source
            if not own and _conflicts(mine, s):
                vetoed.add(s.iri)  # a node is one event: a report of another day or place elsewhere rules it out
            elif (own and _same_report(mine, s)) or (not own and _compatible(mine, s)):
                score = (own, day is not None and s.day == day, _shared(actors, s.actors), s.place == e.place)
                if s.iri not in best or score > best[s.iri][0]:
                    best[s.iri] = (score, s)
        return [fit for iri, fit in best.items() if iri not in vetoed or fit[0][0]]

    def _mint(self, e: Event, source: str, taken: set[str]) -> str:
        key = (source, family(e.type), _day(e), e.place, tuple(sorted(p.entity for p in e.participants)))
        n = 0
        while (iri := str(ID[f"event/{digest(*key, n)}"])) in taken:
            n += 1
        return iri


_ANY_DAY = "*"


def _shared_things(s: Signature) -> set[tuple[str, str]]:
    """What another report must share with this one to be the same event: the family of its type with a
    participant or the side one stands for, or with its place (see _compatible and _shared)."""
    fam = family(s.type)
    return {(fam, x) for actor in s.actors for x in actor} | ({(fam, "@" + s.place)} if s.place else set())


def _keys(s: Signature) -> set[tuple]:
    """Where a report is kept: under each thing it shares, on its day and on any day."""
    return {(*thing, day) for thing in _shared_things(s) for day in (s.day, _ANY_DAY)}


def _wanted(s: Signature) -> set[tuple]:
    """Where a report's matches are kept: a dated report matches reports of its day or undated ones."""
    days = (s.day, None) if s.day is not None else (_ANY_DAY,)
    return {(*thing, day) for thing in _shared_things(s) for day in days}


def _conflicts(a: Signature, s: Signature) -> bool:
    """Two reports that cannot be one event: different days, or different places."""
    return (a.day is not None and s.day is not None and a.day != s.day) or \
        (a.place is not None and s.place is not None and a.place != s.place)


def _same_report(a: Signature, s: Signature) -> bool:
    """The article's own earlier report of this event: same day, place and participants in the same roles,
    and a type of the same family (the node kept the type of the event it joined)."""
    return (family(a.type), a.day, a.place, set(a.roles)) == (family(s.type), s.day, s.place, set(s.roles))


def _signature(e: Event, actors: frozenset[str], source: str, iri: str = "") -> Signature:
    return Signature(iri or e.iri or "", e.type, _day(e), e.place, actors, source,
                     tuple((p.entity, p.role) for p in e.participants))


def _compatible(a: Signature, s: Signature) -> bool:
    """Compatible types and dates, no two different places, and enough shared participants.

    With two or more participants on both sides, two must be shared ("Putin and Aliyev" is not "Putin
    and Macron"); a shared participant must play a like role (who accuses is not who is accused)."""
    if family(a.type) != family(s.type) and not _joint_statement(a, s):
        return False
    if a.day is not None and s.day is not None and a.day != s.day:
        return False
    if a.place is not None and s.place is not None and a.place != s.place:
        return False
    mine, theirs = dict(a.roles), dict(s.roles)
    if any({mine.get(x), theirs.get(x)} == {"initiator", "target"} for x in mine.keys() & theirs.keys()):
        return False
    if (brokers := _sides_in_role(a, "mediator")) and (others := _sides_in_role(s, "mediator")) and \
            not brokers & others:
        return False  # talks Qatar mediates are not the talks Angola mediated
    if a.type in _SPEECH_ACTS and a.source != s.source and (a.day is None or s.day is None):
        return False  # leaders repeat their demands: statements of two articles are one only on one day
    shared = _shared(a.actors, s.actors, by_side=min(len(a.actors), len(s.actors)) >= 3)
    same_day_and_place = a.day is not None and a.day == s.day and a.place is not None and a.place == s.place
    if shared:
        return shared >= (1 if same_day_and_place else min(2, len(a.actors), len(s.actors)))
    return a.place is not None and a.place == s.place


def _shared(mine: frozenset[tuple[str, str]], theirs: frozenset[tuple[str, str]], by_side: bool = False) -> int:
    """Participants of one report found in the other: the same entity, or an entity and the side it
    stands for (Lavrov and Russia; not Lavrov and Putin). At a multilateral meeting the delegations
    count, not who speaks for them: there two envoys of one state are one side (`by_side`)."""
    return sum(any(x == y or x == ys or xs == y or (by_side and xs == ys) for y, ys in theirs) for x, xs in mine)


_SPEECH_ACTS = {"Statement", "CallForCeasefire", "Condemnation", "Accusation", "Demand", "Threat"}


def _sides_in_role(sig: Signature, role: str) -> set[str]:
    roles = dict(sig.roles)
    return {side for entity, side in sig.actors if roles.get(entity) == role}


def _joint_statement(a: Signature, s: Signature) -> bool:
    """One joint statement may call for a ceasefire and condemn: the same two or more authors (who speak,
    not whom they address: "Congo accused Rwanda" is no joint statement of Congo's and Rwanda's)."""
    authors = _sides_in_role(a, "initiator")
    return (a.type in _SPEECH_ACTS and s.type in _SPEECH_ACTS and len(authors) >= 2
            and authors == _sides_in_role(s, "initiator") and a.source == s.source)


def dedupe(events: list[Event], expand) -> list[Event]:
    """Reports of one event within an article become one event, with every sentence as provenance.

    Repeated until nothing changes: a report that fits only once another has given a place still joins."""
    while True:
        merged = _dedupe_once(events, expand)
        if len(merged) == len(events):
            return merged
        events = merged


def _dedupe_once(events: list[Event], expand) -> list[Event]:
    out: list[Event] = []
    for e in events:
        if not e.participants and e.place is None:
            # "the meeting", "the fighting" with nothing to tell them apart: the one just reported, or none
            previous = next((k for k in reversed(out) if family(k.type) == family(e.type)), None)
            if previous is not None:
                _absorb(previous, e)
            continue
        same = next((k for k in out if _plan_and_report_fit(e, k) and
                     _compatible(_signature(e, expand(e), ""), _signature(k, expand(k), ""))), None)
        if same is None:
            out.append(e)
        else:
            _absorb(same, e)
    return out


def _plan_and_report_fit(a: Event, b: Event) -> bool:
    """Within one article, a planned event and one reported otherwise are one when they share the day or
    the place ("invited to Moscow for talks on Friday", "the talks in Moscow"), or when the plan has a day
    or a place and the other report neither ("a meeting between them"); two such reports without either
    stay apart ("after years of talks ... Modi is expected to meet Xi")."""
    if (a.status == "Planned") == (b.status == "Planned"):
        return True
    if (_day(a) is not None and _day(a) == _day(b)) or (a.place is not None and a.place == b.place):
        return True
    plan, other = (a, b) if a.status == "Planned" else (b, a)
    vague = lambda e: _day(e) is None and e.place is None
    return not vague(plan) and vague(other)


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
