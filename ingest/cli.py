"""The `diplokg` command: a thin layer over the library. Each command parses its arguments, calls one
library function, and turns diplokg's errors into a one-line message and an exit code."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DiplokgError
from .wikidata import commands as wikidata  # kb update, link, build --link

EXAMPLES = {
    "build": "diplokg build examples/articles -o graph.trig",
    "validate": "diplokg validate --graph graph.trig",
    "query": "diplokg query events-timeline --graph graph.trig --param state=Armenia --format csv",
    "export": "diplokg export --graph graph.trig --format turtle -o graph.ttl",
    "import": "diplokg import colleague-export.trig --store http://127.0.0.1:7878",
    "serve": "diplokg serve --port 7878   # then: curl 'http://127.0.0.1:7878/query' --data-urlencode 'query=ASK {}'",
}


def _store_options(p: argparse.ArgumentParser, graph: bool = True) -> None:
    if graph:
        p.add_argument("--graph", metavar="FILE", help="read this graph file (TriG, N-Quads, Turtle, JSON-LD) "
                                                        "instead of the store")
    p.add_argument("--store", metavar="DIR|URL",
                   help="the store: a directory for the embedded store (default: $DIPLOKG_STORE or "
                        "~/.local/share/diplokg/store), or the URL of a SPARQL 1.1 server")
    _remote_options(p)


def _remote_options(p: argparse.ArgumentParser) -> None:
    """For --store URL. Secrets come from the environment only, never from the command line."""
    r = p.add_argument_group("SPARQL server (--store URL)",
                             "user and password or token from $DIPLOKG_STORE_USER, $DIPLOKG_STORE_PASSWORD, "
                             "$DIPLOKG_STORE_TOKEN (bearer)")
    r.add_argument("--query-endpoint", metavar="URL|PATH", help="default URL/query (Fuseki: /ds/sparql)")
    r.add_argument("--update-endpoint", metavar="URL|PATH", help="default URL/update (Fuseki: /ds/update)")
    r.add_argument("--graph-store", metavar="URL|PATH",
                   help="Graph Store protocol endpoint, default URL/store (Fuseki: /ds/data); 'none' replaces "
                        "graphs with SPARQL Update instead")
    r.add_argument("--user", metavar="NAME", help="basic authentication user (or $DIPLOKG_STORE_USER)")
    if "--timeout" not in p._option_string_actions:  # shared with the Wikidata endpoint's options
        r.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="per request (default 60)")


def _remote_settings(args) -> dict:
    import os

    if not str(args.store or "").startswith(("http://", "https://")):
        return {}
    graph_store = getattr(args, "graph_store", None)
    return {"query_endpoint": args.query_endpoint, "update_endpoint": args.update_endpoint,
            "graph_store": None if graph_store == "none" else graph_store or "",
            "user": args.user or os.environ.get("DIPLOKG_STORE_USER"),
            "password": os.environ.get("DIPLOKG_STORE_PASSWORD"), "token": os.environ.get("DIPLOKG_STORE_TOKEN"),
            "timeout": args.timeout}


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="diplokg", description="A diplomatic-actor knowledge graph from news articles.",
                                 epilog="Run `diplokg COMMAND --help` for a command's options and an example.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help_, description=help_, epilog=f"example:\n  {EXAMPLES[name]}",
                              formatter_class=argparse.RawDescriptionHelpFormatter)

    b = command("build", "Read articles (.txt, .md, .jsonl, or directories of them) into the knowledge graph: "
                         "one named graph per article in the store. Exit 0 when every input was built, 1 when "
                         "some were skipped, 2 on a usage or fatal error.")
    b.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories")
    b.add_argument("-o", "--output", metavar="FILE",
                   help="also write this build's article graphs with the reference knowledge base to FILE "
                        "(.trig, .nq, .jsonld; .ttl or .nt merge the graphs)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    _store_options(b, graph=False)
    wikidata.add_build_options(b)

    v = command("validate", "Validate the graph against the SHACL shapes. Exit 0 when it conforms, 1 on "
                            "violations, 2 on an error.")
    v.add_argument("--report", metavar="FILE", help="also write the SHACL report graph (Turtle) to FILE")
    _store_options(v)

    q = command("query", "Run a named query from queries/ (or a .rq file) and print its results. "
                         "`diplokg query --list` shows the named queries.")
    q.add_argument("name", nargs="?", metavar="QUERY", help="a query name (officials, events-timeline, ...) or a .rq file")
    q.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                   help="bind a parameter: <iri>, an ISO date, or the name of an entity (repeatable)")
    q.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    q.add_argument("--list", action="store_true", help="list the named queries and what they answer")
    _store_options(q)

    e = command("export", "Write the graph to a file: trig and nquads keep the named graphs, turtle merges "
                          "them, jsonld keeps them as JSON-LD named graphs.")
    e.add_argument("--format", choices=["trig", "nquads", "turtle", "jsonld", "ntriples"], required=True)
    e.add_argument("-o", "--output", metavar="FILE", required=True)
    _store_options(e)
    wikidata.add_commands(sub, _store_options)
    i = command("import", "Load graph files (TriG, N-Quads, JSON-LD; an export of another store) into the store, "
                          "keeping their named graphs: a graph already there is replaced. A new, empty embedded "
                          "store is filled with Oxigraph's bulk loader. Exit 0 when every file was imported, 1 "
                          "when some were skipped, 2 on an error.")
    i.add_argument("files", nargs="+", metavar="FILE", help=".trig, .nq or .jsonld files")
    i.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    _store_options(i, graph=False)

    s = command("serve", "Serve the embedded store read-only as a SPARQL 1.1 endpoint (URL/query; its query page "
                         "at URL/), for SPARQLWrapper, YASGUI or pandas, until Ctrl-C. Runs Oxigraph's own server; "
                         "answers are cut at --limit rows (header X-Diplokg-Truncated).")
    s.add_argument("--store", metavar="DIR", help="the embedded store (default: $DIPLOKG_STORE or "
                                                  "~/.local/share/diplokg/store)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=7878, help="default 7878")
    s.add_argument("--timeout", type=int, default=30, metavar="SECONDS", help="longest a query may run (default 30)")
    s.add_argument("--limit", type=int, default=10_000, metavar="ROWS", help="most rows an answer holds (default 10000)")
    s.add_argument("-q", "--quiet", action="store_true", help="do not log requests")
    return ap


def _open(args, create: bool = False, write: bool = False):
    """The graph file or store a command works on: read-only unless it writes (`create` makes a new store)."""
    from .store import GraphFile, open_store

    if getattr(args, "graph", None):
        return GraphFile(args.graph)
    return open_store(args.store, create=create, read_only=not (create or write), **_remote_settings(args))


def cmd_build(args) -> int:
    from .build import build

    progress = None if args.quiet else lambda n, source, what: print(f"[{n}] {source}: {what}", file=sys.stderr)
    store = _open(args, create=True)
    try:
        report = build(args.paths, store, output=args.output, progress=progress, after=wikidata.linking_step(args))
    finally:
        store.close()
    for line in report.skipped:
        print(f"skipped {line}", file=sys.stderr)
    print(f"built {len(report.built)} article(s), skipped {len(report.skipped)}"
          + (f"; wrote {args.output}" if args.output else ""), file=sys.stderr)
    return report.exit_code


def cmd_validate(args) -> int:
    from .validate import validate_store

    store = _open(args)
    try:
        conforms, report, text = validate_store(store)
    finally:
        store.close()
    if args.report:
        report.serialize(args.report, format="turtle")
    print(text.strip())
    return 0 if conforms else 1


def cmd_query(args) -> int:
    from .query import available, format_result, load_query, parse_params, run

    if args.list or not args.name:
        for q in available():
            first = q.header.split("\n\n")[0].replace("\n", " ")
            print(f"{q.name:28s} {first}")
        return 0
    query = load_query(args.name)
    store = _open(args)
    try:
        result = run(store, query, parse_params(args.param, query, store))
    finally:
        store.close()
    print(format_result(result, args.format), end="" if args.format in ("csv", "tsv") else "\n")
    return 0


def cmd_export(args) -> int:
    store = _open(args)
    try:
        store.export(Path(args.output), args.format)
    finally:
        store.close()
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_import(args) -> int:
    from .store.importer import import_files

    store = _open(args, create=True)
    try:
        report = import_files(args.files, store, None if args.quiet else lambda line: print(line, file=sys.stderr))
    finally:
        store.close()
    for line in report.skipped:
        print(f"skipped {line}", file=sys.stderr)
    print(f"imported {report.graphs} graph(s), {report.quads} quads; skipped {len(report.skipped)} file(s)",
          file=sys.stderr)
    return report.exit_code


def cmd_kb(args) -> int:
    return wikidata.cmd_kb(args, _open)


def cmd_link(args) -> int:
    return wikidata.cmd_link(args, _open)


def cmd_serve(args) -> int:
    from .serve import ServeOptions, Server

    if str(args.store or "").startswith(("http://", "https://")):
        raise DiplokgError("serve works on an embedded store (a directory); a SPARQL server serves itself")
    log = None if args.quiet else (lambda line: print(line, file=sys.stderr))
    server = Server(args.store, ServeOptions(args.host, args.port, args.timeout, args.limit), log).start()
    try:
        print(f"serving {server.store} read-only at {server.url}/query (Oxigraph {server.version}; queries stop "
              f"after {args.timeout} s, answers after {args.limit} rows); Ctrl-C stops", file=sys.stderr)
        code = server.wait()
    except KeyboardInterrupt:  # the usual way to stop serving
        code = 0
    finally:
        server.stop()
    return 0 if code in (0, -15) else 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = globals()[f"cmd_{args.command.replace('-', '_')}"]
    try:
        return handler(args)
    except DiplokgError as err:
        print(f"diplokg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a file that cannot be read or written
        where = f" {err.filename}" if err.filename else ""
        print(f"diplokg {args.command}: error:{where}: {err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"diplokg {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
