"""The API's reads of the store (claimmap.store.queries), on SQLite and on PostgreSQL.

The two databases order NULLs differently and only SQLite takes the planner hints, so
the page order, the cursors and the counts are pinned on both.
"""

from __future__ import annotations

import pytest
from store_helpers import dev_extractions

from claimmap.errors import ConfigError
from claimmap.store import VerdictRecord, open_store
from claimmap.store.queries import (
    ClaimFilter,
    query_claim_records,
    query_claims,
    region_timeline,
    region_timeline_records,
)


def _walk(store, wanted: ClaimFilter, *, limit: int) -> list[str]:  # type: ignore[no-untyped-def]
    ids: list[str] = []
    cursor = None
    while True:
        page = query_claims(store, wanted, limit=limit, cursor=cursor)
        ids.extend(view.id for view in page.items)
        cursor = page.next_cursor
        if cursor is None:
            return ids


def test_pages_are_newest_first_undated_last_and_cursor_pages_equal_offset_pages(
    db_url: str,
) -> None:
    with open_store(db_url) as store:
        for extraction in dev_extractions():
            store.save_extraction(extraction)
        every = store.load_claims()
        page = query_claims(store, limit=1000)
        got = [view.id for view in page.items]
        assert page.total == len(every)
        # Newest as_of first; ties by id, last first; undated last.
        days = [v.claim.as_of for v in page.items if v.claim.as_of]
        assert days == sorted(days, reverse=True)
        assert all(v.claim.as_of is None for v in page.items[len(days) :])
        assert set(got) == {s.id for s in every}
        same_day = [
            (a.id, b.id)
            for a, b in zip(page.items, page.items[1:], strict=False)
            if a.claim.as_of == b.claim.as_of
        ]
        assert all(first > second for first, second in same_day)
        for limit in (1, 7, 50):
            assert _walk(store, ClaimFilter(), limit=limit) == got
        offsets = [
            view.id
            for at in range(0, len(got), 7)
            for view in query_claims(store, limit=7, offset=at).items
        ]
        assert offsets == got


def test_filters_and_their_counts_agree_with_the_claims_themselves(db_url: str) -> None:
    with open_store(db_url) as store:
        for extraction in dev_extractions():
            store.save_extraction(extraction)
        every = store.load_claims()
        judged = [s.id for s in every[::3]]
        store.save_verdicts(VerdictRecord(claim=id, verdict="overstated") for id in judged)
        syrskyi = "Oleksandr Syrskyi"
        cases = [
            (
                ClaimFilter(region="RU-KRS", holder="UA"),
                lambda c: c.region == "RU-KRS" and c.holder == "UA",
            ),
            (
                ClaimFilter(claimant_side="other", measure="area_km2"),
                lambda c: c.claimant_side == "other" and c.measure == "area_km2",
            ),
            (ClaimFilter(claimant=syrskyi), lambda c: c.claimant == syrskyi),
        ]
        for wanted, keep in cases:
            expected = {s.id for s in every if keep(s.claim)}
            assert expected, wanted
            assert query_claims(store, wanted, limit=3).total == len(expected)
            assert set(_walk(store, wanted, limit=3)) == expected
        verdict = ClaimFilter(verdict="overstated")
        assert query_claims(store, verdict).total == len(judged)
        walked = _walk(store, verdict, limit=4)
        assert set(walked) == set(judged)
        # Offset pages of a verdict alone come from the verdicts' own index, in the
        # same order as cursor pages and as the claims with that verdict of all pages.
        offsets = [
            view.id
            for at in range(0, len(judged), 4)
            for view in query_claims(store, verdict, limit=4, offset=at).items
        ]
        assert offsets == walked
        every_page = [view.id for view in query_claims(store, limit=1000).items]
        assert walked == [id for id in every_page if id in set(judged)]
        both = ClaimFilter(verdict="overstated", region="RU-KRS")
        expected = {s.id for s in every if s.id in set(judged) and s.claim.region == "RU-KRS"}
        assert query_claims(store, both).total == len(expected)
        timeline = region_timeline(store, "RU-KRS", limit=3)
        dated = sorted(
            (s for s in every if s.claim.region == "RU-KRS" and s.claim.as_of),
            key=lambda s: (s.claim.as_of, s.id),
        )
        assert timeline.claimed_total == len(dated)
        assert [p.as_of for p in timeline.claimed] == [s.claim.as_of for s in dated[-3:]]


