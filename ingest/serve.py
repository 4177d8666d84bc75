"""`diplokg serve`: a read-only SPARQL 1.1 endpoint over the embedded store, for colleagues and tools.

The endpoint is Oxigraph's own server (`oxigraph serve-read-only`, from the `oxigraph` package of the
same release line as pyoxigraph) with the union of the graphs as default graph and its query timeout,
behind a small forwarding layer (`serve_limit`) that caps the rows of an answer, since Oxigraph has no
such option, and that enforces the timeout: when a query outlives it, Oxigraph (which cannot always
cancel a query) is restarted, which also ends the queries others had running. The server holds the store's shared lock, handed down to the Oxigraph process, so no build
writes the store while it is served (Oxigraph's reading beside a writer is undefined behaviour).
"""
from __future__ import annotations

import ctypes
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from .errors import StoreError
from .serve_limit import LimitingProxy
from .store.embedded import default_store_path
from .store.lock import StoreLock

Log = Callable[[str], None]


@dataclass
class ServeOptions:
    host: str = "127.0.0.1"  # only this machine, unless asked otherwise
    port: int = 7878  # 0 picks a free port
    timeout: int = 30  # seconds a query may run
    limit: int = 10_000  # rows (or triples) an answer may hold


def oxigraph_binary() -> str:
    """The `oxigraph` executable installed beside this Python (the `oxigraph` PyPI package), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the `oxigraph` server is not installed (pip install 'oxigraph>=0.5.13,<0.6')")
    return found


def check_versions(binary: str) -> str:
    """The server's version; an error when its release line differs from pyoxigraph's (store formats may differ)."""
    try:
        out = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout.split()
    except (OSError, subprocess.TimeoutExpired) as err:
        raise StoreError(f"cannot run {binary}: {err}") from None
    server = out[-1] if out else "unknown"
    if server.split(".")[:2] != pyoxigraph.__version__.split(".")[:2]:
        raise StoreError(f"{binary} is version {server} but pyoxigraph is {pyoxigraph.__version__}: install the same "
                         "release of both (pip install 'oxigraph==" + pyoxigraph.__version__ + "')")
    return server


def wait_until_answers(url: str, process: subprocess.Popen | None = None, seconds: float = 20.0) -> None:
    """Poll `url` until any HTTP answer comes back; an error if the process dies or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            raise StoreError(f"the server stopped at once: {' '.join(stderr.split())[:300]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answers, even if not with 200
        except OSError:
            time.sleep(0.1)
    raise StoreError(f"the server at {url} did not answer within {seconds:g} s")


class Server:
    """Oxigraph's read-only server on a store directory, behind the row-limiting forwarding layer."""

    def __init__(self, store: str | Path | None = None, options: ServeOptions | None = None, log: Log | None = None):
        self.store = Path(store) if store else default_store_path()
        self.options = options or ServeOptions()
        self.log = log or (lambda line: None)
        self.version = ""
        self._lock: StoreLock | None = None
        self._process: subprocess.Popen | None = None
        self._proxy: LimitingProxy | None = None
        self._restarting = threading.Lock()
        # Linux sends the parent-death signal when the thread that started the child ends, so every
        # Oxigraph process is started from this one thread, which lives until stop().
        self._spawner: ThreadPoolExecutor | None = None

    @property
    def url(self) -> str:
        host, port = self._proxy.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "Server":
        if not (self.store / "CURRENT").exists():  # RocksDB's mark of a database directory
            raise StoreError(f"no store at {self.store} (run `diplokg build` first, or give --store)")
        binary = oxigraph_binary()
        self.version = check_versions(binary)
        self._lock = StoreLock(self.store, exclusive=False, purpose="serve")
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="diplokg-oxigraph")
        try:
            self._start_oxigraph(binary)
            self._proxy = LimitingProxy((self.options.host, self.options.port), self._upstream, self.options.limit,
                                        self.options.timeout, self.log, self._restart_oxigraph)
        except OSError as err:  # the address is taken or not ours
            self.stop()
            raise StoreError(f"cannot listen on {self.options.host}:{self.options.port}: {err.strerror or err}") from None
        except BaseException:
            self.stop()
            raise
        threading.Thread(target=self._proxy.serve_forever, name="diplokg-serve", daemon=True).start()
        return self

    def _start_oxigraph(self, binary: str) -> None:
        self._binary = binary
        self._spawner.submit(self._spawn_oxigraph, binary).result()

    def _spawn_oxigraph(self, binary: str) -> None:
        port = free_port()
        self._upstream = f"http://127.0.0.1:{port}"
        command = [binary, "serve-read-only", "--location", str(self.store), "--bind", f"127.0.0.1:{port}",
                   "--union-default-graph", "--timeout-s", str(self.options.timeout)]
        # The child inherits the lock's descriptor: the store stays locked for as long as it runs.
        self._process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=subprocess.PIPE, pass_fds=(self._lock.fd,),
                                         preexec_fn=_die_with_parent)
        wait_until_answers(f"{self._upstream}/", self._process)

    def _restart_oxigraph(self) -> None:
        """Stop a query Oxigraph would not cancel: a new process, on a new port, for the next queries."""
        with self._restarting:
            self.log("a query outlived the timeout: restarting the query server")
            self._stop_oxigraph()
            try:
                self._start_oxigraph(self._binary)
            except StoreError as err:
                self.log(f"the query server did not restart: {err}")
                return
            if self._proxy is not None:
                self._proxy.upstream = self._upstream

    def wait(self) -> int:
        """Block until the server stops for good (or Ctrl-C, which the caller handles); Oxigraph's exit code."""
        while True:
            process = self._process
            if process is None:
                return 0
            code = process.wait()
            with self._restarting:  # a restart replaces the process: wait for the new one
                if self._process is None or self._process is process:
                    return code

    def stop(self) -> None:
        if self._proxy is not None:
            self._proxy.shutdown()
            self._proxy.server_close()
            self._proxy = None
        self._stop_oxigraph()
        if self._spawner is not None:
            self._spawner.shutdown()
            self._spawner = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _stop_oxigraph(self) -> None:
        if self._process is not None:
            stop_process(self._process)
            self._process = None

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def stop_process(process: subprocess.Popen) -> None:
    """Terminate a server process (kill it if it lingers) and close its pipe."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if process.stderr:
        process.stderr.close()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: on Linux, receive SIGTERM when diplokg dies, so that no server outlives it."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass
