"""The store on SQLite and PostgreSQL: schema, nothing doubled, nothing lost, round trips."""

from __future__ import annotations

import dataclasses
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from store_helpers import dev_extractions, dump

from claimmap import Article, extract_article
from claimmap.errors import ConfigError, StoreError
from claimmap.model import Extraction, Finding, Holder
from claimmap.store import (
    ConflictRecord,
    DerivationStep,
    DerivedFigureRecord,
    MeasuredAreaRecord,
    SaveOutcome,
    VerdictRecord,
    open_store,
    resolve_url,
)

SPEC_COLUMNS = {
    "quote",
    "claimant",
    "claimant_side",
    "holder",
    "kind",
    "region",
    "measure",
    "value",
    "qualifier",
    "as_of",
    "since",
}

TEXT = (
    "Russian forces now control about 500 square kilometres of the Kursk region, "
    "the Russian Defense Ministry said on Monday."
)


def _article(id: str = "a", text: str = TEXT) -> Article:
    return Article(id=id, text=text, published=date(2025, 3, 12), source="Test Wire", language="en")


def test_open_store_creates_every_table_at_the_newest_migration(db_url: str) -> None:
    open_store(db_url).close()
    engine = create_engine(resolve_url(db_url))
    try:
        found = inspect(engine)
        tables = set(found.get_table_names())
        claim_columns = {c["name"] for c in found.get_columns("claims")}
        article_columns = {c["name"] for c in found.get_columns("articles")}
        claim_indexes = {tuple(i["column_names"]) for i in found.get_indexes("claims")}
        area_indexes = {tuple(i["column_names"]) for i in found.get_indexes("measured_areas")}
        verdict_indexes = {tuple(i["column_names"]) for i in found.get_indexes("verdicts")}
        with engine.connect() as connection:
            version = connection.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()
    assert tables == {
        "alembic_version",
        "articles",
        "claims",
        "findings",
        "derived_figures",
        "derived_figure_claims",
        "conflicts",
        "conflict_claims",
        "measured_areas",
        "verdicts",
        "data_versions",
    }
    assert SPEC_COLUMNS | {"article", "start", "end", "figure_start", "figure_end"} <= claim_columns
    assert {("region", "as_of"), ("holder",), ("claimant_side",), ("measure",)} <= claim_indexes
    # A region's and a claimant's claims are read newest first from an index (0003).
    leads = {index[:2] for index in claim_indexes}
    assert {("region", "as_of"), ("claimant", "as_of")} <= leads
    # Pages newest first are in the order of an index, id within a day (0006).
    assert ("as_of", "id") in leads
    assert ("claim", "verdict", "measured") in verdict_indexes
    # A verdict's claims newest first, from the verdicts alone (0007).
    assert ("verdict", "as_of", "claim") in verdict_indexes
    assert ("region", "date") in area_indexes
    # Each article keeps the fingerprint of the rules that found its claims (0004).
    assert "extractor" in article_columns
    assert version == "0007"


