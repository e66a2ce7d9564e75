"""Checkout: copy the server's features of an area into a new field package.

A checkout never destroys: a folder that already holds a package is refused while that package
has anything not yet on the server (edits, new features, unresolved writes, conflicts,
overrides) or cannot be read, unless the user asks to replace it — and then the old package is
kept beside the new one as ``fieldwork-<date>.gpkg``. The new package is built under a temporary
name and renamed into place only when complete, so a failed checkout leaves the folder as it was.
"""
from __future__ import annotations

import datetime as _dt
import functools
import os
import sqlite3
from pathlib import Path

from ..core.errors import LandOfficeError
from .area import read_area, resolve_area
from .client import TOMBSTONES, FeatureClient, ServerError, safe_url
from .features import SERVER_FIELDS
from .package import (
    BASE_PREFIX,
    FORMAT,
    PHOTO_DIR,
    connect,
    copy_rows,
    create_package,
    package_path,
    read_layer,
    read_meta,
    write_features,
    write_meta,
)

DEFAULT_COLLECTIONS = ("DLTB", "ZD", "EVIDENCE")
COVER_SHARE = 0.5  # boxes around the tasks covering more of the area than this: the area is read whole
TASKS = "RWTB"  # field tasks (核查任务): checked out with the rest whenever the data centre has them
POINT_COLLECTIONS = {"EVIDENCE"}
EPSG = 4549


def is_multi(collection: str) -> bool:
    return collection not in POINT_COLLECTIONS


def unsynced(path) -> dict:
    """What a package holds that the server does not have: counts by kind (empty dict: nothing)."""
    from .changes import diff, read_working

    meta = read_meta(path)
    out = {}
    for collection in meta.get("collections", []):
        base = read_layer(path, BASE_PREFIX + collection)
        changes = diff(read_working(path, collection, base), base)
        for change in changes.values():
            out[change.kind] = out.get(change.kind, 0) + 1
    with connect(path) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, label in (("lo_conflicts", "conflict"), ("lo_overrides", "override")):
            if table in tables:
                count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                if count:
                    out[label] = count
        if "lo_journal" in tables:
            count = db.execute("SELECT count(*) FROM lo_journal WHERE state = 'sending'").fetchone()[0]
            if count:
                out["unresolved write"] = count
    return out


def _open_elsewhere(path: Path) -> LandOfficeError:
    return LandOfficeError("The field package {path} is open in QGIS (or another program), so it cannot be "
                           "replaced: close the project or remove its layers, then check out again. Nothing was "
                           "changed.", path=str(path))


def _move_back(moves: list) -> None:
    """Undo renames (best effort) after a later one failed."""
    for source, target in reversed(moves):
        try:
            os.replace(target, source)
        except OSError:
            pass


def _keep_aside(path: Path) -> Path:
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.stem}-{stamp}{path.suffix}")
    n = 1
    while kept.exists():
        kept = path.with_name(f"{path.stem}-{stamp}-{n}{path.suffix}")
        n += 1
    moves = [(path, kept)] + [(Path(str(path) + extra), Path(str(kept) + extra)) for extra in ("-wal", "-shm")
                              if Path(str(path) + extra).exists()]
    done: list = []
    for source, target in moves:
        try:  # on Windows a file open in QGIS cannot be renamed
            os.replace(source, target)
        except PermissionError as err:
            _move_back(done)
            raise _open_elsewhere(path) from err
        done.append((source, target))
    return kept


def guard_existing(output_dir, replace: bool) -> Path | None:
    """Refuse to check out over a package with unsynced work; with ``replace`` keep it as a dated copy.
    Returns where the old package was kept (None when there was none)."""
    path = package_path(output_dir)
    if not path.exists():
        return None
    try:
        pending = unsynced(path)
        readable = True
    except (sqlite3.DatabaseError, LandOfficeError, OSError, KeyError):
        pending, readable = {"unreadable": 1}, False
    if not replace:
        if not readable:
            raise LandOfficeError("{path} already holds a field package that cannot be read: it may still hold "
                                  "edits. Choose another folder, or check out with 'replace' (the old package "
                                  "is then kept beside the new one as a dated copy).", path=str(output_dir))
        if pending:
            listing = ", ".join(f"{v} {k}" for k, v in sorted(pending.items()))
            raise LandOfficeError("{path} already holds a field package with work that is not on the data centre "
                                  "yet ({listing}): sync it first, or choose another folder, or check out with "
                                  "'replace' (the old package is then kept beside the new one as a dated copy).",
                                  path=str(output_dir), listing=listing)
    from . import sync_log

    kept = _keep_aside(path)
    sync_log.append(output_dir, [f"checkout: the earlier package was kept as {kept.name}"])
    return kept


def _explained(run):
    """A checkout that fails on the network says so in its own words: the sync's "nothing is lost …
    sync again" does not fit a checkout, which writes nothing until it has read everything."""
    @functools.wraps(run)
    def checkout_explained(url, *args, **kwargs):
        try:
            return run(url, *args, **kwargs)
        except ServerError as err:
            raise LandOfficeError("The checkout stopped: the data centre did not answer properly ({detail}). "
                                  "No field package was written and nothing changed on the data centre: check "
                                  "the network connection or ask the data centre's administrator, then check "
                                  "out again.", detail=err.detail) from err
    return checkout_explained


