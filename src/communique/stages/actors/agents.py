"""Agents from a PETRARCH-style agents dictionary, found beside a country: "Arnor cleric" (ARNREL), "Gondor's
golden geese" (GONGGS), "the envoys of Arnor, Osgiliath and Gondor" (three actors, ...GOV), "MSF Arnor"
(NGOARN, the code before the country).

Only used when the knowledge base holds agents (a user's ``--knowledge`` agents file); spans are character
offsets into the article text the parse was made from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...knowledge.agents import Agent
from ...knowledge.sectors import SECTORS
from ...model import Span
from ...textutil import SpanIndex
from .find import Found, country_at

__all__ = ["find_agents"]

#: Lower-case words that may stand between a country and its agent ("Minas Tirith border police").
_BETWEEN = 2


def _country_ending_at(sdoc: Any, k: int) -> tuple[str, int] | None:
    """A country word (1-3 tokens) whose last token is ``k``: (ISO3 or the knowledge's code, first token)."""
    for width in (3, 2, 1):
        start = k - width + 1
        if start >= 0 and (cw := country_at(sdoc, start)) is not None and cw[1] == k + 1:
            return cw[0], start
    return None


def _country_before(sdoc: Any, i: int) -> tuple[str, int] | None:
    """The country right before the agent starting at token ``i``, over a possessive and up to two lower-case
    modifiers: (code, first token of the phrase)."""
    k = i - 1
    skipped = 0
    while k >= 0 and skipped < _BETWEEN and sdoc[k].is_lower and sdoc[k].is_alpha \
            and sdoc[k].pos_ in ("ADJ", "NOUN") and sdoc[k].lower_ != "the":
        k -= 1
        skipped += 1
    if k >= 1 and sdoc[k].tag_ == "POS":
        k -= 1
    return _country_ending_at(sdoc, k) if k >= 0 else None


def _countries_after_of(sdoc: Any, j: int) -> tuple[list[tuple[str, int, int]], int]:
    """"of Arnor, Osgiliath and Gondor" from token ``j``: [(code, first token, end token)], index after the
    list."""
    n = len(sdoc)
    if j >= n or sdoc[j].lower_ != "of":
        return [], j
    k = j + 1
    out: list[tuple[str, int, int]] = []
    end = j
    while k < n:
        if sdoc[k].lower_ == "the":
            k += 1
            continue
        cw = country_at(sdoc, k)
        if cw is None:
            break
        out.append((cw[0], k, cw[1]))
        end = k = cw[1]
        if k < n and sdoc[k].text in (",", "and") and k + 1 < n:
            k += 1
            if sdoc[k].lower_ == "and":
                k += 1
            continue
        break
    return out, end


#: Words before an agent or its country that make the office a past one: PETRARCH codes "former X" ELI.
_FORMER = frozenset({"former", "ex"})

#: Dependencies of a bare agent acting in its clause (subject, object, recipient).
_ACTING = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})


def _former(sdoc: Any, lo: int, hi: int) -> bool:
    """Is "former" (or "ex") among tokens [lo, hi) or right before ``lo`` ("former Gondor prosecutors", "Arnor
    former security officials")?"""
    return any(t.lower_ in _FORMER for t in sdoc[max(0, lo - 1) : hi])


def _acting(tok: Any) -> bool:
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    return t.dep_ in _ACTING


def find_agents(sdoc: Any, taken: Sequence[Span], agents: Sequence[Agent], *, bare: bool = False,
                beside: Sequence[Found] = ()) -> list[Found]:
    """Agent phrases with a country beside them (before, possessive, "of" list, or after for a code that goes
    first), longest phrase first; phrases overlapping ``taken`` are left alone. A past office ("former Gondor
    prosecutors") is coded country + ``ELI``, as PETRARCH converts it.

    With ``bare``, also agents with no country beside them that act as subject, object or recipient ("a senior
    official said", "Clerics and lawmakers believe"): coded with the agent code alone (``GOV``, our notation for
    PETRARCH's ``---GOV``); run this pass after every other finder, so that a country said elsewhere in the phrase
    ("police in Hyderabad, Pakistan") wins.  An agent coordinated with one of ``beside`` (agents found with their
    country) shares that country: "Danish media and government" is DNKMED and DNKGOV."""
    if not agents:
        return []
    by_first: dict[str, list[Agent]] = {}
    for a in agents:
        by_first.setdefault(a.words[0], []).append(a)
    for group in by_first.values():
        group.sort(key=lambda a: -len(a.words))
    taken_index = SpanIndex(taken)
    out: list[Found] = []
    n = len(sdoc)
    i = 0
    while i < n:
        hit = None
        for a in by_first.get(sdoc[i].lower_, []):
            w = len(a.words)
            if i + w <= n and tuple(t.lower_ for t in sdoc[i : i + w]) == a.words:
                hit = a
                break
        if hit is None:
            i += 1
            continue
        j = i + len(hit.words)
        agent_text = " ".join(t.text for t in sdoc[i:j])
        places: list[tuple[str, int, int, str]] = []  # (code, span start token, span end token, name)
        if (before := _country_before(sdoc, i)) is not None:
            places.append((before[0], before[1], j, " ".join(t.text for t in sdoc[before[1]:j] if t.tag_ != "POS")))
        else:
            listed, end = _countries_after_of(sdoc, j)
            places += [(code, i, end, f"{sdoc[lo:hi].text} {agent_text}") for code, lo, hi in listed]
            if not listed and hit.before and j < n and (cw := country_at(sdoc, j)) is not None:
                places.append((cw[0], i, cw[1], sdoc[i:cw[1]].text))  # "MSF Arnor"
        if bare and not places and beside:  # "Danish media and government": the government is Danish too
            for c in sdoc[j - 1].conjuncts:
                f = next((f for f in beside if f.country and f.span.start <= c.idx < f.span.end), None)
                if f is not None and f.country is not None:
                    places.append((f.country, i, j, agent_text))
                    break
        if bare and not places and _acting(sdoc[j - 1]) and hit.code[:3] in SECTORS:
            span = Span(sdoc[i].idx, sdoc[j - 1].idx + len(sdoc[j - 1]))
            if not taken_index.overlaps(span):
                former = _former(sdoc, i, j)
                code = "ELI" if former else hit.code
                plural = sdoc[j - 1].lower_ != hit.words[-1] or sdoc[j - 1].tag_ in ("NNS", "NNPS")
                out.append(Found(span=span, label="GROUP", kind="group" if plural else "person", name=agent_text,
                                 sector=code[:3], code=code, key=f"agent::{code}", head=span))
                i = j
                continue
        found_any = False
        for code, lo, hi, name in places:
            span = Span(sdoc[lo].idx, sdoc[hi - 1].idx + len(sdoc[hi - 1]))
            if taken_index.overlaps(span):
                continue
            full = hit.with_country(code)
            sector = hit.code[:3] if hit.code[:3] in SECTORS else None
            if _former(sdoc, lo, j) and not hit.before:
                full, sector = code + "ELI", "ELI"  # "former Gondor prosecutors": GONELI
            plural = sdoc[j - 1].lower_ != hit.words[-1] or sdoc[j - 1].tag_ in ("NNS", "NNPS")
            out.append(Found(span=span, label="GROUP", kind="group" if plural else "person",
                             name=name, country=code, sector=sector,
                             code=full, key=f"agent:{full}", head=Span(sdoc[i].idx, sdoc[j - 1].idx
                                                                       + len(sdoc[j - 1]))))
            found_any = True
        i = j if found_any else i + 1
    return out
