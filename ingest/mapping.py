"""Stage output to RDF: one article's record becomes the content of that article's named graph.

Every IRI is deterministic (from the source name, offsets, KB ids and hashes of keys), so that building
the same article twice gives the same graph, and no blank node is written.
"""
from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from .kb.index import KnowledgeBase, ontology_graph
from .model import Record
from .namespaces import DKG, ID, ITSRDF, NIF, ORG, PROV, SCHEMA, SEM, TIME, article_iri, digest, local_name, new_graph

CLASS_IRI = {"State": DKG.State, "Person": DKG.Person, "Organisation": DKG.Organisation, "Place": DKG.Place}


def to_graph(record: Record, kb: KnowledgeBase) -> Graph:
    g = new_graph()
    article = article_iri(record.article.source)
    _article(g, record, article)
    sentences = _sentences(g, record, article)
    _mentions(g, record, article, sentences)
    _entities(g, record)
    _posts(g, record, article, sentences, kb)
    _memberships(g, record, article, sentences)
    dates = _dates(g, record, article)
    _events(g, record, sentences, dates)
    _claims(g, record, article, sentences)
    return g


def _span_node(g: Graph, record: Record, article: URIRef, start: int, end: int, iri: str, cls: URIRef) -> URIRef:
    """A typed node for a span of the article; `iri` is formatted with the span's original offsets."""
    begin, finish = record.clean.to_original(start, end)
    node = URIRef(iri.format(article=article, begin=begin, end=finish))
    g.add((node, RDF.type, cls))
    _span(g, node, record, article, start, end)
    return node


def _span(g: Graph, node: URIRef, record: Record, article: URIRef, start: int, end: int) -> None:
    begin, finish = record.clean.to_original(start, end)
    g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.integer)))
    g.add((node, NIF.endIndex, Literal(finish, datatype=XSD.integer)))
    g.add((node, NIF.anchorOf, Literal(record.article.text[begin:finish])))
    g.add((node, NIF.referenceContext, article))


def _article(g: Graph, record: Record, article: URIRef) -> None:
    a = record.article
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, RDF.type, NIF.Context))
    g.add((article, DKG.sourceName, Literal(a.source)))
    g.add((article, NIF.isString, Literal(a.text)))
    g.add((article, NIF.beginIndex, Literal(0, datatype=XSD.integer)))
    g.add((article, NIF.endIndex, Literal(len(a.text), datatype=XSD.integer)))
    if a.published:
        g.add((article, SCHEMA.datePublished, Literal(a.published, datatype=XSD.date)))
    elif record.date and record.date_inferred:
        g.add((article, DKG.inferredDatePublished, Literal(record.date, datatype=XSD.date)))
    if a.title:
        g.add((article, SCHEMA.headline, Literal(a.title)))
    if a.url:
        g.add((article, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))


def _sentences(g: Graph, record: Record, article: URIRef) -> dict[int, URIRef]:
    return {s.index: _span_node(g, record, article, s.start, s.end, "{article}#char={begin},{end}", NIF.Sentence)
            for s in record.sentences}


def _mentions(g: Graph, record: Record, article: URIRef, sentences: dict[int, URIRef]) -> None:
    for m in record.mentions:
        node = _span_node(g, record, article, m.start, m.end, "{article}/mention/{begin}-{end}", DKG.Mention)
        g.add((node, NIF.sentence, sentences[m.sentence]))
        g.add((node, DKG.mentionKind, Literal(m.kind)))
        if m.entity:
            g.add((node, ITSRDF.taIdentRef, URIRef(m.entity)))
            g.add((node, DKG.linkScore, _score(m.score)))
        for n, (candidate, score) in enumerate(m.candidates):
            c = URIRef(f"{node}/candidate/{n}")
            g.add((c, RDF.type, DKG.LinkCandidate))
            g.add((c, DKG.forMention, node))
            g.add((c, DKG.candidate, URIRef(candidate)))
            g.add((c, DKG.linkScore, _score(score / 100)))


def _at_precision(day, precision: str) -> Literal:
    """A resolved date no more precise than the text: 2020-10 for "earlier this month", 1994 for "in 1994"."""
    if precision == "year":
        return Literal(f"{day.year:04d}", datatype=XSD.gYear)
    if precision == "month":
        return Literal(f"{day.year:04d}-{day.month:02d}", datatype=XSD.gYearMonth)
    return Literal(day, datatype=XSD.date)


def _score(value: float) -> Literal:
    return Literal(Decimal(f"{value:.3f}"), datatype=XSD.decimal)


def _entities(g: Graph, record: Record) -> None:
    for e in record.entities.values():
        node = URIRef(e.iri)
        if not e.in_kb:
            g.add((node, RDF.type, CLASS_IRI[e.cls]))
            g.add((node, SKOS.prefLabel, Literal(e.label, lang="en")))
            if e.acts_for:
                g.add((node, PROV.actedOnBehalfOf, URIRef(e.acts_for)))
        for label in sorted(e.alt_labels):
            g.add((node, SKOS.altLabel, Literal(label)))


