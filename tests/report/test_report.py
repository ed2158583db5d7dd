"""The HTML report: self-contained, escaped, and showing what the store holds."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from claimmap.analyze import analyze_paths
from claimmap.model import Article, Claim, Extraction, Holder, Kind, Measure, Qualifier, Side
from claimmap.report import CREDITS, render_report, write_report
from claimmap.report.build import anchor, split_quote
from claimmap.store import MeasuredAreaRecord, Store, VerdictRecord, open_store


def _tree(page: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(page)


def _charts(page: str) -> dict[str, list[dict[str, object]]]:
    """Return each chart's traces, read back from its Plotly.newPlot call."""
    calls = re.findall(r'Plotly\.newPlot\("([^"]+)", (\[.*?\]), \{', page)
    return {chart: json.loads(data) for chart, data in calls}


def test_the_report_fetches_nothing_scripts_and_styles_are_inside_it(page: str) -> None:
    tree = _tree(page)
    assert tree.xpath("//script[@src]") == []
    assert tree.xpath("//link") == []
    assert tree.xpath("//img | //iframe | //object | //embed") == []
    styles = " ".join(tree.xpath("//style/text()"))
    assert "@import" not in styles
    assert "url(" not in styles
    # Links a reader may follow are anchors in the page or the articles' own web pages.
    for href in tree.xpath("//a/@href"):
        assert href.startswith(("#", "https://", "http://")), href
    # plotly.js itself is in the page, so the charts draw offline.
    scripts = tree.xpath("//script/text()")
    assert any("plotly" in script.lower() and len(script) > 1_000_000 for script in scripts)
    assert _charts(page)


def test_the_report_shows_every_claim_with_its_figure_marked(analyzed: Store, page: str) -> None:
    tree = _tree(page)
    stored = analyzed.load_claims()
    assert len(stored) >= 10
    for item in stored:
        rows = tree.xpath(f'//tr[@id="{anchor(item.id, prefix="claim")}"]')
        assert len(rows) == 1, item.id
        marks = rows[0].xpath(".//mark/text()")
        _, figure, _ = split_quote(item.claim)
        assert figure
        assert marks == [figure]
        quote = rows[0].xpath('string(.//span[@class="quote"])')
        assert quote == item.claim.quote


def test_the_report_shows_each_conflict_with_its_claims_and_explanation(
    analyzed: Store, page: str
) -> None:
    tree = _tree(page)
    conflicts = analyzed.load_conflicts()
    assert conflicts
    # AFP's 713 km² seized in July and its 634 km² net gain, read as the same quantity.
    afp = {"lowland-courier-afp-july-713-20250802#1", "lowland-courier-afp-july-713-20250802#3"}
    assert afp in [set(c.claims) for c in conflicts]
    for conflict in conflicts:
        card = tree.xpath(f'//div[@id="{anchor(conflict.id, prefix="conflict")}"]')[0]
        links = card.xpath('.//a[@class="ref"]/@href')
        assert sorted(links) == sorted(f"#{anchor(c, prefix='claim')}" for c in conflict.claims)
        text = " ".join(card.text_content().split())
        # The explanation's prose (the lines after the list of claims) is shown in full.
        prose = [line for line in conflict.explanation.splitlines()[1:] if line[:1] != " "]
        assert prose
        for line in prose:
            assert " ".join(line.split()) in text


def test_the_report_shows_derived_figures_with_their_chains(analyzed: Store, page: str) -> None:
    tree = _tree(page)
    derived = analyzed.load_derived()
    assert derived
    for figure in derived:
        card = tree.xpath(f'//div[@id="{anchor(figure.id, prefix="derived")}"]')[0]
        assert figure.formula in card.text_content()
        links = card.xpath('.//a[@class="ref"]/@href')
        assert links == [f"#{anchor(step.claim, prefix='claim')}" for step in figure.steps]


def test_the_report_credits_the_map_makers(page: str) -> None:
    footer = _tree(page).xpath("//footer")[0].text_content()
    for name in ("DeepStateMap", "OCHA", "OpenStreetMap contributors"):
        assert name in footer
    assert all(line in footer for line in CREDITS)


def _store_with(tmp_path: Path, *extractions: Extraction) -> Store:
    store = open_store(tmp_path / "claimmap.db")
    for extraction in extractions:
        store.save_extraction(extraction)
    return store


def test_a_script_tag_in_an_article_is_shown_as_text_never_run(tmp_path: Path) -> None:
    record = {
        "id": "hostile-page",
        "title": "Kursk <script>alert('title')</script>",
        "source": "<b>Bold Outlet</b>",
        "url": "javascript:alert('url')",
        "published": "2025-02-20",
        "text": "Kursk update\n\nUkrainian troops hold about 450 square kilometres of Russia's "
        "Kursk region <script>alert('quote')</script>, Oleksandr Syrskyi said on Monday.",
    }
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_store(tmp_path / "claimmap.db") as store:
        summary = analyze_paths([path], store=store)
        assert summary.claims == 1
        page = render_report(store)
    tree = _tree(page)
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page
    # The reader sees the tag as the article's text, in the quote and the title.
    quote = tree.xpath('string(//tr[@id="claim-hostile-page-1"]//span[@class="quote"])')
    assert "<script>alert('quote')</script>" in quote
    assert tree.xpath("//b[text()='Bold Outlet']") == []
    assert "<b>Bold Outlet</b>" in tree.text_content()
    assert "javascript:" not in " ".join(tree.xpath("//a/@href"))
    # Every script in the page is the report's own: plotly.js and the chart calls.
    for script in tree.xpath("//script/text()"):
        assert "alert(" not in script


