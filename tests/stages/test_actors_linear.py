"""The actors stage's indexed coreference gives exactly what the old whole-list scans gave.

The reference below is the stage's previous coreference code (rescanning every mention for each pronoun,
plural anaphor, apposition and surname; every sentence back to the first for "the leaders"), kept here only to
check the indexed version against it: each article is parsed once and both runs start from copies of the parse.
The text of :data:`LONG` is ours, written to exercise every rule (pronouns of both genders, plural anaphors
reaching back past three sentences, appositions, bare surnames, "the official").
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path
from typing import Any

import pytest

from communique import api
from communique.knowledge import groups
from communique.model import Actor, Doc, Mention, Span
from communique.read import make_article, read_file
from communique.stages import actors as actors_stage
from communique.stages.actors import coref
from communique.stages.actors.find import groups as find
from communique.stages.actors.lexicon import PARTICLE_PREFIX, PERSON_NOUNS, PLURAL_ANAPHORS, PRONOUNS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

LONG = " ".join([
    "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.",
    "The two leaders discussed the border. He said the talks were useful.",
    "Queen Margrethe of Denmark visited Oslo. She met Norwegian Foreign Minister Espen Barth Eide.",
    "Eide said his office would publish a statement. The minister added that she had been gracious.",
    "Rain fell. Markets closed early. Nothing else happened.",
    "The leaders later issued a joint statement.",
    "His Iraqi counterpart, Foreign Minister Haider al-Zubaidi, arrived on Tuesday.",
    "Zubaidi told reporters he expected progress. Ruto agreed. Ahmed did not comment.",
    "Garnik Avetisyan, a retired officer, said the army had withdrawn. Avetisyan added that he was worried.",
    "The official said the ministers would meet again. Both sides welcomed the plan.",
])


class AllPrefixes:
    """Every token may begin a group's name (the scan before the prefix filter)."""

    def __contains__(self, item: object) -> bool:
        return True


