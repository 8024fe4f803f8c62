"""The event's place: a toponym the parse attaches to the trigger as where it happens, else a place inherited
from the occasion the event belongs to.

Two steps, each saying how it chose (``Location.basis``):

* :func:`_location` (per event, while coding): a place of the event's own clause -- a preposition phrase
  ("in Almaty", "near the town of Djenne", "east of Mopti", "outside the embassy in Tripoli"), a destination
  ("to the port of Batumi"), the object of a visit or an attack ("shelled Kharkiv"), the place of the statement
  a claim was made in ("In a statement issued in Kyiv, ... accused"), the place of the verb a purpose or
  manner clause hangs on ("gathered in Tripoli to protest"). Never a place inside a quote, a party to the event
  ("praised Kenya", "supplied weapons to Russia"), a title ("Ambassador to Germany") or the place of a reported
  act ("accused Armenia of shelling positions in Kalbajar": the shelling's, not the accusation's).
* :func:`inherit_locations` (per document, after episodes): what a person says happens where they are -- the
  place the same speaker is said to speak at in a neighbouring sentence ("told a press briefing in Beijing"),
  else the in-person occasion their country hosts in the sentences before ("Egypt hosted talks in Cairo ...
  Egyptian Foreign Minister opened the session by appealing ..."). The wire dateline is never an event place:
  it is not among the places events are located by (see ``stages.dateline``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from ...model import Doc, Event, Location, Place, Span
from ..place import _SPECIFICITY, event_location
from ._codes import IN_PERSON, SPOKEN_ROOTS
from .arguments import _SKIP_DEPS, TOPIC_VERBS

__all__ = ["inherit_locations"]


def _location(doc: Doc, tok: Any, sent: int, trigger: Span, quotes: list[Span]) -> Location | None:
    """The event's place: a place named as where the trigger happens ("met ... in Nairobi", "visited Riyadh",
    "led a delegation to Damascus, Syria"), never one inside a quote or a place that is a party to it."""
    loc = event_location(doc, sentence=sent, trigger=trigger)
    if loc is None or loc.evidence is None or any(q.contains(loc.evidence) for q in quotes):
        return None
    anchors = _anchors(tok)
    if tok.pos_ != "VERB" and tok.head.pos_ in ("VERB", "ADP"):
        anchors.add(tok.head.i if tok.head.pos_ == "VERB" else tok.head.head.i)
    if tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB" and tok.head.i != tok.i:
        # "gathered outside the embassy in Tripoli to protest", "stormed a base in X, killing nine": the
        # clause's verb says where
        anchors |= _anchors(tok.head)
    lemma = tok.lemma_.lower()
    is_country = _country(doc, loc)
    visit = lemma in ("visit", "tour", "host") or (lemma in _ATTACK_VERBS and not is_country)
    sdoc = tok.doc
    for t in sdoc[tok.sent.start : tok.sent.end]:
        if not loc.evidence.start <= t.idx < loc.evidence.end:
            continue
        if _locative(t, anchors, visit=visit, lemma=lemma, country=is_country):
            return loc
        if _names_the_event(t, tok) and not is_country:
            loc.basis = f"the toponym naming the event: {doc.text[loc.evidence.start : trigger.end]!r}"
            return loc
    # the sentence's first choice is not the event's: another place of the clause may be ("Russia condemned
    # the Aleppo bombing": the bombing's place is Aleppo)
    sent_span = doc.sentences[sent]
    others = sorted((p for p in _places_within(doc, sent_span) if p.span != loc.evidence
                     and not any(q.contains(p.span) for q in quotes)),
                    key=lambda p: (_SPECIFICITY.get(p.feature, 2), abs(p.span.start - trigger.start)))
    for p in others:
        for t in sdoc[tok.sent.start : tok.sent.end]:
            if not p.span.start <= t.idx < p.span.end:
                continue
            if _locative(t, anchors, visit=visit, lemma=lemma, country=p.feature in ("country", "continent")):
                basis = f"a place the event's clause governs: {doc.text[p.span.start : p.span.end]!r}"
            elif _names_the_event(t, tok) and p.feature not in ("country", "continent"):
                basis = f"the toponym naming the event: {doc.text[p.span.start : trigger.end]!r}"
            else:
                continue
            return Location(p.name, p.country, p.lat, p.lon, p.geonames_id, evidence=p.span, basis=basis)
    return None


# attacks whose object is where they happen ("shelled the besieged city of El Fasher"), unless a country, a party
_ATTACK_VERBS = frozenset({"shell", "bomb", "strike", "hit", "attack", "raid", "storm", "capture", "seize", "besiege",
                           "enter", "liberate", "retake", "overrun", "bombard", "invade", "occupy", "encircle",
                           "surround", "recapture", "target"})


# landing on an island state is being there: "troops landed on Cyprus"
_LANDINGS = frozenset({"land", "disembark", "arrive"})


class _PlaceIndex:
    """The document's places by start offset, and the spans of its countries and continents: an event's
    questions about places are answered without reading them all (a scan per event was quadratic in the
    article's length)."""

    def __init__(self, places: list[Place]) -> None:
        self.places, self.count = places, len(places)
        order = sorted(range(len(places)), key=lambda k: places[k].span.start)
        self.starts = [places[k].span.start for k in order]
        self.order = order
        self.countries = {p.span for p in places if p.feature in ("country", "continent")}
        self.widest = max((len(p.span) for p in places), default=0)

    def within(self, span: Span) -> list[Place]:
        """The places inside ``span``, in the document's order of places."""
        lo, hi = bisect_left(self.starts, span.start), bisect_right(self.starts, span.end)
        return [self.places[k] for k in sorted(self.order[lo:hi]) if span.contains(self.places[k].span)]

    def holding(self, offset: int) -> list[Place]:
        """The places whose span holds character ``offset``, in the document's order of places."""
        lo, hi = bisect_left(self.starts, offset - self.widest), bisect_right(self.starts, offset)
        return [self.places[k] for k in sorted(self.order[lo:hi])
                if self.places[k].span.start <= offset < self.places[k].span.end]


_PLACE_INDEX: list[_PlaceIndex] = []  # the last document's


def _place_index(doc: Doc) -> _PlaceIndex:
    index = _PLACE_INDEX[0] if _PLACE_INDEX else None
    if index is None or index.places is not doc.places or index.count != len(doc.places):
        index = _PlaceIndex(doc.places)
        _PLACE_INDEX[:] = [index]
    return index


def _places_within(doc: Doc, span: Span) -> list[Place]:
    return _place_index(doc).within(span)


def _country(doc: Doc, loc: Location) -> bool:
    return loc.evidence in _place_index(doc).countries


_NON_LOCAL_PREPS = frozenset({"for", "about", "over", "with", "by", "despite", "after", "before", "since", "like",
                              "than", "between", "among", "against", "toward", "towards", "around"})
# nouns of statements: "In a statement issued in Kyiv, the ministry accused ..." was made in Kyiv
_STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "briefing", "speech", "interview",
                              "conference", "address", "remarks", "declaration", "letter", "post", "broadcast"})
