"""Participants of an event in roles, read from where actors stand around its trigger.

Without a parser, a sentence still shows its structure in a few places: the list of actors right before
a verb is its subject ("Putin and Macron urged"), the list right after it (past "to", "on", "with") its
object ("accused Azerbaijan of", "calls on the ministers"), "between X and Y" its pair, "by X" after a
passive its agent ("were invited by Putin"), a demonym right before a noun trigger its author ("an
Azerbaijani attack"). The event type's role frame (event-types.ttl) names the role of each position.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz.distance import OSA

from ..dates.clauses import verb_like
from ..model import Participant
from .lexicon import EventTypeInfo, TriggerMatch
from ..sentence import BARRIERS, COMPLEMENTIZERS, QUOTES, SentenceView, Slot

_OBJECT_LEAD = {"the", "a", "an", "to", "on", "upon", "with", "his", "her", "their", "its", "both", "by",
                "that", "once", "again", "any"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "to", "on", "outside", "inside", "towards", "toward", "into", "of",
                       "against"}
_BE = {"be", "is", "are", "was", "were", "been", "being"}
# Verbs whose object noun names the event and whose subject takes part in it: "X organized talks".
# The first group makes the subject the host.
HOSTING = {"host", "organize", "organise", "convene", "arrange", "chair", "sponsor"}
SUPPORT = HOSTING | {"hold", "attend", "join", "have", "conduct", "begin", "start", "launch", "resume",
                     "continue", "lead", "stage", "schedule", "open", "enter", "make", "carry", "exchange",
                     # the sides of a deal are who sign or reach it: "X and Y signed a ceasefire agreement"
                     "sign", "reach", "conclude", "seal", "strike", "agree", "declare", "initial", "ink", "finalise",
                     "finalize",
                     # who imposes or adopts a measure takes it: "the EU imposed new sanctions"
                     "impose", "adopt", "approve", "introduce",
                     # who orders or carries out strikes makes them: "Israel ordered new strikes on Tehran"
                     "order"}
_SUPPORT_REACH = 5
# "X has managed to convince ...", "X decided to invite ...": the verb's subject is X.
CONTROL = {"manage", "try", "decide", "seek", "attempt", "want", "hope", "plan", "continue", "intend", "vow",
           "pledge", "promise", "agree", "offer", "refuse", "fail", "need", "have", "move", "quick", "eager",
           "ready", "keen", "able", "willing", "prepared", "determined", "set", "expect", "due", "likely",
           "scheduled"}
# "X convinced A and B to hold talks": X brings the sides together, A and B meet.
CAUSATIVE = {"convince", "persuade", "urge", "invite", "bring", "push", "press", "get", "encourage", "call",
             "summon", "convene", "gather"}
_CAUSATIVE_REACH = 30
_SHARED_REACH = 12  # tokens back from "and" to the verb whose subject a second verb shares
# Verbs of appeal whose object is the addressee, however long the pattern they open: "urged X to ..."
DIRECTIVE = {"urge", "ask", "call", "press", "push", "encourage", "implore", "exhort", "demand", "appeal", "tell"}
_OBJECT_WINDOW = 4
_PLACE_WINDOW = 10
_TOPIC = {"about", "regarding", "concerning", "over", "situation"}


@dataclass
class Frame:
    """What the rules read around one trigger, before roles are named."""

    subject: list[Slot] = field(default_factory=list)
    object: list[Slot] = field(default_factory=list)
    between: list[Slot] = field(default_factory=list)
    with_: list[Slot] = field(default_factory=list)
    author: list[Slot] = field(default_factory=list)  # a demonym before a noun trigger
    place: str | None = None
    passive: bool = False
    shared: bool = False  # the subject is the previous verb's: "arrived in Kyiv and held talks"
    planned: bool = False  # a clause after the trigger says it is still to come: "the summit X will host"
    hosted: bool = False  # the subject hosts: "X organized talks with Y"
    brokered: list[Slot] = field(default_factory=list)  # "X convinced A and B to hold talks": X
    hosts: list[Slot] = field(default_factory=list)  # "..., in a ceremony hosted by X"
    under: list[Slot] = field(default_factory=list)  # "negotiations under the OSCE Minsk Group"
    sides: list[Slot] = field(default_factory=list)  # ... A and B


def read_frame(view: SentenceView, match: TriggerMatch, claimed: str | None = None) -> Frame:
    """The actors, roles and place around a trigger; `claimed`: the place of the sentence's previous trigger."""
    frame = Frame()
    start, end = match.start, match.end
    frame.passive = _passive(view, start)
    pair = _hyphen_pair(view, start)  # "Qatar hosts Congo-M23 talks": the pair qualifies the trigger
    head = pair[0].start if pair else start
    frame.subject = _subject(view, head)
    # "X hosted / received / welcomed Y": X hosts a visit or a meeting ("welcomed the truce" hosts nothing)
    frame.hosted = view.lemmas[start] in HOSTING | ({"receive", "welcome"} if match.event_type in _RECEIVED else set())
    support = None if frame.subject else _support_verb(view, head)
    if support is not None:
        frame.subject = _subject(view, support)
        frame.hosted = view.lemmas[support] in HOSTING
    if not frame.subject and not frame.passive:
        frame.subject = _shared_subject(view, support if support is not None else start)
        frame.shared = bool(frame.subject)
    if not frame.subject and not frame.passive and match.event_type in ("Talks", "Meeting", "PhoneCall"):
        frame.subject = _adjunct_subject(view, start)
    if not frame.subject and match.event_type in ("Talks", "Meeting"):
        causative = _causative(view, support if support is not None else start)
        if causative is not None:
            frame.brokered = _subject(view, causative)
            frame.sides = [s for k, s in sorted(view.slots.items()) if causative < k < start and view.actor_at(k)]
    frame.between = _after_word(view, end, {"between", "among"}, window=4)
    if view.words[end - 1] in ("between", "among"):  # the trigger ends in it: "fights between X and Y"
        frame.between = view.list_from(end, +1, pair=True)
    if not frame.between and end - start > 2 and view.words[start + 1] in ("between", "among"):
        frame.between = view.list_from(start + 2, +1, pair=True)  # "a ceasefire between X and Y took effect"
    frame.between = frame.between or pair
    frame.with_ = _after_word(view, end, {"with"}, window=6)
    frame.object = _object(view, end)
    if not frame.object and match.event_type == "Attack":
        frame.object = _after_word(view, end, {"at", "against", "into", "on"}, _OBJECT_WINDOW, lead=_COMPASS)
    if not frame.subject and match.event_type == "Statement" and start > 0 and view.words[start - 1] in QUOTES | {","}:
        frame.subject, frame.object = frame.object, []  # "..., announced the EU's Josep Borrell": who speaks
    if not frame.object and match.end - match.start > 1 and view.lemmas[start] in DIRECTIVE | HOSTING | {"receive"}:
        # "urged Thailand and Cambodia to stop fighting", "received his Armenian and Azerbaijani
        # counterparts": whom the appeal is to, or who is received, follows the verb itself
        frame.object = [s for s in _object(view, start + 1) if s.end <= end]
    if frame.passive:
        agent = _after_word(view, end, {"by"}, window=3)
        frame.subject, frame.object = agent, frame.subject
    elif not frame.subject and end < len(view.tokens) and view.words[end] == "by":
        frame.subject = view.list_from(end + 1, +1)  # "the bombing by Azerbaijani forces"
    if not frame.subject and view.words[start].endswith("ing") and start > 0 and view.words[start - 1] == ",":
        frame.subject = _sentence_subject(view)  # "Aliyev was categorical, demanding that ..."
    frame.author = _author(view, start)
    if match.event_type in _HOSTED_EVENTS:
        frame.hosts = _hosted_by(view, end)
        hosts, frame.planned = _hosting_clause(view, end)
        if hosts:  # "the peace summit Switzerland will host in June"
            frame.hosts, frame.object = hosts, [s for s in frame.object if s not in hosts]
        frame.under = [s for s in _after_word(view, end, {"under"}, window=1) if s.mention.cls == "Organisation"]
    if not frame.subject and end < len(view.tokens) and view.words[end] == "from":
        frame.subject = view.list_from(end + 1, +1)  # "mediators from the OSCE"
    if match.event_type != "PhoneCall":  # a call has no venue: "discussed the war in Ukraine by phone"
        frame.place = _place(view, start, end, claimed,
                             toward=match.event_type in ("Talks", "Meeting", "Visit", "Mediation", "Invitation"),
                             destination=match.event_type in ("Visit", "Attack"))
    return frame


