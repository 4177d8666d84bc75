"""Stage: events from trigger patterns, with participants in roles, a place, a date and a status."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from ..dates import date_for
from ..kb.index import KnowledgeBase
from ..model import Event, Participant, Record, by_sentence
from ..sentence import SentenceView
from .embedding import CONSULTATIONS, SPEECH_ACTS, Found, relate, time_adjunct
from .lexicon import Lexicon
from .modality import status_of
from .roles import participants, read_frame, unnamed_subject

# Events whose sides the text often leaves to the context: "the clashes that broke out on Sunday".
DYADIC = {"ArmedClash", "CeasefireViolation", "CeasefireAgreement"}


class EventDetector:
    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None):
        self.kb = kb
        self.lexicon = lexicon or Lexicon.bundled()

    def __call__(self, record: Record) -> Record:
        tokens, mentions = by_sentence(record.tokens), by_sentence(record.mentions)
        dates = {(t.sentence, i) for d in record.dates for i, t in enumerate(tokens[d.sentence])
                 if d.start <= t.start < d.end}
        for s in record.sentences:
            view = SentenceView(tokens[s.index], mentions[s.index], {i for si, i in dates if si == s.index})
            found = self._sentence(view, s.index)
            _brokered_deals(view, found, record.events)
            relate(view, found, side=lambda iri: self.kb.state_of(iri) or iri)
            _talks_that_led_to_a_deal(view, found)
            for f in found:  # after relate(): "denied that its forces had shelled ..." knows the attacker then
                self._struck_target(view, f.end, f.event)
            for f in found:
                f.event.date = date_for(record, s.index, f.event.start, f.event.end, speech=f.event.type in SPEECH_ACTS)
            for f in found:
                if f.reported_in is not None and _dates_the_report(f.event.date, f.reported_in.event):
                    f.event.date = None  # "Russia on Monday accused Ukraine of shelling": Monday is the accusation's
                if _dated_from_outside_its_adjunct(view, f):
                    f.event.date = None  # "agreed on Monday to a truce after five days of clashes"
                if f.keep:
                    record.events.extend(_bilateral(f.event))
        _default_sides(record, self.kb)
        return record

    def _sentence(self, view: SentenceView, index: int) -> list[Found]:
        found, claimed = [], None
        inside = {k for k, slot in view.covered.items() if slot.mention.kind in ("name", "alias") and slot.start < k}
        for match in self.lexicon.find(view.tokens, view.dates, inside):  # in the order of the sentence
            if _describes(view, match.start):
                continue  # "Qatar, which mediates between them": what an actor does, not an event
            status = status_of(view, match.start, match.end)
            if status is None:
                continue  # negated or hypothetical: not an event the text asserts
            frame = read_frame(view, match, claimed)
            claimed = frame.place or claimed
            if frame.planned and status == "Asserted":
                status = "Planned"
            if match.event_type == "Mediation" and (mediators := _mediators_after(view, match)):
                frame.subject, frame.object, frame.passive = mediators, [], True
            event_type = _brokered_outcome(view, match)
            info = self.lexicon.types[event_type]
            event = Event(event_type, view.tokens[match.start].start, view.tokens[match.end - 1].end, [index],
                          participants(frame, info), frame.place, status=status)
            if event_type != match.event_type:  # "Putin mediated a truce": the truce, with Putin mediating
                for p in event.participants:
                    p.role = "mediator" if p.role == "party" and p.entity in {s.entity for s in frame.subject} else p.role
            _consultation_sides(event)
            purpose = any(w in ("for", "to") for w in view.words[max(0, match.start - 3):match.start])
            own_subject = bool((frame.subject and not frame.shared) or frame.author) or \
                unnamed_subject(view, match.start)
            found.append(Found(event, match.start, match.end, own_subject,
                               passive=frame.passive, lemma=view.lemmas[match.start], purpose=purpose,
                               subjects=[] if frame.passive else [s.entity for s in frame.subject]))
        return found

    def _struck_target(self, view: SentenceView, end: int, event: Event) -> None:
        """"Russian missiles struck Kyiv", "strikes on Beirut", "shelled Afghan border posts", "struck targets in
        Yemen": an attack on a capital, on what a state adjective qualifies or in a state is aimed at that state,
        unless it is the attacker's own (a crackdown) or the attacker is unknown ("rebels shelled Khartoum")."""
        attackers = {self.kb.state_of(p.entity) or p.entity for p in event.participants if p.role == "initiator"}
        if event.type != "Attack" or not attackers or any(p.role == "target" for p in event.participants):
            return
        k = end + (end < len(view.words) and view.words[end] in ("at", "on", "against", "into"))
        while k < len(view.words) and (view.words[k] in _QUANTIFIERS or view.words[k].isdigit()):
            k += 1  # "shelled the Armenian positions", "struck two Russian refineries"
        slot = view.slots.get(k)
        state = None
        if slot is not None and view.place_at(k) is not None:
            state = self.kb.capitals.get(slot.entity)
        elif slot is not None and slot.mention.kind == "demonym" and slot.mention.function == "modifier":
            state = slot.entity  # "shelled Afghan border posts": what belongs to a state is aimed at it
        if state is None and event.place is not None and (venue := self.kb.get(event.place)) and venue.cls == "State":
            state = event.place  # "Israel struck targets in Yemen": an attack in another state is on it
        if state is not None and state not in attackers:
            event.participants.append(Participant(state, "target"))


