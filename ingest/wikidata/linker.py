"""`diplokg link`: give entities of a built graph a Wikidata id, only where the articles agree.

For each person and organisation that articles mention without a Wikidata id, the endpoint is asked for
items whose label or alias is exactly one of its names (in LANGUAGES), and each candidate is checked
against what the articles say:
- a person must be human (P31 Q5) and have held the post an article gives, of the state it gives, on
  the article's date (a statement whose dates cover that day whatever their precision);
- an organisation must be an instance of an organisation class (P31, P279*) whose country (P17) is the
  state the articles give: the state a state body acts for, or a state its name names.
Exactly one candidate that fits is linked (skos:exactMatch); otherwise every candidate of the right kind
is recorded for review (dkg:LinkCandidate: score and reason), never a guess. Scores: 0.9 fits but is one
of several, 0.5 nothing in the articles to check it against, 0.2 contradicts them. Links and candidates
go into their own named graph (…/graph/links), replaced as a whole: linking again changes nothing, and
the articles' graphs are never touched.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, SKOS, XSD

from ..errors import DiplokgError
from ..kb.index import KnowledgeBase
from ..namespaces import DKG, PROV, WD, new_graph
from ..store import Store
from . import queries
from .answers import Answer, item, text
from .client import WikidataClient
from .evidence import LINKS_GRAPH, Unlinked, unlinked_entities
from .kbgraph import activity
from .statements import Statement, post_statements
from .vocab import HUMAN, qid_of

LANGUAGES = ("en", "es", "fr", "de", "it", "pt")
_NAMES_PER_ENTITY, _ENTITIES_PER_QUERY, _ITEMS_PER_QUERY, _KEPT = 6, 20, 50, 8
FITS_ONE_OF_SEVERAL, UNCHECKED, CONTRADICTS = 0.9, 0.5, 0.2

Progress = Callable[[int, str, str], None]  # (number, entity, what happened)


@dataclass
class Candidate:
    qid: str
    label: str | None = None
    human: bool = False
    organisation: bool = False
    countries: set[str] = field(default_factory=set)
    posts: list[Statement] = field(default_factory=list)


@dataclass
class Verdict:
    entity: Unlinked
    link: str | None = None  # the Q-id accepted
    review: list[tuple[Candidate, float, str]] = field(default_factory=list)  # candidate, score, reason


@dataclass
class LinkReport:
    verdicts: list[Verdict]
    graph: Graph
    sent: int = 0
    cached: int = 0

    @property
    def linked(self) -> list[tuple[str, str]]:
        return [(v.entity.iri, v.link) for v in self.verdicts if v.link]

    @property
    def reviewed(self) -> int:
        return sum(1 for v in self.verdicts if v.review)


def judge(entity: Unlinked, candidates: list[Candidate]) -> Verdict:
    """Link the one candidate that fits the articles; put the others (of the right kind) up for review."""
    kind = [c for c in candidates if (c.human if entity.cls == "Person" else c.organisation and not c.human)]
    checks = [(c, _fits(entity, c)) for c in kind]
    fitting = [c for c, ok in checks if ok]
    if len(fitting) == 1:
        return Verdict(entity, fitting[0].qid)
    review = []
    for c, ok in checks:
        if ok:
            review.append((c, FITS_ONE_OF_SEVERAL, f"ambiguous: {len(fitting)} candidates fit the articles"))
        elif ok is None:
            review.append((c, UNCHECKED, "nothing in the articles to check it against"))
        else:
            review.append((c, CONTRADICTS, _contradiction(entity)))
    review.sort(key=lambda r: (-r[1], r[0].qid))
    return Verdict(entity, None, review[:_KEPT])


def _fits(entity: Unlinked, c: Candidate) -> bool | None:
    if entity.cls == "Person":
        if not entity.posts:
            return None
        return any(st.kind == post and st.value == state and not st.deprecated and st.surely_covers(day)
                   for post, state, day in entity.posts for st in c.posts)
    if not entity.states:
        return None
    return bool(c.countries & entity.states)


def _contradiction(entity: Unlinked) -> str:
    if entity.cls == "Person":
        return "held no post the articles give, of that state, on their dates"
    return "belongs to another country than the articles give"


def find_links(store: Store, client: WikidataClient, kb: KnowledgeBase | None = None,
               progress: Progress | None = None) -> LinkReport:
    """Judge every unlinked person and organisation; nothing is written here."""
    entities = unlinked_entities(store, kb or KnowledgeBase.reference())
    answers: list[Answer] = []
    named = _items_named(entities, client, answers)
    details = _details(sorted({q for qids in named.values() for q in qids}), client, answers)
    verdicts = []
    for number, e in enumerate(entities, start=1):
        verdict = judge(e, [details[q] for q in sorted(named.get(e.iri, ())) if q in details])
        verdicts.append(verdict)
        if progress:
            progress(number, e.names[0] if e.names else e.iri, f"linked to {verdict.link}" if verdict.link else
                     f"{len(verdict.review)} candidate(s) for review" if verdict.review else "no candidate")
    return LinkReport(verdicts, links_graph(verdicts, answers), client.sent,
                      sum(a.from_cache for a in answers))


def link(store: Store, client: WikidataClient, kb: KnowledgeBase | None = None,
         progress: Progress | None = None) -> LinkReport:
    """find_links, then replace the store's links graph in one transaction."""
    report = find_links(store, client, kb, progress)
    store.replace_graph(LINKS_GRAPH, report.graph)
    return report