def old_merge_appositions(sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    by_id = {a.id: a for a in actors}

    def mention_at(tok: Any) -> Mention | None:
        for m in mentions:
            if m.span.start <= tok.idx < m.span.end and m.label != "PRONOUN":
                return m
        return None

    for tok in sdoc:
        if tok.dep_ != "appos":
            continue
        a_m, b_m = mention_at(tok.head), mention_at(tok)
        if a_m is not None and b_m is None and tok.lower_ in PERSON_NOUNS and a_m.actor_id in by_id:
            person = by_id[a_m.actor_id]
            if person.kind == "person" and not person.title:
                mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound")]
                person.title = " ".join(mods + [tok.text])
                person.sector = person.sector or coref.sector_for_title(person.title)
            continue
        if a_m is None or b_m is None or a_m.actor_id == b_m.actor_id:
            continue
        a, b = by_id[a_m.actor_id or ""], by_id[b_m.actor_id or ""]
        if a.kind != "person" or b.kind != "person":
            continue
        named, unnamed = (a, b) if a.name and any(mm.label == "PERSON" for mm in mentions
                                                   if mm.actor_id == a.id) else (b, a)
        if any(mm.label == "PERSON" for mm in mentions if mm.actor_id == unnamed.id):
            continue
        named.country = named.country or unnamed.country
        named.sector = named.sector or unnamed.sector
        for mm in mentions:
            if mm.actor_id == unnamed.id:
                mm.actor_id = named.id
        actors.remove(unnamed)
        del by_id[unnamed.id]
    for a in actors:
        a.mentions = [i for i, m in enumerate(mentions) if m.actor_id == a.id]


def old_surname_mentions(doc: Doc, sdoc: Any, people: list[tuple[list[str], Actor]], mentions: list[Mention],
                         actors: list[Actor]) -> None:
    covered = [m.span for m in mentions]
    capitalised: dict[str, list[Any]] = {}
    for tok in sdoc:
        if tok.text[:1].isupper():
            capitalised.setdefault(PARTICLE_PREFIX.sub("", tok.text).casefold(), []).append(tok)
    for full, actor in people:
        if len(full) < 2:
            continue
        for tok in capitalised.get(full[-1], []):
            span = Span(tok.idx, tok.idx + len(tok))
            if any(span.overlaps(c) for c in covered):
                continue
            mentions.append(Mention(span=span, label="PERSON", actor_id=actor.id))
            covered.append(span)


def old_anaphora(doc: Doc, sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    kinds = {a.id: a.kind for a in actors}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for chunk in coref._noun_chunks(sdoc):
        if not PLURAL_ANAPHORS.match(chunk.text):
            continue
        start = chunk.start_char
        sent_of = doc.sentence_of(start)
        best: list[str] = []
        recent: list[str] = []
        for s in range(sent_of, -1, -1):
            ids: list[str] = []
            for m in ordered:
                if m.actor_id and kinds[m.actor_id] == "person" and doc.sentence_of(m.span.start) == s \
                        and m.span.start < start and m.actor_id not in ids:
                    ids.append(m.actor_id)
            if len(ids) >= 2:
                best = ids
                break
            if s > sent_of - 3:
                recent += [i for i in reversed(ids) if i not in recent]
            if s == sent_of - 2 and len(recent) >= 2:
                best = list(reversed(recent[:2]))
                break
        if not best and len(recent) >= 2:
            best = list(reversed(recent[:2]))
        for aid in best:
            mentions.append(Mention(span=Span(chunk.start_char, chunk.end_char), label="PRONOUN", actor_id=aid))
    taken = [m.span for m in mentions]
    for tok in sdoc:
        if tok.lower_ in PERSON_NOUNS and tok.i > 0 and sdoc[tok.i - 1].lower_ in ("the", "this", "that") \
                and not any(s.start <= tok.idx < s.end for s in taken):
            prior_ids = [m.actor_id for m in ordered if m.span.end <= tok.idx and m.actor_id]
            for aid in reversed(prior_ids):
                a = next(x for x in actors if x.id == aid)
                if a.kind == "person" and tok.lower_ in f"{a.name} {a.title or ''}".lower():
                    mentions.append(Mention(span=Span(sdoc[tok.i - 1].idx, tok.idx + len(tok)), label="PRONOUN",
                                            actor_id=aid))
                    break
    by_id = {a.id: a for a in actors}
    gender = {a.id: g for a in actors if a.kind == "person" and (g := a.gender or coref._gender(a.title))}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    resolved: list[Mention] = []
    for tok in sdoc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        want = PRONOUNS[tok.lower_]
        lo = doc.sentence_of(tok.idx) - 4
        # plain scans for the candidates: every earlier mention in the window, then the pronouns resolved so far
        # (later than any mention); the stage's choice among them (_latest_person: gender, subject, latest)
        earlier = [m for m in ordered if m.span.end <= tok.idx
                   and doc.sentence_of(m.span.start) >= lo]
        window = [m for m in resolved if doc.sentence_of(m.span.start) >= lo]
        candidates = [(m.actor_id, _subject(sdoc, m)) for m in reversed(earlier + window)]
        chosen = coref._latest_person(candidates, want, gender, by_id)
        if chosen is None:
            continue
        gender.setdefault(chosen, want)
        mention = Mention(span=Span(tok.idx, tok.idx + len(tok)), label="PRONOUN", actor_id=chosen)
        mentions.append(mention)
        resolved.append(mention)


def _subject(sdoc: Any, m: Mention) -> bool:
    last = [t for t in sdoc if m.span.start <= t.idx < m.span.end]
    if not last:
        return False
    t = last[-1]
    while t.dep_ in ("compound", "flat", "appos") and t.head is not t:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def _actors(parsed: bytes) -> list[Any]:
    doc: Doc = pickle.loads(parsed)
    for st in api.default_pipeline(workers=1).stages[1:4]:
        doc = st(doc)
    return [[(m.span.start, m.span.end, m.label, m.actor_id) for m in doc.mentions],
            [(a.id, a.name, a.kind, a.country, a.sector, a.code, a.title, a.mentions) for a in doc.actors]]


@pytest.mark.slow  # minutes on 2 busy cores: run apart (./run test -m slow)
def test_indexed_coreference_equals_the_old_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = api.default_pipeline(workers=1).stages[0]
    docs = [Doc(make_article(LONG * 3, published="2024-03-05"))]
    for path in sorted(EXAMPLES.iterdir()):
        docs += [Doc(art) for art in read_file(path) if not isinstance(art, Exception)]
    parsed = [pickle.dumps(nlp(d)) for d in docs]
    fast = [_actors(p) for p in parsed]
    monkeypatch.setattr(actors_stage, "_anaphora", old_anaphora)
    monkeypatch.setattr(actors_stage, "_merge_appositions", old_merge_appositions)
    monkeypatch.setattr(actors_stage, "_surname_mentions", old_surname_mentions)
    monkeypatch.setattr(find, "name_prefixes", AllPrefixes)
    for p, got in zip(parsed, fast, strict=True):
        assert got == _actors(p)
    long_mentions = fast[0][0]
    assert sum(1 for m in long_mentions if m[2] == "PRONOUN") >= 20
    assert re.search("Zubaidi", str(fast[0][1]))
    assert groups.name_prefixes() is not AllPrefixes


def test_ends_before_a_member_are_those_the_scan_accepted() -> None:
    """A group's member is looked up by where the group may end ("Hamas leader X", "al-Shabaab's spokesman Y",
    across spaces and line breaks): every offset whose gap to the name is blank or a possessive, as the scan of
    every group tested it."""
    from communique.stages.actors import _ends_before

    for text in ("Hamas  leader Yahya", "al-Shabaab's spokesman Ali", "the Front ’s \n envoy Said", "X's 's Y",
                 "Kataib  's  chief Z", "s chief", "   Q", "Hamas'sY"):
        start = len(text) - 1  # the last letter, a member's name
        assert sorted(_ends_before(text, start)) == [
            end for end in range(start + 1) if text[end:start].strip() in ("", "'s", "’s")], text
