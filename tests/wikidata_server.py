"""Real servers for the Wikidata tests, on 127.0.0.1 only.

`oxigraph_server`: the `oxigraph` binary of the oxigraph PyPI package, serving a file loaded into a fresh
store; its SPARQL endpoint is at /query. `ScriptedEndpoint`: a tiny HTTP server that answers each request
with the next scripted reply (a status, headers, a body, a delay), for what a real endpoint does on a
bad day: 429 then 200, 500, malformed JSON, an id that is not a Q-id, no answer in time.
Kept apart from the tests so that a shared server helper can replace it.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph binary (pip package `oxigraph`) is not installed")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def oxigraph_server(data: Path, workdir: Path, ready_within: float = 20.0):
    """Yields the query URL of an Oxigraph server holding `data`; stops it afterwards."""
    binary, location = oxigraph_binary(), workdir / "oxigraph-store"
    subprocess.run([binary, "load", "--location", str(location), "--file", str(data)], check=True,
                   capture_output=True, timeout=60)
    port = free_port()
    process = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + ready_within
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph serve did not start: {process.stderr.read().decode()[:500]}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/query"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class ScriptedEndpoint:
    """Answers request n with replies[n] (the last reply repeats); records what each request sent."""

    def __init__(self, replies: list[Reply]):
        self.replies, self.requests = replies, []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                endpoint.requests.append({"user_agent": self.headers.get("User-Agent", ""),
                                          "body": self.rfile.read(length).decode("utf-8", "replace")})
                reply = endpoint.replies[min(len(endpoint.requests), len(endpoint.replies)) - 1]
                time.sleep(reply.delay)
                body = reply.body.encode() if isinstance(reply.body, str) else reply.body
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/sparql-results+json")
                    self.send_header("Content-Length", str(len(body)))
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
