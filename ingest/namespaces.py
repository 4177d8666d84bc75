"""The vocabularies diplokg writes, and deterministic IRIs for what it mints."""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from anyascii import anyascii
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

DKG = Namespace("https://w3id.org/diplokg/ontology#")
ID = Namespace("https://w3id.org/diplokg/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SCHEMA = Namespace("http://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
WD = Namespace("http://www.wikidata.org/entity/")

KB_GRAPH = ID["graph/kb"]
ONTOLOGY_GRAPH = ID["graph/ontology"]

PREFIXES = {
    "dkg": DKG, "dkgid": ID, "org": ORG, "sem": SEM, "prov": PROV, "nif": NIF, "itsrdf": ITSRDF,
    "schema": SCHEMA, "time": TIME, "wd": WD, "skos": SKOS, "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL,
}



def new_graph() -> Graph:
    """An empty graph with diplokg's prefixes bound (and no others)."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def new_dataset() -> Dataset:
    ds = Dataset(default_union=True)
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


WIKIDATA_ENTITY = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")
_LONGEST_KEY = 80


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'Élysée Palace' -> 'elysee-palace'.

    Long or empty results get a short hash, so that a hostile 10,000-character name still makes a
    short, valid IRI."""
    words = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    if not words or len(words) > _LONGEST_KEY:
        return (words[:40].strip("-") + "-" if words else "") + digest(text)
    return words


def digest(*parts: object, length: int = 12) -> str:
    """A short stable hash of the parts, for IRIs of things that have no readable key."""
    joined = "\x1f".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def source_key(source: str) -> str:
    """An IRI-safe path segment for an article's source name (a file name or a record id)."""
    if len(source) > _LONGEST_KEY or not source.isprintable():
        return slug(source)
    return quote(source, safe="-._~")


def article_iri(source: str) -> URIRef:
    return ID[f"article/{source_key(source)}"]


def article_graph(source: str) -> URIRef:
    return ID[f"graph/article/{source_key(source)}"]


def local_name(iri: str) -> str:
    """The last segment of an IRI (after '#' or '/')."""
    return re.split(r"[#/]", str(iri).rstrip("/"))[-1]
