"""Find figures in a sentence: numbers with their unit, range and hedge.

Reads one sentence and the language lexicon; writes :class:`Figure` records in
canonical units (the spec's "Values" rules): km² (square miles converted and
rounded to whole km², to 0.1 below 100; hectares / 100), shares as fractions
(64% -> 0.64), settlements as counts. A range ("15 to 17%") is its upper bound
with ``up_to``. A unit conversion in brackets right after a figure is not a
figure of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from claimmap.extract.lang import Grammar
from claimmap.extract.lexicon import (
    Cue,
    Lexicon,
    _fold_twin,
    _folds_alike,
    fold_case,
    phrase_pattern,
    words_of,
)
from claimmap.model import Measure, Qualifier

KM2_PER_MI2 = 2.589988110336
AREA, PERCENT, FRACTION, SETTLEMENTS, BARE = "area", "percent", "fraction", "settlements", "bare"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number with its unit in a sentence (offsets are absolute)."""

    start: int
    end: int
    value: float
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    #: "mi2" or "ha" when the figure was converted to km²
    converted_from: str | None = None
    #: a figure in brackets right after another one (a conversion): not a claim
    conversion: bool = False
    #: "N of the M villages": M is a total, not a claim
    total: bool = False

    @property
    def counted_measure(self) -> Measure | None:
        """The measure a unit fixes by itself (areas, settlements); shares need context."""
        return {AREA: Measure.AREA_KM2, SETTLEMENTS: Measure.SETTLEMENTS}.get(self.unit)

    @property
    def measure_value(self) -> float:
        """The value in the spec's canonical unit (shares as fractions)."""
        return self.value / 100.0 if self.unit == PERCENT else self.value


@dataclass(frozen=True, slots=True)
class _Patterns:
    figure: re.Pattern[str]
    #: ``figure`` with its twin for lower-cased text (matched text lower-cased)
    figure_cue: Cue
    #: a figure is written in digits or holds one of these (lower-cased) words: the
    #: last word of each number word, multiplier and fraction ("third" of "a third")
    figure_words: frozenset[str]
    hedge_before: re.Pattern[str]
    hedge_after: re.Pattern[str]
    hedge_kinds: dict[str, Qualifier]
    after_kinds: dict[str, Qualifier]
    words: dict[str, float]
    multipliers: dict[str, float]
    fractions: dict[str, float]
    units: dict[str, str]


def parse_number(raw: str, *, words: dict[str, float], multipliers: dict[str, float]) -> float:
    """Return the value of a number written in digits, words or both.

    >>> w = {"a": 1, "one": 1, "three": 3, "twenty": 20, "dozen": 12}
    >>> m = {"thousand": 1000, "hundred": 100, "million": 1e6}
    >>> parse_number("1,376", words=w, multipliers=m)
    1376.0
    >>> parse_number("1.3 thousand", words=w, multipliers=m)
    1300.0
    >>> parse_number("a thousand", words=w, multipliers=m)
    1000.0
    >>> parse_number("twenty-three", words=w | {"three": 3}, multipliers=m)
    23.0
    >>> parse_number("one and a half thousand", words=w | {"a half": 0.5}, multipliers=m)
    1500.0
    """
    text = raw.lower().replace("\u00a0", " ").strip()
    tokens = re.findall(r"\d[\d,.\s]*\d|\d|[a-z]+", text)
    # a number word of two words ("a half") is one token
    i = 0
    while i < len(tokens) - 1:
        pair = f"{tokens[i]} {tokens[i + 1]}"
        if pair in words:
            tokens[i : i + 2] = [pair]
        i += 1
    total = 0.0
    current = 0.0
    for tok in tokens:
        if tok[0].isdigit():
            current += float(re.sub(r"[,\s]", "", tok))
        elif tok in multipliers:
            mult = multipliers[tok]
            current = (current or 1.0) * mult
            if mult >= 1000:
                total += current
                current = 0.0
        elif tok in words:
            current += words[tok]
        # any other word ("and" in "one hundred and twenty") adds nothing
    return total + current


