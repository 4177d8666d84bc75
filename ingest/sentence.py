"""One sentence as the relation rules read it: tokens, and the actors and places that stand at each token.

The memberships and events stages share it."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .dates.clauses import verb_like
from .model import Mention, Token
from .names.words import GROUP_NOUNS, GROUP_QUALIFIERS, PERSON_NOUNS

ACTOR_CLASSES = {"State", "Person", "Organisation"}
# Words that may stand between the members of a list of actors, or between a subject and its verb.
LIST_GLUE = {",", "and", "as", "well", "together", "with", "along", "plus", "both", "the", "his", "her",
             "their", "its", "counterpart", "counterparts", "colleague", "colleagues",
             # what news puts before an armed group's name: "the army and the paramilitary RSF"
             "paramilitary", "rebel", "militant", "armed", "breakaway", "separatist", "opposition", "group",
             "'s", "’s",  # "with Qatar's Emir Tamim": the state qualifies the title, the person is the actor
             "acting", "interim", "caretaker", "outgoing", "former", "incoming", "leader"}  # "Syria's interim leader X"
ADVERBS = {"also", "jointly", "already", "again", "once", "repeatedly", "then", "now", "reportedly",
           "allegedly", "officially", "publicly", "formally", "immediately", "finally", "earlier", "later",
           "have", "has", "had", "will", "would", "shall", "could", "can", "may", "might", "must", "should",
           "be", "is", "are", "was", "were", "been", "being", "do", "does", "did", "not", "n't", "yesterday",
           "today", "on", "so", "for", "part", ",", "thus", "therefore", "however", "meanwhile", "just",
           "quickly", "strongly", "firmly", "urgently"}
QUOTES = {'"', "“", "”", "«", "»", "'", "‘", "’"}
BARRIERS = {";", ":", "—", "–"}  # brackets are not: "the Organization (OSCE) met"
COMPLEMENTIZERS = {"that", "which", "who", "whom", "whose", "whether", "if", "because", "after", "before",
                   "while", "when", "where", "although", "though", "since", "until", "but"}


@dataclass
class Slot:
    """A mention seen from the token where it starts, and where it ends."""

    mention: Mention
    start: int
    end: int  # token index after the mention

    @property
    def entity(self) -> str:
        return self.mention.entity


class SentenceView:
    def __init__(self, tokens: list[Token], mentions: list[Mention], date_tokens: set[int] = frozenset()):
        self.tokens = tokens
        self.words = [t.text.lower() for t in tokens]
        self.lemmas = [t.lemma for t in tokens]
        self.dates = date_tokens  # token positions inside date expressions
        self.slots: dict[int, Slot] = {}
        starts = [t.start for t in tokens]
        for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
            start = bisect_left(starts, m.start)
            if start >= len(tokens) or start in self.slots:
                continue
            end = bisect_left(starts, m.end)
            self.slots[start] = Slot(m, start, max(end, start + 1))
        self.covered = {i: s for s in self.slots.values() for i in range(s.start, s.end)}

    def actor_at(self, i: int) -> Slot | None:
        s = self.slots.get(i)
        if s is None or s.mention.entity is None or s.mention.cls not in ACTOR_CLASSES:
            return None
        if s.mention.function in ("place", "modifier"):
            return None
        return s

    def modifier_at(self, i: int) -> Slot | None:
        s = self.slots.get(i)
        return s if s is not None and s.mention.function == "modifier" and s.mention.cls == "State" else None

    def place_at(self, i: int) -> Slot | None:
        s = self.slots.get(i)
        if s is not None and s.mention.entity and (s.mention.cls == "Place" or s.mention.function == "place"):
            return s
        return None

    def skippable(self, i: int) -> bool:
        """Tokens a subject can be separated from its verb by: adverbs, auxiliaries, dates, quotes, titles."""
        w = self.words[i]
        return (w in ADVERBS or w in QUOTES or i in self.dates or self.lemmas[i] in ADVERBS
                or (i in self.covered and self.actor_at(self.covered[i].start) is None
                    and self.covered[i].mention.function == "modifier"))

    def list_from(self, i: int, step: int, stop: set[int] = frozenset(), pair: bool = False) -> list[Slot]:
        """A list of actors read from token i in direction step (+1 right, -1 left): 'X, Y and Z'.

        Read leftwards, a comma joins only a list that an 'and' has closed on its right: in "according to
        the Kremlin, Putin spoke" the Kremlin is no co-subject of Putin. A `pair` ("between X and Y")
        keeps its last member even when a verb follows it."""
        out: list[Slot] = []
        k, closed = i, step > 0
        while 0 <= k < len(self.tokens) and k not in stop:
            slot = self.actor_at(self.covered[k].start) if k in self.covered else None
            if slot is not None:
                if slot not in out:
                    out.append(slot)
                k = (slot.end if step > 0 else slot.start - 1)
                continue
            w = self.words[k]
            if w == "," and out and not closed:
                if step < 0 and (before := self._owner_before(k)) is not None:
                    k, closed = before, True  # "the presidents of Venezuela, X, and Guyana, Y": X and Y
                    continue
                break
            if w == "," and self._opens_clause(k + 1):
                break  # "talks with X, as Russian forces pressed on": a new clause, not the list
            if w in ("and", "well", "together", "along", "plus", "&"):
                closed = True
            if w == "of" and k + step in self.covered:  # "the president of Azerbaijan, Ilham Aliev"
                k += step
                continue
            if w in LIST_GLUE or w in QUOTES or (out and step < 0 and self.skippable(k)):
                k += step
                continue
            if k in self.covered and self.covered[k].mention.function == "modifier":
                k += step  # a title or modifier inside the list: "US Secretary of State Mike Pompeo"
                continue
            if step > 0 and (named := self._past_person_noun(k)) is not None:
                k = named  # "Sudanese army chief Abdel Fattah al-Burhan": the words that introduce a name
                continue
            if step > 0 and (after := self._past_unknown_owner(k)) is not None:
                k = after  # "Saint Vincent's Prime Minister Ralph Gonsalves": an owner the KB does not know
                continue
            break
        if step > 0 and len(out) > 1 and not pair and self._starts_clause(out[-1]):
            out.pop()  # "mediated by Qatar, and the United States freed ...": a new subject, not a list item
        return out if step > 0 else list(reversed(out))

    def _past_person_noun(self, k: int) -> int | None:
        """The name's position when words from k introduce a person ("army chief", "rebel leader") and an
        actor follows them; else None."""
        j = k
        while j < len(self.words) and j not in self.covered and self.words[j] in GROUP_QUALIFIERS | GROUP_NOUNS:
            j += 1
        if j < len(self.words) and self.words[j] in PERSON_NOUNS and j + 1 in self.slots \
                and self.actor_at(j + 1) is not None:
            return j + 1
        return None

    def _past_unknown_owner(self, k: int) -> int | None:
        """Where the words after "X's" begin, when capitalised words from k the KB does not know end in a
        possessive and a title or a name follows; else None."""
        j = k
        while j < len(self.words) and j - k < 4 and j not in self.covered and self.tokens[j].text[:1].isupper():
            j += 1
        if j == k or j + 1 >= len(self.words) or self.words[j] not in ("'s", "’s") or j + 1 not in self.covered:
            return None
        return j + 1

    def _owner_before(self, comma: int) -> int | None:
        """", and Guyana, Y", ", and the prime minister of Kosovo, Y": the 'and' before the modifiers (a
        state, a title) that qualify the name after this comma."""
        j = comma - 1
        while j >= 0 and ((j in self.covered and self.covered[j].mention.function == "modifier")
                          or self.words[j] in ("of", "the")):
            j -= 1
        return j if 0 <= j < comma - 1 and self.words[j] == "and" else None

    def new_clause_at(self, k: int) -> bool:
        """", and its minister ordered ...": a comma and a conjunction open a clause of its own; so does "and"
        before a finite verb ("accused Iran of violating the truce and ordered strikes"; not "and firing")."""
        if self.words[k] == ",":
            return k + 1 < len(self.words) and self.words[k + 1] in ("and", "but", "while", "whereas")
        return self.words[k] in ("and", "but") and k + 1 < len(self.tokens) and verb_like(self.tokens[k + 1])

    def _opens_clause(self, k: int) -> bool:
        """A subordinating word at k: "as", "while", "after"...; not "as with", "as well as"."""
        if k >= len(self.words) or self.words[k] not in COMPLEMENTIZERS | {"as"}:
            return False
        return not (self.words[k] == "as" and k + 1 < len(self.words) and self.words[k + 1] in ("with", "well"))

    def followed_by_verb(self, slot: Slot) -> bool:
        """A verb (an auxiliary or an inflected word) right after an actor: the actor is its subject."""
        k = slot.end
        if k >= len(self.tokens):
            return False
        word, lemma = self.words[k], self.lemmas[k]
        return word.isalpha() and (word in ADVERBS or (lemma != word and not word.endswith("s")))

    def _starts_clause(self, slot: Slot) -> bool:
        """An actor joined by 'and' and followed by a verb: the subject of the next clause."""
        before = self.words[slot.start - 1] if slot.start > 0 else ""
        joined = before == "and" or (before == "the" and slot.start > 1 and self.words[slot.start - 2] == "and")
        return joined and self.followed_by_verb(slot)
