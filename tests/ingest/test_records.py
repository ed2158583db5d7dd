"""JSON Lines records in the gold format: good lines read, bad lines reported by number."""

from __future__ import annotations

import codecs
import io
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmap.ingest.records import parse_record, read_jsonl
from claimmap.model import Article, Finding, content_hash

GOLD = Path(__file__).parent / "data" / "gold.jsonl"

RECORD = {
    "id": "harbour-times-kursk-lost-40pct-20241124",
    "source": "The Harbour Times",
    "published": "2024-11-24",
    "language": "en",
    "text": "Ukraine has lost over 40% of its Kursk foothold, military source says\n\n"
    '"Now we control approximately 800 square kilometres," the source told Reuters.',
    "claims": [{"quote": "Now we control approximately 800 square kilometres"}],
}


def line(record: object) -> bytes:
    return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"


def read(
    data: bytes, *, published: date | None = None, max_bytes: int = 50 * 1024 * 1024
) -> list[Article | Finding]:
    return list(read_jsonl(data, path="in/dev.jsonl", published=published, max_bytes=max_bytes))


def ids(items: list[Article | Finding]) -> list[str]:
    """Return each article's id, or each finding's code."""
    return [item.id if isinstance(item, Article) else item.code for item in items]


def test_gold_records_are_read_verbatim() -> None:
    records = [json.loads(text) for text in GOLD.read_text(encoding="utf-8").splitlines()]
    with GOLD.open("rb") as stream:
        articles = list(read_jsonl(stream, path=GOLD))
    assert len(articles) == len(records) == 6
    for article, record in zip(articles, records, strict=True):
        assert isinstance(article, Article)
        assert article.id == record["id"]
        assert article.text == record["text"]  # gold offsets index this exact text
        assert article.published == date.fromisoformat(record["published"])
        assert article.source == record["source"]
        assert article.language == record["language"]
        assert article.path == str(GOLD)
        assert article.content_hash == content_hash(record["text"])


def test_bad_lines_are_findings_and_the_good_lines_around_them_are_read() -> None:
    data = b"".join(
        [
            line({**RECORD, "id": "first"}),
            b'{"id": "broken", "text": "Kyiv holds\n',
            b"\n",
            line({"id": "no-text", "published": "2024-11-24"}),
            line({**RECORD, "id": "bad-date", "published": "24.11.2024"}),
            line({**RECORD, "id": "impossible-date", "published": "2024-02-30"}),
            line(["not", "an", "object"]),
            line({**RECORD, "id": "last"}),
        ]
    )
    items = read(data)
    summary = [
        (item.id, None) if isinstance(item, Article) else (item.code, item.line) for item in items
    ]
    assert summary == [
        ("first", None),
        ("json-invalid", 2),
        ("record-invalid", 4),
        ("record-invalid", 5),
        ("record-invalid", 6),
        ("record-invalid", 7),
        ("last", None),
    ]
    messages = [str(item) for item in items if isinstance(item, Finding)]
    assert messages[0].startswith("in/dev.jsonl:2: the line is not JSON")
    assert 'the record has no "text"' in messages[1]
    assert "'24.11.2024'" in messages[2]
    assert "'2024-02-30'" in messages[3]
    assert "not an array" in messages[4]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"text": ""}, '"text" is empty'),
        ({"text": 42}, '"text" must be a string, not a number'),
        ({"published": 20241124}, '"published" must be a YYYY-MM-DD date'),
        ({"published": "2024-11-24T10:00:00"}, '"published" must be a YYYY-MM-DD date'),
        ({"source": ["The Harbour Times"]}, '"source" must be a string, not an array'),
        ({"id": {"n": 1}}, '"id" must be a string, not an object'),
        ({"text": "Kyiv \ud800 holds"}, '"text" holds an unpaired surrogate'),
    ],
)
def test_invalid_records_say_which_field(change: dict[str, object], message: str) -> None:
    finding = parse_record({**RECORD, **change}, line=3, path="dev.jsonl")
    assert isinstance(finding, Finding)
    assert finding.code == "record-invalid"
    assert finding.line == 3
    assert message in finding.message


