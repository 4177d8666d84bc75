"""One SPARQL endpoint, asked politely (Wikidata's query-service etiquette).

A descriptive User-Agent with a contact address; one query at a time; on 429 or 503 a pause of the
Retry-After the server asks for (else an exponential one) before asking again; a timeout on every request;
and answers cached on disk, so that a re-run answers from the cache until a refresh is asked for.
Every answer is checked (answers.py) before it is cached or used.
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import SPARQLWrapper as sparqlwrapper
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from .. import __version__
from ..errors import EndpointError
from .answers import Answer, parse_results
from .cache import AnswerCache
from .vocab import DEFAULT_ENDPOINT, PREFIXES

USER_AGENT = (f"diplokg/{__version__} (https://github.com/diplokg/diplokg; diplokg kb update and link) "
              f"SPARQLWrapper/{sparqlwrapper.__version__}")
MAX_BYTES = 64 * 1024 * 1024
RETRY_CODES = {429: "429 Too Many Requests", 503: "503 Service Unavailable"}


class _Busy(Exception):
    def __init__(self, code: int, wait: float | None):
        self.code, self.wait = code, wait


class WikidataClient:
    """Asks one endpoint SELECT queries (Wikidata's prefixes are prepended) and returns checked answers."""

    def __init__(self, endpoint: str = DEFAULT_ENDPOINT, cache: AnswerCache | None = None, refresh: bool = False,
                 timeout: float = 60.0, attempts: int = 5, max_wait: float = 120.0,
                 sleep: Callable[[float], None] = time.sleep):
        if not endpoint.startswith(("http://", "https://")):
            raise EndpointError(f"{endpoint}: an endpoint is an http:// or https:// URL")
        self.endpoint, self.cache, self.refresh = endpoint, cache, refresh
        self.timeout, self.attempts, self.max_wait, self.sleep = timeout, attempts, max_wait, sleep
        self.sent = 0  # queries that went to the endpoint (not answered from the cache)

    def select(self, query: str) -> Answer:
        query = PREFIXES + query
        if self.cache is not None and not self.refresh:
            hit = self.cache.get(self.endpoint, query)
            if hit is not None:
                try:
                    return Answer(self.endpoint, query, hit[0], parse_results(hit[1], self.endpoint), True)
                except EndpointError:
                    pass  # a damaged entry is asked for again
        body = self._fetch(query)
        rows = parse_results(body, self.endpoint)  # checked before it is kept
        retrieved = datetime.now(timezone.utc).replace(microsecond=0)
        if self.cache is not None:
            self.cache.put(self.endpoint, query, retrieved, body)
        return Answer(self.endpoint, query, retrieved, rows)

    def _fetch(self, query: str) -> str:
        delay, code = 1.0, 0
        for attempt in range(1, self.attempts + 1):
            try:
                return self._once(query)
            except _Busy as busy:
                wait, code = (busy.wait if busy.wait is not None else delay), busy.code
            if wait > self.max_wait:
                raise EndpointError(f"{self.endpoint}: answered {RETRY_CODES[code]} and asks to wait "
                                    f"{wait:.0f} s; try again later")
            if attempt < self.attempts:
                self.sleep(wait)
                delay = min(delay * 2, self.max_wait)
        raise EndpointError(f"{self.endpoint}: still answering {RETRY_CODES[code]} after "
                            f"{self.attempts} attempts; try again later")

    def _once(self, query: str) -> str:
        sparql = SPARQLWrapper(self.endpoint, agent=USER_AGENT)
        sparql.setQuery(query)
        sparql.setMethod(POST)  # long VALUES lists do not fit in a URL
        sparql.setReturnFormat(JSON)
        sparql.setTimeout(int(max(1, self.timeout)))
        where = self.endpoint
        self.sent += 1
        try:
            response = sparql.query().response
            body = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as err:
            if err.code in RETRY_CODES:
                raise _Busy(err.code, retry_after(err.headers.get("Retry-After") if err.headers else None)) from None
            raise EndpointError(f"{where}: HTTP {err.code} {err.reason}") from None
        except SPARQLWrapperException as err:
            first = str(err).splitlines()[0] if str(err) else type(err).__name__
            raise EndpointError(f"{where}: {type(err).__name__}: {first[:200]}") from None
        except (TimeoutError, socket.timeout):
            raise EndpointError(f"{where}: no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as err:
            if isinstance(err.reason, (TimeoutError, socket.timeout)):
                raise EndpointError(f"{where}: no answer within {self.timeout:g} s") from None
            raise EndpointError(f"{where}: cannot connect ({err.reason})") from None
        except (http.client.HTTPException, OSError, ValueError) as err:
            raise EndpointError(f"{where}: the connection failed ({type(err).__name__}: {err})") from None
        if len(body) > MAX_BYTES:
            raise EndpointError(f"{where}: the answer is larger than {MAX_BYTES // 2**20} MB")
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise EndpointError(f"{where}: the answer is not UTF-8 text") from None


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date; None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())
