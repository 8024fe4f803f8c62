"""Coreference by rules: appositions, bare surnames, plural anaphors and pronouns.

All functions work on mentions (character offsets into the article text) and actors
already found; they add mentions or merge actors and never look at countries named nearby.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Any

from ...knowledge.sectors import sector_for_title
from ...model import Actor, Doc, Mention, Span
from ...textutil import SpanIndex
from .find.collectives import _head_of_state
from .gender import title_gender
from .lexicon import HEAD_TITLES, PARTICLE_PREFIX, PERSON_NOUNS, PLURAL_ANAPHORS, PRONOUNS


def _name_tokens(name: str) -> list[str]:
    """Name tokens compared for coreference: "al-Zubaidi" and "Zubaidi" match."""
    return [PARTICLE_PREFIX.sub("", t).casefold() for t in re.split(r"\s+", name) if t]


def _merge_appositions(sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    """"his Iraqi counterpart, Foreign Minister Haider al-Zubaidi": one person, country from either side.

    ``mentions`` must be sorted by start; every look-up is indexed (token -> first mention over it, actor ->
    its mentions), so the pass is linear in the document's length."""
    by_id = {a.id: a for a in actors}
    at_token = _first_mention_per_token(sdoc, [m for m in mentions if m.label != "PRONOUN"])
    members: dict[str | None, list[Mention]] = {}
    for m in mentions:
        members.setdefault(m.actor_id, []).append(m)
    removed: set[str] = set()

    for tok in sdoc:
        if tok.dep_ != "appos":
            continue
        a_m, b_m = at_token.get(tok.head.i), at_token.get(tok.i)
        if a_m is not None and b_m is None and a_m.actor_id in by_id and _igo_office(tok, at_token, by_id,
                                                                                      by_id[a_m.actor_id]):
            continue
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
        named, unnamed = (a, b) if a.name and any(mm.label == "PERSON" for mm in members.get(a.id, [])) else (b, a)
        if any(mm.label == "PERSON" for mm in members.get(unnamed.id, [])):
            continue  # two names: not ours to merge
        named.country = named.country or unnamed.country
        named.sector = named.sector or unnamed.sector
        named.gender = named.gender or unnamed.gender
        moved = members.pop(unnamed.id, [])
        for mm in moved:
            mm.actor_id = named.id
        members.setdefault(named.id, []).extend(moved)
        removed.add(unnamed.id)
        del by_id[unnamed.id]
    if removed:
        actors[:] = [a for a in actors if a.id not in removed]
    index_mentions(mentions, actors)


def _igo_office(tok: Any, at_token: dict[int, Mention], by_id: dict[str, Actor], person: Actor) -> bool:
    """"Kofi Annan, UN secretary-general": an apposition whose title word (``tok``) has an international
    organisation's mention before it gives the person with no country or code of their own the organisation's
    code (IGOUNO), sector IGO and the title. True when it did."""
    if person.kind != "person" or person.country or person.code or not (
            tok.lower_ in HEAD_TITLES or tok.lower_ in PERSON_NOUNS):
        return False
    for child in tok.children:
        org_m = at_token.get(child.i) if child.dep_ in ("compound", "poss", "nmod") else None
        org = by_id.get(org_m.actor_id or "") if org_m is not None else None
        if org is not None and org.kind == "organization" and (org.code or "").startswith("IGO"):
            person.code, person.sector = org.code, "IGO"
            words = [t for t in tok.subtree if t.dep_ not in ("det", "punct") or t.text in ("-", "‐")]
            person.title = person.title or tok.doc[words[0].i : words[-1].i + 1].text
            return True
    return False


def index_mentions(mentions: list[Mention], actors: list[Actor]) -> None:
    """Set every actor's ``mentions`` to the indexes of its mentions in ``mentions`` (one pass)."""
    own: dict[str, list[int]] = {a.id: [] for a in actors}
    for i, m in enumerate(mentions):
        if m.actor_id in own:
            own[m.actor_id].append(i)
    for a in actors:
        a.mentions = own[a.id]


def _first_mention_per_token(sdoc: Any, mentions: list[Mention]) -> dict[int, Mention]:
    """Token index -> the first mention (in list order) whose span holds the token's first character."""
    starts = [t.idx for t in sdoc]
    out: dict[int, Mention] = {}
    for m in mentions:
        for i in range(bisect_left(starts, m.span.start), bisect_left(starts, m.span.end)):
            out.setdefault(i, m)
    return out