def test_a_records_own_date_wins_and_the_given_date_fills_in() -> None:
    undated = {key: value for key, value in RECORD.items() if key != "published"}
    data = line(RECORD) + line({**undated, "published": None}) + line(undated)
    items = read(data, published=date(2025, 1, 1))
    assert [item.published for item in items if isinstance(item, Article)] == [
        date(2024, 11, 24),
        date(2025, 1, 1),
        date(2025, 1, 1),
    ]


def test_a_record_without_an_id_is_named_by_file_and_line() -> None:
    (article,) = read(b"\n" + line({"text": "Kyiv holds 800 sq km."}))
    assert isinstance(article, Article)
    assert article.id == "dev-2"
    assert article.published is None


def test_numeric_ids_are_kept_as_strings() -> None:
    (article,) = read(line({**RECORD, "id": 17}))
    assert isinstance(article, Article)
    assert article.id == "17"


def test_a_byte_order_mark_and_windows_line_ends_are_accepted() -> None:
    data = codecs.BOM_UTF8 + line(RECORD).replace(b"\n", b"\r\n") + line({**RECORD, "id": "two"})
    assert ids(read(data)) == [RECORD["id"], "two"]


def test_a_cp1251_line_is_decoded() -> None:
    record = {
        "id": "ru",
        "text": "Российская армия вернула под контроль 64% территории Курской области.",
    }
    data = json.dumps(record, ensure_ascii=False).encode("cp1251")
    (article,) = read(data)
    assert isinstance(article, Article)
    assert article.text == record["text"]


def test_a_truncated_last_line_costs_only_that_line() -> None:
    data = line({**RECORD, "id": "one"}) + line({**RECORD, "id": "two"})[:-40]
    items = read(data)
    assert isinstance(items[0], Article)
    assert isinstance(items[1], Finding)
    assert (items[1].code, items[1].line) == ("json-invalid", 2)


def test_a_line_over_the_limit_is_skipped_without_being_held() -> None:
    long_record = {**RECORD, "id": "long", "text": "Kyiv holds ground. " * 2000}
    data = line({**RECORD, "id": "one"}) + line(long_record) + line({**RECORD, "id": "three"})
    items = read(data, max_bytes=1000)
    assert ids(items) == ["one", "too-large", "three"]
    assert isinstance(items[1], Finding)
    assert items[1].line == 2


def test_an_exactly_full_line_is_within_the_limit() -> None:
    record = line(RECORD)
    items = read(record, max_bytes=len(record) - 1)  # the newline does not count
    assert isinstance(items[0], Article)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary"),
        (b"[" * 100_000 + b"\n", "json-invalid"),
        (b'{"id": "x", "text": "y", "n": ' + b"9" * 5000 + b"}\n", "json-invalid"),
    ],
    ids=["empty", "blank-lines", "png", "deeply-nested", "huge-integer"],
)
def test_files_without_records_are_findings(data: bytes, code: str) -> None:
    (finding,) = read(data)
    assert isinstance(finding, Finding)
    assert finding.code == code


def test_a_binary_stream_is_read_a_line_at_a_time() -> None:
    stream = io.BytesIO(line({**RECORD, "id": "a"}) + line({**RECORD, "id": "b"}))
    iterator = read_jsonl(stream)
    first = next(iterator)
    assert isinstance(first, Article)
    assert stream.tell() == len(line({**RECORD, "id": "a"}))
    assert ids(list(iterator)) == ["b"]


texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1).filter(str.strip)


@given(
    record_id=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1),
    text=texts,
    published=st.none() | st.dates(min_value=date(1000, 1, 1)),
    source=st.none() | st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1),
)
def test_records_round_trip(
    record_id: str, text: str, published: date | None, source: str | None
) -> None:
    record = {
        "id": record_id,
        "text": text,
        "published": published.isoformat() if published else None,
        "source": source,
        "claims": [],
    }
    (article,) = read(line(record))
    assert isinstance(article, Article)
    assert (article.id, article.text, article.published, article.source) == (
        record_id,
        text,
        published,
        source,
    )
