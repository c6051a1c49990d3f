"""MinHash signatures: computed in uint64, equal to the same hash family in Python integers."""

from __future__ import annotations

import hashlib
import random

from rashomon.link import dedup


def _oracle(text: str) -> list[int]:
    """The signature by its definition: min over shingles of ((a*h mod 2**64) + b) mod p, in Python ints."""
    hashes = [int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") >> 4 for s in dedup.shingles(text)]
    return [
        min(((int(a) * h) % 2**64 + int(b)) % dedup.PRIME for h in hashes or [0])
        for a, b in zip(dedup._A, dedup._B, strict=True)
    ]


def test_signatures_match_their_definition_in_exact_integers() -> None:
    rng = random.Random(11)
    words = [f"w{i}" for i in range(2000)]
    texts = ["", "one", *(" ".join(rng.choice(words) for _ in range(rng.randrange(2, 400))) for _ in range(40))]
    for text in texts:
        assert dedup.signature(text) == _oracle(text)


def test_a_reprint_is_similar_and_another_story_is_not() -> None:
    base = " ".join(f"word{i}" for i in range(200))
    reprint = base.replace("word7 ", "wordseven ")
    other = " ".join(f"other{i}" for i in range(200))
    assert dedup.similarity(dedup.signature(base), dedup.signature(reprint)) >= dedup.THRESHOLD
    assert dedup.similarity(dedup.signature(base), dedup.signature(other)) < 0.2
