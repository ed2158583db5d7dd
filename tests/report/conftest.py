"""Fixtures of the report tests: four dev articles analyzed into a SQLite file, and its report.

``data/dev-four.jsonl`` copies four articles of the English dev set
(``shared/data/articles/dev.jsonl``): Syrskyi's 1,000 km² in Kursk, Def Mon's Kherson
figures, the two-years Q&A with Zaluzhnyi's shares and AFP's July figures. Together
they give derived figures and conflicts, some across articles.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from report_helpers import FOUR

from claimmap.analyze import analyze_paths
from claimmap.report import render_report
from claimmap.store import Store, open_store


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Yield a store holding the four dev articles, analyzed (claims, derived, conflicts)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('report') / 'claimmap.db'}"
    with open_store(url) as store:
        analyze_paths([FOUR], store=store)
        yield store


@pytest.fixture(scope="module")
def page(analyzed: Store) -> str:
    """Return the report of the analyzed store."""
    return render_report(analyzed)
