"""Wrong senses: trigger words used in a sense that is no political event.

``wrong_sense(tok, cameo)`` is applied to every candidate, the trigger table's and a learned coder's alike:

* sports: a conflict, coercion or threat code in a sentence about a match ("Brazil beat Argentina 4-1",
  "crushed the visitors in the cup final") is a result, not a fight; a word that is sport only in company ("the
  final appeal", "a match") needs another, and a tally ("in an 11-34 vote") is no score;
* markets and figures: nothing done by shares, prices, indexes or currencies is an event between actors
  ("shares plunged", "oil prices hit a record");
* shelter taken: "took shelter in a school", "took cover" is people fleeing, no seizure or request (refuge
  *sought* in a country is a request to it, as the PLOVER manual files refugees' demands: the trigger table's);
* vehicles: "flew the drone" is no visit (the trigger table's ``noobj`` condition), and a trigger whose
  subject is a machine ("the drone flew to") moves no one; a vehicle moved ("flew the plane to Poland", "sailed the
  boat into the port") is no visit or aid, whatever the model says;
* sportspeople: "the Kenyan runner beat his Ethiopian rival" is a result, as a score is; a sentence naming harm
  done ("killed", "a bomb", "wounded") is about force, sport words or not;
* people are no acts: a noun naming who takes part ("another protester said", "a demonstrator died") or who was
  hurt ("evacuated the wounded") is no event of its own;
* words said to no one: "spoke at the opening of parliament", "speaks during a news conference" is a statement,
  no consultation (04x), which needs someone spoken with or to, a subject of several, or a telephone;
* "demonstrate" meaning show ("the documents demonstrate why", "demonstrated its commitment") is no protest: a
  protest has no object or clause; processions and parades of funerals, weddings or feasts are no protests;
* protests are no consultation: "protesters gathered at a rally", "the march" are no meeting (04); a rally of an
  election campaign ("the candidates staged last-minute rallies", "speaks to supporters at a campaign rally") is a
  candidate meeting supporters, as ACE files it, and no protest unless it is against someone or something;
* a topic discussed with no one ("the president discussed the economy in a speech", "in discussing the creation of
  wealth") is a statement, no consultation: discussing needs someone to discuss with, a subject of several, or a
  telephone; an interview is an appearance before the media, and attending a service, a concert or a funeral
  meets no one (04);
* force against no one: fighting or countering an abstraction ("to fight terrorism", "countering the group's
  message", "fight corruption") and fights that are contests ("legal fights", "a political battle", "a trade war")
  are no force (18-20); "wound up" is the verb wind; a truce or peace named ("the ceasefire will start") is never
  force or a show of it;
* accidents: an explosion, blast or fire at a works, a mine, a depot or a home, or from gas, a boiler or chemicals
  ("a blast at a fireworks warehouse killed nine", "a gas explosion tore through the block"), with no weapon and no
  attacker named in the sentence, is no assault: neither the noun nor the harm it did ("killed", "injured") is
  force (18-20).
"""

from __future__ import annotations

import re
from typing import Any

HOSTILE_ROOTS = frozenset({"11", "12", "13", "14", "15", "17", "18", "19", "20"})
SPORT_WORDS = frozenset({
    "league", "tournament", "innings", "wicket", "wickets",
    "championship", "semifinal", "semi-final", "quarterfinal", "quarter-final", "striker", "midfielder",
    "olympics", "olympic", "medal", "stadium", "playoff", "playoffs", "fixture", "derby",
    "kick-off", "kickoff", "qualifier", "qualifiers", "rugby", "football", "soccer",
    "cricket", "tennis", "basketball", "hockey", "baseball",
    # sportspeople and contests: "the Kenyan runner beat his Ethiopian rival", "the boxer knocked out"
    "runner", "runners", "sprinter", "sprinters", "athlete", "athletes", "boxer", "boxers", "wrestler",
    "wrestlers", "cyclist", "cyclists", "swimmer", "swimmers", "golfer", "golfers", "footballer", "footballers",
    "goalkeeper", "midfield", "batsman", "bowler", "jockey", "racer", "skier", "skiers",
    "gymnast", "fencer", "racquet", "volleyball", "handball", "golf", "boxing", "wrestling", "cycling",
    "athletics", "marathoner", "wimbledon", "fifa", "uefa",
})
# harm done: a sentence naming it is about force, not a match ("a blast at the marathon's end killed two runners")
HARM_WORDS = frozenset({"killed", "kill", "killing", "dead", "died", "wounded", "injured", "bomb", "bombs", "bombing",
                        "bombings", "explosion", "explosions", "blast", "blasts", "explosive", "explosives", "shot",
                        "shooting", "gunman", "gunmen", "terrorist", "terrorists", "victims", "casualties"})
