"""`diplokg kb update`: refresh the knowledge base from Wikidata for some states and organisations.

For each target: its labels and aliases (in LANGUAGES) and English demonyms; for a state, who held its
posts (heads of state and government, foreign and defence ministers) and when, and the organisations it
is a member of; for an organisation, its members. Nothing is written until every answer has arrived and
passed its checks; then the overlay file and the store's knowledge-base graph are replaced, each in one
step, so that an interrupted or failed update leaves the previous knowledge base as it was.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DiplokgError, EndpointError
from ..kb.index import KnowledgeBase, kb_graph
from ..names.matcher import NameIndex
from ..namespaces import KB_GRAPH
from ..store import Store
from . import queries
from .answers import Answer, item
from .client import WikidataClient
from .kbgraph import Fetched, OverlayBuilder, Target, graph_name
from .overlay import merge, overlay_path, read_overlay, write_beside
from .statements import membership_statements, post_statements
from .vocab import qid_of

# English, the languages whose press reaches English-language news in translation, and the scripts of the
# conflicts covered (Cyrillic, Armenian, Arabic); the name matcher folds every script to ASCII.
LANGUAGES = ("en", "fr", "es", "de", "it", "pt", "ru", "uk", "tr", "az", "hy", "ar", "fa")
_BATCH = 50  # items per label query

Progress = Callable[[int, str, str], None]  # (number, target, what happened)


@dataclass
class UpdateReport:
    targets: list[str] = field(default_factory=list)
    terms: int = 0
    memberships: int = 0
    sent: int = 0  # queries that went to the endpoint
    cached: int = 0  # queries answered from the cache
    overlay: Path | None = None


def resolve_targets(names: list[str], kb: KnowledgeBase, all_states: bool = False) -> list[Target]:
    """The KB entities the user named (a name however spelled, or a Q-id), or every state with --all."""
    if all_states:
        return [_target(e) for e in sorted(kb.entities.values(), key=lambda e: e.iri)
                if e.cls == "State" and e.wikidata and e.in_kb]
    if not names:
        raise DiplokgError("name the states or organisations to update (`diplokg kb update Armenia OSCE`), "
                           "or give --all for every state of the knowledge base (about 250 states, 500 queries)")
    index, out = NameIndex(kb), []
    for name in names:
        out.append(_target(_entity_named(name, kb, index)))
    return list(dict.fromkeys(out))


def _entity_named(name: str, kb: KnowledgeBase, index: NameIndex):
    by_qid = [e for e in kb.entities.values() if e.wikidata and qid_of(e.wikidata) == name.strip()]
    if by_qid:
        return by_qid[0]
    match = index.match(name, {"State", "Organisation"})
    if match.entity is None:
        raise DiplokgError(f"no state or organisation of the knowledge base is named {name[:80]!r} "
                           "(give its name as the knowledge base spells it, or its Wikidata id)")
    entity = kb.get(match.entity)
    if not entity.wikidata:
        raise DiplokgError(f"{entity.label} has no Wikidata id in the knowledge base, so Wikidata cannot be asked")
    return entity


def _target(entity) -> Target:
    return Target(entity.iri, qid_of(entity.wikidata), entity.cls, entity.label)


def fetch(target: Target, client: WikidataClient, languages: tuple[str, ...] = LANGUAGES) -> Fetched:
    """Every answer about one target, checked; nothing is written here."""
    fetched = Fetched(target)
    if target.cls == "State":
        fetched.answers["posts"] = answer = client.select(queries.post_statements(states=[target.qid]))
        fetched.posts = [s for s in post_statements(answer) if s.value == target.qid]
        query = queries.membership_statements(members=[target.qid])
    else:
        query = queries.membership_statements(organisations=[target.qid])
    fetched.answers["memberships"] = answer = client.select(query)
    fetched.memberships = [s for s in membership_statements(answer) if target.qid in (s.subject, s.value)]
    items = [target.qid, *sorted({s.subject for s in fetched.posts})]
    for start in range(0, len(items), _BATCH):
        answer = client.select(queries.labels(items[start:start + _BATCH], languages))
        fetched.answers["names" if start == 0 else f"names-{start}"] = answer
        for qid, entry in _names(answer):
            fetched.names.setdefault(qid, []).append(entry)
    return fetched


def _names(answer: Answer):
    for row in answer.rows:
        qid, kind, text = item(row, "item", answer.endpoint), row.get("kind"), row.get("text")
        if str(kind) not in ("label", "alias", "demonym") or text is None or not getattr(text, "language", None):
            raise EndpointError(f"{answer.endpoint}: a name row lacks its kind, text or language")
        yield qid, (str(kind), str(text), text.language)


def update_kb(names: list[str], client: WikidataClient, store: Store | None = None, all_states: bool = False,
              languages: tuple[str, ...] = LANGUAGES, progress: Progress | None = None,
              overlay: Path | None = None) -> UpdateReport:
    kb = KnowledgeBase.reference(overlay=[])  # the overlay is what this rewrites
    targets = resolve_targets(names, kb, all_states)
    builder, graphs, report = OverlayBuilder(kb), {}, UpdateReport()
    for number, target in enumerate(targets, start=1):
        sent_before = client.sent
        fetched = fetch(target, client, languages)
        graph = builder.graph(fetched)
        graphs[graph_name(target.qid)] = graph
        terms = len({(s.subject, s.kind, s.term()) for s in fetched.posts if s.term() and not s.deprecated})
        report.terms += terms
        report.memberships += len(fetched.memberships)
        report.cached += sum(a.from_cache for a in fetched.answers.values())
        report.targets.append(target.label)
        if progress:
            progress(number, target.label, f"{terms} dated terms, {len(fetched.memberships)} memberships, "
                                           f"{len(graph)} triples ({client.sent - sent_before} queries sent)")
    report.sent = client.sent
    report.overlay = path = overlay or overlay_path()
    tmp = write_beside(merge(read_overlay(path), graphs), path)
    try:
        if store is not None:  # one transaction: the bundled knowledge base with the new overlay
            store.replace_graph(KB_GRAPH, kb_graph(overlay=[tmp]))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return report
