"""Stage: resolve the names of an article to entities, and read the posts its text states.

Order within an article: KB names, titles, demonyms and capitalised chunks per sentence; state bodies and
organisation names; officials by title; then, with the whole article known, the remaining chunks, later
mentions (a surname alone, "the Azerbaijani president") and whether a capital or demonym acts or locates.
"""
from __future__ import annotations

from functools import cached_property

from ..kb.index import KBEntity, KnowledgeBase, Term
from ..model import Entity, Mention, PostStatement, Record, Sentence, by_sentence
from ..namespaces import ID, slug
from ..text import english
from .items import Item, find_items
from .matcher import NameIndex
from .normalise import fold, skeletons
from .officials import Holding, counterpart_holdings, title_holdings
from .pronouns import resolve_pronouns
from .orgs import body_of_state, is_org_name
from .roles import assign_functions
from .shared import shared_senses
from .titles import TitleFinder
from .words import NAME_PARTICLES, NOT_NAMES, PERSON_NOUNS, Word, sentence_words

# The body that acts for an unnamed office holder: "the Armenian Minister of Defense accused ..."
MINISTRY_OF_POST = {"ForeignMinister": "Ministry of Foreign Affairs", "DefenceMinister": "Ministry of Defence",
                    "InteriorMinister": "Ministry of the Interior"}


