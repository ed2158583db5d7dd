"""Check claims against each other: the reasoning stage's entry points.

:func:`check_claims` reads :class:`~claimmap.model.Claim` records and writes one
:class:`~claimmap.reason.records.CheckReport` (intervals, the ledger's readings,
derived figures, comparisons across sources, minimal conflicting sets).
:func:`check_paths` reads files first: claims JSON Lines as ``claimmap extract``
writes them, or any article input ``claimmap extract`` reads (then extracts their
claims); a file or line that cannot be read is a :class:`~claimmap.model.Finding`
in the report, and the rest is still checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import TypeAdapter, ValidationError

from claimmap.model import Claim, Finding
from claimmap.reason.compare import compare_sources
from claimmap.reason.config import CheckConfig
from claimmap.reason.conflicts import find_conflicts
from claimmap.reason.derive import derive_figures
from claimmap.reason.ledger import build_ledger
from claimmap.reason.records import CheckReport


def check_claims(claims: Iterable[Claim], /, *, config: CheckConfig | None = None) -> CheckReport:
    """Link, derive from, compare and check a set of claims; return what was found."""
    config = config or CheckConfig()
    ledger = build_ledger(list(claims), config=config)
    derived = derive_figures(ledger, config=config)
    return CheckReport(
        claims=ledger.claims,
        readings=ledger.readings,
        derived=derived,
        comparisons=compare_sources(ledger, derived, config=config),
        conflicts=find_conflicts(ledger, config=config, derived=derived),
        notes=ledger.notes,
        max_change_km2_per_day=config.max_change_km2_per_day,
        max_country_change_km2_per_day=config.max_country_change_km2_per_day,
    )


def check_paths(
    paths: Sequence[str | Path],
    /,
    *,
    published: date | None = None,
    config: CheckConfig | None = None,
) -> CheckReport:
    """Read claims JSONL or articles from ``paths`` and check all their claims together."""
    claims, findings = collect_claims(paths, published=published)
    report = check_claims(claims, config=config)
    return replace(report, findings=(*findings, *report.findings))


def collect_claims(
    paths: Sequence[str | Path], /, *, published: date | None = None
) -> tuple[list[Claim], list[Finding]]:
    """Read claims JSONL written by ``claimmap extract``, or extract articles, from ``paths``."""
    claims: list[Claim] = []
    findings: list[Finding] = []
    articles: list[Path] = []
    for path in map(Path, paths):
        if _is_claims_file(path):
            for item in read_claims(path):
                if isinstance(item, Finding):
                    findings.append(item)
                else:
                    claims.append(item)
        else:
            articles.append(path)
    if articles:
        # Imported here: ingest pulls in trafilatura and lxml, which claims files never need.
        from claimmap.extract.pipeline import extract_article
        from claimmap.ingest import read_paths

        for article in read_paths(articles, published=published):
            if isinstance(article, Finding):
                findings.append(article)
                continue
            extraction = extract_article(article)
            claims.extend(extraction.claims)
            findings.extend(extraction.findings)
    return claims, findings


#: one line of ``claimmap extract --format jsonl``: the spec record plus provenance,
#: validated straight into the model's record (unknown keys are ignored)
_CLAIM = TypeAdapter(Claim)


def _is_claims_file(path: Path) -> bool:
    """Whether ``path`` is claims JSON Lines: its first record has a quote and no text.

    The first line that parses as JSON decides, so a claims file whose first line is
    broken is still read as claims (and the broken line reported), not as articles.
    """
    if path.suffix.lower() not in {".jsonl", ".json", ".ndjson"} or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                return isinstance(record, dict) and "quote" in record and "text" not in record
    except (OSError, UnicodeDecodeError):
        return False
    return False


def read_claims(path: str | Path, /) -> Iterator[Claim | Finding]:
    """Yield the claims of a claims JSONL file, and a finding for each line that is not one."""
    name = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Finding(code="unreadable", message=f"cannot read claims file: {exc}", path=name)
        return
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield _parse_line(line, name, number)


def _parse_line(line: str, name: str, number: int) -> Claim | Finding:
    code: Literal["json-invalid", "claim-invalid"]
    try:
        claim = _CLAIM.validate_json(line)
    except ValidationError as exc:
        first = exc.errors()[0]
        code = "json-invalid" if first["type"] == "json_invalid" else "claim-invalid"
        where = ".".join(str(p) for p in first["loc"]) or "record"
        return Finding(code=code, message=f"{where}: {first['msg']}", path=name, line=number)
    return claim