@_explained
def checkout(url: str, area: str, output_dir, collections=None, authcfg: str | None = None,
             epsg: int = EPSG, client: FeatureClient | None = None, feedback=None, replace: bool = False,
             around_tasks: float | None = None) -> dict:
    """Create ``output_dir/fieldwork.gpkg`` with the area's features; returns counts per collection.

    ``collections`` None: DLTB, ZD, EVIDENCE and — when the data centre has it — the field tasks RWTB
    of the area (the township's tasks, with every patch and parcel around them).
    ``around_tasks`` (metres): only the features within that distance of the area's open tasks (待核查) are
    checked out with the tasks — a laptop going out to check tasks carries their surroundings, not the
    whole township; the next syncs keep to those boxes. Tasks spread all over the area (their boxes would
    cover more than half of it) are checked out with the whole area: that is the faster read.

    An existing package is never overwritten: see :func:`guard_existing`.
    """
    from .lock import package_lock

    Path(output_dir).mkdir(parents=True, exist_ok=True)
    with package_lock(package_path(output_dir)):
        if client is not None:
            return _checkout(url, area, output_dir, collections, authcfg, epsg, client, feedback, replace,
                             around_tasks)
        if package_path(output_dir).exists() and not replace:
            guard_existing(output_dir, False)  # fail before any request when the folder's package has work
        with FeatureClient(url, authcfg) as own:
            return _checkout(url, area, output_dir, collections, authcfg, epsg, own, feedback, replace, around_tasks)


def _around_tasks(client, resolved: dict, epsg: int, margin: float) -> list:
    """The boxes around the area's open tasks; a clear refusal when it has none (never an empty package)."""
    import shapely

    from ..tasks.model import OPEN
    from .area import boxes_around

    tasks = read_area(client, TASKS, resolved, epsg, True)
    bounds = [shapely.from_wkb(t.geom).bounds for t in tasks.values() if t.geom and t.props.get("ZT") == OPEN]
    if not bounds:
        raise LandOfficeError("The area holds no open field task (待核查): there is nothing to check out around. "
                              "Check out the whole area instead, or publish tasks first (landoffice:fieldtasks).")
    boxes = boxes_around(bounds, margin)
    x0, y0, x1, y1 = resolved["bbox"]
    covered = sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes)
    if covered > COVER_SHARE * (x1 - x0) * (y1 - y0):
        return []  # tasks all over the area: the whole area is read faster than boxes that cover most of it
    return boxes


def _checkout(url, area, output_dir, collections, authcfg, epsg, client, feedback, replace, around_tasks=None) -> dict:
    if package_path(output_dir).exists() and not replace:
        guard_existing(output_dir, False)  # fail before any request when the folder's package has work
    conformance = client.conformance()
    available = client.collections()
    if collections is None:
        collections = [*DEFAULT_COLLECTIONS, *([TASKS] if TASKS in available else [])]
    missing = [c for c in collections if c not in available]
    if missing:
        raise LandOfficeError("The data centre has no collection {missing} (it has: {available}): choose the "
                              "collections to check out among these.", missing=", ".join(missing),
                              available=", ".join(sorted(available)))
    resolved = resolve_area(client, area, epsg, conformance)
    if around_tasks is not None:
        if TASKS not in collections:
            raise LandOfficeError("A checkout around the field tasks needs the RWTB collection: the data centre "
                                  "has none, or it was left out of the collections.")
        boxes = _around_tasks(client, resolved, epsg, float(around_tasks))
        if boxes:
            resolved["boxes"] = boxes
        resolved["around_tasks"] = float(around_tasks)
    layers, data = {}, {}
    for index, collection in enumerate(collections):
        if feedback is not None:
            if feedback.isCanceled():
                raise LandOfficeError("The checkout was cancelled; nothing was written: run it again.")
            feedback.setProgress(100.0 * index / len(collections))
        schema = client.schema(collection)
        schema = {k: v for k, v in schema.items() if k not in SERVER_FIELDS}
        layers[collection] = ("Point" if not is_multi(collection) else "MultiPolygon", schema)
        data[collection] = read_area(client, collection, resolved, epsg, is_multi(collection))
    final = package_path(output_dir)
    path = final.with_name(final.stem + ".part" + final.suffix)
    if path.exists():
        path.unlink()
    create_package(path, layers, epsg)
    for collection, features in data.items():
        items = list(features.values())
        write_features(path, collection, items)
        if copy_rows(path, collection, BASE_PREFIX + collection) != len(items):
            raise LandOfficeError("The base copy of {collection} could not be written completely: nothing was "
                                  "checked out. Check the free disk space and check out again.", collection=collection)
    write_meta(path, {
        "format": FORMAT, "url": safe_url(client.url), "collections": list(collections), "area": resolved,
        "area_input": area if isinstance(area, str) else ",".join(map(str, resolved["bbox"])),
        "epsg": epsg, "server_conformance": conformance,
        "writable": client.supports_writes(conformance),
        "tombstones": TOMBSTONES in available,
        "base_counts": {c: len(d) for c, d in data.items()},
        "checked_out_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "server_versions": {c: max((f.version or 0 for f in d.values()), default=0) for c, d in data.items()},
    })
    try:
        kept = guard_existing(output_dir, replace)  # checked again: the folder may have changed meanwhile
        try:
            os.replace(path, final)
        except PermissionError as err:
            if kept is not None:
                from . import sync_log

                _move_back([(final, kept)])
                sync_log.append(output_dir, [f"checkout: stopped (the package is open elsewhere); {kept.name} "
                                             f"was moved back to {final.name}"])
            raise _open_elsewhere(final) from err
    except LandOfficeError:
        path.unlink(missing_ok=True)  # nothing was changed: no half-made package left behind either
        raise
    path = final
    (Path(output_dir) / PHOTO_DIR).mkdir(exist_ok=True)
    if "EVIDENCE" in collections:
        from .photos import extract_photos

        extract_photos(path)
    if feedback is not None:
        feedback.setProgress(100.0)
    return {c: len(d) for c, d in data.items()}
