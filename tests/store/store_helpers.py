"""Helpers of the store tests: the dev articles, and a database's whole contents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select

from claimmap import Article, extract_article, read_paths
from claimmap.model import Extraction
from claimmap.store import resolve_url
from claimmap.store.schema import Base

#: A copy of the English dev set (shared/data/articles/dev.jsonl), 30 articles.
DEV = Path(__file__).parent / "data" / "dev.jsonl"


def dev_articles() -> list[Article]:
    """Return the 30 articles of the dev set."""
    articles = [item for item in read_paths([DEV]) if isinstance(item, Article)]
    assert len(articles) == 30
    return articles


def dev_extractions() -> list[Extraction]:
    """Return the extraction of each dev article."""
    return [extract_article(article) for article in dev_articles()]


def write_copies(path: Path, *, copies: int) -> int:
    """Write the dev set ``copies`` times under new ids and texts; return how many records.

    Each copy's text gains a closing line naming the copy, so every record has its own
    content hash and is a new article to the store.
    """
    records = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for record in records:
                changed = {
                    **record,
                    "id": f"{record['id']}-copy{copy}",
                    "text": f"{record['text']}\n\nCopy number {copy}.",
                }
                changed.pop("claims", None)
                out.write(json.dumps(changed, ensure_ascii=False) + "\n")
    return copies * len(records)


def dump(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Return every row of every table, sorted, surrogate keys and write counts left out."""
    engine = create_engine(resolve_url(url))
    contents: dict[str, list[tuple[Any, ...]]] = {}
    try:
        with engine.connect() as connection:
            for table in Base.metadata.sorted_tables:
                # A count of writes (measuring the same maps again counts one more).
                if table.name == "data_versions":
                    continue
                # measured_areas.id is a sequence: its values say nothing of the contents.
                columns = [
                    c for c in table.columns if not (c.name == "id" and c.autoincrement is True)
                ]
                rows = connection.execute(select(*columns))
                # Sorted here, not in SQL: PostgreSQL cannot order JSON columns.
                contents[table.name] = sorted((tuple(row) for row in rows), key=repr)
    finally:
        engine.dispose()
    return contents
