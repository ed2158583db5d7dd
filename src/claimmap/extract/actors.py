"""Who says it: find speakers and attribute each sentence (and quotation) to one.

Reads the sentences of an article and the actor list; writes, per sentence, the
attributions it makes (a speaking verb and its speaker) and, per quotation, the
speaker it belongs to. Speakers are resolved across sentences: a pronoun ("he
added"), a role ("the ministry", "the analysis", "the source") or a surname
points back to the last matching speaker; unknown people and bodies are named as
written and take their side from their wording ("a senior Russian military
official", "the Moscow-installed head").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimmap.extract.lexicon import ActorEntry, Cue, Lexicon, cue, phrase_cue, phrase_pattern
from claimmap.extract.segment import Sentence
from claimmap.model import Side

PERSON, BODY, ANALYST = "person", "body", "analyst"
#: a government named by its country or capital ("Moscow says"): "it" may stand for
#: it, "the ministry" may not
GOVERNMENT = "government"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved claimant: the name as the text gives it, its side and kind."""

    name: str
    side: Side
    kind: str
    #: named by a description only ("a senior source"): may be the same as a named one
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaking verb at ``pos`` (absolute offset) and who speaks."""

    pos: int
    speaker: Speaker
    #: the speaker is named after the verb ("..., said Shoigu", "according to X")
    inverted: bool = False
    #: a speaking verb, not a count ("by DeepState's count"): its time is when it was said
    spoken: bool = True


@dataclass(frozen=True, slots=True)
class _ActorPatterns:
    mention: re.Pattern[str]
    by_alias: dict[str, ActorEntry]
    say: re.Pattern[str]
    according: re.Pattern[str]
    side_words: re.Pattern[str]
    ru_words: frozenset[str]
    ua_words: frozenset[str]
    #: region names and the country each lies in, for "the Kherson region's governor"
    places: re.Pattern[str]
    place_country: dict[str, str]
    #: ``mention``, ``say`` and ``according`` for their spans, over lower-cased text
    mention_cue: Cue
    say_cue: Cue
    according_cue: Cue
    #: a known actor's first name -> all its names and aliases, lower-cased, in one string
    known_names: dict[str, str]


#: ", commander of the Akhmat special forces and deputy head of ...," before a verb
# (an apposition may hold one relative clause of its own: "Leonid Pasechnik, the leader of
# the self-proclaimed Luhansk People's Republic, which lays claim to the whole region,
# insisted")
_APPOSITIVE = re.compile(
    r"\s*,[^\"“”;:.,]{1,160}(?:,\s*(?:which|who|whose|where)\s[^\"“”;:.,]{1,100})?,\s*"
)
#: a capitalised word, perhaps the surname of someone named in full earlier
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z][\w'’-]*\b")
#: the title right after a name: ", the governor of the Kharkiv region,"
_APPOSITIVE_TITLE = re.compile(r"\s*,\s*([^\"“”;:.,]{1,100})(?:,|\.?\s*$)")


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon) -> _ActorPatterns:
    by_alias: dict[str, ActorEntry] = {}
    for actor in lex.actors:
        for name in [*actor.names, *actor.aliases]:
            by_alias[name.lower()] = actor
    cues = lex.language.cues
    sides = lex.language.sides
    place_country: dict[str, str] = {
        name.lower(): str(region.country)
        for region in lex.regions
        for name in getattr(region, lex.language.language, [])
    }
    return _ActorPatterns(
        places=re.compile(phrase_pattern(place_country), re.IGNORECASE),
        place_country=place_country,
        mention=re.compile(phrase_pattern(by_alias), re.IGNORECASE),
        by_alias=by_alias,
        say=re.compile(phrase_pattern(cues.say_verbs), re.IGNORECASE),
        according=re.compile(phrase_pattern(cues.according_to), re.IGNORECASE),
        side_words=re.compile(phrase_pattern([*sides.RU, *sides.UA]), re.IGNORECASE),
        ru_words=frozenset(w.lower() for w in sides.RU),
        ua_words=frozenset(w.lower() for w in sides.UA),
        mention_cue=phrase_cue(by_alias),
        say_cue=phrase_cue(cues.say_verbs),
        according_cue=phrase_cue(cues.according_to),
        known_names={
            actor.names[0]: " | ".join([*actor.names, *actor.aliases]).lower()
            for actor in lex.actors
        },
    )


def _side_of_words(text: str, pats: _ActorPatterns) -> Side | None:
    for m in pats.side_words.finditer(text):
        word = m.group(0).lower()
        if word in pats.ru_words:
            return Side.RU
        if word in pats.ua_words:
            return Side.UA
    return None


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    speaker: Speaker | None
    anaphor: str | None = None


class Attributor:
    """Attribute the sentences of one article to speakers."""

    def __init__(self, lex: Lexicon, text: str) -> None:
        self.pats = _patterns(lex)
        self.g = lex.grammar
        self.text = text
        self.history: list[Speaker] = []
        #: named people mentioned without speaking, for "he"/"she" when none spoke yet
        self.mentioned: list[Speaker] = []
        #: the surnames of people named in full, for a later "according to Shtupun"
        self.surnames: dict[str, Speaker] = {}
        #: named bodies and analysts mentioned without speaking, for "by its count"
        self.mentioned_bodies: list[Speaker] = []
        #: the side of the last speaker named with one, for a spokesperson named next
        self.last_side: Side | None = None
        #: the gender a person's name has been referred to by ("she wrote" of Malyar)
        self.gender: dict[str, str] = {}
        self._mentions: dict[int, list[_Mention]] = {}
        # asked only for spans: matched case-sensitively over lower-cased text
        self._pronoun = cue(self.g.pronoun)
        self._role = cue(self.g.role_word)
        self._own_count = cue(self.g.own_count)

    def _known(self, alias: str) -> Speaker:
        actor = self.pats.by_alias[alias.lower()]
        return Speaker(name=actor.names[0], side=Side(actor.side), kind=actor.kind)

    def mentions(self, sent: Sentence) -> list[_Mention]:
        """Return the speaker mentions of a sentence, in order."""
        cached = self._mentions.get(sent.start)
        if cached is None:
            cached = self._mentions[sent.start] = self._find_mentions(sent)
        return cached

    def _find_mentions(self, sent: Sentence) -> list[_Mention]:
        text, off = sent.text, sent.start
        found: list[_Mention] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= x or a >= y for x, y in taken)

        # the generic-role pattern is the costliest here: found once, read twice
        # (read only where a role noun is: most sentences name none)
        generic = list(self.g.generic_speaker.finditer(text)) if self._role.search(text) else []
        known: list[tuple[int, int, Speaker]] = []
        for a, b in self.pats.mention_cue.spans(text):
            name = text[a:b]
            if not (name[0].isupper() or name.startswith(self.g.the)):
                continue
            # "the Moscow-installed head", "a Kyiv-based analyst": part of a compound word
            if text[b : b + 1] == "-":
                continue
            known.append((a, b, self._known(name)))
        for m in generic:
            # "a senior source on the Ukrainian General Staff": the source speaks, with
            # the side of the body it belongs to; a known name in its head stays known
            inner = [k for k in known if m.start() < k[0] and k[1] <= m.end()]
            if not inner or self.g.belongs_to.search(text[m.start() : inner[0][0]]) is None:
                continue
            phrase = m.group("g").rstrip()
            speaker = Speaker(name=phrase, side=inner[0][2].side, kind=PERSON, generic=True)
            found.append(_Mention(off + m.start(), off + m.end(), speaker))
            taken.append((m.start(), m.end()))
        for a, b, speaker in known:
            if free(a, b):
                found.append(_Mention(off + a, off + b, speaker))
                taken.append((a, b))
        for m in generic:
            if not free(m.start(), m.end()):
                continue
            phrase = m.group("g").rstrip()
            low = phrase.lower()
            side = _side_of_words(phrase, self.pats)
            if side is None and self.g.office_role.search(phrase):
                # "The Donetsk regional military administration": the region it governs
                side = self._place_side(phrase)
            owner = self.g.possessive_owner.match(phrase)
            if owner is not None and any(w in self.g.statement_anaphors for w in low.split()):
                # "said in its daily update": the statement of the one who said it
                continue
            if side is None and owner is not None:
                # "Putin's tally is close to that of his own Defence Ministry": the body
                # of the side of the one it belongs to
                whose = self.resolve(_Mention(0, 0, None, anaphor=owner.group("p").lower()))
                if whose is not None and whose.side in {Side.RU, Side.UA}:
                    side = whose.side
                elif whose is None and owner.group("p").lower() in self.g.body_pronouns:
                    # "Ukraine has won back ..., according to its General Staff": the one
                    # side the sentence names before it, its subject
                    said = {w[0].lower() for w in self.pats.side_words.finditer(text, 0, m.start())}
                    ru, ua = bool(said & self.pats.ru_words), bool(said & self.pats.ua_words)
                    side = Side.RU if ru and not ua else Side.UA if ua and not ru else None
            if side is None and self.g.local_authority.search(phrase):
                # "according to regional officials": those of the region the sentence
                # names, else of the place the text opens with
                side = self._place_side(text, self.text[:off])
            if side is None and self.g.third_party.search(phrase):
                # "a US defence official": neither side's, and no one named before
                side = Side.OTHER
            if side is None and (unit := self.g.member_of_side.match(text, m.end())):
                # "An officer of a Ukrainian air assault brigade ... told": of that side
                side = _side_of_words(unit.group("side"), self.pats)
            words = low.split()
            head = next((w for w in reversed(words) if self.g.role_noun.fullmatch(w)), words[-1])
            if low.startswith(self.g.the) and len(words) <= 3 and side is None:
                found.append(_Mention(off + m.start(), off + m.end(), None, anaphor=head))
            else:
                kind = (
                    ANALYST
                    if head in self.g.analyst_heads
                    else BODY
                    if head in self.g.body_heads
                    else PERSON
                )
                speaker = Speaker(name=phrase, side=side or Side.OTHER, kind=kind, generic=True)
                # "open-source trackers, which put ...": analysts named only by their
                # trade are a third party; an unnamed official is someone named before
                if side is None and not (kind == ANALYST and head.endswith("s")):
                    found.append(_Mention(off + m.start(), off + m.end(), None, anaphor=head))
                else:
                    found.append(_Mention(off + m.start(), off + m.end(), speaker))
            taken.append((m.start(), m.end()))
        for m in self.g.capitalised_name.finditer(text):
            if (
                free(m.start(), m.end())
                and not self.pats.side_words.fullmatch(m.group("n").split()[0])
                and not self.g.not_a_name.match(m.group("n"))
            ):
                name = m.group("n")
                # "General Oleksiy Hromov", "on Monday Andriy Demchenko": the name after
                prefix = self.g.name_prefix.match(name)
                if prefix is not None and len(name[prefix.end() :].split()) >= 2:
                    name = name[prefix.end() :]
                known_person = self.surnames.get(name.split()[-1])
                if known_person is not None and known_person.name == name:
                    found.append(_Mention(off + m.start(), off + m.end(), known_person))
                    taken.append((m.start(), m.end()))
                    continue
                after = text[m.end() : m.end() + 120]
                title = after
                for verb in self.g.speech_cut:
                    title = title.split(verb)[0]
                # "German Defence Minister Boris Pistorius": the title before the name
                before_name = re.split(r"[,;—–]", text[max(0, m.start() - 40) : m.start()])[-1]
                # "X, a Kyiv think tank": an analyst speaks for no side
                side = (
                    Side.OTHER
                    if self.g.analyst_title.match(title)
                    or self.g.third_party.search(before_name + m.group("n")[: -len(name)])
                    else self._side_from_office(title, text)
                    or _side_of_words(title, self.pats)
                    or self._side_from_setting(text, m)
                )
                if side is None and (
                    (prefix is not None and self.g.role_word.match(prefix[0]))
                    or self.g.possessed_role_before.search(text, 0, m.start())
                ):
                    # "The Ukrainian army's southern command has given its first figures.
                    # Spokeswoman Natalia Humeniuk told ..." or "The command's spokeswoman,
                    # Natalia Humeniuk, told ...": of the side just named
                    side = self.last_side
                if side is None:
                    # ", a spokeswoman for the Operational Command South,": a known body
                    side = next(
                        (
                            body.side
                            for a, b in self.pats.mention_cue.spans(title)
                            if (body := self._known(title[a:b])).side in {Side.RU, Side.UA}
                        ),
                        None,
                    )
                if side is None and (
                    where := self.g.setting_after.match(text[m.end() : m.end() + 240])
                ):
                    # "Oleksiy Hromov told a briefing in Kyiv": the capital names the side
                    side = _side_of_words(where.group("c"), self.pats)
                speaker = Speaker(name=name, side=side or Side.OTHER, kind=PERSON)
                found.append(_Mention(off + m.start(), off + m.end(), speaker))
                taken.append((m.start(), m.end()))
                words = speaker.name.split()
                if len(words) >= 2:
                    self.surnames.setdefault(words[-1], speaker)
        # "According to Shtupun, ..." after "Oleksandr Shtupun, a spokesman, said": the
        # surname of someone named in full before
        if self.surnames:
            for m in _CAPITALISED_WORD.finditer(text):
                person = self.surnames.get(m.group(0))
                if person is not None and free(m.start(), m.end()):
                    found.append(_Mention(off + m.start(), off + m.end(), person))
                    taken.append((m.start(), m.end()))
        for m in self._pronoun.matches(text):
            # the match may be over lower-cased text: the pronoun is read from ``text``
            # "an officer involved in it told": a pronoun after a preposition is an object
            # ("according to him" names the speaker)
            group = "p" if m.start("p") >= 0 else "p2"
            pa, pb = m.span(group)
            if free(m.start(), m.end()) and (
                not self.g.preposition_before.search(text, max(0, pa - 12), pa)
                or self.pats.according.search(text, max(0, pa - 16), pa)
            ):
                found.append(_Mention(off + m.start(), off + m.end(), None, anaphor=text[pa:pb]))
        found.sort(key=lambda x: x.start)
        return found

    def resolve(self, mention: _Mention, recent: Sequence[Speaker] = ()) -> Speaker | None:
        """Return the speaker a mention stands for, looking back for anaphors.

        ``recent`` are the speakers found earlier in the same sentence, nearest last.
        """
        if mention.speaker is not None:
            return mention.speaker
        ana = (mention.anaphor or "").lower()
        g = self.g
        gender = "m" if ana in g.male_pronouns else "f" if ana in g.female_pronouns else None
        history = [*self.history, *recent]

        def agrees(p: Speaker) -> bool:
            return gender is None or self.gender.get(p.name, gender) == gender

        people = any(p.kind == PERSON and agrees(p) for p in history)
        if ana in g.body_anaphors:
            # "the ministry" is the last body whose name says ministry, if one spoke; else
            # the last body ("Britain's Defence Intelligence" for "the ministry")
            named = next(
                (p for p in reversed(history) if p.kind == BODY and self._named(p, ana)), None
            )
            if named is not None:
                return named
        for prev in reversed(
            history + self.mentioned if ana in g.person_pronouns and not people else history
        ):
            if ana in g.person_pronouns and prev.kind == PERSON:
                if not agrees(prev):
                    continue
                if gender is not None:
                    self.gender[prev.name] = gender
                return prev
            if ana in g.body_pronouns and prev.kind in {BODY, ANALYST, GOVERNMENT}:
                return prev
            if ana in g.analyst_anaphors and prev.kind == ANALYST:
                return prev
            # "the assessment said" after Britain's Defence Intelligence: a body's too
            if ana in g.statement_anaphors and prev.kind in {BODY, GOVERNMENT}:
                return prev
            if ana in g.body_anaphors and prev.kind == BODY:
                return prev
            # "the general" after Gerasimov: a role word of the name or of its aliases
            names = self.pats.known_names.get(prev.name)
            if (
                ana in prev.name.lower().split()
                or (ana and ana in prev.name.lower())
                or (ana and names and re.search(rf"\b{re.escape(ana)}\b", names))
            ):
                return prev
        if ana in g.body_anaphors:
            # "the ministry said" after "Britain's Defence Intelligence": the body that
            # spoke last, though its name does not say ministry
            return next((p for p in reversed(history) if p.kind == ANALYST), None)
        if ana in g.body_pronouns and self.mentioned_bodies:
            # "the figures that DeepState published. By its count, ...": no body spoke yet
            return self.mentioned_bodies[-1]
        return None

    def _speaker_of(
        self, head: _Mention, sent: Sentence, recent: Sequence[Speaker]
    ) -> Speaker | None:
        """The speaker a mention before a speaking verb stands for.

        An office named by its role ("the regional military administration said" in a
        sentence about the Dnipropetrovsk region) is the one of the region the sentence
        names before it is any body that spoke earlier.
        """
        phrase = self.text[head.start : head.end]
        if head.anaphor is not None and self.g.office_role.search(phrase):
            return self._describe(head, sent) or self.resolve(head, recent)
        return self.resolve(head, recent) or self._describe(head, sent)

    def _named(self, speaker: Speaker, word: str) -> bool:
        """Whether ``word`` is a word of the speaker's name or of a known alias of it."""
        names = self.pats.known_names.get(speaker.name, speaker.name.lower())
        return re.search(rf"\b{re.escape(word)}\b", names) is not None

    def _describe(self, mention: _Mention, sent: Sentence) -> Speaker | None:
        """Name an unresolved description whose side the sentence gives.

        "Ukraine's forces ..., the country's top general said": the general is
        Ukraine's, an unnamed speaker who may be named later in the article.
        """
        phrase = self.text[mention.start : mention.end]
        before = self.text[sent.start : mention.start]
        side: Side | None
        if self.g.third_party.search(phrase):
            # "a senior U.S. defense official": neither side's; "the UK's Defence
            # Intelligence" a body, whose "assessment" may speak later
            side = Side.OTHER
            kind = BODY if self.g.body_role.search(phrase) else PERSON
        elif self.g.national_role.match(phrase):
            side = _side_of_words(before, self.pats)
            kind = PERSON
        elif self.g.body_role.search(phrase):
            # "Russia declared ..., with the Defence Ministry saying": the subject's;
            # else the body of the side whose officials spoke last
            side = _side_of_words(" ".join(before.split()[:2]), self.pats) or next(
                (p.side for p in reversed(self.history) if p.side in {Side.RU, Side.UA}), None
            )
            kind = BODY
        elif self.g.office_role.search(phrase) and (
            office := self._place_side(phrase, self.text[sent.start : sent.end])
        ):
            # "the Kherson region's governor" serves the country the region lies in
            side = office
            kind = PERSON
        elif self.g.analyst_role.search(phrase):
            # "the Finnish analysts said": a third party, named by a description
            side = Side.OTHER
            kind = ANALYST
        elif self.g.person_role.search(phrase):
            # "Ukraine's troops recaptured ..., the general said": the subject's side
            side = _side_of_words(" ".join(before.split()[:2]), self.pats)
            kind = PERSON
        else:
            return None
        if side is None:
            return None
        name = self.g.definite_article.sub("", phrase) if kind == BODY else phrase
        return Speaker(name=name, side=side, kind=kind, generic=True)

    def _side_from_office(self, title: str, sentence: str) -> Side | None:
        """The side of a named official whose apposition is a regional office.

        "Oleh Syniehubov, the governor of the Kharkiv region, said": a governor serves
        the country the region lies in, unless the title names a side ("the
        Moscow-installed governor"); a clause after the title ("whose southern part
        remains under Russian control") does not.
        """
        if heads := self.g.heads_title.match(title):
            # "X heads the military administration of ...": the office as an apposition
            title = ", " + title[heads.end() :]
        appositive = _APPOSITIVE_TITLE.match(title)
        if appositive is None or not self.g.office_role.search(appositive[1]):
            return None
        # "the Moscow-installed governor of the Zaporizhzhia region": the title's own side
        side = _side_of_words(appositive[1], self.pats)
        if side is not None:
            return side
        # "the head of its military administration": the region the sentence names
        return self._place_side(appositive[1], sentence)

    def _place_side(self, *texts: str) -> Side | None:
        """The country of the first place named in the first of ``texts`` naming one."""
        for text in texts:
            place = self.pats.places.search(text)
            if place is not None:
                return Side(self.pats.place_country[place.group(0).lower()])
        return None

    def _side_from_setting(self, text: str, name: re.Match[str]) -> Side | None:
        """The side of an unknown named official from the sentence around the name.

        "..., the region's governor, Yaroslav Yanushevych, said": a governor serves the
        country of the region the sentence names; "At a briefing in Kyiv on Tuesday,
        Oleksiy Hromov ...": the setting names the side.
        """
        clause = re.split(r";|\.(?!\d)", text[: name.start()])[-1]
        # '"... less than 1% of the country," Healey told': the quotation is what was
        # said, not where the speaker is
        clause = clause[max(clause.rfind('"'), clause.rfind("”")) + 1 :]
        # "Governor Viacheslav Chaus": the title may be part of the capitalised name
        if (self.g.office_role.search(clause) or self.g.office_role.search(name.group("n"))) and (
            office := self._place_side(text)
        ):
            return office
        known = self.pats.mention_cue.spans(clause)
        if known:
            # "the Vostok group has liberated ..., its commander, Colonel General X, told":
            # the head of the body named before serves its side
            # "Ukraine's Defence Ministry spokesman Oleksandr Motuzianyk": the same
            if self.g.its_head.search(clause) or self.g.title_after_body.fullmatch(
                clause[known[-1][1] :]
            ):
                body = self.pats.by_alias.get(clause[known[-1][0] : known[-1][1]].lower())
                if body is not None:
                    return Side(body.side)
            return None
        # "..., the Russian force held a third of it, according to X" or "Russian forces
        # have captured less than 1% ..., British Defence Secretary X said": the clause is
        # what X said, not where X speaks from
        if self.pats.according.search(clause[-20:]) or self.g.claim_figure.search(clause):
            return None
        return _side_of_words(clause, self.pats)

    def note(self, speaker: Speaker) -> None:
        """Record that ``speaker`` spoke, for later anaphors."""
        self.history.append(speaker)

    def attributions(self, sent: Sentence) -> list[Attribution]:
        """Return the attributions a sentence makes, outside its quotations."""
        text, off = sent.text, sent.start
        mentions = self.mentions(sent)
        for x in mentions:
            if x.speaker is not None and x.speaker.side in {Side.RU, Side.UA}:
                self.last_side = x.speaker.side
            # "Briefing President Zelensky, he said": the one briefed is not "he"
            if (
                x.speaker is not None
                and x.speaker.kind == PERSON
                and not x.speaker.generic
                and not self.g.object_before.search(self.text[max(off, x.start - 40) : x.start])
            ):
                self.mentioned.append(x.speaker)
            elif (
                x.speaker is not None
                and x.speaker.kind != PERSON
                and (not x.speaker.generic or x.speaker.side in {Side.RU, Side.UA})
            ):
                # "the figures that DeepState published": a body for a later "its count"
                self.mentioned_bodies.append(x.speaker)
        out: list[Attribution] = []
        for start, end in self.pats.according_cue.spans(text):
            after = [x for x in mentions if off + end <= x.start <= off + end + 100]
            # "according to an analysis of open-source maps by Rochan Consulting": the
            # first mention that names someone
            speaker = next((s for x in after[:3] if (s := self.resolve(x)) is not None), None)
            if speaker:
                out.append(Attribution(pos=off + start, speaker=speaker, inverted=True))
        for start, end in self._own_count.spans(text):
            inner = [x for x in mentions if off + start <= x.start < off + end]
            # "By its count": the body that spoke last
            its = self.g.body_own_count.match(text, start)
            if its is not None and not inner:
                inner = [_Mention(off + start, off + end, None, anaphor=its.group("p"))]
            if inner:
                speaker = self.resolve(inner[0])
                if speaker:
                    out.append(Attribution(pos=off + start, speaker=speaker, spoken=False))
        all_asides: list[tuple[int, int]] | None = None
        for verb_start, verb_end in self.pats.say_cue.spans(text):
            pos = off + verb_start
            if sent.in_quote(pos):
                continue
            # "An official, who spoke on condition that he not be named, said": the
            # relative clause is skipped, and "he" in it is not the speaker
            if all_asides is None:
                # found once per sentence, not once per speaking verb
                all_asides = [
                    (off + a.start(), off + a.end()) for a in self.g.relative_aside.finditer(text)
                ]
            asides = [(a, b) for a, b in all_asides if b <= pos]
            before = [
                x
                for x in mentions
                if x.end <= pos
                and not sent.in_quote(x.start)
                and not any(a <= x.start < b for a, b in asides)
            ]
            after = [
                x for x in mentions if x.start >= off + verb_end and not sent.in_quote(x.start)
            ]
            speaker = None
            inverted = False
            # "..., said Shoigu" or '," the ministry said': a speaker right before the verb
            recent = [a.speaker for a in out]
            # "DeepState's numbers are more modest: it says ...": a body named earlier in
            # the sentence is nearer than one that spoke before it
            recent += [
                x.speaker
                for x in before
                if x.speaker is not None and x.speaker.kind != PERSON and not x.speaker.generic
            ]
            skipped = sum(b - a for a, b in asides if before and a >= before[-1].end)
            if before and pos - before[-1].end - skipped > 60:
                # "Rodion Miroshnik, the envoy of the self-proclaimed Luhansk People's
                # Republic in Moscow, claimed": one long apposition between name and verb
                named = next(
                    (
                        x
                        for x in reversed(before)
                        if x.speaker is not None and not x.speaker.generic
                    ),
                    None,
                )
                if named is not None and _APPOSITIVE.fullmatch(self.text[named.end : pos]):
                    speaker = named.speaker
                first = before[0]
                if (
                    speaker is None
                    and first.start - off <= 2
                    and first.speaker is not None
                    and _APPOSITIVE.fullmatch(self.text[first.end : pos])
                ):
                    # "A US defence official, speaking to reporters on condition of
                    # anonymity on Thursday, said": the description the sentence opens with
                    speaker = first.speaker
            if speaker is None and before and pos - before[-1].end - skipped <= 60:
                gap = self.text[before[-1].end : pos]
                for a, b in sorted(asides, reverse=True):
                    if a >= before[-1].end:
                        gap = gap[: a - before[-1].end] + gap[b - before[-1].end :]
                # "DeepState, a Ukrainian group that tracks the front, said": a relative
                # clause of the description, no new clause
                if not self.g.clause_break.search(
                    "," if self.g.description_relative.match(gap) else gap
                ):
                    head = _head_of_apposition(
                        before,
                        self.text,
                        pos,
                        pronouns=self.g.person_pronouns | self.g.body_pronouns,
                    )
                    speaker = self._speaker_of(head, sent, recent)
            if (
                speaker is None
                and before
                and before[0].start - off <= 2
                and self.g.coordinated_verb.search(text[:verb_start])
            ):
                # "Pushilin called the loss "unpleasant news" on Saturday but said ...": the
                # second verb of the sentence's subject
                head = _head_of_apposition(
                    before[:1], self.text, pos, pronouns=self.g.person_pronouns
                )
                speaker = self.resolve(head, recent) or self._describe(head, sent)
            if (
                speaker is None
                and before
                and before[0].start - off <= 2
                and self.g.participial_say.search(text, 0, verb_end)
            ):
                # "Denis Pushilin, the Moscow-installed head ..., went further on Tuesday,
                # telling Russian state television that ...": the sentence's subject
                head = _head_of_apposition(
                    before[:1], self.text, pos, pronouns=self.g.person_pronouns
                )
                speaker = self.resolve(head, recent) or self._describe(head, sent)
            if speaker is None and (country := self.g.country_subject.search(text, 0, verb_start)):
                # "Moscow says", "Kyiv claims": the government of the side the place names
                side = _side_of_words(country.group("c"), self.pats)
                if side is not None:
                    speaker = Speaker(name=country.group("c"), side=side, kind=GOVERNMENT)
            # "told Reuters": the one told is never the speaker
            told = text[verb_start:verb_end].lower() in self.g.told_verbs
            if speaker is None and not told and after and after[0].start - (off + verb_end) <= 4:
                speaker = self.resolve(after[0], recent)
                inverted = True
            if speaker is not None:
                out.append(Attribution(pos=pos, speaker=speaker, inverted=inverted))
        out.sort(key=lambda a: a.pos)
        return out


def _head_of_apposition(
    before: list[_Mention], text: str, verb: int, *, pronouns: frozenset[str]
) -> _Mention:
    """Return the named mention that an appositive description follows.

    In "Alexei Smirnov, the acting governor of the Kursk region, said" the verb's
    nearest mention is the description; the speaker is the name before it. So is
    "Apty Alaudinov" in "Apty Alaudinov, commander of ... and deputy head of the
    army's directorate, told".
    """
    for x in reversed(before):
        if x.speaker is not None and not x.speaker.generic:
            if _APPOSITIVE.fullmatch(text[x.end : verb]):
                return x
            break
    if before[-1].anaphor in pronouns:
        return before[-1]
    i = len(before) - 1
    while i > 0:
        current, previous = before[i], before[i - 1]
        named = current.speaker is not None and not current.speaker.generic
        previous_named = previous.speaker is not None and not previous.speaker.generic
        if (
            named
            or not previous_named
            or not re.fullmatch(r"\s*,\s*", text[previous.end : current.start])
        ):
            break
        i -= 1
    return before[i]
