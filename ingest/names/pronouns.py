""""He said", "She added": a personal pronoun that opens a sentence or speaks refers to the one person
just named, when there is exactly one to choose from.

Without a coreference model the rule stays narrow: the person must be the only one named earlier in the
same sentence, or else the subject the sentence before opens with (its first actor, if a person: the
centre of attention that a following "he" most often continues); otherwise the pronoun stays unresolved.
"""
from __future__ import annotations

from ..model import Mention, Record, by_sentence
from ..dates.clauses import REPORTING

_PRONOUNS = {"he", "she"}
_OPENING = {'"', "“", "'", "‘", "«"}


def resolve_pronouns(record: Record, cls_of) -> None:
    tokens, mentions = by_sentence(record.tokens), by_sentence(record.mentions)
    added = []
    for s in record.sentences:
        words = tokens[s.index]
        for i, t in enumerate(words):
            if t.text.lower() not in _PRONOUNS or not _speaks_or_opens(words, i):
                continue
            here = _persons(mentions[s.index], cls_of, before=t.start)
            person = here or (_subject_person(mentions[s.index - 1], cls_of) if s.index > 0 else set())
            if len(person) == 1:
                added.append(Mention(t.start, t.end, t.text, s.index, "pronoun", person.pop(), "Person",
                                     function="actor"))
    if added:
        record.mentions = sorted(record.mentions + added, key=lambda m: (m.sentence, m.start))


def _speaks_or_opens(words, i: int) -> bool:
    """The pronoun opens the sentence (past an opening quote) or is the subject of a reporting verb."""
    opens = all(w.text in _OPENING for w in words[:i])
    speaks = i + 1 < len(words) and words[i + 1].text.lower() in REPORTING | {"says", "added", "told"}
    return opens or speaks


def _subject_person(mentions: list[Mention], cls_of) -> set[str]:
    """The person the sentence before opens with, as its first actor: "Lavrov met Blinken. He said": Lavrov."""
    first = next((m for m in mentions if m.entity and m.function == "actor"), None)
    return {first.entity} if first is not None and cls_of(first.entity) == "Person" else set()


def _persons(mentions: list[Mention], cls_of, before: int | None = None) -> set[str]:
    return {m.entity for m in mentions if m.entity and cls_of(m.entity) == "Person"
            and (before is None or m.end <= before)}
