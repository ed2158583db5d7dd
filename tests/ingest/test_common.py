"""What the readers share: article ids and the streamed content hash."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimmap.ingest import _common
from claimmap.ingest._common import fallback_id, path_str, text_digest
from claimmap.model import content_hash


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "articles/html/baltic-wire-kursk-syrskyi-1000-20240813.html",
            "baltic-wire-kursk-syrskyi-1000-20240813",
        ),
        (Path("seed.jsonl"), "seed"),
        ("archive/story.tar.txt", "story.tar"),
        (None, "0123456789abcdef"),
    ],
)
def test_an_article_without_an_id_is_named_by_its_file_stem_else_its_hash(
    path: str | Path | None, expected: str
) -> None:
    assert fallback_id(path, "0123456789abcdef" * 4) == expected


def test_paths_are_carried_as_strings() -> None:
    assert path_str(Path("a") / "b.html") == "a/b.html"
    assert path_str(None) is None


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"])))
def test_the_streamed_hash_is_the_models_hash(text: str) -> None:
    assert text_digest(text) == content_hash(text)


@given(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"])),
    st.integers(min_value=1, max_value=8),
)
def test_the_streamed_hash_does_not_depend_on_where_chunks_end(text: str, chunk: int) -> None:
    # Chunks of a few characters make every cut fall somewhere interesting.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_common, "_HASH_CHUNK", chunk)
        assert text_digest(text) == content_hash(text)
