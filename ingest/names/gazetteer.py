"""Find the knowledge base's names in a sentence: longest match first, folded, with a capital required."""
from __future__ import annotations

from dataclasses import dataclass

from .matcher import NameIndex, NameMatch, name_keys
from .normalise import fold
from .words import Word

_JOINERS = {"-", "–", "'", "’", ".", "&"}  # punctuation inside a name: Nagorno-Karabakh, Co-operation


@dataclass
class Span:
    start: int  # word positions in the sentence, end exclusive
    end: int
    match: NameMatch


def _stream(words: list[Word]) -> list[tuple[str, int] | None]:
    """Folded sub-words with the word they come from; None where punctuation breaks a name."""
    out: list[tuple[str, int] | None] = []
    for w in words:
        if w.is_punct:
            if w.text not in _JOINERS:
                out.append(None)
            continue
        out.extend((part, w.i) for part in w.folded.split())
    return out


def find_names(words: list[Word], index: NameIndex, taken: set[int]) -> list[Span]:
    """KB names in the sentence, left to right, never overlapping each other or `taken` words."""
    stream = _stream(words)
    spans: list[Span] = []
    k = 0
    while k < len(stream):
        item = stream[k]
        if item is None:
            k += 1
            continue
        best = None
        for length in sorted(index.lengths_starting_with(item[0]), reverse=True):
            parts = stream[k:k + length]
            if len(parts) < length or any(p is None for p in parts):
                continue
            first, last = parts[0][1], parts[-1][1]
            if any(i in taken for i in range(first, last + 1)) or not words[first].capitalised:
                continue
            surface = " ".join(w.text for w in words[first:last + 1])
            iris = index.folded.get(" ".join(p[0] for p in parts))
            if iris and _case_fits(surface, index, iris):
                best = (length, first, last, iris)
                break
        if best is None:
            k += 1
            continue
        length, first, last, iris = best
        spans.append(Span(first, last + 1, index.match(" ".join(w.text for w in words[first:last + 1]))))
        taken.update(range(first, last + 1))
        k += length
    return spans


def _case_fits(surface: str, index: NameIndex, iris: set[str]) -> bool:
    """An acronym label (US, UN, OSCE) matches only upper-case text: 'us' and 'Un' are words."""
    if _is_acronym(surface):
        return True
    key = fold(surface)
    labels = [n for iri in iris for n in index.kb.entities[iri].names if key in name_keys(n)]
    return any(not _is_acronym(n) for n in labels)


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
