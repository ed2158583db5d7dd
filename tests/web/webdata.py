"""Inputs and helpers of the web tests: the dev articles, the shared maps, a server process.

The maps and boundaries are read from the shared data folder at test time, never copied.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from claimmap.store import Store, open_store

ROOT = Path(__file__).resolve().parents[2]
#: the English dev set, 30 articles (a copy of shared/data/articles/dev.jsonl)
DEV = ROOT / "tests" / "store" / "data" / "dev.jsonl"
DATA = Path(os.environ.get("CLAIMMAP_DATA") or ROOT.parent / "shared" / "data")
CONTROL = DATA / "geo" / "control"
ADMIN = DATA / "geo" / "admin.geojson"
#: a dev page kept by the ingest tests
HTML_PAGE = (
    ROOT / "tests" / "ingest" / "data" / "html" / "baltic-wire-2024-gains-3985-20241231.html"
)

#: the bearer token the test servers take writes with
TOKEN = "test-token-5f1c9a"

#: the dev article left out of the database, for POST
HELD_OUT = "baltic-wire-kursk-syrskyi-1000-20240813"


def dev_records() -> list[dict[str, Any]]:
    """Return the dev set's records (with their gold claims)."""
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]


@dataclass(frozen=True, slots=True, kw_only=True)
class Server:
    """A running server: its base URL and the database it serves."""

    url: str
    db: Path
    cache: Path

    def store(self) -> Store:
        """Open the server's database (close it after use)."""
        return open_store(self.db)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def start_server(
    db: Path, *, cache: Path, args: list[str], env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``claimmap serve`` on a free port; return the process and its URL once it answers."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "claimmap",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        *args,
    ]
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), **env}
    log = db.with_suffix(f".{port}.log")
    with log.open("wb") as output:
        process = subprocess.Popen(command, env=environment, stdout=output, stderr=output)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"claimmap serve exited: {log.read_text()}")
        try:
            httpx.get(f"{url}/api/openapi.json", timeout=2)
            return process, url
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"claimmap serve did not answer in 60 s: {log.read_text()}")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
