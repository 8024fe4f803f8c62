"""Word lists the actor finders share: nouns that make unnamed actors, outlets, title heads.

Our own lexicon (English news usage); sectors are the CAMEO/PLOVER agent codes of
:mod:`communique.knowledge.sectors`.
"""

from __future__ import annotations

import re

# Common nouns that denote actors when a country word modifies them.
#: A state's service members, plural: MIL with the country their phrase names ("Russian paratroopers" RUSMIL).
MILITARY_PERSONNEL = frozenset({"sailors", "seamen", "airmen", "paratroopers", "reservists", "conscripts",
                                "infantrymen", "infantry", "guardsmen", "troopers", "servicemembers"})
#: Of them, those that are actors with no country said ("Paratroopers landed"); sailors and seamen may be a
#: merchant crew's, so they need a country word.
_STANDALONE_PERSONNEL = MILITARY_PERSONNEL - {"sailors", "seamen"}

PERSON_NOUNS = frozenset({
    "official", "diplomat", "ambassador", "envoy", "minister", "spokesman", "spokeswoman", "spokesperson",
    "officer", "commander", "general", "source", "negotiator", "lawmaker", "senator", "president", "leader",
    "representative", "adviser", "advisor", "aide", "soldier", "journalist", "prosecutor", "judge", "counterpart",
    "chancellor", "premier", "king", "queen", "emir", "monarch", "governor", "mayor", "foreign minister",
    "rebel", "insurgent", "militant", "dissident", "activist", "protester", "gunman", "guerrilla", "separatist",
    "inspector", "investigator", "pilgrim", "lawyer", "businessman", "businesswoman", "guerilla", "executive",
    "chief", "immigrant", "missionary", "extremist", "radical",
})
GROUP_NOUNS = frozenset({
    "officials", "diplomats", "delegation", "delegations", "troops", "forces", "army", "military", "government",
    "authorities", "ministry", "police", "navy", "leaders", "sources", "negotiators", "lawmakers", "soldiers",
    "rebels", "militants", "protesters", "demonstrators", "envoys", "commanders", "officers", "parliament",
    "embassy", "cabinet", "administration", "jets", "warplanes", "drones", "coalition", "militia", "militias",
    "force", "companies", "firms", "banks", "businesses", "residents", "civilians", "students",
    "workers", "farmers", "crowd", "crowds", "counterparts", "team", "mission", "parties", "factions",
    "positions", "posts", "post", "units", "bases", "guards", "people", "militiamen", "guerrillas", "insurgents",
    "fighters", "gunmen", "settlers", "prisoners", "nationalists", "separatists", "activists",
    "aircraft", "planes", "helicopters", "gunships", "warships", "gunboats", "vessels", "artillery", "regime",
    "villagers", "refugees", "migrants", "man", "woman", "men", "women", "citizen", "citizens", "national",
    "nationals", "tourists", "newspapers", "channels", "ships", "boats", "destroyers", "frigates", "submarines",
    "fishermen",
    "junta", "media", "television", "gendarmes", "gendarmerie", "paramilitaries", "mercenaries",
    "ministries", "governments", "armies", "navies", "policemen", "commandos", "marines",
    "opposition", "dissidents", "critics", "rulers",
    # roles that are actors only with a country ("A Russian court", "German prosecutors", "Afghan pilgrims")
    "court", "courts", "prosecutors", "inspectors", "investigators", "pilgrims", "worshippers", "lawyers",
    "judges", "clerics", "doctors", "teachers", "employees", "servicemen", "youths",
    # peoples' collectives ("Hausa politicians", "Ibo elders", "Druze inhabitants"), groups ("opposition groups")
    "politicians", "elders", "inhabitants", "groups",
    # trades and services named with their country ("Somali businessmen", "Burkinabe miners", "Nigerien intelligence")
    "businessmen", "businesswomen", "executives", "miners", "landowners", "guerillas", "intelligence", "gangs",
    "patrol", "patrols", "prisoner",
    # offices held one to a state, named for several states at once ("the Kenyan and Ugandan presidents": one
    # actor each) or as a state's several ("Gulf foreign ministers")
    "presidents", "ministers", "premiers", "kings", "emirs", "monarchs", "governors", "mayors", "ambassadors",
    "chancellors", "generals", "chiefs", "spokesmen",
    # armour and bombers, the state's military as their country word says ("Israeli tanks", "Russian bombers")
    "tanks", "bombers",
    # people a country word places ("illegal Mexican immigrants" CVL, "Russian military advisers", "a Canadian
    # missionary" REL, "Palestinian administrators" GOV)
    "immigrants", "advisers", "advisors", "administrators", "missionaries",
    # extremists and radicals (Phoenix EXTREMIST [~RAD]); political movements ("an Israeli peace movement" OPP,
    # read only after a word that makes it political: :data:`MOVEMENT_WORDS`); a state's paper or broadcaster
    "extremists", "radicals", "movement", "movements", "newspaper", "broadcaster",
    # a state's service members (Phoenix SEAMAN, AIRMAN, PARATROOPS, RESERVIST, INFANTRY [~MIL]): "American sailors"
    # USAMIL; sailors of a merchant or fishing craft are civilians (``find.collectives.forces.CIVIL_CREWS``)
    *MILITARY_PERSONNEL,
})
# Unnamed collectives that are actors even when no country is said ("the army", "gunmen", "state media"):
# their events are kept with the country empty unless the phrase, a coreference chain or the knowledge base says it.
STANDALONE_NOUNS = frozenset({
    "government", "governments", "army", "military", "navy", "police", "forces", "force", "troops", "soldiers",
    "regime", "junta", "coalition", "authorities", "ministry", "protesters", "demonstrators", "gunmen",
    "militants", "rebels", "insurgents", "fighters", "militia", "militias", "militiamen", "guerrillas",
    "jets", "warplanes", "drones", "aircraft", "helicopters", "gunships", "warships", "gunboats", "artillery",
    "gendarmes", "gendarmerie", "paramilitaries", "mercenaries", "policemen", "commandos", "marines",
    "separatists", "media", "television", "cabinet", "administration", "parliament", "civilians", "villagers",
    "destroyers", "frigates", "submarines", "activists", "guerillas", "extremists", *_STANDALONE_PERSONNEL,
})
# Collectives that belong to the place they are "in" ("police in Hyderabad, Pakistan", "Karachi police",
# "rebels in Darfur", "opposition parties in Nepal"). Not state armed forces: "troops in Iraq" may be foreign.
PLACE_BOUND_NOUNS = frozenset({"police", "policemen", "authorities", "officials", "government", "protesters",
                               "demonstrators", "residents", "civilians", "students", "workers", "farmers",
                               "prosecutors", "gendarmes", "gendarmerie", "administration", "rebels", "insurgents",
                               "guerrillas", "militants", "militias", "militia", "militiamen", "separatists",
                               "opposition", "parties", "groups", "activists", "villagers", "journalists",
                               "lawmakers", "judges", "clerics", "traders", "teachers", "doctors", "inhabitants",
                               "politicians", "elders", "guerillas", "miners", "extremists", "radicals",
                               "junta"})
