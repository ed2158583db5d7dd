"""The dashboard in a real browser: headless Chromium (Debian's) driven by Playwright.

Each page is loaded from ``claimmap serve`` (conftest.py); what it shows is checked
against the API's answers; no page may reach any other host (no CDN).
"""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect
from webdata import TOKEN

CREDITS = ("DeepStateMap", "OCHA", "OpenStreetMap contributors")


def assert_local_only(refused: list[str]) -> None:
    assert refused == [], f"the page tried to load from elsewhere: {refused}"


def test_overview_shows_each_region_with_claims_and_credits_the_maps(
    page: tuple[Page, list[str]], client: httpx.Client
) -> None:
    tab, refused = page
    tab.goto("/")
    regions = {r["region"] for r in client.get("/api/regions").json() if r["claims"]}
    shown = set(
        tab.locator("tr[data-region]").evaluate_all("rows => rows.map(r => r.dataset.region)")
    )
    assert shown == regions
    footer = tab.locator("footer").inner_text()
    for credit in CREDITS:
        assert credit in footer
    assert_local_only(refused)


def test_claims_filter_form_shows_only_the_matching_claims(
    page: tuple[Page, list[str]], client: httpx.Client
) -> None:
    tab, refused = page
    tab.goto("/claims")
    tab.select_option("select[name=region]", "RU-KRS")
    tab.select_option("select[name=holder]", "UA")
    tab.click("button[type=submit]")
    tab.wait_for_url("**/claims?*")
    expected = client.get("/api/claims", params={"region": "RU-KRS", "holder": "UA"}).json()
    assert expected["total"] > 0
    expect(tab.locator("#total")).to_have_text(str(expected["total"]))
    shown = tab.locator("tr.claim").evaluate_all("rows => rows.map(r => r.dataset.id)")
    assert shown == [c["id"] for c in expected["items"]]
    assert tab.locator("select[name=region]").input_value() == "RU-KRS"
    assert_local_only(refused)


def test_a_claim_opens_its_article_with_the_quote_and_figure_highlighted(
    page: tuple[Page, list[str]], client: httpx.Client
) -> None:
    tab, refused = page
    claim = client.get("/api/claims", params={"region": "RU-KRS", "limit": 1}).json()["items"][0]
    tab.goto("/claims?region=RU-KRS&limit=1")
    tab.click(f"tr.claim[data-id='{claim['id']}'] td.quote a")
    tab.wait_for_url("**/articles/**")
    current = tab.locator("mark.quote.current")
    assert "".join(current.all_inner_texts()) == claim["quote"]
    article = client.get(f"/api/articles/{claim['article']}").json()
    figure = article["text"][claim["figure_start"] : claim["figure_end"]]
    assert figure in tab.locator("mark.quote.current strong.figure").all_inner_texts()
    assert_local_only(refused)


def test_region_page_draws_the_timeline_and_the_map_of_a_chosen_date(
    page: tuple[Page, list[str]], client: httpx.Client
) -> None:
    tab, refused = page
    tab.goto("/regions/RU-KRS")
    expect(tab.locator("#timeline .scatterlayer .trace").first).to_be_attached()
    timeline = client.get("/api/regions/RU-KRS").json()
    names = tab.evaluate("() => document.getElementById('timeline').data.map(t => t.name)")
    assert "measured: UA holds" in names
    plotted = [c for c in timeline["claimed"] if c["kind"] == "holds" and c["area_km2"] is not None]
    sides = {c["claimant_side"] for c in plotted}
    assert {f"claimed by {side}" for side in sides} <= set(names)
    tab.fill("input[name=date]", "2024-09-01")
    tab.click("form.filters button")
    tab.wait_for_url("**date=2024-09-01")
    shown = tab.locator("#map-date").inner_text()
    geo = client.get("/api/regions/RU-KRS/map", params={"date": "2024-09-01"}).json()
    assert shown == geo["date"]
    map_names = tab.evaluate("() => document.getElementById('map').data.map(t => t.name)")
    assert "RU-KRS" in map_names
    assert "UA held" in map_names
    assert_local_only(refused)


def test_conflicts_page_lists_every_conflict_with_its_claims(
    page: tuple[Page, list[str]], client: httpx.Client
) -> None:
    tab, refused = page
    tab.goto("/conflicts")
    conflicts = client.get("/api/conflicts").json()
    assert conflicts, "the dev set's claims hold contradictions"
    sections = tab.locator("section.conflict")
    expect(sections).to_have_count(len(conflicts))
    first = sections.first
    assert first.locator("li").count() == len(conflicts[0]["claims"])
    assert_local_only(refused)


def test_script_in_an_article_is_shown_as_text_and_never_run(
    page: tuple[Page, list[str]], client: httpx.Client
) -> None:
    tab, refused = page
    hostile = (
        "Kursk update\n\n"
        "<script>window.__pwned = true; alert('x')</script> "
        '<img src=x onerror="window.__pwned = true"> '
        "Ukraine's forces control about 1,000 square kilometres of Russia's Kursk region, "
        "Oleksandr Syrskyi said."
    )
    response = client.post(
        "/api/articles",
        json={"text": hostile, "id": "hostile-script", "published": "2024-08-13"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code in {200, 201}, response.text
    dialogs: list[str] = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.goto("/articles/hostile-script")
    text = tab.locator("#article-text").inner_text()
    assert "<script>window.__pwned = true; alert('x')</script>" in text
    assert '<img src=x onerror="window.__pwned = true">' in text
    assert tab.evaluate("() => window.__pwned") is None
    assert tab.locator("#article-text script, #article-text img").count() == 0
    assert dialogs == []
    assert_local_only(refused)