# verbs of carrying, whose destination is the event's: "dispatched trucks carrying food to Derna"
_CARRY_VERBS = frozenset({"carry", "transport", "bring", "ferry", "bear", "haul", "deliver"})


def _anchors(tok: Any) -> set[int]:
    """Tokens a locative phrase of the event may hang on (the parser often attaches "in Cairo" to the object):
    the trigger's own phrase, without clauses and without phrases that say why, with whom or about what, nor
    the clause of a reported act ("accused X of shelling ...")."""
    out = {tok.i}
    topic = tok.lemma_.lower() in TOPIC_VERBS  # "discussed patrols in the South China Sea": a topic, not a place
    for child in tok.children:
        if child.dep_ == "acl" and (tok.lemma_.lower() in _STATEMENT_NOUNS or child.lemma_.lower() in _CARRY_VERBS):
            out |= _anchors(child)  # "a statement issued in Kyiv", "trucks carrying food to Derna"
            continue
        if child.dep_ == "prep" and child.lower_ in ("with", "against", "between", "among") and not topic:
            # "clashed with fighters near Tillaberi", "opened fire with small arms on positions near Sotk": the
            # parser hangs the place on the opponent or the weapon
            out |= {t.i for c in child.children if c.dep_ == "pobj" for t in _anchor_tokens(c)}
            continue
        if child.dep_ in _SKIP_DEPS or child.dep_ in ("xcomp", "conj", "cc", "pcomp") or (
                child.dep_ == "prep" and child.lower_ in _NON_LOCAL_PREPS) or (topic and child.dep_ in ("dobj", "obj")):
            continue
        out |= _anchors(child)
    return out