def _talks_that_led_to_a_deal(view: SentenceView, found: list[Found]) -> None:
    """"X and Y agreed to a truce after talks in Z (mediated by W)": the sides of the deal are the sides
    of the talks that led to it, when the talks name none of their own."""
    deals = [f for f in found if f.event.type in ("CeasefireAgreement", "Agreement")]
    for f in found:
        if f.event.type not in CONSULTATIONS or any(p.role == "party" for p in f.event.participants):
            continue
        k = time_adjunct(view, f.start)
        if k is None or view.words[k] not in ("after", "following"):
            continue
        deal = next((d for d in reversed(deals) if d.end <= k), None)
        if deal is not None:
            known = {p.entity for p in f.event.participants}
            f.event.participants.extend(Participant(p.entity, "party") for p in deal.event.participants
                                        if p.role == "party" and p.entity not in known)


_QUANTIFIERS = {"the", "a", "an", "several", "two", "three", "four", "five", "dozens", "of", "some", "many", "key"}


def _dates_the_report(date, report: Event) -> bool:
    """A date phrase before the verb that reports an event, and given to that verb too, is the report's."""
    return date is not None and date is report.date and date.end <= report.start


def _dated_from_outside_its_adjunct(view: SentenceView, f: Found) -> bool:
    """An event named in a time adjunct ("after five days of border clashes", "ahead of talks") happened
    at another time than the clause it hangs on: a date phrase before the adjunct is not its date."""
    k = time_adjunct(view, f.start)
    return f.event.date is not None and k is not None and f.event.date.end <= view.tokens[k].start


def _describes(view: SentenceView, start: int) -> bool:
    """A present-tense verb right after ', which' or ', who' describes its antecedent."""
    word, lemma = view.words[start], view.lemmas[start]
    present = word == lemma or word == lemma + "s" or word == lemma + "es"
    return present and start > 1 and view.words[start - 1] in ("which", "who") and view.words[start - 2] == ","


_TRUCE = {"ceasefire", "truce", "armistice", "cease"}
_DEAL = {"deal", "agreement", "accord", "treaty"}


def _brokered_outcome(view: SentenceView, match) -> str:
    """A mediation whose object is a truce or a deal reports it: "X mediates a cease-fire", "X brokered a
    deal between Y and Z"."""
    if match.event_type != "Mediation" or _attempted(view, match.start) or view.lemmas[match.start] == "mediator":
        return match.event_type  # "has been trying to broker a deal", "mediators proposed a truce": not yet the deal
    words = view.words[match.start + 1:match.end + 4]
    if any(w in _TRUCE for w in words):
        return "CeasefireAgreement"
    if match.end - match.start > 1 and view.words[match.end - 1] in _DEAL:  # "broker ... deal", not "mediation deal"
        return "Agreement"
    return match.event_type


