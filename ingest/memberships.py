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

from bisect import bisect_left

from .kb.index import KnowledgeBase
from .model import MembershipStatement, Mention, Record, by_sentence
from .sentence import SentenceView, Slot

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
    tokens, mentions = by_sentence(record.tokens), by_sentence(
        m for m in record.mentions if m.entity and m.cls in ("State", "Organisation"))
    seen = set()
    for s in record.sentences:
        for st in _sentence(SentenceView(tokens[s.index], mentions[s.index]), s.index, record.text, kb):
            key = (st.member, st.organisation, st.role)
            if key not in seen and st.member != st.organisation:
                seen.add(key)
                record.memberships.append(st)
    return record


def _sentence(view: SentenceView, index: int, text: str, kb: KnowledgeBase):
    if not view.tokens or not view.slots:
        return
    at = _Positions(view)
    for i in range(len(view.tokens)):
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
                years = _YEARS.match(text, org.mention.end) if org is not None else None
                yield from _statements(org, at.states_in_clause_before(i), "Member", index, at, i, kb, years)
        for cue in _AMONG:
            org = at.org_ending_before(i)
            if at.starts(i, cue) and org is not None and _treaty_like(org.mention):
                members, _ = at.list_after(i + 1)
                yield from _statements(org, members, "Member", index, at, i, kb)


def _chair_role(members: list[Slot]) -> str:
    return "CoChair" if len(members) > 1 else "Chair"


def _treaty_like(org: Mention) -> bool:
    """"the Collective Security Treaty Organization (CSTO) between A and B": a treaty body lists parties."""
    words = org.text.lower()
    return any(w in words for w in ("treaty", "alliance", "pact", "union", "organization", "organisation",
                                    "agreement", "group", "council", "community"))


def _statements(org: Slot | None, members: list[Slot], role: str, index: int, at: "_Positions", cue: int,
                kb: KnowledgeBase, years: re.Match | None = None):
    if org is None or not members or kb.get(org.entity).cls not in ("Organisation", "State"):
        return
    begin, finish = (int(years.group(1)), int(years.group(2))) if years else (None, None)
    spans = [m.mention for m in members] + [org.mention]
    start = min([m.start for m in spans] + [at.tokens[cue].start])
    end = max([m.end for m in spans] + [at.tokens[cue].end])
    for m in members:
        yield MembershipStatement(m.entity, org.entity, role, index, start, end, begin, finish)


class _Positions:
    """The cue words and the states and organisations of one sentence, by token position."""

    def __init__(self, view: SentenceView):
        self.tokens, self.words, self.lemmas, self.slots = view.tokens, view.words, view.lemmas, view.slots
        self.ending_at = {s.end - 1: s for s in view.slots.values()}
        self.orgs = sorted(k for k, s in view.slots.items() if s.mention.cls == "Organisation")

    def starts(self, i: int, cue: tuple[str, ...]) -> bool:
        return i + len(cue) <= len(self.tokens) and all(
            self.words[i + k] == w or self.lemmas[i + k] == w for k, w in enumerate(cue))

    def org_before(self, i: int) -> Slot | None:
        k = bisect_left(self.orgs, i)
        return self.slots[self.orgs[k - 1]] if k else None

    def org_after(self, i: int, within: int, states_too: bool = False) -> Slot | None:
        for k in range(i, min(len(self.tokens), i + within + 1)):
            s = self.slots.get(k)
            if s is not None and (s.mention.cls == "Organisation" or (states_too and s.mention.cls == "State")):
                return s
        return None

    def org_ending_before(self, i: int) -> Slot | None:
        """An organisation mention just before token i, past a bracketed acronym: 'Organization (CSTO) between'."""
        k = i - 1
        if k >= 2 and self.words[k] == ")" and self.words[k - 2] == "(":
            k -= 3
        s = self.ending_at.get(k)
        return s if s is not None and s.mention.cls == "Organisation" else None

    def list_after(self, i: int) -> tuple[list[Slot], int]:
        """States listed from token i: 'Germany, Belarus and Turkey, as well as Armenia'; and where it stops."""
        out, k, end = [], i, i
        while k < len(self.tokens):
            s = self.slots.get(k)
            if s is not None and s.mention.cls == "State" and s.mention.function != "modifier":
                out.append(s)
                k = end = s.end
            elif self.words[k] in _LIST_GLUE and s is None:
                k += 1
            else:
                break
        return out, max(end, k)

    def states_in_clause_before(self, i: int) -> list[Slot]:
        start = max([k + 1 for k in range(i) if self.words[k] in _CLAUSE_BREAK] or [0])
        return [s for k, s in sorted(self.slots.items()) if start <= k < i and s.mention.cls == "State"
                and s.mention.function != "modifier"]
