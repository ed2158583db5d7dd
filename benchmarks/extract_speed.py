"""Time claimmap's extraction against the tools it sits on or beside.

(a) Text: ``extract_claims`` on every article text of ``articles/dev.jsonl`` against
    ``quantulum3.parser.parse`` on the same texts (quantulum3 finds quantities only;
    the goal is claimmap >= 50 x its throughput).
(b) HTML: ``read_html`` + ``extract_article`` on the pages of ``articles/html/``
    against ``trafilatura.bare_extraction`` alone with the options ``read_html`` uses (the
    goal is claimmap <= 1.5 x trafilatura's time).

Inputs are read into memory first and every function is warmed up once, so file
I/O, imports and the lexicon load are not timed. Each figure is the median of
``--repeats`` runs of ``time.perf_counter``; a run repeats the whole set enough
times to last at least ``--min-time`` seconds. claimmap and its baseline are timed
in pairs, one run of each back to back, and a ratio is the median of the pairs'
ratios, so a change of load on a shared machine hits both sides of it.

Usage: python benchmarks/extract_speed.py [--repeats N] [--min-time SECONDS]
The data folder is $CLAIMMAP_DATA, else ../shared/data beside the checkout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import warnings
from collections.abc import Sequence
from datetime import date
from importlib.metadata import version
from pathlib import Path

import trafilatura

from claimmap import extract_article, extract_claims
from claimmap.ingest import read_html

with warnings.catch_warnings():
    # quantulum3 warns on import that its optional classifier is not installed; the
    # baseline is its rule-based parser, which is what runs without it.
    warnings.filterwarnings("ignore", message="Classifier", category=UserWarning)
    from quantulum3 import parser as quantulum

from _timing import data_dir, paired_seconds
from claimmap.ingest.html import TRAFILATURA_OPTIONS


def bench_text(path: Path, *, repeats: int, min_time: float) -> list[tuple[str, str, str]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [(r["text"], date.fromisoformat(r["published"])) for r in records]
    chars = sum(len(text) for text, _ in texts)

    def claimmap_run() -> None:
        for text, published in texts:
            extract_claims(text, published)

    def quantulum_run() -> None:
        for text, _ in texts:
            quantulum.parse(text)

    ours, base, ratio = paired_seconds(
        claimmap_run, quantulum_run, repeats=repeats, min_time=min_time
    )
    label = f"{len(texts)} texts, {chars:,} chars"
    return [
        (f"text: claimmap extract_claims ({label})", f"{chars / ours:,.0f} chars/s", ""),
        (f"text: quantulum3 parse ({label})", f"{chars / base:,.0f} chars/s", ""),
        ("text: claimmap / quantulum3 throughput", f"{1 / ratio:.1f} x", ">= 50 x"),
    ]


def bench_html(folder: Path, *, repeats: int, min_time: float) -> list[tuple[str, str, str]]:
    pages = [(p.name, p.read_bytes()) for p in sorted(folder.glob("*.html"))]

    def claimmap_run() -> None:
        for name, data in pages:
            extract_article(read_html(data, path=name))

    def trafilatura_run() -> None:
        for _, data in pages:
            trafilatura.bare_extraction(data, **TRAFILATURA_OPTIONS)

    ours, base, ratio = paired_seconds(
        claimmap_run, trafilatura_run, repeats=repeats, min_time=min_time
    )
    label = f"{len(pages)} pages"
    return [
        (f"html: claimmap read_html + extract_article ({label})", f"{ours * 1e3:.1f} ms", ""),
        (f"html: trafilatura.bare_extraction ({label})", f"{base * 1e3:.1f} ms", ""),
        ("html: claimmap / trafilatura time", f"{ratio:.2f} x", "<= 1.5 x"),
    ]


def print_table(rows: Sequence[tuple[str, str, str]]) -> None:
    header = ("measure", "result", "goal")
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(3)]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--repeats", type=int, default=7, help="timed runs per figure")
    args.add_argument("--min-time", type=float, default=0.5, help="seconds per timed run")
    opts = args.parse_args(argv)
    data = data_dir()
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"quantulum3 {version('quantulum3')}, trafilatura {version('trafilatura')}; "
        f"median of {opts.repeats} runs of >= {opts.min_time} s"
    )
    rows = bench_text(data / "articles" / "dev.jsonl", repeats=opts.repeats, min_time=opts.min_time)
    rows += bench_html(data / "articles" / "html", repeats=opts.repeats, min_time=opts.min_time)
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
