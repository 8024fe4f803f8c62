"""The communique data model.

This module imports nothing of ours.  Every annotation is a pair of character
offsets into ``Article.text``, the user's own text exactly as read (the decoded
file for plain text, the record's ``text`` for JSONL, the extracted main text for
HTML), in the spirit of spaCy's ``Span``.  ``Article.body`` says where the body lies
in it and ``Article.title_span`` where the headline lies when the text holds one;
the headline is never parsed as part of the body.  Stages read ``Doc.text``, a
parse copy of the same length (see :func:`parse_copy`), so every offset they
produce indexes ``Article.text`` unchanged.
Strings shown to users (an actor's name, a quote's text) are either derived
from those offsets at render time or are canonical labels (a country code).

Shape, top down::

    Doc                       one article moving through the pipeline
      article: Article        id (hash of normalised content), text, title, ...
      sentences: [Span]
      mentions: [Mention]     named / titled / pronoun mentions of actors
      actors: [Actor]         one per real-world actor in the document
      timexes: [Timex]        time expressions, resolved to dates
      places: [Place]         toponyms, geocoded
      events: [Event]         coded events with date, place, provenance
      quotes: [Quote]         direct quotes with their speakers
      attributions: [Attribution]
      dateline: Dateline | None  where and when a wire report was filed
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

ActorKind = Literal["person", "organization", "country", "group", "outlet"]
Status = Literal["reported", "unconfirmed", "confirmed", "denied", "planned", "hypothetical"]
STATUSES: tuple[str, ...] = ("reported", "unconfirmed", "confirmed", "denied", "planned", "hypothetical")
Precision = Literal[
    "day",
    "month",
    "year",
    "on_or_before",
    "unknown",
    "week",
    "weekend",
    "season",
    "quarter",
    "half",
    "decade",
    "century",
    "present",
    "on_or_after",
]
_SEASON_CODES = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}  # TimeML season codes by the season's first month


def timeml_value(value: dt.date | None, precision: str) -> str:
    """The TimeML (ISO-TimeML / TIMEX3) ``value`` string of a calendar value at a precision.

    ``day`` -> ``2013-03-19``; ``week`` -> ``2013-W12`` (ISO week of ``value``); ``weekend`` -> ``2013-W12-WE``;
    ``month`` -> ``2013-03``; ``quarter`` -> ``2013-Q1``; ``half`` -> ``2013-H2`` (value is 1 January or 1 July);
    ``season`` -> ``2013-SU`` (value is the season's first
    day: March, June, September, December 1st; winter belongs to the year it starts in); ``year`` -> ``2013``;
    ``decade`` -> ``199``;
    ``century`` -> ``19`` (value is 1 January of the century's first year, e.g. 1900 for the 20th);
    ``present`` -> ``PRESENT_REF``; ``on_or_before`` -> ``PAST_REF``; ``on_or_after`` -> ``FUTURE_REF`` (value: the
    publication date, "in the near future"); no value -> ``XXXX-XX-XX``.
    """
    if precision == "present":
        return "PRESENT_REF"
    if value is None or precision == "unknown":
        return "XXXX-XX-XX"
    if precision == "on_or_before":
        return "PAST_REF"
    if precision == "on_or_after":
        return "FUTURE_REF"
    if precision == "week" or precision == "weekend":
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}" + ("-WE" if precision == "weekend" else "")
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if precision == "quarter":
        return f"{value.year:04d}-Q{(value.month - 1) // 3 + 1}"
    if precision == "half":
        return f"{value.year:04d}-H{1 if value.month <= 6 else 2}"
    if precision == "season":
        return f"{value.year:04d}-{_SEASON_CODES.get(value.month, 'XX')}"
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "decade":
        return f"{value.year // 10:03d}"
    if precision == "century":
        return f"{value.year // 100:02d}"
    return value.isoformat()


AttributionKind = Literal["outlet", "source", "official", "speaker", "document"]


@dataclass(slots=True, frozen=True)
class Span:
    """Half-open character range ``[start, end)`` in ``Article.text``."""

    start: int
    end: int

    def text(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(slots=True)
class Article:
    """One news report.  ``id`` is a hash of the normalised title and body.

    ``text`` is the input exactly as read (characters, not bytes; a UTF-8 BOM is not part of it).
    ``body`` is the span of the body in ``text`` (``None``: all of it, surrounding whitespace aside);
    ``title_span`` the span of the headline in ``text`` when the text holds it (a plain-text file's
    first line, an HTML page's repeated headline), else ``None`` (a JSONL ``title`` field).
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    source_path: str | None = None
    body: Span | None = None
    title_span: Span | None = None

    def body_span(self) -> Span:
        """Where the body lies in ``text`` (leading and trailing whitespace left out)."""
        if self.body is not None:
            return self.body
        start = len(self.text) - len(self.text.lstrip())
        return Span(start, max(start, len(self.text.rstrip())))


# characters the parse copy turns into a space (same length): tabs, no-break and other Unicode spaces,
# zero-width characters, carriage returns before a newline
_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                                  "\u2008\u2009\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"), " ")
_BREAKS = dict.fromkeys(map(ord, "\v\f\u0085\u2028\u2029"), "\n")


