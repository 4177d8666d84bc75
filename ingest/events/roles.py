"""Participants of an event in roles, read from where actors stand around the trigger."""
from __future__ import annotations

from ..kb.index import KnowledgeBase
from ..model import Mention, Participant, Token
from .lexicon import EventTypeInfo, TriggerMatch

ACTOR_CLASSES = {"State", "Person", "Organisation"}


def participants_of(match: TriggerMatch, info: EventTypeInfo, tokens: list[Token], mentions: list[Mention],
                    kb: KnowledgeBase) -> tuple[list[Participant], str | None]:
    start, end = tokens[match.start].start, tokens[match.end - 1].end
    participants: list[Participant] = []
    place = None
    for m in mentions:
        if m.entity is None:
            continue
        if m.function == "place" or m.cls == "Place":
            place = place or m.entity
            continue
        if m.cls not in ACTOR_CLASSES or m.function == "modifier":
            continue
        role = info.subject_role if m.end <= start else info.object_role
        if all(p.entity != m.entity for p in participants):
            participants.append(Participant(m.entity, role))
    return participants, place
