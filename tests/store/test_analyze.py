"""``analyze_paths`` into SQLite and PostgreSQL: stored once, reruns change nothing, kills resume.

The kill test runs ``claimmap analyze`` in a subprocess over 300 articles (the dev set
ten times under new ids and texts), kills it with SIGKILL twice at different points,
runs it again to the end, and compares every table with an uninterrupted run's.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from store_helpers import DEV, dev_extractions, dump, write_copies

from claimmap import check_claims
from claimmap.analyze import AnalyzeSummary, ArticleStep, analyze_paths
from claimmap.store import open_store, resolve_url
from claimmap.store.schema import ArticleRow, ClaimRow


def test_analyze_stores_every_article_with_its_claims(db_url: str) -> None:
    steps: list[ArticleStep] = []
    with open_store(db_url) as store:
        summary = analyze_paths([DEV], store=store, on_step=steps.append)
        stored = store.load_claims()
    expected = dev_extractions()
    report = check_claims([claim for e in expected for claim in e.claims])
    assert summary == AnalyzeSummary(
        read=30,
        stored=30,
        claims=sum(len(e.claims) for e in expected),
        checked=len(stored),
        derived=len(report.derived),
        conflicts=len(report.conflicts),
    )
    assert [step.article for step in steps] == [e.article.id for e in expected]
    assert {s.id: s.claim for s in stored} == {
        f"{e.article.id}#{n}": claim for e in expected for n, claim in enumerate(e.claims, 1)
    }


def test_a_second_run_over_the_same_inputs_changes_nothing(db_url: str) -> None:
    with open_store(db_url) as store:
        first = analyze_paths([DEV], store=store)
        before = dump(db_url)
        again = analyze_paths([DEV], store=store)
    assert again == AnalyzeSummary(
        read=30,
        unchanged=30,
        checked=first.checked,
        derived=first.derived,
        conflicts=first.conflicts,
    )
    assert dump(db_url) == before


def test_articles_stored_by_other_extraction_rules_are_extracted_again(db_url: str) -> None:
    """A changed rule set (another extractor fingerprint) re-extracts what was stored."""
    with open_store(db_url) as store:
        first = analyze_paths([DEV], store=store)
        before = dump(db_url)
    engine = create_engine(resolve_url(db_url))
    try:
        with engine.begin() as connection:
            # as if the rules changed since: the stored claims are from other rules, and
            # one article lost its claims to them
            connection.execute(ArticleRow.__table__.update().values(extractor="older-rules"))
            connection.execute(
                ClaimRow.__table__.delete().where(
                    ClaimRow.article == "baltic-wire-kursk-syrskyi-1000-20240813"
                )
            )
    finally:
        engine.dispose()
    with open_store(db_url) as store:
        again = analyze_paths([DEV], store=store)
    assert (again.read, again.reextracted, again.unchanged) == (30, 30, 0)
    assert again.claims == first.claims
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


def _subset(path: Path, ids: set[str]) -> Path:
    """Write the dev articles with these ids to ``path``; return it."""
    lines = DEV.read_text(encoding="utf-8").splitlines(keepends=True)
    chosen = [line for line in lines if json.loads(line)["id"] in ids]
    assert len(chosen) == len(ids)
    path.write_text("".join(chosen), encoding="utf-8")
    return path


AFP = "lowland-courier-afp-july-713-20250802"
DEF_MON = "black-sea-ledger-kherson-60-settlements-20221113"
QA = "meadowbank-chronicle-two-years-qa-20240224"


def test_analyze_stores_the_checks_derived_figures_and_conflicts_by_stored_claim_ids(
    db_url: str,
) -> None:
    with open_store(db_url) as store:
        summary = analyze_paths([DEV], store=store)
        claims = {item.id for item in store.load_claims()}
        derived = store.load_derived()
        conflicts = store.load_conflicts()
    assert (summary.derived, summary.conflicts) == (len(derived), len(conflicts))
    assert derived
    assert conflicts
    for figure in derived:
        assert figure.steps
        assert {step.claim for step in figure.steps} <= claims
    for conflict in conflicts:
        assert set(conflict.claims) <= claims
        # The explanation cites the stored ids, not the check's own C1, C2...
        assert re.search(r"\[C\d+\]", conflict.explanation) is None
        for claim in conflict.claims:
            assert f"[{claim}]" in conflict.explanation
    # AFP's 713 km² seized in July cannot be its 634 km² net gain for the same month.
    assert (f"{AFP}#1", f"{AFP}#3") in [c.claims for c in conflicts]


def test_the_check_runs_over_every_stored_claim_across_runs(db_url: str, tmp_path: Path) -> None:
    first = _subset(tmp_path / "def-mon.jsonl", {DEF_MON})
    second = _subset(tmp_path / "qa.jsonl", {QA})
    with open_store(db_url) as store:
        analyze_paths([first], store=store)
        alone = store.load_conflicts()
        summary = analyze_paths([second], store=store)
        together = store.load_conflicts()
        derived = store.load_derived()
        stored = store.load_claims()
    assert all(c.startswith(DEF_MON) for conflict in alone for c in conflict.claims)
    # Def Mon's 75,000 km² retaken by November 2022 against Zaluzhnyi's 40,000 km² by
    # January 2023, stored by two runs: retaken ground only grows.
    across = [c for c in together if {x.split("#")[0] for x in c.claims} == {DEF_MON, QA}]
    assert across
    assert summary.conflicts == len(together) > len(alone)
    assert summary.derived == len(derived)
    # The second run stored only the Q&A's claims but checked them with Def Mon's.
    assert summary.claims < summary.checked == len(stored)