def _figure_source(lex: Lexicon, phrases: Callable[[Iterable[str]], str]) -> str:
    """The figure regex, with the lexicon's word lists written by ``phrases``."""
    g = lex.grammar
    n = lex.language.numbers
    u = lex.language.units
    word_alt = phrases([*n.words, *n.multipliers])
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    mult_alt = phrases(n.multipliers)
    spelled = rf"{g.number_article}{word_alt}(?:(?:\s+|-){g.number_and}{word_alt})*"
    number = rf"(?:(?:{digits})(?:\s+{mult_alt})?|{spelled})"
    units = {
        "km2": phrases(u.area_km2),
        "mi2": phrases(u.area_mi2),
        "ha": phrases(u.hectares),
        "pct": r"(?:\s?%|\s+" + phrases([p for p in u.percent if p != "%"]) + ")",
        "settle": phrases(u.settlements),
    }
    adjectives = phrases(u.settlement_adjectives)
    rng = g.range_separator
    unit_group = (
        rf"(?:(?P<pct>{units['pct']})"
        rf"|\s*(?:(?P<km2>{units['km2']})|(?P<mi2>{units['mi2']})|(?P<ha>{units['ha']}))"
        rf"|\s+(?:{g.settlements_of}(?P<ofset>{units['settle']}))"
        rf"|\s+(?:{adjectives}\s+)?(?P<settle>{units['settle']}))?"
    )
    fraction_alt = phrases(n.fractions)
    # the fraction first: "three-quarters of" is not the number "three"
    return (
        rf"(?<![\w-])(?P<frac>{fraction_alt}){g.fraction_of}"
        rf"|(?<![\w.,])(?P<btw>{g.range_between})?(?P<lo>{number}){g.percent_glued}"
        rf"(?:{rng}(?P<hi>{number}))?{unit_group}(?![\w])"
    )


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> _Patterns:
    lang = lex.language
    g = lex.grammar
    n = lang.numbers
    words = dict(n.words)
    words[g.article_one] = 1
    u = lang.units
    lists = [
        [*n.words, *n.multipliers],
        n.multipliers,
        u.area_km2,
        u.area_mi2,
        u.hectares,
        [p for p in u.percent if p != "%"],
        u.settlements,
        u.settlement_adjectives,
        n.fractions,
    ]
    figure = re.compile(_figure_source(lex, phrase_pattern), re.IGNORECASE)
    # the twin for lower-cased text: the same regex over the lower-cased word lists
    twin = None
    if all(_folds_alike(list(words_)) for words_ in lists):
        twin = _fold_twin(_figure_source(lex, lambda ps: phrase_pattern(p.lower() for p in ps)))
    hedge_kinds: dict[str, Qualifier] = {}
    for q in Qualifier:
        for phrase in getattr(lang.hedges, q.value):
            hedge_kinds[" ".join(phrase.lower().split())] = q
    after_kinds: dict[str, Qualifier] = {}
    for phrase in lang.hedges.after_exact:
        after_kinds[phrase.lower()] = Qualifier.EXACT
    for phrase in lang.hedges.after_about:
        after_kinds[phrase.lower()] = Qualifier.ABOUT
    for phrase in lang.hedges.after_more_than:
        after_kinds[phrase.lower()] = Qualifier.MORE_THAN
    hedge_before = re.compile(rf"({phrase_pattern(hedge_kinds)})\s*$", re.IGNORECASE)
    # "3,800 km² and more than 300 settlements": "and more" then "than" is no hedge
    hedge_after = re.compile(
        rf"^\s*[—–,-]?\s*({phrase_pattern(after_kinds)}){g.hedge_after_stop}", re.IGNORECASE
    )
    return _Patterns(
        figure=figure,
        figure_cue=Cue(figure, None if twin is None else re.compile(twin)),
        figure_words=frozenset(
            words_[-1]
            for phrase in [*n.words, *n.multipliers, *n.fractions]
            if (words_ := _WORD.findall(phrase.lower()))
        ),
        hedge_before=hedge_before,
        hedge_after=hedge_after,
        hedge_kinds=hedge_kinds,
        after_kinds=after_kinds,
        words=words,
        multipliers=dict(n.multipliers),
        fractions={k.lower(): v for k, v in n.fractions.items()},
        units={
            "km2": phrase_pattern(u.area_km2),
            "mi2": phrase_pattern(u.area_mi2),
            "ha": phrase_pattern(u.hectares),
            "pct": r"(?:\s?%|\s+" + phrase_pattern([p for p in u.percent if p != "%"]) + ")",
            "settle": phrase_pattern(u.settlements),
        },
    )


_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def find_figures(text: str, offset: int, lex: Lexicon) -> list[Figure]:
    """Return the figures of a sentence ``text`` that starts at ``offset``."""
    pats = _patterns(lex)
    if not _may_hold_figure(text, pats):
        return []
    figures: list[Figure] = []
    # matched over lower-cased text where it can be: the groups are read case-insensitively
    for m in pats.figure_cue.matches(text):
        fig = _figure_from_match(m, text, offset, pats, g=lex.grammar)
        if fig is not None:
            figures.append(fig)
    return _mark_conversions(figures, text, offset, g=lex.grammar)


