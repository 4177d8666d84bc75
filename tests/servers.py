"""Real servers for tests: Oxigraph's SPARQL server on 127.0.0.1 and a free port, on a store directory
or preloaded with a file, OpenLink Virtuoso 7 likewise, and a small HTTP front that puts failures or a
password in front of them.

    with OxigraphServer(tmp_path / "db", preload=Path("fixture.trig")) as server:
        SPARQLWrapper(server.url + "/query") ...
    with VirtuosoServer(tmp_path / "virtuoso") as server:
        RemoteStore(server.url, query_endpoint="/sparql", ...)
"""
from __future__ import annotations

import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ingest.serve import free_port, oxigraph_binary, stop_process, wait_until_answers


class _ServerProcess:
    """A server the test started as a process: `start()` (by the subclass), `stop()`, a context manager."""

    process: subprocess.Popen | None = None

    def start(self):
        raise NotImplementedError

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class OxigraphServer(_ServerProcess):
    """`oxigraph serve` (read-write) on `location`; `preload` loads an RDF file into it first."""

    def __init__(self, location: Path, preload: Path | None = None, union_default_graph: bool = False):
        self.location, self.preload, self.union = Path(location), preload, union_default_graph
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "OxigraphServer":
        binary = oxigraph_binary()
        if self.preload is not None:
            subprocess.run([binary, "load", "--location", str(self.location), "--file", str(self.preload)],
                           check=True, capture_output=True, timeout=120)
        command = [binary, "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}"]
        if self.union:
            command.append("--union-default-graph")
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until_answers(self.url + "/", self.process)
        return self


# Database files in the server's directory (it runs there); SQL and HTTP on 127.0.0.1 only; no Unix
# socket in /tmp; 16 MB of page buffers (Virtuoso's defaults are sized for a real database); no timed
# checkpoints, which would only write the log again in a short-lived test server. In the foreground
# (-f) Virtuoso logs to its output, not to a log file.
VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
TransactionFile = virtuoso.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 2000
MaxDirtyBuffers = 1500
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 4
"""

# Anonymous requests to /sparql and to /sparql-graph-crud run as the SQL user SPARQL, which may only
# read until granted updates (then Virtuoso 7.2 answers both writes; graph permissions need no change).
VIRTUOSO_GRANTS = 'GRANT SPARQL_UPDATE TO "SPARQL";'


def virtuoso_binaries() -> tuple[str, str] | None:
    """(`virtuoso-t`, `isql-vt`) on PATH (Debian's virtuoso-opensource-7-bin), or None."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    return (server, isql) if server and isql else None


class VirtuosoServer(_ServerProcess):
    """OpenLink Virtuoso 7 (`virtuoso-t`) on a new database in `location`, open to anonymous SPARQL
    updates and Graph Store protocol writes at `URL/sparql` and `URL/sparql-graph-crud`."""

    def __init__(self, location: Path):
        self.location = Path(location)
        self.sql_port, self.http_port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> "VirtuosoServer":
        server, _ = virtuoso_binaries() or ("virtuoso-t", "isql-vt")
        self.location.mkdir(parents=True, exist_ok=True)
        ini = VIRTUOSO_INI.format(sql_port=self.sql_port, http_port=self.http_port)
        (self.location / "virtuoso.ini").write_text(ini, encoding="utf-8")
        with open(self.location / "virtuoso.log", "ab") as log:  # a file, not a pipe that could fill up
            self.process = subprocess.Popen([server, "-f", "-c", "virtuoso.ini"], cwd=self.location,
                                            stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_answers(self.url + "/sparql", self.process, seconds=60)  # a new database takes seconds
            self.sql(VIRTUOSO_GRANTS)
        except Exception as err:
            self.stop()
            raise RuntimeError(f"Virtuoso did not start: {err}; its log ends: {self.log_tail()}") from None
        return self

    def sql(self, statements: str, seconds: float = 30.0) -> str:
        """Run SQL as dba (the new database's password is dba) with isql, once the SQL port listens."""
        _, isql = virtuoso_binaries() or ("virtuoso-t", "isql-vt")
        command = [isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"]
        deadline = time.monotonic() + seconds
        while True:
            done = subprocess.run(command, capture_output=True, text=True, timeout=seconds)
            failed = done.returncode != 0 or "*** Error" in done.stdout + done.stderr
            if not failed:
                return done.stdout
            if time.monotonic() > deadline or "Connect failed" not in done.stdout + done.stderr:
                raise RuntimeError(f"isql: {' '.join((done.stdout + done.stderr).split())[-300:]}")
            time.sleep(0.2)

    def log_tail(self) -> str:
        log = self.location / "virtuoso.log"
        return " ".join(log.read_text(encoding="utf-8", errors="replace").split()[-40:]) if log.exists() else ""


class FaultyFront(ThreadingHTTPServer):
    """Forwards to `upstream`, but first answers `failures` (a list of statuses, used up in order), and
    with `password` set answers 401 unless the request carries exactly that Authorization header."""

    daemon_threads = True

    def __init__(self, upstream: str, failures: list[int] | None = None, authorization: str | None = None,
                 retry_after: str | None = None, delay: float = 0.0):
        self.upstream, self.failures = upstream, list(failures or [])
        self.authorization, self.retry_after, self.delay = authorization, retry_after, delay
        self.seen: list[tuple[str, str, str | None]] = []  # (method, path, Authorization)
        super().__init__(("127.0.0.1", 0), _FrontHandler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}"
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self) -> "FaultyFront":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


class _FrontHandler(BaseHTTPRequestHandler):
    server: FaultyFront

    def _handle(self) -> None:
        import time

        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
        given = self.headers.get("Authorization")
        self.server.seen.append((self.command, self.path, given))
        if self.server.delay:
            time.sleep(self.server.delay)
        if self.server.authorization is not None and given != self.server.authorization:
            return self._send(401, b"who are you?", {"WWW-Authenticate": 'Basic realm="test"'})
        if self.server.failures:
            status = self.server.failures.pop(0)
            extra = {"Retry-After": self.server.retry_after} if self.server.retry_after else {}
            return self._send(status, f"injected {status}".encode(), extra)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "authorization", "content-length")}
        request = urllib.request.Request(self.server.upstream + self.path, data=body, headers=headers, method=self.command)
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                self._send(answer.status, answer.read(), {"Content-Type": answer.headers.get("Content-Type", "")})
        except urllib.error.HTTPError as err:
            self._send(err.code, err.read(), {"Content-Type": err.headers.get("Content-Type", "")})
        except OSError as err:  # the upstream server is gone (a test that already ended)
            self._send(502, str(err).encode(), {})

    do_GET = do_POST = do_PUT = do_DELETE = _handle

    def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # noqa: A002
        pass
