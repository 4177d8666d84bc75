"""An endpoint's answer: SPARQL 1.1 JSON results, checked before anything uses them.

Nothing an endpoint sends reaches the knowledge base unchecked: the body must be SPARQL JSON results,
every binding well formed, every item a Wikidata Q-id and every time a valid date with its precision.
"""
from __future__ import annotations

import json
import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime

from rdflib import BNode, Literal, URIRef
from rdflib.term import Identifier

from ..errors import EndpointError
from .vocab import DAY, MONTH, YEAR, qid_of

_KINDS = {"uri", "literal", "typed-literal", "bnode"}
_OUT_OF_RANGE = re.compile(r"^(-\d+|\+?0+|\+?\d{5,})-\d\d-\d\d")


@dataclass(frozen=True)
class Answer:
    endpoint: str
    query: str
    retrieved: datetime  # when the endpoint answered; a cached answer keeps its first retrieval time
    rows: list[dict[str, Identifier]]
    from_cache: bool = False


def parse_results(body: bytes | str, endpoint: str) -> list[dict[str, Identifier]]:
    """The rows of a SPARQL JSON results document, or an EndpointError saying what is wrong with it."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as err:
        raise EndpointError(f"{endpoint}: the answer is not JSON ({_short(err)})") from None
    bindings = data.get("results", {}).get("bindings") if isinstance(data, dict) and \
        isinstance(data.get("results"), dict) else None
    if not isinstance(bindings, list) or not isinstance(data.get("head"), dict):
        raise EndpointError(f"{endpoint}: the answer is JSON but not SPARQL results (no head and results.bindings)")
    return [_row(b, endpoint) for b in bindings]


def _row(binding, endpoint: str) -> dict[str, Identifier]:
    if not isinstance(binding, dict):
        raise EndpointError(f"{endpoint}: a result row is not an object")
    row = {}
    for var, term in binding.items():
        if not isinstance(term, dict) or term.get("type") not in _KINDS or not isinstance(term.get("value"), str):
            raise EndpointError(f"{endpoint}: the value of ?{_short(var)} is not a SPARQL JSON term")
        row[var] = _term(term)
    return row


def _term(term: dict) -> Identifier:
    value = term["value"]
    if term["type"] == "uri":
        return URIRef(value)
    if term["type"] == "bnode":
        return BNode(value)
    lang, datatype = term.get("xml:lang"), term.get("datatype")
    return Literal(value, lang=lang if isinstance(lang, str) else None,
                   datatype=URIRef(datatype) if isinstance(datatype, str) and not lang else None)


def item(row: dict, var: str, endpoint: str) -> str:
    """The Q-id bound to ?var; an answer without one, or with anything else there, is refused."""
    value = row.get(var)
    qid = qid_of(value) if isinstance(value, URIRef) else None
    if qid is None:
        raise EndpointError(f"{endpoint}: answered {_short(value)} for ?{var} where a Wikidata item (Q…) was expected")
    return qid


def text(row: dict, var: str) -> str | None:
    value = row.get(var)
    return str(value) if isinstance(value, Literal) else None


@dataclass(frozen=True)
class When:
    """A Wikidata time: the day it is written as, and how much of it is meant (year, month or day)."""

    day: date
    precision: int

    def earliest(self) -> date:
        return self.day.replace(month=1, day=1) if self.precision <= YEAR else \
            self.day.replace(day=1) if self.precision == MONTH else self.day

    def latest(self) -> date:
        if self.precision <= YEAR:
            return self.day.replace(month=12, day=31)
        if self.precision == MONTH:
            return self.day.replace(day=monthrange(self.day.year, self.day.month)[1])
        return self.day


def when(row: dict, var: str, precision_var: str, endpoint: str) -> When | None:
    """The time bound to ?var with its precision, None when unbound; a malformed time is refused."""
    value = row.get(var)
    if value is None:
        return None
    raw = str(value)
    if _OUT_OF_RANGE.match(raw):
        return None  # before year 1 or after 9999: no article needs it, and Python's dates cannot hold it
    try:
        day = datetime.fromisoformat(raw.replace("Z", "+00:00")).date() if "T" in raw else date.fromisoformat(raw)
        precision = int(str(row.get(precision_var, DAY)))
    except ValueError:
        raise EndpointError(f"{endpoint}: answered {_short(value)} for ?{var} where a date was expected") from None
    if not 0 <= precision <= 14:
        raise EndpointError(f"{endpoint}: answered precision {precision} for ?{var} (Wikidata uses 0 to 14)")
    return When(day, min(precision, DAY))


def _short(value, width: int = 80) -> str:
    shown = repr(str(value)) if value is not None else "nothing"
    return shown if len(shown) <= width else shown[: width - 1] + "…"
