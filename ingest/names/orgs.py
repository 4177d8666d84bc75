"""Organisations the knowledge base does not know: "the Syrian Observatory for Human Rights", "Azerbaijan's
prosecutor general's office", "the Russian Foreign Ministry".

An organisation is a capitalised name that ends in (or holds) an organisation word, or a state's
demonym or name followed by the name of a state body. A state body acts for its state.
"""
from __future__ import annotations

import re

from .items import Item
from .words import POSSESSIVE, Word

# Head nouns of organisation names (lower case).
ORG_HEADS = {
    "ministry", "office", "agency", "service", "committee", "council", "commission", "court", "administration",
    "department", "observatory", "organization", "organisation", "union", "league", "alliance", "front",
    "movement", "party", "institute", "foundation", "bank", "fund", "association", "assembly", "parliament",
    "senate", "congress", "cabinet", "presidency", "secretariat", "mission", "embassy", "bureau", "directorate",
    "network", "channel", "television", "agency", "corporation", "society", "tribunal", "authority",
    "guard", "prosecutor", "prosecutor's", "headquarters", "staff", "group", "center", "centre", "coalition",
}
# Bodies of a state that news names by the state's adjective: "the Armenian Defence Ministry".
_STATE_BODIES = [
    (r"(foreign|external) (affairs )?ministry|ministry of (foreign|external) affairs|foreign office",
     "Ministry of Foreign Affairs"),
    (r"(defen[cs]e) ministry|ministry of defen[cs]e|defen[cs]e department", "Ministry of Defence"),
    (r"interior ministry|ministry of (the )?interior|home office", "Ministry of the Interior"),
    (r"prosecutor general'?s? office|prosecutor'?s? general'?s? office|office of the prosecutor general",
     "Prosecutor General's Office"),
]
_MAX_BODY_WORDS = 5


def state_body(words: list[Word], start: int) -> tuple[int, str] | None:
    """A state body named from `start` on: its end and its canonical name ('Ministry of Defence')."""
    for end in range(min(len(words), start + _MAX_BODY_WORDS), start, -1):
        phrase = " ".join(w.text.lower() for w in words[start:end])
        phrase = re.sub(r"\s+(?=['’]s?\b)", "", phrase).replace("’", "'")
        for pattern, canonical in _STATE_BODIES:
            if re.fullmatch(pattern, phrase):
                return end, canonical
        last = words[end - 1]
        if end - start <= 3 and last.folded in ORG_HEADS and all(w.capitalised for w in words[start:end]) \
                and last.folded not in ("party", "group", "front", "union"):
            return end, " ".join(w.text for w in words[start:end])
    return None


def body_of_state(words: list[Word], item: Item, state: str) -> tuple[int, str] | None:
    """After a demonym or a state's name (and "'s"): the state body it owns, if one follows."""
    j = item.end
    if j < len(words) and words[j].text in POSSESSIVE:
        j += 1
    return state_body(words, j) if j < len(words) else None


def is_org_name(words: list[Word], item: Item) -> bool:
    """A capitalised chunk whose last word, or a word before "for"/"of", is an organisation noun."""
    heads = [words[i].folded for i in range(item.start, item.end)]
    if not heads:
        return False
    if heads[-1] in ORG_HEADS:
        return True
    for k, h in enumerate(heads[:-1]):
        if h in ORG_HEADS and heads[k + 1] in ("for", "of", "on"):
            return True
    return False