# words that mean sport only beside another such word or a score ("the final appeal", "a penalty", "the match")
WEAK_SPORT_WORDS = frozenset({"match", "matches", "goal", "goals", "cup", "final", "scored", "score", "penalty",
                              "penalties", "squad", "coach", "season", "race", "title", "player", "players",
                              "champion", "lap"})
# a count that is no score: "rejected the resolution in an 11-34 vote"
_TALLY = re.compile(r"\d{1,3}\s?[-–]\s?\d{1,3}\s+(?:vote|votes|margin|majority|decision|ruling|split)")
MARKET_WORDS = frozenset({
    "share", "shares", "stock", "stocks", "price", "prices", "market", "markets", "index", "indices", "currency",
    "bond", "bonds", "yield", "yields", "futures", "equity", "equities", "inflation", "sales", "exports",
    "imports", "profit", "profits", "earnings", "revenue", "rupee", "dollar", "euro", "yen", "yuan", "ruble",
    "rouble", "peso", "lira", "bitcoin", "nasdaq", "dow", "ftse", "nikkei", "economy", "gdp", "output",
    "unemployment", "rate", "rates", "valuation",
})
_SCORE = re.compile(r"(?<![\d/.:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d/.:-])")


# what people fleeing take: "took shelter in a mosque", "took cover", "ran for cover"
SHELTER_WORDS = frozenset({"refuge", "shelter", "sanctuary", "safety", "cover", "haven", "safe-haven"})
TAKING_SHELTER = frozenset({"take", "run", "dive", "duck", "scramble", "huddle"})


def _sheltering(tok: Any) -> bool:
    """"Civilians took shelter in a school", "took cover", "ran for cover": people fleeing, no event."""
    verb = tok if tok.pos_ == "VERB" else tok.head if tok.dep_ in ("dobj", "obj", "pobj") else None
    if verb is not None and verb.pos_ == "ADP":
        verb = verb.head
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in TAKING_SHELTER:
        return False
    return tok.lemma_.lower() in SHELTER_WORDS or any(
        c.lemma_.lower() in SHELTER_WORDS for c in verb.children if c.dep_ in ("dobj", "obj")) or any(
        p.lemma_.lower() in SHELTER_WORDS for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children)


# nouns naming people who take part in an act: the person is no act ("another protester said")
PARTICIPANT_NOUNS = frozenset({
    "protester", "protestor", "demonstrator", "rioter", "marcher", "picketer", "attacker", "assailant", "gunman",
    "sniper", "kidnapper", "abductor", "hostage", "captive", "detainee", "prisoner", "victim", "negotiator",
    "mediator", "invader", "raider", "looter", "arsonist", "boycotter",
})
# participles that with "the" name people hurt ("evacuated the wounded", "buried the dead")
CASUALTY_WORDS = frozenset({"wounded", "injured", "dead", "killed", "maimed"})
# verbs of speaking that consult only with someone spoken with or to
SPEAKING = frozenset({"speak", "talk"})
_TELEPHONE = frozenset({"phone", "telephone", "telephonic", "call", "videoconference", "video"})
# what makes a procession or a parade no protest
CEREMONY_WORDS = frozenset({"funeral", "wedding", "religious", "easter", "christmas", "pilgrim", "pilgrims",
                            "pilgrimage", "carnival", "festival", "holiday", "feast", "mourner", "mourners",
                            "coffin", "coffins", "burial", "saint", "friday", "anniversary", "independence"})
_CEREMONIES = frozenset({"procession", "parade", "cortege", "cortège"})


# moving a vehicle moves no one to anyone: "flew the plane to Poland", "drove the truck into Kenya"
STEERING = frozenset({"fly", "drive", "sail", "pilot", "steer", "land", "park", "navigate", "ride", "row", "taxi"})
VEHICLES = frozenset({
    "plane", "planes", "aircraft", "airplane", "airliner", "jet", "jets", "helicopter", "helicopters", "drone",
    "drones", "balloon", "balloons", "glider", "car", "cars", "truck", "trucks", "lorry", "lorries", "bus", "buses",
    "van", "vans", "vehicle", "vehicles", "boat", "boats", "ship", "ships", "vessel", "vessels", "ferry", "yacht",
    "tanker", "bike", "motorcycle", "train", "kite", "flag", "flags", "mission", "missions", "sortie", "sorties",
    "route", "flight", "flights",
})


