"""Load and validate the extraction data files: gazetteer, actors, language lexicons.

Reads ``claimmap/data/gazetteer.toml``, ``claimmap/data/actors.toml`` and
``claimmap/data/lexicons/<language>.toml`` (plus any user files given with
``--lexicon``), validates them with pydantic and compiles them into the
:class:`Lexicon` the extractor uses, with the language's grammar module
(``claimmap.extract.lang.<language>``). A file that does not validate raises
:class:`claimmap.errors.LexiconError` naming the file and the entry.

A user file may hold any of the three kinds of table (``[[region]]``,
``[[actor]]``, ``[[group]]``, ``[towns]``, or language sections with a
``language`` key); its entries are added to the built-in ones.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from claimmap.errors import LexiconError
from claimmap.extract.lang import Grammar, load_grammar

_M = TypeVar("_M", bound=BaseModel)

ISO_RE = re.compile(r"^(?:UA|RU)(?:-[A-Z0-9]{2,3})?$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RegionEntry(_Strict):
    iso: str
    country: Literal["UA", "RU"]
    en: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    uk: list[str] = Field(default_factory=list)

    @field_validator("iso")
    @classmethod
    def _iso(cls, value: str) -> str:
        if not ISO_RE.match(value):
            raise ValueError(f"{value!r} is not an ISO 3166-2 code of Ukraine or Russia")
        return value


class GroupEntry(_Strict):
    name: str
    members: list[str]
    en: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    uk: list[str] = Field(default_factory=list)


class ActorEntry(_Strict):
    side: Literal["RU", "UA", "other"]
    kind: Literal["person", "body", "analyst"]
    names: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)


class NumbersSection(_Strict):
    words: dict[str, float] = Field(default_factory=dict)
    multipliers: dict[str, float] = Field(default_factory=dict)
    fractions: dict[str, float] = Field(default_factory=dict)
    decimal_comma: bool = False


class UnitsSection(_Strict):
    area_km2: list[str]
    area_mi2: list[str]
    hectares: list[str]
    percent: list[str]
    settlements: list[str]
    settlement_adjectives: list[str] = Field(default_factory=list)


class HedgesSection(_Strict):
    about: list[str] = Field(default_factory=list)
    more_than: list[str] = Field(default_factory=list)
    less_than: list[str] = Field(default_factory=list)
    almost: list[str] = Field(default_factory=list)
    at_least: list[str] = Field(default_factory=list)
    up_to: list[str] = Field(default_factory=list)
    exact: list[str] = Field(default_factory=list)
    after_exact: list[str] = Field(default_factory=list)
    after_about: list[str] = Field(default_factory=list)
    after_more_than: list[str] = Field(default_factory=list)


class SidesSection(_Strict):
    RU: list[str]
    UA: list[str]
    self: list[str] = Field(default_factory=list)
    enemy: list[str] = Field(default_factory=list)


class VerbsSection(_Strict):
    holds: list[str]
    gained: list[str]
    lose: list[str]
    passive_gain: list[str] = Field(default_factory=list)
    passive_hold: list[str] = Field(default_factory=list)
    to_be_freed: list[str] = Field(default_factory=list)


class FramesSection(_Strict):
    control_state_re: list[str] = Field(default_factory=list)
    holder_before_re: list[str] = Field(default_factory=list)
    not_a_verb_re: list[str] = Field(default_factory=list)
    initial_re: list[str] = Field(default_factory=list)
    region_re: list[str] = Field(default_factory=list)
    share_blocklist_re: list[str] = Field(default_factory=list)


class CuesSection(_Strict):
    media_re: list[str] = Field(default_factory=list)
    distractor_re: list[str] = Field(default_factory=list)
    say_verbs: list[str] = Field(default_factory=list)
    according_to: list[str] = Field(default_factory=list)
    count_nouns: list[str] = Field(default_factory=list)


class TimeSection(_Strict):
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int] = Field(default_factory=dict)
    events: dict[str, str] = Field(default_factory=dict)
    undated_re: list[str] = Field(default_factory=list)


class LanguageFile(_Strict):
    language: str
    numbers: NumbersSection
    units: UnitsSection
    hedges: HedgesSection
    sides: SidesSection
    verbs: VerbsSection
    frames: FramesSection
    cues: CuesSection
    time: TimeSection


class UserFile(_Strict):
    """A user's own additions: places, groups, towns and speakers."""

    region: list[RegionEntry] = Field(default_factory=list)
    group: list[GroupEntry] = Field(default_factory=list)
    actor: list[ActorEntry] = Field(default_factory=list)
    towns: dict[str, list[str]] = Field(default_factory=dict)


