"""Shapely array functions on every core: GEOS work runs with the GIL released.

:func:`chunked` splits an array of geometries into one chunk per core and runs a *unary*
function (``is_valid``, ``centroid``, ``set_precision`` …) on the chunks at once, the calling
thread taking the first. Each geometry is touched by exactly one thread, which matters with
GEOS 3.11: a geometry caches its envelope on first use, and two threads computing it at the
same time would race. Functions of pairs of geometries (overlays with a shared polygon) and
prepared predicates are therefore not run this way.

``LANDOFFICE_THREADS`` (an integer) caps the number of threads; 1 runs everything in the
calling thread.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Callable, Optional

import numpy as np
import shapely

MIN_CHUNK = 10000  # geometries; below this the thread hand-over costs more than it saves
MIN_CHUNK_COORDS = 40000  # vertices worth a thread (an overlay costs far more than the copies)
_POOL: Optional[ThreadPoolExecutor] = None
_LOCK = threading.Lock()


def workers() -> int:
    """Threads to use: the machine's cores, or LANDOFFICE_THREADS when set (at least 1)."""
    try:
        wanted = int(os.environ.get("LANDOFFICE_THREADS", "0"))
    except ValueError:
        wanted = 0
    cores = os.cpu_count() or 1
    return max(1, min(wanted, cores) if wanted > 0 else cores)


def _pool() -> ThreadPoolExecutor:
    global _POOL
    with _LOCK:
        if _POOL is None:
            _POOL = ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1), thread_name_prefix="landoffice-geos")
        return _POOL


