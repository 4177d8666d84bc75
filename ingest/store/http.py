"""Talking HTTP to a SPARQL server: authentication, timeouts, retries with backoff, one-line errors.

Transient failures (a reset or refused-while-restarting connection, 502, 503, 504, and 429 with its
Retry-After) are retried with exponential backoff; anything else becomes a StoreError that names the
endpoint and the problem. Credentials go in headers only and never into a message.
"""
from __future__ import annotations

import base64
import re
import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from SPARQLWrapper.SPARQLExceptions import (EndPointInternalError, EndPointNotFound, QueryBadFormed, Unauthorized,
                                            URITooLong)

from ..errors import StoreError

T = TypeVar("T")
TRANSIENT_STATUS = {429, 502, 503, 504}
# SPARQLWrapper turns these statuses into its own exceptions, which lose the code
_WRAPPER_STATUS = {QueryBadFormed: 400, Unauthorized: 401, EndPointNotFound: 404, URITooLong: 414,
                   EndPointInternalError: 500}
_REASONS = {400: "the server rejected the request", 401: "not authorised (check the user and password or token)",
            403: "forbidden (check the credentials' rights)", 404: "no such endpoint or graph",
            405: "the endpoint does not accept this method", 406: "the server cannot answer in the format asked",
            413: "the request is too large for the server", 414: "the request URI is too long",
            415: "the server does not accept this content type", 429: "too many requests",
            500: "the server failed", 502: "bad gateway", 503: "the server is unavailable",
            504: "the gateway timed out"}


@dataclass(frozen=True)
class Auth:
    """Basic (user and password) or bearer (token) authentication; repr never shows a secret."""

    user: str | None = None
    password: str | None = None
    token: str | None = None

    def header(self) -> str | None:
        if self.token:
            return f"Bearer {self.token}"
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            return "Basic " + base64.b64encode(pair).decode("ascii")
        return None

    def __repr__(self) -> str:
        kind = "bearer" if self.token else "basic" if self.user is not None else "none"
        return f"Auth({kind})"


def split_credentials(url: str) -> tuple[str, str | None, str | None]:
    """`http://user:pw@host/x` -> (`http://host/x`, user, pw): urllib cannot send userinfo itself.
    A StoreError for what is not an http(s) URL with a host (and a numeric port)."""
    try:
        parts = urllib.parse.urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError as err:
        raise StoreError(f"{_without_password(url)} is not a server URL: {err}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok:
        raise StoreError(f"{_without_password(url)} is not a server URL (expected http://HOST[:PORT][/PATH])")
    if parts.username is None:
        return url, None, None
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    clean = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return clean, urllib.parse.unquote(parts.username), urllib.parse.unquote(parts.password or "") or None


def _without_password(url: str) -> str:
    return re.sub(r"//([^/@:]*):[^/@]*@", r"//\1:***@", url)[:200]


@dataclass
class Http:
    auth: Auth = Auth()
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    sleep: Callable[[float], None] = time.sleep

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        out = {"User-Agent": "diplokg"}
        if (value := self.auth.header()) is not None:
            out["Authorization"] = value
        return out | (extra or {})

    def open(self, method: str, url: str, body: bytes | None = None,
             headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
        request = urllib.request.Request(url, data=body, method=method, headers=self.headers(headers))
        return urllib.request.urlopen(request, timeout=self.timeout)  # noqa: S310 - the user's own server

    def call(self, what: str, url: str, attempt: Callable[[], T]) -> T:
        """Run `attempt` (one HTTP exchange, read to the end), retrying transient failures."""
        for number in range(self.retries + 1):
            try:
                return attempt()
            except Exception as err:  # noqa: BLE001 - every failure is either retried or explained
                status, delay = _status(err), self.backoff * 2 ** number
                transient = status in TRANSIENT_STATUS or (status is None and _is_transient(err))
                if not transient or number == self.retries:
                    raise StoreError(describe(what, url, err, self.timeout, number)) from None
                if status == 429:
                    delay = max(delay, _retry_after(err))
                self.sleep(min(delay, 60.0))
        raise AssertionError("unreachable")


def _status(err: BaseException) -> int | None:
    if isinstance(err, urllib.error.HTTPError):
        return err.code
    return next((code for cls, code in _WRAPPER_STATUS.items() if isinstance(err, cls)), None)


def _cause(err: BaseException) -> BaseException:
    return err.reason if isinstance(err, urllib.error.URLError) and isinstance(err.reason, BaseException) else err


def _is_transient(err: BaseException) -> bool:
    cause = _cause(err)
    return isinstance(cause, (ConnectionResetError, ConnectionAbortedError, BrokenPipeError,
                              http.client.RemoteDisconnected, http.client.IncompleteRead))


def _retry_after(err: BaseException) -> float:
    value = getattr(err, "headers", None) and err.headers.get("Retry-After")
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return 1.0  # an HTTP date or nothing: a second is a polite guess


def describe(what: str, url: str, err: BaseException, timeout: float, retries: int = 0) -> str:
    """One line: what was being done, at which endpoint, and what went wrong."""
    where = f"{what} at {url}"
    tried = f" (after {retries + 1} attempts)" if retries else ""
    status = _status(err)
    if status is not None:
        detail = _body(err)
        return f"{where}: HTTP {status}, {_REASONS.get(status, 'unexpected answer')}{tried}" + (f": {detail}" if detail else "")
    cause = _cause(err)
    if isinstance(cause, ConnectionRefusedError):
        return f"{where}: connection refused (is the server running, and is the URL right?){tried}"
    if isinstance(cause, (TimeoutError, socket.timeout)):
        return f"{where}: no answer within {timeout:g} s{tried}"
    if isinstance(cause, socket.gaierror):
        return f"{where}: unknown host"
    if isinstance(cause, (ConnectionError, http.client.HTTPException)):
        return f"{where}: the connection failed ({type(cause).__name__}){tried}"
    text = " ".join(str(cause).split())[:200]
    return f"{where}: {type(cause).__name__}: {text}{tried}"


def _body(err: BaseException) -> str:
    """The first words of the server's explanation, on one line."""
    if isinstance(err, urllib.error.HTTPError):
        try:
            raw = err.read()
        except Exception:  # noqa: BLE001 - the explanation is optional
            raw = b""
    else:  # SPARQLWrapper puts the body into the message
        raw = str(err).split("Response:", 1)[-1].encode()
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    text = " ".join(text.replace("\\n", " ").split()).removeprefix("b'").removesuffix("'")
    return text[:200]
