"""Time expressions (claimmap.extract.dates): the word scan that stands in for finditer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.extract import dates
from claimmap.extract.lexicon import load_lexicon
from claimmap.extract.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "data" / "articles" / "dev.jsonl"
HELDOUT = Path(__file__).parent / "data" / "heldout.jsonl"
PATS = dates._patterns(load_lexicon("en"))


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


def _sentences() -> list[str]:
    out = []
    for path in (DEV, HELDOUT):
        for line in path.read_text(encoding="utf-8").splitlines():
            out += [s.text for s in split_sentences(json.loads(line)["text"])]
    return out


def test_english_time_grammar_is_scanned_word_by_word() -> None:
    """Every branch of the English time regex has its first words in the scan's table."""
    assert PATS.scan is not None


def test_scan_finds_what_finditer_finds_on_dev_and_heldout_sentences() -> None:
    """The word scan returns finditer's matches (spans and groups) on real sentences,
    also upper-cased, lower-cased and with letters that IGNORECASE folds across scripts."""
    checked = 0
    for text in _sentences():
        for variant in (text, text.upper(), text.lower(), text.replace("i", "ı").replace("s", "ſ")):
            assert _found(dates._scan(PATS, variant)) == _found(PATS.regex.finditer(variant))
            checked += 1
    assert checked > 1000


_TOKENS = [
    *["between", "since", "this", "so far", "over", "in", "during", "the", "first", "at"],
    *["by", "to", "end of", "on", "eve of", "up to", "last", "late", "a", "an", "half a"],
    *["yesterday", "overnight", "for", "day", "days", "week", "month", "year", "same"],
    *["ago", "earlier", "before", "past", "previous", "began", "start of", "beginning of"],
    *["2024", "21", "5th", "3", "-", ",", ".", "and", "invasion", "war", "offensive"],
    *PATS.months,
    *PATS.weekdays,
    *PATS.numbers,
    "İn",
    "ſince",
    "\u212aursk",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=12), st.booleans())
def test_scan_matches_finditer_on_time_words(words: list[str], upper: bool) -> None:
    """On any run of time words, digits and case traps the scan equals finditer."""
    text = " ".join(words)
    text = text.upper() if upper else text
    assert _found(dates._scan(PATS, text)) == _found(PATS.regex.finditer(text))


def test_opening_is_the_first_expression_when_it_opens_the_sentence() -> None:
    """opening() scans only the first words, yet answers as find()[0] within the limit."""
    lex = load_lexicon("en")
    published = date(2024, 8, 13)
    texts = [*_sentences(), "By Tuesday, Kyiv held 1,000 km².", "At most 5% on Monday."]
    for text in texts:
        for limit in (0, 4, 20):
            full = dates.TimeResolver(lex, published=published).find(text, ref=published)
            want = full[0] if full and full[0].start <= limit else None
            got = dates.TimeResolver(lex, published=published).opening(
                text, ref=published, limit=limit
            )
            assert got == want, text
