"""Where a collective's own phrase says it is: "officials of Iraq", "police in Hyderabad, Pakistan", "rebels in
Darfur", "lawmakers in Fornost and Gondor", "fighters from JNIM". Pure functions of the parse and the place
stage's geocoded places (``doc_places``: items with ``span``, ``country`` ISO3 and ``feature``)."""

from __future__ import annotations

from typing import Any

from ...lexicon import PLACE_BOUND_NOUNS
from ..base import Found, country_at


def _place_country(doc_places: list[Any], start: int, end: int) -> str | None:
    """The country of the first geocoded place inside characters [start, end)."""
    for pl in doc_places:
        if start <= pl.span.start and pl.span.end <= end and pl.country:
            return str(pl.country)
    return None


_LOCATED = ("in", "throughout", "across", "inside")


def _place_around(doc_places: list[Any], char: int) -> Any:
    """The geocoded place (with a country) whose span holds character ``char``, else ``None``."""
    for pl in doc_places:
        if pl.span.start <= char < pl.span.end and pl.country:
            return pl
    return None


def _own_phrase_country(tok: Any, doc_places: list[Any], *, located: bool = False,
                        names_only: bool = False) -> str | None:
    """A country said in the noun's own phrase: "delegations from Libya’s two rival governments", "officials of
    Iraq", "police in Hyderabad, Pakistan", "rebels in Darfur", "students throughout Indonesia" (``in`` and its
    kin only for collectives bound to where they are, :data:`PLACE_BOUND_NOUNS`, or when ``located``)."""
    found = own_phrase_countries(tok, doc_places, located=located, names_only=names_only)
    return found[0] if found else None


#: Participles placing a collective where it acts ("rebels operating in Darfur"); not "based in" for people (a
#: group's people based abroad are not of their host: "Hamas officials based in Qatar").
_ACTING_IN = frozenset({"operate", "active", "fight"})
#: Participles placing a body where it has its seat ("a weekly based in Lagos", "a militant group headquartered in
#: Tbilisi"): an unnamed body is of the state it is based in, as a named outlet is of its home state.
_SEATED_IN = frozenset({"base", "based", "headquarter", "headquartered"})
#: Unnamed bodies (not people) that a seat places: outlets, groups, companies, organisations.
SEATED_NOUNS = frozenset({"newspaper", "newspapers", "paper", "daily", "weekly", "magazine", "broadcaster", "channel",
                          "station", "agency", "outlet", "website", "group", "groups", "organization", "organisation",
                          "organizations", "organisations", "company", "companies", "firm", "firms", "movement",
                          "network", "charity", "cell", "faction"})


def _seated(tok: Any) -> bool:
    """Is ``tok`` an unnamed body with a "based in"/"headquartered in" phrase of its own?"""
    return tok.lower_ in SEATED_NOUNS and any(c.dep_ in ("acl", "amod") and c.i > tok.i and (
        c.lemma_.lower() in _SEATED_IN or c.lower_ in _SEATED_IN) for c in tok.children)


def _shared_preps(tok: Any) -> list[Any]:
    """The prepositions of the noun's phrase: its own, else those of the nouns it is joined to by "and"
    ("Lawmakers and officials in Fornost": "in Fornost" is both's; the parser hangs it on one of them)."""
    own = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
    if own:
        return own
    acting = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.i > tok.i and (
        c.lemma_ in _ACTING_IN or (_seated(tok) and (c.lemma_.lower() in _SEATED_IN or c.lower_ in _SEATED_IN)))]
    if acting:  # "guerrillas operating in Macedonia", "militants active in the north": where they act
        return [c for a in acting for c in a.children if c.dep_ == "prep" and c.i > a.i]
    kin = [tok.head] if tok.dep_ == "conj" and tok.head is not tok else []
    kin += [c for c in tok.children if c.dep_ == "conj"]
    return [c for k in kin if k.pos_ in ("NOUN", "PROPN") for c in k.children if c.dep_ == "prep" and c.i > k.i]


