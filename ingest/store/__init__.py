"""Stores: the embedded on-disk Oxigraph store (default), a graph file, or a SPARQL 1.1 server."""
from __future__ import annotations

from pathlib import Path

from .base import FORMATS, QueryResult, Store
from .embedded import EmbeddedStore, default_store_path
from .graphfile import GraphFile

__all__ = ["FORMATS", "QueryResult", "Store", "EmbeddedStore", "GraphFile", "default_store_path", "open_store"]


def open_store(spec: str | Path | None = None, create: bool = True, read_only: bool = False,
               **remote_options) -> Store:
    """The store a command works on: a directory (embedded), or an http(s) URL of a SPARQL server.

    `read_only` opens the embedded store for reading alongside other readers (never beside a writer)."""
    if spec is not None and str(spec).startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(str(spec), **remote_options)
    return EmbeddedStore(spec or default_store_path(), create=create, read_only=read_only)
