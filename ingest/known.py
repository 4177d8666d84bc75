"""What earlier builds left in the store, read once before a build: the entities articles introduced and
the events they reported. The pipeline's stages do no I/O; the build reads these and hands them over, so
that an official named in last week's articles is the same node today, and an event reported again joins
the node it already has (re-building one article keeps the IRIs the others gave it)."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from rdflib import Literal

from .events.merge import EventIndex, Signature
from .kb.index import CLASSES, KBEntity, KnowledgeBase
from .namespaces import KB_GRAPH, ONTOLOGY_GRAPH, local_name
from .store import Store

_PREFIXES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
# Entities typed in an article's graph, not in the reference graphs: those the articles introduced.
ENTITIES = _PREFIXES + f"""SELECT DISTINCT ?e ?class ?label ?alt ?actsFor WHERE {{
  GRAPH ?g {{ ?e a ?class ; skos:prefLabel ?label .
             OPTIONAL {{ ?e skos:altLabel ?alt }}
             OPTIONAL {{ ?e prov:actedOnBehalfOf ?actsFor }} }}
  VALUES ?class {{ dkg:State dkg:Person dkg:Organisation dkg:Place }}
  FILTER(?g != <{KB_GRAPH}> && ?g != <{ONTOLOGY_GRAPH}>)
}}"""
# Each article's report of each event: what the merge compares.
# Each article's people and the state or body of the posts it gives them: who they stand for.
SIDES = _PREFIXES + """PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?source ?person ?of WHERE {
  GRAPH ?g { ?article dkg:sourceName ?source . ?holding dkg:holder ?person ; dkg:post/org:postIn ?of . }
}"""
EVENTS = _PREFIXES + """SELECT ?source ?event ?type ?date ?place ?actor ?role WHERE {
  GRAPH ?g { ?article dkg:sourceName ?source .
             ?event a dkg:Event ; sem:eventType ?type .
             OPTIONAL { ?event sem:hasTimeStamp ?date }
             OPTIONAL { ?event sem:hasPlace ?place }
             OPTIONAL { ?event dkg:hasParticipation ?p . ?p dkg:actor ?actor ; dkg:role ?role } }
}"""


def register_known_entities(store: Store, kb: KnowledgeBase) -> int:
    """Register in `kb` every entity earlier articles introduced; returns how many."""
    found: dict[str, KBEntity] = {}
    for e, cls, label, alt, acts_for in store.query(ENTITIES).rows:
        entity = found.setdefault(str(e), KBEntity(str(e), CLASSES[cls], str(label),
                                                   acts_for=str(acts_for) if acts_for else None))
        if alt is not None and str(alt) not in entity.alt_labels:
            entity.alt_labels.append(str(alt))
    for entity in found.values():
        if kb.get(entity.iri) is None or not kb.get(entity.iri).in_kb:
            kb.register(entity)
    return len(found)


def load_known_events(store: Store, index: EventIndex) -> int:
    """Fill the event index with the reports already in the store; returns how many."""
    reports: dict[tuple[str, str], dict] = defaultdict(lambda: {"participants": {}, "day": None, "place": None})
    for source, event, event_type, day, place, actor, role in store.query(EVENTS).rows:
        report = reports[(str(source), str(event))]
        report["type"] = local_name(event_type)
        if isinstance(day, Literal) and isinstance(day.toPython(), date):
            report["day"] = day.toPython()
        report["place"] = str(place) if place is not None else report["place"]
        if actor is not None and role is not None:
            report["participants"][str(actor)] = local_name(role)
    local: dict[str, dict[str, str]] = defaultdict(dict)
    for source, person, of in store.query(SIDES).rows:
        local[str(source)][str(person)] = index.kb.state_of(str(of)) or str(of) if index.kb else str(of)
    for (source, event), r in sorted(reports.items()):
        actors = frozenset((a, index.side(a, r["day"], local[source])) for a in r["participants"])
        index.add(Signature(event, r["type"], r["day"], r["place"], actors, source,
                            tuple(sorted(r["participants"].items()))))
    return len(reports)
