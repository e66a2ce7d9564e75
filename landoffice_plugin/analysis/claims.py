"""What a category claims, before precedence and constraints are applied."""
from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Optional

import numpy as np

from landoffice_plugin.core.landuse import is_construction

from .columns import factorize


@dataclass
class Claims:
    """Claimed ground of one category.

    ``patch`` is the DLTB index of each geometry when the claim is already cut by patches;
    otherwise the merge step cuts it, keeping only patches where ``patch_mask`` is True.
    ``feature``: the index of each claim's feature in the layer whose features claim land (approvals,
    supplies, parcels): the merge then takes the claim's patches from the pairs found for that layer
    (:class:`.overlaps.Reach`) instead of querying the patches again.
    """

    cat: str
    geoms: np.ndarray
    reasons: np.ndarray
    sources: np.ndarray
    years: np.ndarray
    patch: Optional[np.ndarray] = None
    patch_mask: Optional[np.ndarray] = None
    feature: Optional[np.ndarray] = None

    @classmethod
    def empty(cls, cat: str) -> Claims:
        z = np.zeros(0, dtype=object)
        return cls(cat, z, z.copy(), z.copy(), np.zeros(0), np.zeros(0, dtype=np.intp))


_LAST_MASK: list = [None, None]  # (column, mask): the stages ask for the same DLTB column's mask
_MASK_LOCK = threading.Lock()


def construction_mask(dlbm: np.ndarray) -> np.ndarray:
    """True where the land-use code is construction land (建设用地), decided once per distinct code.

    The mask of the last column asked for is remembered (by identity; read-only).
    """
    with _MASK_LOCK:
        if _LAST_MASK[0] is dlbm:
            return _LAST_MASK[1]
    codes, inverse = factorize(dlbm)
    flags = np.array([bool(c) and _is_construction(str(c)) for c in codes], dtype=bool)
    mask = flags[inverse] if len(codes) else np.zeros(len(dlbm), dtype=bool)
    mask.setflags(write=False)
    if isinstance(dlbm, np.ndarray) and not dlbm.flags.writeable:  # a text() column cannot change
        with _MASK_LOCK:
            _LAST_MASK[:] = [dlbm, mask]
    return mask


def not_built_mask(dlbm: np.ndarray, codes=()) -> np.ndarray:
    """True where the current land use counts as not built: non-construction land, or a code
    starting with one of ``codes`` (the rules' ``idle.not_built_codes``, e.g. 1201 空闲地)."""
    mask = ~construction_mask(dlbm)
    codes = tuple(str(c) for c in codes if str(c))
    if codes and len(dlbm):
        uniques, inverse = factorize(dlbm)
        extra = np.array([bool(c) and str(c).startswith(codes) for c in uniques], dtype=bool)
        mask = mask | extra[inverse]
    return mask


def clear_mask_cache() -> None:
    """Forget the remembered mask (the engine calls it when a run ends)."""
    with _MASK_LOCK:
        _LAST_MASK[:] = [None, None]


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
