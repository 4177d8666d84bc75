"""Stage: casualty and displacement figures with the speaker who gives them."""
from __future__ import annotations

from .kb.index import KnowledgeBase
from .model import Record


def extract_claims(record: Record, kb: KnowledgeBase) -> Record:
    return record
