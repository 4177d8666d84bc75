"""The reference knowledge base as the extractor reads it: entities, names, demonyms, posts and terms.

`KnowledgeBase.load()` reads the ontology's Turtle files once; `register` adds the entities that articles
introduce, so that a person found in several articles becomes one node.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SKOS

from ..errors import InputError
from ..namespaces import DKG, ORG, PROV, SCHEMA, WIKIDATA_ENTITY, local_name
from ..resources import kb_files, kb_overlay_files, ontology_files

CLASSES = {DKG.State: "State", DKG.Person: "Person", DKG.Organisation: "Organisation", DKG.Place: "Place"}


@dataclass
class KBEntity:
    iri: str
    cls: str
    label: str
    alt_labels: list[str] = field(default_factory=list)
    wikidata: str | None = None
    acts_for: str | None = None  # a ministry or presidential office acts for its state
    unit_of: str | None = None  # the Minsk Group is a unit of the OSCE
    contained_in: str | None = None
    in_kb: bool = True

    @property
    def names(self) -> list[str]:
        return [self.label, *self.alt_labels]


@dataclass(frozen=True)
class Term:
    """A person's term in a post, from the KB (start/end) or attested by an article (on)."""

    person: str
    post_type: str
    of: str
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


class Terms:
    """Terms found by person and by post, so that asking about one person or post does not read them all."""

    def __init__(self) -> None:
        self.all: list[Term] = []
        self.by_person: dict[str, list[Term]] = defaultdict(list)
        self.by_post: dict[tuple[str, str], list[Term]] = defaultdict(list)

    def add(self, term: Term) -> None:
        self.all.append(term)
        self.by_person[term.person].append(term)
        self.by_post[(term.post_type, term.of)].append(term)

    def __contains__(self, term: Term) -> bool:
        return term in self.by_person.get(term.person, ())

    def __len__(self) -> int:
        return len(self.all)

    def copy(self) -> "Terms":
        other = Terms()
        for term in self.all:
            other.add(term)
        return other


@cache
def _read(versions: tuple) -> Graph:
    g = Graph()
    for f, *_ in versions:
        _parse_into(g, f)
    return g


def _parse_into(g: Graph, path: Path) -> None:
    try:
        if path.suffix == ".trig":  # the overlay: one named graph per updated state or organisation
            ds = Dataset()
            ds.parse(path, format="trig")
            for s, p, o, _ in ds.quads((None, None, None, None)):
                g.add((s, p, o))
        else:
            g.parse(path, format="turtle")
    except Exception as err:  # noqa: BLE001 - rdflib raises many kinds of parse errors
        raise InputError(path, f"the knowledge base file does not parse ({type(err).__name__}: "
                               f"{' '.join(str(err).split())[:200]})") from None


def _versions(files: list[Path]) -> tuple:
    """Each file with its modification time and size, so that a file rewritten since it was read (the
    overlay, after `diplokg kb update`) is read again."""
    return tuple((f, f.stat().st_mtime_ns, f.stat().st_size) for f in files)


def kb_graph(overlay: list[Path] | None = None) -> Graph:
    """The reference knowledge base (ontology/kb/*.ttl and the overlay `kb update` wrote, or the `overlay`
    files given) as one graph."""
    return _read(_versions(kb_files() + (kb_overlay_files() if overlay is None else overlay)))


def ontology_graph() -> Graph:
    """The TBox and taxonomies (ontology/*.ttl) as one graph."""
    return _read(_versions(ontology_files()))


