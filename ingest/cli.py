"""The `diplokg` command: a thin layer over the library. Each command parses its arguments, calls one
library function, and turns diplokg's errors into a one-line message and an exit code."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DiplokgError

EXAMPLES = {
    "build": "diplokg build examples/articles -o graph.trig",
    "validate": "diplokg validate --graph graph.trig",
    "query": "diplokg query events-timeline --graph graph.trig --param state=Armenia --format csv",
    "export": "diplokg export --graph graph.trig --format turtle -o graph.ttl",
    # Wikidata (ingest/wikidata): refresh the knowledge base, link what the articles introduce
    "kb": "diplokg kb update Armenia Azerbaijan OSCE",
    "kb update": "diplokg kb update Armenia Azerbaijan OSCE --store ~/.local/share/diplokg/store",
    "link": "diplokg link --endpoint https://query.wikidata.org/sparql",
}


def _store_options(p: argparse.ArgumentParser, graph: bool = True) -> None:
    if graph:
        p.add_argument("--graph", metavar="FILE", help="read this graph file (TriG, N-Quads, Turtle, JSON-LD) "
                                                        "instead of the store")
    p.add_argument("--store", metavar="DIR|URL",
                   help="the store: a directory for the embedded store (default: $DIPLOKG_STORE or "
                        "~/.local/share/diplokg/store), or the URL of a SPARQL 1.1 server")


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
    b.add_argument("--link", action="store_true", help="after the build, link the entities that have no Wikidata "
                                                       "id, as `diplokg link` does (asks the endpoint)")
    _store_options(b, graph=False)
    _wikidata_options(b, "with --link: ")

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
    _wikidata_commands(sub, command)
    return ap


# ---------------------------------------------------------------------- Wikidata: kb update, link

def _wikidata_options(p: argparse.ArgumentParser, when: str = "") -> None:
    p.add_argument("--endpoint", metavar="URL", help=f"{when}the SPARQL endpoint to ask "
                                                     "(default: https://query.wikidata.org/sparql)")
    p.add_argument("--refresh", action="store_true", help=f"{when}ask the endpoint again instead of answering "
                                                          "from the on-disk cache of earlier answers")
    p.add_argument("--cache", metavar="DIR", help=f"{when}where answers are cached "
                                                  "(default: $DIPLOKG_CACHE or ~/.cache/diplokg/wikidata)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help=f"{when}per request (default 60)")


def _wikidata_commands(sub, command) -> None:
    kb = command("kb", "The reference knowledge base. `diplokg kb update` refreshes it from Wikidata.")
    actions = kb.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    u = actions.add_parser("update", formatter_class=argparse.RawDescriptionHelpFormatter,
                           epilog=f"example:\n  {EXAMPLES['kb update']}",
                           help="refresh states and organisations from Wikidata",
                           description="Refresh states and organisations of the knowledge base from Wikidata: "
                                       "names, heads of state and government and ministers with their terms, "
                                       "memberships. Writes the overlay the knowledge base reads "
                                       "(~/.local/share/diplokg/kb/wikidata.trig) and the store's knowledge-base "
                                       "graph; a failed update changes neither.")
    u.add_argument("targets", nargs="*", metavar="STATE|ORG", help="names (however spelled) or Wikidata ids")
    u.add_argument("--all", action="store_true", help="every state of the knowledge base (about 250 states, "
                                                      "some 500 queries)")
    u.add_argument("--languages", metavar="LIST", help="label languages, comma-separated "
                                                       "(default: en,fr,es,de,it,pt,ru,uk,tr,az,hy,ar,fa)")
    u.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    _wikidata_options(u)
    _store_options(u, graph=False)

    k = command("link", "Link the persons and organisations of the built graph that have no Wikidata id: ask the "
                        "endpoint for items of the same name and accept one only when it is the one that fits what "
                        "the articles say (post, state and date; an organisation's country). The others are listed "
                        "by `diplokg query link-review`.")
    k.add_argument("-o", "--output", metavar="FILE", help="with --graph: write the graph and its links to FILE "
                                                          "(.trig or .nq); with the store: also export it there")
    k.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    _wikidata_options(k)
    _store_options(k)


def _wikidata_client(args):
    from .wikidata.cache import AnswerCache
    from .wikidata.client import WikidataClient
    from .wikidata.vocab import DEFAULT_ENDPOINT

    return WikidataClient(args.endpoint or DEFAULT_ENDPOINT, cache=AnswerCache(args.cache), refresh=args.refresh,
                          timeout=args.timeout)


def _progress(args):
    return None if args.quiet else lambda n, what, done: print(f"[{n}] {what}: {done}", file=sys.stderr)


def cmd_kb(args) -> int:
    from .store import default_store_path
    from .wikidata.update import LANGUAGES, update_kb

    languages = tuple(x.strip() for x in args.languages.split(",") if x.strip()) if args.languages else LANGUAGES
    # the store's KB graph is refreshed too: the one named, else the default one if there is one
    store = _open(args, create=True) if args.store or default_store_path().exists() else None
    try:
        report = update_kb(args.targets, _wikidata_client(args), store, all_states=args.all, languages=languages,
                           progress=_progress(args))
    finally:
        if store is not None:
            store.close()
    print(f"updated {len(report.targets)} state(s) and organisation(s): {report.terms} dated terms, "
          f"{report.memberships} memberships; {report.sent} queries sent, {report.cached} answered from the cache; "
          f"wrote {report.overlay}", file=sys.stderr)
    return 0


def cmd_link(args) -> int:
    from .wikidata.linker import find_links, link, write_with_links

    client = _wikidata_client(args)
    store = _open(args)
    try:
        if args.graph:
            if not args.output:
                raise DiplokgError("link --graph needs -o FILE: a graph file is not changed in place")
            report = find_links(store, client, progress=_progress(args))
            write_with_links(store, report.graph, args.output)
        else:
            report = link(store, client, progress=_progress(args))
            if args.output:
                from .build import output_format

                store.export(Path(args.output), output_format(args.output))
    finally:
        store.close()
    print(f"linked {len(report.linked)} of {len(report.verdicts)} entities without a Wikidata id; "
          f"{report.reviewed} left for review (diplokg query link-review); {report.sent} queries sent, "
          f"{report.cached} answered from the cache" + (f"; wrote {args.output}" if args.output else ""),
          file=sys.stderr)
    return 0


def _open(args, create: bool = False):
    from .store import GraphFile, open_store

    if getattr(args, "graph", None):
        return GraphFile(args.graph)
    return open_store(args.store, create=create)


def cmd_build(args) -> int:
    from .build import build

    progress = None if args.quiet else lambda n, source, what: print(f"[{n}] {source}: {what}", file=sys.stderr)
    after = _linking_step(args) if args.link else None
    store = _open(args, create=True)
    try:
        report = build(args.paths, store, output=args.output, progress=progress, after=after)
    finally:
        store.close()
    for line in report.skipped:
        print(f"skipped {line}", file=sys.stderr)
    print(f"built {len(report.built)} article(s), skipped {len(report.skipped)}"
          + (f"; wrote {args.output}" if args.output else ""), file=sys.stderr)
    return report.exit_code


def _linking_step(args):
    """`build --link`: after the articles, the linker over the whole store; its graph joins the output."""
    from .wikidata.linker import LINKS_GRAPH, link

    client = _wikidata_client(args)

    def step(store):
        report = link(store, client, progress=_progress(args))
        print(f"linked {len(report.linked)} of {len(report.verdicts)} entities without a Wikidata id; "
              f"{report.reviewed} left for review", file=sys.stderr)
        return [LINKS_GRAPH]

    return step


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
