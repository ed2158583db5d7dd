"""Per-language grammar modules (claimmap.extract.lang)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from claimmap.errors import ConfigError
from claimmap.extract.lang import Grammar, available_languages, load_grammar
from claimmap.extract.lang.en import GRAMMAR
from claimmap.extract.lexicon import load_lexicon
from claimmap.extract.segment import split_sentences


def test_unknown_language_raises_config_error_naming_the_available_ones() -> None:
    """A language without a grammar module is a ConfigError listing the known ones."""
    with pytest.raises(ConfigError) as err:
        load_grammar("xx")
    assert "'xx'" in str(err.value)
    assert "en" in str(err.value)


def test_available_languages_lists_the_english_module() -> None:
    """English is a known language: it has a module defining GRAMMAR."""
    assert "en" in available_languages()


@pytest.mark.parametrize(
    ("field", "text", "whole"),
    [
        ("list_gap", " covering an area of about ", True),
        ("list_gap", " and ", True),
        ("list_gap", " were retaken in ", False),
        ("place_list_gap", ", and ", True),
        ("place_list_gap", " with ", False),
    ],
)
def test_english_list_gaps_match_the_whole_gap_they_name(
    field: str, text: str, whole: bool
) -> None:
    """A gap joins two figures (or two places) only when the pattern spans all of it."""
    pattern = getattr(load_grammar("en"), field)
    assert (pattern.fullmatch(text) is not None) is whole


def test_every_field_of_the_english_grammar_is_set() -> None:
    """No field of the English grammar is empty: each stage finds what it asks for."""
    grammar = load_grammar("en")
    assert isinstance(grammar, Grammar)
    for f in dataclasses.fields(Grammar):
        value = getattr(grammar, f.name)
        if isinstance(value, re.Pattern):
            assert value.pattern, f.name
        else:
            assert isinstance(value, (str, frozenset, tuple)), f.name
            assert len(value) > 0, f.name


def test_the_english_lexicon_carries_the_english_grammar() -> None:
    """load_lexicon attaches the grammar of the lexicon's own language."""
    assert load_lexicon("en").grammar is load_grammar("en")


@pytest.mark.parametrize(
    ("field", "text", "matches"),
    [
        ("apposition_end", "6% remained in Russian hands, down from ", True),
        ("apposition_end", "6% remained in Russian hands and ", False),
        ("comparison_before", "up from ", True),
        ("office_before", "the governor of the ", True),
        ("town_goal", "pushing towards ", True),
        ("town_goal", "fighting in ", False),
        ("passing", "near the border with the ", True),
        ("passing", "fighting in the ", False),
        ("region_anaphor_later", "and 300 settlements there", True),
        ("analyst_title", ", a Kyiv think tank, said", True),
        ("analyst_title", ", the region's governor, said", False),
        ("of_the_before", "Of the ", True),
        ("count_at", "put the number of settlements at ", True),
    ],
)
def test_english_patterns_recognise_what_their_fields_name(
    field: str, text: str, matches: bool
) -> None:
    """A few English fields, on the phrases their comments name."""
    pattern = getattr(load_grammar("en"), field)
    assert (pattern.search(text) is not None) is matches


def test_capitalised_name_matches_as_its_one_or_two_first_names_form() -> None:
    """The name pattern, written to begin with [A-Z], finds what (?:Name\\s+){1,2}Name does."""
    name = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
    plain = re.compile(
        rf"(?P<n>(?:{name}\s+){{1,2}}{name})"
        + GRAMMAR.capitalised_name.pattern.split("(?=", 1)[1].join(["(?=", ""])
    )
    data = Path(__file__).parent / "data" / "heldout.jsonl"
    texts = [json.loads(line)["text"] for line in data.read_text(encoding="utf-8").splitlines()]
    texts.append("Oleksandr Syrskyi said. Apty Alaudinov Jr Smith, told. A-Bc De-Fg Hi said")
    for text in texts:
        for sent in split_sentences(text):
            want = [m.span() for m in plain.finditer(sent.text)]
            assert [m.span() for m in GRAMMAR.capitalised_name.finditer(sent.text)] == want