def _may_hold_figure(text: str, pats: _Patterns) -> bool:
    """Whether the figure regex can match in ``text``: false for most sentences.

    A figure is written in digits or holds a number's, multiplier's or fraction's
    last word; a text with neither is passed by without running the regex.
    """
    low = fold_case(text)
    return (
        low is None
        or _DIGIT.search(text) is not None
        or not pats.figure_words.isdisjoint(words_of(low))
    )


def _figure_from_match(
    m: re.Match[str], text: str, offset: int, pats: _Patterns, *, g: Grammar
) -> Figure | None:
    start, end = m.start(), m.end()
    if m.group("frac"):
        if g.fraction_of_time.match(text, end):
            # "in the first half of the year" is a time, not a share
            return None
        if g.fraction_as_place.search(text, max(0, start - 14), start):
            # "across the whole of Ukraine" names where, not how much
            return None
        value = pats.fractions[" ".join(m.group("frac").lower().split())]
        qualifier = _hedge(text, start, end, pats, g=g)
        return Figure(offset + start, offset + end, value, FRACTION, qualifier)
    lo_raw, hi_raw = m.group("lo"), m.group("hi")
    lo_raw_clean = lo_raw.strip().lower()
    if lo_raw_clean in g.articles:
        return None
    # "a few dozen square kilometres", "one in five square kilometres": no figure
    if g.vague_before.search(text, max(0, start - 12), start):
        return None
    raw = hi_raw or lo_raw
    value = parse_number(raw, words=pats.words, multipliers=pats.multipliers)
    matched = m.group(0)
    is_pct = bool(m.group("pct")) or bool(g.percent_word.search(matched))
    converted: str | None = None
    total = False
    if is_pct:
        unit = PERCENT
    elif m.group("km2"):
        unit = AREA
    elif m.group("mi2"):
        unit, converted = AREA, "mi2"
        value = value * KM2_PER_MI2
        value = round(value) if value >= 100 else round(value, 1)
    elif m.group("ha"):
        unit, converted = AREA, "ha"
        value = value / 100.0
    elif m.group("settle") or m.group("ofset"):
        unit = SETTLEMENTS
    else:
        unit = BARE
        if _YEAR.match(lo_raw_clean) or (hi_raw is not None and not lo_raw[0].isdigit()):
            return None
        # a number with no unit is a figure only in a list that carries one ("261 in the
        # Zaporizhzhia region"), never before a noun or after a month
        if not g.bare_next.match(text[end:]) or g.month_before.search(
            text[max(0, start - 12) : start]
        ):
            return None
    if unit == SETTLEMENTS and m.group("ofset") is None:
        # "847 of the region's 1,298 villages": the second number is a total
        before = text[max(0, start - 40) : start]
        # ("driven out of three villages" has no first number: no total)
        of_total = g.of_total.search(before)
        total = of_total is not None and (
            of_total.group("n")[0].isdigit() or of_total.group("n").lower() in pats.words
        )
    if unit in {SETTLEMENTS, AREA} and g.of_the_before.search(text[max(0, start - 12) : start]):
        # "Of the 930 settlements in our region, 578 are now occupied": a total
        total = True
    qualifier = _hedge(text, start, end, pats, g=g)
    if hi_raw is not None:
        qualifier = Qualifier.UP_TO
    return Figure(offset + start, offset + end, value, unit, qualifier, converted, False, total)


def _hedge(text: str, start: int, end: int, pats: _Patterns, *, g: Grammar) -> Qualifier:
    after = pats.hedge_after.match(text[end : end + 30])
    if after:
        return pats.after_kinds[" ".join(after.group(1).lower().split())]
    left = text[max(0, start - 40) : start]
    before = pats.hedge_before.search(left)
    # "had crept up to 55%": the verb's particle, not a hedge
    if before and not g.rise_to.search(left[: before.start() + 2]):
        return pats.hedge_kinds[" ".join(before.group(1).lower().split())]
    return Qualifier.EXACT


def _mark_conversions(figures: list[Figure], text: str, offset: int, *, g: Grammar) -> list[Figure]:
    out: list[Figure] = []
    for fig in figures:
        if out and fig.unit == AREA and out[-1].unit == AREA:
            between = text[out[-1].end - offset : fig.start - offset]
            if g.conversion_gap.fullmatch(between):
                first = out[-1]
                if first.converted_from is not None and fig.converted_from is None:
                    # "more than 2,300 square miles (6,000 square kilometers)": the outlet's
                    # own square kilometres are the figure, with the hedge said first
                    if fig.qualifier is Qualifier.EXACT:
                        fig = replace(fig, qualifier=first.qualifier)
                    out[-1] = replace(first, conversion=True)
                else:
                    fig = replace(fig, conversion=True)
        out.append(fig)
    return out
