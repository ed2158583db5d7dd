"""Fixtures of the reasoning tests: where the seed and dev articles are."""

from __future__ import annotations

from pathlib import Path

import pytest
from reason_helpers import data_dir


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return data_dir() / "articles" / "seed.jsonl"


@pytest.fixture(scope="session")
def dev_path() -> Path:
    return data_dir() / "articles" / "dev.jsonl"
