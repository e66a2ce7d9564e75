"""One sync (or checkout) of a field package at a time: an operating-system lock on ``<package>.lock``.

The lock is taken with ``fcntl.flock`` (Linux, macOS) or ``msvcrt.locking`` (Windows): the
operating system releases it when the process ends, however it ends, so a killed sync never
leaves the package locked. The file holds the holder's process id and start time, for the
message a second sync shows.
"""
from __future__ import annotations

import datetime as _dt
import os
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import LandOfficeError

_FAR = 2 ** 20


def _try_lock(handle) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(_FAR)  # a byte past the text: Windows locks are mandatory, the text stays readable
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(handle) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(_FAR)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


@contextmanager
def package_lock(path):
    """Hold the package's lock, or raise a clear error when another sync holds it."""
    lock_path = Path(str(path) + ".lock")
    handle = open(lock_path, "a+", encoding="utf-8")
    try:
        if not _try_lock(handle):
            try:
                handle.seek(0)
                holder = handle.read(200).strip() or "?"
            except OSError:
                holder = "?"
            raise LandOfficeError("Another sync of this field package is running ({holder}): wait until it has "
                                  "finished, then sync again. Nothing was changed.", holder=holder)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}, since {_dt.datetime.now().isoformat(timespec='seconds')}")
        handle.flush()
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()
