"""The extraction pipeline: Article -> Claims (``shared/spec/claims.md``).

Reads an article; splits it into sentences, finds figures, their frames
(holder, kind, measure, regions), their claimants and their dates, and writes
:class:`claimmap.model.Claim` records with the sentence as evidence. A figure
restated in one article (lead, summary, then the direct quotation) is one claim:
the direct quotation's sentence and hedge win, else the first statement.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimmap.__about__ import __version__
from claimmap.extract.actors import PERSON, Attribution, Attributor, Speaker
from claimmap.extract.dates import (
    PERIOD,
    POINT,
    SAME,
    UNDATED,
    TimeExpr,
    TimeResolver,
    minus_months,
)
from claimmap.extract.frames import Frame, FrameFinder
from claimmap.extract.lang import available_languages
from claimmap.extract.lexicon import Lexicon, cue, forget_texts, load_lexicon, phrase_pattern
from claimmap.extract.numbers import (
    BARE,
    FRACTION,
    PERCENT,
    SETTLEMENTS,
    Figure,
    find_figures,
)
from claimmap.extract.segment import Sentence, split_sentences
from claimmap.model import Article, Claim, Extraction, Holder, Kind, Measure, Qualifier, Side


@dataclass(slots=True)
class _Candidate:
    claim: Claim
    speaker: Speaker | None
    in_quote: bool
    order: int
    #: stated on a fact check's "CLAIM:" line, which restates someone's figure
    labelled: bool = False


class _ArticleExtractor:
    """The state of extraction over one article."""

    def __init__(self, lex: Lexicon, text: str, published: date | None, article_id: str | None):
        self.lex = lex
        self.g = lex.grammar
        self.text = text
        self.published = published
        self.article_id = article_id
        self.attributor = Attributor(lex, text)
        self.frames = FrameFinder(lex)
        self.times = TimeResolver(lex, published=published)
        self.media = cue(lex.pattern("media"))
        self.speaking_event = cue(self.g.speaking_event)
        self.number_of = cue(_number_of(lex))
        self.statement_date: dict[str, date] = {}
        self.last_regions: tuple[str, ...] = ()
        self.last_paragraph = -1
        #: the Russian regions named so far, in order (a country's figure in Russia is in
        #: the one the text names most)
        self.ru_regions: list[str] = []
        self.last_holder: Holder | None = None
        self.last_as_of: date | None = None
        self.last_since: date | None = None
        self.last_frame: Frame | None = None
        #: the sentence of the last claim
        self.last_sentence = -1
        self.last_claimant: Speaker | None = None
        self.region_mentions: list[tuple[int, str]] = []
        #: the regions the text names (not only through a town in them)
        self.named_regions: set[str] = set()
        self.sentence_figures: list[tuple[int, int]] = []
        #: a paragraph opened by a time adverbial ("By Tuesday, ...") is dated by it
        self.paragraph_time: dict[int, tuple[int, date]] = {}
        self.last_statement_date: date | None = None
        #: the sentence that ends a reproduced text ("The update ends there."), if any
        self.interview_end: int | None = None
        self.sentences: list[Sentence] = []

    def run(self) -> list[Claim]:
        sentences = self.sentences = split_sentences(self.text)
        for sent in sentences:
            for pos, codes in self.frames.places(sent.text):
                for code in codes:
                    if "-" in code:
                        self.region_mentions.append((sent.start + pos, code))
                        self.named_regions.add(code)
            for town in self.frames.towns(sent.text):
                self.region_mentions.append((sent.start, town))
        attributions = {}
        for sent in sentences:
            atts = self.attributor.attributions(sent)
            attributions[sent.index] = atts
            for att in atts:
                self.attributor.note(att.speaker)
        quote_speaker = _quote_speakers(sentences, attributions)
        self._speakers_named_after(sentences, quote_speaker)
        interviewee = self._interviewee(sentences, attributions)
        self.attributor.history.clear()
        candidates: list[_Candidate] = []
        prev_claimant: dict[int, Speaker | None] = {}
        question_frame: Frame | None = None
        question_index = -1
        #: the last question's frame, for one that points back to it ("is that?")
        last_question: Frame | None = None
        last_unit: str | None = None
        #: the paragraph of the last answer and the regions its question asked about
        answer_regions: tuple[int, tuple[str, ...]] = (-1, ())
        for sent in sentences:
            atts = attributions[sent.index]
            for att in atts:
                self.attributor.note(att.speaker)
                when = self._attribution_date(sent, att)
                if when is not None:
                    self.last_statement_date = when
                    self.statement_date[att.speaker.name] = when
                    # people met at the same event spoke that day too
                    for mention in self.attributor.mentions(sent):
                        other = mention.speaker
                        if other is not None and not other.generic:
                            self.statement_date.setdefault(other.name, when)
            if not atts and self.speaking_event.search(sent.text):
                self._note_event_date(sent)
            for _, codes in self.frames.places(sent.text):
                for code in codes:
                    if code.startswith("RU-"):
                        self.ru_regions.append(code)
            # a heading is no claim; nor is a correction note ("An earlier version said
            # ... 362 square kilometres; the correct figure is 326"), whose figures restate
            # or retract ones made in the article
            if sent.heading or self.g.correction.match(sent.text):
                continue
            labelled = self.g.claim_label.match(sent.text) is not None
            self._note_paragraph_time(sent)
            if sent.text.rstrip().endswith("?"):
                question_frame = self._question_frame(sent, interviewee, last_question)
                last_question = question_frame or last_question
                question_index = sent.index
                continue
            figures = find_figures(sent.text, sent.start, self.lex)
            # "He put the number of settlements captured this year at 252"
            counted = self.number_of.search(sent.text)
            if counted is not None:
                figures = [
                    replace(f, unit=SETTLEMENTS)
                    if f.unit == BARE
                    and f.start - sent.start > counted[1]
                    and self.g.count_at.search(sent.text[: f.start - sent.start])
                    else f
                    for f in figures
                ]
            # "Of the 930 settlements ..., 578 are now occupied": the part counts the same
            total = next((f for f in figures if f.total and f.unit != BARE), None)
            if total is not None:
                figures = [
                    replace(f, unit=total.unit) if f.unit == BARE and f.start > total.end else f
                    for f in figures
                ]
            if self.g.anaphoric_start.match(sent.text) and last_unit is not None:
                # a bare number takes the unit of the sentence before, unless one of this
                # sentence's own figures comes first ("It said ... six settlements, two
                # of them in the Sumy region")
                own = min((f.start for f in figures if f.unit != BARE), default=sent.end)
                figures = [
                    replace(f, unit=last_unit) if f.unit == BARE and f.start < own else f
                    for f in figures
                ]
            if figures:
                last_unit = next((f.unit for f in reversed(figures) if f.unit != BARE), last_unit)
            self.sentence_figures = [(f.start, f.end) for f in figures if not f.conversion]
            prev: tuple[Figure, Frame] | None = None
            claimant_here: Speaker | None = None
            for i, fig in enumerate(figures):
                if fig.conversion or fig.total:
                    continue
                following = next((f for f in figures[i + 1 :] if not f.conversion), None)
                frame = self.frames.frame(
                    sent.text,
                    sent.start,
                    fig,
                    prev,
                    following.start if following else None,
                    context=self.last_frame,
                    next_end=following.end if following else None,
                    list_end=self._share_list_end(sent, figures, i),
                )
                if (
                    frame is None
                    and question_frame is not None
                    and not self._says_where_parts_lie(fig)
                    and (
                        fig.unit != BARE
                        # "How many villages ... are occupied?" / "Nine."
                        or (
                            question_frame.measure is Measure.SETTLEMENTS
                            and sent.index == question_index + 1
                            and fig.start - sent.start <= 2
                        )
                    )
                ):
                    measure = fig.counted_measure or question_frame.measure
                    if fig.unit in {PERCENT, FRACTION} and measure is not Measure.SHARE_OF_INITIAL:
                        # "How much has Russia taken?" / "About 18 percent, with Crimea."
                        measure = Measure.SHARE_OF_REGION
                    frame = replace(question_frame, measure=measure)
                elif (
                    frame is not None
                    and not frame.regions
                    and question_frame is not None
                    and question_frame.regions
                ):
                    # "Since the start of the year, our forces have liberated three
                    # villages": the answer is about the place the question is about
                    frame = replace(frame, regions=question_frame.regions)
                if (
                    frame is not None
                    and question_frame is None
                    and answer_regions[0] == sent.paragraph
                    and (
                        not frame.regions
                        # "we added almost four square kilometres, mostly south of the
                        # city": where parts of it lie, in the region asked about
                        or (
                            frame.regions in {("UA",), ("RU",)}
                            and self.g.part_place.search(sent.text) is not None
                        )
                    )
                ):
                    # a later sentence of the same answer
                    frame = replace(frame, regions=answer_regions[1])
                if frame is None:
                    continue
                prev = (fig, frame)
                speaker, in_quote = self._claimant(
                    sent, fig, atts, quote_speaker, prev_claimant, interviewee
                )
                if (
                    speaker is None
                    and frame.breakdown
                    and not in_quote
                    and self.g.of_the_total_opening.match(sent.text)
                ):
                    # "Of the total area, 221 km² were in the Donetsk region": a part of
                    # the figure before, by its source
                    speaker = self.last_claimant
                claimant_here = speaker
                for claim in self._claims(sent, fig, frame, speaker, atts):
                    candidates.append(
                        _Candidate(claim, speaker, in_quote, len(candidates), labelled)
                    )
            whole = self.frames.completion(sent.text, sent.start)
            if whole is not None and not any(
                f.start < whole[0].end and whole[0].start < f.end for f in figures
            ):
                fig, frame = whole
                speaker, in_quote = self._claimant(
                    sent, fig, atts, quote_speaker, prev_claimant, interviewee
                )
                claimant_here = claimant_here or speaker
                for claim in self._claims(sent, fig, frame, speaker, atts):
                    candidates.append(
                        _Candidate(claim, speaker, in_quote, len(candidates), labelled)
                    )
            prev_claimant[sent.paragraph] = claimant_here or prev_claimant.get(sent.paragraph)
            if figures and not sent.text.rstrip().endswith("?"):
                if question_frame is not None and question_frame.regions:
                    # the rest of the answer's paragraph is about the same place
                    answer_regions = (sent.paragraph, question_frame.regions)
                question_frame = None
        return _deduplicate(candidates, self.published)

    # -- claimants ----------------------------------------------------------------
    def _speakers_named_after(
        self, sentences: Sequence[Sentence], quote_speaker: dict[int, Speaker | None]
    ) -> None:
        """Give a bare quotation the speaker the next paragraph names.

        '"About 99.5% ... has been liberated." / Those were the words of Leonid
        Pasechnik, ...': the speaker comes after the quotation's paragraph.
        """
        for i, sent in enumerate(sentences):
            if not sent.quoted or quote_speaker.get(sent.index) is not None:
                continue
            nxt = next((t for t in sentences[i + 1 :] if t.paragraph != sent.paragraph), None)
            if nxt is None or nxt.paragraph != sent.paragraph + 1 or nxt.quoted:
                continue
            if not self.g.named_after.search(nxt.text):
                continue
            named = [
                m.speaker
                for m in self.attributor.mentions(nxt)
                if m.speaker is not None and not m.speaker.generic
            ]
            if named:
                quote_speaker[sent.index] = named[0]

    def _interviewee(
        self, sentences: Sequence[Sentence], atts: dict[int, list[Attribution]]
    ) -> Speaker | None:
        """The person an interview is with; the interview's date is when they spoke."""
        for i, sent in enumerate(sentences[:6]):
            if self.g.interview.search(sent.text):
                # the text of a statement or update reproduced below it is its author's,
                # up to "The update ends there."
                self.interview_end = next(
                    (t.index for t in sentences[i + 1 :] if self.g.document_end.search(t.text)),
                    None,
                )
                # "Britain's Defence Intelligence said ... The text of the update follows.":
                # the author is named in the sentence or earlier in its paragraph
                named_in = [sent] + [
                    t for t in reversed(sentences[:i]) if t.paragraph == sent.paragraph
                ]
                for where in named_in:
                    for mention in self.attributor.mentions(where):
                        if mention.speaker is not None and not mention.speaker.generic:
                            # "X heads ... He spoke to ... in an interview published on
                            # Thursday": the interview's day, else one by the name
                            self._spoke_on_first_date(mention.speaker, sent.text)
                            self._spoke_on_first_date(mention.speaker, where.text)
                            return mention.speaker
                # named later: "The speaker, Serhiy Haidai, has headed ..."
                for later in sentences:
                    for mention in self.attributor.mentions(later):
                        speaker = mention.speaker
                        if (
                            speaker is not None
                            and not speaker.generic
                            and self.g.interview_subject.search(
                                self.text[max(later.start, mention.start - 40) : mention.start]
                            )
                        ):
                            self._spoke_on_first_date(speaker, sent.text)
                            return speaker
        return None

    def _claimant(
        self,
        sent: Sentence,
        fig: Figure,
        atts: list[Attribution],
        quote_speaker: dict[int, Speaker | None],
        prev_claimant: dict[int, Speaker | None],
        interviewee: Speaker | None,
    ) -> tuple[Speaker | None, bool]:
        in_quote = sent.in_quote(fig.start)
        if in_quote:
            return quote_speaker.get(sent.index), True
        if self.g.same_source.match(sent.text):
            return self.last_claimant, False
        before = [a for a in atts if a.pos < fig.start]
        media = self.media.search(sent.text)
        # ("X said Russia still controlled more than 70% and would hold the left bank":
        # a modal after the figure in a statement attributed before it is the speaker's)
        if media is not None and not (before and sent.start + media[0] >= fig.end):
            return None, False
        # "..., and Ukraine's government estimates that some ...": a verb after the figure
        # that opens its own reported clause speaks for that clause only
        after = [
            a
            for a in atts
            if a.pos >= fig.start
            and not self.g.verb_then_that.match(self.text, a.pos)
            # "..., where Moscow says it is carving out a zone, the ministry said": a
            # verb inside a relative clause speaks for that clause only
            and not self.g.open_relative.search(self.text, fig.end, a.pos)
        ]
        if before:
            return before[-1].speaker, False
        if after:
            return after[0].speaker, False
        if self.g.anaphoric_start.match(sent.text):
            return prev_claimant.get(sent.paragraph), False
        if (
            interviewee is not None
            and sent.paragraph > 0
            and (self.interview_end is None or sent.index < self.interview_end)
        ):
            return interviewee, False
        return None, False

    def _attribution_date(self, sent: Sentence, att: Attribution) -> date | None:
        """The date a statement was made: the time word nearest its speaking verb.

        A count ("By the end of 2023, ... 55%, by DeepState's count") is no statement:
        its time is the figure's.
        """
        if not att.spoken:
            return None
        rel = att.pos - sent.start
        best: tuple[int, date] | None = None
        for expr in self.times.find(sent.text, ref=self.published):
            if expr.kind != POINT or expr.until is None:
                continue
            # "the territory Russia seized after February 24, officials say": a baseline
            if self.g.after_before.search(sent.text[max(0, expr.start - 7) : expr.start]):
                continue
            # a date before the verb, after a figure, ends the reported clause: "up from
            # 59% at the end of 2023, the analysis showed"
            if (
                expr.start < rel
                and re.search(r"[,;—–]", sent.text[expr.end : rel])
                and re.search(r"\d", sent.text[: expr.start])
            ):
                continue
            distance = expr.start - rel if expr.start >= rel else rel - expr.end
            if distance <= 90 and (best is None or distance < best[0]):
                best = (distance, expr.until)
        return best[1] if best else None

    def _note_event_date(self, sent: Sentence) -> None:
        """Date a person named at a speaking occasion with a date: they spoke that day.

        "Denis Pushilin called the claims 'fantasies' in an interview yesterday": a
        later "In the same interview, he said ..." was said yesterday too.
        """
        named = [
            m.speaker
            for m in self.attributor.mentions(sent)
            if m.speaker is not None and not m.speaker.generic and m.speaker.kind == PERSON
        ]
        if named:
            self._spoke_on_first_date(named[0], sent.text)

    def _says_where_parts_lie(self, fig: Figure) -> bool:
        """Whether a share says where the figure before lies: "nearly all of it along"."""
        if fig.unit not in {PERCENT, FRACTION}:
            return False
        obj = self.g.share_object.match(self.text, fig.end, fig.end + 60)
        return obj is not None and self.g.part_location.match(obj.group("obj")) is not None

    def _spoke_on_first_date(self, speaker: Speaker, text: str) -> None:
        """Take the first point in time ``text`` gives as the day ``speaker`` spoke."""
        when = next(
            (
                e.until
                for e in self.times.find(text, ref=self.published)
                if e.kind == POINT and e.until is not None
            ),
            None,
        )
        if when is not None:
            self.statement_date.setdefault(speaker.name, when)

    def _question_frame(
        self, sent: Sentence, interviewee: Speaker | None, previous: Frame | None
    ) -> Frame | None:
        """The frame an interview question sets for the figures of its answer.

        "How much of the region does Ukraine control today?" / "Only 30 percent.";
        "How many villages in the district are occupied?" / "Nine."; "And how much
        land is that?" asks again about the ground of the question before.
        """
        text = sent.text
        regions = self.frames.regions(text)
        if not regions and self.g.the_region.search(text):
            before = [code for pos, code in self.region_mentions if pos < sent.start]
            regions = tuple(before[-1:])
        m = self.g.question.search(text)
        if m:
            side = self.frames.side_of(m.group(1) or m.group(2))
            if side == "self" and interviewee is not None:
                # "how much of the region is under our control?" asked of a Russian official
                side = interviewee.side.value
            if side not in {"RU", "UA"}:
                return None
            return Frame(
                holder=Holder(side),
                kind=Kind.HOLDS,
                measure=Measure.SHARE_OF_REGION,
                regions=regions,
            )
        count = self.g.question_count.search(text)
        measure = Measure.SETTLEMENTS if count else Measure.AREA_KM2
        if (
            previous is not None
            and (count or self.g.question_area.search(text))
            and self.g.question_that.search(text)
        ):
            # "And how much land is that?", "How many settlements does that cover?"
            return replace(previous, measure=measure)
        if not regions and interviewee is not None and self.region_mentions:
            # an interview's questions are about the place the interviewee is introduced with
            regions = (self.region_mentions[0][1],)
        owner = Holder(self.lex.region_country.get(regions[0], "UA") if regions else "UA")
        if self.g.question_occupied.search(text):
            return Frame(holder=owner.opponent, kind=Kind.HOLDS, measure=measure, regions=regions)
        if self.g.question_regained.search(text):
            own = interviewee.side.value if interviewee is not None else ""
            holder = Holder(own) if own in {"RU", "UA"} else owner
            return Frame(holder=holder, kind=Kind.GAINED, measure=measure, regions=regions)
        return None

    # -- claims ----------------------------------------------------------------------
    def _claims(
        self,
        sent: Sentence,
        fig: Figure,
        frame: Frame,
        speaker: Speaker | None,
        atts: list[Attribution],
    ) -> list[Claim]:
        side = speaker.side if speaker is not None else Side.MEDIA
        regions = frame.regions or self._context_regions(sent, fig, frame, speaker)
        if (
            regions in {(), ("UA",), ("RU",)}
            and self.g.own_places.search(self.text[fig.start : fig.end + 30])
            and (offices := self._offices(fig))
        ):
            # "six of our villages, most of them near Kamianske", said by the head of the
            # Zaporizhzhia region's administration: villages of the region he governs
            regions = (offices[-1][1],)
        regions = tuple(self._refine_country(r, sent) for r in regions)
        holder = self._pronoun_holder(sent, fig) or frame.holder
        holder = holder or self._infer_holder(frame, side, regions, sent)
        if holder is None:
            return []
        kind, measure, value = frame.kind, frame.measure, fig.measure_value
        if fig.unit == FRACTION and value == 1.0 and measure is Measure.SHARE_OF_REGION:
            owner = self.lex.region_country.get(regions[0]) if regions else None
            if owner == holder.value and frame.kind is Kind.GAINED:
                measure = Measure.SHARE_OF_INITIAL
            else:
                kind = Kind.HOLDS
        if measure is not Measure.SHARE_OF_REGION and len(regions) > 1:
            countries = {self.lex.region_country.get(r, r[:2]) for r in regions}
            regions = (countries.pop(),) if len(countries) == 1 else regions[:1]
        since, as_of, kind, period = self._dates(
            sent,
            fig,
            kind,
            speaker,
            atts,
            of_initial=measure is Measure.SHARE_OF_INITIAL,
            fallback=(self.last_since, self.last_as_of) if frame.breakdown else None,
        )
        if (
            frame.continues
            and not period
            and kind is Kind.GAINED
            and self.last_sentence == sent.index
            and self.last_frame is not None
            and self.last_frame.kind is Kind.GAINED
        ):
            # "Russia gained roughly 4,800 km2, or about 0.8 per cent of Ukraine, between
            # ...": the share is the same gain, over the same period
            since, as_of, period = self.last_since, self.last_as_of, True
        if measure is Measure.SHARE_OF_REGION and kind is Kind.GAINED and not period:
            kind = Kind.HOLDS
        self.last_regions = regions
        self.last_paragraph = sent.paragraph
        self.last_holder = holder
        self.last_as_of = as_of
        self.last_since = since if kind is Kind.GAINED else None
        self.last_frame = replace(frame, holder=holder, kind=kind, regions=regions)
        self.last_sentence = sent.index
        self.last_claimant = speaker
        return [
            Claim(
                quote=sent.text,
                claimant=speaker.name if speaker is not None else None,
                claimant_side=side,
                holder=holder,
                kind=kind,
                region=region,
                measure=measure,
                value=round(value, 6),
                qualifier=fig.qualifier,
                as_of=as_of,
                since=since if kind is Kind.GAINED else None,
                article=self.article_id,
                start=sent.start,
                end=sent.end,
                figure_start=fig.start,
                figure_end=fig.end,
            )
            for region in regions
        ]

    def _offices(self, fig: Figure) -> list[tuple[int, str]]:
        """The offices the text names before a figure ("the Donetsk region's governor",
        "head of the Kharkiv region"), as (offset, region), of the regions the text names
        (not through a town only) where it names any.
        """
        before = [(pos, code) for pos, code in self.region_mentions if pos < fig.start]
        before = [(p, c) for p, c in before if c in self.named_regions] or before
        return [
            (pos, code)
            for pos, code in before
            if self.g.office_after.match(self.text[pos : pos + 40])
            or self.g.office_before.search(self.text[max(0, pos - 30) : pos])
        ]

    def _context_regions(
        self, sent: Sentence, fig: Figure, frame: Frame, speaker: Speaker | None
    ) -> tuple[str, ...]:
        """Regions for a figure whose clause names none: anaphors, then context."""
        right = self.text[fig.end : fig.end + 60]
        if lead := self.g.hedge_after_lead.match(right):
            right = right[lead.end() :]
        # "187 square kilometers (72 square miles) of the region": past the conversion
        if bracket := _BRACKETED.match(right):
            right = self.text[fig.end + bracket.end() : fig.end + bracket.end() + 60]
        # "18% of our land": the speaker's country
        if (
            self.g.own_country.match(right)
            and speaker is not None
            and speaker.side in {Side.RU, Side.UA}
        ):
            return (speaker.side.value,)
        if self.g.its_country.match(right) and frame.holder is not None:
            # "Kyiv in control of roughly 82% of its internationally recognised territory"
            return (frame.holder.value,)
        if frame.measure is Measure.SHARE_OF_INITIAL and self.g.invasion_gains.match(
            self.text, fig.end, fig.end + 150
        ):
            # "half of the territory Russian forces seized after invading in February": the
            # whole of what Russia took in Ukraine, whatever region the article is about
            return ("UA",)
        if self.g.those_regions.match(right):
            return self.last_regions or ("UA",)
        anaphor = self.g.region_anaphor.match(right) or self.g.region_anaphor_before.search(
            sent.text[: fig.start - sent.start]
        )
        if not anaphor:
            # "nearly 3,800 km² and more than 300 settlements there": the list's place
            later = self.g.region_anaphor_later.search(self.text[fig.end : sent.end])
            if (
                later
                and (
                    self._listed(self.text[fig.end : fig.end + later.start()])
                    # "about 30 percent of the ground Russia seized in the region": the
                    # initial ground is the region's
                    or (
                        frame.measure is Measure.SHARE_OF_INITIAL
                        and self.g.clause_break.search(self.text[fig.end : fig.end + later.start()])
                        is None
                    )
                )
            ):
                anaphor = later
        if anaphor:
            before = [(pos, code) for pos, code in self.region_mentions if pos < fig.start]
            # "the oblast" is one the text names: not the region of a village named in
            # passing whose name recurs elsewhere ("Vasylivka" in a Mykolaiv article)
            before = [(p, c) for p, c in before if c in self.named_regions] or before
            if self.g.possessive_region.search(anaphor.group(0)):
                # "The Donetsk region's governor ... 45% of his region": the office's region,
                # named in the sentence, else the place the sentence names its speaker with
                # ("Vladimir Saldo, his counterpart in Kherson, said ... 95% of his region"),
                # else the office named before
                offices = self._offices(fig)
                named_here = [c for p, c in offices if p >= sent.start]
                named_here = named_here or [c for p, c in before if p >= sent.start]
                if named_here or offices:
                    return (named_here[-1] if named_here else offices[-1][1],)
            # a neighbour named in passing ("near the border with the Kharkiv region")
            # is not what "the region" points back to
            salient = []
            passed_end = -1
            for p, c in before:
                # "which borders the Donetsk and Zaporizhzhia regions": the whole list
                if self.g.passing.search(self.text[max(0, p - 40) : p]) or (
                    passed_end >= 0
                    and self.g.place_list_gap.fullmatch(self.text[passed_end:p]) is not None
                ):
                    end = self.frames.place_end(self.text, p)
                    passed_end = end if end is not None else -1
                    continue
                passed_end = -1
                salient.append((p, c))
            if salient:
                return (salient[-1][1],)
            if before:
                return (before[-1][1],)
        # places after a later figure belong to it: "600 settlements, including 75 in Kherson"
        stop = min((a for a, _ in self.sentence_figures if a > fig.start), default=sent.end)
        here = [
            code
            for pos, code in self.region_mentions
            if sent.start <= pos < stop
            and not self.g.including.search(self.text[max(sent.start, pos - 16) : pos])
        ]
        if here:
            # "pockets in the Kharkiv, Sumy and Dnipropetrovsk regions, which together
            # amounted to ...": regions of one country together make its figure
            named = list(dict.fromkeys(c for c in here if c in self.named_regions))
            countries = {self.lex.region_country.get(c) for c in named}
            if len(named) > 1 and len(countries) == 1 and self.g.together.search(sent.text):
                return (countries.pop() or "UA",)
            return (here[0],)
        # "along the front" makes a country's figure; ", which maps the front," does not
        # (nor does ", a Finnish research group that tracks the front from satellite
        # images,": a description of the speaker)
        if self.g.front.search(sent.text) and self.g.front.search(
            self.g.speaker_description.sub(",", self.g.relative_clause.sub(",", sent.text))
        ):
            return ("UA",)
        # fighting inside Russia: the ground is in the Russian region the article is at
        latest = [(pos, code) for pos, code in self.region_mentions if pos < fig.start]
        in_russia = [c for _, c in latest if self.lex.region_country.get(c) == "RU"]
        if (
            latest
            and self.lex.region_country.get(latest[-1][1]) == "RU"
            # (an article about fighting in Ukraine that mentions Kursk is not there)
            and (frame.holder is Holder.UA or 2 * len(in_russia) >= len(latest))
        ):
            return (_most_named(in_russia),)
        if (
            in_russia
            and frame.holder is Holder.RU
            and frame.kind is Kind.GAINED
            and self.g.retaking.search(sent.text[: fig.start - sent.start])
        ):
            # "Russia's Defence Ministry said its troops had retaken 1,100 km²": ground
            # Russia takes back is Russia's own, in the Russian region the text names
            return (_most_named(in_russia),)
        # "That leaves Moscow with a net gain of about 1,230 km²": the balance of the
        # figures before, the country's, not the region of the last of them
        if self.g.net_figure_cue in sent.text and self.g.net_figure.search(
            self.g.trailing_hedges.sub("", sent.text[: fig.start - sent.start])
        ):
            return (
                self.lex.region_country.get(self.last_regions[0], "UA")
                if self.last_regions
                else "UA",
            )
        # "1.5 thousand square kilometres of territory": a place-less object, the country's
        if self.g.bare_territory.match(right):
            return ("UA",)
        # the previous claim's place carries over within its paragraph and to the same
        # speaker, not to a new source's figure ("The ISW calculated that Russian forces
        # gained about 1,100 km² in October" after the ministry's Donetsk count)
        # (the outlet's own sums continue the figures before them)
        # (third parties are each their own source: the trackers' area after the British
        # update's Kursk share is not in Kursk; a share is of the region in question)
        same_side = speaker is None or (
            self.last_claimant is not None
            and speaker.side == self.last_claimant.side
            and (
                speaker.side in {Side.RU, Side.UA}
                or speaker.name == self.last_claimant.name
                or frame.measure is Measure.SHARE_OF_REGION
            )
        )
        if self.last_regions and (sent.paragraph == self.last_paragraph or same_side):
            return self.last_regions
        return ("UA",)

    def _refine_country(self, region: str, sent: Sentence) -> str:
        """Russia as a figure's place, in a text about fighting there: which region.

        A town the sentence names in a Russian region ("mostly around Gornal"), else the
        Russian region the text names most ("the Kursk and Belgorod regions" in a Kursk
        story is still Kursk).
        """
        if region != "RU" or not self.ru_regions:
            return region
        towns = [t for t in self.frames.towns(sent.text) if t.startswith("RU-")]
        return towns[0] if towns else _most_named(self.ru_regions)

    def _pronoun_holder(self, sent: Sentence, fig: Figure) -> Holder | None:
        """The side "they" stands for in a reported clause, from the sentence before.

        "..., where Ukrainian troops have held ground since August. DeepState estimates
        that they still control 486 km² there": the first actors of the sentence before.
        """
        clause = self.g.they_clause.search(sent.text[: fig.start - sent.start])
        if clause is None:
            return None
        # "Russian troops pushed into the Sumy region, and a spokesman ... said they held":
        # the sentence's own first actors, not those in a description of its speaker
        own = self.frames.first_side(
            self.g.speaker_description.sub(",", sent.text[: clause.start()])
        )
        if own is not None:
            return Holder(own) if own in {"RU", "UA"} else None
        if sent.index == 0 or self.sentences[sent.index - 1].paragraph != sent.paragraph:
            return None
        side = self.frames.first_side(self.sentences[sent.index - 1].text)
        return Holder(side) if side in {"RU", "UA"} else None

    def _infer_holder(
        self, frame: Frame, side: Side, regions: tuple[str, ...], sent: Sentence
    ) -> Holder | None:
        note = frame.side_hint
        owner = self.lex.region_country.get(regions[0], "UA") if regions else "UA"
        speaker_side = Holder(side.value) if side.value in {"RU", "UA"} else None
        if note == "self":
            return speaker_side
        if note == "enemy":
            return speaker_side.opponent if speaker_side else None
        if note == "occupier":
            return Holder(owner).opponent
        if note == "owner":
            return Holder(owner)
        if note == "loser":
            # "12 settlements had been lost", said by one side: its own losses; reported
            # by others of Ukraine's ground: Ukraine's
            if speaker_side is not None:
                return speaker_side.opponent
            if owner == "UA":
                return Holder.RU
        if speaker_side is not None:
            return speaker_side
        if frame.kind is Kind.GAINED and self.g.own_gain_verbs.search(sent.text):
            return Holder(owner)
        if self.last_holder is not None:
            return self.last_holder
        return Holder(owner).opponent

    def _dates(
        self,
        sent: Sentence,
        fig: Figure,
        kind: Kind,
        speaker: Speaker | None,
        atts: list[Attribution],
        *,
        of_initial: bool = False,
        fallback: tuple[date | None, date | None] | None = None,
    ) -> tuple[date | None, date | None, Kind, bool]:
        """Return (since, as_of, kind, whether a period was found) for a figure.

        ``fallback`` is the (since, as_of) a figure takes when the sentence gives it no
        time of its own (a breakdown of the figure before).
        """
        ref = self._reference_date(sent, fig, speaker, atts)
        exprs = self.times.find(sent.text, ref=ref)
        rel_s, rel_e = fig.start - sent.start, fig.end - sent.start
        window_left = sent.text[max(0, rel_s - 60) : rel_s]
        # a restatement right after the figure (", or about 1 percent of its area,") is the
        # same statement: no figure between the figure and its date
        others = [
            (a - sent.start, b - sent.start)
            for a, b in self.sentence_figures
            if a != fig.start and not (a >= fig.end and self._restates(self.text[fig.end : a], a))
        ]
        # "Since the beginning of October, the Russians have occupied nine villages": a
        # holding verb in the perfect, dated by a period, is what was taken in it
        if (
            kind is Kind.HOLDS
            and self.g.perfect_taking.search(window_left)
            and any(e.kind == PERIOD and e.end <= rel_s for e in exprs)
        ):
            kind = Kind.GAINED
        dated_after = any(
            e.kind in {PERIOD, SAME}
            and rel_e <= e.start <= rel_e + 90
            and ";" not in sent.text[rel_e : e.start]
            for e in exprs
        )
        # "Since 1 January, he told reporters on Wednesday, Russian forces had occupied ...":
        # a period opening the sentence dates the pluperfect as well
        dated_after = dated_after or any(
            e.kind == PERIOD
            and e.end <= rel_s
            and _opens(sent.text, e.start, opener=self.g.opens_sentence)
            for e in exprs
        )
        for e in exprs:
            if e.kind != UNDATED:
                continue
            # "After 2014, the area was 8,500 km², or 32%": an opening phrase dates it all
            opening = _opens(sent.text, e.start, opener=self.g.opens_sentence)
            if not opening and not rel_s - 60 <= e.start <= rel_e + 40:
                continue
            # "... the enemy had occupied, only 6% is": another clause's undated verb
            if e.end <= rel_s and e.start > 3 and "," in sent.text[e.end : rel_s]:
                continue
            # "troops had seized 200 km² ... since September 1": the period dates it
            if dated_after and sent.text[e.start : e.end].lower().startswith(self.g.pluperfect):
                continue
            # "28% of all the land Russia had seized": the verb dates the base, not the share
            if of_initial and e.start >= rel_e:
                continue
            lo, hi = (rel_e, e.start) if e.start >= rel_e else (e.end, rel_s)
            if not opening and any(lo <= a < hi for a, _ in others):
                continue
            # "28% of the land Russia had seized since 2014 — almost 40,000 km²": the
            # verb is in the object of the figure this one restates
            if (
                e.end <= rel_s
                and self.g.restates.search(sent.text[:rel_s])
                and any(b <= e.start for _, b in others)
            ):
                continue
            return None, None, kind, False
        if self.g.peak.search(window_left) is None and self.g.of_a_share.search(
            sent.text[max(0, rel_s - 10) :]
        ):
            return None, None, kind, False
        # the first point in time just after a speaking verb is when it was said
        statement_spans = set()
        for a in atts:
            verb = a.pos - sent.start
            said = next((e for e in exprs if e.kind == POINT and e.start >= verb), None)
            if said is not None and said.start - verb <= 45:
                statement_spans.add((said.start, said.end))
        # "In its statement on Thursday": the day it was said, not the figure's
        statement_spans |= {
            (e.start, e.end)
            for e in exprs
            if e.kind == POINT
            and self.g.statement_noun.search(sent.text[max(0, e.start - 30) : e.start])
        }
        best: TimeExpr | None = None
        best_cost = 1e9
        asides = [m.span() for m in self.g.aside.finditer(sent.text)]
        for e in exprs:
            if e.kind == UNDATED or (e.start, e.end) in statement_spans:
                continue
            # ", where a counteroffensive in September sent ...,": the aside's own time,
            # unless the figure is in the aside too (", where Russian troops took 812 km²
            # over the three months,")
            if any(a <= e.start and e.end <= b and not a <= rel_s < b for a, b in asides):
                continue
            # "the territory occupied after 24 February": the start of what was taken
            if e.kind == POINT and self.g.after_before.search(
                sent.text[max(0, e.start - 7) : e.start]
            ):
                continue
            lo, hi = (rel_e, e.start) if e.start >= rel_e else (e.end, rel_s)
            # a figure between belongs to the date, unless it is listed with this one
            # ("400 km² and 24 settlements in the X regions since 1 November") or the
            # date opens the sentence ("As of July 24, 2025, the area totals ..., or 67.2%"),
            # or the date comes first and the figures after it are one list ("since June
            # 4, ... have de-occupied more than 200 km² and nine settlements")
            between_figures = [(a, b) for a, b in others if lo <= a < hi]
            if (
                not _opens(sent.text, e.start, opener=self.g.opens_sentence)
                and between_figures
                and not (e.start >= rel_e and self._listed(sent.text[rel_e : e.start]))
                and not (e.end <= rel_s and self._listed(sent.text[between_figures[-1][1] : rel_s]))
            ):
                continue
            between = sent.text[lo:hi]
            if ";" in between:
                continue
            # "..., the ministry said on Sunday, the largest tally this year": what
            # follows the attribution is the outlet's comment, not the figure's time
            if e.start >= rel_e and any(rel_e <= a.pos - sent.start < e.start for a in atts):
                continue
            # "the lowest figure since May": a comparison, not the figure's period
            if e.kind == PERIOD and self.g.superlative_since.search(
                sent.text[max(0, e.start - 40) : e.start + 6]
            ):
                continue
            cost = float(e.start - rel_e) if e.start >= rel_e else (rel_s - e.end) * 1.5 + 5
            # (a thousands separator is no clause break: "4,168 km² (1,609 square miles) of
            # Ukraine in 2024")
            if _CLAUSE_COMMA.search(between) or ";" in between:
                cost += 60
            elif of_initial and e.start >= rel_e:
                # "40% of the ground it seized in August": the object's own date
                continue
            if kind is Kind.HOLDS and e.kind == PERIOD and (e.start < rel_e or cost > 40):
                continue
            if cost < best_cost:
                best, best_cost = e, cost
        if best is None:
            if fallback is not None and fallback[1] is not None:
                return fallback[0], fallback[1], kind, fallback[0] is not None
            return None, ref, kind, False
        if best.kind == SAME:
            if self.last_as_of is not None:
                return self.last_since, self.last_as_of, kind, self.last_since is not None
            return None, ref, kind, False
        if best.kind == "relative":
            if self.last_as_of is not None:
                months = self.g.months_count.search(sent.text[best.start : best.end])
                n = self.times.count(months.group(1)) if months else 12
                return None, minus_months(self.last_as_of, n), kind, False
            return None, ref, kind, False
        if best.kind == PERIOD:
            until = best.until
            upto = next((e for e in exprs if e.kind == "upto" and e.start >= best.end), None)
            if upto is not None and upto.until is not None:
                until = upto.until
            comparison = self.g.comparison_before.search(sent.text[max(0, rel_s - 12) : rel_s])
            if (
                kind is Kind.HOLDS
                and not comparison
                and best.start >= rel_e
                and best.start - rel_e < 40
            ):
                kind = Kind.GAINED
            if (
                kind is Kind.HOLDS
                and comparison
                and self.last_sentence == sent.index
                and self.last_frame is not None
                and self.last_frame.kind is Kind.GAINED
            ):
                # "occupied 449 km² in May, up from 379 km² in April": compared like with like
                kind = Kind.GAINED
            if kind is Kind.HOLDS:
                return None, until, kind, False
            return best.since, until, kind, True
        if best.kind == "upto":
            return None, best.until, kind, False
        return None, best.until, kind, False

    def _share_list_end(self, sent: Sentence, figures: Sequence[Figure], i: int) -> int | None:
        """Where the list of shares that figure ``i`` opens ends, if it opens one.

        "99.7% of the Luhansk People's Republic, 75% of the Donetsk People's Republic
        and 72% of the Kherson region are under Russian control": one verb for all.
        """
        end = None
        if figures[i].unit not in {PERCENT, FRACTION}:
            return None
        for a, b in itertools.pairwise(figures[i:]):
            if a.unit not in {PERCENT, FRACTION} or b.unit not in {PERCENT, FRACTION}:
                break
            if not self.g.share_list_item.fullmatch(self.text[a.end : b.start]):
                break
            end = b.end
        return end

    def _restates(self, between: str, at: int) -> bool:
        """Whether the figure at ``at``, after ``between``, restates the one before it.

        "…, or 2%", "— almost 3,000 km²", and a share set off by a comma alone
        ("410 km², 0.07% of Ukraine's territory, in 2023").
        """
        tail = self.g.trailing_hedges.sub("", between.strip())
        if len(between) > 90:
            return False
        if self.g.restatement_end.search(tail) is not None:
            return True
        return tail == "," and self.g.apposed_share.match(self.text, at) is not None

    def _listed(self, between: str) -> bool:
        """Whether figures up to a trailing date form one list with no verb of its own.

        "almost 3,000 km² — 2,950 to be exact — and 41 settlements since January"
        """
        return (
            self.g.and_word.search(between) is not None
            and re.search(r";|,\s", between) is None
            and self.frames.pats.verbs.search(between) is None
            and len(between) <= 120
        )

    def _reference_date(
        self, sent: Sentence, fig: Figure, speaker: Speaker | None, atts: list[Attribution]
    ) -> date | None:
        for att in atts:
            if speaker is not None and att.speaker.name == speaker.name:
                when = self._attribution_date(sent, att)
                if when is not None:
                    return when
        opened = self.paragraph_time.get(sent.paragraph)
        if opened is not None and opened[0] < sent.index:
            return opened[1]
        if speaker is not None and speaker.name in self.statement_date:
            return self.statement_date[speaker.name]
        return self.published

    def _note_paragraph_time(self, sent: Sentence) -> None:
        if sent.paragraph in self.paragraph_time:
            return
        if self.last_statement_date is not None and self.g.same_day.match(sent.text):
            self.paragraph_time[sent.paragraph] = (sent.index, self.last_statement_date)
            return
        # only the first time expression counts, and only where it opens the sentence
        first = self.times.opening(sent.text, ref=self.published, limit=4)
        if first is not None and first.kind == POINT and first.until is not None:
            self.paragraph_time[sent.paragraph] = (sent.index, first.until)


