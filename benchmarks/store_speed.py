"""Time writing articles to the store: one transaction per article against one bulk insert.

Extracts the dev set (``articles/dev.jsonl``) copied ``--copies`` times under new
ids once, outside the timing, then times, each on a fresh SQLite file (WAL):

- ``Store.save_extraction`` for every article: claimmap's way, one transaction each,
  so a killed run loses at most the article in hand;
- the baseline: the same rows inserted with the standard ``sqlite3`` module,
  ``executemany`` per table, in one transaction (the floor of writing them at all);
- a rerun of ``save_extraction`` over the stored articles (all ``unchanged``).

With ``--postgres URL`` (an empty database) claimmap's way is timed there too.

    .venv/bin/python benchmarks/store_speed.py [--copies 10] [--postgres URL]
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from _timing import data_dir
from claimmap import Article, extract_article, read_paths
from claimmap.model import Extraction
from claimmap.store import claim_id, open_store


def _extractions(copies: int) -> list[Extraction]:
    dev = [a for a in read_paths([data_dir() / "articles" / "dev.jsonl"]) if isinstance(a, Article)]
    out = []
    for copy in range(copies):
        for article in dev:
            changed = dataclasses.replace(
                article, id=f"{article.id}-copy{copy}", text=f"{article.text}\n\nCopy {copy}.",
                content_hash="",
            )  # fmt: skip
            out.append(extract_article(changed))
    return out


def _claimmap(url: str, extractions: list[Extraction]) -> tuple[float, float]:
    with open_store(url) as store:
        start = time.perf_counter()
        for extraction in extractions:
            store.save_extraction(extraction)
        write = time.perf_counter() - start
        start = time.perf_counter()
        for extraction in extractions:
            store.save_extraction(extraction)
        rerun = time.perf_counter() - start
    return write, rerun


def _baseline(path: Path, extractions: list[Extraction]) -> float:
    open_store(path).close()  # the same schema, indexes and constraints
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys=ON")
    articles = [
        (a.id, a.content_hash, a.published, a.title, a.source, a.language, a.url, a.path, a.text)
        for a in (e.article for e in extractions)
    ]
    claims = [
        (claim_id(e.article.id, n), e.article.id, n, c.quote, c.claimant, str(c.claimant_side),
         str(c.holder), str(c.kind), c.region, str(c.measure), c.value, str(c.qualifier),
         c.as_of, c.since, c.start, c.end, c.figure_start, c.figure_end)
        for e in extractions
        for n, c in enumerate(e.claims, 1)
    ]  # fmt: skip
    start = time.perf_counter()
    connection.execute("BEGIN")
    connection.executemany(f"INSERT INTO articles VALUES ({','.join('?' * 9)})", articles)
    connection.executemany(f"INSERT INTO claims VALUES ({','.join('?' * 18)})", claims)
    connection.execute("COMMIT")
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def _best(run: Callable[[], float], repeats: int) -> float:
    return min(run() for _ in range(repeats))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--postgres", metavar="URL", help="an empty PostgreSQL database")
    args = parser.parse_args()
    extractions = _extractions(args.copies)
    n = len(extractions)
    claims = sum(len(e.claims) for e in extractions)
    print(f"{n} articles, {claims} claims; Python {platform.python_version()}, {sys.platform}")
    with tempfile.TemporaryDirectory() as folder:
        runs = iter(range(10_000))

        def fresh() -> str:
            return f"sqlite:///{folder}/run{next(runs)}.db"

        results = [_claimmap(fresh(), extractions) for _ in range(args.repeats)]
        write = min(r[0] for r in results)
        rerun = min(r[1] for r in results)
        base = _best(lambda: _baseline(Path(fresh().removeprefix("sqlite:///")), extractions), 3)
    print(f"sqlite  save_extraction, one transaction each: {n / write:8.0f} articles/s")
    print(f"sqlite  baseline, sqlite3 bulk insert:         {n / base:8.0f} articles/s")
    print(f"sqlite  ratio claimmap / baseline time:        {write / base:8.1f} x")
    print(f"sqlite  rerun, every article unchanged:        {n / rerun:8.0f} articles/s")
    if args.postgres:
        write, rerun = _claimmap(args.postgres, extractions)
        print(f"postgres save_extraction, one transaction each: {n / write:8.0f} articles/s")
        print(f"postgres rerun, every article unchanged:        {n / rerun:8.0f} articles/s")
        with open_store(args.postgres) as store, store.engine.begin() as connection:
            connection.execute(text("DELETE FROM articles"))


if __name__ == "__main__":
    main()
