"""Time claimmap's HTML reader against trafilatura alone on the same pages.

``claimmap.ingest.read_html`` (decoding, boilerplate pruning, trafilatura, paragraph
assembly, the Article and its hash) on the pages of ``articles/html/`` against

(a) ``trafilatura.bare_extraction`` with the options ``read_html`` passes
    (``claimmap.ingest.html.TRAFILATURA_OPTIONS``, metadata included), which is
    the same work minus ours: the goal is read_html <= 1.5 x its time;
(b) ``trafilatura.extract`` with those options but no metadata, for scale.

Both get the page bytes, as read_html does. Every function runs once before timing;
each figure is the median of ``--repeats`` runs of ``time.perf_counter``, a run
repeating the whole set until it lasts at least ``--min-time`` seconds.

Usage: python benchmarks/ingest_speed.py [--repeats N] [--min-time SECONDS]
The data folder is $CLAIMMAP_DATA, else ../shared/data beside the checkout.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Sequence
from importlib.metadata import version

import trafilatura

from _timing import data_dir, median_seconds
from claimmap.ingest import read_html
from claimmap.ingest.html import TRAFILATURA_OPTIONS


def main(argv: Sequence[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--repeats", type=int, default=7, help="timed runs per figure")
    args.add_argument("--min-time", type=float, default=0.5, help="seconds per timed run")
    opts = args.parse_args(argv)
    pages = [
        (p.name, p.read_bytes()) for p in sorted((data_dir() / "articles" / "html").glob("*.html"))
    ]
    no_metadata = {
        key: value for key, value in TRAFILATURA_OPTIONS.items() if key != "with_metadata"
    }

    def ours() -> None:
        for name, data in pages:
            read_html(data, path=name)

    def bare() -> None:
        for _, data in pages:
            trafilatura.bare_extraction(data, **TRAFILATURA_OPTIONS)

    def extract() -> None:
        for _, data in pages:
            trafilatura.extract(data, **no_metadata)

    timing = {"repeats": opts.repeats, "min_time": opts.min_time}
    t_ours = median_seconds(ours, **timing)
    t_bare = median_seconds(bare, **timing)
    t_extract = median_seconds(extract, **timing)
    print(
        f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
        f"trafilatura {version('trafilatura')}; {len(pages)} pages; "
        f"median of {opts.repeats} runs of >= {opts.min_time} s"
    )
    print(f"claimmap read_html                      {t_ours * 1e3:7.2f} ms")
    print(
        f"(a) trafilatura.bare_extraction, same   {t_bare * 1e3:7.2f} ms   read_html / (a) = "
        f"{t_ours / t_bare:.2f} x (goal <= 1.5 x)"
    )
    print(
        f"(b) trafilatura.extract, no metadata    {t_extract * 1e3:7.2f} ms   read_html / (b) = "
        f"{t_ours / t_extract:.2f} x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