def participants(frame: Frame, info: EventTypeInfo) -> list[Participant]:
    out: list[Participant] = []

    def add(slots: list[Slot], role: str) -> None:
        for s in slots:
            if all(p.entity != s.entity for p in out):
                out.append(Participant(s.entity, role))

    add(frame.brokered, "mediator" if len(frame.sides) > 1 else "host")
    add(frame.hosts, "host")
    add(frame.under, "mediator")
    add(frame.sides, "party")
    add(frame.between, info.between_role)
    add(frame.subject or frame.author, "host" if frame.hosted else info.subject_role)
    add(frame.object, "participant" if frame.hosted and info.object_role == "host" else info.object_role)
    add(frame.with_, info.object_role if info.object_role in ("participant", "party") else "participant")
    return out


def _passive(view: SentenceView, start: int) -> bool:
    """"were invited by", "have been invited for", and the reduced relative "an exchange mediated by Qatar"."""
    if not view.words[start].endswith(("ed", "en")):
        return False
    if start + 1 < len(view.words) and view.words[start + 1] == "by":
        return True
    k = start - 1
    while k >= 0 and view.words[k] in ("also", "already", "reportedly", "allegedly", "not", "just", "since"):
        k -= 1
    return k >= 0 and (view.words[k] in _BE or view.lemmas[k] == "be")