def _anchor_tokens(tok: Any) -> list[Any]:
    return [tok.doc[i] for i in _anchors(tok)]


LOCATIVE_PREPS = frozenset({"in", "at", "to", "near", "outside", "inside", "into", "across", "around", "within",
                            "throughout", "on", "over", "off"})
# nouns between a preposition and a toponym: "near the town of Djenne", "on the outskirts of Sirte"
_PLACE_NOUNS = frozenset({"town", "city", "village", "hamlet", "port", "capital", "district", "province", "region",
                          "area", "outskirts", "suburb", "suburbs", "centre", "center", "heart", "edge", "vicinity",
                          "county", "state", "governorate", "municipality", "island", "border", "camp", "settlement",
                          "neighbourhood", "neighborhood", "streets", "countryside"})
# compass words that place an act relative to a toponym: "struck positions east of Mopti"
_DIRECTIONS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "north-east", "north-west", "south-east", "south-west", "outside", "near", "west-northwest"})
# nouns whose "to X" names a posting, not a place of the event: "Russian Ambassador to Germany warned"
# (not "delegation" or "mission": "led a delegation to Damascus" travels there)
_TITLE_NOUNS = frozenset({"ambassador", "envoy", "representative", "emissary", "delegate", "consul", "attache",
                          "attaché", "minister", "commissioner", "coordinator", "adviser"})
# events that are the posting itself: "the reappointment of an ambassador to Damascus" happens there
_POSTINGS = ("appoint", "reappoint", "nominat", "name", "send", "sent", "dispatch", "post", "accredit", "assign")
# transfers whose "to X" is the recipient, a party: "supplied weapons to Russia"
_TRANSFER_VERBS = frozenset({"supply", "sell", "give", "provide", "export", "donate", "transfer", "lend", "grant",
                             "offer", "hand", "pay", "loan"})


