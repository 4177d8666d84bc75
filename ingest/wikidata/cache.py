"""Answers kept on disk, keyed by endpoint and query, so that a re-run asks the endpoint nothing."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path


def default_cache_dir() -> Path:
    """$DIPLOKG_CACHE, else $XDG_CACHE_HOME/diplokg/wikidata, else ~/.cache/diplokg/wikidata."""
    if os.environ.get("DIPLOKG_CACHE"):
        return Path(os.environ["DIPLOKG_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "diplokg" / "wikidata"


class AnswerCache:
    """One JSON file per (endpoint, query): the answer's body as the endpoint sent it, and when."""

    def __init__(self, directory: str | Path | None = None):
        self.directory = Path(directory) if directory is not None else default_cache_dir()

    def _path(self, endpoint: str, query: str) -> Path:
        key = hashlib.sha256(f"{endpoint}\n{query}".encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / f"{key[:2]}" / f"{key}.json"

    def get(self, endpoint: str, query: str) -> tuple[datetime, str] | None:
        """The cached body and its retrieval time; a missing, unreadable or foreign entry is a miss."""
        try:
            entry = json.loads(self._path(endpoint, query).read_text(encoding="utf-8"))
            if entry["endpoint"] != endpoint or entry["query"] != query:
                return None
            return datetime.fromisoformat(entry["retrieved"]), entry["body"]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, endpoint: str, query: str, retrieved: datetime, body: str) -> None:
        path = self._path(endpoint, query)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry = {"endpoint": endpoint, "query": query, "retrieved": retrieved.isoformat(), "body": body}
        # Written beside its final name and renamed: a killed run leaves the old entry or the new one.
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entry, f, ensure_ascii=False)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
