"""What Wikidata says about one state or organisation, as knowledge-base RDF (the overlay's graphs).

Labels and aliases become alternative labels of the KB entity; heads of state and government and
ministers become persons holding posts over dated terms (dkg:PostHolding with schema:startDate and
schema:endDate); memberships become org:Membership with an org:memberDuring interval. Every holding and
membership names the Wikidata statement it comes from and the query that fetched it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from ..kb.index import KnowledgeBase
from ..names.matcher import NameIndex
from ..names.normalise import fold
from ..namespaces import DKG, ID, ORG, PROV, SCHEMA, TIME, WD, digest, new_graph, slug
from .answers import Answer, When
from .statements import Statement
from .vocab import DAY, MONTH, qid_of

# Shorter names are codes and initials ("RU", "AM", "V.P."), which would link stray words to entities.
_SHORTEST_NAME = {"State": 4, "Person": 4, "Organisation": 3}


@dataclass(frozen=True)
class Target:
    """A state or organisation of the KB that `kb update` asks Wikidata about."""

    iri: str
    qid: str
    cls: str  # State or Organisation
    label: str


@dataclass
class Fetched:
    """What the endpoint answered about one target."""

    target: Target
    names: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # Q-id -> (kind, text, lang)
    posts: list[Statement] = field(default_factory=list)
    memberships: list[Statement] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)  # "posts", "memberships", "names" -> answer


def activity(g: Graph, answer: Answer) -> URIRef:
    """The PROV activity of one answer: the endpoint it used, the query it sent, when it ended."""
    node = ID[f"activity/wikidata/{digest(answer.endpoint, answer.query, answer.retrieved.isoformat())}"]
    g.add((node, RDF.type, PROV.Activity))
    g.add((node, PROV.used, URIRef(answer.endpoint)))
    g.add((node, DKG.queryText, Literal(answer.query)))
    g.add((node, PROV.endedAtTime, Literal(answer.retrieved.isoformat(), datatype=XSD.dateTime)))
    return node


def graph_name(qid: str) -> URIRef:
    """The overlay's named graph for one target."""
    return ID[f"graph/wikidata/{qid}"]