def _items_named(entities: list[Unlinked], client: WikidataClient, answers: list[Answer]) -> dict[str, set[str]]:
    """Entity IRI -> Q-ids of the items one of its names labels exactly."""
    out: dict[str, set[str]] = {}
    for start in range(0, len(entities), _ENTITIES_PER_QUERY):
        batch = entities[start:start + _ENTITIES_PER_QUERY]
        owners: dict[str, set[str]] = {}
        for e in batch:
            for name in [n for n in e.names if queries.usable_name(n)][:_NAMES_PER_ENTITY]:
                owners.setdefault(name, set()).add(e.iri)
        if not owners:
            continue
        answer = client.select(queries.items_named(owners, LANGUAGES))
        answers.append(answer)
        for row in answer.rows:
            qid = item(row, "item", answer.endpoint)
            for iri in owners.get(text(row, "name") or "", ()):
                out.setdefault(iri, set()).add(qid)
    return out


def _details(qids: list[str], client: WikidataClient, answers: list[Answer]) -> dict[str, Candidate]:
    found = {q: Candidate(q) for q in qids}
    for start in range(0, len(qids), _ITEMS_PER_QUERY):
        answer = client.select(queries.item_facts(qids[start:start + _ITEMS_PER_QUERY]))
        answers.append(answer)
        for row in answer.rows:
            c, fact = found.get(item(row, "item", answer.endpoint)), text(row, "fact")
            value = qid_of(str(row.get("value", "")))
            if c is None:
                continue
            if fact == "label":
                c.label = text(row, "label")
            elif fact == "class" and value == HUMAN:
                c.human = True
            elif fact == "organisation" and value:
                c.organisation = True
            elif fact == "country" and value:
                c.countries.add(value)
    humans = [q for q, c in found.items() if c.human]
    for start in range(0, len(humans), _ITEMS_PER_QUERY):
        answer = client.select(queries.post_statements(holders=humans[start:start + _ITEMS_PER_QUERY]))
        answers.append(answer)
        for st in post_statements(answer):
            found[st.subject].posts.append(st)
    return found


def write_with_links(source: Store, graph: Graph, path) -> None:
    """A graph file's graphs, with `graph` as its links graph (replacing any), to a TriG or N-Quads file."""
    from ..build import output_format

    fmt = output_format(path)
    if fmt not in ("trig", "nquads"):
        raise DiplokgError(f"{path}: links are a named graph of their own; write a .trig or .nq file")
    ds = Dataset()
    for s, p, o, name in source.quads():
        if name is None or str(name) == str(DATASET_DEFAULT_GRAPH_ID):
            ds.default_graph.add((s, p, o))
        elif name != LINKS_GRAPH:
            ds.graph(name).add((s, p, o))
    links = ds.graph(LINKS_GRAPH)
    for triple in graph:
        links.add(triple)
    ds.serialize(str(path), format=fmt)


def links_graph(verdicts: list[Verdict], answers: list[Answer]) -> Graph:
    g = new_graph()
    for answer in answers:
        g.add((LINKS_GRAPH, PROV.wasGeneratedBy, activity(g, answer)))
    for v in verdicts:
        if v.link:
            g.add((URIRef(v.entity.iri), SKOS.exactMatch, WD[v.link]))
            continue
        for mention in v.entity.mentions.values():  # one mention per article, where a reviewer reads it
            for c, score, reason in v.review:
                node = URIRef(f"{mention}/wikidata/{c.qid}")
                g.add((node, RDF.type, DKG.LinkCandidate))
                g.add((node, DKG.forMention, URIRef(mention)))
                g.add((node, DKG.candidate, WD[c.qid]))
                g.add((node, DKG.linkScore, Literal(f"{score:.3f}", datatype=XSD.decimal)))
                g.add((node, DKG.candidateReason, Literal(reason)))
                if c.label:
                    g.add((node, DKG.candidateLabel, Literal(c.label, lang="en")))
    return g
