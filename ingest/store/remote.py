"""Any SPARQL 1.1 server as the store: queries over the SPARQL protocol (SPARQLWrapper), each article's
graph replaced with the Graph Store HTTP Protocol (`PUT ?graph=`), exports streamed graph by graph.

Endpoints default to Oxigraph server's layout (`URL/query`, `URL/update`, `URL/store`); other servers
name theirs (Fuseki: `URL/ds/sparql`, `URL/ds/update`, `URL/ds/data`; Virtuoso 7: `URL/sparql` for
both, `URL/sparql-graph-crud`). Queries see the union of the named graphs: Oxigraph server needs the
`union-default-graph` request parameter, which is sent; Fuseki needs `tdb2:unionDefaultGraph true` in
its dataset configuration (and ignores the parameter, with a warning); QLever, GraphDB and Virtuoso
query all graphs when a query names none (Virtuoso ignores the parameter).
"""
from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.graph import Graph
from rdflib.term import Identifier
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper

from ..errors import StoreError
from ..namespaces import ID, new_graph
from .base import FORMATS, QueryResult
from .bind import bind_values, sparql_term
from .convert import XSD_STRING, graph_to_ntriples, to_oxigraph, to_rdflib
from .embedded import OX_FORMATS, _prefixes
from .http import Auth, Http, split_credentials
from .output import atomic_output

NTRIPLES = "application/n-triples"


class RemoteStore:
    def __init__(self, url: str, query_endpoint: str | None = None, update_endpoint: str | None = None,
                 graph_store: str | None = "", user: str | None = None, password: str | None = None,
                 token: str | None = None, timeout: float = 60.0, retries: int = 3,
                 union_parameter: str | None = "union-default-graph",
                 graph_namespace: str | None = str(ID["graph/"])):
        """`graph_store=None` replaces graphs with SPARQL Update instead, for servers without the Graph
        Store protocol; "" (the default) means `URL/store`. Only graphs named under `graph_namespace`
        (None: all) are listed and exported: a server holds others too (Virtuoso its own system graphs)."""
        base, url_user, url_password = split_credentials(url)
        self.url = base.rstrip("/")
        self.query_endpoint = self._endpoint(query_endpoint, "query")
        self.update_endpoint = self._endpoint(update_endpoint, "update")
        self.graph_store = None if graph_store is None else self._endpoint(graph_store, "store")
        self.union_parameter = union_parameter
        self.graph_namespace = graph_namespace
        auth = Auth(user if user is not None else url_user,
                    password if password is not None else url_password, token)
        self.http = Http(auth=auth, timeout=timeout, retries=retries)

    def _endpoint(self, given: str | None, default_path: str) -> str:
        """An endpoint: a full URL, a path on the store's server (`/ds/sparql`), or the default."""
        if not given:
            return f"{self.url}/{default_path}"
        if given.startswith(("http://", "https://")):
            return split_credentials(given)[0]
        return urllib.parse.urljoin(self.url + "/", given)

    # ------------------------------------------------------------------ writing

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        if self.graph_store is None:
            update = _replacing_update(sparql_term(name, "graph"), graph)
            self._send("update", self.update_endpoint, update.encode(), "application/sparql-update")
        else:  # one PUT replaces the graph atomically on the server
            self._send("replace a graph", self._graph_url(name), graph_to_ntriples(graph), NTRIPLES, method="PUT")

    def update(self, sparql: str) -> None:
        self._send("update", self.update_endpoint, sparql.encode(), "application/sparql-update")

    def _send(self, what: str, url: str, body: bytes, content_type: str, method: str = "POST") -> None:
        def attempt() -> None:
            with self.http.open(method, url, body, {"Content-Type": content_type}) as response:
                response.read()

        self.http.call(what, url, attempt)

    def _graph_url(self, name: URIRef) -> str:
        separator = "&" if "?" in self.graph_store else "?"
        return f"{self.graph_store}{separator}{urllib.parse.urlencode({'graph': str(name)})}"

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, bindings: dict[str, Identifier] | None = None) -> QueryResult:
        wrapper = self._wrapper(bind_values(sparql, bindings))
        if wrapper.queryType in ("CONSTRUCT", "DESCRIBE"):
            wrapper.setReturnFormat(TURTLE)
            # N-Triples first: it writes every datatype out, where Virtuoso 7's Turtle writes the
            # decimal 1 as `1`, which reads back as an integer
            wrapper.addCustomHttpHeader("Accept", f"{NTRIPLES}, text/turtle;q=0.9")
            return self.http.call("query", self.query_endpoint, lambda: _read_triples(wrapper))
        wrapper.setReturnFormat(JSON)
        answer = self.http.call("query", self.query_endpoint, lambda: wrapper.query().convert())
        return _from_json(answer, self.query_endpoint, asked=wrapper.queryType == "ASK")

    def _wrapper(self, text: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.query_endpoint, agent="diplokg")
        wrapper.setMethod(POST)  # queries with bound values can be long
        wrapper.setOnlyConneg(True)  # no format=json parameters that some servers reject
        wrapper.setTimeout(max(1, round(self.http.timeout)))
        if self.union_parameter:
            wrapper.addParameter(self.union_parameter, "true")
        if (header := self.http.auth.header()) is not None:
            wrapper.addCustomHttpHeader("Authorization", header)
        wrapper.setQuery(text)
        return wrapper

    def graph_names(self) -> list[URIRef]:
        # a triple in the pattern: Virtuoso 7 answers `GRAPH ?g { }` with one row that leaves ?g unbound
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        names = (r[0] for r in rows if isinstance(r[0], URIRef))
        return sorted(n for n in names if self.graph_namespace is None or n.startswith(self.graph_namespace))

    def quads(self, graphs: list[URIRef] | None = None) -> Iterator[tuple]:
        for name, triple in self._triples(graphs):
            yield to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object), name

    def _triples(self, graphs: list[URIRef] | None) -> Iterator[tuple[URIRef, ox.Triple]]:
        """Each graph fetched on its own (GSP GET, or CONSTRUCT without a graph store) and parsed as it
        arrives, so that neither side holds the whole dataset."""
        for name in graphs if graphs is not None else self.graph_names():
            if self.graph_store is None:
                construct = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {sparql_term(name, 'graph')} {{ ?s ?p ?o }} }}"
                for s, p, o in self.query(construct).rows:
                    yield name, ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
                continue
            url = self._graph_url(name)
            response = self.http.call("read a graph", url,
                                      lambda: self.http.open("GET", url, headers={"Accept": NTRIPLES}))
            with response:
                try:
                    yield from ((name, t) for t in ox.parse(response, format=ox.RdfFormat.N_TRIPLES))
                except (SyntaxError, OSError) as err:
                    raise StoreError(f"read a graph at {url}: the answer broke off or is not N-Triples: {err}") from None

    def export(self, path, fmt: str, graphs: list[URIRef] | None = None) -> None:
        quads = (ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(str(name)))
                 for name, t in self._triples(graphs))
        with atomic_output(path) as temporary:
            if FORMATS[fmt][1]:
                ox.serialize(quads, str(temporary), OX_FORMATS[fmt], prefixes=_prefixes())
            else:  # a triple format holds the union of the graphs
                ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), str(temporary),
                             OX_FORMATS[fmt], prefixes=_prefixes() if fmt == "turtle" else None)

    def close(self) -> None:
        pass


