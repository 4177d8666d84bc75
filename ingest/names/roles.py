"""Whether a capital, a demonym or a seat of government acts in its sentence or only locates or qualifies.

"talks in Moscow" is a place; "Moscow is linked to ...", "to react against Baku" and "in order to favor
Ankara" stand for the state's government. "the Armenian Prime Minister" qualifies a post; "the Armenians
are bombing" and "Azerbaijani forces" make the state an actor.
"""
from __future__ import annotations

from ..kb.index import KnowledgeBase
from .items import Item
from .words import (ACTOR_VERBS, ADVERSATIVE, GROUP_NOUNS, GROUP_QUALIFIERS, LOCATIVE, MEMBER_NOUNS, PERSON_NOUNS,
                    POSSESSIVE, Word)


def assign_functions(words: list[Word], items: list[Item], kb: KnowledgeBase) -> None:
    capital_lists = _capital_lists(words, items, kb)
    for it in items:
        if it.entity is None:
            continue
        first, last = capital_lists.get(id(it), (it, it))  # "Baku and Yerevan held talks": the list acts
        before = words[first.start - 1] if first.start > 0 else None
        end = last.end + _group_at(words, last.end, (), GROUP_NOUNS | MEMBER_NOUNS) if last is not it else last.end
        after = words[end] if end < len(words) else None
        if it.entity in kb.capitals:
            stance = first.start > 1 and before.folded == "to" and words[first.start - 2].folded in STANCES
            # "mediated between Kinshasa and Kigali", "talks between Baku and Yerevan": the governments
            sides = first.start > 1 and before.folded in ("between", "among") and \
                words[first.start - 2].lemma in BETWEEN_SIDES
            if _acts(before, after) or (before is not None and before.lemma in ADDRESSING) or stance or sides:
                it.entity, it.kind, it.function = kb.capitals[it.entity], "capital", "actor"
            else:
                it.function = "place"
        elif it.kind == "demonym" and it.function != "modifier":
            plural_noun = words[it.start].text.endswith("s") and not words[it.start].text.endswith("ss")
            group = _group_at(words, it.end, items)
            kb_cls = lambda x: kb.get(x.entity).cls if kb.get(x.entity) else None
            unnamed, shared_group = _coordinated_heads(it, items, words, kb_cls)
            it.function = "actor" if plural_noun or group or unnamed or shared_group else "modifier"
            if group and not any(x.start == it.end for x in items):
                it.end += group  # the mention is the group: "Azerbaijani forces", "Ethiopian federal troops"
        elif kb.get(it.entity) is not None and kb.get(it.entity).cls == "Place":
            it.function = "place"
        elif (group := _possessed_group(it, words, items, kb)):
            it.function, it.end = "actor", it.end + 1 + group  # "Sudan's army": the state's forces act
        elif _names_one_of_its_people(it, words, items):
            it.function = "modifier"  # "Syria's interim leader Ahmed al-Sharaa": the person acts
        elif it.function == "name" and _venue(before, after, kb.get(it.entity)):
            it.function = "place"  # "talks in Malaysia", "a summit in Qatar": where, not who
        elif it.function == "name":
            it.function = "actor"
            if group := _group_at(words, it.end, items, GROUP_NOUNS | MEMBER_NOUNS):
                it.end += group  # "NATO peacekeepers", "Hamas fighters": the group is the actor's


def _venue(before: Word | None, after: Word | None, entity) -> bool:
    """A state right after 'in' or 'at' is a location, unless something of its own follows ("in Sudan's
    capital" is the capital's; "in Ukraine's war" still names Ukraine)."""
    return (entity is not None and entity.cls == "State" and before is not None and before.folded in ("in", "at")
            and not (after is not None and after.text in POSSESSIVE))


def _capital_lists(words: list[Word], items: list[Item], kb: KnowledgeBase) -> dict[int, tuple[Item, Item]]:
    """Capitals in a list of names joined by 'and' or commas ("Baku and Yerevan", "Kinshasa and M23
    rebels"), each mapped to the list's first and last member: what stands around the list decides
    whether they are governments or cities."""
    out, run = {}, []
    for it in sorted((i for i in items if i.entity is not None), key=lambda i: i.start):
        joined = run and all(w.folded in ("and", "") and w.text in ("and", ",") for w in words[run[-1].end:it.start]) \
            and it.start > run[-1].end
        run = run + [it] if joined else [it]
        for member in run:
            if member.entity in kb.capitals:
                out[id(member)] = (run[0], run[-1])
    return out


# Verbs whose object is a government when it is a capital: "warned Kyiv", "urged Baku". (Verbs of
# attack are not among them: "shelled Kyiv" is the city.)
ADDRESSING = {"warn", "urge", "accuse", "blame", "criticise", "criticize", "condemn", "pressure", "sanction",
              "threaten", "invite", "ask", "tell", "support", "back", "recognise", "recognize", "reject", "thank",
              "congratulate", "call", "summon", "persuade", "convince", "defy", "rebuke"}


