"""The pipeline: an ordered list of named stages, each adding its layer to the article's record.

A failure inside a stage names the stage and the article (StageError); the batch goes on without it.
Stages do no I/O: what they need from the store (entities and events of other articles) comes in
through the knowledge base and the event index they are built with.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .claims import extract_claims
from .dates import resolve_dates
from .errors import StageError
from .events.detect import EventDetector
from .events.merge import EventIndex
from .kb.index import KnowledgeBase
from .memberships import read_memberships
from .model import Article, Record
from .names.stage import NameResolver
from .text import segment

Stage = Callable[[Record], Record]


@dataclass
class Pipeline:
    kb: KnowledgeBase = field(default_factory=KnowledgeBase.load)
    events: EventIndex = field(default_factory=EventIndex)
    stages: list[tuple[str, Stage]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.events.kb is None:
            self.events.kb = self.kb
        if not self.stages:
            names = NameResolver(self.kb)
            self.stages = [
                ("text", segment),
                ("dates", resolve_dates),
                ("names", names),
                ("memberships", lambda r: read_memberships(r, self.kb)),
                ("events", EventDetector(self.kb)),
                ("merge", self.events.merge),
                ("claims", lambda r: extract_claims(r, self.kb)),  # after merge: Claim.about indexes final events
            ]

    def run(self, article: Article) -> Record:
        record = Record(article)
        for name, stage in self.stages:
            try:
                record = stage(record)
            except Exception as err:  # noqa: BLE001 - any failure of a stage skips the article, not the batch
                raise StageError(name, article.source, err) from err
        return record
