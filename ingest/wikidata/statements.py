"""Wikidata statements as diplokg uses them: who held which post of which state, who was a member of
which organisation, and when, at the precision Wikidata gives."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rdflib import URIRef

from ..errors import EndpointError
from .answers import Answer, When, item, text, when
from .vocab import DAY, POST_TYPES, WIKIBASE

_RANKS = {WIKIBASE.PreferredRank, WIKIBASE.NormalRank, WIKIBASE.DeprecatedRank}


@dataclass(frozen=True)
class Statement:
    iri: str  # the statement node (wds:Q…-…), the provenance of what diplokg derives from it
    subject: str  # Q-id of the holder or the member
    value: str  # Q-id of the state (a post) or of the organisation (a membership)
    kind: str  # the post type (HeadOfState, ForeignMinister, ...) or Member
    start: When | None = None
    end: When | None = None
    deprecated: bool = False

    def term(self) -> tuple[date, date | None] | None:
        """The term's first and last day when the statement gives them to the day (an open end is None);
        None when it cannot: no start, or a bound known only to the month or year. No day is made up."""
        if self.start is None or self.start.precision < DAY:
            return None
        if self.end is not None and self.end.precision < DAY:
            return None
        return self.start.day, self.end.day if self.end is not None else None

    def surely_covers(self, day: date) -> bool:
        """Whether the post was held on `day` whatever the imprecise bounds mean; never without a start."""
        return self.start is not None and self.start.latest() <= day and \
            (self.end is None or day <= self.end.earliest())


def post_statements(answer: Answer) -> list[Statement]:
    """The rows of queries.post_statements, checked."""
    out = []
    for row in answer.rows:
        post = text(row, "post")
        if post not in POST_TYPES:
            raise EndpointError(f"{answer.endpoint}: answered {post!r} where a post type was expected")
        out.append(_statement(answer, row, item(row, "holder", answer.endpoint), item(row, "state", answer.endpoint),
                              post))
    return sorted(set(out), key=lambda s: (s.kind, s.subject, s.iri))


def membership_statements(answer: Answer) -> list[Statement]:
    """The rows of queries.membership_statements, checked."""
    out = [_statement(answer, row, item(row, "member", answer.endpoint), item(row, "organisation", answer.endpoint),
                      "Member") for row in answer.rows]
    return sorted(set(out), key=lambda s: (s.value, s.subject, s.iri))


def _statement(answer: Answer, row: dict, subject: str, value: str, kind: str) -> Statement:
    node, rank = row.get("statement"), row.get("rank")
    if not isinstance(node, URIRef):
        raise EndpointError(f"{answer.endpoint}: a statement row has no statement node")
    if rank is not None and rank not in _RANKS:
        raise EndpointError(f"{answer.endpoint}: answered {str(rank)[:80]!r} where a statement rank was expected")
    return Statement(str(node), subject, value, kind,
                     when(row, "start", "startPrecision", answer.endpoint),
                     when(row, "end", "endPrecision", answer.endpoint),
                     rank == WIKIBASE.DeprecatedRank)
