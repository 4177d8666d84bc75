"""Parameters as VALUES blocks, for servers that cannot bind them (and the embedded store, alike).

The SPARQL protocol has no way to send bindings beside a query. A parameter is bound by a one-row
VALUES block at the head of the query's WHERE group, and of every subquery's WHERE group that names
it, so that FILTERs see it (a trailing VALUES clause would join only after them) and subqueries too, as
rdflib's initBindings do. Values are written with rdflib's `n3()`, which escapes literals; IRIs (and
datatypes) that could close their angle brackets are refused, so that no value is read as query text.
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
    """`query` with `bindings` as one-row VALUES blocks opening its WHERE group and its subqueries'."""
    if not bindings:
        return query
    for name in bindings:
        if not _VARIABLE.fullmatch(name):
            raise QueryError(f"parameter name {name[:40]!r} is not a SPARQL variable name")
    terms = {name: sparql_term(term, name) for name, term in bindings.items()}
    outer, *subqueries = _where_braces(query)
    blocks = [(outer, list(terms))]
    for brace in subqueries:
        body = query[brace:_matching_brace(query, brace)]
        named = [n for n in terms if re.search(rf"[?$]{n}(?![A-Za-z0-9_])", body)]
        if named:
            blocks.append((brace, named))
    for brace, names in sorted(blocks, reverse=True):  # from the end, so that offsets stay right
        row = " ".join(terms[n] for n in names)
        block = f"VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }}"
        query = f"{query[:brace + 1]} {block}\n{query[brace + 1:]}"
    return query


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


def _tokens(query: str):
    """(offset, text, depth) of each word and character outside comments, strings and IRIs."""
    depth, i = 0, 0
    while i < len(query):
        skipped = _SKIP.match(query, i)
        if skipped:
            i = skipped.end()
            continue
        word = _WORD.match(query, i)
        if word:
            yield i, word.group().upper(), depth
            i = word.end()
            continue
        char = query[i]
        if char == "}":
            depth -= 1
        if not char.isspace():
            yield i, char, depth
        if char == "{":
            depth += 1
        i += 1


def _where_braces(query: str) -> list[int]:
    """Offsets of the `{` opening the query's WHERE group, then those of its subqueries.

    SELECT, ASK and DESCRIBE may leave out the keyword WHERE, so their first brace opens it; CONSTRUCT's
    first brace is its template, so there the brace after WHERE counts."""
    outer, form, previous, pending = None, None, "", set()
    found: list[int] = []
    for offset, token, depth in _tokens(query):
        if depth == 0 and form is None and token in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
            form = token
        elif depth > 0 and token == "SELECT":
            pending.add(depth)  # a subquery: its WHERE group is the next brace at this depth
        elif token == "{":
            if depth == 0 and outer is None and (form != "CONSTRUCT" or previous == "WHERE"):
                if form == "CONSTRUCT" and _is_short_construct(query, offset):
                    raise QueryError("parameters cannot be bound in a `CONSTRUCT WHERE { ... }` query; "
                                     "write `CONSTRUCT { template } WHERE { pattern }`")
                outer = offset
            elif depth in pending:
                pending.discard(depth)
                found.append(offset)
        previous = token
    if outer is None:
        raise QueryError("the query has no WHERE clause to bind parameters in")
    _matching_brace(query, outer)  # unbalanced braces are an error here, not a server's syntax error
    return [outer, *found]


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
