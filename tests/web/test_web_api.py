"""The JSON API over HTTP, against ``claimmap serve`` in a subprocess (conftest.py).

Every expectation is read from the database through the library, or from the dev
set's gold claims, never written into the test.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from webdata import HELD_OUT, HTML_PAGE, TOKEN, Server, dev_records

from claimmap import extract_article
from claimmap.store import EXPORT_COLUMNS
from claimmap.submit import read_submission

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def all_pages(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    """Follow next_cursor from the first page to the last; return every item."""
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/claims", params=query).json()
        items.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """Check the one error shape: exactly {"error": {"code", "message", "detail"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["error"]
    assert sorted(body["error"]) == ["code", "detail", "message"]
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str)
    assert body["error"]["message"]
    return dict(body["error"])


def test_articles_list_every_stored_article_newest_first(
    client: httpx.Client, server: Server
) -> None:
    with server.store() as store:
        counts = store.counts()
    page = client.get("/api/articles", params={"limit": 5}).json()
    assert page["total"] == counts.articles
    assert len(page["items"]) == 5
    dates = [item["published"] for item in page["items"]]
    assert dates == sorted(dates, reverse=True)
    rest = client.get("/api/articles", params={"limit": 1000}).json()["items"]
    assert sum(item["claims"] for item in rest) == counts.claims


def test_article_has_its_text_and_claims_with_offsets_into_it(
    client: httpx.Client, server: Server
) -> None:
    record = next(r for r in dev_records() if r["id"] != HELD_OUT and r["claims"])
    article = client.get(f"/api/articles/{record['id']}").json()
    assert article["text"] == record["text"]
    assert len(article["claims"]) == len(record["claims"])
    for claim in article["claims"]:
        assert article["text"][claim["start"] : claim["end"]] == claim["quote"]
        assert claim["start"] <= claim["figure_start"] < claim["figure_end"] <= claim["end"]


def test_claim_records_carry_the_spec_field_names_verbatim(client: httpx.Client) -> None:
    item = client.get("/api/claims", params={"limit": 1}).json()["items"][0]
    assert list(item) == list(EXPORT_COLUMNS)
    schema = client.get("/api/openapi.json").json()
    assert list(schema["components"]["schemas"]["ClaimOut"]["properties"]) == list(EXPORT_COLUMNS)
    for path in ("/api/articles", "/api/claims", "/api/regions/{region}", "/api/conflicts"):
        assert path in schema["paths"]


def test_claims_filter_by_region_matches_the_store(client: httpx.Client, server: Server) -> None:
    with server.store() as store:
        expected = {s.id for s in store.load_claims(region="RU-KRS")}
    page = client.get("/api/claims", params={"region": "RU-KRS", "limit": 3}).json()
    assert page["total"] == len(expected)
    assert len(page["items"]) == 3
    assert {item["id"] for item in all_pages(client, region="RU-KRS", limit=3)} == expected


@pytest.mark.parametrize(
    ("param", "value", "field"),
    [
        ("holder", "UA", "holder"),
        ("claimant_side", "other", "claimant_side"),
        ("measure", "share_of_region", "measure"),
        ("verdict", "overstated", "verdict"),
    ],
)
def test_claims_filter_by_a_field_keeps_exactly_the_claims_with_that_value(
    client: httpx.Client, server: Server, param: str, value: str, field: str
) -> None:
    every = all_pages(client, limit=1000)
    expected = {c["id"] for c in every if c[field] == value}
    assert expected, f"the dev set has claims with {field} {value}"
    got = all_pages(client, **{param: value}, limit=7)
    assert {c["id"] for c in got} == expected
    assert client.get("/api/claims", params={param: value}).json()["total"] == len(expected)


def test_claims_filter_by_claimant_matches_the_name_as_stored(client: httpx.Client) -> None:
    every = all_pages(client, limit=1000)
    expected = {c["id"] for c in every if c["claimant"] == "Oleksandr Syrskyi"}
    assert expected
    assert {c["id"] for c in all_pages(client, claimant="Oleksandr Syrskyi")} == expected
    assert all_pages(client, claimant="syrskyi") == []


def test_claims_filter_by_date_range_is_inclusive_and_leaves_out_undated_claims(
    client: httpx.Client,
) -> None:
    every = all_pages(client, limit=1000)
    # Bounds that are claims' own dates, so inclusiveness is tested at both ends.
    days = sorted({date.fromisoformat(c["as_of"]) for c in every if c["as_of"]})
    start, end = days[len(days) // 4], days[3 * len(days) // 4]
    expected = {
        c["id"] for c in every if c["as_of"] and start <= date.fromisoformat(c["as_of"]) <= end
    }
    got = all_pages(client, **{"from": start.isoformat(), "to": end.isoformat()})
    assert {c["id"] for c in got} == expected
    assert any(c["as_of"] == start.isoformat() for c in got)
    assert any(c["as_of"] == end.isoformat() for c in got)


def test_claims_come_newest_first_and_cursor_and_offset_pages_agree(
    client: httpx.Client, server: Server
) -> None:
    with server.store() as store:
        total = store.counts().claims
    by_cursor = all_pages(client, limit=9)
    ids = [c["id"] for c in by_cursor]
    assert len(ids) == total == len(set(ids))
    dated = [c["as_of"] for c in by_cursor if c["as_of"]]
    assert dated == sorted(dated, reverse=True)
    undated_after = [c["as_of"] for c in by_cursor[len(dated) :]]
    assert all(d is None for d in undated_after)
    by_offset = [
        c["id"]
        for offset in range(0, total, 9)
        for c in client.get("/api/claims", params={"limit": 9, "offset": offset}).json()["items"]
    ]
    assert by_offset == ids


def test_region_timeline_has_its_dated_claims_and_its_measured_areas(
    client: httpx.Client, server: Server
) -> None:
    with server.store() as store:
        claims = [s for s in store.load_claims(region="RU-KRS") if s.claim.as_of]
        measured = store.load_measured_areas(region="RU-KRS")
    timeline = client.get("/api/regions/RU-KRS").json()
    assert {c["id"] for c in timeline["claimed"]} == {s.id for s in claims}
    assert timeline["claimed_total"] == len(claims)
    days = [c["as_of"] for c in timeline["claimed"]]
    assert days == sorted(days)
    latest = client.get("/api/regions/RU-KRS", params={"limit": 2}).json()
    assert latest["claimed_total"] == len(claims)
    assert [c["as_of"] for c in latest["claimed"]] == days[-2:]
    assert len(timeline["measured"]) == len(measured)
    for point in timeline["claimed"]:
        if point["measure"] == "area_km2":
            assert point["area_km2"] == point["value"]
        elif point["measure"] == "share_of_region":
            assert point["area_km2"] == pytest.approx(point["value"] * timeline["region_km2"])
    regions = {r["region"]: r for r in client.get("/api/regions").json()}
    assert regions["RU-KRS"]["claims"] == len(list(all_pages(client, region="RU-KRS", limit=1000)))


def test_region_timeline_body_is_byte_for_byte_what_its_schema_writes(
    client: httpx.Client,
) -> None:
    """The timeline is written by orjson from the store's records, not by its model.

    A field of the records that the schema lacks, or one written differently (a date,
    a float, an enum), would make pydantic's rendering of the same body differ.
    """
    from claimmap.web.schemas import RegionTimelineOut

    for params in ({}, {"limit": 2}, {"start": "2024-08-01", "end": "2024-12-31"}):
        response = client.get("/api/regions/RU-KRS", params=params)
        assert response.headers["content-type"] == "application/json"
        body = response.content
        timeline = RegionTimelineOut.model_validate_json(body)
        assert timeline.claimed
        assert timeline.measured
        assert timeline.model_dump_json().encode() == body
    schema = client.get("/api/openapi.json").json()
    ok = schema["paths"]["/api/regions/{region}"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/RegionTimelineOut")


def test_region_timeline_shows_areas_measured_again_by_another_process(server: Server) -> None:
    """The workers keep a region's measured areas between requests; areas written by
    another process (this test's, through the library) show in the next timeline from
    every worker (a new connection each, so both workers answer)."""
    from dataclasses import replace

    with server.store() as store:
        before = store.load_measured_areas(region="RU-KRS")
    last = max(m.date for m in before)
    latest = [m for m in before if m.date == last]
    total = next(m.area_km2 for m in latest if m.status == "total")

    def region_km2() -> set[float]:
        url = f"{server.url}/api/regions/RU-KRS"
        return {httpx.get(url).json()["region_km2"] for _ in range(8)}

    assert region_km2() == {total}
    try:
        with server.store() as store:
            store.save_measured_areas(
                replace(m, area_km2=total + 1.0) if m.status == "total" else m for m in latest
            )
        assert region_km2() == {total + 1.0}
    finally:
        with server.store() as store:
            store.save_measured_areas(latest)
    assert region_km2() == {total}


def test_claims_page_body_is_byte_for_byte_what_its_schema_writes(
    client: httpx.Client,
) -> None:
    """A page of claims is written by orjson from the store's records, not by its model.

    A field the schema lacks, or one written differently (a date, a whole-number
    value, an enum), would make pydantic's rendering of the same body differ, or the
    claim differ from the one the single-claim route gives through the model.
    """
    from claimmap.web.schemas import ClaimPageOut

    pages = [{}, {"verdict": "overstated"}, {"measure": "share_of_region", "limit": 3}]
    first = client.get("/api/claims", params={"limit": 2}).json()
    pages.append({"limit": 2, "cursor": first["next_cursor"]})
    for params in pages:
        response = client.get("/api/claims", params=params)
        assert response.headers["content-type"] == "application/json"
        body = response.content
        page = ClaimPageOut.model_validate_json(body)
        assert page.items
        assert page.model_dump_json().encode() == body
        for item in response.json()["items"][:3]:
            one = client.get(f"/api/claims/{item['id'].replace('#', '%23')}").json()
            assert one == item
    schema = client.get("/api/openapi.json").json()
    ok = schema["paths"]["/api/claims"]["get"]["responses"]["200"]
    assert ok["content"]["application/json"]["schema"]["$ref"].endswith("/ClaimPageOut")


def test_region_map_is_geojson_of_the_outline_and_the_control_of_the_last_map_before(
    client: httpx.Client,
) -> None:
    geo = client.get("/api/regions/RU-KRS/map", params={"date": "2024-09-01"}).json()
    assert geo["type"] == "FeatureCollection"
    assert geo["date"] <= "2024-09-01"
    kinds = [(f["properties"]["kind"], f["properties"].get("holder")) for f in geo["features"]]
    assert ("region", None) in kinds
    assert ("control", "UA") in kinds, "Ukraine held ground in Kursk in September 2024"


def test_derived_figures_and_conflicts_are_those_stored(
    client: httpx.Client, server: Server
) -> None:
    with server.store() as store:
        derived = store.load_derived()
        conflicts = store.load_conflicts()
    assert [d["id"] for d in client.get("/api/derived").json()] == [d.id for d in derived]
    got = client.get("/api/conflicts").json()
    assert [x["id"] for x in got] == [x.id for x in conflicts]
    for x, stored in zip(got, conflicts, strict=True):
        assert [c["id"] for c in x["claims"]] == list(stored.claims)


def test_post_needs_the_bearer_token(client: httpx.Client) -> None:
    body = {"text": "Russia controls about 20% of Ukraine.", "published": "2025-01-01"}
    missing = client.post("/api/articles", json=body)
    assert_error(missing, 401, "unauthorized")
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = client.post("/api/articles", json=body, headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 401, "unauthorized")
    basic = client.post("/api/articles", json=body, headers={"Authorization": f"Basic {TOKEN}"})
    assert_error(basic, 401, "unauthorized")


def test_post_text_extracts_checks_verifies_and_stores_the_article(
    client: httpx.Client, server: Server
) -> None:
    record = next(r for r in dev_records() if r["id"] == HELD_OUT)
    body = {
        "id": record["id"],
        "text": record["text"],
        "published": record["published"],
        "source": record["source"],
    }
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    done = response.json()
    assert done["outcome"] == "stored"
    assert done["verified"] is True
    article = read_submission(
        text=record["text"], id=record["id"], published=date.fromisoformat(record["published"])
    )
    assert not hasattr(article, "code")
    expected = extract_article(article).claims  # type: ignore[arg-type]
    assert [c["quote"] for c in done["claims"]] == [c.quote for c in expected]
    assert [c["value"] for c in done["claims"]] == [c.value for c in expected]
    assert all(c["verdict"] is not None for c in done["claims"]), "every claim is judged"
    dated_area = [c for c in done["claims"] if c["as_of"] and c["measure"] == "area_km2"]
    assert dated_area
    # the holding is measured; a gain within one day falls on the same maps and is
    # unverifiable with its reason
    assert any(c["measured"] is not None for c in dated_area)
    stored = client.get(f"/api/articles/{record['id']}").json()
    assert [c["id"] for c in stored["claims"]] == [c["id"] for c in done["claims"]]
    with server.store() as store:
        assert store.counts().conflicts == done["conflicts"]
    again = client.post("/api/articles", json=body, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["outcome"] == "unchanged"


def test_post_html_reads_the_page_like_the_ingest_stage(client: httpx.Client) -> None:
    page = HTML_PAGE.read_text(encoding="utf-8")
    response = client.post("/api/articles", json={"html": page, "id": "posted-page"}, headers=AUTH)
    assert response.status_code in {200, 201}, response.text
    done = response.json()
    assert done["claims"], "the page carries claims"
    article = client.get(f"/api/articles/{done['article']}").json()
    assert "<p>" not in article["text"]
    assert article["published"] is not None


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("get", "/api/articles/no-such-article", {}, 404, "not-found"),
        ("get", "/api/claims/no-such%23claim", {}, 404, "not-found"),
        ("get", "/api/regions/XX-NONE", {}, 404, "not-found"),
        ("get", "/api/no-such-endpoint", {}, 404, "not-found"),
        ("get", "/api/claims", {"params": {"limit": 0}}, 422, "invalid-request"),
        ("get", "/api/claims", {"params": {"holder": "XX"}}, 422, "invalid-request"),
        ("get", "/api/claims", {"params": {"from": "yesterday"}}, 422, "invalid-request"),
        ("get", "/api/claims", {"params": {"cursor": "not-a-cursor"}}, 400, "bad-request"),
        ("get", "/api/claims", {"params": {"verdict": "wrong"}}, 400, "bad-request"),
        ("get", "/api/regions/RU-KRS/map", {}, 422, "invalid-request"),
        ("delete", "/api/articles", {}, 405, "method-not-allowed"),
        ("post", "/api/articles", {"json": {"text": "a", "html": "b"}}, 422, "input-invalid"),
        ("post", "/api/articles", {"json": {"text": "a", "color": "b"}}, 422, "invalid-request"),
        ("post", "/api/articles", {"content": b"{not json"}, 422, "invalid-request"),
        ("post", "/api/articles", {"json": {"text": "   "}}, 422, "input-invalid"),
    ],
)
def test_every_error_has_the_one_json_shape(
    client: httpx.Client,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    code: str,
) -> None:
    headers = {**AUTH, "Content-Type": "application/json"} if method == "post" else {}
    response = client.request(method.upper(), path, headers=headers, **kwargs)
    assert_error(response, status, code)


def test_validation_errors_say_where_in_detail(client: httpx.Client) -> None:
    error = assert_error(client.get("/api/claims", params={"limit": 0}), 422, "invalid-request")
    assert error["detail"][0]["loc"] == ["query", "limit"]
    assert "query.limit" in error["message"]
