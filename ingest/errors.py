"""Errors a user can act on. The CLI prints them as one line and turns them into exit codes."""
from __future__ import annotations


class DiplokgError(Exception):
    """Base of every error diplokg reports to its user."""


class InputError(DiplokgError):
    """An input that cannot be read: names the file (and line) and the problem."""

    def __init__(self, path: str, problem: str, line: int | None = None):
        self.path, self.problem, self.line = str(path), problem, line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class StageError(DiplokgError):
    """A pipeline stage failed on one article; the batch goes on without it."""

    def __init__(self, stage: str, source: str, cause: BaseException):
        self.stage, self.source, self.cause = stage, source, cause
        super().__init__(f"{source}: stage '{stage}' failed: {type(cause).__name__}: {cause}")


class StoreError(DiplokgError):
    """The store cannot be opened, read or written."""


class QueryError(DiplokgError):
    """A query that cannot be found, parsed, bound or run."""


class GraphFileError(DiplokgError):
    """A graph file that cannot be read as RDF."""


class EndpointError(DiplokgError):
    """A SPARQL endpoint that cannot be reached, refuses, or answers something that is not a usable result."""
