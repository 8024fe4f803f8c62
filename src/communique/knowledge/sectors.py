"""Agent sectors: titles and organisation words mapped to CAMEO/PLOVER sector codes.

Our own lexicon.  Codes: GOV government, MIL military, LEG legislature, JUD
judiciary, COP police, SPY intelligence, REB rebels, UAF unidentified armed
forces, OPP opposition, PTY party, BUS business, MED media, NGO, IGO, CVL
civilians, REF refugees, HLH health, EDU education, LAB labour, AGR agriculture,
REL religion, CRM criminals, RAD radicals and extremists.

``sector_for_title`` finds every lexicon phrase inside the words it is given;
the longest wins, then one that is not a generic role word ("spokesman",
"official"), then the leftmost ("army spokesman" is MIL, "rebel commander" REB).
British and US spellings are both accepted.  A defence minister is MIL here,
where CAMEO dictionaries write GOVMIL.  A past office ("former", "ousted", "ex-") is ELI.

Conventions (the one sector table; evidence from the PLOVER GSR gold and Phoenix.agents):

=====================================  ======  ==============================================
actor                                  sector  note
=====================================  ======  ==============================================
head of state/government, minister     GOV     also monarchs, governors, mayors, diplomats
defence minister/ministry, generals    MIL     CAMEO dictionaries write GOVMIL for the minister
a military government, junta, council  GOV     they govern: Phoenix MILITARY_GOVERNMENT [~GOVMIL]
former/ousted office-holder            ELI     Phoenix FORMER_PRESIDENT [~ELI]
a capital standing for its state       GOV     "Ankara said", "urged Moscow" -> TURGOV, RUSGOV (GSR: "Washington"
                                               USAGOV); acted on by force, its people: "blockaded Paris" FRACVL
                                               (GSR), "Kyiv was shelled" UKRCVL
"ethnic" + plural demonym              CVL     a people, of the country its phrase or clause places it in
                                               ("ethnic Albanians ... in Serbia" SRBCVL), never the state of its name
domestic roles with no country said    (as     opposition, courts, parliaments, parties, schools, unions take the one
                                       said)   state their sentence names ("Judge X charged 12 Chilean officials")
plural demonym as a people             CVL     "Palestinians protested" -> PSECVL (GSR)
rebels, insurgents, separatists        REB
militants, militias, gunmen            UAF     unidentified armed forces
opposition, protesters, activists      OPP
security forces                        MIL     Phoenix SECURITY_FORCE [~MIL]; police COP
attorney/solicitor general, courts     JUD     not military ("General" after a title is no rank)
general assembly, parliament           LEG     the UN General Assembly is IGO (an organisation)
secretary-/director-general            GOV     of an IGO: the IGO's code ("IGOUNO")
central bank                           GOV     Phoenix CENTRAL_BANK [~GOVBUS]
state media, outlets                   MED     a state's agency/paper has its country (TASS RUSMED,
                                               Haaretz ISRMED); international wires none (Phoenix)
border patrol, border police           COP     Phoenix BORDER_PATROL [~COP]; border guards MIL
security chief/official/officer        COP     Phoenix SECURITY_OFFICIAL, SECURITY_OFFICER [~COP]
businessmen, executives                BUS     Phoenix BUSINESSMAN [~BUS]
miners, workers                        LAB     "Burkinabe gold miners" BFALAB
landowners, settlers, prisoners        CVL     Phoenix LANDOWNER, SETTLER [~CVL]
fishing boats, cargo ships             CVL     civilians' craft; a state's ships, boats: its forces
a state's Security Council             GOV     "Armenia's Security Council"; the UN's is IGOUNO
a country's Red Cross/Red Crescent     NGO     with the country ("Kenyan Red Cross" KENNGO)
"X's ally", "X's proxy militias"       (none)  an ally of X is not X's: no country from X; an ally "in
                                               southern Lebanon" is where it is (LBN)
a town acted on by force or threat     CVL     "shelled Jericho" PSECVL (GSR: cities go to CVL); a capital
                                               too ("a curfew in Bamako"), except one only aimed at from afar
                                               ("shells at Seoul": the state, as PETRARCH); what lies near a town:
                                               the state (the one rule: ``stages/towns.py``)
domestic minister, no country said     GOV     of the state they speak of as an agent, when it is the sentence's
                                               one state ("Planning Minister X said Vietnam ..."; ``ministers.py``)
tanks, bombers                         MIL     Phoenix BOMBER [~MIL]; suicide bombers REB (SUICIDE_BOMBER)
immigrants; missionaries               CVL;REL Phoenix IMMIGRANT [~CVL], MISSIONARY [~REL]
sailors, airmen, paratroopers,         MIL     Phoenix SEAMAN, AIRMAN, PARATROOPS, RESERVIST, INFANTRY [~MIL];
reservists, conscripts, infantry               a merchant or fishing craft's sailors CVL
abbreviated ranks (Lt., Gen., Col.)    MIL     Phoenix LT., GEN., MAJ., CAPT. [~MIL]
head of state/government               GOV     of the state its phrase names ("the Polish head of state")
extremists, radicals                   RAD     Phoenix EXTREMIST, RADICAL_LEFTIST_GROUP [~RAD] ("Croatian extremists")
peace/protest/resistance movement      OPP     Phoenix RESISTANCE_MOVEMENT, PRO-DEMOCRACY_MOVEMENT [~OPP];
                                               separatist/insurgent/militant movement REB (Phoenix)
a state's newspaper, broadcaster       MED     "a Syrian newspaper" SYRMED, as "Syrian newspapers"
migrants                               CVL     Phoenix MIGRANT, MIGRANT_WORKER, IMMIGRANT [~CVL] (ILLEGAL_MIGRANT
                                               [~CRM]); REF is CAMEO's for refugees, asylum seekers and the
                                               displaced (REFUGEE, ASYLUM_SEEKER [~REF]), who flee; a migrant
                                               moves, and is a civilian unless the text says he fled
suspected/alleged militants            REB     Phoenix ALLEGED_MILITANTS [~REB]; militants alone UAF
a region's adjective + a bound body    GOV...  "the Catalan government" ESPGOV, apart from the state's own
                                               (``countries.regional_demonym``); "the Gujarat government" INDGOV
a country word + a role noun           (role)  "Kenyan truck drivers" KENLAB, "Peruvian nurses" PERHLH: the
                                               role-noun section's sector (:data:`ROLE_NOUNS`)
=====================================  ======  ==============================================

The table has two sections. The title section (``_LEXICON``) holds titles, offices and bodies: its words are read
inside titles ("Deputy Defence Minister") and make :data:`TITLE_WORDS` heads. The role-noun section
(:data:`ROLE_NOUNS`) holds people named by an office, a trade, a condition or a cause ("driver", "nurse", "man",
"hostage"): read only as the head noun of a phrase (:func:`role_sector`), never as a title, so "man", "woman" or
"child" never make a titled person. Where both sections hold a word they give the same sector.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ROLE_NOUNS", "SECTORS", "TITLE_WORDS", "igo_code", "is_title", "role_sector", "sector_for_title"]

_LEXICON = {
    "GOV": """president, vice president, prime minister, premier, minister, ministry, foreign minister,
        foreign ministry, foreign secretary, secretary, undersecretary, foreign office, secretary of state,
        state department,
        interior minister, interior ministry, home secretary, home office, finance minister,
        government, government official, administration, spokesperson, spokesman, spokeswoman,
        ambassador, diplomat, envoy, consul, consul general, embassy, official, king, queen, emir, sultan,
        crown prince, sheikh, monarch, chancellor, cabinet, delegation, mayor, governor, governor general,
        secretary general, director general, inspector general, auditor general, central bank,
        central bank governor, state council, council of ministers, white house, kremlin, downing street,
        white house chief of staff, regime, authorities, head of state, justice minister, justice ministry,
        leader, head of government, junta, inspector, investigator, department, department of foreign affairs,
        ministry of foreign affairs, foreign affairs, city government, city council, municipality,
        municipal council, district administration, local government, security council,
        national security council, military government, military junta, military regime, military ruler,
        military leader, military council, gov, pres""",
    "MIL": """defense minister, defense ministry, defense secretary, secretary of defense, defense department,
        minister of defense, ministry of defense, deputy minister of defense, chief of staff, general staff,
        defense official, pentagon, general, army, armed forces, military, troops, troop, soldier, colonel,
        lieutenant colonel, lieutenant, major general, brigadier, brigadier general, admiral, commander,
        chief of staff, chief of general staff, joint chiefs, navy, naval forces, air force, marines,
        army chief, military official, major, captain, sergeant, corporal, marshal,
        government troops, government forces, government soldiers,
        border guard, coast guard, paratroopers, paratrooper, sailor, seaman, airman, reservist, conscript,
        infantry, infantryman, guardsman, trooper, servicemember, serviceman, revolutionary guards,
        national guard, forces, defense forces,
        defense, defense chief, gen, lt, col, maj, capt, adm, sgt, brig, cpl, lt gen, maj gen, brig gen,
        lt col""",
    "LEG": """parliament, parliamentarian, lawmaker, legislator, legislature, senator, senate, mp, member of parliament,
        congress, congressman, congresswoman, house of representatives, speaker of parliament, parliament speaker,
        national assembly, general assembly, assembly, legislative assembly, constituent assembly, sen, rep""",
    "JUD": """judge, justice, court, supreme court, prosecutor, prosecutor general, attorney general, solicitor general,
        procurator general,
        judiciary, tribunal, defense attorney, defense lawyer, military court, judicial council,
        supreme judicial council, judicial, lawyer""",
    "COP": """police, policeman, policewoman, police officer, police chief, riot police, gendarmerie, gendarme,
        security forces, deputy sheriff, sheriff, border patrol, border patrol agent, border police,
        security chief, security official, security officer""",
    "SPY": """intelligence, intelligence agency, intelligence service, intelligence official, spy, spy agency,
        intelligence agent, secret agent""",
    "REB": """rebel, rebels, insurgent, guerrilla, separatist, rebel group, separatist movement, insurgent movement,
        militant movement, armed separatist movement""",
    "UAF": """militant, militia, militiaman, militiamen, gunman, armed group, armed men""",
    "OPP": """opposition, opposition leader, dissident, activist, protester, demonstrator, resistance movement,
        liberation movement, pro democracy movement, democracy movement, peace movement, protest movement""",
    "PTY": """party, political party, ruling party""",
    "BUS": """company, firm, corporation, executive, chief executive, ceo, businessman, businesswoman, business,
        bank, banker, investor, defense contractor, defense industry, general contractor""",
    "MED": """journalist, reporter, correspondent, newspaper, news agency, channel, broadcaster, television,
        radio, editor, state media, state television, state broadcaster""",
    "NGO": """ngo, non-governmental organization, charity, aid group, aid agency, aid worker, humanitarian group,
        rights group, human rights group""",
    "IGO": """international organization, peacekeeper, peacekeeping force, un peacekeeper""",
    "CVL": """civilian, resident, villager, citizen, people, population, passenger, pedestrian, migrant, landowner,
        immigrant""",
    "REF": """refugee, displaced person, asylum seeker, internally displaced""",
    "HLH": """doctor, nurse, hospital, health official, medic, paramedic, surgeon general""",
    "EDU": """student, teacher, professor, university, school, academic""",
    "LAB": """worker, trade union, labor union, workers union, striker, union leader, miner, mineworker, dockworker,
        laborer, teachers union""",
    "AGR": """farmer, peasant""",
    "REL": """cleric, imam, priest, bishop, archbishop, rabbi, pope, ayatollah, mullah, monk, church, mosque, pilgrim,
        worshipper, missionary""",
    "RAD": """extremist, radical, extremist group, radical group, extremist organization""",
    "CRM": """criminal, gang, smuggler, pirate, kidnapper, drug trafficker, cartel, gang leader, gang member""",
}
SECTORS: frozenset[str] = frozenset(_LEXICON)

#: The role-noun section: people who hold an office or share a trade, a condition or a cause, by the noun's lemma
#: (lower case; plural and singular forms share it) -> sector.  Phoenix.agents codes the same roles: ASYLUM_SEEKER
#: [~REF], LECTURER [~EDU], WORKER [~LAB], FARMER [~AGR], DOCTOR [~HLH], JUDGE [~JUD], PROTESTER [~OPP],
#: MIGRANT [~CVL].  Read by the events stage for role parties ("the protesting truck drivers") and by the actors
#: stage after a country word ("Kenyan truck drivers" KENLAB); not title words.
ROLE_NOUNS: dict[str, str] = {
    # government and diplomacy
    "minister": "GOV", "president": "GOV", "premier": "GOV", "chancellor": "GOV", "governor": "GOV",
    "mayor": "GOV", "official": "GOV", "ambassador": "GOV", "envoy": "GOV", "diplomat": "GOV",
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "administrator": "GOV", "regulator": "GOV",
    "bureaucrat": "GOV", "king": "GOV", "queen": "GOV", "monarch": "GOV", "emir": "GOV", "sultan": "GOV",
    "authority": "GOV", "inspector": "GOV",
    # legislators and parties
    "lawmaker": "LEG", "legislator": "LEG", "senator": "LEG", "parliamentarian": "LEG", "mp": "LEG",
    "congressman": "LEG", "congresswoman": "LEG", "politician": "PTY", "candidate": "PTY",
    # courts
    "judge": "JUD", "prosecutor": "JUD", "magistrate": "JUD", "lawyer": "JUD", "attorney": "JUD", "court": "JUD",
    "tribunal": "JUD",
    # police
    "policeman": "COP", "policewoman": "COP",
    # causes and opposition
    "opposition": "OPP", "union": "LAB", "dissident": "OPP", "critic": "OPP", "supporter": "CVL",
    "striker": "LAB", "opponent": "OPP",
    # refugees and migrants
    "refugee": "REF", "seeker": "REF", "migrant": "CVL", "returnee": "REF", "evacuee": "REF",
    # trades
    "worker": "LAB", "employee": "LAB", "labourer": "LAB", "laborer": "LAB", "miner": "LAB", "docker": "LAB",
    "dockworker": "LAB", "driver": "LAB", "staff": "LAB", "unionist": "LAB",
    "student": "EDU", "teacher": "EDU", "lecturer": "EDU", "professor": "EDU", "academic": "EDU", "pupil": "EDU",
    "scholar": "EDU",
    "doctor": "HLH", "nurse": "HLH", "medic": "HLH", "paramedic": "HLH", "physician": "HLH",
    "farmer": "AGR", "peasant": "AGR", "herder": "AGR", "herdsman": "AGR", "herdsmen": "AGR",
    "journalist": "MED", "reporter": "MED", "correspondent": "MED", "editor": "MED", "photographer": "MED",
    "blogger": "MED",
    "cleric": "REL", "priest": "REL", "bishop": "REL", "imam": "REL", "monk": "REL", "nun": "REL", "pastor": "REL",
    "rabbi": "REL",
    "businessman": "BUS", "businesswoman": "BUS", "executive": "BUS", "investor": "BUS", "trader": "BUS",
    "merchant": "BUS", "company": "BUS", "firm": "BUS", "shopkeeper": "CVL",
    "management": "BUS", "bank": "BUS", "newspaper": "MED", "party": "PTY", "deputy": "GOV", "ngo": "NGO",
    # people
    "people": "CVL", "person": "CVL", "man": "CVL", "woman": "CVL", "child": "CVL", "family": "CVL",
    "victim": "CVL", "youth": "CVL", "foreigner": "CVL", "stakeholder": "CVL", "crowd": "CVL",
    "resident": "CVL", "villager": "CVL", "civilian": "CVL", "citizen": "CVL", "voter": "CVL", "passenger": "CVL",
    "tourist": "CVL", "fisherman": "CVL", "fishermen": "CVL", "settler": "CVL", "prisoner": "CVL",
    "detainee": "CVL", "inmate": "CVL", "hostage": "CVL", "captive": "CVL", "protester": "OPP",
    "demonstrator": "OPP", "activist": "OPP",
}


def role_sector(lemma: str) -> str | None:
    """The sector of a role noun by its lemma ("driver" -> "LAB", "hostage" -> "CVL"), else ``None``."""
    return ROLE_NOUNS.get(lemma.lower())

# Role words that say little about the sector; any other match of equal length wins.
_GENERIC = frozenset(
    {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "delegation", "delegations"}
    | {"authorities", "people"}
)

# Spellings folded before matching.
_SPELLING = {
    "defence": "defense",
    "organisation": "organization",
    "labour": "labor",
    "spokesmen": "spokesman",
    "spokeswomen": "spokeswoman",
    "policemen": "policeman",
    "policewomen": "policewoman",
    "gunmen": "gunman",
    "guerilla": "guerrilla",
    "guerillas": "guerrillas",
    "businessmen": "businessman",
    "businesswomen": "businesswoman",
    "congressmen": "congressman",
    "congresswomen": "congresswoman",
    "chiefs": "chief",
    "generals": "general",
    "armies": "army",
    "militias": "militia",
    "parties": "party",
    "companies": "company",
    "authority": "authorities",
    "gen": "general",
    "brig": "brigadier",
    "col": "colonel",
    "lt": "lieutenant",
    "maj": "major",
    "capt": "captain",
    "adm": "admiral",
    "sgt": "sergeant",
    "sen": "senator",
    "gov": "governor",
    "pres": "president",
}

#: Titles written abbreviated, with a full stop as their own token ("Lt. Gen.", "Col.", "Gov."): the dotted forms are
#: title words too; their sectors are in the lexicon (Phoenix.agents: GEN., LT., MAJ., CAPT. [~MIL]).
_ABBREVIATED = ("gen", "lt", "col", "maj", "capt", "adm", "sgt", "brig", "cpl", "gov", "sen", "rep", "pres")

TITLE_WORDS: frozenset[str] = frozenset(
    """deputy vice acting interim former outgoing incoming caretaker first senior assistant under junior
    prime minister president premier chancellor secretary general foreign defense defence interior home finance
    economy trade health education justice energy oil state affairs security national public attorney
    ambassador envoy consul special representative spokesman spokeswoman spokesperson adviser advisor
    commander colonel lieutenant major brigadier admiral captain sergeant corporal marshal field army navy
    naval air force chief staff police governor mayor senator congressman congresswoman lawmaker mp speaker
    judge prosecutor king queen prince princess crown emir sultan sheikh monarch supreme leader ayatollah
    pope cardinal archbishop bishop imam rabbi cleric dr mr mrs ms gen lt col maj capt adm sgt sen rep gov pres
    brig lady director executive ceo chairman chairwoman chairperson head solicitor inspector surgeon auditor
    procurator undersecretary""".split()
) | frozenset(f"{w}." for w in _ABBREVIATED)

# Title words that can end a title ("Defense Minister") or open one ("Secretary of State").
_HEADS = frozenset(
    """minister president premier chancellor secretary general ambassador envoy consul representative spokesman
    spokeswoman spokesperson adviser advisor commander colonel lieutenant major brigadier admiral captain sergeant
    corporal marshal chief governor mayor senator congressman congresswoman lawmaker mp speaker judge prosecutor
    king queen prince princess emir sultan sheikh monarch leader ayatollah pope cardinal archbishop bishop imam
    rabbi cleric dr mr mrs ms gen lt col maj capt adm sgt sen rep gov pres director executive ceo chairman
    chairwoman chairperson head justice undersecretary""".split()
)
_CONNECTORS = frozenset({"of", "for", "the", "and", "to", "on"})

# Organisations: name -> (CAMEO-style actor code, sector).  Codes follow the Phoenix/PETRARCH dictionaries.
_ORGANISATIONS: dict[str, tuple[str, str]] = {
    "United Nations": ("IGOUNO", "IGO"),
    "UN": ("IGOUNO", "IGO"),
    "U.N.": ("IGOUNO", "IGO"),
    "UN Security Council": ("IGOUNO", "IGO"),
    "U.N. Security Council": ("IGOUNO", "IGO"),
    "United Nations Security Council": ("IGOUNO", "IGO"),
    "UN General Assembly": ("IGOUNO", "IGO"),
    "NATO": ("IGOWSTNAT", "IGO"),
    "Nato": ("IGOWSTNAT", "IGO"),
    "North Atlantic Treaty Organization": ("IGOWSTNAT", "IGO"),
    "European Union": ("IGOEUREEC", "IGO"),
    "EU": ("IGOEUREEC", "IGO"),
    "European Commission": ("IGOEUREEC", "IGO"),
    "African Union": ("IGOAFRAFU", "IGO"),
    "AU": ("IGOAFRAFU", "IGO"),
    "European Central Bank": ("IGOEUREEC", "IGO"),
    "European Community": ("IGOEUREEC", "IGO"),
    "European Parliament": ("IGOEUREEC", "IGO"),
    "Security Council": ("IGOUNO", "IGO"),
    "International Labour Organization": ("IGOUNOLABILO", "IGO"),
    "International Labor Organization": ("IGOUNOLABILO", "IGO"),
    "International Labour Office": ("IGOUNOLABILO", "IGO"),
    "International Labor Office": ("IGOUNOLABILO", "IGO"),
    "ILO": ("IGOUNOLABILO", "IGO"),
    "Asia-Pacific Economic Cooperation": ("IGO", "IGO"),
    "APEC": ("IGO", "IGO"),
    "ECB": ("IGOEUREEC", "IGO"),
    "Arab League": ("IGOMEAARL", "IGO"),
    "League of Arab States": ("IGOMEAARL", "IGO"),
    "Gulf Cooperation Council": ("IGOPGSGCC", "IGO"),
    "GCC": ("IGOPGSGCC", "IGO"),
    "IAEA": ("IGOUNOIAE", "IGO"),
    "International Atomic Energy Agency": ("IGOUNOIAE", "IGO"),
    "OPEC": ("IGOOPC", "IGO"),
    "Opec": ("IGOOPC", "IGO"),
    "Organization of the Petroleum Exporting Countries": ("IGOOPC", "IGO"),
    "Organization of Petroleum Exporting Countries": ("IGOOPC", "IGO"),
    "WHO": ("IGOUNOHLHWHO", "IGO"),
    "World Health Organization": ("IGOUNOHLHWHO", "IGO"),
    "IMF": ("IGOBUSIMF", "IGO"),
    "International Monetary Fund": ("IGOBUSIMF", "IGO"),
    "World Bank": ("IGOUNODEVWBK", "IGO"),
    "WTO": ("IGOBUSWTO", "IGO"),
    "World Trade Organization": ("IGOBUSWTO", "IGO"),
    "ICC": ("IGOJUDICC", "IGO"),
    "International Criminal Court": ("IGOJUDICC", "IGO"),
    "ICJ": ("IGOUNOJUDICJ", "IGO"),
    "International Court of Justice": ("IGOUNOJUDICJ", "IGO"),
    "UNHCR": ("IGOUNOREFHCR", "IGO"),
    "UN refugee agency": ("IGOUNOREFHCR", "IGO"),
    "UNICEF": ("IGOUNOKID", "IGO"),
    "Unicef": ("IGOUNOKID", "IGO"),
    "WFP": ("IGOUNOWFP", "IGO"),
    "World Food Programme": ("IGOUNOWFP", "IGO"),
    "World Food Program": ("IGOUNOWFP", "IGO"),
    "UNDP": ("IGOUNODEV", "IGO"),
    "UNESCO": ("IGOUNODEV", "IGO"),
    "Unesco": ("IGOUNODEV", "IGO"),
    "ASEAN": ("IGOSEAASN", "IGO"),
    "Asean": ("IGOSEAASN", "IGO"),
    "Association of Southeast Asian Nations": ("IGOSEAASN", "IGO"),
    "Organization of American States": ("IGOOAS", "IGO"),
    "OAS": ("IGOOAS", "IGO"),
    "Organisation of Islamic Cooperation": ("IGOMOSOIC", "IGO"),
    "Organization of Islamic Cooperation": ("IGOMOSOIC", "IGO"),
    "OIC": ("IGOMOSOIC", "IGO"),
    "ECOWAS": ("IGOWAFWAS", "IGO"),
    "Ecowas": ("IGOWAFWAS", "IGO"),
    "Economic Community of West African States": ("IGOWAFWAS", "IGO"),
    "Interpol": ("IGOCOPITP", "IGO"),
    "G7": ("IGOGOS", "IGO"),
    "Group of Seven": ("IGOGOS", "IGO"),
    "G8": ("IGOGOE", "IGO"),
    "Group of Eight": ("IGOGOE", "IGO"),
    "Shanghai Cooperation Organization": ("IGOCAS", "IGO"),
    "Commonwealth of Independent States": ("IGOCASCIS", "IGO"),
    "OSCE": ("IGO", "IGO"),
    "Organization for Security and Co-operation in Europe": ("IGO", "IGO"),
    "Organization for Security and Cooperation in Europe": ("IGO", "IGO"),
    "OPCW": ("IGO", "IGO"),
    "Organisation for the Prohibition of Chemical Weapons": ("IGO", "IGO"),
    "Organization for the Prohibition of Chemical Weapons": ("IGO", "IGO"),
    "SADC": ("IGOSAFSAD", "IGO"),
    "Southern African Development Community": ("IGOSAFDEVSAD", "IGO"),
    "IGAD": ("IGODEVIAD", "IGO"),
    "Intergovernmental Authority on Development": ("IGOEAFDEVIAD", "IGO"),
    "East African Community": ("IGOEAFEAC", "IGO"),
    "African Development Bank": ("IGOAFRDEVAFB", "IGO"),
    "Asian Development Bank": ("IGOASADEVADB", "IGO"),
    "Council of Europe": ("IGOEURCOE", "IGO"),
    "Red Cross": ("NGOHLHIRC", "NGO"),
    "Red Crescent": ("NGOHLHIRC", "NGO"),
    "International Committee of the Red Cross": ("NGOHLHIRC", "NGO"),
    "ICRC": ("NGOHLHIRC", "NGO"),
    "Amnesty International": ("NGOHRIAMN", "NGO"),
    "Human Rights Watch": ("NGOHRI", "NGO"),
    "Doctors Without Borders": ("NGOHLHMSF", "NGO"),
    "Medecins Sans Frontieres": ("NGOHLHMSF", "NGO"),
    "Médecins Sans Frontières": ("NGOHLHMSF", "NGO"),
    "MSF": ("NGOHLHMSF", "NGO"),
}

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


def _words(text: str) -> list[str]:
    """Lower-cased words, hyphens split, full stops dropped, spellings folded."""
    words = []
    for word in _WORD.findall(text.replace(".", "").replace("\u2019", "'").lower()):
        for part in word.replace("-", " ").split():
            words.append(_SPELLING.get(part, part))
    return words


def _plural(word: str) -> str:
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "s"


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], str]:
    table: dict[tuple[str, ...], str] = {}
    for sector, text in _LEXICON.items():
        for phrase in text.split(","):
            words = tuple(_words(phrase))
            if not words:
                continue
            table.setdefault(words, sector)
            table.setdefault((*words[:-1], _plural(words[-1])), sector)
    return table


#: Words that make a title a past one: a former office-holder is one of the elites (ELI), as Phoenix.agents
#: codes FORMER_PRESIDENT and FORMER_PRIME_MINISTER [~ELI] and the PLOVER GSR codes "Ousted President X".
_FORMER = frozenset({"former", "ex", "ousted", "deposed", "toppled", "overthrown", "exiled", "late"})


def sector_for_title(words: str) -> str | None:
    """The sector a title or organisation word names ("Deputy Defence Minister" -> "MIL"), else ``None``;
    a past office ("Former Prime Minister", "ex-president") is ELI."""
    tokens = _words(words)
    if any(t in _FORMER for t in tokens) and _sector_of(tokens) in ("GOV", "MIL", "LEG", "JUD", "COP", "SPY"):
        return "ELI"
    return _sector_of(tokens)


def _sector_of(tokens: list[str]) -> str | None:
    phrases = _phrases()
    best: tuple[int, bool, int] | None = None
    found: str | None = None
    for start in range(len(tokens)):
        for end in range(len(tokens), start, -1):
            sector = phrases.get(tuple(tokens[start:end]))
            if sector is None:
                continue
            rank = (end - start, end - start > 1 or tokens[start] not in _GENERIC, -start)
            if best is None or rank > best:
                best, found = rank, sector
            break
    return found


def is_title(text: str) -> bool:
    """Whether ``text`` is a title made of title words ("Deputy Foreign Minister", "Secretary of State")."""
    tokens = _words(text)
    if not tokens or not all(t in TITLE_WORDS or t in _CONNECTORS for t in tokens):
        return False
    if tokens[0] in _CONNECTORS or tokens[-1] in _CONNECTORS:
        return False
    if tokens[-1] in _HEADS:
        return True
    return any(a in _HEADS and b in ("of", "for") for a, b in zip(tokens, tokens[1:], strict=False))


@lru_cache(maxsize=1)
def _organisations() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    exact = {name: code for name, code in _ORGANISATIONS.items() if name.replace(".", "").isupper()}
    folded = {name.casefold(): code for name, code in _ORGANISATIONS.items() if name not in exact}
    return exact, folded


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every organisation name (case-folded), with and without a closing "'s"."""
    exact, folded = _organisations()
    return frozenset(_head(name) for name in (*exact, *folded))


def _head(text: str) -> str:
    first = text.partition(" ")[0].casefold()
    return first[:-2] if first.endswith("'s") else first


def igo_code(name: str) -> tuple[str, str] | None:
    """(actor code, sector) for an international organisation ("NATO" -> ("IGOWSTNAT", "IGO")), else ``None``.

    Acronyms match case-exactly ("WHO", not "who"); names case-insensitively, with or without "the".
    """
    text = " ".join(name.replace("\u2019", "'").split())
    # most spans asked about start with a word no organisation's name starts with: no table lookup for them
    first, _, rest = text.partition(" ")
    heads = _first_words()
    if first.casefold() not in heads and not (first.endswith("'s") and first[:-2].casefold() in heads) \
            and not (first.casefold() == "the" and _head(rest) in heads):
        return None
    exact, folded = _organisations()
    forms = [text, text[4:]] if text[:4].casefold() == "the " else [text]
    forms += [form[:-2] for form in forms if form.endswith("'s")]
    for form in forms:
        found = exact.get(form) or folded.get(form.casefold())
        if found is not None:
            return found
    return None
