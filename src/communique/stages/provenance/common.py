"""Shared vocabulary and helpers of the provenance stage: speech verbs, sources, descriptive speakers.

A *descriptive source* is a noun phrase that names no actor the actors stage found: "the senator", "party
treasurer Maria Lopez" (when the name was not resolved), "the Paris-based newspaper", "Georgian officials".
:class:`Speakers` resolves such a phrase to an actor already in the document when the description fits one
("the Turkish minister" -> Turkish Foreign Minister Hakan Fidan, by title word and country) and otherwise
creates a new actor (kind ``outlet`` for newspapers and channels, ``group`` for plurals, else ``person``),
with a mention over the phrase.  Nothing in the document is changed: new actors and mentions are collected
and attached by the stage.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Iterator
from typing import Any

from ...knowledge.countries import resolve_country
from ...model import Actor, Doc, Mention, Span
from ..events import ActorIndex, noun_phrase

SPEECH_VERBS = frozenset({
    "say", "tell", "add", "read", "note", "emphasize", "emphasise", "stress", "describe", "warn", "insist", "declare",
    "state", "reaffirm", "write", "argue", "explain", "announce", "claim", "vow", "pledge", "urge", "remark",
    "comment", "reiterate", "conclude", "ask", "caution", "acknowledge", "admit", "call", "accuse", "tweet",
    "post", "quote", "respond", "reply", "recall", "predict", "suggest", "observe", "point", "assert", "promise",
    "threaten", "condemn", "criticize", "criticise", "praise", "demand", "deny", "confirm", "affirm", "underline",
    "underscore", "highlight", "continue", "hail", "signal", "allege", "contend", "maintain", "concede",
    "testify", "reveal", "disclose", "indicate", "estimate", "complain", "boast", "joke", "retort", "report",
    "believe", "think", "fear", "feel", "suspect", "hope", "worry", "doubt", "recommend",
    "propose", "mention", "speculate", "insinuate", "lament", "sing", "chant", "shout", "yell", "scream",
    "whisper", "exclaim", "quip", "muse", "brag", "plead", "pray", "vent", "rail", "scoff", "sneer", "snap",
    "find", "show", "agree", "determine", "establish",
    "know", "learn", "expect", "understand", "realize", "realise", "recognize", "recognise", "assume", "reckon",
})
#: cognition verbs: "X believes that ..." is an attribution (of a belief), never a quote's speech verb
BELIEF_VERBS = frozenset({"believe", "think", "fear", "feel", "suspect", "hope", "worry", "doubt", "know", "learn",
                          "expect", "understand", "realize", "realise", "recognize", "recognise", "assume",
                          "reckon"})
#: cognition verbs that give an attribution only with a clause ("X expects that ..."), never with "to ..."
#: ("X expects to win" is an intention: the event's mood, not a source)
CLAUSE_ONLY_VERBS = frozenset({"know", "learn", "expect", "understand", "realize", "realise", "recognize",
                               "recognise", "assume", "reckon", "hope"})
#: verbs of findings: "a poll shows that ...", "the report found that ...", "all agreed that ..." — attributions
#: of a claim to a study or a group, never a quote's speech verb
FINDING_VERBS = frozenset({"find", "show", "agree", "conclude", "determine", "establish", "reveal", "suggest"})
#: heads of sources that are documents, not actors: "a Bloomberg poll", "the letter", "a GAO report"
DOCUMENT_NOUNS = frozenset({"poll", "polls", "survey", "surveys", "study", "studies", "report", "reports",
                            "analysis", "letter", "memo", "document", "documents", "statement", "complaint",
                            "lawsuit", "filing", "ruling", "data", "figures", "records", "record", "article",
                            "piece", "editorial", "ad", "advertisement", "release", "review", "audit",
                            "assessment", "investigation", "research", "footage", "video", "email", "emails",
                            "statistics", "numbers", "estimates", "estimate", "census", "database", "tally",
                            "count", "results", "findings", "minutes", "transcript", "papers"})
REPORT_VERBS = frozenset({"report", "publish", "break", "broadcast", "say", "claim", "cite", "quote", "air"})
CITE_WORDS = frozenset({"citing", "quoting", "reference", "references", "according"})
ANON_MODIFIERS = frozenset({"unnamed", "anonymous", "unidentified", "undisclosed", "informed", "knowledgeable",
                            "diplomatic", "security", "military", "senior", "several", "two", "three", "some",
                            "many", "other", "top", "western", "local", "government", "intelligence"})
#: heads of source phrases that name nobody: "officials said", "a source familiar with", "people close to"
SOURCE_NOUNS = frozenset({"source", "sources", "official", "officials", "insider", "insiders", "diplomat",
                          "diplomats", "aide", "aides", "people", "person", "someone", "adviser", "advisers",
                          "advisor", "advisors", "staffer", "staffers", "confidant", "confidants", "ally",
                          "allies", "individual", "individuals", "operative", "operatives"})
OUTLET_NOUNS = frozenset({"newspaper", "paper", "daily", "weekly", "agency", "broadcaster", "channel", "network",
                          "magazine", "tabloid", "outlet", "website", "station", "radio", "television",
                          "journal", "publication", "wire", "site"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: heads of unnamed groups when modified: "those close to him", "some in the party", "others familiar with"
_GROUP_PRONOUNS = frozenset({"those", "some", "many", "others", "several", "few"})
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
                   "herself": "f"}
_GENDER_OF = {"m": "m", "male": "m", "masculine": "m", "man": "m", "f": "f", "female": "f", "feminine": "f",
              "woman": "f"}
_NOT_SOURCES = frozenset({"it", "this", "that", "which", "what", "who", "there", "these", "those", "i", "we",
                          "you", "they", "he", "she"})


def tok_at(sdoc: Any, offset: int) -> Any | None:
    span = sdoc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def span_of(toks: Iterable[Any]) -> Span:
    ts = sorted(toks, key=lambda t: t.i)
    return Span(ts[0].idx, ts[-1].idx + len(ts[-1]))


def source_tokens(head: Any) -> list[Any]:
    """The source phrase headed by ``head``: its noun phrase with the clause or prepositional phrase that
    describes it ("a source familiar with the talks", "officials who spoke on condition of anonymity") kept
    only for unnamed sources, and leading punctuation dropped."""
    toks = noun_phrase(head)
    if head.lower_ in SOURCE_NOUNS or head.lower_ in _GROUP_PRONOUNS:
        toks = [t for t in head.subtree if t.dep_ != "punct" or head.i < t.i < max(x.i for x in head.subtree)]
    toks = [t for t in toks if not t.is_punct or t.lower_ in ("-", "’s", "'s")]
    return toks or [head]


def is_anonymous_source(tok: Any) -> bool:
    """Does a source phrase headed by ``tok`` name nobody ("officials", "a source", "two diplomats")?"""
    if tok.lower_ in _GROUP_PRONOUNS and any(
            c.dep_ in ("prep", "acl", "amod", "relcl") for c in tok.children):
        return True  # "those close to him say", "some in the party argue", "others familiar with the talks"
    if tok.lower_ not in SOURCE_NOUNS:
        return False
    if any(c.ent_type_ == "PERSON" for c in tok.subtree):
        return False
    if tok.lower_ in ("source", "sources", "people", "person", "someone", "individual", "individuals"):
        return True
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_.endswith("s"):
        return True  # "officials said", "Georgian officials said": nobody named
    mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "nummod", "det", "compound")}
    return bool(mods & ANON_MODIFIERS) or "a" in mods or "an" in mods


class Speakers:
    """Resolves source phrases to actors, creating actors for descriptive sources (see module docstring)."""

    def __init__(self, doc: Doc, args: ActorIndex) -> None:
        self.doc = doc
        self.args = args
        self.actors: dict[str, Actor] = {a.id: a for a in doc.actors}
        self.new_actors: list[Actor] = []
        self.new_mentions: list[Mention] = []
        self.links: list[tuple[str, int]] = []  # (actor id of the document, index of its new mention)
        self._all: list[Mention] = list(doc.mentions)  # the document's mentions, then the new ones
        self._genders: dict[str, str | None] = {}
        # the mentions with an actor, indexed (kept up to date as mentions are added): (start, index into
        # ``_all``) sorted, and per actor its mention indexes in ``_all`` order.  Every "the latest mention before
        # ..." and "a mention of X in ..." question is then a bisection or a walk over one actor's mentions, not
        # a scan of the whole document's mentions per quote (quadratic in the article's length)
        self._starts: list[tuple[int, int]] = sorted(
            (m.span.start, i) for i, m in enumerate(self._all) if m.actor_id)
        self._of_actor: dict[str, list[int]] = {}
        for i, m in enumerate(self._all):
            if m.actor_id:
                self._of_actor.setdefault(m.actor_id, []).append(i)
        self._actor_starts: dict[str, list[int]] = {  # per actor the starts of its mentions, sorted
            aid: sorted(self._all[i].span.start for i in idx) for aid, idx in self._of_actor.items()}
        self._titled: dict[str, list[str]] | None = None

    def all_mentions(self) -> list[Mention]:
        """The document's mentions followed by the new ones (index = the mention's index once attached)."""
        return self._all

    def actor(self, actor_id: str) -> Actor:
        return self.actors[actor_id]

    def resolve(self, toks: list[Any], *, outlets: bool = True) -> str | None:
        """The actor a source phrase names: one found by the actors stage, one that fits the description, or
        a new one; None for pronouns with nobody to refer to and for non-sources ("it", "this")."""
        toks = [t for t in toks if not t.is_punct and t.tag_ not in ("WP", "WDT")]  # "Ana Ruiz, who": the name
        if not toks:
            return None
        ids = self.args.in_tokens(toks, outlets=outlets) or self._new_in(toks)
        head = next((t for t in toks if t.head.i == t.i or t.head not in toks), toks[0])
        at_head = [a for a in self.args.at(head, outlets=outlets) if a in ids]
        if at_head:  # "Ana Ruiz, an adviser to the Clinton campaign": Ruiz, not the campaign
            ids = at_head + [a for a in ids if a not in at_head]
        if ids:
            aid = ids[0]
            if head.lower_ in PERSON_PRONOUNS and (not self._named_person(aid) or
                                                   self._gender(aid) not in (None, _PRONOUN_GENDER[head.lower_])):
                return self.person_before(head.idx, pronoun=head.lower_) or aid
            if any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in toks) and \
                    not self._named_person(aid) and (named := self._titled_before(head, toks)) is not None:
                return named  # "the Turkish minister" after "Turkish Foreign Minister Hakan Fidan"
            return aid
        if head.lower_ in PERSON_PRONOUNS:
            return self.person_before(head.idx, pronoun=head.lower_)
        if head.lower_ in ("it", "they") and len(toks) == 1 and head.dep_ in ("nsubj", "nsubjpass"):
            return self.body_before(head.idx)  # "what it calls “...”": the organisation named last
        if head.lower_ in _NOT_SOURCES or head.pos_ not in ("NOUN", "PROPN") or is_anonymous_source(head):
            return None  # an unnamed source ("officials", "a source") is marked anonymous, never made an actor
        return self._describe(head, toks)

    def _named_person(self, actor_id: str) -> bool:
        """Is the actor a person the text names (a PERSON mention), not a title alone or an institution?"""
        a = self.actors[actor_id]
        mentions = self.all_mentions()
        return a.kind == "person" and any(
            i < len(mentions) and mentions[i].label == "PERSON" for i in a.mentions)

    def _titled_before(self, head: Any, toks: list[Any]) -> str | None:
        """'the Turkish minister': the latest named person whose title holds the head word, country fitting; ``None``
        when another fitting person was named in the same stretch (the sentence of the latest one's mention or the
        two before): "Ghana's president met Nigeria's president. The president said" may be either."""
        if head.tag_ != "NN":
            return None
        iso = next((c for t in toks if t is not head and (c := resolve_country(t.text))), None)
        if self._titled is None:  # named people by the words of their titles (the actors stage's, fixed here)
            self._titled = {}
            for a in self.actors.values():
                if a.title and self._named_person(a.id):
                    for w in dict.fromkeys(a.title.lower().split()):
                        self._titled.setdefault(w, []).append(a.id)
        fitting: list[tuple[int, str]] = []  # (latest mention before the head, id) of each fitting person
        for aid in self._titled.get(head.lower_, []):
            a = self.actors[aid]
            starts = self._actor_starts.get(aid, [])
            k = bisect_left(starts, head.idx)
            if k and (iso is None or a.country in (None, iso)):
                fitting.append((starts[k - 1], aid))
        if not fitting:
            return None
        fitting.sort(reverse=True)  # the latest first (ties: greatest id)
        if len(fitting) > 1 and self.doc.sentence_of(fitting[1][0]) >= self.doc.sentence_of(fitting[0][0]) - 2:
            return None
        return fitting[0][1]

    def _new_in(self, toks: list[Any]) -> list[str]:
        idx = {t.idx for t in toks}
        return [m.actor_id for m in self.new_mentions if m.actor_id and m.span.start in idx]

    def _gender(self, actor_id: str) -> str | None:
        """'m' or 'f': the actor's own ``gender`` when the actors stage gives one ("m"/"f"/"male"/"female"),
        else what the text tells (its pronoun mentions from the actors stage, "Mr."/"Mrs."/"Ms." before a
        mention); None when it does not or disagrees with itself."""
        if actor_id in self._genders:
            return self._genders[actor_id]
        actor = self.actors.get(actor_id)
        given = str(getattr(actor, "gender", None) or "").lower()  # the actors stage's field, where it has one
        if given in _GENDER_OF:
            self._genders[actor_id] = _GENDER_OF[given]
            return _GENDER_OF[given]
        text = self.doc.text
        votes = {"m": 0, "f": 0}
        for i in self._of_actor.get(actor_id, []):
            m = self._all[i]
            word = m.span.text(text).lower()
            if m.label == "PRONOUN" and word in _PRONOUN_GENDER:
                votes[_PRONOUN_GENDER[word]] += 1
            before = text[max(0, m.span.start - 5) : m.span.start].lower()
            title = m.span.text(text)[:4].lower()
            if before.endswith("mr. ") or title.startswith("mr."):
                votes["m"] += 1
            elif before.endswith(("mrs. ", "ms. ")) or title.startswith(("mrs.", "ms.")):
                votes["f"] += 1
        g = None if votes["m"] == votes["f"] or (votes["m"] and votes["f"]) else ("m" if votes["m"] else "f")
        self._genders[actor_id] = g
        return g

    def person_before(self, offset: int, *, pronoun: str | None = None) -> str | None:
        """The person mentioned last before ``offset`` (within the twelve sentences before): "Ruto addressed the
        UN General Assembly. ... he said" is Ruto, never the assembly.  With ``pronoun`` ("she"), a person the
        text gives the other gender (:meth:`_gender`) is passed over."""
        if not self.doc.sentences:
            return None
        want = _PRONOUN_GENDER.get(pronoun or "")
        first = self.doc.sentences[max(0, self.doc.sentence_of(offset) - 12)].start
        for m in self._latest_first(first, offset):
            a = self.actors.get(m.actor_id) if m.actor_id else None
            if a is not None and m.label != "PRONOUN" and self._named_person(a.id) and not a.anonymous and (
                    want is None or self._gender(a.id) in (None, want)):
                return a.id
        return None

    def body_before(self, offset: int) -> str | None:
        """The organisation, outlet, group or country mentioned last before ``offset`` in the sentence or the
        one before it."""
        if not self.doc.sentences:
            return None
        first = self.doc.sentences[max(0, self.doc.sentence_of(offset) - 1)].start
        for m in self._latest_first(first, offset):
            a = self.actors.get(m.actor_id) if m.actor_id else None
            if a is not None and m.label != "PRONOUN" and a.kind in ("organization", "outlet", "group"):
                return a.id
        return None

    def _latest_first(self, first: int, offset: int) -> Iterator[Mention]:
        """The mentions with an actor starting in ``[first, offset)``, the latest first; of mentions starting at
        the same character, the one earlier in the document's list first."""
        k = bisect_left(self._starts, (offset, -1))
        while k > 0 and self._starts[k - 1][0] >= first:
            start = self._starts[k - 1][0]
            j = k
            while j > 0 and self._starts[j - 1][0] == start:
                j -= 1
            for _, i in self._starts[j:k]:
                yield self._all[i]
            k = j

    def _describe(self, head: Any, toks: list[Any]) -> str | None:
        text = self.doc.text
        words = [t for t in toks if t.dep_ != "det" and t.lower_ not in ("’s", "'s")]
        if not words:
            return None
        low = head.lower_
        iso = next((c for t in words if t is not head and (c := resolve_country(t.text))), None)
        if any(t.dep_ == "det" and t.lower_ in ("the", "this", "that") for t in toks) and \
                (named := self._titled_before(head, toks)) is not None:
            self._mention(named, span_of(toks), "TITLE")
            return named
        anonymous = is_anonymous_source(head)
        kind = "outlet" if low in OUTLET_NOUNS else (
            "group" if head.tag_ in ("NNS", "NNPS") or low in ("police", "military", "army") else "person")
        if head.pos_ == "PROPN" and kind == "person" and head.ent_type_ in ("ORG", "NORP"):
            kind = "organization"
        span = span_of(words)
        n = len(self.actors) + 1
        while f"a{n}" in self.actors:
            n += 1
        a = Actor(id=f"a{n}", name=span.text(text), kind=kind,  # type: ignore[arg-type]
                  country=iso, anonymous=anonymous)
        self.actors[a.id] = a
        self.new_actors.append(a)
        self._mention(a.id, span, "ORG" if kind == "outlet" else ("GROUP" if kind == "group" else "TITLE"))
        return a.id

    def named(self, span: Span, name: str) -> str:
        """A new person actor called ``name`` (a transcript's or headline's speaker label), with a mention over
        ``span``; the same actor again for a later label of the same name."""
        for a in self.new_actors:
            if a.name == name and a.kind == "person":
                self._mention(a.id, span, "TITLE")
                return a.id
        n = len(self.actors) + 1
        while f"a{n}" in self.actors:
            n += 1
        a = Actor(id=f"a{n}", name=name, kind="person")
        self.actors[a.id] = a
        self.new_actors.append(a)
        self._mention(a.id, span, "TITLE")
        return a.id

    def _mention(self, actor_id: str, span: Span, label: str) -> None:
        index = len(self._all)
        mention = Mention(span=span, label=label, actor_id=actor_id)
        self.new_mentions.append(mention)
        self._all.append(mention)
        insort(self._starts, (span.start, index))
        self._of_actor.setdefault(actor_id, []).append(index)
        insort(self._actor_starts.setdefault(actor_id, []), span.start)
        if any(a.id == actor_id for a in self.new_actors):
            self.actors[actor_id].mentions.append(index)
        else:  # an actor of the document: linked when the stage attaches its results
            self.links.append((actor_id, index))
        self.args.by_char.append((span, actor_id))
        self.args.kinds[actor_id] = self.actors[actor_id].kind

    def mention_span(self, actor_id: str, lo: int, hi: int, *, outside: Span | None = None) -> Span | None:
        """A mention of the actor in ``[lo, hi)``, not overlapping ``outside``: the name part of a titled one."""
        for i in self._of_actor.get(actor_id, []):
            m = self._all[i]
            if outside is not None and outside.overlaps(m.span):
                continue
            if lo <= m.span.start < hi:
                return m.head if m.label == "PERSON" and m.head else m.span
        return None
