"""Disambiguation: which entry of a name the document means."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .index import _F, _TOP_LEVEL, _Index
from .names import _fold, normalise

ALTERNATE_PENALTY = 20
DWARF_RATIO = 200
STATE_RATIO = 4
BIG_CITY = 100_000  # a city this large elsewhere is not given up for a same-named division of the story's country
COUNTY_ALONE = 400_000  # a county this populous, with no country of the story to choose, can beat towns of its name
COUNTY_RATIO = 5  # ... when it holds this many times the people of each of them
HAMLET_RATIO = 50  # a city inside a same-named state needs at least 1/50 of its people to be meant by the name


def rank(ix: _Index, ids: Iterable[int], context: Sequence[str], key: str) -> list[int]:
    """Entries ``ids`` of the name ``key`` best first, given the ISO3 codes of the document's countries: a country
    over cities of its name, a state of the document's country over a same-named country, cities of the
    document's countries (unless dwarfed by a capital or a city of a million elsewhere), capitals, population
    (an alternate-name match counts :data:`ALTERNATE_PENALTY` times smaller); see the comments inline."""
    ids = list(ids)
    if not ids:
        return []
    ctx = set(context)

    def iso(i: int) -> str:
        return ix.countries[ix.country[i]]

    plain = _fold(key).replace("-", " ")

    def primary(i: int) -> bool:
        name = normalise(ix.names[i])
        return name == key or _fold(name).replace("-", " ") == plain

    def size(i: int) -> float:
        # a match on an alternate name (often a former or a neighbouring place's
        # name) counts as a town a twentieth the size
        return ix.pop[i] if primary(i) else ix.pop[i] / ALTERNATE_PENALTY

    city_ids = [i for i in ids if ix.feature[i] == _F["city"]]
    # the document's countries decide, unless a capital or a city of a million
    # elsewhere dwarfs the local namesake (Cairo, not Cairo, Georgia)
    dwarf = max(
        (size(i) for i in city_ids if iso(i) not in ctx and (ix.capital[i] or ix.pop[i] >= 1_000_000)), default=0.0
    )

    def city_key(i: int) -> tuple[bool, bool, float]:
        local = iso(i) in ctx and size(i) * DWARF_RATIO >= dwarf
        return (local, bool(ix.capital[i]), size(i))

    top = [i for i in ids if ix.feature[i] in _TOP_LEVEL]
    counties = sorted((i for i in ids if ix.feature[i] == _F["county"]), key=lambda i: -ix.pop[i])
    states = sorted((i for i in ids if ix.feature[i] == _F["state"]), key=lambda i: -ix.pop[i])
    cities = sorted(city_ids, key=city_key, reverse=True)
    order: list[int] = []
    countries = [i for i in top if ix.feature[i] == _F["country"]]
    state_in_ctx = [i for i in states if iso(i) in ctx]
    if countries and state_in_ctx and not any(iso(i) in ctx for i in countries):
        order += state_in_ctx  # Georgia in a US story
    elif state_in_ctx and not countries and not (cities and iso(cities[0]) in ctx):
        order += state_in_ctx  # Victoria in an Australian story, not the Seychelles' capital
    # a country the document names otherwise before a larger one sharing the name ("Congo" in a story naming the
    # Republic of the Congo is that one; alone it is the Democratic Republic's)
    def top_key(i: int) -> tuple[bool, bool, int]:
        country = ix.feature[i] == _F["country"]
        return (not country, country and iso(i) not in ctx, -ix.pop[i])

    order += sorted(top, key=top_key)
    # the best city beats a state of the same name when it is a national capital or has a million people
    # (Washington, New York), when it is in the document's countries and no such state is (Victoria in a
    # Canadian story), when it has at least a quarter of the state's people (Portland, Oregon, not the
    # Jamaican parish), or when it lies in that state (Homs, not Homs Governorate: the word "province"
    # or "state" names the division)
    best = cities[0] if cities else None
    if best is not None and (
        ix.capital[best]
        or ix.pop[best] >= 1_000_000
        or (iso(best) in ctx and not state_in_ctx)
        or (not state_in_ctx and size(best) * STATE_RATIO >= max(ix.pop[s] for s in states or [best]))
        or (
            primary(best)  # the city's own name, not an alternate one
            and any(
                iso(s) == iso(best)
                and ix.admin1[s] == ix.admin1[best]
                and ix.pop[best] * HAMLET_RATIO >= ix.pop[s]  # not a hamlet of the province's name (Syunik)
                for s in states
            )
        )
    ):
        order += cities + states
    else:
        order += states + cities
    # a second-level division in the document's countries beats cities elsewhere ("Kent" in a British story),
    # not a city of :data:`BIG_CITY` people or more, larger than the division ("Gaza" in a story with Israelis
    # is the city, not an Israeli district of that name)
    county_in_ctx = [i for i in counties if iso(i) in ctx]
    biggest_county = max((ix.pop[i] for i in county_in_ctx), default=0)
    big_elsewhere = any(ix.pop[i] >= BIG_CITY and ix.pop[i] > biggest_county for i in cities)
    if county_in_ctx and not (cities and iso(cities[0]) in ctx) and not big_elsewhere:
        order = [i for i in order if ix.feature[i] != _F["city"] or iso(i) in ctx] + county_in_ctx
    # with none of the name's countries in the document, a populous county beats the towns of its name it dwarfs
    # ("Police in Kent said": the English county, not Kent, Washington); not a capital's or a metropolis' name
    if (
        counties
        and not any(iso(i) in ctx for i in ids)
        and ix.pop[counties[0]] >= COUNTY_ALONE
        and all(not ix.capital[i] and ix.pop[i] < 1_000_000 and ix.pop[i] * COUNTY_RATIO <= ix.pop[counties[0]]
                for i in cities)
    ):
        first_city = next((n for n, i in enumerate(order) if ix.feature[i] == _F["city"]), len(order))
        order.insert(first_city, counties[0])
    order += counties + cities
    seen: set[int] = set()
    return [i for i in order if not (i in seen or seen.add(i))]  # type: ignore[func-returns-value]
