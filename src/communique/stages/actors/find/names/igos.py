"""International organisations by name or short form, a state's own body of an international name ("Iran's Supreme
National Security Council", "the Kenyan Red Cross"), and central banks."""

from __future__ import annotations

import re
from typing import Any

from .....knowledge.actors import ActorKB
from .....knowledge.sectors import igo_code
from .....model import Span
from .....textutil import SpanIndex
from ..base import Found, doc_text, resolve_country
from .words import _country_word_before

#: Names of international bodies that states have too ("Armenia's Security Council", "Iran's Supreme National
#: Security Council"): a state's own body when a country or a state's qualifier stands before the name.
_NATIONAL_IGO_NAMES = frozenset({"security council"})


#: Movements made of national societies: "the Kenyan Red Cross" is Kenya's society (an NGO of that country).
_NATIONAL_SOCIETIES = frozenset({"red cross", "red crescent"})


_STATE_QUALIFIERS = frozenset({"national", "supreme", "federal", "state"})


def _national_body(sdoc: Any, start: int, name: str) -> bool:
    """Is ``name`` (an organisation name starting at token ``start``) a state's body of an international name: a
    country word, a country's possessive or "National"/"Supreme" right before it?"""
    if re.sub(r"^(?:the)\s+", "", name, flags=re.I).casefold() not in _NATIONAL_IGO_NAMES or start == 0:
        return False
    prev = sdoc[start - 1]
    if prev.lower_ in _STATE_QUALIFIERS:
        return True
    if prev.tag_ == "POS" and start >= 2:
        return any(resolve_country(sdoc[lo : start - 1].text) for lo in range(max(0, start - 4), start - 1))
    return _country_word_before(sdoc, start) is not None


def find_igos(sdoc: Any, taken: list[Span], kb: ActorKB | None = None) -> list[Found]:
    """International organisations by name or short form wherever they stand, whatever the NER called them
    ("ECOWAS suspended Mali", "The EU imposed ..."): :func:`~communique.knowledge.sectors.igo_code`'s table,
    longest first (up to eight words). A name the knowledge base ``kb`` codes is left to it (a user's or a
    PETRARCH dictionary's code wins)."""
    out: list[Found] = []
    taken_index = SpanIndex(taken)
    n = len(sdoc)
    # each token read once (a spaCy token is a new object at every ``sdoc[k]``: up to 8 spans per word)
    text = doc_text(sdoc)
    starts = [t.idx for t in sdoc]
    ends = [a + len(t) for a, t in zip(starts, sdoc, strict=True)]
    capital = [t.text[:1].isupper() for t in sdoc]
    can_end = [c or t.is_alpha for c, t in zip(capital, sdoc, strict=True)]
    i = 0
    while i < n:
        hit = None
        if capital[i]:
            for w in range(min(8, n - i), 0, -1):
                if not can_end[i + w - 1]:
                    continue
                span = Span(starts[i], ends[i + w - 1])
                name = text[span.start : span.end]  # the tokens' text (a token's own whitespace is one space)
                if taken_index.overlaps(span) or "\n" in name:
                    continue
                if (found := igo_code(name)) is not None and not _national_body(sdoc, i, name):
                    bare = name[4:] if name[:4].casefold() == "the " else name  # "The African Union"
                    named = [k for k in ((kb.find(bare), kb.find(f"the {bare}")) if kb else ()) if k is not None]
                    hit = None if any(k.code for k in named) else (w, span, found)
                    break
        if hit is None:
            i += 1
            continue
        w, span, (code, sector) = hit
        name = text[span.start : span.end]
        name = name[4:] if name[:4].casefold() == "the " else name
        if name.casefold() in _NATIONAL_SOCIETIES and (home := _country_word_before(sdoc, i)) is not None:
            # "the Egyptian Red Crescent": the country's own society, a national NGO, not the federation
            out.append(Found(span=Span(sdoc[home[1]].idx, span.end), label="ORG", kind="organization",
                             name=sdoc[home[1] : i + w].text, country=home[0], sector="NGO",
                             key=f"org:{home[0]}:{name.casefold()}"))
            i += w
            continue
        out.append(Found(span=span, label="ORG", kind="organization", name=name, code=code, sector=sector,
                         key=f"org:{code}"))
        i += w
    return out


_CENTRAL_BANK = re.compile(r"^(?:the\s+)?(?:(?P<a>[A-Z][\w ]+?)\s+central\s+bank|(?:central\s+)?bank\s+of\s+"
                           r"(?P<b>[A-Z][\w ]+))$", re.I)


_HOME_NATIONS = {"england": "GBR", "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR"}


def central_bank_country(name: str) -> str | None:
    """The country of a central bank ("Bank of England" -> GBR, "Nigerian Central Bank" -> NGA), else ``None``.
    Phoenix.agents codes central banks ``~GOVBUS``; we give them the government sector."""
    m = _CENTRAL_BANK.match(name.strip())
    if m is None:
        return None
    place = (m.group("a") or m.group("b") or "").strip()
    return _HOME_NATIONS.get(place.casefold()) or resolve_country(place)
