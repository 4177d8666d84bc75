"""`ScriptedEndpoint`: a tiny HTTP server on 127.0.0.1 that answers each request with the next scripted
reply (a status, headers, a body, a delay), for what a real endpoint does on a bad day: 429 then 200, 500,
malformed JSON, an id that is not a Q-id, no answer in time. The real Wikidata-shaped endpoint is an
Oxigraph server (tests/servers.py) loaded with tests/fixtures/wikidata/items.ttl.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


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
