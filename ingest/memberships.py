"""Stage: memberships the text states, with the sentence as provenance.

    "X and Y, together with Z, are the countries that preside over the G"      -> X, Y, Z co-chair G
    "the G ... which also includes A, B and C"                                -> A, B, C members of G
    "the G, led by X, Y and Z"  /  "the group led by X, Y and Z, the G"         -> co-chairs (one: chair)
    "the Treaty Organization (T) between A, B and C"                           -> members of T
    "A and B belonged to the U (1922-1991)"  /  "A joined G"  /  "A is a member of G" -> members (dated)

Members are states (and organisations, for units); the organisation is an Organisation, or a State for a
union of states such as the Soviet Union.
"""
from __future__ import annotations

import re
from collections import defaultdict

from .kb.index import KnowledgeBase
from .model import MembershipStatement, Mention, Record, Token

_LIST_GLUE = {",", "and", "the", "as", "well", "together", "with", "along", "plus", "also", "both"}
_CLAUSE_BREAK = {";", ":", "but", "while", "whereas"}
_CHAIR_ACTIVE = [("preside", "over"), ("chair",), ("co", "-", "chair"), ("cochair",), ("lead",), ("head",)]
_CHAIR_PASSIVE = [("led", "by"), ("chaired", "by"), ("co", "-", "chaired", "by"), ("headed", "by"),
                  ("presided", "over", "by"), ("co", "-", "led", "by")]
_MEMBER_ACTIVE = [("include",), ("comprise",), ("consist", "of"), ("bring", "together"), ("group",),
                  ("made", "up", "of"), ("composed", "of")]
_MEMBER_OF = [("member", "of"), ("members", "of"), ("member", "state", "of"), ("member", "states", "of"),
              ("belong", "to"), ("join",), ("part", "of")]
_AMONG = [("between",), ("among",)]
_YEARS = re.compile(r"\s*\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)")


def read_memberships(record: Record, kb: KnowledgeBase) -> Record:
    tokens: dict[int, list[Token]] = defaultdict(list)
    for t in record.tokens:
        tokens[t.sentence].append(t)
    mentions: dict[int, list[Mention]] = defaultdict(list)
    for m in record.mentions:
        if m.entity and m.cls in ("State", "Organisation"):
            mentions[m.sentence].append(m)
    seen = set()
    for s in record.sentences:
        for st in _sentence(tokens[s.index], mentions[s.index], s.index, record.text, kb):
            key = (st.member, st.organisation, st.role)
            if key not in seen and st.member != st.organisation:
                seen.add(key)
                record.memberships.append(st)
    return record


def _sentence(tokens: list[Token], mentions: list[Mention], index: int, text: str, kb: KnowledgeBase):
    if not tokens or not mentions:
        return
    at = _Positions(tokens, mentions)
    for i in range(len(tokens)):
        for cue in _CHAIR_PASSIVE:
            if at.starts(i, cue):
                members, end = at.list_after(i + len(cue))
                org = at.org_before(i) or at.org_after(end, within=2)
                yield from _statements(org, members, _chair_role(members), index, at, i, kb)
        for cue in _CHAIR_ACTIVE:
            if at.starts(i, cue) and not any(at.starts(i, p) for p in _CHAIR_PASSIVE):
                members = at.states_in_clause_before(i)
                yield from _statements(at.org_after(i + len(cue), within=3), members, _chair_role(members),
                                       index, at, i, kb)
        for cue in _MEMBER_ACTIVE:
            if at.starts(i, cue):
                members, _ = at.list_after(i + len(cue))
                yield from _statements(at.org_before(i), members, "Member", index, at, i, kb)
        for cue in _MEMBER_OF:
            if at.starts(i, cue):
                org = at.org_after(i + len(cue), within=2, states_too=True)
                years = _YEARS.match(text, org.end) if org is not None else None
                yield from _statements(org, at.states_in_clause_before(i), "Member", index, at, i, kb, years)
        for cue in _AMONG:
            org = at.org_ending_before(i)
            if at.starts(i, cue) and org is not None and _treaty_like(org):
                members, _ = at.list_after(i + 1)
                yield from _statements(org, members, "Member", index, at, i, kb)