class KnowledgeBase:
    def __init__(self) -> None:
        self.entities: dict[str, KBEntity] = {}
        self.demonyms: dict[str, str] = {}  # demonym as written -> state IRI
        # a name or a demonym that two states share -> the states (kb/shared-names.ttl)
        self.shared_names: dict[str, set[str]] = defaultdict(set)
        self.shared_demonyms: dict[str, set[str]] = defaultdict(set)
        self.capitals: dict[str, str] = {}  # place IRI -> state IRI
        self.title_words: dict[str, str] = {}  # title word (lower case) -> post type
        self.terms = Terms()  # from the reference files
        self.attested = Terms()  # from articles built in this run
        self.members: dict[str, set[str]] = defaultdict(set)  # organisation -> members
        self.revision = 0  # bumped by register(), so that name indexes know when to grow

    @classmethod
    def reference(cls, overlay: list[Path] | None = None) -> "KnowledgeBase":
        """The bundled reference KB with the overlay `kb update` wrote, or with the `overlay` files given
        (`[]`: the bundled KB alone). Shared: call `copy()` before registering article entities. Read again
        when a file changed."""
        files = kb_files() + (kb_overlay_files() if overlay is None else overlay)
        return cls._reference(_versions(ontology_files()), _versions(files))

    @classmethod
    @cache
    def _reference(cls, ontology_versions: tuple, kb_versions: tuple) -> "KnowledgeBase":
        kb = cls()
        kb._index(_read(ontology_versions) + _read(kb_versions))
        return kb

    @classmethod
    def load(cls) -> "KnowledgeBase":
        return cls.reference().copy()

    def copy(self) -> "KnowledgeBase":
        other = KnowledgeBase()
        other.entities = dict(self.entities)
        other.demonyms, other.capitals = dict(self.demonyms), dict(self.capitals)
        other.shared_names, other.shared_demonyms = self.shared_names, self.shared_demonyms  # read-only
        other.title_words, other.terms = dict(self.title_words), self.terms.copy()
        other.attested = self.attested.copy()
        other.members = defaultdict(set, {k: set(v) for k, v in self.members.items()})
        return other

    def _index(self, g: Graph) -> None:
        for rdf_class, name in CLASSES.items():
            for s in g.subjects(RDF.type, rdf_class):
                if isinstance(s, URIRef):
                    self.entities[str(s)] = self._entity(g, s, name)
        for state, demonym in g.subject_objects(DKG.demonym):
            self.demonyms[str(demonym)] = str(state)
        for p, table in ((DKG.sharedName, self.shared_names), (DKG.sharedDemonym, self.shared_demonyms)):
            for state, word in g.subject_objects(p):
                table[str(word)].add(str(state))
        historical = {str(s) for s, kind in g.subject_objects(DKG.stateKind) if str(kind) == "historical"}
        for state, capital in sorted(g.subject_objects(DKG.capital), key=lambda sc: str(sc[0]) in historical):
            # Moscow was the Soviet Union's capital too: a capital stands for the state that has it now
            self.capitals.setdefault(str(capital), str(state))
        for post_type, word in g.subject_objects(DKG.titleWord):
            self.title_words[str(word).lower()] = local_name(post_type)
        for holding in g.subjects(RDF.type, DKG.PostHolding):
            self._term(g, holding)
        for m in g.subjects(RDF.type, ORG.Membership):
            member, organisation = g.value(m, ORG.member), g.value(m, ORG.organization)
            if member is not None and organisation is not None:
                self.members[str(organisation)].add(str(member))

    @staticmethod
    def _entity(g: Graph, s: URIRef, cls: str) -> KBEntity:
        label = g.value(s, SKOS.prefLabel)
        # hidden labels are what text calls an entity without naming it ("Armenian Minister of Defense")
        alts = sorted({str(a) for p in (SKOS.altLabel, SKOS.hiddenLabel) for a in g.objects(s, p)} - {str(label)})
        wikidata = next((str(o) for o in g.objects(s, SKOS.exactMatch) if WIKIDATA_ENTITY.match(str(o))), None)
        value = lambda p: (str(v) if (v := g.value(s, p)) is not None else None)
        return KBEntity(str(s), cls, str(label) if label is not None else local_name(s), alts, wikidata,
                        acts_for=value(PROV.actedOnBehalfOf), unit_of=value(ORG.unitOf),
                        contained_in=value(SCHEMA.containedInPlace))

    def _term(self, g: Graph, holding) -> None:
        person, post = g.value(holding, DKG.holder), g.value(holding, DKG.post)
        post_type, of = g.value(post, ORG.role), g.value(post, ORG.postIn)
        if None in (person, post_type, of):
            return
        day = lambda p: (v.toPython() if (v := g.value(holding, p)) is not None else None)
        start, end = day(SCHEMA.startDate), day(SCHEMA.endDate)
        self.terms.add(Term(str(person), local_name(post_type), str(of),
                            start if isinstance(start, date) else None, end if isinstance(end, date) else None))

    # ------------------------------------------------------------------ questions the extractor asks

    def get(self, iri: str | None) -> KBEntity | None:
        return self.entities.get(iri) if iri else None

    def holders(self, post_type: str, of: str, on: date | None) -> set[str]:
        """Who held post `post_type` of `of` on day `on` (KB terms, and terms articles attested)."""
        if on is None:
            return set()
        key = (post_type, of)
        return {t.person for t in self.terms.by_post.get(key, []) + self.attested.by_post.get(key, []) if t.covers(on)}

    def posts_of(self, person: str, on: date | None = None, attested: bool = True) -> list[Term]:
        """The person's terms covering `on`; `attested=False` keeps to the reference files, whose answer does
        not depend on which articles were built before."""
        terms = self.terms.by_person.get(person, []) + (self.attested.by_person.get(person, []) if attested else [])
        return [t for t in terms if on is None or t.covers(on)]

    def state_of(self, iri: str | None) -> str | None:
        """The state an actor stands for: itself, the state a ministry acts for, a capital's state."""
        seen = set()
        while iri and iri not in seen:
            seen.add(iri)
            e = self.entities.get(iri)
            if e is None:
                return None
            if e.cls == "State":
                return iri
            iri = e.acts_for or self.capitals.get(iri)
        return None

    def register(self, entity: KBEntity) -> KBEntity:
        """Add an entity an article introduced; a second article naming it finds it here."""
        known = self.entities.get(entity.iri)
        if known is not None:
            for name in entity.names:
                if name not in known.names:
                    known.alt_labels.append(name)
                    self.revision += 1
            return known
        entity.in_kb = False
        self.entities[entity.iri] = entity
        self.revision += 1
        return entity

    def attest(self, term: Term) -> None:
        """An article says a person held a post on a day: later descriptions may use it."""
        if term not in self.attested:
            self.attested.add(term)
