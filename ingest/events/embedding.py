"""How events of one sentence bear on each other.

An event reported inside another takes its sense from it:
- said that E / announced E: the statement only reports E; a speech act E without a subject is the
  speaker's ("Putin said a ceasefire is needed" is Putin's call for a ceasefire); a side that says the
  other side attacked accuses it ("Armenian officials said an Azerbaijani attack injured two");
- accused X of E: E is alleged, and X did it;
- denied E: E is denied, by the one who denies;
- mediated E / brokered E, and E mediated by X: the mediator mediates E (an agreement, talks, an exchange);
- invited X for E: E is planned, X are its parties, the host of the invitation mediates or hosts it;
- called for E / demanded E / offered E: E is not asserted (it is asked for, not reported).
Two verbs sharing one subject ("X called for A and calls on Y") share its actors.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Event, Participant
from ..sentence import BARRIERS, SentenceView
from .roles import CONTROL

SPEECH = {"Statement"}
SPEECH_ACTS = {"Statement", "CallForCeasefire", "Condemnation", "Accusation", "Denial", "Demand", "Rejection",
               "Threat", "MediationOffer", "Invitation", "Endorsement"}
REQUESTS = {"CallForCeasefire", "Demand", "Threat", "MediationOffer", "Rejection"}
CONSULTATIONS = {"Meeting", "Talks", "Mediation", "Visit", "PhoneCall"}
BROKERED = {"CeasefireAgreement", "Agreement", "Talks", "Meeting", "DetaineeExchange"}
VIOLENCE = {"Attack", "ArmedClash", "CeasefireViolation"}
# Verbs that only attribute what follows to a source: no statement event of their own.
ATTRIBUTION = {"say", "tell", "claim", "add", "report", "quote", "accord", "cite"}
_REACH = 40  # tokens: an event embedded in another follows it closely


@dataclass
class Found:
    """An event of the sentence with where its trigger is and whether it has its own subject."""

    event: Event
    start: int
    end: int
    has_subject: bool
    keep: bool = True
    passive: bool = False
    lemma: str = ""  # the trigger's first word
    purpose: bool = False  # the trigger follows "for" or "to": "invited to Moscow for talks"
    subjects: list[str] = field(default_factory=list)  # the actors of its own subject, when active
    reported_in: "Found | None" = None  # the accusation, denial or statement that reports this event


def relate(view: SentenceView, found: list[Found], side=lambda iri: iri) -> None:
    """`side(iri)` names the side an actor stands for (its state), to tell an accusation from a report."""
    barriers = [0]
    for w in view.words:  # barriers before each token, so that "same clause" is a subtraction
        barriers.append(barriers[-1] + (w in BARRIERS))
    for i, outer in enumerate(found):
        for j, inner in enumerate(found[i + 1:], i + 1):
            if inner.start - outer.end > _REACH:
                break  # found is in text order: what lies further is not embedded
            if inner.start < outer.end or barriers[inner.start] != barriers[outer.end]:
                continue
            if any(_new_report(view, mid) for mid in found[i + 1:j]):
                continue  # "X accused Y of A, and Z said B": B is Z's report, not X's accusation
            if _shares_subject(view, outer, inner):
                if inner.event.type in CONSULTATIONS:  # "Lavrov visited Ankara and met Erdogan"
                    _add(inner.event, outer.subjects, "participant")
                    continue
                _inherit(inner.event, outer.event, "initiator")
                if not inner.event.participants:  # a call's or a meeting's participants are its subjects
                    _add(inner.event, [p.entity for p in outer.event.participants
                                       if p.role in ("participant", "party", "host")], "initiator")
                continue
            if _new_clause_between(view, outer.end, inner.start) or \
                    (outer.event.type in SPEECH_ACTS and time_adjunct(view, inner.start) is not None):
                continue  # "accused Iran of X, and its minister ordered strikes"; "denied Y after the truce"
            if inner.event.type in VIOLENCE and _claims_responsibility(view, outer):
                _add(inner.event, _roles(outer.event, "initiator"), "initiator")  # the attack is theirs
                outer.keep = False
                continue
            _embed(outer, inner, side)
    for f in found:
        if f.event.type in SPEECH and f.lemma in ATTRIBUTION:
            f.keep = False


_TEMPORAL = {"after", "before", "following", "since", "amid", "despite", "ahead"}


def time_adjunct(view: SentenceView, start: int) -> int | None:
    """Where the time adjunct that holds the trigger at `start` begins ("after five days of clashes",
    "ahead of the talks"), or None."""
    for k in range(start - 1, max(-1, start - 6), -1):
        if view.words[k] in BARRIERS or view.words[k] in (",", "and"):
            return None
        if view.words[k] in _TEMPORAL:
            return k
    return None


def _claims_responsibility(view: SentenceView, outer: Found) -> bool:
    """"The Houthis claimed responsibility for the attack": the attack is theirs, not reported speech."""
    return outer.lemma == "claim" and view.words[outer.end:outer.end + 2] == ["responsibility", "for"]


def _new_clause_between(view: SentenceView, end: int, start: int) -> bool:
    return any(view.new_clause_at(k) for k in range(end, start))


def _new_report(view: SentenceView, mid: Found) -> bool:
    """A speech act with its own subject that opens a coordinated clause: ", and India said"; a
    parenthetical ", Qatar said on Wednesday," opens none."""
    if not (mid.has_subject and mid.event.type in SPEECH_ACTS):
        return False
    k = mid.start - 1
    while k >= 0 and (k in view.covered or view.skippable(k) or view.words[k] in ("the", "its", "their")):
        k -= 1
    return k >= 0 and view.words[k] in ("and", "but", "while", "whereas")


def _shares_subject(view: SentenceView, outer: Found, inner: Found) -> bool:
    """"Putin and Macron spoke by phone and agreed to ask for a truce": the second verb's subject."""
    if inner.has_subject or inner.event.type not in SPEECH_ACTS | CONSULTATIONS:
        return False
    k = inner.start - 1
    while k > outer.end and (view.words[k] in ("also", "then", "has", "have", "had", "later", "again", "to")
                             or view.lemmas[k] in CONTROL):
        k -= 1  # "... and agreed to ask for a truce"
    return view.words[k] == "and"


