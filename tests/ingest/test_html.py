"""HTML pages: the story's paragraphs and metadata in, the page furniture out.

The six pages in ``data/html`` are copies of ``shared/data/articles/html``; their
gold texts (``data/gold.jsonl``) are the matching records of the dev sets.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from claimmap.ingest.html import declared_charset, read_html
from claimmap.model import Article, Finding

DATA = Path(__file__).parent / "data"
PAGES = sorted((DATA / "html").glob("*.html"))
GOLD = {
    record["id"]: record
    for record in map(json.loads, (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines())
}
# The boxes around the story on the six pages; each page has every one of them.
FURNITURE_CLASSES = (
    "cookie-banner",
    "ticker",
    "main-nav",
    "breadcrumbs",
    "article-meta",
    "donate-box",
    "newsletter",
    "related",
    "most-read",
    "site-footer",
)


def read(page: Path) -> Article:
    article = read_html(page.read_bytes(), path=page)
    assert isinstance(article, Article), article
    return article


def furniture_texts(page: Path) -> list[str]:
    """Return every run of three or more words on the page outside its <article>."""
    tree = lxml.html.fromstring(page.read_bytes())
    runs = (" ".join(text.split()) for text in tree.xpath("//body//text()[not(ancestor::article)]"))
    return [run for run in runs if len(run.split()) >= 3]


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_the_fixtures_are_the_six_dev_pages() -> None:
    assert [page.stem for page in PAGES] == sorted(GOLD)
    assert len(PAGES) == 6


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_a_page_gives_exactly_the_gold_paragraphs(page: Path) -> None:
    article = read(page)
    assert paragraphs(article.text) == paragraphs(GOLD[page.stem]["text"])


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_a_page_keeps_none_of_its_furniture(page: Path) -> None:
    tree = lxml.html.fromstring(page.read_bytes())
    for name in FURNITURE_CLASSES:
        assert tree.find_class(name), f"the fixture has no {name!r} box to leave out"
    text = read(page).text
    kept = [run for run in furniture_texts(page) if run in text]
    assert kept == []


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_a_page_gives_its_metadata(page: Path) -> None:
    article = read(page)
    gold = GOLD[page.stem]
    assert article.id == gold["id"]
    assert article.title == paragraphs(gold["text"])[0]
    assert article.published == date.fromisoformat(gold["published"])
    assert article.source == gold["source"]
    assert article.language == gold["language"]
    assert article.url is not None
    assert article.url.endswith("/" + gold["id"])
    assert article.path == str(page)


def test_the_pages_own_date_wins_over_the_given_one() -> None:
    article = read_html(PAGES[0].read_bytes(), published=date(2000, 1, 1))
    assert isinstance(article, Article)
    assert article.published == date.fromisoformat(GOLD[PAGES[0].stem]["published"])


def page(body: str, *, head: str = "", lang: str = "en") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>Kursk foothold shrinks | Example Wire</title>{head}</head>"
        f"<body>{body}</body></html>"
    )


STORY = [
    "Kyiv's forces now hold about 800 square kilometres of Russia's Kursk region, "
    "a senior officer said, down from 1,376 at the peak of the incursion.",
    "The officer said Russia had moved some 59,000 troops into the region since August, "
    "including about 11,000 soldiers from North Korea.",
    "Ukraine has not commented officially on the figures, which could not be "
    "independently verified.",
]


def story_html(*between: str) -> str:
    """Return the story's paragraphs with ``between`` put after the first one."""
    first, *rest = (f"<p>{text}</p>" for text in STORY)
    return first + "".join(between) + "".join(rest)


# Boxes inside the story's own container that trafilatura alone keeps as prose.
IN_STORY_FURNITURE = [
    '<div class="donation-appeal"><p>Please support our journalism with a gift of five '
    "euros every month, so we can keep reporting from the front line.</p></div>",
    '<div class="support-us"><h3>Support us</h3><p>We rely on readers like you to fund '
    "independent reporting from Kyiv, Kharkiv and the Baltic capitals.</p></div>",
    '<section id="newsletter-signup"><p>Sign up for our daily briefing, delivered to your '
    "inbox at seven every morning from Monday to Friday.</p></section>",
    '<div class="promo-box"><p>Subscribe now and get three months of full access for just '
    "one euro, then nine euros a month.</p></div>",
    '<div class="read-more"><p>Read more: Kyiv says the front is stable after heavy '
    "fighting near Pokrovsk overnight.</p></div>",
    '<ul class="related_links"><li><a href="/a">Russia evacuates 121,000 people from Kursk '
    'border districts</a></li><li><a href="/b">Zelensky says 74 settlements are now under '
    "Ukrainian control</a></li></ul>",
    '<div class="recommended-for-you"><p>Recommended: what we know about the push into '
    "Russia on its seventh day.</p></div>",
    '<p class="image-caption">Ukrainian servicemen ride an armoured vehicle near the '
    "border in the Sumy region. Photo: Agency</p>",
    '<figure><img src="/map.png" alt="map"><figcaption>The front line near Sudzha as of '
    "Sunday, according to open-source analysts.</figcaption></figure>",
    '<div role="complementary"><p>Explainer: how the maps of the front line are drawn '
    "and why they differ between analysts.</p></div>",
]
FURNITURE_MARKERS = [
    "five euros",
    "Support us",
    "rely on readers",
    "daily briefing",
    "Subscribe now",
    "Read more",
    "121,000",
    "74 settlements",
    "Recommended",
    "servicemen",
    "Sudzha",
    "Explainer",
]


