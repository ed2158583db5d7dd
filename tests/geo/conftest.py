"""Fixtures of the geo tests."""

from __future__ import annotations

import pytest
from geodata import ADMIN

from claimmap.geo import Regions, read_regions


@pytest.fixture(scope="session")
def regions() -> Regions:
    """The shared admin boundaries, read once."""
    return read_regions(ADMIN)
