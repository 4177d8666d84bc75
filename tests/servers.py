"""Real servers for tests: Oxigraph's SPARQL server on 127.0.0.1 and a free port, on a store directory
or preloaded with a file, and a small HTTP front that puts failures or a password in front of it.

    with OxigraphServer(tmp_path / "db", preload=Path("fixture.trig")) as server:
        SPARQLWrapper(server.url + "/query") ...
"""
from __future__ import annotations

import subprocess
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from ingest.serve import free_port, oxigraph_binary, stop_process, wait_until_answers


class OxigraphServer:
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

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None

    def __enter__(self) -> "OxigraphServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


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
