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
  subject is a machine ("the drone flew to") moves no one;
* people are no acts: a noun naming who takes part ("another protester said", "a demonstrator died") or who was
  hurt ("evacuated the wounded") is no event of its own;
* words said to no one: "spoke at the opening of parliament", "speaks during a news conference" is a statement,
  no consultation (04x), which needs someone spoken with or to, a subject of several, or a telephone;
* "demonstrate" meaning show ("the documents demonstrate why", "demonstrated its commitment") is no protest: a
  protest has no object or clause; processions and parades of funerals, weddings or feasts are no protests.
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
})
# words that mean sport only beside another such word or a score ("the final appeal", "a penalty", "the match")
WEAK_SPORT_WORDS = frozenset({"match", "matches", "goal", "goals", "cup", "final", "scored", "score", "penalty",
                              "penalties", "squad", "coach", "season"})
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


def wrong_sense(tok: Any, cameo: str) -> bool:
    """Is the trigger token ``tok`` (a spaCy Token) coded ``cameo`` used in a sense that is no event?"""
    if _sheltering(tok) and cameo[:2] != "07":
        return True
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in PARTICIPANT_NOUNS | {
            w + "s" for w in PARTICIPANT_NOUNS}:
        return True
    if tok.lower_ in CASUALTY_WORDS and tok.dep_ in ("dobj", "obj", "pobj", "nsubj", "nsubjpass", "conj") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return True  # "evacuated the wounded": people, no attack
    if cameo[:2] == "04" and _said_to_no_one(tok):
        return True
    if cameo[:2] == "14" and (_showing(tok) or _ceremony(tok)):
        return True
    sent = tok.sent
    if cameo[:2] in HOSTILE_ROOTS:
        words = {t.lower_ for t in sent}
        weak = len(words & WEAK_SPORT_WORDS)
        score = _SCORE.search(sent.text) and not _TALLY.search(sent.text) and not words & {"killed", "dead", "wounded"}
        if words & SPORT_WORDS or weak >= 2 or score:
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
