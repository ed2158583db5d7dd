"""Find time expressions in a sentence and resolve them to dates.

Reads a sentence, the statement's reference date and the article's publication
date; writes :class:`TimeExpr` records (a point, a period or an "undated" marker)
by the spec's date rules: a weekday is its latest occurrence on or before
publication, "last week" is publication minus 7 days, "in <month>" the whole month,
"this year" 1 January to the statement date, "over the past N days" starts N days
before, "August 20-21" takes the later day. The library never reads the clock.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from claimmap.extract.lexicon import Lexicon, cue, phrase_pattern

POINT, PERIOD, UNDATED, STATEMENT = "point", "period", "undated", "statement"
#: "over the same month": the period of the figure stated before
SAME = "same"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A resolved time expression; offsets are relative to the sentence."""

    start: int
    end: int
    kind: str
    since: date | None = None
    until: date | None = None
    #: the period is still running at the statement ("this year", "since 1 November")
    open_ended: bool = False

    @property
    def point(self) -> date | None:
        return self.until


def month_end(year: int, month: int) -> date:
    """Return the last day of a month.

    >>> month_end(2024, 2)
    datetime.date(2024, 2, 29)
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def latest_weekday(weekday: int, *, on_or_before: date) -> date:
    """Return the latest date with ``weekday`` (Monday 0) on or before a date.

    >>> latest_weekday(0, on_or_before=date(2024, 8, 13))
    datetime.date(2024, 8, 12)
    """
    return on_or_before - timedelta(days=(on_or_before.weekday() - weekday) % 7)


def minus_months(day: date, months: int) -> date:
    """Return the same day ``months`` earlier, clamped to the month's end.

    >>> minus_months(date(2022, 10, 13), 1)
    datetime.date(2022, 9, 13)
    """
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# The words a match of each branch of the time regex can begin with, by the branch's
# group name: <month>, <weekday> and <number> stand for the lexicon's words, <digit>
# for any word that starts with a digit. ``_scan`` tries at each word only the
# branches that can begin there, which gives finditer's matches at a fraction of
# its cost (finditer tries all branches at every word, case-insensitively). A
# branch missing from this table turns the scan off (finditer again); a branch
# given a new first word must have it added here (tests/extract/test_dates.py
# compares the scan with finditer on the dev and held-out sentences).
_MONTH, _WEEKDAY, _NUMBER, _DIGIT = "<month>", "<weekday>", "<number>", "<digit>"
_FIRST_WORDS: dict[str, tuple[str, ...]] = {
    "between": ("between", "from"),
    "monthspan": ("from", "between"),
    "betweenev": ("between",),
    "sincestart": ("since", "this", "so"),
    "sinceyear": ("since",),
    "quarter": ("in", "during", "over", "for"),
    "firstmonths": ("in", "during", "over", "for"),
    "half": ("in", "during", "over", "for"),
    "sinceev": ("since",),
    "sincebegan": ("since",),
    "since": ("since",),
    "past": ("over", "in", "during"),
    "firstdays": ("in", "the"),
    "endof": ("at", "by", "to"),
    "eve": ("on",),
    "ago": (_DIGIT, _NUMBER, "a", "an", "half"),
    "earlier": (_DIGIT, _NUMBER),
    "upto": ("up",),
    "lastmonth": ("last",),
    "date": (_MONTH, _DIGIT),
    "monthyear": ("in", _MONTH),
    "inmonth": ("in", "for", "during", _MONTH),
    "year": ("in", "for", "during", "the"),
    "weekday": ("on", "late", "last", "since", _WEEKDAY),
    "lastweek": ("last", "a"),
    "lastyear": ("last",),
    "thisweek": ("this",),
    "yesterday": ("yesterday", "overnight"),
    "daytime": ("during", "over"),
    "month": ("for", "this", "since"),
    "same": ("over", "in", "during", "for", "across"),
}
_WORD = re.compile(r"\w+")
_BRANCH_NAME = re.compile(r"\(\?P<(\w+)>")


@dataclass(frozen=True, slots=True)
class _WordScan:
    """The time regex cut down to the branches each first word can begin."""

    #: lower-cased ASCII first word -> the regex of the branches it can begin
    by_word: dict[str, re.Pattern[str]]
    #: the regex of the branches a word starting with a digit can begin
    digit: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _TimePatterns:
    regex: re.Pattern[str]
    scan: _WordScan | None
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    events: dict[str, date]


#: the nouns of a military operation whose start dates a period ("since it began")
_OPERATION = r"(?:counter-?offensive|offensive|operation|incursion|assault|campaign|push)"


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> _TimePatterns:
    t = lex.language.time
    mon = phrase_pattern(t.months)
    wd = phrase_pattern(t.weekdays)
    num = phrase_pattern(t.numbers)
    ev = phrase_pattern(t.events)
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = r"(?:19|20)\d\d"
    parts = [
        # between January 1 and September 25 / between 23 and 28 March 2022
        rf"(?P<between>(?:between|from)\s+(?:(?P<b1m>{mon})\s+(?P<b1d>{day})|(?P<b1d2>{day})(?:\s+(?P<b1m2>{mon}))?)"
        rf"(?:,?\s+(?P<b1y>{year}))?\s+(?:and|to|until|through)\s+(?:(?P<b2m>{mon})\s+(?P<b2d>{day})|(?P<b2d2>{day})\s+(?P<b2m2>{mon}))"
        rf"(?:,?\s+(?P<b2y>{year}))?)",
        # from June to September / from the start of June to the end of September 2023
        rf"(?P<monthspan>(?:from|between)\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?P<ms1>{mon})"
        rf"(?:\s+(?P<msy1>{year}))?\s+(?:to|and|until|through)\s+(?:the\s+end\s+of\s+)?"
        rf"(?P<ms2>{mon})(?:\s+(?P<msy2>{year}))?(?!\s*\d))",
        # between the start of ... on 24 February 2022 and 24 July this year
        rf"(?P<betweenev>between\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?{ev}.{{0,40}}?\s+and\s+(?P<be2d>{day})\s+(?P<be2m>{mon})(?:\s+this\s+year|\s+(?P<be2y>{year}))?)",
        r"(?P<sincestart>since\s+the\s+(?:beginning|start)\s+of\s+the\s+year|this\s+year|so\s+far\s+this\s+year|since\s+january(?!\s+\d)|since\s+(?:the\s+)?new\s+year)",
        # in the first five months of the year / of 2024
        rf"(?P<firstmonths>(?:in|during|over|for)\s+the\s+first\s+(?P<fmn>\d+|{num})\s+months\s+of\s+(?:the\s+year|this\s+year|(?P<fmy>{year})))",
        # in the first half of the year / of 2025
        rf"(?P<half>(?:in|during|over|for)\s+the\s+(?P<hw>first|second)\s+half\s+of\s+(?:the\s+year|this\s+year|(?P<hy>{year})))",
        # in the third quarter / of 2025
        rf"(?P<quarter>(?:in|during|over|for)\s+the\s+(?P<qw>first|second|third|fourth)\s+quarter"
        rf"(?:\s+of\s+(?:the\s+year|this\s+year|(?P<qy>{year})))?)",
        rf"(?P<sinceyear>since\s+the\s+(?:beginning|start)\s+of\s+(?P<syy>{year}))",
        rf"(?P<sinceev>since\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+(?:the\s+)?)?(?P<evname>{ev})(?:\s+began)?(?:\s+(?:on|in)\s+(?P<evd>{day})\s+(?P<evm>{mon})(?:\s+(?P<evy>{year}))?)?)",
        # since the southern counteroffensive began on August 29 / since it began on June 4
        # / since the start of the counteroffensive on June 4 / since they crossed the river
        # on 17 October
        rf"(?P<sincebegan>since\s+(?:(?:(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?{_OPERATION}(?:\s+there|\s+(?:on|in|near|around|against)\s+(?:the\s+)?[\w-]+)?|it|they)\s+(?:began|started|was\s+launched)|(?:it|they)\s+(?:began|started|launched)\s+(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?{_OPERATION}|the\s+(?:start|beginning|launch)\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,3}}?{_OPERATION}|(?:it|they|we|troops|forces|(?:the|our|its|their)\s+[\w-]+)\s+(?:crossed|entered|landed|launched|arrived\s+in|reached)(?:\s+[\w'-]+){{0,4}}?)\s+(?:on\s+|in\s+)?(?:(?P<sbm>{mon})\s+(?P<sbd>{day})|(?P<sbd2>{day})\s+(?P<sbm2>{mon})|(?P<sbwd>{wd}))(?:,?\s+(?P<sby>{year}))?)",
        rf"(?P<since>since\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:(?P<sm>{mon})\s+(?P<sd>{day})|(?P<sd2>{day})\s+(?P<sm2>{mon})|(?P<sm3>{mon}))(?:,?\s+(?P<sy>{year}))?)",
        rf"(?P<past>(?:over|in|during)\s+the\s+(?:past|previous|last)\s+(?:(?P<pn>\d+|{num})\s+)?(?P<pu>hours|days|weeks|months|years|week|month|day|year))",
        rf"(?P<firstdays>(?:in\s+)?the\s+first\s+(?P<fdn>\d+|{num})\s+days\s+of\s+the\s+month)",
        rf"(?P<endof>(?:at|by|to)\s+the\s+end\s+of\s+(?:(?P<eom>{mon})(?:\s+(?P<eoy>{year}))?|(?P<eoyr>{year})|(?P<eolast>last\s+year)))",
        rf"(?P<eve>on\s+the\s+eve\s+of\s+the\s+{ev}(?:\s+in\s+{mon}\s+{year})?)",
        rf"(?P<ago>(?P<an>\d+|{num}|an?|half\s+a)\s+(?P<au>months?|years?|weeks?|days?)\s+ago)",
        rf"(?P<earlier>(?P<en>\d+|{num})\s+(?P<eu>months|years|weeks|days)\s+(?:earlier|before))",
        rf"(?P<upto>up\s+to\s+(?P<upm>{mon})\s+(?P<upd>{day}))",
        rf"(?P<lastmonth>last\s+(?P<lmm>{mon}))",
        rf"(?P<date>(?:(?P<dm>{mon})\.?\s+(?P<dd>{day})(?:\s*[-–]\s*(?P<dd2>{day}))?|(?P<dd3>{day})(?:\s*[-–]\s*(?P<dd4>{day}))?\s+(?P<dm2>{mon}))(?:,?\s+(?P<dy>{year}))?)",
        rf"(?P<monthyear>(?:in\s+)?(?P<mym>{mon})\s+(?P<myy>{year}))",
        rf"(?P<inmonth>(?:(?:in|for|during)\s+|^)(?P<imm>{mon})(?=\s+(?:was|saw|brought)|\s*[,.;:]|\s|['’]s\s|$))",
        rf"(?P<year>(?:in|for|during)\s+(?:the\s+(?:whole|course)\s+of\s+)?(?P<yy>{year})|the\s+(?P<yy2>{year})(?=\s+(?:total|tally|figure|gains)))",
        rf"(?P<weekday>(?:on\s+|late\s+on\s+|last\s+|(?P<wdsince>since\s+))?(?P<wd>{wd}))",
        r"(?P<lastweek>last\s+week|a\s+week\s+ago)",
        r"(?P<lastyear>last\s+year)",
        r"(?P<thisweek>this\s+week)",
        r"(?P<yesterday>yesterday|overnight)",
        r"(?P<daytime>during\s+the\s+day|over\s+the\s+past\s+day)",
        r"(?P<month>for\s+the\s+month|this\s+month"
        r"|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+month)",
        # "over the same month": the period of the figure before
        # "over the month" after a figure dated to a month: that month
        r"(?P<same>(?:over|in|during|for|across)\s+the\s+(?:same\s+(?:month|period|week|year|days)"
        r"|month(?!\s+of\b)|quarter(?!\s+of\b)"
        r"|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:months|weeks|days)"
        r"(?=\W)))",
    ]
    regex = re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])", re.IGNORECASE)
    return _TimePatterns(
        regex=regex,
        scan=_word_scan(parts, {_MONTH: t.months, _WEEKDAY: t.weekdays, _NUMBER: t.numbers}),
        months={k.lower(): v for k, v in t.months.items()},
        weekdays={k.lower(): v for k, v in t.weekdays.items()},
        numbers={k.lower(): v for k, v in t.numbers.items()},
        events={k.lower(): date.fromisoformat(v) for k, v in t.events.items()},
    )


def _word_scan(parts: list[str], classes: dict[str, dict[str, int]]) -> _WordScan | None:
    """Compile, per first word, the time regex with only the branches it can begin.

    The other branches stay in, behind one ``(?!)``, so every group name exists
    and the kept ones keep their order (the first that matches wins, as in the
    whole regex). Returns None (scan off) when a branch or a lexicon word is
    outside what the scan knows: a branch without a ``_FIRST_WORDS`` entry, or a
    word whose first word is not ASCII letters and digits.
    """
    names: list[str] = []
    for part in parts:
        named = _BRANCH_NAME.match(part)
        if named is None or named.group(1) not in _FIRST_WORDS:
            return None
        names.append(named.group(1))
    branches: dict[str, set[int]] = {}
    digit: set[int] = set()
    for i, name in enumerate(names):
        for entry in _FIRST_WORDS[name]:
            if entry == _DIGIT:
                digit.add(i)
                continue
            for phrase in classes.get(entry, {entry: 0}):
                first = _WORD.match(phrase.strip().lower())
                if first is None or not (first.group().isascii() and first.group().isalnum()):
                    return None
                if first.group()[0].isdigit():
                    return None
                branches.setdefault(first.group(), set()).add(i)
    compiled: dict[frozenset[int], re.Pattern[str]] = {}

    def regex_of(keep: set[int]) -> re.Pattern[str]:
        key = frozenset(keep)
        if key not in compiled:
            alts = [p if i in keep else "(?!)" + p for i, p in enumerate(parts)]
            compiled[key] = re.compile(
                r"(?<![\w])(?:" + "|".join(alts) + r")(?![\w])", re.IGNORECASE
            )
        return compiled[key]

    return _WordScan(
        by_word={word: regex_of(keep) for word, keep in branches.items()},
        digit=regex_of(digit),
    )


def _scan(pats: _TimePatterns, text: str, *, stop: int | None = None) -> list[re.Match[str]]:
    """Return ``list(pats.regex.finditer(text))``, trying only words that can start a match.

    With ``stop``, only the matches that start at or before it (the same ones).

    Every branch begins with a letter or digit after a non-word character, so a
    match starts where a word (``\\w+``) does. An ASCII word is looked up
    lower-cased (for ASCII, what IGNORECASE matches); any other word tries the
    whole regex, since IGNORECASE matches some non-ASCII letters to ASCII ones.
    """
    scan = pats.scan
    if scan is None:
        found = list(pats.regex.finditer(text))
        return found if stop is None else [m for m in found if m.start() <= stop]
    by_word = scan.by_word
    out: list[re.Match[str]] = []
    end = 0
    for tok in _WORD.finditer(text):
        start = tok.start()
        if stop is not None and start > stop:
            break
        if start < end:
            continue
        word = tok.group()
        if word.isascii():
            rx = by_word.get(word.lower())
            if rx is None:
                if not word[0].isdigit():
                    continue
                rx = scan.digit
        else:
            rx = pats.regex
        m = rx.match(text, start)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def _day(raw: str | None) -> int | None:
    if not raw:
        return None
    return int(re.sub(r"\D", "", raw))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, *, ref: date) -> int:
    """The latest year in which month/day falls on or before ``ref``."""
    year = ref.year
    if (month, day) > (ref.month, ref.day):
        year -= 1
    return year


class TimeResolver:
    """Resolve the time expressions of sentences against a publication date."""

    def __init__(self, lex: Lexicon, *, published: date | None) -> None:
        self.pats = _patterns(lex)
        self.published = published
        self.undated = cue(lex.pattern("undated"))
        # one article asks about the same sentence several times (statement, figures)
        self._cache: dict[tuple[str, date | None], list[TimeExpr]] = {}
        # the matches do not depend on the reference date: one scan per sentence
        self._matches: dict[str, list[re.Match[str]]] = {}
        self._undated: dict[str, list[TimeExpr]] = {}

    def _month(self, raw: str | None) -> int | None:
        if not raw:
            return None
        return self.pats.months.get(raw.lower().rstrip("."))

    def count(self, raw: str | None) -> int:
        """Return a small count written in digits or words ("twelve" -> 12); 1 if absent."""
        return self._count(raw)

    def _count(self, raw: str | None) -> int:
        if not raw:
            return 1
        if raw.isdigit():
            return int(raw)
        return self.pats.numbers.get(raw.lower(), 1)

    def find(self, text: str, *, ref: date | None) -> list[TimeExpr]:
        """Return the time expressions of ``text`` resolved against ``ref``."""
        key = (text, ref)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._find(text, ref=ref)
        return cached

    def opening(self, text: str, *, ref: date | None, limit: int) -> TimeExpr | None:
        """Return ``find(text, ref=ref)[0]`` if it starts at or before ``limit``, else None.

        Only the words up to ``limit`` are scanned, unless the sentence's matches are
        known already: "By Tuesday, ..." is asked of every paragraph's sentences.
        """
        cached = self._cache.get((text, ref))
        if cached is None:
            matches = self._matches.get(text)
            if matches is None:
                matches = _scan(self.pats, text, stop=limit)
            cached = self._find(text, ref=ref, matches=matches)
        first = cached[0] if cached else None
        return first if first is not None and first.start <= limit else None

    def _find(
        self, text: str, *, ref: date | None, matches: list[re.Match[str]] | None = None
    ) -> list[TimeExpr]:
        undated = self._undated.get(text)
        if undated is None:
            undated = self._undated[text] = [
                TimeExpr(a, b, UNDATED) for a, b in self.undated.spans(text)
            ]
        out = list(undated)
        pub = self.published
        if ref is None or pub is None:
            return out
        month_ctx: tuple[int, int] | None = None
        if matches is None:
            matches = self._matches.get(text)
        if matches is None:
            matches = self._matches[text] = _scan(self.pats, text)
        for m in matches:
            expr = self._resolve(m, ref=ref, pub=pub, month_ctx=month_ctx)
            if expr is None:
                continue
            is_month = (
                expr.kind == PERIOD
                and expr.since is not None
                and expr.since.day == 1
                and expr.until == month_end(expr.since.year, expr.since.month)
            )
            if is_month and expr.since is not None:
                month_ctx = (expr.since.year, expr.since.month)
            out.append(expr)
        return sorted(out, key=lambda e: e.start)

    def _resolve(
        self,
        m: re.Match[str],
        *,
        ref: date,
        pub: date,
        month_ctx: tuple[int, int] | None,
    ) -> TimeExpr | None:
        g = m.group
        s, e = m.start(), m.end()
        if g("between"):
            m1 = self._month(g("b1m") or g("b1m2") or g("b2m") or g("b2m2"))
            m2 = self._month(g("b2m") or g("b2m2"))
            d1, d2 = _day(g("b1d") or g("b1d2")), _day(g("b2d") or g("b2d2"))
            if not (m1 and m2 and d1 and d2):
                return None
            y2 = int(g("b2y")) if g("b2y") else _infer_year(m2, d2, ref=ref)
            y1 = int(g("b1y")) if g("b1y") else y2
            a, b = _safe_date(y1, m1, d1), _safe_date(y2, m2, d2)
            if a is None or b is None:
                return None
            if not g("b1m") and not g("b1m2"):
                # "between 23 and 28 March 2022": a span of days, the later one counts
                # ("control peaked at 22% between 23 and 28 March"); "between 1 and 20
                # November" is the month so far
                if d1 != 1:
                    return TimeExpr(s, e, POINT, until=b)
                return TimeExpr(s, e, PERIOD, since=date(y2, m2, 1), until=b)
            return TimeExpr(s, e, PERIOD, since=a, until=b)
        if g("monthspan"):
            m1, m2 = self._month(g("ms1")), self._month(g("ms2"))
            if not (m1 and m2):
                return None
            y2 = int(g("msy2")) if g("msy2") else _infer_year(m2, 1, ref=ref)
            y1 = int(g("msy1")) if g("msy1") else (y2 if m1 <= m2 else y2 - 1)
            until = date(y2, m2, calendar.monthrange(y2, m2)[1])
            return TimeExpr(s, e, PERIOD, since=date(y1, m1, 1), until=min(until, ref))
        if g("betweenev"):
            ev = self._event(g(0))
            m2, d2 = self._month(g("be2m")), _day(g("be2d"))
            if ev is None or m2 is None or d2 is None:
                return None
            y2 = int(g("be2y")) if g("be2y") else ref.year
            end = _safe_date(y2, m2, d2)
            return TimeExpr(s, e, PERIOD, since=ev, until=end) if end else None
        if g("firstmonths"):
            y = int(g("fmy")) if g("fmy") else ref.year
            n = min(self._count(g("fmn")), 12)
            until = date(y, n, calendar.monthrange(y, n)[1])
            return TimeExpr(s, e, PERIOD, since=date(y, 1, 1), until=min(until, ref))
        if g("half"):
            y = int(g("hy")) if g("hy") else ref.year
            if g("hw").lower() == "first":
                return TimeExpr(s, e, PERIOD, since=date(y, 1, 1), until=date(y, 6, 30))
            return TimeExpr(s, e, PERIOD, since=date(y, 7, 1), until=date(y, 12, 31))
        if g("quarter"):
            n = ("first", "second", "third", "fourth").index(g("qw").lower())
            y = int(g("qy")) if g("qy") else ref.year
            if not g("qy") and date(y, 3 * n + 1, 1) > ref:
                y -= 1
            last = date(y, 3 * n + 3, calendar.monthrange(y, 3 * n + 3)[1])
            return TimeExpr(s, e, PERIOD, since=date(y, 3 * n + 1, 1), until=min(last, ref))
        if g("sinceyear"):
            return TimeExpr(
                s, e, PERIOD, since=date(int(g("syy")), 1, 1), until=ref, open_ended=True
            )
        if g("sincestart"):
            return TimeExpr(s, e, PERIOD, since=date(ref.year, 1, 1), until=ref, open_ended=True)
        if g("sincebegan"):
            if g("sbwd"):
                # "since the offensive began on Friday"
                began = latest_weekday(self.pats.weekdays[g("sbwd").lower()], on_or_before=pub)
                return TimeExpr(s, e, PERIOD, since=began, until=ref, open_ended=True)
            mo, d = self._month(g("sbm") or g("sbm2")), _day(g("sbd") or g("sbd2"))
            if mo is None or d is None:
                return None
            y = int(g("sby")) if g("sby") else _infer_year(mo, d, ref=ref)
            start = _safe_date(y, mo, d)
            return TimeExpr(s, e, PERIOD, since=start, until=ref, open_ended=True)
        if g("sinceev"):
            if g("evd") and g("evm"):
                mo, d = self._month(g("evm")), _day(g("evd"))
                if mo and d:
                    y = int(g("evy")) if g("evy") else _infer_year(mo, d, ref=ref)
                    start = _safe_date(y, mo, d)
                    if start:
                        return TimeExpr(s, e, PERIOD, since=start, until=ref, open_ended=True)
            ev = self.pats.events.get(" ".join(g("evname").lower().split()))
            return TimeExpr(s, e, PERIOD, since=ev, until=ref, open_ended=True) if ev else None
        if g("since"):
            mo = self._month(g("sm") or g("sm2") or g("sm3"))
            d = _day(g("sd") or g("sd2")) or 1
            if mo is None:
                return None
            y = int(g("sy")) if g("sy") else _infer_year(mo, d, ref=ref)
            start = _safe_date(y, mo, d)
            return TimeExpr(s, e, PERIOD, since=start, until=ref, open_ended=True)
        if g("past"):
            n, unit = self._count(g("pn")), g("pu").lower().rstrip("s")
            if unit == "hour":
                start = ref - timedelta(days=max(1, n // 24))
            elif unit == "day":
                start = ref - timedelta(days=n)
            elif unit == "week":
                start = ref - timedelta(days=7 * n)
            elif unit == "year":
                start = minus_months(ref, 12 * n)
            else:
                start = minus_months(ref, n)
            return TimeExpr(s, e, PERIOD, since=start, until=ref)
        if g("firstdays"):
            if month_ctx is None:
                return None
            n = self._count(g("fdn"))
            start = date(month_ctx[0], month_ctx[1], 1)
            return TimeExpr(s, e, PERIOD, since=start, until=start + timedelta(days=n - 1))
        if g("endof"):
            if g("eolast"):
                return TimeExpr(s, e, POINT, until=date(ref.year - 1, 12, 31))
            if g("eoyr"):
                return TimeExpr(s, e, POINT, until=date(int(g("eoyr")), 12, 31))
            mo = self._month(g("eom"))
            if mo is None:
                return None
            y = int(g("eoy")) if g("eoy") else _infer_year(mo, 28, ref=ref)
            return TimeExpr(s, e, POINT, until=month_end(y, mo))
        if g("eve"):
            ev = self._event(g(0))
            return TimeExpr(s, e, POINT, until=ev - timedelta(days=1)) if ev else None
        if g("ago"):
            # "half a year ago" counts back from the day of the statement
            raw, unit = g("an").lower(), g("au").lower().rstrip("s")
            n = 1 if raw in {"a", "an"} else 0 if raw.startswith("half") else self._count(raw)
            if unit == "day":
                return TimeExpr(s, e, POINT, until=ref - timedelta(days=n))
            if unit == "week":
                return TimeExpr(s, e, POINT, until=ref - timedelta(days=7 * n))
            months = n * 12 if unit == "year" else n
            if raw.startswith("half"):
                months = 6 if unit == "year" else 0
            return TimeExpr(s, e, POINT, until=minus_months(ref, months))
        if g("earlier"):
            return TimeExpr(s, e, "relative", since=None, until=None)
        if g("upto"):
            mo, d = self._month(g("upm")), _day(g("upd"))
            if mo is None or d is None:
                return None
            day = _safe_date(_infer_year(mo, d, ref=ref), mo, d)
            return TimeExpr(s, e, "upto", until=day)
        if g("lastmonth"):
            mo = self._month(g("lmm"))
            if mo is None:
                return None
            y = ref.year if mo < ref.month else ref.year - 1
            return TimeExpr(s, e, PERIOD, since=date(y, mo, 1), until=month_end(y, mo))
        if g("date"):
            mo = self._month(g("dm") or g("dm2"))
            d = _day(g("dd2") or g("dd4") or g("dd") or g("dd3"))
            if mo is None or d is None:
                return None
            y = int(g("dy")) if g("dy") else _infer_year(mo, d, ref=pub)
            day = _safe_date(y, mo, d)
            return TimeExpr(s, e, POINT, until=day) if day else None
        if g("monthyear"):
            mo = self._month(g("mym"))
            if mo is None:
                return None
            y = int(g("myy"))
            return TimeExpr(s, e, PERIOD, since=date(y, mo, 1), until=month_end(y, mo))
        if g("inmonth"):
            mo = self._month(g("imm"))
            if mo is None:
                return None
            y = ref.year if mo <= ref.month else ref.year - 1
            end = month_end(y, mo)
            if end >= ref:
                return TimeExpr(s, e, PERIOD, since=date(y, mo, 1), until=ref, open_ended=True)
            return TimeExpr(s, e, PERIOD, since=date(y, mo, 1), until=end)
        if g("year"):
            y = int(g("yy") or g("yy2"))
            end = date(y, 12, 31)
            if end >= ref:
                return TimeExpr(s, e, PERIOD, since=date(y, 1, 1), until=ref, open_ended=True)
            return TimeExpr(s, e, PERIOD, since=date(y, 1, 1), until=end)
        if g("weekday"):
            wd = self.pats.weekdays[g("wd").lower()]
            day = latest_weekday(wd, on_or_before=pub)
            if g("wdsince"):
                # "since Saturday": a period from that day to when it was said
                start = day if day < ref else day - timedelta(days=7)
                return TimeExpr(s, e, PERIOD, since=start, until=ref, open_ended=True)
            return TimeExpr(s, e, POINT, until=day)
        if g("lastyear"):
            y = ref.year - 1
            return TimeExpr(s, e, PERIOD, since=date(y, 1, 1), until=date(y, 12, 31))
        if g("lastweek"):
            return TimeExpr(s, e, POINT, until=pub - timedelta(days=7))
        if g("thisweek"):
            start = ref - timedelta(days=ref.weekday())
            return TimeExpr(s, e, PERIOD, since=start, until=ref, open_ended=True)
        if g("yesterday"):
            return TimeExpr(s, e, POINT, until=pub - timedelta(days=1))
        if g("daytime"):
            return TimeExpr(s, e, PERIOD, since=ref, until=ref)
        if g("same"):
            return TimeExpr(s, e, SAME)
        if g("month"):
            if month_ctx is None:
                return TimeExpr(s, e, PERIOD, since=date(ref.year, ref.month, 1), until=ref)
            y, mo = month_ctx
            return TimeExpr(s, e, PERIOD, since=date(y, mo, 1), until=month_end(y, mo))
        return None

    def _event(self, text: str) -> date | None:
        low = " ".join(text.lower().split())
        for name, day in sorted(self.pats.events.items(), key=lambda kv: -len(kv[0])):
            if name in low:
                return day
        return None
