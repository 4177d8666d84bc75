"""Bring article graphs that an earlier version of diplokg wrote up to the current model, so that a large
store need not be built again. Each step is one SPARQL update, idempotent (inserting a triple a graph
holds changes nothing), run by `build` whenever the reference graphs change (build.write_reference)."""
from __future__ import annotations

from .namespaces import DKG, ONTOLOGY_GRAPH
from .store import Store

# December 2026: each participation is also stated as one triple with its role's property
# (ontology/diplokg.ttl, dkg:forRole), which the listings and named queries read.
ROLE_PROPERTIES = f"""PREFIX dkg: <{DKG}>
INSERT {{ GRAPH ?g {{ ?event ?property ?actor }} }}
WHERE {{
  GRAPH <{ONTOLOGY_GRAPH}> {{ ?property dkg:forRole ?role }}
  GRAPH ?g {{ ?event dkg:hasParticipation ?participation . ?participation dkg:actor ?actor ; dkg:role ?role }}
}}"""

STEPS = [ROLE_PROPERTIES]


def upgrade(store: Store) -> None:
    for step in STEPS:
        store.update(step)
