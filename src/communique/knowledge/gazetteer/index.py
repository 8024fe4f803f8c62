"""The index: feature codes, :class:`Candidate`, flat key arrays (:class:`_Keys`) and :class:`_Index`."""

from __future__ import annotations

from array import array
from dataclasses import dataclass
from typing import Any

from ...model import Location, Place, Span
from .names import _fold, normalise

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