class NameResolver:
    """Resolves names against a knowledge base that grows with the entities articles introduce."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.index = NameIndex(kb)
        self.titles = TitleFinder(kb.title_words)

    @cached_property
    def _common_words(self) -> set[str]:
        _, table = english()
        return set(table.keys()) | set(table.values())

    def known_word(self, word: str) -> bool:
        return word.lower() in self._common_words

    def cls_of(self, iri: str | None) -> str | None:
        e = self.kb.get(iri)
        return e.cls if e else None

    def __call__(self, record: Record) -> Record:
        tokens = by_sentence(record.tokens)
        sentences = []
        senses = shared_senses(record.text, self.kb)  # "Congo" in an article that names Kinshasa
        demonyms = self.kb.demonyms | {w: s for w, s in senses.items() if w in self.kb.shared_demonyms}
        names = {w: s for w, s in senses.items() if w in self.kb.shared_names}
        for s in record.sentences:
            words = sentence_words(tokens[s.index])
            items = find_items(words, self.index, self.titles, demonyms, self.known_word, names)
            if _headline_case(words, items, self.known_word):
                items = [it for it in items if it.kind != "chunk"]
            self._organisations(words, items, record)
            for h in title_holdings(words, items, self.cls_of):
                self._official(h, words, s, record)
            for h in counterpart_holdings(words, items, self.cls_of, lambda p: self._post_of(p, record)):
                self._official(h, words, s, record)
            sentences.append((s, words, items))
        for s, words, items in sentences:
            self._chunks(words, items, record)
        persons = {it.entity for _, _, items in sentences for it in items
                   if it.kind == "name" and self.cls_of(it.entity) == "Person"} | {p.person for p in record.posts}
        states = {it.entity for _, _, items in sentences for it in items
                  if it.entity and self.cls_of(it.entity) == "State"}
        for s, words, items in sentences:
            self._short_state_names(words, items, states)
            self._later_mentions(words, items, persons, record)
            assign_functions(words, items, self.kb)
            self._emit(s, words, items, record)
        resolve_pronouns(record, self.cls_of)
        self._declare_introduced(record)
        return record

    def _declare_introduced(self, record: Record) -> None:
        """An entity no reference file holds is declared in every article that names it: each article's
        graph can then be read, or removed, on its own."""
        for iri in {m.entity for m in record.mentions if m.entity} | {p.person for p in record.posts}:
            e = self.kb.get(iri)
            if e is not None and not e.in_kb and iri not in record.entities:
                record.entities[iri] = Entity(iri, e.cls, e.label, acts_for=e.acts_for)

    # ------------------------------------------------------------------ entities

    def _entity(self, record: Record, cls: str, label: str, key: str | None = None, **extra) -> str:
        """The IRI of a new entity (minted from its spelling-free key), registered for later articles."""
        prefix = {"Person": "person", "Organisation": "org", "Place": "place", "State": "state"}[cls]
        iri = str(ID[f"{prefix}/{slug(key or label)}"])
        entity = self.kb.register(KBEntity(iri, cls, label, **extra))
        self.index.add(entity)
        if not entity.in_kb:
            known = record.entities.get(iri)
            if known is None:
                record.entities[iri] = Entity(iri, cls, entity.label, acts_for=entity.acts_for)
        return iri

    def _seen_as(self, record: Record, iri: str, surface: str) -> None:
        """Keep a spelling the KB did not have, as an alternative label with its article."""
        e = self.kb.get(iri)
        if e is None or fold(surface) in {fold(n) for n in e.names}:
            return
        entry = record.entities.setdefault(iri, Entity(iri, e.cls, e.label, in_kb=e.in_kb))
        entry.alt_labels.add(surface)
        self.index.add_name(iri, surface)

    def _organisations(self, words: list[Word], items: list[Item], record: Record) -> None:
        for it in list(items):
            if it.kind in ("demonym", "name") and it.entity and self.cls_of(it.entity) == "State":
                body = body_of_state(words, it, it.entity)
                if body is None or any(x.start < body[0] and x.end > it.end and x is not it for x in items
                                       if x.kind in ("name", "title")):
                    continue
                end, canonical = body
                state_label = self.kb.get(it.entity).label
                label = f"{canonical} of {state_label}"
                found = self.index.match(label, {"Organisation"}).entity
                org = found or self._entity(record, "Organisation", label, acts_for=it.entity)
                it.function = "modifier"
                items[:] = [x for x in items if not (x.start >= it.end and x.end <= end)]
                items.append(Item(it.start, end, "org", org))
            elif it.kind == "chunk" and is_org_name(words, it):
                start = it.start
                before = next((x for x in items if x.end == it.start and x.kind == "demonym"), None)
                if before is not None:
                    items.remove(before)
                    start = before.start
                label = _surface(words, start, it.end)
                found = self.index.match(label, {"Organisation"}).entity or self.index.truncated(label, {"Organisation"})
                it.start, it.kind = start, "org"
                it.entity = found or self._entity(record, "Organisation", label)
        items.sort(key=lambda x: x.start)

    def _official(self, h: Holding, words: list[Word], s: Sentence, record: Record) -> None:
        person = self._person(h.holder, words, record, h.post_type, h.owner)
        if h.title is not None:  # the title refers to the person it names, whether or not a post is stated
            h.title.function, h.title.entity = "named", person
        owner = h.owner
        if owner is None:
            owners = {t.of for t in self.kb.posts_of(person, record.date) if t.post_type == h.post_type}
            owner = owners.pop() if len(owners) == 1 else None
        if owner is None or (h.title is not None and h.title.former):
            return  # a former post says who the person is, not what they hold today
        first = h.title if h.title is not None and h.title.start < h.holder.start else h.holder
        last = h.holder if h.holder.end > (h.title.end if h.title else 0) else h.title
        start, end = words[first.start].token.start, words[last.end - 1].token.end
        record.posts.append(PostStatement(person, h.post_type, owner, s.index, start, end))
        self.kb.attest(Term(person, h.post_type, owner, record.date, record.date))

    def _person(self, item: Item, words: list[Word], record: Record, post_type: str | None = None,
                owner: str | None = None) -> str:
        """The person a title names: a KB or earlier article's person, or a new one.

        A weak spelling match (80-92) is accepted only when that person holds the same post of the same
        state on the article's date: the title confirms what the spelling alone cannot."""
        text = _surface(words, item.start, item.end)
        if item.entity is None or self.cls_of(item.entity) != "Person":
            match = self.index.match(text, {"Person"})
            confirmed = match.entity or self._confirmed_by_post(match.candidates, post_type, owner, record)
            item.candidates = [] if confirmed else match.candidates
            item.entity = confirmed or self._entity(record, "Person", text)
        item.kind = "name"
        self._seen_as(record, item.entity, text)
        return item.entity

    def _confirmed_by_post(self, candidates, post_type, owner, record: Record) -> str | None:
        if post_type is None or owner is None:
            return None
        holding = {iri for iri, _ in candidates if any(
            t.post_type == post_type and t.of == owner and (t.start is None or record.date is None or t.covers(record.date))
            for t in self.kb.posts_of(iri))}
        return holding.pop() if len(holding) == 1 else None

    def _post_of(self, person: str, record: Record) -> str | None:
        stated = {p.post_type for p in record.posts if p.person == person}
        known = stated or {t.post_type for t in self.kb.posts_of(person, record.date)}
        return known.pop() if len(known) == 1 else None

    # ------------------------------------------------------------------ what the whole article settles

    def _chunks(self, words: list[Word], items: list[Item], record: Record) -> None:
        for it in items:
            if it.kind != "chunk" or it.entity is not None:
                continue
            text = _surface(words, it.start, it.end)
            match = self.index.match(text)
            if match.entity is not None:
                it.entity, it.kind = match.entity, "name"
                self._seen_as(record, match.entity, text)
            elif _named_after_a_person_noun(words, it) and not match.candidates:
                it.entity, it.kind = self._entity(record, "Person", text), "name"  # "army chief Abdel Fattah al-Burhan"
            else:
                it.candidates = match.candidates

    def _short_state_names(self, words: list[Word], items: list[Item], states: set[str]) -> None:
        """"Congo" in an article that named "the Democratic Republic of Congo": a word that ends the name of
        exactly one state the article names elsewhere is that state (the KB leaves "Congo" alone, which
        two states share)."""
        for it in items:
            if it.kind != "chunk" or it.entity is not None or it.end - it.start != 1:
                continue
            word = words[it.start].folded
            ending = {st for st in states if any(n.split() and fold(n.split()[-1]) == word and len(n.split()) > 1
                                                 for n in self.kb.get(st).names)}
            if len(ending) == 1:
                it.entity, it.kind = ending.pop(), "name"

    def _later_mentions(self, words: list[Word], items: list[Item], persons: set[str], record: Record) -> None:
        for it in items:
            if it.kind == "chunk" and it.entity is None and it.end - it.start == 1:
                it.entity = self._surname(words[it.start].text, persons, record)
                if it.entity:
                    it.kind = "surname"
            elif it.kind == "title" and it.entity is None and it.owner is not None:
                plural = words[it.end - 1].folded.endswith("s") and not words[it.end - 1].folded.endswith("ss")
                if not plural:
                    it.entity, it.kind = self._description(it, record), "description"

    def _surname(self, word: str, persons: set[str], record: Record) -> str | None:
        key = set(skeletons(word))
        same = lambda iri: any(set(skeletons(n.split()[-1])) & key for n in self.kb.get(iri).names if n.split())
        in_article = {p for p in persons if same(p)}
        if len(in_article) == 1:
            return in_article.pop()
        if in_article:
            return None
        known = {iri for iri, e in self.kb.entities.items() if e.cls == "Person" and same(iri)}
        if record.date is not None:
            known = {p for p in known if self.kb.posts_of(p, record.date)}
        else:  # without a date, only a sitting office holder unique by surname
            known = {p for p in known if any(t.end is None for t in self.kb.posts_of(p))}
        return known.pop() if len(known) == 1 else None

    def _description(self, title: Item, record: Record) -> str | None:
        stated = {p.person for p in record.posts if p.post_type == title.post_type and p.of == title.owner}
        holders = stated or self.kb.holders(title.post_type, title.owner, record.date)
        if len(holders) == 1:
            return holders.pop()
        if holders:
            return None
        ministry = MINISTRY_OF_POST.get(title.post_type)
        if ministry and self.cls_of(title.owner) == "State":
            label = f"{ministry} of {self.kb.get(title.owner).label}"
            return self.index.match(label, {"Organisation"}).entity or \
                self._entity(record, "Organisation", label, acts_for=title.owner)
        return title.owner if title.post_type in ("HeadOfState", "HeadOfGovernment") else None

    def _emit(self, s: Sentence, words: list[Word], items: list[Item], record: Record) -> None:
        for it in items:
            # review candidates are reference entities: which newcomers other articles introduced depends on
            # the order articles were built in, and a re-run must change nothing
            it.candidates = [(iri, score) for iri, score in it.candidates if self.kb.get(iri).in_kb]
            if it.entity is None and not it.candidates:
                continue
            start, end = words[it.start].token.start, words[it.end - 1].token.end
            score = it.match.score / 100 if it.match and it.match.entity == it.entity else 1.0
            function = "modifier" if it.function == "named" else it.function
            record.mentions.append(Mention(start, end, record.text[start:end], s.index, it.kind, it.entity,
                                           self.cls_of(it.entity), score, it.candidates, function))


