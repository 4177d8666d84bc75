"""A forwarding layer in front of Oxigraph's server that caps the rows of every answer.

Oxigraph has a query timeout but no result limit. This layer forwards each query unchanged, asks
Oxigraph for a line-based format (SPARQL TSV for solutions, N-Triples for graphs: one row or triple per
line, newlines inside values escaped), reads at most `limit` lines, closes the connection, and writes
what it read in the format the client asked for, converted by pyoxigraph. A capped answer carries the
header `X-Diplokg-Truncated: <limit>`. Only the query endpoint and Oxigraph's query page are served:
updates and the graph store answer 403.

It also keeps the query timeout: Oxigraph's own `--timeout-s` cancels some queries but not all (an
ORDER BY or an aggregate over a large join can run on; oxigraph/oxigraph#1336), so an answer not
complete in time gets 504 here, and `on_timeout` is called to stop the query in Oxigraph.
"""
from __future__ import annotations

import io
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

LINE_FORMATS = "text/tab-separated-values, application/n-triples;q=0.9"
MAX_QUERY_BYTES = 1_000_000
CANCELLED = b"has been cancelled"  # what Oxigraph writes in place of a row when its own timeout fires


class QueryTimeout(Exception):
    pass


class LimitingProxy(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], upstream: str, limit: int, timeout: float,
                 log: Callable[[str], None], on_timeout: Callable[[], None]):
        self.upstream, self.limit, self.timeout = upstream, limit, timeout
        self.log, self.on_timeout = log, on_timeout
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: LimitingProxy
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urllib.parse.urlsplit(self.path).path
        if path == "/query":
            self._query(None)
        elif path == "/":
            self._forward_page()
        else:
            self._reply(404, b"not found: this endpoint serves /query only\n")

    def do_POST(self) -> None:  # noqa: N802
        path = urllib.parse.urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_QUERY_BYTES:
            self._reply(413, b"the query is too large\n")
            return
        body = self.rfile.read(length)
        if path == "/query":
            self._query(body)
        elif path in ("/update", "/store"):
            self._reply(403, b"this endpoint is read-only\n")
        else:
            self._reply(404, b"not found: this endpoint serves /query only\n")

    def _query(self, body: bytes | None) -> None:
        headers = {"Accept": LINE_FORMATS}
        if body is not None:
            headers["Content-Type"] = self.headers.get("Content-Type", "application/x-www-form-urlencoded")
        request = urllib.request.Request(self.server.upstream + self.path, data=body, headers=headers,
                                         method=self.command)
        deadline = time.monotonic() + self.server.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.server.timeout) as upstream:  # noqa: S310 - ours
                media_type = (upstream.headers.get("Content-Type") or "").split(";")[0].strip()
                header_line = 1 if media_type.startswith("text/tab") else 0
                lines, truncated = _read_lines(upstream, self.server.limit + header_line, deadline)
        except urllib.error.HTTPError as err:
            self._reply(err.code, err.read(), err.headers.get("Content-Type", "text/plain"))
            return
        except (QueryTimeout, TimeoutError):
            self._timed_out(stopped_here=True)
            return
        except OSError as err:
            if isinstance(getattr(err, "reason", None), TimeoutError):  # urllib wraps a timeout before the answer
                self._timed_out(stopped_here=True)
            else:
                self._reply(502, f"the query server did not answer: {err}\n".encode())
            return
        if CANCELLED in lines[-200:]:
            self._timed_out(stopped_here=False)
            return
        self._convert(media_type, lines, truncated)

    def _timed_out(self, stopped_here: bool) -> None:
        if stopped_here:  # Oxigraph may still be computing it
            self.server.on_timeout()
        self._reply(504, f"the query ran longer than {self.server.timeout:g} s and was stopped\n".encode())

    def _convert(self, media_type: str, lines: bytes, truncated: bool) -> None:
        accept = self.headers.get("Accept", "")
        try:
            if media_type == "application/n-triples":
                payload, content_type = _graph(lines, accept)
            else:
                payload, content_type = _solutions(lines, accept)
        except (SyntaxError, ValueError) as err:
            self._reply(502, f"cannot convert the answer: {err}\n".encode())
            return
        extra = {"X-Diplokg-Truncated": str(self.server.limit)} if truncated else {}
        self._reply(200, payload, content_type, extra)

    def _forward_page(self) -> None:
        try:
            with urllib.request.urlopen(self.server.upstream + "/", timeout=10) as page:  # noqa: S310
                self._reply(200, page.read(), page.headers.get("Content-Type", "text/html"))
        except OSError as err:
            self._reply(502, f"the query server did not answer: {err}\n".encode())

    def _reply(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
               extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's signature
        self.server.log(f"{self.address_string()} {format % args}")


def _read_lines(stream, most: int, deadline: float) -> tuple[bytes, bool]:
    """Up to `most` lines of the stream, and whether more followed; QueryTimeout past the deadline."""
    buffer = io.BytesIO()
    for _ in range(most):
        if time.monotonic() > deadline:
            raise QueryTimeout
        line = stream.readline()
        if not line:
            return buffer.getvalue(), False
        buffer.write(line)
    return buffer.getvalue(), bool(stream.readline())


def _solutions(tsv: bytes, accept: str) -> tuple[bytes, str]:
    fmt = _choose(accept, ox.QueryResultsFormat.from_media_type, ox.QueryResultsFormat.JSON)
    result = ox.parse_query_results(io.BytesIO(tsv), ox.QueryResultsFormat.TSV)
    return result.serialize(format=fmt), fmt.media_type


def _graph(ntriples: bytes, accept: str) -> tuple[bytes, str]:
    fmt = _choose(accept, ox.RdfFormat.from_media_type, ox.RdfFormat.N_TRIPLES)
    triples = ox.parse(io.BytesIO(ntriples), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=fmt), fmt.media_type


def _choose(accept: str, known, default):
    """The client's most wanted format that pyoxigraph writes (q-values respected), else `default`."""
    ranked = []
    for n, item in enumerate(accept.split(",")):
        media_type, *params = (part.strip() for part in item.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            ranked.append((-float(q), n, media_type.lower()))
        except ValueError:
            continue
    for q, _, media_type in sorted(ranked):
        fmt = known(media_type) if q < 0 else None
        if fmt is not None:
            return fmt
    return default
