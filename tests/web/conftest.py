"""A real server for the web tests: ``claimmap serve`` in a subprocess on a free port.

The database is a temporary SQLite file filled through the library: the dev
articles less one (kept for POST), checked together, and verified against the
shared control maps (measured areas and verdicts). The server is the command
people run, ``claimmap serve``, with the token in ``CLAIMMAP_API_TOKEN``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright
from webdata import ADMIN, CONTROL, HELD_OUT, TOKEN, Server, dev_records, start_server, stop_server

from claimmap.analyze import MapsConfig, analyze_paths, check_stage, verify_stage
from claimmap.store import open_store


@pytest.fixture(scope="session")
def filled_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A SQLite database of 29 dev articles, checked and verified; and the areas cache."""
    folder = tmp_path_factory.mktemp("web")
    articles = folder / "articles.jsonl"
    with articles.open("w", encoding="utf-8") as out:
        for record in dev_records():
            if record["id"] != HELD_OUT:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    db = folder / "claimmap.db"
    cache = folder / "cache"
    maps = MapsConfig(maps=CONTROL, regions=ADMIN, cache=cache / "claimmap")
    with open_store(db) as store:
        summary = analyze_paths([articles], store=store)
        assert summary.stored == 29
        check_stage(store)
        verify_stage(store, maps)
    return db, cache


@pytest.fixture(scope="session")
def server(filled_db: tuple[Path, Path]) -> Iterator[Server]:
    """``claimmap serve`` over the filled database, with maps, taking writes with TOKEN."""
    db, cache = filled_db
    process, url = start_server(
        db,
        cache=cache,
        args=["--maps", str(CONTROL), "--regions", str(ADMIN)],
        env={"CLAIMMAP_API_TOKEN": TOKEN},
    )
    yield Server(url=url, db=db, cache=cache)
    stop_server(process)


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as http:
        yield http


def chromium_path() -> str:
    """Return Debian's Chromium, installing it with apt-get first where it is missing.

    Playwright drives the system browser (no browser download); a machine where it
    cannot be installed fails here rather than skipping the browser tests.
    """
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.geteuid() != 0:
        pytest.fail("Chromium is missing: sudo apt-get install -y chromium")
    quiet = {"env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, "check": True}
    subprocess.run(["apt-get", "update", "-qq"], **quiet)  # type: ignore[call-overload]
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], **quiet)  # type: ignore[call-overload]
    found = shutil.which("chromium")
    if not found:
        pytest.fail("apt-get install chromium did not give a chromium command")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium (the system's), driven by Playwright."""
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page that may reach only the test server; yields it and the URLs refused."""
    context = browser.new_context(base_url=server.url)
    refused: list[str] = []

    def only_local(route: Route) -> None:
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    opened = context.new_page()
    yield opened, refused
    context.close()