def test_opening_again_migrates_nothing_and_keeps_the_rows(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_extraction(extract_article(_article()))
    before = dump(db_url)
    open_store(db_url).close()
    assert dump(db_url) == before


def test_sqlite_runs_in_wal_mode_with_foreign_keys_on(tmp_path: Path) -> None:
    with open_store(tmp_path / "claimmap.db") as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_claims_round_trip_with_the_spec_fields_and_offsets(db_url: str) -> None:
    extractions = dev_extractions()
    with open_store(db_url) as store:
        outcomes = {store.save_extraction(e) for e in extractions}
        stored = store.load_claims()
        by_article = store.load_claims(article=extractions[0].article.id)
        kursk = store.load_claims(region="RU-KRS")
        article = store.load_article(extractions[0].article.id)
    assert outcomes == {SaveOutcome.STORED}
    expected = [
        claim for e in sorted(extractions, key=lambda e: e.article.id) for claim in e.claims
    ]
    assert [s.claim for s in stored] == expected
    assert len(expected) > 100
    assert stored[0].id == f"{stored[0].claim.article}#1"
    assert [s.claim for s in by_article] == list(extractions[0].claims)
    assert kursk
    assert all(s.claim.region == "RU-KRS" for s in kursk)
    assert article == extractions[0].article


def test_the_same_content_under_another_id_is_stored_once(db_url: str) -> None:
    with open_store(db_url) as store:
        first = store.save_extraction(extract_article(_article("a")))
        second = store.save_extraction(extract_article(_article("b", text=TEXT + "\n")))
        counts = store.counts()
        found = store.find_article(_article("b").content_hash)
    assert (first, second) == (SaveOutcome.STORED, SaveOutcome.DUPLICATE)
    assert (counts.articles, counts.claims) == (1, 1)
    assert found == "a"


def test_saving_the_same_article_again_changes_nothing(db_url: str) -> None:
    extractions = dev_extractions()
    with open_store(db_url) as store:
        for extraction in extractions:
            store.save_extraction(extraction)
        before = dump(db_url)
        again = {store.save_extraction(e) for e in extractions}
    assert again == {SaveOutcome.UNCHANGED}
    assert dump(db_url) == before


def test_new_content_under_a_known_id_replaces_its_claims_and_their_verdicts(db_url: str) -> None:
    newer = "Ukraine still holds 300 square kilometres of the Kursk region, Syrskyi said."
    with open_store(db_url) as store:
        store.save_extraction(extract_article(_article("a")))
        store.save_verdicts([{"claim": "a#1", "verdict": "overstated", "ratio": 1.4}])
        outcome = store.save_extraction(
            Extraction(
                article=_article("a", text=newer),
                claims=extract_article(_article("a", text=newer)).claims,
                findings=(Finding(code="region-ambiguous", message="which Kursk?"),),
            )
        )
        claims = store.load_claims()
        counts = store.counts()
        article = store.load_article("a")
    assert outcome is SaveOutcome.REPLACED
    assert [(c.claim.holder, c.claim.value) for c in claims] == [(Holder.UA, 300.0)]
    assert article is not None
    assert article.text == newer
    assert (counts.articles, counts.findings, counts.verdicts) == (1, 1, 0)


def test_the_same_article_found_by_other_rules_has_its_claims_replaced(db_url: str) -> None:
    """An article stored by older extraction rules is re-extracted: same row, new claims."""
    current = extract_article(_article("a"))
    older = dataclasses.replace(
        current,
        claims=current.claims[:0],
        findings=(Finding(code="region-ambiguous", message="which Kursk?"),),
        extractor="older-rules",
    )
    with open_store(db_url) as store:
        assert store.save_extraction(older) is SaveOutcome.STORED
        assert store.find_extraction(current.article.content_hash) == ("a", "older-rules")
        assert store.save_extraction(current) is SaveOutcome.REEXTRACTED
        claims = store.load_claims()
        counts = store.counts()
        again = store.save_extraction(current)
        found = store.find_extraction(current.article.content_hash)
    assert current.claims
    assert [c.claim for c in claims] == list(current.claims)
    assert (counts.articles, counts.findings) == (1, 0)
    assert again is SaveOutcome.UNCHANGED
    assert found == ("a", current.extractor)


def test_an_article_that_cannot_be_written_leaves_nothing_behind(db_url: str) -> None:
    extraction = extract_article(_article("a"))
    # A claim with no quote breaks a NOT NULL constraint after the article row is written.
    broken = dataclasses.replace(extraction.claims[0], quote=None)  # type: ignore[arg-type]
    with open_store(db_url) as store:
        with pytest.raises(StoreError, match="refused"):
            store.save_extraction(dataclasses.replace(extraction, claims=(broken,)))
        counts = store.counts()
        retried = store.save_extraction(extraction)
    assert (counts.articles, counts.claims) == (0, 0)
    assert retried is SaveOutcome.STORED


def _derived(claim: str) -> DerivedFigureRecord:
    return DerivedFigureRecord(
        id="D1",
        kind="held",
        holder=Holder.UA,
        region="RU-KRS",
        as_of=date(2025, 3, 12),
        low=480.0,
        high=520.0,
        nominal=500.0,
        formula="initial - retaken",
        steps=(DerivationStep(claim=claim, reading="held/RU/RU-KRS"),),
        basis=("region area",),
    )


def test_derived_figures_and_conflicts_replace_the_whole_set(db_url: str) -> None:
    with open_store(db_url) as store:
        for extraction in dev_extractions()[:3]:
            store.save_extraction(extraction)
        ids = [s.id for s in store.load_claims()]
        conflict = ConflictRecord(
            id="X1", claims=(ids[0], ids[1]), explanation="both cannot hold", assumptions=("rate",)
        )
        store.replace_derived([_derived(ids[0])])
        store.replace_conflicts([conflict])
        assert store.load_derived() == [_derived(ids[0])]
        assert store.load_conflicts() == [conflict]
        store.replace_derived([])
        store.replace_conflicts(
            [{"id": "X2", "claims": [ids[2]], "explanation": "alone", "assumptions": []}]
        )
        assert store.load_derived() == []
        assert store.load_conflicts() == [
            ConflictRecord(id="X2", claims=(ids[2],), explanation="alone")
        ]


def test_measured_areas_of_a_day_and_region_replace_the_earlier_measurement(db_url: str) -> None:
    day = date(2025, 3, 1)
    rows = [
        MeasuredAreaRecord(date=day, region="RU-KRS", holder=Holder.UA, status="held",
                           area_km2=410.5, snapshot="ab" * 32, source="2025-03-01.geojson"),
        MeasuredAreaRecord(date=day, region="RU-KRS", holder=None, status="contested",
                           area_km2=35.0, snapshot="ab" * 32, source="2025-03-01.geojson"),
        MeasuredAreaRecord(date=day, region="UA-14", holder=Holder.UA, status="derived",
                           area_km2=8000.0, derived=True, snapshot="ab" * 32),
    ]  # fmt: skip
    remeasured = dataclasses.replace(rows[0], area_km2=400.0, snapshot="cd" * 32)
    with open_store(db_url) as store:
        store.save_measured_areas(rows)
        store.save_measured_areas(rows)
        assert len(store.load_measured_areas()) == 3
        store.save_measured_areas([remeasured])
        kursk = store.load_measured_areas(region="RU-KRS")
        donetsk = store.load_measured_areas(region="UA-14")
    assert kursk == [remeasured]
    assert donetsk == [rows[2]]


def test_verdicts_replace_a_claims_earlier_verdict_and_are_checked(db_url: str) -> None:
    with open_store(db_url) as store:
        store.save_extraction(extract_article(_article("a")))
        store.save_verdicts([VerdictRecord(claim="a#1", verdict="unverifiable", reason="no map")])
        store.save_verdicts(
            [{"claim": "a#1", "verdict": "consistent", "measured": 510.0, "low": 480.0,
              "high": 545.0, "ratio": 0.98}]
        )  # fmt: skip
        verdicts = store.load_verdicts()
        with pytest.raises(ConfigError, match="expected one of consistent, overstated"):
            store.save_verdicts([{"claim": "a#1", "verdict": "true"}])
        with pytest.raises(StoreError, match="refused"):
            store.save_verdicts([{"claim": "no-such-article#1", "verdict": "consistent"}])
        with pytest.raises(ConfigError, match="VerdictRecord has no field score"):
            store.save_verdicts([{"claim": "a#1", "verdict": "consistent", "score": 1}])
    assert verdicts == [
        VerdictRecord(claim="a#1", verdict="consistent", measured=510.0, low=480.0, high=545.0,
                      ratio=0.98)
    ]  # fmt: skip


def test_resolve_url_takes_paths_and_names_the_psycopg_driver() -> None:
    assert resolve_url("out/claimmap.db").render_as_string() == "sqlite:///out/claimmap.db"
    assert resolve_url("postgresql://me:secret@db/claims").drivername == "postgresql+psycopg"
    with pytest.raises(ConfigError, match="unsupported database 'mysql'"):
        resolve_url("mysql://me@db/claims")


def test_a_missing_database_is_an_error_when_not_to_be_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database there"):
        open_store(tmp_path / "none.db", create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder.db")
    assert not (tmp_path / "none.db").exists()


def test_an_unreachable_postgresql_server_is_a_store_error_naming_it() -> None:
    # Port 1 on localhost: nothing listens there, so the connection is refused at once.
    with pytest.raises(StoreError, match=r"postgresql\+psycopg://me:\*\*\*@127.0.0.1:1/claims"):
        open_store("postgresql://me:secret@127.0.0.1:1/claims")


def test_the_migrations_build_exactly_the_schema_the_models_describe(db_url: str) -> None:
    """A model changed without a migration (or the reverse) shows here as a difference."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from claimmap.store.schema import Base

    open_store(db_url).close()
    engine = create_engine(resolve_url(db_url))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_a_missing_postgres_extra_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes the import fail as if psycopg were not installed.
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"pip install 'claimmap\[postgres\]'"):
        open_store("postgresql://me@127.0.0.1:1/claims")
