"""Parameters for servers that cannot bind them: a VALUES block at the start of the query's WHERE clause.

The SPARQL protocol has no way to send bindings beside a query. Putting the values in a VALUES block at
the head of the WHERE group binds them before the group's FILTERs run, as pyoxigraph's substitutions and
rdflib's initBindings do (a trailing VALUES clause would join only after the FILTERs). Values are written
with rdflib's `n3()`, which escapes literals; IRIs (and datatypes) that could close their angle brackets
are refused, so that no value is ever read as query text.
"""
from __future__ import annotations

import re

from rdflib import Literal, URIRef
from rdflib.term import Identifier

from ..errors import QueryError

_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_IRI_TEXT = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')  # IRIREF of the SPARQL grammar, without its brackets
# What the scanner skips at the top level of a query: comments, strings, IRIs.
_SKIP = re.compile(r"""\#[^\n]*
                     | '''(?:[^'\\]|\\.|'(?!''))*'''
                     | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
                     | '(?:[^'\\\n]|\\.)*'
                     | "(?:[^"\\\n]|\\.)*"
                     | <[^<>"{}|^`\\\x00-\x20]*>""", re.VERBOSE | re.DOTALL)
_WORD = re.compile(r"[A-Za-z]+")


def bind_values(query: str, bindings: dict[str, Identifier] | None) -> str:
    """`query` with `bindings` as a one-row VALUES block opening its WHERE group."""
    if not bindings:
        return query
    names = list(bindings)
    for name in names:
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"parameter name {name[:40]!r} is not a SPARQL variable name")
    row = " ".join(sparql_term(bindings[name], name) for name in names)
    block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
    at = _where_brace(query)
    return f"{query[:at + 1]} {block}\n{query[at + 1:]}"


def sparql_term(term: Identifier, name: str = "value") -> str:
    """An IRI or literal as SPARQL text, or a QueryError for what cannot be written safely."""
    if isinstance(term, URIRef):
        _check_iri(str(term), name)
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.datatype is not None:
            _check_iri(str(term.datatype), name)
        return term.n3()
    raise QueryError(f"parameter {name}: a {type(term).__name__} cannot be a parameter value (give an IRI or a literal)")


def _check_iri(iri: str, name: str) -> None:
    if not iri or not _IRI_TEXT.fullmatch(iri):
        raise QueryError(f"parameter {name}: {iri[:60]!r} is not an IRI")


def _where_brace(query: str) -> int:
    """The offset of the `{` that opens the query's WHERE group (outside comments, strings and IRIs).

    SELECT, ASK and DESCRIBE may leave out the keyword WHERE, so their first top-level brace opens it;
    CONSTRUCT's first brace is its template, so there the brace after WHERE counts."""
    form, previous, i = None, "", 0
    while i < len(query):
        skipped = _SKIP.match(query, i)
        if skipped:
            i = skipped.end()
            continue
        word = _WORD.match(query, i)
        if word:
            upper = word.group().upper()
            if form is None and upper in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
                form = upper
            previous, i = upper, word.end()
            continue
        char = query[i]
        if char == "{":
            if form == "CONSTRUCT" and previous != "WHERE":
                i = _matching_brace(query, i)
                previous = "}"
                continue
            if form == "CONSTRUCT" and _is_short_construct(query, i):
                raise QueryError("parameters cannot be bound in a `CONSTRUCT WHERE { ... }` query; "
                                 "write `CONSTRUCT { template } WHERE { pattern }`")
            return i
        if not char.isspace():
            previous = char
        i += 1
    raise QueryError("the query has no WHERE clause to bind parameters in")


def _matching_brace(query: str, start: int) -> int:
    """The offset just after the brace that closes the one at `start`."""
    depth, i = 0, start
    while i < len(query):
        skipped = _SKIP.match(query, i)
        if skipped:
            i = skipped.end()
            continue
        depth += {"{": 1, "}": -1}.get(query[i], 0)
        i += 1
        if depth == 0:
            return i
    raise QueryError("the query's braces do not balance")


def _is_short_construct(query: str, brace: int) -> bool:
    """`CONSTRUCT WHERE {`: the keyword CONSTRUCT directly before WHERE, with no template between."""
    head = _SKIP.sub(" ", query[:brace])
    return re.search(r"\bCONSTRUCT\s+WHERE\s*$", head, re.IGNORECASE) is not None