def _steering(tok: Any) -> bool:
    """"flew the plane to Poland", "sailed the boat", "flew drones over the area": a vehicle moved (or a flag flown,
    a mission flown), no visit, no aid, no force of its own."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in STEERING:
        return False
    return any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in VEHICLES | {v.rstrip("s") for v in VEHICLES}
               for c in tok.children)


def _said_to_no_one(tok: Any) -> bool:
    """"spoke at the opening of parliament": a verb of speaking with no one spoken with or to, one subject, and
    no telephone in its sentence."""
    if tok.lemma_.lower() not in SPEAKING or tok.pos_ != "VERB":
        return False
    if any(c.dep_ in ("dobj", "obj", "dative") or (c.dep_ in ("prep", "prt") and c.lower_ in ("with", "to", "by"))
           for c in tok.children):
        return False
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "conj" for s in subjects for c in s.children) or any(s.tag_ in ("NNS", "NNPS")
                                                                          for s in subjects):
        return False  # "the two leaders spoke", "Putin and Erdogan talked"
    return not any(t.lemma_.lower() in _TELEPHONE for t in tok.sent)


def _showing(tok: Any) -> bool:
    """"demonstrated its commitment", "the figures demonstrate that ...": demonstrate meaning show."""
    return tok.lemma_.lower() == "demonstrate" and tok.pos_ == "VERB" and any(
        c.dep_ in ("dobj", "obj", "ccomp") for c in tok.children)


def _ceremony(tok: Any) -> bool:
    """"a funeral procession", "the Good Friday procession", "an independence day parade"."""
    return tok.lemma_.lower() in _CEREMONIES and any(t.lower_ in CEREMONY_WORDS for t in tok.sent)


# gatherings: never a consultation (04); a rally of an election campaign is no protest (14)
GATHERINGS = frozenset({"rally", "march", "demonstration", "protest", "vigil", "parade", "sit-in", "procession"})
CAMPAIGN_WORDS = frozenset({"campaign", "campaigning", "candidate", "candidates", "nominee", "election", "elections",
                            "electoral", "primary", "primaries", "presidential", "re-election", "reelection"})
# what makes a campaign-season rally a protest after all: "rallied against the election result"
_PROTESTING = frozenset({"against", "protest", "protesting", "demand", "demanding", "denounce", "oppose", "opposing"})
# verbs whose object is a topic, consulting only with someone discussed with
DISCUSSING = frozenset({"discuss", "debate"})
# what is attended without meeting anyone
_ATTENDED = frozenset({"service", "mass", "funeral", "concert", "game", "match", "festival", "wedding", "prayer",
                       "church", "school", "class", "university", "college", "celebration", "parade", "premiere",
                       "show", "screening", "race", "liturgy", "vigil", "burial", "memorial", "worship"})
# abstractions fought or countered: no one is attacked ("vowed to fight terrorism", "countering the message")
ABSTRACT_FOES = frozenset({
    "terrorism", "extremism", "radicalism", "radicalization", "radicalisation", "corruption", "poverty", "crime",
    "disease", "virus", "pandemic", "epidemic", "inflation", "drug", "trafficking", "hunger", "racism",
    "discrimination", "propaganda", "message", "narrative", "ideology", "misinformation", "disinformation",
    "climate", "wildfire", "flood", "malaria", "ebola", "cancer", "aids", "hiv", "famine",
    "impunity", "evasion", "fraud", "injustice", "inequality", "unemployment", "illiteracy", "hate", "hatred",
    "antisemitism", "islamophobia", "xenophobia", "smuggling", "piracy", "money-laundering", "laundering",
    "desertification", "deforestation", "pollution", "obesity", "addiction", "cybercrime", "influence",
})
FORCE_ROOTS = frozenset({"18", "19", "20"})
# a truce or peace named is never force (the model has coded "the ceasefire will start" as an assault)
PEACE_WORDS = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "peace", "cessation", "de-escalation",
                         "reconciliation", "disarmament", "demobilization", "demobilisation"})
# contests called fights: "legal fights", "a political battle", "a trade war", "the bidding war"
CONTEST_WORDS = frozenset({"legal", "political", "court", "courtroom", "judicial", "uphill", "electoral", "budget",
                           "custody", "bidding", "price", "trade", "tariff", "currency", "culture", "cultural",
                           "ideological", "verbal", "rhetorical", "procedural", "partisan", "lawsuit"})
_FIGHTS = frozenset({"fight", "battle", "war", "struggle", "clash", "fighting"})
# verbs and nouns that fight or counter whatever is their object
_FIGHTING = _FIGHTS | {"combat", "counter", "tackle", "confront", "counteract", "crackdown", "offensive", "campaign"}


def _campaign_rally(tok: Any) -> bool:
    """"both candidates are staging last-minute rallies", "waves during a rally in Indianapolis, when Cruz announced
    his running mate": a rally of an election campaign, not against anyone or anything."""
    words = [tok, *(c for c in tok.children if c.dep_ in ("dobj", "obj"))]  # "held rallies", "staged a rally"
    if not any(w.lemma_.lower() in ("rally", "ralli") or w.lower_ in ("rally", "rallies", "rallied") for w in words):
        return False
    said = {t.lower_ for t in tok.sent}
    return bool(said & CAMPAIGN_WORDS) and not said & _PROTESTING


