"""Helpers of the report tests: the four dev articles they analyze."""

from __future__ import annotations

from pathlib import Path

FOUR = Path(__file__).parent / "data" / "dev-four.jsonl"
