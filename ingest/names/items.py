"""What the name rules find in one sentence: KB names, titles, demonyms and capitalised chunks."""
from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import find_names
from .matcher import NameIndex, NameMatch
from .titles import TitleFinder
from .words import NAME_PARTICLES, NOT_NAMES, Word

# Lower-case words allowed inside a capitalised name: "Organization for Security and Co-operation in Europe".
CONNECTORS = {"for", "of", "and", "the", "in", "on", "de"}


@dataclass
class Item:
    start: int  # word positions in the sentence, end exclusive
    end: int
    kind: str  # name, demonym, title, chunk, org, person, description, surname
    entity: str | None = None
    match: NameMatch | None = None
    post_type: str | None = None
    owner: str | None = None  # for titles: the state or organisation the post belongs to
    function: str = "name"
    candidates: list[tuple[str, float]] = field(default_factory=list)
    former: bool = False  # a title held once: "former President"


def find_items(words: list[Word], index: NameIndex, titles: TitleFinder, demonyms: dict[str, str],
               known_word, shared_names: dict[str, str] | None = None) -> list[Item]:
    """Items of a sentence, sorted by position. `known_word(w)` says whether w is a common English word;
    `shared_names`: the state this article means by a name two states share ("Congo")."""
    taken: set[int] = set()
    items = [Item(s.start, s.end, "name", s.match.entity, s.match, candidates=s.match.candidates)
             for s in find_names(words, index, taken)]
    for w in words:
        if w.i not in taken and (state := (shared_names or {}).get(w.text)):
            items.append(Item(w.i, w.i + 1, "name", state, NameMatch(state, 100.0, "shared")))
            taken.add(w.i)
    for t in titles.find(words, taken):
        owner = demonyms.get(words[t.slot].text) if t.slot is not None else None
        items.append(Item(t.start, t.end, "title", post_type=t.post_type, owner=owner))
        taken.update(range(t.start, t.end))
    for w in words:
        if w.i not in taken and w.text in demonyms:
            items.append(Item(w.i, w.i + 1, "demonym", demonyms[w.text]))
            taken.add(w.i)
    items.extend(_chunks(words, taken, known_word))
    return sorted(_absorb_trailing_names(items, index), key=lambda it: it.start)


def _absorb_trailing_names(items: list[Item], index: NameIndex) -> list[Item]:
    """A one-word organisation name that ends a run of unknown capitalised words is that run's last
    word: "Therese Kayikwamba Wagner" is a person, not two people and the Wagner Group."""
    chunks = {it.end: it for it in items if it.kind == "chunk"}
    out = []
    for it in items:
        chunk = chunks.get(it.start)
        entity = index.kb.get(it.entity) if it.kind == "name" and it.entity else None
        if chunk is not None and it.end - it.start == 1 and entity is not None and entity.cls == "Organisation":
            chunk.end = it.end
            continue
        out.append(it)
    return out


def _chunks(words: list[Word], taken: set[int], known_word) -> list[Item]:
    """Runs of capitalised words that no other rule claimed: names the KB does not know (yet)."""
    out, i = [], 0
    while i < len(words):
        if i in taken or not _starts_name(words, i, known_word):
            i += 1
            continue
        j = i + 1
        while j < len(words) and j not in taken:
            w = words[j]
            if w.folded in NOT_NAMES:  # "Jeddah on Monday": a weekday ends a name
                break
            if w.capitalised and not w.is_punct:
                j += 1
            elif w.text in ("-", "'", "’") and j + 1 < len(words) and words[j + 1].capitalised:
                j += 1
            elif (w.folded in CONNECTORS or w.folded in NAME_PARTICLES) and j + 1 < len(words) \
                    and j + 1 not in taken and words[j + 1].capitalised and not words[j + 1].is_punct \
                    and words[j + 1].folded not in NOT_NAMES:
                j += 1
            elif w.folded in NAME_PARTICLES and j + 2 < len(words) and words[j + 1].text == "-" \
                    and words[j + 2].capitalised and not {j + 1, j + 2} & taken:
                j += 2  # "Abdel Fattah el-Sisi", "Ali al-Sistani"
            else:
                break
        out.append(Item(i, j, "chunk"))
        i = j
    return out


def _starts_name(words: list[Word], i: int, known_word) -> bool:
    w = words[i]
    if not w.capitalised or w.is_punct or w.text[:1].isdigit() or w.folded in NOT_NAMES:
        return False
    # A capital at the start of a sentence or quotation proves nothing: a common word there is no name.
    opening = i == 0 or words[i - 1].text in ('"', "“", "«", "(", ":", "‘", "'")
    return not (opening and known_word(w.text))