def _discussed_with_no_one(tok: Any) -> bool:
    """"discussed the economy in a speech", "in discussing the creation of wealth": a topic discussed with no one
    (no with-phrase, one subject or none, no telephone in the sentence)."""
    if tok.lemma_.lower() not in DISCUSSING or tok.pos_ != "VERB":
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in tok.subtree):
        return False  # "discussed the bombing with Iraq": the parser may hang the with-phrase on the object
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects and tok.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and tok.tag_ != "VBG":
        return False  # "met and discussed trade", "agreed to discuss": the subject is the head verb's
    if any(c.dep_ == "conj" for s in subjects for c in s.children) or any(
            s.tag_ in ("NNS", "NNPS") or s.lower_ in ("both", "we", "they") for s in subjects):
        return False  # "the two leaders discussed trade", "Putin and Erdogan discussed Syria"
    return not any(t.lemma_.lower() in _TELEPHONE for t in tok.sent)


def _meets_no_one(tok: Any) -> bool:
    """"gave an interview", "interviewed by Voice of America", "attends Sunday services": no consultation."""
    lemma = tok.lemma_.lower()
    if lemma in ("interview", "interviewer"):
        return True
    if lemma in GATHERINGS or tok.lower_ in ("rallies", "marches"):
        # a protest's rally or march meets no one; a candidate's campaign rally with supporters is a meeting as ACE
        # files it (Contact:Meet), and no protest (``_campaign_rally``)
        return not _campaign_rally(tok)
    return lemma == "attend" and any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _ATTENDED
                                     for c in tok.children)


def _no_one_fought(tok: Any) -> bool:
    """"to fight terrorism", "countering the Islamic State message", "the fight against corruption", "political and
    legal fights over elections", "the procession wound up at the church": no force against anyone."""
    if tok.lower_ == "wound" and any(c.dep_ == "prt" or (c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in
                                                         ("up", "down", "through", "along"))
                                     for c in tok.children):
        return True  # "wound up at the church": the verb wind
    if tok.lemma_.lower() not in _FIGHTING:
        return False  # "exchanged fire with gunmen" is force: only fighting words can fight an abstraction
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    objects += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "against" for p in c.children
                if p.dep_ == "pobj"]
    if objects and all(o.lemma_.lower() in ABSTRACT_FOES for o in objects):
        return True
    if tok.lemma_.lower() in _FIGHTS and tok.pos_ == "NOUN":
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
        mods += [g for m in mods for g in m.children if g.dep_ == "conj"]  # "political and legal fights"
        return any(m.lower_ in CONTEST_WORDS for m in mods)
    return False


