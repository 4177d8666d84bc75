"""What a built graph says about its entities that have no Wikidata id: their names, where articles
mention them, the posts articles say a person held on their dates, the state an organisation belongs to.

Links the linker wrote before are left out of the question (they live in their own graph), so that
linking again gives the same answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rdflib import Literal

from ..kb.index import KnowledgeBase
from ..names.normalise import fold
from ..namespaces import ID, local_name
from ..store import Store
from .vocab import qid_of

LINKS_GRAPH = ID["graph/links"]

_PREFIXES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
_MENTIONED_UNLINKED = f"""
  ?mention a dkg:Mention ; itsrdf:taIdentRef ?entity ; nif:referenceContext ?article .
  ?article dkg:sourceName ?source .
  ?entity a ?class . VALUES ?class {{ dkg:Person dkg:Organisation }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?entity skos:exactMatch ?link }} FILTER(?g != <{LINKS_GRAPH}>) }}"""


@dataclass
class Unlinked:
    iri: str
    cls: str  # Person or Organisation
    names: list[str] = field(default_factory=list)
    mentions: dict[str, str] = field(default_factory=dict)  # article source -> its first mention of the entity
    posts: set[tuple[str, str, date]] = field(default_factory=set)  # (post type, state Q-id, day) articles state
    states: set[str] = field(default_factory=set)  # Q-ids of the state an organisation belongs to


def unlinked_entities(store: Store, kb: KnowledgeBase) -> list[Unlinked]:
    """Persons and organisations that articles mention and that have no Wikidata id, with their evidence."""
    found: dict[str, Unlinked] = {}
    rows = [row for label in ("skos:prefLabel", "skos:altLabel")  # the preferred label first
            for row in store.query(_PREFIXES + f"SELECT DISTINCT ?entity ?class ?name WHERE "
                                               f"{{ {_MENTIONED_UNLINKED}\n  ?entity {label} ?name }}").rows]
    for entity, cls, name in rows:
        e = found.setdefault(str(entity), Unlinked(str(entity), local_name(cls)))
        if str(name) not in e.names:
            e.names.append(str(name))
    rows = store.query(_PREFIXES + f"SELECT ?entity ?source (MIN(STR(?mention)) AS ?first) WHERE "
                                   f"{{ {_MENTIONED_UNLINKED} }} GROUP BY ?entity ?source").rows
    for entity, source, first in rows:
        if str(entity) in found:
            found[str(entity)].mentions[str(source)] = str(first)
    _posts(store, found)
    _states(store, found, kb)
    return sorted(found.values(), key=lambda e: e.iri)


def _posts(store: Store, found: dict[str, Unlinked]) -> None:
    # Within one graph: every article repeats its posts' triples, and across the union of graphs the
    # repeats would multiply the join (90 s for 1,000 articles instead of a tenth of a second).
    rows = store.query(_PREFIXES + """SELECT DISTINCT ?entity ?role ?ofWikidata ?day WHERE {
  GRAPH ?g { ?holding a dkg:PostHolding ; dkg:holder ?entity ; dkg:post ?post ; dkg:heldOn ?day .
             ?post org:role ?role ; org:postIn ?of }
  ?of skos:exactMatch ?ofWikidata }""").rows
    for entity, role, of, day in rows:
        state, held = qid_of(str(of)), day.toPython() if isinstance(day, Literal) else None
        if str(entity) in found and state and isinstance(held, date):
            found[str(entity)].posts.add((local_name(role), state, held))


def _states(store: Store, found: dict[str, Unlinked], kb: KnowledgeBase) -> None:
    """A state body acts for its state (prov:actedOnBehalfOf); otherwise a state its name names."""
    rows = store.query(_PREFIXES + """SELECT DISTINCT ?entity ?stateWikidata WHERE {
  { SELECT DISTINCT ?entity ?state WHERE { ?entity prov:actedOnBehalfOf ?state } }
  ?state skos:exactMatch ?stateWikidata }""").rows
    for entity, state in rows:
        if str(entity) in found and qid_of(str(state)):
            found[str(entity)].states.add(qid_of(str(state)))
    named = _state_words(kb)
    for e in found.values():
        if e.cls == "Organisation" and not e.states:
            e.states = {q for name in e.names for q in states_named_in(name, named)}


def _state_words(kb: KnowledgeBase) -> dict[str, str]:
    """Folded state names and demonyms -> the state's Q-id (a word two states share is left out)."""
    words: dict[str, set[str]] = {}
    for iri, e in kb.entities.items():
        if e.cls == "State" and e.wikidata:
            for name in e.names:
                words.setdefault(fold(name), set()).add(qid_of(e.wikidata))
    for demonym, state in kb.demonyms.items():
        e = kb.get(state)
        if e is not None and e.wikidata:
            words.setdefault(fold(demonym), set()).add(qid_of(e.wikidata))
    return {w: qids.pop() for w, qids in words.items() if len(qids) == 1 and len(w) >= 4}


def states_named_in(name: str, words: dict[str, str], longest: int = 4) -> set[str]:
    """The states whose name or demonym appears in a name as whole words ("Russian Federal State ...")."""
    tokens = re.findall(r"[a-z0-9]+", fold(name))
    return {words[" ".join(tokens[i:i + n])] for n in range(1, longest + 1) for i in range(len(tokens) - n + 1)
            if " ".join(tokens[i:i + n]) in words}