# Words after which "between X and Y" names sides, not two cities ("flights between Nairobi and Kigali").
BETWEEN_SIDES = {"mediate", "mediation", "mediator", "broker", "talk", "negotiation", "dialogue", "ceasefire", "truce",
                 "tension", "relation", "conflict", "war", "deal", "agreement", "accord", "meeting", "summit",
                 "dispute", "rift", "rapprochement", "peace", "contact", "consultation", "clash", "fighting",
                 "hostility", "normalisation", "normalization"}

# "militias hostile to Kigali", "forces loyal to Moscow": a stance toward a capital is toward its government.
STANCES = {"hostile", "loyal", "opposed", "allied", "close", "friendly", "linked", "aligned",
           # what is given or sent to a capital goes to its government: "full support to Baku"
           "support", "aid", "assistance", "message", "warning", "ultimatum", "appeal", "letter"}


def _acts(before: Word | None, after: Word | None) -> bool:
    if before is not None and before.folded in ADVERSATIVE - {"and", "with", "by", "between"}:
        return True
    if before is not None and (before.folded in LOCATIVE | {"between"} or before.lemma in LOCATIVE):
        return False  # "flights between Nairobi and Kigali resumed": the verb is not the cities'
    if after is not None and (after.text in POSSESSIVE or after.lemma in ACTOR_VERBS):
        return True
    return False


def _coordinated_heads(demonym: Item, items: list[Item], words: list[Word], kb_cls) -> tuple[bool, bool]:
    """What a list of state adjectives ends on: officials not named ("the Armenian and Azerbaijani foreign
    ministers": the states act through them), or a group ("Thai and Cambodian troops": both armies act)."""
    k, listed = demonym.end, False
    while True:
        nxt = next((x for x in items if x.start == k), None)
        if nxt is not None and (nxt.kind == "demonym" or (nxt.kind == "name" and kb_cls(nxt) == "State")):
            if nxt.kind == "demonym" and listed and _group_at(words, nxt.end, items):
                return False, True
            k = nxt.end
        elif k < len(words) and words[k].folded in ("and", ""):
            k, listed = k + 1, True
        else:
            return nxt is not None and nxt.kind == "title" and nxt.entity is None, False


def _group_at(words: list[Word], k: int, items: list[Item] = (), nouns: set[str] = GROUP_NOUNS) -> int:
    """How many words from k name a group ("forces", "federal government"), or 0; 0 too when one of
    `items` starts inside those words (they are a name of their own)."""
    if k < len(words) and words[k].folded in nouns:
        group = 1
    elif k + 1 < len(words) and words[k].folded in GROUP_QUALIFIERS and words[k + 1].folded in nouns:
        group = 2
    else:
        return 0
    while k + group < len(words) and words[k + group].folded in nouns:
        group += 1  # "army forces", "military officials"
    if any(k <= x.start < k + group for x in items):
        return 0
    if words[k + group - 1].folded in _ONE_PERSON and _name_at(items, k + group):
        return 0  # "Syria's interim leader Ahmed al-Sharaa": a title before a name, not the state's group
    if k + group < len(words) and words[k + group].folded in PERSON_NOUNS and _name_at(items, k + group + 1):
        return 0  # "Sudanese army chief Abdel Fattah al-Burhan": the person acts, not the army
    return group


def _name_at(items: list[Item], k: int) -> bool:
    return any(x.start == k and x.kind in ("name", "chunk") for x in items)


def _names_one_of_its_people(it: Item, words: list[Word], items: list[Item]) -> bool:
    """"X's [interim] leader NAME", "X's army chief NAME", "X envoy NAME": X qualifies a person named next."""
    if it.end < len(words) and words[it.end].folded in PERSON_NOUNS and _name_at(items, it.end + 1):
        return True  # "US envoy Steve Witkoff", "Hamas leader Yahya Sinwar"
    k = it.end + 1
    if it.end >= len(words) or words[it.end].text not in POSSESSIVE:
        return False
    k += k < len(words) and words[k].folded in GROUP_QUALIFIERS
    if k + 1 < len(words) and words[k].folded in GROUP_NOUNS and words[k + 1].folded in PERSON_NOUNS:
        k += 1  # "Chad's army commander NAME"
    return k < len(words) and words[k].folded in _ONE_PERSON | PERSON_NOUNS and _name_at(items, k + 1)


# Group nouns that name one person when a name follows them.
_ONE_PERSON = {"leader", "official", "diplomat", "negotiator"}


def _possessed_group(it: Item, words: list[Word], items: list[Item], kb: KnowledgeBase) -> int:
    """How many words name the group after a state's possessive ("Sudan's army"), or 0."""
    entity = kb.get(it.entity)
    k = it.end
    if entity is None or entity.cls != "State" or k + 1 >= len(words) or words[k].text not in POSSESSIVE:
        return 0
    return _group_at(words, k + 1, items)
