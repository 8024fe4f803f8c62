"""The vectorised SimHash equals the bit-by-bit definition (a 64-bit weight per bit: +1 for each word 3-shingle
whose BLAKE2b-64 hash has it set, -1 otherwise; the bits with positive weight, as a signed BIGINT)."""

from __future__ import annotations

import hashlib
import random

from communique.store.stories import shingles, simhash


def reference(text: str) -> int:
    weights = [0] * 64
    for sh in shingles(text):
        h = int.from_bytes(hashlib.blake2b(sh.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return value - (1 << 64) if value >= 1 << 63 else value


def test_equals_the_bitwise_definition() -> None:
    rnd = random.Random(7)
    words = "the minister said talks on grain exports would resume next week in Ankara".split()
    texts = ["", "one", "one two", "one two three", "one two three four", "Ünïcode wörds, here — and there!"]
    texts += [" ".join(rnd.choice(words) for _ in range(rnd.randint(0, 300))) for _ in range(200)]
    got = [simhash(t) for t in texts]
    assert got == [reference(t) for t in texts]
    assert any(v < 0 for v in got) and any(v > 0 for v in got)  # both halves of the signed range are exercised
