"""Versions of one story: when a new article is an update or correction of a stored one.

Two articles are versions of one story when

* they have the **same URL** (ignoring a ``#fragment``, a trailing ``/`` and the scheme), the URL has a
  path (a site's front page names no story), and their bodies share at least
  :data:`SAME_URL_OVERLAP` of the smaller one's distinct words (a feed that gives every entry the same
  link does not merge different stories); or
* their bodies are **near-identical** (and have at least :data:`MIN_SHINGLES` word 3-shingles: a
  sentence or two is too little to tell a copy from a coincidence): the 64-bit SimHashes of their
  word 3-shingles differ in at most :data:`SIMHASH_BITS` bits (the candidate search, done in SQL: a
  one-word edit of a 60-word text already moves 9 bits; two unrelated texts differ in about 32) and the
  shingle sets have a Jaccard similarity of at least :data:`NEAR_IDENTICAL` (the check).

The latest version wins: the one with the later ``published`` date, or on a tie or an unknown date the
one ingested last.  The store keeps the winner as the story's article (its events, actors, quotes) and
lists the others in ``story_versions``, so a story counts once in corroboration.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

__all__ = ["MIN_SHINGLES", "NEAR_IDENTICAL", "SAME_URL_OVERLAP", "SIMHASH_BITS", "jaccard", "shingles", "simhash",
           "story_url", "word_overlap"]

SIMHASH_BITS = 16
MIN_SHINGLES = 20
NEAR_IDENTICAL = 0.75
SAME_URL_OVERLAP = 0.5

_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str, k: int = 3) -> set[str]:
    """The distinct runs of ``k`` words of ``text`` (casefolded; punctuation ignored)."""
    words = _words(text)
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def simhash(text: str) -> int:
    """64-bit SimHash of ``text``'s word 3-shingles, as a signed integer (DuckDB's BIGINT)."""
    import numpy as np

    digests = b"".join(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest() for sh in shingles(text))
    n = len(digests) // 8
    # bit b of a big-endian 8-byte digest h (h >> b & 1) is column 63 - b of its unpacked bits
    ones = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(n, 8), axis=1).sum(axis=0, dtype=np.int64)
    value = sum(1 << bit for bit in range(64) if n and 2 * int(ones[63 - bit]) > n)  # more shingles set than clear
    return value - (1 << 64) if value >= 1 << 63 else value


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def word_overlap(a: str, b: str) -> float:
    """Share of the smaller text's distinct words that the other text has too."""
    wa, wb = set(_words(a)), set(_words(b))
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def story_url(url: str | None) -> str | None:
    """The URL as compared between versions (no scheme, fragment or trailing slash, host lower-cased), or
    ``None`` when it names no particular story (no path)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    path = parts.path.rstrip("/")
    if not parts.netloc or not path:
        return None
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.netloc.lower()}{path}{query}"