def test_furniture_inside_the_story_container_is_left_out() -> None:
    html = page(
        f"<article><h1>Kursk foothold shrinks</h1>{story_html(*IN_STORY_FURNITURE)}</article>"
    )
    article = read_html(html)
    assert isinstance(article, Article)
    assert paragraphs(article.text) == ["Kursk foothold shrinks", *STORY]
    assert [marker for marker in FURNITURE_MARKERS if marker in article.text] == []


def test_the_container_holding_the_headline_is_never_pruned() -> None:
    # Furniture words in the story's own classes must not cost the story.
    html = page(
        f'<div class="story-body donate"><h1>Kursk foothold shrinks</h1>{story_html()}</div>'
    )
    article = read_html(html)
    assert isinstance(article, Article)
    assert paragraphs(article.text) == ["Kursk foothold shrinks", *STORY]


def test_a_story_pruned_away_whole_is_read_unpruned() -> None:
    # No headline to protect it: pruning would leave nothing, so it is skipped.
    article = read_html(page(f'<div class="sponsored-content">{story_html()}</div>'))
    assert isinstance(article, Article)
    assert paragraphs(article.text) == STORY


def test_line_breaks_inside_a_paragraph_are_kept_and_paragraphs_are_not_glued() -> None:
    html = page(
        "<article><h1>Kursk</h1><p>Kyiv holds 800 sq km<br>of the region, a source said</p>"
        "<p>Moscow disputes it</p><blockquote><p>We will hold it, the source said.</p>"
        "</blockquote><ul><li>Sudzha: lost</li><li>Malaya Loknya: lost</li></ul></article>"
    )
    article = read_html(html)
    assert isinstance(article, Article)
    assert paragraphs(article.text) == [
        "Kursk",
        "Kyiv holds 800 sq km\nof the region, a source said",
        "Moscow disputes it",
        "We will hold it, the source said.",
        "Sudzha: lost",
        "Malaya Loknya: lost",
    ]


RUSSIAN_TITLE = "Минобороны: освобождено 64% занятой ВСУ территории Курской области"
RUSSIAN_STORY = [
    "Российская армия вернула под контроль 64% территории Курской области, занятой "
    "украинскими войсками в ходе наступления в августе, заявил в четверг высокопоставленный "
    "военный.",
    "«Освобождено более 800 квадратных километров, что составляет около 64% первоначально "
    "занятой территории», — сказал первый заместитель начальника Генерального штаба "
    "Сергей Рудской.",
    "По его словам, украинские подразделения продолжают удерживать около 450 квадратных "
    "километров в районе Суджи.",
]


def russian_page(charset_tag: str) -> str:
    paras = "".join(f"<p>{text}</p>" for text in RUSSIAN_STORY)
    return f"""<!DOCTYPE html>
<html lang="ru">
<head>
  {charset_tag}
  <title>{RUSSIAN_TITLE} | Вестник Черноземья</title>
  <meta property="og:site_name" content="Вестник Черноземья">
  <meta property="article:published_time" content="2025-02-20T12:30:00+03:00">
</head>
<body>
  <nav class="main-nav"><ul><li><a href="/">Главное</a></li><li><a href="/war/">Война</a></li>
  <li><a href="/economy/">Экономика</a></li></ul></nav>
  <main>
    <article><h1>{RUSSIAN_TITLE}</h1>{paras}</article>
    <aside class="donate-box"><h2>Поддержите независимую журналистику</h2>
      <p>Мы работаем без спонсоров и рекламы. Даже 100 рублей в месяц помогают нам.</p></aside>
    <section class="related"><h2>Читайте также</h2><ul>
      <li><a href="/a/">Эвакуация из приграничных районов Курской области продолжается</a></li>
      <li><a href="/b/">В Белгороде объявлена ракетная опасность третий раз за сутки</a></li>
    </ul></section>
  </main>
  <footer class="site-footer"><p>© 2025 «Вестник Черноземья». Все права защищены.</p></footer>
</body>
</html>"""


