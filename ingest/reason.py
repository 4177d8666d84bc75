"""OWL RL reasoning (owlrl) over the ontology and a graph: the closure, and the contradictions it finds."""
from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from .kb.index import ontology_graph

# owlrl reports inconsistencies as resources of this type (see owlrl.Closure.Core.closure)
ERRORS = Namespace("http://www.daml.org/2002/03/agents/agent-ont#")


def owl_rl_closure(data: Graph) -> Graph:
    import owlrl

    closure = Graph()
    closure += ontology_graph()
    closure += data
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, rdfs_closure=False, axiomatic_triples=False,
                           datatype_axioms=False).expand(closure)
    return closure


def contradictions(data: Graph) -> list[str]:
    """The inconsistencies OWL RL finds in the ontology plus `data` (an empty list when consistent)."""
    closure = owl_rl_closure(data)
    return sorted(str(closure.value(e, ERRORS.error)) for e in closure.subjects(RDF.type, ERRORS.ErrorMessage))