def _embed(outer: Found, inner: Found, side) -> None:
    o, e = outer.event, inner.event
    if e.type == "Mediation" and o.type in BROKERED and inner.passive:
        inner.keep = False  # "an exchange mediated by Qatar": Qatar mediates the exchange
        _add(o, _roles(e, "mediator"), "mediator")
        return
    if o.type in SPEECH:
        speakers, doers = _roles(o, "initiator"), _roles(e, "initiator")
        if e.type in VIOLENCE and speakers and doers and not {side(x) for x in speakers} & {side(x) for x in doers}:
            o.type, e.status = "Accusation", "Alleged"
            inner.reported_in = outer
            _add(o, doers, "target")
            outer.lemma = "accuse"
            return
        outer.keep = False
        if e.type in SPEECH_ACTS and not inner.has_subject:
            _inherit(e, o, "initiator")
    elif o.type == "Accusation" and e.type not in SPEECH_ACTS:
        e.status = "Alleged"
        inner.reported_in = outer
        accused = [p.entity for p in o.participants if p.role == "target"]
        o.place = o.place or e.place  # an accusation is about the act and where it happened
        if accused and e.type not in SPEECH_ACTS:
            accusers = _roles(o, "initiator")  # not the act's doers; they may be its target ("of firing at Israel")
            e.participants = [p for p in e.participants if p.entity not in accusers or p.role == "target"]
            _add(e, accused, "initiator")
    elif o.type == "Denial" and e.type == "Accusation":
        if not e.participants:
            inner.keep = False  # "X denied the accusation": the accusation itself is told elsewhere, or not at all
    elif o.type == "Denial":
        e.status = "Denied"
        inner.reported_in = outer
        if not e.participants:
            _add(e, _roles(o, "initiator"), "initiator")
    elif o.type == "Mediation" and e.type in BROKERED:
        outer.keep = False
        e.participants = [p for p in e.participants if p.entity not in _roles(o, "mediator")]
        _add(e, _roles(o, "mediator"), "mediator")
        _add(e, _roles(o, "party"), "party")
        e.place = e.place or o.place
    elif o.type == "Invitation" and e.type in CONSULTATIONS and inner.purpose:
        e.status = "Planned"
        invitees = _roles(o, "target")
        e.participants = [p for p in e.participants if p.entity not in _roles(o, "initiator")]
        _add(e, invitees, "party")
        _add(e, _roles(o, "initiator"), "mediator" if len(invitees) > 1 else "host")
        e.place = e.place or o.place
    elif o.type in REQUESTS:
        inner.keep = False


def _roles(event: Event, role: str) -> list[str]:
    return [p.entity for p in event.participants if p.role == role]


def _add(event: Event, entities: list[str], role: str) -> None:
    for entity in entities:
        if all(p.entity != entity for p in event.participants):
            event.participants.append(Participant(entity, role))


def _inherit(event: Event, source: Event, role: str) -> None:
    _add(event, _roles(source, "initiator"), role)
