"""Python's cycle collector paused while a bulk job builds hundreds of thousands of objects.

Reading a county makes ~300,000 geometries and many more strings; each few thousand new
objects the collector runs, and every tenth run or so walks all live objects (0.3 s a run of
the potential-land analysis, for no garbage: arrays hold no cycles). Reference counting still
frees everything as usual; cycles made meanwhile are collected when the last job ends.
"""
from __future__ import annotations

import gc
import threading
from contextlib import contextmanager

_LOCK = threading.Lock()
_STATE = {"depth": 0, "was_enabled": True}


@contextmanager
def gc_paused():
    """Pause the cycle collector for the ``with`` block (nested and concurrent jobs: until the last ends)."""
    with _LOCK:
        if _STATE["depth"] == 0:
            _STATE["was_enabled"] = gc.isenabled()
            gc.disable()
        _STATE["depth"] += 1
    try:
        yield
    finally:
        with _LOCK:
            _STATE["depth"] -= 1
            if _STATE["depth"] == 0 and _STATE["was_enabled"]:
                gc.enable()
