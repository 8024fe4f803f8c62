"""Which entities are toponyms: spaCy's entities and stray proper nouns, wire datelines, the names the words
around them show to be people or organisations, and entities the tagger ran over two toponyms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from ...knowledge.gazetteer import Gazetteer, normalise
from ...knowledge.groups import group_for
from ..actors.gender import given_name_gender
from .patterns import (
    _DATELINE,
    _DATELINE_BARE,
    _DATELINE_CAPS,
    _GIVEN_NAMES,
    _LEADING_THE,
    _LOCATIVE_BEFORE,
    _ORG_AFTER,
    _ORG_BEFORE,
    _PERSON_AFTER,
    _PERSON_BEFORE,
    _RESCUE_PREP,
    _TRAILING_POSSESSIVE,
    DATELINE_CAPS_MIN_POPULATION,
    PLACE_LABELS,
    RESCUE_LABELS,
    Entity,
)


def entities(sdoc: Any) -> list[Entity]:
    """``(start_char, end_char, label)`` of a spaCy Doc's entities, and of capitalised proper nouns outside
    them (label ``PROPN``: "drones at Kharkiv" when the model tagged nothing)."""
    out = [(e.start_char, e.end_char, e.label_) for e in sdoc.ents]
    covered = {t.i for e in sdoc.ents for t in e}
    for t in sdoc:
        if (
            t.i not in covered
            and t.pos_ == "PROPN"
            and t.text[:1].isupper()
            and t.is_alpha
            and (t.i + 1 >= len(sdoc) or sdoc[t.i + 1].pos_ != "PROPN")
            and (t.i == 0 or sdoc[t.i - 1].pos_ != "PROPN")
        ):
            out.append((t.idx, t.idx + len(t), "PROPN"))
    return out


def datelines(text: str, gazetteer: Gazetteer) -> list[Entity]:
    """Toponyms of wire datelines (``(start, end, "GPE")``): a place in capitals the gazetteer knows, at the
    start of the text, of a line or of a sentence, then optionally ", Region", an agency in brackets and a
    dash or colon ("ALBUQUERQUE, N.M. (AP) -": ALBUQUERQUE and N.M.; "KABUL, April 5 (APP):"), or at the start of the
    text or a line, an agency in brackets and no dash ("MEXICO CITY (AP) Mexico's Senate ..."), or there a large city,
    a state or a country in capitals before the story's first word ("OKLAHOMA CITY The Latest on ...")."""
    out: list[Entity] = []
    seen: set[int] = set()
    for m in [*_DATELINE.finditer(text), *_DATELINE_BARE.finditer(text)]:
        place = m.group("place")
        if m.start("place") in seen:
            continue
        seen.add(m.start("place"))
        if sum(c.isalpha() for c in place) < 3:
            continue
        names = [m.span("place")] if "&" not in place else []
        if "&" in place:  # "TIJUANA & SAN DIEGO"
            s = m.start("place")
            for part in re.finditer(r"[^&]+", place):
                a, b = s + part.start(), s + part.end()
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                names.append((a, b))
        found = [(a, b) for a, b in names if gazetteer.lookup(text[a:b].title()) is not None]
        out += [(a, b, "GPE") for a, b in found]
        if m.group("region"):
            # "PLEASANTON, Calif.--(": the dashes are not the region's; a country or a state's abbreviation counts
            # even when the place is unknown ("CAMP MURRAY, Wash. -"), another region only beside a known place
            a, b = m.start("region"), m.start("region") + len(m.group("region").rstrip("-\u2013\u2014"))
            region = text[a:b]
            c = gazetteer.lookup(region)
            abbreviated = region.endswith(".") and c is not None and c.feature == "state"
            if c is not None and (found or abbreviated or c.feature == "country"):
                out.append((a, b, "GPE"))
    for m in _DATELINE_CAPS.finditer(text):
        if m.start("place") in seen:
            continue
        c = gazetteer.lookup(m.group("place").title())
        if c is not None and (
            c.feature in ("country", "state") or (c.feature == "city" and c.population >= DATELINE_CAPS_MIN_POPULATION)
        ):
            out.append((m.start("place"), m.end("place"), "GPE"))
    return out


def _whole_name(gazetteer: Gazetteer, name: str) -> bool:
    """A country's name or alias, or a first-level division's own name of two words or more ("Tamil Nadu"),
    and not a common given name ("Jordan", "Chad"): a place whatever label the NER gave it."""
    key = normalise(name)
    if key in _GIVEN_NAMES or not name[:1].isupper():
        return False
    if gazetteer.country_code(name):
        return True
    c = gazetteer.lookup(name)
    return c is not None and c.feature == "state" and " " in key and normalise(c.name) == key