def _trie_regex(phrases: Sequence[str]) -> str:
    """Return a regex matching any of ``phrases`` as a prefix tree, longest first.

    A flat alternation of hundreds of names makes ``re`` try each name at each
    position; a prefix tree tries each first letter once.

    >>> re.fullmatch(_trie_regex(["sq km", "sq mi", "sq"]), "sq  mi") is not None
    True
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(phrase.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def phrase_pattern(phrases: Iterable[str]) -> str:
    """Return a regex matching any of ``phrases`` (longest first) on word boundaries.

    Phrases become a prefix tree; the left word boundary is tested once per
    position, the right one after each phrase that ends in a letter or digit.

    >>> re.findall(phrase_pattern(["sq km", "sq", "%"]), "12 sq km, 5%")
    ['sq km', '%']
    """
    parts = {" ".join(p.split()) for p in phrases if p.strip()}
    worded = sorted(p for p in parts if p[0].isalnum())
    other = sorted(p for p in parts if not p[0].isalnum())
    alts = []
    for group, left in ((worded, r"(?<![\w])"), (other, "")):
        closed = [p for p in group if p[-1].isalnum()]
        open_ = [p for p in group if not p[-1].isalnum()]
        if closed:
            alts.append(left + "(?:" + _trie_regex(closed) + r")(?![\w])")
        if open_:
            alts.append(left + "(?:" + _trie_regex(open_) + ")")
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


# The only letters IGNORECASE matches to an ASCII letter that str.lower() leaves apart
# (dotless i, long s); dotted I lowers to two characters and the Kelvin sign to "k".
_CASE_TRAPS = "ıſ"


# Every cue of a sentence lowers the same sentence: kept for the sentences at hand.
@lru_cache(maxsize=1024)
def fold_case(text: str) -> str | None:
    """Return ``text`` lower-cased where a case-sensitive match on it is an IGNORECASE one.

    That holds when lowering keeps every offset (no character lowers to two) and
    the text has no letter that IGNORECASE, but not ``str.lower``, folds to ASCII.
    Otherwise None.

    >>> fold_case("Kursk Region")
    'kursk region'
    >>> fold_case("İstanbul") is None
    True
    """
    low = text.lower()
    if not text.isascii() and (len(low) != len(text) or any(c in text for c in _CASE_TRAPS)):
        return None
    return low


_REGEX_TOKEN = re.compile(r"\\.|.", re.DOTALL)
#: escapes whose meaning does not depend on case (classes, anchors, escaped punctuation)
_SAFE_ESCAPES = frozenset("bBwWsSdDAZntrfv")


def _fold_twin(source: str) -> str | None:
    r"""Return ``source`` for case-sensitive use over lower-cased text, or None if unsafe.

    Safe is a source with no upper-case or cased non-ASCII letter, no inline flags
    and no escape that could stand for a letter (``\x41``, ``\N{...}``, a group
    number). ``\b`` before a letter is written as a look-behind after it, which
    matches the same: ``\bc`` and ``c(?<!\w.)`` both match a "c" with no word
    character before it, but only a pattern whose alternatives begin with a
    literal lets ``re`` skip to the next possible first letter.

    >>> _fold_twin(r"(?:\bcovers?\b)|(?:\ba day\b)|(?:\bx?)|[\b]a")
    '(?:c(?<!\\w.)overs?\\b)|(?:a(?<!\\w.) day\\b)|(?:\\bx?)|[\\b]a'
    >>> _fold_twin(r"[A-Z]\w+") is None
    True
    >>> _fold_twin(r"(?P<n>\bof)\s+(?P=n)")
    '(?P<n>o(?<!\\w.)f)\\s+(?P=n)'

    """
    tokens = _REGEX_TOKEN.findall(source)
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(" and tokens[i + 1 : i + 3] == ["?", "P"]:
            # a named group or a reference to one: the "P" is syntax, not a letter
            out.append("(?P")
            i += 3
            continue
        if len(tok) == 2:
            if tok[1].isalnum() and tok[1] not in _SAFE_ESCAPES:
                return None
        elif tok.isupper() or (not tok.isascii() and (tok.isalpha() or tok.lower() != tok.upper())):
            return None
        elif tok == "(" and tokens[i + 1 : i + 2] == ["?"]:
            flag = tokens[i + 2] if i + 2 < len(tokens) else ""
            if flag in ("-", "a", "i", "L", "m", "s", "u", "x"):
                return None
        if in_class:
            in_class = tok != "]"
        elif tok == "[":
            in_class = True
            # "[]...]" and "[^]...]": a "]" first is a member, not the end
            if tokens[i + 1 : i + 2] == ["^"]:
                out.append(tok)
                i += 1
                tok = tokens[i]
            if tokens[i + 1 : i + 2] == ["]"]:
                out.append(tok)
                i += 1
                tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        after = tokens[i + 2] if i + 2 < len(tokens) else ""
        if (
            not in_class
            and tok == r"\b"
            and len(nxt) == 1
            and "a" <= nxt <= "z"
            and after[:1] not in "?*+{"
        ):
            out.append(nxt + r"(?<!\w.)")
            i += 2
            continue
        out.append(tok)
        i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class Cue:
    """An IGNORECASE pattern asked only where it matches (spans), fast where it can be.

    Case-insensitive matching is several times slower in ``re`` than matching
    lower-cased text case-sensitively, and a pattern that opens with ``\b`` is
    tried at every position. Where the pattern allows (:func:`_fold_twin`) and the
    text allows (:func:`fold_case`), a cue matches its twin over the lower-cased
    text: the same spans. Otherwise it runs the pattern itself.

    A cue of phrases that all begin with a word (:func:`phrase_cue`) knows those
    first words (``firsts``): a match can only start at a word of the text that is
    one of them, so a text that has none is not scanned at all (most sentences and
    the windows the stages ask about name no place, speaker or speaking verb). Asking
    the twin only at those words was no faster than one scan: a text that has one
    has several.
    """

    regex: re.Pattern[str]
    folded: re.Pattern[str] | None
    #: the lower-cased first words (``\w+``) every match begins with, if known
    firsts: frozenset[str] | None = None

    def _folded_matches(
        self, low: str, folded: re.Pattern[str], first: bool
    ) -> list[re.Match[str]]:
        if self.firsts is not None and self.firsts.isdisjoint(words_of(low)):
            return []
        if first:
            m = folded.search(low)
            return [] if m is None else [m]
        return list(folded.finditer(low))

    def search(self, text: str) -> tuple[int, int] | None:
        """Return the span of the first match in ``text``, or None."""
        low = fold_case(text) if self.folded is not None else None
        if low is None or self.folded is None:
            m = self.regex.search(text)
            return None if m is None else m.span()
        found = self._folded_matches(low, self.folded, True)
        return found[0].span() if found else None

    def matches(self, text: str) -> list[re.Match[str]]:
        """Return the matches in ``text`` (as ``finditer``), perhaps over its lower-cased copy.

        Their spans are those in ``text``; their matched text is lower-cased when the
        twin ran, so a caller reads it case-insensitively or slices ``text``.
        """
        low = fold_case(text) if self.folded is not None else None
        if low is None or self.folded is None:
            return list(self.regex.finditer(text))
        return self._folded_matches(low, self.folded, False)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Return the spans of all matches in ``text`` (as ``finditer``)."""
        low = fold_case(text) if self.folded is not None else None
        if low is None or self.folded is None:
            return [m.span() for m in self.regex.finditer(text)]
        return [m.span() for m in self._folded_matches(low, self.folded, False)]