#: Peoples named by an ethnonym that is no state's demonym (forms as written in English news). Before a noun
#: ("Kurdish fighters", "Hutu rebels") they are part of the phrase and give no country; after a country word they
#: are its people ("Bosnian Serbs", "Iraqi Kurds": BIH, IRQ). "ethnic X" is handled by ``find.ETHNIC_WORDS``.
ETHNONYMS = frozenset("""
    serb serbs croat croats kurd kurds kurdish hutu hutus tutsi tutsis pashtun pashtuns tamil tamils uighur uighurs
    uyghur uyghurs rohingya chechen chechens druze baloch baluch hazara hazaras shia shias shiite shiites sunni sunnis
    moslem moslems muslim muslims christian christians arab arabs berber berbers tuareg tuaregs fulani hausa yoruba
    ibo igbo shona ndebele karen kachin shan maronite maronites alawite alawites yazidi yazidis copt copts coptic
    turkmen kikuyu luo amhara oromo tigrayan tigrayans dinka nuer zulu xhosa sikh sikhs hindu hindus
""".split())
#: Ethnonyms of a state's own people, which stand for it when no country word does ("Serb forces" SRB, as the
#: PLOVER GSR codes them); after a country word that country wins ("Bosnian Serb forces" BIH).
ETHNIC_STATES = {"serb": "SRB", "serbs": "SRB", "croat": "HRV", "croats": "HRV"}
#: Where a people is one of the country's own (its homelands), for placing "Hausa politicians" or "Shona rebels"
#: by the article's places when no country word does: a people whose homelands include exactly one of the
#: countries of the article's places is of that country. Faiths and pan-national words ("Arab", "Muslim", "Shia")
#: have none.
ETHNIC_HOMELANDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "hausa": "NGA NER", "yoruba": "NGA BEN", "ibo": "NGA", "igbo": "NGA", "fulani": "NGA NER MLI SEN GIN CMR BFA MRT",
    "tuareg": "MLI NER DZA LBY BFA", "shona": "ZWE MOZ", "ndebele": "ZWE ZAF", "kurd": "TUR IRQ SYR IRN",
    "kurdish": "TUR IRQ SYR IRN", "pashtun": "AFG PAK", "hazara": "AFG PAK", "baloch": "PAK IRN AFG",
    "baluch": "PAK IRN AFG", "tamil": "LKA IND", "uighur": "CHN", "uyghur": "CHN", "rohingya": "MMR BGD",
    "chechen": "RUS", "druze": "SYR LBN ISR", "hutu": "RWA BDI COD", "tutsi": "RWA BDI COD", "karen": "MMR THA",
    "kachin": "MMR", "shan": "MMR THA", "kikuyu": "KEN", "luo": "KEN UGA TZA", "amhara": "ETH", "oromo": "ETH KEN",
    "tigrayan": "ETH ERI", "dinka": "SSD SDN", "nuer": "SSD SDN ETH", "zulu": "ZAF", "xhosa": "ZAF",
    "berber": "MAR DZA LBY TUN", "maronite": "LBN", "alawite": "SYR TUR", "yazidi": "IRQ SYR", "copt": "EGY",
    "coptic": "EGY", "turkmen": "TKM IRQ AFG IRN SYR", "sikh": "IND",
}.items()}
#: Peoples most of whom (about four in five or more) live in one of their homelands: that state is theirs when the
#: article's places name no country outside their homelands ("Yoruba leaders" NGA, "Chechen rebels" RUS). Peoples
#: split between states ("Kurdish", "Tamil", "Pashtun", "Tutsi", "Shona" of Zimbabwe and Mozambique) have none:
#: their country comes from the article's places only (:func:`.find.collectives.context.homeland_in_context`).
PRINCIPAL_HOMELAND: dict[str, str] = {
    "hausa": "NGA", "yoruba": "NGA", "ibo": "NGA", "igbo": "NGA", "kikuyu": "KEN", "uighur": "CHN", "uyghur": "CHN",
    "chechen": "RUS", "amhara": "ETH", "oromo": "ETH", "tigrayan": "ETH", "zulu": "ZAF", "xhosa": "ZAF",
    "kachin": "MMR", "maronite": "LBN", "copt": "EGY", "coptic": "EGY", "sikh": "IND", "dinka": "SSD",
    "alawite": "SYR", "yazidi": "IRQ",
}
for _w in list(ETHNIC_HOMELANDS):
    if _w + "s" in ETHNONYMS:
        ETHNIC_HOMELANDS[_w + "s"] = ETHNIC_HOMELANDS[_w]  # "Kurds", "Hutus"
        if _w in PRINCIPAL_HOMELAND:
            PRINCIPAL_HOMELAND[_w + "s"] = PRINCIPAL_HOMELAND[_w]
