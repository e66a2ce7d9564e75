"""What a category claims, before precedence and constraints are applied."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

import numpy as np

from landoffice_plugin.core.landuse import is_construction


@dataclass
class Claims:
    """Claimed ground of one category.

    ``patch`` is the DLTB index of each geometry when the claim is already cut by patches;
    otherwise the merge step cuts it, keeping only patches where ``patch_mask`` is True.
    """

    cat: str
    geoms: np.ndarray
    reasons: np.ndarray
    sources: np.ndarray
    years: np.ndarray
    patch: Optional[np.ndarray] = None
    patch_mask: Optional[np.ndarray] = None

    @classmethod
    def empty(cls, cat: str) -> Claims:
        z = np.zeros(0, dtype=object)
        return cls(cat, z, z.copy(), z.copy(), np.zeros(0), np.zeros(0, dtype=np.intp))


def construction_mask(dlbm: np.ndarray) -> np.ndarray:
    """True where the land-use code is construction land (建设用地), per unique code."""
    codes, inverse = np.unique(np.asarray(dlbm, dtype=str), return_inverse=True)
    flags = np.array([bool(c) and _is_construction(c) for c in codes], dtype=bool)
    return flags[inverse] if len(codes) else np.zeros(len(dlbm), dtype=bool)


def _is_construction(code: str) -> bool:
    try:
        return is_construction(code)
    except Exception:  # noqa: BLE001 - an unknown code is not construction land
        return False


def years_between(start: np.ndarray, day: np.datetime64) -> np.ndarray:
    """Years (float, NaN for NaT) from ``start`` dates to ``day``."""
    days = (day - start).astype("timedelta64[D]").astype(float)
    days[np.isnat(start)] = np.nan
    return days / 365.25
