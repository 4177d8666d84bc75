"""Speed and memory of `kb update` and `link` against a local Oxigraph server holding the test slice of
Wikidata (no network). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/wikidata_link.py [ARTICLES]

Builds ARTICLES (default 200) short articles written here, naming the officials and the statistics service
of the fixture with their posts and dates, then times: kb update (cold cache, warm cache), link (cold
cache, warm cache), and the peak Python memory of link.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.build import build  # noqa: E402
from ingest.store import EmbeddedStore  # noqa: E402
from ingest.wikidata.cache import AnswerCache  # noqa: E402
from ingest.wikidata.client import WikidataClient  # noqa: E402
from ingest.wikidata.linker import link  # noqa: E402
from ingest.wikidata.update import update_kb  # noqa: E402
from tests.wikidata_server import oxigraph_server  # noqa: E402

SENTENCES = [
    ("2021-03-{d:02d}", "Russian Prime Minister Mikhail Mishustin met a delegation from Yerevan on day {n}."),
    ("2010-04-{d:02d}", "Russian President Dmitry Medvedev spoke by phone with European leaders on day {n}."),
    ("2021-02-{d:02d}", "The Russian Federal State Statistics Service published figures for region {n}."),
    ("2015-06-{d:02d}", "Prime Minister Dmitry Medvedev said nothing about plan {n}."),
]


def _articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for n in range(count):
        day, text = SENTENCES[n % len(SENTENCES)]
        (folder / f"a{n:04d}.txt").write_text(f"date {day.format(d=n % 27 + 1)} {text.format(n=n)}\n",
                                              encoding="utf-8")


def _timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"{label:28s} {time.perf_counter() - start:7.2f} s")
    return result


def main(count: int = 200) -> None:
    work = Path(tempfile.mkdtemp(prefix="diplokg-bench-"))
    os.environ["DIPLOKG_KB_DIR"] = str(work / "kb")
    _articles(work / "articles", count)
    store = EmbeddedStore(work / "store")
    _timed(f"build {count} articles", lambda: build([work / "articles"], store))
    with oxigraph_server(ROOT / "tests" / "fixtures" / "wikidata" / "items.ttl", work) as url:
        cache = AnswerCache(work / "cache")
        for label in ("kb update, cold cache", "kb update, warm cache"):
            client = WikidataClient(url, cache=cache)
            _timed(label, lambda: update_kb(["Russia", "Armenia"], client, store))
            print(f"{'':28s} {client.sent} queries sent")
        for label in ("link, cold cache", "link, warm cache"):
            client = WikidataClient(url, cache=AnswerCache(work / "link-cache"))
            tracemalloc.start()
            report = _timed(label, lambda: link(store, client))
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"{'':28s} {client.sent} queries sent, {len(report.linked)} linked, "
                  f"{report.reviewed} for review, peak {peak / 2**20:.1f} MiB")
    store.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