ETHNIC_PLURALS = frozenset(w for w in ETHNONYMS if w.endswith("s") and w[:-1] in ETHNONYMS)

ARMED_NOUNS = frozenset({"forces", "force", "troops", "army", "military", "soldiers", "soldier", "jets", "warplanes",
                         "aircraft", "planes", "helicopters", "gunships", "warships", "gunboats", "artillery",
                         "commandos", "marines", "navies", "armies", "coalition", "junta", "destroyers", "frigates",
                         "submarines", "servicemen", "tanks", "bombers",
                         "drones", "navy", "commander", "commanders", "officer", "officers", "general", "positions",
                         "posts", "post", "units", "bases", "guards", "patrol", "patrols", *MILITARY_PERSONNEL})
CIVIL_GROUPS = {"militiamen": "UAF", "guerrillas": "REB", "insurgents": "REB", "fighters": "UAF", "gunmen": "UAF",
                "settlers": "CVL",
                "media": "MED", "television": "MED", "paramilitaries": "UAF", "mercenaries": "UAF",
                "prisoners": "CVL", "nationalists": "OPP", "separatists": "REB", "activists": "OPP",
                "rebels": "REB", "militants": "UAF", "rebel": "REB", "insurgent": "REB", "militant": "UAF",
                "dissident": "OPP", "dissidents": "OPP", "critics": "OPP", "activist": "OPP", "protester": "OPP",
                "gunman": "UAF", "guerrilla": "REB", "separatist": "REB", "opposition": "OPP", "rulers": "GOV",
                "people": "CVL", "protesters": "OPP", "demonstrators": "OPP",
                "residents": "CVL", "civilians": "CVL", "villagers": "CVL",
                "refugees": "REF", "migrants": "CVL", "man": "CVL", "woman": "CVL", "men": "CVL", "women": "CVL",
                "citizen": "CVL", "citizens": "CVL", "national": "CVL", "nationals": "CVL", "tourists": "CVL",
                "newspapers": "MED", "channels": "MED", "fishermen": "CVL",
                "students": "EDU", "workers": "LAB", "farmers": "AGR", "crowd": "CVL", "crowds": "CVL",
                "pilgrims": "REL", "pilgrim": "REL", "worshippers": "REL", "employees": "LAB", "youths": "CVL",
                "politicians": "PTY", "elders": "CVL", "inhabitants": "CVL",  # Phoenix POLITICIAN [~PTY]
                # Phoenix.agents BUSINESSMAN [~BUS], MINER/WORKER [~LAB], LANDOWNER [~CVL], GUERILLA [~REB]
                "businessman": "BUS", "businesswoman": "BUS", "businessmen": "BUS", "businesswomen": "BUS",
                "executive": "BUS", "executives": "BUS", "miners": "LAB", "landowners": "CVL", "guerillas": "REB",
                "guerilla": "REB", "gangs": "CRM", "prisoner": "CVL",
                # Phoenix EXTREMIST [~RAD], NEWSPAPER [~MED]; a political movement OPP (RESISTANCE_MOVEMENT)
                "extremists": "RAD", "radicals": "RAD", "extremist": "RAD", "radical": "RAD",
                "movement": "OPP", "movements": "OPP", "newspaper": "MED", "broadcaster": "MED"}