class OverlayBuilder:
    """Turns fetched answers into overlay graphs, giving Wikidata items the IRIs the bundled KB uses (it is
    built on the bundled KB, without the overlay it rewrites)."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.names = NameIndex(kb)
        self.by_qid = {qid_of(e.wikidata): iri for iri, e in kb.entities.items() if e.wikidata}
        self.minted: dict[str, str] = {}  # Q-id -> IRI of the persons this update names

    def graph(self, fetched: Fetched) -> Graph:
        g = new_graph()
        activities = {key: activity(g, answer) for key, answer in fetched.answers.items()}
        for node in activities.values():
            g.add((graph_name(fetched.target.qid), PROV.wasGeneratedBy, node))
        t = fetched.target
        self._names(g, t.iri, t.cls, fetched.names.get(t.qid, []), activities.get("names"))
        for statement in fetched.posts:
            self._holding(g, statement, fetched, activities.get("posts"))
        for statement in fetched.memberships:
            self._membership(g, statement, activities.get("memberships"))
        return g

    def _names(self, g: Graph, iri: str, cls: str, names, activity: URIRef | None) -> None:
        node = URIRef(iri)
        known = self.kb.get(iri)
        own = {fold(n) for n in known.names} if known else set()
        own |= {fold(str(n)) for n in g.objects(node, SKOS.prefLabel)}
        for kind, text, lang in names:
            if kind == "demonym":
                if self.kb.demonyms.get(text, iri) == iri and cls == "State":
                    g.add((node, DKG.demonym, Literal(text, lang=lang)))
                continue
            folded = fold(text)
            if folded in own or len(folded) < _SHORTEST_NAME[cls] or self.names.exact(text) - {iri}:
                continue  # already a name of it, too short to trust, or the name of another entity
            own.add(folded)
            g.add((node, SKOS.altLabel, Literal(text, lang=lang)))
        if activity is not None and names:
            g.add((node, PROV.wasInfluencedBy, activity))

    def person(self, g: Graph, qid: str, fetched: Fetched, statements: list[Statement]) -> URIRef | None:
        """The KB IRI of a person item. A person the bundled KB lacks is described (class, name, Wikidata id)
        in every graph that names it, so that each target's graph stands on its own when replaced."""
        english = next((text for kind, text, lang in fetched.names.get(qid, []) if kind == "label" and lang == "en"),
                       None)
        iri = self.by_qid.get(qid) or self.minted.get(qid)
        if iri is None:
            if english is None:
                return None  # a person without an English label cannot be named in the KB
            iri = self.minted[qid] = self._new_person_iri(qid, english, statements)
        node = URIRef(iri)
        if qid not in self.by_qid:
            g.add((node, RDF.type, DKG.Person))
            if self.kb.get(iri) is None and english is not None:
                g.add((node, SKOS.prefLabel, Literal(english, lang="en")))
            g.add((node, SKOS.exactMatch, WD[qid]))
        self._names(g, iri, "Person", fetched.names.get(qid, []), None)
        return node

    def _new_person_iri(self, qid: str, label: str, statements: list[Statement]) -> str:
        """person/<slug>; a curated person of that IRI without a Wikidata id is the same person only when
        the KB has them in one of the same posts; any other clash gets the Q-id in the IRI."""
        iri = str(ID[f"person/{slug(label)}"])
        known = self.kb.get(iri)
        if known is None:
            return iri
        states = {self.by_qid.get(s.value) for s in statements}
        same_post = any(t.post_type == s.kind and t.of in states for s in statements for t in self.kb.posts_of(iri))
        if known.cls == "Person" and known.wikidata is None and same_post:
            return iri
        return str(ID[f"person/{slug(label)}-{qid.lower()}"])

    def _holding(self, g: Graph, st: Statement, fetched: Fetched, activity: URIRef | None) -> None:
        term, state = st.term(), self.by_qid.get(st.value)
        if st.deprecated or term is None or state is None:
            return  # only terms dated to the day, of states the KB knows
        mine = [s for s in fetched.posts if s.subject == st.subject]
        person = self.person(g, st.subject, fetched, mine)
        if person is None:
            return
        owner = state.removeprefix(str(ID))
        post = ID[f"post/{owner}/{st.kind}"]
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.role, DKG[st.kind]))
        g.add((post, ORG.postIn, URIRef(state)))
        g.add((person, ORG.holds, post))
        # One holding per term: the state's statement (P35, P6) and the person's (P39) often say the same
        key = str(person).removeprefix(str(ID) + "person/")
        holding = ID[f"holding/{key}/{owner}/{st.kind}/wd-{digest(st.subject, st.kind, st.value, *term)}"]
        g.add((holding, RDF.type, DKG.PostHolding))
        g.add((holding, DKG.holder, person))
        g.add((holding, DKG.post, post))
        g.add((holding, SCHEMA.startDate, Literal(term[0], datatype=XSD.date)))
        if term[1] is not None:
            g.add((holding, SCHEMA.endDate, Literal(term[1], datatype=XSD.date)))
        g.add((holding, PROV.wasDerivedFrom, URIRef(st.iri)))
        if activity is not None:
            g.add((holding, PROV.wasGeneratedBy, activity))

    def _membership(self, g: Graph, st: Statement, activity: URIRef | None) -> None:
        member, organisation = self.by_qid.get(st.subject), self.by_qid.get(st.value)
        if st.deprecated or member is None or organisation is None:
            return  # only between entities the KB knows: P463 also lists groupings that are no organisation
        key = f"{member.removeprefix(str(ID))}/{organisation.removeprefix(str(ID))}"
        node = ID[f"membership/{key}/Member/wd-{digest(st.iri, length=10)}"]
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, URIRef(member)))
        g.add((node, ORG.organization, URIRef(organisation)))
        g.add((node, ORG.role, DKG.Member))
        g.add((node, PROV.wasDerivedFrom, URIRef(st.iri)))
        if activity is not None:
            g.add((node, PROV.wasGeneratedBy, activity))
        if st.start is None and st.end is None:
            return
        interval = URIRef(f"{node}/interval")
        g.add((node, ORG.memberDuring, interval))
        g.add((interval, RDF.type, TIME.Interval))
        for prop, moment, name in ((TIME.hasBeginning, st.start, "begin"), (TIME.hasEnd, st.end, "end")):
            if moment is not None:
                instant = URIRef(f"{interval}/{name}")
                g.add((interval, prop, instant))
                g.add((instant, RDF.type, TIME.Instant))
                g.add((instant, *_instant_value(moment)))


def _instant_value(moment: When) -> tuple[URIRef, Literal]:
    """OWL-Time's value at the precision Wikidata gives: a day, a year and month, or a year."""
    d = moment.day
    if moment.precision >= DAY:
        return TIME.inXSDDate, Literal(d, datatype=XSD.date)
    if moment.precision == MONTH:
        return TIME.inXSDgYearMonth, Literal(f"{d.year:04d}-{d.month:02d}", datatype=XSD.gYearMonth)
    return TIME.inXSDgYear, Literal(f"{d.year:04d}", datatype=XSD.gYear)

