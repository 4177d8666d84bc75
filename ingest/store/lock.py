"""Who may open the embedded store: one writer, or any number of readers, never both at once.

Oxigraph locks its directory against a second writer, but a read-only opening (pyoxigraph's
`Store.read_only`, `oxigraph serve-read-only`) takes no lock, and reading while another process writes
is undefined behaviour in Oxigraph. So diplokg keeps its own advisory lock file in the store directory:
writers hold it exclusively, readers shared. RocksDB ignores files it did not create.
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

from ..errors import StoreError

LOCK_NAME = "diplokg.lock"


class StoreLock:
    """An flock on `<store>/diplokg.lock`, taken without waiting: a clear error instead of a hang."""

    def __init__(self, store_dir: Path, exclusive: bool, purpose: str = "diplokg"):
        self.store_dir = Path(store_dir)
        self.exclusive = exclusive
        self.fd: int | None = None
        self._acquire(purpose)

    def _acquire(self, purpose: str) -> None:
        path = self.store_dir / LOCK_NAME
        try:
            self.store_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as err:
            raise StoreError(f"cannot use {self.store_dir} as a store: {err.strerror or err}") from None
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            message = self._busy_message(fd)
            os.close(fd)
            raise StoreError(message) from None
        if self.exclusive:  # say who writes, for the message another process will print
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}: {purpose}\n".encode(), 0)
        self.fd = fd

    def _busy_message(self, fd: int) -> str:
        where = f"the store at {self.store_dir}"
        try:  # a shared lock we can take means the holders are readers
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            fcntl.flock(fd, fcntl.LOCK_UN)
            return (f"{where} is open for reading by another process (a query, an export or `diplokg serve`); "
                    "stop it before writing")
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            return f"{where} is being written by {holder}; wait for it to finish"

    def release(self) -> None:
        if self.fd is not None:
            if self.exclusive:
                os.ftruncate(self.fd, 0)
            os.close(self.fd)  # closing the descriptor releases the flock
            self.fd = None
