"""A synthetic diplokg graph of a chosen size, in the shape `ingest/mapping.py` writes: one named graph per
article (NIF context, sentences and mentions with offsets, entities, post holdings, memberships, date
expressions, events with sem:eventType, dates, places and participations in roles with dkg:evidence,
casualty claims), events merged across articles, and the reference KB and ontology graphs with
generated officials and their terms added to the KB.

    python -m benchmarks.synthetic_graph 100000 /tmp/graph-100k.nq

Writes N-Quads and, beside them, `<file>.samples.json`: representative values (a busy state, a person,
a date range...) for binding query parameters.
"""
from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pyoxigraph as ox

from rdflib.namespace import RDF, SKOS

from ingest.kb.index import kb_graph, ontology_graph
from ingest.mapping import role_properties
from ingest.namespaces import DKG, ID, ITSRDF, KB_GRAPH, NIF, ONTOLOGY_GRAPH, ORG, SCHEMA, SEM, WD
from ingest.store.convert import to_oxigraph

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"
EVENT_TYPES = ["Talks", "PhoneCall", "Visit", "Mediation", "CallForCeasefire", "CeasefireAgreement",
               "Accusation", "Attack", "Denial", "Agreement"]
ROLES = {"Talks": ("party", "party"), "PhoneCall": ("participant", "participant"), "Mediation": ("mediator", "party"),
         "Visit": ("initiator", "host"), "Accusation": ("initiator", "target"), "Attack": ("initiator", "target")}
ROLE_PROPERTY = {role: str(p) for role, p in role_properties().items()}
POSTS = ["HeadOfState", "HeadOfGovernment", "ForeignMinister", "DefenceMinister", "Ambassador", "Spokesperson"]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650


def n(iri) -> ox.NamedNode:
    return ox.NamedNode(str(iri))


def lit(value, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype)) if datatype else ox.Literal(str(value))


class Generator:
    def __init__(self, seed: int = 0):
        self.rng = random.Random(seed)
        states = sorted(str(s) for s in kb_graph().subjects(RDF.type, DKG.State))
        self.states = states[:120]
        self.busy = self.states[:8]  # a few states appear in many events, as in real coverage
        self.places = [f"{ID}place/city-{k}" for k in range(150)]
        self.organisations = [f"{ID}org/organisation-{k}" for k in range(40)]
        self.people = [f"{ID}person/official-{k}" for k in range(600)]  # in the KB
        self.newcomers = [f"{ID}person/newcomer-{k}" for k in range(400)]  # only articles name them
        self.events: list[tuple[str, str, date, str]] = []  # (iri, type, day, place) for merging across articles

    # ------------------------------------------------------------------ reference graphs

    def reference(self):
        for graph, name in ((ontology_graph(), ONTOLOGY_GRAPH), (kb_graph(), KB_GRAPH)):
            for s, p, o in graph:
                yield ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), n(name))
        kb = n(KB_GRAPH)
        for k, place in enumerate(self.places):
            yield from self._labelled(place, DKG.Place, f"City {k}", kb, wikidata=f"{WD}Q{9_000_000 + k}")
        for k, org in enumerate(self.organisations):
            yield from self._labelled(org, DKG.Organisation, f"Organisation {k}", kb)
            for member in self.rng.sample(self.states, 12):
                m = f"{org}/membership/{member.rsplit('/', 1)[-1]}"
                for p, o in ((RDF_TYPE, n(ORG.Membership)), (n(ORG.member), n(member)),
                             (n(ORG.organization), n(org)), (n(ORG.role), n(DKG.Member))):
                    yield ox.Quad(n(m), p, o, kb)
        for k, person in enumerate(self.people):
            yield from self._labelled(person, DKG.Person, f"Official {k}", kb, wikidata=f"{WD}Q{8_000_000 + k}")
            state = self.states[k % len(self.states)]
            post = f"{ID}post/{state.rsplit('/', 1)[-1]}/{POSTS[k % len(POSTS)]}"
            start = FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))
            holding = f"{ID}holding/official-{k}"
            if k == 0:  # official-0 holds a post of busy[0]: post-holders' sample asks for it within the term
                self.sample_post, self.sample_day = POSTS[0], start + timedelta(days=30)
            for s, p, o in ((post, RDF_TYPE, n(ORG.Post)), (post, n(ORG.role), n(DKG[POSTS[k % len(POSTS)]])),
                            (post, n(ORG.postIn), n(state)), (person, n(ORG.holds), n(post)),
                            (holding, RDF_TYPE, n(DKG.PostHolding)), (holding, n(DKG.holder), n(person)),
                            (holding, n(DKG.post), n(post)), (holding, n(SCHEMA.startDate), lit(start, "date")),
                            (holding, n(SCHEMA.endDate), lit(start + timedelta(days=900), "date"))):
                yield ox.Quad(n(s), p, o, kb)

    def _labelled(self, iri: str, cls, label: str, graph, wikidata: str | None = None):
        yield ox.Quad(n(iri), RDF_TYPE, n(cls), graph)
        yield ox.Quad(n(iri), n(SKOS.prefLabel), lit(label, lang="en"), graph)
        if wikidata:
            yield ox.Quad(n(iri), n(SKOS.exactMatch), n(wikidata), graph)

    # ------------------------------------------------------------------ articles

    def article(self, number: int):
        rng = self.rng
        source = f"synthetic-{number:07d}.txt"
        art, g = f"{ID}article/{source}", n(f"{ID}graph/article/{source}")
        published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        text_length = rng.randint(1500, 5000)
        quad = lambda s, p, o: ox.Quad(n(s), n(p) if not isinstance(p, ox.NamedNode) else p, o, g)
        yield quad(art, RDF_TYPE, n(SCHEMA.NewsArticle))
        yield quad(art, RDF_TYPE, n(NIF.Context))
        yield quad(art, DKG.sourceName, lit(source))
        yield quad(art, NIF.isString, lit("x" * 40))  # the text itself; its length barely matters to queries
        yield quad(art, SCHEMA.datePublished, lit(published, "date"))
        sentences = []
        for k in range(rng.randint(6, 12)):
            begin = k * text_length // 12
            s = f"{art}#char={begin},{begin + 120}"
            sentences.append(s)
            yield from self._span(quad, s, NIF.Sentence, art, begin, begin + 120)
        actors = rng.sample(self.busy, 2) + rng.sample(self.states, 3) + [rng.choice(self.people),
                                                                          rng.choice(self.newcomers)]
        yield from self._entities(quad, actors)
        for k in range(rng.randint(15, 30)):
            begin = rng.randrange(text_length)
            m = f"{art}/mention/{begin}-{begin + 7}"
            yield from self._span(quad, m, DKG.Mention, art, begin, begin + 7)
            yield quad(m, NIF.sentence, n(rng.choice(sentences)))
            yield quad(m, DKG.mentionKind, lit("name"))
            yield quad(m, ITSRDF.taIdentRef, n(rng.choice(actors)))
            yield quad(m, DKG.linkScore, lit("0.97", "decimal"))
            if rng.random() < 0.05:  # a name scored below the link threshold: a candidate for review
                c = f"{m}/candidate/0"
                yield quad(c, RDF_TYPE, n(DKG.LinkCandidate))
                yield quad(c, DKG.forMention, n(m))
                yield quad(c, DKG.candidate, n(rng.choice(self.people)))
                yield quad(c, DKG.linkScore, lit("0.85", "decimal"))
        for person in actors[-2:]:
            yield from self._holding(quad, art, person, rng.choice(actors[:5]), rng.choice(sentences), published)
        if rng.random() < 0.3:
            yield from self._membership(quad, art, rng.choice(actors[:5]), rng.choice(sentences))
        for k in range(rng.randint(2, 6)):
            yield from self._event(quad, art, actors, sentences, published)
        if rng.random() < 0.4:
            claim = f"{art}/claim/0"
            for p, o in ((RDF_TYPE, n(DKG.Claim)), (RDF_TYPE, n(DKG.CasualtyClaim)), (DKG.casualtyKind, n(DKG.Killed)),
                         (DKG.population, n(DKG.Civilian)), (DKG.status, n(DKG.Asserted)),
                         (DKG.evidence, n(rng.choice(sentences))), (DKG.speaker, n(rng.choice(actors))),
                         (DKG.best, lit(rng.randint(1, 500), "integer"))):
                yield quad(claim, p, o)

    def _entities(self, quad, actors: list[str]):
        """As mapping._entities: an entity the KB lacks is restated in every article that names it, and a
        KB entity seen under another name gets that name as an altLabel, in the article's graph."""
        newcomer = actors[-1]
        yield quad(newcomer, RDF_TYPE, n(DKG.Person))
        yield quad(newcomer, SKOS.prefLabel, lit(f"Newcomer {newcomer.rsplit('-', 1)[-1]}", lang="en"))
        for actor in actors[:-1]:
            if self.rng.random() < 0.3:
                yield quad(actor, SKOS.altLabel, lit(f"{actor.rsplit('/', 1)[-1]} variant {self.rng.randint(1, 3)}"))

    def _span(self, quad, node: str, cls, art: str, begin: int, end: int):
        yield quad(node, RDF_TYPE, n(cls))
        yield quad(node, NIF.beginIndex, lit(begin, "integer"))
        yield quad(node, NIF.endIndex, lit(end, "integer"))
        yield quad(node, NIF.anchorOf, lit(f"words {begin}"))
        yield quad(node, NIF.referenceContext, n(art))

    def _holding(self, quad, art: str, person: str, of: str, sentence: str, day: date):
        post = f"{ID}post/{of.rsplit('/', 1)[-1]}/{self.rng.choice(POSTS)}"
        holding = f"{art}/holding/{person.rsplit('-', 1)[-1]}"
        for s, p, o in ((post, RDF_TYPE, n(ORG.Post)), (post, ORG.role, n(DKG[post.rsplit('/', 1)[-1]])),
                        (post, ORG.postIn, n(of)), (person, ORG.holds, n(post)), (holding, RDF_TYPE, n(DKG.PostHolding)),
                        (holding, DKG.holder, n(person)), (holding, DKG.post, n(post)),
                        (holding, DKG.evidence, n(sentence)), (holding, DKG.heldOn, lit(day, "date"))):
            yield quad(s, p, o)

    def _membership(self, quad, art: str, member: str, sentence: str):
        m = f"{art}/membership/0"
        for p, o in ((RDF_TYPE, n(ORG.Membership)), (ORG.member, n(member)),
                     (ORG.organization, n(self.rng.choice(self.organisations))), (ORG.role, n(DKG.Member)),
                     (DKG.evidence, n(sentence))):
            yield quad(m, p, o)

    def _event(self, quad, art: str, actors: list[str], sentences: list[str], published: date):
        rng = self.rng
        if self.events and rng.random() < 0.2:  # the same real-world event, reported again
            iri, kind, day, place = rng.choice(self.events[-500:])  # the merger never joins two places
        else:
            kind, place = rng.choice(EVENT_TYPES), rng.choice(self.places)
            day = published - timedelta(days=rng.randint(0, 10))
            iri = f"{ID}event/{len(self.events):08d}"
            self.events.append((iri, kind, day, place))
        evidence = rng.choice(sentences)
        yield quad(iri, RDF_TYPE, n(DKG.Event))
        yield quad(iri, SEM.eventType, n(DKG[kind]))
        yield quad(iri, DKG.status, n(DKG.Asserted if rng.random() < 0.8 else DKG.Planned))
        yield quad(iri, DKG.evidence, n(evidence))
        yield quad(iri, SEM.hasPlace, n(place))
        if rng.random() < 0.85:
            yield quad(iri, SEM.hasTimeStamp, lit(day, "date"))
            begin = rng.randrange(4000)
            expression = f"{art}/date/{begin}-{begin + 6}"
            yield from self._span(quad, expression, DKG.TemporalExpression, art, begin, begin + 6)
            for p, o in ((DKG.resolvedDate, lit(day, "date")), (DKG.precision, n(DKG.Day)),
                         (DKG.anchorDate, lit(published, "date"))):
                yield quad(expression, p, o)
            yield quad(iri, DKG.dateExpression, n(expression))
        roles = ROLES.get(kind, ("initiator", "target"))
        for k, actor in enumerate(rng.sample(actors[:5], rng.randint(2, 3))):
            role = roles[min(k, 1)]
            part = f"{iri}/participation/{actor.rsplit('/', 1)[-1]}/{role}"
            yield quad(iri, SEM.hasActor, n(actor))
            yield quad(iri, ROLE_PROPERTY[role], n(actor))
            yield quad(iri, DKG.hasParticipation, n(part))
            yield quad(part, RDF_TYPE, n(DKG.Participation))
            yield quad(part, DKG.actor, n(actor))
            yield quad(part, DKG.role, n(DKG[role]))
            yield quad(part, DKG.evidence, n(evidence))

    def samples(self) -> dict[str, str]:
        """Values to bind query parameters to: common enough that queries return rows."""
        return {"state": self.busy[0], "other_state": self.busy[1], "person": self.people[0],
                "organisation": self.organisations[0], "place": self.places[0], "from": "2018-01-01",
                "to": "2019-12-31", "date": self.sample_day.isoformat(), "type": f"{DKG}Talks",
                "post": f"{DKG}{self.sample_post}",
                "source": "synthetic-0000001.txt", "article": f"{ID}article/synthetic-0000001.txt",
                "event": self.events[0][0] if self.events else f"{ID}event/none"}


def write(triples: int, path: str | Path, seed: int = 0) -> int:
    """Write about `triples` quads of articles (whole articles, so a few more) to `path`, after the
    reference graphs (ontology and KB, some 13,000 quads, which every store holds); the number written."""
    generator, path = Generator(seed), Path(path)
    written = 0

    def quads():
        nonlocal written
        for q in generator.reference():
            written += 1
            yield q
        number, reference = 0, written
        while written - reference < triples:
            for q in generator.article(number):
                written += 1
                yield q
            number += 1

    ox.serialize(quads(), str(path), ox.RdfFormat.N_QUADS)
    Path(f"{path}.samples.json").write_text(json.dumps(generator.samples(), indent=1))
    return written


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -m benchmarks.synthetic_graph TRIPLES OUT.nq")
    print(f"wrote {write(int(sys.argv[1]), sys.argv[2]):,} quads to {sys.argv[2]}")
