"""Words two states share ("Congo", "Congolese", "Korea", "Korean"): in an article that otherwise names
one of them and not the other, the word is that one's; otherwise it names neither (no guess)."""
from __future__ import annotations

import re

from ..kb.index import KnowledgeBase


def shared_senses(text: str, kb: KnowledgeBase) -> dict[str, str]:
    """Each shared word of the KB mapped to the one state the article's other words name."""
    out = {}
    for word, states in (kb.shared_names | kb.shared_demonyms).items():
        if not re.search(rf"\b{re.escape(word)}\b", text):
            continue
        named = _states_named(text, states, kb)
        if len(named) == 1:
            out[word] = named.pop()
    return out


def _states_named(text: str, states: set[str], kb: KnowledgeBase) -> set[str]:
    """Which of `states` the text names by a word of its own: a name, a demonym or its capital's name.
    Longer names are read first, so that "Democratic Republic of the Congo" is not also "Republic of the
    Congo"; the shared words themselves name nobody."""
    clues = []
    for state in states:
        entity = kb.get(state)
        words = set(entity.names if entity else ())
        words |= {d for d, s in kb.demonyms.items() if s == state}
        words |= {n for capital, s in kb.capitals.items() if s == state and kb.get(capital)
                  for n in kb.get(capital).names}
        clues += [(w, state) for w in words - set(kb.shared_names) - set(kb.shared_demonyms) if len(w) > 2]
    named, taken = set(), []
    for clue, state in sorted(clues, key=lambda c: -len(c[0])):
        for m in re.finditer(rf"(?<![\w-]){re.escape(clue)}(?![\w-])", text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                taken.append((m.start(), m.end()))
                named.add(state)
    return named