def _brokered_deals(view: SentenceView, found: list[Found], earlier: list[Event]) -> None:
    """"a deal brokered by the United States and France": the brokers mediate the deal. When the sentence
    reports a truce, an agreement or an exchange, the deal is that one ("A ceasefire ... took effect after Biden
    announced a deal brokered by ..."); "the deal, mediated by ..." with none in the sentence is the article's
    latest one; otherwise the deal is an event of its own."""
    for f in found:
        if f.event.type != "Mediation" or not f.passive or f.start < 1:
            continue
        k = f.start - 1 - (view.words[f.start - 1] == "," and f.start > 1)  # "The deal, mediated by X, ..."
        noun = view.words[k]
        if noun not in _DEAL | _TRUCE:
            continue
        # "exchanged 150 prisoners in a deal mediated by the UAE": the exchange is the deal
        deals = ("CeasefireAgreement", "Agreement", "DetaineeExchange")
        outcome = next((o.event for o in found if o.event.type in deals and o is not f), None)
        if outcome is None and k > 0 and view.words[k - 1] == "the":  # the latest truce or deal, else exchange
            latest = [e for e in reversed(earlier) if e.type in deals[:2]] + \
                [e for e in reversed(earlier) if e.type == "DetaineeExchange"]
            outcome = latest[0] if latest else None
        if outcome is None:
            f.event.type = "CeasefireAgreement" if noun in _TRUCE else "Agreement"
            continue
        for p in f.event.participants:
            if all(q.entity != p.entity for q in outcome.participants):
                outcome.participants.append(Participant(p.entity, "mediator"))
        f.keep = False


def _mediators_after(view: SentenceView, match) -> list:
    """'under the auspices of X', 'with the mediation of X', 'the good offices of X': X mediates what the
    sentence reports, as in 'mediated by X'."""
    start = match.end if view.words[match.end - 1] == "of" else \
        match.end + 1 if match.end < len(view.words) and view.words[match.end] == "of" else None
    if start is None:
        return []
    # an opening phrase ends at its comma: "With the mediation of Qatar, Russia and Ukraine exchanged ..."
    opening = match.start <= 2 and "," in view.words[start:]
    return view.list_from(start, +1, stop={view.words.index(",", start)} if opening else frozenset())


_ATTEMPTS = {"try", "seek", "attempt", "strive", "work", "hope", "aim", "push", "offer", "want", "plan"}


def _attempted(view: SentenceView, start: int) -> bool:
    """The trigger is the object of an attempt: 'trying to broker', 'sought to mediate'."""
    return start > 1 and view.words[start - 1] == "to" and view.lemmas[start - 2] in _ATTEMPTS


def _bilateral(event: Event) -> list[Event]:
    """A call has two ends: "calls between Putin and Aliyev and Pashinyan" are two calls, each with the
    first-named actor. A call with one end named is no event."""
    if event.type != "PhoneCall":
        return [event]
    if len(event.participants) < 2:
        return []
    hub, *others = event.participants
    return [replace(event, participants=[Participant(hub.entity, "participant"), Participant(o.entity, "participant")],
                    sentences=list(event.sentences)) for o in others]


def _consultation_sides(event: Event) -> None:
    """At talks with a host or a mediator, the others are the parties."""
    if event.type in CONSULTATIONS - {"PhoneCall"} and any(p.role in ("host", "mediator") for p in event.participants):
        for p in event.participants:
            if p.role == "participant":
                p.role = "party"