@lru_cache(maxsize=8)
def _number_of(lex: Lexicon) -> re.Pattern[str]:
    """The "number of ... settlements" regex, compiled once per lexicon, not per article."""
    return re.compile(
        lex.grammar.number_of + r"(?:" + phrase_pattern(lex.language.units.settlements) + r")\b",
        re.IGNORECASE,
    )


def _opens(text: str, start: int, *, opener: re.Pattern[str]) -> bool:
    """Whether a time expression at ``start`` opens the sentence ("As of July 24, ...").

    ``opener`` is the language's words that may precede it (``Grammar.opens_sentence``).
    """
    return opener.fullmatch(text[:start]) is not None


def _quote_speakers(
    sentences: Sequence[Sentence], atts: dict[int, list[Attribution]]
) -> dict[int, Speaker | None]:
    """Give every sentence that holds a quotation the speaker of that quotation."""
    out: dict[int, Speaker | None] = {}
    last_para_speaker: dict[int, Speaker | None] = {}
    for i, sent in enumerate(sentences):
        if not sent.quoted:
            continue
        speaker = None
        for j in range(i, len(sentences)):
            other = sentences[j]
            if other.paragraph != sent.paragraph:
                break
            outside = [a for a in atts[other.index] if not other.in_quote(a.pos)]
            if outside:
                speaker = outside[0].speaker
                break
        if speaker is None:
            for j in range(i - 1, -1, -1):
                if sentences[j].paragraph == sent.paragraph:
                    outside = [
                        a for a in atts[sentences[j].index] if not sentences[j].in_quote(a.pos)
                    ]
                    if outside:
                        speaker = outside[-1].speaker
                        break
                    continue
                speaker = last_para_speaker.get(sentences[j].paragraph)
                if speaker is not None or sentences[j].paragraph < sent.paragraph - 1:
                    break
        out[sent.index] = speaker
        last_para_speaker[sent.paragraph] = speaker
    return out