_WORD = re.compile(r"\w+")


# Every phrase cue of a sentence reads the same words: kept for the sentences at hand.
@lru_cache(maxsize=1024)
def words_of(low: str) -> frozenset[str]:
    r"""Return the words (``\w+``) of a lower-cased text."""
    return frozenset(_WORD.findall(low))


def forget_texts() -> None:
    """Drop the lower-cased texts and words kept for the sentences at hand.

    Called once per article, so an article is never read faster for having been read
    before (a benchmark that extracts the same texts again would otherwise time the
    cache), and the memory held is one article's.
    """
    fold_case.cache_clear()
    words_of.cache_clear()


@lru_cache(maxsize=256)
def cue(regex: re.Pattern[str]) -> Cue:
    """Wrap a compiled pattern as a :class:`Cue` (once per pattern)."""
    source = _fold_twin(regex.pattern) if regex.flags & re.IGNORECASE else None
    if source is None:
        return Cue(regex, None)
    return Cue(regex, re.compile(source, regex.flags & ~re.IGNORECASE))


def _folds_alike(phrases: Sequence[str]) -> bool:
    """Whether the prefix tree of the lower-cased phrases matches as that of the phrases.

    Every letter must be ASCII. IGNORECASE tries two branches that differ only in
    case ("R" of "Russian", "r" of "recaptured") one after the other, where the
    lower-cased tree has one: the same matches as long as the words part at the
    next letter and neither ends there ("R" and "ra" would not: IGNORECASE stops
    at "R", the merged tree goes on to "ra").
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        text = " ".join(phrase.split())
        if not all(c.isascii() or (c.lower() == c == c.upper() and not c.isalpha()) for c in text):
            return False
        node = trie
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alike(nodes: list[dict[str, Any]]) -> bool:
        if len(nodes) > 1:
            firsts = [{ch.lower() for ch in n} for n in nodes]
            if any("" in f for f in firsts) or sum(map(len, firsts)) != len(set().union(*firsts)):
                return False
        merged: dict[str, list[dict[str, Any]]] = {}
        for n in nodes:
            for ch, child in n.items():
                if ch:
                    merged.setdefault(ch.lower(), []).append(child)
        return all(alike(group) for group in merged.values())

    return alike([trie])


def phrase_cue(phrases: Iterable[str]) -> Cue:
    """Return :func:`phrase_pattern` of ``phrases`` as an IGNORECASE :class:`Cue`.

    Its twin is the prefix tree of the lower-cased phrases, matched case-sensitively
    over lower-cased text (about twice as fast), where :func:`_folds_alike` holds.
    Callers read the matched text from the original, by the spans.

    >>> phrase_cue(["Kursk", "Kursk region"]).spans("The KURSK Region, Kursk.")
    [(4, 16), (18, 23)]
    """
    listed = [p for p in phrases if p.strip()]
    regex = re.compile(phrase_pattern(listed), re.IGNORECASE)
    if not _folds_alike(listed):
        return Cue(regex, None)
    lowered = [" ".join(p.lower().split()) for p in listed]
    # phrase_pattern puts a word boundary before every phrase that opens with a letter
    # or digit, so such a match starts where a word of the text does, and that word is
    # the phrase's first (a word ends where the phrase's first word does: at a space,
    # a sign or the phrase's end, which is followed by no letter or digit)
    firsts = [_WORD.match(p) for p in lowered]
    known = all(p[0].isalnum() and f is not None for p, f in zip(lowered, firsts, strict=True))
    return Cue(
        regex,
        re.compile(phrase_pattern(lowered)),
        frozenset(f.group() for f in firsts if f is not None) if known else None,
    )


def _compile(path: str, where: str, patterns: Sequence[str]) -> re.Pattern[str]:
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)
    except re.error as exc:
        raise LexiconError(path, f"{where}: invalid regular expression: {exc}") from exc


@dataclass(slots=True, eq=False)
class Lexicon:
    """Everything the extractor needs for one language, compiled."""

    language: LanguageFile
    regions: list[RegionEntry]
    groups: list[GroupEntry]
    actors: list[ActorEntry]
    towns: dict[str, str]
    region_country: dict[str, str]
    #: the language's hand-written syntax (``claimmap.extract.lang.<code>``)
    grammar: Grammar
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)
    control_states: list[re.Pattern[str]] = field(default_factory=list)

    def pattern(self, name: str) -> re.Pattern[str]:
        return self.compiled[name]


def _read_toml(path: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, f"not valid TOML: {exc}") from exc


def _validate(model: type[_M], path: str, data: dict[str, Any]) -> _M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise LexiconError(path, f"entry {where}: {first['msg']}") from exc


def _builtin(name: str) -> tuple[str, str]:
    res = resources.files("claimmap.data").joinpath(name)
    return f"claimmap/data/{name}", res.read_text(encoding="utf-8")


@lru_cache(maxsize=16)
def load_lexicon(language: str = "en", extra: tuple[str, ...] = ()) -> Lexicon:
    """Load, validate and compile the lexicon of ``language`` plus ``extra`` user files."""
    try:
        lang_path, lang_text = _builtin(f"lexicons/{language}.toml")
    except FileNotFoundError as exc:
        raise LexiconError(
            f"claimmap/data/lexicons/{language}.toml", f"no lexicon for language {language!r}"
        ) from exc
    lang = _validate(LanguageFile, lang_path, _read_toml(lang_path, lang_text))
    gaz_path, gaz_text = _builtin("gazetteer.toml")
    act_path, act_text = _builtin("actors.toml")
    merged = _validate(UserFile, gaz_path, _read_toml(gaz_path, gaz_text))
    actors = _validate(UserFile, act_path, _read_toml(act_path, act_text)).actor
    regions, groups = list(merged.region), list(merged.group)
    towns_by_region = dict(merged.towns)
    for path in extra:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LexiconError(path, f"cannot read lexicon file: {exc}") from exc
        data = _read_toml(path, text)
        user = _validate(UserFile, path, data)
        regions += user.region
        groups += user.group
        actors = [*actors, *user.actor]
        for iso, names in user.towns.items():
            towns_by_region.setdefault(iso, []).extend(names)
    region_country: dict[str, str] = {r.iso: str(r.country) for r in regions}
    for g in groups:
        for member in g.members:
            if member not in region_country:
                raise LexiconError(gaz_path, f"group {g.name!r}: unknown member {member!r}")
    towns = {}
    for iso, names in towns_by_region.items():
        if iso not in region_country:
            raise LexiconError(gaz_path, f"towns: unknown region {iso!r}")
        for name in names:
            towns[name.lower()] = iso
    lex = Lexicon(
        language=lang,
        regions=regions,
        groups=groups,
        actors=actors,
        towns=towns,
        region_country=region_country,
        grammar=load_grammar(lang.language),
    )
    _compile_all(lex, lang_path)
    return lex


def _compile_all(lex: Lexicon, path: str) -> None:
    lang = lex.language
    c = lex.compiled
    c["initial"] = _compile(path, "frames.initial_re", lang.frames.initial_re)
    c["holder_before"] = _compile(path, "frames.holder_before_re", lang.frames.holder_before_re)
    c["not_a_verb"] = _compile(path, "frames.not_a_verb_re", lang.frames.not_a_verb_re)
    c["region_object"] = _compile(path, "frames.region_re", lang.frames.region_re)
    c["share_block"] = _compile(path, "frames.share_blocklist_re", lang.frames.share_blocklist_re)
    lex.control_states = [
        _compile(path, f"frames.control_state_re[{i}]", [p])
        for i, p in enumerate(lang.frames.control_state_re)
    ]
    c["media"] = _compile(path, "cues.media_re", lang.cues.media_re)
    c["undated"] = _compile(path, "time.undated_re", lang.time.undated_re)
    c["distractor"] = _compile(path, "cues.distractor_re", lang.cues.distractor_re)
