"""Latency of the API under load: the claims query and the region timeline, 100,000 claims.

Fills a SQLite database through the store (``Store.save_extraction``, one transaction
per article) with ``--claims`` synthetic claims, 10 an article, spread over the
regions, sides, measures and dates of the spec (seeded, so every run stores the same
rows); gives 80% of them a verdict (``Store.save_verdicts``) and stores the areas the
shared control maps measure (``Store.save_measured_areas``). Then starts
``claimmap serve`` on loopback and loads it with wrk (``apt-get install wrk``), each
request a URL drawn at random from a fixed list:

- ``claims``: ``GET /api/claims`` with the filters people use (region, holder,
  claimant side, claimant, measure, verdict, date ranges, none), first pages, deep
  ``offset`` pages and ``cursor`` pages, 50 claims a page, with the total count;
- ``timeline``: ``GET /api/regions/{region}``, the 500 latest claims of a region and
  all its measured areas.

wrk reports the latency percentiles of every request (its Lua ``done`` hook); each
endpoint runs ``--duration`` seconds per connection count in ``--connections``
(one connection: the latency of one request at a time; more: requests queue on the
server's workers). Each row also gives the CPU time the server's processes spent per
request (``/proc``, Linux; ``n/a`` elsewhere), the measure least moved by other work
on the machine. The database is kept at ``--db`` and reused when it already holds the
claims.

    .venv/bin/python benchmarks/web_load.py [--claims 100000] [--duration 15]
        [--connections 1,4] [--db /tmp/claimmap-load.db]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

from _timing import data_dir
from claimmap.model import Article, Claim, Extraction, Holder, Kind, Measure, Qualifier, Side
from claimmap.store import MeasuredAreaRecord, VerdictRecord, open_store

REGIONS = ("RU-KRS", "UA-14", "UA-09", "UA-23", "UA-65", "UA-63", "UA-59", "UA-12", "RU-BEL")
OTHER_REGIONS = ("UA", "RU", "UA-43", "UA-48", "UA-32")
CLAIMANTS = {
    Side.RU: ("Sergei Rudskoi", "Russian Defense Ministry", "Valery Gerasimov", None),
    Side.UA: ("Oleksandr Syrskyi", "Volodymyr Zelensky", "Ukrainian General Staff", None),
    Side.MEDIA: (None,),
    Side.OTHER: ("Institute for the Study of War", "DeepState", "Black Bird Group"),
}
FIRST_DAY, LAST_DAY = date(2022, 3, 1), date(2025, 8, 1)
PER_ARTICLE = 10

WRK_SCRIPT = """
local urls = {}
for line in io.lines(os.getenv("URLS")) do urls[#urls + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", urls[math.random(#urls)])
end
done = function(summary, latency, requests)
  io.write(string.format(
    "RESULT {\\"requests\\": %d, \\"errors\\": %d, \\"p50_ms\\": %.2f, \\"p95_ms\\": %.2f, "
    .. "\\"p99_ms\\": %.2f, \\"max_ms\\": %.2f, \\"seconds\\": %.3f}\\n",
    summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.duration / 1e6))
end
"""


def synthetic_claim(rng: random.Random, text: list[str], at: int) -> tuple[Claim, int]:
    """Return a random claim whose quote is appended to ``text`` at offset ``at``."""
    side = rng.choice(list(Side))
    holder = rng.choice(list(Holder))
    measure = rng.choices(list(Measure), weights=(6, 2, 1, 1))[0]
    region = rng.choice(REGIONS) if rng.random() < 0.9 else rng.choice(OTHER_REGIONS)
    as_of = None
    if rng.random() > 0.05:
        as_of = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days))
    value: float
    if measure is Measure.AREA_KM2:
        value = float(rng.randrange(10, 5000))
        figure = f"{value:,.0f} square kilometres"
    elif measure is Measure.SETTLEMENTS:
        value = float(rng.randrange(1, 200))
        figure = f"{value:.0f} settlements"
    else:
        value = rng.randrange(1, 100) / 100
        figure = f"{value * 100:.0f}%"
    claimant = rng.choice(CLAIMANTS[side])
    quote = f"{claimant or 'The outlet'} said {holder} holds {figure} of {region}."
    figure_at = at + quote.index(figure)
    text.append(quote)
    claim = Claim(
        quote=quote,
        claimant=claimant,
        claimant_side=side,
        holder=holder,
        kind=rng.choice(list(Kind)),
        region=region,
        measure=measure,
        value=value,
        qualifier=rng.choice(list(Qualifier)),
        as_of=as_of,
        since=None,
        start=at,
        end=at + len(quote),
        figure_start=figure_at,
        figure_end=figure_at + len(figure),
    )
    return claim, at + len(quote) + 1


def fill(db: Path, *, claims: int) -> None:
    """Store ``claims`` synthetic claims, their verdicts and the maps' measured areas."""
    rng = random.Random(20241124)
    start = time.perf_counter()
    with open_store(db) as store:
        if store.counts().claims >= claims:
            print(f"reusing {db}: {store.counts()}", file=sys.stderr)
            return
        verdicts: list[VerdictRecord] = []
        for n in range(claims // PER_ARTICLE):
            article_id = f"synthetic-{n:06d}"
            text: list[str] = []
            at = 0
            made = []
            for _ in range(PER_ARTICLE):
                claim, at = synthetic_claim(rng, text, at)
                made.append(claim)
            body = " ".join(text)
            published = max((c.as_of for c in made if c.as_of), default=LAST_DAY)
            article = Article(id=article_id, text=body, published=published, source="Synthetic")
            store.save_extraction(Extraction(article=article, claims=tuple(made)))
            for i in range(1, PER_ARTICLE + 1):
                if rng.random() < 0.8:
                    verdicts.append(
                        VerdictRecord(
                            claim=f"{article_id}#{i}",
                            verdict=rng.choice(
                                ("consistent", "overstated", "understated", "unverifiable")
                            ),
                            measured=rng.uniform(10, 5000),
                        )
                    )
        store.save_verdicts(verdicts)
        from claimmap.geo import cache_dir, measure_areas

        geo = data_dir() / "geo"
        result = measure_areas(
            geo / "control", geo / "admin.geojson", cache_dir=cache_dir() / "areas-bench"
        )
        store.save_measured_areas(
            MeasuredAreaRecord(
                date=row.date,
                region=row.region,
                holder=row.holder,
                status=str(row.status),
                area_km2=row.area_km2,
                derived=str(row.status) == "derived",
                source=row.source,
            )
            for row in result.areas
        )
        took = time.perf_counter() - start
        print(f"filled {db} in {took:.1f} s: {store.counts()}", file=sys.stderr)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=30) as response:
        found: dict[str, object] = json.load(response)
        return found


def claims_urls(base: str, *, claims: int, rng: random.Random) -> list[str]:
    """The claims queries: filters people use, first, deep and cursor pages."""
    queries: list[dict[str, str]] = [{}]
    queries += [{"region": r} for r in REGIONS]
    queries += [{"region": r, "holder": h} for r in REGIONS for h in ("RU", "UA")]
    queries += [{"claimant_side": s, "measure": "area_km2"} for s in ("RU", "UA", "media", "other")]
    queries += [{"verdict": v} for v in ("consistent", "overstated", "understated")]
    queries += [{"claimant": name} for name in ("Oleksandr Syrskyi", "Sergei Rudskoi", "DeepState")]
    for _ in range(10):
        first = FIRST_DAY + timedelta(days=rng.randrange(1000))
        queries.append({"from": first.isoformat(), "to": (first + timedelta(days=60)).isoformat()})
        queries.append(
            {"region": rng.choice(REGIONS), "from": first.isoformat(),
             "to": (first + timedelta(days=180)).isoformat()}
        )  # fmt: skip
    paths = []
    for query in queries:
        paths.append("/api/claims?" + urllib.parse.urlencode({**query, "limit": 50}))
        deep = {**query, "limit": 50, "offset": rng.randrange(0, min(claims, 5000), 50)}
        paths.append("/api/claims?" + urllib.parse.urlencode(deep))
        # A cursor some pages in, as a client walking the pages holds it.
        page = _get(base + "/api/claims?" + urllib.parse.urlencode({**query, "limit": 50}))
        for _ in range(rng.randrange(1, 5)):
            cursor = page["next_cursor"]
            if not cursor:
                break
            after = {**query, "limit": 50, "cursor": cursor}
            paths.append("/api/claims?" + urllib.parse.urlencode(after))
            page = _get(base + paths[-1])
    return paths


def server_cpu(pid: int) -> float | None:
    """Return the CPU seconds the server and its worker processes have used (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                # The fields after the command's closing parenthesis: state, ppid, ...
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(entry) == pid or int(fields[1]) == pid:
                total += (int(fields[11]) + int(fields[12])) / tick
    except OSError:
        return None
    return total


def run_wrk(base: str, paths: list[str], *, connections: int, seconds: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "random.lua"
        script.write_text(WRK_SCRIPT)
        urls = Path(folder) / "urls.txt"
        urls.write_text("\n".join(paths) + "\n")
        done = subprocess.run(
            ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
             "-s", str(script), base],
            env={**os.environ, "URLS": str(urls)},
            capture_output=True, text=True, check=True,
        )  # fmt: skip
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    result: dict[str, float] = json.loads(line.removeprefix("RESULT "))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=15, help="seconds per run")
    parser.add_argument("--connections", default="1,4", help="comma-separated")
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "claimmap-load.db")
    parser.add_argument(
        "--workers", type=int, default=None, help="claimmap serve --workers (default: its own)"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("web_load: wrk is not installed (apt-get install wrk)")
    fill(args.db, claims=args.claims)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    workers = ["--workers", str(args.workers)] if args.workers else []
    server = subprocess.Popen(
        [sys.executable, "-m", "claimmap", "serve", "--db", str(args.db), "--port", str(port),
         *workers],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(300):
            try:
                _get(base + "/api/regions")
                break
            except OSError:
                time.sleep(0.1)
        rng = random.Random(7)
        endpoints = {
            "claims": claims_urls(base, claims=args.claims, rng=rng),
            "timeline": [f"/api/regions/{region}" for region in REGIONS],
        }
        from claimmap.web import default_workers

        print(
            f"python {platform.python_version()}, {os.cpu_count()} CPUs, {args.claims:,} claims, "
            f"{args.workers or default_workers()} server workers"
        )
        print(
            "| endpoint | connections | requests/s | p50 ms | p95 ms | p99 ms | errors "
            "| server CPU ms/request |"
        )
        print("|---|---|---|---|---|---|---|---|")
        for name, paths in endpoints.items():
            # A short warm-up: the first requests fill SQLite's page cache.
            run_wrk(base, paths, connections=1, seconds=2)
            for connections in (int(c) for c in args.connections.split(",")):
                before = server_cpu(server.pid)
                r = run_wrk(base, paths, connections=connections, seconds=args.duration)
                after = server_cpu(server.pid)
                cpu = "n/a"
                if before is not None and after is not None and r["requests"]:
                    cpu = f"{(after - before) * 1000 / r['requests']:.2f}"
                print(
                    f"| {name} | {connections} | {r['requests'] / r['seconds']:,.0f} | "
                    f"{r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | "
                    f"{r['errors']:.0f} | {cpu} |",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