def test_flat_records_hold_what_the_typed_results_hold_as_json_writes_them(
    db_url: str,
) -> None:
    """The records the API writes: ISO dates (PostgreSQL's to_char), the enums' strings,
    float values, and a share of the region in km² worked out in the query."""
    from datetime import date

    from claimmap.store import MeasuredAreaRecord

    with open_store(db_url) as store:
        for extraction in dev_extractions():
            store.save_extraction(extraction)
        every = store.load_claims()
        store.save_verdicts(
            VerdictRecord(claim=s.id, verdict="overstated", measured=12.5, ratio=1.25)
            for s in every[::3]
        )
        store.save_measured_areas(
            MeasuredAreaRecord(
                date=day, region="UA-14", holder=holder, status=status, area_km2=area,
                snapshot="abc", source="map.geojson",
            )
            for day in (date(2024, 1, 5), date(2024, 6, 5))
            for holder, status, area in ((None, "total", 26517.5), ("RU", "occupied", 9000.25))
        )  # fmt: skip
        for wanted in (ClaimFilter(), ClaimFilter(verdict="overstated"), ClaimFilter(region="UA")):
            cursor = None
            for _ in range(3):
                typed = query_claims(store, wanted, limit=7, cursor=cursor)
                flat = query_claim_records(store, wanted, limit=7, cursor=cursor)
                assert flat.items == [view.to_record() for view in typed.items]
                assert all(isinstance(item["value"], float) for item in flat.items)
                assert (flat.total, flat.next_cursor) == (typed.total, typed.next_cursor)
                cursor = typed.next_cursor
        timeline = region_timeline(store, "UA-14")
        flat_timeline = region_timeline_records(store, "UA-14")
        assert flat_timeline.region_km2 == timeline.region_km2 == 26517.5
        assert flat_timeline.claimed_total == timeline.claimed_total
        for record, point in zip(flat_timeline.claimed, timeline.claimed, strict=True):
            assert record["as_of"] == point.as_of.isoformat()
            assert record == {
                name: value.isoformat() if isinstance(value, date) else value
                for name, value in ((n, getattr(point, n)) for n in record)
            }
            # no date objects, no enum members: the types JSON takes as they are
            assert all(type(v) in {str, float, int, type(None)} for v in record.values())
        shares = [p for p in flat_timeline.claimed if p["measure"] == "share_of_region"]
        assert shares, "the dev set has shares of UA-14"
        for point in shares:
            assert point["area_km2"] == point["value"] * 26517.5
        assert flat_timeline.measured == [
            {
                "date": m.date.isoformat(),
                "region": m.region,
                "holder": m.holder,
                "status": m.status,
                "area_km2": m.area_km2,
                "derived": m.derived,
                "source": m.source,
            }
            for m in timeline.measured
        ]
        assert [m.snapshot for m in timeline.measured] == ["abc"] * 4


def test_a_timeline_shows_areas_another_store_measured_again_since_it_last_read_them(
    db_url: str,
) -> None:
    """Each store (each server worker) keeps a region's measured areas between reads;
    a write through any other store shows in its next read, also one that leaves the
    number of rows as it was."""
    from datetime import date

    from claimmap.store import MeasuredAreaRecord

    def areas(total: float, source: str) -> list[MeasuredAreaRecord]:
        return [
            MeasuredAreaRecord(
                date=date(2024, 9, 10), region="RU-KRS", holder=holder, status=status,
                area_km2=area, source=source,
            )
            for holder, status, area in ((None, "total", total), ("UA", "occupied", 6.0))
        ]  # fmt: skip

    with open_store(db_url) as reader, open_store(db_url) as writer:
        writer.save_measured_areas(areas(110.0, "first.geojson"))
        first = region_timeline(reader, "RU-KRS")
        assert first.region_km2 == 110.0
        assert region_timeline(reader, "RU-KRS") == first
        writer.save_measured_areas(areas(120.0, "second.geojson"))
        second = region_timeline(reader, "RU-KRS")
        assert second.region_km2 == 120.0
        assert [m.source for m in second.measured] == ["second.geojson"] * 2
        # The same rows again but their source: as many rows, another map.
        writer.save_measured_areas(areas(120.0, "third.geojson"))
        third = region_timeline_records(reader, "RU-KRS")
        assert [m["source"] for m in third.measured] == ["third.geojson"] * 2
        # And a write through the reader itself.
        reader.save_measured_areas(areas(130.0, "fourth.geojson"))
        assert region_timeline(reader, "RU-KRS").region_km2 == 130.0
        assert region_timeline(writer, "RU-KRS").region_km2 == 130.0


@pytest.mark.parametrize("cursor", ["nonsense", "W10", "WyIyMDI1LTEzLTAxIiwgImEiXQ"])
def test_a_cursor_not_made_by_the_api_is_a_config_error(tmp_path, cursor: str) -> None:  # type: ignore[no-untyped-def]
    with open_store(tmp_path / "x.db") as store, pytest.raises(ConfigError, match="cursor"):
        query_claims(store, cursor=cursor)


def test_a_timeline_gives_the_region_area_of_the_latest_map_whatever_its_dates(
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    """region_km2 is the latest map's total, also when start/end leave that map out."""
    from datetime import date

    from claimmap.store import MeasuredAreaRecord

    def row(day: date, status: str, area: float) -> MeasuredAreaRecord:
        holder = "RU" if status == "occupied" else None
        return MeasuredAreaRecord(
            date=day, region="RU-KRS", holder=holder, status=status, area_km2=area
        )

    with open_store(tmp_path / "x.db") as store:
        store.save_measured_areas(
            [
                row(date(2024, 8, 10), "total", 100.0),
                row(date(2024, 8, 10), "occupied", 5.0),
                row(date(2024, 9, 10), "total", 110.0),
                row(date(2024, 9, 10), "occupied", 6.0),
                # The last map has no total row: the one before stands.
                row(date(2024, 10, 10), "occupied", 7.0),
            ]
        )
        assert region_timeline(store, "RU-KRS").region_km2 == 110.0
        assert region_timeline(store, "RU-KRS", end=date(2024, 8, 31)).region_km2 == 110.0
        late = region_timeline(store, "RU-KRS", start=date(2024, 10, 1))
        assert [m.area_km2 for m in late.measured] == [7.0]
        assert late.region_km2 == 110.0
        assert region_timeline(store, "RU-KRS", start=date(2025, 1, 1)).region_km2 == 110.0
