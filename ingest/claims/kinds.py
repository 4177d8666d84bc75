"""What a figure counts: its casualty kind (killed, wounded, displaced, missing, captured) and population.

A kind word follows the figure ("21 were killed", "127 wounded", "70,000 people had to leave their
homes"), possibly past a noun group, auxiliaries and one appositive between commas; or a verb or toll
comes just before it ("killed 12 civilians", "the death toll rose to 45"). A figure that counts part
of the one before it ("300 dead, about fifty of them civilians") takes that figure's kind.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..dates.clauses import verb_like
from ..model import Token
from .figures import number_at

# Word sequences after a figure; an element is a set of words matched against the text or the lemma.
_AFTER = {
    "Killed": [{"killed", "dead", "died", "deaths", "death", "fatalities", "perished", "slain"},
               ({"lost"}, {"their", "his", "her"}, {"life", "lives"}), ({"shot", "stabbed", "beaten"}, {"dead", "to"})],
    "Wounded": [{"wounded", "injured", "hurt", "injuries"}],
    "Displaced": [{"displaced", "fled", "refugees", "evacuated", "uprooted"},
                  ({"leave", "left", "flee", "fled", "abandon", "abandoned"}, {"their", "his", "her"}, {"home", "homes"}),
                  ({"forced"}, {"from", "out", "to"}, {"their", "flee"})],
    "Missing": [{"missing", "disappeared"}, ({"unaccounted"}, {"for"})],
    "Captured": [{"captured", "abducted", "kidnapped", "hostages", "pows"},
                 ({"taken"}, {"prisoner", "prisoners", "hostage", "captive"}), ({"prisoners"}, {"of"}, {"war"})],
}
# A verb just before the figure: "killed 12", "wounding 30", "claimed the lives of 20".
_BEFORE = {
    "Killed": {"killed", "killing", "kills", "kill", "toll", "lives"},
    "Wounded": {"wounded", "wounding", "injured", "injuring", "injures"},
    "Displaced": {"displaced", "displacing", "displaces", "uprooted"},
    "Captured": {"captured", "capturing", "abducted", "kidnapped"},
}
_BEFORE_GLUE = {"a", "an", "the", "of", "to", "at", "by", "rose", "risen", "climbed", "reached", "stands", "stood",
                "is", "was", "has", "had", "now", "total", "another", "further", "some"}
_AUXILIARIES = {"was", "were", "had", "has", "have", "been", "be", "are", "is", "being", "also", "reportedly",
                "allegedly", "already", "to", "got", "reported", "believed", "feared", "confirmed", "later"}
CIVILIAN = {"civilian", "civilians", "resident", "residents", "villager", "villagers", "child", "children",
            "women", "journalist", "journalists", "reporters", "medics", "doctors", "nurses", "worker", "workers",
            "refugees", "non-combatants", "noncombatants", "pupils", "students", "worshippers", "passengers"}
MILITARY = {"soldier", "soldiers", "serviceman", "servicemen", "troops", "fighter", "fighters", "militant",
            "militants", "combatant", "combatants", "rebels", "militiamen", "officers", "marines", "personnel",
            "paratroopers", "conscripts", "gunmen", "insurgents"}
_PEOPLE = {"people", "persons", "person", "individuals", "others"}
_PART_OF = ({"of"}, {"them", "whom", "those", "which"})
_WINDOW = 7
_APPOSITIVE = 12


@dataclass(frozen=True)
class Reading:
    kind: str | None  # None for a part of the previous figure ("fifty of them civilians")
    population: str
    end: int  # where the claim's phrase ends (token position)


def read_figure(tokens: list[Token], start: int, end: int) -> Reading | None:
    """The kind and population of the figure at tokens [start, end), or None if it counts no casualty."""
    part = _part_of_previous(tokens, start, end)
    if part is not None:
        return part
    kind = _kind_before(tokens, start) or _toll_before(tokens, start)
    if kind is not None:
        return Reading(kind, _population_for(kind, _noun_group(tokens, end)), end)
    found = _kind_after(tokens, end)
    if found is None or _released(tokens, found[2]):
        return None
    kind, own_end, stop = found
    return Reading(kind, _population_for(kind, tokens[end:own_end]), stop)


def read_coordinated(tokens: list[Token], previous_end: int, start: int, end: int, kind: str) -> Reading | None:
    """"killed 12 civilians and 3 soldiers": a figure joined by "and" to the one before it, across that
    one's noun group, counts the same kind, with a population of its own."""
    between = tokens[previous_end:start]
    if not between or between[-1].text.lower() != "and" or len(between) > 4 or \
            not all(t.text[:1].isalnum() and not verb_like(t) for t in between[:-1]):
        return None
    group = _noun_group(tokens, end)
    if not (_counts_people(between[:-1]) and _counts_people(group)):
        return None  # "300 tanks and 12 soldiers": only people are counted alike
    return Reading(kind, _population_for(kind, group), end + len(group))