def _posts(g: Graph, record: Record, article: URIRef, sentences, kb: KnowledgeBase) -> None:
    for p in record.posts:
        owner = URIRef(p.of)
        post = ID[f"post/{str(owner).removeprefix(str(ID))}/{p.post_type}"]
        g.add((post, RDF.type, ORG.Post))
        g.add((post, ORG.role, DKG[p.post_type]))
        g.add((post, ORG.postIn, owner))
        owner_entity = kb.get(p.of)
        if owner_entity is not None:
            g.add((post, SKOS.prefLabel, Literal(f"{_words(p.post_type)} of {owner_entity.label}", lang="en")))
        g.add((URIRef(p.person), ORG.holds, post))
        holding = URIRef(f"{article}/holding/{digest(p.person, p.post_type, p.of)}")
        g.add((holding, RDF.type, DKG.PostHolding))
        g.add((holding, DKG.holder, URIRef(p.person)))
        g.add((holding, DKG.post, post))
        g.add((holding, DKG.evidence, sentences[p.sentence]))
        if record.date:
            g.add((holding, DKG.heldOn, Literal(record.date, datatype=XSD.date)))


def _words(camel: str) -> str:
    out = "".join(" " + c.lower() if c.isupper() else c for c in camel).strip()
    return out[:1].upper() + out[1:]


def _memberships(g: Graph, record: Record, article: URIRef, sentences) -> None:
    for m in record.memberships:
        node = URIRef(f"{article}/membership/{digest(m.member, m.organisation, m.role)}")
        g.add((node, RDF.type, ORG.Membership))
        g.add((node, ORG.member, URIRef(m.member)))
        g.add((node, ORG.organization, URIRef(m.organisation)))
        g.add((node, ORG.role, DKG[m.role]))
        g.add((node, DKG.evidence, sentences[m.sentence]))
        if m.begin_year or m.end_year:
            interval = URIRef(f"{node}/interval")
            g.add((node, ORG.memberDuring, interval))
            g.add((interval, RDF.type, TIME.Interval))
            for prop, year, name in ((TIME.hasBeginning, m.begin_year, "begin"), (TIME.hasEnd, m.end_year, "end")):
                if year:
                    instant = URIRef(f"{interval}/{name}")
                    g.add((interval, prop, instant))
                    g.add((instant, RDF.type, TIME.Instant))
                    g.add((instant, TIME.inXSDgYear, Literal(f"{year:04d}", datatype=XSD.gYear)))


def _dates(g: Graph, record: Record, article: URIRef) -> dict[int, URIRef]:
    out = {}
    for d in record.dates:
        node = _span_node(g, record, article, d.start, d.end, "{article}/date/{begin}-{end}", DKG.TemporalExpression)
        if d.value is not None:
            g.add((node, DKG.resolvedDate, _at_precision(d.value, d.precision)))
            g.add((node, DKG.precision, DKG[d.precision.capitalize()]))
        if d.anchor is not None:
            g.add((node, DKG.anchorDate, Literal(d.anchor, datatype=XSD.date)))
            g.add((node, DKG.anchorInferred, Literal(d.anchor_inferred)))
        out[id(d)] = node
    return out


def _events(g: Graph, record: Record, sentences, dates) -> None:
    role_property = role_properties()
    for e in record.events:
        node = URIRef(e.iri)
        g.add((node, RDF.type, DKG.Event))
        g.add((node, SEM.eventType, DKG[e.type]))
        g.add((node, DKG.status, DKG[e.status]))
        for s in e.sentences:
            g.add((node, DKG.evidence, sentences[s]))
        if e.place:
            g.add((node, SEM.hasPlace, URIRef(e.place)))
        if e.date is not None:
            if id(e.date) in dates:
                g.add((node, DKG.dateExpression, dates[id(e.date)]))
            if e.date.value is not None and e.date.precision == "day":
                g.add((node, SEM.hasTimeStamp, Literal(e.date.value, datatype=XSD.date)))
        for p in e.participants:
            part = URIRef(f"{e.iri}/participation/{local_name(p.entity)}-{digest(p.entity, p.role, length=8)}/{p.role}")
            g.add((node, SEM.hasActor, URIRef(p.entity)))
            g.add((node, role_property[p.role], URIRef(p.entity)))
            g.add((node, DKG.hasParticipation, part))
            g.add((part, RDF.type, DKG.Participation))
            g.add((part, DKG.actor, URIRef(p.entity)))
            g.add((part, DKG.role, DKG[p.role]))
            for s in e.sentences:  # which article says so: a merged event's roles differ by source
                g.add((part, DKG.evidence, sentences[s]))


def role_properties() -> dict[str, URIRef]:
    """Each role's property that states a participation as one triple (mediator: dkg:hasMediator), as
    the ontology pairs them (dkg:forRole)."""
    return {local_name(r): URIRef(p) for p, r in ontology_graph().subject_objects(DKG.forRole)}


def _claims(g: Graph, record: Record, article: URIRef, sentences) -> None:
    for n, c in enumerate(record.claims):
        node = URIRef(f"{article}/claim/{n}")
        g.add((node, RDF.type, DKG.Claim))
        g.add((node, RDF.type, DKG.CasualtyClaim))
        g.add((node, DKG.casualtyKind, DKG[c.kind]))
        g.add((node, DKG.population, DKG[c.population]))
        g.add((node, DKG.status, DKG[c.status]))
        g.add((node, DKG.evidence, sentences[c.sentence]))
        if c.speaker:
            g.add((node, DKG.speaker, URIRef(c.speaker)))
        for prop, value in ((DKG.best, c.best), (DKG.low, c.low), (DKG.high, c.high)):
            if value is not None:
                g.add((node, prop, Literal(value, datatype=XSD.integer)))
        if c.about is not None and record.events[c.about].iri:
            g.add((node, DKG.about, URIRef(record.events[c.about].iri)))
