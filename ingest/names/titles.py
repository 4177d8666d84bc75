"""Find title words ("foreign minister", "spokeswoman", "head of Armenian diplomacy") in a sentence.

The words come from the post taxonomy (dkg:titleWord in ontology/posts.ttl). A title may hold a slot for
its state ("head of {state} diplomacy"); a long word tolerates one typing slip ("spekaer"), because
translated news is rarely proofread.
"""
from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import OSA

from .words import Word

SLOT = "{state}"
COUNTERPARTS = {"counterpart", "counterparts", "colleague", "colleagues", "opposite", "peer", "peers"}


@dataclass
class TitleSpan:
    start: int
    end: int  # exclusive
    post_type: str
    slot: int | None = None  # position of the word that filled {state}


class TitleFinder:
    def __init__(self, title_words: dict[str, str]):
        # longest phrases first, so that "minister of foreign affairs" wins over "minister"
        self.phrases = sorted(((w.split(), t) for w, t in title_words.items()), key=lambda p: -len(p[0]))

    def find(self, words: list[Word], taken: set[int]) -> list[TitleSpan]:
        spans: list[TitleSpan] = []
        used: set[int] = set()
        for i in range(len(words)):
            if i in used or i in taken or words[i].is_punct:
                continue
            for phrase, post_type in self.phrases:
                hit = self._match(words, i, phrase)
                if hit is not None:
                    end, slot = hit
                    if any(j in used or (j in taken and j != slot) for j in range(i, end)):
                        continue
                    spans.append(TitleSpan(i, end, post_type, slot))
                    used.update(range(i, end))
                    break
        return spans

    @staticmethod
    def _match(words: list[Word], i: int, phrase: list[str]) -> tuple[int, int | None] | None:
        j, slot = i, None
        for part in phrase:
            while j < len(words) and words[j].text in ("-", "–"):
                j += 1  # "secretary-general", "co-chair"
            if j >= len(words):
                return None
            if part == SLOT:
                if not words[j].capitalised:
                    return None
                slot = j
            elif not _same_word(words[j].folded, part):
                return None
            j += 1
        return j, slot


def _same_word(seen: str, wanted: str) -> bool:
    if seen == wanted:
        return True
    # one slip (a transposition counts as one) in a word of six letters or more
    return len(wanted) >= 6 and abs(len(seen) - len(wanted)) <= 1 and OSA.distance(seen, wanted) <= 1