def parse_copy(article: Article) -> str:
    """The text the stages parse: ``article.text`` with every character outside the body blanked, odd
    spaces made plain spaces, CRLF made `` \\n`` and lone CRs, form feeds and Unicode line and paragraph
    separators made ``\\n``.  It has exactly the length of ``article.text``, so an offset into one is the
    same offset into the other."""
    text = article.text
    body = article.body_span()
    out = text.translate(_SPACES).translate(_BREAKS)
    if "\r" in out:
        out = out.replace("\r\n", " \n").replace("\r", "\n")
    if body.start > 0 or body.end < len(text):
        out = " " * body.start + out[body.start : body.end] + " " * (len(text) - body.end)
    return out


@dataclass(slots=True)
class Mention:
    """A stretch of text that refers to an actor."""

    span: Span
    label: str  # PERSON, ORG, GPE, NORP, TITLE, PRONOUN, GROUP
    actor_id: str | None = None
    head: Span | None = None  # the name part of a titled mention


@dataclass(slots=True)
class Role:
    """A role learned from the text: 'Russian President Vladimir Putin'."""

    title: str
    country: str | None
    sector: str | None
    as_of: dt.date | None
    evidence: Span


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    code: str | None = None  # CAMEO-style code: country + sector, e.g. RUSMIL
    country: str | None = None  # ISO 3166 alpha-3
    sector: str | None = None  # GOV, MIL, ...
    title: str | None = None
    anonymous: bool = False
    mentions: list[int] = field(default_factory=list)  # indexes into Doc.mentions
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None  # people: "f"/"m" when a title, the pronouns or the given name say it


@dataclass(slots=True)
class Timex:
    """A time expression and the calendar date it resolves to."""

    span: Span
    value: dt.date | None
    precision: Precision
    basis: str
    anchor: int | None = None  # index of the Timex it was resolved against

    @property
    def timeml(self) -> str:
        """The TimeML ``value`` string of this timex (see :func:`timeml_value`)."""
        return timeml_value(self.value, self.precision)


@dataclass(slots=True)
class EventDate:
    value: dt.date | None
    precision: Precision
    basis: str
    evidence: Span | None = None


@dataclass(slots=True)
class Place:
    """A geocoded toponym."""

    span: Span
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # city, country, region, ...


@dataclass(slots=True)
class Location:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    evidence: Span | None = None
    basis: str = ""  # how it was chosen: "the clause's preposition phrase 'in Almaty'", "the destination", ...


@dataclass(slots=True)
class CountryMention:
    """A mention of a place that is not a place of the story: a demonym naming a country ("Turkish policeman"
    -> TUR) or a continent or region ("European"), kind ``demonym``; or a toponym inside an organisation's
    name ("the Kidney Foundation of Canada", "Beverly Hills Police Department"), kind ``organisation``,
    which may name a city or a state (``lat``/``lon`` its point, degrees WGS84)."""

    span: Span
    country: str | None  # ISO alpha-3; None for a continent or region ("European" -> Europe)
    name: str  # the country's (continent's, region's, city's) name
    geonames_id: int | None = None
    kind: str = "demonym"  # demonym | organisation
    lat: float | None = None
    lon: float | None = None


