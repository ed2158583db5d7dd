"""Per-language grammar: the hand-written syntax the extraction stages match.

Reads nothing from disk: each language is a module ``claimmap.extract.lang.<code>``
defining ``GRAMMAR``, a :class:`Grammar` of compiled patterns and word sets. Word
lists (verbs, units, hedges, sides, places) are data in
``claimmap/data/lexicons/<code>.toml``; what lives here is the syntax around them
("down from", "which", "'s", "the region", pronouns, role nouns) that a word list
cannot express. The shared stages (frames, actors, pipeline, numbers) hold no
language of their own; they read ``lexicon.grammar``. Dates' time grammar
(dates.py) has not moved yet.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from dataclasses import dataclass
from functools import cache

from claimmap.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class Grammar:
    """The syntax of one language that the extraction stages recognise."""

    # -- frames ---------------------------------------------------------------------
    #: auxiliaries before a passive participle, prefixed to the lexicon's participles
    passive_aux: str
    #: where a figure's clause ends: ";", a dash, "while", "but", "which", "said", ...
    clause_boundary: re.Pattern[str]
    #: where a share's object ends (runs on past "after"): ";", "while", "said", ...
    object_boundary: re.Pattern[str]
    #: words that join a figure to the one before: ",", "or", "and", "up from", ...
    joiner: re.Pattern[str]
    #: a town named as a goal, not a place held: "towards", "direction of" before it
    town_goal: re.Pattern[str]
    #: "of" or "in" right before a side word: it names a place ("of Russia's Kursk")
    place_of_side: re.Pattern[str]
    #: "forces", "troops", "army" after a side word: it names the actor after all
    side_forces: re.Pattern[str]
    #: 'had been "cleared" of sabotage groups': a participle in scare quotes, of something else
    scare_quoted: re.Pattern[str]
    #: a list that goes on: ", and" or "and" before a figure
    list_continues: re.Pattern[str]
    #: "in (the)" opening the text after a figure: the place of a breakdown
    in_place: re.Pattern[str]
    #: "were in", "lay in" after a figure: a breakdown of a previous figure
    lay_in: re.Pattern[str]
    #: "compared with", "a further", "another" before a figure: the context's frame
    compared_before: re.Pattern[str]
    #: a share of the ground first taken that is free again: "... since February was free
    #: again", "... has now been returned"
    initial_regained: re.Pattern[str]
    #: gains as the subject of a verb of amount: "Russian gains in February amounted to"
    gain_total: re.Pattern[str]
    #: a figure of one side's gains: "556 km² of Russian gains"; group "side"
    gains_of_side: re.Pattern[str]
    #: the whole a figure is part of, after it: "410 km² of that area (lay in ...)"
    of_that_whole: re.Pattern[str]
    #: "of the total" after a figure: the context's frame
    of_the_total: re.Pattern[str]
    #: a sentence opened by the whole its figures are parts of: "Of the total area, 221
    #: km² were in the Donetsk region"
    of_the_total_opening: re.Pattern[str]
    #: "Six of them are in the Donetsk region": a breakdown of the figure before
    of_them_in: re.Pattern[str]
    #: "That is roughly ...", "The total area is ...": a figure restating the one before
    restates_before: re.Pattern[str]
    #: "(added) to the area under their control": a destination, not a state
    destination_before: re.Pattern[str]
    #: a verb of rising before "up to": "crept up to 55%" is no hedge (ends with "up")
    rise_to: re.Pattern[str]
    #: a hedge after a figure that stands before its object: "1,400 km² or so of the region"
    hedge_after_lead: re.Pattern[str]
    #: "(all of) it in the X region": where parts of the figure before lie
    part_location: re.Pattern[str]
    #: the speaker's own country as a share's object: "of our land"
    own_country: re.Pattern[str]
    #: the holder's own country as a share's object: "of its internationally recognised
    #: territory" (a plain "its territory" is as often a region's)
    its_country: re.Pattern[str]
    #: a share's object that is what Russia seized in its invasion of Ukraine: "of the
    #: territory Russian forces seized after invading in February"
    invasion_gains: re.Pattern[str]
    #: a place noun and its plural, for the last name of a list: "Sumy and Chernihiv regions"
    plural_place_nouns: tuple[tuple[str, str], ...]
    #: a part of the whole named after it: "..., including Crimea"
    #: a part named after the whole, marked after it: "(of Ukraine,) Crimea included"
    included_after: re.Pattern[str]
    including: re.Pattern[str]
    #: a return before a control state: "returned under Ukrainian control" is a gain
    return_before: re.Pattern[str]
    #: "most of it near ...": the place of a part of the figure
    part_place: re.Pattern[str]
    #: what joins the first figure of a list to the next: "and", "covering an area of"
    list_gap: re.Pattern[str]
    #: the gap between two places of one list: ",", "and", ", and"
    place_list_gap: re.Pattern[str]
    #: ", up from" or ", compared with" ending the gap between two figures
    apposition_end: re.Pattern[str]
    #: hedge words ending a gap ("about", "more than"), stripped before the tests
    trailing_hedges: re.Pattern[str]
    #: an apposition ending a gap: a dash, ", or", "which amounts to", "that is"
    restatement_end: re.Pattern[str]
    #: a speaking verb in a gap: the figures are two statements
    speaking_verb: re.Pattern[str]
    #: "to be precise", "exactly", "or so" opening a gap, stripped before the joiner
    precision_start: re.Pattern[str]
    #: a passive auxiliary right before a verb: "been", "was", "is"
    aux_before_verb: re.Pattern[str]
    #: the agent of a passive: "by (the) X"
    by_agent: re.Pattern[str]
    #: "most of the city, ... 80 percent of it": "it" is a town, not a region
    town_before: re.Pattern[str]
    #: "and the rest was a grey zone", ", and that ...", "of a region that ...": where a
    #: figure's clause ends for distractors
    the_rest: re.Pattern[str]
    #: a verb of occupation: its subject is the occupier
    occupy_verb: re.Pattern[str]
    #: "occupied area", "occupied territory" before a figure
    occupied_area: re.Pattern[str]
    #: a relative pronoun up to two words before a verb: not the figure's verb
    relative_before_verb: re.Pattern[str]
    #: a control state that names occupation: the holder is the occupier
    occupation_state: re.Pattern[str]
    #: a relative pronoun right before a passive: not the figure's passive
    relative_before: re.Pattern[str]
    #: the agent of a passive, one modifier allowed: "by the Russian army"
    passive_agent: re.Pattern[str]
    #: passive participles of holding, not gaining
    hold_participles: frozenset[str]
    #: the last words of passive holdings whose holder is the occupier ("occupied",
    #: "under occupation")
    occupier_participles: frozenset[str]
    #: "of X" after a share: X is its object
    share_object: re.Pattern[str]
    #: where a share's own object ends: ",", ";", "and" not before "the", "its", "all"
    object_end: re.Pattern[str]
    #: a determiner opening an object: "the", "our", "his"
    determiner: re.Pattern[str]
    #: a pronoun object of a share: "of it", "of that region", "of (each of) which"
    anaphoric_share_object: re.Pattern[str]
    #: a pronoun subject right after a speaking verb: "... said they"
    reported_pronoun: re.Pattern[str]
    #: a relative share's object: "the Kherson region, three-quarters of (each of) which"
    relative_share_object: re.Pattern[str]
    #: "'s" after a country that is not "'s territory": the country owns a place
    possessive_place: re.Pattern[str]
    #: "forces of", "government of" before a country: it names an actor
    actor_of: re.Pattern[str]
    #: a preposition before a country that makes it a place: "of", "in", "across"
    place_preposition: re.Pattern[str]
    #: a country name that names ground: "territory", "land", "federation"
    territory_word: re.Pattern[str]
    #: "across more than" before a figure: the same gain's area
    across: re.Pattern[str]
    #: a list of shares whose verbs belong to their objects: "of ..., and"
    share_list: re.Pattern[str]
    #: an object after a figure that points back: "of it", "of his region"
    anaphoric_object: re.Pattern[str]
    #: a point of the compass as the place after a figure: "nine villages in the south"
    compass_place: re.Pattern[str]
    #: a relative clause set off by commas, skipped when looking for a subject
    relative_clause: re.Pattern[str]
    #: the text inside a figure that makes it a part: "502 of the ... villages"
    part_of: str

    # -- actors ---------------------------------------------------------------------
    #: the head nouns of a described speaker: "official", "ministry", "analysts"
    role_noun: re.Pattern[str]
    #: a described speaker: "a senior Russian military official", "the ministry"
    generic_speaker: re.Pattern[str]
    #: a role noun anywhere, case-insensitively: a sentence without one has no
    #: ``generic_speaker`` (which is costly to run)
    role_word: re.Pattern[str]
    #: a name that is the object of a verb or preposition: "briefing President X"
    object_before: re.Pattern[str]
    #: capitalised words that start a time or place adverbial, not a name
    not_a_name: re.Pattern[str]
    #: ", a Kyiv think tank" after a name: an analyst, of no side
    analyst_title: re.Pattern[str]
    #: a relative clause set off by commas before a speaking verb: not the speaker
    relative_aside: re.Pattern[str]
    #: a personal pronoun that may stand for a speaker, or a possessive before a word for a
    #: statement ("his previous update"); its group "p" or "p2" is the pronoun
    pronoun: re.Pattern[str]
    #: a capitalised name before a comma or a speaking verb
    capitalised_name: re.Pattern[str]
    #: a title or a date word before a name that is not part of it: "General", "Monday"
    name_prefix: re.Pattern[str]
    #: a relative clause closing a description before its verb: " that tracks the front,"
    description_relative: re.Pattern[str]
    #: a verb of office after a name: "Maksym Lohvynenko heads the military administration"
    heads_title: re.Pattern[str]
    #: where a named speaker spoke, after the verb: "told a briefing in Kyiv"
    setting_after: re.Pattern[str]
    #: a preposition between a generic speaker and the known body it belongs to
    belongs_to: re.Pattern[str]
    #: "the country's", "the nation's" opening a description
    national_role: re.Pattern[str]
    #: a description ending in a body: "ministry", "staff", "command"
    body_role: re.Pattern[str]
    #: an office of a region: "governor", "mayor", "head", "administration"
    office_role: re.Pattern[str]
    #: the unit a described speaker belongs to, after the description: "(an officer) of a
    #: Ukrainian air assault brigade"; group "side"
    member_of_side: re.Pattern[str]
    #: a possessive opening a description: "his own Defence Ministry" is of his side
    possessive_owner: re.Pattern[str]
    #: local authorities with no place named: "regional officials", "local authorities"
    local_authority: re.Pattern[str]
    #: a description ending in a third party: "analysts", "think tank", "experts"
    analyst_role: re.Pattern[str]
    #: a description ending in a person: "general", "spokesman", "official"
    person_role: re.Pattern[str]
    #: a description naming a third country's official ("a senior U.S. defense official")
    third_party: re.Pattern[str]
    #: the definite article opening a body's name, dropped from it
    definite_article: re.Pattern[str]
    #: "by X's own count": an attribution without a speaking verb
    own_count: re.Pattern[str]
    #: a gap between speaker and verb that ends the speaker's clause
    clause_break: re.Pattern[str]
    #: the definite article as a prefix of a mention ("the ministry")
    the: str
    #: speaking verbs at which a name's apposition (its title) ends
    speech_cut: tuple[str, ...]
    #: a preposition right before a pronoun: the pronoun is an object ("involved in it")
    preposition_before: re.Pattern[str]
    #: a region wholly won back, said without a number ("the Sumy region is free of
    #: orcs"): regex text in which each ``(?P<placeN>PLACE)`` stands for the region names
    completion: str
    #: a word every ``completion`` phrasing holds: sentences without one are not read
    completion_words: re.Pattern[str]
    #: "by its count": a body's own count, ``p`` the pronoun that stands for it
    body_own_count: re.Pattern[str]
    #: an object that names no place: "... km² of territory" (the whole front's)
    bare_territory: re.Pattern[str]
    #: an auxiliary right after a share's place: the clause's own verb follows ("of the
    #: Kherson region had been taken"), not a relative one ("of the land seized by")
    main_passive: re.Pattern[str]
    #: a share right after a comma restating the figure before: "410 km², 0.07% of"
    apposed_share: re.Pattern[str]
    #: a participle right after a share: "has been 93% liberated" (its place comes before)
    share_participle: re.Pattern[str]
    #: a holding verb in the perfect right before a figure (and its hedge): "have
    #: occupied", "managed to occupy less than"
    perfect_taking: re.Pattern[str]
    #: what lies between two shares of a list: "of the Luhansk People's Republic, "
    share_list_item: re.Pattern[str]
    #: a holding named right before a figure in apposition: "The part we control, ..."
    appositive_holding: re.Pattern[str]
    #: "its commander, (Colonel General)" or "the spokesman of the Tavria group," right
    #: before a name: the head of the body named before serves its side
    its_head: re.Pattern[str]
    #: a relative clause still open at a speaking verb: "where Moscow says"
    open_relative: re.Pattern[str]
    #: a figure of a claim in a clause: the clause is reported content, not a setting
    claim_figure: re.Pattern[str]
    #: a title between a body and a name: "(Defence Ministry) spokesman (Oleksandr ...)"
    title_after_body: re.Pattern[str]
    #: a speaking verb followed by "that": it opens a reported clause of its own
    verb_then_that: re.Pattern[str]
    #: a country or capital as the subject right before a speaking verb: "Moscow says"
    country_subject: re.Pattern[str]
    #: a conjunction right before a speaking verb: the sentence's subject speaks
    #: ("X called it 'unpleasant news' but said ...")
    coordinated_verb: re.Pattern[str]
    #: a speaking verb as a participle after a comma: ", telling Russian state television"
    participial_say: re.Pattern[str]
    #: speaking verbs whose object is never the speaker ("told Reuters")
    told_verbs: frozenset[str]
    #: pronouns that stand for a person
    person_pronouns: frozenset[str]
    #: the person pronouns of each gender ("he", "she"): a pronoun never stands for
    #: someone the article has already called by the other gender
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    #: pronouns that stand for a body or an analyst
    body_pronouns: frozenset[str]
    #: role heads that make a described speaker a body ("it said" may stand for it)
    body_heads: frozenset[str]
    #: role heads that make a described speaker an analyst
    analyst_heads: frozenset[str]
    #: role anaphors that point back to an analyst
    analyst_anaphors: frozenset[str]
    #: words for a statement that stand for whichever body made it: "the update said"
    statement_anaphors: frozenset[str]
    #: role anaphors that point back to a body
    body_anaphors: frozenset[str]

    # -- pipeline -------------------------------------------------------------------
    #: a sentence that continues the one before: "Of those", "He", "It"
    anaphoric_start: re.Pattern[str]
    #: verbs of winning one's own ground back: the claimant's side gained
    own_gain_verbs: re.Pattern[str]
    #: "statement on", "interview late on" before a date: when it was said
    statement_noun: re.Pattern[str]
    #: a place named as an office, after it: "the Donetsk region's governor"
    office_after: re.Pattern[str]
    #: a place named as an office, before it: "governor of Kherson"
    office_before: re.Pattern[str]
    #: a net figure, the balance of the whole front's gains and losses: "a net gain of"
    net_figure: re.Pattern[str]
    #: a word every net figure's wording holds, tested before the pattern
    net_figure_cue: str
    #: a sum over the places named: "which together amounted to", "in all"
    together: re.Pattern[str]
    #: a place named in passing, before it: "the border with", "neighbouring", "towards"
    passing: re.Pattern[str]
    #: a paragraph naming the speaker of the quotation before: "Those were the words of"
    named_after: re.Pattern[str]
    #: "the number of ... (settlements)": a count whose figure follows (regex text)
    number_of: str
    #: "at" or "to" before a bare number after "the number of": the count's figure
    count_at: re.Pattern[str]
    #: "the lowest ... since": a comparison, not a period
    superlative_since: re.Pattern[str]
    #: a relative clause set off by commas, whose dates are its own
    aside: re.Pattern[str]
    #: a dash (and a hedge) before a figure: it restates the one before
    restates: re.Pattern[str]
    #: a fact check's line that restates the claim it checks: "CLAIM: ..."
    claim_label: re.Pattern[str]
    #: a correction note: "An earlier version of this article said ...", "Correction: ..."
    correction: re.Pattern[str]
    #: an article that is an interview, or reproduces a source's text ("Excerpts follow")
    interview: re.Pattern[str]
    #: the end of a reproduced text: "The update ends there."
    document_end: re.Pattern[str]
    #: an occasion of speaking ("in an interview ... yesterday"): a person named in a
    #: sentence with one and a date spoke on that date, though no speaking verb says so
    speaking_event: re.Pattern[str]
    #: "By the same ...", "according to the same ...": the last claimant
    same_source: re.Pattern[str]
    #: a question of how much a side controls
    question: re.Pattern[str]
    #: a question of how many settlements: "How many villages in the district are occupied?"
    question_count: re.Pattern[str]
    #: a question of how much land: "And how much land is that?"
    question_area: re.Pattern[str]
    #: a question about ground the enemy holds: "... are occupied?", "does Russia control"
    question_occupied: re.Pattern[str]
    #: a question about ground won back: "Have Ukrainian troops regained any ground?"
    question_regained: re.Pattern[str]
    #: a question that points back to the one before: "how much land is that?"
    question_that: re.Pattern[str]
    #: "The speaker, Serhiy Haidai, ...": an interview's subject named after it
    interview_subject: re.Pattern[str]
    #: "the region" in a sentence: the last region named
    the_region: re.Pattern[str]
    #: "of those regions" after a figure: the last regions
    those_regions: re.Pattern[str]
    #: an anaphoric place after a figure: "of it", "of his region", "there"
    region_anaphor: re.Pattern[str]
    #: an anaphoric place before a figure: "there", "the region", "the republic"
    region_anaphor_before: re.Pattern[str]
    #: an anaphoric place later in the sentence: "there", "in the region"
    region_anaphor_later: re.Pattern[str]
    #: a role of a body named before, right before a name: "The command's spokeswoman, "
    possessed_role_before: re.Pattern[str]
    #: a description set off by commas (", a Finnish research group that tracks the
    #: front,"): no actor and no place of the clause it stands in
    speaker_description: re.Pattern[str]
    #: a reported clause whose subject is "they", up to its figure: "estimates that they
    #: still control "
    they_clause: re.Pattern[str]
    #: a place after a figure with "alone": "420 km² in the Donetsk region alone"
    part_alone: re.Pattern[str]
    #: an operation after a side's adjective: "the Russian advance" names no actor
    side_operation: re.Pattern[str]
    #: a region after a country's possessive: "Russia's Kursk region" names a place
    side_place: re.Pattern[str]
    #: a verb of taking back one's own ground ("retaken", not Moscow's "liberated")
    retaking: re.Pattern[str]
    #: "his region": the region of the speaker's office
    possessive_region: re.Pattern[str]
    #: "six of our villages" after a figure: the places of the speaker's office, if any
    own_places: re.Pattern[str]
    #: "front" in a sentence: the whole country
    front: re.Pattern[str]
    #: "peak" before a figure: a share of a peak keeps its date
    peak: re.Pattern[str]
    #: "of the 40%" after a figure: a part of a share, no date of its own
    of_a_share: re.Pattern[str]
    #: "after" before a date: the start of what was taken
    after_before: re.Pattern[str]
    #: "N months" in a relative time expression
    months_count: re.Pattern[str]
    #: "up from", "down from" before a figure: a comparison
    comparison_before: re.Pattern[str]
    #: "and" between figures and a date
    and_word: re.Pattern[str]
    #: "on the same day" opening a paragraph: the last statement's date
    same_day: re.Pattern[str]
    #: what may precede a time expression that opens a sentence: "As of", "On"
    opens_sentence: re.Pattern[str]
    #: a time expression opening with this (lower case) is a verb's own period: "had "
    pluperfect: str

    # -- numbers --------------------------------------------------------------------
    #: what may follow a number with no unit for it to be a figure in a list
    bare_next: re.Pattern[str]
    #: "the first half of the year": a fraction that is a time, not a share
    fraction_of_time: re.Pattern[str]
    #: words before a number that make it no figure: "a few dozen", "one in five"
    vague_before: re.Pattern[str]
    #: a preposition of place before a fraction: "across the whole of Ukraine" is a place
    fraction_as_place: re.Pattern[str]
    #: a month name right before a number: a day, not a figure
    month_before: re.Pattern[str]
    #: a percent sign or word inside a figure
    percent_word: re.Pattern[str]
    #: "847 of the region's": a settlement count that is a total
    of_total: re.Pattern[str]
    #: "Of the", "of its" right before a count: the count is a total
    of_the_before: re.Pattern[str]
    #: the gap of an area figure given again in other units: " (about"
    conversion_gap: re.Pattern[str]
    #: articles that are no number on their own
    articles: frozenset[str]
    #: the article that counts as one before a multiplier ("a thousand")
    article_one: str
    #: an optional article before a spelled number: "a", "an" (regex text)
    number_article: str
    #: an optional "and" inside a spelled number: "one hundred and twenty" (regex text)
    number_and: str
    #: the word opening a range whose separator is "and": "between" (regex text)
    range_between: str
    #: the separator of a range; "and" only after the group ``btw`` (regex text)
    range_separator: str
    #: a percent sign or word glued to the lower number of a range (regex text)
    percent_glued: str
    #: "of the region's" between a count and "settlements": a share of a total (regex text)
    settlements_of: str
    #: what must follow a fraction word for it to be a figure: "of" (regex text)
    fraction_of: str
    #: what may not follow a hedge after a figure: "than" ("and more than") (regex text)
    hedge_after_stop: str


@cache
def available_languages() -> tuple[str, ...]:
    """Return the codes of the languages that have a grammar module (scanned once)."""
    return tuple(
        sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    )


def load_grammar(language: str) -> Grammar:
    """Return the grammar of ``language``; ConfigError names the known ones if it has none."""
    known = available_languages()
    if language not in known:
        raise ConfigError(
            f"no grammar for language {language!r}; available: {', '.join(known) or 'none'}"
        )
    module = importlib.import_module(f"{__name__}.{language}")
    grammar = getattr(module, "GRAMMAR", None)
    if not isinstance(grammar, Grammar):
        raise ConfigError(f"{module.__name__} defines no GRAMMAR of type Grammar")
    return grammar
