"""Named, documented queries: find them, read their headers, bind their parameters, format results."""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Identifier

from .errors import QueryError
from .namespaces import PREFIXES
from .resources import query_dir
from .store import QueryResult, Store

_IRI = re.compile(r"^<([^<>\"{}|^`\\\x00-\x20]+)>$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class NamedQuery:
    name: str
    path: Path
    text: str

    @property
    def header(self) -> str:
        """The leading comment: what the query answers, its parameters, an example."""
        lines = []
        for line in self.text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line[1:].strip())
        return "\n".join(lines).strip()

    @property
    def shipped(self) -> bool:
        """A query of queries/ (which declares its parameters), not a user's own .rq file."""
        return self.path.resolve().is_relative_to(query_dir().resolve())

    @property
    def parameters(self) -> list[str]:
        """Parameters are declared in the header as `@param name: description`."""
        return re.findall(r"@param\s+(\w+)", self.header)


def available() -> list[NamedQuery]:
    root = query_dir()
    return [load_query(str(p.relative_to(root).with_suffix("")))
            for p in sorted(root.rglob("*.rq"))]


def load_query(name_or_path: str) -> NamedQuery:
    path = Path(name_or_path)
    if path.suffix == ".rq" and path.is_file():
        return NamedQuery(path.stem, path, _read(path))
    root = query_dir()
    for candidate in (root / f"{name_or_path}.rq", root / name_or_path):
        if candidate.is_file() and candidate.resolve().is_relative_to(root.resolve()):
            return NamedQuery(name_or_path, candidate, _read(candidate))
    names = ", ".join(q.name for q in available())
    raise QueryError(f"no query named '{name_or_path}' (available: {names})")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read the query: {err}") from None


def parse_params(specs: list[str], query: NamedQuery, store: Store) -> dict[str, Identifier]:
    """`name=value` pairs: <iri> is an IRI, YYYY-MM-DD an xsd:date, anything else the name of an entity."""
    out: dict[str, Identifier] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"--param {spec!r}: expected NAME=VALUE")
        if name not in query.parameters and (query.parameters or query.shipped):
            takes = f"it takes: {', '.join(query.parameters)}" if query.parameters else "it takes none"
            raise QueryError(f"query '{query.name}' has no parameter '{name}' ({takes})")
        out[name] = _value(name, value.strip(), store)
    return out


def _value(name: str, value: str, store: Store) -> Identifier:
    iri = _IRI.match(value)
    if iri:
        return URIRef(iri.group(1))
    if value.startswith("<"):
        raise QueryError(f"--param {name}: {value!r} is not a valid IRI")
    if _DATE.match(value):
        try:
            return Literal(date.fromisoformat(value), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"--param {name}: {value!r} is not a valid date") from None
    return resolve_entity(name, value, store)


def resolve_entity(name: str, label: str, store: Store) -> URIRef:
    """The one entity of the knowledge base (or the store) with this name, or a clear error."""
    from .kb.index import KnowledgeBase
    from .names.matcher import NameIndex

    if not label or len(label) > 500 or not label.isprintable():
        raise QueryError(f"--param {name}: {label[:60]!r} is not a name")
    found = NameIndex(KnowledgeBase.reference()).match(label)
    iris = {found.entity} if found.entity else {i for i, score in found.candidates if score >= 99}
    if not iris:
        rows = store.query(
            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
            "SELECT DISTINCT ?e ?name WHERE { ?e skos:prefLabel|skos:altLabel ?l . "
            "FILTER(lcase(str(?l)) = lcase(str(?name))) }", {"name": Literal(label)}).rows
        iris = {str(r[0]) for r in rows}
    if not iris:
        raise QueryError(f"--param {name}: no entity is named {label!r} (give an IRI in angle brackets)")
    if len(iris) > 1:
        raise QueryError(f"--param {name}: {label!r} names several entities: {', '.join(sorted(iris))}")
    return URIRef(iris.pop())


def run(store: Store, query: NamedQuery, params: dict[str, Identifier] | None = None) -> QueryResult:
    return store.query(query.text, params or {})


# ---------------------------------------------------------------------- output

def short(term: Identifier | None) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(term).startswith(str(ns)) and re.fullmatch(r"[\w.-]*", str(term)[len(str(ns)):]):
                return f"{prefix}:{str(term)[len(str(ns)):]}"
        return f"<{term}>"
    return str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    if result.boolean is not None:
        return "true" if result.boolean else "false"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([("" if t is None else str(t)) for t in row] for row in result.rows)
        return buf.getvalue()
    if fmt == "json":
        return json.dumps({"head": {"vars": result.variables},
                           "results": {"bindings": [
                               {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None}
                               for row in result.rows]}}, indent=1, ensure_ascii=False)
    cells = [[_clip(short(t)) for t in row] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells)
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _json_term(term: Identifier) -> dict:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "bnode", "value": str(term)}
