"""Near-duplicates: wire copies and reprints, found by MinHash over word shingles with LSH bands.

An article whose estimated Jaccard similarity to an earlier one reaches ``THRESHOLD`` is a
copy of it (of its original, if that is itself a copy) and counts once wherever sources
are counted. Candidates come from shared LSH bands, so the work per article is bounded; a band
that more than ``BAND_MEMBERS`` articles share is boilerplate (a signature line, a standard
disclaimer), not a sign of a copy, and is passed over: a copy shares several of its original's
bands (a pair at the threshold shares 4 of the 16 on average).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE = 5
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
THRESHOLD = 0.7
BAND_MEMBERS = 100  # articles sharing one band beyond which it says nothing about copies
PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20260119)  # fixed: signatures must not change between runs
_A = _rng.integers(1, PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _rng.integers(0, PRIME, PERMUTATIONS, dtype=np.uint64)
_P = np.uint64(PRIME)


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> list[int]:
    """The MinHash signature of ``text`` (``PERMUTATIONS`` integers)."""
    hashes = np.array(
        [int.from_bytes(hashlib.blake2b(s, digest_size=8).digest(), "little") >> 4 for s in shingles(text)] or [0],
        dtype=np.uint64,
    )
    # ((a*h mod 2**64) + b) mod p: the product wraps in uint64, as it always has (stored signatures depend
    # on it); both reductions stay in uint64 because 2**61 = 1 (mod p), so x = (x & p) + (x >> 61) (mod p).
    values = _fold(_fold(_A[:, None] * hashes[None, :]) + _B[:, None])
    values = np.where(values >= _P, values - _P, values)
    return [int(v) for v in values.min(axis=1)]


def _fold(x: np.ndarray) -> np.ndarray:
    """A value congruent to ``x`` mod p and below 2**61 + 8 (``x`` below 2**64)."""
    return (x & _P) + (x >> np.uint64(61))


def bands(sig: list[int]) -> list[str]:
    return [
        hashlib.blake2b(repr((b, sig[b * ROWS : (b + 1) * ROWS])).encode(), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two signed texts."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
