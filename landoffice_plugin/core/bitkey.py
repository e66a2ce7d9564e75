"""A 64-bit key from the exact bits of a row of doubles (equal rows, equal keys), vectorised.

Used to find identical boxes (analysis: copies of patches) and to draw a number that depends
only on a segment's endpoints (sample densification). Not a cryptographic hash.
"""
from __future__ import annotations

import numpy as np

_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
                dtype=np.uint64)


def bits_key(rows: np.ndarray) -> np.ndarray:
    """One uint64 per row of ``rows`` (n × k doubles, k ≤ 4), mixed from the doubles' bit patterns."""
    bits = np.ascontiguousarray(rows, dtype=np.float64).view(np.uint64)
    with np.errstate(over="ignore"):
        h = np.bitwise_xor.reduce(bits * _MIX[:bits.shape[1]], axis=1)
        h ^= h >> np.uint64(31)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(29)
    return h


def unit_interval(rows: np.ndarray) -> np.ndarray:
    """A number in [0, 1) per row that depends only on the row's exact doubles."""
    return (bits_key(rows) >> np.uint64(11)).astype(np.float64) / float(1 << 53)
