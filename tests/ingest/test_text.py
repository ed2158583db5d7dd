"""Plain text files: text, title, id, date and the findings for bad files."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmap.ingest.text import guess_title, read_text
from claimmap.model import Article, Finding, content_hash

# The opening of shared/data/articles/moscow-times-kursk-64.txt, as saved from the web.
MOSCOW_TIMES = (
    "Support The Moscow Times!\n\n"
    "Russia Claims to Have Retaken 64% of Kursk Territory Lost After Ukraine’s Offensive\n\n"
    "Russia's army has retaken control of 64% of Kursk region territory initially captured "
    "by Ukrainian forces after they launched a surprise offensive in the border region last "
    "year, a senior Russian military official said Thursday.\n"
)
RUSSIAN = (
    "Минобороны: освобождено 64% территории\n\n"
    "Российская армия вернула под контроль 64% территории Курской области, занятой "
    "украинскими войсками, заявил в четверг Сергей Рудской.\n"
)


def test_a_text_file_becomes_one_article() -> None:
    article = read_text(MOSCOW_TIMES.encode("utf-8"), path="articles/moscow-times-kursk-64.txt")
    assert isinstance(article, Article)
    assert article.id == "moscow-times-kursk-64"
    assert article.text == MOSCOW_TIMES.strip()
    assert article.title == "Support The Moscow Times!"
    assert article.path == "articles/moscow-times-kursk-64.txt"
    assert article.content_hash == content_hash(MOSCOW_TIMES)


def test_a_text_file_has_no_date_unless_given() -> None:
    data = MOSCOW_TIMES.encode("utf-8")
    undated = read_text(data, path="a.txt")
    dated = read_text(data, path="a.txt", published=date(2025, 2, 20))
    assert isinstance(undated, Article)
    assert isinstance(dated, Article)
    assert undated.published is None
    assert dated.published == date(2025, 2, 20)


def test_windows_line_ends_and_a_byte_order_mark_are_normalised() -> None:
    data = codecs.BOM_UTF8 + MOSCOW_TIMES.replace("\n", "\r\n").encode("utf-8")
    article = read_text(data, path="a.txt")
    assert isinstance(article, Article)
    assert article.text == MOSCOW_TIMES.strip()


def test_a_cp1251_russian_text_comes_out_right() -> None:
    article = read_text(RUSSIAN.encode("cp1251"), path="ru/kursk.txt")
    assert isinstance(article, Article)
    assert article.text == RUSSIAN.strip()
    assert article.title == "Минобороны: освобождено 64% территории"


def test_an_explicit_id_wins_and_text_without_a_path_is_named_by_its_hash() -> None:
    named = read_text(MOSCOW_TIMES, article_id="mt-64")
    assert isinstance(named, Article)
    assert named.id == "mt-64"
    article = read_text(MOSCOW_TIMES)
    assert isinstance(article, Article)
    assert article.id == content_hash(MOSCOW_TIMES)[:16]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "no-text"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", "binary"),
        (bytes(range(128, 256)) * 20, "encoding-unknown"),
    ],
    ids=["empty", "whitespace", "png", "undecodable"],
)
def test_bad_text_files_are_findings(data: bytes, code: str) -> None:
    finding = read_text(data, path="in/bad.txt")
    assert isinstance(finding, Finding)
    assert finding.code == code
    assert finding.path == "in/bad.txt"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Kursk: Kyiv holds 1,000 sq km\n\nKYIV - Ukraine's forces ...",
            "Kursk: Kyiv holds 1,000 sq km",
        ),
        ("\n\n  Headline  \n \nBody.", "Headline"),
        ("A sentence that runs on\ninto the next line.\n\nMore.", None),
        ("Only one line.", None),
        ("Headline\n\n   ", None),
        ("x" * 201 + "\n\nBody.", None),
    ],
)
def test_the_first_line_is_the_title_only_when_it_stands_alone(
    text: str, title: str | None
) -> None:
    assert guess_title(text) == title


@given(st.text())
def test_a_title_is_always_the_texts_first_line(text: str) -> None:
    title = guess_title(text)
    if title is not None:
        assert "\n" not in title
        assert title == text.strip().split("\n")[0].strip()
        assert len(title) <= 200


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_read_text_keeps_the_text_up_to_line_ends_and_outer_space(text: str) -> None:
    result = read_text(text.encode("utf-8"), path="x.txt")
    # A leading U+FEFF encodes as the UTF-8 byte-order mark, which decoding removes.
    expected = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(result, Finding):
        assert result.code in {"empty", "no-text", "binary"}
        assert not expected or "\0" in text
    else:
        assert result.text == expected
        assert result.content_hash == content_hash(expected)
