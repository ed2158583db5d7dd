"""Frames: who holds or gained the ground a figure measures, where, and how it is counted.

Reads one sentence, its figures and the lexicon; writes a :class:`Frame` per
figure: ``holder`` and ``kind`` from the verb and its subject ("Russian forces
have taken", "Ukraine has lost", "under Ukrainian control"), ``measure`` from the
unit and the object of a share ("of the region" versus "of the territory
initially occupied"), and the regions named in the figure's clause. A figure
joined to the one before it ("800 km², about 64% of ...", "588 km² in June and
507 in May", "up from 59%") takes that figure's frame unless it has its own.
Figures that are not claims (a region's size, rates, shares of gains) get no frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from claimmap.extract.lexicon import Cue, Lexicon, cue, phrase_cue, phrase_pattern
from claimmap.extract.numbers import BARE, FRACTION, PERCENT, Figure
from claimmap.model import Holder, Kind, Measure

HOLD, GAIN, LOSE = "holds", "gained", "lose"
_OPPOSITE = {"RU": "UA", "UA": "RU", "self": "enemy", "enemy": "self"}


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure claims, before claimant and dates are attached."""

    holder: Holder | None
    kind: Kind
    measure: Measure
    regions: tuple[str, ...] = ()
    #: when ``holder`` is None, who the subject was: "self" ("we"), "enemy",
    #: "occupier" ("under occupation"), "owner" (the ground's own country: "was free
    #: again"), "loser" (ground lost, by whom unsaid: "12
    #: settlements had been lost"), or "" (a passive without agent)
    side_hint: str = ""
    #: a part of the figure before it ("seven of the villages were in Donetsk"): with
    #: no date of its own it shares that figure's dates
    breakdown: bool = False
    #: the figure continues the one before it in the sentence, restating it ("4,800 km²,
    #: or about 0.8 per cent of Ukraine") or listed with it: the same statement
    continues: bool = False


@dataclass(frozen=True, slots=True)
class _FramePatterns:
    verbs: re.Pattern[str]
    verb_class: dict[str, str]
    sides: re.Pattern[str]
    side_of: dict[str, str]
    places: re.Pattern[str]
    place_of: dict[str, tuple[str, ...]]
    towns: re.Pattern[str]
    passive: re.Pattern[str]
    to_be_freed: re.Pattern[str]
    #: ``places``, ``towns`` and ``verbs`` for their spans, over lower-cased text
    places_cue: Cue
    towns_cue: Cue
    verbs_cue: Cue
    #: a region wholly won back, with no number (``Grammar.completion``)
    completion: re.Pattern[str]


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> _FramePatterns:
    lang = lex.language
    g = lex.grammar
    verb_class: dict[str, str] = {}
    for phrase in lang.verbs.holds:
        verb_class[phrase.lower()] = HOLD
    for phrase in lang.verbs.gained:
        verb_class[phrase.lower()] = GAIN
    for phrase in lang.verbs.lose:
        verb_class[phrase.lower()] = LOSE
    side_of: dict[str, str] = {}
    for w in lang.sides.RU:
        side_of[w.lower()] = "RU"
    for w in lang.sides.UA:
        side_of[w.lower()] = "UA"
    for w in lang.sides.self:
        side_of[w.lower()] = "self"
    for w in lang.sides.enemy:
        side_of[w.lower()] = "enemy"
    place_of: dict[str, tuple[str, ...]] = {}
    names_attr = lang.language
    for region in lex.regions:
        for name in getattr(region, names_attr, []):
            place_of[name.lower()] = (region.iso,)
            # "the Sumy and Chernihiv regions": the last of a list takes the plural noun
            for singular, plural in g.plural_place_nouns:
                if name.lower().endswith(" " + singular):
                    place_of.setdefault(name.lower()[: -len(singular)] + plural, (region.iso,))
    for group in lex.groups:
        for name in getattr(group, names_attr, []):
            place_of[name.lower()] = tuple(group.members)
    # "the Donetsk, Zaporizhzhia and Kherson regions": bare names before "regions"
    return _FramePatterns(
        verbs=re.compile(phrase_pattern(verb_class), re.IGNORECASE),
        verb_class=verb_class,
        sides=re.compile(phrase_pattern(side_of), re.IGNORECASE),
        side_of=side_of,
        places=re.compile(phrase_pattern(place_of), re.IGNORECASE),
        place_of=place_of,
        towns=re.compile(phrase_pattern(lex.towns), re.IGNORECASE)
        if lex.towns
        else re.compile("(?!)"),
        passive=re.compile(
            g.passive_aux + phrase_pattern([*lang.verbs.passive_gain, *lang.verbs.passive_hold]),
            re.IGNORECASE,
        ),
        to_be_freed=re.compile(phrase_pattern(lang.verbs.to_be_freed), re.IGNORECASE),
        places_cue=phrase_cue(place_of),
        completion=re.compile(
            g.completion.replace("PLACE", phrase_pattern(place_of)), re.IGNORECASE
        ),
        towns_cue=phrase_cue(lex.towns) if lex.towns else Cue(re.compile("(?!)"), None),
        verbs_cue=phrase_cue(verb_class),
    )