def _surname_mentions(doc: Doc, sdoc: Any, people: list[tuple[list[str], Actor]], mentions: list[Mention],
                      actors: list[Actor]) -> None:
    """Bare surnames the NER missed entirely."""
    covered = SpanIndex(m.span for m in mentions)
    added: set[int] = set()  # tokens given to a person here (one token each: they never overlap otherwise)
    capitalised: dict[str, list[Any]] = {}
    for tok in sdoc:
        if tok.text[:1].isupper():
            capitalised.setdefault(PARTICLE_PREFIX.sub("", tok.text).casefold(), []).append(tok)
    for full, actor in people:
        if len(full) < 2:
            continue
        for tok in capitalised.get(full[-1], []):
            span = Span(tok.idx, tok.idx + len(tok))
            if tok.i in added or covered.overlaps(span):
                continue
            mentions.append(Mention(span=span, label="PERSON", actor_id=actor.id))
            added.add(tok.i)


def _anaphora(doc: Doc, sdoc: Any, mentions: list[Mention], actors: list[Actor]) -> None:
    """'the leaders' -> the people of the latest sentence naming several; 'he' -> the latest person.

    Mentions are indexed by sentence and position once, so each anaphor looks only at the few sentences it may
    reach: linear in the document's length."""
    kinds = {a.id: a.kind for a in actors}
    by_id = {a.id: a for a in actors}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    sent_of = [doc.sentence_of(m.span.start) for m in ordered]
    # per sentence: its people in order of first mention, with that mention's start
    people_in: dict[int, list[tuple[str, int]]] = {}
    for m, s in zip(ordered, sent_of, strict=True):
        if m.actor_id and kinds[m.actor_id] == "person":
            row = people_in.setdefault(s, [])
            if all(aid != m.actor_id for aid, _ in row):
                row.append((m.actor_id, m.span.start))
    several = sorted(s for s, row in people_in.items() if len(row) >= 2)

    def people_before(s: int, start: int) -> list[str]:
        return [aid for aid, first in people_in.get(s, []) if first < start]

    for chunk in _noun_chunks(sdoc):
        if not PLURAL_ANAPHORS.match(chunk.text):
            continue
        start = chunk.start_char
        here = doc.sentence_of(start)
        # the people of a sentence naming several, in this sentence or the two before; else the latest two
        # named across those three; else the people of the latest earlier sentence naming several
        best: list[str] = []
        recent: list[str] = []
        for s in range(here, max(-1, here - 3), -1):
            ids = people_before(s, start)
            if len(ids) >= 2:
                best = ids
                break
            recent += [i for i in reversed(ids) if i not in recent]
            if s == here - 2 and len(recent) >= 2:
                best = list(reversed(recent[:2]))
                break
        else:
            k = bisect_left(several, here - 2) - 1  # the latest sentence before those three naming several
            if k >= 0:
                best = [aid for aid, _ in people_in[several[k]]]
        if not best and len(recent) >= 2:
            best = list(reversed(recent[:2]))
        for aid in best:
            mentions.append(Mention(span=Span(chunk.start_char, chunk.end_char), label="PRONOUN", actor_id=aid))
    taken = SpanIndex(m.span for m in mentions)
    # "the official said": the latest person whose name or title has that noun, unless another person with it was
    # named in the same stretch (the sentence of that person's latest mention or the two before it): "Ghana's
    # president met Nigeria's president. The president said ..." is either of them, so neither
    starts = [m.span.start for m in ordered]
    # per noun, the positions in ``ordered`` of the mentions of people whose name or title has it: the mentions
    # that can decide, read from the latest back, not every mention back to the article's start per noun
    # (quadratic in its length); sentences grow with positions, so the stretch ends at the first one before it
    holding: dict[tuple[str, ...], list[int]] = {}
    for tok in sdoc:
        office = _head_of_state(sdoc, tok.i)  # "the head of state": a president, monarch ... named before
        if (tok.lower_ in PERSON_NOUNS or office) and tok.i > 0 and sdoc[tok.i - 1].lower_ in ("the", "this", "that") \
                and not taken.covers(tok.idx):
            noun = sdoc[tok.i + 2].lower_ if office else tok.lower_
            fitting = _OFFICES.get(noun, (noun,)) if office else (noun,)
            last = sdoc[tok.i + office - 1] if office else tok
            if fitting not in holding:
                holds: dict[str, bool] = {}
                for m in ordered:
                    if m.actor_id and m.actor_id not in holds:
                        a = by_id[m.actor_id]
                        said = f"{a.name} {a.title or ''}".lower()
                        holds[m.actor_id] = a.kind == "person" and any(w in said for w in fitting)
                holding[fitting] = [j for j, m in enumerate(ordered) if m.actor_id and holds[m.actor_id]]
            rows = holding[fitting]
            chosen: str | None = None
            reach = -1  # the first sentence of the stretch, once a person is chosen
            for k in range(bisect_left(rows, bisect_left(starts, tok.idx)) - 1, -1, -1):
                j = rows[k]
                m = ordered[j]
                if m.span.end > tok.idx:
                    continue
                if chosen is not None and sent_of[j] < reach:
                    break
                if chosen is None:
                    chosen, reach = m.actor_id, sent_of[j] - 2
                elif m.actor_id != chosen:
                    chosen = None  # two people it may stand for
                    break
            if chosen is not None:
                mentions.append(Mention(span=Span(sdoc[tok.i - 1].idx, last.idx + len(last)), label="PRONOUN",
                                        actor_id=chosen))
    # known genders: the actor's own (title, honorific, given name: set by the caller), else its title's
    gender = {a.id: g for a in actors if a.kind == "person" and (g := a.gender or _gender(a.title))}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    starts = [m.span.start for m in ordered]
    sent_of = [doc.sentence_of(s) for s in starts]
    resolved: list[tuple[Mention, int]] = []  # pronoun mentions made here, in order, with their sentence
    tok_starts = [t.idx for t in sdoc]

    def is_subject(m: Mention) -> bool:
        """Is the mention the subject of its clause ("Rikabi will visit ...", "he said")?"""
        i = bisect_left(tok_starts, m.span.end) - 1
        if i < 0:
            return False
        t = sdoc[i]
        while t.dep_ in ("compound", "flat", "appos") and t.head is not t:
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass")
    for tok in sdoc:
        if tok.lower_ not in PRONOUNS or tok.pos_ != "PRON":
            continue
        want = PRONOUNS[tok.lower_]
        lo = doc.sentence_of(tok.idx) - 4
        # people only (never an organisation, group or country), within the last four sentences; a person known
        # to be of the other gender is passed over, and one known to be of the pronoun's gender is preferred.
        # Candidates in order: the earlier mentions by position, then the pronouns resolved here
        def backwards(idx: int = tok.idx, lo: int = lo) -> Iterator[tuple[str | None, bool]]:
            for m, s in reversed(resolved):
                if s < lo:
                    break
                yield m.actor_id, is_subject(m)
            for j in range(bisect_left(starts, idx) - 1, -1, -1):
                if sent_of[j] < lo:
                    break
                if ordered[j].span.end <= idx:
                    yield ordered[j].actor_id, is_subject(ordered[j])

        latest = _latest_person(backwards(), want, gender, by_id)
        if latest is None:
            continue
        chosen = latest
        gender.setdefault(chosen, want)
        mention = Mention(span=Span(tok.idx, tok.idx + len(tok)), label="PRONOUN", actor_id=chosen)
        mentions.append(mention)
        resolved.append((mention, doc.sentence_of(tok.idx)))
    for aid, g in gender.items():  # the pronoun chain teaches a person's gender
        by_id[aid].gender = by_id[aid].gender or g


