"""Coreference by rules: appositions, bare surnames, plural anaphors and pronouns.

All functions work on mentions (character offsets into the article text) and actors
already found; they add mentions or merge actors and never look at countries named nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ...knowledge.sectors import sector_for_title
from ...model import Actor, Doc, Mention, Span
from ...textutil import SpanIndex
from .lexicon import PARTICLE_PREFIX, PERSON_NOUNS, PLURAL_ANAPHORS, PRONOUNS


def _name_tokens(name: str) -> list[str]:
    """Name tokens compared for coreference: "al-Zubaidi" and "Zubaidi" match."""
    return [PARTICLE_PREFIX.sub("", t).casefold() for t in re.split(r"\s+", name) if t]


def _merge_appositions(sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    """"his Iraqi counterpart, Foreign Minister Haider al-Zubaidi": one person, country from either side."""
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
            person = by_id[a_m.actor_id]  # "Garnik Avetisyan, a retired officer": a role learned from the text
            if person.kind == "person" and not person.title:
                mods = [c.text for c in tok.children if c.dep_ in ("amod", "compound")]
                person.title = " ".join(mods + [tok.text])
                person.sector = person.sector or sector_for_title(person.title)
            continue
        if a_m is None or b_m is None or a_m.actor_id == b_m.actor_id:
            continue
        a, b = by_id[a_m.actor_id or ""], by_id[b_m.actor_id or ""]
        if a.kind != "person" or b.kind != "person":
            continue
        named, unnamed = (a, b) if a.name and any(mm.label == "PERSON" for mm in mentions
                                                   if mm.actor_id == a.id) else (b, a)
        if any(mm.label == "PERSON" for mm in mentions if mm.actor_id == unnamed.id):
            continue  # two names: not ours to merge
        named.country = named.country or unnamed.country
        named.sector = named.sector or unnamed.sector
        for mm in mentions:
            if mm.actor_id == unnamed.id:
                mm.actor_id = named.id
        actors.remove(unnamed)
        del by_id[unnamed.id]
    for a in actors:
        a.mentions = [i for i, m in enumerate(mentions) if m.actor_id == a.id]


def _surname_mentions(doc: Doc, sdoc: Any, people: list[tuple[list[str], Actor]], mentions: list[Mention],
                      actors: list[Actor]) -> None:
    """Bare surnames the NER missed entirely."""
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


def _anaphora(doc: Doc, sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    """'the leaders' -> the people of the latest sentence naming several; 'he' -> the latest person."""
    kinds = {a.id: a.kind for a in actors}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for chunk in _noun_chunks(sdoc):
        if not PLURAL_ANAPHORS.match(chunk.text):
            continue
        start = chunk.start_char
        sent_of = doc.sentence_of(start)
        # the people of a sentence naming several, in this sentence or the two before; else the latest two
        # named across those three; else the people of the latest earlier sentence naming several
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
    taken = SpanIndex(m.span for m in mentions)
    for tok in sdoc:
        # "the official said": the latest person whose name or title has that noun
        if tok.lower_ in PERSON_NOUNS and tok.i > 0 and sdoc[tok.i - 1].lower_ in ("the", "this", "that") \
                and not taken.covers(tok.idx):
            prior_ids = [m.actor_id for m in ordered if m.span.end <= tok.idx and m.actor_id]
            for aid in reversed(prior_ids):
                a = next(x for x in actors if x.id == aid)
                if a.kind == "person" and tok.lower_ in f"{a.name} {a.title or ''}".lower():
                    mentions.append(Mention(span=Span(sdoc[tok.i - 1].idx, tok.idx + len(tok)), label="PRONOUN",
                                            actor_id=aid))
                    break
    by_id = {a.id: a for a in actors}
    gender = {a.id: g for a in actors if a.kind == "person" and (g := _gender(a.title))}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    for tok in sdoc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        want = PRONOUNS[tok.lower_]
        # people only (never an organisation, group or country), within the last four sentences; a person known
        # to be of the other gender is passed over, and one known to be of the pronoun's gender is preferred
        prior = [m.actor_id for m in ordered if m.span.end <= tok.idx and m.actor_id
                 and by_id[m.actor_id].kind == "person" and gender.get(m.actor_id, want) == want
                 and doc.sentence_of(m.span.start) >= doc.sentence_of(tok.idx) - 4]
        if not prior:
            continue
        sure = [aid for aid in prior if gender.get(aid) == want]
        chosen = sure[-1] if sure else prior[-1]
        gender.setdefault(chosen, want)
        mention = Mention(span=Span(tok.idx, tok.idx + len(tok)), label="PRONOUN", actor_id=chosen)
        mentions.append(mention)
        ordered.append(mention)


#: Title words that say a person's gender (for pronoun agreement); no first-name lists.
_FEMALE = frozenset({"queen", "princess", "mrs", "ms", "miss", "madam", "lady", "spokeswoman", "chairwoman",
                     "congresswoman", "businesswoman", "policewoman", "sister", "duchess", "empress", "baroness",
                     "dame", "first lady", "mother", "wife", "widow", "actress"})
_MALE = frozenset({"king", "prince", "mr", "sir", "lord", "spokesman", "chairman", "congressman", "businessman",
                   "policeman", "sheikh", "emir", "sultan", "pope", "ayatollah", "father", "brother", "duke",
                   "emperor", "baron", "husband", "cardinal", "rabbi", "imam", "archbishop"})


def _gender(title: str | None) -> str | None:
    """"f"/"m" when a title word says it ("Queen", "spokeswoman", "Mr"), else ``None``."""
    words = {w.strip(".").lower() for w in (title or "").split()}
    if words & _FEMALE:
        return "f"
    if words & _MALE:
        return "m"
    return None


def _noun_chunks(sdoc: Any) -> Iterable[Any]:
    try:
        return list(sdoc.noun_chunks)
    except ValueError:  # no parser in this pipeline
        return []

