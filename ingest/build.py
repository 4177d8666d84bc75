"""Build: articles in, one named graph per article in the store, and optionally a graph file out."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import hashlib

from rdflib import Graph, Literal, URIRef

from .errors import DiplokgError, InputError, StageError
from .kb.index import KnowledgeBase, kb_graph, ontology_graph
from .known import load_known_events, register_known_entities
from .mapping import to_graph
from .model import Article
from .namespaces import DKG, KB_GRAPH, ONTOLOGY_GRAPH, article_graph
from .resources import kb_files, kb_overlay_files, ontology_files
from .pipeline import Pipeline
from .store import FORMATS, Store
from .upgrade import upgrade

Progress = Callable[[int, str, str], None]  # (number, source, what happened)


@dataclass
class BuildReport:
    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line each: the file (and line) and the problem
    graphs: list[URIRef] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    for name, (ext, _) in FORMATS.items():
        if suffix == ext:
            return name
    raise DiplokgError(f"{path}: cannot tell the format from '{suffix}' "
                       f"(use {', '.join(ext for ext, _ in FORMATS.values())})")


def write_reference(store: Store) -> None:
    """The ontology and the reference KB, each in its own named graph: rewritten only when they changed,
    so that re-running a build changes nothing (the ontology's blank nodes would get new names). When they
    change, article graphs an earlier version wrote are brought up to the model (ingest/upgrade.py)."""
    digest = reference_digest()
    stamp = Literal(digest)
    if store.query(f"ASK {{ GRAPH <{KB_GRAPH}> {{ <{KB_GRAPH}> <{DKG.referenceDigest}> ?d }} }}",
                   {"d": stamp}).boolean:
        return
    store.replace_graph(ONTOLOGY_GRAPH, ontology_graph())
    upgrade(store)  # before the stamp: a build killed during it runs it again
    kb = kb_graph() + Graph()
    kb.add((KB_GRAPH, DKG.referenceDigest, stamp))
    store.replace_graph(KB_GRAPH, kb)


def reference_digest() -> str:
    h = hashlib.sha256()
    for path in [*ontology_files(), *kb_files(), *kb_overlay_files()]:  # the overlay: `kb update` changed it
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def build(paths: Iterable[str | Path], store: Store, output: str | Path | None = None,
          progress: Progress | None = None, pipeline: Pipeline | None = None,
          after: Callable[[Store], list[URIRef]] | None = None) -> BuildReport:
    """Build the articles into the store. `after` runs once the articles are in (the stages do no I/O;
    `build --link` links here) and returns the graphs it wrote, which the output file then includes."""
    from .sources import read_articles

    fmt = output_format(output) if output is not None else None
    write_reference(store)
    if pipeline is None:  # what earlier builds left: their entities and events
        kb = KnowledgeBase.load()
        register_known_entities(store, kb)
        pipeline = Pipeline(kb=kb)
        load_known_events(store, pipeline.events)
    report = BuildReport()
    for number, item in enumerate(read_articles(paths), start=1):
        try:
            if isinstance(item, InputError):
                raise item
            graph, name = build_article(item, pipeline), article_graph(item.source)
            store.replace_graph(name, graph)  # a term the store refuses skips this article, not the batch
        except DiplokgError as err:
            line = str(err) if isinstance(err, InputError) else f"{item.origin}: {err}"
            report.skipped.append(line)
            if progress:
                progress(number, getattr(item, "source", None) or err.path, f"skipped: {getattr(err, 'problem', err)}")
            continue
        report.built.append(item.source)
        report.graphs.append(name)
        if progress:
            progress(number, item.source, f"{len(graph)} triples")
    if after is not None:
        report.graphs.extend(after(store))
    if fmt is not None:
        store.export(output, fmt, graphs=[ONTOLOGY_GRAPH, KB_GRAPH, *report.graphs])
    return report


def build_article(article: Article, pipeline: Pipeline):
    record = pipeline.run(article)
    try:
        return to_graph(record, pipeline.kb)
    except Exception as err:  # noqa: BLE001 - a mapping failure skips the article, not the batch
        raise StageError("mapping", article.source, err) from err
