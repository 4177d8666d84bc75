"""A sentence cut into clauses, and what the words around a date phrase say about its tense.

No parser: clause edges are punctuation, subordinating words, "and"/"or" before a verb, and the end of a
reporting verb ("said", "announced") with the date that may hang on it. Date phrases are atomic: the
comma in "Saturday, 10 October 2020" cuts nothing.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from ..model import Token

# Quotes are no edge: they wrap single words ("“consultations”") as often as reported speech.
_PUNCTUATION = {",", ";", ":", "(", ")", "—", "–"}
_SUBORDINATORS = {"that", "which", "who", "whom", "whose", "while", "whereas", "but", "although", "though",
                  "because", "when", "where", "whereby"}
_COORDINATORS = {"and", "or"}
_AUXILIARIES = {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have", "had",
                "is", "are", "was", "were", "also", "then", "later"}
_IRREGULAR_PAST = {"said", "spoke", "met", "told", "held", "made", "took", "gave", "sent", "began", "went", "came",
                   "left", "saw", "fought", "struck", "brought", "kept", "won", "lost", "ran", "rose", "fell",
                   "drew", "threw", "shot", "led", "sought", "broke", "wrote", "agreed", "flew", "paid", "got", "hit",
                   "found", "stood", "became", "spent", "knew", "grew", "withdrew", "oversaw", "sold", "bought"}
REPORTING = {"said", "says", "announced", "told", "reported", "stated", "added", "confirmed", "claimed",
             "declared", "noted", "insisted", "stressed", "assured", "wrote", "replied", "explained"}
_DATE_GLUE = {"on", "late", "early", "also", "again"}  # may stand between a reporting verb and its date
_MODAL_FUTURE = {"will", "'ll", "shall", "wo"}  # "wo" of "won't"
_MODAL_UNSURE = {"would", "could", "might", "may"}
_SCHEDULING = {"schedule", "plan", "expect", "intend", "upcoming", "forthcoming", "next"}
_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "my", "it",
                "both", "all", "each", "every", "some", "any", "them", "him", "us", "me", "you"}
_BE = {"is", "are", "am", "was", "were"}
_OPENING = {"in", "on", "since", "after", "following", "during", "at", "by", "until", "earlier", "later", "late",
            "early", "last", "yesterday", "today"}
_WINDOW = 16  # tokens around a date in which its tense words are looked for
_CLAUSE_OPENERS = {"on", "since", "by", "from", "until", "in", "at", "earlier", "later", "early", "late", "last"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class SentenceView:
    """The tokens of one sentence, their clauses, and the date phrases in it (given as spans)."""

    def __init__(self, tokens: list[Token], dates: list[Span]):
        self.tokens = tokens
        self.dates = dates
        self._ends = [t.end for t in tokens]
        self._in_date = self._dates_by_token()
        self.opened_by: dict[int, str] = {0: ""}  # clause -> the word that opened it ("" for a reporting cut)
        self.clause = self._clauses()

    def _dates_by_token(self) -> list[int | None]:
        """For each token, the date span it lies in (one sweep: both lists are in text order)."""
        out: list[int | None] = [None] * len(self.tokens)
        order = sorted(range(len(self.dates)), key=lambda n: self.dates[n].start)
        for n in order:
            d = self.dates[n]
            for i in range(bisect_right(self._ends, d.start), len(self.tokens)):
                if self.tokens[i].start >= d.end:
                    break
                out[i] = n
        return out

    # ------------------------------------------------------------------ clauses

    def _clauses(self) -> list[int]:
        """Clause numbers by token, in order of first appearance; a parenthesis is a clause of its own and
        the clause around it goes on after it ("Mediators from the OSCE (...) met yesterday")."""
        out, current, last, cut_after, outer = [], 0, 0, False, []
        for i, t in enumerate(self.tokens):
            if self._in_date[i] is not None:
                out.append(current)
                continue
            word = t.text.lower()
            if word == ")" and outer:
                out.append(current)
                current, cut_after = outer.pop(), False
                continue
            if (cut_after or self._opens_clause(i)) and out:
                if word == "(":
                    outer.append(current)
                last += 1
                current = last
                self.opened_by[current] = "" if cut_after else word
            cut_after = self._reporting_end(i)
            out.append(current)
        return self._merge_bare(out)

    def _merge_bare(self, clauses: list[int]) -> list[int]:
        """A clause that is nothing but a date (", last Sunday.") is an afterthought of the one before it."""
        filler = _PUNCTUATION | _CLAUSE_OPENERS | {"."}
        has_words = {c for i, c in enumerate(clauses)
                     if self._in_date[i] is None and self.tokens[i].text.lower() not in filler}
        bare = set(clauses) - has_words - {0}
        merged = []
        for c in clauses:
            while c in bare:
                c -= 1
            merged.append(c)
        order = {c: n for n, c in enumerate(dict.fromkeys(merged))}
        self.opened_by = {order[c]: w for c, w in self.opened_by.items() if c in order}
        return [order[c] for c in merged]

    def embedded(self, clause: int) -> bool:
        """A reported or relative clause: what follows "said", "that", "which", "who"."""
        return self.opened_by.get(clause) in ("", "that", "which", "who", "whom", "whose") and clause > 0

    def coordinated(self, clause: int) -> bool:
        """A clause that "and"/"or" joins to the one before it, sharing its subject."""
        return self.opened_by.get(clause) in _COORDINATORS

    def _opens_clause(self, i: int) -> bool:
        word = self.tokens[i].text.lower()
        if word in _PUNCTUATION or word in _SUBORDINATORS:
            return True
        return word in _COORDINATORS and i + 1 < len(self.tokens) and verb_like(self.tokens[i + 1])

    def _reporting_end(self, i: int) -> bool:
        """A reporting verb ends its clause, unless a date (or "that") follows it: the cut then comes later."""
        if self.tokens[i].text.lower() not in REPORTING:
            return False
        following = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        return following is not None and following.text.lower() not in _DATE_GLUE and self._in_date[i + 1] is None

    def index_at(self, offset: int) -> int:
        """The token at (or first after) a character offset."""
        return min(bisect_right(self._ends, offset), len(self.tokens) - 1)

    # ------------------------------------------------------------------ a date's place in the sentence

    def first_token(self, span: Span) -> int:
        return self.index_at(span.start)

    def last_token(self, span: Span) -> int:
        return self.index_at(span.end - 1)

    def preposition_before(self, span: Span) -> str | None:
        i = self.first_token(span)
        word = self.tokens[i - 1].text.lower() if i > 0 else None
        return word if word in _CLAUSE_OPENERS | {"during", "after", "before"} else None

    def is_initial(self, span: Span) -> bool:
        """In a sentence-opening adverbial ("On Thursday, ...", "Yesterday the minister ...", "In a statement
        released on October 5, ..."): it dates the main clause that follows."""
        i = self.first_token(span)
        if all(self.tokens[k].text.lower() in _CLAUSE_OPENERS for k in range(i)):
            return True
        return self.clause[i] == 0 and self.tokens[0].text.lower() in _OPENING and self.clause[-1] > 0

    def reporting_verb(self, span: Span) -> int | None:
        """The reporting verb a date hangs on ("said on Wednesday", "announced Thursday night", "on Monday
        said"), or None."""
        first, last = self.first_token(span), self.last_token(span)
        k = first - 1
        while k >= 0 and self.tokens[k].text.lower() in _DATE_GLUE:
            k -= 1
        if k >= 0 and self.tokens[k].text.lower() in REPORTING and first - k <= 3:
            return k
        k = last + 1
        while k < len(self.tokens) and self.tokens[k].text.lower() in _DATE_GLUE - {"on"}:
            k += 1
        if k < len(self.tokens) and self.tokens[k].text.lower() in REPORTING:
            return k
        return None

    def tense(self, span: Span) -> str:
        """future, past or unsure: what the date's clause says of when it lies from the writer's day.

        A future modal or a scheduling word ("invited ... for", "scheduled", "to be held") before the date
        makes it future; after it, only when the date opens its clause ("On Monday the ministers will
        meet"); a modal of possibility ("would meet on Monday") leaves it unsure; the rest is past, as
        most of a report is."""
        first, last = self.first_token(span), self.last_token(span)
        clause = self.clause[first]
        ahead = (clause, clause + 1) if self.is_initial(span) and self.clause[last] == clause else (clause,)
        after = self._run(range(last + 1, min(len(self.tokens), last + 1 + _WINDOW)), ahead)
        before = self._run(range(first - 1, max(-1, first - 1 - _WINDOW), -1), (clause,))
        opens = all(self.tokens[k].text.lower() in _CLAUSE_OPENERS | _PUNCTUATION for k in before)
        words_before = self._markers(before, until=first)
        words_after = self._markers(after)
        if "future" in words_before or (opens and "future" in words_after):
            return "future"
        if "unsure" in words_before or "unsure" in words_after or "future" in words_after:
            return "unsure"
        return "past"

    def _run(self, indexes: range, clauses: tuple[int, ...]) -> list[int]:
        """The token positions of `indexes` that lie in `clauses` (a parenthesis or a relative clause
        between them is passed over)."""
        return [k for k in indexes if self.clause[k] in clauses]

    def _markers(self, indexes: list[int], until: int | None = None) -> set[str]:
        """Tense words among the tokens; scheduling words count only before the date (`until`)."""
        found = set()
        for k in indexes:
            t = self.tokens[k]
            word = t.text.lower()
            following = self.tokens[k + 1].text.lower() if k + 1 < len(self.tokens) else ""
            if word in _MODAL_FUTURE or (word == "to" and following == "be") or (word in _BE and following == "to") \
                    or (word == "going" and following == "to") or (word == "due" and self._to_verb(k)):
                found.add("future")
            elif word in _MODAL_UNSURE:
                found.add("unsure")
            elif until is not None and (((t.lemma in _SCHEDULING or word in _SCHEDULING) and not self._a_plan(k))
                                        or self._invites(k, until)):
                found.add("future")
        return found

    def _a_plan(self, k: int) -> bool:
        """"proposed a ceasefire plan on Monday": the noun, which schedules nothing; not "planned for
        Monday", "plans to meet on Monday"."""
        following = self.tokens[k + 1].text.lower() if k + 1 < len(self.tokens) else ""
        return self.tokens[k].lemma == "plan" and self.tokens[k].text.lower() != "planned" \
            and following != "for" and not self._to_verb(k)

    def _to_verb(self, k: int) -> bool:
        """"due to resume on Tuesday", "plan to meet" (future), not "due to the fighting" (a cause) or "a plan
        to Israel"."""
        if k + 2 >= len(self.tokens) or self.tokens[k + 1].text.lower() != "to":
            return False
        return self.tokens[k + 2].text.lower() not in _DETERMINERS and not self.tokens[k + 2].text[:1].isupper()

    def _invites(self, k: int, until: int) -> bool:
        """"invited the ministers to Moscow on Friday": the day of what one is invited to, not of the invitation."""
        return self.tokens[k].lemma == "invite" and any(self.tokens[j].text.lower() in ("to", "for")
                                                          for j in range(k + 1, until))


def verb_like(token: Token) -> bool:
    word = token.text.lower()
    if word in _AUXILIARIES or word in _IRREGULAR_PAST or word in REPORTING:
        return True
    return word.endswith("ed") and token.lemma != word
