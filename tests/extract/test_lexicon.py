"""Cues (claimmap.extract.lexicon.cue): case-sensitive twins over lower-cased text."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimmap.extract import actors, frames, numbers
from claimmap.extract.lexicon import (
    Cue,
    _fold_twin,
    _folds_alike,
    cue,
    fold_case,
    load_lexicon,
    phrase_cue,
)
from claimmap.extract.pipeline import _number_of
from claimmap.extract.segment import split_sentences

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "data" / "articles" / "dev.jsonl"
HELDOUT = Path(__file__).parent / "data" / "heldout.jsonl"
LEX = load_lexicon("en")


def _ignorecase_patterns() -> dict[str, re.Pattern[str]]:
    """Every IGNORECASE pattern of the English lexicon and grammar."""
    out = {f"lexicon.{k}": v for k, v in LEX.compiled.items()}
    out["number_of"] = _number_of(LEX)
    for f in dataclasses.fields(LEX.grammar):
        value = getattr(LEX.grammar, f.name)
        if isinstance(value, re.Pattern):
            out[f"grammar.{f.name}"] = value
    return {k: v for k, v in out.items() if v.flags & re.IGNORECASE}


PATTERNS = _ignorecase_patterns()


def _texts() -> list[str]:
    out = []
    for path in (DEV, HELDOUT):
        for line in path.read_text(encoding="utf-8").splitlines():
            for s in split_sentences(json.loads(line)["text"]):
                # whole sentences and the short windows the stages ask about
                out += [s.text, s.text[:40], s.text[-60:]]
    return out


TEXTS = _texts()


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_cue_finds_the_spans_of_its_pattern_on_real_sentences(name: str) -> None:
    """A cue's spans and first span are its pattern's, in any case and with case traps."""
    pattern = PATTERNS[name]
    c = cue(pattern)
    for text in TEXTS:
        for variant in (text, text.upper(), text.replace("i", "ı"), text.replace("s", "ſ")):
            spans = [m.span() for m in pattern.finditer(variant)]
            assert c.spans(variant) == spans, (name, variant)
            assert c.search(variant) == (spans[0] if spans else None)


def test_the_costly_english_cues_have_fast_twins() -> None:
    """The distractor, media, undated and clause-boundary cues run over folded text."""
    for name in ("lexicon.distractor", "lexicon.media", "lexicon.undated", "number_of"):
        assert cue(PATTERNS[name]).folded is not None, name
    assert cue(LEX.grammar.clause_boundary).folded is not None


@pytest.mark.parametrize(
    "source",
    [r"[A-Z]\w+", r"(?-i:Kyiv)", r"\x41", r"\N{LATIN SMALL LETTER A}", r"(a)\1", "é"],
)
def test_fold_twin_refuses_what_case_folding_could_change(source: str) -> None:
    """Upper-case letters, inline flags, letter escapes and cased non-ASCII stay IGNORECASE."""
    assert _fold_twin(source) is None


def test_fold_case_refuses_text_whose_letters_fold_apart() -> None:
    """Dotless i and long s match ASCII letters under IGNORECASE; dotted I grows when lowered."""
    assert fold_case("Kyiv — 5 km²") == "kyiv — 5 km²"
    assert fold_case("Kıyiv") is None
    assert fold_case("Kurſk") is None
    assert fold_case("İzium") is None


_WORDS = ["a day", "covers", "Covering", "MINED", "per month", "had seized", "while", "but"]
_WORDS += ["said", "added", "have been added", "which", "as of", "as", "after", ";", " — "]
_WORDS += ["x", "total area", "grey zone", "at its peak", "K", "ſ", "ı", "İ", "'s", "-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10), st.sampled_from(["", " "]))
def test_cue_matches_its_pattern_on_cue_words(words: list[str], sep: str) -> None:
    """On runs of cue words, glued or spaced, a cue's spans are its pattern's."""
    text = sep.join(words)
    for name in ("lexicon.distractor", "lexicon.undated", "grammar.clause_boundary"):
        pattern = PATTERNS[name]
        assert cue(pattern).spans(text) == [m.span() for m in pattern.finditer(text)]


def _phrase_cues() -> dict[str, Cue]:
    a, f = actors._patterns(LEX), frames._patterns(LEX)
    return {
        "mention": a.mention_cue,
        "say": a.say_cue,
        "according": a.according_cue,
        "places": f.places_cue,
        "towns": f.towns_cue,
        "verbs": f.verbs_cue,
    }


@pytest.mark.parametrize("name", sorted(_phrase_cues()))
def test_phrase_cue_finds_its_phrases_as_the_ignorecase_tree_does(name: str) -> None:
    """The lower-cased tree over lower-cased text gives the IGNORECASE tree's spans."""
    c = _phrase_cues()[name]
    assert c.folded is not None
    assert c.firsts is not None
    for text in TEXTS:
        for variant in (text, text.upper(), text.swapcase(), text.replace("s", "ſ")):
            spans = [m.span() for m in c.regex.finditer(variant)]
            assert c.spans(variant) == spans
            assert [m.span() for m in c.matches(variant)] == spans
            assert c.search(variant) == (spans[0] if spans else None)


