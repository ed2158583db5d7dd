"""``analyze_paths`` into SQLite and PostgreSQL: stored once, reruns change nothing, kills resume.

The kill test runs ``claimmap analyze`` in a subprocess over 300 articles (the dev set
ten times under new ids and texts), kills it with SIGKILL twice at different points,
runs it again to the end, and compares every table with an uninterrupted run's.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from store_helpers import DEV, dev_extractions, dump, write_copies

from claimmap.analyze import AnalyzeSummary, ArticleStep, analyze_paths
from claimmap.store import open_store, resolve_url
from claimmap.store.schema import ArticleRow


def test_analyze_stores_every_article_with_its_claims(db_url: str) -> None:
    steps: list[ArticleStep] = []
    with open_store(db_url) as store:
        summary = analyze_paths([DEV], store=store, on_step=steps.append)
        stored = store.load_claims()
    expected = dev_extractions()
    assert summary == AnalyzeSummary(
        read=30, stored=30, claims=sum(len(e.claims) for e in expected)
    )
    assert [step.article for step in steps] == [e.article.id for e in expected]
    assert {s.id: s.claim for s in stored} == {
        f"{e.article.id}#{n}": claim for e in expected for n, claim in enumerate(e.claims, 1)
    }


def test_a_second_run_over_the_same_inputs_changes_nothing(db_url: str) -> None:
    with open_store(db_url) as store:
        analyze_paths([DEV], store=store)
        before = dump(db_url)
        again = analyze_paths([DEV], store=store)
    assert again == AnalyzeSummary(read=30, unchanged=30)
    assert dump(db_url) == before


def test_the_same_article_twice_in_one_run_is_stored_once(db_url: str, tmp_path: Path) -> None:
    record = json.loads(DEV.read_text(encoding="utf-8").splitlines()[0])
    twice = tmp_path / "twice.jsonl"
    lines = [record, {**record, "id": "the-same-text-again"}]
    twice.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with open_store(db_url) as store:
        summary = analyze_paths([twice], store=store)
        counts = store.counts()
    assert (summary.stored, summary.duplicates) == (1, 1)
    assert counts.articles == 1


def test_an_unreadable_input_is_a_finding_and_the_others_are_stored(
    db_url: str, tmp_path: Path
) -> None:
    steps: list[ArticleStep] = []
    with open_store(db_url) as store:
        summary = analyze_paths(
            [tmp_path / "missing.jsonl", DEV], store=store, on_step=steps.append
        )
    assert (summary.failed, summary.stored) == (1, 30)
    assert [f.code for f in summary.findings] == ["not-found"]
    assert steps[0].article is None
    assert steps[0].findings == summary.findings


def _analyze(inputs: Path, url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimmap", "analyze", str(inputs), "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _articles(url: str) -> int:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(ArticleRow)) or 0
    finally:
        engine.dispose()


def _kill_after(process: subprocess.Popen[bytes], url: str, *, articles: int) -> int:
    """SIGKILL ``process`` once the database holds ``articles``; return how many it held."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        # The schema appears only once the run has opened the database.
        try:
            if _articles(url) >= articles:
                break
        except SQLAlchemyError:
            pass
        time.sleep(0.02)
    assert process.poll() is None, "the run ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL
    return _articles(url)


def test_a_run_killed_midway_and_run_again_ends_as_an_uninterrupted_run(
    new_db: Callable[[], str], tmp_path: Path
) -> None:
    inputs = tmp_path / "copies.jsonl"
    total = write_copies(inputs, copies=10)
    whole, killed = new_db(), new_db()

    assert _analyze(inputs, whole).wait(timeout=300) == 0

    first = _kill_after(_analyze(inputs, killed), killed, articles=total // 4)
    second = _kill_after(_analyze(inputs, killed), killed, articles=total // 2)
    assert total // 4 <= first <= second < total
    assert _analyze(inputs, killed).wait(timeout=300) == 0

    assert _articles(whole) == total
    assert dump(killed) == dump(whole)
    with open_store(killed) as store:
        rerun = analyze_paths([inputs], store=store)
    assert rerun.unchanged == total
    assert rerun.stored == 0