def _counts_people(group: list[Token]) -> bool:
    return population(group) is not None or any(t.text.lower() in _PEOPLE for t in group)


def _part_of_previous(tokens: list[Token], start: int, end: int) -> Reading | None:
    """"about fifty of them civilians", "including 447 children": a part of the figure before it."""
    if _matches(tokens, end, _PART_OF):
        return Reading(None, population(tokens[end + 2:end + 4]) or "UnknownPopulation", min(end + 4, len(tokens)))
    if start > 0 and tokens[start - 1].text.lower() in ("including", "among", "incl"):
        group = _noun_group(tokens, end)
        if population(group) is not None:
            return Reading(None, population(group), end + len(group))
    return None


def _noun_group(tokens: list[Token], end: int) -> list[Token]:
    """Up to three words after a figure, to the first punctuation: "12 Ukrainian soldiers"."""
    group = []
    for t in tokens[end:end + 3]:
        if not t.text[:1].isalnum():
            break
        group.append(t)
    return group


def _released(tokens: list[Token], stop: int) -> bool:
    """"40 hostages released": a count of the freed, not of the captured."""
    return stop < len(tokens) and tokens[stop].lemma in ("release", "free", "exchange", "swap", "return")


def population(tokens: list[Token]) -> str | None:
    words = {t.text.lower() for t in tokens}
    if words & MILITARY:
        return "Military"
    if words & CIVILIAN:
        return "Civilian"
    return None


def _population_for(kind: str, tokens: list[Token]) -> str:
    # People who had to leave their homes are counted as civilians: displacement figures (UNHCR, IOM)
    # count civilians by definition; troops redeploy, they are not displaced.
    return population(tokens) or ("Civilian" if kind == "Displaced" else "UnknownPopulation")


def _kind_before(tokens: list[Token], start: int) -> str | None:
    k = start - 1
    while k >= 0 and start - k <= 4 and tokens[k].text.lower() in _BEFORE_GLUE:
        k -= 1
    if k < 0:
        return None
    word = tokens[k].text.lower()
    for kind, words in _BEFORE.items():
        if word in words:
            if word == "lives" and not any(t.lemma in ("claim", "take", "cost") for t in tokens[max(0, k - 2):k]):
                continue
            if word == "toll" and k > 0 and tokens[k - 1].text.lower() not in ("death", "the", "a"):
                continue
            return kind
    return None


def _toll_before(tokens: list[Token], start: int) -> str | None:
    """"The death toll from the strikes on Sanaa rose to 31": a toll counts the dead."""
    if start == 0 or tokens[start - 1].text.lower() not in ("to", "at", "of", "reached", "hit", "exceeded"):
        return None
    for k in range(start - 2, max(-1, start - 12), -1):
        word = tokens[k].text.lower()
        if word in (",", ";", ".", ":") or _is_number(word):
            return None
        if word == "toll":
            return "Killed"
    return None


def _kind_after(tokens: list[Token], end: int) -> tuple[str, int, int] | None:
    """(kind, where the figure's own words end, where the kind's word ends), scanning past a noun group,
    auxiliaries, an appositive and one figure coordinated with it ("13 civilians and 5 soldiers were killed")."""
    k, seen, skipped, own_end = end, 0, False, None
    while k < len(tokens) and seen < _WINDOW:
        word = tokens[k].text.lower()
        for kind, patterns in _AFTER.items():
            length = _matches_any(tokens, k, patterns)
            if length:
                return kind, own_end if own_end is not None else k, k + length
        if word == "and" and own_end is None and _counts_people(tokens[end:k]):
            second = number_at(tokens, k + 1, set())
            if second is not None:  # the kind word after the second figure is both figures' kind
                own_end, k = k, second[1]
                continue
        if word == "," and not skipped:
            closing = next((j for j in range(k + 1, min(len(tokens), k + _APPOSITIVE)) if tokens[j].text == ","), None)
            if closing is None:
                return None
            k, skipped = closing + 1, True
            continue
        if word in (";", ".", ":", "and", "but", "while") or _is_number(word):
            return None
        if verb_like(tokens[k]) and word not in _AUXILIARIES:
            return None
        k, seen = k + 1, seen + 1
    return None


def _is_number(word: str) -> bool:
    return word.replace(",", "").replace(".", "").isdigit()


def _matches_any(tokens: list[Token], k: int, patterns) -> int:
    for pattern in patterns:
        sequence = pattern if isinstance(pattern, tuple) else (pattern,)
        if _matches(tokens, k, sequence):
            return len(sequence)
    return 0


def _matches(tokens: list[Token], k: int, sequence) -> bool:
    return k + len(sequence) <= len(tokens) and all(
        tokens[k + n].text.lower() in words or tokens[k + n].lemma in words for n, words in enumerate(sequence))