#: Words that make a "movement" a political one, an actor ("an Israeli peace movement", "the Kurdish separatist
#: movement"); without one a movement is none ("Russian troop movements", "freedom of movement").
MOVEMENT_WORDS = frozenset({"peace", "protest", "resistance", "liberation", "opposition", "democracy", "pro",
                            "separatist", "independence", "reform", "student", "nationalist", "islamist",
                            "secessionist", "insurgent", "militant", "rebel", "rights", "youth", "labor", "labour"})
MODIFIERS = frozenset({"air", "naval", "armed", "security", "special", "border", "national", "state", "foreign",
                       "defence", "defense", "interior", "justice", "senior", "top", "high", "level", "ranking",
                       "former", "and", "-", ",", "both", "led", "government", "riot", "military",
                       "local", "provincial", "federal", "paramilitary", "unmanned", "fighter", "combat",
                       "coast", "guard", "patrol", "fishing", "opposition", "ruling", "rival", "rebel", "insurgent",
                       "militant", "separatist", "peacekeeping",
                       "two", "three", "several", "many", "some", "nine", "ten"})
ORGANIZATION_NOUNS = frozenset({"court", "courts", "intelligence", "movement", "newspaper", "broadcaster",
                                "force", "government", "ministry", "army", "military", "navy", "police", "parliament",
                                "regime", "junta", "coalition", "gendarmerie", "media", "television",
                                "embassy", "cabinet", "administration", "authorities"})
OUTLET_WORDS = frozenset({"channel", "agency", "newspaper", "daily", "broadcaster", "television", "tv", "network",
                          "outlet", "website", "radio", "magazine", "weekly", "news"})