@pytest.mark.parametrize(
    ("charset_tag", "codec"),
    [
        ('<meta charset="windows-1251">', "cp1251"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
            "koi8-r",
        ),
        ("", "cp1251"),
    ],
    ids=["meta-cp1251", "http-equiv-koi8-r", "undeclared-cp1251"],
)
def test_a_russian_page_in_a_legacy_encoding_comes_out_right(charset_tag: str, codec: str) -> None:
    # KOI8-R has no guillemets, dashes or copyright sign.
    plain = str.maketrans({"«": '"', "»": '"', "—": "-", "©": "c"}) if codec == "koi8-r" else {}
    html = russian_page(charset_tag).translate(plain)
    article = read_html(html.encode(codec), path="ru/kursk-64.html")
    assert isinstance(article, Article)
    assert paragraphs(article.text) == [RUSSIAN_TITLE, *(p.translate(plain) for p in RUSSIAN_STORY)]
    assert article.title == RUSSIAN_TITLE
    assert article.source == "Вестник Черноземья"
    assert article.language == "ru"
    assert article.published == date(2025, 2, 20)
    for furniture in ("Поддержите", "100 рублей", "Эвакуация", "Главное", "права защищены"):
        assert furniture not in article.text


def test_a_page_without_a_date_takes_the_given_one() -> None:
    html = page(f"<article><h1>Kursk foothold shrinks</h1>{story_html()}</article>")
    undated = read_html(html)
    dated = read_html(html, published=date(2024, 11, 24))
    assert isinstance(undated, Article)
    assert isinstance(dated, Article)
    assert undated.published is None
    assert dated.published == date(2024, 11, 24)


def test_a_copyright_year_is_not_taken_for_the_date() -> None:
    # htmldate's extensive search dates such a page 1 January of the copyright year.
    html = page(
        f"<article><h1>Kursk foothold shrinks</h1>{story_html()}</article>"
        "<footer>© 2025 Example Wire. All rights reserved.</footer>"
    )
    article = read_html(html, published=date(2024, 11, 24))
    assert isinstance(article, Article)
    assert article.published == date(2024, 11, 24)


def test_a_truncated_page_still_gives_the_text_it_has() -> None:
    data = (DATA / "html" / "baltic-wire-kursk-syrskyi-1000-20240813.html").read_bytes()
    cut = data.index(b"By Tuesday the Ukrainian account") + len(b"By Tuesday the")
    article = read_html(data[:cut], path="cut.html")
    assert isinstance(article, Article)
    gold = paragraphs(GOLD["baltic-wire-kursk-syrskyi-1000-20240813"]["text"])
    assert paragraphs(article.text) == [*gold[:4], "By Tuesday the"]


def test_a_page_cut_inside_a_character_still_decodes() -> None:
    data = (DATA / "html" / "slobidsky-kurier-syrskyi-tysiacha-20240812.html").read_bytes()
    cut = data.index("Зеленський доручив".encode()) + 1  # inside the two-byte "З"
    article = read_html(data[:cut])
    assert isinstance(article, Article)
    assert article.text.endswith("під контролем українських військ.")
    assert "Сирський" in article.text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", "binary"),
        (b"   \n", "no-text"),
        (b"<!DOCTYPE html>\n<html><head><title>Kursk</title>", "no-text"),
        (
            b'<html><body><nav><a href="/">Home</a><a href="/war/">War</a></nav>'
            b"<footer>(c) 2025 Wire</footer></body></html>",
            "no-text",
        ),
        (bytes(range(128, 256)) * 20, "encoding-unknown"),
    ],
    ids=["empty", "png", "whitespace", "head-only", "furniture-only", "undecodable"],
)
def test_pages_without_a_story_are_findings(data: bytes, code: str) -> None:
    finding = read_html(data, path="in/page.html")
    assert isinstance(finding, Finding)
    assert finding.code == code
    assert finding.path == "in/page.html"


def test_a_fragment_is_read_as_a_page() -> None:
    article = read_html("".join(f"<p>{text}</p>" for text in STORY), article_id="fragment")
    assert isinstance(article, Article)
    assert paragraphs(article.text) == STORY
    assert article.id == "fragment"


def test_an_xhtml_page_declaring_its_encoding_reads_from_bytes_and_text() -> None:
    xhtml = '<?xml version="1.0" encoding="windows-1251"?>\n' + russian_page("")
    from_bytes: Any = read_html(xhtml.encode("cp1251"))
    from_text: Any = read_html(xhtml)
    assert isinstance(from_bytes, Article)
    assert isinstance(from_text, Article)
    assert from_bytes.text == from_text.text
    assert from_bytes.text.startswith(RUSSIAN_TITLE)


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<META CHARSET=windows-1251>", "windows-1251"),
        (b'<meta http-equiv="content-type" content="text/html;charset=KOI8-R" />', "KOI8-R"),
        (b'<?xml version="1.0" encoding="iso-8859-5"?>', "iso-8859-5"),
        (b"<title>charset=utf-8 is mentioned, not declared</title>", None),
    ],
)
def test_declared_charsets_are_found_in_the_head(head: bytes, charset: str | None) -> None:
    assert declared_charset(b"<html><head>" + head) == charset
