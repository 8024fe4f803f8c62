"""Named non-state groups from :mod:`communique.knowledge.groups` ("the Houthis", "al-Shabaab fighters")."""

from __future__ import annotations

from typing import Any

from ....knowledge.groups import group_for, longest_name, name_prefixes
from ....model import Span
from ....textutil import SpanIndex
from .base import Found

_GROUP_TAIL = frozenset({"rebels", "fighters", "militants", "militia", "militiamen", "insurgents", "forces",
                         "mercenaries", "group", "movement", "guerrillas", "gunmen", "jihadists", "members"})


def find_groups(sdoc: Any, taken: list[Span]) -> list[Found]:
    """Named non-state groups from :mod:`communique.knowledge.groups` ("the Houthis", "Houthi rebels",
    "al-Shabaab fighters", "RSF"), longest name first; a following collective noun joins the mention."""
    taken_index = SpanIndex(taken)
    out: list[Found] = []
    n = len(sdoc)
    width = longest_name()
    prefixes = name_prefixes()
    i = 0
    while i < n:
        hit = None
        first = sdoc[i].text
        if (first[:1].isupper() or first.lower() in ("al", "al-")) and (
                (low := first.replace("\u2019", "'").casefold()) == "the" or low in prefixes):
            for w in range(min(width, n - i), 0, -1):
                span = Span(sdoc[i].idx, sdoc[i + w - 1].idx + len(sdoc[i + w - 1]))
                if taken_index.overlaps(span) or sdoc[i + w - 1].text in ("-", "'"):
                    continue
                group = group_for(sdoc[i : i + w].text)
                if group is not None:
                    hit = (w, group)
                    break
        if hit is None:
            i += 1
            continue
        w, group = hit
        end = i + w
        if end < n and sdoc[end].lower_ in _GROUP_TAIL:
            end += 1
        start = i - 1 if i > 0 and sdoc[i - 1].lower_ == "the" else i
        out.append(Found(span=Span(sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])), label="ORG",
                         kind="group", name=group.name, country=group.country, sector=group.sector, code=group.code,
                         key=f"group:{group.code}:{group.name}", head=Span(sdoc[i].idx, sdoc[i + w - 1].idx
                                                                            + len(sdoc[i + w - 1]))))
        i = end
    return out