def _after_preposition(text: str, start: int) -> bool:
    """A capitalised word right after in/to/from/at."""
    return text[start : start + 1].isupper() and bool(_RESCUE_PREP.search(text[max(0, start - 8) : start]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading 'the' and a trailing possessive from an entity span."""
    piece = text[start:end]
    m = _LEADING_THE.match(piece)
    if m and m.end() < len(piece):
        start += m.end()
    piece = text[start:end]
    m2 = _TRAILING_POSSESSIVE.search(piece)
    if m2 and m2.start() > 0:
        end = start + m2.start()
    return start, end


def _not_a_place(text: str, start: int, end: int) -> bool:
    """The words around the name show a person or an organisation ("coach Austin said", "United Russia"), or the
    name is a known armed group's ("talks between Israel and Hamas": not Hamm, Germany, whose other name it is;
    "the Taliban"), unless a locative preposition governs it ("in Fano")."""
    before = text[max(0, start - 24) : start]
    if group_for(text[start:end]) is not None and not _LOCATIVE_BEFORE.search(before):
        return True
    return bool(
        _PERSON_BEFORE.search(before)
        or _PERSON_AFTER.match(text, end)
        or _ORG_BEFORE.search(before)
        or _ORG_AFTER.match(text, end)
    )


_X_IN_Y = re.compile(r"([A-Z][^\s,]*(?:\s[A-Z][^\s,]*)*)(,\s+|\s+in\s+)([A-Z][^\s,]*(?:\s[A-Z][^\s,]*)*)")


def _split_in(text: str, ents: Sequence[Entity]) -> list[Entity]:
    """Entities the tagger ran over two toponyms ("Khnatsakh in Syunik" as one ORG, "Lund, Sweden" as one GPE) as
    two of the same label."""
    out: list[Entity] = []
    for start, end, label in ents:
        m = _X_IN_Y.fullmatch(text, start, end) if label in RESCUE_LABELS or label in PLACE_LABELS else None
        if m is None or ("," in m.group(2) and label not in PLACE_LABELS):  # "Smith, Jones" stays one PERSON
            out.append((start, end, label))
        else:
            out += [(m.start(1), m.end(1), label), (m.start(3), m.end(3), label)]
    return out


_POSSESSIVE_HEAD = re.compile(r"(?:[Tt]he\s+)?(?P<name>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})['\u2019]s\s+[A-Z]")
POSSESSIVE_HEAD_MIN_POPULATION = 20_000


def _possessive_heads(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """A place's name in the possessive that the tagger took into the name of what it owns ("Venezuela's Ecological
    Mining Minister", "Harare's Third Street", "Derry's Altnagelvin Hospital" tagged as one organisation or person):
    the place split off as a GPE, the rest left to the label.  Only a country, a state, a county or a city of
    :data:`POSSESSIVE_HEAD_MIN_POPULATION` people or more whose name is no common given name (nomquamgender's,
    as the actors stage reads them: "Mary's Turkeys" stays whole)."""
    out: list[Entity] = []
    for start, end, label in ents:
        m = _POSSESSIVE_HEAD.match(text, start, end) if label in RESCUE_LABELS or label == "FAC" else None
        c = gazetteer.lookup(m.group("name")) if m is not None else None
        if (
            m is None
            or c is None
            or normalise(m.group("name")) in _GIVEN_NAMES
            or not (
                c.feature in ("country", "state", "county")
                or (
                    c.feature == "city"
                    and c.population >= POSSESSIVE_HEAD_MIN_POPULATION
                    and given_name_gender(m.group("name")) is None  # "Mary's Turkeys", "Allen's wines": people's
                )
            )
        ):
            out.append((start, end, label))
            continue
        out.append((m.start("name"), m.end("name"), "GPE"))
    return out


_LOWER_TAIL = re.compile(r"(?P<head>[A-Z][^\s]*(?:\s[A-Z][^\s]*)*)(?:\s[a-z][\w-]*)+")
LOOSE_HEAD_CITY = 100_000  # a city before the extra word needs this many people
_TWO_COUNTRIES = re.compile(r"(?P<a>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)\s(?P<b>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)")


def _loose_ends(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """Place entities the gazetteer does not know whole because the tagger took in a word too many: a lower-case
    word after a known place ("the eastern Pacific equatorial region": Pacific), or two countries with the list's
    comma missing ("Cyprus, Greece Italy or Spain": Greece and Italy)."""
    out: list[Entity] = []
    for start, end, label in ents:
        if label not in PLACE_LABELS or gazetteer.lookup(text[start:end]) is not None:
            out.append((start, end, label))
            continue
        tail = _LOWER_TAIL.fullmatch(text, start, end)
        head = gazetteer.lookup(tail.group("head")) if tail is not None else None
        if tail is not None and head is not None and (head.feature != "city" or head.population >= LOOSE_HEAD_CITY):
            # (a town's name may be a word: "at Grand and State where" is no town of Grand)
            out.append((start, tail.end("head"), label))
            continue
        two = _TWO_COUNTRIES.fullmatch(text, start, end)
        if two is not None and gazetteer.country_code(two.group("a")) and gazetteer.country_code(two.group("b")):
            out += [(two.start("a"), two.end("a"), label), (two.start("b"), two.end("b"), label)]
            continue
        out.append((start, end, label))
    return out


def _ascii(name: str) -> str:
    """A name normalised and stripped of accents ("Nuevo León" -> "nuevo leon")."""
    return unicodedata.normalize("NFKD", normalise(name)).encode("ascii", "ignore").decode()


def _join_split(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """Neighbouring entities the tagger split out of one name ("Baja" and "California" for Baja California,
    "Gilgit" and "Baltistan" for Gilgit-Baltistan),
    joined as one GPE when the gazetteer knows the whole name as a place's own name; a country's name split at
    "of" ("Democratic Republic" and "Congo"); and a country's name whose first word the tagger left out
    ("Democratic" before "Republic of the Congo", another country's name)."""
    out: list[Entity] = []
    for start, end, label in sorted(ents):
        if out and label in PLACE_LABELS | RESCUE_LABELS and out[-1][2] in PLACE_LABELS | RESCUE_LABELS:
            p_start, p_end, _ = out[-1]
            gap = text[p_end:start]
            if gap in (" ", "-") and text[start : start + 1].isupper():  # ("Gilgit" + "-" + "Baltistan")
                whole = text[p_start:end]
                c = gazetteer.lookup(whole)
                if c is not None and _ascii(c.name) == _ascii(whole):
                    out[-1] = (p_start, end, "GPE")
                    continue
            elif _OF_GAP.fullmatch(gap) and text[start : start + 1].isupper():
                if gazetteer.country_code(text[p_start:end]) is not None:
                    out[-1] = (p_start, end, "GPE")
                    continue
        if label in PLACE_LABELS and (m := _WORD_BEFORE.search(text, max(0, start - 40), start)):
            own = gazetteer.country_code(text[start:end])
            longer = gazetteer.country_code(text[m.start() : end])
            if longer is not None and longer != own and not (out and out[-1][1] > m.start()):
                start = m.start()
        out.append((start, end, label))
    return out


_OF_GAP = re.compile(r"\s+of(?:\s+the)?\s+")
# the rest of a name with a lower-case article or particle the tagger cut off: "Deir" + " ez-Zor", "Dar" + " es
# Salaam", "Ras" + " al-Ain"
_PARTICLE_TAIL = re.compile(
    r"(?:[\s-][A-Z][\w'\u2019]*)?[\s-](?:al|el|ez|es|az|as|ad|ar|ash|an|ul|ur|e|i|di|da|de|do|del)[\s-][A-Z][\w'\u2019]+"
)


def _particle_names(text: str, ents: Sequence[Entity], gazetteer: Gazetteer) -> list[Entity]:
    """An entity the tagger cut before a lower-case particle ("Deir" of "Deir ez-Zor", "Dar" of "Dar es Salaam"),
    grown to the whole name and taken as a GPE when the gazetteer knows that name as a place's own (an alternate
    spelling of it counts: "Deir ez Zor"); other entities unchanged."""
    out: list[Entity] = []
    for start, end, label in ents:
        m = _PARTICLE_TAIL.match(text, end) if label in PLACE_LABELS | RESCUE_LABELS else None
        if m is not None:
            c = gazetteer.lookup(text[start : m.end()])
            if c is not None and _ascii(c.name).replace("-", " ") == _ascii(text[start : m.end()]).replace("-", " "):
                out.append((start, m.end(), "GPE"))
                continue
        out.append((start, end, label))
    # an entity the grown name now covers is part of it ("Zor" tagged on its own)
    grown = [(s, e) for (s, e, _), (s0, e0, _) in zip(out, ents, strict=True) if (s, e) != (s0, e0)]
    return [x for x in out if not any(s <= x[0] and x[1] <= e and (x[0], x[1]) != (s, e) for s, e in grown)]
_WORD_BEFORE = re.compile(r"\b[A-Z][a-z]+\s+\Z")