def _same_claimant(a: _Candidate, b: _Candidate) -> bool:
    if a.claim.claimant_side != b.claim.claimant_side:
        return False
    if a.speaker is None or b.speaker is None:
        return a.speaker is None and b.speaker is None
    return a.speaker.name == b.speaker.name or a.speaker.generic or b.speaker.generic


#: how far a hedged round figure reaches: "more than half" restates 54%, not 70%
_ROUNDING = {
    Qualifier.MORE_THAN: (1.0, 1.2),
    Qualifier.AT_LEAST: (1.0, 1.2),
    Qualifier.ABOUT: (0.9, 1.1),
    Qualifier.ALMOST: (0.85, 1.0),
    Qualifier.LESS_THAN: (0.85, 1.0),
    Qualifier.UP_TO: (0.85, 1.0),
}


def _rounds(lead: Claim, value: float) -> bool:
    """Whether a hedged figure is a rounding of ``value``.

    "Ukraine has recaptured more than half of the territory ..., an official said"
    leads a report whose quotation says "about 54%": one claim, the quotation's.
    """
    reach = _ROUNDING.get(lead.qualifier)
    if reach is None:
        return False
    low, high = reach
    return lead.value * low <= value <= lead.value * high and value != lead.value


def _deduplicate(candidates: list[_Candidate], published: date | None) -> list[Claim]:
    """Merge restatements of one figure by one claimant; quotation wins, else first."""
    kept: list[_Candidate] = []
    for cand in candidates:
        c = cand.claim
        twin = next(
            (
                k
                for k in kept
                if k.claim.holder == c.holder
                and k.claim.kind == c.kind
                and k.claim.region == c.region
                and k.claim.measure == c.measure
                and (
                    abs(k.claim.value - c.value) <= 1e-9 * max(1.0, abs(c.value))
                    or (cand.in_quote and not k.in_quote and _rounds(k.claim, c.value))
                )
                # "CLAIM: Russian forces have captured more than 600 km² ..." restates the
                # figure its speaker gives further on
                and (_same_claimant(k, cand) or k.labelled or cand.labelled)
            ),
            None,
        )
        if twin is None:
            kept.append(cand)
        elif twin.labelled and not cand.labelled:
            kept[kept.index(twin)] = _Candidate(c, cand.speaker, cand.in_quote, twin.order)
        elif cand.in_quote and not twin.in_quote:
            if c.as_of == published and twin.claim.as_of is not None:
                # the quotation has no date of its own: the lead's "said on Tuesday" dates it
                c = replace(c, as_of=twin.claim.as_of, since=twin.claim.since)
            kept[kept.index(twin)] = _Candidate(c, cand.speaker, True, twin.order)
    kept.sort(key=lambda k: k.order)
    return [k.claim for k in kept]


