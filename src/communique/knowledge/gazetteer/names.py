"""Index keys of names: normalisation, folding, romanisation and vowel spelling variants."""

from __future__ import annotations

import re
import unicodedata

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
