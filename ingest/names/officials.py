"""Officials named by their titles: "Russian Foreign Minister Sergey Lavrov", "the spokeswoman for the
Russian Foreign Ministry, Maria Zakharova", "Lavrov, the Russian foreign minister", "his Armenian and
Azerbaijani colleagues, X and Y", "his French counterpart Emmanuel Macron".

Each pattern yields (holder item, post type, owner): the caller resolves the holder to a person.
"""
from __future__ import annotations

from dataclasses import dataclass

from .items import Item
from .titles import COUNTERPARTS
from .words import DETERMINERS, POSSESSIVE, Word


@dataclass
class Holding:
    holder: Item
    post_type: str
    owner: str | None  # None when the text does not say; the caller may know it from the KB
    title: Item | None = None


def _at(items: list[Item], position: int) -> Item | None:
    return next((it for it in items if it.start == position), None)


def _skip(words: list[Word], j: int, skippable: set[str]) -> int:
    while j < len(words) and words[j].folded in skippable | {""} and words[j].text not in ("(", ")", ";"):
        if words[j].is_punct and words[j].text != ",":
            break
        j += 1
    return j


_FORMER = {"former", "ex", "late", "then", "erstwhile", "onetime", "one-time", "incoming", "future"}
# Words between an owner and its title that leave the post held: "Thailand's acting Prime Minister X"
_HOLDING_QUALIFIERS = {"acting", "interim", "caretaker", "outgoing"}


def _lead(words: list[Word], title: Item) -> int:
    """Where the title starts once the qualifiers before it are counted in."""
    k = title.start
    while k > 0 and words[k - 1].folded in _HOLDING_QUALIFIERS:
        k -= 1
    return k


def _former(words: list[Word], title: Item, items: list[Item]) -> bool:
    """"Former Nigerian President Olusegun Obasanjo": a post once held, not held on the article's day."""
    k = title.start - 1
    while k >= 0 and (any(it.start <= k < it.end and it.kind in ("demonym", "name") for it in items)
                      or words[k].text in ("-", "'s", "’s")):
        k -= 1
    return k >= 0 and words[k].folded in _FORMER


def is_owner(item: Item | None, cls_of) -> bool:
    return item is not None and item.entity is not None and (
        item.kind in ("demonym", "org") or cls_of(item.entity) in ("State", "Organisation"))


def is_holder(item: Item | None, cls_of) -> bool:
    if item is None or item.kind not in ("name", "chunk"):
        return False
    if item.entity is not None:
        return cls_of(item.entity) == "Person"
    return item.end - item.start >= 2 or item.kind == "chunk"


def title_holdings(words: list[Word], items: list[Item], cls_of) -> list[Holding]:
    """Every title in the sentence with the person it names, where the sentence names one."""
    out = []
    for t in (it for it in items if it.kind == "title"):
        if words[t.end - 1].folded.endswith("s") and not words[t.end - 1].folded.endswith("ss"):
            # a plural title names several people: "the foreign ministers of Armenia and Azerbaijan", unless
            # each state is followed by its holder: "the presidents of Venezuela, X, and Guyana, Y"
            out.extend(_distributed(words, items, t, cls_of))
            continue
        t.former = _former(words, t, items)
        owner = t.owner
        lead = _lead(words, t)
        before = next((it for it in items if it.end == lead or
                       (it.end == lead - 1 and words[it.end].text in POSSESSIVE)), None)
        if owner is None and is_owner(before, cls_of):
            owner = before.entity
            before.function = "modifier"
        j = t.end
        if owner is None and j < len(words) and words[j].folded in ("of", "for"):
            k = _skip(words, j + 1, {"the"})
            of = _at(items, k)
            if is_owner(of, cls_of):
                owner, j = of.entity, of.end
                of.function = "modifier"
        t.owner = owner
        if j < len(words) and words[j].folded == "to":  # "ambassador to Russia": the receiving state
            receiving = _at(items, _skip(words, j + 1, {"the"}))
            if receiving is not None:
                j = receiving.end
        holder = _at(items, _skip(words, j, {","}))
        if is_holder(holder, cls_of):
            out.append(Holding(holder, t.post_type, owner, t))
            continue
        # "[Name], [the] [Demonym] [Title]": the name comes first
        left = before.start if before is not None and before.kind in ("demonym", "org", "name") and \
            owner == before.entity else t.start
        k = left - 1
        while k >= 0 and words[k].folded in DETERMINERS:
            k -= 1
        if k >= 0 and words[k].text == ",":
            name = next((it for it in items if it.end == k), None)
            if is_holder(name, cls_of):
                out.append(Holding(name, t.post_type, owner, t))
    return out


def _distributed(words: list[Word], items: list[Item], title: Item, cls_of) -> list[Holding]:
    """"The presidents of Venezuela, Nicolas Maduro, and Guyana, Irfaan Ali": a holder after each owner."""
    if title.end >= len(words) or words[title.end].folded != "of":
        return []
    pairs, j = [], _skip(words, title.end + 1, {"the"})
    while True:
        owner = _at(items, j)
        if not is_owner(owner, cls_of) or owner.end >= len(words) or words[owner.end].text != ",":
            break
        holder = _at(items, owner.end + 1)
        if not is_holder(holder, cls_of):
            break
        pairs.append((owner, holder))
        j = _skip(words, holder.end, {",", "and", "the"})
    if len(pairs) < 2:
        return []
    for owner, _ in pairs:
        owner.function = "modifier"
    return [Holding(holder, title.post_type, owner.entity, title) for owner, holder in pairs]


def counterpart_holdings(words: list[Word], items: list[Item], cls_of, post_of) -> list[Holding]:
    """"his Armenian and Azerbaijani colleagues, X and Y": the post of "his" referent, in each state.

    `post_of(person)` gives the post type the article or the KB knows for a person."""
    out = []
    for w in words:
        if w.folded not in COUNTERPARTS:
            continue
        states, k = [], w.i - 1
        while k >= 0:
            it = next((x for x in items if x.end == k + 1), None)
            if it is not None and it.kind in ("demonym", "name") and it.entity and cls_of(it.entity) == "State":
                states.insert(0, it)
                k = it.start - 1
            elif words[k].folded in ("and", "") and words[k].text in ("and", ","):
                k -= 1
            else:
                break
        if not states or k < 0 or words[k].folded not in ("his", "her", "their", "its"):
            continue
        referent = next((it for it in reversed(items) if it.end <= k and it.entity and
                         cls_of(it.entity) == "Person"), None)
        post_type = post_of(referent.entity) if referent is not None else None
        if post_type is None:
            continue
        names, j = [], _skip(words, w.i + 1, {","})
        while True:
            it = _at(items, j)
            if not is_holder(it, cls_of):
                break
            names.append(it)
            j = _skip(words, it.end, {",", "and"})
        if not names:
            continue
        for s in states:
            s.function = "modifier"
        owners = [s.entity for s in states] if len(states) == len(names) else \
            [states[0].entity] * len(names) if len(states) == 1 else [None] * len(names)
        out.extend(Holding(n, post_type, o) for n, o in zip(names, owners))
    return out
