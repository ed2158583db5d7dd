"""English grammar: the syntax the extraction stages match in English text.

Reads nothing; defines ``GRAMMAR``. The English word lists are data in
``claimmap/data/lexicons/en.toml``; what is here is the syntax around them.
"""

from __future__ import annotations

import re

from claimmap.extract.lang import Grammar

#: the verbs that report a clause whose subject may be a pronoun ("said they held")
_REPORTING = r"(?:said|says|told\s+\w+|claimed|added|reported)"
_ROLE_NOUNS = (
    r"official|officials|source|sources|spokesman|spokeswoman|spokesperson|commanders|commander|"
    r"commander-in-chief|general|officer|governor|minister|ministry|head|chief|adviser|"
    r"advisor|president|agency|analysis|analysts|institute|army|military|staff|command|trackers|"
    r"authorities|administration|government|envoy|mayor|blogger|commentator|tracker|"
    r"group|project|intelligence|think tank|office|press service|update|assessment|review|"
    r"summary|data"
)

GRAMMAR = Grammar(
    # -- frames ---------------------------------------------------------------------
    passive_aux=r"\b(?:(?:have|has|had|having)\s+been|was|were|is|are|been|be)\s+"
    r"(?:(?:already|now|still|since|temporarily|fully|completely|partly|partially|largely)\s+)?",
    clause_boundary=re.compile(
        r";|\s[—–]\s|\bwhile\b|\bbut\b|\bwhich\s+(?!amounts|is\b|was\b|represents)|\bwhen\b|\bas\b(?!\s+of)|\bafter\b"
        r"|\b(?:said|says|told|wrote|reported|claimed|noted|showed|shows)\b"
        # "have been added", "its forces added", "we added almost four square kilometres" are
        # gains, not speaking verbs
        r"|(?<!been\s)(?<!have\s)(?<!has\s)(?<!had\s)(?<!forces\s)(?<!troops\s)\badded\b"
        # (the text may end before the figure)
        r"(?!(?:\s+(?:almost|nearly|about|some|around|roughly|another|over|more\s+than))?"
        r"(?:\s*$|\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|a\s+further)\b)))",
        re.IGNORECASE,
    ),
    object_boundary=re.compile(
        r";|\s[—–]\s|\bwhile\b|\bbut\b|\bwhen\b|\b(?:said|says|told|wrote|reported)\b",
        re.IGNORECASE,
    ),
    joiner=re.compile(
        r"(?:[,(\[]|[—–]|\b(?:or|and|with|which amounts to|amounting to|that is|i\.e\.|which is"
        r"|which was|which represents|representing)\b"
        r"|\b(?:up|down)\s+from\b|\bcompared\s+with\b|\bfrom\b|\ban\s+area\s+of\b)",
        re.IGNORECASE,
    ),
    town_goal=re.compile(
        r"\b(?:towards?|direction\s+of|battle\s+for|fight\s+for|struggle\s+for"
        r"|fighting\s+for|assault\s+on|fall\s+of"
        # "pushed towards Kurakhove and the southern approaches to Pokrovsk"
        r"|towards?\s+[A-Z][\w'-]+\s+and\s+the\s+(?:\w+\s+)?approaches\s+to)"
        r"\s+(?:the\s+(?:town|city|village)\s+of\s+)?$",
        re.I,
    ),
    place_of_side=re.compile(r"\b(?:of|in|into|inside|across)\s*$"),
    side_forces=re.compile(r"\s+(?:forces|troops|army)"),
    scare_quoted=re.compile(
        r"\s*(?:had|has|have|was|were)\s+been\s+[\"“][^\"”]{1,30}[\"”]\s+(?:of|from)\b"
    ),
    list_continues=re.compile(r",\s*(?:and\s+)?$|\band\s+$"),
    in_place=re.compile(r"\s*in\s+(?:the\s+)?"),
    lay_in=re.compile(r"\s*(?:were|was|are|lay|lie|lies)\s+in\b", re.I),
    compared_before=re.compile(
        r"compar\w*\s+(?:with|to)\s*$|\b(?:a further|another)\s*$"
        # "DeepState gives a slightly higher figure, 3,812 square kilometres, for the same
        # period": the measure of the figure before
        r"|\b(?:a|an)\s+(?:slightly\s+|much\s+|somewhat\s+|far\s+)?(?:higher|lower|larger|smaller"
        r"|bigger|different|similar)\s+(?:figure|estimate|number|total|tally)\s*(?:,|of)\s*$",
        re.I,
    ),
    initial_regained=re.compile(
        r"\b(?:was|is|were|are|(?:has|have|had)\s+(?:now\s+|again\s+)?been)\s+(?:now\s+|again\s+)?"
        r"(?:free|freed|liberated|returned|retaken|recaptured|regained|de-occupied|won\s+back"
        r"|taken\s+back|back\s+(?:in|under)\s+\w+\s+(?:hands|control))\b",
        re.I,
    ),
    gain_total=re.compile(
        r"\b(?:gains|advances)\b[^,;]{0,50}?(?:\b(?:amount(?:ed|s)?\s+to|total(?:l?ed|s)?|came\s+to"
        r"|stood\s+at|stand\s+at|rose\s+to|grew\s+to|climbed\s+to|reached|were|was|covering)"
        # "a slightly higher figure for Russian advances in 2023: 590 square kilometres"
        r"|:)\s+(?:[\w-]+\s+){0,2}$",
        re.I,
    ),
    gains_of_side=re.compile(
        r"\s*(?:\([^)]*\)\s*)?of\s+(?P<side>[\w'-]+)\s+(?:territorial\s+)?(?:gains|advances)\b",
        re.I,
    ),
    of_that_whole=re.compile(
        r"\s*of\s+(?:that|this|the|these|those)\s+(?:total\s+)?"
        r"(?:area|total|territory|ground|land|figure|gains?)\b"
        # "About 278 square kilometres of that was in the Kharkiv region"
        r"|\s*of\s+(?:that|it)(?=\s+(?:were|was|lay|lies)\s+in\b)",
        re.I,
    ),
    of_the_total=re.compile(r"\s*of\s+the\s+total\b", re.I),
    of_the_total_opening=re.compile(
        r"^\W*of\s+(?:the|this|that|these|those)\s*(?:total|figure|sum|area|gains?)?"
        r"(?:\s+(?:area|figure|gains?|territory))?\s*,",
        re.I,
    ),
    of_them_in=re.compile(
        r"\s+of\s+(?:them|these|those)(?:,\s*(?:he|she|it|they)\s+(?:said|added),)?"
        r"\s+(?:(?:are|were|is|was|lie|lay)\s+)?in\b",
        re.I,
    ),
    restates_before=re.compile(
        r"(?:^\W*(?:that|this|which)\s+(?:is|was|amounts\s+to|equals|represents|makes)"
        r"|\btotal(?:\s+area)?\s+(?:is|was|comes\s+to|stands\s+at|amounts\s+to)"
        # "Gerasimov's figure would amount to almost 3% of it"
        r"|\b(?:figure|total|tally|estimate|claim)\s+(?:would\s+amount\s+to|amounts\s+to"
        r"|would\s+(?:be|equal|represent)|equals|represents)"
        # "put the November total at", "gave a larger figure:": another source's count of
        # the figure before
        r"|\bput\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,2}(?:total|figure|tally|gains?|estimate)"
        r"\s+at|\bgave\s+an?\s+(?:[\w-]+\s+)?(?:figure|estimate|number|total)\s*:)\s*$",
        re.I,
    ),
    rise_to=re.compile(
        r"\b(?:crept|creeping|rose|risen|rising|climbed|grew|grown|gone|went|jumped|edged|inched"
        r"|moved|shot)\s+up$",
        re.I,
    ),
    hedge_after_lead=re.compile(r"\s*(?:or\s+so|or\s+more|or\s+thereabouts)\b", re.I),
    part_location=re.compile(
        r"(?:it|them)\s+(?:(?:was|were|is|are|lay|lies|lying)\s+)?"
        r"(?:in|around|near|along|on|inside)\b",
        re.I,
    ),
    own_country=re.compile(
        r"\W*(?:of\s+)?(?:our|my)\s+(?:land|country|territory|state|soil)\b", re.I
    ),
    its_country=re.compile(
        r"\W*(?:of\s+)?(?:its|their)\s+(?:own\s+)?internationally\s+recogni[sz]ed\s+"
        r"(?:borders|land|territory)\b",
        re.I,
    ),
    invasion_gains=re.compile(
        r"\W*of\s+(?:the\s+)?(?:land|territory|ground|area|what)\b(?:[^.;]{0,40}?"
        r"\b(?:russia|russian|moscow|the\s+russians)\b[^.;]{0,50}?"
        r"\b(?:invasion|invading|invaded|feb(?:ruary|\.)?\s+24|24\s+feb(?:ruary|\.)?)\b"
        # "five-sixths of the land it liberated in 2022": a year's gains on the whole front
        r"|[^.;]{0,30}?\b(?:liberated|recaptured|retook|won\s+back|regained)\s+in\s+(?:19|20)\d\d\b)",
        re.I,
    ),
    plural_place_nouns=(("region", "regions"), ("oblast", "oblasts"), ("province", "provinces")),
    included_after=re.compile(r"\s+(?:included|inclusive)\b", re.I),
    including=re.compile(r"\b(?:including|incl\.|such as|among them)\s+(?:the\s+)?$", re.I),
    return_before=re.compile(
        r"\b(?:returned|brought\s+back|restored|came\s+back|come|came|comes|coming|fallen|fell)"
        r"(?:\s+to)?\s+$",
        re.I,
    ),
    destination_before=re.compile(
        r"\b(?:to|into)\s+(?:the\s+)?(?:area|territory|land|ground)\s+$", re.I
    ),
    part_place=re.compile(
        r"\b(?:most|much|part|some|all)\s+of\s+(?:it|them)\b|\b(?:mostly|mainly|largely)\b", re.I
    ),
    list_gap=re.compile(
        r"\s*(?:,|and|,\s*and|with|covering\s+an\s+area\s+of|across)\s*"
        r"(?:about|around|some|almost|nearly|more\s+than|over|at\s+least|roughly)?\s*",
        re.I,
    ),
    place_list_gap=re.compile(r"\s*(?:,|and|,\s*and|as well as)\s*(?:the\s+)?", re.I),
    apposition_end=re.compile(
        r",\s*(?:(?:slightly|sharply|well|only)\s+)?(?:(?:up|down)\s+from|compared\s+with)\s*$",
        re.I,
    ),
    trailing_hedges=re.compile(
        r"(?:\b(?:about|around|roughly|some|almost|nearly|more than|over|less than"
        r"|at least|up to|only|approximately|still)\s*)+$",
        re.I,
    ),
    restatement_end=re.compile(
        r"(?:[—–(\[]|,\s*or|which amounts to|amounting to|an area of|that is|which is|which was"
        r"|which represents|representing)\s*$",
        re.I,
    ),
    speaking_verb=re.compile(r"\b(?:said|says|told|reported|wrote|claimed)\b"),
    precision_start=re.compile(r"^\s*(?:to be precise|exactly|or so)\b", re.I),
    aux_before_verb=re.compile(r"\b(?:been|was|were|be|is|are)\s*$"),
    by_agent=re.compile(r"\W*by\s+(?:the\s+)?(\w+)"),
    town_before=re.compile(r"\b(?:city|town|village|plant|settlement)\b[^.;]*$", re.I),
    # "5,800 square kilometres of a region that covers some 26,500": what the region covers
    # is not said of the figure
    the_rest=re.compile(
        r"\band\s+the\s+(?:rest|remainder)\b|,\s*and\s+(?:that|said)\b"
        r"|\bof\s+(?:a|an|the)\s+(?:region|oblast|province|country|territory)\s*,?\s+"
        r"(?:that|which)\b",
        re.I,
    ),
    occupy_verb=re.compile(r"occup", re.I),
    occupied_area=re.compile(r"\boccupied\s+(?:area|territor|share|part|land)", re.I),
    relative_before_verb=re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+){0,2}$"),
    occupation_state=re.compile("occupation|occupiers?", re.I),
    relative_before=re.compile(r"\b(?:that|which|who)\s+$"),
    passive_agent=re.compile(r"^\s*by\s+(?:the\s+)?(?:\w+\s+)?(\w+)"),
    hold_participles=frozenset({"occupied", "occupation", "controlled", "held"}),
    occupier_participles=frozenset({"occupied", "occupation"}),
    share_object=re.compile(r"\s*(?:[\"”]\s*)?of\s+(?P<obj>.*)", re.IGNORECASE | re.DOTALL),
    # "... of Ukraine's territory and exceeds what Moscow gained in 2023": a share of
    # the country
    object_end=re.compile(r"[,;]|\s+and\s+(?!the\b|its\b|their\b|all\b)"),
    determiner=re.compile(r"^(?:the|our|its|their|his|her)\s+"),
    anaphoric_share_object=re.compile(r"(?:it|that region|this region|(?:each\s+of\s+)?which)\b"),
    reported_pronoun=re.compile(
        rf"\b{_REPORTING}\s+(?:that\s+)?(?:they|it)\s+"
        r"(?:had\s+|have\s+|now\s+|still\s+)?$",
        re.I,
    ),
    relative_share_object=re.compile(r"\s*of\s+(?:each\s+of\s+)?which\b", re.I),
    possessive_place=re.compile(
        r"'s\s+(?!territory|land|(?:internationally\s+)?recogni[sz]ed|(?:entire|whole)\b)"
    ),
    # "the Armed Forces of Ukraine" names an actor, not a place
    actor_of=re.compile(
        r"\b(?:forces|army|government|president|ministry|parliament|people)\s+of\s+"
        r"(?:the\s+)?$",
        re.I,
    ),
    place_preposition=re.compile(r"(?:\bof|\bin|\binto|\bacross|\binside|\bwithin)\s+(?:the\s+)?$"),
    territory_word=re.compile(r"territor|land|federation", re.I),
    # "retaken a dozen settlements ... across more than 200 km²": the same gain's area
    across=re.compile(
        r"\b(?:across|spanning|an\s+area\s+of)\s+(?:(?:about|around|some|almost|nearly|roughly"
        r"|more\s+than|over|at\s+least)\s+)?$",
        re.I,
    ),
    # "37% of the largest area Russia ever held, and half of what it seized"
    share_list=re.compile(r"\s*of\b[^;—–]*?(?:,\s*|\s+)(?:and|or)\s+"),
    compass_place=re.compile(
        r"\W*(?:(?:in|across)\s+the\s+(?:north|south|east|west|north-?east|south-?east"
        # ("in the north of the region" is inside one)
        r"|north-?west|south-?west)|on\s+the\s+(?:northern|southern|eastern|western)\s+front)"
        r"\b(?!\s+of\b)",
        re.I,
    ),
    anaphoric_object=re.compile(
        r"\W*(?:of\s+)?(?:it|that region|this region|the region|his region|her region"
        r"|their region)\b",
        re.I,
    ),
    relative_clause=re.compile(r",\s*(?:which|who|where|whom)\b[^,;]*,"),
    part_of=" of ",
    # -- actors ---------------------------------------------------------------------
    role_noun=re.compile(_ROLE_NOUNS),
    role_word=re.compile(r"\b(?:" + _ROLE_NOUNS + r")\b", re.I),
    generic_speaker=re.compile(
        r"(?P<g>(?:\b(?:(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|[Tt]wo|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir"
        r"|[A-Z][\w-]*['’]s)\s+)"
        # up to four modifiers, none a preposition ("the control of the Kyiv authorities")
        r"(?:(?!(?:of|in|on|at|to|by|for|from|with|under|over)\s)[\w.'-]+\s+){0,4}?"
        # or a plural with no article: "Ukrainian officials say", "regional officials"
        r"|\b(?:(?:[A-Z][\w.'-]*|regional|local|open-source|independent)\s+){1,2}"
        r"(?:(?:military|defen[cs]e|senior)\s+)?"
        r"(?=(?:officials|sources|commanders|authorities|trackers|analysts)\b))(?i:"
        + _ROLE_NOUNS
        + r")\b"
        # "the Sumy regional military administration": role words in a row
        + r"(?:\s+(?i:"
        + _ROLE_NOUNS
        + r")\b)*"
        r"(?:\s+(?:on|in|of|at|for|from)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s*){1,5}"
        # "the press service of the Centre group (of forces)"
        r"(?:group(?:\s+of\s+forces)?)?)?)",
    ),
    object_before=re.compile(
        r"\b(?i:\w+ing|to|with|told|met|briefed|called)\s+(?:[A-Z][\w'-]*\s+){0,3}$"
    ),
    # "On Friday, ..."
    name_prefix=re.compile(
        r"(?:Spokes(?:wo)?man|Spokesperson|General|Colonel|Lieutenant|Major|Brigadier|Admiral"
        r"|Captain|Sergeant|Governor|Mayor|President|Minister|Commander|Deputy|Chief|Monday"
        r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May"
        r"|June|July|August|September|October|November|December)\s+"
    ),
    description_relative=re.compile(r"^\s*(?:that|which|who)\s+[^,;:.\"“”]{1,80},\s*$"),
    heads_title=re.compile(r"^\s+(?:heads|leads|commands|runs)\s+"),
    setting_after=re.compile(
        # (an apposition may come between: "Oleksii Hromov, deputy chief of ..., told")
        r"^(?:\s*,[^\"“”;:.,]{1,160},)?\s+(?:told|said\s+at|speaking\s+at)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:briefing|news\s+conference|press\s+conference)\s+in\s+(?P<c>[A-Z][\w'-]+)"
    ),
    not_a_name=re.compile(r"(?:On|In|By|Since|Until|At|From|Last|This|Early|Late)\s"),
    analyst_title=re.compile(
        r",\s*(?:an?|the)\s+(?:[\w'-]+\s+){0,3}?(?:think\s+tank|institute|analyst|analytical|monitoring|"
        r"mapping|research|open-source)",
        re.I,
    ),
    # "An official, who spoke on condition that he not be named, said"
    relative_aside=re.compile(r",\s*(?:who|whom|whose|which)\b[^,;\"“”]*,"),
    # "His previous update, on August 19, put ... at": a possessive before a word for a
    # statement stands for its owner
    pronoun=re.compile(
        r"\b(?:(?P<p>he|she|it|they|him|them)\b|(?P<p2>his|her|its|their)\s+"
        r"(?:(?:latest|previous|last|earlier|new|own|most\s+recent|first|second|final)\s+)?"
        r"(?:update|estimate|count|tally|assessment|report|statement|briefing|bulletin|"
        r"summary)\b)",
        re.IGNORECASE,
    ),
    # the first name written out, not as (?:Name\s+){1,2}: a pattern that begins with
    # [A-Z] lets re skip ahead to the next capital (the same matches, about twice as fast)
    capitalised_name=re.compile(
        # (a name's letters after the first two may be any: "Radosław Sikorski")
        r"(?P<n>[A-Z][a-z][^\W\d_]*(?:-[A-Z][a-z][^\W\d_]*)?\s+"
        r"(?:[A-Z][a-z][^\W\d_]*(?:-[A-Z][a-z][^\W\d_]*)?\s+)?"
        r"[A-Z][a-z][^\W\d_]*(?:-[A-Z][a-z][^\W\d_]*)?)"
        r"(?=\s*,|\s+(?:said|told|wrote|says|claimed|reported|added|announced|noted|replied"
        r"|heads|leads|commands|runs)\b)"
    ),
    belongs_to=re.compile(r"\b(?:on|in|of|at|for|from)\s+(?:the\s+)?$"),
    national_role=re.compile(r"the\s+(?:country|nation)'s\s", re.IGNORECASE),
    body_role=re.compile(r"\b(?:ministry|staff|command|intelligence)$", re.IGNORECASE),
    office_role=re.compile(r"\b(?:governor|mayor|head|administration)\b", re.IGNORECASE),
    member_of_side=re.compile(
        r"\s+(?:of|from|in|with)\s+(?:a|an|the)\s+(?P<side>[\w'-]+)\s+"
        r"(?:[\w-]+\s+){0,3}?(?:brigade|battalion|regiment|unit|corps|division|army|forces)\b",
        re.I,
    ),
    possessive_owner=re.compile(r"(?P<p>his|her|its|their)\s", re.I),
    local_authority=re.compile(
        r"\b(?:regional|local|oblast|district)\s+(?:officials|authorities|officers)\b", re.I
    ),
    analyst_role=re.compile(
        r"\b(?:analysts?|analysis|institute|think\s+tank|group|project|experts?)$", re.IGNORECASE
    ),
    person_role=re.compile(r"\b(?:general|commander|officer|spokes\w+|official)$", re.I),
    # a description of someone from a third country: "a senior U.S. defense official"
    third_party=re.compile(
        r"\bU\.S\.|\b(?:US|American|British|UK|Western|NATO|German|French|Polish|Finnish|"
        r"Estonian|Latvian|Lithuanian|European|EU|Pentagon|foreign|Israeli|Turkish)\b"
    ),
    definite_article=re.compile(r"^the\s+", flags=re.IGNORECASE),
    own_count=re.compile(
        r"\b(?:by\s+(?:(?P<who>[\w' -]{2,60}?)'s?|its)\s+"
        r"(?:own\s+|latest\s+|most\s+recent\s+|new\s+)?"
        r"(?:count|calculations?|estimates?|tally|reckoning|account)"
        # "the share on DeepState's map had edged up to 18.1 per cent"
        r"|on\s+(?P<who2>[\w' -]{2,60}?)'s\s+maps?"
        # "Its map on Sunday showed 113,100 square kilometres": the body named before
        r"|(?<![\w])its\s+(?:latest\s+|new\s+)?maps?(?=\s+(?:on\s+\w+\s+)?(?:showed|shows)))\b",
        re.IGNORECASE,
    ),
    clause_break=re.compile(r"[.;:]|\bthat\b"),
    the="the ",
    speech_cut=(" said", " told"),
    told_verbs=frozenset({"told", "tells"}),
    preposition_before=re.compile(
        r"\b(?:in|of|on|at|to|with|by|for|from|about|into|against|over)\s+$", re.I
    ),
    completion=(
        r"(?<![\w])(?:(?:the\s+)?territory\s+of\s+)?(?:the\s+)?(?P<place>PLACE)"
        # "... the Belgorod region along the state border has been completely cleared of"
        r"(?:\s+(?:along|near|on|in)\s+[^,;.]{1,40}?)?\s+"
        r"(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?(?:fully\s+|completely\s+|entirely\s+)?"
        r"(?:free|freed|liberated|cleared)\s+(?:of|from)\b"
        r"|\bthe\s+last\s+(?:[\w-]+\s+)?(?:settlement|village|town|locality)\s+(?:in|of)\s+(?:the\s+)?"
        r"(?P<place2>PLACE)(?:\s+held\s+by\s+[^,;]{1,40}?)?(?:,[^,;]{0,60},)?"
        r"\s+(?:was|has\s+been|had\s+been)\s+"
        r"(?:liberated|freed|retaken|recaptured)"
        r"|\bcomplet(?:ed|ing)\s+the\s+liberation\s+of\s+(?:the\s+)?(?P<place3>PLACE)"
        # 'the Kursk region had been "completely liberated"'
        r"|(?<![\w])(?:the\s+)?(?P<place4>PLACE)\s+(?:is|was|has\s+been|had\s+been)\s+[\"“]?"
        r"(?:fully|completely|entirely)\s+(?:liberated|freed|cleared|recaptured|retaken)\b"
        # "Moscow declared the neighbouring Kursk region fully recaptured"
        # ("declared the region fully liberated": the region the text is about)
        r"|\b(?P<declared>declared\s+)(?:the\s+)?(?:neighbouring\s+|neighboring\s+)?(?:(?P<place5>PLACE)|region)\s+"
        r"(?:fully|completely|entirely)\s+(?:liberated|freed|cleared|recaptured|retaken)\b"
    ),
    completion_words=re.compile(r"\b(?:free|freed|liberat\w+|cleared|retaken|recaptured)\b", re.I),
    body_own_count=re.compile(r"(?:by\s+)?(?P<p>it)s\s", re.I),
    bare_territory=re.compile(
        r"\W*of\s+(?:new\s+)?(?:territory|land|ground)\b(?!\s+(?:in|of)\b)", re.I
    ),
    main_passive=re.compile(
        r"\s+(?:has|have|had|was|were|is|are)\s+(?:now\s+)?(?:been\s+)?\w+(?:ed|en)\b", re.I
    ),
    apposed_share=re.compile(r"[\d.,]+\s*(?:%|per\s*cent|percent)\s+of\b", re.I),
    share_participle=re.compile(
        r"\s*(?:liberated|occupied|controlled|captured|cleared|freed)\b", re.I
    ),
    perfect_taking=re.compile(
        r"\b(?:(?:have|has|had)\s+(?:now\s+|since\s+)?occupied"
        # "In the whole of 2023, Russia managed to occupy less than 0.1%"
        r"|managed\s+to\s+(?:occupy|capture|seize|take))\s+"
        r"(?:(?:less|more)\s+than\s+|about\s+|almost\s+|nearly\s+|some\s+|around\s+)?$",
        re.I,
    ),
    share_list_item=re.compile(r"\s*[\"”]?\s*of\s+[^,;:.\d]{1,60}?(?:,\s*(?:and\s+)?|\s+and\s+)"),
    appositive_holding=re.compile(
        r"\b(?:part|area|territory|land|ground|share)\s+(?:that\s+|which\s+)?(?P<who>\w+)\s+"
        r"(?:still\s+|now\s+)?(?:controls?|holds?|occup(?:y|ies)|retains?)\s*,\s*"
        r"(?:[\w-]+\s+){0,4}$",
        re.I,
    ),
    its_head=re.compile(
        r"\b(?:(?:its|their)\s+(?:commander|head|chief|spokes(?:man|woman|person)|press\s+secretary)"
        r"|(?:commander|head|chief|spokes(?:man|woman|person)|press\s+secretary)\s+(?:of|for)"
        r"\s+[^,;]{1,80})\s*,\s*(?:[A-Z][\w-]*\s+){0,3}$"
    ),
    open_relative=re.compile(r"\b(?:where|which|who|whom)\b[^,;]*$"),
    claim_figure=re.compile(
        r"\d[\d,.]*\s*(?:%|per\s*cent|percent|square|sq\b|km|settlements|villages)", re.I
    ),
    title_after_body=re.compile(
        r"\s+(?:spokes(?:man|woman|person)|press\s+secretary|head|chief|commander)"
        r"(?:\s+[A-Z][\w-]*){0,2}\s*",
        re.I,
    ),
    verb_then_that=re.compile(r"\w+\s+that\b", re.I),
    country_subject=re.compile(
        r"(?:^|[,;—–]\s*|\b(?:and|but|while)\s+)(?P<c>[A-Z][\w'-]+)\s+(?:also\s+|now\s+|still\s+)?$"
    ),
    participial_say=re.compile(r",\s*(?:\w+\s+)?\w+ing$", re.I),
    coordinated_verb=re.compile(r"[^,;:\"“”]\s+(?:but|and)\s+(?:also\s+)?$", re.I),
    person_pronouns=frozenset({"he", "she", "him", "his", "her"}),
    male_pronouns=frozenset({"he", "him", "his"}),
    female_pronouns=frozenset({"she", "her"}),
    body_pronouns=frozenset({"it", "they", "them", "its", "their"}),
    body_heads=frozenset(
        {
            "administration",
            "ministry",
            "staff",
            "command",
            "office",
            "government",
            "service",
            "intelligence",
        }
    ),
    analyst_heads=frozenset({"analysis", "agency", "institute", "analysts", "trackers"}),
    analyst_anaphors=frozenset(
        {
            "analysis",
            "agency",
            "institute",
            "analysts",
            "data",
            "project",
            "group",
            "update",
            "assessment",
            "review",
            "summary",
        }
    ),
    statement_anaphors=frozenset({"update", "assessment", "review", "summary", "data"}),
    body_anaphors=frozenset(
        {
            "ministry",
            "staff",
            "command",
            "office",
            "administration",
            "update",
            "summary",
            "service",
            "press service",
        }
    ),
    # -- pipeline -------------------------------------------------------------------
    anaphoric_start=re.compile(r"^\W*(?:of\s+(?:those|these|them)|he|she|they|it)\b", re.I),
    own_gain_verbs=re.compile(
        r"liberat|free|recaptur|retak|retook|regain|de-occup|cleared|won back|recover", re.I
    ),
    statement_noun=re.compile(
        r"\b(?:statement|remarks|interview|briefing|address|update|post)\s+(?:on\s+|late\s+on\s+)?$",
        re.I,
    ),
    office_after=re.compile(
        r"[\w\s-]{0,25}?(?:'s\s+)?(?:governor|head|mayor|administration)\b", re.I
    ),
    office_before=re.compile(r"\b(?:governor|head|mayor)\s+of\s+(?:the\s+)?$", re.I),
    net_figure_cue="net ",
    net_figure=re.compile(r"\bnet\s+(?:gains?|loss(?:es)?|change|advances?)\s+of\s+$", re.I),
    together=re.compile(r"\b(?:together|combined|in\s+all|in\s+total|between\s+them)\b", re.I),
    passing=re.compile(
        r"\b(?:border(?:s|ing)?\s+(?:with\s+)?|(?<!\bin the )(?<!\bof the )neighbou?ring\s+"
        r"|adjacent\s+|next\s+to\s+|away\s+from\s+|diverted\s+from\s+|pulled\s+from\s+|towards?\s+)"
        r"(?:the\s+)?$",
        re.I,
    ),
    named_after=re.compile(
        r"^\W*(?:(?:those|these|the)\s+(?:were|are)\s+(?:the\s+)?(?:words|remarks|comments)\s+of"
        r"|\w+(?:\s+\w+)?\s+made\s+the\s+(?:remarks|comments))\b",
        re.I,
    ),
    number_of=r"\b(?:number|total|tally|count)\s+of\s+(?:[\w-]+\s+){0,2}?",
    # "He put the number of settlements captured this year at 252"
    count_at=re.compile(r"\b(?:at|to)\s+$"),
    superlative_since=re.compile(
        # ("at least 300 km² since 10 May" is a hedge, no comparison)
        r"\b(?:\w+est|(?<!at\s)most|(?<!at\s)least|first)\b(?:\s+[\w-]+){0,3}\s+since\b(?![^,;]*,)",
        re.I,
    ),
    aside=re.compile(r",\s*(?:which|who|where|whom|when)\b[^,;]*,"),
    restates=re.compile(
        r"\s[—–]\s*(?:about|almost|nearly|some|around|roughly|over|more than|at least)?\s*$", re.I
    ),
    interview=re.compile(
        r"\binterview(?:ed)?\b|\bspoke (?:to|on)\b|\bexcerpts?\b|\btranscript\b"
        r"|\b(?:text|update|statement|summary)\b[^.;]{0,40}\bfollows\b",
        re.I,
    ),
    claim_label=re.compile(r"^\W*(?:the\s+)?claims?\s*:", re.I),
    correction=re.compile(
        r"\W*(?:corrections?\b|clarification\b|an\s+earlier\s+version\b|a\s+previous\s+version\b"
        r"|this\s+(?:article|story|report)\s+has\s+been\s+(?:corrected|amended|updated))",
        re.I,
    ),
    document_end=re.compile(
        r"\b(?:ends|ended)\s+(?:there|here)\b|\bend\s+of\s+(?:the\s+)?(?:update|excerpts?"
        r"|transcript|text|statement)\b",
        re.I,
    ),
    speaking_event=re.compile(
        r"\b(?:interview|briefing|(?:press|news) conference|speech|televised address)\b", re.I
    ),
    same_source=re.compile(r"^\W*(?:by|according to) the same\b", re.I),
    question=re.compile(
        r"how much .*? (?:(?:does|do|did) (\w+) (?:control|hold|occupy)"
        # "How much of the region is still under Ukrainian control?"
        r"|(?:is|remains|was|are) (?:still |now |today )?under (\w+) (?:control|occupation))",
        re.I,
    ),
    question_count=re.compile(
        r"\bhow\s+many\s+(?:of\s+(?:the|your|its|our)\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:villages|settlements|towns|communities|localities|hamlets)\b",
        re.I,
    ),
    question_area=re.compile(
        r"\bhow\s+much\s+(?:(?:of\s+)?(?:the\s+|your\s+|its\s+)?(?:land|territory|ground)\b"
        r"|(?:land|territory|ground)\b)",
        re.I,
    ),
    question_occupied=re.compile(
        r"\b(?:occupied|under\s+occupation|under\s+(?:russian|enemy|the\s+enemy's)\s+control"
        r"|(?:does|do|did|has|have)\s+(?:russia|the\s+enemy|moscow|they|russian\s+\w+)\s+"
        r"(?:hold|control|occupy|held|controlled|occupied))\b",
        re.I,
    ),
    question_regained=re.compile(
        r"\b(?:liberated|freed|retaken|recaptured|won\s+back|regained|de-occupied|retake|regain"
        r"|recapture|liberate|win\s+back|pushed\s+(?:them|the\s+enemy|russian\s+\w+)\s+back"
        # "How much ground have your troops taken back?", asked of one side's officer
        r"|(?:your|our)\s+(?:[\w-]+\s+){0,2}(?:taken|took)\s+back)\b",
        re.I,
    ),
    question_that=re.compile(r"\b(?:is|was|does|did)\s+that\b", re.I),
    interview_subject=re.compile(
        r"\b(?:the speaker|the interviewee|our interlocutor|the governor|the commander)\s*,\s*$",
        re.I,
    ),
    the_region=re.compile(r"\bthe region\b", re.I),
    those_regions=re.compile(
        r"\W*(?:of\s+)?(?:each\s+of\s+)?(?:those|these)\s+(?:\w+\s+)?regions", re.I
    ),
    region_anaphor=re.compile(
        # "of it" (", it estimated" is a subject, not a place)
        r"\W*(?:(?:of|in|across|inside)\s+it|(?:(?:of|in|across|inside|near|around)\s+)?(?:"
        r"that region|this region|the region"
        r"|the republic|the oblast|his region|her region|our region|my region"
        # "in and around the town": the town named last, in its region
        r"|(?:and\s+(?:around|near)\s+)?the (?:town|city|village)(?!\s+of\b)"
        # "the territory occupied after ..." is defined by its modifier, no anaphor
        r"|the territory(?!\s+(?:\w+ed|that|which|it|they|of)\b)|there))\b",
        re.I,
    ),
    region_anaphor_before=re.compile(r"\b(?:there|the region|our region|the republic)\b", re.I),
    region_anaphor_later=re.compile(r"\b(?:there|in the region)\b", re.I),
    part_alone=re.compile(r"\s+in\s+(?:the\s+)?[\w' -]{2,40}?\s+alone\b", re.I),
    side_place=re.compile(r"(?:['’]s)?\s+(?:[A-Z][\w'-]+\s+){1,2}(?:region|oblast|province)\b"),
    speaker_description=re.compile(r",\s*(?:a|an)\s[^,;\d]*,"),
    they_clause=re.compile(
        rf"\b(?:{_REPORTING}|estimates?|estimated|believes?)"
        r"(?:\s+(?:on|last)\s+\w+)?\s+(?:that\s+)?they\s+(?:[\w-]+\s+){1,4}$",
        re.I,
    ),
    side_operation=re.compile(
        r"\s+(?:advance|offensive|assault|attacks?|push|onslaught|invasion|incursion)\b", re.I
    ),
    retaking=re.compile(
        r"\b(?:retak(?:en|es?)|retook|recaptur(?:ed|es?)|regain(?:ed|s)?|w[oi]n\s+back"
        r"|wrest(?:ed|s)?\s+back|taken\s+back|took\s+back)\b",
        re.I,
    ),
    possessed_role_before=re.compile(
        r"\b(?:the|its|their)\s+(?:[\w-]+['’]s\s+)?(?:spokes(?:wo)?man|spokesperson|press\s+officer)"
        r"\s*,\s*$",
        re.I,
    ),
    possessive_region=re.compile(r"\b(?:his|her|their|our|my)\s+region", re.I),
    own_places=re.compile(
        r"\b(?:of\s+)?(?:our|my)\s+(?:villages|settlements|towns|communities)\b", re.I
    ),
    front=re.compile(r"\bfront\b", re.I),
    peak=re.compile(r"\bpeak", re.I),
    of_a_share=re.compile(r"^\W*of the [\d.]+%"),
    after_before=re.compile(r"\bafter\s+$"),
    months_count=re.compile(r"(\w+)\s+months"),
    comparison_before=re.compile(r"\b(?:up|down)\s+from\s+$"),
    and_word=re.compile(r"\band\b"),
    same_day=re.compile(r"\W*(?:on|by|later)\s+(?:on\s+)?the\s+same\s+day\b", re.I),
    opens_sentence=re.compile(r"\W*(?:as\s+of|on|in|by|since|after|at)?\s*", re.I),
    pluperfect="had ",
    # -- numbers --------------------------------------------------------------------
    vague_before=re.compile(r"\b(?:a\s+few|several|many|one\s+in)\s+$", re.I),
    fraction_as_place=re.compile(r"\b(?:across|throughout|all\s+over)\s+$", re.I),
    fraction_of_time=re.compile(
        r"\s+of\s+(?:the\s+|this\s+|that\s+|last\s+|next\s+)?(?:year|month|week|day|decade"
        r"|century|period|summer|winter|spring|autumn|war)\b",
        re.I,
    ),
    # a number with no unit is a figure only in a list that carries one ("261 in the
    # Zaporizhzhia region", "2,603 remained to be freed"), never before a noun or after a month
    bare_next=re.compile(
        r"\s*(?:[,.;)—–]|$|\s*(?:in|and|or|had|have|has|were|was|remained|remain|are"
        r"|to\s+be\s+(?:precise|exact)|exactly|of\s+(?:them|these|those))\b)",
        re.I,
    ),
    month_before=re.compile(
        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$", re.I
    ),
    percent_word=re.compile(r"%|percent|per cent", re.I),
    # ("driven out of three villages" has no first number: no total)
    of_total=re.compile(
        r"(?P<n>[\w,.]+)\s+(?:[\w'-]+\s+){0,3}?of\s+(?:the\s+)?(?:region's\s+|its\s+)?$",
        re.I,
    ),
    # "Of the 930 settlements in our region, 578 are now occupied"
    of_the_before=re.compile(r"(?:^|[,;:\"“(])\s*of\s+(?:the|its|our|their)\s+$", re.I),
    conversion_gap=re.compile(r"\s*[(\[]\s*(?:about|some|or|roughly|around)?\s*"),
    articles=frozenset({"a", "an"}),
    article_one="a",
    number_article=r"(?:an?\s+)?",
    number_and=r"(?:and\s+)?",
    range_between=r"between\s+",
    # "15-17%", "15 to 17 percent", "between 15% and 17%"; "and" only after "between",
    # and a spaced dash is a parenthesis ("2022 — 28%"), not a range
    range_separator=r"(?:\s*[-–]\s*|—|\s+to\s+|(?(btw)\s+and\s+|(?!)))",
    percent_glued=r"(?:%|\s*(?:percent|per cent))?",
    settlements_of=r"of\s+(?:the\s+)?(?:region's\s+|its\s+|\w+\s+)?(?:[\d,]+\s+)?",
    fraction_of=r"(?=[\"”’]?\s+of\b)",
    # "3,800 km² and more than 300 settlements": "and more" then "than" is no hedge
    hedge_after_stop=r"(?!\s+than\b)",
)
