"""The Wikidata commands of the `diplokg` CLI: `kb update`, `link`, and `build --link`'s options.

Thin, like the rest of the CLI: parse, call update_kb / link / find_links, print one summary line. ingest/cli.py
adds these parsers and dispatches to cmd_kb and cmd_link; diplokg's errors become its one-line messages.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import DiplokgError

EXAMPLES = {
    "kb update": "diplokg kb update Armenia Azerbaijan OSCE --store ~/.local/share/diplokg/store",
    "link": "diplokg link --endpoint https://query.wikidata.org/sparql",
}


def add_endpoint_options(p: argparse.ArgumentParser, when: str = "") -> None:
    p.add_argument("--endpoint", metavar="URL", help=f"{when}the SPARQL endpoint to ask "
                                                     "(default: https://query.wikidata.org/sparql)")
    p.add_argument("--refresh", action="store_true", help=f"{when}ask the endpoint again instead of answering "
                                                          "from the on-disk cache of earlier answers")
    p.add_argument("--cache", metavar="DIR", help=f"{when}where answers are cached "
                                                  "(default: $DIPLOKG_CACHE or ~/.cache/diplokg/wikidata)")
    if "--timeout" not in p._option_string_actions:  # one timeout for every request a command makes
        p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help=f"{when}per request (default 60)")


def add_build_options(b: argparse.ArgumentParser) -> None:
    b.add_argument("--link", action="store_true", help="after the build, link the entities that have no Wikidata "
                                                       "id, as `diplokg link` does (asks the endpoint)")
    add_endpoint_options(b, "with --link: ")


def add_commands(sub, store_options) -> None:
    """`kb update` and `link`, with `store_options(parser, graph=...)` from the CLI."""
    def parser(name: str, help_: str, **extra):
        return extra.pop("under", sub).add_parser(
            name.split()[-1], help=help_, description=extra.pop("description", help_),
            epilog=f"example:\n  {EXAMPLES.get(name, EXAMPLES['kb update'])}",
            formatter_class=argparse.RawDescriptionHelpFormatter)

    kb = parser("kb", "The reference knowledge base. `diplokg kb update` refreshes it from Wikidata.")
    actions = kb.add_subparsers(dest="kb_command", required=True, metavar="ACTION")
    u = parser("kb update", "refresh states and organisations from Wikidata", under=actions,
               description="Refresh states and organisations of the knowledge base from Wikidata: names, heads of "
                           "state and government and ministers with their terms, memberships. Writes the overlay "
                           "the knowledge base reads (~/.local/share/diplokg/kb/wikidata.trig) and the store's "
                           "knowledge-base graph; a failed update changes neither.")
    u.add_argument("targets", nargs="*", metavar="STATE|ORG", help="names (however spelled) or Wikidata ids")
    u.add_argument("--all", action="store_true", help="every state of the knowledge base (about 250 states, "
                                                      "some 500 queries)")
    u.add_argument("--languages", metavar="LIST", help="label languages, comma-separated "
                                                       "(default: en,fr,es,de,it,pt,ru,uk,tr,az,hy,ar,fa)")
    u.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    add_endpoint_options(u)
    store_options(u, graph=False)

    k = parser("link", "Link the persons and organisations of the built graph that have no Wikidata id: ask the "
                       "endpoint for items of the same name and accept one only when it is the one that fits what "
                       "the articles say (post, state and date; an organisation's country). The others are listed "
                       "by `diplokg query link-review`.")
    k.add_argument("-o", "--output", metavar="FILE", help="with --graph: write the graph and its links to FILE "
                                                          "(.trig or .nq); with the store: also export it there")
    k.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    add_endpoint_options(k)
    store_options(k)


def _client(args):
    from .cache import AnswerCache
    from .client import WikidataClient
    from .vocab import DEFAULT_ENDPOINT

    return WikidataClient(args.endpoint or DEFAULT_ENDPOINT, cache=AnswerCache(args.cache), refresh=args.refresh,
                          timeout=args.timeout)


def _progress(args):
    return None if args.quiet else lambda n, what, done: print(f"[{n}] {what}: {done}", file=sys.stderr)


def _summary(report) -> str:
    return (f"linked {len(report.linked)} of {len(report.verdicts)} entities without a Wikidata id; "
            f"{report.reviewed} left for review (diplokg query link-review); {report.sent} queries sent, "
            f"{report.cached} answered from the cache")


def cmd_kb(args, open_store) -> int:
    from ..store import default_store_path
    from .update import LANGUAGES, update_kb

    languages = tuple(x.strip() for x in args.languages.split(",") if x.strip()) if args.languages else LANGUAGES
    # the store's KB graph is refreshed too: the one named, else the default one if there is one
    store = open_store(args, create=True) if args.store or default_store_path().exists() else None
    try:
        report = update_kb(args.targets, _client(args), store, all_states=args.all, languages=languages,
                           progress=_progress(args))
    finally:
        if store is not None:
            store.close()
    print(f"updated {len(report.targets)} state(s) and organisation(s): {report.terms} dated terms, "
          f"{report.memberships} memberships; {report.sent} queries sent, {report.cached} answered from the cache; "
          f"wrote {report.overlay}", file=sys.stderr)
    return 0


def cmd_link(args, open_store) -> int:
    from ..build import output_format
    from .linker import find_links, link, write_with_links

    if args.graph and not args.output:
        raise DiplokgError("link --graph needs -o FILE: a graph file is not changed in place")
    client, store = _client(args), open_store(args, write=True)
    try:
        if args.graph:
            report = find_links(store, client, progress=_progress(args))
            write_with_links(store, report.graph, args.output)
        else:
            report = link(store, client, progress=_progress(args))
            if args.output:
                store.export(Path(args.output), output_format(args.output))
    finally:
        store.close()
    print(_summary(report) + (f"; wrote {args.output}" if args.output else ""), file=sys.stderr)
    return 0


def linking_step(args):
    """`build --link`: after the articles, the linker over the whole store; its graph joins the output."""
    if not args.link:
        return None
    from .linker import LINKS_GRAPH, link

    client = _client(args)

    def step(store):
        print(_summary(link(store, client, progress=_progress(args))), file=sys.stderr)
        return [LINKS_GRAPH]

    return step