def _subject(view: SentenceView, start: int) -> list[Slot]:
    """The actors right before the trigger, past adverbs, auxiliaries, dates and control verbs."""
    k = _before_subject(view, start)
    if k > 1 and view.words[k] in ("who", "which") and view.words[k - 1] == ",":
        return view.list_from(k - 2, -1)  # "Anwar Ibrahim, who hosted the talks": the antecedent
    if k < 0 or view.words[k] in BARRIERS or view.words[k] in COMPLEMENTIZERS:
        return []
    if view.words[k] == "and" and k > 0 and view.words[k - 1] == ",":
        return []  # "met ... under the auspices of X, and called for": the verb shares the first one's subject
    return view.list_from(k, -1)


def _shared_subject(view: SentenceView, start: int) -> list[Slot]:
    """A verb after "and" or "but" with no subject of its own shares the subject of the verb before it:
    "Blinken arrived in Kyiv on Tuesday and held talks", "welcomed the deal but warned against ..."."""
    k = _before_subject(view, start)
    if k <= 0 or view.words[k] not in ("and", "but") or k - 1 in view.covered:
        return []
    verb = _verb_before(view, k)
    return _subject(view, verb) if verb is not None else []


# Verbs whose subject holds the consultation an adjunct names: "X and Y discussed Z in a phone call".
_SAID_IN = {"discuss", "agree", "exchange", "review", "raise", "address", "reaffirm", "express", "stress",
            "emphasize", "emphasise", "underline", "tell", "assure", "pledge", "explore", "examine", "consider"}


def _adjunct_subject(view: SentenceView, start: int) -> list[Slot]:
    """"Erdogan and Putin discussed the war in a phone call", "agreed on it during talks": the subject of
    a verb of speaking or agreeing holds the consultation named in its adjunct (not of any verb: "Russia
    attacked Kyiv during the talks" is no party to them)."""
    k = start - 1
    while k >= 0 and start - k <= 3 and k not in view.covered and view.words[k] not in ("in", "during", "at", "over"):
        k -= 1
    if k < 0 or view.words[k] not in ("in", "during", "at", "over"):
        return []
    verb = _verb_before(view, k)
    return _subject(view, verb) if verb is not None and view.lemmas[verb] in _SAID_IN else []


_NOT_NOUNS = {"and", "or", "but", "that", "which", "who", "to", "also", "it", "they", "he", "she", "we", "has",
              "have", "had", "is", "was", "were", "are", "be", "been", "not", "will", "would", "could", "should",
              "may", "might", "then", "a", "an", "the", "of", "in", "on", "at", "for", "with", "by", "from", "as"}


def unnamed_subject(view: SentenceView, start: int) -> bool:
    """A verb trigger whose subject is a noun the text does not name an actor by: "a claim the paramilitary
    group denied". It has a subject of its own, which nothing should stand in for."""
    k = _before_subject(view, start)
    return verb_like(view.tokens[start]) and k >= 0 and k not in view.covered and view.words[k].isalpha() \
        and view.words[k].islower() and view.words[k] not in _NOT_NOUNS and not verb_like(view.tokens[k])


def _hyphen_pair(view: SentenceView, start: int) -> list[Slot]:
    """Two actors joined by a hyphen right before the trigger: "Congo-M23 talks", "the Armenia-Azerbaijan
    summit"."""
    if start < 3 or view.words[start - 1] in ("-", "–"):
        return []
    second = view.actor_at(view.covered[start - 1].start) if start - 1 in view.covered else None
    if second is None or second.start < 2 or view.words[second.start - 1] not in ("-", "–"):
        return []
    k = second.start - 2
    first = view.actor_at(view.covered[k].start) if k in view.covered else None
    return [first, second] if first is not None and first.entity != second.entity else []


