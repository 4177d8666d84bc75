"""Build speed and memory: `diplokg build` over 1,000 and 10,000 generated articles (benchmarks/articles.py)
into a fresh embedded store, then again over the same store (every graph replaced), each in its own
process: articles per second and the process's peak resident memory.

    python -m benchmarks.build_bench                  # 1,000 and 10,000 articles
    python -m benchmarks.build_bench --counts 200,2000

Peak memory that stays flat as the corpus grows shows that build streams (it holds one article's
graph at a time, not the corpus).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.articles import write_articles


def run_build(articles: Path, store: Path) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of one `diplokg build` process."""
    command = [sys.executable, "-m", "ingest.cli", "build", str(articles), "--store", str(store), "-q"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode().strip()
    process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"build failed ({process.returncode}): {error[-500:]}")
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return elapsed, peak_mb


def store_size_mb(store: Path) -> float:
    return sum(f.stat().st_size for f in store.rglob("*") if f.is_file()) / 1e6


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--counts", default="1000,10000", help="comma-separated numbers of articles")
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary directory, removed after")
    args = ap.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="diplokg-build-"))
    rows = [("articles", "run", "seconds", "articles/s", "peak MB", "store MB")]
    try:
        for count in (int(c) for c in args.counts.split(",")):
            articles, store = workdir / f"articles-{count}", workdir / f"store-{count}"
            shutil.rmtree(store, ignore_errors=True)
            if not articles.exists():
                write_articles(articles, count, seed=1)
            for run in ("fresh store", "rebuild"):
                seconds, peak = run_build(articles, store)
                rows.append((f"{count:,}", run, f"{seconds:.1f}", f"{count / seconds:.0f}", f"{peak:.0f}",
                             f"{store_size_mb(store):.0f}"))
                print("  ".join(rows[-1]), flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    print()
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths)))


if __name__ == "__main__":
    main()
