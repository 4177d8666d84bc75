"""Stage: one node per real-world event, within an article and across articles."""
from __future__ import annotations

from ..model import Record
from ..namespaces import ID, digest


class EventIndex:
    def merge(self, record: Record) -> Record:
        for n, e in enumerate(record.events):
            e.iri = str(ID[f"event/{digest(record.article.source, n)}"])
        return record