def _default_sides(record: Record, kb: KnowledgeBase) -> None:
    """Clashes and truces with no side named, and talks that only a third party is named at, get the
    article's conflict dyad: the pair of states it names together most often ("between Armenia and
    Azerbaijan", "the Armenia-Azerbaijan conflict")."""
    dyad, theatre = conflict_dyad(record, kb), conflict_theatre(record)
    for e in (e for e in record.events if e.type in DYADIC):
        if dyad and not any(kb.get(p.entity) and kb.get(p.entity).cls == "State" for p in e.participants):
            e.participants.extend(Participant(state, "party") for state in dyad)
        if dyad and e.type == "CeasefireAgreement":
            _third_parties_broker(e, dyad, lambda iri: _side_of(iri, record, kb))
        e.place = e.place or theatre
    for e in (e for e in record.events if e.type in ("Talks", "Mediation") and dyad):
        brokers = [p for p in e.participants if p.role in ("host", "mediator")]
        if brokers and len(brokers) == len(e.participants) and \
                not {_side_of(p.entity, record, kb) for p in brokers} & set(dyad):
            # "Anwar Ibrahim, who hosted the talks": talks a third party holds are the conflict's sides'
            e.participants.extend(Participant(state, "party") for state in dyad)


def _third_parties_broker(event: Event, dyad: tuple[str, str], side) -> None:
    """"Trump announced the truce" between Israel and Iran: a party to a truce that stands for neither
    side of the article's conflict, beside both sides, brokered it."""
    sides = {side(p.entity) for p in event.participants if p.role == "party"}
    if set(dyad) <= sides:
        for p in event.participants:
            if p.role == "party" and side(p.entity) not in dyad:
                p.role = "mediator"


def _side_of(iri: str, record: Record, kb: KnowledgeBase) -> str:
    """The state an actor stands for: its own, or the state of the post the article gives a person."""
    if (state := kb.state_of(iri)) is not None:
        return state
    stated = {p.of for p in record.posts if p.person == iri}
    if len(stated) == 1:
        owner = stated.pop()
        return kb.state_of(owner) or owner
    return iri


def conflict_theatre(record: Record) -> str | None:
    """The place the article's fighting is about: the place named most often in sentences about it,
    leaving out the venues of its talks ("talks in Pretoria to end the fighting")."""
    lemmas: dict[int, set[str]] = defaultdict(set)
    for t in record.tokens:
        lemmas[t.sentence].add(t.lemma)
    venues = {e.place for e in record.events if e.type in CONSULTATIONS | {"CeasefireAgreement", "Agreement"}}
    places = Counter(m.entity for m in record.mentions
                     if m.cls == "Place" and m.entity and m.entity not in venues and lemmas[m.sentence] & _CONFLICT_WORDS)
    if not places:
        return None
    (top, count), *rest = places.most_common()
    # one mention is no theatre: "new strikes on Tehran" does not place a whole war in Tehran
    return top if count >= 2 and (not rest or rest[0][1] < count) else None


_CONFLICT_WORDS = {"conflict", "war", "clash", "fighting", "fight", "hostility", "hostilities", "ceasefire",
                   "truce", "party", "side", "dispute", "border", "offensive", "confrontation", "battle"}


def conflict_dyad(record: Record, kb: KnowledgeBase) -> tuple[str, str] | None:
    """The pair of states the article names as the sides of its conflict, or None when unclear."""
    pairs: Counter = Counter()
    lemmas: dict[int, set[str]] = defaultdict(set)
    for t in record.tokens:
        lemmas[t.sentence].add(t.lemma)
    states = [m for m in record.mentions if m.cls == "State" and m.entity]
    for a, b in zip(states, states[1:]):
        if a.sentence != b.sentence or a.entity == b.entity:
            continue
        gap = record.text[a.end:b.start].strip().lower()
        before = record.text[max(0, a.start - 12):a.start].lower()
        if gap in ("-", "–", "/"):
            pairs[tuple(sorted((a.entity, b.entity)))] += 2
        elif gap == "and" and lemmas[a.sentence] & _CONFLICT_WORDS:
            pairs[tuple(sorted((a.entity, b.entity)))] += 2 if "between" in before else 1
    if not pairs:
        return None
    (top, count), *rest = pairs.most_common()
    return top if not rest or rest[0][1] < count else None