def extract_claims(
    text: str,
    published: date | None = None,
    *,
    article_id: str | None = None,
    language: str = "en",
    lexicons: tuple[str, ...] = (),
) -> list[Claim]:
    """Return the territorial-control claims of one article's text."""
    lex = load_lexicon(language, lexicons)
    forget_texts()
    # Case-insensitive matching folds a few letters onto ASCII ones ("ſ" on "s", "ı" on
    # "i", the Kelvin sign on "K") that str.lower() leaves alone; the stages look
    # matched words up by their lower case, so they read a copy with those letters
    # already folded. Each is one character for one, so offsets hold, and quotes are
    # cut from the original text.
    if _FOLDABLE.search(text) is None:
        return _ArticleExtractor(lex, text, published, article_id).run()
    claims = _ArticleExtractor(lex, text.translate(_FOLD), published, article_id).run()
    return [replace(c, quote=text[c.start : c.end]) for c in claims]


_CLAUSE_COMMA = re.compile(r",(?!\d{3})")


def _most_named(codes: Sequence[str]) -> str:
    """The region named most often, of equals the last: the one a text is about.

    "... in the Kursk and Belgorod regions" in a Kursk story is still Kursk.

    >>> _most_named(["RU-KRS", "RU-KRS", "RU-BEL"])
    'RU-KRS'
    >>> _most_named(["RU-KRS", "RU-BEL"])
    'RU-BEL'
    """
    counts = Counter(codes)
    return max(reversed(codes), key=lambda code: counts[code])