#: The titles "the head of state" and "the head of government" may stand for (a person's title holding one).
_OFFICES = {"state": ("president", "king", "queen", "emir", "monarch", "sultan", "head of state"),
            "government": ("prime minister", "premier", "chancellor", "head of government")}


def _latest_person(candidates: Iterable[tuple[str | None, bool]], want: str, gender: dict[str, str],
                   by_id: dict[str, Actor]) -> str | None:
    """The person a pronoun of gender ``want`` stands for, from (actor id, named as a subject) latest first.

    People only, none known to be of the other gender; of those, in this order: the latest known to be of
    the pronoun's gender and named as a subject, the latest known to be of its gender, the latest named as a
    subject ("Rikabi will visit Ankara for talks with the Turkish president, his office said": Rikabi), the
    latest. For "he" (``want`` "m"), two candidates of whom one is a subject whose gender is not known: the
    subject ("Ugandan President Yoweri Museveni hosted William Ruto. He praised his guest": Museveni; a known
    man who is only an object does not outrank the clause's subject). ``None`` when there is no one."""
    latest = subject = sure = None
    for aid, as_subject in candidates:
        if not aid or by_id[aid].kind != "person" or gender.get(aid, want) != want:
            continue
        latest = latest or aid
        if as_subject:
            subject = subject or aid
        if gender.get(aid) == want:
            if as_subject:
                return aid
            sure = sure or aid
    if want == "m" and subject is not None:
        return subject
    return sure or subject or latest


#: Title words that say a person's gender, for pronoun agreement (:func:`.gender.title_gender`).
_gender = title_gender


def _noun_chunks(sdoc: Any) -> Iterable[Any]:
    try:
        return list(sdoc.noun_chunks)
    except ValueError:  # no parser in this pipeline
        return []

