"""The public API: every name in ``claimmap.__all__`` is there and is what it says."""

from __future__ import annotations

import claimmap
from claimmap import errors, model
from claimmap.extract import pipeline


def test_every_public_name_resolves() -> None:
    missing = [name for name in claimmap.__all__ if not hasattr(claimmap, name)]
    assert missing == []


def test_public_names_are_the_library_objects() -> None:
    from claimmap.ingest import read_paths

    assert claimmap.read_paths is read_paths
    assert claimmap.extract_claims is pipeline.extract_claims
    assert claimmap.extract_article is pipeline.extract_article
    assert claimmap.Claim is model.Claim
    assert claimmap.LexiconError is errors.LexiconError
    assert issubclass(claimmap.LexiconError, claimmap.ClaimmapError)


def test_reasoning_names_are_the_reason_package_objects() -> None:
    from claimmap import reason

    assert claimmap.check_claims is reason.check_claims
    assert claimmap.check_paths is reason.check_paths
    assert claimmap.CheckConfig is reason.CheckConfig
    assert claimmap.CheckReport is reason.CheckReport


def test_store_names_are_the_store_objects() -> None:
    from claimmap import analyze, store

    assert claimmap.open_store is store.open_store
    assert claimmap.analyze_paths is analyze.analyze_paths
    assert issubclass(claimmap.errors.StoreError, claimmap.ClaimmapError)