_BRACKETED = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]")
_FOLD = str.maketrans({"ſ": "s", "ı": "i", "İ": "I", "\u212a": "K", "\u212b": "Å"})
_FOLDABLE = re.compile("[ſıİ\u212a\u212b]")


def extract_article(article: Article, *, lexicons: tuple[str, ...] = ()) -> Extraction:
    """Return the claims of an article (its language, date and id applied)."""
    # a language is known once it has a grammar module (and a lexicon); else English
    language = article.language if article.language in available_languages() else "en"
    claims = extract_claims(
        article.text,
        article.published,
        article_id=article.id,
        language=language,
        lexicons=lexicons,
    )
    return Extraction(article=article, claims=tuple(claims), extractor=extractor_version(lexicons))


@lru_cache(maxsize=8)
def extractor_version(lexicons: tuple[str, ...] = ()) -> str:
    """A fingerprint of the rules that extract claims: code, grammar and word lists.

    The hash of claimmap's version, the extraction modules, the shipped data files and
    the user's ``--lexicon`` files. A store keeps it with each article, so a run with
    changed rules extracts an article again instead of keeping what older rules found.
    """
    digest = hashlib.sha256(__version__.encode())
    package = resources.files("claimmap")
    sources = [
        *sorted((package / "extract").iterdir(), key=lambda p: p.name),
        *sorted((package / "extract" / "lang").iterdir(), key=lambda p: p.name),
        *sorted((package / "data").iterdir(), key=lambda p: p.name),
        *sorted((package / "data" / "lexicons").iterdir(), key=lambda p: p.name),
    ]
    for source in sources:
        if source.is_file() and source.name.endswith((".py", ".toml")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    for path in lexicons:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]