_PHRASE_WORDS = ["kursk", "region", "the", "oblast", "people's", "pro", "st", "1st", "a"]
_GLUE = [" ", "  ", "-", "'", ".", ",", "", "\n", "é", "9"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_PHRASE_WORDS), min_size=1, max_size=3).map(" ".join),
        min_size=1,
        max_size=5,
    ),
    st.data(),
)
def test_phrase_cue_skipping_texts_without_a_first_word_finds_what_its_tree_does(
    phrases: list[str], data: st.DataObject
) -> None:
    """A match starts at a word that opens a phrase: a text without one has no match."""
    c = phrase_cue(phrases)
    assert c.firsts is not None
    # the phrases themselves and loose words, glued or spaced
    piece = st.sampled_from([*phrases, *_PHRASE_WORDS])
    pieces = data.draw(st.lists(st.tuples(piece, st.sampled_from(_GLUE)), max_size=10))
    text = "".join(word + glue for word, glue in pieces)
    for variant in (text, text.title()):
        spans = [m.span() for m in c.regex.finditer(variant)]
        assert c.spans(variant) == spans
        assert c.search(variant) == (spans[0] if spans else None)


def test_phrase_cue_keeps_the_ignorecase_tree_for_phrases_that_differ_in_case() -> None:
    """ "Kyiv" and "kyiv region" are two branches under IGNORECASE: no twin, same spans."""
    c = phrase_cue(["Kyiv", "kyiv region"])
    assert c.folded is None
    assert c.spans("Kyiv region") == [(0, 4)]


def test_figure_twin_finds_the_figures_of_the_ignorecase_regex() -> None:
    """The figure regex over lower-cased text: the same spans, the groups lower-cased."""
    c = numbers._patterns(LEX).figure_cue
    assert c.folded is not None

    def found(matches: list[re.Match[str]]) -> list[object]:
        return [
            (m.span(), {k: v.lower() if v else v for k, v in m.groupdict().items()})
            for m in matches
        ]

    for text in TEXTS:
        for variant in (text, text.upper(), text.replace("s", "ſ")):
            assert found(c.matches(variant)) == found(list(c.regex.finditer(variant)))


def test_a_sentence_passed_by_as_figureless_has_no_figure_match() -> None:
    """The figure regex is skipped only where it would find nothing; most sentences."""
    pats = numbers._patterns(LEX)
    skipped = 0
    for text in TEXTS:
        for variant in (text, text.upper(), text.replace("s", "ſ")):
            if not numbers._may_hold_figure(variant, pats):
                skipped += 1
                assert list(pats.figure.finditer(variant)) == [], variant
    assert skipped > len(TEXTS) // 4
    # a spelled-out figure is seen by its last word
    assert numbers._may_hold_figure("Russia holds a third of it", pats)
    assert numbers._may_hold_figure("nearly a thousand square kilometres", pats)


@pytest.mark.parametrize(
    ("phrases", "alike"),
    [
        (["Ukrainian", "Russian", "recaptured"], True),
        (["Abc", "aXd"], True),
        (["Kyiv", "kyiv region"], False),
        (["R", "ra"], False),
        (["Sq km", "sq kilometres"], False),
        (["Kyïv"], False),
    ],
)
def test_folds_alike_only_where_case_twins_part_at_once(phrases: list[str], alike: bool) -> None:
    """Branches that differ in case may merge only where the words part at the next letter."""
    assert _folds_alike(phrases) is alike