def test_a_closing_script_tag_in_chart_labels_cannot_end_the_script(tmp_path: Path) -> None:
    text = "Ukrainian troops hold about 450 square kilometres of Russia's Kursk region."
    article = Article(id="a", text=text, published=date(2025, 2, 20), content_hash="h1")
    claim = Claim(
        quote=text,
        claimant="</script><script>alert('name')</script>",
        claimant_side=Side.UA,
        holder=Holder.UA,
        kind=Kind.HOLDS,
        region="RU-KRS",
        measure=Measure.AREA_KM2,
        value=450,
        qualifier=Qualifier.ABOUT,
        as_of=date(2025, 2, 17),
        since=None,
        article="a",
        start=0,
        end=len(text),
        figure_start=27,
        figure_end=48,
    )
    with _store_with(tmp_path, Extraction(article=article, claims=(claim,))) as store:
        page = render_report(store)
    assert "</script><script>alert" not in page
    (traces,) = _charts(page).values()
    assert "</script><script>alert('name')</script>" in traces[0]["text"][0]


def test_measured_areas_and_verdicts_appear_in_the_chart_and_the_table(tmp_path: Path) -> None:
    text = "Ukrainian troops hold about 450 square kilometres of Russia's Kursk region."
    article = Article(id="a", text=text, published=date(2025, 2, 20), content_hash="h1")
    claim = Claim(
        quote=text,
        claimant="Oleksandr Syrskyi",
        claimant_side=Side.UA,
        holder=Holder.UA,
        kind=Kind.HOLDS,
        region="RU-KRS",
        measure=Measure.AREA_KM2,
        value=450,
        qualifier=Qualifier.ABOUT,
        as_of=date(2025, 2, 17),
        since=None,
        article="a",
        start=0,
        end=len(text),
        figure_start=27,
        figure_end=48,
    )
    later = replace(claim, value=520, as_of=date(2025, 2, 24))
    with _store_with(tmp_path, Extraction(article=article, claims=(claim, later))) as store:
        store.save_measured_areas(
            MeasuredAreaRecord(
                date=day,
                region="RU-KRS",
                holder=holder,
                status=status,
                area_km2=area,
                source="DeepStateMap",
            )
            for day, holder, status, area in [
                (date(2025, 2, 15), Holder.UA, "held", 410.0),
                (date(2025, 2, 15), None, "contested", 60.0),
                (date(2025, 2, 22), Holder.UA, "held", 395.5),
            ]
        )
        store.save_verdicts(
            [
                VerdictRecord(
                    claim="a#1",
                    verdict="consistent",
                    measured=402.0,
                    low=395.0,
                    high=470.0,
                    ratio=1.12,
                ),
                VerdictRecord(claim="a#2", verdict="overstated", measured=395.5, ratio=1.31),
            ]
        )
        page = render_report(store)
    (traces,) = _charts(page).values()
    measured = [t for t in traces if str(t.get("name", "")).startswith("measured")]
    assert len(measured) == 1
    assert measured[0]["x"] == ["2025-02-15", "2025-02-22"]
    assert measured[0]["y"] == [410.0, 395.5]
    # The band above the measured line reaches the grey zone's edge.
    assert traces[0]["y"] == [470.0, 395.5]
    claimed = next(t for t in traces if t.get("name") == "Ukrainian sources")
    assert claimed["y"] == [450, 520]
    tree = _tree(page)
    first = " ".join(tree.xpath('//tr[@id="claim-a-1"]')[0].text_content().split())
    assert "consistent" in first
    assert "measured 402 km²" in first
    assert "maps allow 395 km² – 470 km²" in first
    assert "claimed / measured 1.12×" in first
    second = " ".join(tree.xpath('//tr[@id="claim-a-2"]')[0].text_content().split())
    assert "overstated" in second
    assert "claimed / measured 1.31×" in second
    note = " ".join(tree.xpath('//p[@class="note"]')[0].text_content().split())
    assert "measured on the control maps (2 snapshots, DeepStateMap)" in note
    summary = " ".join(tree.xpath('//ul[@class="stats"]')[0].text_content().split())
    assert "2verdicts: 1 consistent, 1 overstated" in summary


def test_write_report_replaces_the_file_whole(analyzed: Store, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("an older report", encoding="utf-8")
    assert write_report(analyzed, out=out) == out
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_an_empty_store_gives_a_report_without_charts(tmp_path: Path) -> None:
    with open_store(tmp_path / "claimmap.db") as store:
        page = render_report(store)
    tree = _tree(page)
    assert tree.xpath("//script") == []
    assert "No conflicts found." in page
    assert "No derived figures." in page


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd"])
def test_only_web_addresses_of_articles_become_links(bad: str, tmp_path: Path) -> None:
    record = {
        "id": "x",
        "url": bad,
        "published": "2025-02-20",
        "text": "Ukrainian troops hold about 450 square kilometres of Russia's Kursk region.",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with open_store(tmp_path / "claimmap.db") as store:
        analyze_paths([path], store=store)
        page = render_report(store)
    assert _tree(page).xpath("//a[@href and not(starts-with(@href, '#'))]") == []
