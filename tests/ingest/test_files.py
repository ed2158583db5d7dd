"""Files and folders: dispatch by extension, stable order, and one finding per bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from claimmap.errors import ConfigError
from claimmap.ingest import DEFAULT_MAX_BYTES, read_paths
from claimmap.model import Article, Finding

DATA = Path(__file__).parent / "data"
SYRSKYI = "baltic-wire-kursk-syrskyi-1000-20240813"

RUSSIAN_STORY = (
    "Российская армия вернула под контроль 64% территории Курской области, занятой "
    "украинскими войсками, заявил в четверг первый заместитель начальника Генштаба."
)
RUSSIAN_PAGE = f"""<!DOCTYPE html>
<html lang="ru"><head><meta charset="windows-1251">
<title>Освобождено 64% территории | Курская правда</title>
<meta property="og:site_name" content="Курская правда">
<meta property="article:published_time" content="2025-02-20T12:30:00+03:00"></head>
<body><nav><a href="/">Главная</a> <a href="/war/">Спецоперация</a></nav>
<article><h1>Освобождено 64% территории</h1><p>{RUSSIAN_STORY}</p></article>
<aside class="donate"><p>Поддержите редакцию: даже 100 рублей в месяц помогают.</p></aside>
</body></html>"""


def record(article_id: str, text: str = "Kyiv holds about 800 square kilometres.") -> str:
    return json.dumps({"id": article_id, "published": "2024-11-24", "text": text}) + "\n"


def ids(items: list[Article | Finding]) -> list[str]:
    """Return each article's id, or each finding's code."""
    return [item.id if isinstance(item, Article) else item.code for item in items]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Return a folder of articles with hidden, foreign and nested entries."""
    root = tmp_path / "corpus"
    (root / "2024" / "november").mkdir(parents=True)
    (root / ".cache").mkdir()
    (root / "empty").mkdir()
    shutil.copy(DATA / "html" / f"{SYRSKYI}.html", root / "2024" / f"{SYRSKYI}.html")
    (root / "2024" / "november" / "wire.jsonl").write_text(
        record("nov-1") + record("nov-2"), encoding="utf-8"
    )
    (root / "2024" / "b-note.txt").write_text("Kursk\n\nKyiv holds 800 sq km.\n", encoding="utf-8")
    (root / "ru-kursk.htm").write_bytes(RUSSIAN_PAGE.encode("cp1251"))
    (root / "README.md").write_text("# Articles\n", encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (root / ".draft.txt").write_text("Not ready.\n", encoding="utf-8")
    (root / ".cache" / "old.txt").write_text("Stale.\n", encoding="utf-8")
    return root


def test_a_folder_is_read_recursively_in_sorted_order(corpus: Path) -> None:
    items = list(read_paths([corpus]))
    assert ids(items) == ["b-note", SYRSKYI, "nov-1", "nov-2", "ru-kursk"]
    assert all(isinstance(item, Article) for item in items)
    assert [item.path for item in items] == [  # type: ignore[union-attr]
        str(corpus / "2024" / "b-note.txt"),
        str(corpus / "2024" / f"{SYRSKYI}.html"),
        str(corpus / "2024" / "november" / "wire.jsonl"),
        str(corpus / "2024" / "november" / "wire.jsonl"),
        str(corpus / "ru-kursk.htm"),
    ]
    assert list(read_paths([corpus])) == items


def test_a_cp1251_russian_page_in_a_folder_comes_out_right(corpus: Path) -> None:
    (article,) = read_paths([corpus / "ru-kursk.htm"])
    assert isinstance(article, Article)
    assert article.text == f"Освобождено 64% территории\n\n{RUSSIAN_STORY}"
    assert (article.title, article.source, article.language) == (
        "Освобождено 64% территории",
        "Курская правда",
        "ru",
    )
    assert article.published == date(2025, 2, 20)


def test_inputs_keep_their_order_and_bad_ones_do_not_stop_the_rest(
    corpus: Path, tmp_path: Path
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    (tmp_path / "latin.txt").write_bytes(bytes(range(128, 256)) * 20)
    page = (DATA / "html" / f"{SYRSKYI}.html").read_bytes()
    (tmp_path / "cut.html").write_bytes(page[: page.index(b"By Tuesday")])
    (tmp_path / "nav.html").write_bytes(
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
    )
    (tmp_path / "mixed.jsonl").write_text(
        record("good-1") + "{not json\n" + json.dumps({"id": "x"}) + "\n" + record("good-2"),
        encoding="utf-8",
    )
    paths = [
        tmp_path / "mixed.jsonl",
        tmp_path / "missing.txt",
        corpus / "README.md",
        tmp_path / "empty.txt",
        tmp_path / "image.txt",
        tmp_path / "latin.txt",
        tmp_path / "cut.html",
        tmp_path / "nav.html",
        corpus / "2024" / "b-note.txt",
    ]
    items = list(read_paths([str(path) for path in paths]))
    assert ids(items) == [
        "good-1",
        "json-invalid",
        "record-invalid",
        "good-2",
        "not-found",
        "unsupported",
        "empty",
        "binary",
        "encoding-unknown",
        "cut",
        "no-text",
        "b-note",
    ]
    findings = {item.code: item for item in items if isinstance(item, Finding)}
    assert str(findings["json-invalid"]).startswith(f"{tmp_path / 'mixed.jsonl'}:2: ")
    assert findings["record-invalid"].line == 3
    assert findings["not-found"].path == str(tmp_path / "missing.txt")
    assert ".htm, .html, .jsonl, .txt" in findings["unsupported"].message
    cut = items[9]
    assert isinstance(cut, Article)
    assert cut.text.count("\n\n") == 3  # headline and the first three paragraphs


def test_explicitly_named_hidden_files_are_read(corpus: Path) -> None:
    assert ids(list(read_paths([corpus / ".draft.txt"]))) == [".draft"]


def test_the_given_date_fills_in_where_an_input_has_none(corpus: Path) -> None:
    given = date(2024, 12, 1)
    items = list(read_paths([corpus], published=given))
    dates = {item.id: item.published for item in items if isinstance(item, Article)}
    assert dates["b-note"] == given  # text carries no date
    assert dates["nov-1"] == date(2024, 11, 24)  # the record's own date wins
    assert dates[SYRSKYI] == date(2024, 8, 13)  # so does the page's


def test_a_file_over_the_default_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    line = b"Russian forces hold about 1,000 square kilometres of the Kursk region.\n"
    chunk = line * (1024 * 1024 // len(line) + 1)
    with big.open("wb") as out:
        while out.tell() <= DEFAULT_MAX_BYTES:
            out.write(chunk)
    assert big.stat().st_size > 50 * 1024 * 1024
    (finding,) = read_paths([big])
    assert isinstance(finding, Finding)
    assert finding.code == "too-large"
    assert str(DEFAULT_MAX_BYTES) in finding.message


def test_the_limit_is_a_parameter_and_inclusive(tmp_path: Path) -> None:
    text = tmp_path / "story.txt"
    text.write_bytes(b"Kyiv holds 800 square kilometres. " * 30)
    size = text.stat().st_size
    assert ids(list(read_paths([text], max_bytes=size))) == ["story"]
    assert ids(list(read_paths([text], max_bytes=size - 1))) == ["too-large"]


def test_a_jsonl_file_may_exceed_the_limit_that_bounds_its_lines(tmp_path: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    wire.write_text("".join(record(f"r{n}") for n in range(50)), encoding="utf-8")
    items = list(read_paths([wire], max_bytes=200))
    assert wire.stat().st_size > 200
    assert ids(items) == [f"r{n}" for n in range(50)]


def test_a_symlink_loop_in_a_folder_is_not_followed(corpus: Path) -> None:
    (corpus / "2024" / "loop").symlink_to(corpus, target_is_directory=True)
    assert ids(list(read_paths([corpus]))) == ["b-note", SYRSKYI, "nov-1", "nov-2", "ru-kursk"]


def test_a_path_the_system_refuses_is_a_finding(tmp_path: Path) -> None:
    too_long = tmp_path / ("x" * 300 + ".txt")  # over NAME_MAX on every common file system
    items = list(read_paths([too_long, DATA / "html" / f"{SYRSKYI}.html"]))
    assert ids(items) == ["unreadable", SYRSKYI]
    assert "cannot read" in str(items[0])


def test_misuse_is_an_error_at_the_call() -> None:
    with pytest.raises(TypeError, match="not one path"):
        read_paths("articles/dev.jsonl")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="max_bytes"):
        read_paths([], max_bytes=0)


def test_a_50_mb_file_is_read_without_copies_per_word(tmp_path: Path) -> None:
    # Peak memory of reading a file just under the limit, in a fresh interpreter: the
    # bytes, then the text and its stripped copy (about 2.2 x the file), not a string
    # per word (15 x, when the content hash split the whole text at once).
    big = tmp_path / "big.txt"
    paragraph = (
        b"Russian forces hold about 1,000 square kilometres of the Kursk region. " * 20
    ).strip()
    chunk = (paragraph + b"\n\n") * (1024 * 1024 // (len(paragraph) + 2))
    with big.open("wb") as out:
        while out.tell() + len(chunk) <= DEFAULT_MAX_BYTES:
            out.write(chunk)
    size = big.stat().st_size
    script = textwrap.dedent(
        f"""
        import resource, sys
        from claimmap.ingest import read_paths
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        (article,) = read_paths([{str(big)!r}])
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(len(article.text), (after - before) * 1024)
        """
    )
    resource = pytest.importorskip("resource")
    assert resource  # Unix only: ru_maxrss
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    length, peak = map(int, out.split())
    assert length == size - 2  # the final blank line is stripped
    assert peak < 3 * size, f"peak {peak / size:.1f} x the file"