def submit(func: Callable, *args, **kwargs) -> Future:
    """``func(*args, **kwargs)`` on a worker thread (or at once when only one thread is allowed)."""
    if workers() <= 1:
        future: Future = Future()
        try:
            future.set_result(func(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future
    return _pool().submit(func, *args, **kwargs)


def background(func: Callable, *args, **kwargs) -> Future:
    """``func(*args, **kwargs)`` on a thread of its own (at once when only one thread is allowed).

    Not on the pool: ``func`` may itself share its work over the pool (:func:`chunked`), which a pool
    thread waiting for its own chunks could not always do.
    """
    future: Future = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(func(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)

    if workers() <= 1:
        run()
    else:
        threading.Thread(target=run, name="landoffice-background", daemon=True).start()
    return future


def chunked(func: Callable, geoms: np.ndarray, *args, min_chunk: int = MIN_CHUNK, **kwargs) -> np.ndarray:
    """``func(geoms, *args, **kwargs)`` for a unary vectorised ``func``, split over the cores.

    The chunks are of about equal work (vertices): ``min_chunk`` geometries, or a few huge ones
    (:data:`MIN_CHUNK_COORDS` vertices), are worth a thread.
    """
    geoms = np.asarray(geoms, dtype=object)
    parts = _work_split(geoms, None, min_chunk) if workers() > 1 and len(geoms) > 1 else []
    if len(parts) <= 1:
        return func(geoms, *args, **kwargs)
    futures = [_pool().submit(func, geoms[p], *args, **kwargs) for p in parts[1:]]
    return _gather(lambda: func(geoms[parts[0]], *args, **kwargs), futures)


def _gather(first: Callable, futures: list) -> np.ndarray:
    """``first()`` (the calling thread's chunk) and the chunks of ``futures``, in order, concatenated.

    When a chunk raises, every other chunk is waited for before the error goes on: the workers use
    the caller's geometries, which must not be freed (or used again) while a thread still holds them.
    """
    try:
        results = [np.asarray(first())] + [np.asarray(f.result()) for f in futures]
    except BaseException:
        wait(futures)
        raise
    return np.concatenate(results)


def _copies(geoms: np.ndarray) -> np.ndarray:
    """Independent copies (through WKB, exact) of ``geoms``, each distinct geometry copied once."""
    ids = np.fromiter(map(id, geoms), dtype=np.int64, count=len(geoms))
    _u, first, inverse = np.unique(ids, return_index=True, return_inverse=True)
    # in chunks: WKB conversion builds Python objects and holds Python's lock while it runs
    distinct = geoms[first]
    copies = np.empty(len(distinct), dtype=object)
    for start in range(0, len(distinct), 2000):
        copies[start:start + 2000] = shapely.from_wkb(shapely.to_wkb(distinct[start:start + 2000]))
    return copies[inverse]


def _work_split(a: np.ndarray, b: Optional[np.ndarray], min_chunk: int, cost: Optional[np.ndarray] = None) -> list:
    """Index ranges of the pairs (of ``a`` alone when ``b`` is None), one per thread, of about equal work (vertices).

    A few pairs of huge polygons (approvals against supplies) are as much work as thousands of small
    ones: the pairs are split by their vertices, not their count (``min_chunk`` pairs, or
    :data:`MIN_CHUNK_COORDS` vertices, are worth a thread). ``cost``: the work of each pair, when it is
    not the vertices of both (a prepared geometry tested against many: the vertices of the others).
    """
    if cost is not None:
        coords = np.asarray(cost, dtype=float)
    else:
        coords = shapely.get_num_coordinates(a) + (0 if b is None else shapely.get_num_coordinates(b))
    total = coords.sum()
    n = min(workers(), len(a), max(len(a) // max(min_chunk, 1), int(total // MIN_CHUNK_COORDS)))
    if n <= 1:
        return []
    cuts = np.searchsorted(np.cumsum(coords), total * np.arange(1, n) / n)
    bounds = np.unique(np.r_[0, np.clip(cuts, 1, len(a) - 1), len(a)])
    return [np.arange(lo, hi) for lo, hi in zip(bounds[:-1], bounds[1:])]


def pairwise(func: Callable, a: np.ndarray, b: np.ndarray, *args, min_chunk: int = 500,
             cost: Optional[np.ndarray] = None, **kwargs) -> np.ndarray:
    """``func(a, b, *args, **kwargs)`` for a vectorised function of pairs (an overlay), over the cores.

    Pairs often share a geometry (one zone against many patches). So that no GEOS object is
    ever used by two threads, a geometry that pairs of several chunks use is copied for every chunk
    but the calling thread's, before the chunk is handed over; the others are each used by one thread
    only and are not copied. ``cost``: see :func:`_work_split`.
    """
    a, b = np.asarray(a, dtype=object), np.asarray(b, dtype=object)
    parts = _work_split(a, b, min_chunk, cost) if workers() > 1 and len(a) > 1 else []
    if len(parts) <= 1:
        return func(a, b, *args, **kwargs)
    shared_a, shared_b = _shared(a, b, parts)
    futures = [_pool().submit(func, _own(a[p], shared_a[p]), _own(b[p], shared_b[p]), *args, **kwargs)
               for p in parts[1:]]
    return _gather(lambda: func(a[parts[0]], b[parts[0]], *args, **kwargs), futures)


def _shared(a: np.ndarray, b: np.ndarray, parts: list) -> tuple[np.ndarray, np.ndarray]:
    """Masks of the entries of ``a`` and ``b`` whose geometry (the same object) is used by pairs of more than one
    of the chunks ``parts`` (index ranges covering the pairs in order)."""
    n = len(a)
    chunk = np.repeat(np.arange(len(parts), dtype=np.intp), [len(p) for p in parts])
    chunk = np.concatenate([chunk, chunk])
    ids = np.fromiter(map(id, np.concatenate([a, b])), dtype=np.int64, count=2 * n)
    order = np.argsort(ids, kind="stable")
    ids, chunk = ids[order], chunk[order]
    starts = np.r_[0, np.flatnonzero(ids[1:] != ids[:-1]) + 1]
    several = np.minimum.reduceat(chunk, starts) != np.maximum.reduceat(chunk, starts)
    shared = np.empty(2 * n, dtype=bool)
    shared[order] = np.repeat(several, np.diff(np.r_[starts, 2 * n]))
    return shared[:n], shared[n:]


def _own(geoms: np.ndarray, shared: np.ndarray) -> np.ndarray:
    """``geoms`` with the ``shared`` ones replaced by copies (one per distinct geometry)."""
    if not shared.any():
        return geoms
    out = geoms.copy()
    out[shared] = _copies(geoms[shared])
    return out
