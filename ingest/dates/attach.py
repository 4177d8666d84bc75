"""Which date phrase of a sentence dates an event: `date_for`, called by the events stage."""
from __future__ import annotations

from ..model import DateExpression, Record
from .clauses import SentenceView, Span, verb_like
from .stage import sentence_views

_PLANNING = {"invite", "schedule", "plan", "expect", "set"}


def date_for(record: Record, sentence: int, start: int, end: int, *, speech: bool = False) -> DateExpression | None:
    """The date phrase of `record.dates` that dates the event whose trigger is at [start, end) (offsets
    into `record.text`) in sentence `sentence`, or None. The phrase may hold no value (an unresolved
    "Tuesday" in an undated article): the caller writes a day only when `value` is set at day precision.

    The contract, in order:

    1. Only phrases of the same sentence: None when it has none.
    2. A phrase that hangs on a reporting verb ("the Kremlin announced Thursday night", "said on
       Wednesday", "on Monday said") dates that verb: it is chosen when the trigger is that verb.
    3. Otherwise a phrase of the trigger's own clause wins: one after a preposition ("on Friday (9)",
       "since September 27") before one without, then the nearest. A relative clause right after a
       trigger noun counts as its clause ("the clashes that broke out on September 27"). A future phrase
       after a planning trigger dates what is planned, not the planning ("invited ... to Moscow on Friday
       (9)": the talks' day, not the invitation's), so a trigger that ends in "invited"/"scheduled" skips it.
    4. With `speech=True` (the event is what was said: a call, demand, accusation, statement), a
       reporting verb's phrase dates a trigger in the reported clause that has no phrase of its own
       ("Putin said yesterday that a ceasefire is needed"). Without it, a reporting date never dates
       what was reported ("officials said on Monday that 21 were killed": not a killing on Monday).
    5. A sentence-opening phrase ("On Thursday, Armenia accused ...", "Yesterday the minister ...")
       dates every main clause without a phrase of its own (reported ones too when `speech=True`).
    6. A clause joined by "and" + verb ("spoke by phone on Monday and agreed to ...") takes the phrase of
       the clause before it (past an apposition between commas), unless that phrase is in a future-tense
       clause.
    """
    dates = [d for d in record.dates if d.sentence == sentence]  # a scan, but no slower than the caller's loop
    if not dates:
        return None
    spans = [Span(d.start, d.end) for d in dates]
    view = sentence_views(record, spans)[sentence]
    first, last = view.index_at(start), view.index_at(max(start, end - 1))
    hanging = {n: view.reporting_verb(s) for n, s in enumerate(spans)}
    for n, verb in hanging.items():
        if verb is not None and first <= verb <= last:
            return dates[n]
    free = [n for n in range(len(dates)) if hanging[n] is None and not _dates_an_adjunct(view, spans[n], last)]
    own = [n for n in free if _in_clause_of(view, spans[n], first, last) and not _planned_by(view, spans[n], last)]
    if own:
        return dates[_best(view, spans, own, first)]
    clause = view.clause[first]
    if speech:
        reported = [n for n in hanging if hanging[n] is not None]
        if reported:
            return dates[_best(view, spans, reported, first, by_preposition=False)]
    if not view.embedded(clause) or speech:
        opening = [n for n in free if view.is_initial(spans[n])]
        if opening:
            return dates[opening[0]]
    while view.coordinated(clause):
        clause -= 1
        in_clause = lambda c: [n for n in free if view.clause[view.first_token(spans[n])] == c]
        while clause > 0 and view.opened_by.get(clause) == "," and not in_clause(clause):
            clause -= 1  # "met on Tuesday with the Emir, Sheikh Tamim, and called": past the apposition
        previous = in_clause(clause)
        if previous:
            best = _best(view, spans, previous, first)
            return dates[best] if view.tense(spans[best]) != "future" else None
    return None


_ADJUNCT_OPENERS = {"after", "before", "following", "since", "ahead", "amid", "until", "despite"}
_GLUE = {"on", "in", "at", "of", "the", "a", "an", "its", "their", "his", "her"}


def _dates_an_adjunct(view: SentenceView, span: Span, last: int) -> bool:
    """A phrase inside a time adjunct that names an event of its own dates that event, not the trigger:
    "accused Venezuela of ... after a referendum on December 3", "After the vote on Sunday, X said".
    Not "after December 3" (no event named between) nor a trigger inside the adjunct itself."""
    k, named = view.first_token(span) - 1, False
    stop = last if view.first_token(span) > last else -1  # reading back to the trigger: not its own adjunct
    while k > stop and view.tokens[k].text not in (",", ";", ":"):
        word = view.tokens[k].text.lower()
        if word in _ADJUNCT_OPENERS:
            return named
        named = named or (word.isalpha() and word not in _GLUE)
        k -= 1
    return False


def _in_clause_of(view: SentenceView, span: Span, first: int, last: int) -> bool:
    """In the trigger's clause, or in a relative clause right after a trigger noun ("the clashes that
    broke out on ...", "the agreement, which came into effect at ...")."""
    clause = view.clause[view.first_token(span)]
    if clause in (view.clause[first], view.clause[last]):
        return True
    opener = last + 1
    if opener < len(view.tokens) and view.tokens[opener].text == ",":
        opener += 1
    return (opener < len(view.tokens) and view.clause[opener] == clause
            and view.tokens[opener].text.lower() in ("that", "which", "who") and not _verb_ending(view, last))


def _verb_ending(view: SentenceView, last: int) -> bool:
    """A trigger that ends in a verb takes a complement ("warned that ..."), not a relative clause."""
    token = view.tokens[last]
    return verb_like(token) or token.text.lower().endswith("ing")


def _planned_by(view: SentenceView, span: Span, last: int) -> bool:
    return (view.tokens[last].lemma in _PLANNING and view.first_token(span) > last
            and view.tense(span) == "future")


def _best(view: SentenceView, spans: list[Span], candidates: list[int], first: int, by_preposition: bool = True) -> int:
    def rank(n: int) -> tuple[int, int]:
        after_preposition = by_preposition and view.preposition_before(spans[n]) is not None
        return (0 if after_preposition else 1, abs(view.first_token(spans[n]) - first))
    return min(candidates, key=rank)