@dataclass(slots=True)
class Attribution:
    """Who the report says a claim comes from."""

    source: str  # display text: "Al Arabiya", "unnamed sources"
    anonymous: bool
    kind: AttributionKind
    span: Span | None = None
    actor_id: str | None = None
    cites: int | None = None  # index of the Attribution this one relays
    cue: Span | None = None  # the speech or reporting word(s): "said", "according to", "told reporters"
    content: Span | None = None  # what is attributed: the quoted words or the reported clause
    direct: bool = False  # the content is a direct quote


@dataclass(slots=True)
class Evidence:
    sentence: int
    start: int
    end: int


@dataclass(slots=True)
class Event:
    id: str
    cameo: str
    plover: str | None
    label: str
    goldstein: float | None
    quad_class: int | None
    source: list[str]
    target: list[str]
    evidence: Evidence
    trigger: Span
    date: EventDate | None = None
    location: Location | None = None
    status: Status = "reported"
    attribution: list[Attribution] = field(default_factory=list)
    plover_mode: str | None = None
    plover_context: str | None = None
    negated: bool = False
    intent: str | None = None  # planned / hypothetical: CAMEO code of the announcement ("will visit" -> 036)
    references: list[Span] = field(default_factory=list)  # later phrases referring to it ("the visit")
    episode: int | None = None  # events of one occasion (a visit and the meetings during it)
    # how it was found: "rule" (a trigger table row, ``rule``) or "model" (the learned coder ``model``, with the
    # probability of its type, 0-1, in ``confidence``)
    found_by: str = "rule"
    rule: str | None = None  # the trigger row, "lemma<TAB>POS<TAB>CAMEO[<TAB>condition]"
    model: str | None = None  # "communique.event_model/1"
    confidence: float | None = None


@dataclass(slots=True)
class Quote:
    span: Span  # the quoted words, without the quote marks (first to last word of a quotation in fragments)
    speaker: str | None  # actor id
    speaker_span: Span | None
    anonymous: bool
    via: str | None = None  # "sources close to the Israeli government"
    parts: list[Span] = field(default_factory=list)  # the fragments of a quotation split by its speaker tag
    cue: Span | None = None  # the speech verb or tag: "said", "added"
    # the outer source the quote reaches the reporter through, when another actor than the speaker: "Ruiz said
    # Berg had called the plan “a disaster”" -> speaker Berg, reported_by Ruiz (actor id and its mention)
    reported_by: str | None = None
    reported_by_span: Span | None = None


@dataclass(slots=True)
class Dateline:
    """Where (and when) a wire report was filed: ``BERLIN, June 13 (Reuters) -``.

    ``span`` covers the whole dateline, ``place`` the filing place's name; ``location`` is that place
    geocoded (never an event's place), ``date`` the dateline's written date resolved to a calendar date,
    ``outlet`` the agency in brackets.  Offsets are characters into ``Article.text``.
    """

    span: Span
    place: Span
    location: Location | None = None
    date: Span | None = None
    value: dt.date | None = None
    outlet: Span | None = None


@dataclass(slots=True)
class Doc:
    """An article and everything the pipeline has found in it."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    country_mentions: list[CountryMention] = field(default_factory=list)  # demonyms, by the place stage
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    dateline: Dateline | None = None  # the wire dateline opening the text, when there is one
    done: list[str] = field(default_factory=list)  # names of the stages run
    nlp: Any = None  # the spaCy Doc of ``text`` (the parse copy); never serialised
    _text: str | None = None

    @property
    def text(self) -> str:
        """The parse copy of ``article.text`` (same length, same offsets; :func:`parse_copy`)."""
        if self._text is None:
            self._text = parse_copy(self.article)
        return self._text

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def new_actor_id(self, extra: list[Actor] | tuple[Actor, ...] = ()) -> str:
        """A fresh actor id ``a<n>``: one past the highest number in use among ``actors`` and ``extra``.

        Counting the actors is not enough: a stage that merges two actors leaves a gap ("a1, a3"), and
        ``a<len + 1>`` would then repeat an id in use.
        """
        top = 0
        for a in (*self.actors, *extra):
            if a.id[:1] == "a" and a.id[1:].isdigit():
                top = max(top, int(a.id[1:]))
        return f"a{top + 1}"

    def actor(self, actor_id: str) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None