# what goes off by accident: an explosion, a blast, a fire ...
MISHAPS = frozenset({"explosion", "blast", "fire", "blaze", "inferno", "leak", "collapse", "explode", "blow"})
# ... where or from what: works, stores, homes and what burns or bursts in them
MISHAP_SETTINGS = frozenset({
    "factory", "plant", "mill", "works", "refinery", "warehouse", "depot", "workshop", "foundry", "colliery",
    "quarry", "shipyard", "pipeline", "tanker", "cylinder", "boiler", "furnace", "reactor", "gas", "methane",
    "chemical", "chemicals", "fireworks", "firework", "fuel", "petrol", "gasoline", "propane", "kitchen",
    "restaurant", "apartment", "laboratory", "lab", "industrial", "accident", "accidental", "accidentally", "leak",
    "short-circuit", "electrical", "faulty", "malfunction", "stove", "heater", "transformer", "substation", "coal",
    "fertilizer", "fertiliser", "ammonium", "nitrate", "storage", "mining", "miners",
})
# a weapon or an attacker named: then it is an attack, whatever the setting ("a bomb at a factory")
ATTACK_WORDS = frozenset({
    "bomb", "bombs", "bomber", "bombers", "bombing", "bombings", "explosive", "explosives", "device", "devices",
    "ied", "ieds", "grenade", "grenades", "landmine", "landmines", "rocket", "rockets", "missile", "missiles",
    "mortar", "mortars", "shell", "shells", "shelling", "drone", "drones", "airstrike", "airstrikes", "strike",
    "strikes", "attack", "attacks", "attacker", "attackers", "assailant", "assailants", "gunman", "gunmen",
    "militant", "militants", "terrorist", "terrorists", "terror", "insurgent", "insurgents", "rebel", "rebels",
    "suicide", "sabotage", "saboteur", "saboteurs", "arson", "arsonist", "arsonists", "planted", "detonated",
    "responsibility", "targeted", "militia", "militias", "jihadist", "jihadists", "extremist", "extremists",
})
_HARMS = frozenset({"kill", "injure", "wound", "hurt", "destroy", "damage", "tear", "rock", "level", "flatten",
                    "leave", "claim", "die"})


def _mishap(tok: Any) -> bool:
    """Is the word an accident (an explosion or fire at a works or from gas, no weapon or attacker named), or the
    harm one did ("killed" with such an explosion as its subject or its in-/by-phrase)?"""
    words = {t.lower_ for t in tok.sent}
    if words & ATTACK_WORDS:
        return False
    lemma = tok.lemma_.lower()
    if lemma in MISHAPS:
        noun = tok
    elif lemma in _HARMS and tok.pos_ == "VERB":
        noun = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in MISHAPS),
                    None)
        noun = noun or next((p for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                             for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in MISHAPS), None)
        if noun is None:
            return False
    else:
        return False
    # the setting or cause in the explosion's clause ("a gas explosion", "died in a blast at a factory")
    clause = tok if tok.pos_ == "VERB" else next((a for a in noun.ancestors if a.pos_ == "VERB"), noun)
    return bool({t.lower_ for t in clause.subtree} & MISHAP_SETTINGS)


def wrong_sense(tok: Any, cameo: str) -> bool:
    """Is the trigger token ``tok`` (a spaCy Token) coded ``cameo`` used in a sense that is no event?"""
    if _sheltering(tok) and cameo[:2] != "07":
        return True
    if _steering(tok) and cameo[:2] not in FORCE_ROOTS:
        return True  # (a vehicle driven into a crowd may be the attack itself)
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in PARTICIPANT_NOUNS | {
            w + "s" for w in PARTICIPANT_NOUNS}:
        return True
    if tok.lower_ in CASUALTY_WORDS and tok.dep_ in ("dobj", "obj", "pobj", "nsubj", "nsubjpass", "conj") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True  # "evacuated the wounded": people, no attack
    if cameo[:2] == "04" and (_said_to_no_one(tok) or _discussed_with_no_one(tok) or _meets_no_one(tok)):
        return True
    if cameo[:2] == "14" and (_showing(tok) or _ceremony(tok) or _campaign_rally(tok)):
        return True
    if cameo[:2] in FORCE_ROOTS and _no_one_fought(tok):
        return True
    if cameo[:2] in FORCE_ROOTS | {"15"} and tok.lemma_.lower() in PEACE_WORDS:
        return True  # "the UN-brokered ceasefire will start on Tuesday": a truce is never force
    if cameo[:2] in FORCE_ROOTS and _mishap(tok):
        return True  # "an explosion at a chemical plant killed twelve workers": an accident
    sent = tok.sent
    if cameo[:2] in HOSTILE_ROOTS:
        words = {t.lower_ for t in sent}
        weak = len(words & WEAK_SPORT_WORDS)
        score = _SCORE.search(sent.text) and not _TALLY.search(sent.text)
        # harm done is no result: "a bomb exploded at the stadium, killing 20" is an attack, sport words or not
        if (words & SPORT_WORDS or weak >= 2 or score) and not words & HARM_WORDS:
            return True
    subject = _subject(tok)
    return subject is not None and subject.lemma_.lower() in MARKET_WORDS | {w.rstrip("s") for w in MARKET_WORDS}


def _subject(tok: Any) -> Any | None:
    if tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        return None
    # a noun: "a plunge in shares", "the markets' crash" -- its possessor or of-phrase
    for c in tok.children:
        if c.dep_ == "poss":
            return c
    return None
