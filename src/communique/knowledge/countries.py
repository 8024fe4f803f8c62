"""Countries: names, aliases, demonyms and capitals, keyed by ISO 3166 alpha-3.

Built once per process from the ``countryinfo`` package, plus a small table of
our own for the forms news reports use ("U.S.", "Britain", "Emirati", "Gaza").
Lookups are dict look-ups after the first build.

Matching is case-insensitive, except for short all-capital aliases ("US", "UK",
"UAE", "DPRK"), which must match exactly so that the pronoun "us" is not the
United States.  When two countries claim one alias, our table wins, then a
country's own name, then the country with the larger population ("Congolese"
is the DR Congo).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["Country", "capital_of", "countries", "country_name", "is_capital", "misspelt_country", "regional_demonym",
           "resolve_country"]


@dataclass(frozen=True, slots=True)
class Country:
    """A country and the ways reports name it."""

    iso3: str
    iso2: str
    name: str
    demonyms: tuple[str, ...]
    capital: str | None
    aliases: tuple[str, ...]


# iso3 -> (aliases, demonyms) that countryinfo lacks or that news reports favour.
_EXTRA: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "USA": (("United States", "US", "U.S.", "USA", "U.S.A.", "America", "United States of America"), ("American",)),
    "GBR": (("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"), ("British", "Briton", "Brit")),
    "RUS": (("Russia", "Russian Federation"), ("Russian",)),
    "SYR": (("Syria", "Syrian Arab Republic"), ("Syrian",)),
    "IRN": (("Iran", "Islamic Republic of Iran"), ("Iranian",)),
    "ISR": (("Israel",), ("Israeli",)),
    "TUR": (("Turkey", "Türkiye", "Turkiye"), ("Turkish", "Turk")),
    "KOR": (("South Korea", "ROK", "Republic of Korea"), ("South Korean",)),
    "PRK": (("North Korea", "DPRK"), ("North Korean",)),
    "PSE": (
        ("Palestine", "State of Palestine", "Gaza", "Gaza Strip", "West Bank", "Palestinian territories"),
        ("Palestinian", "Gazan"),
    ),
    "ARE": (("United Arab Emirates", "UAE", "U.A.E.", "Emirates"), ("Emirati",)),
    "SAU": (("Saudi Arabia", "KSA"), ("Saudi", "Saudi Arabian")),
    "CHN": (("China", "PRC", "People's Republic of China"), ("Chinese",)),
    "COD": (("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire"),
            ("Congolese", "Zairean", "Zairian")),
    # former names still read in older reports (Phoenix.Countries.actors lists them under the state)
    "KHM": (("Cambodia", "Kampuchea"), ("Cambodian", "Kampuchean")),
    "LKA": (("Sri Lanka", "Ceylon"), ("Sri Lankan", "Ceylonese")),
    "BEN": (("Benin", "Dahomey"), ("Beninese",)),
    "BFA": (("Burkina Faso", "Upper Volta"), ("Burkinabe",)),
    "COG": (("Republic of Congo", "Congo-Brazzaville"), ()),
    "CIV": (("Côte d'Ivoire", "Cote d'Ivoire", "Ivory Coast"), ("Ivorian",)),
    "CZE": (("Czechia",), ("Czech",)),
    "MKD": (("North Macedonia", "Macedonia"), ("North Macedonian", "Macedonian")),
    "SWZ": (("Eswatini", "Swaziland"), ("Swazi",)),
    "CPV": (("Cabo Verde",), ("Cape Verdean",)),
    "TLS": (("Timor-Leste", "East Timor"), ("Timorese",)),
    "MMR": (("Myanmar", "Burma"), ("Burmese",)),
    "NLD": (("Netherlands", "Holland"), ("Dutch",)),
    "VAT": (("Vatican", "Vatican City", "Holy See"), ()),
    "PHL": (("Philippines",), ("Filipino", "Philippine")),
    "AFG": (("Afghanistan",), ("Afghan",)),
    "YEM": (("Yemen",), ("Yemeni",)),
    "LBN": (("Lebanon",), ("Lebanese",)),
    "IRQ": (("Iraq",), ("Iraqi",)),
    "UKR": (("Ukraine",), ("Ukrainian",)),
    "ARG": (("Argentina",), ("Argentine", "Argentinian", "Argentinean")),
    "KAZ": (("Kazakhstan",), ("Kazakh", "Kazakhstani")),
    "UZB": (("Uzbekistan",), ("Uzbek", "Uzbekistani")),
    "TJK": (("Tajikistan",), ("Tajik", "Tajikistani")),
    "KGZ": (("Kyrgyzstan",), ("Kyrgyz",)),
    "BIH": (("Bosnia and Herzegovina", "Bosnia"), ("Bosnian",)),
    "ECU": (("Ecuador",), ("Ecuadorian", "Ecuadorean")),
    "NPL": (("Nepal",), ("Nepali", "Nepalese")),
}

# Countries countryinfo does not list: iso3 -> (iso2, name, capital, aliases, demonyms).
_MISSING: dict[str, tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = {
    "XKX": ("XK", "Kosovo", "Pristina", ("Republic of Kosovo",), ("Kosovar", "Kosovan")),
}

_NAMES = {"PSE": "Palestine", "VAT": "Vatican City", "MKD": "North Macedonia", "SWZ": "Eswatini"}
_CAPITALS = {"USA": "Washington, D.C.", "PSE": "Ramallah"}  # Ramallah: seat of the Palestinian Authority
# Other names of a seat of government, for metonymy ("Washington said").
_CAPITAL_ALIASES = {
    "Washington": "USA",
    "Washington DC": "USA",
    "Washington D.C.": "USA",
    "Jerusalem": "ISR",
    "Kiev": "UKR",
    "La Paz": "BOL",
    "Ramallah": "PSE",
}

_OURS, _NAME, _ALIAS, _DEMONYM = 0, 1, 2, 3  # priorities, best first


@dataclass(slots=True)
class _Index:
    countries: dict[str, Country]
    exact: dict[str, str]  # case-sensitive keys: "US", "UK"
    folded: dict[str, str]  # casefolded names, aliases and demonyms
    demonyms: dict[str, str]  # casefolded demonyms, for plurals
    capitals: dict[str, str]  # casefolded capital -> iso3


class _Claims:
    """Keys claimed by countries; the best (priority, population) claim wins."""

    def __init__(self) -> None:
        self.best: dict[str, tuple[int, float, str]] = {}

    def add(self, key: str, iso3: str, *, priority: int, population: float) -> None:
        claim = (priority, -population, iso3)
        if key and (key not in self.best or claim < self.best[key]):
            self.best[key] = claim

    def table(self) -> dict[str, str]:
        return {key: claim[2] for key, claim in self.best.items()}


def _is_code(alias: str) -> bool:
    """Short all-capital forms ("US", "U.S.", "UAE") that must match case-exactly."""
    letters = alias.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def _records() -> list[dict[str, Any]]:
    from countryinfo import all_countries

    return [dict(country.info()) for country in all_countries()]


def _unique(items: list[str], *, drop: str = "") -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item != drop:
            seen.setdefault(item, None)
    return tuple(seen)


def _capital(value: object) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) and value else None


def _build(records: list[dict[str, Any]]) -> _Index:
    groups: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        iso3 = (record.get("ISO") or {}).get("alpha3") or ""
        if iso3:
            groups.setdefault(iso3.upper(), []).append(record)

    exact, folded, demonyms, capitals = _Claims(), _Claims(), _Claims(), _Claims()
    table: dict[str, Country] = {}
    for iso3, group in groups.items():
        # The record with a numeric code is countryinfo's main entry; others add aliases.
        group.sort(key=lambda r: (not (r.get("ISO") or {}).get("numeric"), -(r.get("population") or 0)))
        main = group[0]
        population = float(max((r.get("population") or 0) for r in group))
        iso2 = str(main["ISO"].get("alpha2") or "").upper()
        extra_aliases, extra_demonyms = _EXTRA.get(iso3, ((), ()))
        name = _NAMES.get(iso3, str(main["name"]))
        alt = [str(r["name"]) for r in group] + [str(a) for r in group for a in (r.get("altSpellings") or [])]
        alt = [a for a in alt if a.upper() not in (iso2, iso3) or a in extra_aliases]
        dem = [str(r.get("demonym") or "") for r in group] + list(extra_demonyms)
        capital = _CAPITALS.get(iso3) or next((c for r in group if (c := _capital(r.get("capital")))), None)
        table[iso3] = Country(
            iso3=iso3,
            iso2=iso2,
            name=name,
            demonyms=_unique(dem),
            capital=capital,
            aliases=_unique(list(extra_aliases) + alt, drop=name),
        )
        for own_name in (name, *(str(r["name"]) for r in group)):
            folded.add(own_name.casefold(), iso3, priority=_NAME, population=population)
        for alias in alt:
            (exact if _is_code(alias) else folded).add(
                alias if _is_code(alias) else alias.casefold(), iso3, priority=_ALIAS, population=population
            )
        for alias in extra_aliases:
            (exact if _is_code(alias) else folded).add(
                alias if _is_code(alias) else alias.casefold(), iso3, priority=_OURS, population=population
            )
        for demonym in dem:
            priority = _OURS if demonym in extra_demonyms else _DEMONYM
            folded.add(demonym.casefold(), iso3, priority=priority, population=population)
            demonyms.add(demonym.casefold(), iso3, priority=priority, population=population)
        for r in group:
            if (city := _capital(r.get("capital"))) is not None:
                capitals.add(city.casefold(), iso3, priority=_NAME, population=population)
    for iso3, city in _CAPITALS.items():
        capitals.add(city.casefold(), iso3, priority=_OURS, population=0)
    for city, iso3 in _CAPITAL_ALIASES.items():
        capitals.add(city.casefold(), iso3, priority=_OURS, population=0)

    for iso3, (iso2, name, capital, aliases, dems) in _MISSING.items():
        table[iso3] = Country(iso3=iso3, iso2=iso2, name=name, demonyms=dems, capital=capital, aliases=aliases)
        for key in (name, *aliases):
            folded.add(key.casefold(), iso3, priority=_OURS, population=0)
        for demonym in dems:
            folded.add(demonym.casefold(), iso3, priority=_OURS, population=0)
            demonyms.add(demonym.casefold(), iso3, priority=_OURS, population=0)
        capitals.add(capital.casefold(), iso3, priority=_OURS, population=0)

    return _Index(
        countries=dict(sorted(table.items())),
        exact=exact.table(),
        folded=folded.table(),
        demonyms=demonyms.table(),
        capitals=capitals.table(),
    )


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _build(_records())


def countries() -> dict[str, Country]:
    """Every country, keyed by ISO alpha-3."""
    return _index().countries


def _forms(text: str) -> list[str]:
    """``text`` and the same without a leading "the" and a possessive ending."""
    base = " ".join(text.replace("\u2019", "'").split())
    forms = [base]
    if base[:4].casefold() == "the ":
        forms.append(base[4:])
    for form in list(forms):
        if form.endswith("'s"):
            forms.append(form[:-2])
        elif form.endswith("'"):
            forms.append(form[:-1])
    return forms


def resolve_country(text: str) -> str | None:
    """ISO alpha-3 for a country name, alias or demonym ("the U.S.", "Russians", "Iran's"), else ``None``."""
    index = _index()
    for form in _forms(text):
        found = index.exact.get(form) or index.folded.get(form.casefold())
        if found is None and form[-1:] in ("s", "S"):
            found = index.demonyms.get(form[:-1].casefold())
        if found is not None:
            return found
    return None


#: The shortest word read as a misspelt country name, and the shortest name it may stand for: shorter words are
#: too often other words one letter away ("Iran" and "Iraq", "Mali" and "Malik").
_MISSPELT_MIN, _NAME_MIN = 6, 5


def _one_edit(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` (different strings) one edit apart: a letter added, dropped, changed, or two neighbours
    swapped (Damerau)?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
                                         and a[i + 2 :] == b[i + 2 :])


@lru_cache(maxsize=1)
def _by_deletion() -> dict[str, frozenset[str]]:
    """One-word country names and demonyms of :data:`_NAME_MIN` letters or more, casefolded, keyed by themselves
    and by every form with one letter dropped (a symmetric-deletion index: a name one edit from a word shares a
    key with it)."""
    index = _index()
    out: dict[str, set[str]] = {}
    for name in index.folded:
        if len(name) >= _NAME_MIN and name.isalpha():
            for key in {name, *(name[:k] + name[k + 1 :] for k in range(len(name)))}:
                out.setdefault(key, set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=4096)
def misspelt_country(word: str) -> str | None:
    """ISO alpha-3 of the one country whose name or demonym the capitalised single ``word`` misspells by one edit
    ("Austira" AUT, "Pakistn" PAK, "Ukranian" UKR); ``None`` when ``word`` is itself a country word, is shorter
    than six letters, or is one edit from names of two countries. Callers check first that no other name fits
    (a place, a person's name, a people)."""
    if len(word) < _MISSPELT_MIN or not word.isalpha() or not word[:1].isupper() or resolve_country(word):
        return None
    low = word.casefold()
    keys = {low, *(low[:k] + low[k + 1 :] for k in range(len(low)))}
    index, table = _index(), _by_deletion()
    names = {n for k in keys for n in table.get(k, ()) if _one_edit(low, n)}
    isos = {index.folded[n] for n in names}
    return next(iter(isos)) if len(isos) == 1 else None


def country_name(iso3: str) -> str:
    """The display name of a country; ``KeyError`` if the code is unknown."""
    try:
        return countries()[iso3].name
    except KeyError:
        raise KeyError(f"unknown ISO alpha-3 country code {iso3!r}; see communique.knowledge.countries") from None


def capital_of(iso3: str) -> str | None:
    """The capital of a country, ``None`` if it has none; ``KeyError`` if the code is unknown."""
    try:
        return countries()[iso3].capital
    except KeyError:
        raise KeyError(f"unknown ISO alpha-3 country code {iso3!r}; see communique.knowledge.countries") from None


def is_capital(city_name: str) -> str | None:
    """ISO alpha-3 of the country whose capital (or seat of government) is ``city_name``, else ``None``."""
    index = _index()
    for form in _forms(city_name):
        found = index.capitals.get(form.casefold())
        if found is not None:
            return found
    return None


#: Adjectives of a region of one state (not a state's demonym), for the bodies bound to it: "the Catalan government",
#: "Bavarian police" are a region's, of that state (ESP, DEU), and a different actor from the state's own.  Only
#: regions inside one internationally recognised state; peoples' names that span states (Basque, Kurdish, Punjabi,
#: Kashmiri, Baluch) are left out.
_REGIONAL_DEMONYMS = {
    "catalan": "ESP", "andalusian": "ESP", "galician": "ESP", "bavarian": "DEU", "saxon": "DEU", "flemish": "BEL",
    "walloon": "BEL", "corsican": "FRA", "sicilian": "ITA", "sardinian": "ITA", "lombard": "ITA", "welsh": "GBR",
    "texan": "USA", "californian": "USA", "quebec": "CAN", "quebecois": "CAN", "albertan": "CAN", "tigrayan": "ETH",
    "sindhi": "PAK", "darfuri": "SDN", "chechen": "RUS", "tatarstan": "RUS", "bengali": "IND", "keralan": "IND",
    "tamil nadu": "IND", "zanzibari": "TZA", "sabahan": "MYS", "acehnese": "IDN", "papuan": "IDN",
}


def regional_demonym(word: str) -> str | None:
    """ISO3 of the one state whose region ``word`` is the adjective of ("Catalan" -> "ESP"), else ``None``."""
    return _REGIONAL_DEMONYMS.get(word.casefold())
