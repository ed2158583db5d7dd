"""Reading claims files for ``check_paths``: which files are claims, and bad lines."""

from __future__ import annotations

import json
from pathlib import Path

from reason_helpers import make_claim

from claimmap.reason import check_paths


def test_a_claims_file_whose_first_line_is_broken_is_still_read_as_claims(
    tmp_path: Path,
) -> None:
    """Before: the broken first line made the file an article file, and every claim was lost."""
    claims = [make_claim(value=1000.0), make_claim(value=300.0, claimant="Other")]
    lines = ['{"quote": "cut off mid-rec', *(json.dumps(c.to_record()) for c in claims)]
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_paths([path])
    assert [(f.code, f.line) for f in report.findings] == [("json-invalid", 1)]
    assert [ref.claim.value for ref in report.claims] == [1000.0, 300.0]
    assert len(report.conflicts) == 1


def test_an_article_file_whose_first_line_is_broken_is_still_read_as_articles(
    tmp_path: Path,
) -> None:
    record = {
        "id": "a1",
        "text": "Ukraine holds 1,300 square kilometres of Kursk region, the outlet reported.",
        "published": "2025-03-03",
    }
    path = tmp_path / "articles.jsonl"
    path.write_text("not json\n" + json.dumps(record) + "\n", encoding="utf-8")
    report = check_paths([path])
    assert [(f.code, f.line) for f in report.findings] == [("json-invalid", 1)]
    assert [(ref.claim.article, ref.claim.value) for ref in report.claims] == [("a1", 1300.0)]
