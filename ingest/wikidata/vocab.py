"""Wikidata's vocabulary as diplokg queries it: prefixes, properties, classes and the post types they stand for.

Every id here was checked against a public source that pairs it with its name (cited on its line), because
a wrong id is worse than none.
"""
from __future__ import annotations

import re

from rdflib import Namespace

WD = Namespace("http://www.wikidata.org/entity/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"

PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
PREFIX pqv: <http://www.wikidata.org/prop/qualifier/value/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

# Properties. Sources: the P35/P6 and p:/ps:/pq: P580/P582 patterns in every-politician-scrapers and
# opensanctions/opensanctions (zavod/zavod/shed/wikidata/queries/holders/holders.sparql); the property
# list with descriptions in the code corpus (P6, P17, P31, P35); wikidata.org/wiki/Property:P39, P17, P1001
# as linked from a public position-modelling note; every-politician-scrapers/world-leaders-2021 for
# P1313|P1906 (offices held by the head of government / of state); a SPARQL example for P1549 (demonym).
HEAD_OF_STATE = "P35"
HEAD_OF_GOVERNMENT = "P6"
POSITION_HELD = "P39"
START_TIME = "P580"
END_TIME = "P582"
MEMBER_OF = "P463"
APPLIES_TO_JURISDICTION = "P1001"
COUNTRY = "P17"
INSTANCE_OF = "P31"
SUBCLASS_OF = "P279"
OFFICE_OF_HEAD_OF_STATE = "P1906"
OFFICE_OF_HEAD_OF_GOVERNMENT = "P1313"
DEMONYM = "P1549"

HUMAN = "Q5"  # opensanctions holders.sparql: ?person wdt:P31 wd:Q5

# Post types held through a state's own statements (P35, P6) and the office its item names (P1906, P1313).
STATE_OFFICES = {"HeadOfState": (HEAD_OF_STATE, OFFICE_OF_HEAD_OF_STATE),
                 "HeadOfGovernment": (HEAD_OF_GOVERNMENT, OFFICE_OF_HEAD_OF_GOVERNMENT)}
# Post types whose positions are items of a class, tied to their state by P1001 (applies to jurisdiction):
# "Minister of Foreign Affairs of X" is an instance or subclass of foreign minister, possibly through
# intermediate classes (every-politician's foreign-minister query asks `?position wdt:P279* wd:Q7330070`).
# Sources:
# opensanctions zavod/zavod/shed/wikidata/position.py ("Q7330070", # foreign minister) and a public
# leadership query ("defence minister (Q2518691), foreign minister (Q7330070)").
POSITION_CLASSES = {"ForeignMinister": "Q7330070", "DefenceMinister": "Q2518691"}
POST_TYPES = (*STATE_OFFICES, *POSITION_CLASSES)

# What an organisation candidate must be an instance of (directly or through subclasses). Sources: code
# comments pairing each id with its name in the code corpus: organization (Q43229), international
# organization (Q484652), intergovernmental organization (Q245065), military alliance (Q1127126), news
# agency (Q192283), non-governmental organization (Q79913), nonprofit organization (Q163740, "subclasses of
# organization (Q43229) are fine as well, e.g. nonprofit organization"), Russia's federal executive bodies
# (ministry Q4481741, federal service Q4481675, federal agency Q14944295) and national statistical offices
# (Q480242). Buildings and places that share a body's name (a palace, a fortress) are not among them.
ORGANISATION_CLASSES = ("Q43229", "Q484652", "Q245065", "Q1127126", "Q192283", "Q79913", "Q163740",
                        "Q4481741", "Q4481675", "Q14944295", "Q480242")

# Wikidata's time precision (wikibase:timePrecision): 9 year, 10 month, 11 day.
YEAR, MONTH, DAY = 9, 10, 11

_QID = re.compile(r"^http://www\.wikidata\.org/entity/(Q[1-9][0-9]*)$")


def qid_of(iri: str) -> str | None:
    """'Q159' for <http://www.wikidata.org/entity/Q159>, else None."""
    m = _QID.match(str(iri))
    return m.group(1) if m else None
