"""Stage: events from trigger patterns, with participants in roles, a place, a date and a status."""
from __future__ import annotations

from collections import defaultdict

from ..kb.index import KnowledgeBase
from ..model import Event, Mention, Record, Token
from .lexicon import Lexicon
from .roles import participants_of


class EventDetector:
    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None):
        self.kb = kb
        self.lexicon = lexicon or Lexicon.bundled()

    def __call__(self, record: Record) -> Record:
        tokens: dict[int, list[Token]] = defaultdict(list)
        for t in record.tokens:
            tokens[t.sentence].append(t)
        mentions: dict[int, list[Mention]] = defaultdict(list)
        for m in record.mentions:
            mentions[m.sentence].append(m)
        for s in record.sentences:
            sentence_tokens = tokens[s.index]
            for match in self.lexicon.find(sentence_tokens):
                info = self.lexicon.types[match.event_type]
                trigger = sentence_tokens[match.start:match.end]
                event = Event(match.event_type, trigger[0].start, trigger[-1].end, [s.index])
                event.participants, event.place = participants_of(match, info, sentence_tokens,
                                                                  mentions[s.index], self.kb)
                record.events.append(event)
        return record