def _before_subject(view: SentenceView, start: int) -> int:
    """Where the subject of the word at `start` would end: past adverbs, dates, quotes, relative clauses."""
    k = start - 1
    while k >= 0:
        if view.words[k] == "," and (relative := _relative_clause_start(view, k)) is not None:
            k = relative - 1  # "Egypt and Qatar, which mediate between them, called for": skip the clause
        elif (view.skippable(k) or view.words[k] in QUOTES) and k not in view.covered:
            k -= 1
        elif view.words[k] == "to" and k > 0 and view.lemmas[k - 1] in CONTROL:
            k -= 2
        elif view.lemmas[k] == "help" and k not in view.covered:
            k -= 1  # "X helped broker the deal": X brokered it
        else:
            break
    return k


def _verb_before(view: SentenceView, k: int) -> int | None:
    """The nearest past-tense or auxiliary verb before token k, in its clause."""
    for j in range(k - 1, max(-1, k - _SHARED_REACH), -1):
        if view.words[j] in BARRIERS or view.words[j] in COMPLEMENTIZERS or view.words[j] == ",":
            return None
        if j not in view.covered and verb_like(view.tokens[j]):
            return j
    return None


def _support_verb(view: SentenceView, start: int) -> int | None:
    """A verb a few words before a noun trigger that makes its subject the event's: 'held talks'."""
    for k in range(start - 1, max(-1, start - 1 - _SUPPORT_REACH), -1):
        if view.words[k] in BARRIERS or view.words[k] in COMPLEMENTIZERS or k in view.covered:
            return None
        if view.lemmas[k] in SUPPORT:
            return k
    return None


def _relative_clause_start(view: SentenceView, comma: int) -> int | None:
    """The comma that opens ", which ...,", ", who ...," or ", whose ...," ending at `comma`, if any."""
    for j in range(comma - 1, max(0, comma - 25), -1):
        if view.words[j] in BARRIERS:
            return None
        if view.words[j] in ("which", "who", "whose") and j > 0 and view.words[j - 1] == ",":
            return j - 1
    return None


def _sentence_subject(view: SentenceView) -> list[Slot]:
    """The actors a sentence opens with: the subject a participle clause shares."""
    k = 0
    while k < len(view.tokens) and (view.words[k] in ("the", "a", "an") or (k in view.covered and
                                                                           view.actor_at(view.covered[k].start) is None)):
        k += 1
    return view.list_from(k, +1) if k < len(view.tokens) and k in view.covered else []


def _causative(view: SentenceView, start: int) -> int | None:
    for k in range(start - 1, max(-1, start - 1 - _CAUSATIVE_REACH), -1):
        if view.words[k] in BARRIERS:
            return None
        if view.lemmas[k] in CAUSATIVE:
            return k
    return None


def _object(view: SentenceView, end: int) -> list[Slot]:
    k = end
    limit = min(len(view.tokens), end + _OBJECT_WINDOW)
    while k < limit and (view.words[k] in _OBJECT_LEAD or view.words[k] in QUOTES) and view.words[k] != "by":
        k += 1
    if k < len(view.tokens) and k in view.covered:
        found = view.list_from(k, +1)
        if found and view.words[k - 1] in ("that", "which") and view.followed_by_verb(found[-1]):
            return []  # "the warning that Russia has issued", "clarified that Moscow has to": a clause's subject
        return found
    return []


_HOSTED_REACH = 14  # tokens after the trigger
_RECEIVED = {"Meeting", "Talks", "Visit"}
_HOSTED_EVENTS = {"Talks", "Meeting", "Agreement", "CeasefireAgreement", "DetaineeExchange", "Mediation"}


_TO_COME = {"will", "shall", "'ll", "to", "plans", "intends"}  # "will host", "is to host", "plans to host"


def _hosting_clause(view: SentenceView, end: int) -> tuple[list[Slot], bool]:
    """"the summit (that) Switzerland will host": the actors of a relative clause whose verb is 'host',
    and whether it is to come."""
    k = end + (end < len(view.tokens) and view.words[end] in ("that", "which"))
    if k >= len(view.tokens) or k not in view.covered:
        return [], False
    actors = view.list_from(k, +1)
    if not actors:
        return [], False
    j, modals = actors[-1].end, set()
    while j < len(view.tokens) and (view.words[j] in _TO_COME | {"is", "are", "also", "be"} or view.lemmas[j] == "plan"):
        modals.add(view.words[j])
        j += 1
    if j < len(view.tokens) and view.lemmas[j] in HOSTING:
        return actors, bool(modals & _TO_COME)
    return [], False


