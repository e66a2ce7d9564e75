"""Evidence photos of a task: where, which way and when each was taken, and a hash that catches a later change.

:func:`attach_photo` copies a JPEG into the package's ``photos/`` folder and adds an EVIDENCE point
that names the task (``TARGET_ID``). The position, the direction (GPSImgDirection, degrees from
north) and the time (DateTimeOriginal) come from the photo's EXIF, read with QGIS's own exiv2
reader (:class:`qgis.core.QgsExifTools`); what the photo lacks is taken from what the user entered,
and a photo without a position is refused unless one is entered (``POS_SOURCE`` says which).
The photo's SHA-256 goes into ``PHOTO_SHA256``; the pre-sync checks compare it with the file, so a
photo replaced or edited after it was attached is found before it reaches the data centre.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import shutil
from pathlib import Path

import shapely

from ..core.errors import LandOfficeError
from ..sync.features import Feature, new_id
from ..sync.package import PHOTO_DIR, open_package, read_layer, read_meta, write_features
from .model import COLLECTION as TASKS

EVIDENCE = "EVIDENCE"
EXIF, ENTERED = "exif", "entered"


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _variant(value):
    if value is None:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    return value


def read_exif(photo) -> dict:
    """``{"lon", "lat", "direction", "taken_at"}`` of a JPEG (None where the photo does not say)."""
    from qgis.core import QgsExifTools

    path = str(photo)
    out = {"lon": None, "lat": None, "direction": None, "taken_at": None}
    if QgsExifTools.hasGeoTag(path):
        point, ok = QgsExifTools.getGeoTag(path)
        if ok and not (point.x() == 0 and point.y() == 0):
            out["lon"], out["lat"] = point.x(), point.y()
    direction = _variant(QgsExifTools.readTag(path, "Exif.GPSInfo.GPSImgDirection"))
    try:
        out["direction"] = float(direction) % 360.0 if direction is not None else None
    except (TypeError, ValueError):
        out["direction"] = None
    taken = _variant(QgsExifTools.readTag(path, "Exif.Photo.DateTimeOriginal"))
    if isinstance(taken, _dt.datetime):
        out["taken_at"] = taken.strftime("%Y-%m-%dT%H:%M:%S")
    elif isinstance(taken, str) and taken.strip():
        text = taken.strip()
        try:
            out["taken_at"] = _dt.datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S").strftime("%Y-%m-%dT%H:%M:%S")
        except ValueError:
            out["taken_at"] = text[:32]
    return out


def _to_storage(lon: float, lat: float, epsg: int) -> tuple:
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem(f"EPSG:{epsg}"), QgsProject.instance())
    point = transform.transform(QgsPointXY(lon, lat))
    return point.x(), point.y()


def attach_photo(directory, task_id: str, photo, note: str = "", position=None, direction=None,
                 taken_at: str | None = None) -> Feature:
    """Add ``photo`` to task ``task_id`` of the field package in ``directory``; returns the EVIDENCE feature.

    ``position`` (x, y in the package's CRS), ``direction`` and ``taken_at`` are used only where the
    photo's EXIF has none."""
    path = open_package(directory)
    meta = read_meta(path)
    if TASKS not in meta.get("collections", []) or EVIDENCE not in meta.get("collections", []):
        raise LandOfficeError("This field package has no field tasks (RWTB) or no evidence layer: check out again "
                              "from a data centre that has them.")
    tasks = read_layer(path, TASKS)
    if task_id not in tasks:
        raise LandOfficeError("Task {task} is not in this field package: pick a task of the package's RWTB layer.",
                              task=task_id)
    photo = Path(photo)
    if not photo.is_file():
        raise LandOfficeError("The photo {path} does not exist: choose the JPEG file again.", path=str(photo))
    exif = read_exif(photo)
    epsg = int(meta.get("epsg", 4549))
    if exif["lon"] is not None:
        x, y, source = *_to_storage(exif["lon"], exif["lat"], epsg), EXIF
    elif position is not None:
        (x, y), source = position, ENTERED
    else:
        raise LandOfficeError("The photo {path} has no GPS position in its EXIF: enter where it was taken "
                              "(click the map, or give the coordinates).", path=photo.name)
    heading = exif["direction"] if exif["direction"] is not None else direction
    when = exif["taken_at"] or taken_at
    if not when:
        raise LandOfficeError("The photo {path} has no time in its EXIF: enter when it was taken.", path=photo.name)
    number = str(tasks[task_id].props.get("RWBH") or task_id[:8])
    folder = path.parent / PHOTO_DIR
    folder.mkdir(exist_ok=True)
    target, n = folder / f"{number}_1{photo.suffix.lower() or '.jpg'}", 1
    while target.exists():
        n += 1
        target = folder / f"{number}_{n}{photo.suffix.lower() or '.jpg'}"
    shutil.copyfile(photo, target)
    props = {"TARGET_ID": task_id, "DIRECTION": float(heading) if heading is not None else None,
             "TAKEN_AT": when, "NOTE": (note or "")[:500] or None, "PHOTO_NAME": f"{PHOTO_DIR}/{target.name}",
             "PHOTO_SHA256": sha256_of(target), "POS_SOURCE": source}
    fields = set(_layer_fields(path))
    feature = Feature(new_id(), None, {k: v for k, v in props.items() if k in fields},
                      shapely.to_wkb(shapely.Point(x, y), byte_order=1))
    write_features(path, EVIDENCE, [feature])
    return feature


def _layer_fields(path) -> list:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    try:
        defn = ds.GetLayerByName(EVIDENCE).GetLayerDefn()
        return [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    finally:
        ds = None


def changed_photos(path, features) -> list:
    """(feature id, photo name, why) of evidence whose file no longer matches the hash taken when it was attached."""
    out = []
    root = Path(path).parent
    for feature in features:
        recorded = feature.props.get("PHOTO_SHA256")
        name = feature.props.get("PHOTO_NAME") or ""
        if not recorded or not name:
            continue
        file = root / name
        if not file.is_file():
            out.append((feature.id, name, "missing"))
        elif sha256_of(file) != recorded:
            out.append((feature.id, name, "changed"))
    return out


def complete_task(directory, task_id: str, result: str, inspector: str, status: str, date: str | None = None):
    """Record a task's outcome in the field package (what the laptop form does): status, result, who, when."""
    from .model import OPEN, STATUSES

    if status not in STATUSES or status == OPEN:
        raise LandOfficeError("A checked task's status is 已核查 or 已整改, not {status}.", status=status)
    if not (result or "").strip() or not (inspector or "").strip():
        raise LandOfficeError("Record the result and who checked it before closing task {task}.", task=task_id)
    path = open_package(directory)
    tasks = read_layer(path, TASKS)
    if task_id not in tasks:
        raise LandOfficeError("Task {task} is not in this field package: pick a task of the package's RWTB layer.",
                              task=task_id)
    feature = tasks[task_id]
    feature.props.update({"ZT": status, "HCJG": result.strip()[:500], "HCRY": inspector.strip()[:50],
                          "HCRQ": date or _dt.date.today().isoformat()})
    write_features(path, TASKS, [feature])
    return feature