def _locative(tok: Any, anchors: set[int], *, visit: bool, lemma: str = "", country: bool = False) -> bool:
    """A place named as where something happens, attached to one of the ``anchors`` (the trigger, its object,
    its verb), not a party to it ("praised Kenya", "called on Ethiopia to ...", "sanctions on Iran") nor a
    posting ("Ambassador to Germany").  ``country``: the place is a country or continent."""
    for _ in range(5):
        if tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ == "of" and (prep.head.lower_ in _PLACE_NOUNS or prep.head.lower_ in _DIRECTIONS):
                tok = prep.head  # "the town of Djenne", "east of Mopti": the noun or the compass word stands in
                if tok.lower_ in _DIRECTIONS and tok.dep_ in ("advmod", "npadvmod", "amod"):
                    return tok.head.i in anchors
                continue
            if prep.lower_ not in LOCATIVE_PREPS or prep.head.i not in anchors:
                return False
            if country and prep.lower_ in ("on", "upon") and lemma not in _ATTACK_VERBS and lemma not in _LANDINGS:
                return False  # a country after "on" is whom the act bears on ("called on Ethiopia to ..."), not where
            if prep.lower_ == "to" and prep.head.lemma_.lower() in _TITLE_NOUNS and not lemma.startswith(_POSTINGS):
                return False  # "Ambassador to Germany warned": a posting, unless the event is the posting
            return not (prep.lower_ == "to" and lemma in _TRANSFER_VERBS)
        if tok.dep_ in ("dobj", "obj"):
            return visit and tok.head.i in anchors
        if tok.dep_ in ("appos", "compound", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


def _names_the_event(t: Any, trigger: Any) -> bool:
    """A toponym (one of the document's places: demonyms never are) modifying an event noun names where it
    happened: "the Orlando shooting", "the Aleppo bombing" (callers leave countries out: "the Iran sanctions"
    are about a party)."""
    while t.dep_ == "compound" and t.head.dep_ == "compound" and t.head.i != t.i:
        t = t.head  # "the New York subway bombing"
    return trigger.pos_ == "NOUN" and t.dep_ in ("compound", "nmod", "amod") and t.head.i == trigger.i


def _spoken(ev: Event) -> bool:
    return ev.cameo != "041" and ev.cameo[:2] in SPOKEN_ROOTS and ev.status not in ("planned", "hypothetical")


# events that put people somewhere together: in-person encounters and signing ceremonies
_OCCASIONS = IN_PERSON | {"057"}
_SPEECH_VERBS = frozenset({"say", "tell", "speak", "brief", "announce", "declare", "add", "state", "address",
                           "testify", "insist", "warn", "claim"})


def _speaker_place(doc: Doc, ev: Event, window: int = 2) -> Location | None:
    """Where the event's source is said to speak in its sentence or the ``window`` sentences around it: a place
    governed by in/at on a speech verb whose subject is a mention of the same actor, or on its statement noun
    ("Liu told a regular press briefing in Beijing")."""
    sdoc = doc.nlp
    if sdoc is None or not ev.source:
        return None
    spans = [doc.mentions[i].span for a in ev.source if (act := doc.actor(a)) is not None for i in act.mentions
             if 0 <= i < len(doc.mentions)]
    if not spans:
        return None
    here = ev.evidence.sentence
    order = sorted(range(max(0, here - window), min(len(doc.sentences), here + window + 1)),
                   key=lambda k: (abs(k - here), k))
    for k in order:
        sent = doc.sentences[k]
        for p in _places_within(doc, sent):
            span = sdoc.char_span(p.span.start, p.span.end, alignment_mode="expand")
            if span is None:
                continue
            t = span.root
            while t.dep_ in ("compound", "appos", "conj") and t.head.i != t.i:
                t = t.head
            if t.dep_ != "pobj" or t.head.lower_ not in ("in", "at", "from"):
                continue
            head = t.head.head
            if head.lemma_.lower() in _STATEMENT_NOUNS and head.head.pos_ == "VERB":
                head = head.head
            if head.pos_ != "VERB" or head.lemma_.lower() not in _SPEECH_VERBS:
                continue
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if any(any(s.start <= c.idx < s.end for s in spans) for c in subj):
                return Location(p.name, p.country, p.lat, p.lon, p.geonames_id, evidence=p.span,
                                basis=f"where the speaker spoke: {doc.text[t.head.idx : p.span.end]!r}")
    return None


# words that put a speaker at an occasion: "opened the session by appealing", "who received the minister"
_OCCASION_WORDS = frozenset({"session", "meeting", "talk", "talks", "visit", "visitor", "summit", "conference",
                             "receive", "welcome", "host", "meet", "guest", "delegation", "counterpart", "ceremony",
                             "round", "negotiation", "banquet", "dinner", "reception"})


def _at_an_occasion(doc: Doc, ev: Event) -> bool:
    """The event's sentence shows its speaker at a gathering (see ``_OCCASION_WORDS``)."""
    span = doc.nlp.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand") if doc.nlp else None
    return span is not None and any(t.lemma_.lower() in _OCCASION_WORDS or t.lower_ in _OCCASION_WORDS for t in span)


def _called_since(events: list[Event], ev: Event, start: int) -> bool:
    """A phone call (CAMEO 041) of one of ``ev``'s sources between character ``start`` and ``ev``'s sentence."""
    return any(o.cameo == "041" and set(ev.source) & set(o.source + o.target)
               and start <= o.evidence.start <= ev.evidence.start for o in events)


def inherit_locations(doc: Doc, events: list[Event], *, window: int = 6) -> None:
    """Give statements without a place of their own the place their speaker is at (in place).

    First the place the same speaker is said to speak at within two sentences (:func:`_speaker_place`); else
    the place of the latest occasion (meeting, visit, talks, hosting, signing; reported, not planned) in the
    ``window`` sentences before, when the event's sentence shows the speaker at a gathering ("opened the session",
    "who received the minister"), the place lies in the speaker's country or the speaker's country took part
    in the occasion, no occasion elsewhere came between
    and the speaker made no phone call since. A place inherited earlier (``episodes``) across a phone call of
    the speaker's is dropped ("Egypt hosted the delegations in Cairo ... Egypt's foreign minister opened the session by
    appealing ..."). Phone calls (CAMEO 041) and planned or hypothetical statements take nothing."""
    for ev in events:
        loc = ev.location
        if loc is not None and loc.evidence is not None and _spoken(ev) and \
                not ev.evidence.start <= loc.evidence.start < ev.evidence.end and \
                _called_since(events, ev, loc.evidence.start):
            ev.location = None  # a place inherited across the speaker's phone call: they spoke from elsewhere
        if ev.location is not None or not _spoken(ev):
            continue
        loc = _speaker_place(doc, ev)
        if loc is None:
            home = {c for a in ev.source if (act := doc.actor(a)) is not None and (c := act.country)}
            here = ev.evidence.sentence
            earlier = [o for o in events if o.cameo in _OCCASIONS and o.location is not None
                       and o.status not in ("planned", "hypothetical")
                       and 0 <= here - o.evidence.sentence <= window and o.evidence.start <= ev.evidence.start]
            if earlier and home and _at_an_occasion(doc, ev):
                last = max(earlier, key=lambda o: (o.evidence.sentence, o.trigger.start))
                called = _called_since(events, ev, last.evidence.start)  # they spoke from somewhere else
                # the occasion is in the speaker's country, or the speaker's country took part in it (a guest
                # delegation "opened the session by urging ...")
                took_part = {c for a in last.source + last.target
                             if (act := doc.actor(a)) is not None and (c := act.country)}
                if last.location is not None and (last.location.country in home or home & took_part) \
                        and not called:
                    src = last.location
                    loc = Location(src.name, src.country, src.lat, src.lon, src.geonames_id, evidence=src.evidence,
                                   basis=f"inherited from the occasion "
                                         f"{doc.text[last.trigger.start : last.trigger.end]!r} in {src.name}")
        if loc is None:
            loc = _guest_at_occasion(doc, ev, events)
        if loc is not None:
            ev.location = loc


_DELEGATE_WORDS = frozenset({"negotiator", "negotiators", "delegate", "delegates", "delegation", "envoy", "mediator",
                             "mediators", "official", "officials", "source", "sources", "diplomat", "diplomats"})


def _sides(doc: Doc, ev: Event) -> set[str]:
    """Countries (ISO3) of an event's parties: its sources' and targets', and the countries its sentence names
    or whose demonyms it uses ("Israeli and Hamas negotiators held talks in Doha")."""
    out = {c for a in ev.source + ev.target if (act := doc.actor(a)) is not None and (c := act.country)}
    k = ev.evidence.sentence
    sent = doc.sentences[k] if 0 <= k < len(doc.sentences) else Span(ev.evidence.start, ev.evidence.end)
    out |= {m.country for m in doc.country_mentions if m.country and sent.contains(m.span)}
    out |= {p.country for p in _places_within(doc, sent) if p.country and p.feature == "country"}
    return out


def _guest_at_occasion(doc: Doc, ev: Event, events: list[Event], window: int = 2) -> Location | None:
    """An unnamed delegate's statement about the other side right after talks both sides took part in ("Israeli
    and Hamas negotiators held talks in Doha. An Israeli official accused Hamas of stalling."): the talks' place,
    when the speaker is anonymous or a negotiator/delegate/envoy, the occasion is in the ``window`` sentences
    before, the speaker's country and the statement's target are both among the occasion's parties, and the
    speaker made no phone call since. A named leader speaking about it gets nothing (they may speak from home)."""
    speakers = [act for a in ev.source if (act := doc.actor(a)) is not None]
    home = {act.country for act in speakers if act.country}
    if not home or not ev.target or not any(
        act.anonymous or any(w in _DELEGATE_WORDS for w in act.name.lower().split()) for act in speakers
    ):
        return None
    here = ev.evidence.sentence
    earlier = [o for o in events if o.cameo in _OCCASIONS and o.location is not None
               and o.status not in ("planned", "hypothetical")
               and 0 < here - o.evidence.sentence <= window and o.evidence.start < ev.evidence.start]
    if not earlier:
        return None
    last = max(earlier, key=lambda o: (o.evidence.sentence, o.trigger.start))
    if last.location is None or _called_since(events, ev, last.evidence.start):
        return None
    parties = _sides(doc, last)
    against = {c for a in ev.target if (act := doc.actor(a)) is not None and (c := act.country)}
    if not (home & parties and against & parties):
        return None
    src = last.location
    return Location(src.name, src.country, src.lat, src.lon, src.geonames_id, evidence=src.evidence,
                    basis=f"inherited from the occasion {doc.text[last.trigger.start : last.trigger.end]!r} in "
                          f"{src.name}: the speaker's side and the side they speak of took part")