def _surface(words: list[Word], start: int, end: int) -> str:
    out = ""
    for w in words[start:end]:
        glue = out and not out.endswith(("-", "'", "’")) and w.text not in ("-", "'", "’", "'s", "’s")
        out += (" " if glue else "") + w.text
    return out


# Words that Title Case styles (Chicago, APA) leave in lower case however long they are.
_TITLE_CASE_LOWER = {"with", "from", "into", "onto", "over", "upon", "amid", "than", "that", "near", "via", "after",
                     "before", "under", "about", "against", "between", "during", "through", "toward", "towards"}


def _headline_case(words: list[Word], items: list[Item], known_word) -> bool:
    """Title Case Headlines capitalise common words too, so capitals prove nothing there.

    Titles, names and weekdays are capitalised in running text as well: they are not counted. A word of
    four letters or more in lower case (other than the prepositions some styles keep lower case) is running
    text: "Ruto received Somali President Hassan Sheikh Mohamud at State House" is no headline."""
    if any(w.text.isalpha() and w.text.islower() and len(w.text) > 3 and w.folded not in _TITLE_CASE_LOWER
           for w in words[1:]):
        return False
    named = {i for it in items if it.kind != "chunk" for i in range(it.start, it.end)}
    common = [w for w in words[1:] if w.i not in named and w.text[:1].isalpha() and len(w.text) > 3
              and known_word(w.text) and w.folded not in NOT_NAMES]
    return len(common) >= 3 and sum(w.capitalised for w in common) / len(common) > 0.8


def _named_after_a_person_noun(words: list[Word], it: Item) -> bool:
    """A name of two words or more, capitalised, right after a noun that introduces a person."""
    if it.end - it.start < 2 or it.start == 0 or words[it.start - 1].folded not in PERSON_NOUNS:
        return False
    return all(w.text[:1].isupper() or w.folded in NAME_PARTICLES or w.text in ("-",) for w in words[it.start:it.end])
