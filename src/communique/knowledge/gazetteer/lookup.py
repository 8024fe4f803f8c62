"""The public :class:`Gazetteer`: name -> place lookups over the offline index."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .cache import _load_or_build, cache_dir
from .index import _F, _FEATURES, Candidate
from .names import _fold, _spelling_variants, _vowel_variants, normalise
from .ranking import rank

# --------------------------------------------------------------------------- the public class


_IDS_MEMO_SIZE = 50_000  # names whose entries a gazetteer remembers (each a short tuple); then it starts afresh


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
        self._ids_of: dict[str, tuple[int, ...]] = {}  # name -> entries: a story looks its names up again and again
        self._by_id: tuple[Any, Any] | None = None  # see _id_order

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
        found = self._ids_of.get(name)
        if found is None:
            if len(self._ids_of) >= _IDS_MEMO_SIZE:
                self._ids_of.clear()
            found = self._ids_of[name] = self._find_ids(name)
        return found

    def _find_ids(self, name: str) -> tuple[int, ...]:
        key = normalise(name)
        hit = self._ix.keys.get(key)
        if hit is None:
            hit = self._ix.keys.get(_fold(key))
        if hit is None:
            for variant in _spelling_variants(_fold(key)):
                hit = self._ix.keys.get(variant)
                if hit is not None:
                    break
        if hit is None and " of " in key:
            # "the" after "of" written or left out ("Democratic Republic of Congo", "Republic of the Congo")
            other = key.replace(" of the ", " of ") if " of the " in key else key.replace(" of ", " of the ", 1)
            hit = self._ix.keys.get(other)
        if hit is None:
            return ()
        ids = (hit,) if isinstance(hit, int) else hit
        words = key.split(" ")
        if 1 < len(words) <= 3:
            # the same name with a hyphen ("North West" and South Africa's "North-West")
            hyphened = {"-".join(words)}
            hyphened |= {" ".join(words[:k]) + "-" + " ".join(words[k:]) for k in range(1, len(words))}
            ids = (*ids, *(j for v in sorted(hyphened) for j in self._hits(v) if j not in ids))
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
        """The entry with this GeoNames id (the first one when two entries share it), else ``None``.  A binary
        search over the ids sorted once per gazetteer (:meth:`_id_order`; the place stage asks per place)."""
        if not geonames_id:
            return None
        import numpy as np

        ids, order = self._id_order()
        k = int(np.searchsorted(ids, geonames_id, side="left"))
        return self._entry(int(order[k])) if k < len(ids) and ids[k] == geonames_id else None

    def _id_order(self) -> tuple[Any, Any]:
        """(the GeoNames ids sorted, the entry number of each), built on first use: a stable sort, so the first
        of equal ids comes first (4.6 MB for 286,659 entries; a dict would take ~30 MB)."""
        if self._by_id is None:
            import numpy as np

            gid = np.frombuffer(self._ix.gid, dtype=np.dtype(f"i{self._ix.gid.itemsize}"))
            order = np.argsort(gid, kind="stable")
            self._by_id = (gid[order], order)
        return self._by_id

    def geonames_ids(self) -> frozenset[int]:
        """Every GeoNames id the index holds (for coverage figures)."""
        return frozenset(i for i in self._ix.gid if i)

    def country_code(self, name: str) -> str | None:
        """ISO3 of a country name or common alias ('Syria', 'U.S.', 'Britain'), else None."""
        key = normalise(name)
        code = self._ix.country_keys.get(key) or self._ix.country_keys.get(_fold(key))
        if code is None and " of " in key:  # "Democratic Republic of Congo" (see :meth:`_ids`)
            other = key.replace(" of the ", " of ") if " of the " in key else key.replace(" of ", " of the ", 1)
            code = self._ix.country_keys.get(other)
        return code

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
        return rank(self._ix, ids, context, key)
