"""Whether a capital, a demonym or a seat of government acts in its sentence or only locates or qualifies.

"talks in Moscow" is a place; "Moscow is linked to ...", "to react against Baku" and "in order to favor
Ankara" stand for the state's government. "the Armenian Prime Minister" qualifies a post; "the Armenians
are bombing" and "Azerbaijani forces" make the state an actor.
"""
from __future__ import annotations

from ..kb.index import KnowledgeBase
from .items import Item
from .words import ACTOR_VERBS, ADVERSATIVE, GROUP_NOUNS, LOCATIVE, POSSESSIVE, Word


def assign_functions(words: list[Word], items: list[Item], kb: KnowledgeBase) -> None:
    for it in items:
        if it.entity is None:
            continue
        before = words[it.start - 1] if it.start > 0 else None
        after = words[it.end] if it.end < len(words) else None
        if it.entity in kb.capitals:
            if _acts(before, after) or (before is not None and before.lemma in ADDRESSING):
                it.entity, it.kind, it.function = kb.capitals[it.entity], "capital", "actor"
            else:
                it.function = "place"
        elif it.kind == "demonym" and it.function != "modifier":
            plural_noun = words[it.start].text.endswith("s") and not words[it.start].text.endswith("ss")
            group = after is not None and after.folded in GROUP_NOUNS
            kb_cls = lambda x: kb.get(x.entity).cls if kb.get(x.entity) else None
            unnamed = _unnamed_officials(it, items, words, kb_cls)
            it.function = "actor" if plural_noun or group or unnamed else "modifier"
            if group and not any(x.start == it.end for x in items):
                it.end += 1  # the mention is the group: "Azerbaijani forces"
        elif kb.get(it.entity) is not None and kb.get(it.entity).cls == "Place":
            it.function = "place"
        elif _possessed_group(it, words, items, kb):
            it.function, it.end = "actor", it.end + 2  # "Sudan's army": the state's forces act
        elif it.function == "name":
            it.function = "actor"


# Verbs whose object is a government when it is a capital: "warned Kyiv", "urged Baku". (Verbs of
# attack are not among them: "shelled Kyiv" is the city.)
ADDRESSING = {"warn", "urge", "accuse", "blame", "criticise", "criticize", "condemn", "pressure", "sanction",
              "threaten", "invite", "ask", "tell", "support", "back", "recognise", "recognize", "reject", "thank",
              "congratulate", "call", "summon", "persuade", "convince", "defy", "rebuke"}


def _acts(before: Word | None, after: Word | None) -> bool:
    if before is not None and before.folded in ADVERSATIVE - {"and", "with", "by", "between"}:
        return True
    if before is not None and (before.folded in LOCATIVE or before.lemma in LOCATIVE):
        return False
    if after is not None and (after.text in POSSESSIVE or after.lemma in ACTOR_VERBS):
        return True
    return False


def _unnamed_officials(demonym: Item, items: list[Item], words: list[Word], kb_cls) -> bool:
    """"the Armenian and Azerbaijani foreign ministers": the states act through officials not named."""
    k = demonym.end
    while True:
        nxt = next((x for x in items if x.start == k), None)
        if nxt is not None and (nxt.kind == "demonym" or (nxt.kind == "name" and kb_cls(nxt) == "State")):
            k = nxt.end
        elif k < len(words) and words[k].folded in ("and", ""):
            k += 1
        else:
            return nxt is not None and nxt.kind == "title" and nxt.entity is None


def _possessed_group(it: Item, words: list[Word], items: list[Item], kb: KnowledgeBase) -> bool:
    entity = kb.get(it.entity)
    k = it.end
    return (entity is not None and entity.cls == "State" and k + 1 < len(words) and words[k].text in POSSESSIVE
            and words[k + 1].folded in GROUP_NOUNS and not any(x.start == k + 1 for x in items))