def _hosted_by(view: SentenceView, end: int) -> list[Slot]:
    """"signed a declaration on Friday, in a ceremony hosted by X": X hosts what the clause reports."""
    for k in range(end, min(len(view.tokens) - 2, end + _HOSTED_REACH)):
        if view.words[k] in BARRIERS or view.words[k] in COMPLEMENTIZERS:
            return []
        if view.lemmas[k] == "host" and view.words[k] == "hosted" and view.words[k + 1] == "by":
            return view.list_from(k + 2, +1)
    return []


# Words before an attack's target: "fired rockets at (northern) Israel".
_COMPASS = {"the", "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west"}


def _after_word(view: SentenceView, end: int, words: set[str], window: int,
                lead: set[str] = frozenset()) -> list[Slot]:
    """The actors after one of `words` within `window` tokens of `end`, past any `lead` words."""
    for k in range(end, min(len(view.tokens), end + window + 1)):
        if view.words[k] in BARRIERS or view.words[k] in COMPLEMENTIZERS:
            return []
        if k > end + 1 and k not in view.covered and verb_like(view.tokens[k]) and k - 1 in view.covered \
                and view.words[view.covered[k - 1].start - 1] in ("and", ","):
            return []  # "shelled Kharkiv and Ukraine held talks with Poland": another clause's
        if view.words[k] in words:
            j = k + 1
            while j < len(view.tokens) and view.words[j] in lead and j not in view.covered:
                j += 1
            return view.list_from(j, +1, pair=view.words[k] in ("between", "among"))
    return []


# Words between a demonym and a noun trigger: "Russian glide bombs", "an Israeli drone strike".
_WEAPON_WORDS = {"drone", "missile", "rocket", "air", "artillery", "military", "new", "glide", "cluster", "aerial",
                 "guided", "ballistic", "cruise", "naval", "mortar", "tank", "barrel", "precision", "retaliatory"}


def _author(view: SentenceView, start: int) -> list[Slot]:
    """"an Azerbaijani attack", "Russian strikes": a state's adjective right before a noun trigger."""
    k = start - 1
    while k >= 0 and view.words[k] in _WEAPON_WORDS:
        k -= 1
    if k >= 0 and k in view.covered:
        slot = view.covered[k]
        if slot.mention.cls == "State" and slot.mention.kind == "demonym":
            return [slot]
    return []


def _slipped(word: str, prepositions: set[str]) -> bool:
    """A long preposition typed with one slip: 'torwards'."""
    return len(word) >= 6 and any(len(p) >= 6 and OSA.distance(word, p) <= 1 for p in prepositions)


def _place(view: SentenceView, start: int, end: int, claimed: str | None = None, toward: bool = False,
           destination: bool = False) -> str | None:
    """The nearest place after a locative preposition in the clause around the trigger, after before.

    Distance is counted in words outside names, so that a long name does not hide the place. Before a
    consultation, "to X" is where it is held ("sent their ministers to Moscow to hold talks"); a visit's
    destination or an attack's target may follow it directly ("visited Ankara", "shelled Stepanakert")."""
    if destination and (slot := view.place_at(end) if end < len(view.tokens) else None) is not None:
        return slot.entity
    seen, k = 0, end
    while k < len(view.tokens) and seen < _PLACE_WINDOW and view.words[k] not in BARRIERS and not view.new_clause_at(k):
        if toward and view.words[k] in _TOPIC:
            break  # "spoke by phone about the situation in Karabakh": the topic's place, not the venue
        slot = view.place_at(k)
        if slot is not None and k > 0 and (view.words[k - 1] in _PLACE_PREPOSITIONS | {"the"}
                                           or _slipped(view.words[k - 1], _PLACE_PREPOSITIONS)):
            return slot.entity
        seen += k not in view.covered
        k += 1
    seen, k = 0, start - 1
    # leftwards the place stays in the trigger's clause: "a pause in Gaza, ... after talks mediated by Qatar",
    # and is not the previous trigger's: "calls for a truce in Gaza and calls on both sides to start talks"
    while k >= 0 and seen < _PLACE_WINDOW and view.words[k] not in BARRIERS and view.words[k] not in COMPLEMENTIZERS:
        slot = view.place_at(k)
        if slot is not None and k > 0 and view.words[k - 1] in ({"in", "at", "to"} if toward else {"in", "at"}):
            return slot.entity if slot.entity != claimed else None
        seen += k not in view.covered
        k -= 1
    return None
