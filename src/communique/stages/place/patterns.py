"""The patterns and tables of the place stage: entity labels, population floors, the words around a name
that make it a place, a person or an organisation, and the specificity ranks of event locations."""

from __future__ import annotations

import re

from ...knowledge.gazetteer import Candidate

Entity = tuple[int, int, str]
Toponym = tuple[int, int, str, str]  # start, end, label, normalised key
# a division's word after its name: "Punjab province", "Carabobo state" (the tagger took the name alone)
_DIVISION_AFTER = re.compile(
    r"\s+(?:province|state|region|governorate|county|district|oblast|prefecture)\b", re.IGNORECASE
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"ORG", "PERSON", "PROPN", "PRODUCT"})  # PROPN: a proper noun the NER left out
RESCUE_MIN_POPULATION = 100_000
RESCUE_PREP_MIN_POPULATION = 20_000  # a town after to/from/at, the tagger calling it a person or organisation
RESCUE_IN_MIN_POPULATION = 1_000  # a town after "in", or listed with places ("Nitra, Presov and Kosice")
# names of countries and states that are also people's names: no proof of a place without a preposition
_GIVEN_NAMES = frozenset({
    "jordan", "chad", "georgia", "israel", "victoria", "virginia", "carolina", "florida", "india", "china",
    "kent", "lincoln", "washington", "madison", "austin", "chelsea", "paris", "sydney", "savannah", "dakota",
    "montana", "nevada", "tennessee", "indiana", "trinidad", "niger", "guinea", "america", "orissa", "sindh",
})  # fmt: skip
# a wire dateline anywhere in the text (a compilation of reports): "BEIRUT (AP) -", "COLUMBUS, Ohio (AP) -",
# "TORONTO -", "NEW DELHI:", "MEXICO CITY (AP) Mexico's", "KABUL, April 5 (APP):", at the text's start, a line's or
# a sentence's
_DATELINE = re.compile(
    r"(?:\A|(?<=\n)|(?<=[.!?\u201d\"]\s))\s*(?P<place>[A-Z][A-Z.'\u2019-]+(?:\s(?:&\s)?[A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\u2019-]+(?:\s[A-Z][A-Za-z.'\u2019-]+){0,2}))?"
    # "KABUL, April 5 (APP):", "TIJUANA & SAN DIEGO,, MARCH 29, 2018 --"
    r"(?:,+\s*(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[A-Za-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"\s*(?:\((?:[A-Z][\w .&'\u2019-]{0,40})\)\s*)?(?:\u2014|\u2013|--|-|:|\ufffd)"
)
# a dateline with its agency in brackets, at the text's, a line's or a sentence's start or after a byline, the dash
# optional: "MEXICO CITY (AP) Mexico's", "... Associated Press WASHINGTON (AP) \u2014 China"
_DATELINE_BARE = re.compile(
    r"(?:\A|(?<=\n)|(?<=[.!?\u201d\"]\s)|(?<=\bPress\s))"  # also after a sentence or a byline's "Press"
    r"[^\S\n]*(?P<place>[A-Z][A-Z.'\u2019-]+(?:\s(?:&\s)?[A-Z][A-Z.'\u2019-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.'\u2019-]+(?:\s[A-Z][A-Za-z.'\u2019-]+){0,2}))?"
    r"\s*\((?:[A-Z]{2,6}|Reuters|Xinhua|Bloomberg)\)\s*(?:\u2014|\u2013|--|-|\"|\ufffd)?\s+(?=[A-Z])"
)
# a large city in capitals leading the text or a line, no dash, the story's first word next: "OKLAHOMA CITY The
# Latest on ...", "SAN ANTONIO Turner Sports analyst ..." (a city of DATELINE_CAPS_MIN_POPULATION, a state or a
# country: a headline's word in capitals is no dateline)
_DATELINE_CAPS = re.compile(
    r"(?:\A|(?<=\n))[^\S\n]*(?P<place>[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,3})(?=[^\S\n]+[A-Z][a-z])"
)
DATELINE_CAPS_MIN_POPULATION = 100_000
_RESCUE_PREP = re.compile(r"\b(?:in|to|from|at|near|outside|visit|visits|visited|visiting|toured)\s+$", re.IGNORECASE)
_IN_NEAR = re.compile(
    r"\b(?:in|near|outside|(?:north|south|east|west)(?:-?(?:east|west))?\s+of|outskirts\s+of)\s+$", re.IGNORECASE
)
# a journey's end or start before a name: "driving to Castlegar", "moved back to Thornhill", "travelling to
# Cirencester" (a verb of travel, so not "spoke to Nelson", nor "the award went to Nelson")
_JOURNEY = re.compile(
    r"\b(?:driv(?:e|es|ing)|drove|driven|travel(?:s|led|ling|ed|ing)?|mov(?:e|es|ed|ing)|relocat(?:e|es|ed|ing)"
    r"|flew|fly|flies|flying|return(?:s|ed|ing)?|head(?:s|ed|ing)|fled|flee(?:s|ing)?|commut(?:e|es|ed|ing)"
    r"|sail(?:s|ed|ing)?|journey(?:s|ed|ing)?|trips?)\s+(?:back\s+|home\s+|on\s+)?(?:to|from)\s+$",
    re.IGNORECASE,
)
# "to" that leads to a person, not a place: "according to Davis", "his resemblance to Allen", "lost to Norwich"
_TO_A_PERSON = re.compile(
    r"\b(?:according|resemblance|thanks|due|owing|next|close|similar|compared|relative|married|engaged|letters?"
    r"|repl(?:y|ied|ies)|said|says|told|wrote|writes|spoke|speaks|talk(?:s|ed|ing)?|speaking|listen(?:s|ed|ing)?"
    r"|belong(?:s|ed)?|apologi[sz]ed|addressed|sent|given|gave|passed|lost|sold|introduced|credit(?:ed)?|tribute"
    r"|homage|loyal(?:ty)?|opposed|answer(?:s|ed)?|went|go(?:es)?|fell|falls|turned|refer(?:s|red)?)\s+to\s+$",
    re.IGNORECASE,
)
# a person's home town in apposition: "Miss Abdhou, of Hayes, was", "Jodi Mahler, of Bellmore."
_OF_HOME = re.compile(r"\w,\s+of\s+$")
_OF_HOME_END = re.compile(r"\s*(?:[,.;)]|\Z)")
# a settlement noun before a name: "near the town of Djenne", "the besieged city of El Fasher"
_SETTLEMENT_OF = re.compile(
    r"\b(?:towns?|city|cities|villages?|hamlets?|ports?|settlements?|(?:refugee\s+)?camps?)\s+of\s+$", re.IGNORECASE
)
_GOVERNING_PREP = re.compile(
    r"\b(?P<prep>in|to|at|into|near|outside|inside)\s+(?:the\s+)?(?:(?:port|city|town|village|capital|region"
    r"|province|district|border\s+town|besieged\s+city|southern|northern|eastern|western|central)\s+(?:of\s+)?)*$",
    re.IGNORECASE,
)
_DIRECT_OBJECT_VERBS = re.compile(
    r"(?i)\b(?:shelled|bombed|struck|hit|attacked|raided|stormed|captured|seized|besieged|visited|toured|entered"
    r"|shells|bombs|strikes|attacks|raids|storms|captures|seizes|visits|tours|enters|liberated|retook)\s+(?:the\s+)?$"
)
_GOVERNING_WORDS = frozenset({"in", "to", "at", "into"})
# a demonym qualifying a settlement noun right before the name: "the English city of Salisbury"
_OWN_DEMONYM = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:[a-z-]+\s+)?(?:city|town|port|village|capital|resort|region|province)\s+of\s+$"
)
# demonyms of the nations of one country, which the gazetteer's demonyms (countries') leave out
_NATION_DEMONYMS = {"english": "GBR", "scottish": "GBR", "welsh": "GBR", "northern irish": "GBR"}
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|near|at|outside|inside|into)\s+(?:the\s+)?$")
# a military attack, capture or entry whose object the tagger called a person or an organisation: "shelled
# Kadugli", "entered Derna": a town of RESCUE_IN_MIN_POPULATION or more, as after "in" (not "attacked": people
# are attacked in words, "Trump attacked Warren"); a town a curfew, blockade or lockdown is laid on ("imposed a
# curfew on Homs")
_ATTACK_OBJECT = re.compile(
    r"(?i)\b(?:shell(?:ed|s|ing)|bomb(?:ed|s|ing)|bombard(?:ed|s|ing)|storm(?:ed|s|ing)|captur(?:ed|es|ing)"
    r"|(?:curfews?|blockades?|lockdowns?)\s+(?:on|over)"
    r"|besieg(?:ed|es|ing)|enter(?:ed|s|ing)|retook|retake|retakes|recaptur(?:ed|es|ing)|overr?an|overruns?"
    r"|encircl(?:ed|es|ing)|pound(?:ed|s|ing))\s+$"
)
# law enforcement as the one who captures: "Police captured Santos" is an arrest of a person, not a town taken
_ARRESTERS = re.compile(
    r"(?i)\b(?:police(?:men|women|man|woman)?|officers?|constables?|detectives?|agents?|deputies|sheriffs?"
    r"|marshals?|gendarmes?|gendarmerie|FBI|Interpol|customs|border\s+guards?)\b[^.;!?]*$"
)
_SITE_SUFFIX = re.compile(
    r"\s+(?:air\s*base|airbase|air\s*field|airfield|naval\s+base|military\s+base|base)\b", re.IGNORECASE
)
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")
_COUNTIES_AFTER = re.compile(r"(?:\s+and\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?)?\s+(?:counties|County)\b")
# demonyms of continents and regions: mentions of them, as demonyms of countries are of countries
_REGION_DEMONYMS = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "north american": "North America",
    "south american": "South America", "latin american": "Latin America", "central american": "Central America",
    "middle eastern": "Middle East", "kurdish": "Kurdistan", "caribbean": "Caribbean", "arctic": "Arctic",
    "scandinavian": "Scandinavia", "balkan": "Balkans", "english": "England",
}  # fmt: skip
_AFTER_COUNTY = re.compile(r"\b(?:County|Counties|Parish),?\s+(?:in\s+)?$")
_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:coach|singer|actor|actress|rapper|star|player|striker|quarterback|manager|senator|governor|judge"
    r"|mr|mrs|ms|dr|named|called|dubbed|defender|pitcher|midfielder|goalkeeper|captain|teammate|guard|forward"
    r"|receiver|son|daughter|wife|husband|brother|sister|mother|father|aunt|uncle|cousin|baby)\.?\s+$"
)
_PERSON_AFTER = re.compile(r"\s*(?:scored|sang|tweeted|smiled|married|starred|wed)\b")  # not "said": "Russia said"
_ORG_BEFORE = re.compile(r"\b(?:United|Radio|Free|Voice\s+of|Bank\s+of|University\s+of|Just|Fair|Real)\s+$")
_ORG_AFTER = re.compile(
    r"\s+(?:Party|Airlines|Airways|Times|Post|News|Herald|Tribune|Telegraph|Journal|Gazette|Daily|Broadcasting"
    r"|Television|TV|Radio|FC|Inc|Corp|Ltd|Group|Symphony|Orchestra|Records|Motors|Telecom|Today)\b"
)
_LOCAL_HEAD = re.compile(
    r"\s+(?:police|mayor|city\s+council|council|county|residents?|officials|sheriff|schools?|fire\s+department"
    r"|firefighters|area|suburbs?|native|neighborhood|neighbourhood|homeowners|voters|airport)\b"
)
_DEMONYM_WORD = re.compile(r"\b(?:(?:North|South|Sri|New|Saudi|Latin|Central|Middle)\s+)?[A-Z][a-z]+(?:s)?\b")
# a compass part of a place the gazetteer knows only whole: "West Wales", "South Venezuela", "the Western US",
# "north-east Nigeria" (the place is the part after it)
_COMPASS_PART = re.compile(
    r"(?i:(?:north|south)(?:[\s-]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central|upper|lower)[\s-]+"
    r"(?=[A-Z])"
)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_CONTEXT_FEATURES = frozenset({"country", "state", "county", "region"})  # a region of one country: England
# lower ranks are more specific: an event "in Damascus, Syria" happened in Damascus
_SPECIFICITY = {
    "site": 0, "street": 0, "city": 0, "county": 1, "state": 1, "region": 1, "sea": 2, "country": 2, "continent": 3,
}  # fmt: skip


_NOWHERE = Candidate("", None, None, None, None, "")
