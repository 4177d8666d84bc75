"""Speed and memory of the dates and claims stages: prints figures, asserts nothing.

    python benchmarks/dates_claims.py                 # a generated corpus of 200 articles
    python benchmarks/dates_claims.py PATH... [-n N]  # articles of your own (files or directories)

The text and names stages run once, outside the timing; then each measured stage runs alone over fresh
copies of the records: resolve_dates (find, infer, resolve), date_for for every event trigger, and
extract_claims. Last, one endless sentence (no full stop) of 500 and 2,000 clauses, each with a date
and figures: the time must grow linearly with it.
"""
from __future__ import annotations

import argparse
import copy
import random
import statistics
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from ingest.claims import extract_claims
from ingest.dates import date_for, resolve_dates
from ingest.model import Article, Record
from ingest.pipeline import Pipeline
from ingest.sources import read_articles

SENTENCES = [
    "The foreign ministers met in {city} on {weekday} and agreed to extend the truce.",
    "Health officials said at least {n} civilians were killed in the shelling of a market {relative}.",
    "The envoy will travel to {city} on {weekday} for talks with both sides, the ministry announced {relative}.",
    "According to the United Nations, some {big} people had to flee their homes since {month} {day}.",
    "The army said {n} soldiers had been killed and {m} wounded near the front line.",
    "On {weekday}, the president accused the rebels of bombing a hospital in {city}.",
    "The official toll is between {n} and {big} dead, about {m} of them children.",
    "Talks that began on {day} {month} {year} ended without agreement earlier this week.",
]
CITIES = ["Doha", "Jeddah", "Nairobi", "Geneva", "Ankara", "Cairo", "Kyiv", "Addis Ababa"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "April", "June", "September", "October", "November"]


def generated(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for k in range(count):
        published = date(2021, 1, 1) + timedelta(days=rng.randrange(900))
        body = " ".join(rng.choice(SENTENCES).format(
            city=rng.choice(CITIES), weekday=rng.choice(WEEKDAYS), n=rng.randrange(2, 90), m=rng.randrange(2, 40),
            big=rng.randrange(100, 90000), relative=rng.choice(["yesterday", "last night", "on Tuesday", "today"]),
            month=rng.choice(MONTHS), day=rng.randrange(1, 29), year=published.year) for _ in range(rng.randrange(8, 20)))
        out.append(Article(f"gen-{k}.txt", body, f"gen-{k}.txt", published if k % 4 else None))
    return out


def prepared(articles: list[Article], pipeline: Pipeline) -> list[Record]:
    """Records after every stage up to claims (text, dates, names, memberships, events, merge)."""
    stages = [(n, s) for n, s in pipeline.stages if n != "claims"]
    records = []
    for a in articles:
        record = Record(a)
        for _, stage in stages:
            record = stage(record)
        records.append(record)
    return records


def timed(label: str, records: list[Record], work) -> None:
    """Time on one set of copies, peak memory on another (tracemalloc slows Python down several times)."""
    times = []
    for r in [copy.deepcopy(r) for r in records]:
        t = time.perf_counter()
        work(r)
        times.append(time.perf_counter() - t)
    copies = [copy.deepcopy(r) for r in records]
    tracemalloc.start()
    for r in copies:
        work(r)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    total = sum(times)
    print(f"{label:16} {len(copies) / total:9.1f} articles/s   median {statistics.median(times) * 1000:6.2f} ms"
          f"   p95 {sorted(times)[int(len(times) * 0.95) - 1] * 1000:6.2f} ms   peak {peak / 1e6:5.1f} MB")


def reset_dates(record: Record) -> Record:
    record.dates, record.date, record.date_inferred = [], None, False
    return resolve_dates(record)


def date_every_event(record: Record) -> None:
    for e in record.events:
        date_for(record, e.sentences[0], e.start, e.end)


def long_sentence(pipeline: Pipeline, clauses: int) -> None:
    """One sentence without a full stop, a date and a figure in every clause: cost must grow linearly."""
    text = " ".join(["Armenian officials said 12 were killed yesterday and the UN said some 400 people fled,"] * clauses)
    record = Record(Article("long.txt", text, "long.txt", date(2023, 4, 14)))
    for name, stage in pipeline.stages:
        if name in ("memberships", "events", "merge"):
            continue  # not measured here
        t = time.perf_counter()
        record = stage(record) if name != "claims" else extract_claims(record, pipeline.kb)
        if name in ("dates", "claims"):
            print(f"long sentence of {clauses:5} clauses: {name:6} {time.perf_counter() - t:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="article files or directories (default: a generated corpus)")
    parser.add_argument("-n", type=int, default=200, help="articles to generate when no path is given")
    parser.add_argument("--long", type=int, nargs="*", default=[500, 2000],
                        help="clause counts of one endless sentence (default: 500 2000)")
    args = parser.parse_args()
    articles = [a for a in read_articles([Path(p) for p in args.paths]) if isinstance(a, Article)] \
        if args.paths else generated(args.n)
    pipeline = Pipeline()
    records = prepared(articles, pipeline)
    chars = sum(len(r.text) for r in records)
    print(f"{len(records)} articles, {chars / len(records):.0f} characters each on average, "
          f"{sum(len(r.dates) for r in records)} date phrases, {sum(len(r.events) for r in records)} events")
    timed("resolve_dates", records, reset_dates)
    timed("date_for", records, date_every_event)
    timed("extract_claims", records, lambda r: extract_claims(r, pipeline.kb))
    for clauses in args.long:
        long_sentence(pipeline, clauses)


if __name__ == "__main__":
    main()