KNOWN_OUTLETS = frozenset({
    "al arabiya", "al jazeera", "reuters", "associated press", "ap", "afp", "agence france-presse", "tass",
    "ria novosti", "interfax", "anadolu", "anadolu agency", "bbc", "cnn", "xinhua", "sana", "irna", "al-monitor",
    "the new york times", "new york times", "the washington post", "washington post", "the guardian", "bloomberg",
    "the wall street journal", "wall street journal", "haaretz", "the times of israel", "times of israel", "kyodo",
    "yonhap", "dpa", "efe", "ansa", "al mayadeen", "sky news", "fox news", "france 24", "dw", "ria", "sputnik",
    "itar-tass", "wafa", "mena", "trt", "press tv", "asharq al-awsat", "politico", "axios", "nbc", "cbs", "abc",
    "kcna", "fars", "tasnim", "global times", "people's daily", "cctv", "armenpress", "azertac", "bernama",
    "antara", "granma", "el tiempo", "o globo", "clarín", "clarin",
})
#: Outlets of one state (its state news agencies and broadcasters, national papers): that country, as Phoenix codes
#: HAARETZ [ISRMED]. International wires and broadcasters (Reuters, AP, AFP, Bloomberg, BBC, CNN, Al Jazeera, ...)
#: report from everywhere and stand for no state: no country, as Phoenix codes them ([MED]).
OUTLET_COUNTRIES = {
    "haaretz": "ISR", "times of israel": "ISR", "the times of israel": "ISR", "tass": "RUS", "itar-tass": "RUS",
    "ria novosti": "RUS", "ria": "RUS", "interfax": "RUS", "sputnik": "RUS", "irna": "IRN", "press tv": "IRN",
    "fars": "IRN", "tasnim": "IRN", "sana": "SYR", "wafa": "PSE", "mena": "EGY", "al-ahram": "EGY", "anadolu": "TUR",
    "anadolu agency": "TUR", "trt": "TUR", "kcna": "PRK", "yonhap": "KOR", "kyodo": "JPN", "al mayadeen": "LBN",
    "asharq al-awsat": "SAU", "saudi press agency": "SAU", "qatar news agency": "QAT", "wam": "ARE", "bernama": "MYS",
    "antara": "IDN", "xinhua": "CHN", "global times": "CHN", "people's daily": "CHN", "cctv": "CHN", "granma": "CUB",
    "kenya news agency": "KEN", "ethiopian news agency": "ETH", "sudan tribune": "SDN", "apa": "AZE",
    "armenpress": "ARM", "azertac": "AZE", "georgian public broadcaster": "GEO", "vietnam news agency": "VNM",
    "philippine news agency": "PHL", "news agency of nigeria": "NGA", "aps": "DZA", "map": "MAR", "tap": "TUN",
    "el tiempo": "COL", "folha de s.paulo": "BRA", "o globo": "BRA", "clarín": "ARG", "clarin": "ARG",
}
ANONYMOUS_NOUNS = frozenset({"official", "officials", "source", "sources", "diplomat", "diplomats", "insider",
                             "aide", "aides", "officer", "officers"})
PLURAL_ANAPHORS = re.compile(r"^(?:the|both|all)\s+(?:two\s+|three\s+)?(leaders|ministers|presidents|officials|"
                             r"sides|men|delegations|heads of state|counterparts)$", re.I)
#: Third-person singular pronouns with their gender; they resolve to a person only (see ``coref._anaphora``).
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
LOWER_PARTICLES = frozenset({"al", "bin", "ibn", "el", "de", "van", "von", "der", "da", "di", "la", "le", "du", "arap",
                             "ould", "dos", "das", "del", "della", "bint"})

ORG_WORDS = frozenset({"assembly", "commission", "secretariat",
                       "ministry", "department", "office", "council", "agency", "committee", "government", "embassy",
                       "parliament", "army", "forces", "command", "court", "bank", "party", "front", "union",
                       "organization", "organisation", "administration", "authority", "corps", "guard", "service",
                       "junta"})
CHAIN_EXTRA = frozenset({"diplomat", "official", "officer", "veteran", "regional", "provincial", "local",
                         "opposition", "top", "military", "foreign"})
HEAD_TITLES = frozenset({
    "minister", "president", "premier", "chancellor", "secretary", "ambassador", "envoy", "spokesman", "spokeswoman",
    "spokesperson", "governor", "mayor", "general", "colonel", "commander", "admiral", "director", "chief",
    "chairman", "chairwoman", "chairperson", "king", "queen", "prince", "princess", "emir", "sultan", "sheikh",
    "senator", "lawmaker", "judge", "prosecutor", "leader", "adviser", "advisor", "representative", "consul",
    "diplomat", "official", "officer", "marshal", "captain", "lieutenant", "major", "brigadier", "speaker", "mp",
    "congressman", "congresswoman", "ayatollah", "imam", "pope", "cardinal", "archbishop", "head", "rabbi",
    "undersecretary",
    # abbreviated ("Lt. Gen. X", "Col. X", "Gov. X"): the token keeps its full stop
    "gen.", "lt.", "col.", "maj.", "capt.", "adm.", "sgt.", "brig.", "gov.", "sen.", "rep.",
})


PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|az|ar|an)-", re.I)

#: Names of times that the NER may take for a party (spaCy often tags "GMT" an organisation, a weekday a person):
#: time zones, weekdays and months are never actors (months that are also names, "May", "June", "April", "August",
#: are left out: "May said ..." may be Theresa May).
TIME_NAMES = frozenset({
    "gmt", "utc", "bst", "cet", "cest", "eet", "eest", "wat", "cat", "eat", "ist", "pst", "pdt", "est", "edt", "cst",
    "cdt", "mst", "mdt", "jst", "kst", "aest", "aedt", "msk", "zulu",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "july", "september", "october", "november", "december"})
