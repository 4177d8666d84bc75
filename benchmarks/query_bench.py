"""Every query under queries/ (whatever is there) on synthetic graphs of 10k, 100k and 1M triples, in the
embedded store (EmbeddedStore.query, as `diplokg query` runs it) and in rdflib's in-memory
Dataset(default_union=True) (GraphFile.query, as `diplokg query --graph` runs it): medians and ratios.

    python -m benchmarks.query_bench                       # all sizes, 5 runs each
    python -m benchmarks.query_bench --sizes 10k,100k --repeat 3 --only eval/
    python -m benchmarks.query_bench --extra benchmarks/shapes    # also the analyst query shapes

Parameters declared in a query's header (`@param name`) are bound to representative values of the
generated graph, chosen by the parameter's name (state, person, from, to, type...). Floors, checked at
1M triples: the store's median under 1 s, and no slower than rdflib.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import time
from datetime import date
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from benchmarks import synthetic_graph
from benchmarks.synthetic_graph import write
from ingest.build import reference_digest
from ingest.errors import DiplokgError
from ingest.query import NamedQuery, available, load_query
from ingest.store import EmbeddedStore, GraphFile

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000}
SLOW = 20.0  # seconds: a run this long is not repeated
# parameter name fragments -> sample key (benchmarks.synthetic_graph.Generator.samples)
NAME_HINTS = [(("from", "start", "since", "after", "begin"), "from"), (("until", "to", "end", "before"), "to"),
              (("date", "day", "on"), "date"), (("other", "second", "target"), "other_state"),
              (("state", "country", "actor", "party", "mediator", "initiator", "accuser", "speaker", "of"), "state"),
              (("person", "official", "holder"), "person"), (("org",), "organisation"),
              (("place", "city", "location"), "place"), (("type",), "type"), (("event",), "event"),
              (("post", "role"), "post"), (("source",), "source"), (("article",), "article")]


def bindings(query: NamedQuery, samples: dict[str, str]) -> dict | None:
    """A representative value for each declared parameter, or None when a name gives no hint."""
    out = {}
    for name in query.parameters:
        lowered = name.lower()
        key = next((k for hints, k in NAME_HINTS if any(h == lowered or h in lowered.split("_") or
                                                       lowered.startswith(h) for h in hints)), None)
        if key is None:
            return None
        value = samples[key]
        if key in ("from", "to", "date"):
            out[name] = Literal(date.fromisoformat(value))
        elif key == "source":  # a literal: the file name
            out[name] = Literal(value)
        else:
            out[name] = URIRef(value)
    return out


def timed(run, repeat: int) -> tuple[float, int]:
    """Median seconds over `repeat` runs (one, if a run is slow) and the number of rows."""
    times, rows = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
        rows = len(result.rows) if result.boolean is None else int(result.boolean)
        if times[-1] > SLOW:
            break
    return statistics.median(times), rows


def generator_version() -> str:
    h = hashlib.sha256(Path(synthetic_graph.__file__).read_bytes())
    h.update(reference_digest().encode())
    return h.hexdigest()[:8]


def prepare(size: str, workdir: Path) -> tuple[Path, Path, dict]:
    import json

    graph = workdir / f"graph-{size}-{generator_version()}.nq"  # a changed generator or ontology: a new graph
    if not graph.exists():
        written = write(SIZES[size], graph)
        print(f"# generated {graph} ({written:,} quads)")
    store_dir = graph.with_name(graph.stem.replace("graph-", "store-"))
    if not (store_dir / "CURRENT").exists():
        shutil.rmtree(store_dir, ignore_errors=True)
        started = time.perf_counter()
        bulk = ox.Store(str(store_dir))
        bulk.bulk_load(path=str(graph), format=ox.RdfFormat.N_QUADS)
        bulk.flush()
        del bulk
        print(f"# loaded the store in {time.perf_counter() - started:.1f} s")
    return graph, store_dir, json.loads(Path(f"{graph}.samples.json").read_text())


def bench_size(size: str, queries: list[NamedQuery], workdir: Path, repeat: int) -> list[tuple]:
    graph, store_dir, samples = prepare(size, workdir)
    store = EmbeddedStore(store_dir, read_only=True)
    started = time.perf_counter()
    memory = GraphFile(graph)
    print(f"# parsed {graph.name} with rdflib in {time.perf_counter() - started:.1f} s")
    lines = []
    for query in queries:
        params = bindings(query, samples)
        if params is None:
            lines.append((size, query.name, "-", "-", "-", "-", f"skipped: no value for {query.parameters}"))
            continue
        try:
            store_s, store_rows = timed(lambda: store.query(query.text, params), repeat)
            rdflib_s, rdflib_rows = timed(lambda: memory.query(query.text, params), repeat)
        except DiplokgError as err:  # one query that cannot run does not end a long benchmark
            lines.append((size, query.name, "-", "-", "-", "-", f"ERROR: {err}"))
            print("  ".join(str(c) for c in lines[-1]), flush=True)
            continue
        verdict = _verdict(size, store_s, rdflib_s, store_rows, rdflib_rows)
        lines.append((size, query.name, store_rows, f"{store_s * 1000:.1f}", f"{rdflib_s * 1000:.1f}",
                      f"{rdflib_s / store_s:.1f}x" if store_s else "-", verdict))
        print("  ".join(str(c) for c in lines[-1]), flush=True)
    store.close()
    return lines


def _verdict(size: str, store_s: float, rdflib_s: float, store_rows: int, rdflib_rows: int) -> str:
    if store_rows != rdflib_rows:
        return f"ANSWERS DIFFER ({rdflib_rows} rows in rdflib)"
    if size == "1M" and (store_s >= 1.0 or store_s > rdflib_s):
        return "BELOW FLOOR"
    return "ok"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1M", help="comma-separated: 10k, 100k, 1M")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", default="", help="run the queries whose name starts with one of these (comma-separated)")
    ap.add_argument("--extra", type=Path, help="also run the .rq files of this directory")
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/diplokg-bench"), help="graphs and stores are kept here")
    args = ap.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    queries = [load_query(q.name) for q in available() if q.name.startswith(tuple(args.only.split(",")))]
    if args.extra:
        queries += [NamedQuery(f"{args.extra.name}/{f.stem}", f, f.read_text(encoding="utf-8"))
                    for f in sorted(args.extra.glob("*.rq"))]
    table = []
    for size in args.sizes.split(","):
        table += bench_size(size, queries, args.workdir, args.repeat)
    header = ("size", "query", "rows", "store ms", "rdflib ms", "rdflib/store", "floor")
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    print()
    for row in [header, *table]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())


if __name__ == "__main__":
    main()