def own_phrase_countries(tok: Any, doc_places: list[Any], *, located: bool = False,
                         names_only: bool = False) -> list[str]:
    """Every country :func:`_own_phrase_country` would read, for a list joined by "and" ("lawmakers in Fornost
    and Gondor": both, one actor each); a place geocoded in the phrase gives one."""
    preps = ("from", "of", *_LOCATED) if located or tok.lower_ in PLACE_BOUND_NOUNS or _seated(tok) \
        else ("from", "of")
    sdoc = tok.doc
    for child in _shared_preps(tok):
        if child.dep_ == "prep" and child.lower_ in preps:
            sub = list(child.subtree)
            listed = _listed_countries(child)
            if len(listed) > 1:
                return listed
            for t in sub:
                if t.text[:1].isupper() and t.i > 0 and sdoc[t.i - 1].text[:1].isupper() and t.i - 1 > child.i:
                    continue  # inside a longer name, read from its first word ("South Sudan", not "Sudan")
                if t.i + 1 < len(sdoc) and sdoc[t.i + 1].text == "-" and t.i + 2 < len(sdoc) and \
                        sdoc[t.i + 2].text[:1].islower():
                    continue  # "of the Albanian-majority north of Kosovo", "in the Saudi-led coalition": a word
                    # joined to the country by a hyphen makes an adjective about something else, not where they are
                if names_only and (t.pos_ != "PROPN" or t.ent_type_ == "NORP" or (
                        t.i + 1 < len(sdoc) and sdoc[t.i + 1].text == "-")):
                    continue  # "of the Israeli-occupied West Bank": the adjective is not where they live
                if t.text[:1].isupper() and (cw := country_at(sdoc, t.i)) is not None and cw[1] <= sub[-1].i + 1:
                    return [cw[0]]
            if (child.lower_ in _LOCATED or child.lower_ == "from" or _seated(tok)
                    or (child.lower_ == "of" and tok.lower_ in PLACE_BOUND_NOUNS)) and (
                    iso := _object_place_country(child, doc_places)
                    or _place_country(doc_places, sub[0].idx, sub[-1].idx + len(sub[-1]))):
                return [iso]  # "police in Hyderabad, Pakistan", "the government of Sindh province", "a missionary
                # from Calgary" (where one comes from is one's country)
    return []


def _object_place_country(prep: Any, doc_places: list[Any]) -> str | None:
    """The country of the geocoded place holding the preposition's object ("in Christian east Beirut": Beirut's,
    not that of a word before it the gazetteer also knows), else ``None``."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and (pl := _place_around(doc_places, obj.idx)) is not None:
            return str(pl.country)
    return None


def _listed_countries(prep: Any) -> list[str]:
    """The countries a preposition's object lists ("in Fornost and Gondor", "of Kenya, Uganda and Tanzania"): each
    a country name, the object or one joined to it by "and"; fewer than two give ``[]`` (read as one, above)."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return []
    names = [objs[0], *[t for t in objs[0].subtree if t.dep_ == "conj" and t.head.i in
                         {o.i for o in objs[0].subtree}]]
    out: list[str] = []
    for t in names:
        left = t.left_edge if t.left_edge.text[:1].isupper() else t
        if (cw := country_at(t.doc, left.i)) is None or cw[1] != t.i + 1:
            return []
        out.append(cw[0])
    return list(dict.fromkeys(out)) if len(out) > 1 else []


def _own_phrase_group(tok: Any, groups: list[Found]) -> Found | None:
    """A named group in the noun's "from"/"of" phrase ("Fighters from JNIM")."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of") and child.i > tok.i:
            sub = list(child.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
            for g in groups:
                if lo <= g.span.start and g.span.end <= hi:
                    return g
    return None



#: People who work or study at a body: of its country when the body has one ("miners employed by the
#: national copper company of Zambia" ZMBLAB, "students at Makerere University").
STAFF_NOUNS = frozenset({"workers", "employees", "staff", "miners", "students", "teachers", "doctors", "nurses"})


def _own_phrase_body(tok: Any, bodies: list[Found]) -> Found | None:
    """An organisation with a country in the "of"/"at"/"from" phrase of a noun of :data:`STAFF_NOUNS`
    ("workers of the X Company of Tehran"), else ``None``."""
    if tok.lower_ not in STAFF_NOUNS:
        return None
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of", "at") and child.i > tok.i:
            sub = list(child.subtree)
            lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
            for b in bodies:
                if b.country and b.kind == "organization" and lo <= b.span.start and b.span.end <= hi:
                    return b
    return None