class FrameFinder:
    """Find the frame of each figure of a sentence."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.g = lex.grammar
        self.pats = _patterns(lex)
        self.initial = lex.pattern("initial")
        self.region_object = lex.pattern("region_object")
        self.share_block = lex.pattern("share_block")
        self.control_states = lex.control_states
        self._places: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        # asked only where they match: matched case-sensitively over lower-cased text
        self.distractor = cue(lex.pattern("distractor"))
        self.clause_boundary = cue(self.g.clause_boundary)
        self.completion_words = cue(self.g.completion_words)
        self.object_boundary = cue(self.g.object_boundary)
        self.holder_before = lex.pattern("holder_before")
        self.not_a_verb = cue(lex.pattern("not_a_verb"))

    # -- places ---------------------------------------------------------------------
    def places(self, text: str) -> list[tuple[int, tuple[str, ...]]]:
        """Return the region codes named in ``text`` with their offsets."""
        cached = self._places.get(text)
        if cached is not None:
            return cached
        out = self._places[text] = [
            (a, self.pats.place_of[text[a:b].lower()]) for a, b in self.pats.places_cue.spans(text)
        ]
        return out

    def completion(self, text: str, offset: int) -> tuple[Figure, Frame] | None:
        """A region wholly won back, said without a number: all of the ground taken.

        "The territory of the Sumy region is free of orcs", "the last settlement in the
        Kursk region ... was liberated": the speaker's side gained the whole of what was
        occupied there (share_of_initial 1.0). A town ("the liberation of the town of
        Dzerzhinsk") is no region and no claim.
        """
        if self.completion_words.search(text) is None:
            return None
        m = self.pats.completion.search(text)
        if m is None:
            return None
        name = next((v for k, v in m.groupdict().items() if k.startswith("place") and v), None)
        # (no name: "the region", the one the text is about, found from context)
        codes = [c for c in self.pats.place_of[name.lower()] if "-" in c] if name else [""]
        if len(codes) != 1:
            return None
        # (the declaring verb is the speaker's, before the figure: "Moscow declared ...")
        start = m.end("declared") if m.groupdict().get("declared") else m.start()
        figure = Figure(offset + start, offset + m.end(), 1.0, FRACTION)
        frame = Frame(
            holder=None,
            kind=Kind.GAINED,
            measure=Measure.SHARE_OF_INITIAL,
            regions=(codes[0],) if codes[0] else (),
            side_hint="self",
        )
        return figure, frame

    def place_end(self, text: str, pos: int) -> int | None:
        """Return where the place named at ``pos`` in ``text`` ends, or None if none is."""
        span = self.pats.places_cue.search(text[pos : pos + 80])
        return pos + span[1] if span is not None and span[0] == 0 else None

    def towns(self, text: str) -> list[str]:
        """Return the regions of the towns named in ``text``, but not of goals.

        "pushing towards Melitopol" names where troops want to go, not where the
        ground they took lies.
        """
        return [
            self.lex.towns[text[a:b].lower()]
            for a, b in self.pats.towns_cue.spans(text)
            if not self.g.town_goal.search(text[:a])
        ]

    def side_of(self, word: str) -> str | None:
        return self.pats.side_of.get(word.lower())

    # -- verbs and subjects -------------------------------------------------------------
    def _subject(self, text: str) -> str | None:
        """The side named last in ``text`` (the subject before a verb).

        A relative clause is skipped: in "Around Pokrovsk, which Russian forces have
        been trying to take, counter-attacks had regained" Russia is not the subject.
        """
        sides = list(self._actor_sides(self.g.relative_clause.sub(",", text)))
        return sides[-1] if sides else None

    def first_side(self, text: str) -> str | None:
        """The side named first in ``text`` as an actor."""
        return next(self._actor_sides(text), None)

    def _actor_sides(self, text: str) -> Iterator[str]:
        """Yield the sides ``text`` names as actors, in order ("of Russia's Kursk region"
        names a place).
        """
        for m in self.pats.sides.finditer(text):
            after = text[m.end() : m.end() + 12]
            before = text[max(0, m.start() - 8) : m.start()]
            if self.g.place_of_side.search(before) and not self.g.side_forces.match(after):
                continue
            # "had halted the Russian advance and had since won back": an operation, no actor;
            # "maps Russia's Kursk region": a place
            if self.g.side_operation.match(after) or self.g.side_place.match(text, m.end()):
                continue
            yield self.pats.side_of[m.group(0).lower()]

    def _verb_left(self, left: str) -> tuple[str, int, int] | None:
        found = None
        blocked = self.not_a_verb.spans(left)
        for start, end in self.pats.verbs_cue.spans(left):
            if any(a <= start < b for a, b in blocked):
                continue
            found = (self.pats.verb_class[left[start:end].lower()], start, end)
        return found

    def frame(
        self,
        sent_text: str,
        offset: int,
        fig: Figure,
        prev: tuple[Figure, Frame] | None,
        next_start: int | None,
        context: Frame | None = None,
        next_end: int | None = None,
        list_end: int | None = None,
    ) -> Frame | None:
        """Return the frame of ``fig`` in the sentence, or ``None`` if it is no claim.

        ``prev`` is the previous figure of the sentence with its frame; ``context``
        the frame of the article's previous claim, for "That compares with ...".
        """
        s = fig.start - offset
        e = fig.end - offset
        left_full = sent_text[:s]
        boundaries = self.clause_boundary.spans(left_full)
        cut = boundaries[-1][1] if boundaries else 0
        left = left_full[cut:]
        joined = False
        if self.g.scare_quoted.match(sent_text[e:]):
            # 'had been "cleared" of sabotage groups': a word in scare quotes is no claim
            return None
        if prev is not None:
            gap = sent_text[prev[0].end - offset : s]
            if (
                self._is_apposition(gap)
                or self.g.across.search(left_full)
                or (
                    fig.unit in {PERCENT, FRACTION}
                    and prev[0].unit in {PERCENT, FRACTION}
                    and self.g.share_list.fullmatch(gap)
                )
            ):
                # "6% remained in Russian hands, down from 32%": the same statement
                stop = len(sent_text) if next_start is None else next_start - offset
                same = self._inherit(prev[1], fig, sent_text[e:stop])
                return replace(same, continues=True) if same is not None else None
            joined = self._is_joined(gap, bare=fig.unit == BARE)
            if prev[0].end - offset > cut:
                left = sent_text[prev[0].end - offset : s]
        r_end = len(sent_text) if next_start is None else next_start - offset
        right_full = sent_text[e:r_end]
        bm = self.clause_boundary.search(right_full)
        right = right_full[: bm[0]] if bm else right_full
        window = right[:60]
        if remainder := self.g.the_rest.search(window):
            # "occupied 72 percent and the rest was a contested grey zone"
            window = window[: remainder.start()]
        if self.distractor.search(left[-40:] + sent_text[s:e] + window):
            return None
        # "..., 43 in the Donetsk region and seven in the Luhansk region": a breakdown
        if (
            fig.unit == BARE
            and prev is not None
            and self.g.list_continues.search(left_full)
            and self.g.in_place.match(right)
            and self.regions(right)
        ):
            part = self._inherit(prev[1], fig, right)
            return replace(part, breakdown=True) if part is not None else None
        if fig.unit == BARE and context is not None and self.g.of_them_in.match(right_full):
            # "Six of them are in the Donetsk People's Republic, two in ...": a breakdown
            part = self._inherit(context, fig, right_full)
            return replace(part, breakdown=True) if part is not None else None
        if fig.unit == BARE and not joined:
            return None
        # "70% of each of which is held by Russian forces": the relative clause is the
        # figure's own, not one that speaks of something else
        relative = self.g.relative_share_object.match(right)
        found = self._predicate(
            left, left_full, cut, " of it" + right[relative.end() :] if relative else right, joined
        )
        if found is None and list_end is not None:
            # a list of shares, each of its own place, and one verb after the last
            rest = sent_text[list_end - offset :]
            bm = self.clause_boundary.search(rest)
            found = self._predicate(left, left_full, cut, rest[: bm[0]] if bm else rest, joined)
        if found is None and (held := self.g.appositive_holding.search(left_full)):
            # "The part we control, a little more than a quarter of the region, is ...":
            # the figure restates a holding named just before it
            found = HOLD, self.side_of(held.group("who"))
        if (
            found is None
            and not joined
            and next_end is not None
            and self.g.list_gap.fullmatch(right)
        ):
            # "82 settlements covering an area of 1,150 km² are now under the control of
            # Ukraine's forces": the verb after the list governs its first figure too
            rest = sent_text[next_end - offset :]
            bm = self.clause_boundary.search(rest)
            found = self._predicate(left, left_full, cut, rest[: bm[0]] if bm else rest, joined)
        if found is None:
            if joined and prev is not None:
                same = self._inherit(prev[1], fig, right)
                return replace(same, continues=True) if same is not None else None
            # "502 of the recaptured villages were in the Kharkiv region": a breakdown
            # "410 square kilometres of that area lay in the Donetsk region": the same
            of_that = self.g.of_that_whole.match(right)
            rest = right[of_that.end() :] if of_that else right
            if (
                context is not None
                and (
                    self.g.part_of in sent_text[s:e]
                    or self.g.of_the_total_opening.match(sent_text)
                    or of_that is not None
                )
                and self.g.lay_in.match(rest)
            ):
                part = self._inherit(context, fig, rest)
                return replace(part, breakdown=True) if part is not None else None
            if context is not None and self.g.part_alone.match(right):
                # "DeepState counted 420 km² in the Donetsk region alone": a part of the
                # figure before, in that region, over its period
                part = self._inherit(context, fig, right)
                return replace(part, breakdown=True) if part is not None else None
            if context is not None and self.g.restates_before.search(
                self.g.trailing_hedges.sub("", left)
            ):
                # "That is roughly 0.35 percent of Ukraine's territory": the figure before,
                # restated, with its dates
                part = self._inherit(context, fig, right)
                return replace(part, breakdown=True) if part is not None else None
            if (
                context is not None
                and (self.g.compared_before.search(left) or self.g.of_the_total.match(right))
                # "a further 150 km² as a contested grey zone": no holding of either side
                and not self.distractor.search(right_full[:60])
            ):
                return self._inherit(context, fig, right)
            return None
        verb_class, found_side = found
        if found_side is None and (gains := self.g.gains_of_side.match(right_full)):
            # "counted 556 square kilometres of Russian gains": the gains name the side
            found_side = self.side_of(gains.group("side"))
        if verb_class == HOLD and self.g.gain_total.search(left):
            # "Russian gains in February amounted to 350 km²": the gains are the figure
            verb_class = GAIN
        holder_side: str | None = found_side
        if verb_class == LOSE:
            kind = Kind.GAINED
            holder_side = _OPPOSITE.get(holder_side) if holder_side else "loser"
        else:
            kind = Kind.HOLDS if verb_class == HOLD else Kind.GAINED
        # the object of a share runs on past "after": "half of the land seized after ..."
        om = self.object_boundary.search(right_full)
        measure = self._measure(fig, right_full[: om[0]] if om else right_full, left)
        if measure is None:
            if not (joined and prev is not None and fig.unit == BARE):
                return None
            measure = prev[1].measure
        if measure is Measure.SHARE_OF_INITIAL and self.g.initial_regained.search(right_full):
            # "more than half of the territory Russian troops had occupied in the region
            # since February was free again": the verb in the object is not the figure's
            kind, holder_side = Kind.GAINED, "owner"
        nxt = None if next_start is None else next_start - offset
        regions = self.regions(right) or self._regions_after_list(sent_text, e, nxt)
        if self.g.share_participle.match(right_full) and (subject := self.regions(left_full)):
            # "the territory of the Lugansk People's Republic has been 93% liberated": the
            # place is the subject before the figure, not what follows the participle
            regions = subject
        if not regions and self.g.relative_share_object.match(right):
            # "the Zaporizhzhia and Kherson regions, roughly three-quarters of each of
            # which": the places the relative points back to
            regions = self._last_places(left_full)
        if not regions and self.g.compass_place.match(right):
            # "Together with Robotyne, Ukrainian forces have freed nine villages in the
            # south": a front across regions, the country's; the town is one of them
            regions = tuple(
                dict.fromkeys(self.lex.region_country.get(c, c) for c in self.regions(left))
            ) or ("UA",)
        if not regions and not self.g.anaphoric_object.match(right):
            # "... of his region" points back past a place named before the figure
            regions = self.regions(left)
        holder = Holder(holder_side) if holder_side in {"RU", "UA"} else None
        if holder is None and joined and prev is not None and prev[1].holder is not None:
            holder = prev[1].holder
            holder_side = None
        if not regions and joined and prev is not None:
            regions = prev[1].regions
        return Frame(
            holder=holder,
            kind=kind,
            measure=measure,
            regions=regions,
            side_hint=holder_side or "",
        )

    def _last_places(self, text: str) -> tuple[str, ...]:
        """Return the regions of the last place or list of places in ``text``."""
        start = last_end = -1
        for a, b in self.pats.places_cue.spans(text):
            if start < 0 or not self.g.place_list_gap.fullmatch(text[last_end:a]):
                start = a
            last_end = b
        return self.regions(text[start:]) if start >= 0 else ()

    def _regions_after_list(self, sent_text: str, end: int, nxt: int | None) -> tuple[str, ...]:
        """The place after a list of figures: "400 km² and 24 settlements in the X region".

        ``end`` is where the figure ends and ``nxt`` where the next one starts, both
        relative to the sentence.
        """
        if nxt is None or not self.g.list_gap.fullmatch(sent_text[end:nxt]):
            return ()
        rest = sent_text[end:]
        bm = self.clause_boundary.search(rest)
        return self.regions(rest[: bm[0]] if bm else rest)

    def _is_apposition(self, gap: str) -> bool:
        """Whether a figure restates or compares with the one before, whatever the verb."""
        # (an attribution may stand between: "326 km² in January, according to DeepState,
        # a Ukrainian open-source mapping group with close ties to the military, down
        # from 393 km² in December")
        return len(gap) <= 200 and bool(self.g.apposition_end.search(gap))

    def _is_joined(self, gap: str, *, bare: bool) -> bool:
        """Whether the text between two figures joins them into one statement.

        An apposition ("— almost 125,000 km²", ", or 32%", "which amounts to") joins
        across any words; a list (",", "and", "with") only when no verb intervenes.
        """
        if len(gap) > (60 if bare else 90):
            return False
        tail = self.g.trailing_hedges.sub("", gap.strip())
        if self.g.restatement_end.search(tail):
            return True
        if self.pats.verbs_cue.search(gap):
            return False
        if self.g.speaking_verb.search(gap):
            return False
        gap = self.g.precision_start.sub("", gap.strip())
        return bool(self.g.joiner.search(gap))

    def _predicate(
        self, left: str, left_full: str, cut: int, right: str, joined: bool
    ) -> tuple[str, str | None] | None:
        """Find the verb or state that governs a figure: (class, holder side)."""
        near = right[:70]
        state = _first_match(self.control_states, near)
        if state and self.g.destination_before.search(near[: state.start()]):
            state = None
        if state:
            side = self._state_side(state)
            # "returned under Ukrainian control", "had come under its control": the ground
            # changed hands
            returned = self.g.return_before.search(near[: state.start()])
            if returned:
                return GAIN, side
            if side is not None:
                return HOLD, side
        if self.pats.to_be_freed.search(near):
            return HOLD, "occupier"
        before = self.holder_before.search(left)
        if before:
            return HOLD, self._state_side(before)
        passive = self._passive(near)
        if passive is not None:
            return passive
        verb = self._verb_left(left)
        if verb is not None:
            verb_class, v_start, v_end = verb
            aux = self.g.aux_before_verb.search(left[:v_start])
            if aux and verb_class == LOSE:
                # "troops had been driven out of": the subject lost the ground
                return verb_class, self._subject(
                    left_full[: len(left_full) - len(left)][-120:] + left[: aux.start()]
                )
            if aux:
                # the agent follows the verb: "liberated by Russian units", not a "by the
                # enemy" further on in the object
                by = self.g.by_agent.match(left[v_end:] + right)
                side = self.side_of(by.group(1)) if by else None
                return verb_class, side
            agent = self.g.by_agent.match(left, v_end)
            if (
                agent is not None
                and agent.start() == v_end
                and (agent_side := self.side_of(agent.group(1))) is not None
            ):
                # "puts the area held by Russia in the Sumy region at 210 km²": the agent
                return verb_class, agent_side
            subject = (
                left[:v_start] if joined else left_full[: len(left_full) - len(left) + v_start]
            )
            side = self._subject(subject[-120:])
            if self.g.reported_pronoun.search(subject):
                # "Russian troops pushed into the Sumy region, and a spokesman for Ukraine's
                # border guard service said they held 213 km²": "they" are the sentence's
                # first actors, not the speaker's side
                side = self.first_side(subject)
            if self.g.occupied_area.match(left, v_start):
                # "put the occupied area at ...": an adjective, whoever the subject is
                side = "occupier"
            if side is None and (
                self.g.occupy_verb.match(left[v_start:v_end]) or self.g.occupied_area.search(left)
            ):
                side = "occupier"
            return verb_class, side
        if (gains := self.g.gain_total.search(left)) is not None:
            # "a lower figure for Russian advances in October: 412 km²": the gains' side
            return GAIN, self._subject(left[: gains.start()][-40:])
        if joined:
            return None
        passive = self._passive(right)
        if passive is not None:
            return passive
        state = _first_match(self.control_states, right)
        if state and not self.g.destination_before.search(right[: state.start()]):
            if self.g.return_before.search(right[: state.start()]):
                return GAIN, self._state_side(state)
            return HOLD, self._state_side(state)
        for rm in self.pats.verbs.finditer(right):
            if rm.start() > 40:
                break
            if self.g.relative_before_verb.search(right[: rm.start()]):
                continue
            subject_side = self._subject(right[: rm.start()])
            return self.pats.verb_class[rm.group(0).lower()], subject_side
        return None

    def _state_side(self, state: re.Match[str]) -> str | None:
        """The holder a control state names: "under the control of the Kyiv authorities"."""
        words = state.group("side").split()
        side = self.side_of(words[-1]) or self.side_of(words[0])
        if side is None and self.g.occupation_state.search(state.group(0)):
            side = "occupier"
        return side

    def _passive(self, text: str) -> tuple[str, str | None] | None:
        for pm in self.pats.passive.finditer(text):
            if self.g.relative_before.search(text[: pm.start()]):
                continue
            word = pm.group(0).split()[-1].lower()
            verb_class = HOLD if word in self.g.hold_participles else GAIN
            side: str | None = "occupier" if word in self.g.occupier_participles else None
            by = self.g.passive_agent.search(text[pm.end() :])
            if by:
                words = by.group(0).split()[1:]
                for w in words:
                    if self.side_of(w):
                        side = self.side_of(w)
                        break
            return verb_class, side
        return None

    def _inherit(self, base: Frame, fig: Figure, right: str) -> Frame | None:
        measure = base.measure if fig.unit == BARE else self._measure(fig, right, "")
        if measure is None:
            return None
        own = self.regions(right)
        return replace(base, measure=measure, regions=own or base.regions)

    def _measure(self, fig: Figure, right: str, left: str) -> Measure | None:
        if fig.counted_measure is not None:
            return fig.counted_measure
        if fig.unit in {PERCENT, FRACTION}:
            obj = self.g.share_object.match(right)
            if obj is None:
                if self.share_block.search(right[:30]):
                    return None
                return Measure.SHARE_OF_REGION
            target = obj.group("obj")[:90]
            # the object ends at the next clause: "... of Ukraine's territory and exceeds
            # what Moscow gained in 2023" is a share of the country
            own = self.g.object_end.split(target, maxsplit=1)[0]
            if self.share_block.match(target) or self.share_block.search(own[:40]):
                return None
            if self.g.part_location.match(target):
                # "1,164 km² in November, nearly all of it in the Donetsk region": where
                # the figure before lies, not a share
                return None
            # "the entire territory of the Kherson region had been taken under full control":
            # the place is the subject of the clause's own passive, not a relative one
            place = self.pats.places.match(self.g.determiner.sub("", target))
            if place is not None and self.g.main_passive.match(
                self.g.determiner.sub("", target), place.end()
            ):
                return Measure.SHARE_OF_REGION
            if self.initial.search(own):
                return Measure.SHARE_OF_INITIAL
            if self.region_object.search(target[:60]) or self.pats.places.match(
                self.g.determiner.sub("", target)
            ):
                return Measure.SHARE_OF_REGION
            if self.g.anaphoric_share_object.match(target):
                # "most of the city, perhaps 70 or 80 percent of it": a share of a town
                if self.g.town_before.search(left[-80:]):
                    return None
                return Measure.SHARE_OF_REGION
            return None
        return None

    def regions(self, text: str) -> tuple[str, ...]:
        """Return the regions an object phrase names: the first place and its list.

        A country counts only as the place of a figure ("of Ukraine", "in Russia"),
        not as an actor ("land Russia had seized"), and "Russia's Kursk region" is
        Kursk.
        """
        out: list[str] = []
        last_end = first_start = -1
        # "0.5% of the region, mostly in forests near the village of X": the region meant,
        # whatever places the rest of the phrase names
        lead = self.g.hedge_after_lead.match(text)
        if self.g.region_anaphor.match(text, lead.end() if lead else 0):
            return ()
        for start, end in self.pats.places_cue.spans(text):
            codes = self.pats.place_of[text[start:end].lower()]
            # "18% of our land, including Crimea", "18 per cent of Ukraine, Crimea included": a
            # part named, not the whole
            if self.g.including.search(text[max(0, start - 16) : start]) or (
                out and self.g.included_after.match(text, end)
            ):
                break
            is_country = all("-" not in c for c in codes)
            if is_country:
                if self.g.possessive_place.match(text[end : end + 40]):
                    continue
                # "the Armed Forces of Ukraine" names an actor, not a place
                if self.g.actor_of.search(text[max(0, start - 30) : start]):
                    continue
                if not self.g.place_preposition.search(
                    text[max(0, start - 12) : start]
                ) and not self.g.territory_word.search(text[start:end]):
                    continue
            if out and not self.g.place_list_gap.fullmatch(text[last_end:start]):
                break
            if not out and self.g.part_place.search(text[:start]):
                # "37 km², most of it near Toretsk and in the Sumy region": where parts of
                # it are; the whole is the country's
                return (self.lex.region_country.get(codes[0], codes[0]),)
            if not out:
                first_start = start
            out.extend(c for c in codes if c not in out)
            last_end = end
            plural = (
                text[start:end].lower().endswith(tuple(p for _, p in self.g.plural_place_nouns))
            )
            if plural and len(out) == 1:
                # "the Kyiv and Chernihiv regions" where only the last name is a region's:
                # two regions, so the country's figure
                return (self.lex.region_country.get(out[0], out[0]),)
        if out:
            # "near Dobropillia, near Kupiansk and in the Sumy region": towns of other
            # regions listed before it make the country's figure
            others = [t for t in self.towns(text[:first_start]) if t not in out]
            if others:
                return (self.lex.region_country.get(out[0], out[0]),)
            return tuple(out)
        # "near Dobropillia and Kupiansk": towns in two regions make the country's figure
        part = self.g.part_place.search(text)
        if part is not None and self.towns(text[part.end() :]):
            return (self.lex.region_country.get(self.towns(text[part.end() :])[0], "UA"),)
        towns = list(dict.fromkeys(self.towns(text)))
        return tuple(towns)


def _first_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """Return the earliest match of any of ``patterns`` in ``text``."""
    best: re.Match[str] | None = None
    for pattern in patterns:
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best
