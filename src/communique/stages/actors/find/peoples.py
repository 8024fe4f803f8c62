"""Peoples: words that make a demonym an ethnic people rather than a state's citizens ("ethnic Albanians")."""

from __future__ import annotations

from typing import Any

#: Words before a demonym that make it a people, not a state's citizens: "ethnic Albanians" in Serbia are no
#: Albania's (the PLOVER GSR codes them with the country they live in).
ETHNIC_WORDS = frozenset({"ethnic"})


def _ethnic(sdoc: Any, i: int) -> bool:
    """Is the demonym at token ``i`` an ethnic group's ("ethnic Albanians", "ethnic Turks")?"""
    return i > 0 and sdoc[i - 1].lower_ in ETHNIC_WORDS