def _replacing_update(target: str, graph: Graph) -> str:
    """One request that drops the graph and inserts it anew. Triples with blank nodes go into an INSERT
    with an empty pattern, which makes the same fresh blank nodes: Virtuoso 7 refuses them in INSERT
    DATA, and it cannot compile a whole article as such a template (too much generated SQL)."""
    ground, with_blank_nodes = new_graph(), new_graph()
    for triple in graph:
        (with_blank_nodes if any(isinstance(t, BNode) for t in triple) else ground).add(triple)
    update = f"DROP SILENT GRAPH {target} ;\nINSERT DATA {{ GRAPH {target} {{\n{graph_to_ntriples(ground).decode()}}} }}"
    if len(with_blank_nodes):
        update += f" ;\nINSERT {{ GRAPH {target} {{\n{graph_to_ntriples(with_blank_nodes).decode()}}} }} WHERE {{}}"
    return update


def _read_triples(wrapper: SPARQLWrapper) -> QueryResult:
    response = wrapper.query().response
    media_type = (response.headers.get("Content-Type") or "text/turtle").split(";")[0].strip()
    fmt = ox.RdfFormat.from_media_type(media_type) or ox.RdfFormat.TURTLE
    rows = [(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in ox.parse(response, format=fmt)]
    return QueryResult(["subject", "predicate", "object"], rows)


def _from_json(answer, endpoint: str, asked: bool = False) -> QueryResult:
    if not isinstance(answer, dict) or ("boolean" not in answer and "results" not in answer):
        raise StoreError(f"query at {endpoint}: the answer is not SPARQL JSON results")
    if "boolean" in answer:
        return QueryResult([], [], boolean=bool(answer["boolean"]))
    if asked:  # Virtuoso 7 answers ASK as a table: one row holding 1 when true, no row when false
        return QueryResult([], [], boolean=_table_says_yes(answer))
    variables = list(answer.get("head", {}).get("vars", []))
    rows = [tuple(_json_term(b.get(v)) for v in variables) for b in answer["results"].get("bindings", [])]
    return QueryResult(variables, rows)


def _table_says_yes(answer: dict) -> bool:
    rows = answer["results"].get("bindings", [])
    values = [cell.get("value") for row in rows for cell in row.values()]
    return bool(values) and values[0] not in ("0", "false")


def _json_term(value: dict | None) -> Identifier | None:
    if value is None:
        return None
    kind, text = value.get("type"), value.get("value", "")
    if kind == "uri":
        return URIRef(text)
    if kind == "bnode":
        return BNode(text)
    if "xml:lang" in value:
        return Literal(text, lang=value["xml:lang"])
    datatype = value.get("datatype")
    return Literal(text, datatype=URIRef(datatype) if datatype and datatype != XSD_STRING else None)

