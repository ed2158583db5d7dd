"""Verdicts against measured areas: synthetic tables with known answers, and the seed."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from claimmap.geo.series import AreaTable
from claimmap.geo.verdicts import judge_claim, verify_paths
from claimmap.model import (
    Claim,
    ControlArea,
    ControlStatus,
    Holder,
    Kind,
    Measure,
    Qualifier,
    Side,
    VerdictKind,
)
from claimmap.reason.areas import load_region_areas

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
AREAS = load_region_areas()


def _row(day: date, holder: Holder | None, status: ControlStatus, km2: float) -> ControlArea:
    return ControlArea(date=day, region="RU-KRS", holder=holder, status=status, area_km2=km2)


# Ukraine's ground in Kursk: 1,000 km² at its peak on 20 August, 400 on 1 March,
# each with a 100 km² grey zone; no snapshot of Luhansk at all.
TABLE = AreaTable.from_areas(
    [
        _row(date(2024, 8, 10), Holder.UA, ControlStatus.HELD, 800.0),
        _row(date(2024, 8, 20), Holder.UA, ControlStatus.HELD, 1000.0),
        _row(date(2025, 3, 1), Holder.UA, ControlStatus.HELD, 400.0),
        _row(date(2025, 3, 11), Holder.UA, ControlStatus.HELD, 300.0),
        *(
            _row(d, None, ControlStatus.CONTESTED, 100.0)
            for d in (date(2024, 8, 10), date(2024, 8, 20), date(2025, 3, 1), date(2025, 3, 11))
        ),
    ]
)


def _claim(
    *,
    holder: Holder = Holder.UA,
    kind: Kind = Kind.HOLDS,
    measure: Measure = Measure.AREA_KM2,
    value: float,
    qualifier: Qualifier = Qualifier.EXACT,
    as_of: date | None = date(2025, 3, 1),
    since: date | None = None,
    region: str = "RU-KRS",
) -> Claim:
    return Claim(
        quote="q",
        claimant=None,
        claimant_side=Side.MEDIA,
        holder=holder,
        kind=kind,
        region=region,
        measure=measure,
        value=value,
        qualifier=qualifier,
        as_of=as_of,
        since=since,
    )


@pytest.mark.parametrize(
    ("claim", "verdict", "measured"),
    [
        pytest.param(_claim(value=420), VerdictKind.CONSISTENT, 400.0, id="holds-within-range"),
        pytest.param(_claim(value=900), VerdictKind.OVERSTATED, 400.0, id="holds-too-high"),
        pytest.param(_claim(value=200), VerdictKind.UNDERSTATED, 400.0, id="holds-too-low"),
        pytest.param(
            # halfway between 1 and 11 March: 350 km², grey zone to 450
            _claim(value=350, as_of=date(2025, 3, 6)),
            VerdictKind.CONSISTENT,
            350.0,
            id="between-two-snapshots-is-interpolated",
        ),
        pytest.param(
            # Russia retook 600 of Ukraine's peak 1,000 km² by 1 March: 60%
            _claim(
                holder=Holder.RU,
                kind=Kind.GAINED,
                measure=Measure.SHARE_OF_INITIAL,
                value=0.6,
                qualifier=Qualifier.ABOUT,
            ),
            VerdictKind.CONSISTENT,
            0.6,
            id="share-of-initial-against-the-peak",
        ),
        pytest.param(
            _claim(holder=Holder.RU, kind=Kind.GAINED, value=600),
            VerdictKind.CONSISTENT,
            600.0,
            id="gained-without-start-counts-from-the-other-sides-peak",
        ),
        pytest.param(
            _claim(kind=Kind.GAINED, value=200, since=date(2024, 8, 10), as_of=date(2024, 8, 20)),
            VerdictKind.CONSISTENT,
            200.0,
            id="gained-since-a-date",
        ),
        pytest.param(
            _claim(measure=Measure.SHARE_OF_REGION, value=0.0133, qualifier=Qualifier.ABOUT),
            VerdictKind.CONSISTENT,
            400.0 / 29997.0,
            id="share-of-the-official-region-area",
        ),
    ],
)
def test_verdicts_on_known_areas(claim: Claim, verdict: VerdictKind, measured: float) -> None:
    result = judge_claim(claim, TABLE, region_areas=AREAS)
    assert result.verdict is verdict
    assert result.measured == pytest.approx(measured)
    assert result.measured_low is not None
    assert result.measured_high is not None
    assert result.measured_low <= result.measured <= result.measured_high


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        pytest.param(_claim(measure=Measure.SETTLEMENTS, value=28), "settlements", id="villages"),
        pytest.param(_claim(value=400, as_of=None), "no date", id="undated"),
        pytest.param(_claim(value=400, region="UA-09"), "not in the maps", id="no-coverage"),
        pytest.param(_claim(value=400, as_of=date(2025, 1, 10)), "no snapshot near", id="far"),
    ],
)
def test_unverifiable_claims_say_why(claim: Claim, reason: str) -> None:
    result = judge_claim(claim, TABLE, region_areas=AREAS)
    assert result.verdict is VerdictKind.UNVERIFIABLE
    assert reason in result.reason
    assert result.measured is None


def test_seed_verdicts_as_the_readme_shows(tmp_path: Path) -> None:
    report = verify_paths(
        [DATA / "articles" / "seed.jsonl"],
        maps=DATA / "geo" / "control",
        regions=DATA / "geo" / "admin.geojson",
        cache=tmp_path,
    )
    got = {
        (v.claim.holder.value, v.claim.region, v.claim.measure.value, v.claim.value): (
            v.verdict.value,
            None if v.measured is None else round(v.measured, 3),
        )
        for v in report.verdicts
    }
    assert got[("UA", "RU-KRS", "area_km2", 500.0)] == ("consistent", 438.965)
    assert got[("RU", "UA-65", "share_of_region", 0.75)] == ("overstated", 0.65)
    assert got[("RU", "UA-14", "share_of_region", 0.75)] == ("consistent", 0.688)
    assert got[("RU", "RU-KRS", "area_km2", 800.0)] == ("consistent", 483.993)
    assert len(report.verdicts) == 9


def test_verify_command_writes_verdicts_with_the_map_credits(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimmap.cli import app

    result = CliRunner().invoke(
        app,
        ["verify", str(DATA / "articles" / "seed.jsonl"), "--format", "json"],
        env={"XDG_CACHE_HOME": str(tmp_path), "CLAIMMAP_DATA": str(DATA)},
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert "DeepStateMap" in document["attribution"]
    assert "OpenStreetMap" in document["attribution"]
    verdicts = [v["verdict"] for v in document["verdicts"]]
    assert verdicts.count("overstated") == 1  # Kherson, by the official area
    assert len(verdicts) == 9


def test_share_of_initial_range_divides_by_the_peak_with_its_own_grey_zone() -> None:
    """Regression (review): the grey zone of the peak also widens the denominator.

    Peak 1,000 km² (up to 1,100 with its grey zone), 400 left (up to 500): the share
    lost is 60%, at least (1,000 - 500) / 1,000 and at most (1,100 - 400) / 1,100.
    """
    claim = _claim(holder=Holder.RU, kind=Kind.GAINED, measure=Measure.SHARE_OF_INITIAL, value=0.6)
    result = judge_claim(claim, TABLE, region_areas=AREAS)
    assert result.measured == pytest.approx(0.6)
    assert result.measured_low == pytest.approx(0.5)
    assert result.measured_high == pytest.approx(700 / 1100)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        pytest.param(
            # 2 and 3 March fall between the same two maps (1 and 11 March)
            _claim(kind=Kind.GAINED, value=50, since=date(2025, 3, 2), as_of=date(2025, 3, 3)),
            "fall on the same maps",
            id="gain-between-dates-on-the-same-maps",
        ),
        pytest.param(
            _claim(holder=Holder.RU, kind=Kind.GAINED, value=100, as_of=date(2024, 8, 20)),
            "no retreat",
            id="the-other-side-is-at-its-peak",
        ),
    ],
)
def test_gains_the_maps_cannot_show_are_unverifiable(claim: Claim, reason: str) -> None:
    result = judge_claim(claim, TABLE, region_areas=AREAS)
    assert result.verdict is VerdictKind.UNVERIFIABLE
    assert reason in result.reason


def test_a_peak_on_the_first_map_is_not_trusted() -> None:
    table = AreaTable.from_areas(
        [
            _row(date(2024, 8, 20), Holder.UA, ControlStatus.HELD, 1000.0),
            _row(date(2025, 3, 1), Holder.UA, ControlStatus.HELD, 400.0),
        ]
    )
    claim = _claim(holder=Holder.RU, kind=Kind.GAINED, value=600)
    result = judge_claim(claim, table, region_areas=AREAS)
    assert result.verdict is VerdictKind.UNVERIFIABLE
    assert "first map" in result.reason


def test_verify_with_an_empty_maps_folder_fails_naming_it(tmp_path: Path) -> None:
    from claimmap.errors import InputError

    empty = tmp_path / "maps"
    empty.mkdir()
    with pytest.raises(InputError, match="maps"):
        verify_paths(
            [DATA / "articles" / "seed.jsonl"],
            maps=empty,
            regions=DATA / "geo" / "admin.geojson",
        )


def test_analyze_with_an_empty_maps_folder_fails_naming_it_and_keeps_the_articles(
    tmp_path: Path,
) -> None:
    from typer.testing import CliRunner

    from claimmap.cli import app
    from claimmap.store import open_store

    empty = tmp_path / "maps"
    empty.mkdir()
    db = tmp_path / "c.db"
    result = CliRunner().invoke(
        app,
        ["analyze", str(DATA / "articles" / "seed.jsonl"), "--db", str(db), "--maps", str(empty)],
        env={"XDG_CACHE_HOME": str(tmp_path), "CLAIMMAP_DATA": str(DATA)},
    )
    assert result.exit_code == 1
    assert str(empty) in result.stderr
    with open_store(str(db), create=False) as store:
        assert store.counts().claims == 9