def _chair_role(members: list[Mention]) -> str:
    return "CoChair" if len(members) > 1 else "Chair"


def _treaty_like(org: Mention) -> bool:
    """"the Collective Security Treaty Organization (CSTO) between A and B": a treaty body lists parties."""
    words = org.text.lower()
    return any(w in words for w in ("treaty", "alliance", "pact", "union", "organization", "organisation",
                                    "agreement", "group", "council", "community"))


def _statements(org: Mention | None, members: list[Mention], role: str, index: int, at: "_Positions", cue: int,
                kb: KnowledgeBase, years: re.Match | None = None):
    if org is None or not members or kb.get(org.entity).cls not in ("Organisation", "State"):
        return
    begin, finish = (int(years.group(1)), int(years.group(2))) if years else (None, None)
    start = min([m.start for m in members] + [org.start, at.tokens[cue].start])
    end = max([m.end for m in members] + [org.end, at.tokens[cue].end])
    for m in members:
        yield MembershipStatement(m.entity, org.entity, role, index, start, end, begin, finish)


class _Positions:
    """Mentions of one sentence by token position."""

    def __init__(self, tokens: list[Token], mentions: list[Mention]):
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.lemmas = [t.lemma for t in tokens]
        self.by_start: dict[int, Mention] = {}
        self.token_of: dict[int, int] = {}
        for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            i = next((k for k, t in enumerate(tokens) if t.start == m.start), None)
            if i is not None and i not in self.by_start:
                self.by_start[i] = m
                self.token_of[id(m)] = i

    def starts(self, i: int, cue: tuple[str, ...]) -> bool:
        return i + len(cue) <= len(self.tokens) and all(
            self.words[i + k] == w or self.lemmas[i + k] == w for k, w in enumerate(cue))

    def index_of(self, m: Mention) -> int:
        return self.token_of[id(m)]

    def span(self, m: Mention) -> range:
        i = self.index_of(m)
        j = i
        while j < len(self.tokens) and self.tokens[j].end <= m.end:
            j += 1
        return range(i, j)

    def org_before(self, i: int) -> Mention | None:
        orgs = [m for k, m in self.by_start.items() if k < i and m.cls == "Organisation"]
        return max(orgs, key=self.index_of) if orgs else None

    def org_after(self, i: int, within: int, states_too: bool = False) -> Mention | None:
        for k in range(i, min(len(self.tokens), i + within + 1)):
            m = self.by_start.get(k)
            if m is not None and (m.cls == "Organisation" or (states_too and m.cls == "State")):
                return m
        return None

    def org_ending_before(self, i: int) -> Mention | None:
        """An organisation mention just before token i, past a bracketed acronym: 'Organization (CSTO) between'."""
        k = i - 1
        if k >= 2 and self.words[k] == ")" and self.words[k - 2] == "(":
            k -= 3
        for start, m in self.by_start.items():
            if m.cls == "Organisation" and self.span(m)[-1] == k:
                return m
        return None

    def list_after(self, i: int) -> tuple[list[Mention], int]:
        """States listed from token i: 'Germany, Belarus and Turkey, as well as Armenia'; and where it stops."""
        out, k, end = [], i, i
        while k < len(self.tokens):
            m = self.by_start.get(k)
            if m is not None and m.cls == "State" and m.function != "modifier":
                out.append(m)
                k = end = self.span(m)[-1] + 1
            elif self.words[k] in _LIST_GLUE and m is None:
                k += 1
            else:
                break
        return out, max(end, k)

    def states_in_clause_before(self, i: int) -> list[Mention]:
        start = max([k + 1 for k in range(i) if self.words[k] in _CLAUSE_BREAK] or [0])
        return [m for k, m in sorted(self.by_start.items()) if start <= k < i and m.cls == "State"
                and m.function != "modifier"]
