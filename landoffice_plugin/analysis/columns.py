"""Attribute columns as the analysis uses them: stripped text and factorisations, made once.

A county's DLTB has ~265,000 rows; every pass over a column in Python costs ~20 ms, and the
stages ask for the same columns (DLBM, ZLDWDM …) again and again. :func:`text` and
:func:`factorize` remember their results by array identity (the cache keeps the array, so an
id is never reused), and the GeoPackage reader registers both for each string column it
decodes (:func:`remember`), because it finds the distinct values anyway.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Optional

import numpy as np

_CACHE: OrderedDict[int, tuple] = OrderedDict()  # id(column) → (column, text column)
_FACTORS: OrderedDict[int, tuple] = OrderedDict()  # id(text column) → (text column, uniques, codes)
_LOCK = threading.Lock()
_KEEP = 64
_MIN_ROWS = 1000  # smaller columns are cheap to convert again


def _put(cache: OrderedDict, key: int, value: tuple) -> None:
    with _LOCK:
        cache[key] = value
        while len(cache) > _KEEP:
            cache.popitem(last=False)


def _get(cache: OrderedDict, col) -> Optional[tuple]:
    with _LOCK:
        hit = cache.get(id(col))
    return hit if hit is not None and hit[0] is col else None


def remember(col: np.ndarray, text_col: np.ndarray, uniques: list, codes: np.ndarray) -> None:
    """Register the text form of ``col`` and its factorisation (``text_col == uniques[codes]``)."""
    if len(col) < _MIN_ROWS:
        return
    text_col.setflags(write=False)
    _put(_CACHE, id(col), (col, text_col))
    _put(_FACTORS, id(text_col), (text_col, uniques, codes))


def isin(values: np.ndarray, wanted) -> np.ndarray:
    """``values`` in the set ``wanted`` (hash lookups; np.isin on object arrays is quadratic)."""
    wanted = set(wanted)
    hit = _get(_FACTORS, values)
    if hit is not None:  # decide once per distinct value
        flags = np.fromiter((u in wanted for u in hit[1]), dtype=bool, count=len(hit[1]))
        return flags[hit[2]]
    return np.fromiter((v in wanted for v in values), dtype=bool, count=len(values))


def factorize(values, sort: bool = False) -> tuple[list, np.ndarray]:
    """(distinct values, index of each value among them): a hash table, no sorting of the column.

    ``sort``: the distinct values in sorted order (the codes follow).
    """
    hit = _get(_FACTORS, values)
    if hit is not None:
        uniques, codes = list(hit[1]), hit[2]
    else:
        seq = values.tolist() if isinstance(values, np.ndarray) else list(values)
        index = dict.fromkeys(seq)  # distinct values, in order of first appearance
        for i, v in enumerate(index):
            index[v] = i
        codes = np.fromiter(map(index.__getitem__, seq), dtype=np.intp, count=len(seq))
        uniques = list(index)
        if isinstance(values, np.ndarray) and not values.flags.writeable and len(values) >= _MIN_ROWS:
            _put(_FACTORS, id(values), (values, uniques, codes))
    if sort and uniques:
        order = sorted(range(len(uniques)), key=uniques.__getitem__)
        rank = np.empty(len(order), dtype=np.intp)
        rank[order] = np.arange(len(order))
        return [uniques[i] for i in order], rank[codes]
    return uniques, codes


def prefix(values: np.ndarray, n: int) -> np.ndarray:
    """The first ``n`` characters of each text value (e.g. township codes from ZLDWDM)."""
    uniques, codes = factorize(values)
    heads = np.empty(len(uniques), dtype=object)
    heads[:] = [u[:n] for u in uniques]
    return heads[codes] if len(codes) else np.zeros(0, dtype=object)


def text(col: np.ndarray) -> np.ndarray:
    """Column as stripped strings ('' for NULL), read-only (remembered by array identity)."""
    hit = _get(_CACHE, col)
    if hit is not None:
        return hit[1]
    out = np.asarray([v.strip() if v.__class__ is str else ("" if v is None else str(v).strip())
                      for v in (col.tolist() if isinstance(col, np.ndarray) else col)], dtype=object) \
        if len(col) else np.zeros(0, dtype=object)
    out.setflags(write=False)
    if isinstance(col, np.ndarray) and len(col) >= _MIN_ROWS:
        _put(_CACHE, id(col), (col, out))
    return out


def clear_text_cache() -> None:
    """Forget the remembered conversions (the engine calls it when a run ends)."""
    with _LOCK:
        _CACHE.clear()
        _FACTORS.clear()
